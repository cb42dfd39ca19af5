import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  proportionInterval,
  type ProportionMethod,
} from '../../src/inference/proportionInterval';
import { expectClose } from '../helpers/close';
import { readFixture } from './fixtures';

interface RFixture {
  cases: {
    id: string;
    input: { successes: number; n: number; level: number };
    calls: Record<ProportionMethod, string>;
    expected: Record<Exclude<ProportionMethod, never>, [number, number]>;
  }[];
}
interface ExactFixture {
  proportion: {
    id: string;
    input: { successes: number; n: number; level: number };
    expected: Record<'wilson' | 'wald' | 'agresti-coull', [number, number]>;
  }[];
}
interface ReferenceCases {
  cases: { id: string; input: unknown; expected: unknown; rtol?: number }[];
}

const rFixture = readFixture<RFixture>('inference/proportion-interval.json');
const exact = readFixture<ExactFixture>('inference/exact.json');
const reference = readFixture<ReferenceCases>('reference-cases.json');
const referenceCase = (id: string) => {
  const found = reference.cases.find((c) => c.id === id);
  if (!found) throw new Error(`reference case ${id} missing`);
  return found;
};

const METHODS: ProportionMethod[] = ['wald', 'wilson', 'agresti-coull', 'clopper-pearson', 'jeffreys'];

describe('proportionInterval', () => {
  describe('matches R (scripts/fixtures/inference.R)', () => {
    // binom.test and qbeta are accurate to ~1e-15 in R; R's prop.test evaluates the Wilson
    // lower bound as a difference, which loses digits for rare events, so Wilson, Wald and
    // Agresti-Coull are checked against 50-digit mpmath values below and against R at 1e-9.
    for (const c of rFixture.cases) {
      const { successes, n, level } = c.input;
      for (const method of ['clopper-pearson', 'jeffreys'] as const) {
        it(`${method} ${c.id} agrees with ${c.calls[method].slice(0, 60)} to 1e-12`, () => {
          const result = proportionInterval(successes, n, { method, level });
          expectClose(result.lower, c.expected[method][0], 1e-12, 'lower');
          expectClose(result.upper, c.expected[method][1], 1e-12, 'upper');
        });
      }
      for (const method of ['wilson', 'wald', 'agresti-coull'] as const) {
        it(`${method} ${c.id} agrees with R's double-precision formula to 1e-9`, () => {
          const result = proportionInterval(successes, n, { method, level });
          expectClose(result.lower, c.expected[method][0], 1e-9, 'lower');
          expectClose(result.upper, c.expected[method][1], 1e-9, 'upper');
        });
      }
    }
  });

  describe('matches 50-digit values (scripts/fixtures/inference.py, mpmath)', () => {
    for (const c of exact.proportion) {
      const { successes, n, level } = c.input;
      for (const method of ['wilson', 'wald', 'agresti-coull'] as const) {
        it(`${method} ${c.id} is within 1e-13 of the exact interval`, () => {
          const result = proportionInterval(successes, n, { method, level });
          expectClose(result.lower, c.expected[method][0], 1e-13, 'lower');
          expectClose(result.upper, c.expected[method][1], 1e-13, 'upper');
        });
      }
    }
  });

  describe('reference cases (test/fixtures/reference-cases.json)', () => {
    it('wilson_ci: Wilson intervals without continuity correction', () => {
      const c = referenceCase('wilson_ci');
      const inputs = c.input as { x: number; n: number }[];
      const expected = c.expected as [number, number][];
      inputs.forEach(({ x, n }, i) => {
        const result = proportionInterval(x, n, { method: 'wilson' });
        expectClose(result.lower, expected[i]![0], c.rtol!, `lower ${x}/${n}`);
        expectClose(result.upper, expected[i]![1], c.rtol!, `upper ${x}/${n}`);
      });
    });

    it('clopper_pearson_ci: exact intervals, including 1 success in 1e7', () => {
      const c = referenceCase('clopper_pearson_ci');
      const inputs = c.input as { x: number; n: number }[];
      const expected = c.expected as [number, number][];
      inputs.forEach(({ x, n }, i) => {
        const result = proportionInterval(x, n, { method: 'clopper-pearson' });
        expectClose(result.lower, expected[i]![0], c.rtol!, `lower ${x}/${n}`);
        expectClose(result.upper, expected[i]![1], c.rtol!, `upper ${x}/${n}`);
      });
    });

    it('wald_fpc: the finite population correction scales the Wald half-width by sqrt((N-n)/(N-1))', () => {
      const c = referenceCase('wald_fpc');
      const { p, n, N } = c.input as { p: number; n: number; N: number };
      const e = c.expected as { ci_no_fpc: [number, number]; ci_fpc: [number, number] };
      const successes = Math.round(p * n);
      const plain = proportionInterval(successes, n, { method: 'wald' });
      expectClose(plain.lower, e.ci_no_fpc[0], c.rtol!, 'lower without fpc');
      expectClose(plain.upper, e.ci_no_fpc[1], c.rtol!, 'upper without fpc');
      const corrected = proportionInterval(successes, n, { method: 'wald', populationSize: N });
      expectClose(corrected.lower, e.ci_fpc[0], c.rtol!, 'lower with fpc');
      expectClose(corrected.upper, e.ci_fpc[1], c.rtol!, 'upper with fpc');
      expect(corrected.populationSize).toBe(N);
    });
  });

  describe('the 2024 representativeness table', () => {
    const halfUpPercent = (share: number) => Math.floor(share * 100 + 0.5);
    it('prints Hovedstaden, 20 of 70, as 18 %–39 % with Wald', () => {
      const { lower, upper } = proportionInterval(20, 70, { method: 'wald' });
      expect([halfUpPercent(lower), halfUpPercent(upper)]).toEqual([18, 39]);
    });
    it('prints Nordjylland, 10 of 70, as 6 %–22 % with Wald', () => {
      const { lower, upper } = proportionInterval(10, 70, { method: 'wald' });
      expect([halfUpPercent(lower), halfUpPercent(upper)]).toEqual([6, 22]);
    });
  });

  describe('edge cases', () => {
    it('defaults to a 95 % Wilson interval', () => {
      const result = proportionInterval(45, 100);
      expect(result.method).toBe('wilson');
      expect(result.level).toBe(0.95);
      expectClose(result.lower, 0.35614537979511984, 1e-14);
    });

    it('gives NaN bounds and a reason when n is 0', () => {
      for (const method of METHODS) {
        const result = proportionInterval(0, 0, { method });
        expect(result.lower).toBeNaN();
        expect(result.upper).toBeNaN();
        expect(result.estimate).toBeNaN();
        expect(result.reason).toMatch(/n is 0/);
        expect(JSON.parse(JSON.stringify(result)).n).toBe(0);
      }
    });

    it('gives exactly 0 as the lower bound at 0 successes for Clopper-Pearson and Jeffreys', () => {
      for (const method of ['clopper-pearson', 'jeffreys'] as const) {
        for (const n of [1, 2, 20, 1e7]) {
          expect(proportionInterval(0, n, { method }).lower).toBe(0);
        }
      }
    });

    it('gives exactly 1 as the upper bound at n successes for Clopper-Pearson and Jeffreys', () => {
      for (const method of ['clopper-pearson', 'jeffreys'] as const) {
        for (const n of [1, 2, 20, 1e7]) {
          expect(proportionInterval(n, n, { method }).upper).toBe(1);
        }
      }
    });

    it('keeps every bound inside [0, 1] at 0 and n successes for every method', () => {
      for (const method of METHODS) {
        for (const [x, n] of [
          [0, 27],
          [16, 16],
          [0, 1],
          [1, 1],
        ] as const) {
          const { lower, upper } = proportionInterval(x, n, { method });
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(upper).toBeLessThanOrEqual(1);
          expect(lower).toBeLessThanOrEqual(upper);
        }
      }
    });

    it('gives Wald the zero-width interval [0, 0] at 0 successes', () => {
      const { lower, upper } = proportionInterval(0, 10, { method: 'wald' });
      expect([lower, upper]).toEqual([0, 0]);
    });

    it('handles n = 1 for every method', () => {
      // R: binom.test(1, 1)$conf.int = 0.025 1; binom.test(0, 1)$conf.int = 0 0.975
      expectClose(proportionInterval(1, 1, { method: 'clopper-pearson' }).lower, 0.025, 1e-14);
      expectClose(proportionInterval(0, 1, { method: 'clopper-pearson' }).upper, 0.975, 1e-14);
      for (const method of METHODS) {
        const result = proportionInterval(1, 1, { method });
        expect(result.estimate).toBe(1);
        expect(result.upper).toBe(1);
      }
    });

    it('keeps full relative precision for 1 success in 10^7 (Wilson lower bound 1.7652455711617434e-8)', () => {
      const { lower, upper } = proportionInterval(1, 1e7, { method: 'wilson' });
      expectClose(lower, 1.7652455711617434e-8, 1e-14);
      expectClose(upper, 5.664932019606461e-7, 1e-14);
    });

    it('mirrors exactly: the interval for n − x is 1 minus the interval for x', () => {
      for (const method of ['wilson', 'wald', 'clopper-pearson', 'jeffreys'] as const) {
        const a = proportionInterval(3, 17, { method });
        const b = proportionInterval(14, 17, { method });
        expectClose(b.lower, 1 - a.upper, 1e-14, method);
        expectClose(b.upper, 1 - a.lower, 1e-14, method);
      }
    });

    it('collapses to [p̂, p̂] for a census (n = populationSize)', () => {
      for (const method of METHODS) {
        const result = proportionInterval(20, 98, { method, populationSize: 98 });
        expect([result.lower, result.upper]).toEqual([20 / 98, 20 / 98]);
      }
    });

    it('narrows every method under a finite population correction and ignores populationSize = Infinity', () => {
      for (const method of METHODS) {
        const plain = proportionInterval(20, 70, { method });
        const corrected = proportionInterval(20, 70, { method, populationSize: 98 });
        expect(corrected.upper - corrected.lower).toBeLessThan(plain.upper - plain.lower);
        const infinite = proportionInterval(20, 70, { method, populationSize: Infinity });
        expect([infinite.lower, infinite.upper]).toEqual([plain.lower, plain.upper]);
      }
    });

    it('applies the correction as an effective sample size n·(N − 1)/(N − n) for Wilson', () => {
      // n* = 70·97/28 = 242.5, x* = (20/70)·n* = 69.2857…; Wilson for (x*, n*) by its formula.
      const nStar = (70 * 97) / 28;
      const xStar = (20 / 70) * nStar;
      const z = 1.959963984540054;
      const center = (xStar + (z * z) / 2) / (nStar + z * z);
      const half = (z / (nStar + z * z)) * Math.sqrt((xStar * (nStar - xStar)) / nStar + (z * z) / 4);
      const result = proportionInterval(20, 70, { method: 'wilson', populationSize: 98 });
      expectClose(result.lower, center - half, 1e-13);
      expectClose(result.upper, center + half, 1e-13);
    });

    it('returns plain JSON-serialisable data', () => {
      const result = proportionInterval(3, 7, { method: 'jeffreys', level: 0.9 });
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });
  });

  describe('validation', () => {
    const cases: [string, () => unknown, RegExp][] = [
      ['a negative count', () => proportionInterval(-1, 10), /successes must be a non-negative integer/],
      ['a non-integer count', () => proportionInterval(1.5, 10), /successes/],
      ['a non-integer n', () => proportionInterval(1, 10.5), /n must be a non-negative integer/],
      ['successes above n', () => proportionInterval(11, 10), /must not exceed n/],
      ['a level of 1', () => proportionInterval(1, 10, { level: 1 }), /level must be a number strictly between 0 and 1/],
      ['a level of 0', () => proportionInterval(1, 10, { level: 0 }), /level/],
      ['a level of 95', () => proportionInterval(1, 10, { level: 95 }), /level/],
      [
        'an unknown method',
        () => proportionInterval(1, 10, { method: 'exact' as ProportionMethod }),
        /unknown method "exact"/,
      ],
      [
        'a population smaller than the sample',
        () => proportionInterval(1, 10, { populationSize: 9 }),
        /populationSize must be an integer >= the sample size 10/,
      ],
    ];
    for (const [what, call, pattern] of cases) {
      it(`throws a RangeError starting with "proportionInterval:" for ${what}`, () => {
        expect(call).toThrow(RangeError);
        expect(call).toThrow(/^proportionInterval: /);
        expect(call).toThrow(pattern);
      });
    }
  });

  describe('properties (fast-check)', () => {
    const countPair = fc
      .integer({ min: 1, max: 5000 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    const method = fc.constantFrom(...METHODS);

    it('contains its estimate and stays inside [0, 1] for every method', () => {
      fc.assert(
        fc.property(countPair, method, fc.constantFrom(0.8, 0.9, 0.95, 0.99), ([x, n], m, level) => {
          const { lower, upper, estimate } = proportionInterval(x, n, { method: m, level });
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(upper).toBeLessThanOrEqual(1);
          expect(lower).toBeLessThanOrEqual(estimate);
          expect(upper).toBeGreaterThanOrEqual(estimate);
        }),
      );
    });

    it('nests: 90 % ⊂ 95 % ⊂ 99 % for every method', () => {
      fc.assert(
        fc.property(countPair, method, ([x, n], m) => {
          const [a, b, c] = [0.9, 0.95, 0.99].map((level) =>
            proportionInterval(x, n, { method: m, level }),
          ) as [ReturnType<typeof proportionInterval>, ReturnType<typeof proportionInterval>, ReturnType<typeof proportionInterval>];
          expect(b.lower).toBeLessThanOrEqual(a.lower);
          expect(c.lower).toBeLessThanOrEqual(b.lower);
          expect(b.upper).toBeGreaterThanOrEqual(a.upper);
          expect(c.upper).toBeGreaterThanOrEqual(b.upper);
        }),
      );
    });

    it('contains its estimate under a finite population correction', () => {
      fc.assert(
        fc.property(countPair, method, fc.integer({ min: 0, max: 10000 }), ([x, n], m, extra) => {
          const { lower, upper, estimate } = proportionInterval(x, n, {
            method: m,
            populationSize: n + extra,
          });
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(upper).toBeLessThanOrEqual(1);
          expect(lower).toBeLessThanOrEqual(estimate);
          expect(upper).toBeGreaterThanOrEqual(estimate);
        }),
      );
    });
  });
});
