import { describeValue } from '../internal/validate';
import type { Margin } from './weightsInput';

/** Result of {@link weightDiagnostics}: how uneven a set of weights is. Plain data. */
export interface WeightDiagnosticsResult {
  /** Number of weights (respondents). */
  readonly n: number;
  /** Σw. */
  readonly total: number;
  /** Σw / n. */
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** max / min (Infinity when a weight is 0); NaN for no weights. */
  readonly ratio: number;
  /** Kish's design effect of unequal weighting, n Σw² / (Σw)²: 1 for equal weights. NaN when Σw = 0. */
  readonly designEffect: number;
  /** Kish's effective sample size (Σw)² / Σw² = n / designEffect. NaN when Σw = 0. */
  readonly nEffective: number;
}

/** One margin of a weighting result: target, achieved and unweighted share of a category. */
export interface WeightingMargin {
  readonly variable: string;
  readonly category: string;
  /** The population share aimed at (normalised to sum to 1 over the variable). */
  readonly target: number;
  /** The weighted sample share: Σw over the category / Σw. */
  readonly achieved: number;
  /** The unweighted sample share: count / n. */
  readonly unweighted: number;
  /** Respondents in the category. */
  readonly count: number;
}

/**
 * What {@link postStratify} and {@link rake} return: the weights, one per respondent in input
 * order, with diagnostics. Plain, JSON-serialisable data.
 */
export interface WeightingResult extends WeightDiagnosticsResult {
  readonly method: 'post-stratification' | 'raking';
  /** One weight per respondent, in input order. */
  readonly weights: number[];
  /** Respondent ids aligned with `weights` (a Survey's ids, or the `id` column), when known. */
  readonly ids?: string[];
  /** What the weights sum to: n (`'sample'`) or the population size (`'population'`). */
  readonly scale: 'sample' | 'population';
  /** Full adjustment cycles run (1 for post-stratification). */
  readonly iterations: number;
  /** Whether every margin was met within the tolerance (and the trimming bounds hold). */
  readonly converged: boolean;
  /** The largest |achieved − target| over all margins and categories. */
  readonly maxGap: number;
  /** Target, achieved and unweighted share of every category of every margin. */
  readonly margins: WeightingMargin[];
  /** Weights held at a trimming bound at the end (0 without trimming). */
  readonly trimmed: number;
  /** Things to know: non-convergence, trimming that keeps margins from being met, zero targets. */
  readonly warnings: string[];
}

/**
 * Summarises a set of respondent weights: range, mean, and Kish's design effect and effective
 * sample size.
 *
 * With n weights w₁…wₙ, the design effect of unequal weighting (Kish 1965) is
 * deff = n Σw² / (Σw)² and the effective sample size is n' = (Σw)² / Σw² = n / deff: the number
 * of equally weighted respondents that would give a mean the same precision. Both are invariant
 * to rescaling the weights. The describe functions use the same n' for their weighted intervals.
 *
 * @param weights - the weights, finite and >= 0
 * @returns n, total, mean, min, max, ratio, designEffect and nEffective; designEffect and
 *   nEffective are NaN when the weights sum to 0, and every field but n and total is NaN for no weights
 * @throws TypeError for a non-array; RangeError for a negative or non-finite weight
 * @example
 * weightDiagnostics([1, 1, 2, 4])
 * // { n: 4, total: 8, mean: 2, min: 1, max: 4, ratio: 4, designEffect: 1.375, nEffective: 2.909090909090909 }
 * @see Kish, L. (1965). Survey Sampling. Wiley, §11.7. R: `survey::deff` for the design-based counterpart.
 */
export function weightDiagnostics(weights: ArrayLike<number>): WeightDiagnosticsResult {
  if (weights === null || typeof weights !== 'object' || typeof weights.length !== 'number') {
    throw new TypeError(`weightDiagnostics: weights must be an array of numbers, got ${describeValue(weights)}`);
  }
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new RangeError(`weightDiagnostics: weights[${i}] is ${describeValue(w)}; every weight must be a finite number >= 0`);
    }
  }
  return summariseWeights(weights);
}

/** The diagnostics of already-validated weights. Internal. */
export function summariseWeights(weights: ArrayLike<number>): WeightDiagnosticsResult {
  const n = weights.length;
  let total = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    total += w;
    squares += w * w;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  if (n === 0) {
    return { n, total: 0, mean: NaN, min: NaN, max: NaN, ratio: NaN, designEffect: NaN, nEffective: NaN };
  }
  // Kish: deff = n Σw² / (Σw)², n' = (Σw)² / Σw².
  const nEffective = total > 0 ? (total * total) / squares : NaN;
  const designEffect = total > 0 ? (n * squares) / (total * total) : NaN;
  return { n, total, mean: total / n, min, max, ratio: max / min, designEffect, nEffective };
}

/** Achieved shares of every margin under `weights`, and the largest gap to the targets. Internal. */
export function marginReport(margins: readonly Margin[], weights: Float64Array): { rows: WeightingMargin[]; maxGap: number } {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i] as number;
  const rows: WeightingMargin[] = [];
  let maxGap = 0;
  for (const margin of margins) {
    const sums = categorySums(margin, weights);
    margin.categories.forEach((category, k) => {
      const target = margin.shares[k] as number;
      const achieved = (sums[k] as number) / total;
      maxGap = Math.max(maxGap, Math.abs(achieved - target));
      const count = margin.counts[k] as number;
      rows.push({ variable: margin.variable, category, target, achieved, unweighted: count / n, count });
    });
  }
  return { rows, maxGap };
}

/** Σw per category of a margin. Internal. */
export function categorySums(margin: Margin, weights: Float64Array): Float64Array {
  const sums = new Float64Array(margin.categories.length);
  for (let i = 0; i < weights.length; i++) sums[margin.index[i] as number]! += weights[i] as number;
  return sums;
}

/** Warnings for target categories with share 0 that hold respondents (they get weight 0). Internal. */
export function zeroTargetWarnings(fn: string, margins: readonly Margin[]): string[] {
  const warnings: string[] = [];
  for (const margin of margins) {
    margin.categories.forEach((category, k) => {
      const count = margin.counts[k] as number;
      if ((margin.shares[k] as number) === 0 && count > 0) {
        warnings.push(
          `${fn}: "${category}" of "${margin.variable}" has a target share of 0, so its ${count} respondent${count === 1 ? ' gets' : 's get'} weight 0`,
        );
      }
    });
  }
  return warnings;
}

/**
 * Throws a RangeError when the population is smaller than the sample: N below n cannot be a
 * population the respondents were drawn from (a typo, or the frame of another population).
 * Internal: `postStratify` and `rake` call it with `populationSize` and with the targets' size
 * when that is the total.
 */
export function assertPopulationCoversSample(fn: string, populationSize: number | undefined, n: number, what = 'populationSize'): void {
  if (populationSize !== undefined && populationSize < n) {
    throw new RangeError(
      `${fn}: ${what} is ${populationSize}, below the ${n} respondents of the sample; the population size N must be at least n (e.g. 98 municipalities for 70 responding), so check the number or the sample`,
    );
  }
}
