/**
 * Double-double sums: a value kept as the unevaluated sum hi + lo of two doubles, with
 * |lo| ≤ ulp(hi)/2, added with error-free transformations (Knuth's TwoSum and Dekker's
 * Fast2Sum), so that a long sum, or a sum merged from parts in any order, is accurate to about
 * 2⁻¹⁰⁶ relative and rounds to the same double almost always. Internal.
 *
 * @see Knuth, TAOCP vol. 2, §4.2.2 (TwoSum); Dekker (1971), Numer. Math. 18 (Fast2Sum);
 *   Joldes, Muller & Popescu (2017), ACM TOMS 44 (the accurate double-double addition, Alg. 6)
 */
import type { SummarySum } from './types';

/** A mutable double-double accumulator. */
export interface Accumulator {
  hi: number;
  lo: number;
}

/** Adds the double `x` to `acc` in place: TwoSum(hi, x), then the low parts, then Fast2Sum. */
export function addDouble(acc: Accumulator, x: number): void {
  const s = acc.hi + x;
  const bb = s - acc.hi;
  const error = acc.hi - (s - bb) + (x - bb);
  const low = error + acc.lo;
  // Fast2Sum: |s| ≥ |low| here, so the rounding error of s + low is exactly recovered.
  const hi = s + low;
  acc.lo = low - (hi - s);
  acc.hi = hi;
}

/** The sum of two double-doubles (accurate addition: TwoSum of both parts, two renormalisations). */
export function addSums(a: SummarySum, b: SummarySum): SummarySum {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s1, e1] = fastTwoSum(s, e + t);
  return fastTwoSum(s1, e1 + f);
}

/** A double-double multiplied by a power of two (exact unless the result leaves the normal range). */
export function scaleSum(a: SummarySum, power: number): SummarySum {
  return [a[0] * power, a[1] * power];
}

/** The accumulator as a `[hi, lo]` pair (normalised; -0 written as 0 so JSON keeps it). */
export function toSum(acc: Accumulator): SummarySum {
  return [acc.hi + 0, acc.lo + 0];
}

function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function fastTwoSum(a: number, b: number): [number, number] {
  const s = a + b;
  return [s, b - (s - a)];
}
