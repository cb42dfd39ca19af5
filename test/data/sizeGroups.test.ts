import { describe, expect, it } from 'vitest';
import { medianSplit, sizeGroups } from '../../src/data/sizeGroups';
import { municipalities2020 } from '../../src/demo/municipalities';

describe('sizeGroups', () => {
  it('reproduces the frame README: 59 / 32 / 7 municipalities under 50,000 / 50,000–99,999 / 100,000 and over', () => {
    // data/README.md: size groups on 1 January 2020 are 59 / 32 / 7 (Varde at 49,961 is under 50,000).
    const result = sizeGroups(municipalities2020().map((m) => m.population), { breaks: [50000, 100000] });
    expect(result.counts).toEqual([59, 32, 7]);
    expect(result.labels).toEqual(['under 50000', '50000–99999', '100000 and over']);
  });

  it('puts a value equal to a break in the upper group', () => {
    expect(sizeGroups([49999, 50000, 100000], { breaks: [50000, 100000] }).groups).toEqual([
      'under 50000',
      '50000–99999',
      '100000 and over',
    ]);
  });

  it('gives null for missing values and counts them', () => {
    const r = sizeGroups([1, null, NaN, undefined], { breaks: [2], labels: ['small', 'large'] });
    expect(r.groups).toEqual(['small', null, null, null]);
    expect(r.missing).toBe(3);
  });

  it('rejects breaks that do not increase and labels of the wrong length', () => {
    expect(() => sizeGroups([1], { breaks: [5, 5] })).toThrow(/^sizeGroups: breaks must be finite and strictly increasing; breaks\[1\] is 5/);
    expect(() => sizeGroups([1], { breaks: [] })).toThrow(/^sizeGroups: breaks must be a non-empty array/);
    expect(() => sizeGroups([1], { breaks: [5], labels: ['a'] })).toThrow(/1 breaks make 2 groups, but 1 labels/);
    expect(() => sizeGroups(['7' as never], { breaks: [5] })).toThrow(/values\[0\] is "7", not a number/);
  });
});

describe('medianSplit', () => {
  it('splits at the median of the values, the median itself going low', () => {
    expect(medianSplit([10, 20, 30, 40]).groups).toEqual(['<= 25', '<= 25', '> 25', '> 25']);
    expect(medianSplit([1, 2, 3]).groups).toEqual(['<= 2', '<= 2', '> 2']);
  });

  it('splits respondents at the median of the whole frame (49 and 49 of the 98 municipalities)', () => {
    const populations = municipalities2020().map((m) => m.population);
    const result = medianSplit(populations, { reference: populations, labels: ['small', 'large'] });
    expect(result.counts).toEqual([49, 49]);
    // The median of the 98 populations on 1 January 2020 lies between the 49th and 50th values.
    const sorted = populations.slice().sort((a, b) => a - b);
    expect(result.breaks).toEqual([(sorted[48]! + sorted[49]!) / 2]);
  });

  it('rejects an empty reference', () => {
    expect(() => medianSplit([], {})).toThrow(/^medianSplit: the reference has no values/);
  });
});
