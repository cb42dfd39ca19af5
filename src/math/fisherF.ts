/**
 * Fisher–Snedecor F distribution CDF.
 *
 * @module
 */

import { regularizedBeta } from './beta';
import { chiSquareCdf } from './chiSquare';

/**
 * Cumulative distribution function of the F distribution with (df1, df2) degrees of freedom.
 *
 * P(F ≤ x) = I_z(df1/2, df2/2) with z = df1·x/(df1·x + df2); the complement
 * df2/(df1·x + df2) is passed to {@link regularizedBeta} as its exact y, and the upper tail is
 * computed directly. Limits: df2 = ∞ gives the chi-square CDF of df1·x; df1 = ∞ gives the upper
 * chi-square tail of df2/x; both infinite is the point mass at 1.
 *
 * @param x - quantile; x ≤ 0 gives lower tail 0
 * @param df1 - numerator degrees of freedom > 0 (may be `Infinity`)
 * @param df2 - denominator degrees of freedom > 0 (may be `Infinity`)
 * @param lowerTail - `true` (default) for P(F ≤ x), `false` for P(F > x)
 * @returns the probability; `NaN` when a df is ≤ 0 or an argument is NaN
 * @example
 * fCdf(4, 3, 20, false); // 0.022076999662362415 (R: pf(4, 3, 20, lower.tail = FALSE) = 0.022076999662362429)
 * @see R's `pf(q, df1, df2, lower.tail = …)`; Abramowitz & Stegun (1964) 26.6.2
 */
export function fCdf(x: number, df1: number, df2: number, lowerTail = true): number {
  if (Number.isNaN(x) || Number.isNaN(df1) || Number.isNaN(df2)) return Number.NaN;
  if (!(df1 > 0) || !(df2 > 0)) return Number.NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  if (x === Number.POSITIVE_INFINITY) return lowerTail ? 1 : 0;
  const infinite1 = df1 === Number.POSITIVE_INFINITY;
  const infinite2 = df2 === Number.POSITIVE_INFINITY;
  if (infinite1 && infinite2) return x < 1 === lowerTail ? 0 : 1;
  if (infinite2) return chiSquareCdf(df1 * x, df1, lowerTail);
  if (infinite1) return chiSquareCdf(df2 / x, df2, !lowerTail);
  const scaled = df1 * x;
  const z = scaled / (scaled + df2);
  const complement = df2 / (scaled + df2);
  return regularizedBeta(z, 0.5 * df1, 0.5 * df2, lowerTail, complement);
}
