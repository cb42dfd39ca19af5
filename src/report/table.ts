/**
 * The table model every report table uses: plain data that a dashboard can take as it is,
 * and that `toMarkdown` / `toHtml` render.
 */

/** How a column's values are formatted. */
export type ColumnFormat =
  | 'text'
  | 'integer'
  | 'number' // fixed decimals (`digits`)
  | 'percent' // a share 0–1 printed as a whole percentage, half up
  | 'p' // a p-value: APA style "< .001" / ".032" (Danish "< 0,001" / "0,032")
  | 'correlation'; // r with its stars appended from the row's `<key>Stars` field

/** One column of a {@link ReportTable}. */
export interface ReportColumn {
  /** Key of the value in each row. */
  readonly key: string;
  /** Header text. */
  readonly label: string;
  readonly format: ColumnFormat;
  /** Decimals for `'number'` and `'correlation'` (default 2) and `'percent'` (default 0). */
  readonly digits?: number;
  /** Numbers are right aligned, text left aligned (derived from `format` when absent). */
  readonly align?: 'left' | 'right';
}

/** A cell value: numbers stay unformatted in the data; null prints as a dash. */
export type ReportValue = string | number | boolean | null;

/** A table of a report: title, columns, rows of plain values, and notes printed under it. */
export interface ReportTable {
  readonly kind: 'report-table';
  /** Stable id, e.g. `'correlations'`, for dashboards. */
  readonly id: string;
  readonly title: string;
  /**
   * The table's number in its report, from 1 in report order ("Tabel 3" / "Table 3"); set by
   * `report()`, absent on a table made otherwise.
   */
  readonly number?: number;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly Readonly<Record<string, ReportValue>>[];
  /** Notes as the reports print them: "N = 85–92", the coding used, the star legend. */
  readonly notes: readonly string[];
}
