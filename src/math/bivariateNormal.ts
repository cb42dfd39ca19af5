/**
 * The standard bivariate normal distribution: its CDF (Drezner–Wesolowsky as refined by Genz)
 * and its density.
 *
 * @module
 */

import { normalCdf } from './normal';

// Gauss–Legendre nodes (positive half) and weights on [−1, 1] with 6, 12 and 20 points
// (numpy.polynomial.legendre.leggauss), the three rules Genz (2004) uses by |ρ|.
const GL6 = { x: [0.9324695142031519, 0.6612093864662645, 0.2386191860831969], w: [0.17132449237917027, 0.3607615730481387, 0.46791393457269104] };
const GL12 = {
  x: [0.9815606342467192, 0.9041172563704748, 0.7699026741943047, 0.5873179542866175, 0.3678314989981802, 0.1252334085114689],
  w: [0.04717533638651141, 0.10693932599531907, 0.16007832854334642, 0.20316742672306573, 0.2334925365383546, 0.2491470458134027],
};
const GL20 = {
  x: [0.993128599185095, 0.9639719272779138, 0.912234428251326, 0.8391169718222188, 0.7463319064601508, 0.636053680726515, 0.5108670019508271, 0.37370608871541955, 0.22778585114164507, 0.07652652113349734],
  w: [0.017614007139150893, 0.040601429800386446, 0.06267204833410879, 0.08327674157670471, 0.1019301198172407, 0.1181945319615186, 0.1316886384491769, 0.1420961093183824, 0.14917298647260424, 0.15275338713072628],
};

/**
 * Upper orthant probability P(X > h, Y > k) of the standard bivariate normal with correlation ρ.
 *
 * Genz's method (Genz 2004, "Numerical computation of rectangular bivariate and trivariate
 * normal and t probabilities", Statistics and Computing 14, 251–260, after Drezner & Wesolowsky
 * 1990): for |ρ| < 0.925, Plackett's identity
 * P = Φ(−h)Φ(−k) + (1/2π)∫₀^{asin ρ} exp(−(h² + k² − 2hk·sin θ)/(2cos²θ)) dθ by Gauss–Legendre
 * with 6, 12 or 20 points (|ρ| < 0.3, < 0.75, else); for |ρ| ≥ 0.925 the integral in
 * √(1 − ρ²) with its singular part taken out in closed form (a Taylor expansion) and the rest
 * by 20-point Gauss–Legendre. Absolute error about 1e-16.
 */
function upperOrthant(h: number, k: number, r: number): number {
  if (h === Infinity || k === Infinity) return 0;
  if (h === -Infinity) return k === -Infinity ? 1 : normalCdf(-k);
  if (k === -Infinity) return normalCdf(-h);
  const abs = Math.abs(r);
  const rule = abs < 0.3 ? GL6 : abs < 0.75 ? GL12 : GL20;
  const twoPi = 2 * Math.PI;
  let hk = h * k;
  if (abs < 0.925) {
    const hs = (h * h + k * k) / 2;
    const halfAsin = Math.asin(r) / 2;
    let sum = 0;
    for (let i = 0; i < rule.x.length; i++) {
      const w = rule.w[i] as number;
      for (const node of [1 - (rule.x[i] as number), 1 + (rule.x[i] as number)]) {
        const sn = Math.sin(halfAsin * node);
        sum += w * Math.exp((sn * hk - hs) / (1 - sn * sn));
      }
    }
    return Math.min(1, Math.max(0, (sum * halfAsin) / twoPi + normalCdf(-h) * normalCdf(-k)));
  }
  let kk = k;
  if (r < 0) {
    kk = -k;
    hk = -hk;
  }
  let p = 0;
  if (abs < 1) {
    const as = (1 - r) * (1 + r);
    let a = Math.sqrt(as);
    const bs = (h - kk) * (h - kk);
    const c = (4 - hk) / 8;
    const d = (12 - hk) / 80;
    const asr = -(bs / as + hk) / 2;
    if (asr > -100) p = a * Math.exp(asr) * (1 - (c * (bs - as) * (1 - d * bs)) / 3 + c * d * as * as);
    if (hk > -100) {
      const b = Math.sqrt(bs);
      const sp = Math.sqrt(twoPi) * normalCdf(-b / a);
      p -= Math.exp(-hk / 2) * sp * b * (1 - (c * bs * (1 - d * bs)) / 3);
    }
    a /= 2;
    let sum = 0;
    for (let i = 0; i < rule.x.length; i++) {
      const w = rule.w[i] as number;
      for (const node of [1 - (rule.x[i] as number), 1 + (rule.x[i] as number)]) {
        const xs = (a * node) * (a * node);
        const asrI = -(bs / xs + hk) / 2;
        if (!(asrI > -100)) continue;
        const sp = 1 + c * xs * (1 + 5 * d * xs);
        const rs = Math.sqrt(1 - xs);
        const ep = Math.exp((-(hk / 2) * xs) / ((1 + rs) * (1 + rs))) / rs;
        sum += w * Math.exp(asrI) * (sp - ep);
      }
    }
    p = (a * sum - p) / twoPi;
  }
  if (r > 0) p += normalCdf(-Math.max(h, kk));
  else if (h >= kk) p = -p;
  else {
    const between = h < 0 ? normalCdf(kk) - normalCdf(h) : normalCdf(-h) - normalCdf(-kk);
    p = between - p;
  }
  return Math.min(1, Math.max(0, p));
}

/**
 * CDF of the standard bivariate normal with correlation ρ: Φ₂(h, k; ρ) = P(X ≤ h, Y ≤ k).
 *
 * Computed as the upper orthant probability at (−h, −k) by Genz's (2004) refinement of
 * Drezner & Wesolowsky (1990); see `upperOrthant`. Infinite limits are allowed.
 *
 * @param h - upper limit of X (may be ±Infinity)
 * @param k - upper limit of Y (may be ±Infinity)
 * @param rho - correlation in [−1, 1]
 * @returns the probability; `NaN` when an argument is NaN or |ρ| > 1
 * @example
 * bivariateNormalCdf(0, 0, 0.5); // 0.33333333333333337 (exact: 1/4 + asin(0.5)/(2π) = 1/3)
 * @see R `mvtnorm::pmvnorm(upper = c(h, k), corr = …)`; SciPy `multivariate_normal.cdf`
 */
export function bivariateNormalCdf(h: number, k: number, rho: number): number {
  if (Number.isNaN(h) || Number.isNaN(k) || Number.isNaN(rho) || Math.abs(rho) > 1) return NaN;
  return upperOrthant(-h, -k, rho);
}

/**
 * Density of the standard bivariate normal with correlation ρ, which is also ∂Φ₂/∂ρ:
 * φ₂(h, k; ρ) = exp(−(h² − 2ρhk + k²)/(2(1 − ρ²)))/(2π√(1 − ρ²)); 0 when h or k is infinite.
 */
export function bivariateNormalDensity(h: number, k: number, rho: number): number {
  if (!Number.isFinite(h) || !Number.isFinite(k)) return 0;
  const one = (1 - rho) * (1 + rho);
  return Math.exp(-(h * h - 2 * rho * h * k + k * k) / (2 * one)) / (2 * Math.PI * Math.sqrt(one));
}
