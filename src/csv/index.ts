/**
 * `likertkit/csv`: reading survey exports from CSV files (bytes or text). A separate entry point,
 * so that the core bundle does not carry the CSV reader; it imports nothing from the library but
 * `src/internal` and the reading layer in `src/data`.
 *
 * @packageDocumentation
 */
export { CsvInputError, type CsvIssue, type CsvIssueKind } from './CsvInputError';
export { numericColumn, type NumericColumnBadCell, type NumericColumnOptions, type NumericColumnResult } from './numericColumn';
export { parseCsv, type CsvDelimiter, type ParseCsvOptions, type ParseCsvResult } from './parseCsv';
// The library's one number parser, exported here too so that CSV users find it beside parseCsv.
export {
  detectDecimal,
  parseNumber,
  type DecimalMark,
  type DetectDecimalOptions,
  type ParseNumberOptions,
  type ThousandsMark,
} from '../data/number';
export {
  safeSurveyFromCsv,
  surveyFromCsv,
  type CsvInput,
  type SafeSurveyFromCsvResult,
  type SurveyCsvDefinition,
  type SurveyCsvInfo,
  type SurveyFromCsvOptions,
} from './surveyFromCsv';
