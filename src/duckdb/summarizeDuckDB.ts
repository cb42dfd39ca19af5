import type { SizeGrouping } from '../data/sizeGroups';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { readPlan, type SummaryDefinition, type SummaryPair, type SummaryPlan } from '../sql/plan';
import { quoteIdentifier, quoteString } from '../sql/quote';
import { summaryFromRows, type SummaryRow } from '../sql/summaryFromRows';
import { summaryQuery, tableSql, type SummaryTable } from '../sql/summaryQuery';
import type { SurveySummary } from '../summary/types';

/**
 * What `summarizeDuckDB` needs of a DuckDB connection: `runAndReadAll` of `@duckdb/node-api`'s
 * `DuckDBConnection` (described here rather than imported, so that this entry's types do not
 * require the package).
 */
export interface DuckDBConnectionLike {
  /** Runs `sql` and reads its whole result. */
  runAndReadAll(sql: string): Promise<DuckDBResultLike>;
}

/** What `summarizeDuckDB` needs of a DuckDB result: its rows as plain JavaScript objects. */
export interface DuckDBResultLike {
  /** The rows, one object per row keyed by column name (BIGINT as BigInt, VARCHAR as string). */
  getRowObjectsJS(): readonly Record<string, unknown>[];
}

/** Options of {@link summarizeDuckDB}. */
export interface SummarizeDuckDBOptions {
  /**
   * A Parquet file (`.parquet`), a CSV file (`.csv`, `.tsv`, `.txt`, optionally `.gz`; read
   * with every column as text, the delimiter detected by DuckDB), or `{ table }`: a table of
   * the connection, in any form `summaryQuery` takes (`'answers'`, `['main', 'answers']`,
   * `{ sql: … }`).
   */
  readonly source: string | { readonly table: SummaryTable };
  /** What `survey()` takes, without the data. */
  readonly definition: SummaryDefinition;
  /** A categorical attribute, or size groups `{ attribute, breaks, labels? }`, to split the item tallies by (as `summaryQuery`). */
  readonly by?: string | SizeGrouping;
  /** Pairs of item ids whose joint counts are wanted, or `'all'` for every unordered pair (as `summarize`). */
  readonly pairs?: readonly SummaryPair[] | 'all';
  /** A connection of your own (e.g. to a database file); default a new in-memory DuckDB. */
  readonly connection?: DuckDBConnectionLike;
  /** The field delimiter of a CSV source (`';'`, `','` or `'\t'`); default: DuckDB detects it. */
  readonly delimiter?: ';' | ',' | '\t';
}

const CSV = /\.(csv|tsv|txt)(\.gz)?$/i;
const PARQUET = /\.parquet$/i;

/**
 * Summarises a survey that lives in a Parquet or CSV file, or in a DuckDB table, inside an
 * embedded DuckDB: the query of `summaryQuery` runs in DuckDB (which scans the file in
 * parallel and never holds it in memory as JavaScript values), and `summaryFromRows` codes the
 * distinct answers it returns. The result equals `summarize(survey(…), { by, pairs })` on the
 * same data (counts identical; weighted sums within about 1e-15 relative, see
 * `summaryFromRows`; equal to the last bit when every sum is exact, e.g. weights in multiples of 1/8).
 *
 * A CSV file is read with `all_varchar = true`, so every cell reaches likertkit's coding as the
 * text it is in the file (no column is guessed to be a number or a date on the way). The
 * package `@duckdb/node-api` is an optional peer dependency, loaded when this function is first
 * called.
 *
 * @param options - `source`, `definition`, `by`, `pairs`, an optional `connection`, and the
 *   `delimiter` of a CSV source
 * @returns the summary
 * @throws Error when `@duckdb/node-api` is not installed (saying how to install it), or when
 *   DuckDB cannot read the source
 * @throws SurveyInputError and TypeError as `summaryFromRows` and `summaryQuery`
 * @example
 * ```ts
 * const summary = await summarizeDuckDB({
 *   source: 'answers.parquet',
 *   definition: { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { region: 'category' } },
 *   by: 'region',
 * });
 * summary.respondents; // 98
 * ```
 */
export async function summarizeDuckDB(options: SummarizeDuckDBOptions): Promise<SurveySummary> {
  const fn = 'summarizeDuckDB';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object { source, definition, by?, pairs?, connection? }, got ${describeValue(options)}`);
  }
  checkOptionKeys(fn, options, optionKeys<SummarizeDuckDBOptions>({ source: true, definition: true, by: true, pairs: true, connection: true, delimiter: true }));
  const { source, definition, by, pairs, delimiter } = options;
  if (delimiter !== undefined && delimiter !== ';' && delimiter !== ',' && delimiter !== '\t') {
    throw new TypeError(`${fn}: delimiter must be ';', ',' or '\\t', got ${describeValue(delimiter)}; leave it out to let DuckDB detect it`);
  }
  if (delimiter !== undefined && !(typeof source === 'string' && CSV.test(source))) {
    throw new TypeError(`${fn}: delimiter applies to a CSV source only, and the source is ${describeValue(source)}; leave delimiter out`);
  }
  const table = sourceTable(fn, source, delimiter);
  const query = summaryQuery(definition, { dialect: 'duckdb', table, ...(by === undefined ? {} : { by }), ...(pairs === undefined ? {} : { pairs }) });
  const own = options.connection === undefined ? await openDuckDB(fn) : null;
  const connection = options.connection ?? (own as OwnDuckDB).connection;
  let rows: readonly SummaryRow[];
  try {
    const from = tableSql(fn, table);
    await refuseCaseTwins(fn, connection, from, readPlan(fn, definition, by, pairs));
    if (typeof source === 'string' && CSV.test(source)) await refuseMarkedWeights(fn, connection, from, source, definition);
    const result = await connection.runAndReadAll(query);
    rows = result.getRowObjectsJS() as unknown as readonly SummaryRow[];
  } finally {
    // An in-memory database of our own is closed again; a caller's connection is left open.
    if (own !== null) {
      own.connection.closeSync();
      own.instance.closeSync();
    }
  }
  return summaryFromRows(rows, { definition, ...(by === undefined ? {} : { by }), ...(pairs === undefined ? {} : { pairs }) });
}

/**
 * Refuses a source in which a column the definition reads is missing or has a twin that
 * differs only in case. DuckDB matches quoted names without regard to case, so `"q1"` would
 * silently read a column `Q1`, where `survey()` reads exactly `q1` (or reports it missing).
 */
async function refuseCaseTwins(fn: string, connection: DuckDBConnectionLike, from: string, plan: SummaryPlan): Promise<void> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  const names = (described.getRowObjectsJS() as unknown as { column_name: string }[]).map((r) => String(r.column_name));
  const wanted = [plan.idColumn, ...plan.items.map((item) => item.column ?? item.id), ...plan.attributes.map((a) => a.column)];
  if (plan.weight !== null) wanted.push(plan.weight);
  if (plan.by !== null) wanted.push(plan.by.column);
  for (const column of new Set(wanted)) {
    const twins = names.filter((name) => name !== column && name.toLowerCase() === column.toLowerCase());
    const exact = names.includes(column);
    if (twins.length > 0 || !exact) {
      const found = twins.map((t) => JSON.stringify(t)).join(', ');
      throw new RangeError(
        exact
          ? `${fn}: the source has columns ${JSON.stringify(column)} and ${found}, which DuckDB cannot tell apart (it matches names without regard to case); rename one of them in the file or in a view`
          : twins.length > 0
            ? `${fn}: DuckDB reads no column ${JSON.stringify(column)} in the source, only ${found}, which differs in case (DuckDB matches names without regard to case and renames a repeat, so it sees ${names.map((n) => JSON.stringify(n)).join(', ')}); give the columns names that differ in more than case`
            : `${fn}: the source has no column ${JSON.stringify(column)}; its columns are ${names.map((n) => JSON.stringify(n)).join(', ')}`,
      );
    }
  }
}

/**
 * Refuses a CSV file (read as text) whose weights hold a decimal or thousands mark under a
 * definition that reads numbers with a decimal comma or a thousands mark: the engine sums the
 * weights after its own cast, which knows only a decimal point, so it would read "1,5" not at
 * all and "1.000" as 1 where `survey()` reads 1000. Plain integer weights read the same both ways.
 */
async function refuseMarkedWeights(fn: string, connection: DuckDBConnectionLike, from: string, source: string, definition: unknown): Promise<void> {
  const d = definition as { weight?: unknown; decimal?: unknown; thousands?: unknown };
  if (typeof d.weight !== 'string' || !(d.decimal === ',' || (typeof d.thousands === 'string' && d.thousands !== ''))) return;
  const result = await connection.runAndReadAll(
    `SELECT COUNT(*) AS "n" FROM ${from} WHERE regexp_matches(CAST(${quoteIdentifier(fn, d.weight, 'the weight column')} AS VARCHAR), '[.,'' ]')`,
  );
  const marked = Number((result.getRowObjectsJS()[0] as { n: unknown }).n);
  if (marked > 0) {
    throw new RangeError(
      `${fn}: ${marked} weights in column "${d.weight}" of ${JSON.stringify(source)} hold a decimal or thousands mark, and DuckDB sums the weights after its own cast, which reads text only with a decimal point, while the definition sets ${d.decimal === ',' ? "decimal: ','" : `thousands: ${JSON.stringify(d.thousands)}`}; convert the file to Parquet with a numeric weight column, or read it through a view that casts the weight and pass { table }`,
    );
  }
}

/** The `table` of `summaryQuery` that reads `source`. */
function sourceTable(fn: string, source: unknown, delimiter: string | undefined): SummaryTable {
  if (typeof source === 'string') {
    if (PARQUET.test(source)) return { sql: `read_parquet(${quoteString(fn, source, 'source')})` };
    if (CSV.test(source)) {
      const delim = delimiter === undefined ? '' : `, delim = ${quoteString(fn, delimiter, 'delimiter')}`;
      return { sql: `read_csv(${quoteString(fn, source, 'source')}, header = true, all_varchar = true${delim})` };
    }
    throw new TypeError(`${fn}: source ${JSON.stringify(source)} is neither a .parquet nor a .csv file; give such a file, or { table } for a table of the connection`);
  }
  if (source !== null && typeof source === 'object' && Object.hasOwn(source, 'table')) {
    checkOptionKeys(fn, source, ['table']);
    return (source as { table: SummaryTable }).table;
  }
  throw new TypeError(`${fn}: source must be a .parquet or .csv file name, or { table }, got ${describeValue(source)}`);
}

/** An in-memory DuckDB opened for one call, closed after it. */
interface OwnDuckDB {
  readonly instance: { closeSync(): void };
  readonly connection: DuckDBConnectionLike & { closeSync(): void };
}

/** A new in-memory DuckDB and its connection, or an error saying how to install DuckDB. */
async function openDuckDB(fn: string): Promise<OwnDuckDB> {
  let duckdb: {
    DuckDBInstance: { create(path?: string): Promise<OwnDuckDB['instance'] & { connect(): Promise<OwnDuckDB['connection']> }> };
  };
  try {
    // A variable specifier keeps bundlers from resolving the optional package at build time.
    const name = '@duckdb/node-api';
    duckdb = (await import(name)) as typeof duckdb;
  } catch (cause) {
    throw new Error(`${fn}: the DuckDB engine needs the package @duckdb/node-api, which is not installed; run npm install @duckdb/node-api`, { cause });
  }
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  return { instance, connection: await instance.connect() };
}
