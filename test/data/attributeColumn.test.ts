import { describe, expect, it } from 'vitest';
import { safeSurvey, survey } from '../../src/data/survey';
import { scales } from '../../src/scale/presets';

const d4 = scales.daDegree4;
const columns = {
  'Respondent ID': ['101', '147', '151'],
  Region: ['Region Hovedstaden', 'Region Hovedstaden', 'Region Sjælland'],
  Indbyggere: ['632.340', '104.305', '48.602'],
  q: ['I høj grad', 'Ved ikke', 'Slet ikke'],
};

describe('survey attributes read from a column of another name', () => {
  it('reads { column, kind } into the attribute of the given name', () => {
    const s = survey({
      columns,
      id: 'Respondent ID',
      items: [{ id: 'q', scale: d4 }],
      attributes: { region: { column: 'Region', kind: 'category' }, population: { column: 'Indbyggere', kind: 'number' } },
      decimal: ',',
    });
    expect(s.attributes).toEqual({ region: 'category', population: 'number' });
    expect(s.category('region')).toEqual(['Region Hovedstaden', 'Region Hovedstaden', 'Region Sjælland']);
    expect([...s.numeric('population')]).toEqual([632340, 104305, 48602]);
  });

  it('names the source column when it is missing, with the attribute it was wanted for', () => {
    const result = safeSurvey({ columns, id: 'Respondent ID', items: [{ id: 'q', scale: d4 }], attributes: { region: { column: 'Regoin', kind: 'category' } } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ kind: 'missing-column', column: 'Regoin' });
    expect(result.issues[0]?.message).toMatch(/category attribute "region"/);
    expect(result.issues[0]?.message).toMatch(/did you mean "Region"/);
  });

  it('reports bad numbers against the source column', () => {
    const result = safeSurvey({
      columns: { ...columns, Indbyggere: ['632.340', 'mange', '48.602'] },
      id: 'Respondent ID',
      items: [{ id: 'q', scale: d4 }],
      attributes: { population: { column: 'Indbyggere', kind: 'number' } },
      decimal: ',',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ kind: 'bad-number', column: 'Indbyggere', rows: [1], values: ['mange'] });
  });

  it('refuses a { column, kind } without a column or with an unknown kind', () => {
    const bad = safeSurvey({
      columns,
      id: 'Respondent ID',
      items: [{ id: 'q', scale: d4 }],
      attributes: { a: { column: '', kind: 'number' }, b: { column: 'Region', kind: 'text' as 'category' } },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((issue) => issue.message)).toEqual([
      'attribute "a" needs a column name, got ""',
      `attribute "b" has kind "text"; use 'number' or 'category'`,
    ]);
  });

  it('keeps an attribute called __proto__ as an attribute', () => {
    const s = survey({
      columns,
      id: 'Respondent ID',
      items: [{ id: 'q', scale: d4 }],
      attributes: JSON.parse('{"__proto__": {"column": "Region", "kind": "category"}}') as Record<string, { column: string; kind: 'category' }>,
    });
    expect(Object.keys(s.attributes)).toEqual(['__proto__']);
    expect(s.category('__proto__')).toHaveLength(3);
  });
});
