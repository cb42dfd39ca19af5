import { describe, expect, it } from 'vitest';
import { oneWayAnova, oneWayAnovaOfCounts } from '../../src/inference/oneWayAnova';
import { expectClose } from '../helpers/close';
import { frozen, readFixture } from './fixtures';

interface AnovaFixture {
  cases: {
    id: string;
    call: string;
    input: { values: number[]; groups: string[] };
    expected: {
      f: number;
      df1: number;
      df2: number;
      p: number;
      anova_lm: { f: number; p: number; ssBetween: number; ssWithin: number };
      groups: { group: string; n: number; mean: number; sd: number }[];
    };
  }[];
}
const fixture = readFixture<AnovaFixture>('inference/one-way-anova.json');

describe('oneWayAnova', () => {
  describe('matches R (scripts/fixtures/inference.R)', () => {
    for (const c of fixture.cases) {
      it(`${c.id}: oneway.test(v ~ g, var.equal = TRUE) and anova(lm(v ~ g))`, () => {
        const result = oneWayAnova(frozen(c.input.values), frozen(c.input.groups));
        // oneway.test and anova(lm()) themselves differ by ~1e-15 relative (QR vs sums).
        expectClose(result.f, c.expected.f, 1e-12, 'F vs oneway.test');
        expectClose(result.f, c.expected.anova_lm.f, 1e-12, 'F vs anova(lm())');
        expect(result.df1).toBe(c.expected.df1);
        expect(result.df2).toBe(c.expected.df2);
        expectClose(result.p, c.expected.p, 1e-12, 'p');
        expectClose(result.ssBetween, c.expected.anova_lm.ssBetween, 1e-12, 'SS between');
        expectClose(result.ssWithin, c.expected.anova_lm.ssWithin, 1e-12, 'SS within');
        expect(result.groups.map((g) => g.group)).toEqual(c.expected.groups.map((g) => g.group));
        result.groups.forEach((g, i) => {
          const e = c.expected.groups[i]!;
          expect(g.n).toBe(e.n);
          expectClose(g.mean, e.mean, 1e-15, `mean ${g.group}`);
          expectClose(g.sd, e.sd, 1e-13, `sd ${g.group}`);
        });
        expect(result.nMissing).toBe(0);
        expect(result.method).toBe('one-way-anova');
      });
    }
  });

  it('reports groups in order of first appearance', () => {
    const result = oneWayAnova([1, 2, 3, 4, 5, 6], ['z', 'a', 'm', 'z', 'a', 'm']);
    expect(result.groups.map((g) => g.group)).toEqual(['z', 'a', 'm']);
  });

  it('skips and counts rows with a missing value or group', () => {
    const values = [2, 3, null, 4, 1, undefined, 2, NaN, 3, 5];
    const groups = ['a', 'a', 'a', null, 'b', 'b', undefined, 'b', '  ', 'b'];
    const result = oneWayAnova(values, groups);
    expect(result.nMissing).toBe(6);
    expect(result.n).toBe(4);
    const clean = oneWayAnova([2, 3, 1, 5], ['a', 'a', 'b', 'b']);
    expect(result.f).toBe(clean.f);
    expect(result.p).toBe(clean.p);
  });

  it('keeps numeric and string labels apart (1 and "1" are different groups)', () => {
    const result = oneWayAnova([1, 2, 3, 4], [1, 1, '1', '1']);
    expect(result.groups.map((g) => g.group)).toEqual([1, '1']);
  });

  it('gives NaN with a reason for fewer than 2 groups', () => {
    const result = oneWayAnova([1, 2, 3], ['a', 'a', 'a']);
    expect(result.f).toBeNaN();
    expect(result.p).toBeNaN();
    expect(result.reason).toBe('fewer than 2 groups');
  });

  it('gives NaN with a reason when every row is missing', () => {
    const result = oneWayAnova([null, 1], ['a', null]);
    expect(result.n).toBe(0);
    expect(result.nMissing).toBe(2);
    expect(result.groups).toEqual([]);
    expect(result.reason).toMatch(/no complete rows/);
  });

  it('gives F = Infinity and p = 0 for constant groups with different means (SciPy f_oneway: inf, 0.0)', () => {
    const result = oneWayAnova([0.1, 0.1, 0.1, 0.7, 0.7, 0.7], ['a', 'a', 'a', 'b', 'b', 'b']);
    expect(result.f).toBe(Infinity);
    expect(result.p).toBe(0);
    expect(result.reason).toBeUndefined();
  });

  it('gives NaN with a reason when every value is the same', () => {
    const result = oneWayAnova([2, 2, 2, 2], ['a', 'a', 'b', 'b']);
    expect(result.f).toBeNaN();
    expect(result.reason).toMatch(/zero variance: every value is the same/);
  });

  it('gives NaN with a reason when every group has a single value', () => {
    const result = oneWayAnova([1, 2, 3], ['a', 'b', 'c']);
    expect(result.df2).toBe(0);
    expect(result.f).toBeNaN();
    expect(result.reason).toMatch(/no within-group degrees of freedom/);
    expect(result.groups[0]!.sd).toBeNaN();
  });

  it('gives F = 0 and p = 1 when the group means are equal', () => {
    const result = oneWayAnova([1, 3, 2, 2], ['a', 'a', 'b', 'b']);
    expect(result.f).toBe(0);
    expect(result.p).toBe(1);
  });

  it('returns plain JSON-serialisable data', () => {
    const result = oneWayAnova([1, 2, 3, 4, 5], ['a', 'a', 'b', 'b', 'b']);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  describe('validation', () => {
    const cases: [string, () => unknown, ErrorConstructor, RegExp][] = [
      ['lengths that differ', () => oneWayAnova([1, 2], ['a']), RangeError, /one entry per row, got lengths 2 and 1/],
      ['an infinite value', () => oneWayAnova([1, Infinity], ['a', 'b']), TypeError, /values\[1\] must be a finite number or missing/],
      ['a string value', () => oneWayAnova(['1' as unknown as number], ['a']), TypeError, /values\[0\]/],
      ['an object label', () => oneWayAnova([1], [{} as unknown as string]), TypeError, /groups\[0\] must be a string or number/],
      ['a non-array', () => oneWayAnova(3 as unknown as number[], []), TypeError, /values must be an array/],
    ];
    for (const [what, call, type, pattern] of cases) {
      it(`throws a ${type.name} starting with "oneWayAnova:" for ${what}`, () => {
        expect(call).toThrow(type);
        expect(call).toThrow(/^oneWayAnova: /);
        expect(call).toThrow(pattern);
      });
    }
  });
});

/** The fixture's rows tallied per group (groups in order of first appearance, values ascending). */
function tally(values: readonly number[], groups: readonly string[]) {
  const byGroup = new Map<string, Map<number, number>>();
  values.forEach((v, i) => {
    const g = groups[i] as string;
    const counts = byGroup.get(g) ?? new Map<number, number>();
    counts.set(v, (counts.get(v) ?? 0) + 1);
    byGroup.set(g, counts);
  });
  return [...byGroup].map(([group, counts]) => {
    const distinct = [...counts.keys()].sort((a, b) => a - b);
    return { group, values: distinct, counts: distinct.map((v) => counts.get(v) as number) };
  });
}

describe('oneWayAnovaOfCounts', () => {
  describe('matches R on the same fixture, tallied (scripts/fixtures/inference.R)', () => {
    for (const c of fixture.cases) {
      it(`${c.id}: oneway.test(rep(v, counts) ~ rep(g, counts), var.equal = TRUE)`, () => {
        const result = oneWayAnovaOfCounts(tally(c.input.values, c.input.groups));
        expectClose(result.f, c.expected.f, 1e-12, 'F vs oneway.test');
        expect(result.df1).toBe(c.expected.df1);
        expect(result.df2).toBe(c.expected.df2);
        expectClose(result.p, c.expected.p, 1e-12, 'p');
        expectClose(result.ssBetween, c.expected.anova_lm.ssBetween, 1e-12, 'SS between');
        expectClose(result.ssWithin, c.expected.anova_lm.ssWithin, 1e-12, 'SS within');
        expect(result.groups.map((g) => [g.group, g.n])).toEqual(c.expected.groups.map((g) => [g.group, g.n]));
        result.groups.forEach((g, i) => {
          const e = c.expected.groups[i]!;
          expectClose(g.mean, e.mean, 1e-15, `mean ${g.group}`);
          expectClose(g.sd, e.sd, 1e-13, `sd ${g.group}`);
        });
      });
    }
  });

  it('equals oneWayAnova on the rows its counts stand for, to the last bit for unit counts', () => {
    const values = [2, 3, 3, 4, 1, 2, 2, 3, 2, 4, 4, 3, 4];
    const groups = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c'];
    const ones = ['a', 'b', 'c'].map((group) => {
      const own = values.filter((_, i) => groups[i] === group);
      return { group, values: own, counts: own.map(() => 1) };
    });
    expect(oneWayAnovaOfCounts(ones)).toEqual(oneWayAnova(values, groups));
  });

  it('leaves out a group whose counts are all zero, as a group with no rows', () => {
    const result = oneWayAnovaOfCounts([
      { group: 'a', values: [1, 2], counts: [2, 1] },
      { group: 'empty', values: [1, 2], counts: [0, 0] },
      { group: 'b', values: [3, 4], counts: [1, 2] },
    ]);
    expect(result.groups.map((g) => g.group)).toEqual(['a', 'b']);
    expect(result.df1).toBe(1);
  });

  it('names the bad entry: a fractional count, an infinite value, unequal lengths, a label twice', () => {
    expect(() => oneWayAnovaOfCounts([{ group: 'a', values: [1], counts: [1.5] }])).toThrow(/groups\[0\]\.counts\[0\] must be a whole number/);
    expect(() => oneWayAnovaOfCounts([{ group: 'a', values: [Infinity], counts: [1] }])).toThrow(/groups\[0\]\.values\[0\] must be a finite number/);
    expect(() => oneWayAnovaOfCounts([{ group: 'a', values: [1, 2], counts: [1] }])).toThrow(/groups\[0\] must have arrays values and counts of one length/);
    expect(() =>
      oneWayAnovaOfCounts([
        { group: 'a', values: [1], counts: [1] },
        { group: 'a', values: [2], counts: [1] },
      ]),
    ).toThrow(/group "a" is given twice \(groups\[1\]\)/);
  });
});
