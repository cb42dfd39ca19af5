import type { ColumnCounts, LikertColumn } from '../data/types';
import { tallySource } from '../summary/source';
import type { ItemSummary } from '../summary/types';
import { effectiveSize, resolveWeights } from './weights';
import { columnCodes } from '../data/columnData';
import { isItemSummary } from '../summary/source';
import { designMean, designOf } from './designEstimate';
import { checkOptionKeys, optionKeys } from '../internal/validate';

/** Options of {@link frequencies}. */
export interface FrequenciesOptions {
  /**
   * Respondent weights, one per cell. Default: the column's own weights (a weighted survey
   * attaches them); `null` ignores them.
   */
  readonly weights?: ArrayLike<number> | null;
  /**
   * On a weighted column: `'linearization'` (default) adds each share's design-based standard
   * error (`se`, as `SE(svymean(~factor(item), design, na.rm = TRUE))`); `'kish'` leaves it out.
   */
  readonly variance?: 'linearization' | 'kish';
}

/** The keys of {@link FrequenciesOptions}, listed once (not per call: dashboards call it per item). */
const frequenciesKeys = optionKeys<FrequenciesOptions>({ weights: true, variance: true });

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
  /** Weighted columns only: the design-based standard error of `share` (R's `svymean` over the answered). */
  readonly se?: number;
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
 * Counts every answer category of a coded Likert column, or of an item of a survey summary
 * (`summarize(s).items[k]`), which gives the same result as the survey's column.
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
 * @param column - a column made by `likert`, or an `ItemSummary`
 * @param options - weights (with an item summary only `null`, to ignore its weights)
 * @returns counts and shares; shares are NaN when their denominator is 0
 * @throws TypeError when `column` is neither a LikertColumn nor an item summary, or weights are given with a summary; RangeError for weights of the wrong length or a negative weight
 * @example
 * const col = likert(['I høj grad', 'Slet ikke', 'Ved ikke', null], scales.daDegree4);
 * frequencies(col).rows.map((r) => [r.label, r.count, r.share]);
 * // [['Slet ikke', 1, 0.333…], ['I mindre grad', 0, 0], ['I høj grad', 1, 0.333…],
 * //  ['I meget høj grad', 0, 0], ['Ved ikke', 1, 0.333…], ['Ikke relevant', 0, 0]]
 * @see R: `table(factor(x, levels = …))` and `prop.table`
 */
export function frequencies<L extends string = string, N extends string = string>(
  column: LikertColumn<L, N> | ItemSummary,
  options: FrequenciesOptions = {},
): FrequenciesResult<L | N> {
  checkOptionKeys('frequencies', options, frequenciesKeys);
  const { scale, n, tally } = tallySource('frequencies', column, options.weights);
  const weighted = tally.weights;
  const categoryCount = scale.categories.length;
  const mass = (index: number): number =>
    weighted === null ? (tally.counts[index] as number) : (weighted.sums[index] as number);
  const levelCount = scale.levels.length;
  const variance = options.variance ?? 'linearization';
  if (variance !== 'linearization' && variance !== 'kish') {
    throw new RangeError(`frequencies: unknown variance ${JSON.stringify(variance)}; use 'linearization' or 'kish'`);
  }
  // Each category's share of the answered, linearised over the survey's design.
  let seOf: ((index: number) => number) | null = null;
  if (weighted !== null && variance === 'linearization' && !isItemSummary(column)) {
    const col = column as LikertColumn;
    const codes = columnCodes(col);
    const cellWeights = resolveWeights('frequencies', col, options.weights) as Float64Array;
    const design = designOf('frequencies', col, cellWeights, options.weights === undefined, undefined);
    seOf = (index) => designMean(Float64Array.from(codes, (c) => (c < 0 ? NaN : c === index ? 1 : 0)), cellWeights, design).se;
  }

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
      count: tally.counts[index] as number,
      weight: mass(index),
      share: mass(index) / answeredMass,
      substantiveShare,
      cumulativeSubstantiveShare,
      ...(seOf === null ? {} : { se: seOf(index) }),
    });
  }
  return {
    n,
    rows,
    scale: scale.id,
    weighted: weighted !== null,
    nEffective: weighted === null ? n.answered : effectiveSize(weighted, 0, categoryCount),
    method: 'frequencies',
  };
}
