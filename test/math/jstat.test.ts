import jStatModule from 'jstat';
import { describe, expect, it } from 'vitest';

import {
  inverseRegularizedBeta,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  studentTCdf,
  studentTQuantile,
} from '../../src/math';
import { relativeError } from '../helpers/close';

/**
 * Cross-checks against jStat 1.9.6 (development dependency). Where jStat is right, we agree
 * with it; where it is not, the size of its error is asserted here so that the difference is a
 * checked fact. "exact" values: mpmath at 60 digits (scripts/fixtures/mp_reference.py).
 */
interface JStatSubset {
  normal: { cdf(x: number, m: number, s: number): number; inv(p: number, m: number, s: number): number };
  studentt: { cdf(x: number, df: number): number; inv(p: number, df: number): number };
  beta: { inv(p: number, a: number, b: number): number };
  ibeta(x: number, a: number, b: number): number;
}
const jStat = ((jStatModule as unknown as { jStat?: JStatSubset }).jStat ??
  (jStatModule as unknown as JStatSubset));

describe('agreement with jStat in the body of the distributions', () => {
  it('the normal CDF and the incomplete beta agree with jStat in the body (1e-14 and 1e-11)', () => {
    for (const x of [-2, -0.5, 0.3, 1.7]) {
      expect(relativeError(normalCdf(x), jStat.normal.cdf(x, 0, 1))).toBeLessThan(1e-14);
    }
    expect(relativeError(regularizedBeta(0.5, 2, 3), jStat.ibeta(0.5, 2, 3))).toBeLessThan(1e-14);
    // jStat's ibeta differs by 8.6e-13 here; our value matches mpmath to 1e-15 (fixture beta.json).
    expect(relativeError(regularizedBeta(0.3, 7, 4), jStat.ibeta(0.3, 7, 4))).toBeLessThan(1e-11);
  });

  it('jStat.studentt.cdf agrees only to about 2e-8 even in the body (df 2, 9, 50; |t| <= 2)', () => {
    let worst = 0;
    for (const x of [-2, -0.5, 0.3, 1.7]) {
      for (const df of [2, 9, 50]) {
        worst = Math.max(worst, relativeError(studentTCdf(x, df), jStat.studentt.cdf(x, df)));
      }
    }
    expect(worst).toBeLessThan(1e-7);
    expect(worst).toBeGreaterThan(1e-9); // measured 2.1e-8: jStat's error, ours is 1e-15 (t_cdf.json)
  });
});

describe('where jStat is less accurate (documented, checked differences)', () => {
  it('jStat.normal.cdf(-30) underflows to 0; the exact value is 4.9067139271481871e-198', () => {
    const exact = 4.9067139271481871e-198;
    expect(jStat.normal.cdf(-30, 0, 1)).toBe(0);
    expect(relativeError(normalCdf(-30), exact)).toBeLessThan(1e-15);
  });

  it('jStat.normal.inv(1e-10) is off by 4.6e-10 relative; ours is correctly rounded', () => {
    const exact = -6.361340902404057; // reference-cases.json normal_quantile (mpmath)
    expect(relativeError(jStat.normal.inv(1e-10, 0, 1), exact)).toBeGreaterThan(1e-10);
    expect(relativeError(normalQuantile(1e-10), exact)).toBeLessThan(2e-16);
  });

  it('jStat.studentt.inv(0.975, 29) is off by 1.5e-8 relative; ours matches qt to 1e-15', () => {
    const exact = 2.045229642132704; // reference-cases.json t_quantile_0975
    expect(relativeError(jStat.studentt.inv(0.975, 29), exact)).toBeGreaterThan(1e-9);
    expect(relativeError(studentTQuantile(0.975, 29), exact)).toBeLessThan(1e-15);
  });

  it('jStat.beta.inv(0.025, 1, 1e7) (Clopper–Pearson, 0 of 1e7) is off by 1.5e-8 relative', () => {
    const exact = -Math.expm1(Math.log(0.975) / 1e7); // closed form, I_x(1, b) = 1 − (1 − x)^b
    expect(relativeError(jStat.beta.inv(0.025, 1, 1e7), exact)).toBeGreaterThan(1e-9);
    expect(relativeError(inverseRegularizedBeta(0.025, 1, 1e7), exact)).toBeLessThan(1e-14);
  });

  it('jStat.studentt.cdf in the deep tail at df = 5 loses about 1e-11 relative', () => {
    const exact = 8.5473787871481795e-5; // mpmath, P(T5 <= -10)
    const jstatError = relativeError(jStat.studentt.cdf(-10, 5), exact);
    expect(jstatError).toBeGreaterThan(1e-12);
    expect(relativeError(studentTCdf(-10, 5), exact)).toBeLessThan(1e-15);
  });
});
