import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/inference/meanInterval';
import { expectClose } from '../helpers/close';
import { frozen, readFixture } from './fixtures';

interface MeanFixture {
  cases: {
    id: string;
    call: string;
    input: { values: number[]; level: number };
    expected: { mean: number; sd: number; se: number; df: number; ci: [number, number] };
  }[];
}
const fixture = readFixture<MeanFixture>('inference/mean-interval.json');
const reference = readFixture<{ cases: { id: string; input: any; expected: any; rtol: number }[] }>(
  'reference-cases.json',
);

describe('meanInterval', () => {
  describe('matches R t.test (scripts/fixtures/inference.R)', () => {
    for (const c of fixture.cases) {
      it(`${c.id}: ${c.call}`, () => {
        const result = meanInterval(frozen(c.input.values), { level: c.input.level });
        expectClose(result.mean, c.expected.mean, 1e-15, 'mean');
        expectClose(result.sd, c.expected.sd, 1e-13, 'sd');
        expectClose(result.se, c.expected.se, 1e-13, 'se');
        expect(result.df).toBe(c.expected.df);
        expectClose(result.lower, c.expected.ci[0], 1e-13, 'lower');
        expectClose(result.upper, c.expected.ci[1], 1e-13, 'upper');
        expect(result.method).toBe('t');
      });
    }
  });

  it('meets reference case t_ci_mean_likert', () => {
    const c = reference.cases.find((k) => k.id === 't_ci_mean_likert')!;
    const result = meanInterval(c.input.values);
    expectClose(result.mean, c.expected.mean, c.rtol, 'mean');
    expectClose(result.sd, c.expected.sd, c.rtol, 'sd');
    expectClose(result.lower, c.expected.ci95[0], c.rtol, 'lower');
    expectClose(result.upper, c.expected.ci95[1], c.rtol, 'upper');
  });

  it('accepts a summary { mean, sd, n } and gives the same interval as the raw values', () => {
    const values = [1, 2, 2, 3, 3, 3, 4, 4, 2, 3];
    const raw = meanInterval(values);
    const summary = meanInterval({ mean: raw.mean, sd: raw.sd, n: raw.n });
    expect(summary).toEqual(raw);
  });

  it('uses the normal quantile with distribution "normal"', () => {
    // R: 2.7 + c(-1, 1) * qnorm(0.975) * sd(v) / sqrt(10)
    const result = meanInterval([1, 2, 2, 3, 3, 3, 4, 4, 2, 3], { distribution: 'normal' });
    expect(result.method).toBe('normal');
    expectClose(result.lower, 2.7 - 1.959963984540054 * 0.3, 1e-14);
    expectClose(result.upper, 2.7 + 1.959963984540054 * 0.3, 1e-14);
  });

  it('multiplies the variance of the mean by (1 − n/N) with a population size', () => {
    const plain = meanInterval({ mean: 3, sd: 1, n: 70 });
    const corrected = meanInterval({ mean: 3, sd: 1, n: 70 }, { populationSize: 98 });
    expectClose(corrected.se, plain.se * Math.sqrt(1 - 70 / 98), 1e-15);
    expectClose(corrected.upper - corrected.mean, (plain.upper - plain.mean) * Math.sqrt(28 / 98), 1e-14);
    expect(corrected.populationSize).toBe(98);
  });

  it('gives the zero-width interval for a census (n = N)', () => {
    const result = meanInterval([1, 2, 3, 4], { populationSize: 4 });
    expect([result.lower, result.upper]).toEqual([2.5, 2.5]);
  });

  it('keeps the digits of values with a large offset (1e9 + small)', () => {
    const result = meanInterval([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3, 1e9 + 0.4, 1e9 + 0.6]);
    // Exact mean and sd of these doubles (Python fractions + mpmath): 1000000000.32 and
    // 0.19235383379958187; a one-pass Σx² − n·x̄² formula gets no digit of the sd right here.
    expectClose(result.mean, 1000000000.32, 1e-16);
    expectClose(result.sd, 0.19235383379958187, 1e-13);
  });

  it('gives NaN sd and bounds with a reason for n = 1', () => {
    const result = meanInterval([3]);
    expect(result.mean).toBe(3);
    expect(result.sd).toBeNaN();
    expect(result.lower).toBeNaN();
    expect(result.upper).toBeNaN();
    expect(result.reason).toMatch(/fewer than 2 observations/);
  });

  it('gives NaN everywhere with a reason for no values', () => {
    const result = meanInterval([]);
    expect(result.n).toBe(0);
    expect(result.mean).toBeNaN();
    expect(result.lower).toBeNaN();
    expect(result.reason).toBe('no observations');
  });

  it('gives a zero-width interval for constant values', () => {
    const result = meanInterval([2, 2, 2, 2]);
    expect([result.sd, result.lower, result.upper]).toEqual([0, 2, 2]);
  });

  describe('validation', () => {
    const cases: [string, () => unknown, ErrorConstructor, RegExp][] = [
      ['a NaN value', () => meanInterval([1, NaN, 3]), TypeError, /values\[1\] must be a finite number/],
      ['a null value', () => meanInterval([1, null as unknown as number]), TypeError, /values\[1\]/],
      ['an infinite value', () => meanInterval([1, Infinity]), TypeError, /values\[1\]/],
      ['a level outside (0, 1)', () => meanInterval([1, 2], { level: 1.5 }), RangeError, /level/],
      ['a negative sd', () => meanInterval({ mean: 1, sd: -1, n: 3 }), RangeError, /sd must be non-negative/],
      ['a non-integer n', () => meanInterval({ mean: 1, sd: 1, n: 2.5 }), RangeError, /n must be/],
      [
        'an unknown distribution',
        () => meanInterval([1, 2], { distribution: 'z' as 't' }),
        RangeError,
        /unknown distribution "z"/,
      ],
      ['a population smaller than n', () => meanInterval([1, 2, 3], { populationSize: 2 }), RangeError, /populationSize/],
      ['a string input', () => meanInterval('1,2,3' as unknown as number[]), TypeError, /input must be/],
    ];
    for (const [what, call, type, pattern] of cases) {
      it(`throws a ${type.name} starting with "meanInterval:" for ${what}`, () => {
        expect(call).toThrow(type);
        expect(call).toThrow(/^meanInterval: /);
        expect(call).toThrow(pattern);
      });
    }
  });

  describe('properties (fast-check)', () => {
    const sample = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 200 });
    it('contains the mean, and the mean lies within the range of the values', () => {
      fc.assert(
        fc.property(sample, (values) => {
          const { mean, lower, upper } = meanInterval(values);
          expect(lower).toBeLessThanOrEqual(mean);
          expect(upper).toBeGreaterThanOrEqual(mean);
          expect(mean).toBeGreaterThanOrEqual(Math.min(...values));
          expect(mean).toBeLessThanOrEqual(Math.max(...values));
        }),
      );
    });
    it('nests: 90 % ⊂ 95 % ⊂ 99 %', () => {
      fc.assert(
        fc.property(sample, (values) => {
          const [a, b, c] = [0.9, 0.95, 0.99].map((level) => meanInterval(values, { level }));
          expect(b!.lower).toBeLessThanOrEqual(a!.lower);
          expect(c!.lower).toBeLessThanOrEqual(b!.lower);
          expect(b!.upper).toBeGreaterThanOrEqual(a!.upper);
          expect(c!.upper).toBeGreaterThanOrEqual(b!.upper);
        }),
      );
    });
  });
});
