import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from '../math';
import { assertFinite, assertLevel, assertOneOf, checkOptionKeys, checkPopulationSize, optionKeys } from '../internal/validate';
import { checkMeanSummary } from './internal';
import type { MeanSummary } from './meanInterval';

/** Options of {@link oneSampleTTest}. */
export interface OneSampleTTestOptions {
  /** Confidence level of the interval, strictly between 0 and 1; default 0.95. */
  readonly level?: number;
  /**
   * Reference distribution of the statistic: Student t with n − 1 degrees of freedom (default,
   * as R's `t.test`) or the standard normal (a z test).
   */
  readonly distribution?: 't' | 'normal';
  /** Size N of the finite population sampled without replacement; omit for no correction. */
  readonly populationSize?: number;
}

/** Result of {@link oneSampleTTest}: plain, JSON-serialisable data. */
export interface OneSampleTTestResult {
  /** The sample mean x̄; `NaN` when n = 0. */
  readonly estimate: number;
  /** The hypothesised mean μ₀. */
  readonly mu: number;
  /** Standard error s/√n·√(1 − n/N) (without N: s/√n); `NaN` when n < 2. */
  readonly se: number;
  /** (x̄ − μ₀)/se, a t or a z statistic; `NaN` when se is undefined or 0. */
  readonly statistic: number;
  /** n − 1 (the t reference's degrees of freedom; also reported for the z test); 0 when n = 0. */
  readonly df: number;
  /** Two-sided p-value; `NaN` when the statistic is. */
  readonly p: number;
  /** Interval x̄ ± q(1 − α/2)·se; bounds `NaN` when n < 2. */
  readonly ci: { readonly lower: number; readonly upper: number; readonly level: number };
  readonly method: 'one-sample-t' | 'one-sample-z';
  /** Population size N when a finite population correction was applied. */
  readonly populationSize?: number;
  /** Why the undefined fields are `NaN`, when they are. */
  readonly reason?: string;
}

/**
 * One-sample test of a mean against a hypothesised value μ₀ from the sample's summary, as R's
 * `t.test(x, mu = mu0)`, or as a z test.
 *
 * se = s/√n, multiplied by the finite population correction √(1 − n/N) when a population size N
 * is given; statistic = (x̄ − μ₀)/se; the two-sided p-value is 2·P(T_{n−1} ≤ −|statistic|)
 * (or 2·Φ(−|statistic|) for the z test); the interval is x̄ ± q·se with q the 1 − α/2 quantile of
 * the same distribution. `representativeness` uses it to test a numeric variable's sample mean
 * against the population mean.
 *
 * @param x - the sample's summary `{ mean, sd, n }` (sd with divisor n − 1)
 * @param mu - the hypothesised mean μ₀, a finite number
 * @param options - `level` (default 0.95), `distribution` (`'t'` default, or `'normal'`), `populationSize`
 * @returns the test; with n < 2 `se`, `statistic`, `p` and the bounds are `NaN`; with sd = 0 (or
 *   a census, n = N) `statistic` and `p` are `NaN`; `reason` says why
 * @throws RangeError when n is not a non-negative integer, sd is negative, the level is outside
 *   (0, 1), the distribution is unknown or populationSize < n; TypeError when the summary is not
 *   an object, mu, the mean (n ≥ 1) or the sd (n ≥ 2) is not a finite number, or for an unknown
 *   option
 * @example
 * ```ts
 * // x = c(1, 2, 2, 3, 3, 3, 4, 4, 2, 3); t.test(x, mu = 2)
 * oneSampleTTest({ mean: 2.7, sd: 0.9486832980505138, n: 10 }, 2);
 * // { estimate: 2.7, mu: 2, se: 0.3, statistic: 2.333333333333334, df: 9, p: 0.044503537305576456,
 * //   ci: { lower: 2.0213528511605383, upper: 3.378647148839462, level: 0.95 }, method: 'one-sample-t' }
 * // R: t.test(x, mu = 2) gives t = 2.3333, df = 9, p-value = 0.0445
 * ```
 * @see R `t.test(x, mu = mu0, conf.level = level)`; Cochran (1977), Sampling Techniques, §2.
 */
export function oneSampleTTest(x: MeanSummary, mu: number, options: OneSampleTTestOptions = {}): OneSampleTTestResult {
  const fn = 'oneSampleTTest';
  checkOptionKeys(fn, options, optionKeys<OneSampleTTestOptions>({ level: true, distribution: true, populationSize: true }));
  const { level = 0.95, distribution = 't' } = options;
  assertLevel(fn, level);
  assertOneOf(fn, distribution, ['t', 'normal'] as const, 'distribution');
  checkMeanSummary(fn, x, 'x');
  assertFinite(fn, mu, 'mu');
  const { n } = x;
  const populationSize = checkPopulationSize(fn, options.populationSize, n);
  const withN = populationSize === undefined ? {} : { populationSize };
  const method = distribution === 't' ? 'one-sample-t' : 'one-sample-z';
  const estimate = n > 0 ? x.mean : NaN;
  const df = Math.max(n - 1, 0);
  if (n < 2) {
    return {
      estimate,
      mu,
      se: NaN,
      statistic: NaN,
      df,
      p: NaN,
      ci: { lower: NaN, upper: NaN, level },
      method,
      ...withN,
      reason: 'fewer than 2 values: the standard error is undefined',
    };
  }
  const fpc = populationSize === undefined || !Number.isFinite(populationSize) ? 1 : 1 - n / populationSize;
  const se = (x.sd / Math.sqrt(n)) * Math.sqrt(fpc);
  const alphaHalf = (1 - level) / 2;
  const critical = distribution === 't' ? studentTQuantile(alphaHalf, df, false) : normalQuantile(alphaHalf, false);
  const halfWidth = critical * se;
  const ci = { lower: estimate - halfWidth, upper: estimate + halfWidth, level };
  if (!(se > 0)) {
    return {
      estimate,
      mu,
      se,
      statistic: NaN,
      df,
      p: NaN,
      ci,
      method,
      ...withN,
      reason: 'the standard error is 0 (constant values or a census)',
    };
  }
  const statistic = (estimate - mu) / se;
  const p = distribution === 't' ? 2 * studentTCdf(-Math.abs(statistic), df) : 2 * normalCdf(-Math.abs(statistic));
  return { estimate, mu, se, statistic, df, p, ci, method, ...withN };
}
