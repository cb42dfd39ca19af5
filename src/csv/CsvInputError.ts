/**
 * What kind of problem a {@link CsvIssue} is:
 * - `'ragged'`: a record with too few or too many fields;
 * - `'quote'`: a quoted field that is not closed, or text after a closing quote;
 * - `'header'`: an empty or duplicate column name;
 * - `'delimiter'`: only one column found although another character splits every line;
 * - `'encoding'`: bytes that are not valid in the encoding used (e.g. Latin-1 read as UTF-8);
 * - `'nul'`: a NUL character (e.g. UTF-16 read as UTF-8).
 */
export type CsvIssueKind = 'ragged' | 'quote' | 'header' | 'delimiter' | 'encoding' | 'nul';

/** One problem found while parsing CSV text. */
export interface CsvIssue {
  /** What kind of problem it is. */
  readonly kind: CsvIssueKind;
  /** 1-based line number in the file (the header is line 1) where the record (or the bad byte) is. */
  readonly row: number;
  /** What is wrong, e.g. `expected 4 fields, found 5`. */
  readonly message: string;
  /**
   * For `'encoding'` and `'nul'`: the 0-based byte offset of the bad byte (a character offset
   * when `parseCsv` was given text); absent for the other kinds.
   */
  readonly offset?: number;
}

/**
 * Thrown by `parseCsv` for bytes it cannot decode (invalid UTF-8 without an `encoding`, NUL
 * characters), a header it cannot use (empty or duplicate column names, only one column where
 * another character splits every line) and, with `strict: true`, for records with the wrong
 * number of fields or broken quoting. The message names the source and lists the problems with
 * their line numbers; the same data is on `issues`.
 *
 * @example
 * ```ts
 * try {
 *   parseCsv('a;b\n1;2;3\n', { strict: true });
 * } catch (error) {
 *   if (error instanceof CsvInputError) error.issues;
 *   // [{ kind: 'ragged', row: 2, message: 'expected 2 fields, found 3 (extra fields dropped: "3")' }]
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
