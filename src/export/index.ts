/**
 * `likertkit/export`: report tables as files for spreadsheets: `toCsv` (no dependency) and
 * `toXlsx` (an Excel workbook through exceljs, which is loaded only when `toXlsx` is called).
 * A separate entry point, so that the core bundle carries neither.
 *
 * @packageDocumentation
 */
export { toCsv, type CsvExportDelimiter, type ToCsvOptions } from './csv';
export { toXlsx, type ToXlsxOptions } from './xlsx';
