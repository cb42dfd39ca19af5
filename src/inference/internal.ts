/**
 * Helpers shared by the functions in `src/inference/`. Internal: never re-exported from
 * `src/index.ts`.
 */
import { columnCodes } from '../data/columnData';
import { isMissingValue } from '../data/missing';
import type { LikertColumn } from '../data/types';
import { assertCount, assertFinite, describeValue } from '../internal/validate';
import { normalQuantile } from '../math';
import type { MeanSummary } from './meanInterval';
import type { StarThreshold } from './significanceStars';

/** A numeric variable as the inference functions accept it: plain values or a coded column. */
export type NumericInput = ArrayLike<number | null | undefined> | LikertColumn;

/** True when `value` is a coded {@link LikertColumn} (its `kind` tag is `'likert-column'`). */
export function isLikertColumn(value: unknown): value is LikertColumn {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'likert-column'
  );
}

/**
 * Reads a numeric variable into a `Float64Array`, with `NaN` for every missing entry: `null`,
 * `undefined`, `NaN`, and for a column every non-substantive answer, missing or invalid code.
 * Throws a TypeError for a value that is neither a number nor missing (a string, ±Infinity).
 */
export function readNumeric(fn: string, input: NumericInput, name: string): Float64Array {
  if (isLikertColumn(input)) {
    const { scale } = input;
    const codes = columnCodes(input);
    const levels = scale.levels.length;
    const out = new Float64Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const index = codes[i] as number;
      out[i] = index >= 0 && index < levels ? (scale.codes[index] as number) : NaN;
    }
    return out;
  }
  if (
    typeof input !== 'object' ||
    input === null ||
    typeof (input as { length?: unknown }).length !== 'number'
  ) {
    throw new TypeError(
      `${fn}: ${name} must be an array of numbers (null, undefined or NaN for missing) or a LikertColumn`,
    );
  }
  const out = new Float64Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const value = input[i];
    if (typeof value === 'number' && (Number.isFinite(value) || Number.isNaN(value))) {
      out[i] = value;
    } else if (isMissingValue(value)) {
      // The shared missing rule: null, undefined, and blank or invisible-only text.
      out[i] = NaN;
    } else {
      throw new TypeError(
        `${fn}: ${name}[${i}] must be a finite number or missing (null, undefined, NaN), got ${String(value)}`,
      );
    }
  }
  return out;
}

/**
 * {@link readNumeric} for a caller that only reads the values during the call: a Float64Array is
 * checked (no infinite value) and used as it is, with no copy; anything else is read by
 * `readNumeric`.
 */
export function readNumericView(fn: string, input: NumericInput, name: string): ArrayLike<number> {
  if (!(input instanceof Float64Array)) return readNumeric(fn, input, name);
  for (let i = 0; i < input.length; i++) {
    const value = input[i] as number;
    if (value - value !== 0 && value === value) {
      throw new TypeError(`${fn}: ${name}[${i}] must be a finite number or missing (null, undefined, NaN), got ${String(value)}`);
    }
  }
  return input;
}

/**
 * The two-sided critical value z_{1−α/2} of the standard normal for a confidence `level`,
 * taken from the upper tail so that 0.95 gives exactly R's `qnorm(0.975)`.
 */
export function normalCritical(level: number): number {
  return normalQuantile((1 - level) / 2, false);
}

/**
 * The Wilson score interval for `x` successes in `n` trials at critical value `z` (x and n may
 * be non-integer effective counts). The bounds are the roots p of
 * (x/n − p)² = z² p (1 − p) / n. The bound farther from the nearer edge is the quadratic
 * formula's sum; the other is the product of the roots, x² / (n (n + z²)), divided by it, which
 * avoids the cancellation that ruins the textbook lower bound for rare events (1 in 10⁷).
 * Proportions above one half are handled by symmetry (x → n − x), so the interval for n − x is
 * exactly the mirror image.
 */
export function wilsonBounds(x: number, n: number, z: number): [number, number] {
  if (x > n / 2) {
    const [lower, upper] = wilsonBounds(n - x, n, z);
    return [1 - upper, 1 - lower];
  }
  const z2 = z * z;
  const denominator = n + z2;
  const center = (x + z2 / 2) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((x * (n - x)) / n + z2 / 4);
  const upper = Math.min(1, center + halfWidth);
  const lower = x === 0 ? 0 : (x * x) / (n * denominator) / (center + halfWidth);
  return [Math.max(0, lower), upper];
}

/** The built-in schemes, smallest threshold first. */
function builtInThresholds(scheme: 'default' | 'apa'): readonly StarThreshold[] {
  return scheme === 'default'
    ? [
        { below: 0.01, stars: '***' },
        { below: 0.05, stars: '**' },
        { below: 0.1, stars: '*' },
      ]
    : [
        { below: 0.001, stars: '***' },
        { below: 0.01, stars: '**' },
        { below: 0.05, stars: '*' },
      ];
}

/**
 * Checks a star scheme and returns its thresholds; throws a RangeError/TypeError naming `fn`.
 * Shared by `significanceStars` and `pearson`.
 */
export function resolveStarScheme(fn: string, scheme: unknown): readonly StarThreshold[] {
  if (scheme === 'default' || scheme === 'apa') return builtInThresholds(scheme);
  if (!Array.isArray(scheme)) {
    throw new RangeError(
      `${fn}: unknown star scheme ${describeValue(scheme)}; use 'default', 'apa' or an array of { below, stars }`,
    );
  }
  const seen = new Set<number>();
  scheme.forEach((threshold: unknown, i) => {
    const t = threshold as Partial<StarThreshold> | null;
    if (typeof t !== 'object' || t === null) {
      throw new TypeError(`${fn}: star threshold ${i} must be an object { below, stars }`);
    }
    if (typeof t.below !== 'number' || !(t.below > 0 && t.below <= 1)) {
      throw new RangeError(
        `${fn}: star threshold ${i} needs 'below' as a number in (0, 1], got ${describeValue(t.below)}`,
      );
    }
    if (typeof t.stars !== 'string') {
      throw new TypeError(
        `${fn}: star threshold ${i} needs 'stars' as a string, got ${describeValue(t.stars)}`,
      );
    }
    if (seen.has(t.below)) {
      throw new RangeError(
        `${fn}: two star thresholds share below = ${t.below}; give each threshold its own value`,
      );
    }
    seen.add(t.below);
  });
  return scheme as readonly StarThreshold[];
}

/** The marker for a valid p under already checked thresholds (strict `<`, smallest `below` wins). */
export function starsFor(p: number, thresholds: readonly StarThreshold[]): string {
  let best: StarThreshold | undefined;
  for (const threshold of thresholds) {
    if (p < threshold.below && (best === undefined || threshold.below < best.below)) {
      best = threshold;
    }
  }
  return best === undefined ? '' : best.stars;
}

/** Checks one summary `{ mean, sd, n }`: n a count, the mean finite when n ≥ 1, the sd finite and ≥ 0 when n ≥ 2. */
export function checkMeanSummary(fn: string, summary: MeanSummary, name: string): void {
  if (summary === null || typeof summary !== 'object') {
    throw new TypeError(`${fn}: ${name} must be a summary { mean, sd, n }, got ${describeValue(summary)}`);
  }
  assertCount(fn, summary.n, `${name}.n`);
  if (summary.n >= 1) assertFinite(fn, summary.mean, `${name}.mean`);
  if (summary.n >= 2) {
    assertFinite(fn, summary.sd, `${name}.sd`);
    if (summary.sd < 0) {
      throw new RangeError(`${fn}: ${name}.sd must be non-negative, got ${describeValue(summary.sd)}; pass the standard deviation, not a difference`);
    }
  }
}
