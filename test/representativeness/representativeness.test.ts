import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { representativeness } from '../../src/representativeness/representativeness';
import { defineTargets, targetsFromFrame } from '../../src/representativeness/populationTargets';
import { roundPercent } from '../../src/report/rounding';
import { scales } from '../../src/scale/presets';
import { expectClose } from '../helpers/close';
import { COUNTS_2024, FRAME_COUNTS, REGIONS, fixture, frame, sample2024 } from './fixtures2024';
import { municipalities2020 } from '../../src/demo/municipalities';

/** The 2024/25 report's table, whole percent: [lower, upper] per region, Hovedstaden first. */
const TABLE_2024: readonly (readonly [number, number])[] = [
  [18, 39],
  [7, 24],
  [13, 33],
  [9, 28],
  [6, 22],
];

/** 70 respondent rows with only the region, counts 20/11/16/13/10. */
function regionRows(counts: readonly number[] = COUNTS_2024): { region: string }[] {
  return REGIONS.flatMap((region, k) => Array.from({ length: counts[k] as number }, () => ({ region })));
}

function percentRows(rows: readonly { lower: number; upper: number }[]): [number, number][] {
  return rows.map((r) => [roundPercent(r.lower), roundPercent(r.upper)]);
}

describe('representativeness reproduces the 2024/25 report', () => {
  it('reproduces the regional table from the real 98-municipality frame and a 70-municipality sample', () => {
    const result = representativeness({
      sample: sample2024(),
      population: frame(),
      variables: ['region'],
    });
    expect(result.rows.map((r) => r.category)).toEqual(REGIONS);
    expect(result.rows.map((r) => r.count)).toEqual(COUNTS_2024);
    expect(percentRows(result.rows)).toEqual(TABLE_2024);
    expect(result.rows.every((r) => r.covered)).toBe(true);
    expect(result.representative).toBe(true);
    expect(result.method).toBe('wald');
    expect(result.level).toBe(0.95);
    expect(result.n).toBe(70);
    expect(result.populationUnits).toBe(98);
    FRAME_COUNTS.forEach((count, k) => expect(result.rows[k]?.population).toBe(count / 98));
  });

  it('reproduces the table from the published shares 30/17/22/19/11 % rescaled to sum to 1', () => {
    const targets = defineTargets({
      size: 98,
      variables: {
        region: { Hovedstaden: 0.3, Sjælland: 0.17, Syddanmark: 0.22, Midtjylland: 0.19, Nordjylland: 0.11 },
      },
      rescale: true,
    });
    const result = representativeness({ sample: regionRows(), targets, variables: ['region'] });
    expect(percentRows(result.rows)).toEqual(TABLE_2024);
    expect(result.representative).toBe(true);
    expect(result.populationUnits).toBe(98);
  });

  it('reproduces the table from the exact shares 29/98, 17/98, 22/98, 19/98 and 11/98 in the plain targets shape', () => {
    const shares = Object.fromEntries(REGIONS.map((r, k) => [r, (FRAME_COUNTS[k] as number) / 98]));
    const result = representativeness({ sample: regionRows(), targets: { region: shares }, variables: ['region'] });
    expect(percentRows(result.rows)).toEqual(TABLE_2024);
    expect(result.rows.map((r) => r.population)).toEqual(Object.values(shares));
    expect(result.representative).toBe(true);
  });

  it('compares the mean population with the frame mean 5,822,679 / 98 on a normal (z) interval', () => {
    const result = representativeness({ sample: sample2024(), population: frame(), variables: ['population'] });
    const row = result.rows[0]!;
    expect(row.kind).toBe('numeric');
    expect(row.category).toBeNull();
    expect(row.population).toBe(5822679 / 98);
    // R: mean(smp$population); mean ± qnorm(0.975)·sd/√n
    expectClose(row.sample, fixture.populationMean.sample, 1e-14, 'sample mean');
    expectClose(row.lower, fixture.populationMean.z[0], 1e-13, 'lower');
    expectClose(row.upper, fixture.populationMean.z[1], 1e-13, 'upper');
    expect(row.covered).toBe(true);
    expectClose(row.gap, fixture.populationMean.sample - 5822679 / 98, 1e-12, 'gap');
    expect(result.distribution).toBe('normal');
    const test = result.variables[0]!.test;
    expect(test.method).toBe('one-sample-z');
    expectClose(test.statistic, fixture.populationMean.zTest, 1e-12, 'z');
    expectClose(test.p, fixture.populationMean.zTestP, 1e-12, 'p');
  });

  it('compares region and mean population together and calls the sample representative', () => {
    const result = representativeness({ sample: sample2024(), population: frame(), variables: ['region', 'population'] });
    expect(result.rows).toHaveLength(6);
    expect(result.variables.map((v) => v.kind)).toEqual(['categorical', 'numeric']);
    expect(result.representative).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('compares with a hand-written population mean such as the report\'s 60,828', () => {
    const result = representativeness({
      sample: sample2024(),
      targets: defineTargets({ variables: { population: { mean: 60828 } } }),
      variables: ['population'],
    });
    expect(result.rows[0]?.population).toBe(60828);
    expect(result.rows[0]?.covered).toBe(true);
  });
});

describe('representativeness agrees with R', () => {
  const targets = targetsFromFrame(frame(), { variables: ['region'] });

  it('matches the Wald formula in R for every region', () => {
    const result = representativeness({ sample: sample2024(), targets, variables: ['region'] });
    fixture.regions.forEach((expected, k) => {
      const row = result.rows[k]!;
      expect(row.category).toBe(expected.category);
      expectClose(row.sample, expected.sample, 1e-15, `${expected.category} share`);
      expectClose(row.population, expected.population, 1e-15, `${expected.category} population`);
      // R: p ± qnorm(0.975)·sqrt(p(1 − p)/n)
      expectClose(row.lower, expected.wald[0], 1e-13, `${expected.category} lower`);
      expectClose(row.upper, expected.wald[1], 1e-13, `${expected.category} upper`);
    });
  });

  it('matches prop.test(x, n, correct = FALSE) with method wilson and binom.test with clopper-pearson', () => {
    const wilson = representativeness({ sample: sample2024(), targets, variables: ['region'], method: 'wilson' });
    const exact = representativeness({ sample: sample2024(), targets, variables: ['region'], method: 'clopper-pearson' });
    expect(wilson.method).toBe('wilson');
    fixture.regions.forEach((expected, k) => {
      expectClose(wilson.rows[k]!.lower, expected.wilson[0], 1e-12, 'wilson lower');
      expectClose(wilson.rows[k]!.upper, expected.wilson[1], 1e-12, 'wilson upper');
      expectClose(exact.rows[k]!.lower, expected.clopperPearson[0], 1e-10, 'CP lower');
      expectClose(exact.rows[k]!.upper, expected.clopperPearson[1], 1e-10, 'CP upper');
    });
  });

  it('matches chisq.test(counts, p = shares) for the goodness-of-fit test', () => {
    const result = representativeness({ sample: sample2024(), targets, variables: ['region'] });
    const test = result.variables[0]!.test;
    expect(test.method).toBe('pearson-chi-square');
    expect(test.df).toBe(fixture.chiSquare.df);
    expectClose(test.statistic, fixture.chiSquare.statistic, 1e-13, 'X²');
    expectClose(test.p, fixture.chiSquare.p, 1e-12, 'p');
    expectClose(test.minExpected!, 70 * (11 / 98), 1e-15, 'minExpected');
    expect(test.warning).toBeUndefined();
  });

  it('applies the finite population correction (N − n)/(N − 1) to shares as the formula in R', () => {
    const result = representativeness({ sample: sample2024(), targets, variables: ['region'], populationSize: 98 });
    expect(result.populationSize).toBe(98);
    fixture.regions.forEach((expected, k) => {
      expectClose(result.rows[k]!.lower, expected.waldFpc[0], 1e-13, 'FPC lower');
      expectClose(result.rows[k]!.upper, expected.waldFpc[1], 1e-13, 'FPC upper');
    });
    // With the correction Hovedstaden would print 23–34 %, not the report's 18–39 %.
    expect([roundPercent(result.rows[0]!.lower), roundPercent(result.rows[0]!.upper)]).toEqual([23, 34]);
  });

  it('applies the correction (1 − n/N) to the mean as svymean with fpc in R survey', () => {
    const result = representativeness({ sample: sample2024(), population: frame(), variables: ['population'], populationSize: 98 });
    const row = result.rows[0]!;
    expectClose(row.se!, fixture.populationMean.seFpc, 1e-12, 'se');
    expectClose(row.lower, fixture.populationMean.zFpc[0], 1e-12, 'lower');
    expectClose(row.upper, fixture.populationMean.zFpc[1], 1e-12, 'upper');
  });

  it('tests the mean against the population with the corrected standard error', () => {
    // z = (sample mean − population mean) / SE(svymean(~population, design with fpc = 98)), the SE from R.
    const result = representativeness({ sample: sample2024(), population: frame(), variables: ['population'], populationSize: 98 });
    const test = result.variables[0]!.test;
    expectClose(test.statistic, (fixture.populationMean.sample - 5822679 / 98) / fixture.populationMean.seFpc, 1e-12, 'z with fpc');
    const free = representativeness({ sample: sample2024(), population: frame(), variables: ['population'] });
    expect(test.p).toBeLessThan(free.variables[0]!.test.p);
  });

  it('uses Student t with n − 1 degrees of freedom for the mean on request, as t.test', () => {
    const result = representativeness({ sample: sample2024(), population: frame(), variables: ['population'], distribution: 't' });
    expectClose(result.rows[0]!.lower, fixture.populationMean.t[0], 1e-12, 'lower');
    expectClose(result.rows[0]!.upper, fixture.populationMean.t[1], 1e-12, 'upper');
    expect(result.distribution).toBe('t');
    expect(result.variables[0]!.test).toMatchObject({ method: 'one-sample-t', df: 69 });
  });
});

describe('representativeness inputs', () => {
  it('reads the sample from a Survey through its attributes', () => {
    const rows = sample2024().map((m) => ({ kode: m.code, region: m.region, indbyggere: m.population, q1: 'I høj grad' }));
    const s = survey({
      rows,
      id: 'kode',
      items: [{ id: 'q1', scale: scales.daDegree4 }],
      attributes: { region: 'category', indbyggere: 'number' },
    });
    const targets = targetsFromFrame(frame(), { variables: ['region', 'population'] });
    const result = representativeness({
      sample: s,
      targets: { region: targets.variables['region']!, indbyggere: targets.variables['population']! },
      variables: ['region', 'indbyggere'],
    });
    expect(percentRows(result.rows.slice(0, 5))).toEqual(TABLE_2024);
    expectClose(result.rows[5]!.sample, fixture.populationMean.sample, 1e-14, 'mean');
  });

  it('reads the sample from columns', () => {
    const region = regionRows().map((r) => r.region);
    const result = representativeness({ sample: { region }, population: frame(), variables: ['region'] });
    expect(percentRows(result.rows)).toEqual(TABLE_2024);
  });

  it('accepts { name, kind } to read numbers as categories', () => {
    const result = representativeness({
      sample: [{ g: 1 }, { g: 2 }, { g: 2 }, { g: 1 }],
      population: [{ g: 1 }, { g: 2 }],
      variables: [{ name: 'g', kind: 'categorical' }],
    });
    expect(result.rows.map((r) => [r.category, r.sample, r.population])).toEqual([
      ['1', 0.5, 0.5],
      ['2', 0.5, 0.5],
    ]);
  });

  it('compares categories as category keys (trimmed text)', () => {
    const result = representativeness({
      sample: [{ r: ' A' }, { r: 'B ' }],
      targets: { r: { A: 0.5, B: 0.5 } },
      variables: ['r'],
    });
    expect(result.rows.map((r) => r.count)).toEqual([1, 1]);
  });

  it('does not mutate its inputs', () => {
    const targets = Object.freeze({ region: Object.freeze({ A: 0.5, B: 0.5 }) });
    const sample = Object.freeze([Object.freeze({ region: 'A' }), Object.freeze({ region: 'B' })]);
    expect(() => representativeness({ sample, targets, variables: Object.freeze(['region']) })).not.toThrow();
  });
});

describe('representativeness edge cases', () => {
  it('keeps a population category absent from the sample with share 0 and absentFromSample', () => {
    const result = representativeness({
      sample: regionRows([20, 11, 16, 13, 0]),
      population: frame(),
      variables: ['region'],
    });
    const nord = result.rows[4]!;
    expect(nord).toMatchObject({ category: 'Nordjylland', sample: 0, count: 0, n: 60, absentFromSample: true, covered: false });
    expect(nord.lower).toBe(0);
    expect(nord.upper).toBe(0);
    expect(nord.gap).toBe(-11 / 98);
    expect(result.rows.slice(0, 4).some((r) => 'absentFromSample' in r)).toBe(false);
    expect(result.representative).toBe(false);
  });

  it('gives NaN shares and bounds, covered false and a reason for an empty sample', () => {
    const result = representativeness({ sample: [], targets: { region: { A: 0.4, B: 0.6 }, size: { mean: 3 } }, variables: ['region', 'size'] });
    expect(result.n).toBe(0);
    for (const row of result.rows) {
      expect(row.sample).toBeNaN();
      expect(row.lower).toBeNaN();
      expect(row.upper).toBeNaN();
      expect(row.gap).toBeNaN();
      expect(row.covered).toBe(false);
      expect(row.reason).toBeTruthy();
    }
    expect(result.representative).toBe(false);
    expect(result.variables[0]!.test.statistic).toBeNaN();
    expect(result.variables[1]!.test.reason).toMatch(/fewer than 2/);
  });

  it('counts missing numeric values in nMissing and leaves them out of n', () => {
    const result = representativeness({
      sample: [{ x: 1 }, { x: null }, { x: 3 }, { x: Number.NaN }, { x: '' }, { x: 5 }],
      targets: { x: { mean: 3 } },
      variables: ['x'],
    });
    expect(result.variables[0]).toMatchObject({ n: 3, nMissing: 3 });
    expect(result.rows[0]).toMatchObject({ sample: 3, n: 3, gap: 0, covered: true });
    expect(result.n).toBe(6);
  });

  it('counts missing categorical values in nMissing and leaves them out of the shares', () => {
    const result = representativeness({
      sample: [{ r: 'A' }, { r: null }, { r: 'B' }, { r: '  ' }, {}],
      targets: { r: { A: 0.5, B: 0.5 } },
      variables: ['r'],
    });
    expect(result.variables[0]).toMatchObject({ n: 2, nMissing: 3 });
    expect(result.rows.map((r) => r.sample)).toEqual([0.5, 0.5]);
  });

  it('gives NaN bounds with a reason for a mean of one value', () => {
    const result = representativeness({ sample: [{ x: 2 }], targets: { x: { mean: 3 } }, variables: ['x'] });
    expect(result.rows[0]!.sample).toBe(2);
    expect(result.rows[0]!.lower).toBeNaN();
    expect(result.rows[0]!.covered).toBe(false);
    expect(result.rows[0]!.reason).toMatch(/fewer than 2/);
  });

  it('reports a zero standard error as a test reason rather than an infinite statistic', () => {
    const result = representativeness({ sample: [{ x: 2 }, { x: 2 }], targets: { x: { mean: 2 } }, variables: ['x'] });
    expect(result.rows[0]).toMatchObject({ lower: 2, upper: 2, covered: true });
    expect(result.variables[0]!.test.statistic).toBeNaN();
    expect(result.variables[0]!.test.reason).toMatch(/standard error is 0/);
  });

  it('warns when an expected count is below 5', () => {
    const result = representativeness({
      sample: [{ r: 'A' }, { r: 'A' }, { r: 'B' }],
      targets: { r: { A: 0.5, B: 0.5 } },
      variables: ['r'],
    });
    expect(result.variables[0]!.test.minExpected).toBe(1.5);
    expect(result.variables[0]!.test.warning).toMatch(/^representativeness: "r": 2 of 2 expected counts are below 5/);
    expect(result.warnings).toHaveLength(1);
  });

  it('leaves categories with population share 0 out of the test and reports p = 0 when the sample falls in one', () => {
    const empty = representativeness({ sample: [{ r: 'A' }, { r: 'B' }], targets: { r: { A: 0.5, B: 0.5, C: 0 } }, variables: ['r'] });
    expect(empty.variables[0]!.test.df).toBe(1);
    expect(empty.rows[2]).toMatchObject({ category: 'C', population: 0, covered: true, absentFromSample: true });
    const hit = representativeness({ sample: [{ r: 'A' }, { r: 'C' }], targets: { r: { A: 0.5, B: 0.5, C: 0 } }, variables: ['r'] });
    expect(hit.variables[0]!.test).toMatchObject({ statistic: Infinity, p: 0 });
  });

  it('has nothing to test for a single category', () => {
    const result = representativeness({ sample: [{ r: 'A' }], targets: { r: { A: 1 } }, variables: ['r'] });
    expect(result.variables[0]!.test.p).toBeNaN();
    expect(result.variables[0]!.test.reason).toMatch(/fewer than 2 categories/);
  });
});

describe('representativeness errors', () => {
  const targets = { region: { A: 0.5, B: 0.5 } };
  const sample = [{ region: 'A' }, { region: 'B' }];

  it('lists every sample category the population lacks, with counts and rows', () => {
    expect(() =>
      representativeness({ sample: [{ region: 'A' }, { region: 'X' }, { region: 'Y' }, { region: 'X' }], targets, variables: ['region'] }),
    ).toThrow(/^representativeness: the sample has categories of "region" that the population does not: "X" \(2×, rows 1 and 3\), "Y" \(1×, row 2\)/);
  });

  it('rejects shares that do not sum to 1 and points to rescale', () => {
    expect(() => representativeness({ sample, targets: { region: { A: 0.5, B: 0.49 } }, variables: ['region'] })).toThrow(
      /^representativeness: shares of "region" sum to 99 % \(off by -1 %\).*rescale: true/,
    );
  });

  it('needs exactly one of population and targets', () => {
    expect(() => representativeness({ sample, variables: ['region'] })).toThrow(/^representativeness: give exactly one of population .* got neither/);
    expect(() => representativeness({ sample, targets, population: frame(), variables: ['region'] })).toThrow(/got both/);
  });

  it('rejects a variable the targets do not have', () => {
    expect(() => representativeness({ sample, targets, variables: ['size'] })).toThrow(/^representativeness: the targets have no variable "size"; they have "region"/);
  });

  it('rejects a variable the sample does not have', () => {
    expect(() => representativeness({ sample: [{ other: 1 }], targets, variables: ['region'] })).toThrow(/^representativeness: the sample has no column "region"; its columns include "other"/);
  });

  it('rejects a kind that disagrees with the target', () => {
    expect(() => representativeness({ sample, targets, variables: [{ name: 'region', kind: 'numeric' }] })).toThrow(
      /^representativeness: "region" is declared numeric but its target is categorical/,
    );
  });

  it('rejects non-numbers in a numeric variable, naming the rows', () => {
    expect(() => representativeness({ sample: [{ x: 1 }, { x: 'many' }], targets: { x: { mean: 1 } }, variables: ['x'] })).toThrow(
      /^representativeness: "x" is numeric in the population, but the sample holds non-numbers in row 1 \(first: "many"\)/,
    );
  });

  it('rejects a population frame with missing values and points to targetsFromFrame', () => {
    expect(() => representativeness({ sample, population: [{ region: 'A' }, { region: null }], variables: ['region'] })).toThrow(
      /^representativeness: the population frame must be complete, but "region" is missing in row 1 \(1 of 2\).*missing: 'ignore'/,
    );
  });

  it('rejects an invalid level, method, distribution and populationSize', () => {
    expect(() => representativeness({ sample, targets, variables: ['region'], level: 95 })).toThrow(/^representativeness: level must be a number strictly between 0 and 1/);
    expect(() => representativeness({ sample, targets, variables: ['region'], method: 'exact' as never })).toThrow(/^representativeness: unknown method "exact"/);
    expect(() => representativeness({ sample, targets, variables: ['region'], distribution: 'z' as never })).toThrow(/^representativeness: unknown distribution "z"/);
    expect(() => representativeness({ sample, targets, variables: ['region'], populationSize: 1 })).toThrow(/^representativeness: populationSize must be an integer >= the sample size 2/);
  });

  it('rejects malformed options, sample, targets and variables', () => {
    expect(() => representativeness(null as never)).toThrow(/^representativeness: pass \{ sample/);
    expect(() => representativeness({ sample: 3 as never, targets, variables: ['region'] })).toThrow(/^representativeness: sample must be rows/);
    expect(() => representativeness({ sample, targets: 'x' as never, variables: ['region'] })).toThrow(/^representativeness: targets must be an object/);
    expect(() => representativeness({ sample, targets: { size: 0.5, variables: targets } as never, variables: ['region'] })).toThrow(/^representativeness: targets.size must be a positive integer/);
    expect(() => representativeness({ sample, targets, variables: [] })).toThrow(/^representativeness: variables must be a non-empty array/);
    expect(() => representativeness({ sample, targets, variables: [{ name: 'region', kind: 'ordinal' as never }] })).toThrow(/^representativeness: variables\[0\] has unknown kind "ordinal"/);
    expect(() => representativeness({ sample, targets, variables: [3 as never] })).toThrow(/^representativeness: variables\[0\] must be a column name/);
    expect(() => representativeness({ sample, targets, variables: ['region', 'region'] })).toThrow(/^representativeness: variable "region" is listed twice/);
  });

  it('rejects survey attributes that are absent or of the wrong kind', () => {
    const s = survey({ rows: [{ id: 1, r: 'A', q: 'I høj grad' }], id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { r: 'category' } });
    expect(() => representativeness({ sample: s, targets: { z: { A: 1 } }, variables: ['z'] })).toThrow(/^representativeness: the survey has no attribute "z"; declare it in survey\(\{ attributes \}\) \(it has "r"\)/);
    expect(() => representativeness({ sample: s, targets: { r: { mean: 1 } }, variables: ['r'] })).toThrow(/^representativeness: "r" is a categorical attribute of the survey but a numeric variable/);
  });
});

describe('representativeness of a census', () => {
  it('covers every population value when the sample is the whole frame in another order (n = N)', () => {
    // With populationSize = N the intervals have zero width; the two means are the same numbers
    // summed in a different order and may differ in the last place.
    const frame = municipalities2020();
    // Rotating the frame by one row changes the last bit of the summed mean (checked: 65 of the
    // 196 rotations and reversed rotations do).
    const rotated = [...frame.slice(1), frame[0]!];
    for (const order of [rotated, rotated.slice().reverse()]) {
      const result = representativeness({ sample: order, population: frame, variables: ['region', 'population'], populationSize: 98 });
      expect(result.representative).toBe(true);
    }
  });
});
