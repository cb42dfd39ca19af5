/**
 * Mean and variance of a sample of doubles, computed so that data with a large offset and a
 * small spread (NIST StRD NumAcc3/NumAcc4: 1e7 ± 0.1) keep every digit a double can hold.
 *
 * Algorithm: the corrected two-pass method (Chan, Golub & LeVeque, "Algorithms for computing
 * the sample variance", The American Statistician 37, 1983). Pass one forms the mean and
 * refines it by the mean of the residuals; pass two sums squared deviations and subtracts the
 * square of the (tiny) residual sum, which removes the rounding error of the mean.
 *
 * Before either pass the values are multiplied by a power of two near 1/max|x| (exact), so that
 * the squares of values near 1e-170 do not underflow to 0 and those of values near 1e300 do not
 * overflow; `sd` is formed on that scale and taken back afterwards.
 *
 * Internal: the public functions (`codedMean`, `meanInterval`, `pearson`) build on it.
 */
export interface Moments {
  /** Number of values. */
  readonly n: number;
  /** Arithmetic mean; NaN when n = 0. */
  readonly mean: number;
  /** Sum of squared deviations from the mean (may underflow or overflow; prefer `sd`). */
  readonly sumOfSquares: number;
  /** Sample variance with divisor n − 1; NaN when n < 2 (may underflow or overflow; prefer `sd`). */
  readonly variance: number;
  /** Sample standard deviation √variance, computed on the rescaled values; NaN when n < 2. */
  readonly sd: number;
}

/**
 * 2⁻ᵉ with 2ᵉ the smallest power of two ≥ `max`, or 1 when `max` is 0 or not finite.
 * Multiplying by it is exact and brings the largest magnitude into [½, 1]. The exponent is
 * capped at 1000 for subnormal `max`, whose 2⁻ᵉ would overflow. Internal.
 */
export function powerOfTwoScale(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  return 2 ** -Math.max(-1000, Math.ceil(Math.log2(max)));
}

/**
 * Computes n, mean, sum of squared deviations and sample variance of `values`.
 * Every value must be a finite number; callers filter missing values first.
 *
 * @param values - the sample
 * @returns the moments; `mean` is NaN for an empty sample, `variance` NaN when n < 2
 * @example
 * moments([1, 2, 3, 4]) // { n: 4, mean: 2.5, sumOfSquares: 5, variance: 1.6666666666666667, sd: 1.2909944487358056 }
 */
export function moments(values: ArrayLike<number>): Moments {
  const n = values.length;
  if (n === 0) return { n: 0, mean: NaN, sumOfSquares: NaN, variance: NaN, sd: NaN };

  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(values[i] as number));
  const scale = powerOfTwoScale(largest);

  let sum = 0;
  for (let i = 0; i < n; i++) sum += (values[i] as number) * scale;
  const roughMean = sum / n;

  // Refine the mean by the average residual: removes the rounding error of sum / n. The
  // correction is kept apart from the rough mean when forming deviations, (x − m) − c, so that
  // for data far from 0 (10⁹ + small values) x − m is exact and c is not lost in rounding.
  let residualSum = 0;
  for (let i = 0; i < n; i++) residualSum += (values[i] as number) * scale - roughMean;
  const correction = residualSum / n;

  let squares = 0;
  let residuals = 0;
  for (let i = 0; i < n; i++) {
    const deviation = (values[i] as number) * scale - roughMean - correction;
    squares += deviation * deviation;
    residuals += deviation;
  }
  // Chan–Golub–LeVeque correction term: exact arithmetic would make `residuals` zero.
  const scaledSquares = Math.max(0, squares - (residuals * residuals) / n);
  const mean = (roughMean + correction) / scale;
  const sumOfSquares = scaledSquares / scale / scale;
  if (n < 2) return { n, mean, sumOfSquares, variance: NaN, sd: NaN };
  return {
    n,
    mean,
    sumOfSquares,
    variance: sumOfSquares / (n - 1),
    sd: Math.sqrt(scaledSquares / (n - 1)) / scale,
  };
}

/**
 * Weighted mean and spread of distinct values x_k with non-negative weights w_k (counts, or
 * sums of respondent weights per category).
 *
 * Scale-safe in both directions: the values are shifted by a reference value r (the first with
 * positive weight) and multiplied by a power of two at the largest |x_k − r|, and the weights by
 * a power of two at the largest weight. So codes 1e16 and 1e16 + 2 (whose mean 1e16 + 1 is not a
 * double) keep their deviations ±1 exactly, and codes or weights near 1e-170 do not underflow.
 * Two-pass: the mean of the shifted values, then Σw(d − mean)² over the total weight.
 *
 * @param values - the distinct values
 * @param weights - one weight per value
 * @returns the mean (NaN when the weights sum to 0) and `rootMeanSquare`, √(Σw(x − x̄)²/Σw),
 *   the standard deviation with divisor Σw (NaN when the weights sum to 0). Internal.
 */
export function groupedMoments(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
): { readonly mean: number; readonly rootMeanSquare: number } {
  let reference = NaN;
  let largestWeight = 0;
  for (let k = 0; k < values.length; k++) {
    const w = weights[k] as number;
    if (w > 0 && Number.isNaN(reference)) reference = values[k] as number;
    largestWeight = Math.max(largestWeight, w);
  }
  if (Number.isNaN(reference)) return { mean: NaN, rootMeanSquare: NaN };
  let largestShift = 0;
  for (let k = 0; k < values.length; k++) {
    if ((weights[k] as number) > 0) {
      largestShift = Math.max(largestShift, Math.abs((values[k] as number) - reference));
    }
  }
  const valueScale = powerOfTwoScale(largestShift);
  const weightScale = powerOfTwoScale(largestWeight);

  let total = 0;
  let sum = 0;
  let plainSum = 0;
  for (let k = 0; k < values.length; k++) {
    const w = (weights[k] as number) * weightScale;
    total += w;
    sum += w * ((values[k] as number) - reference) * valueScale;
    plainSum += w * (values[k] as number);
  }
  const shiftedMean = sum / total;
  // The mean itself is Σw·x/Σw where that sum is finite (one rounding, and exact sums for
  // integer codes and counts); the shifted form only when Σw·x overflows or underflows.
  const plainMean = plainSum / total;
  const mean =
    Number.isFinite(plainMean) && (plainMean !== 0 || (shiftedMean === 0 && reference === 0))
      ? plainMean
      : reference + shiftedMean / valueScale;
  let squares = 0;
  for (let k = 0; k < values.length; k++) {
    const w = (weights[k] as number) * weightScale;
    const deviation = ((values[k] as number) - reference) * valueScale - shiftedMean;
    squares += w * deviation * deviation;
  }
  return {
    mean,
    rootMeanSquare: Math.sqrt(squares / total) / valueScale,
  };
}
