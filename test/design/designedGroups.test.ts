/**
 * compareGroups on weighted, designed surveys: its tests are the design-based ones, the Wald F of
 * equal group means as R's `regTermTest(svyglm(code ~ grp, subset(design, !is.na(code) &
 * !is.na(grp))), ~grp)` and the Rao–Scott F of agreement × group as `svychisq(~agree + grp,
 * design)`. Cases from test/fixtures/design/groups.json (`Rscript scripts/fixtures/design-groups.R`,
 * survey 4.1.1): 54 random surveys of nine design kinds (weights only; strata; strata with fpc;
 * clusters; strata with clusters, with and without fpc; post-stratified; post-stratified
 * clusters; raked), 2–4 groups, whole and cut by subset(design, sub == 1).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compareGroups, postStratify, rake, scales, survey } from '../../src/index';
import type { Survey } from '../../src/index';
import { expectClose, relativeError } from '../helpers/close';
import { readFixture } from '../inference/fixtures';
import type { DesignedRow } from './designFixture';

interface Row extends DesignedRow {
  /** The group label, '' for no group. */
  grp: string;
}
interface GroupsCase {
  name: string;
  kind: string;
  rows: Row[];
  strata: boolean;
  cluster: boolean;
  fpc: boolean;
  /** 'postStratify', 'rake', or NaN (null in the file) for none. */
  calibration: string | number;
  subset: boolean;
  /** R: regTermTest(svyglm(code ~ grp, subset(design, !is.na(code) & !is.na(grp))), ~grp). */
  wald: { call: string; singular: boolean; df: number; ddf: number; F: number; p: number };
  /** R: svychisq(~agree + grp, design). */
  chisq: { call: string; F: number; ndf: number; ddf: number; p: number };
}
interface Fixture {
  survey: string;
  population: { g1: Record<string, number>; g2: Record<string, number>; size: number };
  cases: GroupsCase[];
}
const fixture = readFixture<Fixture>('design/groups.json');

/** The case's survey: its design, calibrated as in R (postStratify / rake to N = 1000), cut by sub == 1. */
function surveyOf(c: GroupsCase): Survey {
  const whole = survey({
    rows: c.rows.map((r) => ({ ...r, fpc: c.fpc ? r.fpc : undefined })),
    id: 'id',
    items: [{ id: 'q', scale: scales.daDegree4 }],
    attributes: { g1: 'category', g2: 'category', grp: 'category', sub: 'category' },
    weight: 'w',
    design: { ...(c.strata ? { strata: 'stratum' } : {}), ...(c.cluster ? { cluster: 'psu' } : {}), ...(c.fpc ? { fpc: 'fpc' } : {}) },
  });
  const { population } = fixture;
  let s = whole;
  if (c.calibration === 'postStratify') {
    s = s.withWeights(postStratify(s, { variable: 'g1', targets: population.g1, scale: 'population', populationSize: population.size }));
  } else if (c.calibration === 'rake') {
    s = s.withWeights(rake(s, { targets: { g1: population.g1, g2: population.g2 }, scale: 'population', populationSize: population.size, tolerance: 1e-15, maxIterations: 2000 }));
  }
  return c.subset ? s.where('sub', '1') : s;
}

/** The worst relative errors seen, per quantity (printed at the end for the report). */
const worst: Record<string, number> = {};
function close(actual: number, expected: number, what: string): void {
  worst[what] = Math.max(worst[what] ?? 0, relativeError(actual, expected));
  expectClose(actual, expected, 1e-10, what);
}
afterAll(() => {
  console.log(`designedGroups worst relative errors: ${JSON.stringify(worst)}`);
});

describe('compareGroups on a weighted, designed survey: design-based tests as regTermTest and svychisq', () => {
  it('covers every design kind, subsets, 2 to 4 groups, a singular V and a design without denominator df', () => {
    const kinds = new Set(fixture.cases.map((c) => c.kind));
    expect(kinds.size).toBe(9);
    expect(fixture.cases.some((c) => c.subset)).toBe(true);
    expect(new Set(fixture.cases.map((c) => c.wald.df + 1))).toEqual(new Set([2, 3, 4]));
    expect(fixture.cases.some((c) => c.wald.singular)).toBe(true);
    expect(fixture.cases.some((c) => !c.wald.singular && c.wald.ddf < 1)).toBe(true);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s: Wald F, its df and p, and the Rao–Scott F, df and p equal R', (_name, c) => {
    const r = compareGroups(surveyOf(c), 'q', { by: 'grp' });
    expect(r.anova.method).toBe('design-wald');
    expect(r.anova.df1).toBe(c.wald.df);
    expect(r.anova.df2).toBe(c.wald.ddf);
    if (c.wald.singular) {
      // R stops in solve(V); likertkit gives NaN with the reason.
      expect(r.anova.f).toBeNaN();
      expect(r.anova.p).toBeNaN();
      expect(r.anova.reason).toMatch(/singular/);
    } else {
      close(r.anova.f, c.wald.F, 'Wald F');
      if (c.wald.ddf < 1) {
        // R's pf(F, df, ddf ≤ 0) is NaN.
        expect(r.anova.p).toBeNaN();
        expect(r.anova.reason).toMatch(/denominator degrees of freedom/);
      } else {
        close(r.anova.p, c.wald.p, 'Wald p');
        expect(r.anova.reason).toBeUndefined();
      }
    }
    const x = r.chiSquare;
    if (x.method !== 'rao-scott') throw new Error(`expected the Rao–Scott test, got ${x.method}`);
    close(x.statistic, c.chisq.F, 'Rao–Scott F');
    close(x.df, c.chisq.ndf, 'Rao–Scott ndf');
    close(x.ddf, c.chisq.ddf, 'Rao–Scott ddf');
    close(x.p, c.chisq.p, 'Rao–Scott p');
  });
});
