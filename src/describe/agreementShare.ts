import type { LikertColumn } from '../data/types';
import { tallySource } from '../summary/source';
import type { ItemSummary } from '../summary/types';
import { boundsFor, PROPORTION_METHODS, proportionInterval } from '../inference/proportionInterval';
import type { ProportionMethod } from '../inference/proportionInterval';
import { assertLevel, assertOneOf, checkPopulationSize, checkOptionKeys, optionKeys } from '../internal/validate';
import { effectiveSize } from './weights';

/** Options of {@link agreementShare} and {@link disagreementShare}. */
export interface AgreementShareOptions {
  /**
   * `'answered'` (default): share of everyone who answered, "ved ikke" included, as the
   * reports print it. `'substantive'`: share of the substantive answers only.
   */
  readonly denominator?: 'answered' | 'substantive';
  /** Interval method (default `'wilson'`). */
  readonly ci?: ProportionMethod;
  /** Confidence level (default 0.95). */
  readonly level?: number;
  /** Population size N for the finite population correction (e.g. 98 municipalities). */
  readonly populationSize?: number;
  /**
   * Respondent weights, one per cell. Default: the column's own weights (a weighted survey
   * attaches them); `null` ignores them.
   */
  readonly weights?: ArrayLike<number> | null;
}

/** The keys of {@link AgreementShareOptions}, listed once (not per call: dashboards call it per item). */
const shareKeys = optionKeys<AgreementShareOptions>({ denominator: true, ci: true, level: true, populationSize: true, weights: true });

/** Result of {@link agreementShare} / {@link disagreementShare}: plain data. */
export interface AgreementShareResult<L extends string = string> {
  /** `count / n`; NaN when n = 0. */
  readonly estimate: number;
  /** Respondents giving one of `levels`. */
  readonly count: number;
  /** The denominator actually used (respondents, also when weighted). */
  readonly n: number;
  /** Whether the share is weighted. */
  readonly weighted: boolean;
  /** Kish's effective sample size (Σw)²/Σw² of the denominator; `n` when unweighted. */
  readonly nEffective: number;
  readonly denominator: 'answered' | 'substantive';
  /** The levels counted (the scale's `agree` or `disagree` levels). */
  readonly levels: readonly L[];
  readonly ci: {
    readonly lower: number;
    readonly upper: number;
    readonly method: ProportionMethod;
    readonly level: number;
  };
  /** `'top-box'` for agreement, `'bottom-box'` for disagreement. */
  readonly method: 'top-box' | 'bottom-box';
  /** Set when the estimate is undefined (nobody in the denominator). */
  readonly reason?: string;
}

/**
 * The share of respondents answering one of the scale's agreement levels (top box): for the
 * Danish degree scale, "i høj grad" or "i meget høj grad".
 *
 * estimate = (number choosing an `agree` level) / denominator, where the denominator is by
 * default everyone who answered ("ved ikke" included), or with `denominator: 'substantive'`
 * only those who chose a level of the scale. The interval is {@link proportionInterval}'s,
 * Wilson by default.
 *
 * Weighted (the column's weights from a weighted survey, or `options.weights`): the estimate is
 * Σw over the agreeing respondents / Σw over the denominator, and the interval is the chosen
 * method applied to Kish's effective sample size n' = (Σw)²/Σw² with x' = estimate · n'
 * (with a population size, n' is further divided by (N − n)/(N − 1)).
 *
 * @param column - a column made by `likert`, or an `ItemSummary` (same result as its column)
 * @param options - denominator, interval method, level, population size
 * @returns estimate, count, n and interval; estimate and bounds are NaN with a `reason` when n = 0
 * @throws TypeError for something that is neither a column nor an item summary; RangeError for a bad level, method, denominator or populationSize
 * @example
 * const col = likert(['I høj grad', 'I meget høj grad', 'Slet ikke', 'Ved ikke'], scales.daDegree4);
 * agreementShare(col).estimate                               // 0.5  (2 of 4 answered)
 * agreementShare(col, { denominator: 'substantive' }).estimate // 0.6666666666666666
 * @see Agresti & Coull (1998); R: `prop.test(x, n, correct = FALSE)$conf.int` for the Wilson interval
 */
export function agreementShare<L extends string = string, N extends string = string>(
  column: LikertColumn<L, N> | ItemSummary,
  options: AgreementShareOptions = {},
): AgreementShareResult<L> {
  checkOptionKeys('agreementShare', options, shareKeys);
  return boxShare<L>('agreementShare', column, 'agree', 'top-box', options);
}

/**
 * The share of respondents answering one of the scale's disagreement levels (bottom box):
 * for the Danish degree scale, "slet ikke" or "i mindre grad". Same options, denominator rules
 * and interval as {@link agreementShare}.
 *
 * @param column - a column made by `likert`, or an `ItemSummary` (same result as its column)
 * @param options - denominator, interval method, level, population size
 * @returns estimate, count, n and interval; NaN with a `reason` when n = 0
 * @throws TypeError for something that is neither a column nor an item summary; RangeError for a bad option
 * @example
 * const col = likert(['I høj grad', 'Slet ikke', 'I mindre grad', 'Ved ikke'], scales.daDegree4);
 * disagreementShare(col).estimate // 0.5
 */
export function disagreementShare<L extends string = string, N extends string = string>(
  column: LikertColumn<L, N> | ItemSummary,
  options: AgreementShareOptions = {},
): AgreementShareResult<L> {
  checkOptionKeys('disagreementShare', options, shareKeys);
  return boxShare<L>('disagreementShare', column, 'disagree', 'bottom-box', options);
}

function boxShare<L extends string>(
  fn: string,
  column: unknown,
  side: 'agree' | 'disagree',
  method: 'top-box' | 'bottom-box',
  options: AgreementShareOptions,
): AgreementShareResult<L> {
  const denominator = options.denominator ?? 'answered';
  assertOneOf(fn, denominator, ['answered', 'substantive'] as const, 'denominator');
  const { scale, n: counted, tally } = tallySource(fn, column, options.weights);
  const levels = scale[side] as readonly L[];
  const weighted = tally.weights;
  const method_ = options.ci ?? 'wilson';
  const level = options.level ?? 0.95;
  const categoryCount = scale.categories.length;
  const levelIndices = levels.map((level_) => scale.levels.indexOf(level_));
  let count = 0;
  for (const k of levelIndices) count += tally.counts[k] ?? 0;
  const denominatorEnd = denominator === 'answered' ? categoryCount : scale.levels.length;
  const n = denominator === 'answered' ? counted.answered : counted.substantive;

  let estimate: number;
  let nEffective = n;
  let lower: number;
  let upper: number;
  if (weighted === null) {
    let interval;
    try {
      interval = proportionInterval(count, n, {
        method: method_,
        level,
        ...(options.populationSize === undefined ? {} : { populationSize: options.populationSize }),
      });
    } catch (error) {
      // Re-label argument errors so the message names the function the caller used.
      if (error instanceof Error) error.message = error.message.replace(/^proportionInterval/, fn);
      throw error;
    }
    estimate = n === 0 ? NaN : count / n;
    ({ lower, upper } = interval);
  } else {
    assertLevel(fn, level);
    assertOneOf(fn, method_, PROPORTION_METHODS, 'ci');
    const populationSize = checkPopulationSize(fn, options.populationSize, n);
    let agreeMass = 0;
    for (const k of levelIndices) agreeMass += weighted.sums[k] ?? 0;
    let totalMass = 0;
    for (let k = 0; k < denominatorEnd; k++) totalMass += weighted.sums[k] as number;
    estimate = totalMass > 0 ? agreeMass / totalMass : NaN;
    nEffective = effectiveSize(weighted, 0, denominatorEnd);
    let nDesign = nEffective;
    if (populationSize !== undefined && Number.isFinite(populationSize)) {
      nDesign = populationSize === n ? Infinity : nEffective * ((populationSize - 1) / (populationSize - n));
    }
    if (Number.isNaN(estimate) || Number.isNaN(nDesign)) {
      lower = NaN;
      upper = NaN;
    } else if (nDesign === Infinity) {
      lower = estimate;
      upper = estimate;
    } else {
      const x = agreeMass === totalMass ? nDesign : estimate * nDesign;
      [lower, upper] = boundsFor(method_, x, nDesign, estimate, level);
      lower = Math.min(1, Math.max(0, lower));
      upper = Math.min(1, Math.max(0, upper));
    }
  }

  const result: AgreementShareResult<L> = {
    estimate,
    count,
    n,
    weighted: weighted !== null,
    nEffective,
    denominator,
    levels: levels.slice(),
    ci: { lower, upper, method: method_, level },
    method,
  };
  if (n === 0) return { ...result, reason: `no ${denominator} responses` };
  if (Number.isNaN(estimate)) return { ...result, reason: `the weights of the ${denominator} responses sum to 0` };
  return result;
}
