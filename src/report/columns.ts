/**
 * Typed column definitions for the report's tables: a table's columns are written against the
 * type of its rows, so that a column key that no row field carries does not compile. Internal:
 * the report's section builders use it; never re-exported from `src/index.ts`.
 */
import type { ColumnFormat, ReportColumn, ReportValue } from './table';

/** The rows of a report table: plain fields holding report values. */
export type TableRow = Readonly<Record<string, ReportValue>>;

/** One column of a table whose rows have the type `R`: its key must be a field of `R`. */
export interface ColumnSpec<R> {
  /** The row field shown in the column. */
  readonly key: Extract<keyof R, string>;
  /** Header text. */
  readonly label: string;
  readonly format: ColumnFormat;
  /** Decimals for `'number'`, `'correlation'` and `'percent'` columns. */
  readonly digits?: number;
}

/**
 * The report columns of rows of type `R`, in the order given; a misspelt key is a type error.
 *
 * @param specs - key, label, format and digits of each column
 * @returns the columns as the table model holds them (`digits` only where given)
 * @example
 * ```ts
 * type Row = { label: string; n: number };
 * columnsOf<Row>([{ key: 'label', label: 'Spørgsmål', format: 'text' }, { key: 'n', label: 'N', format: 'integer' }]);
 * // [{ key: 'label', label: 'Spørgsmål', format: 'text' }, { key: 'n', label: 'N', format: 'integer' }]
 * ```
 */
export function columnsOf<R extends TableRow>(specs: readonly ColumnSpec<R>[]): ReportColumn[] {
  return specs.map((spec) =>
    spec.digits === undefined
      ? { key: spec.key, label: spec.label, format: spec.format }
      : { key: spec.key, label: spec.label, format: spec.format, digits: spec.digits },
  );
}
