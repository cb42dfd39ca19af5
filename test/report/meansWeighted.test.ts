import { describe, expect, it } from 'vitest';
import { compareGroups } from '../../src/describe/compareGroups';
import { scales, survey } from '../../src/index';
import { report } from '../../src/report/report';

// A weighted survey's means tables hold the design-based Wald p of compareGroups (as
// regTermTest(svyglm(code ~ g, design), ~g)), name it in the column and say so in the notes.

const LABELS = ['I meget høj grad', 'I høj grad', 'I mindre grad', 'Slet ikke', 'Ved ikke', null];
const REGIONS = ['Nord', 'Syd', 'Midt'];

function weighted(lang: 'da' | 'en') {
  const rows = Array.from({ length: 60 }, (_, i) => ({
    id: String(i),
    q1: LABELS[(i * 7) % LABELS.length],
    q2: LABELS[(i * 5 + 2) % LABELS.length],
    region: REGIONS[(i * 3 + (i >> 2)) % 3],
    population: 20000 + ((i * 37) % 11) * 10000,
    w: 0.5 + ((i * 13) % 7) / 2,
  }));
  const s = survey({
    rows,
    id: 'id',
    items: [
      { id: 'q1', scale: scales.daDegree4 },
      { id: 'q2', scale: scales.daDegree4 },
    ],
    attributes: { region: 'category', population: 'number' },
    weight: 'w',
  });
  const sizeGroups = { attribute: 'population', breaks: [50000, 100000] };
  return { s, sizeGroups, result: report(s, { sections: ['means'], by: ['region'], sizeGroups, lang }) };
}

describe('report means tables of a weighted survey', () => {
  it('give the design-based Wald p of compareGroups, labelled p (Wald), with a note saying which test', () => {
    const { s, sizeGroups, result } = weighted('da');
    expect(result.tables.map((t) => t.id)).toEqual(['means:region', 'means:size']);
    for (const table of result.tables) {
      const by = table.id === 'means:size' ? sizeGroups : 'region';
      expect(table.columns.find((c) => c.key === 'p')!.label).toBe('p (Wald)');
      expect(table.notes.at(-1)).toBe('p: designbaseret Wald-test af forskellen mellem de vægtede gruppegennemsnit (som regTermTest(svyglm(…)) i R-pakken survey)');
      for (const row of table.rows) {
        const expected = compareGroups(s, row['item'] as 'q1' | 'q2', { by });
        expect(expected.anova.method).toBe('design-wald');
        expect(row['p']).toBe(Number.isFinite(expected.anova.p) ? expected.anova.p : null);
        expect(row['n']).toBe(expected.anova.n);
      }
    }
  });

  it('in English too; the unweighted survey keeps the ANOVA note', () => {
    const { s, result } = weighted('en');
    expect(result.tables[0]!.notes.at(-1)).toMatch(/^p: design-based Wald test/);
    const plain = report(s.withWeights(null), { sections: ['means'], by: ['region'], lang: 'en' });
    expect(plain.tables[0]!.notes.at(-1)).toBe('p: one-way analysis of variance (ANOVA) of the difference between the groups');
    expect(plain.tables[0]!.columns.find((c) => c.key === 'p')!.label).toBe('p (ANOVA)');
  });
});
