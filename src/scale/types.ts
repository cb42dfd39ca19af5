/**
 * A Likert scale: ordered substantive levels with numeric codes, the levels that count as
 * agreement (top box) and disagreement (bottom box), an optional neutral level, and answers
 * that are valid but carry no position on the scale ("Ved ikke", "Ikke relevant").
 *
 * Category indices: every answer category has an index. The substantive levels come first, in
 * order from the lowest to the highest (`0 … levels.length - 1`), then the non-substantive
 * answers (`levels.length … levels.length + nonSubstantive.length - 1`). A {@link LikertColumn}
 * stores these indices in an `Int8Array`.
 *
 * @typeParam L - the substantive level labels, as literal types when the scale is defined inline
 * @typeParam N - the non-substantive labels
 */
export interface Scale<L extends string = string, N extends string = string> {
  /** Identifier, e.g. `"daDegree4"`. */
  readonly id: string;
  /** Substantive levels, lowest first. */
  readonly levels: readonly L[];
  /** Numeric code of each level, strictly increasing, same length as `levels`. Default 1…k. */
  readonly codes: readonly number[];
  /** Levels counted by agreement (top-box) shares. */
  readonly agree: readonly L[];
  /** Levels counted by disagreement (bottom-box) shares. */
  readonly disagree: readonly L[];
  /** The neutral middle level, if the scale has one. */
  readonly neutral: L | null;
  /** Valid answers that carry no position on the scale; kept out of means and correlations. */
  readonly nonSubstantive: readonly N[];
  /** Extra spellings, already normalised, mapped to the label they stand for. */
  readonly aliases: Readonly<Record<string, L | N>>;
  /** Every category label: `levels` followed by `nonSubstantive` (category index order). */
  readonly categories: readonly (L | N)[];
  /**
   * Normalised spelling → category index, covering labels and aliases. Built once by
   * `defineScale`; used by `likert` to code answers.
   */
  readonly lookup: Readonly<Record<string, number>>;
  /** True when this scale was produced by `reverseScale`. */
  readonly reversed: boolean;
}

/** The labels of a scale (substantive and non-substantive). */
export type ScaleLabel<S> = S extends Scale<infer L, infer N> ? L | N : never;
/** The substantive levels of a scale. */
export type ScaleLevel<S> = S extends Scale<infer L, string> ? L : never;
