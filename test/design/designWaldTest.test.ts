/**
 * designWaldTest: hand-made cases against R's regTermTest(svyglm(y ~ g, design), ~g), the data
 * conditions that make it undefined (NaN with a reason, never an error), and properties: the
 * statistic does not depend on the group codes or their order, nor on the scale of the weights.
 * The random designed surveys are in designedGroups.test.ts (test/fixtures/design/groups.json).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareGroups, designWaldTest, oneWayAnova, scales, survey } from '../../src/index';
import type { DesignInfo } from '../../src/index';
import { expectClose, relativeError } from '../helpers/close';

describe('designWaldTest against R', () => {
  it('weights only, 2 groups (the TSDoc example)', () => {
    const r = designWaldTest([1, 2, 3, 2, 4, 3, 4, 4], [0, 0, 0, 0, 1, 1, 1, 1], [1, 2, 1, 2, 1, 1, 2, 1]);
    // R: d <- data.frame(y = c(1, 2, 3, 2, 4, 3, 4, 4), g = factor(c(0, 0, 0, 0, 1, 1, 1, 1)),
    //   w = c(1, 2, 1, 2, 1, 1, 2, 1)); regTermTest(svyglm(y ~ g, svydesign(ids = ~1, weights = ~w,
    //   data = d)), ~g): Ftest 31.237757100881502, df 1, ddf 6, p 0.001394828930940215
    expectClose(r.f, 31.237757100881502, 1e-12, 'F');
    expectClose(r.p, 0.001394828930940215, 1e-12, 'p');
    expect([r.df1, r.df2, r.n, r.nExcluded]).toEqual([1, 6, 8, 0]);
    expect(r.groups.map((g) => [g.group, g.n, g.weight, g.mean])).toEqual([[0, 4, 6, 2], [1, 4, 5, 3.8]]);
    expect(r.wald).toBe(r.f);
  });

  it('a group whose answers do not vary still gives R’s finite test', () => {
    const r = designWaldTest([2, 2, 2, 1, 3, 4, 2, 4, 3], [0, 0, 0, 1, 1, 1, 2, 2, 2], [1, 2, 1, 1, 1, 2, 3, 1, 1]);
    // R: the same with y = c(2, 2, 2, 1, 3, 4, 2, 4, 3), g = factor(rep(0:2, each = 3)),
    //   w = c(1, 2, 1, 1, 1, 2, 3, 1, 1): Ftest 1.63515754560530913, df 2, ddf 6, p 0.27112543630917479
    expectClose(r.f, 1.63515754560530913, 1e-12, 'F');
    expectClose(r.p, 0.27112543630917479, 1e-12, 'p');
    expect([r.df1, r.df2]).toEqual([2, 6]);
    expect(r.reason).toBeUndefined();
  });

  it('strata and clusters: ddf = degf + 1 − k', () => {
    const design: DesignInfo = {
      n: 12,
      strata: Int32Array.from([0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1]),
      cluster: Int32Array.from([1, 2, 3, 4, 1, 2, 3, 5, 6, 7, 6, 7].map((c) => c - 1)),
      fpc: null,
      postStrata: [],
    };
    const r = designWaldTest([1, 2, 3, 2, 4, 3, 4, 4, 2, 3, 1, 2], [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], [1, 2, 1, 2, 1, 1, 2, 1, 1, 1, 3, 2], { design });
    // R: svydesign(ids = ~psu, strata = ~h, weights = ~w, nest = TRUE) with h = c(1, 1, 2, 2, 1, 1,
    //   2, 2, 1, 2, 1, 2), psu = c(1, 2, 3, 4, 1, 2, 3, 5, 6, 7, 6, 7): Ftest 19.320582373277346733,
    //   df 2, ddf 3 (degf 5), p 0.019337377658267731
    expectClose(r.f, 19.320582373277346733, 1e-12, 'F');
    expectClose(r.p, 0.019337377658267731, 1e-12, 'p');
    expect([r.df1, r.df2]).toEqual([2, 3]);
  });

  it('a stratum with one PSU outside the domain is not lonely: every lonelyPsu option gives R’s test', () => {
    // R, for each of options(survey.lonely.psu = "fail" | "average" | "adjust" | "remove"):
    //   d <- data.frame(y = c(1, 3, 2, 4, 2, 3, 1, 4, 2), g = c(1, 2, 1, 2, 1, 2, 1, 2, 1),
    //     st = c(0, 0, 0, 0, 1, 1, 1, 1, 2), w = c(1, 2, 1.5, 1, 2, 1, 1, 2.5, 1), dom = c(rep(1, 8), 0))
    //   regTermTest(svyglm(y ~ factor(g), subset(svydesign(ids = ~1, strata = ~st, weights = ~w, data = d), dom == 1)), ~factor(g))
    //   Ftest 22.258596453522649, df 1, ddf 5, p 0.0052524450793212888 (the same under every option)
    for (const lonelyPsu of ['fail', 'average', 'adjust', 'remove'] as const) {
      const design: DesignInfo = { n: 9, strata: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2]), cluster: null, fpc: null, postStrata: [], lonelyPsu };
      const r = designWaldTest([1, 3, 2, 4, 2, 3, 1, 4, 2], [1, 2, 1, 2, 1, 2, 1, 2, 1], [1, 2, 1.5, 1, 2, 1, 1, 2.5, 1], { design, domain: [1, 1, 1, 1, 1, 1, 1, 1, 0] });
      expectClose(r.f, 22.258596453522649, 1e-12, `F (${lonelyPsu})`);
      expectClose(r.p, 0.0052524450793212888, 1e-12, `p (${lonelyPsu})`);
      expect([r.df1, r.df2]).toEqual([1, 5]);
    }
  });
});

describe('designWaldTest when the test is undefined: NaN with a reason', () => {
  it('fewer than 2 groups with a positive weight (an empty group, a group of zero weight, missing values)', () => {
    const one = designWaldTest([1, 2, 3, null, 4], [0, 0, 0, 1, null], [1, 1, 1, 1, 1]);
    expect([one.f, one.p]).toEqual([NaN, NaN]);
    expect(one.reason).toBe('a test of equal means needs at least 2 groups with answers, got 1');
    expect([one.n, one.nExcluded, one.df1]).toEqual([3, 2, 0]);
    const weightless = designWaldTest([1, 2, 3, 4], [0, 0, 1, 1], [1, 1, 0, 0]);
    expect(weightless.reason).toMatch(/at least 2 groups/);
    expect(weightless.groups.map((g) => g.group)).toEqual([0]);
    const none = designWaldTest([], [], []);
    expect(none.reason).toMatch(/got 0/);
  });

  it('a group of zero weight is left out, as svyglm drops its aliased coefficient (its units stay PSUs)', () => {
    const r = designWaldTest([1, 2, 3, 2, 4, 3, 4, 4, 1, 1], [0, 0, 0, 0, 1, 1, 1, 1, 2, 2], [1, 2, 1, 2, 1, 1, 2, 1, 0, 0]);
    // R: the TSDoc example with two more units of weight 0 in a group g = 2: coef(svyglm) has no
    //   g2; regTermTest: Ftest 32.1302644466209414986, df 1, ddf 6, p 0.0012970422426052117
    expectClose(r.f, 32.1302644466209414986, 1e-12, 'F');
    expectClose(r.p, 0.0012970422426052117, 1e-12, 'p');
    expect([r.df1, r.df2, r.n]).toEqual([1, 6, 10]);
  });

  it('no variance within any group', () => {
    const r = designWaldTest([1, 1, 3, 3], [0, 0, 1, 1], [1, 2, 1, 2]);
    expect([r.f, r.p]).toEqual([NaN, NaN]);
    expect(r.reason).toBe('the answers do not vary within any group, so the group means have no design variance');
  });

  it('two groups without variance: V is singular (R: solve stops)', () => {
    const r = designWaldTest([1, 2, 3, 2, 2, 4, 4, 4], [0, 0, 0, 1, 1, 2, 2, 2], [1, 2, 1, 1, 2, 1, 1, 3]);
    expect([r.f, r.p]).toEqual([NaN, NaN]);
    expect(r.reason).toMatch(/singular/);
    expect(r.df1).toBe(2);
    // Weights for which the Cholesky pivot of the dependent contrast is rounding noise above 0
    // (2.8e-17 of a variance of 0.16) rather than 0: still singular, not an F of 10¹⁶.
    const noisy = designWaldTest([1, 2, 3, 2, 2, 4, 4, 4], [0, 0, 0, 1, 1, 2, 2, 2], [1 + 1 / 3, 2 + 1 / 7, 1 + 1 / 13, 1, 2, 1, 1, 3]);
    expect(noisy.f).toBeNaN();
    expect(noisy.reason).toMatch(/singular/);
  });

  it('fewer PSUs than groups: singular; a design without denominator df: F but no p', () => {
    // 3 clusters in one stratum: degf 2, so 4 groups give V of rank ≤ 2 and ddf = −1.
    const design: DesignInfo = { n: 9, strata: null, cluster: Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2]), fpc: null, postStrata: [] };
    const r = designWaldTest([1, 2, 3, 4, 1, 2, 3, 3, 4], [0, 1, 2, 3, 0, 1, 2, 3, 0], new Array(9).fill(1), { design });
    expect(r.f).toBeNaN();
    expect(r.df2).toBe(-1);
    // 3 groups: ddf 0. R: svydesign(ids = ~c, weights = ~w) with y = c(1, 4, 2, 3, 1, 2, 4, 3, 2),
    //   g = factor(c(0, 1, 2, 1, 0, 2, 2, 0, 1)), c = rep(0:2, each = 3), w = c(1, 2, 1, 1, 3, 1, 2,
    //   1, 1): Ftest 505.49170467313832, ddf 0, p NaN (pf warns "NaNs produced")
    const three = designWaldTest([1, 4, 2, 3, 1, 2, 4, 3, 2], [0, 1, 2, 1, 0, 2, 2, 0, 1], [1, 2, 1, 1, 3, 1, 2, 1, 1], { design });
    expect(three.df2).toBe(0);
    expectClose(three.f, 505.49170467313832, 1e-10, 'F');
    expect(three.p).toBeNaN();
    expect(three.reason).toMatch(/0 denominator degrees of freedom/);
  });

  it('bad input throws, naming the argument and the value', () => {
    expect(() => designWaldTest([1, 2], [0], [1, 1])).toThrow('designWaldTest: values and groups must have the same length (one entry per unit), got 2 and 1');
    expect(() => designWaldTest([1, 2], [0, 1], [1, -1])).toThrow('designWaldTest: weights[1] must be non-negative, got -1');
    expect(() => designWaldTest([1, 'x' as never], [0, 1], [1, 1])).toThrow(/designWaldTest: values\[1\]/);
  });
});

/** A random sample of units with groups, values, weights and a random design (strata, clusters). */
const sample = fc
  .record({
    k: fc.integer({ min: 2, max: 4 }),
    strata: fc.integer({ min: 1, max: 3 }),
    clustered: fc.boolean(),
    units: fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.double({ min: 0.25, max: 8, noNaN: true }), fc.integer({ min: 0, max: 1000 })), { minLength: 16, maxLength: 60 }),
  })
  .map(({ k, strata, clustered, units }) => {
    const n = units.length;
    // Every stratum holds at least 2 PSUs: units in stratum i mod H, clusters of 2 within it.
    const stratum = Int32Array.from({ length: n }, (_, i) => i % strata);
    const cluster = clustered ? Int32Array.from({ length: n }, (_, i) => Math.floor(i / (2 * strata)) * strata + (i % strata)) : null;
    const design: DesignInfo = { n, strata: strata > 1 ? stratum : null, cluster, fpc: null, postStrata: [] };
    return {
      design,
      values: units.map(([y]) => y),
      groups: units.map(([, g], i) => (i < k ? i : g % k)),
      weights: units.map(([, , w]) => w),
      seeds: units.map(([, , , s]) => s),
      k,
    };
  });

describe('designWaldTest properties', () => {
  it('F does not depend on the group codes or their order', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 0, max: 23 }), ({ design, values, groups, weights, k }, perm) => {
        const base = designWaldTest(values, groups, weights, { design });
        // Relabel the groups by a permutation of 0..k−1 (every permutation for k ≤ 4 reachable), to codes 10·π(g) − 7.
        const order = Array.from({ length: k }, (_, i) => i);
        let p = perm;
        for (let i = k - 1; i > 0; i--) {
          const j = p % (i + 1);
          p = Math.floor(p / (i + 1));
          [order[i], order[j]] = [order[j] as number, order[i] as number];
        }
        const relabelled = designWaldTest(values, groups.map((g) => 10 * (order[g] as number) - 7), weights, { design });
        if (Number.isNaN(base.f)) return Number.isNaN(relabelled.f);
        return relabelled.df1 === base.df1 && relabelled.df2 === base.df2 && relativeError(relabelled.f, base.f) < 1e-9 && relativeError(relabelled.p, base.p) < 1e-8;
      }),
      { numRuns: 300 },
    );
  });

  it('F does not change when every weight is multiplied by the same constant', () => {
    fc.assert(
      fc.property(sample, fc.constantFrom(1e-3, 0.5, 3, 1000, 2 ** 20), ({ design, values, groups, weights }, c) => {
        const base = designWaldTest(values, groups, weights, { design });
        const scaled = designWaldTest(values, groups, weights.map((w) => w * c), { design });
        if (Number.isNaN(base.f)) return Number.isNaN(scaled.f);
        return relativeError(scaled.f, base.f) < 1e-9 && relativeError(scaled.p, base.p) < 1e-8;
      }),
      { numRuns: 300 },
    );
  });

  it('with equal weights and no design: F ≥ 0, p in [0, 1], and the groups of the unweighted ANOVA', () => {
    fc.assert(
      fc.property(sample, ({ values, groups }) => {
        const r = designWaldTest(values, groups, values.map(() => 1));
        const anova = oneWayAnova(values, groups);
        expect(r.df1).toBe(anova.df1);
        if (Number.isNaN(r.f)) {
          expect(r.reason).toBeDefined();
          return;
        }
        expect(r.f).toBeGreaterThanOrEqual(0);
        expect(r.p).toBeGreaterThanOrEqual(0);
        expect(r.p).toBeLessThanOrEqual(1);
        // Both tests are 0 exactly when the group means are equal (up to rounding).
        if (anova.f < 1e-12) expect(r.f).toBeLessThan(1e-9);
        return;
      }),
      { numRuns: 300 },
    );
  });
});

describe('compareGroups picks the test by the survey', () => {
  const rows = [
    ['Nord', 'I høj grad', 1], ['Nord', 'Slet ikke', 2], ['Nord', 'I mindre grad', 1], ['Nord', 'Ved ikke', 1],
    ['Syd', 'I meget høj grad', 3], ['Syd', 'I høj grad', 1], ['Syd', 'I mindre grad', 2], ['Syd', 'I meget høj grad', 1],
    ['Midt', 'Slet ikke', 1], ['Midt', 'I høj grad', 2], ['Midt', 'I mindre grad', 1], ['Midt', '', 1], [null, 'I høj grad', 5],
  ] as const;
  const make = (weighted: boolean) =>
    survey({
      rows: rows.map(([region, q, w], i) => ({ id: String(i), region, q, w })),
      id: 'id',
      items: [{ id: 'q', scale: scales.daDegree4 }],
      attributes: { region: 'category' },
      ...(weighted ? { weight: 'w' } : {}),
    });

  it('a weighted survey: design-wald and rao-scott, the same as the inference functions on the respondents', () => {
    const s = make(true);
    const r = compareGroups(s, 'q', { by: 'region' });
    expect(r.anova.method).toBe('design-wald');
    expect(r.chiSquare.method).toBe('rao-scott');
    // Groups coded in code-unit order of their labels: Midt 0, Nord 1, Syd 2.
    const code = { Midt: 0, Nord: 1, Syd: 2 } as const;
    const level = { 'Slet ikke': 1, 'I mindre grad': 2, 'I høj grad': 3, 'I meget høj grad': 4 } as Record<string, number>;
    const direct = designWaldTest(
      rows.map(([, q]) => level[q] ?? null),
      rows.map(([g]) => (g === null ? null : code[g])),
      rows.map(([, , w]) => w),
    );
    expect(r.anova.f).toBe(direct.f);
    expect(r.anova.p).toBe(direct.p);
    expect(r.anova.n).toBe(10);
    // The order option does not change the tests.
    const reordered = compareGroups(s, 'q', { by: 'region', order: ['Syd', 'Nord', 'Midt'] });
    expect(reordered.anova).toEqual(r.anova);
    expect(reordered.chiSquare).toEqual(r.chiSquare);
  });

  it('variance: kish and an unweighted survey keep the ANOVA and Pearson test of the unweighted answers', () => {
    const kish = compareGroups(make(true), 'q', { by: 'region', variance: 'kish' });
    const plain = compareGroups(make(false), 'q', { by: 'region' });
    expect(kish.anova.method).toBe('anova');
    expect(kish.chiSquare.method).toBe('pearson');
    expect(kish.anova).toEqual(plain.anova);
    expect(kish.chiSquare).toEqual(plain.chiSquare);
  });

  it('agreement that does not vary, or a single group: NaN with the same reasons as unweighted', () => {
    const one = compareGroups(make(true).where('region', 'Nord'), 'q', { by: 'region' });
    expect(one.anova.reason).toMatch(/at least 2 groups/);
    expect(one.chiSquare.reason).toBe('fewer than 2 groups with answers');
    expect(one.chiSquare.method).toBe('rao-scott');
    expect(Number.isNaN(one.chiSquare.p)).toBe(true);
  });
});
