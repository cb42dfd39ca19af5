import { describe, expect, it } from 'vitest';
import { compareProportions } from '../../src/inference/compareProportions';
import { expectClose } from '../helpers/close';
import { readFixture } from './fixtures';

interface RCompare {
  cases: {
    id: string;
    input: { x1: number; n1: number; x2: number; n2: number };
    expected: { difference: number; xSquared: number; p: number; newcombe: [number, number] };
  }[];
}
interface ExactCompare {
  compare: {
    id: string;
    input: { x1: number; n1: number; x2: number; n2: number };
    expected: { difference: number; z: number; p: number; newcombe: [number, number] };
  }[];
}
const rFixture = readFixture<RCompare>('inference/compare-proportions.json');
const exact = readFixture<ExactCompare>('inference/exact.json');

describe('compareProportions', () => {
  it("reproduces Newcombe's (1998) example: 56/70 vs 48/80 gives 0.2 with 95 % interval 0.0524 to 0.3339", () => {
    const result = compareProportions(56, 70, 48, 80);
    expect(result.difference).toBe(0.2);
    expect(result.ci.lower).toBeCloseTo(0.0524, 4);
    expect(result.ci.upper).toBeCloseTo(0.3339, 4);
    expect(result.ci.method).toBe('newcombe');
    expect(result.method).toBe('two-proportion-z');
  });

  it("reproduces Newcombe's Table II, method 10, to the 4 decimals printed", () => {
    const table: [number, number, number, number, number, number][] = [
      [9, 10, 3, 10, 0.1705, 0.809],
      [6, 7, 2, 7, 0.0582, 0.8062],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [0, 10, 0, 10, -0.2775, 0.2775],
      [10, 10, 0, 20, 0.6791, 1],
      [10, 10, 0, 10, 0.6075, 1],
    ];
    for (const [x1, n1, x2, n2, lower, upper] of table) {
      const { ci } = compareProportions(x1, n1, x2, n2);
      expect(Math.abs(ci.lower - lower)).toBeLessThanOrEqual(5e-5);
      expect(Math.abs(ci.upper - upper)).toBeLessThanOrEqual(5e-5);
    }
  });

  describe('matches R prop.test(c(x1, x2), c(n1, n2), correct = FALSE) (scripts/fixtures/inference.R)', () => {
    for (const c of rFixture.cases) {
      it(`${c.id}: z² is X-squared and the p-values agree`, () => {
        const { x1, n1, x2, n2 } = c.input;
        const result = compareProportions(x1, n1, x2, n2);
        expectClose(result.z * result.z, c.expected.xSquared, 1e-12, 'z²');
        expectClose(result.p, c.expected.p, 1e-12, 'p');
        expectClose(result.difference, c.expected.difference, 1e-15, 'difference');
        // R's Wilson bounds lose digits for rare events (1 of 10⁶), so 1e-9 against R here;
        // the exact values below are met at 1e-13.
        expectClose(result.ci.lower, c.expected.newcombe[0], 1e-9, 'lower');
        expectClose(result.ci.upper, c.expected.newcombe[1], 1e-9, 'upper');
      });
    }
  });

  describe('matches 50-digit values (scripts/fixtures/inference.py, mpmath)', () => {
    for (const c of exact.compare) {
      it(`${c.id}`, () => {
        const { x1, n1, x2, n2 } = c.input;
        const result = compareProportions(x1, n1, x2, n2);
        expectClose(result.difference, c.expected.difference, 1e-15, 'difference');
        expectClose(result.z, c.expected.z, 1e-13, 'z');
        expectClose(result.p, c.expected.p, 1e-13, 'p');
        expectClose(result.ci.lower, c.expected.newcombe[0], 1e-13, 'lower');
        expectClose(result.ci.upper, c.expected.newcombe[1], 1e-13, 'upper');
      });
    }
  });

  it('gives NaN z and p with a reason, but an interval, when the pooled proportion is 0', () => {
    const result = compareProportions(0, 10, 0, 20);
    expect(result.z).toBeNaN();
    expect(result.p).toBeNaN();
    expect(result.reason).toMatch(/pooled proportion is 0 or 1/);
    expect(result.difference).toBe(0);
    expectClose(result.ci.upper, 0.2775327998628892, 1e-13);
  });

  it('gives NaN everywhere with a reason when a sample is empty', () => {
    const result = compareProportions(0, 0, 3, 10);
    expect(result.difference).toBeNaN();
    expect(result.ci.lower).toBeNaN();
    expect(result.estimate2).toBe(0.3);
    expect(result.reason).toMatch(/empty/);
  });

  it('keeps the interval inside [−1, 1] at the extremes', () => {
    const result = compareProportions(10, 10, 0, 10);
    expect(result.ci.upper).toBeLessThanOrEqual(1);
    const reverse = compareProportions(0, 10, 10, 10);
    expect(reverse.ci.lower).toBeGreaterThanOrEqual(-1);
    expectClose(reverse.ci.lower, -result.ci.upper, 1e-15);
    expectClose(reverse.ci.upper, -result.ci.lower, 1e-15);
  });

  it('computes the difference exactly from the counts (20/70 − 10/70 = 1/7)', () => {
    expect(compareProportions(20, 70, 10, 70).difference).toBe(1 / 7);
  });

  it('widens with the level', () => {
    const a = compareProportions(20, 70, 10, 70, { level: 0.9 });
    const b = compareProportions(20, 70, 10, 70, { level: 0.99 });
    expect(b.ci.lower).toBeLessThan(a.ci.lower);
    expect(b.ci.upper).toBeGreaterThan(a.ci.upper);
    expect(b.ci.level).toBe(0.99);
  });

  describe('validation', () => {
    const cases: [string, () => unknown, RegExp][] = [
      ['a negative count', () => compareProportions(-1, 10, 1, 10), /x1 must be a non-negative integer/],
      ['a non-integer n2', () => compareProportions(1, 10, 1, 10.5), /n2 must be/],
      ['x1 above n1', () => compareProportions(11, 10, 1, 10), /x1 \(11\) must not exceed n1 \(10\)/],
      ['x2 above n2', () => compareProportions(1, 10, 11, 10), /x2 \(11\) must not exceed n2 \(10\)/],
      ['a level outside (0, 1)', () => compareProportions(1, 10, 1, 10, { level: 1 }), /level/],
    ];
    for (const [what, call, pattern] of cases) {
      it(`throws a RangeError starting with "compareProportions:" for ${what}`, () => {
        expect(call).toThrow(RangeError);
        expect(call).toThrow(/^compareProportions: /);
        expect(call).toThrow(pattern);
      });
    }
  });
});
