/**
 * Finds where JSON text stops being valid, for a "file:line:column" in the message. `JSON.parse`
 * names the position in some Node versions only, so the text is scanned again by a small
 * recogniser (RFC 8259) that builds nothing and stops at the first error; it keeps its own
 * stack of open brackets instead of recursing, so any depth is fine.
 */

/** 1-based line and column of a problem in JSON text. */
export interface JsonPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Returns the line and column of the first syntax error in `text`, or `null` when it is valid
 * JSON.
 *
 * @param text - the JSON text
 * @example
 * jsonErrorPosition('{\n  "a": [,]\n}'); // { line: 2, column: 9 }
 */
export function jsonErrorPosition(text: string): JsonPosition | null {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const literal = (word: string): void => {
    for (const c of word) {
      if (text[i] !== c) fail();
      i++;
    }
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fail();
      if (c === '\\') {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail();
          i += 5;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail();
      }
      i++;
    }
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (match === null) fail();
    i += (match as RegExpExecArray)[0].length;
  };
  // Iterative, with an explicit stack of open containers, so that a config nested 20,000
  // levels deep is scanned without exhausting the call stack.
  const value = (): void => {
    const open: ('{' | '[')[] = [];
    for (;;) {
      // Expecting a value here.
      space();
      const c = text[i];
      let scalar = true;
      if (c === '{') {
        i++;
        space();
        if (text[i] === '}') i++;
        else {
          open.push('{');
          key();
          scalar = false;
        }
      } else if (c === '[') {
        i++;
        space();
        if (text[i] === ']') i++;
        else {
          open.push('[');
          scalar = false;
        }
      } else if (c === '"') string();
      else if (c === 't') literal('true');
      else if (c === 'f') literal('false');
      else if (c === 'n') literal('null');
      else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
      else fail();
      if (!scalar) continue;
      // After a complete value: close containers until one continues with a comma.
      for (;;) {
        const top = open[open.length - 1];
        if (top === undefined) return;
        space();
        if (text[i] === ',') {
          i++;
          if (top === '{') key();
          break;
        }
        if (text[i] === (top === '{' ? '}' : ']')) {
          i++;
          open.pop();
          continue;
        }
        fail();
      }
    }
  };
  /** An object member's key and colon, leaving the position at its value. */
  const key = (): void => {
    space();
    if (text[i] !== '"') fail();
    string();
    space();
    if (text[i] !== ':') fail();
    i++;
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return null;
  } catch (offset) {
    if (typeof offset !== 'number') throw offset;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
  }
}
