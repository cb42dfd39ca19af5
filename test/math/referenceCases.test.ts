import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { normalQuantile, regularizedBeta, studentTCdf, studentTQuantile } from '../../src/math';
import { expectClose } from '../helpers/close';

/**
 * The pure-math distribution cases of test/fixtures/reference-cases.json (a verbatim copy of
 * /work/shared/reference/reference-cases.json), at their stated rtol. The interval and Pearson
 * cases through the public API are tested elsewhere.
 */
interface ReferenceCase {
  id: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
  rtol?: number;
}
const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'reference-cases.json');
const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: ReferenceCase[] }).cases;
const byId = (id: string): ReferenceCase => {
  const found = cases.find((c) => c.id === id);
  if (!found) throw new Error(`reference case ${id} missing`);
  return found;
};

/** Two-sided Pearson p = I_{1−r²}((n−2)/2, ½), with 1 − r² = (1 − r)(1 + r) and y = r². */
function pearsonP(r: number, n: number): number {
  const oneMinusRSquared = (1 - r) * (1 + r);
  return regularizedBeta(oneMinusRSquared, (n - 2) / 2, 0.5, true, r * r);
}

describe('reference cases (pure math)', () => {
  it('t_cdf_large_df: the t CDF at df = 1e10, 1e12, 1e120 and Infinity matches to 1e-15', () => {
    const c = byId('t_cdf_large_df');
    const t = c.input.t as number;
    const dfs = c.input.df as (number | string)[];
    const expected = c.expected.cdf as number[];
    dfs.forEach((df, i) => {
      const dfValue = df === 'Infinity' ? Number.POSITIVE_INFINITY : Number(df);
      expectClose(studentTCdf(t, dfValue), expected[i] as number, c.rtol ?? 0, `pt(${t}, ${df})`);
    });
    const extra = (c as unknown as { extra: { t: number; df: number; cdf: number } }).extra;
    expectClose(studentTCdf(extra.t, extra.df), extra.cdf, c.rtol ?? 0, 'pt(1.96, 1e7)');
  });

  it('t_quantile_0975: qt(0.975, df) for df from 1 to 1e6 matches to 1e-14', () => {
    const c = byId('t_quantile_0975');
    const dfs = c.input.df as number[];
    const expected = c.expected.q as number[];
    dfs.forEach((df, i) => {
      expectClose(studentTQuantile(c.input.p as number, df), expected[i] as number, c.rtol ?? 0, `qt(0.975, ${df})`);
    });
  });

  it('normal_quantile: qnorm matches the correctly rounded value to 2e-15 down to p = 1e-300', () => {
    const c = byId('normal_quantile');
    const ps = c.input.p as number[];
    const expected = c.expected.q as number[];
    ps.forEach((p, i) => {
      expectClose(normalQuantile(p), expected[i] as number, c.rtol ?? 0, `qnorm(${p})`);
    });
  });

  for (const id of ['pearson_p_extreme_r0.5_n1000', 'pearson_p_extreme_r0.9_n100', 'pearson_p_huge_n']) {
    it(`${id}: I_{1−r²}((n−2)/2, ½) with y = r² matches at the stated rtol`, () => {
      const c = byId(id);
      const { r, n } = c.input as { r: number; n: number };
      expectClose(pearsonP(r, n), c.expected.p as number, c.rtol ?? 0, id);
    });
  }

  it('pearson_p_underflow: a p below the smallest subnormal underflows cleanly to 0, not NaN', () => {
    const c = byId('pearson_p_underflow');
    const { r, n } = c.input as { r: number; n: number };
    expect(pearsonP(r, n)).toBe(0);
  });
});
