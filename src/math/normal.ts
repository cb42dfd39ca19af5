/**
 * Standard normal distribution: CDF in both tails and quantile.
 *
 * @module
 */

/** 1/√(2π). */
const INV_SQRT_2PI = 0.3989422804014327;

/**
 * The standard normal density φ(z) = exp(−z²/2)/√(2π), with z² split as in Cody's and R's
 * `pnorm`: z = zHigh + zLow with zHigh a multiple of 1/16, so zHigh²/2 is exact and the rounding
 * of z² (which would cost a relative z²·ε at z = 37) never reaches the exponential.
 */
function normalDensity(z: number): number {
  const zHigh = Math.trunc(z * 16) / 16;
  const zLow = z - zHigh;
  const exactPart = Math.exp(-0.5 * zHigh * zHigh);
  const smallPart = Math.exp(-zLow * (zHigh + 0.5 * zLow));
  return INV_SQRT_2PI * exactPart * smallPart;
}

/**
 * Upper tail P(Z > z) for z ≥ 0, computed directly.
 *
 * For z < 1.5 it is ½ − [Φ(z) − ½], with Φ(z) − ½ = φ(z)·Σ_{n≥0} z^{2n+1}/(1·3·5⋯(2n+1))
 * (A&S 26.2.11, all terms positive), and ½ − that is at least 0.066 so nothing cancels.
 * For z ≥ 1.5 it is φ(z)·(z/2)·C(w) with w = z²/2, where C is Legendre's continued fraction of
 * the upper incomplete gamma function with a = ½ (A&S 6.5.31), evaluated by the modified Lentz
 * method with a convergence test |Δ − 1| ≤ ε and an iteration cap.
 */
function upperTail(z: number): number {
  if (z < 1.5) return 0.5 - centralMass(z);
  if (z > 40) return 0; // below 1e-349: underflows
  const w = 0.5 * z * z;
  const a = 0.5;
  const tiny = 1e-300;
  let fraction = w + 1 - a;
  let numeratorRatio = fraction;
  let denominatorRatio = 0;
  for (let n = 1; n <= 10000; n++) {
    const partialNumerator = -n * (n - a);
    const partialDenominator = w + 2 * n + 1 - a;
    denominatorRatio = partialDenominator + partialNumerator * denominatorRatio;
    if (denominatorRatio === 0) denominatorRatio = tiny;
    numeratorRatio = partialDenominator + partialNumerator / numeratorRatio;
    if (numeratorRatio === 0) numeratorRatio = tiny;
    denominatorRatio = 1 / denominatorRatio;
    const delta = numeratorRatio * denominatorRatio;
    fraction *= delta;
    if (Math.abs(delta - 1) <= Number.EPSILON) break;
  }
  return (normalDensity(z) * 0.5 * z) / fraction;
}

/** Φ(z) − ½ for 0 ≤ z < 1.5 by the positive series φ(z)·Σ z^{2n+1}/(2n+1)!! (A&S 26.2.11). */
function centralMass(z: number): number {
  const zSquared = z * z;
  let term = z;
  let sum = term;
  for (let n = 1; n < 200; n++) {
    term *= zSquared / (2 * n + 1);
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return normalDensity(z) * sum;
}

/**
 * Standard normal cumulative distribution function Φ(x) = P(Z ≤ x), or P(Z > x).
 *
 * The smaller tail is computed directly for every x (series near 0, Legendre continued fraction
 * beyond 1.5, with the exponent split so that exp(−x²/2) keeps full relative precision); the
 * larger tail is one minus it. Relative accuracy is a few ulp down to 1e-300 (x ≈ −37).
 *
 * @param x - quantile
 * @param lowerTail - `true` (default) for P(Z ≤ x), `false` for P(Z > x) computed directly
 * @returns the probability; `NaN` when x is NaN; 0 or 1 at ±Infinity
 * @example
 * normalCdf(1.959963984540054); // 0.9749999999999999
 * normalCdf(-37.5); // 4.605353009581955e-308
 * @see R's `pnorm(x, lower.tail = …)`; Abramowitz & Stegun (1964) 26.2.11 and 6.5.31
 */
export function normalCdf(x: number, lowerTail = true): number {
  if (Number.isNaN(x)) return Number.NaN;
  const smallTailWanted = lowerTail ? x < 0 : x > 0;
  const tail = upperTail(Math.abs(x));
  return smallTailWanted ? tail : 0.5 - tail + 0.5;
}

/**
 * Starting value for the lower-tail quantile of s ≤ ½: Hastings' rational approximation
 * (Abramowitz & Stegun 26.2.23), t − (c₀ + c₁t + c₂t²)/(1 + d₁t + d₂t² + d₃t³) with
 * t = √(−2 log s), absolute error below 4.5e-4. Halley steps then take it to full precision.
 */
function startingQuantile(s: number): number {
  const t = Math.sqrt(-2 * Math.log(s));
  const numerator = 2.515517 + t * (0.802853 + t * 0.010328);
  const denominator = 1 + t * (1.432788 + t * (0.189269 + t * 0.001308));
  return -(t - numerator / denominator);
}

/**
 * Standard normal quantile Φ⁻¹(p): the x with P(Z ≤ x) = p (or P(Z > x) = p).
 *
 * Hastings' approximation (A&S 26.2.23, error < 4.5e-4) starts the search; Halley steps on the
 * directly computed smaller tail, Φ(x) − p over φ(x) written as a ratio so that no subnormal
 * appears, converge cubically to (nearly) correct rounding: worst relative error 6.8e-16 on the
 * committed grid, down to p = 1e-300. Near the centre (s > ¼) the residual is
 * (½ − s) − (½ − Φ(x)), with ½ − s exact and ½ − Φ(x) the summed central series, so that
 * p = ½ ± 1e-16 keeps full relative precision (6.6e-16 at p within 1e-8 … 1e-16 of ½). (Wichura's AS 241 would give a closer start, but its
 * three rational approximations cost half a kilobyte in every bundle that needs a quantile,
 * for no gain in the result.) p ≥ ½ is reduced to 1 − p, which is exact in binary floating
 * point. Below about 1e-320 the density underflows and the start is returned unrefined.
 *
 * @param p - probability in [0, 1]
 * @param lowerTail - `true` (default) when p = P(Z ≤ x), `false` when p = P(Z > x)
 * @returns the quantile; −Infinity / +Infinity at p = 0 / 1 (reversed for the upper tail);
 *   `NaN` when p is NaN or outside [0, 1]
 * @example
 * normalQuantile(0.975); // 1.959963984540055
 * normalQuantile(1e-300); // -37.0470962993612
 * normalQuantile(0.49999999); // -2.506628273311622e-8
 * @see R's `qnorm`; Abramowitz & Stegun (1964), Handbook of Mathematical Functions, 26.2.23;
 *   Wichura, M. J. (1988). Algorithm AS 241, Applied Statistics 37(3), 477–484.
 */
export function normalQuantile(p: number, lowerTail = true): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  // s is the smaller tail probability; sign is −1 when the quantile is below 0.
  const lowerProbabilityIsSmall = p <= 0.5;
  const smallTail = lowerProbabilityIsSmall ? p : 0.5 - p + 0.5;
  const quantileIsNegative = lowerTail === lowerProbabilityIsSmall;
  if (smallTail === 0) return quantileIsNegative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (smallTail === 0.5) return 0;
  let x = startingQuantile(smallTail); // negative, Φ(x) ≈ smallTail
  // Near the centre (s > ¼, |x| < 0.68) the residual is formed as (½ − s) − (½ − Φ(x)): ½ − s
  // is exact (Sterbenz) and ½ − Φ(x) is the directly summed central mass, so f keeps its
  // relative precision even at p = ½ − 1e-16, where Φ(x) − s would be a difference of two
  // numbers near ½ (relative error 7e-10 at p = 0.49999999).
  const central = smallTail > 0.25;
  const halfMinusTail = 0.5 - smallTail;
  // Halley steps on f(x) = Φ(x) − s, in ratio form so that tails down to 1e-300 keep their
  // relative precision: u = f/φ = (Φ(x)/s − 1)·s/φ(x); x ← x − u/(1 + x·u/2). Convergence is
  // cubic: the 4.5e-4 start is exact to rounding after two steps; a third confirms it.
  for (let step = 0; step < 4; step++) {
    const density = normalDensity(-x);
    if (!(density > 0)) break; // beyond x ≈ −38.5 the density underflows: keep the estimate
    const u = central
      ? (halfMinusTail - centralMass(-x)) / density
      : (upperTail(-x) / smallTail - 1) * (smallTail / density);
    const change = u / (1 + 0.5 * x * u);
    x -= change;
    if (Math.abs(change) <= 1e-16 * Math.abs(x)) break;
  }
  return quantileIsNegative ? x : -x;
}
