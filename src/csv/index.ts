/**
 * `likertkit/csv`: reading survey exports from CSV text. A separate entry point so that the core
 * bundle does not carry papaparse; besides `src/internal` it imports only the number parser of
 * `src/data/number.ts` (and what that needs), which has no dependencies.
 *
 * @packageDocumentation
 */
export { CsvInputError, type CsvIssue } from './CsvInputError';
export { numericColumn, type NumericColumnBadCell, type NumericColumnOptions, type NumericColumnResult } from './numericColumn';
export { parseCsv, type CsvDelimiter, type ParseCsvOptions, type ParseCsvResult } from './parseCsv';
export {
  detectDecimal,
  parseNumber,
  type DecimalMark,
  type DetectDecimalOptions,
  type ParseNumberOptions,
  type ThousandsMark,
} from './parseNumber';
