import { assertOneOf, describeValue } from '../internal/validate';

/** The decimal mark of numeric text. */
export type DecimalMark = ',' | '.';

const MARKS: readonly DecimalMark[] = [',', '.'];
const MODES: readonly (DecimalMark | 'auto')[] = [',', '.', 'auto'];

/** Options of {@link detectDecimal}. */
export interface DetectDecimalOptions {
  /** The mark to use when the values do not decide (rule 3). Default `'.'`. */
  readonly fallback?: DecimalMark;
}

/** Options of {@link parseNumber}. */
export interface ParseNumberOptions {
  /**
   * The decimal mark: `','` (Danish: `1,5`, `60.828` = 60828), `'.'` (English: `1.5`,
   * `60,828` = 60828) or `'auto'` (default), which applies {@link detectDecimal} to this one
   * value; for a column, detect once over all its values with `numericColumn`.
   */
  readonly decimal?: DecimalMark | 'auto';
}

/**
 * Strict patterns of a number per decimal mark: optional sign, an integer part that is plain
 * digits or digits grouped in threes by the other mark or by spaces (space, no-break space,
 * narrow no-break space), and an optional fraction. Groups must be exactly three digits, so with
 * `','` the text `1.5` is not a number (rather than silently 15).
 */
const COMMA_DECIMAL = /^([+-])?(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)?(?:,(\d+))?$/;
const DOT_DECIMAL = /^([+-])?(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)?(?:\.(\d+))?$/;

/** What one value says about the decimal mark. */
type Evidence = DecimalMark | 'dot-or-group' | 'comma-or-group' | null;

/**
 * Classifies one value (see the rule on {@link detectDecimal}). Text that is not made of
 * digits, marks and white space (after a sign) says nothing.
 */
function evidenceOf(value: string): Evidence {
  const text = value.trim().replace(/^[+\-\u2212]/, '');
  if (!/^[\d.,\s]*\d[\d.,\s]*$/.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? ',' : '.';
  if (lastComma < 0 && lastDot < 0) return null;
  const sep = lastComma >= 0 ? ',' : '.';
  const other: DecimalMark = sep === ',' ? '.' : ',';
  const parts = text.split(sep);
  if (parts.length > 2) return other; // 1.234.567: repeated, so a thousands separator
  const [whole = '', fraction = ''] = parts;
  // Only `1`–`999` (no leading zero) followed by exactly three digits can be a thousands group.
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) {
    return sep === ',' ? 'comma-or-group' : 'dot-or-group';
  }
  return sep;
}

/**
 * Decides the decimal mark of a column of numeric text.
 *
 * The rule, applied to the values that look numeric (digits, `,`, `.`, spaces, a sign;
 * "Ved ikke" and blanks are ignored):
 *
 * 1. A value decides for one mark when it can only be read one way:
 *    - it holds both marks: the last one is the decimal mark (`1.234,5` → `,`; `1,234.5` → `.`);
 *    - it holds one mark twice or more: that mark groups thousands, so the other is decimal
 *      (`1.234.567` → `,`);
 *    - it holds one mark once, and either not followed by exactly three digits or preceded by
 *      something other than 1–3 digits without a leading zero (so it cannot group thousands):
 *      that mark is decimal (`1,5`, `12,25`, `0,750`, `1234,567`, `,5` → `,`; `2.25` → `.`).
 *    The mark with more deciding values wins.
 * 2. If that is a tie (often: no deciding values) and the remaining numeric values with a mark
 *    all use the same one once followed by exactly three digits (`60.828`, `1,234`), they are read
 *    as thousands separators: `.` gives `,` and `,` gives `.`. A column of values such as
 *    `60.828` is more likely population counts than numbers all having three decimals.
 * 3. Otherwise `options.fallback` (default `'.'`); integers alone parse the same either way.
 *
 * @param values - the column's cells (`null` and non-numeric text are ignored)
 * @param options - `fallback` for rule 3
 * @returns `','` or `'.'`
 * @throws TypeError when `values` is not an array-like
 * @example
 * ```ts
 * detectDecimal(['1,5', '2', null, 'Ved ikke']); // ','
 * detectDecimal(['60.828', '101.017']);          // ','  (thousands separators, rule 2)
 * detectDecimal(['1,234', '2.5']);               // '.'
 * detectDecimal(['12', '7']);                    // '.'  (fallback)
 * ```
 */
export function detectDecimal(
  values: ArrayLike<string | null | undefined>,
  options?: DetectDecimalOptions,
): DecimalMark {
  const fn = 'detectDecimal';
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TypeError(`${fn}: values must be an array of texts, got ${describeValue(values)}`);
  }
  const fallback = options?.fallback ?? '.';
  assertOneOf(fn, fallback, MARKS, 'fallback');
  let comma = 0;
  let dot = 0;
  let groupingDot = false;
  let groupingComma = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'string') continue;
    const evidence = evidenceOf(value);
    if (evidence === ',') comma++;
    else if (evidence === '.') dot++;
    else if (evidence === 'dot-or-group') groupingDot = true;
    else if (evidence === 'comma-or-group') groupingComma = true;
  }
  if (comma !== dot) return comma > dot ? ',' : '.';
  if (groupingDot !== groupingComma) return groupingDot ? ',' : '.';
  return fallback;
}

/**
 * Parses numeric text with a given (or detected) decimal mark, strictly.
 *
 * Accepted: an optional sign (`+`, `-` or the minus sign `−`), an integer part of plain digits
 * or of digits grouped in threes by the other mark or by (no-break) spaces, and an optional
 * fraction after the decimal mark; surrounding white space is ignored. With decimal `','`:
 * `'1,5'` → 1.5, `'60.828'` → 60828, `'-0,25'` → −0.25, `'1.5'` → NaN (a group must have three
 * digits). With `'.'` the reverse. Anything else ("Ved ikke", blanks, `null`) is NaN: the
 * caller decides whether that is missing or an error (as `numericColumn` does).
 *
 * @param text - the cell; a number is returned unchanged
 * @param options - `decimal`: `','`, `'.'` or `'auto'` (default; {@link detectDecimal} on this value)
 * @returns the number, or NaN when the text is not a number in that notation
 * @throws RangeError for an unknown `decimal`
 * @example
 * ```ts
 * parseNumber('1,5', { decimal: ',' });       // 1.5
 * parseNumber('60.828', { decimal: ',' });    // 60828
 * parseNumber('60,828', { decimal: '.' });    // 60828
 * parseNumber('Ved ikke', { decimal: ',' });  // NaN
 * parseNumber('0,25');                        // 0.25 ('auto')
 * ```
 */
export function parseNumber(
  text: string | number | null | undefined,
  options?: ParseNumberOptions,
): number {
  const mode = options?.decimal ?? 'auto';
  assertOneOf('parseNumber', mode, MODES, 'decimal');
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return NaN;
  const mark = mode === 'auto' ? detectDecimal([text]) : mode;
  return parseWithMark(text, mark);
}

/** Parses with a known mark; NaN when the text does not match. Internal (shared with numericColumn). */
export function parseWithMark(text: string, mark: DecimalMark): number {
  const match = (mark === ',' ? COMMA_DECIMAL : DOT_DECIMAL).exec(text.trim().replace(/^\u2212/, '-'));
  if (match === null) return NaN;
  const [, sign = '', whole = '', fraction] = match;
  if (whole === '' && fraction === undefined) return NaN;
  const digits = whole.replace(/\D/g, '');
  return Number(`${sign}${digits === '' ? '0' : digits}${fraction === undefined ? '' : `.${fraction}`}`);
}
