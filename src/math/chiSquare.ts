/**
 * Chi-square distribution CDF.
 *
 * @module
 */

import { regularizedGammaP, regularizedGammaQ } from './gamma';

/**
 * Cumulative distribution function of the chi-square distribution with `df` degrees of freedom.
 *
 * P(X ≤ x) = P(df/2, x/2), the regularized lower incomplete gamma function; the upper tail is
 * Q(df/2, x/2) computed directly (continued fraction), not 1 − P.
 *
 * @param x - quantile; x ≤ 0 gives lower tail 0
 * @param df - degrees of freedom, positive and finite
 * @param lowerTail - `true` (default) for P(X ≤ x), `false` for P(X > x)
 * @returns the probability; `NaN` when df ≤ 0, df is infinite, or an argument is NaN
 * @example
 * chiSquareCdf(3.841458820694124, 1); // 0.9499999999999997
 * chiSquareCdf(1500, 1000, false); // 1.0454640385979593e-22 (R: 1.0454640385979652e-22)
 * @see R's `pchisq(q, df, lower.tail = …)`
 */
export function chiSquareCdf(x: number, df: number, lowerTail = true): number {
  if (Number.isNaN(x) || Number.isNaN(df) || !(df > 0) || !Number.isFinite(df)) return Number.NaN;
  return lowerTail ? regularizedGammaP(0.5 * df, 0.5 * x) : regularizedGammaQ(0.5 * df, 0.5 * x);
}
