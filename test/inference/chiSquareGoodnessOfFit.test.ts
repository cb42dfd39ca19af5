import { describe, expect, it } from 'vitest';
import { chiSquareGoodnessOfFit } from '../../src/inference/chiSquareGoodnessOfFit';
import { expectClose } from '../helpers/close';
import { frozen, readFixture } from './fixtures';

interface GofFixture {
  cases: {
    id: string;
    call: string;
    input: { observed: number[]; p: number[] };
    expected: { statistic: number; df: number; p: number; expected: number[]; minExpected: number };
  }[];
}
const fixture = readFixture<GofFixture>('inference/chisq-gof.json');
const reference = readFixture<{ cases: { id: string; input: any; expected: any; rtol: number }[] }>(
  'reference-cases.json',
);

describe('chiSquareGoodnessOfFit', () => {
  describe('matches R chisq.test (scripts/fixtures/inference.R)', () => {
    for (const c of fixture.cases) {
      it(`${c.id}: ${c.call}`, () => {
        const result = chiSquareGoodnessOfFit(frozen(c.input.observed), frozen(c.input.p));
        expectClose(result.statistic, c.expected.statistic, 1e-13, 'statistic');
        expect(result.df).toBe(c.expected.df);
        expectClose(result.p, c.expected.p, 1e-12, 'p');
        expectClose(result.minExpected, c.expected.minExpected, 1e-15, 'minExpected');
        result.expected.forEach((e, i) => expectClose(e, c.expected.expected[i]!, 1e-15, `E${i}`));
        expect(result.expectedKind).toBe('shares');
        expect(result.method).toBe('pearson-chi-square');
      });
    }
  });

  it('meets reference case chisq_gof', () => {
    const c = reference.cases.find((k) => k.id === 'chisq_gof')!;
    (c.input as { observed: number[]; p: number[] }[]).forEach((input, i) => {
      const result = chiSquareGoodnessOfFit(input.observed, input.p);
      expectClose(result.statistic, c.expected[i].chi2, c.rtol, 'chi2');
      expect(result.df).toBe(c.expected[i].df);
      expectClose(result.p, c.expected[i].p, c.rtol, 'p');
    });
  });

  it('reads expected values that sum to the observed total as counts', () => {
    const shares = chiSquareGoodnessOfFit([30, 45, 15, 10], [0.25, 0.4, 0.2, 0.15]);
    const counts = chiSquareGoodnessOfFit([30, 45, 15, 10], [25, 40, 20, 15]);
    expect(counts.expectedKind).toBe('counts');
    expect(counts.statistic).toBe(shares.statistic);
    expect(counts.p).toBe(shares.p);
    expect(counts.n).toBe(100);
  });

  it('warns when an expected count is below 5, and not otherwise', () => {
    const sparse = chiSquareGoodnessOfFit([3, 0, 1, 2], [0.25, 0.25, 0.25, 0.25]);
    expect(sparse.warning).toMatch(/^chiSquareGoodnessOfFit: 4 of 4 expected counts are below 5/);
    const ample = chiSquareGoodnessOfFit([990, 5, 3, 2], [0.97, 0.01, 0.01, 0.01]);
    expect(ample.minExpected).toBe(10);
    expect(ample.warning).toBeUndefined();
  });

  it('gives statistic 0 and p = 1 when observed equals expected', () => {
    const result = chiSquareGoodnessOfFit([25, 25, 50], [0.25, 0.25, 0.5]);
    expect(result.statistic).toBe(0);
    expect(result.p).toBe(1);
  });

  it('gives NaN with a reason when every observed count is 0', () => {
    const result = chiSquareGoodnessOfFit([0, 0, 0], [0.2, 0.3, 0.5]);
    expect(result.statistic).toBeNaN();
    expect(result.p).toBeNaN();
    expect(result.reason).toMatch(/no observations/);
  });

  it('keeps a tiny p-value from the upper tail (no 1 − CDF cancellation)', () => {
    // R: chisq.test(c(1000, 0), p = c(0.5, 0.5))$p.value = 1.7958327848007259e-219 (X² = 1000, df = 1);
    // mpmath: erfc(sqrt(500)) = 1.7958327848007262e-219.
    const result = chiSquareGoodnessOfFit([1000, 0], [0.5, 0.5]);
    expect(result.statistic).toBe(1000);
    expectClose(result.p, 1.7958327848007259e-219, 1e-12);
  });

  describe('validation', () => {
    const cases: [string, () => unknown, ErrorConstructor, RegExp][] = [
      ['lengths that differ', () => chiSquareGoodnessOfFit([1, 2, 3], [0.5, 0.5]), RangeError, /one entry per category, got lengths 3 and 2/],
      ['a single category', () => chiSquareGoodnessOfFit([5], [1]), RangeError, /at least 2 categories/],
      ['a negative count', () => chiSquareGoodnessOfFit([5, -1], [0.5, 0.5]), RangeError, /observed\[1\] must be a non-negative integer/],
      ['a non-integer count', () => chiSquareGoodnessOfFit([5, 1.5], [0.5, 0.5]), RangeError, /observed\[1\]/],
      ['an expected value of 0', () => chiSquareGoodnessOfFit([5, 5], [1, 0]), RangeError, /expected\[1\] must be a positive finite/],
      ['a negative expected value', () => chiSquareGoodnessOfFit([5, 5], [1.5, -0.5]), RangeError, /expected\[1\]/],
      [
        'expected values that are neither shares nor counts',
        () => chiSquareGoodnessOfFit([5, 5], [0.3, 0.3]),
        RangeError,
        /sums to 0.6, which fits neither shares \(sum 1\) nor counts \(sum of observed = 10\)/,
      ],
      ['a non-array', () => chiSquareGoodnessOfFit(null as unknown as number[], [1]), TypeError, /observed must be an array/],
    ];
    for (const [what, call, type, pattern] of cases) {
      it(`throws a ${type.name} starting with "chiSquareGoodnessOfFit:" for ${what}`, () => {
        expect(call).toThrow(type);
        expect(call).toThrow(/^chiSquareGoodnessOfFit: /);
        expect(call).toThrow(pattern);
      });
    }
  });
});
