import type { LikertColumn } from '../data/types';
import { tallySource } from '../summary/source';
import type { ItemSummary } from '../summary/types';
import { boundsFor, PROPORTION_METHODS, proportionInterval } from '../inference/proportionInterval';
import type { ProportionMethod } from '../inference/proportionInterval';
import { assertLevel, assertOneOf, checkPopulationSize, checkOptionKeys, optionKeys } from '../internal/validate';
import { effectiveSize, resolveWeights } from './weights';
import { columnCodes } from '../data/columnData';
import { isItemSummary } from '../summary/source';
import { SURVEY_PROPORTION_METHODS, surveyProportionInterval } from '../inference/surveyProportion';
import type { SurveyProportionMethod } from '../inference/surveyProportion';
import { designLogit, designLogitProfile, designMean, designOf, expit, logitInterval } from './designEstimate';
import { profileLikelihoodInterval } from '../inference/profileInterval';

/** Options of {@link agreementShare} and {@link disagreementShare}. */
export interface AgreementShareOptions {
  /**
   * `'answered'` (default): share of everyone who answered, "ved ikke" included, as the
   * reports print it. `'substantive'`: share of the substantive answers only.
   */
  readonly denominator?: 'answered' | 'substantive';
  /**
   * Interval method: default `'wilson'` unweighted, `'logit'` weighted. The design-based methods
   * `'logit'`, `'likelihood'` (the profile likelihood of svyglm's intercept, rescaled by its
   * design effect), `'beta'` (Korn–Graubard) and `'mean'` are R's `svyciprop`'s (an unweighted column
   * is then a simple random sample); the others, on a weighted column, are applied to the
   * design's effective n = p(1 − p)/se².
   */
  readonly ci?: ProportionMethod | SurveyProportionMethod | 'likelihood';
  /**
   * The variance of a weighted share: `'linearization'` (default), the design-based variance of
   * R's `svymean` (strata, clusters, fpc and calibration of the survey's design), or `'kish'`,
   * the approximation by Kish's effective sample size (Σw)²/Σw² that likertkit used before.
   */
  readonly variance?: 'linearization' | 'kish';
  /** Degrees of freedom of the design-based intervals: `'design'` (default, `degf(design)`) or a number (`Infinity`: normal). */
  readonly df?: number | 'design';
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

/** The design-based interval methods: svyciprop's, the profile likelihood among them. */
const DESIGN_SHARE_METHODS: readonly (SurveyProportionMethod | 'likelihood')[] = [...SURVEY_PROPORTION_METHODS, 'likelihood'];

/** The keys of {@link AgreementShareOptions}, listed once (not per call: dashboards call it per item). */
const shareKeys = optionKeys<AgreementShareOptions>({ denominator: true, ci: true, level: true, populationSize: true, weights: true, variance: true, df: true });

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
    readonly method: ProportionMethod | SurveyProportionMethod | 'likelihood';
    readonly level: number;
    /** Why the bounds are `NaN` although the estimate is not (a design-based interval that is undefined for the data). */
    readonly reason?: string;
  };
  /** Design-based results only: the standard error, `SE(svymean(~I(item %in% levels), design, na.rm = TRUE))`. */
  readonly se?: number;
  /** Design-based results only: the design's degrees of freedom within the denominator (`degf`). */
  readonly df?: number;
  /** Design-based results only: R's design effect (`svymean(…, deff = TRUE)`; needs weights on the population scale). */
  readonly deff?: number;
  /** How the variance was found on a weighted column: `'linearization'` or `'kish'`. */
  readonly variance?: 'linearization' | 'kish';
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
 * Σw over the agreeing respondents / Σw over the denominator. Its standard error `se` is the
 * design-based one of R's `svymean(~I(item %in% agree), design, na.rm = TRUE)` (Taylor
 * linearisation over the survey's strata, clusters, fpc and calibration; a filtered survey is
 * R's `subset()` of the design), with `df` (`degf`) and `deff`; the interval is `svyciprop`'s,
 * `'logit'` by default (`'beta'`, `'mean'` on request; a classical method is applied to the
 * design's effective n = p(1 − p)/se²). With `variance: 'kish'` the interval is instead the
 * chosen method applied to Kish's effective sample size n' = (Σw)²/Σw² with x' = estimate · n'
 * (with a population size, n' is further divided by (N − n)/(N − 1)); an item summary, which
 * holds tallies only, always takes Kish's.
 *
 * @param column - a column made by `likert`, or an `ItemSummary` (same result as its column)
 * @param options - denominator, interval method, level, population size
 * @returns estimate, count, n and interval; estimate and bounds are NaN with a `reason` when n = 0
 * @throws TypeError for something that is neither a column nor an item summary; RangeError for a bad level, method, denominator or populationSize
 * @example
 * const col = likert(['I høj grad', 'I meget høj grad', 'Slet ikke', 'Ved ikke'], scales.daDegree4);
 * agreementShare(col).estimate                               // 0.5  (2 of 4 answered)
 * agreementShare(col, { denominator: 'substantive' }).estimate // 0.6666666666666666
 * @see Agresti & Coull (1998); R: `prop.test(x, n, correct = FALSE)$conf.int` for the Wilson interval;
 *   weighted: `survey::svymean(…, deff = TRUE)`, `survey::svyciprop(…, method)`
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
  const variance = options.variance ?? 'linearization';
  assertOneOf(fn, variance, ['linearization', 'kish'] as const, 'variance');
  // Item summaries hold tallies only: their weighted intervals are Kish's.
  const method_ = options.ci ?? (weighted === null || variance === 'kish' || isItemSummary(column) ? 'wilson' : 'logit');
  const designMethod = (DESIGN_SHARE_METHODS as readonly string[]).includes(method_);
  const dfOption = options.df ?? 'design';
  if (dfOption !== 'design' && (typeof dfOption !== 'number' || !(dfOption > 0))) {
    throw new RangeError(`${fn}: df must be 'design' or a number > 0 (Infinity for normal quantiles), got ${String(dfOption)}`);
  }
  if (designMethod && variance === 'kish') {
    throw new RangeError(`${fn}: ci '${method_}' is a design-based interval; with variance 'kish' use one of ${PROPORTION_METHODS.map((m) => `'${m}'`).join(', ')}`);
  }
  if (designMethod && isItemSummary(column)) {
    throw new RangeError(`${fn}: ci '${method_}' needs the respondents' answers and the design; an item summary has only its tallies: pass the survey's column`);
  }
  let design: { se: number; df: number; deff: number } | undefined;
  const level = options.level ?? 0.95;
  const categoryCount = scale.categories.length;
  const levelIndices = levels.map((level_) => scale.levels.indexOf(level_));
  let count = 0;
  for (const k of levelIndices) count += tally.counts[k] ?? 0;
  const denominatorEnd = denominator === 'answered' ? categoryCount : scale.levels.length;
  const n = denominator === 'answered' ? counted.answered : counted.substantive;

  let estimate: number;
  let ciReason: string | undefined;
  let nEffective = n;
  let lower: number;
  let upper: number;
  if ((weighted !== null && variance === 'linearization' && !isItemSummary(column)) || designMethod) {
    assertLevel(fn, level);
    assertOneOf(fn, method_, [...PROPORTION_METHODS, ...DESIGN_SHARE_METHODS], 'ci');
    // R's svymean on the design cut to the denominator: every cell gets 1 (agrees), 0 (in the
    // denominator) or NaN (outside it), scored over the whole design.
    const col = column as LikertColumn;
    const codes = columnCodes(col);
    const cellWeights = resolveWeights(fn, col, options.weights) ?? new Float64Array(codes.length).fill(1);
    const values = new Float64Array(codes.length);
    const agrees = new Uint8Array(categoryCount);
    for (const k of levelIndices) agrees[k] = 1;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] as number;
      values[i] = c >= 0 && c < denominatorEnd ? (agrees[c] as number) : NaN;
    }
    const columnDesign = designOf(fn, col, cellWeights, options.weights === undefined && weighted !== null, options.populationSize);
    const found = designMean(values, cellWeights, columnDesign);
    let agreeMass = 0;
    let totalMass = 0;
    if (weighted === null) {
      agreeMass = count;
      totalMass = n;
    } else {
      for (const k of levelIndices) agreeMass += weighted.sums[k] ?? 0;
      for (let k = 0; k < denominatorEnd; k++) totalMass += weighted.sums[k] as number;
      nEffective = effectiveSize(weighted, 0, denominatorEnd);
    }
    estimate = totalMass > 0 ? agreeMass / totalMass : NaN;
    const df = dfOption === 'design' ? found.df : dfOption;
    design = { se: found.se, df, deff: found.deff };
    if (Number.isNaN(estimate)) {
      lower = NaN;
      upper = NaN;
    } else if (method_ === 'logit' && estimate > 0 && estimate < 1 && found.se > 0 && df > 0) {
      // As svyciprop: the Wald interval of svyglm's intercept, fitted by R's own iterations.
      ({ lower, upper } = logitInterval(designLogit(values, cellWeights, columnDesign, found.rows), df, level));
    } else if (method_ === 'likelihood' && estimate > 0 && estimate < 1 && found.se > 0 && df > 0) {
      // As svyciprop: svyglm's intercept profiled on R's grid, then turned back by expit (R's
      // exp(b)/(1 + exp(b)) overflows to NaN beyond b = 709, where the bound is 1; this does not).
      const fit = designLogitProfile(values, cellWeights, designLogit(values, cellWeights, columnDesign, found.rows), found.rows);
      const profile = profileLikelihoodInterval(fit, level, df);
      lower = expit(profile.lower);
      upper = expit(profile.upper);
      ciReason = profile.reason;
    } else if (designMethod) {
      // For 'likelihood' the cases left here are those R stops on (a share of 0 or 1: "profiling
      // has found a better solution"; df ≤ 0): NaN with a reason, as for 'logit'; and se = 0 (a
      // census), where the interval is the estimate, as for every design-based method here.
      const method = method_ === 'likelihood' ? 'logit' : (method_ as SurveyProportionMethod);
      const interval = surveyProportionInterval(estimate, found.se, { method, level, df, rows: found.rows });
      ({ lower, upper } = interval);
      ciReason = interval.reason?.replace(`the ${method} interval`, `the ${method_} interval`);
    } else {
      // The design's effective n, p(1 − p)/se², in the chosen classical interval.
      const nDesign = found.se > 0 ? (estimate * (1 - estimate)) / (found.se * found.se) : n;
      [lower, upper] = boundsFor(method_ as ProportionMethod, estimate * nDesign, nDesign, estimate, level);
      lower = Math.min(1, Math.max(0, lower));
      upper = Math.min(1, Math.max(0, upper));
    }
  } else if (weighted === null) {
    let interval;
    try {
      interval = proportionInterval(count, n, {
        method: method_ as ProportionMethod,
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
    // Kish's approximation (variance: 'kish', and item summaries, which hold tallies only).
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
      [lower, upper] = boundsFor(method_ as ProportionMethod, x, nDesign, estimate, level);
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
    ci: { lower, upper, method: method_, level, ...(ciReason === undefined || Number.isNaN(estimate) ? {} : { reason: ciReason }) },
    method,
    ...(design === undefined ? {} : { se: design.se, df: design.df, deff: design.deff }),
    ...(weighted === null ? {} : { variance: design === undefined ? ('kish' as const) : ('linearization' as const) }),
  };
  if (n === 0) return { ...result, reason: `no ${denominator} responses` };
  if (Number.isNaN(estimate)) return { ...result, reason: `the weights of the ${denominator} responses sum to 0` };
  return result;
}
