import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { ambiguityMessage, readNumberColumn, readsAsNumber, type DecimalMark, type ThousandsMark } from './number';
import { isMissingValue } from './source';

/** The kind of a frame column after {@link readFrame}: numbers, or text left as it was. */
export type FrameColumnKind = 'number' | 'text';

/** Options of {@link readFrame}. */
export interface ReadFrameOptions {
  /**
   * The decimal mark of numeric text: `','`, `'.'` or `'auto'` (default), decided per column
   * from all its values; a numeric column that reads two ways (only `104.305` and `60.828`) is
   * refused.
   */
  readonly decimal?: DecimalMark | 'auto';
  /** The thousands mark: default the other mark, or a space; `''` allows no grouping. */
  readonly thousands?: ThousandsMark;
}

/** One column of a frame read by {@link readFrame}. */
export interface FrameColumn {
  /** The column name, as in the rows. */
  readonly name: string;
  /** `'number'` when every non-missing value is a number, `'text'` otherwise. */
  readonly kind: FrameColumnKind;
  /** For a number column read from text: the decimal mark used; `null` otherwise. */
  readonly decimal: DecimalMark | null;
  /** Rows where the column is missing (absent, null, blank, NaN). */
  readonly missing: number;
  /** For a text column: why it is not numeric (the first cell that is not a number), else `null`. */
  readonly reason: string | null;
}

/** Result of {@link readFrame}: typed rows and each column's kind. */
export interface ReadFrameResult {
  /** New row objects with the same columns; number columns hold numbers, missing cells `null`. */
  readonly rows: Record<string, unknown>[];
  /** Every column, in order of first appearance. */
  readonly columns: FrameColumn[];
}

/**
 * Types a population frame read from CSV text (e.g. the 98 municipalities with population
 * `"60.828"`), so that `representativeness`, `targetsFromFrame` and `responseRates` see numbers
 * where the frame holds numbers.
 *
 * A column whose every non-missing value is a number becomes numbers, read by the rules of
 * `survey()` and `parseNumber`: `decimal` and `thousands` as given, or under `'auto'` decided per
 * column from all its values; a column that reads two ways (only `104.305` and `60.828`) or
 * mixes the two notations is refused with an error naming the column and cells. Any other
 * column stays text, as it was; so does a column of codes with leading zeros (`"0101"`), which
 * as numbers would lose them. Missing cells (absent, `null`, blank) become `null` in number
 * columns. Only the rows' own properties are read: a column named `constructor` or `__proto__`
 * is data like any other, and a row that lacks a column has it missing.
 *
 * @param rows - one object per unit, e.g. `parseCsv(text).rows`
 * @param options - `decimal`, `thousands`
 * @returns new rows (the input is not changed) and each column's kind
 * @throws TypeError when `rows` is not an iterable of objects; RangeError for an unknown
 *   `decimal` / `thousands`, or a numeric column whose decimal mark cannot be told (pass
 *   `decimal`) or that mixes notations
 * @example
 * ```ts
 * const { rows, columns } = readFrame(parseCsv('kode;region;indbyggere\n101;Hovedstaden;632.340\n147;Hovedstaden;104.305\n').rows,
 *   { decimal: ',' });
 * rows[0];    // { kode: 101, region: 'Hovedstaden', indbyggere: 632340 }
 * columns[2]; // { name: 'indbyggere', kind: 'number', decimal: ',', missing: 0, reason: null }
 * ```
 */
export function readFrame(rows: Iterable<object>, options?: ReadFrameOptions): ReadFrameResult {
  const fn = 'readFrame';
  if (rows === null || typeof rows !== 'object' || typeof (rows as Iterable<object>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`${fn}: rows must be an array of row objects (e.g. parseCsv(text).rows), got ${describeValue(rows)}`);
  }
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError(`${fn}: options must be an object { decimal?, thousands? }, got ${describeValue(options)}`);
  }
  checkOptionKeys(fn, options, optionKeys<ReadFrameOptions>({ decimal: true, thousands: true }));
  const input: object[] = [];
  let position = 0;
  for (const row of rows) {
    if (row === null || typeof row !== 'object') {
      throw new TypeError(`${fn}: row ${position} must be an object of column values, got ${describeValue(row)}`);
    }
    input.push(row);
    position++;
  }
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of input) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  const marks = {
    ...(options?.decimal === undefined ? {} : { decimal: options.decimal }),
    ...(options?.thousands === undefined ? {} : { thousands: options.thousands }),
  };
  readNumberColumn(fn, [], marks); // checks the options even when no column holds text
  const typed = new Map<string, ArrayLike<unknown>>();
  const columns: FrameColumn[] = [];
  for (const name of names) {
    const values = input.map((row) => (Object.hasOwn(row, name) ? (row as Record<string, unknown>)[name] : undefined));
    const read = readNumberColumn(fn, values, { ...marks, column: name });
    let missing = 0;
    let notNumber: number | undefined;
    let code: number | undefined;
    let anyText = false;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (isMissingValue(value)) {
        missing++;
        continue;
      }
      if (typeof value === 'string') {
        anyText = true;
        if (code === undefined && hasLeadingZero(value)) code = i;
      }
      if (notNumber === undefined && !readsAsNumber(value, options?.thousands)) notNumber = i;
    }
    const reason =
      missing === values.length
        ? 'no values'
        : notNumber !== undefined
          ? `${describeValue(values[notNumber])} (row ${notNumber}) is not a number`
          : code !== undefined
            ? `${describeValue(values[code])} (row ${code}) is a code with a leading zero`
            : null;
    if (reason !== null) {
      columns.push({ name, kind: 'text', decimal: null, missing, reason });
      continue;
    }
    if (read.ambiguous !== null) throw new RangeError(ambiguityMessage(fn, name, read.ambiguous));
    if (read.bad.length > 0) {
      const cells = read.bad.slice(0, 3).map((cell) => `${describeValue(cell.value)} (row ${cell.row})`).join(', ');
      throw new RangeError(
        `${fn}: column "${name}" mixes number notations: with decimal "${read.decimal}" (what most values use) ${cells} ${read.bad.length === 1 ? 'is' : 'are'} not numbers; correct them, or pass decimal to read the column one way`,
      );
    }
    const out = new Array<unknown>(values.length);
    for (let i = 0; i < values.length; i++) out[i] = Number.isNaN(read.values[i]) ? null : read.values[i];
    typed.set(name, out);
    columns.push({ name, kind: 'number', decimal: anyText ? read.decimal : null, missing, reason: null });
  }
  const outRows = input.map((row, i) =>
    Object.fromEntries(
      Object.keys(row).map((key) => {
        const column = typed.get(key);
        return [key, column === undefined ? (row as Record<string, unknown>)[key] : column[i]];
      }),
    ),
  );
  return { rows: outRows, columns };
}

/** A code such as `"0101"`: digits (after a sign) starting with a zero followed by a digit. */
function hasLeadingZero(text: string): boolean {
  const trimmed = text.trim();
  let i = 0;
  if (trimmed[0] === '+' || trimmed[0] === '-' || trimmed[0] === '\u2212') i = 1;
  const next = trimmed.charCodeAt(i + 1);
  return trimmed[i] === '0' && next >= 48 && next <= 57;
}
