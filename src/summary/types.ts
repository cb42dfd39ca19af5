/**
 * The survey summary: everything the reported statistics need, as plain JSON, mergeable over
 * disjoint respondents. Made in memory by `summarize`, inside an SQL engine by the query of
 * `summaryQuery` (read back with `summaryFromRows`), and added by `mergeSummaries`.
 *
 * Counts are integers and merge exactly. A weighted sum is kept as an unevaluated sum of two
 * doubles `[hi, lo]` (a double-double, hi + lo with |lo| ≤ ulp(hi)/2), accumulated with
 * error-free transformations, so that the order in which parts are merged changes its value by
 * far less than one rounding of the final double.
 */

/** An exact-enough weighted sum: the double-double hi + lo. Its value is `hi + lo`. */
export type SummarySum = readonly [hi: number, lo: number];

/** The scale of a summarised item, as plain data (what the statistics need of a `Scale`). */
export interface SummaryScale {
  readonly id: string;
  /** Substantive levels, lowest first. */
  readonly levels: readonly string[];
  /** Numeric code of each level (as `scale.codes`). */
  readonly codes: readonly number[];
  readonly agree: readonly string[];
  readonly disagree: readonly string[];
  readonly neutral: string | null;
  /** Non-substantive answers ("Ved ikke"), after the levels in category order. */
  readonly nonSubstantive: readonly string[];
  readonly reversed: boolean;
}

/** Weighted tallies of one item's categories (present only in a weighted summary). */
export interface SummaryItemWeights {
  /** Σw per category index (levels, then non-substantive). */
  readonly sums: readonly SummarySum[];
  /** Σ(w·scale)² per category index: squared after rescaling, so it neither underflows nor overflows. */
  readonly squares: readonly SummarySum[];
  /**
   * The power of two the weights were multiplied by before squaring (as `tallyWeights` does):
   * 2⁻ᵉ with 2ᵉ the power of two at the largest weight summed. A merge brings both parts to the
   * smaller of their scales, which multiplies the other part's squares by a power of two: exact.
   */
  readonly scale: number;
}

/** One item's cells, as counts per category: the sufficient statistics of every single-item figure. */
export interface ItemSummary {
  readonly kind: 'item-summary';
  readonly id: string;
  readonly label: string;
  readonly group: string | null;
  readonly topic: string | null;
  readonly reverse: boolean;
  readonly scale: SummaryScale;
  /** Cells per category index: the levels lowest first, then the non-substantive answers. */
  readonly counts: readonly number[];
  /** Empty cells. */
  readonly missing: number;
  /** Cells with an unknown label kept as invalid. */
  readonly invalid: number;
  /** Weighted tallies, or null in an unweighted summary. */
  readonly weights: SummaryItemWeights | null;
}

/** The joint counts of two items' substantive levels (pairwise deletion is implicit). */
export interface PairSummary {
  readonly x: string;
  readonly y: string;
  /** Levels of x (rows) and of y (columns). */
  readonly rows: number;
  readonly columns: number;
  /** Row-major: `counts[i * columns + j]` respondents with x level i and y level j. */
  readonly counts: readonly number[];
  /** Numeric codes of x's levels (rows) and of y's levels (columns), as the items score them. */
  readonly xCodes: readonly number[];
  readonly yCodes: readonly number[];
  /** Respondents summarised (those outside the table lack a substantive answer to x or y). */
  readonly respondents: number;
}

/** Respondents per category of a categorical attribute (null: missing). */
export interface AttributeSummary {
  readonly name: string;
  /** The values found, in code-unit order (`a < b` on the strings). */
  readonly categories: readonly {
    readonly value: string;
    readonly count: number;
    /** Σw of the category's respondents (weighted summaries only). */
    readonly weight: SummarySum | null;
  }[];
  /** Respondents with no value. */
  readonly missing: number;
}

/** One group of the `by` grouping: its respondents and its items' tallies. */
export interface GroupSummary {
  readonly value: string;
  readonly respondents: number;
  readonly items: readonly ItemSummary[];
}

/** The grouping a summary was split by. */
export interface BySummary {
  /** The attribute grouped by (a categorical attribute, or the numeric attribute of a size grouping). */
  readonly name: string;
  /** Group labels of a size grouping, in order; null for a categorical attribute. */
  readonly sizeGroups: readonly string[] | null;
  /** The cut points of a size grouping (a median split's median), null for a categorical attribute. */
  readonly breaks: readonly number[] | null;
  /**
   * The groups: those of a categorical attribute in code-unit order of their value (`a < b` on
   * the strings), size groups in their labels' order (empty ones included).
   */
  readonly groups: readonly GroupSummary[];
  /** Respondents in no group (missing value). */
  readonly ungrouped: number;
}

/** A JSON-serialisable summary of a survey; see the module comment. */
export interface SurveySummary {
  readonly kind: 'survey-summary';
  readonly version: 1;
  /** Respondents summarised. */
  readonly respondents: number;
  readonly weighted: boolean;
  /** Every item, in the survey's order. */
  readonly items: readonly ItemSummary[];
  /** Every categorical attribute. */
  readonly attributes: readonly AttributeSummary[];
  readonly by: BySummary | null;
  /** The requested pairs, in request order. */
  readonly pairs: readonly PairSummary[];
}
