import { ambiguityMessage, readNumberColumn, type DecimalMark, type ThousandsMark } from '../data/number';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';

/** Options of {@link numericColumn}. */
export interface NumericColumnOptions {
  /** `','`, `'.'` or `'auto'` (default): decided once for the whole column, as `detectDecimal` does. */
  readonly decimal?: DecimalMark | 'auto';
  /** The thousands mark; default the other mark than the decimal one, or a space. `''`: none. */
  readonly thousands?: ThousandsMark;
  /**
   * Texts that mean missing rather than bad, e.g. `['Ved ikke', 'Uoplyst']`; compared trimmed
   * and case-insensitively. Cells that `isMissingValue` calls missing (`null`, blank or
   * invisible-only text) are always missing.
   */
  readonly missing?: readonly string[];
}

/** A cell of {@link NumericColumnResult.bad}. */
export interface NumericColumnBadCell {
  /** Zero-based index into `rows`. */
  readonly row: number;
  /** The text that is not a number. */
  readonly value: string;
}

/** Result of {@link numericColumn}. */
export interface NumericColumnResult {
  /** One value per row; NaN for missing and bad cells. */
  readonly values: Float64Array;
  /** Non-missing cells that are not numbers, in row order. */
  readonly bad: NumericColumnBadCell[];
  /** The decimal mark used (given or detected). */
  readonly decimal: DecimalMark;
  /** How many cells were missing (null, blank, or listed in `options.missing`). */
  readonly missing: number;
}

/**
 * Reads one column of parsed CSV rows as numbers, for numeric attributes such as population or
 * a socio-economic index.
 *
 * With `decimal: 'auto'` the mark is decided once from all the column's values, as
 * `detectDecimal` decides it (so `60.828` and `1,5` in one column read as 60828 and 1.5), then
 * every cell is parsed strictly as `parseNumber` does. A column that reads two ways (only
 * values such as `104.305` and `60.828`) is refused: pass `decimal`. Nulls stay missing: `null`, blank text and the texts in
 * `options.missing` become NaN and are counted in `missing`; any other text that is not a number
 * also becomes NaN and is listed in `bad`, for the caller to report or fix. A `Float64Array`
 * keeps the column compact; it is not JSON-serialisable as an array (use `Array.from`).
 *
 * @param rows - rows as `parseCsv` returns them
 * @param name - the column name
 * @param options - `decimal`, `thousands`, `missing`
 * @returns the values, the bad cells, the mark used and the number of missing cells
 * @throws RangeError when no row has the column (the message lists the columns there are), for
 *   an unknown `decimal` / `thousands`, or when `'auto'` cannot tell the decimal mark (the
 *   message names the column and example cells)
 * @example
 * ```ts
 * const { rows } = parseCsv('kommune;indbyggere\nAarhus;352.751\nOdder;Ved ikke\nSamsø;3.724\nX;n/a\n');
 * const col = numericColumn(rows, 'indbyggere', { missing: ['Ved ikke'] });
 * col.values;  // Float64Array [352751, NaN, 3724, NaN]
 * col.bad;     // [{ row: 3, value: 'n/a' }]
 * col.decimal; // ','
 * ```
 */
export function numericColumn(
  rows: readonly Readonly<Record<string, string | null | undefined>>[],
  name: string,
  options?: NumericColumnOptions,
): NumericColumnResult {
  const fn = 'numericColumn';
  if (!Array.isArray(rows)) {
    throw new TypeError(`${fn}: rows must be an array of row objects (e.g. parseCsv(text).rows), got ${describeValue(rows)}`);
  }
  if (typeof name !== 'string') {
    throw new TypeError(`${fn}: name must be a column name, got ${describeValue(name)}`);
  }
  checkOptionKeys(fn, options, optionKeys<NumericColumnOptions>({ decimal: true, thousands: true, missing: true }));
  const missingTexts = new Set((options?.missing ?? []).map((text) => text.trim().toLowerCase()));
  if (rows.length > 0 && !rows.some((row) => Object.hasOwn(row, name))) {
    const known = Object.keys(rows[0] as object).map((c) => JSON.stringify(c)).join(', ');
    throw new RangeError(`${fn}: no column ${JSON.stringify(name)}; the rows have ${known}`);
  }
  const cells: unknown[] = rows.map((row) => {
    const value: unknown = Object.hasOwn(row, name) ? row[name] : null;
    return typeof value === 'string' && missingTexts.has(value.trim().toLowerCase()) ? null : value;
  });
  const column = readNumberColumn(fn, cells, {
    ...(options?.decimal === undefined ? {} : { decimal: options.decimal }),
    ...(options?.thousands === undefined ? {} : { thousands: options.thousands }),
    column: name,
  });
  if (column.ambiguous !== null) throw new RangeError(ambiguityMessage(fn, name, column.ambiguous));
  const bad = column.bad.map((cell) => ({ row: cell.row, value: String(cell.value) }));
  return { values: column.values, bad, decimal: column.decimal, missing: column.missing };
}
