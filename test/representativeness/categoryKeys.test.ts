import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { postStratify } from '../../src/representativeness/postStratify';
import { representativeness } from '../../src/representativeness/representativeness';
import { responseRates } from '../../src/representativeness/responseRates';
import { defineTargets, targetsFromFrame } from '../../src/representativeness/populationTargets';
import { scales } from '../../src/scale/presets';

// The representativeness layer reads categories and ids with the library's one categoryKey:
// text trimmed of white space and invisible characters and put in NFC, numbers as exact digits,
// and anything else refused. Before, it used String(value).trim(), which kept a zero-width space
// (U+200B, which String.prototype.trim does not remove), wrote 1e21 as "1e+21" and turned an
// object into the category "[object Object]".

describe('representativeness reads categories with categoryKey', () => {
  it('matches a sample category to a frame category that differs only by a zero-width space', () => {
    const frame = [{ region: 'Nord\u200B' }, { region: 'Syd' }];
    const result = representativeness({ sample: [{ region: 'Nord' }, { region: 'Syd' }], population: frame, variables: ['region'] });
    expect(result.rows.map((row) => [row.category, row.count])).toEqual([
      ['Nord', 1],
      ['Syd', 1],
    ]);
  });

  it('refuses an object in a categorical sample column, naming the column and row', () => {
    const sample = [{ region: 'Nord' }, { region: { name: 'Syd' } }];
    expect(() => representativeness({ sample, targets: { region: { Nord: 0.5, Syd: 0.5 } }, variables: ['region'] })).toThrow(
      new TypeError('representativeness: "region" holds an object {"name":"Syd"} in row 1, which is not a category; convert it to text or a number'),
    );
  });
});

describe('targetsFromFrame and defineTargets read categories with categoryKey', () => {
  it('counts a frame category with a zero-width space as the plain category', () => {
    const targets = targetsFromFrame([{ region: 'Nord' }, { region: '\u200BNord' }, { region: 'Syd' }, { region: 'Syd' }], { variables: ['region'] });
    expect(targets.variables.region).toEqual({ kind: 'categorical', shares: { Nord: 0.5, Syd: 0.5 }, counts: { Nord: 2, Syd: 2 } });
  });

  it('refuses a Date in a frame column, naming the row', () => {
    expect(() => targetsFromFrame([{ region: 'Nord' }, { region: new Date(0) }], { variables: [{ name: 'region', kind: 'categorical' }] })).toThrow(
      /^targetsFromFrame: "region" holds a Date \(1970-01-01T00:00:00\.000Z\) in row 1, which is not a category/,
    );
  });

  it('refuses a target category wrapped in an invisible character, as one with spaces', () => {
    expect(() => defineTargets({ variables: { region: { 'Nord\u200B': 0.5, Syd: 0.5 } } })).toThrow(
      /^defineTargets: "region" has a category named "Nord\u200B"; categories must be non-empty and without surrounding white space/,
    );
  });
});

describe('weighting results carry ids read as the survey reads them', () => {
  const rows = [
    { kode: 1e21, region: 'Nord', q: 'I høj grad' },
    { kode: '\u200B147', region: 'Syd', q: 'Slet ikke' },
  ];

  it('gives postStratify ids that s.withWeights accepts for a survey of the same rows', () => {
    const s = survey({ rows, id: 'kode', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { region: 'category' } });
    expect(s.ids).toEqual(['1000000000000000000000', '147']);
    const weights = postStratify(rows, { variable: 'region', targets: { Nord: 0.5, Syd: 0.5 }, id: 'kode' });
    expect(weights.ids).toEqual(['1000000000000000000000', '147']);
    expect(Array.from(s.withWeights(weights).weights as Float64Array)).toEqual([1, 1]);
  });

  it('refuses an object id, naming the id column and row', () => {
    expect(() => postStratify([{ kode: {}, region: 'Nord' }], { variable: 'region', targets: { Nord: 1 }, id: 'kode' })).toThrow(
      new TypeError('postStratify: "kode" holds an object {} in row 0, which is not a category; convert it to text or a number'),
    );
  });
});

describe('responseRates matches ids and categories with categoryKey', () => {
  it('finds a frame id written with a zero-width space, and groups by invisible-free categories', () => {
    const frame = [
      { code: '101', region: 'Nord' },
      { code: '147\u200B', region: 'Nord\u200B' },
    ];
    const result = responseRates(frame, ['147'], { id: 'code', by: ['region'] });
    expect(result.groups).toEqual([{ by: 'region', grouping: 'category', group: 'Nord', frame: 2, responded: 1, rate: 0.5 }]);
  });

  it('refuses an object respondent id, saying it is not in the frame', () => {
    expect(() => responseRates([{ code: '101' }], [{} as never], { id: 'code' })).toThrow(/^responseRates: 1 respondent is not in the frame .*: an object \{\} at position 0/);
  });
});
