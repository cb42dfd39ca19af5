/**
 * One distinct unknown value found by `likert`, with where it occurs and what it may have meant.
 */
export interface LikertUnknownValue {
  /** The raw value as it appeared in the input (not normalised). */
  readonly value: unknown;
  /** How many cells held it. */
  readonly count: number;
  /** Zero-based row indices of its first (at most 5) occurrences. */
  readonly positions: readonly number[];
  /** The closest category label, when one is reasonably close (Levenshtein on normalised text). */
  readonly suggestion?: string;
}

/**
 * Thrown by `likert` when responses hold labels (or numbers) that the scale does not know and
 * `unknown` is `'error'` (the default). One error lists every distinct unknown value.
 *
 * The message says, for each value, how often and where it occurs, the closest label when one
 * is close, and what to do: add the spelling as an alias in `defineScale({ aliases })`, or pass
 * `{ unknown: 'missing' }` to count such cells as invalid. The same data is on `issues`, so a
 * program can act on it without parsing the message. `issues` is the payload's name on every
 * input error of the library (as on `SurveyInputError`).
 *
 * @example
 * ```ts
 * try {
 *   likert(['I høj grad', 'I hoj grad', 'Måske'], scales.daDegree4);
 * } catch (error) {
 *   if (error instanceof LikertInputError) error.issues;
 *   // [{ value: 'I hoj grad', count: 1, positions: [1], suggestion: 'I høj grad' },
 *   //  { value: 'Måske', count: 1, positions: [2] }]
 * }
 * ```
 * @see `safeLikert`, which returns this error as data instead of throwing it
 */
export class LikertInputError extends Error {
  override readonly name = 'LikertInputError';
  /** Every distinct unknown value, in order of first occurrence. */
  readonly issues: readonly LikertUnknownValue[];
  /** The id of the scale the responses were coded against. */
  readonly scaleId: string;

  /**
   * @param message - the full message (starting with the function's name)
   * @param issues - every distinct unknown value
   * @param scaleId - the id of the scale
   */
  constructor(message: string, issues: readonly LikertUnknownValue[], scaleId: string) {
    super(message);
    this.issues = issues;
    this.scaleId = scaleId;
  }
}
