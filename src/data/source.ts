import { describeValue } from '../internal/validate';
import { columnCodes } from './columnData';
import { ownValue } from './keys';
import type { Survey } from './surveyObject';
import { INVALID } from './types';

export { isMissingValue } from './missing';

/**
 * A structural Arrow-like table, as apache-arrow's `Table` (and DuckDB-Wasm's results) provide:
 * `numRows` and `getChild(name)` returning a vector with `get(i)`. Nothing from apache-arrow is
 * imported: any object of this shape works.
 */
export interface ArrowLikeTable {
  /** Number of rows. */
  readonly numRows: number;
  /**
   * The column called `name`, or null/undefined when there is none.
   * @param name - the column name
   */
  getChild(name: string): {
    /**
     * The value of row `index` (null for a missing value).
     * @param index - zero-based row
     */
    get(index: number): unknown;
  } | null | undefined;
}

/** A column source the survey model reads: a length and the raw columns it asks for by name. */
export interface ColumnSource {
  readonly length: number;
  /** The names available (for error messages and suggestions). */
  readonly names: readonly string[];
  /** The raw values of a column, or undefined when the source has no such column. */
  column(name: string): ArrayLike<unknown> | undefined;
}

/**
 * Reads rows (any iterable of plain objects, as CSV parsers, DuckDB and `fetch().json()` give)
 * into a column source holding only the columns named in `wanted`, in one pass.
 */
export function sourceFromRows(
  fn: string,
  rows: Iterable<object>,
  wanted: readonly string[],
): ColumnSource {
  if (rows === null || typeof rows !== 'object' || typeof (rows as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`${fn}: rows must be an iterable of plain objects (e.g. an array), got ${describeValue(rows)}`);
  }
  const unique = [...new Set(wanted)];
  if (Array.isArray(rows)) return sourceFromRowArray(fn, rows as readonly Record<string, unknown>[], unique);
  const arrays = unique.map(() => [] as unknown[]);
  const present = unique.map(() => false);
  const seen = new Set<string>();
  let length = 0;
  for (const row of rows) {
    if (row === null || typeof row !== 'object') {
      throw new TypeError(`${fn}: row ${length} is ${describeValue(row)}, not an object; pass one object per respondent`);
    }
    if (length < 50) for (const key of Object.keys(row)) seen.add(key);
    for (let j = 0; j < unique.length; j++) {
      const name = unique[j] as string;
      const value = ownValue(row, name);
      if (!present[j] && (value !== undefined || Object.hasOwn(row, name))) present[j] = true;
      (arrays[j] as unknown[]).push(exactBigInt(value));
    }
    length++;
  }
  const byName = new Map<string, unknown[]>();
  unique.forEach((name, j) => {
    if (present[j]) byName.set(name, arrays[j] as unknown[]);
    else seen.delete(name);
  });
  for (const name of byName.keys()) seen.add(name);
  return { length, names: [...seen], column: (name) => byName.get(name) };
}

/**
 * The array case of {@link sourceFromRows}, read column by column: the inner loop reads one
 * property name from every row, which keeps V8's property lookup on a single shape and is
 * several times faster than reading every wanted name of one row before moving on.
 */
function sourceFromRowArray(fn: string, rows: readonly Record<string, unknown>[], unique: readonly string[]): ColumnSource {
  const length = rows.length;
  const seen = new Set<string>();
  for (let i = 0; i < length; i++) {
    const row = rows[i];
    if (row === null || typeof row !== 'object') {
      throw new TypeError(`${fn}: row ${i} is ${describeValue(row)}, not an object; pass one object per respondent`);
    }
    if (i < 50) for (const key of Object.keys(row)) seen.add(key);
  }
  const byName = new Map<string, unknown[]>();
  for (const name of unique) {
    const values = new Array<unknown>(length);
    let present = false;
    for (let i = 0; i < length; i++) {
      const value = ownValue(rows[i] as object, name);
      values[i] = typeof value === 'bigint' ? exactBigInt(value) : value;
      if (value !== undefined) present = true;
    }
    if (!present) present = rows.some((row) => Object.hasOwn(row, name));
    if (present) {
      byName.set(name, values);
      seen.add(name);
    } else {
      seen.delete(name);
    }
  }
  return { length, names: [...seen], column: (name) => byName.get(name) };
}

/**
 * Wraps columns (`Record<string, ArrayLike>`, typed arrays included); all must have one length.
 * Only the object's own properties are columns: `{}` has no column `constructor`, while a
 * column named `constructor`, `hasOwnProperty` or `__proto__` (as an own property) is data like
 * any other. Columns are not copied, except one holding BigInt values, which is copied once with
 * the values within ±2^53 as numbers (see {@link readSource}).
 */
export function sourceFromColumns(fn: string, columns: Record<string, ArrayLike<unknown>>): ColumnSource {
  if (columns === null || typeof columns !== 'object') {
    throw new TypeError(`${fn}: columns must be an object of arrays, got ${describeValue(columns)}`);
  }
  const names = Object.keys(columns);
  let length = -1;
  const lengths: string[] = [];
  for (const name of names) {
    const values = columns[name];
    if (values === null || typeof values !== 'object' || typeof (values as ArrayLike<unknown>).length !== 'number') {
      throw new TypeError(`${fn}: column "${name}" must be an array or typed array, got ${describeValue(values)}`);
    }
    lengths.push(`${name}: ${values.length}`);
    if (length === -1) length = values.length;
    else if (values.length !== length) {
      throw new RangeError(`${fn}: columns must all have the same length; got ${lengths.join(', ')}, …`);
    }
  }
  const cache = new Map<string, ArrayLike<unknown>>();
  return {
    length: Math.max(length, 0),
    names,
    column: (name) => {
      if (!Object.hasOwn(columns, name)) return undefined;
      let values = cache.get(name);
      if (values === undefined) {
        values = withExactBigInts(columns[name] as ArrayLike<unknown>);
        cache.set(name, values);
      }
      return values;
    },
  };
}

/**
 * Wraps an Arrow-like table. Values are read one by one with `get(i)` so that nulls stay
 * missing (Arrow's `toArray()` turns nulls in numeric vectors into 0); BigInt values (Int64
 * columns) within ±2^53 become numbers, larger ones stay BigInt (see {@link readSource}).
 */
export function sourceFromTable(fn: string, table: ArrowLikeTable): ColumnSource {
  if (table === null || typeof table !== 'object' || typeof table.numRows !== 'number' || typeof table.getChild !== 'function') {
    throw new TypeError(`${fn}: table must be Arrow-like, with numRows and getChild(name); got ${describeValue(table)}`);
  }
  const cache = new Map<string, unknown[] | undefined>();
  const schemaNames = readSchemaNames(table);
  return {
    length: table.numRows,
    names: schemaNames,
    column: (name) => {
      if (cache.has(name)) return cache.get(name);
      const vector = table.getChild(name);
      let values: unknown[] | undefined;
      if (vector) {
        values = new Array<unknown>(table.numRows);
        for (let i = 0; i < table.numRows; i++) values[i] = exactBigInt(vector.get(i));
      }
      cache.set(name, values);
      return values;
    },
  };
}

function readSchemaNames(table: ArrowLikeTable): string[] {
  const schema = (table as { schema?: { fields?: { name?: unknown }[] } }).schema;
  const fields = schema?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.map((f) => f?.name).filter((n): n is string => typeof n === 'string');
}

/**
 * Marks an answer that a survey holds as invalid (a label its scale did not know, kept under
 * `unknown: 'missing'`) when the survey is read back as a column source: the original text is
 * no longer in the survey, and `likert` counts the marker as invalid again (or reports it as
 * unknown under `unknown: 'error'`), so no cell changes its kind.
 */
export const INVALID_ANSWER: unique symbol = Symbol('likertkit: invalid answer');

/**
 * Reads an existing survey as a column source: each item as its answer labels (the category
 * label of every answered cell, `null` where missing, {@link INVALID_ANSWER} where invalid),
 * each numeric attribute as numbers (NaN where missing), each categorical attribute as text
 * (`null` where missing), and the respondent ids as the column `idName`. Items come first, so an
 * attribute cannot hide an item of the same name (the survey forbids that anyway).
 */
export function sourceFromSurvey(fn: string, input: Survey, idName?: string): ColumnSource {
  if (input === null || typeof input !== 'object' || (input as { kind?: unknown }).kind !== 'survey') {
    throw new TypeError(`${fn}: survey must be a Survey made by survey(), got ${describeValue(input)}`);
  }
  const itemIds = input.items.map((item) => item.id as string);
  const attributeNames = Object.keys(input.attributes);
  const names = [...itemIds, ...attributeNames.filter((name) => !itemIds.includes(name))];
  if (idName !== undefined && !names.includes(idName)) names.unshift(idName);
  const cache = new Map<string, ArrayLike<unknown> | undefined>();
  const read = (name: string): ArrayLike<unknown> | undefined => {
    if (name === idName && !itemIds.includes(name) && !Object.hasOwn(input.attributes, name)) return input.ids;
    if (itemIds.includes(name)) {
      const column = input.item(name);
      const labels = column.scale.categories;
      return Array.from(columnCodes(column), (code) => (code >= 0 ? labels[code] : code === INVALID ? INVALID_ANSWER : null));
    }
    if (!Object.hasOwn(input.attributes, name)) return undefined;
    return input.attributes[name] === 'number' ? input.numeric(name) : input.category(name);
  };
  return {
    length: input.size,
    names,
    column: (name) => {
      if (!cache.has(name)) cache.set(name, read(name));
      return cache.get(name);
    },
  };
}

/** The inputs {@link readSource} reads: exactly one of rows, columns, an Arrow-like table or a survey. */
export type SourceInput =
  | { readonly rows: Iterable<object> }
  | { readonly columns: Record<string, ArrayLike<unknown>> }
  | { readonly table: ArrowLikeTable }
  | { readonly survey: Survey; readonly id?: string };

/**
 * Reads any of the data shapes the library accepts into one {@link ColumnSource}: rows (any
 * iterable of objects), columns, an Arrow-like table, or an existing `Survey`. The one reader
 * behind `survey()`, meant for every function that takes respondents.
 *
 * The same rules on every path:
 * - only own properties are read: a row without a column `toString` has no such column (it is
 *   "not in the data"), and `constructor`, `hasOwnProperty`, `valueOf` or an own `__proto__` are
 *   columns like any other. Rows and columns that inherit values from a prototype (class
 *   instances with getters) must be turned into plain objects first.
 * - a BigInt within ±2^53 becomes the number it equals; a larger one stays a BigInt, so that no
 *   digit is lost: `categoryKey` gives all its digits (ids, categories), `likert` does not take
 *   it for a code, and a numeric attribute refuses it.
 * - for `{ survey, id }`, see {@link sourceFromSurvey}: `id` names the column holding the
 *   survey's respondent ids.
 *
 * @param fn - the calling function's name, for error messages
 * @param input - `{ rows }`, `{ columns }`, `{ table }` or `{ survey, id? }`
 * @param wanted - the column names the caller will ask for (rows are read in one pass for them)
 * @returns the column source
 * @throws TypeError when the input is none of these shapes or a row is not an object;
 *   RangeError when columns differ in length
 */
export function readSource(fn: string, input: SourceInput, wanted: readonly string[]): ColumnSource {
  const given = (['rows', 'columns', 'table', 'survey'] as const).filter((k) => Object.hasOwn(input, k) && (input as Record<string, unknown>)[k] !== undefined);
  if (given.length !== 1) {
    throw new TypeError(`${fn}: give exactly one of rows, columns, table or survey; got ${given.length === 0 ? 'none' : given.join(' and ')}`);
  }
  if ('rows' in input && input.rows !== undefined) return sourceFromRows(fn, input.rows, wanted);
  if ('columns' in input && input.columns !== undefined) return sourceFromColumns(fn, input.columns);
  if ('table' in input && input.table !== undefined) return sourceFromTable(fn, input.table);
  const { survey, id } = input as { survey: Survey; id?: string };
  return sourceFromSurvey(fn, survey, id);
}

/** ±(2^53 − 1) as BigInts: the integers a double holds exactly. */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/** A BigInt within ±2^53 as the number it equals; any other value unchanged. */
function exactBigInt(value: unknown): unknown {
  if (typeof value !== 'bigint') return value;
  return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value;
}

/** The column itself, or a copy with {@link exactBigInt} applied when it holds a BigInt. */
function withExactBigInts(values: ArrayLike<unknown>): ArrayLike<unknown> {
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) return Array.from(values, exactBigInt);
  if (ArrayBuffer.isView(values)) return values;
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] === 'bigint') return Array.from(values, exactBigInt);
  }
  return values;
}
