import { normalQuantile, studentTQuantile } from '../math';
import { moments } from '../math/moments';
import { assertCount, assertFinite, assertLevel, assertOneOf, checkPopulationSize, describeValue, checkOptionKeys, optionKeys } from '../internal/validate';

/** Summary statistics accepted by {@link meanInterval} instead of raw values. */
export interface MeanSummary {
  /** Sample mean. */
  mean: number;
  /** Sample standard deviation (divisor n − 1). */
  sd: number;
  /** Sample size. */
  n: number;
}

/** Options of {@link meanInterval}. */
export interface MeanIntervalOptions {
  /** Confidence level strictly between 0 and 1; default 0.95. */
  level?: number;
  /** Size N of the finite population sampled without replacement; omit for no correction. */
  populationSize?: number;
  /**
   * Reference distribution of the standardised mean: Student t with n − 1 degrees of freedom
   * (default, as R's `t.test`) or the standard normal (a z interval).
   */
  distribution?: 't' | 'normal';
}

/** Result of {@link meanInterval}: plain, JSON-serialisable data. */
export interface MeanIntervalResult {
  /** Sample mean; `NaN` when n = 0. */
  mean: number;
  /** Sample standard deviation (divisor n − 1); `NaN` when n < 2. */
  sd: number;
  /** Standard error of the mean, sd/√n·√(1 − n/N) with a population size; `NaN` when n < 2. */
  se: number;
  /** Number of observations. */
  n: number;
  /** Degrees of freedom of sd, n − 1 (used for the quantile only when `method` is `'t'`). */
  df: number;
  /** Lower bound; `NaN` when n < 2. */
  lower: number;
  /** Upper bound; `NaN` when n < 2. */
  upper: number;
  /** Confidence level. */
  level: number;
  /** Reference distribution used for the critical value. */
  method: 't' | 'normal';
  /** Population size N when a finite population correction was applied. */
  populationSize?: number;
  /** Why the undefined fields are `NaN`, when they are. */
  reason?: string;
}

function isSummary(input: unknown): input is MeanSummary {
  return typeof input === 'object' && input !== null && 'mean' in input && !('length' in input);
}

/**
 * Confidence interval for a mean: x̄ ± q·se with se = s/√n, where q is the 1 − α/2 quantile of
 * Student t with n − 1 degrees of freedom (default) or of the standard normal.
 *
 * From raw values the mean is computed with a correcting second pass
 * (m = Σx/n, c = Σ(x − m)/n, x̄ = m + c) and the variance two-pass from the deviations
 * (x − m) − c, s² = Σ(x − x̄)²/(n − 1), so large offsets (10⁹ + small values) lose no precision. With a `populationSize` N the variance of the
 * mean is multiplied by the finite population correction (1 − n/N); n = N gives a zero-width
 * interval.
 *
 * @param input - the values (an array of finite numbers; drop missing values first) or a
 *   summary `{ mean, sd, n }`
 * @param options - `level` (default 0.95), `populationSize`, `distribution` (`'t'` or `'normal'`)
 * @returns the interval; with n < 2 `sd`, `se`, `lower` and `upper` are `NaN` (and `mean` too
 *   when n = 0) and `reason` says why
 * @throws TypeError when a value is not a finite number or the input is neither an array nor a
 *   summary; RangeError for a level outside (0, 1), a negative sd, a non-integer n, an unknown
 *   distribution or populationSize < n
 * @example
 * ```ts
 * meanInterval([1, 2, 2, 3, 3, 3, 4, 4, 2, 3]);
 * // { mean: 2.7, sd: 0.9486832980505138, se: 0.3, n: 10, df: 9,
 * //   lower: 2.0213528511605383, upper: 3.378647148839462, level: 0.95, method: 't' }
 * ```
 * @see R `t.test(x, conf.level = level)$conf.int`; Cochran (1977), Sampling Techniques, §2.
 */
export function meanInterval(
  input: ArrayLike<number> | MeanSummary,
  options: MeanIntervalOptions = {},
): MeanIntervalResult {
  checkOptionKeys('meanInterval', options, optionKeys<MeanIntervalOptions>({ level: true, populationSize: true, distribution: true }));
  const fn = 'meanInterval';
  const { level = 0.95, distribution = 't' } = options;
  assertLevel(fn, level);
  assertOneOf(fn, distribution, ['t', 'normal'] as const, 'distribution');

  let mean: number;
  let sd: number;
  let n: number;
  if (isSummary(input)) {
    assertCount(fn, input.n, 'n');
    n = input.n;
    if (n > 0) assertFinite(fn, input.mean, 'mean');
    mean = n > 0 ? input.mean : NaN;
    if (n >= 2) {
      assertFinite(fn, input.sd, 'sd');
      if (input.sd < 0) {
        throw new RangeError(`${fn}: sd must be non-negative, got ${describeValue(input.sd)}`);
      }
    }
    sd = n >= 2 ? input.sd : NaN;
  } else if (
    typeof input === 'object' &&
    input !== null &&
    typeof (input as ArrayLike<number>).length === 'number'
  ) {
    n = input.length;
    for (let i = 0; i < n; i++) {
      const value = input[i];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new TypeError(
          `${fn}: values[${i}] must be a finite number, got ${describeValue(value)}; remove missing values before calling`,
        );
      }
    }
    const m = moments(input);
    mean = m.mean;
    sd = m.sd;
  } else {
    throw new TypeError(
      `${fn}: input must be an array of numbers or a summary { mean, sd, n }, got ${describeValue(input)}`,
    );
  }
  const populationSize = checkPopulationSize(fn, options.populationSize, n);
  const withN = populationSize === undefined ? {} : { populationSize };
  const df = n - 1;
  if (n < 2) {
    return {
      mean,
      sd: NaN,
      se: NaN,
      n,
      df: Math.max(df, 0),
      lower: NaN,
      upper: NaN,
      level,
      method: distribution,
      ...withN,
      reason:
        n === 0
          ? 'no observations'
          : 'fewer than 2 observations: the standard deviation is undefined',
    };
  }
  const fpc =
    populationSize === undefined || !Number.isFinite(populationSize) ? 1 : 1 - n / populationSize;
  const se = (sd / Math.sqrt(n)) * Math.sqrt(fpc);
  const alphaHalf = (1 - level) / 2;
  const critical =
    distribution === 't' ? studentTQuantile(alphaHalf, df, false) : normalQuantile(alphaHalf, false);
  const halfWidth = critical * se;
  return {
    mean,
    sd,
    se,
    n,
    df,
    lower: mean - halfWidth,
    upper: mean + halfWidth,
    level,
    method: distribution,
    ...withN,
  };
}

