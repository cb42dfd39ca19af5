import {
  assertCount,
  assertLevel,
  checkOptionKeys,
  describeValue,
  firstUnknownKey,
  optionKeys,
  unknownKeyHint,
} from '../internal/validate';
import { compareProportions, type CompareProportionsResult } from './compareProportions';
import { proportionInterval, type ProportionIntervalResult, type ProportionMethod } from './proportionInterval';

/** A percentage as a report prints it: rounded half up to `decimals` decimals, out of `n`. */
export interface PublishedPercent {
  /** The printed percentage, e.g. 13 for "13 %" (0–100). */
  percent: number;
  /** The number of respondents it is a share of. */
  n: number;
  /** Decimals it was rounded to (half up); default 0. */
  decimals?: number;
}

/** Options of {@link publishedProportion}. */
export interface PublishedProportionOptions {
  /** Interval method (see `proportionInterval`); default `'wilson'`. */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
}

/** Result of {@link publishedProportion}: plain, JSON-serialisable data. */
export interface PublishedProportionResult {
  percent: number;
  n: number;
  decimals: number;
  /** False when no count out of n rounds to the percentage (the figures disagree). */
  consistent: boolean;
  /** The counts x whose 100·x/n rounds (half up) to the percentage: lower … upper; NaN when inconsistent. */
  counts: { lower: number; upper: number };
  /** x/n at the two ends of the count range. */
  estimate: { lower: number; upper: number };
  /**
   * The union of the intervals over the count range: from the lower bound at the smallest
   * count to the upper bound at the largest (both bounds increase with the count).
   */
  ci: { lower: number; upper: number; level: number; method: ProportionMethod };
  /** The interval at the smallest and at the largest consistent count. */
  ends: [ProportionIntervalResult, ProportionIntervalResult] | null;
  rounding: 'half-up';
  method: 'published-proportion';
  /** Why the fields are NaN, when they are. */
  reason?: string;
}

/**
 * The counts consistent with a published, rounded percentage, and the proportion interval over
 * them.
 *
 * A percentage P printed with d decimals, rounded half up, of n respondents comes from a count x
 * exactly when P − ½·10⁻ᵈ ≤ 100·x/n < P + ½·10⁻ᵈ, i.e. (in integers, with Q = P·10ᵈ)
 * (2Q − 1)·n ≤ 200·10ᵈ·x < (2Q + 1)·n. The count range is solved in exact integer arithmetic
 * (no floating-point rounding at the edges), and the interval is the union of
 * `proportionInterval(x, n)` over it: [lower at the smallest x, upper at the largest x].
 *
 * @param figure - `{ percent, n, decimals? }` as printed
 * @param options - `method` (default `'wilson'`) and `level` (default 0.95)
 * @returns the range; `consistent: false` with NaN fields and a `reason` when no count out of n
 *   rounds to the percentage (e.g. 50 % of 7)
 * @throws RangeError for a percentage outside 0–100 or with more decimals than `decimals`, an n
 *   that is not a positive integer, or a bad option
 * @example
 * ```ts
 * publishedProportion({ percent: 13, n: 16 });
 * // counts { lower: 2, upper: 2 } (2/16 = 12.5 % prints as 13 %),
 * // ci { lower: 0.03497748774324044, upper: 0.36022827265758706, level: 0.95, method: 'wilson' }
 * publishedProportion({ percent: 29, n: 70 }).counts; // { lower: 20, upper: 20 }
 * publishedProportion({ percent: 18, n: 1000 }).counts; // { lower: 175, upper: 184 }
 * ```
 * @see R `binom.test(x, n)` / `prop.test(x, n)` at each consistent count
 */
export function publishedProportion(
  figure: PublishedPercent,
  options: PublishedProportionOptions = {},
): PublishedProportionResult {
  const fn = 'publishedProportion';
  checkOptionKeys(fn, options, optionKeys<PublishedProportionOptions>({ method: true, level: true }));
  const { method = 'wilson', level = 0.95 } = options;
  assertLevel(fn, level);
  const { percent, n, decimals, lower, upper } = countRange(fn, figure, 'figure');
  const nan = { lower: NaN, upper: NaN };
  if (lower > upper) {
    return {
      percent,
      n,
      decimals,
      consistent: false,
      counts: nan,
      estimate: nan,
      ci: { lower: NaN, upper: NaN, level, method },
      ends: null,
      rounding: 'half-up',
      method: 'published-proportion',
      reason: `no count out of ${n} rounds (half up, ${decimals} decimals) to ${percent} %; check the figure and its N`,
    };
  }
  const first = proportionInterval(lower, n, { method, level });
  const last = proportionInterval(upper, n, { method, level });
  return {
    percent,
    n,
    decimals,
    consistent: true,
    counts: { lower, upper },
    estimate: { lower: lower / n, upper: upper / n },
    ci: { lower: first.lower, upper: last.upper, level, method },
    ends: [first, last],
    rounding: 'half-up',
    method: 'published-proportion',
  };
}

/** The smallest and largest count x of 0 … n with round_half_up(100·x/n, d) = P (lower > upper when none). */
function countRange(
  fn: string,
  figure: PublishedPercent,
  name: string,
): { percent: number; n: number; decimals: number; lower: number; upper: number } {
  if (figure === null || typeof figure !== 'object') {
    throw new TypeError(`${fn}: ${name} must be { percent, n, decimals? }, got ${describeValue(figure)}`);
  }
  const allowed = optionKeys<PublishedPercent>({ percent: true, n: true, decimals: true });
  const unknown = firstUnknownKey(figure, allowed);
  if (unknown !== undefined) {
    throw new TypeError(`${fn}: ${name} has an unknown key ${JSON.stringify(unknown)}; ${unknownKeyHint(unknown, allowed, 'keys')}`);
  }
  const { percent, n, decimals = 0 } = figure;
  assertCount(fn, n, `${name}.n`);
  if (n === 0) throw new RangeError(`${fn}: ${name}.n must be at least 1, got 0`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`${fn}: ${name}.decimals must be an integer from 0 to 6, got ${describeValue(decimals)}`);
  }
  if (typeof percent !== 'number' || !(percent >= 0 && percent <= 100)) {
    throw new RangeError(`${fn}: ${name}.percent must be a percentage from 0 to 100, got ${describeValue(percent)}`);
  }
  const scale = 10 ** decimals;
  const q = Math.round(percent * scale);
  if (Math.abs(q - percent * scale) > 1e-9 * Math.max(1, q)) {
    throw new RangeError(
      `${fn}: ${name}.percent ${percent} has more than ${decimals} decimals; give the decimals it was printed with`,
    );
  }
  // (2Q − 1)·n ≤ 200·10ᵈ·x < (2Q + 1)·n, in BigInt: x ≥ ⌈(2Q − 1)n / D⌉ and x ≤ ⌈(2Q + 1)n / D⌉ − 1.
  const D = 200n * BigInt(scale);
  const N = BigInt(n);
  const ceilDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? (a + b - 1n) / b : -(-a / b));
  const low = ceilDiv((2n * BigInt(q) - 1n) * N, D);
  const high = ceilDiv((2n * BigInt(q) + 1n) * N, D) - 1n;
  const lower = Number(low < 0n ? 0n : low);
  const upper = Number(high > N ? N : high);
  return { percent, n, decimals, lower, upper };
}

/** Options of {@link comparePublishedProportions}. */
export interface ComparePublishedProportionsOptions {
  /** Confidence level of the Newcombe interval, in (0, 1); default 0.95. */
  level?: number;
  /** Largest number of count pairs to test; default 1 000 000. */
  maxPairs?: number;
}

/** Result of {@link comparePublishedProportions}: plain, JSON-serialisable data. */
export interface ComparePublishedProportionsResult {
  /** The count ranges of the two figures (see {@link publishedProportion}). */
  counts1: { lower: number; upper: number };
  counts2: { lower: number; upper: number };
  n1: number;
  n2: number;
  /** False when a figure has no consistent count; the ranges below are NaN then. */
  consistent: boolean;
  /** Smallest and largest p̂₁ − p̂₂ over the count pairs. */
  difference: { lower: number; upper: number };
  /** Smallest and largest two-sided p of the pooled z test over the count pairs. */
  p: { lower: number; upper: number };
  /** The test at the pair with the smallest p and at the pair with the largest. */
  extremes: { smallest: CompareProportionsResult; largest: CompareProportionsResult } | null;
  /** Count pairs tested. */
  pairs: number;
  method: 'published-two-proportion-z';
  reason?: string;
}

/**
 * The two-proportion z test (`compareProportions`) between two published, rounded percentages,
 * over every pair of counts consistent with them: the range of the difference and of p.
 *
 * Each figure gives a count range (see {@link publishedProportion}); every pair (x₁, x₂) is
 * tested with the pooled z test, z = (p̂₁ − p̂₂)/√(p̄(1 − p̄)(1/n₁ + 1/n₂)), p = 2Φ(−|z|), and the
 * smallest and largest p are reported (the largest need not sit at a corner of the ranges, so
 * every pair is tried). When both p ends lie on one side of a threshold, the rounding cannot
 * change the verdict.
 *
 * @param first - `{ percent, n, decimals? }` of the first figure
 * @param second - the same for the second
 * @param options - `level` (default 0.95), `maxPairs` (default 1 000 000)
 * @returns the ranges; NaN with a `reason` when a figure is inconsistent with its N
 * @throws RangeError for a bad figure or option, or more than `maxPairs` count pairs
 * @example
 * ```ts
 * const r = comparePublishedProportions({ percent: 45, n: 400 }, { percent: 38, n: 420 });
 * r.counts1; // { lower: 178, upper: 181 }
 * r.counts2; // { lower: 158, upper: 161 }
 * r.p;       // { lower: 0.026552610333441164, upper: 0.07306579782775473 }:
 *            // whether p < 0.05 depends on counts the rounding hides
 * ```
 * @see R `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)` at each count pair
 */
export function comparePublishedProportions(
  first: PublishedPercent,
  second: PublishedPercent,
  options: ComparePublishedProportionsOptions = {},
): ComparePublishedProportionsResult {
  const fn = 'comparePublishedProportions';
  checkOptionKeys(fn, options, optionKeys<ComparePublishedProportionsOptions>({ level: true, maxPairs: true }));
  const { level = 0.95, maxPairs = 1_000_000 } = options;
  assertLevel(fn, level);
  if (typeof maxPairs !== 'number' || !(maxPairs >= 1)) {
    throw new RangeError(`${fn}: maxPairs must be a number of at least 1, got ${describeValue(maxPairs)}`);
  }
  const a = countRange(fn, first, 'first');
  const b = countRange(fn, second, 'second');
  const nan = { lower: NaN, upper: NaN };
  const base = {
    counts1: { lower: a.lower, upper: a.upper },
    counts2: { lower: b.lower, upper: b.upper },
    n1: a.n,
    n2: b.n,
    method: 'published-two-proportion-z' as const,
  };
  if (a.lower > a.upper || b.lower > b.upper) {
    const which = a.lower > a.upper ? `${a.percent} % of ${a.n}` : `${b.percent} % of ${b.n}`;
    return {
      ...base,
      counts1: a.lower > a.upper ? nan : base.counts1,
      counts2: b.lower > b.upper ? nan : base.counts2,
      consistent: false,
      difference: nan,
      p: nan,
      extremes: null,
      pairs: 0,
      reason: `no count rounds to ${which}; check the figure and its N`,
    };
  }
  const pairs = (a.upper - a.lower + 1) * (b.upper - b.lower + 1);
  if (pairs > maxPairs) {
    throw new RangeError(
      `${fn}: the rounded figures allow ${pairs} count pairs, more than maxPairs (${maxPairs}); give the percentages with more decimals or raise maxPairs`,
    );
  }
  let smallest: CompareProportionsResult | undefined;
  let largest: CompareProportionsResult | undefined;
  let dLow = Infinity;
  let dHigh = -Infinity;
  for (let x1 = a.lower; x1 <= a.upper; x1++) {
    for (let x2 = b.lower; x2 <= b.upper; x2++) {
      const test = compareProportions(x1, a.n, x2, b.n, { level });
      dLow = Math.min(dLow, test.difference);
      dHigh = Math.max(dHigh, test.difference);
      // NaN p (pooled share 0 or 1) is skipped for the p range.
      if (!Number.isNaN(test.p)) {
        if (smallest === undefined || test.p < smallest.p) smallest = test;
        if (largest === undefined || test.p > largest.p) largest = test;
      }
    }
  }
  const result: ComparePublishedProportionsResult = {
    ...base,
    consistent: true,
    difference: { lower: dLow, upper: dHigh },
    p: smallest === undefined ? nan : { lower: smallest.p, upper: (largest as CompareProportionsResult).p },
    extremes: smallest === undefined ? null : { smallest, largest: largest as CompareProportionsResult },
    pairs,
    method: 'published-two-proportion-z',
  };
  if (smallest === undefined) result.reason = 'every consistent pair has a pooled share of 0 or 1: the z test is undefined';
  return result;
}
