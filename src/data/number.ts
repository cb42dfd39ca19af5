/**
 * The one number parser of likertkit: numeric text with an explicit (or per-column decided)
 * decimal mark and thousands mark. `survey()`, `readFrame`, `numericColumn` and the csv
 * `parseNumber` / `detectDecimal` all read numbers through this file.
 *
 * Everything here runs in time linear in the length of the text: a hand-written scanner, no
 * regular expression that could backtrack on a long cell.
 */
import { assertOneOf, checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { isMissingValue } from './source';

/** The decimal mark of numeric text: `','` (Danish `1,5`) or `'.'` (English `1.5`). */
export type DecimalMark = ',' | '.';

/**
 * The mark that groups thousands: `'.'` (Danish `60.828`), `','` (English `60,828`), `' '`
 * (space, also no-break space U+00A0 and narrow no-break space U+202F), `"'"` (Swiss `60'828`)
 * or `''` (no grouping allowed).
 */
export type ThousandsMark = '.' | ',' | ' ' | "'" | '';

/** Options of {@link parseNumber}. */
export interface ParseNumberOptions {
  /**
   * `','`, `'.'` or `'auto'` (default): decided from this one value as {@link detectDecimal}
   * decides a column; a value that reads two ways (`60.828`) is refused with a RangeError.
   */
  readonly decimal?: DecimalMark | 'auto';
  /**
   * The thousands mark. Default: the other mark than the decimal one, or a space (U+0020,
   * U+00A0, U+202F); `''` allows no grouping at all.
   */
  readonly thousands?: ThousandsMark;
}

/** Options of {@link detectDecimal}. */
export interface DetectDecimalOptions {
  /** The mark returned when no value decides (integers only, or no numbers). Default `'.'`. */
  readonly fallback?: DecimalMark;
  /** The thousands mark the values use, when known; it rules readings in or out. */
  readonly thousands?: ThousandsMark;
  /** The column's name, for the message of an ambiguous column. */
  readonly column?: string;
}

const DECIMAL_MODES: readonly (DecimalMark | 'auto')[] = [',', '.', 'auto'];
const THOUSANDS_MARKS: readonly ThousandsMark[] = ['.', ',', ' ', "'", ''];
const DECIMAL_MARKS: readonly DecimalMark[] = [',', '.'];

/** Which characters may group digits: a set of characters, all read as one kind of mark. */
type Grouping = 'default' | ThousandsMark;

const SPACES = ' \u00A0\u202F';

/** True when `ch` is a grouping character under `grouping` with decimal mark `decimal`. */
function isGroupChar(ch: string, decimal: DecimalMark, grouping: Grouping): boolean {
  if (grouping === '') return false;
  if (grouping === 'default') return ch === (decimal === ',' ? '.' : ',') || SPACES.includes(ch);
  if (grouping === ' ') return SPACES.includes(ch);
  return ch === grouping;
}

/** Spaces of all three kinds count as one mark, so `1 234\u00A0567` is consistent. */
function groupClass(ch: string): string {
  return SPACES.includes(ch) ? ' ' : ch;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Scans numeric text with known marks in one pass. Grammar (after trimming white space):
 *
 *   sign?  integer?  (decimal digits+)?  (e|E sign? digits+)?
 *
 * where sign is `+`, `-` or the minus sign U+2212, and integer is plain digits, or a first group
 * of 1–3 digits (not starting with 0) followed by groups of exactly three digits, each after the
 * same thousands mark. At least one digit must come before the exponent; an exponent is not
 * allowed after grouped digits (`1.234e5` is refused rather than guessed). The result must be
 * finite. Returns NaN for anything else.
 */
function scan(raw: string, decimal: DecimalMark, grouping: Grouping): number {
  // The common cell, 1 to 15 plain digits (a count, a population, a code), is its value: every
  // partial sum stays below 2^53, so it is exact, and it reads the same under either mark.
  const digits = raw.length;
  if (digits > 0 && digits <= 15) {
    let value = 0;
    let k = 0;
    for (; k < digits; k++) {
      const d = raw.charCodeAt(k) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (k === digits) return value;
  }
  const text = raw.trim();
  const length = text.length;
  let i = 0;
  let negative = false;
  const first = text[0];
  if (first === '+' || first === '-' || first === '\u2212') {
    negative = first !== '+';
    i = 1;
  }
  // Integer part: digit runs separated by one consistent grouping mark.
  const runStart = i;
  while (i < length && isDigit(text.charCodeAt(i))) i++;
  let integer = text.slice(runStart, i);
  let grouped = false;
  if (i < length && integer.length > 0 && isGroupChar(text[i] as string, decimal, grouping)) {
    if (integer.length > 3 || (integer[0] === '0')) return NaN;
    const mark = groupClass(text[i] as string);
    const parts = [integer];
    while (i < length && isGroupChar(text[i] as string, decimal, grouping)) {
      if (groupClass(text[i] as string) !== mark) return NaN;
      const start = i + 1;
      let end = start;
      while (end < length && isDigit(text.charCodeAt(end))) end++;
      if (end - start !== 3) return NaN;
      parts.push(text.slice(start, end));
      i = end;
    }
    integer = parts.join('');
    grouped = true;
  }
  // Fraction.
  let fraction = '';
  if (i < length && text[i] === decimal) {
    const start = i + 1;
    let end = start;
    while (end < length && isDigit(text.charCodeAt(end))) end++;
    if (end === start) return NaN;
    fraction = text.slice(start, end);
    i = end;
  }
  if (integer === '' && fraction === '') return NaN;
  // Exponent.
  let exponent = '';
  if (i < length && (text[i] === 'e' || text[i] === 'E')) {
    if (grouped) return NaN;
    i++;
    let sign = '';
    const s = text[i];
    if (s === '+' || s === '-' || s === '\u2212') {
      sign = s === '+' ? '' : '-';
      i++;
    }
    const start = i;
    while (i < length && isDigit(text.charCodeAt(i))) i++;
    if (i === start) return NaN;
    exponent = `e${sign}${text.slice(start, i)}`;
  }
  if (i !== length) return NaN;
  const value = Number(`${negative ? '-' : ''}${integer === '' ? '0' : integer}${fraction === '' ? '' : `.${fraction}`}${exponent}`);
  return Number.isFinite(value) ? value : NaN;
}

/** What one text says about the decimal mark: a mark, both readings equal, or two readings. */
type Evidence = DecimalMark | 'either' | 'ambiguous' | 'none';

function evidenceOf(text: string, thousands: Grouping): Evidence {
  const comma = thousands === ',' ? NaN : scan(text, ',', thousands);
  const dot = thousands === '.' ? NaN : scan(text, '.', thousands);
  const commaOk = !Number.isNaN(comma);
  const dotOk = !Number.isNaN(dot);
  if (commaOk && dotOk) return comma === dot ? 'either' : 'ambiguous';
  if (commaOk) return ',';
  if (dotOk) return '.';
  return 'none';
}

/**
 * True when a value is a finite number, a BigInt within ±2^53, or text that is a number with at
 * least one of the two decimal marks (under `thousands`, when given). Internal: `readFrame` uses
 * it to tell numeric columns from text ones before deciding their mark.
 */
export function readsAsNumber(value: unknown, thousands?: ThousandsMark): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'bigint') return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER);
  if (typeof value !== 'string') return false;
  return evidenceOf(value, thousands ?? 'default') !== 'none';
}

/** A cell of a column: its zero-based position and its value. */
export interface NumberCell {
  /** Zero-based position in the column. */
  readonly row: number;
  /** The value as it was. */
  readonly value: unknown;
}

/** How a column's decimal mark was decided: a mark, or the cells that make it ambiguous. */
type Decision = { readonly mark: DecimalMark; readonly decided: boolean } | { readonly ambiguous: readonly NumberCell[] };

const EXAMPLES = 3;

/**
 * Decides the decimal mark of a column from all its text values: each value that parses with
 * only one mark votes for it; the mark with more votes wins (the other mark's values are then
 * bad cells, reported by the caller). Values that parse with both marks to different numbers
 * (`60.828`: 60828 or 60.828) are ambiguous; they follow the winner, but when nothing votes, or
 * the votes tie, the column is ambiguous and the decision is refused.
 */
function decide(values: ArrayLike<unknown>, thousands: Grouping, fallback: DecimalMark): Decision {
  if (thousands === '.') return { mark: ',', decided: true };
  if (thousands === ',') return { mark: '.', decided: true };
  let comma = 0;
  let dot = 0;
  const ambiguous: NumberCell[] = [];
  const commaCells: NumberCell[] = [];
  const dotCells: NumberCell[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'string') continue;
    const evidence = evidenceOf(value, thousands);
    if (evidence === ',') {
      comma++;
      if (commaCells.length < EXAMPLES) commaCells.push({ row: i, value });
    } else if (evidence === '.') {
      dot++;
      if (dotCells.length < EXAMPLES) dotCells.push({ row: i, value });
    } else if (evidence === 'ambiguous' && ambiguous.length < EXAMPLES) {
      ambiguous.push({ row: i, value });
    }
  }
  if (comma > dot) return { mark: ',', decided: true };
  if (dot > comma) return { mark: '.', decided: true };
  if (comma > 0) return { ambiguous: [...commaCells.slice(0, 2), ...dotCells.slice(0, 2)] };
  if (ambiguous.length > 0) return { ambiguous };
  return { mark: fallback, decided: false };
}

/**
 * The message for a column whose decimal mark cannot be decided, naming the column and cells.
 * Internal.
 */
export function ambiguityMessage(fn: string, column: string | undefined, cells: readonly NumberCell[]): string {
  const where = column === undefined ? 'the values' : `column "${column}"`;
  const examples = cells.map((cell) => `${JSON.stringify(cell.value)} (row ${cell.row})`).join(', ');
  return (
    `${fn}: cannot tell the decimal mark of ${where}: ${examples} read as different numbers with a decimal comma ` +
    `(thousands dots) and with a decimal point; pass decimal: ',' (Danish, 60.828 = 60828) or decimal: '.' (English, 60.828 = 60.828)`
  );
}

function checkMarks(fn: string, decimal: unknown, thousands: unknown): void {
  assertOneOf(fn, decimal as DecimalMark | 'auto', DECIMAL_MODES, 'decimal');
  if (thousands !== undefined) {
    assertOneOf(fn, thousands as ThousandsMark, THOUSANDS_MARKS, 'thousands');
    if (thousands === decimal) {
      throw new RangeError(`${fn}: decimal and thousands are both ${JSON.stringify(decimal)}; give two different marks`);
    }
  }
}

/**
 * Decides the decimal mark of a column of numeric text from all its values.
 *
 * Each text is tried with both marks. A value that is a number with only one of them decides
 * for it (`1,5`, `0,750`, `1.234,5`, `1.234.567` → `,`; `2.25`, `1,234.5` → `.`); the mark with
 * more such values wins. A value that reads as two different numbers (`60.828`: 60828 with
 * thousands dots, 60.828 with a decimal point) follows the winner. When no value decides and some
 * are ambiguous (a column of only `104.305` and `60.828`), or the deciding values tie, the column
 * is ambiguous and `detectDecimal` throws: pass the mark explicitly. Integers alone are not
 * ambiguous (they read the same either way) and give `options.fallback`.
 *
 * @param values - the column's cells (`null`, blanks and non-numeric text are ignored)
 * @param options - `fallback` (default `'.'`), `thousands`, `column` (for the message)
 * @returns `','` or `'.'`
 * @throws TypeError when `values` is not an array-like; RangeError for an unknown option value
 *   or an ambiguous column (the message names the column and example cells)
 * @example
 * ```ts
 * detectDecimal(['1,5', '2', null, 'Ved ikke']); // ','
 * detectDecimal(['60.828', '1,5']);              // ','  (60.828 follows 1,5: 60828)
 * detectDecimal(['12', '7']);                    // '.'  (fallback)
 * detectDecimal(['60.828', '104.305']);          // throws RangeError: cannot tell the decimal mark …
 * ```
 */
export function detectDecimal(values: ArrayLike<unknown>, options?: DetectDecimalOptions): DecimalMark {
  const fn = 'detectDecimal';
  if (values === null || typeof values !== 'object' || typeof (values as ArrayLike<unknown>).length !== 'number') {
    throw new TypeError(`${fn}: values must be an array of texts, got ${describeValue(values)}`);
  }
  checkOptionKeys(fn, options, optionKeys<DetectDecimalOptions>({ fallback: true, thousands: true, column: true }));
  const fallback = options?.fallback ?? '.';
  assertOneOf(fn, fallback, DECIMAL_MARKS, 'fallback');
  const thousands = options?.thousands;
  if (thousands !== undefined) assertOneOf(fn, thousands, THOUSANDS_MARKS, 'thousands');
  const decision = decide(values, thousands ?? 'default', fallback);
  if ('ambiguous' in decision) throw new RangeError(ambiguityMessage(fn, options?.column, decision.ambiguous));
  return decision.mark;
}

/**
 * Parses one numeric cell, strictly and in linear time.
 *
 * Accepted, after trimming white space: an optional sign (`+`, `-` or the minus sign U+2212);
 * an integer part of plain digits, or of a first group of 1–3 digits (not starting with 0)
 * followed by groups of exactly three digits after one consistent thousands mark; an optional
 * fraction after the decimal mark; and an optional exponent (`1e3`, `2,5e-3` with a decimal
 * comma) when the digits are not grouped. With decimal `','`: `'1,5'` → 1.5, `'60.828'` →
 * 60828, `'−0,25'` → −0.25, `'1.5'` → NaN (a group has three digits). With `'.'` the reverse.
 * The result must be finite: `'1e400'`, `'Infinity'` and `Infinity` are NaN, as are `'Ved
 * ikke'`, blanks and `null` — the caller decides whether that is missing or an error. A finite
 * number is returned as it is.
 *
 * @param text - the cell
 * @param options - `decimal` (`','`, `'.'` or `'auto'`, the default), `thousands`
 * @returns the number, or NaN when the text is not a finite number in that notation
 * @throws RangeError for an unknown `decimal` or `thousands`, the same mark for both, or (with
 *   `'auto'`) a value that reads as two different numbers, such as `'60.828'`
 * @example
 * ```ts
 * parseNumber('1,5', { decimal: ',' });                  // 1.5
 * parseNumber('60.828', { decimal: ',' });               // 60828
 * parseNumber('60,828', { decimal: '.' });               // 60828
 * parseNumber("60'828,5", { decimal: ',', thousands: "'" }); // 60828.5
 * parseNumber('2,5e-3', { decimal: ',' });               // 0.0025
 * parseNumber('Ved ikke', { decimal: ',' });             // NaN
 * parseNumber('0,25');                                   // 0.25 ('auto')
 * parseNumber('60.828');                                 // throws RangeError: pass decimal
 * ```
 */
export function parseNumber(text: unknown, options?: ParseNumberOptions): number {
  const fn = 'parseNumber';
  if (options !== undefined) checkOptionKeys(fn, options, optionKeys<ParseNumberOptions>({ decimal: true, thousands: true }));
  const decimal = options?.decimal ?? 'auto';
  const thousands = options?.thousands;
  checkMarks(fn, decimal, thousands);
  if (typeof text === 'number') return Number.isFinite(text) ? text : NaN;
  if (typeof text !== 'string') return NaN;
  let mark: DecimalMark;
  if (decimal === 'auto') {
    const decision = decide([text], thousands ?? 'default', '.');
    if ('ambiguous' in decision) throw new RangeError(ambiguityMessage(fn, undefined, decision.ambiguous));
    mark = decision.mark;
  } else mark = decimal;
  return scan(text, mark, thousands ?? 'default');
}

/** Options of {@link readNumberColumn}. */
export interface ReadNumberColumnOptions {
  readonly decimal?: DecimalMark | 'auto';
  readonly thousands?: ThousandsMark;
  /** The column's name, for messages. */
  readonly column?: string;
}

/** Result of {@link readNumberColumn}. */
export interface NumberColumn {
  /** One value per cell; NaN for missing, bad and (in an ambiguous column) every cell. */
  readonly values: Float64Array;
  /** Cells that are present but not finite numbers, in order. */
  readonly bad: NumberCell[];
  /** The decimal mark used (given, decided, or the fallback `'.'` when nothing decides). */
  readonly decimal: DecimalMark;
  /** Cells that are missing (the library's missing rule). */
  readonly missing: number;
  /** With `'auto'`: example cells that make the column ambiguous; `null` when it is not. */
  readonly ambiguous: readonly NumberCell[] | null;
}

/**
 * Reads one column as numbers: the column reader behind `survey()`, `readFrame` and
 * `numericColumn`. Missing cells (the library's missing rule) are NaN and counted; a finite
 * number is kept; a BigInt within ±2^53 becomes a number; text is parsed with the column's
 * decimal mark (given, or decided once from all its values); anything else — text that is not a
 * number, ±Infinity, a larger BigInt, a boolean — is NaN and listed in `bad`. An ambiguous
 * column under `'auto'` gives `ambiguous` and all-NaN values: the caller refuses it.
 * Internal: not exported from `src/index.ts`.
 *
 * @throws RangeError for unknown `decimal` / `thousands` values or the same mark for both
 */
export function readNumberColumn(fn: string, values: ArrayLike<unknown>, options: ReadNumberColumnOptions = {}): NumberColumn {
  const decimalOption = options.decimal ?? 'auto';
  const thousands = options.thousands;
  checkMarks(fn, decimalOption, thousands);
  const grouping: Grouping = thousands ?? 'default';
  const length = values.length;
  const out = new Float64Array(length);
  let decimal: DecimalMark;
  if (decimalOption === 'auto') {
    const decision = decide(values, grouping, '.');
    if ('ambiguous' in decision) {
      out.fill(NaN);
      let missing = 0;
      for (let i = 0; i < length; i++) if (isMissingValue(values[i])) missing++;
      return { values: out, bad: [], decimal: '.', missing, ambiguous: decision.ambiguous };
    }
    decimal = decision.mark;
  } else decimal = decimalOption;
  const bad: NumberCell[] = [];
  let missing = 0;
  for (let i = 0; i < length; i++) {
    const value = values[i];
    let x: number;
    if (isMissingValue(value)) {
      missing++;
      x = NaN;
    } else if (typeof value === 'number') {
      x = Number.isFinite(value) ? value : NaN;
      if (Number.isNaN(x)) bad.push({ row: i, value });
    } else if (typeof value === 'bigint') {
      const safe = value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER);
      x = safe ? Number(value) : NaN;
      if (!safe) bad.push({ row: i, value });
    } else if (typeof value === 'string') {
      x = scan(value, decimal, grouping);
      if (Number.isNaN(x)) bad.push({ row: i, value });
    } else {
      x = NaN;
      bad.push({ row: i, value });
    }
    out[i] = x;
  }
  return { values: out, bad, decimal, missing, ambiguous: null };
}
