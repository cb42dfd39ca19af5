import type { Scale } from '../scale/types';

/** Category index stored for a missing answer (`null`, `undefined`, `''`, white space, `NaN`). */
export const MISSING = -1;
/** Category index stored for an unknown label coded under `unknown: 'missing'`. */
export const INVALID = -2;

/**
 * How every input cell of a column is accounted for.
 * `total = answered + missing + invalid` and `answered = substantive + nonSubstantive`, always.
 */
export interface ColumnCounts {
  /** Input cells. */
  readonly total: number;
  /** Cells holding a valid answer, substantive or not ("Ved ikke" counts here). */
  readonly answered: number;
  /** Cells holding a level of the scale (these enter means and correlations). */
  readonly substantive: number;
  /** Cells that were empty: `null`, `undefined`, `''`, white space or `NaN`. */
  readonly missing: number;
  /** Cells with an unknown label, kept only under `unknown: 'missing'`. */
  readonly invalid: number;
  /** Cells holding a non-substantive answer ("Ved ikke", "Ikke relevant"). */
  readonly nonSubstantive: number;
}

/**
 * A coded Likert column: the unit every statistic reads. Labels are normalised and coded once.
 *
 * `codes[i]` is the category index of respondent `i` (see {@link Scale}): `0 … k-1` for the
 * substantive levels lowest first, `k …` for the non-substantive answers, {@link MISSING} (-1)
 * for an empty cell and {@link INVALID} (-2) for an unknown label kept as invalid.
 * The numeric value used in means is `scale.codes[codes[i]]`.
 */
export interface LikertColumn<L extends string = string, N extends string = string> {
  readonly kind: 'likert-column';
  readonly scale: Scale<L, N>;
  readonly codes: Int8Array;
  readonly n: ColumnCounts;
  /** Optional label of the item (question text), carried into results. */
  readonly label?: string;
  /**
   * Optional respondent weights, one per cell (a survey attaches its weight column here). The
   * describe functions use them unless told otherwise.
   */
  readonly weights?: Float64Array;
}
