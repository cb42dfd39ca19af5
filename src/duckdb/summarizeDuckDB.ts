import type { SizeGrouping } from '../data/sizeGroups';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type { SummaryDefinition, SummaryPair } from '../sql/plan';
import { quoteString } from '../sql/quote';
import { summaryFromRows, type SummaryRow } from '../sql/summaryFromRows';
import { summaryQuery, type SummaryTable } from '../sql/summaryQuery';
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
 * @param options - `source`, `definition`, `by`, `pairs` and an optional `connection`
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
  checkOptionKeys(fn, options, optionKeys<SummarizeDuckDBOptions>({ source: true, definition: true, by: true, pairs: true, connection: true }));
  const { source, definition, by, pairs } = options;
  const table = sourceTable(fn, source);
  const query = summaryQuery(definition, { dialect: 'duckdb', table, ...(by === undefined ? {} : { by }), ...(pairs === undefined ? {} : { pairs }) });
  const own = options.connection === undefined ? await openDuckDB(fn) : null;
  const connection = options.connection ?? (own as OwnDuckDB).connection;
  let rows: readonly SummaryRow[];
  try {
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

/** The `table` of `summaryQuery` that reads `source`. */
function sourceTable(fn: string, source: unknown): SummaryTable {
  if (typeof source === 'string') {
    if (PARQUET.test(source)) return { sql: `read_parquet(${quoteString(fn, source, 'source')})` };
    if (CSV.test(source)) return { sql: `read_csv(${quoteString(fn, source, 'source')}, header = true, all_varchar = true)` };
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
