/**
 * likertkit/sql: the SQL that computes a survey summary inside an engine (DuckDB, PostgreSQL,
 * or any warehouse that speaks standard SQL), and the reader that turns its result rows into a
 * `SurveySummary`. No runtime dependency: the engine is yours to run.
 *
 * @packageDocumentation
 */
export { summaryQuery } from './summaryQuery';
export type { SqlDialect, SummaryQueryOptions, SummaryTable } from './summaryQuery';
export { summaryFromRows } from './summaryFromRows';
export type { SummaryFromRowsOptions, SummaryRow } from './summaryFromRows';
export type { SummaryDefinition, SummaryPair } from './plan';
export type {
  AttributeSummary,
  BySummary,
  GroupSummary,
  ItemSummary,
  PairSummary,
  SummaryItemWeights,
  SummaryScale,
  SummarySum,
  SurveySummary,
} from '../summary/types';
