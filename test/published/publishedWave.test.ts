import { describe, expect, it } from 'vitest';
import { compareWaves, scales, survey, type PublishedWave } from '../../src/index';
import { expectClose } from '../helpers/close';

// Wave b: 20 answers to q (3 × Slet ikke, 5 × I mindre grad, 7 × I høj grad, 3 × I meget høj
// grad, 2 × Ved ikke): 10 of 20 answered "i høj / i meget høj grad"; mean of the 18 substantive 46/18.
const answers = [
  ...Array(3).fill('Slet ikke'), ...Array(5).fill('I mindre grad'), ...Array(7).fill('I høj grad'),
  ...Array(3).fill('I meget høj grad'), ...Array(2).fill('Ved ikke'),
];
const b = survey({
  rows: answers.map((q, i) => ({ id: String(i), q, r: q })),
  id: 'id',
  items: [{ id: 'q', scale: scales.daDegree4 }, { id: 'r', scale: scales.daDegree4 }],
});
// The earlier wave asked about challenges: "ret store / meget store udfordringer" in 38 % of 50.
const wave: PublishedWave = {
  kind: 'published-wave',
  harmonise: { 'Ret store udfordringer': 'I høj grad', 'Meget store udfordringer': 'I meget høj grad' },
  items: {
    q: { share: { percent: 38, n: 50 }, labels: ['Ret store udfordringer', 'Meget store udfordringer'], mean: { mean: 2.4, sd: 0.9, n: 48 } },
    r: { share: { percent: 38, n: 300 }, mean: { mean: 2.4, n: 290 } },
  },
};

describe('compareWaves against a published wave', () => {
  const rows = compareWaves(wave, b).rows;
  const q = rows[0]!;
  const r = rows[1]!;

  it('tests the share of the harmonised labels against the published percent, as prop.test', () => {
    expect(q.published?.labels).toEqual(['I høj grad', 'I meget høj grad']);
    expect(q.published?.counts).toEqual({ lower: 19, upper: 19 }); // 19/50 = 38 %, the only count
    expect(q.b.share).toMatchObject({ count: 10, n: 20, estimate: 0.5 });
    expect(q.a.share).toMatchObject({ count: 19, n: 50, estimate: 0.38 });
    expectClose(q.share.difference, 0.5 - 0.38, 1e-14, 'difference');
    // R: prop.test(c(10, 19), c(20, 50), correct = FALSE)$p.value
    expectClose(q.share.p, 0.35718360972316093, 1e-12, 'p');
  });

  it('tests the mean change by Welch from the published mean and sd, as t.test', () => {
    // R: mb = mean(q), sb = sd(q) of the 18 codes; se = sqrt(sb²/18 + 0.9²/48), t = (mb − 2.4)/se,
    // Welch df and 2·pt(−|t|, df), as t.test(q_b, q_a) on data with those summaries.
    expectClose(q.mean.difference, 2.5555555555555554 - 2.4, 1e-12, 'difference');
    expectClose(q.mean.t, 0.58537881323433738, 1e-12, 't');
    expectClose(q.mean.df, 28.34184636228649268, 1e-12, 'df');
    expectClose(q.mean.p, 0.56292540613663233, 1e-12, 'p');
  });

  it('gives the range of p over every count a rounded percent allows, and no mean test without an sd', () => {
    // 38 % of 300: 113, 114 and 115 all print as 38 %.
    expect(r.published?.counts).toEqual({ lower: 113, upper: 115 });
    expect(r.published!.p.lower).toBeLessThanOrEqual(r.share.p);
    expect(r.published!.p.upper).toBeGreaterThanOrEqual(r.share.p);
    expect(r.published!.p.lower).toBeLessThan(r.published!.p.upper);
    expect(r.a.share.count).toBe(114); // nearest 0.38 · 300
    expect(r.mean.p).toBeNaN();
    expect(r.mean.reason).toBe('the published wave gives no sd: the mean change has no test');
  });

  it('refuses a published label that neither the scale nor the harmonisation map knows', () => {
    const bad: PublishedWave = { kind: 'published-wave', items: { q: { share: { percent: 38, n: 50 }, labels: ['Store udfordringer'] } } };
    expect(() => compareWaves(bad, b)).toThrow(
      'compareWaves: the published label "Store udfordringer" of item "q" is not a level of its scale in wave b; add it to the wave\'s harmonise map',
    );
  });

  it('says so when a published percent cannot come from its N', () => {
    const odd: PublishedWave = { kind: 'published-wave', items: { q: { share: { percent: 50, n: 7 } } } };
    const row = compareWaves(odd, b).rows[0]!;
    expect(row.share.p).toBeNaN();
    expect(row.share.reason).toMatch(/no count out of 7 rounds/);
  });
});
