import { columnCodes } from '../data/columnData';
import type { ColumnCounts, LikertColumn } from '../data/types';
import { assertLikertColumn } from './assertColumn';
import { effectiveSize, resolveWeights, tallyWeights } from './weights';
import { checkOptionKeys, optionKeys } from '../internal/validate';

/** Options of {@link frequencies}. */
export interface FrequenciesOptions {
  /**
   * Respondent weights, one per cell. Default: the column's own weights (a weighted survey
   * attaches them); `null` ignores them.
   */
  readonly weights?: ArrayLike<number> | null;
}

/** One answer category in a {@link FrequenciesResult}. */
export interface FrequencyRow<L extends string = string> {
  /** The category label as the scale spells it. */
  readonly label: L;
  /** Category index (substantive levels first, lowest first; then non-substantive answers). */
  readonly index: number;
  /** `'level'` for a substantive level, `'nonSubstantive'` for "Ved ikke" and the like. */
  readonly kind: 'level' | 'nonSubstantive';
  /** The level's numeric code, or `null` for a non-substantive answer. */
  readonly code: number | null;
  /** Respondents giving this answer. */
  readonly count: number;
  /** Sum of their weights (equal to `count` when unweighted). */
  readonly weight: number;
  /**
   * `count / n.answered` ("ved ikke" included in the denominator), or the weighted share when
   * weighted; NaN when nobody answered.
   */
  readonly share: number;
  /** Share of the substantive answers (weighted when weighted); `null` for a non-substantive answer; NaN when there are none. */
  readonly substantiveShare: number | null;
  /** Running total of `substantiveShare` from the lowest level up; `null` for non-substantive answers. */
  readonly cumulativeSubstantiveShare: number | null;
}

/** Result of {@link frequencies}: plain data, JSON-serialisable. */
export interface FrequenciesResult<L extends string = string> {
  /** How every input cell is accounted for. */
  readonly n: ColumnCounts;
  /** One row per category of the scale, in category order, including categories nobody chose. */
  readonly rows: readonly FrequencyRow<L>[];
  /** The scale's id. */
  readonly scale: string;
  /** Whether the shares are weighted. */
  readonly weighted: boolean;
  /** Kish's effective sample size of the answered cells, (Σw)²/Σw²; `n.answered` when unweighted. */
  readonly nEffective: number;
  readonly method: 'frequencies';
}

/**
 * Counts every answer category of a coded Likert column.
 *
 * Each category of the scale gets a row, chosen or not, in scale order: the substantive levels
 * from lowest to highest, then the non-substantive answers ("Ved ikke", "Ikke relevant").
 * Shares are given two ways: of everyone who answered (as the Danish municipal reports print
 * their distributions, "ved ikke" included) and of the substantive answers only. Missing and
 * invalid cells have no row; they are reported in `n`.
 *
 * With weights (the column's, from a weighted survey, or `options.weights`), each row also
 * carries the sum of its weights and the shares are weighted: Σw over the category divided by
 * Σw over the denominator; `nEffective` is Kish's (Σw)²/Σw² over the answered cells.
 *
 * @param column - a column made by `likert`
 * @param options - weights
 * @returns counts and shares; shares are NaN when their denominator is 0
 * @throws TypeError when `column` is not a LikertColumn; RangeError for weights of the wrong length or a negative weight
 * @example
 * const col = likert(['I høj grad', 'Slet ikke', 'Ved ikke', null], scales.daDegree4);
 * frequencies(col).rows.map((r) => [r.label, r.count, r.share]);
 * // [['Slet ikke', 1, 0.333…], ['I mindre grad', 0, 0], ['I høj grad', 1, 0.333…],
 * //  ['I meget høj grad', 0, 0], ['Ved ikke', 1, 0.333…], ['Ikke relevant', 0, 0]]
 * @see R: `table(factor(x, levels = …))` and `prop.table`
 */
export function frequencies<L extends string, N extends string>(
  column: LikertColumn<L, N>,
  options: FrequenciesOptions = {},
): FrequenciesResult<L | N> {
  checkOptionKeys('frequencies', options, optionKeys<FrequenciesOptions>({ weights: true }));
  assertLikertColumn('frequencies', column);
  const weights = resolveWeights('frequencies', column, options.weights);
  const { scale, n } = column;
  const codes = columnCodes(column);
  const categoryCount = scale.categories.length;
  const counts = countCategories(codes, categoryCount);
  const tally = weights === null ? null : tallyWeights(codes, weights, categoryCount);
  const mass = (index: number): number => (tally === null ? (counts[index] as number) : (tally.sums[index] as number));
  const levelCount = scale.levels.length;

  let answeredMass = 0;
  let substantiveMass = 0;
  for (let index = 0; index < categoryCount; index++) {
    answeredMass += mass(index);
    if (index < levelCount) substantiveMass += mass(index);
  }

  const rows: FrequencyRow<L | N>[] = [];
  let cumulative = 0;
  for (let index = 0; index < categoryCount; index++) {
    const isLevel = index < levelCount;
    let substantiveShare: number | null = null;
    let cumulativeSubstantiveShare: number | null = null;
    if (isLevel) {
      substantiveShare = mass(index) / substantiveMass;
      cumulative += mass(index);
      cumulativeSubstantiveShare = cumulative / substantiveMass;
    }
    rows.push({
      label: scale.categories[index] as L | N,
      index,
      kind: isLevel ? 'level' : 'nonSubstantive',
      code: isLevel ? (scale.codes[index] as number) : null,
      count: counts[index] as number,
      weight: mass(index),
      share: mass(index) / answeredMass,
      substantiveShare,
      cumulativeSubstantiveShare,
    });
  }
  return {
    n: { ...n },
    rows,
    scale: scale.id,
    weighted: tally !== null,
    nEffective: tally === null ? n.answered : effectiveSize(tally, 0, categoryCount),
    method: 'frequencies',
  };
}

/**
 * Counts the category indices 0 … categoryCount − 1 in `codes`; negative codes (missing,
 * invalid) are skipped. Internal helper shared by the describe functions.
 */
export function countCategories(codes: Int8Array, categoryCount: number): number[] {
  const counts = new Array<number>(categoryCount).fill(0);
  // Typed accumulation first: a Float64Array indexed by code avoids boxed increments.
  const tally = new Float64Array(categoryCount);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (code >= 0) tally[code]! += 1;
  }
  for (let k = 0; k < categoryCount; k++) counts[k] = tally[k] as number;
  return counts;
}
