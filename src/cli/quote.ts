/** Quoting of names from the input for output that must stay one line per message. */

/**
 * Quotes a name for one line of output: `JSON.stringify`, and also escapes the characters that
 * it leaves as they are but that break or hide a line (DEL, C1 controls, U+2028, U+2029).
 *
 * @param name - a column name, label or other text from the input
 * @example
 * quoteName('a\nb'); // '"a\\nb"'
 */
export function quoteName(name: string): string {
  return escapeLineBreaks(JSON.stringify(name));
}

/**
 * Escapes line breaks and other control characters (C0, DEL, C1, U+2028, U+2029) in text that
 * goes on one line of output, as a backslash and `n`, `r`, `t`, or `uXXXX`.
 *
 * @param text - the text
 * @example
 * escapeLineBreaks('a\nb'); // 'a\\nb'
 */
export function escapeLineBreaks(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

