import { describe, expect, it } from 'vitest';
import {
  defineTargets,
  scales,
  survey,
  postStratify,
  rake,
  representativeness,
  targetsFromFrame,
} from '../../src/index';

// Names of Object.prototype members: as categories they must be data like any other.
const NAMES = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'] as const;

/** One frame row per name, each in its own category; twice as many "other". */
const frame = [...NAMES, 'other', 'other'].map((region, i) => ({ code: i, region }));
/** Shares built with Object.fromEntries, so "__proto__" is an own key. */
const shares = Object.fromEntries([...NAMES.map((name) => [name, 1 / 7] as const), ['other', 2 / 7] as const]);

describe('categories named like Object.prototype members', () => {
  it('targetsFromFrame counts each of them as a category: a share of 1/7 and a count of 1', () => {
    const targets = targetsFromFrame(frame, { variables: ['region'] });
    const region = targets.variables['region']!;
    expect(region.kind).toBe('categorical');
    if (region.kind !== 'categorical') return;
    expect(Object.keys(region.shares)).toEqual([...NAMES, 'other']);
    for (const name of NAMES) {
      expect(Object.hasOwn(region.shares, name), name).toBe(true);
      expect(region.shares[name], name).toBe(1 / 7);
      expect(region.counts![name], name).toBe(1);
    }
    expect(Object.getPrototypeOf(region.shares)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(region.shares))).toEqual(JSON.parse(JSON.stringify(shares)));
  });

  it('defineTargets keeps each of them as a category, __proto__ included', () => {
    const targets = defineTargets({ variables: { region: shares } });
    const region = targets.variables['region']!;
    if (region.kind !== 'categorical') throw new Error('expected categorical');
    expect(Object.keys(region.shares)).toEqual([...NAMES, 'other']);
    expect(Object.hasOwn(region.shares, '__proto__')).toBe(true);
  });

  it('representativeness gives one row per such category, from a frame and from targets', () => {
    const sample = [...NAMES, 'other', 'other'].map((region) => ({ region }));
    for (const input of [{ population: frame }, { targets: { region: shares } }]) {
      const result = representativeness({ sample, ...input, variables: ['region'] });
      expect(result.rows.map((row) => row.category)).toEqual([...NAMES, 'other']);
      for (const row of result.rows.slice(0, NAMES.length)) {
        expect(row.population, row.category!).toBe(1 / 7);
        expect(row.count, row.category!).toBe(1);
        expect(row.sample, row.category!).toBe(1 / 7);
      }
      expect(result.representative).toBe(true);
    }
  });

  it('representativeness says that a variable named constructor is not in the targets', () => {
    expect(() =>
      representativeness({ sample: [{ region: 'other', constructor: 'x' }], targets: { region: shares }, variables: ['constructor'] }),
    ).toThrow(/^representativeness: the targets have no variable "constructor"/);
  });

  it('postStratify and rake weight respondents in such categories', () => {
    const sample = [...NAMES, 'other'].map((region) => ({ region }));
    const post = postStratify(sample, { variable: 'region', targets: shares });
    // Each of the five names has 1 of 6 respondents and a share of 1/7: weight (1/7)·6/1 = 6/7.
    for (let i = 0; i < NAMES.length; i++) expect(post.weights[i]).toBeCloseTo(6 / 7, 14);
    expect(post.weights[5]).toBeCloseTo(12 / 7, 14);
    const raked = rake(sample, { targets: { region: shares } });
    expect(Array.from(raked.weights)).toEqual(Array.from(post.weights).map((w) => expect.closeTo(w, 12)));
  });

  it('reads a target variable named __proto__ in the plain shape', () => {
    const targets = Object.fromEntries([['__proto__', { a: 0.5, b: 0.5 }]]);
    const result = representativeness({ sample: { ['__proto__']: ['a', 'b'] }, targets, variables: ['__proto__'] });
    expect(result.rows.map((row) => [row.variable, row.category])).toEqual([
      ['__proto__', 'a'],
      ['__proto__', 'b'],
    ]);
  });

  it('says that a survey has no attribute named constructor or toString, rather than reading Object.prototype', () => {
    const s = survey({ rows: [{ id: '1', q: 'Slet ikke', region: 'other' }], id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { region: 'category' } });
    expect(() => representativeness({ sample: s, targets: { toString: shares }, variables: ['toString'] })).toThrow(/^representativeness: the survey has no attribute "toString"/);
    expect(() => postStratify(s, { variable: 'constructor', targets: shares })).toThrow(/^postStratify: the survey has no categorical attribute "constructor"/);
  });
});

describe('weighting reads rows by their own properties only', () => {
  it('a row without a "toString" or "constructor" column has none: rake and postStratify do not read Object members', () => {
    const rows = [{ a: 'x' }, { a: 'y' }];
    expect(() => rake(rows, { targets: { toString: { x: 0.5, y: 0.5 } } })).toThrow(/no column "toString"/);
    expect(() => postStratify(rows, { variable: 'constructor', targets: { x: 0.5, y: 0.5 } })).toThrow(/no column "constructor"/);
  });

  it('a column called "toString" is data like any other', () => {
    const rows = [{ toString: 'x' }, { toString: 'y' }, { toString: 'y' }] as unknown as Record<string, unknown>[];
    const result = postStratify(rows, { variable: 'toString', targets: { x: 0.5, y: 0.5 } });
    expect(Array.from(result.weights)).toEqual([1.5, 0.75, 0.75]);
  });
});
