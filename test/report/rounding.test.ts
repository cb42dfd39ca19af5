import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder, roundHalfUp, roundPercent } from '../../src/report/rounding';

describe('roundPercent', () => {
  // The 2024/25 report prints 2/16 = 12.5 % as 13 %.
  it('rounds an exact half up: 2/16 prints as 13', () => {
    expect(roundPercent(2 / 16)).toBe(13);
  });

  it('rounds 0.285 to 29 although 0.285 * 100 is 28.499999999999996 in doubles', () => {
    expect(0.285 * 100).toBe(28.499999999999996);
    expect(roundPercent(0.285)).toBe(29);
  });

  it('reproduces the 2024 report intervals from unrounded Wald bounds (Hovedstaden 20 of 70)', () => {
    // p ± 1.96·sqrt(p(1−p)/n) with p = 20/70, n = 70: 0.1802… and 0.3911… → 18 % and 39 %.
    const p = 20 / 70;
    const half = 1.96 * Math.sqrt((p * (1 - p)) / 70);
    expect([roundPercent(p - half), roundPercent(p + half)]).toEqual([18, 39]);
  });

  it('keeps decimals when asked', () => {
    expect(roundPercent(1 / 3, 1)).toBe(33.3);
    expect(roundPercent(0.12345, 2)).toBe(12.35);
  });

  it('returns NaN for NaN', () => {
    expect(roundPercent(NaN)).toBeNaN();
  });

  it('rejects digits outside 0-10 with a message naming the function', () => {
    expect(() => roundPercent(0.5, -1)).toThrow(/^roundPercent: digits/);
    expect(() => roundPercent(0.5, 1.5)).toThrow(RangeError);
  });

  it('rejects a value that is not a number', () => {
    expect(() => roundPercent('0.5' as unknown as number)).toThrow(/^roundPercent: share must be a number/);
  });
});

describe('roundHalfUp', () => {
  it('rounds halves away from zero', () => {
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(0.5)).toBe(1);
  });

  it('rounds 1.005 to 1.01 although 1.005 is 1.00499999999999989… in binary', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
  });

  it('leaves values below a half down', () => {
    expect(roundHalfUp(2.4999)).toBe(2);
    expect(roundHalfUp(-2.4999)).toBe(-2);
  });

  it('passes infinities and NaN through', () => {
    expect(roundHalfUp(Infinity)).toBe(Infinity);
    expect(roundHalfUp(NaN)).toBeNaN();
  });

  it('rejects non-numbers and bad digits', () => {
    expect(() => roundHalfUp(null as unknown as number)).toThrow(/^roundHalfUp: value/);
    expect(() => roundHalfUp(1, 11)).toThrow(/^roundHalfUp: digits/);
  });

  it('is never more than half a unit from the input (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const r = roundHalfUp(x, d);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -d * (1 + 1e-9) + 1e-9 * Math.abs(x));
      }),
    );
  });
});

describe('largestRemainder', () => {
  it('makes three equal thirds sum to 100, giving the spare unit to the first', () => {
    expect(largestRemainder([1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('gives the spare units to the largest remainders', () => {
    // quotas 12.5, 43.75, 43.75 → floors 12, 43, 43 → the two .75 remainders get the 2 units
    expect(largestRemainder([0.125, 0.4375, 0.4375])).toEqual([12, 44, 44]);
  });

  it('accepts counts as well as shares', () => {
    expect(largestRemainder([20, 11, 16, 13, 10])).toEqual([29, 16, 23, 18, 14]);
  });

  it('honours total and digits', () => {
    expect(largestRemainder([1, 2], { total: 1, digits: 2 })).toEqual([0.33, 0.67]);
  });

  it('returns an empty row for an empty input and NaN for an all-zero row', () => {
    expect(largestRemainder([])).toEqual([]);
    expect(largestRemainder([0, 0])).toEqual([NaN, NaN]);
  });

  it('rejects negative or non-finite values with their position', () => {
    expect(() => largestRemainder([1, -1])).toThrow(/position 1/);
    expect(() => largestRemainder([NaN])).toThrow(/^largestRemainder:/);
    expect(() => largestRemainder([1], { total: 0 })).toThrow(RangeError);
  });

  it('always sums to exactly the total and moves each value less than one unit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 }), (counts) => {
        fc.pre(counts.some((c) => c > 0));
        const rounded = largestRemainder(counts);
        expect(rounded.reduce((a, b) => a + b, 0)).toBe(100);
        const sum = counts.reduce((a, b) => a + b, 0);
        rounded.forEach((r, i) => expect(Math.abs(r - (counts[i]! / sum) * 100)).toBeLessThan(1 + 1e-9));
      }),
    );
  });
});

describe('roundHalfUp on large values', () => {
  it('returns values that are already whole at the requested scale unchanged, keeping every digit', () => {
    expect(roundHalfUp(123456789012345678, 2)).toBe(123456789012345678);
    expect(roundHalfUp(2 ** 53 + 2)).toBe(2 ** 53 + 2);
    expect(roundHalfUp(-(2 ** 60))).toBe(-(2 ** 60));
  });

  it('still rounds values just below 2^52', () => {
    expect(roundHalfUp(1e15 + 0.5)).toBe(1e15 + 1);
  });
});
