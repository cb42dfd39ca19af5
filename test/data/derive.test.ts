import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { compareGroups } from '../../src/describe/compareGroups';
import { scales } from '../../src/scale/presets';

const rows = Object.freeze([
  { kode: '101', region: 'Region Hovedstaden', size: 'a', q: 'I høj grad', a: 'x', b: '' },
  { kode: '147', region: 'Region Hovedstaden', size: 'b', q: 'Slet ikke', a: '', b: 'x' },
  { kode: '151', region: 'Region Sjælland', size: 'c', q: 'I høj grad', a: 'x', b: 'x' },
  { kode: '153', region: 'Region Nordjylland', size: 'c', q: 'I mindre grad', a: 'nej', b: 'nej' },
  { kode: '155', region: null, size: 'a', q: 'I meget høj grad', a: null, b: null },
].map((row) => Object.freeze(row)));

const s = survey({
  rows,
  id: 'kode',
  items: [{ id: 'q', scale: scales.daDegree4 }],
  attributes: { region: 'category', size: 'category' },
  multiSelect: [{ id: 'informant', columns: { politisk: 'a', administrativt: 'b' } }],
});

const regions = { 'Region Hovedstaden': 'Hovedstaden', 'Region Sjælland': 'Sjælland', 'Region Nordjylland': 'Nordjylland' };

describe('s.recode', () => {
  it('replaces the attribute in a new survey and leaves the original unchanged', () => {
    const recoded = s.recode('region', regions);
    expect(recoded.category('region')).toEqual(['Hovedstaden', 'Hovedstaden', 'Sjælland', 'Nordjylland', null]);
    expect(s.category('region')[0]).toBe('Region Hovedstaden');
    expect(recoded.where('region', 'Hovedstaden').ids).toEqual(['101', '147']);
  });

  it('adds a new attribute with as, keeping the source', () => {
    const recoded = s.recode('region', regions, { as: 'region2' });
    expect(recoded.attributes).toEqual({ region: 'category', size: 'category', region2: 'category' });
    expect(recoded.category('region')[2]).toBe('Region Sjælland');
    expect(recoded.category('region2')[2]).toBe('Sjælland');
    expect(s.attributes).toEqual({ region: 'category', size: 'category' });
    expect(compareGroups(recoded, 'q', { by: 'region2' }).groups.map((r) => r.group)).toContain('Hovedstaden');
  });

  it('refuses an unmapped category by default, listing it with its count', () => {
    expect(() => s.recode('region', { 'Region Hovedstaden': 'Hovedstaden' })).toThrow(
      /^survey\.recode: 2 categories of "region" are not in the mapping: "Region Sjælland" ×1 \(respondents 2\); "Region Nordjylland" ×1 \(respondents 3\); add them, or pass unmapped: 'keep' or 'missing'/,
    );
  });

  it('keeps or drops unmapped categories when told', () => {
    const partial = { 'Region Hovedstaden': 'Hovedstaden' };
    expect(s.recode('region', partial, { unmapped: 'keep' }).category('region')).toEqual([
      'Hovedstaden', 'Hovedstaden', 'Region Sjælland', 'Region Nordjylland', null,
    ]);
    expect(s.recode('region', partial, { unmapped: 'missing' }).category('region')).toEqual([
      'Hovedstaden', 'Hovedstaden', null, null, null,
    ]);
  });

  it('maps to missing with null', () => {
    expect(s.recode('region', { ...regions, 'Region Nordjylland': null }).category('region')[3]).toBeNull();
  });

  it('treats prototype-named categories as data', () => {
    const odd = survey({
      columns: { id: [1, 2, 3], g: ['constructor', '__proto__', 'toString'], q: [1, 2, 3] },
      id: 'id',
      items: [{ id: 'q', scale: scales.daDegree4 }],
      attributes: { g: 'category' },
    });
    const mapping = JSON.parse('{"constructor": "c", "__proto__": "p"}') as Record<string, string>;
    expect(odd.recode('g', mapping, { unmapped: 'keep' }).category('g')).toEqual(['c', 'p', 'toString']);
    expect(() => odd.recode('g', mapping)).toThrow(/"toString" ×1/);
    const collapsed = odd.collapse('g', JSON.parse('{"__proto__": ["constructor", "toString"], "hasOwnProperty": ["__proto__"]}') as Record<string, string[]>);
    expect(collapsed.category('g')).toEqual(['__proto__', 'hasOwnProperty', '__proto__']);
    expect(collapsed.where('g', '__proto__').size).toBe(2);
  });

  it('recodes a subset for its own respondents only', () => {
    const north = s.where('region', 'Region Nordjylland').recode('region', { 'Region Nordjylland': 'Nord' });
    expect(north.category('region')).toEqual(['Nord']);
    expect(north.ids).toEqual(['153']);
  });

  it('refuses a numeric attribute, an unknown one and a name already taken', () => {
    expect(() => s.recode('nope', {})).toThrow(/^survey\.recode: no categorical attribute "nope"/);
    expect(() => s.recode('region', regions, { as: 'size' })).toThrow(/"size" is already an item, attribute or question/);
    expect(() => s.recode('region', regions, { as: 'q' })).toThrow(/already an item/);
    expect(() => s.recode('region', regions, { unmapped: 'drop' as never })).toThrow(/unmapped must be 'error', 'keep' or 'missing'/);
  });
});

describe('s.collapse', () => {
  it('groups categories into new ones', () => {
    const collapsed = s.collapse('size', { small: ['a', 'b'], large: ['c'] });
    expect(collapsed.category('size')).toEqual(['small', 'small', 'large', 'large', 'small']);
    expect(s.category('size')).toEqual(['a', 'b', 'c', 'c', 'a']);
  });

  it('refuses a category listed in two groups and, by default, one in none', () => {
    expect(() => s.collapse('size', { small: ['a', 'b'], large: ['b', 'c'] })).toThrow(
      /^survey\.collapse: category "b" is listed in both "small" and "large"/,
    );
    expect(() => s.collapse('size', { small: ['a', 'b'] })).toThrow(/"c" ×2 \(respondents 2, 3\)/);
    expect(s.collapse('size', { small: ['a', 'b'] }, { as: 'small', unmapped: 'missing' }).category('small')).toEqual([
      'small', 'small', null, null, 'small',
    ]);
  });
});

describe('s.combinations', () => {
  const categories = {
    'kun politisk': ['politisk'],
    'kun administrativt': ['administrativt'],
    begge: ['politisk', 'administrativt'],
  };

  it('codes the exact set ticked as one exclusive category, as the 2024 report does', () => {
    const derived = s.combinations('informant', { as: 'informantType', categories });
    // Row 3 ticked nothing ("nej" twice), row 4 left both blank: both missing by default.
    expect(derived.category('informantType')).toEqual(['kun politisk', 'kun administrativt', 'begge', null, null]);
    expect(derived.attributes['informantType']).toBe('category');
    expect(s.attributes['informantType']).toBeUndefined();
  });

  it('gives respondents who ticked nothing the none category, never those who left every cell blank', () => {
    const derived = s.combinations('informant', { as: 'type', categories, none: 'ingen' });
    expect(derived.category('type')).toEqual(['kun politisk', 'kun administrativt', 'begge', 'ingen', null]);
  });

  it('refuses a combination in no category unless other is given', () => {
    const partial = { 'kun politisk': ['politisk'] };
    expect(() => s.combinations('informant', { as: 't', categories: partial })).toThrow(
      /^survey\.combinations: 2 combinations of "informant" are in no category: \["administrativt"\] ×1; \["politisk", "administrativt"\] ×1/,
    );
    expect(s.combinations('informant', { as: 't', categories: partial, other: 'andet' }).category('t')).toEqual([
      'kun politisk', 'andet', 'andet', null, null,
    ]);
  });

  it('follows the survey\'s filters', () => {
    const derived = s.where('size', 'c').combinations('informant', { as: 't', categories, none: 'ingen' });
    expect(derived.category('t')).toEqual(['begge', 'ingen']);
  });

  it('refuses an unknown option, two categories with one set, and an unknown question', () => {
    expect(() => s.combinations('informant', { as: 't', categories: { x: ['politik'] } })).toThrow(
      /names "politik", which is not an option of "informant"; its options are "politisk", "administrativt"/,
    );
    expect(() => s.combinations('informant', { as: 't', categories: { x: ['politisk'], y: ['politisk'] } })).toThrow(/same set of options/);
    expect(() => s.combinations('nope', { as: 't', categories })).toThrow(/no multi-select question "nope"; its questions are "informant"/);
  });
});
