/**
 * Elementary building blocks shared by the special functions in `math/`:
 * cancellation-free logarithm differences and an exact product error.
 * Internal to `math/`; not part of the public package.
 *
 * @module
 */

/**
 * `t − log(1 + t)` without cancellation (Didonato & Morris's `rlog1`).
 *
 * For |t| < 0.5 the logarithm is written with `r = t / (2 + t)` as
 * `log(1 + t) = 2·atanh(r) = 2(r + r³/3 + r⁵/5 + …)`, and because `t − 2r = r·t`
 * exactly, `t − log(1 + t) = r·t − 2(r³/3 + r⁵/5 + …)`, a sum with no cancellation.
 * Elsewhere the direct difference is already accurate.
 *
 * @param t - a number greater than −1
 * @returns `t − log1p(t)` (≥ 0); `NaN` when t < −1 or t is NaN; `+Infinity` at t = −1
 * @example
 * logOnePlusMinus(1e-10); // 4.999999999666667e-21 (the naive difference: 4.999996610153345e-21)
 * @see Didonato & Morris (1992), ACM TOMS 18(3), Algorithm 708, function RLOG1
 */
export function logOnePlusMinus(t: number): number {
  if (Number.isNaN(t) || t < -1) return Number.NaN;
  if (t === -1) return Number.POSITIVE_INFINITY;
  if (Math.abs(t) >= 0.5) return t - Math.log1p(t);
  const r = t / (2 + t);
  const r2 = r * r;
  // Odd atanh series beyond its first term: r³/3 + r⁵/5 + …
  let power = r * r2;
  let seriesSum = 0;
  for (let k = 3; k < 200; k += 2) {
    const term = power / k;
    seriesSum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(seriesSum)) break;
    power *= r2;
  }
  return r * t - 2 * seriesSum;
}

/**
 * The rounding error of the product `u·v`: `u·v − fl(u·v)`, exactly
 * (Dekker's TwoProduct with Veltkamp splitting; no fused multiply–add needed).
 *
 * @param u - first factor (finite, |u·v| well below the overflow threshold)
 * @param v - second factor
 * @returns the exact error term; `NaN` propagates
 * @example
 * productError(0.1, 0.3); // 1.6653345369377347e-18  (exact 0.1·0.3 = fl(0.1·0.3) + that)
 * @see Dekker, T. J. (1971). A floating-point technique for extending the available precision. Numer. Math. 18, 224–242.
 */
export function productError(u: number, v: number): number {
  const product = u * v;
  const splitter = 134217729; // 2^27 + 1
  const uScaled = splitter * u;
  const uHigh = uScaled - (uScaled - u);
  const uLow = u - uHigh;
  const vScaled = splitter * v;
  const vHigh = vScaled - (vScaled - v);
  const vLow = v - vHigh;
  return uHigh * vHigh - product + uHigh * vLow + uLow * vHigh + uLow * vLow;
}
