/**
 * Regularized incomplete beta function I_x(a, b), both tails, and its inverse.
 *
 * The method follows Didonato & Morris, Algorithm 708 (the algorithm behind R's `pbeta`):
 * - orientation: with λ = a − (a + b)x (computed exactly from whichever of x, y = 1 − x is
 *   smaller, using an error-free product), the problem is swapped to (y, b, a) when λ < 0, so
 *   that x lies below the mean and the computed tail is never the complement of a number near 1;
 * - a shape below 1 (after orienting by x ≤ ½ as TOMS 708 does for small shapes) with b·x ≤ 0.7:
 *   both tails from one series, the complement as −expm1 of an exponent of order a (APSER form),
 *   since there the lower tail is near 1 even for x below the mean;
 * - power series (BPSER) for x ≤ ½ when b ≤ 1 or b·x ≤ 0.7;
 * - elsewhere the even part of the classical continued fraction, with partial denominators
 *   written in terms of λ so that no term is a difference of nearly equal numbers (BFRAC);
 * - the prefactor xᵃyᵇ/B(a, b): for a, b ≥ 8 as √(ab/(2π(a + b)))·exp(−a·rlog1(−λ/a) −
 *   b·rlog1(λ/b) − bcorr(a, b)) (BRCOMP), otherwise with ALGDIV for the larger argument, so
 *   that exp(a·log x + b·log y − log B) with its 1e-9 cancellation error is never formed.
 *
 * @module
 */

import { logOnePlusMinus, productError } from './elementary';
import {
  logBeta,
  logGamma,
  logGammaNearOne,
  logGammaRatioDeviation,
  stirlingRemainder,
  stirlingRemainderDifference,
} from './gamma';

/** log √(2π). */
const LOG_SQRT_2PI = 0.9189385332046728;
/** Iteration cap for the continued fraction and the series. */
const BETA_MAX_ITERATIONS = 200_000;

/**
 * λ = a − (a + b)x = (a + b)y − b, evaluated exactly from the smaller of x and y (its relative
 * error is then that of the input, not ε·a): the sum a + b and the product (a + b)·x are split
 * into their rounded values and exact error terms (TwoSum, Dekker's TwoProduct).
 */
function deviationFromMean(x: number, y: number, a: number, b: number): number {
  const sum = a + b;
  const sumError = a >= b ? b - (sum - a) : a - (sum - b);
  if (x <= y) {
    const product = sum * x;
    const error = productError(sum, x);
    return a - product - error - sumError * x;
  }
  const product = sum * y;
  const error = productError(sum, y);
  return product - b + error + sumError * y;
}

/**
 * log x and log y from the pair (x, y = 1 − x), each from the more accurate member.
 */
function logPair(x: number, y: number): [number, number] {
  const logX = x <= 0.5 ? Math.log(x) : Math.log1p(-y);
  const logY = y <= 0.5 ? Math.log(y) : Math.log1p(-x);
  return [logX, logY];
}

/**
 * The prefactor xᵃyᵇ/B(a, b) of every branch (TOMS 708 BRCOMP), given λ = a − (a + b)x.
 *
 * - a, b ≥ 8: with x₀ = a/(a + b), x/x₀ = 1 − λ/a and y/y₀ = 1 + λ/b, so
 *   xᵃyᵇ/B = √(ab/(2π(a + b)))·exp(−a·rlog1(−λ/a) − b·rlog1(λ/b) − bcorr(a, b)),
 *   where rlog1(t) = t − log(1 + t) and bcorr = δ(a) + δ(b) − δ(a + b).
 * - exactly one of a, b below 8, say a: log B(a, b) = log Γ(a) − a·log b + ALGDIV, so the
 *   exponent is a·log(b·x) + b·log y − log Γ(a) − ALGDIV, free of the large ±a·log b.
 * - both below 8: exp(a·log x + b·log y − log B(a, b)), all terms moderate.
 */
function betaPrefactor(x: number, y: number, a: number, b: number, lambda: number): number {
  if (a >= 8 && b >= 8) {
    const correction = stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(a + b);
    // −a·rlog1(−λ/a) = λ + a·log(x/x₀) and −b·rlog1(λ/b) = −λ + b·log(y/y₀); the log form is
    // used where 1 ∓ λ/a is far from 1 (there x/x₀ itself would be rounded away).
    const [logX, logY] = logPair(x, y);
    const termA =
      Math.abs(lambda / a) < 0.5
        ? -a * logOnePlusMinus(-lambda / a)
        : lambda + a * (logX + Math.log1p(b / a));
    const termB =
      Math.abs(lambda / b) < 0.5
        ? -b * logOnePlusMinus(lambda / b)
        : -lambda + b * (logY + Math.log1p(a / b));
    const exponent = termA + termB - correction;
    const scale = Math.sqrt((a / (a + b)) * b);
    return Math.exp(exponent - LOG_SQRT_2PI) * scale;
  }
  const [logX, logY] = logPair(x, y);
  if (a < 8 && b >= 8) {
    const logBX = x <= 0.5 ? Math.log(b * x) : Math.log(b) + logX;
    const exponent = a * logBX + b * logY - logGamma(a) - logGammaRatioDeviation(a, b);
    return Math.exp(exponent);
  }
  if (b < 8 && a >= 8) {
    const logAY = y <= 0.5 ? Math.log(a * y) : Math.log(a) + logY;
    const exponent = b * logAY + a * logX - logGamma(b) - logGammaRatioDeviation(b, a);
    return Math.exp(exponent);
  }
  return Math.exp(a * logX + b * logY - logBeta(a, b));
}

/**
 * Power series (TOMS 708 BPSER), for x ≤ ½ with b ≤ 1 or b·x ≤ 0.7:
 * I_x(a, b) = xᵃ/B(a, b) · [1/a + Σ_{j≥1} (1 − b)(2 − b)⋯(j − b)/j! · xʲ/(a + j)].
 * The factor xᵃ/B(a, b) uses ALGDIV when b ≥ 8 (exponent a·log(b·x) − log Γ(a) − ALGDIV).
 */
function powerSeries(x: number, a: number, b: number): number {
  const logFactor =
    b >= 8
      ? a * Math.log(b * x) - logGamma(a) - logGammaRatioDeviation(a, b)
      : a * Math.log(x) - logBeta(a, b);
  let coefficient = 1; // (1 − b)(2 − b)⋯(j − b)/j! · xʲ
  let sum = 1 / a;
  for (let j = 1; j <= BETA_MAX_ITERATIONS; j++) {
    coefficient *= ((j - b) / j) * x;
    const term = coefficient / (a + j);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) return Math.exp(logFactor) * sum;
  }
  return Number.NaN;
}

/**
 * Continued fraction (TOMS 708 BFRAC) for λ ≥ 0:
 * I_x(a, b) = xᵃyᵇ/(a·B(a, b)) · 1/(β₀ + α₁/(β₁ + α₂/(β₂ + …))), the even part of the
 * classical fraction 1/(1 + d₁/(1 + d₂/(1 + …))) with
 * d_{2m+1} = −(a + m)(a + b + m)x/((a + 2m)(a + 2m + 1)), d_{2m} = m(b − m)x/((a + 2m − 1)(a + 2m)).
 * Partial denominators: β₀ = (λ + 1)/(a + 1) and, for m ≥ 1,
 * β_m = N_m/((a + 2m)(a + 2m + 1)) + d_{2m}, with N_m = (a + m)λ + a + 2m + 3am + 4m² − m(a + m)x
 * (the exact expansion of (a + 2m)(a + 2m + 1)(1 + d_{2m+1}), no cancellation for λ ≥ 0);
 * partial numerators α_m = −d_{2m−1}·d_{2m}. Modified Lentz evaluation, test |Δ − 1| ≤ ε.
 */
function continuedFraction(x: number, y: number, a: number, b: number, lambda: number): number {
  const tiny = 1e-300;
  let value = (lambda + 1) / (a + 1);
  if (value === 0) value = tiny;
  let numeratorRatio = value;
  let denominatorRatio = 0;
  let converged = false;
  for (let m = 1; m <= BETA_MAX_ITERATIONS; m++) {
    const evenTerm = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    const previousOddTerm =
      -((a + m - 1) * (a + b + m - 1) * x) / ((a + 2 * m - 2) * (a + 2 * m - 1));
    const bracket = (a + m) * lambda + a + 2 * m + 3 * a * m + 4 * m * m - m * (a + m) * x;
    const partialDenominator = bracket / ((a + 2 * m) * (a + 2 * m + 1)) + evenTerm;
    const partialNumerator = -previousOddTerm * evenTerm;
    denominatorRatio = partialDenominator + partialNumerator * denominatorRatio;
    if (Math.abs(denominatorRatio) < tiny) denominatorRatio = tiny;
    numeratorRatio = partialDenominator + partialNumerator / numeratorRatio;
    if (Math.abs(numeratorRatio) < tiny) numeratorRatio = tiny;
    denominatorRatio = 1 / denominatorRatio;
    const delta = numeratorRatio * denominatorRatio;
    value *= delta;
    if (Math.abs(delta - 1) <= Number.EPSILON) {
      converged = true;
      break;
    }
  }
  if (!converged) return Number.NaN;
  return betaPrefactor(x, y, a, b, lambda) / (a * value);
}

/**
 * Both tails of I_x(a, b) for a small shape a < 1 with b > 1 and b·x ≤ 0.7, x ≤ ½, where the
 * lower tail is near 1 and its complement must not be formed as 1 − I.
 *
 * With the power series I_x(a, b) = e^E·(1 + a·Σ′), where e^E = xᵃ/(a·B(a, b)) and
 * Σ′ = Σ_{j≥1} (1 − b)(2 − b)⋯(j − b)/j!·xʲ/(a + j), the upper tail is
 * 1 − I = −expm1(E) − e^E·a·Σ′ (the form of TOMS 708 APSER), with E of order a computed
 * without cancellation: shifting b up to B = b + n ≥ 10 by Γ(b + 1) = bΓ(b),
 * E = a·log(B·x) − log Γ(1 + a) − ALGDIV(a, B) − Σ_{k<n} log1p(a/(b + k)), B ≥ 10.
 * Returns [lower, upper].
 */
function smallShapeTails(x: number, a: number, b: number): [number, number] {
  let shifted = b;
  let shiftSum = 0;
  while (shifted < 10) {
    shiftSum += Math.log1p(a / shifted);
    shifted += 1;
  }
  // ALGDIV(a, B) = a − (a + B − ½)·log1p(a/B) + δ(B) − δ(a + B), the remainders' difference
  // summed term by term (it is of order a/B², far below the rounding of δ(B) itself).
  const algdiv =
    a - (a + shifted - 0.5) * Math.log1p(a / shifted) + stirlingRemainderDifference(shifted, a);
  const exponent =
    a * Math.log(shifted * x) -
    (a <= 0.5 ? logGammaNearOne(a) : logGamma(1 + a)) -
    algdiv -
    shiftSum;
  let coefficient = 1;
  let sum = 0;
  for (let j = 1; j <= BETA_MAX_ITERATIONS; j++) {
    coefficient *= ((j - b) / j) * x;
    const term = coefficient / (a + j);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  const factor = Math.exp(exponent);
  return [factor * (1 + a * sum), -Math.expm1(exponent) - factor * a * sum];
}

/**
 * I_x(a, b) in the orientation λ ≥ 0 (x at or below the mean), by series or continued fraction.
 */
function orientedLowerTail(x: number, y: number, a: number, b: number, lambda: number): number {
  if (x <= 0.5 && (b <= 1 || b * x <= 0.7)) return powerSeries(x, a, b);
  return continuedFraction(x, y, a, b, lambda);
}

/**
 * Regularized incomplete beta function I_x(a, b) = B(x; a, b)/B(a, b), or its complement.
 *
 * I_x(a, b) = (1/B(a, b))∫₀ˣ t^{a−1}(1 − t)^{b−1} dt, the CDF of a Beta(a, b) variable.
 * The tail on the near side of the mean is computed directly (series or continued fraction,
 * TOMS 708 regions, see the module comment); the other tail is one minus it, which never
 * cancels because the computed tail is then at most about 0.7 for a, b ≥ ½.
 *
 * @param x - upper limit; x ≤ 0 gives lower tail 0, x ≥ 1 (or y ≤ 0) gives 1
 * @param a - first shape parameter, positive and finite
 * @param b - second shape parameter, positive and finite
 * @param lowerTail - `true` (default) for I_x(a, b), `false` for 1 − I_x(a, b) computed directly
 * @param y - 1 − x, when the caller knows it more accurately than `1 - x` (default `1 - x`)
 * @returns the probability in [0, 1]; `NaN` when a or b ≤ 0, not finite, or any input is NaN
 * @example
 * regularizedBeta(0.5, 2, 3); // 0.6874999999999999  (exact 11/16)
 * // Pearson p for r = 0.5, n = 1000: x = 1 − r² = (1 − r)(1 + r), y = r²
 * regularizedBeta(0.75, 499, 0.5, true, 0.25); // 2.278101929537966e-64 (exact 2.278101929537929e-64)
 * @see R's `pbeta(x, a, b, lower.tail = …)`; Didonato, A. R. & Morris, A. H. (1992).
 *   Algorithm 708: Significant digit computation of the incomplete beta function ratios.
 *   ACM TOMS 18(3), 360–373.
 */
export function regularizedBeta(
  x: number,
  a: number,
  b: number,
  lowerTail = true,
  y: number = 1 - x,
): number {
  if (Number.isNaN(x) || Number.isNaN(y) || Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return Number.NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  if (y <= 0) return lowerTail ? 1 : 0;
  // A shape below 1 with the other above 1 (TOMS 708 orients these by x ≤ ½, not by λ): near
  // the small shape's end the tail there is close to 1, so both tails come from one series.
  const swapped = x > 0.5;
  const [x0, a0, b0] = swapped ? [y, b, a] : [x, a, b];
  if (a0 < 1 && (b0 > 1 ? b0 * x0 <= 0.7 : a0 < b0)) {
    const [lower, upper] = smallShapeTails(x0, a0, b0);
    return lowerTail !== swapped ? lower : upper;
  }
  const lambda = deviationFromMean(x, y, a, b);
  if (lambda >= 0) {
    const tail = orientedLowerTail(x, y, a, b, lambda);
    return lowerTail ? tail : 0.5 - tail + 0.5;
  }
  // I_x(a, b) = 1 − I_y(b, a): compute the upper tail as the lower tail of the swap.
  const tail = orientedLowerTail(y, x, b, a, -lambda);
  return lowerTail ? 0.5 - tail + 0.5 : tail;
}

/**
 * The density x^{a−1}(1 − x)^{b−1}/B(a, b) from the accurate prefactor, for Newton steps.
 */
function betaDensity(x: number, y: number, a: number, b: number): number {
  const lambda = deviationFromMean(x, y, a, b);
  return betaPrefactor(x, y, a, b, lambda) / (x * y);
}

/**
 * Initial guess for the beta quantile (Numerical Recipes §6.14 `invbetai`): for a, b ≥ 1 a
 * normal approximation with the Abramowitz–Stegun 26.2.22 quantile; otherwise the power-law
 * behaviour of each tail, split at the mass t/(t + u) of the left power law.
 */
function initialBetaQuantile(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const smaller = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(smaller));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w =
      (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const logA = Math.log(a / (a + b));
  const logB = Math.log(b / (a + b));
  const t = Math.exp(a * logA) / a;
  const u = Math.exp(b * logB) / b;
  const w = t + u;
  if (p < t / w) return Math.pow(a * w * p, 1 / a);
  return 1 - Math.pow(b * w * (1 - p), 1 / b);
}

/**
 * Inverse of the regularized incomplete beta function: the x with I_x(a, b) = p
 * (or with 1 − I_x(a, b) = p when `lowerTail` is false).
 *
 * The smaller of the two tail probabilities is matched (p > ½ is reduced to 1 − p, exact in
 * floating point). Phase 1: safeguarded Newton on g = log T(x) − log p in the variable
 * log x or log(1 − x), whichever the starting guess puts below ½ (so that a quantile of 1e-300,
 * as for a shape parameter near 0, is a moderate v), where T behaves like a power, with a
 * bisection bracket; a root below the smallest double returns 0 (or 1). Phase 2: Newton steps in x itself, g/g′ with g′ = ±density/T, updating the smaller of
 * x and 1 − x so that the result keeps full relative precision (Clopper–Pearson bounds near 0
 * and near 1 up to n = 1e7).
 *
 * @param p - probability in [0, 1]
 * @param a - first shape parameter, positive and finite
 * @param b - second shape parameter, positive and finite
 * @param lowerTail - `true` (default) to solve I_x(a, b) = p, `false` to solve 1 − I_x(a, b) = p
 * @returns x in [0, 1]: 0 / 1 at p = 0 / 1 (reversed for the upper tail);
 *   `NaN` when p is outside [0, 1], a or b ≤ 0 or not finite, or any input is NaN
 * @example
 * inverseRegularizedBeta(0.025, 1, 1e7); // 2.5317807952240303e-9 (qbeta(0.025, 1, 1e7))
 * inverseRegularizedBeta(0.01, 1e-4, 1, false); // 2.248774849816488e-44 (x with 1 − xᵃ = 0.01)
 * @see R's `qbeta(p, a, b, lower.tail = …)`; Press et al., Numerical Recipes (3rd ed.) §6.14
 */
export function inverseRegularizedBeta(p: number, a: number, b: number, lowerTail = true): number {
  if (Number.isNaN(p) || Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return Number.NaN;
  if (p < 0 || p > 1) return Number.NaN;
  // Reduce to matching the smaller tail probability `target` ≤ ½.
  let solveLower = lowerTail;
  let target = p;
  if (p > 0.5) {
    solveLower = !lowerTail;
    target = 0.5 - p + 0.5;
  }
  if (target === 0) return solveLower ? 0 : 1;
  const logTarget = Math.log(target);
  const tailAt = (xValue: number, yValue: number): number =>
    regularizedBeta(xValue, a, b, solveLower, yValue);

  // Phase 1: Newton on v = log of whichever of x, y the guess puts below ½, bracketed in
  // (vLow, 0). The guess is taken to v directly (log1p for y): with b ≫ a the quantile lies
  // near 1e-16, where 1 − guess would round to 1 and lose the guess entirely. The variable
  // follows the root, not the tail solved: for a shape near 0 the upper-tail quantile can be
  // 1e-300 (or far below the smallest double), where v = log y would sit within 1e-300 of 0.
  const guessLower = initialBetaQuantile(solveLower ? target : 0.5 - target + 0.5, a, b);
  const useX = guessLower < 0.5;
  let v = useX ? Math.log(guessLower) : Math.log1p(-guessLower);
  if (!(v < 0 && Number.isFinite(v))) v = Math.log(0.5);
  // g grows with v when the tail solved grows with the variable (lower tail in x, upper in y).
  const direction = solveLower === useX ? 1 : -1;
  let vLow = -745; // direction·g(vLow) < 0
  let vHigh = 0; // direction·g(0) ≥ 0: the tail is 1 (or 0) there
  const pairFromV = (vValue: number): [number, number] => {
    const small = Math.exp(vValue);
    const large = -Math.expm1(vValue);
    return useX ? [small, large] : [large, small];
  };
  for (let iteration = 0; iteration < 400; iteration++) {
    const [xValue, yValue] = pairFromV(v);
    const tail = tailAt(xValue, yValue);
    const g = direction * (Math.log(tail) - logTarget);
    if (g === 0) break;
    if (g > 0) vHigh = v;
    else vLow = v;
    const density = betaDensity(xValue, yValue, a, b);
    const small = useX ? xValue : yValue;
    const slope = (density * small) / tail; // d(direction·g)/dv > 0
    let next = v - g / slope;
    if (!(next > vLow && next < vHigh) || !Number.isFinite(next)) next = 0.5 * (vLow + vHigh);
    const step = next - v;
    v = next;
    // Relative in v: near v = 0 (the upper tail of Beta(a, b) with b near 2^53) an absolute test
    // would stop while x = −expm1(v) is still wrong by orders of magnitude.
    if (Math.abs(step) <= 1e-9 * Math.abs(v) || vHigh - vLow <= 1e-15 * Math.abs(v)) {
      break;
    }
  }

  // The root lies below the smallest positive double: the quantile underflows to 0 (or 1).
  if (vHigh <= -744) return useX ? 0 : 1;

  // Phase 2: Newton in x itself, keeping the smaller of x, y as the primary variable.
  let [xValue, yValue] = pairFromV(v);
  if (xValue === 0 || yValue === 0) return xValue;
  for (let iteration = 0; iteration < 8; iteration++) {
    const tail = tailAt(xValue, yValue);
    if (!(tail > 0)) break;
    const g = Math.log(tail / target);
    const density = betaDensity(xValue, yValue, a, b);
    const derivative = (solveLower ? density : -density) / tail; // dg/dx
    const stepX = -g / derivative;
    if (!Number.isFinite(stepX)) break;
    let nextX: number;
    let nextY: number;
    if (xValue <= yValue) {
      nextX = xValue + stepX;
      nextY = 1 - nextX;
    } else {
      nextY = yValue - stepX;
      nextX = 1 - nextY;
    }
    if (!(nextX > 0 && nextY > 0)) break;
    const unchanged = nextX === xValue && nextY === yValue;
    const tiny = Math.abs(stepX) <= 2 * Number.EPSILON * Math.min(xValue, yValue);
    xValue = nextX;
    yValue = nextY;
    if (unchanged || tiny) break;
  }
  return xValue;
}
