import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LikertColumn } from '../../src/data/types';
import { pearson } from '../../src/inference/pearson';
import type { Scale } from '../../src/scale/types';
import { EPS, expectClose, relativeError } from '../helpers/close';
import { frozen, readFixture, readNistXY } from './fixtures';

interface PearsonFixture {
  cases: {
    id: string;
    call: string;
    input: { x: number[]; y: number[]; level: number };
    expected: { r: number; t: number; df: number; p: number; ci: [number, number] };
  }[];
}
const fixture = readFixture<PearsonFixture>('inference/pearson.json');
const exact = readFixture<{ pearson: { id: string; expected: { r: number; t: number; p: number } }[] }>(
  'inference/exact.json',
);
const reference = readFixture<{ cases: { id: string; input: any; expected: any; rtol: number }[] }>(
  'reference-cases.json',
);
const referenceCase = (id: string) => reference.cases.find((c) => c.id === id)!;

/**
 * Condition numbers: a relative error δ in r becomes about δ/(1 − r²) in t and
 * df·r²/(1 − r²)·δ in p (from p ≈ (1 − r²)^{df/2}). For r near ±1 (NIST Norris, r = 0.999997)
 * one ulp of r moves t by ~1e-11 and p by ~1e-9, so R and likertkit, each correct to an ulp of r,
 * can only be compared to that tolerance there.
 */
function tConditioning(r: number): number {
  return 1 / ((1 - r) * (1 + r));
}
function pConditioning(r: number, df: number): number {
  return Math.max(1, (df * r * r) / ((1 - r) * (1 + r)));
}

/** A 4-level scale coded 1–4 with one non-substantive answer, built by hand for the tests. */
function scale4(codes: number[] = [1, 2, 3, 4]): Scale {
  const levels = ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'];
  const categories = [...levels, 'Ved ikke'];
  return {
    id: 'test4',
    levels,
    codes,
    agree: levels.slice(2),
    disagree: levels.slice(0, 2),
    neutral: null,
    nonSubstantive: ['Ved ikke'],
    aliases: {},
    categories,
    lookup: Object.fromEntries(categories.map((c, i) => [c.toLowerCase(), i])),
    reversed: false,
  };
}

/** A LikertColumn from category indices (-1 missing, -2 invalid, 4 "Ved ikke"). */
function column(indices: number[], scale: Scale = scale4()): LikertColumn {
  const codes = Int8Array.from(indices);
  const count = (f: (c: number) => boolean) => indices.filter(f).length;
  const substantive = count((c) => c >= 0 && c < 4);
  const nonSubstantive = count((c) => c >= 4);
  const missing = count((c) => c === -1);
  const invalid = count((c) => c === -2);
  return {
    kind: 'likert-column',
    scale,
    codes,
    n: {
      total: indices.length,
      answered: substantive + nonSubstantive,
      substantive,
      missing,
      invalid,
      nonSubstantive,
    },
  };
}

describe('pearson', () => {
  describe('matches R cor.test (scripts/fixtures/inference.R)', () => {
    for (const c of fixture.cases) {
      it(`${c.id} (n = ${c.input.x.length}): ${c.call}`, () => {
        const result = pearson(frozen(c.input.x), frozen(c.input.y), { level: c.input.level });
        // R's cor() is two-pass in long double; r agrees to a few ulp, t and p to 1e-12 or the
        // conditioning limit (see tConditioning and pConditioning).
        const { r, df } = c.expected;
        expectClose(result.r, r, 1e-14, 'r');
        expectClose(result.t, c.expected.t, Math.max(1e-12, tConditioning(r) * 8 * EPS), 't');
        expect(result.df).toBe(df);
        expectClose(result.p, c.expected.p, Math.max(1e-12, pConditioning(r, df) * 8 * EPS), 'p');
        expectClose(result.ci.lower, c.expected.ci[0], 1e-12, 'ci lower');
        expectClose(result.ci.upper, c.expected.ci[1], 1e-12, 'ci upper');
        expect(result.n).toBe(c.input.x.length);
        expect(result.method).toBe('pearson');
        expect(result.ci.method).toBe('fisher-z');
        expect(result.ci.level).toBe(c.input.level);
      });
    }
  });

  describe('matches exact values of r, t and p for the same data (scripts/fixtures/inference.py)', () => {
    // r from rational arithmetic on the double inputs; t and p = I_{1−r²}(df/2, ½) at 50 digits.
    for (const e of exact.pearson) {
      const c = fixture.cases.find((k) => k.id === e.id)!;
      it(`${e.id}: r within 4 ulp, t and p within their conditioning of r`, () => {
        const result = pearson(c.input.x, c.input.y);
        const { r } = e.expected;
        expectClose(result.r, r, 4 * EPS, 'r');
        expectClose(result.t, e.expected.t, Math.max(1e-14, tConditioning(r) * 4 * EPS), 't');
        expectClose(result.p, e.expected.p, Math.max(1e-13, pConditioning(r, result.df) * 4 * EPS), 'p');
      });
    }
  });

  describe('reference cases (test/fixtures/reference-cases.json)', () => {
    for (const id of ['pearson_basic', 'pearson_likert_n10']) {
      it(`${id}: r, t, p and the Fisher-z interval at the stated rtol`, () => {
        const c = referenceCase(id);
        const result = pearson(c.input.x, c.input.y);
        expectClose(result.r, c.expected.r, c.rtol, 'r');
        expectClose(result.t, c.expected.t, Math.max(c.rtol, 1e-14), 't');
        expect(result.df).toBe(c.expected.df);
        expectClose(result.p, c.expected.p, c.rtol, 'p');
        expectClose(result.ci.lower, c.expected.ci95[0], c.rtol, 'lower');
        expectClose(result.ci.upper, c.expected.ci95[1], c.rtol, 'upper');
      });
    }

    it('nist_norris_correlation: meets the NIST StRD certified R² to the precision a double allows', () => {
      const c = referenceCase('nist_norris_correlation');
      const { x, y } = readNistXY('Norris.dat', 61);
      expect(x).toHaveLength(36);
      const result = pearson(x, y);
      expectClose(result.r, c.expected.r_exact_on_doubles, c.rtol, 'r');
      expectClose(result.r, c.expected.r_from_certified_R2, c.rtol, 'r from certified R²');
    });

    it('nist_norris_correlation with x shifted by 1e8: two-pass sums keep r (exact 0.9999968729369705)', () => {
      // reference-cases.json: a naive sum-of-products formula gives 0.9999832558091293 here.
      const { x, y } = readNistXY('Norris.dat', 61);
      const result = pearson(
        x.map((v) => v + 1e8),
        y,
      );
      expectClose(result.r, 0.9999968729369705, 1e-15);
    });

    for (const id of ['pearson_p_extreme_r0.5_n1000', 'pearson_p_extreme_r0.9_n100', 'pearson_p_huge_n']) {
      it(`${id}: the p-value from the tail for r = ${referenceCase(id).input.r}, n = ${referenceCase(id).input.n}`, () => {
        const c = referenceCase(id);
        const { r, n } = c.input as { r: number; n: number };
        // Data with exactly this r are not at hand, so check the p-value path through a
        // two-variable design: x = ±1 alternating and y = r·x + √(1 − r²)·e with e ⟂ x.
        const x: number[] = [];
        const y: number[] = [];
        for (let i = 0; i < n; i++) {
          const xi = i % 2 === 0 ? 1 : -1;
          const ei = Math.floor(i / 2) % 2 === 0 ? 1 : -1;
          x.push(xi);
          y.push(r * xi + Math.sqrt(1 - r * r) * ei);
        }
        const result = pearson(x, y);
        // The design's r differs from the target by the rounding of y (a few ulp).
        const designError = relativeError(result.r, r);
        expect(designError).toBeLessThan(1e-14);
        // p inherits r's error amplified by |d ln p / d ln r| ≈ df·r²/(1 − r²).
        const tolerance = pConditioning(r, n - 2) * (designError + 8 * EPS);
        expectClose(result.p, c.expected.p, Math.max(c.rtol, tolerance), 'p');
      });
    }
  });

  describe('missing values and pairwise deletion', () => {
    it('skips a pair when either value is null, undefined or NaN, and counts the dropped pairs', () => {
      const x = [1, 2, null, 4, 5, undefined, 7, NaN];
      const y = [2, 1, 4, NaN, 5, 6, 8, 9];
      const result = pearson(x, y);
      const complete = pearson([1, 2, 5, 7], [2, 1, 5, 8]);
      expect(result.r).toBe(complete.r);
      expect(result.p).toBe(complete.p);
      expect(result.n).toBe(4);
      expect(result.nExcluded).toBe(4);
    });

    it('reads LikertColumns through scale.codes and drops non-substantive, missing and invalid codes', () => {
      const x = column([0, 1, 2, 3, 4, -1, 2, 3, -2, 1]);
      const y = column([1, 1, 3, 2, 0, 2, -1, 3, 1, 0]);
      // Pairs kept: indices 0, 1, 2, 3, 7, 9 → x codes 1 2 3 4 4 2, y codes 2 2 4 3 4 1.
      const expected = pearson([1, 2, 3, 4, 4, 2], [2, 2, 4, 3, 4, 1]);
      const result = pearson(x, y);
      expect(result.r).toBe(expected.r);
      expect(result.n).toBe(6);
      expect(result.nExcluded).toBe(4);
    });

    it('accepts a LikertColumn mixed with plain numbers', () => {
      const x = column([0, 1, 2, 3, 3, 2]);
      const y = [10, 12, null, 15, 17, 14];
      expect(pearson(x, y).r).toBe(pearson([1, 2, 4, 4, 3], [10, 12, 15, 17, 14]).r);
    });

    it('uses the scale codes, not the category indices', () => {
      const custom = scale4([0, 10, 20, 100]);
      const x = column([0, 1, 2, 3], custom);
      expect(pearson(x, [1, 2, 3, 5]).r).toBe(pearson([0, 10, 20, 100], [1, 2, 3, 5]).r);
    });
  });

  describe('undefined correlations are data, not errors', () => {
    it('gives NaN with a reason for fewer than 3 complete pairs', () => {
      for (const [x, y] of [
        [[1, 2], [3, 5]],
        [[1], [1]],
        [[1, 2, null], [1, 2, 3]],
      ] as const) {
        const result = pearson(x, y);
        expect(result.r).toBeNaN();
        expect(result.t).toBeNaN();
        expect(result.p).toBeNaN();
        expect(result.df).toBeNaN();
        expect(result.stars).toBe('');
        expect(result.reason).toBe('fewer than 3 complete pairs');
      }
    });

    it('gives NaN with a reason when every pair is missing', () => {
      const result = pearson([null, NaN, undefined], [1, 2, 3]);
      expect(result.n).toBe(0);
      expect(result.r).toBeNaN();
      expect(result.reason).toMatch(/no complete pairs/);
    });

    it('gives NaN with a reason for empty input', () => {
      const result = pearson([], []);
      expect(result.n).toBe(0);
      expect(result.reason).toMatch(/fewer than 3 complete pairs/);
    });

    it('says which variable is constant', () => {
      expect(pearson([2, 2, 2, 2], [1, 2, 3, 4]).reason).toBe('x is constant');
      expect(pearson([1, 2, 3, 4], [5, 5, 5, 5]).reason).toBe('y is constant');
      expect(pearson([5, 5, 5], [5, 5, 5]).reason).toBe('x and y are constant');
      const result = pearson([2, 2, 2, 2], [1, 2, 3, 4]);
      expect(result.r).toBeNaN();
      expect(result.p).toBeNaN();
      expect(result.df).toBe(2);
      expect(result.ci.lower).toBeNaN();
    });

    it('gives r, t and p but no interval for n = 3 (the Fisher-z interval needs n > 3)', () => {
      // R: cor.test(c(1, 2, 3), c(1, 3, 2)) gives r = 0.5, t = 0.57735, p = 0.6667 and no conf.int
      const result = pearson([1, 2, 3], [1, 3, 2]);
      expectClose(result.r, 0.5, 1e-15);
      expectClose(result.t, 0.5773502691896258, 1e-15);
      expectClose(result.p, 2 / 3, 1e-14);
      expect(result.ci.lower).toBeNaN();
      expect(result.ci.upper).toBeNaN();
      expect(result.reason).toMatch(/Fisher-z interval needs more than 3/);
    });

    it('gives p = 0, t = ±Infinity and stars *** for a perfect correlation', () => {
      const up = pearson([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
      expect(up.r).toBe(1); // y = 2x: √(Sxx·Syy) = √400 is exact
      expect(up.t).toBe(Infinity);
      expect(up.p).toBe(0);
      expect(up.stars).toBe('***');
      expect([up.ci.lower, up.ci.upper]).toEqual([1, 1]);
      const down = pearson([1, 2, 3, 4, 5], [10, 8, 6, 4, 2]);
      expect(down.r).toBe(-1);
      expect(down.t).toBe(-Infinity);
      expect(down.p).toBe(0);
    });

    it('gives p = 1 for r = 0', () => {
      const result = pearson([1, 2, 3, 4, 5], [1, 3, 5, 3, 1]);
      expect(result.r).toBe(0);
      expect(result.p).toBe(1);
      expect(result.stars).toBe('');
    });
  });

  describe('extreme magnitudes', () => {
    it('is unchanged by scaling the data to 1e-200 or 1e200 (no underflow or overflow)', () => {
      const x = [1, 2, 2, 3, 4, 4, 3, 1, 2, 4];
      const y = [2, 2, 3, 3, 4, 3, 4, 1, 1, 4];
      const base = pearson(x, y);
      for (const factor of [1e-200, 1e200, 1e300, 2 ** -1070]) {
        const scaled = pearson(
          x.map((v) => v * factor),
          y.map((v) => v * factor),
        );
        expectClose(scaled.r, base.r, 1e-14, `factor ${factor}`);
      }
    });

    it('returns p = 0 when the true p is below the smallest double (r = 0.9, n = 10000)', () => {
      const n = 10000;
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < n; i++) {
        const xi = i % 2 === 0 ? 1 : -1;
        const ei = Math.floor(i / 2) % 2 === 0 ? 1 : -1;
        x.push(xi);
        y.push(0.9 * xi + Math.sqrt(1 - 0.81) * ei);
      }
      const result = pearson(x, y);
      expect(result.p).toBe(0);
      expect(result.stars).toBe('***');
    });
  });

  describe('options', () => {
    it('uses the level for the Fisher-z interval', () => {
      const c = fixture.cases.find((k) => k.id === 'n4_level90')!;
      const result = pearson(c.input.x, c.input.y, { level: 0.9 });
      expectClose(result.ci.lower, c.expected.ci[0], 1e-13);
      expect(result.ci.level).toBe(0.9);
    });

    it('uses the star scheme', () => {
      const x = [1, 2, 2, 3, 4, 4, 3, 1, 2, 4];
      const y = [2, 2, 3, 3, 4, 3, 4, 1, 1, 4];
      // p = 0.00545: *** under the reports' scheme, ** under APA.
      expect(pearson(x, y).stars).toBe('***');
      expect(pearson(x, y, { stars: 'apa' }).stars).toBe('**');
      expect(pearson(x, y, { stars: [{ below: 0.001, stars: '!' }] }).stars).toBe('');
    });

    it('returns plain JSON-serialisable data', () => {
      const result = pearson([1, 2, 3, 4], [0, 1, 0.5, 1]);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });
  });

  describe('validation', () => {
    const cases: [string, () => unknown, ErrorConstructor, RegExp][] = [
      ['lengths that differ', () => pearson([1, 2, 3], [1, 2]), RangeError, /same length.*got 3 and 2/],
      ['a level outside (0, 1)', () => pearson([1, 2, 3], [1, 2, 3], { level: 0 }), RangeError, /level/],
      ['an unknown star scheme', () => pearson([1, 2, 3], [1, 2, 3], { stars: 'x' as 'apa' }), RangeError, /unknown star scheme/],
      ['a string value', () => pearson([1, '2' as unknown as number, 3], [1, 2, 3]), TypeError, /x\[1\] must be a finite number or missing/],
      ['an infinite value', () => pearson([1, 2, 3], [1, Infinity, 3]), TypeError, /y\[1\]/],
      ['a non-array', () => pearson(5 as unknown as number[], [1]), TypeError, /x must be an array/],
    ];
    for (const [what, call, type, pattern] of cases) {
      it(`throws a ${type.name} starting with "pearson:" for ${what}`, () => {
        expect(call).toThrow(type);
        expect(call).toThrow(/^pearson: /);
        expect(call).toThrow(pattern);
      });
    }
  });

  describe('properties (fast-check)', () => {
    const pairs = fc
      .integer({ min: 3, max: 60 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
        ),
      );
    const defined = (x: number[], y: number[]) => !Number.isNaN(pearson(x, y).r);

    it('is symmetric and lies in [−1, 1]', () => {
      fc.assert(
        fc.property(pairs, ([x, y]) => {
          const a = pearson(x, y);
          const b = pearson(y, x);
          expect(Object.is(a.r, b.r) || Math.abs(a.r - b.r) <= 4e-16).toBe(true);
          if (!Number.isNaN(a.r)) {
            expect(Math.abs(a.r)).toBeLessThanOrEqual(1);
            expect(a.p).toBeGreaterThanOrEqual(0);
            expect(a.p).toBeLessThanOrEqual(1);
          }
        }),
      );
    });

    it('is unchanged when both scales are reversed (x → 6 − x, y → 6 − y)', () => {
      fc.assert(
        fc.property(pairs, ([x, y]) => {
          fc.pre(defined(x, y));
          const r = pearson(x, y).r;
          const reversed = pearson(
            x.map((v) => 6 - v),
            y.map((v) => 6 - v),
          ).r;
          expect(Math.abs(reversed - r)).toBeLessThanOrEqual(1e-14);
        }),
      );
    });

    it('is unchanged by positive affine maps of either variable', () => {
      fc.assert(
        fc.property(
          pairs,
          fc.double({ min: 0.01, max: 100, noNaN: true }),
          fc.double({ min: -1000, max: 1000, noNaN: true }),
          ([x, y], a, b) => {
            fc.pre(defined(x, y));
            const r = pearson(x, y).r;
            const mapped = pearson(
              x.map((v) => a * v + b),
              y,
            ).r;
            // The affine map rounds each value (relative 1e-16 of |b| / spread), so allow that.
            expect(Math.abs(mapped - r)).toBeLessThanOrEqual(1e-9);
          },
        ),
      );
    });

    it('gives the same result on LikertColumns as on their numeric codes', () => {
      const indices = fc.array(fc.integer({ min: -2, max: 4 }), { minLength: 0, maxLength: 80 });
      fc.assert(
        fc.property(indices, indices, (a, b) => {
          const n = Math.min(a.length, b.length);
          const xi = a.slice(0, n);
          const yi = b.slice(0, n);
          const value = (c: number) => (c >= 0 && c < 4 ? c + 1 : null);
          const fromColumns = pearson(column(xi), column(yi));
          const fromNumbers = pearson(xi.map(value), yi.map(value));
          // Columns take the exact cross-table path, numbers the respondent-level sums: the
          // two agree to a few ulp in r (t and p are compared through r's sensitivity).
          const { r, t, p, ci, ...rest } = fromColumns;
          const { r: r2, t: t2, p: p2, ci: ci2, ...rest2 } = fromNumbers;
          expect(rest).toEqual(rest2);
          if (Number.isNaN(r2)) {
            expect(r).toBeNaN();
            return;
          }
          expect(Math.abs(r - r2)).toBeLessThanOrEqual(4 * Number.EPSILON);
          if (Math.abs(r2) < 0.999) {
            expect(Math.abs(t - t2)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(t2)));
            expect(Math.abs(p - p2)).toBeLessThanOrEqual(1e-12);
            if (Number.isNaN(ci2.lower)) expect(ci.lower).toBeNaN();
            else expect(Math.abs(ci.lower - ci2.lower)).toBeLessThanOrEqual(1e-12);
          }
        }),
      );
    });
  });
});
