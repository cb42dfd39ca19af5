import type { CategoryTally } from '../engine/tally';
import type { LikertColumn } from '../data/types';
import { tallySource, type TallyScale } from '../summary/source';
import type { ItemSummary } from '../summary/types';
import { meanInterval } from '../inference/meanInterval';
import { studentTQuantile } from '../math';
import { groupedMoments } from '../math/moments';
import { assertLevel, checkPopulationSize, checkOptionKeys, optionKeys } from '../internal/validate';
import { effectiveSize, resolveWeights, type WeightedTally } from './weights';
import { columnCodes } from '../data/columnData';
import { isItemSummary } from '../summary/source';
import { normalQuantile } from '../math';
import { assertOneOf } from '../internal/validate';
import { designMean, designOf } from './designEstimate';

/** Options of {@link codedMean}. */
export interface CodedMeanOptions {
  /** Confidence level of the t interval (default 0.95). */
  readonly level?: number;
  /** Population size N: multiplies the variance of the mean by (1 − n/N). */
  readonly populationSize?: number;
  /**
   * Respondent weights, one per cell. Default: the column's own weights (a weighted survey
   * attaches them); `null` ignores them.
   */
  readonly weights?: ArrayLike<number> | null;
  /**
   * The variance of a weighted mean: `'linearization'` (default), the design-based variance of
   * R's `svymean` (strata, clusters, fpc and calibration of the survey's design), or `'kish'`,
   * the approximation by Kish's effective sample size that likertkit used before.
   */
  readonly variance?: 'linearization' | 'kish';
  /**
   * Degrees of freedom of a design-based interval: `Infinity` (default: normal quantiles, as R's
   * `confint(svymean(…))`), `'design'` (`degf(design)`, as `confint(…, df = degf(design))`) or a number.
   */
  readonly df?: number | 'design';
}

/** The keys of {@link CodedMeanOptions}, listed once (not per call: dashboards call it per item). */
const codedMeanKeys = optionKeys<CodedMeanOptions>({ level: true, populationSize: true, weights: true, variance: true, df: true });

/** Result of {@link codedMean}: plain data. */
export interface CodedMeanResult {
  /** Mean of the numeric codes of the substantive answers; NaN when n = 0. */
  readonly mean: number;
  /** Sample standard deviation (divisor n − 1); NaN when n < 2. */
  readonly sd: number;
  /** Standard error of the mean, with the finite population correction when N is given. */
  readonly se: number;
  /** Substantive answers: "ved ikke", missing and invalid cells are left out. */
  readonly n: number;
  /** `'t'` (Student t) or, for a design-based interval with infinite df, `'normal'`. */
  readonly ci: { readonly lower: number; readonly upper: number; readonly level: number; readonly method: 't' | 'normal' };
  /** The coding used: each level's label and numeric code, lowest first. */
  readonly coding: readonly { readonly label: string; readonly code: number }[];
  /** Whether the mean is weighted. */
  readonly weighted: boolean;
  /** Kish's effective sample size (Σw)²/Σw² of the substantive answers; `n` when unweighted. */
  readonly nEffective: number;
  /** Design-based results only: the design's degrees of freedom within the substantive answers (`degf`). */
  readonly df?: number;
  /** Design-based results only: R's design effect (`svymean(…, deff = TRUE)`; needs weights on the population scale). */
  readonly deff?: number;
  /** How the variance was found on a weighted column: `'linearization'` or `'kish'`. */
  readonly variance?: 'linearization' | 'kish';
  readonly method: 'coded-mean';
  /** Set when the mean or its interval is undefined. */
  readonly reason?: string;
}

/**
 * The mean of a Likert item on its numeric codes (e.g. "i meget høj grad" = 4 … "slet ikke" =
 * 1), with a Student t interval.
 *
 * Non-substantive answers ("ved ikke", "ikke relevant"), missing and invalid cells are left
 * out. The sum is taken over category counts × codes, so it is exact for integer codes; the
 * variance is the two-pass sum of squared deviations over the categories, divided by n − 1.
 * se = sd / √n · √(1 − n/N) when `populationSize` N is given; interval mean ± t(1 − α/2, n − 1) · se.
 *
 * Weighted (the column's weights from a weighted survey, or `options.weights`): the mean is
 * Σw·x / Σw; `se` is the design-based one of R's `svymean(~item, design, na.rm = TRUE)` (Taylor
 * linearisation over the survey's strata, clusters, fpc and calibration), with `df` (`degf`)
 * and `deff`, and the interval mean ± z·se as `confint(svymean(…))` (or ± t·se with
 * `df: 'design'` or a number). With `variance: 'kish'` (and for an item summary): the variance
 * Σw(x − mean)² / Σw · n'/(n' − 1) with Kish's effective size n' = (Σw)²/Σw²; se = sd/√n'
 * (times √(1 − n/N) with a population size), and the t quantile has n' − 1 degrees of freedom;
 * equal weights then give exactly the unweighted results. `sd` is always this weighted sd.
 *
 * @param column - a column made by `likert`, or an `ItemSummary` (same result as its column)
 * @param options - confidence level, population size and weights
 * @returns mean, sd, se, n and interval; `mean` is NaN when n = 0, `sd` and the interval NaN when n < 2, each with a `reason`
 * @throws TypeError for something that is neither a column nor an item summary; RangeError for a bad level or populationSize
 * @example
 * const col = likert(['I høj grad', 'I meget høj grad', 'Slet ikke', 'Ved ikke'], scales.daDegree4);
 * codedMean(col).mean // 2.6666666666666665  ((3 + 4 + 1) / 3; "Ved ikke" left out)
 * @see R: `t.test(x)$conf.int`; weighted: `survey::svymean(~item, design, na.rm = TRUE, deff = TRUE)`, `confint`
 */
export function codedMean<L extends string = string, N extends string = string>(
  column: LikertColumn<L, N> | ItemSummary,
  options: CodedMeanOptions = {},
): CodedMeanResult {
  checkOptionKeys('codedMean', options, codedMeanKeys);
  const { scale, tally } = tallySource('codedMean', column, options.weights);
  const variance = options.variance ?? 'linearization';
  assertOneOf('codedMean', variance, ['linearization', 'kish'] as const, 'variance');
  if (tally.weights !== null) {
    const kish = weightedCodedMean(scale, tally, tally.weights, options);
    if (variance === 'kish' || isItemSummary(column)) return { ...kish, variance: 'kish' };
    return linearisedMean(column as LikertColumn, kish, options);
  }
  const levelCount = scale.levels.length;
  const counts = Array.from(tally.counts);

  let n = 0;
  for (let k = 0; k < levelCount; k++) n += counts[k] as number;
  // Shifted and rescaled moments: codes 1e16 and 1e16 + 2, or codes near 1e-170, keep their sd.
  const grouped = groupedMoments(scale.codes.slice(0, levelCount), counts.slice(0, levelCount));
  const mean = n === 0 ? NaN : grouped.mean;
  const sd = n < 2 ? NaN : grouped.rootMeanSquare * Math.sqrt(n / (n - 1));

  let interval;
  try {
    interval = meanInterval(
      { mean, sd, n },
      {
        level: options.level ?? 0.95,
        ...(options.populationSize === undefined ? {} : { populationSize: options.populationSize }),
      },
    );
  } catch (error) {
    if (error instanceof Error) error.message = error.message.replace(/^meanInterval/, 'codedMean');
    throw error;
  }
  return finish(scale, {
    mean,
    sd,
    se: n < 2 ? NaN : interval.se,
    n,
    lower: interval.lower,
    upper: interval.upper,
    level: interval.level,
    weighted: false,
    nEffective: n,
  });
}

interface MeanParts {
  mean: number;
  sd: number;
  se: number;
  n: number;
  lower: number;
  upper: number;
  level: number;
  weighted: boolean;
  nEffective: number;
}

function weightedCodedMean(scale: TallyScale, counted: CategoryTally, tally: WeightedTally, options: CodedMeanOptions): CodedMeanResult {
  const fn = 'codedMean';
  const level = options.level ?? 0.95;
  assertLevel(fn, level);
  const levelCount = scale.levels.length;
  const counts = counted.counts;
  let n = 0;
  let total = 0;
  for (let k = 0; k < levelCount; k++) {
    n += counts[k] as number;
    total += tally.sums[k] as number;
  }
  const populationSize = checkPopulationSize(fn, options.populationSize, n);
  const nEffective = effectiveSize(tally, 0, levelCount);
  const grouped = groupedMoments(scale.codes.slice(0, levelCount), tally.sums.subarray(0, levelCount));
  const mean = total > 0 ? grouped.mean : NaN;
  const defined = n >= 2 && nEffective > 1;
  const sd = defined ? grouped.rootMeanSquare * Math.sqrt(nEffective / (nEffective - 1)) : NaN;
  const fpc = populationSize === undefined || !Number.isFinite(populationSize) ? 1 : 1 - n / populationSize;
  const se = defined ? (sd / Math.sqrt(nEffective)) * Math.sqrt(fpc) : NaN;
  const half = defined ? studentTQuantile((1 - level) / 2, nEffective - 1, false) * se : NaN;
  return finish(scale, {
    mean,
    sd,
    se,
    n,
    lower: mean - half,
    upper: mean + half,
    level,
    weighted: true,
    nEffective,
  });
}

/**
 * The weighted mean with its design-based standard error (R's `svymean(~item, design, na.rm =
 * TRUE)`) and interval mean ± q·se, q normal (R's `confint` default) or t with the given df.
 */
function linearisedMean(column: LikertColumn, kish: CodedMeanResult, options: CodedMeanOptions): CodedMeanResult {
  const fn = 'codedMean';
  const codes = columnCodes(column);
  const cellWeights = resolveWeights(fn, column, options.weights) as Float64Array;
  const k = column.scale.levels.length;
  const values = Float64Array.from(codes, (c) => (c >= 0 && c < k ? (column.scale.codes[c] as number) : NaN));
  const found = designMean(values, cellWeights, designOf(fn, column, cellWeights, options.weights === undefined, options.populationSize));
  const dfOption = options.df ?? Infinity;
  if (dfOption !== 'design' && (typeof dfOption !== 'number' || !(dfOption > 0))) {
    throw new RangeError(`${fn}: df must be 'design' or a number > 0 (Infinity for normal quantiles), got ${String(dfOption)}`);
  }
  const df = dfOption === 'design' ? found.df : dfOption;
  const alpha = 1 - kish.ci.level;
  const q = df === Infinity ? normalQuantile(alpha / 2, false) : df > 0 ? studentTQuantile(alpha / 2, df, false) : NaN;
  const { mean } = kish;
  return {
    ...kish,
    se: found.se,
    ci: { lower: mean - q * found.se, upper: mean + q * found.se, level: kish.ci.level, method: df === Infinity ? 'normal' : 't' },
    df: found.df,
    deff: found.deff,
    variance: 'linearization',
  };
}

function finish(scale: TallyScale, parts: MeanParts): CodedMeanResult {
  const coding = scale.levels.map((label, k) => ({ label: label as string, code: scale.codes[k] as number }));
  const { mean, sd, se, n, lower, upper, level, weighted, nEffective } = parts;
  const result: CodedMeanResult = {
    mean,
    sd,
    se,
    n,
    ci: { lower, upper, level, method: 't' },
    coding,
    weighted,
    nEffective,
    method: 'coded-mean',
  };
  if (n === 0 || Number.isNaN(mean)) return { ...result, reason: weighted && n > 0 ? 'the weights of the substantive answers sum to 0' : 'no substantive answers' };
  if (n < 2 || Number.isNaN(sd)) return { ...result, reason: 'fewer than 2 substantive answers: sd and interval undefined' };
  return result;
}
