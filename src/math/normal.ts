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
 * Wichura's AS 241 (PPND16) rational approximations for the lower-tail quantile of
 * p ≤ ½: central region |p − ½| ≤ 0.425, then r = √(−log p) ≤ 5 and r > 5.
 * Relative accuracy about 1e-16.
 */
function wichuraLowerQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    const numerator =
      ((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
        45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
        133.14166789178437745) * r + 3.387132872796366608;
    const denominator =
      ((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1;
    return (q * numerator) / denominator;
  }
  let r = Math.sqrt(-Math.log(p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    const numerator =
      ((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) *
        r + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734;
    const denominator =
      ((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) *
        r + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1;
    value = numerator / denominator;
  } else {
    r -= 5;
    const numerator =
      ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) *
        r + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772;
    const denominator =
      ((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) *
        r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1;
    value = numerator / denominator;
  }
  return -value;
}

/**
 * Standard normal quantile Φ⁻¹(p): the x with P(Z ≤ x) = p (or P(Z > x) = p).
 *
 * Wichura's AS 241 (PPND16) gives x to about 1e-16; one Halley step on the directly computed
 * smaller tail, Φ(x) − p over φ(x) written as a ratio so that no subnormal appears, polishes it
 * to (nearly) correct rounding. p ≥ ½ is reduced to 1 − p, which is exact in binary floating point.
 *
 * @param p - probability in [0, 1]
 * @param lowerTail - `true` (default) when p = P(Z ≤ x), `false` when p = P(Z > x)
 * @returns the quantile; −Infinity / +Infinity at p = 0 / 1 (reversed for the upper tail);
 *   `NaN` when p is NaN or outside [0, 1]
 * @example
 * normalQuantile(0.975); // 1.959963984540055
 * normalQuantile(1e-300); // -37.0470962993612
 * @see R's `qnorm`; Wichura, M. J. (1988). Algorithm AS 241: The percentage points of the
 *   normal distribution. Applied Statistics 37(3), 477–484.
 */
export function normalQuantile(p: number, lowerTail = true): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  // s is the smaller tail probability; sign is −1 when the quantile is below 0.
  const lowerProbabilityIsSmall = p <= 0.5;
  const smallTail = lowerProbabilityIsSmall ? p : 0.5 - p + 0.5;
  const quantileIsNegative = lowerTail === lowerProbabilityIsSmall;
  if (smallTail === 0) return quantileIsNegative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (smallTail === 0.5) return 0;
  let x = wichuraLowerQuantile(smallTail); // negative, Φ(x) = smallTail
  if (smallTail >= 1e-307) {
    // Halley step on f(x) = Φ(x) − s: u = f/φ = (Φ(x)/s − 1)·s/φ(x); x ← x − u/(1 + x·u/2).
    const cdf = upperTail(-x);
    const ratioMinusOne = cdf / smallTail - 1;
    const u = ratioMinusOne * (smallTail / normalDensity(-x));
    x -= u / (1 + 0.5 * x * u);
  }
  return quantileIsNegative ? x : -x;
}
