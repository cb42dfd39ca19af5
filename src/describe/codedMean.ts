import type { CategoryTally } from '../engine/tally';
import type { LikertColumn } from '../data/types';
import { tallySource, type TallyScale } from '../summary/source';
import type { ItemSummary } from '../summary/types';
import { meanInterval } from '../inference/meanInterval';
import { studentTQuantile } from '../math';
import { groupedMoments } from '../math/moments';
import { assertLevel, checkPopulationSize, checkOptionKeys, optionKeys } from '../internal/validate';
import { effectiveSize, type WeightedTally } from './weights';

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
}

/** The keys of {@link CodedMeanOptions}, listed once (not per call: dashboards call it per item). */
const codedMeanKeys = optionKeys<CodedMeanOptions>({ level: true, populationSize: true, weights: true });

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
  readonly ci: { readonly lower: number; readonly upper: number; readonly level: number; readonly method: 't' };
  /** The coding used: each level's label and numeric code, lowest first. */
  readonly coding: readonly { readonly label: string; readonly code: number }[];
  /** Whether the mean is weighted. */
  readonly weighted: boolean;
  /** Kish's effective sample size (Σw)²/Σw² of the substantive answers; `n` when unweighted. */
  readonly nEffective: number;
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
 * Σw·x / Σw; the variance Σw(x − mean)² / Σw · n'/(n' − 1) with Kish's effective size
 * n' = (Σw)²/Σw²; se = sd/√n' (times √(1 − n/N) with a population size), and the t quantile
 * has n' − 1 degrees of freedom. Equal weights give exactly the unweighted results.
 *
 * @param column - a column made by `likert`, or an `ItemSummary` (same result as its column)
 * @param options - confidence level, population size and weights
 * @returns mean, sd, se, n and interval; `mean` is NaN when n = 0, `sd` and the interval NaN when n < 2, each with a `reason`
 * @throws TypeError for something that is neither a column nor an item summary; RangeError for a bad level or populationSize
 * @example
 * const col = likert(['I høj grad', 'I meget høj grad', 'Slet ikke', 'Ved ikke'], scales.daDegree4);
 * codedMean(col).mean // 2.6666666666666665  ((3 + 4 + 1) / 3; "Ved ikke" left out)
 * @see R: `t.test(x)$conf.int`
 */
export function codedMean<L extends string = string, N extends string = string>(
  column: LikertColumn<L, N> | ItemSummary,
  options: CodedMeanOptions = {},
): CodedMeanResult {
  checkOptionKeys('codedMean', options, codedMeanKeys);
  const { scale, tally } = tallySource('codedMean', column, options.weights);
  if (tally.weights !== null) return weightedCodedMean(scale, tally, tally.weights, options);
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
