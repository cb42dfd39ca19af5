import { normalCdf } from '../math';
import { assertCount, assertLevel, checkOptionKeys, optionKeys } from '../internal/validate';
import { normalCritical, wilsonBounds } from './internal';

/** Options of {@link compareProportions}. */
export interface CompareProportionsOptions {
  /** Confidence level of the Newcombe interval, strictly between 0 and 1; default 0.95. */
  level?: number;
}

/** Result of {@link compareProportions}: plain, JSON-serialisable data. */
export interface CompareProportionsResult {
  /** p̂₁ − p̂₂; `NaN` when n1 or n2 is 0. */
  difference: number;
  /** Pooled z statistic; `NaN` when n1 or n2 is 0 or the pooled proportion is 0 or 1. */
  z: number;
  /** Two-sided p-value 2·Φ(−|z|); `NaN` when z is. */
  p: number;
  /** p̂₁ = x1/n1. */
  estimate1: number;
  /** p̂₂ = x2/n2. */
  estimate2: number;
  n1: number;
  n2: number;
  /** n1 + n2. */
  n: number;
  /** Newcombe's hybrid score interval for p₁ − p₂; `NaN` bounds when n1 or n2 is 0. */
  ci: { lower: number; upper: number; level: number; method: 'newcombe' };
  method: 'two-proportion-z';
  /** Why the undefined fields are `NaN`, when they are. */
  reason?: string;
}

/**
 * Compares two independent proportions: the difference p̂₁ − p̂₂, the pooled two-proportion z
 * test and Newcombe's hybrid score interval.
 *
 * - Difference: computed as (x1·n2 − x2·n1)/(n1·n2), exact for counts below 2^26.
 * - Test: with the pooled p̄ = (x1 + x2)/(n1 + n2),
 *   z = (p̂₁ − p̂₂) / √(p̄(1 − p̄)(1/n1 + 1/n2)) and the two-sided p = 2·Φ(−|z|), taken from the
 *   lower tail directly. z² is the X-squared of R's `prop.test(…, correct = FALSE)`, with the
 *   same p-value.
 * - Interval (Newcombe 1998, method 10): with Wilson intervals (l₁, u₁), (l₂, u₂),
 *   lower = d − √((p̂₁ − l₁)² + (u₂ − p̂₂)²), upper = d + √((u₁ − p̂₁)² + (p̂₂ − l₂)²).
 *
 * @param x1 - successes in sample 1
 * @param n1 - size of sample 1
 * @param x2 - successes in sample 2
 * @param n2 - size of sample 2
 * @param options - `level` of the interval (default 0.95)
 * @returns the comparison; with n1 = 0 or n2 = 0 every statistic is `NaN`; when the pooled
 *   proportion is 0 or 1 (no variation at all) `z` and `p` are `NaN` while the interval is
 *   still defined; `reason` says why
 * @throws RangeError when a count is not a non-negative integer, x > n, or the level is outside
 *   (0, 1)
 * @example
 * ```ts
 * compareProportions(56, 70, 48, 80);
 * // { difference: 0.2, z: 2.6501719512585327, p: 0.008045081368196585, estimate1: 0.8,
 * //   estimate2: 0.6, n1: 70, n2: 80, n: 150,
 * //   ci: { lower: 0.05243147240236479, upper: 0.333872654036906, level: 0.95, method: 'newcombe' },
 * //   method: 'two-proportion-z' }
 * ```
 * @see R `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)`; Newcombe (1998), Interval
 *   estimation for the difference between independent proportions: comparison of eleven
 *   methods, Statistics in Medicine 17, 873–890.
 */
export function compareProportions(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  options: CompareProportionsOptions = {},
): CompareProportionsResult {
  checkOptionKeys('compareProportions', options, optionKeys<CompareProportionsOptions>({ level: true }));
  const fn = 'compareProportions';
  const { level = 0.95 } = options;
  assertCount(fn, x1, 'x1');
  assertCount(fn, n1, 'n1');
  assertCount(fn, x2, 'x2');
  assertCount(fn, n2, 'n2');
  if (x1 > n1) {
    throw new RangeError(`${fn}: x1 (${x1}) must not exceed n1 (${n1}); pass the sample size as n1`);
  }
  if (x2 > n2) {
    throw new RangeError(`${fn}: x2 (${x2}) must not exceed n2 (${n2}); pass the sample size as n2`);
  }
  assertLevel(fn, level);

  const base = { n1, n2, n: n1 + n2, method: 'two-proportion-z' } as const;
  if (n1 === 0 || n2 === 0) {
    return {
      difference: NaN,
      z: NaN,
      p: NaN,
      estimate1: n1 === 0 ? NaN : x1 / n1,
      estimate2: n2 === 0 ? NaN : x2 / n2,
      ...base,
      ci: { lower: NaN, upper: NaN, level, method: 'newcombe' },
      reason: 'a sample is empty (n1 or n2 is 0)',
    };
  }
  const estimate1 = x1 / n1;
  const estimate2 = x2 / n2;
  const difference = (x1 * n2 - x2 * n1) / (n1 * n2);

  const pooled = (x1 + x2) / (n1 + n2);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  let z = NaN;
  let p = NaN;
  let reason: string | undefined;
  if (pooledSe === 0) {
    reason = 'the pooled proportion is 0 or 1: the z test is undefined';
  } else {
    z = difference / pooledSe;
    p = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  }

  const critical = normalCritical(level);
  const [l1, u1] = wilsonBounds(x1, n1, critical);
  const [l2, u2] = wilsonBounds(x2, n2, critical);
  const lower = difference - Math.hypot(estimate1 - l1, u2 - estimate2);
  const upper = difference + Math.hypot(u1 - estimate1, estimate2 - l2);
  const result: CompareProportionsResult = {
    difference,
    z,
    p,
    estimate1,
    estimate2,
    ...base,
    ci: { lower: Math.max(-1, lower), upper: Math.min(1, upper), level, method: 'newcombe' },
  };
  if (reason !== undefined) result.reason = reason;
  return result;
}
