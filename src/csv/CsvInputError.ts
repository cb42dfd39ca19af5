/** One problem found while parsing CSV text. */
export interface CsvIssue {
  /** 1-based line number in the text (the header is line 1) where the record starts. */
  readonly row: number;
  /** What is wrong, e.g. `expected 4 fields, found 5`. */
  readonly message: string;
}

/**
 * Thrown by `parseCsv` for a header it cannot use (empty or duplicate column names) and, with
 * `strict: true`, for records with the wrong number of fields or broken quoting. The message
 * lists the problems with their line numbers; the same data is on `issues`.
 *
 * @example
 * ```ts
 * try {
 *   parseCsv('a;b\n1;2;3\n', { strict: true });
 * } catch (error) {
 *   if (error instanceof CsvInputError) error.issues;
 *   // [{ row: 2, message: 'expected 2 fields, found 3 (extra fields dropped: "3")' }]
 * }
 * ```
 */
export class CsvInputError extends Error {
  override readonly name = 'CsvInputError';
  /** Every problem found, in line order. */
  readonly issues: readonly CsvIssue[];

  /**
   * @param message - the full message (starting with the function's name)
   * @param issues - the problems, with line numbers
   */
  constructor(message: string, issues: readonly CsvIssue[]) {
    super(message);
    this.issues = issues;
  }
}
