/**
 * Mean and variance of a sample of doubles, computed so that data with a large offset and a
 * small spread (NIST StRD NumAcc3/NumAcc4: 1e7 ± 0.1) keep every digit a double can hold.
 *
 * Algorithm: the corrected two-pass method (Chan, Golub & LeVeque, "Algorithms for computing
 * the sample variance", The American Statistician 37, 1983). Pass one forms the mean and
 * refines it by the mean of the residuals; pass two sums squared deviations and subtracts the
 * square of the (tiny) residual sum, which removes the rounding error of the mean.
 *
 * Internal: the public functions (`codedMean`, `meanInterval`, `pearson`) build on it.
 */
export interface Moments {
  /** Number of values. */
  readonly n: number;
  /** Arithmetic mean; NaN when n = 0. */
  readonly mean: number;
  /** Sum of squared deviations from the mean. */
  readonly sumOfSquares: number;
  /** Sample variance with divisor n − 1; NaN when n < 2. */
  readonly variance: number;
}

/**
 * Computes n, mean, sum of squared deviations and sample variance of `values`.
 * Every value must be a finite number; callers filter missing values first.
 *
 * @param values - the sample
 * @returns the moments; `mean` is NaN for an empty sample, `variance` NaN when n < 2
 * @example
 * moments([1, 2, 3, 4]) // { n: 4, mean: 2.5, sumOfSquares: 5, variance: 1.6666666666666667 }
 */
export function moments(values: ArrayLike<number>): Moments {
  const n = values.length;
  if (n === 0) return { n: 0, mean: NaN, sumOfSquares: NaN, variance: NaN };

  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const roughMean = sum / n;

  // Refine the mean by the average residual: removes the rounding error of sum / n. The
  // correction is kept apart from the rough mean when forming deviations, (x − m) − c, so that
  // for data far from 0 (10⁹ + small values) x − m is exact and c is not lost in rounding.
  let residualSum = 0;
  for (let i = 0; i < n; i++) residualSum += (values[i] as number) - roughMean;
  const correction = residualSum / n;
  const mean = roughMean + correction;

  let squares = 0;
  let residuals = 0;
  for (let i = 0; i < n; i++) {
    const deviation = (values[i] as number) - roughMean - correction;
    squares += deviation * deviation;
    residuals += deviation;
  }
  // Chan–Golub–LeVeque correction term: exact arithmetic would make `residuals` zero.
  const sumOfSquares = Math.max(0, squares - (residuals * residuals) / n);
  return { n, mean, sumOfSquares, variance: n < 2 ? NaN : sumOfSquares / (n - 1) };
}
