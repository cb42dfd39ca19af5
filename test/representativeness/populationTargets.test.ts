import { describe, expect, it } from 'vitest';
import { defineTargets, targetsFromFrame } from '../../src/representativeness/populationTargets';
import { expectClose } from '../helpers/close';
import { FRAME_COUNTS, REGIONS, fixture, frame } from './fixtures2024';

const PUBLISHED = { Hovedstaden: 0.3, Sjælland: 0.17, Syddanmark: 0.22, Midtjylland: 0.19, Nordjylland: 0.11 };

describe('targetsFromFrame', () => {
  it('takes shares, counts, mean, sd and total from the 98-municipality frame', () => {
    const targets = targetsFromFrame(frame(), { variables: ['region', 'population'], source: 'Statistics Denmark FOLK1A 2020K1' });
    expect(targets.size).toBe(98);
    expect(targets.source).toBe('Statistics Denmark FOLK1A 2020K1');
    const region = targets.variables['region']!;
    expect(region.kind).toBe('categorical');
    if (region.kind !== 'categorical') return;
    expect(Object.keys(region.shares)).toEqual(REGIONS);
    expect(Object.values(region.counts!)).toEqual(FRAME_COUNTS);
    REGIONS.forEach((r, k) => expect(region.shares[r]).toBe((FRAME_COUNTS[k] as number) / 98));
    const population = targets.variables['population']!;
    expect(population.kind).toBe('numeric');
    if (population.kind !== 'numeric') return;
    expect(population.total).toBe(5822679);
    expect(population.n).toBe(98);
    // R: mean(frame$population), sd(frame$population)
    expectClose(population.mean, fixture.populationMean.population, 1e-15, 'mean');
    expectClose(population.sd!, fixture.populationMean.populationSd, 1e-14, 'sd');
    expect(targets.warnings).toBeUndefined();
  });

  it('treats a variable as numeric only when every non-missing value is a number', () => {
    const targets = targetsFromFrame([{ a: 1, b: '1' }, { a: 2, b: 2 }], { variables: ['a', 'b'] });
    expect(targets.variables['a']!.kind).toBe('numeric');
    expect(targets.variables['b']).toEqual({ kind: 'categorical', shares: { '1': 0.5, '2': 0.5 }, counts: { '1': 1, '2': 1 } });
  });

  it('leaves sd out for a single unit', () => {
    expect(targetsFromFrame([{ x: 4 }], { variables: ['x'] }).variables['x']).toEqual({ kind: 'numeric', mean: 4, total: 4, n: 1 });
  });

  it('names every variable and row with missing values', () => {
    const rows = [{ a: 1, b: 'x' }, { a: null, b: '' }, { a: 3, b: null }];
    expect(() => targetsFromFrame(rows, { variables: ['a', 'b'] })).toThrow(
      /^targetsFromFrame: the population frame must be complete, but "a" is missing in row 1 \(1 of 3\); "b" is missing in rows 1 and 2 \(2 of 3\); fill them in/,
    );
  });

  it('ignores missing values on request, with a warning', () => {
    const targets = targetsFromFrame([{ a: 1 }, { a: null }, { a: 3 }], { variables: ['a'], missing: 'ignore' });
    expect(targets.size).toBe(3);
    expect(targets.variables['a']).toMatchObject({ mean: 2, n: 2 });
    expect(targets.warnings).toEqual(['targetsFromFrame: "a" is missing in row 1 (1 of 3); those units are left out of its target']);
  });

  it('rejects bad frames, columns and options with messages that say what to do', () => {
    expect(() => targetsFromFrame([], { variables: ['a'] })).toThrow(/^targetsFromFrame: the population frame has no rows/);
    expect(() => targetsFromFrame([{ a: 1 }], { variables: ['b'] })).toThrow(/^targetsFromFrame: the population frame has no column "b"; its columns include "a"/);
    expect(() => targetsFromFrame([{ a: null }], { variables: ['a'] })).toThrow(/^targetsFromFrame: variable "a" has no values/);
    expect(() => targetsFromFrame([{ a: 'x' }], { variables: [{ name: 'a', kind: 'numeric' }] })).toThrow(/^targetsFromFrame: numeric variable "a" holds non-numbers in row 0 \(first: "x"\)/);
    expect(() => targetsFromFrame([{ a: 1 }], { variables: ['a'], missing: 'drop' as never })).toThrow(/^targetsFromFrame: unknown missing "drop"/);
    expect(() => targetsFromFrame([{ a: 1 }], null as never)).toThrow(/^targetsFromFrame: options must be an object/);
    expect(() => targetsFromFrame(5 as never, { variables: ['a'] })).toThrow(/^targetsFromFrame: rows must be an iterable/);
  });
});

describe('defineTargets', () => {
  it('keeps exact shares and numeric summaries as given', () => {
    const targets = defineTargets({ size: 98, variables: { r: { A: 0.25, B: 0.75 }, p: { mean: 60828, sd: 1, total: 5 } }, source: 'report' });
    expect(targets).toEqual({
      size: 98,
      variables: { r: { kind: 'categorical', shares: { A: 0.25, B: 0.75 } }, p: { kind: 'numeric', mean: 60828, sd: 1, total: 5 } },
      source: 'report',
    });
  });

  it('accepts full targets with kind, including a category named mean', () => {
    const targets = defineTargets({ variables: { r: { kind: 'categorical', shares: { mean: 0.5, median: 0.5 } }, p: { kind: 'numeric', mean: 2 } } });
    expect(targets.variables['r']).toEqual({ kind: 'categorical', shares: { mean: 0.5, median: 0.5 } });
  });

  it('rescales the 2024 report\'s rounded shares (99 %) with a warning', () => {
    const targets = defineTargets({ variables: { region: PUBLISHED }, rescale: true });
    const shares = (targets.variables['region'] as { shares: Record<string, number> }).shares;
    expectClose(Object.values(shares).reduce((a, b) => a + b, 0), 1, 1e-15, 'sum');
    expect(shares['Hovedstaden']).toBe(0.3 / 0.99);
    expect(targets.warnings).toEqual(['defineTargets: shares of "region" sum to 99 % (off by -1 %); rescaled each share by 1/0.99']);
  });

  it('rejects shares that do not sum to 1, saying which variable and by how much', () => {
    expect(() => defineTargets({ variables: { region: PUBLISHED } })).toThrow(
      /^defineTargets: shares of "region" sum to 99 % \(off by -1 %\), but they must sum to 1 within 1e-9; .*rescale: true/,
    );
  });

  it('accepts shares within 1e-9 of summing to 1 without a warning', () => {
    expect(defineTargets({ variables: { r: { A: 1 / 3, B: 1 / 3, C: 1 / 3 } } }).warnings).toBeUndefined();
  });

  it('refuses to rescale shares further from 1 than whole-percent rounding explains', () => {
    expect(() => defineTargets({ variables: { r: { A: 0.5, B: 0.4 } }, rescale: true })).toThrow(
      /^defineTargets: shares of "r" sum to 90 % \(off by -10 %\), more than rounding 2 shares to whole percentages can explain \(1 %\)/,
    );
  });

  it('rejects shares outside [0, 1], hinting at percentages', () => {
    expect(() => defineTargets({ variables: { r: { A: 30, B: 70 } } })).toThrow(/^defineTargets: the share of "r" = "A" must lie in \[0, 1\], got 30 — shares are fractions, so write 0.3 for 30 %/);
    expect(() => defineTargets({ variables: { r: { A: -0.1, B: 1.1 } } })).toThrow(/^defineTargets: the share of "r" = "A" must lie in \[0, 1\], got -0.1$/);
  });

  it('rejects malformed targets with messages naming the variable', () => {
    expect(() => defineTargets(null as never)).toThrow(/^defineTargets: pass \{ variables/);
    expect(() => defineTargets({ variables: [] as never })).toThrow(/^defineTargets: variables must be an object of targets/);
    expect(() => defineTargets({ variables: {} })).toThrow(/^defineTargets: no targets were given/);
    expect(() => defineTargets({ variables: { r: 0.3 as never } })).toThrow(/^defineTargets: the target of "r" must be shares/);
    expect(() => defineTargets({ variables: { r: {} } })).toThrow(/^defineTargets: "r" has no categories/);
    expect(() => defineTargets({ variables: { r: { ' A': 1 } } })).toThrow(/^defineTargets: "r" has a category named " A"; categories must be non-empty/);
    expect(() => defineTargets({ variables: { r: { A: '1' as never } } })).toThrow(/^defineTargets: the share of "r" = "A" must be a finite number, got "1"/);
    expect(() => defineTargets({ variables: { r: { kind: 'categorical', shares: 3 } as never } })).toThrow(/^defineTargets: the shares of "r" must be an object/);
    expect(() => defineTargets({ variables: { r: { kind: 'ordinal' } as never } })).toThrow(/^defineTargets: the target of "r" has unknown kind "ordinal"/);
    expect(() => defineTargets({ variables: { p: { kind: 'numeric', mean: Number.NaN } } })).toThrow(/^defineTargets: the mean of "p" must be a finite number, got NaN/);
    expect(() => defineTargets({ variables: { p: { mean: 1, sd: -1 } } })).toThrow(/^defineTargets: the sd of "p" must be non-negative, got -1/);
    expect(() => defineTargets({ variables: { p: { mean: 1, total: Infinity } } })).toThrow(/^defineTargets: the total of "p" must be a finite number when given/);
    expect(() => defineTargets({ size: 9.5, variables: { p: { mean: 1 } } })).toThrow(/^defineTargets: size must be a positive integer/);
  });
});
