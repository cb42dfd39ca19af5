import { describeValue } from '../internal/validate';

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
      const value = (row as Record<string, unknown>)[name];
      if (!present[j] && value !== undefined) present[j] = true;
      if (!present[j] && name in row) present[j] = true;
      (arrays[j] as unknown[]).push(value);
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
      const value = (rows[i] as Record<string, unknown>)[name];
      values[i] = value;
      if (value !== undefined) present = true;
    }
    if (!present) present = rows.some((row) => name in row);
    if (present) {
      byName.set(name, values);
      seen.add(name);
    } else {
      seen.delete(name);
    }
  }
  return { length, names: [...seen], column: (name) => byName.get(name) };
}

/** Wraps columns (`Record<string, ArrayLike>`, typed arrays included); all must have one length. */
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
  return {
    length: Math.max(length, 0),
    names,
    column: (name) => (Object.prototype.hasOwnProperty.call(columns, name) ? columns[name] : undefined),
  };
}

/**
 * Wraps an Arrow-like table. Values are read one by one with `get(i)` so that nulls stay
 * missing (Arrow's `toArray()` turns nulls in numeric vectors into 0); BigInt values (Int64
 * columns) become numbers, and an error is raised for one beyond ±2^53, which a double cannot
 * hold exactly.
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
        for (let i = 0; i < table.numRows; i++) {
          let value = vector.get(i);
          if (typeof value === 'bigint') {
            if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
              throw new RangeError(
                `${fn}: column "${name}" row ${i} holds ${value.toString()}, beyond what a double holds exactly (±2^53); convert it to text first`,
              );
            }
            value = Number(value);
          }
          values[i] = value;
        }
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

/** True for the values the library treats as missing: null, undefined, NaN, '' and white space. */
export function isMissingValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'string') return value.trim() === '';
  return false;
}
