/**
 * Cross-checks against the independent JavaScript implementations in the dev dependencies
 * simple-statistics and jstat, where they overlap with src/inference/. Where those libraries are
 * less accurate than likertkit, the test says so and pins down by how much, against an exact
 * reference (R, NIST StRD or 50-digit mpmath).
 */
import jstat from 'jstat';
import {
  mean as ssMean,
  probit,
  sampleCorrelation,
  sampleStandardDeviation,
  tTest,
} from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { chiSquareGoodnessOfFit } from '../../src/inference/chiSquareGoodnessOfFit';
import { meanInterval } from '../../src/inference/meanInterval';
import { oneWayAnova } from '../../src/inference/oneWayAnova';
import { pearson } from '../../src/inference/pearson';
import { proportionInterval } from '../../src/inference/proportionInterval';
import { expectClose, relativeError } from '../helpers/close';
import { readFixture, readNistXY } from './fixtures';

const { jStat } = jstat;

interface PearsonFixture {
  cases: { id: string; input: { x: number[]; y: number[] }; expected: { r: number } }[];
}
const pearsonCases = readFixture<PearsonFixture>('inference/pearson.json').cases;

describe('cross-checks with simple-statistics and jstat', () => {
  it('pearson agrees with simple-statistics sampleCorrelation and jStat.corrcoeff on well-conditioned data', () => {
    for (const c of pearsonCases.filter((k) => !k.id.includes('shift'))) {
      const r = pearson(c.input.x, c.input.y).r;
      expectClose(sampleCorrelation(c.input.x, c.input.y), r, 1e-13, `simple-statistics ${c.id}`);
      expectClose(jStat.corrcoeff(c.input.x, c.input.y), r, 1e-13, `jstat ${c.id}`);
    }
  });

  it('documents that both libraries lose digits of r on NIST Norris with x shifted by 1e12, where pearson does not', () => {
    // Exact r of these doubles (Python fractions + mpmath): 0.999996873003915. With a 1e8
    // shift all three are within an ulp; at 1e12 the means' rounding error, which neither
    // library refines with a second pass, shows: simple-statistics is off by ~7e-15 and
    // jStat.corrcoeff (covariance / stdev / stdev) by ~2e-13. likertkit's corrected,
    // compensated two-pass sums stay within a few ulp.
    const { x, y } = readNistXY('Norris.dat', 61);
    const xs = x.map((v) => v + 1e12);
    const exact = 0.999996873003915;
    expect(relativeError(pearson(xs, y).r, exact)).toBeLessThan(2e-15);
    expect(relativeError(sampleCorrelation(xs, y), exact)).toBeGreaterThan(2e-15);
    expect(relativeError(jStat.corrcoeff(xs, y), exact)).toBeGreaterThan(1e-14);
  });

  it('meanInterval agrees with simple-statistics mean and sampleStandardDeviation', () => {
    const values = [1, 2, 2, 3, 3, 3, 4, 4, 2, 3];
    const result = meanInterval(values);
    expectClose(ssMean(values), result.mean, 1e-15);
    expectClose(sampleStandardDeviation(values), result.sd, 1e-15);
  });

  it("documents that simple-statistics tTest divides by the population sd, unlike R's t.test", () => {
    // R: t.test(v)$statistic = 9 (x̄ = 2.7, s = 0.9487, se = 0.3). simple-statistics uses the
    // standard deviation with divisor n (0.9), so its t is 9·√(10/9) = 9.4868.
    const values = [1, 2, 2, 3, 3, 3, 4, 4, 2, 3];
    const result = meanInterval(values);
    expectClose(result.mean / result.se, 9, 1e-14);
    expectClose(tTest(values, 0), 9 * Math.sqrt(10 / 9), 1e-14);
  });

  it('documents that simple-statistics loses digits of the sd of values offset by 1e9', () => {
    // Exact sd of these doubles: 0.19235383379958187 (Python fractions + mpmath).
    const values = [1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3, 1e9 + 0.4, 1e9 + 0.6];
    const exact = 0.19235383379958187;
    expect(relativeError(meanInterval(values).sd, exact)).toBeLessThan(1e-14);
    expect(relativeError(sampleStandardDeviation(values), exact)).toBeGreaterThan(1e-14);
  });

  it('documents that jStat.tci is accurate only to ~1e-9 (its t quantile), against R t.test', () => {
    // R: t.test(c(1, 2, 2, 3, 3, 3, 4, 4, 2, 3))$conf.int = 2.0213528511605388 3.378647148839462
    const values = [1, 2, 2, 3, 3, 3, 4, 4, 2, 3];
    const [lower, upper] = jStat.tci(2.7, 0.05, values);
    expectClose(lower, 2.0213528511605388, 1e-8, 'jstat lower');
    expectClose(upper, 3.378647148839462, 1e-8, 'jstat upper');
    expect(relativeError(lower, 2.0213528511605388)).toBeGreaterThan(1e-12);
    const ours = meanInterval(values);
    expectClose(ours.lower, 2.0213528511605388, 1e-14);
  });

  it('documents that simple-statistics probit(0.975) is 1.9572, not 1.95996, so it cannot give a 95 % interval', () => {
    expect(probit(0.975)).toBeCloseTo(1.9572, 4);
    // Our Wald half-width divided by the standard error recovers qnorm(0.975) = 1.959963984540054.
    const { upper, estimate } = proportionInterval(50, 100, { method: 'wald' });
    expectClose((upper - estimate) / Math.sqrt(0.25 / 100), 1.959963984540054, 1e-14);
  });

  it('Clopper-Pearson agrees with jStat.beta.inv only to ~1e-9, while matching R binom.test to 1e-14', () => {
    // R: binom.test(45, 100)$conf.int[1] = 0.3503202292396721
    const ours = proportionInterval(45, 100, { method: 'clopper-pearson' }).lower;
    expectClose(ours, 0.3503202292396721, 1e-14);
    expectClose(jStat.beta.inv(0.025, 45, 56), 0.3503202292396721, 1e-8);
    // 1 success in 1e7: R binom.test gives 2.531780795224031e-09; jstat is off by ~1.5e-8.
    const rare = proportionInterval(1, 1e7, { method: 'clopper-pearson' }).lower;
    expectClose(rare, 2.531780795224031e-9, 1e-13);
    expect(relativeError(jStat.beta.inv(0.025, 1, 1e7), 2.531780795224031e-9)).toBeGreaterThan(1e-9);
  });

  it('chiSquareGoodnessOfFit agrees with 1 − jStat.chisquare.cdf for a moderate p', () => {
    const result = chiSquareGoodnessOfFit([30, 45, 15, 10], [0.25, 0.4, 0.2, 0.15]);
    expectClose(1 - jStat.chisquare.cdf(result.statistic, 3), result.p, 1e-12);
  });

  it('oneWayAnova agrees with jStat.anovafscore, and documents that jStat.anovaftest returns 0 for small p', () => {
    const g1 = [2, 3, 3, 4];
    const g2 = [1, 2, 2, 3, 2];
    const g3 = [4, 4, 3, 4];
    const result = oneWayAnova([...g1, ...g2, ...g3], [...g1.map(() => 'a'), ...g2.map(() => 'b'), ...g3.map(() => 'c')]);
    expectClose(jStat.anovafscore(g1, g2, g3), result.f, 1e-14);
    expectClose(jStat.anovaftest(g1, g2, g3), result.p, 1e-12);
    // Well-separated groups: R oneway.test(v ~ g, var.equal = TRUE) gives F = 436.36363636363637
    // and p = 2.7727701319110445e-21. jStat computes p as 1 − CDF and returns 0.
    const h1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const h2 = h1.map((v) => v + 20);
    const h3 = h1.map((v) => v + 40);
    const separated = oneWayAnova([...h1, ...h2, ...h3], [...h1.map(() => 'a'), ...h2.map(() => 'b'), ...h3.map(() => 'c')]);
    expectClose(separated.f, 436.36363636363637, 1e-14);
    expectClose(separated.p, 2.7727701319110445e-21, 1e-12);
    expect(jStat.anovaftest(h1, h2, h3)).toBe(0);
  });
});
