import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { responseRates } from '../../src/representativeness/responseRates';
import { roundPercent } from '../../src/report/rounding';
import { scales } from '../../src/scale/presets';
import { REGIONS, frame, sample2024 } from './fixtures2024';

const codes = () => sample2024().map((m) => m.code);

describe('responseRates reproduces the 2024 report\'s Bilagstabel 1.1', () => {
  it('gives 71 % overall and 69, 65, 73, 68 and 91 % by region', () => {
    const result = responseRates(frame(), codes(), { id: 'code', by: ['region'] });
    expect(result.overall).toEqual({ frame: 98, responded: 70, rate: 70 / 98 });
    expect(roundPercent(result.overall.rate)).toBe(71);
    expect(result.groups.map((g) => g.group)).toEqual(REGIONS);
    expect(result.groups.map((g) => [g.responded, g.frame])).toEqual([[20, 29], [11, 17], [16, 22], [13, 19], [10, 11]]);
    expect(result.groups.map((g) => roundPercent(g.rate))).toEqual([69, 65, 73, 68, 91]);
    expect(result.method).toBe('response-rates');
    expect(result.n).toBe(98);
  });

  it('gives 71 % in both halves of a median split of the frame', () => {
    const result = responseRates(frame(), codes(), { id: 'code', by: [{ attribute: 'population', split: 'median', labels: ['small', 'large'] }] });
    expect(result.groups).toEqual([
      { by: 'population', grouping: 'median', group: 'small', frame: 49, responded: 35, rate: 35 / 49 },
      { by: 'population', grouping: 'median', group: 'large', frame: 49, responded: 35, rate: 35 / 49 },
    ]);
    expect(result.breaks).toEqual([{ by: 'population', grouping: 'median', breaks: [43171.5] }]);
  });

  it('groups by fixed size thresholds, listing empty groups with rate NaN', () => {
    const result = responseRates(frame(), codes(), { id: 'code', by: [{ attribute: 'population', breaks: [50000, 100000, 1e7] }] });
    expect(result.groups.map((g) => [g.group, g.frame, g.responded])).toEqual([
      ['under 50000', 59, 40],
      ['50000–99999', 32, 24],
      ['100000–9999999', 7, 6],
      ['10000000 and over', 0, 0],
    ]);
    expect(result.groups[3]!.rate).toBeNaN();
  });

  it('takes the respondents from a Survey\'s ids', () => {
    const s = survey({
      rows: sample2024().map((m) => ({ kode: m.code, q: 'I høj grad' })),
      id: 'kode',
      items: [{ id: 'q', scale: scales.daDegree4 }],
    });
    expect(responseRates(frame(), s, { id: 'code' })).toMatchObject({ overall: { responded: 70 }, groups: [] });
  });

  it('compares ids as category keys, so numbers match text codes', () => {
    const result = responseRates([{ id: '101' }, { id: 147 }], [101, ' 147 '], { id: 'id' });
    expect(result.overall.responded).toBe(2);
  });

  it('puts frame units without a group value in a null group', () => {
    const result = responseRates([{ id: 1, r: 'A' }, { id: 2, r: null }], [2], { id: 'id', by: ['r'] });
    expect(result.groups).toEqual([
      { by: 'r', grouping: 'category', group: 'A', frame: 1, responded: 0, rate: 0 },
      { by: 'r', grouping: 'category', group: null, frame: 1, responded: 1, rate: 1 },
    ]);
  });

  it('gives zero rates for no respondents', () => {
    expect(responseRates(frame(), [], { id: 'code' }).overall).toEqual({ frame: 98, responded: 0, rate: 0 });
  });
});

describe('responseRates errors', () => {
  it('lists every respondent not in the frame with its position', () => {
    expect(() => responseRates(frame(), ['101', '999', '147', 'x', null as never], { id: 'code' })).toThrow(
      /^responseRates: 3 respondents are not in the frame \(matched on "code" with categoryKey\): "999" at position 1, "x" at position 3, null at position 4; correct the ids/,
    );
  });

  it('rejects repeated respondents', () => {
    expect(() => responseRates(frame(), ['101', '147', '101'], { id: 'code' })).toThrow(/^responseRates: respondents repeat ids: "101" at positions 0 and 2/);
  });

  it('rejects a frame with missing or repeated ids', () => {
    expect(() => responseRates([{ id: 1 }, { id: null }], [], { id: 'id' })).toThrow(/^responseRates: the frame's id "id" is missing in row 1; every unit needs an id/);
    expect(() => responseRates([{ id: 1 }, { id: '1' }], [], { id: 'id' })).toThrow(/^responseRates: the frame repeats ids: "1" \(rows 0 and 1\)/);
  });

  it('splits at the median of a given reference instead of the frame', () => {
    // Three units of 10, 20, 30 inhabitants; the reference [100, 200] has median 150, so all three are in the lower half.
    const result = responseRates([{ id: 1, pop: 10 }, { id: 2, pop: 20 }, { id: 3, pop: 30 }], [1], {
      id: 'id',
      by: [{ attribute: 'pop', split: 'median', reference: [100, 200] }],
    });
    expect(result.breaks).toEqual([{ by: 'pop', grouping: 'median', breaks: [150] }]);
    expect(result.groups.map((g) => [g.group, g.frame, g.responded])).toEqual([
      ['<= 150', 3, 1],
      ['> 150', 0, 0],
    ]);
  });

  it('rejects an unknown option key and a misspelt key in a grouping, naming the closest valid one', () => {
    expect(() => responseRates(frame(), [], { id: 'code', bye: ['region'] } as never)).toThrow(
      'responseRates: unknown option "bye"; did you mean "by"?',
    );
    expect(() => responseRates(frame(), [], { id: 'code', by: [{ attribute: 'population', breaks: [50000], lables: ['a', 'b'] } as never] })).toThrow(
      'responseRates: by[0]: unknown option "lables"; did you mean "labels"?',
    );
    expect(() => responseRates(frame(), [], { id: 'code', by: [{ column: 'population', split: 'median' } as never] })).toThrow(
      /^responseRates: by\[0\]: unknown option "column"/,
    );
  });

  it('rejects absent columns and malformed groupings', () => {
    expect(() => responseRates(frame(), [], { id: 'kode' })).toThrow(/^responseRates: the frame has no id column "kode"; its columns include "code"/);
    expect(() => responseRates(frame(), [], { id: 'code', by: ['landsdel'] })).toThrow(/^responseRates: the frame has no column "landsdel" to group by/);
    expect(() => responseRates(frame(), [], { id: 'code', by: [{ attribute: 'population' } as never] })).toThrow(/^responseRates: by\[0\] must be a column name, \{ attribute, breaks, labels\? \} or \{ attribute, split: 'median'/);
    expect(() => responseRates(frame(), [], { id: 'code', by: 'region' as never })).toThrow(/^responseRates: by must be an array/);
    expect(() => responseRates(frame(), [], { id: 'code', by: [{ attribute: 'region', split: 'median' }] })).toThrow(/^responseRates: "region" must hold numbers to make size groups, but rows 0, 1, 2, 3, 4 and 93 more do not/);
    expect(() => responseRates(frame(), [], { id: 'code', by: [{ attribute: 'population', breaks: [2, 1] }] })).toThrow(/^responseRates: grouping by "population": sizeGroups: breaks must be finite and strictly increasing/);
    expect(() => responseRates(frame(), [], null as never)).toThrow(/^responseRates: options must give the frame's id column/);
    expect(() => responseRates(frame(), 'abc' as never, { id: 'code' })).toThrow(/^responseRates: respondents must be an array of ids or a Survey/);
  });
});
