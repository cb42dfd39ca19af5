/**
 * Student's t distribution: CDF in both tails and quantile, for any df > 0 including df = ∞.
 *
 * @module
 */

import { regularizedBeta } from './beta';
import { logBeta } from './gamma';
import { normalCdf, normalQuantile } from './normal';

/**
 * P(T > |t|) = ½·(1 − I_x(½, ν/2)) with x = t²/(ν + t²), taken directly as the upper tail of the
 * incomplete beta with the exact complement y = ν/(ν + t²) passed alongside (no 1 − x).
 */
function halfTwoSidedTail(t: number, df: number): number {
  const absT = Math.abs(t);
  if (absT > 1e10 * Math.sqrt(df)) return farTail(absT, df);
  const tSquared = t * t;
  const x = tSquared / (df + tSquared);
  const y = df / (df + tSquared);
  return 0.5 * regularizedBeta(x, 0.5, 0.5 * df, false, y);
}

/**
 * P(T > |t|) for y = ν/(ν + t²) below 1e-20, where the leading term of the power series
 * I_y(ν/2, ½) = y^{ν/2}/((ν/2)·B(ν/2, ½))·[1 + (ν/2)(½)/(ν/2 + 1)·y + …] is exact to rounding:
 * ½·(√ν/|t|)^ν·(1 + ν/t²)^{−ν/2}/((ν/2)·B(ν/2, ½)), with (1 + ν/t²)^{−ν/2} = 1 to double
 * precision. The power is taken of √ν/|t| (never of y = ν/t², which underflows for
 * |t| > 1e162 while the tail itself, about |t|^{−ν}, is still far above 1e-308 for ν < 2).
 */
function farTail(absT: number, df: number): number {
  const halfDf = 0.5 * df;
  return (0.5 * Math.pow(Math.sqrt(df) / absT, df) * Math.exp(-logBeta(halfDf, 0.5))) / halfDf;
}

/**
 * Cumulative distribution function of Student's t with `df` degrees of freedom, P(T ≤ t) or
 * P(T > t).
 *
 * The tail beyond |t| is ½·I_{ν/(ν+t²)}(ν/2, ½), evaluated as the direct upper tail of
 * I_{t²/(ν+t²)}(½, ν/2) (TOMS 708), which is exact for every ν: unlike R's `pt`, no normal
 * approximation is switched in for ν > 4e5, so ν = 1e10 and 1e12 differ from the normal as
 * they should, and ν = 1e120 agrees with it to the last digit. ν = ∞ is the normal CDF.
 * Where ν/t² < 1e-20 the tail is the leading term of the series,
 * ½·(√ν/|t|)^ν/((ν/2)·B(ν/2, ½)), so that for ν < 2 tails like |t|^{−ν} at |t| = 1e300 stay
 * positive and exact (ν/t² itself would underflow beyond |t| = 1e162).
 *
 * @param t - quantile
 * @param df - degrees of freedom ν > 0 (may be `Infinity`)
 * @param lowerTail - `true` (default) for P(T ≤ t), `false` for P(T > t) computed directly
 * @returns the probability; `NaN` when df ≤ 0 or an argument is NaN; 0 or 1 at t = ±Infinity
 * @example
 * studentTCdf(2.045229642132704, 29); // 0.975
 * studentTCdf(1, 1e10); // 0.8413447460564445 (normal: 0.8413447460685429)
 * studentTCdf(1e300, 1, false); // 3.183098861837907e-301 (Cauchy: atan(1e-300)/π)
 * @see R's `pt(q, df, lower.tail = …)`; Abramowitz & Stegun (1964) 26.7.1; Didonato & Morris (1992)
 */
export function studentTCdf(t: number, df: number, lowerTail = true): number {
  if (Number.isNaN(t) || Number.isNaN(df) || !(df > 0)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t, lowerTail);
  if (t === 0) return 0.5;
  if (t === Number.POSITIVE_INFINITY) return lowerTail ? 1 : 0;
  if (t === Number.NEGATIVE_INFINITY) return lowerTail ? 0 : 1;
  const tail = halfTwoSidedTail(t, df);
  const smallTailWanted = lowerTail ? t < 0 : t > 0;
  return smallTailWanted ? tail : 0.5 - tail + 0.5;
}

/**
 * log of the t density at t ≥ 0: −((ν+1)/2)·log(1 + t²/ν) − log B(ν/2, ½) − ½log ν, with
 * log B(ν/2, ½) passed in (`logBetaHalf`), as the quantile's iterations share it.
 */
function logDensity(t: number, df: number, logBetaHalf: number): number {
  const ratio = (t / Math.sqrt(df)) * (t / Math.sqrt(df));
  const logKernel =
    ratio > 1e300
      ? 2 * Math.log(t) - Math.log(df) + Math.log1p(df / t / t)
      : Math.log1p(ratio);
  return -0.5 * (df + 1) * logKernel - logBetaHalf - 0.5 * Math.log(df);
}

/**
 * Starting value for the upper quantile of the smaller tail q: the Cornish–Fisher expansion
 * about the normal quantile z (A&S 26.7.5) and the power-law tail
 * S(t) ≈ ν^{(ν−1)/2}·t^{−ν}/(√ν·B(ν/2, ½)); whichever has the smaller residual
 * |log S(t) − log q| wins. Returns it with its tail S(t), which the first Newton step reuses.
 */
function initialTQuantile(q: number, df: number, logBetaHalf: number): { t: number; tail: number } {
  const z = normalQuantile(q, false);
  const z2 = z * z;
  const cornishFisher =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df * df * df);
  const logTail =
    (-0.5 * Math.log(df) - logBetaHalf + 0.5 * (df - 1) * Math.log(df) - Math.log(q)) /
    df;
  const powerTail = Math.exp(logTail);
  const logQ = Math.log(q);
  const candidates = [cornishFisher, powerTail].filter((c) => c > 0 && Number.isFinite(c));
  let best = candidates[0] ?? 1;
  let bestTail = Number.NaN;
  let bestResidual = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const tail = halfTwoSidedTail(candidate, df);
    const r = Math.abs(Math.log(tail) - logQ);
    if (r < bestResidual) {
      bestResidual = r;
      best = candidate;
      bestTail = tail;
    }
  }
  return { t: best, tail: Number.isNaN(bestTail) ? halfTwoSidedTail(best, df) : bestTail };
}

/**
 * Quantile function of Student's t: the t with P(T ≤ t) = p (or P(T > t) = p).
 *
 * Closed forms for ν = 1 (t = cot(πq), as tan(π(½ − q)) for q > ¼) and ν = 2
 * (t = (1 − 2q)/√(2q(1 − q))), the normal quantile for ν = ∞; ±Infinity when even the tail
 * beyond the largest double exceeds q (possible for ν < 2: with ν = 0.1, every q below 4e-32);
 * otherwise safeguarded Newton on h(u) = log S(eᵘ) − log q in u = log t,
 * where S is the directly computed upper tail and q = min(p, 1 − p) (so that the power-law
 * tails become linear in u), with a bisection bracket and the test |Δu| ≤ 2ε.
 *
 * @param p - probability in [0, 1]
 * @param df - degrees of freedom ν > 0 (may be `Infinity`)
 * @param lowerTail - `true` (default) when p = P(T ≤ t), `false` when p = P(T > t)
 * @returns the quantile; ∓Infinity at p = 0 / 1 for the lower tail (reversed for the upper);
 *   `NaN` when df ≤ 0, p is outside [0, 1], or an argument is NaN
 * @example
 * studentTQuantile(0.975, 29); // 2.0452296421327043
 * studentTQuantile(1e-100, 0.5, false); // 1.0284911563163491e+199
 * @see R's `qt(p, df, lower.tail = …)`; Hill, G. W. (1970). Algorithm 396: Student's
 *   t-quantiles. CACM 13(10), 617–619
 */
export function studentTQuantile(p: number, df: number, lowerTail = true): number {
  if (Number.isNaN(p) || Number.isNaN(df) || !(df > 0) || p < 0 || p > 1) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p, lowerTail);
  const lowerIsSmall = p <= 0.5;
  const q = lowerIsSmall ? p : 0.5 - p + 0.5; // the smaller tail, exact
  const negative = lowerTail === lowerIsSmall; // quantile below 0
  const signed = (magnitude: number): number => (negative ? -magnitude : magnitude);
  if (q === 0) return signed(Number.POSITIVE_INFINITY);
  if (q === 0.5) return 0;
  // Cauchy: t = cot(πq); for q > ¼ as tan(π(½ − q)), with ½ − q exact, so that the result keeps
  // its relative precision where it approaches 0.
  if (df === 1) return signed(q <= 0.25 ? 1 / Math.tan(Math.PI * q) : Math.tan(Math.PI * (0.5 - q)));
  if (df === 2) return signed((1 - 2 * q) / Math.sqrt(2 * q * (1 - q)));

  // For ν < 2 the tail |t|^{−ν} is still above 1e-300 beyond the largest double: when even
  // S(1.8e308) exceeds q the quantile is not representable and is ±Infinity.
  if (halfTwoSidedTail(Number.MAX_VALUE, df) > q) return signed(Number.POSITIVE_INFINITY);
  const logQ = Math.log(q);
  const logBetaHalf = logBeta(0.5 * df, 0.5);
  const start = initialTQuantile(q, df, logBetaHalf);
  let t = start.t;
  let tail = start.tail;
  let low = 0; // residual > 0 below the root
  let high = Number.POSITIVE_INFINITY; // residual < 0 above it
  for (let iteration = 0; iteration < 200; iteration++) {
    if (iteration > 0) tail = halfTwoSidedTail(t, df);
    const h = Math.log(tail) - logQ;
    if (h === 0) break;
    if (h > 0) low = t;
    else high = t;
    // dh/du = −t·f(t)/S(t), so the Newton step in u = log t is Δu = h·S/(t·f).
    const slope = Math.exp(Math.log(t) + logDensity(t, df, logBetaHalf)) / tail;
    const stepU = h / slope;
    let next = t * Math.exp(stepU);
    if (!(next > low && next < high) || !Number.isFinite(next)) {
      // The geometric mean as a product of roots: low · high overflows beyond 1.3e154.
      next = high === Number.POSITIVE_INFINITY ? 2 * t : low === 0 ? 0.5 * t : Math.sqrt(low) * Math.sqrt(high);
    }
    const converged = Math.abs(next - t) <= 2 * Number.EPSILON * t;
    t = next;
    if (converged) break;
  }
  return signed(t);
}
