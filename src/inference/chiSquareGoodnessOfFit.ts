import { chiSquareCdf } from '../math';
import { describeValue } from '../internal/validate';

/** Result of {@link chiSquareGoodnessOfFit}: plain, JSON-serialisable data. */
export interface ChiSquareGoodnessOfFitResult {
  /** Pearson's X² = Σ (O − E)² / E; `NaN` when n = 0. */
  statistic: number;
  /** Degrees of freedom k − 1. */
  df: number;
  /** Upper-tail p-value P(χ²_df ≥ X²); `NaN` when n = 0. */
  p: number;
  /** Smallest expected count. */
  minExpected: number;
  /** Expected counts E, one per category. */
  expected: number[];
  /** How `expected` was read: as shares summing to 1 or as counts summing to n. */
  expectedKind: 'shares' | 'counts';
  /** Total observed count. */
  n: number;
  method: 'pearson-chi-square';
  /** Set when an expected count is below 5, where the chi-square approximation is doubtful. */
  warning?: string;
  /** Why the statistic is `NaN`, when it is. */
  reason?: string;
}

/** Options of {@link chiSquareGoodnessOfFit} (none yet; reserved for future settings). */
export type ChiSquareGoodnessOfFitOptions = Record<string, never>;

/** Relative tolerance for recognising shares (sum 1) or counts (sum n). */
const SUM_TOLERANCE = 1e-9;

/**
 * Pearson's chi-square goodness-of-fit test of observed counts against expected shares or
 * counts: X² = Σ (Oᵢ − Eᵢ)² / Eᵢ, referred to χ² with k − 1 degrees of freedom.
 *
 * `expected` is read as shares when it sums to 1 within 1e-9 (then Eᵢ = n·pᵢ, as R's
 * `chisq.test(x, p = p)`), otherwise as counts when it sums to the observed total n within a
 * relative 1e-9 (used as given); `expectedKind` says which. When both fit (n = 1) they are the
 * same thing. The p-value is the upper tail, computed directly. A `warning` is set when the
 * smallest expected count is below 5 (Cochran's rule).
 *
 * @param observed - observed counts per category: non-negative integers, at least 2 categories
 * @param expected - expected shares (sum 1) or counts (sum n), all positive, same length
 * @returns the test; with n = 0 `statistic` and `p` are `NaN` and `reason` says why
 * @throws RangeError when the lengths differ or are below 2, an observed count is negative or
 *   not an integer, an expected value is not positive and finite, or the expected values sum
 *   neither to 1 nor to n; TypeError when an argument is not an array
 * @example
 * ```ts
 * chiSquareGoodnessOfFit([30, 45, 15, 10], [0.25, 0.4, 0.2, 0.15]);
 * // { statistic: 4.541666666666667, df: 3, p: 0.2086036910649708, minExpected: 15,
 * //   expected: [25, 40, 20, 15], expectedKind: 'shares', n: 100, method: 'pearson-chi-square' }
 * ```
 * @see R `chisq.test(x, p = p)`; Pearson (1900), Philosophical Magazine 50(302), 157–175;
 *   Cochran (1954), Biometrics 10(4), 417–451.
 */
export function chiSquareGoodnessOfFit(
  observed: ArrayLike<number>,
  expected: ArrayLike<number>,
): ChiSquareGoodnessOfFitResult {
  const fn = 'chiSquareGoodnessOfFit';
  for (const [name, value] of [
    ['observed', observed],
    ['expected', expected],
  ] as const) {
    if (
      typeof value !== 'object' ||
      value === null ||
      typeof (value as ArrayLike<number>).length !== 'number'
    ) {
      throw new TypeError(`${fn}: ${name} must be an array of numbers, got ${describeValue(value)}`);
    }
  }
  const k = observed.length;
  if (expected.length !== k) {
    throw new RangeError(
      `${fn}: observed and expected must have one entry per category, got lengths ${k} and ${expected.length}`,
    );
  }
  if (k < 2) {
    throw new RangeError(`${fn}: at least 2 categories are needed, got ${k}`);
  }
  let n = 0;
  for (let i = 0; i < k; i++) {
    const o = observed[i];
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0) {
      throw new RangeError(
        `${fn}: observed[${i}] must be a non-negative integer count, got ${describeValue(o)}`,
      );
    }
    n += o;
  }
  let expectedSum = 0;
  for (let i = 0; i < k; i++) {
    const e = expected[i];
    if (typeof e !== 'number' || !Number.isFinite(e) || !(e > 0)) {
      throw new RangeError(
        `${fn}: expected[${i}] must be a positive finite share or count, got ${describeValue(e)}; merge or drop categories with nothing expected`,
      );
    }
    expectedSum += e;
  }
  let expectedKind: 'shares' | 'counts';
  if (Math.abs(expectedSum - 1) <= SUM_TOLERANCE) {
    expectedKind = 'shares';
  } else if (Math.abs(expectedSum - n) <= SUM_TOLERANCE * n) {
    expectedKind = 'counts';
  } else {
    throw new RangeError(
      `${fn}: expected sums to ${expectedSum}, which fits neither shares (sum 1) nor counts (sum of observed = ${n}); rescale expected to one of these`,
    );
  }
  const expectedCounts: number[] = [];
  for (let i = 0; i < k; i++) {
    const e = expected[i] as number;
    expectedCounts.push(expectedKind === 'shares' ? n * e : e);
  }
  const minExpected = Math.min(...expectedCounts);
  const df = k - 1;
  const base = {
    df,
    minExpected,
    expected: expectedCounts,
    expectedKind,
    n,
    method: 'pearson-chi-square',
  } as const;
  if (n === 0) {
    return {
      statistic: NaN,
      p: NaN,
      ...base,
      expected: expectedCounts,
      reason: 'no observations: every observed count is 0',
    };
  }
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const e = expectedCounts[i] as number;
    const difference = (observed[i] as number) - e;
    statistic += (difference * difference) / e;
  }
  const p = chiSquareCdf(statistic, df, false);
  const result: ChiSquareGoodnessOfFitResult = {
    statistic,
    p,
    ...base,
    expected: expectedCounts,
  };
  if (minExpected < 5) {
    const below = expectedCounts.filter((e) => e < 5).length;
    result.warning = `${fn}: ${below} of ${k} expected counts are below 5 (smallest ${minExpected}); the chi-square approximation may be inaccurate — merge sparse categories or use an exact test`;
  }
  return result;
}
