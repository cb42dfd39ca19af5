import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementShare, codedMean, postStratify, safeSurvey, scales, survey, surveyProportionInterval } from '../../src/index';
import { expectClose } from '../helpers/close';

const rows = [
  { id: 1, q: 'I høj grad', s: 'A', c: 'a1', N: 10, w: 2, g: 'x' },
  { id: 2, q: 'Slet ikke', s: 'A', c: 'a1', N: 10, w: 2, g: 'y' },
  { id: 3, q: 'I meget høj grad', s: 'A', c: 'a2', N: 10, w: 3, g: 'x' },
  { id: 4, q: 'Ved ikke', s: 'B', c: 'b1', N: 8, w: 1, g: 'y' },
  { id: 5, q: 'I mindre grad', s: 'B', c: 'b2', N: 8, w: 4, g: 'x' },
  { id: 6, q: '', s: 'B', c: 'b3', N: 8, w: 1, g: 'y' },
];
const items = [{ id: 'q', scale: scales.daDegree4 }];
const issuesOf = (design: object, data: object[] = rows): string[] => {
  const r = safeSurvey({ rows: data, id: 'id', items, weight: 'w', design });
  return r.ok ? [] : r.issues.map((i) => `${i.kind}: ${i.message}`);
};

describe('survey({ design })', () => {
  it('reports a respondent without a stratum, naming the rows', () => {
    const issues = issuesOf({ strata: 's' }, rows.map((r, i) => (i === 4 ? { ...r, s: '' } : r)));
    expect(issues).toEqual([expect.stringMatching(/^design: design strata column "s" has 1 missing or unreadable value \(rows 4\); every respondent needs a strata/)]);
  });

  it('reports a cluster that lies in two strata', () => {
    const issues = issuesOf({ strata: 's', cluster: 'c' }, rows.map((r, i) => (i === 3 ? { ...r, c: 'a1' } : r)));
    expect(issues).toEqual([expect.stringMatching(/^design: design cluster "a1" \(row 3\) lies in two strata/)]);
  });

  it('reports an fpc that changes within a stratum, and one smaller than the sample', () => {
    expect(issuesOf({ strata: 's', fpc: 'N' }, rows.map((r, i) => (i === 5 ? { ...r, N: 9 } : r)))).toEqual([
      expect.stringMatching(/^design: design fpc column "N" is not constant within a stratum: 8 and 9 \(row 5\)/),
    ]);
    expect(issuesOf({ strata: 's', fpc: 'N' }, rows.map((r) => (r.s === 'B' ? { ...r, N: 2 } : r)))).toEqual([
      expect.stringMatching(/^design: design fpc column "N" gives a population of 2 for a stratum with 3 sampled PSUs/),
    ]);
  });

  it('reports an unknown design key and a missing design column', () => {
    expect(issuesOf({ stratum: 's' })).toEqual(['definition: unknown key "stratum" in design; use strata, cluster, fpc, lonelyPsu and adjustDomainLonely']);
    expect(issuesOf({ cluster: 'psu' })[0]).toMatch(/^missing-column: column "psu" \(design cluster\) is not in the data/);
  });

  it('reads sampling fractions as R does: all fpc values ≤ 1 are n_h/N_h', () => {
    const sizes = survey({ rows, id: 'id', items, weight: 'w', design: { strata: 's', fpc: 'N' } });
    const fractions = survey({ rows: rows.map((r) => ({ ...r, N: r.s === 'A' ? 3 / 10 : 3 / 8 })), id: 'id', items, weight: 'w', design: { strata: 's', fpc: 'N' } });
    expectClose(codedMean(fractions.item('q')).se, codedMean(sizes.item('q')).se, 1e-14);
  });

  it('gives the weights N_h/n_h when an fpc is given without a weight column, as svydesign', () => {
    const s = survey({ rows, id: 'id', items, design: { strata: 's', fpc: 'N' } });
    expect(Array.from(s.weights as Float64Array)).toEqual([10 / 3, 10 / 3, 10 / 3, 8 / 3, 8 / 3, 8 / 3]);
  });

  it('keeps the design through filters, and the whole design in the variance (R subset())', () => {
    const s = survey({ rows, id: 'id', items, weight: 'w', attributes: { g: 'category' }, design: { strata: 's', cluster: 'c' } });
    const sub = s.where('g', 'x');
    // Hand computation: the share of agreement among x's answers (units 1, 3, 5 with w 2, 3, 4;
    // agree 1, 1, 0): p = 5/9, scores w(y − p)/9 → 2·4/81, 3·4/81, −4·5/81; PSU totals in A:
    // a1 = 8/81, a2 = 12/81 (mean 10/81) → 2·(2/81)²·2/1; in B: b1 = 0, b2 = −20/81, b3 = 0
    // (mean −20/243) → 3/2·((20/243)²·2 + (40/243)²).
    const vA = 2 * 2 * (2 / 81) ** 2;
    const vB = 1.5 * (2 * (20 / 243) ** 2 + (40 / 243) ** 2);
    const share = agreementShare(sub.item('q'));
    expectClose(share.estimate, 5 / 9, 1e-15);
    expectClose(share.se as number, Math.sqrt(vA + vB), 1e-14);
    expect(share.df).toBe(3 - 2);
  });

  it('keeps a post-stratification through withWeights, changing the variance but not the weights', () => {
    const s = survey({ rows, id: 'id', items, weight: 'w', attributes: { g: 'category' } });
    const result = postStratify(s, { variable: 'g', targets: { x: 0.4, y: 0.6 } });
    const calibrated = s.withWeights(result);
    const fixed = s.withWeights(result.weights);
    expect(Array.from(calibrated.weights as Float64Array)).toEqual(result.weights);
    expect(Array.from(fixed.weights as Float64Array)).toEqual(result.weights);
    const a = agreementShare(calibrated.item('q'));
    const b = agreementShare(fixed.item('q'));
    expect(a.estimate).toBe(b.estimate);
    expect(a.se).not.toBe(b.se);
  });

  it('keeps unweighted results unchanged: no design, no se field', () => {
    const s = survey({ rows, id: 'id', items });
    const share = agreementShare(s.item('q'));
    expect(share.se).toBeUndefined();
    expect(share.variance).toBeUndefined();
    expect(share.ci.method).toBe('wilson');
  });
});

describe('surveyProportionInterval', () => {
  it('gives the logit, mean and Korn–Graubard intervals of svyciprop', () => {
    // R: p = 0.4, se = 0.05, df = 49: expit(logit(0.4) ± qt(0.975, 49)·0.05/0.24).
    const t = 2.0095752371292397; // R: qt(0.975, 49)
    const logit = surveyProportionInterval(0.4, 0.05, { df: 49 });
    expectClose(logit.lower, 1 / (1 + Math.exp(-(Math.log(0.4 / 0.6) - (t * 0.05) / 0.24))), 1e-14);
    const mean = surveyProportionInterval(0.4, 0.05, { method: 'mean', df: 49 });
    expectClose(mean.upper, 0.4 + t * 0.05, 1e-14);
    // R: qbeta(0.025, 96 * 0.4, 96 * 0.6 + 1) with n* = 0.24/0.0025 = 96 (df = rows − 1 = Inf).
    const beta = surveyProportionInterval(0.4, 0.05, { method: 'beta' });
    expectClose(beta.lower, 0.3013180784262528, 1e-10);
  });

  it('is undefined at 0 and 1 for logit and beta, and the estimate itself for a census', () => {
    expect(surveyProportionInterval(0, 0.1).reason).toMatch(/undefined for an estimate of 0/);
    expect(surveyProportionInterval(0.3, 0)).toEqual({ lower: 0.3, upper: 0.3, method: 'logit', level: 0.95 });
  });

  it('rejects an estimate outside [0, 1], a negative se and an unknown method', () => {
    expect(() => surveyProportionInterval(1.2, 0.1)).toThrow(/^surveyProportionInterval: estimate must be a proportion in \[0, 1\], got 1.2/);
    expect(() => surveyProportionInterval(0.2, -1)).toThrow(/^surveyProportionInterval: se must be a number >= 0/);
    expect(() => surveyProportionInterval(0.2, 0.1, { method: 'wilson' as never })).toThrow(/^surveyProportionInterval: unknown method "wilson"/);
  });

  it('contains the estimate, stays in [0, 1] for logit and beta, and nests 90 % ⊂ 95 % ⊂ 99 % (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.001, max: 0.3, noNaN: true }),
        fc.integer({ min: 2, max: 500 }),
        fc.constantFrom('logit' as const, 'beta' as const, 'mean' as const),
        (p, se, df, method) => {
          const [a, b, c] = [0.9, 0.95, 0.99].map((level) => surveyProportionInterval(p, se, { method, level, df, rows: df + 1 })) as [
            ReturnType<typeof surveyProportionInterval>,
            ReturnType<typeof surveyProportionInterval>,
            ReturnType<typeof surveyProportionInterval>,
          ];
          for (const r of [a, b, c]) {
            expect(r.lower).toBeLessThanOrEqual(p + 1e-12);
            expect(r.upper).toBeGreaterThanOrEqual(p - 1e-12);
            if (method !== 'mean') {
              expect(r.lower).toBeGreaterThanOrEqual(0);
              expect(r.upper).toBeLessThanOrEqual(1);
            }
          }
          expect(b.lower).toBeLessThanOrEqual(a.lower + 1e-12);
          expect(c.lower).toBeLessThanOrEqual(b.lower + 1e-12);
          expect(b.upper).toBeGreaterThanOrEqual(a.upper - 1e-12);
          expect(c.upper).toBeGreaterThanOrEqual(b.upper - 1e-12);
          return;
        },
      ),
    );
  });
});

describe('linearisation without a design', () => {
  it('gives N/(N − 1) · p(1 − p)/n for a share with equal weights, N every cell, n the denominator (property)', () => {
    const labels = ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad', 'Ved ikke', ''];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 60 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (picks, w) => {
        const answers = picks.map((k) => labels[k] as string);
        const s = survey({ columns: { id: answers.map((_, i) => i), q: answers, w: answers.map(() => w) }, id: 'id', items, weight: 'w' });
        const share = agreementShare(s.item('q'));
        const N = answers.length;
        const n = answers.filter((a) => a !== '').length;
        const agree = answers.filter((a) => a === 'I høj grad' || a === 'I meget høj grad').length;
        if (n === 0) return;
        const p = agree / n;
        expectClose((share.se as number) ** 2, ((N / (N - 1)) * p * (1 - p)) / n, 1e-12);
        expect(share.df).toBe(n - 1);
        return;
      }),
    );
  });
});
