/**
 * `parseNumber` and `detectDecimal` of `likertkit/csv`: the library's one number parser
 * (`src/data/number.ts`), re-exported here so that CSV users find it beside `parseCsv`.
 */
export {
  detectDecimal,
  parseNumber,
  type DecimalMark,
  type DetectDecimalOptions,
  type ParseNumberOptions,
  type ThousandsMark,
} from '../data/number';
