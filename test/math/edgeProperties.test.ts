import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  inverseRegularizedBeta,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  studentTCdf,
  studentTQuantile,
} from '../../src/math';

/**
 * Invariants of the special functions in the regions of issue 11 "Exactness at the edges":
 * the normal quantile within 1e-8 … 1e-16 of ½, Student t with df in (0, 2) out to |t| = 1e300,
 * and the incomplete beta function and its inverse for a shape parameter in 1e-6 … 0.005.
 * The pointwise values against mpmath are in test/fixtures/math/edges.json
 * (scripts/fixtures/math_edges.py), checked by fixtures.test.ts.
 */

const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.abs(expected);

/** ½ − k·2⁻⁵³ and ½ + k·2⁻⁵³ are both exact doubles, so p and its mirror are representable. */
const nearHalfOffset = fc.integer({ min: 1, max: 2 ** 30 }).map((k) => k * 2 ** -53);

describe('normalQuantile near ½', () => {
  it('is odd about ½: the quantile of ½ − d is minus that of ½ + d', () => {
    fc.assert(
      fc.property(nearHalfOffset, (d) => {
        expect(normalQuantile(0.5 - d)).toBe(-normalQuantile(0.5 + d));
      }),
    );
  });

  it('is inverted by normalCdf to 2e-16 relative in the probability', () => {
    fc.assert(
      fc.property(nearHalfOffset, fc.boolean(), (d, lowerTail) => {
        const p = 0.5 - d;
        const x = normalQuantile(p, lowerTail);
        expect(relativeError(normalCdf(x, lowerTail), p)).toBeLessThanOrEqual(2.3e-16);
      }),
    );
  });

  it('matches the first terms of its Taylor series √(2π)·(p − ½)·(1 + π(p − ½)²/3) for |p − ½| < 1e-5', () => {
    // Φ⁻¹(½ + d) = √(2π)·d·(1 + (π/3)d² + O(d⁴)); the O(d⁴) term is below 1e-20 relative here.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 36 }), (k) => {
        const d = k * 2 ** -53;
        const series = Math.sqrt(2 * Math.PI) * d * (1 + (Math.PI / 3) * d * d);
        expect(relativeError(normalQuantile(0.5 + d), series)).toBeLessThanOrEqual(1e-15);
      }),
    );
  });

  it('increases with p across ½', () => {
    fc.assert(
      fc.property(nearHalfOffset, nearHalfOffset, (d1, d2) => {
        const [low, high] = d1 < d2 ? [0.5 - d2, 0.5 - d1] : [0.5 - d1, 0.5 - d2];
        expect(normalQuantile(low)).toBeLessThanOrEqual(normalQuantile(high));
        expect(normalQuantile(high)).toBeLessThan(0);
      }),
    );
  });
});

const smallDf = fc.double({ min: 0.05, max: 1.99, noNaN: true });
const farT = fc.double({ min: 1, max: 300, noNaN: true }).map((e) => 10 ** e);

describe('Student t with df below 2 in the far tails', () => {
  it('is the Cauchy tail atan(1/t)/π at df = 1, out to t = 1e300', () => {
    fc.assert(
      fc.property(farT, (t) => {
        const exact = Math.atan(1 / t) / Math.PI;
        expect(relativeError(studentTCdf(t, 1, false), exact)).toBeLessThanOrEqual(1e-14);
        expect(relativeError(studentTCdf(-t, 1), exact)).toBeLessThanOrEqual(1e-14);
      }),
    );
  });

  it('has the Cauchy quantile tan(π(p − ½)) near the median, as π·d·(1 + π²d²/3) for d = p − ½ below 1e-6', () => {
    // tan(πd) = πd·(1 + (πd)²/3 + O(d⁴)); the O(d⁴) term is below 1e-23 relative here.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 33 }), (k) => {
        const d = k * 2 ** -53;
        const series = Math.PI * d * (1 + (Math.PI * Math.PI * d * d) / 3);
        expect(relativeError(studentTQuantile(0.5 + d, 1), series)).toBeLessThanOrEqual(1e-15);
      }),
    );
  });

  it('has a tail that decreases in |t| and stays positive while it is above 1e-300', () => {
    fc.assert(
      fc.property(smallDf, farT, farT, (df, t1, t2) => {
        const [near, far] = t1 < t2 ? [t1, t2] : [t2, t1];
        const nearTail = studentTCdf(near, df, false);
        const farTail = studentTCdf(far, df, false);
        expect(farTail).toBeLessThanOrEqual(nearTail);
        if (df * Math.log10(far) < 299) expect(farTail).toBeGreaterThan(0);
      }),
    );
  });

  it('is symmetric: the lower tail at −t is the upper tail at t', () => {
    fc.assert(
      fc.property(smallDf, farT, (df, t) => {
        expect(studentTCdf(-t, df)).toBe(studentTCdf(t, df, false));
      }),
    );
  });

  it('inverts a tail whose root lies beyond 1.3e154, where the product of the bracket overflows', () => {
    // Found by fast-check: Newton left the bracket [1.35e155, 1.35e155], and its geometric mean,
    // formed as √(low · high), overflowed to Infinity.
    const t = 1.3501753972871406e155;
    const tail = studentTCdf(t, 0.05, false);
    expect(relativeError(studentTQuantile(tail, 0.05, false), t)).toBeLessThanOrEqual(1e-12);
  });

  it('has a finite quantile that inverts the tail to 1e-12 wherever the tail is above 1e-300', () => {
    fc.assert(
      fc.property(smallDf, farT, (df, t) => {
        const tail = studentTCdf(t, df, false);
        if (!(tail > 1e-300)) return;
        const back = studentTQuantile(tail, df, false);
        expect(Number.isFinite(back)).toBe(true);
        expect(relativeError(back, t)).toBeLessThanOrEqual(1e-12);
        expect(studentTQuantile(tail, df)).toBe(-back);
      }),
    );
  });

  it('returns Infinity for a tail probability below that beyond the largest double', () => {
    // df = 0.1: P(T > 1.8e308) ≈ 4e-32, so every smaller tail lies beyond it.
    expect(studentTQuantile(1e-40, 0.1, false)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(1e-40, 0.1)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTCdf(Number.MAX_VALUE, 0.1, false)).toBeGreaterThan(1e-40);
  });
});

const tinyShape = fc.double({ min: 1e-6, max: 0.005, noNaN: true });
const unitInterval = fc.double({ min: 1e-300, max: 0.5, noNaN: true });

describe('the incomplete beta function with a shape parameter near 0', () => {
  it('is xᵃ at b = 1, the upper tail −expm1(a·log x) to 1e-14', () => {
    fc.assert(
      fc.property(tinyShape, unitInterval, (a, x) => {
        const upper = -Math.expm1(a * Math.log(x));
        expect(relativeError(regularizedBeta(x, a, 1, false), upper)).toBeLessThanOrEqual(1e-14);
        expect(relativeError(regularizedBeta(x, a, 1), Math.exp(a * Math.log(x)))).toBeLessThanOrEqual(1e-15);
      }),
    );
  });

  it('has tails that add up to 1 and an upper tail that falls as x grows', () => {
    fc.assert(
      fc.property(tinyShape, fc.double({ min: 1, max: 1e8, noNaN: true }), unitInterval, unitInterval, (a, b, x1, x2) => {
        const [low, high] = x1 < x2 ? [x1, x2] : [x2, x1];
        const lower = regularizedBeta(low, a, b);
        const upper = regularizedBeta(low, a, b, false);
        expect(Math.abs(lower + upper - 1)).toBeLessThanOrEqual(4 * Number.EPSILON);
        // Monotone up to rounding: x one ulp apart may give tails one ulp the wrong way round
        // (found by fast-check: a = 1e-6, b = 6.53, x = 0.49999999999999956 and …967).
        expect(regularizedBeta(high, a, b, false)).toBeLessThanOrEqual(upper * (1 + 1e-14));
      }),
    );
  });

  it('has an inverse that recovers x from its upper tail to 1e-12', () => {
    fc.assert(
      fc.property(tinyShape, fc.double({ min: 1, max: 1e8, noNaN: true }), unitInterval, (a, b, x) => {
        const upper = regularizedBeta(x, a, b, false);
        if (!(upper > 0 && upper < 1)) return;
        expect(relativeError(inverseRegularizedBeta(upper, a, b, false), x)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it('has a quantile of 0 when the root lies below the smallest double', () => {
    // I_x(1e-6, 10) ≈ x^(1e-6): the median is about 0.5^(1e6), far below 5e-324.
    expect(inverseRegularizedBeta(0.5, 1e-6, 10)).toBe(0);
    expect(inverseRegularizedBeta(0.5, 1e-6, 10, false)).toBe(0);
    expect(inverseRegularizedBeta(0.5, 10, 1e-6)).toBe(1);
  });
});
