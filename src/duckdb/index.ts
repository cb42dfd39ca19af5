/**
 * likertkit/duckdb: survey summaries computed inside an embedded DuckDB, for Parquet and CSV
 * files (or tables) too large to read into memory. Needs the optional peer dependency
 * `@duckdb/node-api` (`npm install @duckdb/node-api`).
 *
 * @packageDocumentation
 */
export { summarizeDuckDB } from './summarizeDuckDB';
export type { DuckDBConnectionLike, DuckDBResultLike, SummarizeDuckDBOptions } from './summarizeDuckDB';
