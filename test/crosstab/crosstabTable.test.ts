import { describe, expect, it } from 'vitest';
import { crosstab } from '../../src/describe/crosstab';
import { crosstabTable } from '../../src/report/crosstabTable';
import { scales, survey, toMarkdown } from '../../src/index';

const rows: { id: string; role: string; yes: string; q: string }[] = [];
const add = (role: string, yes: string, k: number) => {
  for (let i = 0; i < k; i++) rows.push({ id: String(rows.length), role, yes, q: '' });
};
add('Leder', 'Ja', 12);
add('Leder', 'Nej', 5);
add('Medarbejder', 'Ja', 7);
add('Medarbejder', 'Nej', 16);
add('Medarbejder', '', 1);
const s = survey({ rows, id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { role: 'category', yes: 'category' } });

describe('crosstabTable', () => {
  it('prints row shares with the row N and the Yates-corrected test in the notes, as chisq.test', () => {
    const t = crosstabTable(crosstab(s, 'role', 'yes'), { lang: 'en' });
    expect(t.rows).toEqual([
      { category: 'Leder', c0: 12 / 17, c1: 5 / 17, n: 17 },
      { category: 'Medarbejder', c0: 7 / 23, c1: 16 / 23, n: 23 },
    ]);
    // R: chisq.test(matrix(c(12, 7, 5, 16), 2)): X-squared = 4.8122864706523361, p-value = 0.028257528526361309
    expect(t.notes[0]).toBe('Chi-square test of independence: χ² = 4.81, df = 1, p = .028');
    expect(t.notes[1]).toBe('N = 40 (1 without an answer, "don\'t know" or an invalid answer left out)');
    expect(toMarkdown(t, { lang: 'en' })).toContain('| Leder       |  71% |  29% |   17 |');
  });

  it('prints counts and column shares on request, in Danish by default', () => {
    const counts = crosstabTable(crosstab(s, 'role', 'yes'), { values: 'counts' });
    expect(counts.rows[0]).toEqual({ category: 'Leder', c0: 12, c1: 5, n: 17 });
    expect(counts.notes[0]).toBe('Chi²-test for uafhængighed: χ² = 4,81, df = 1, p = 0,028');
    const columnShares = crosstabTable(crosstab(s, 'role', 'yes'), { values: 'columnShares' });
    expect(columnShares.rows[0]!.c0).toBe(12 / 19);
  });

  it('prints weighted shares and the Rao–Scott test for a weighted survey, N still counting respondents', () => {
    // "Ja" weighs 2, "Nej" 1 (the one respondent without an answer 1).
    const weighted = survey({ rows: rows.map((r) => ({ ...r, w: r.yes === 'Ja' ? 2 : 1 })), id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { role: 'category', yes: 'category' }, weight: 'w' });
    const result = crosstab(weighted, 'role', 'yes');
    const t = crosstabTable(result, { lang: 'en' });
    // R: prop.table(svytable(~role + yes, svydesign(ids = ~1, weights = ~w, data = d)), 1):
    // Leder 24/29, 5/29; Medarbejder 14/30, 16/30.
    expect(t.rows).toEqual([
      { category: 'Leder', c0: 24 / 29, c1: 5 / 29, n: 17 },
      { category: 'Medarbejder', c0: 14 / 30, c1: 16 / 30, n: 23 },
    ]);
    // R, the 41 rows with yes = NA for the last: svychisq(~role + yes, svydesign(ids = ~1,
    // weights = ~w, data = d)): F = 6.2827749073979886, ndf = 1, ddf = 40, p = 0.016357616685317409
    expect(t.notes[0]).toBe('Rao–Scott test of independence (design-based): F = 6.28, df = 1; 40, p = .016');
    expect(result.raoScott!.f).toBeCloseTo(6.2827749073979886, 12);
    expect(t.notes[1]).toBe('The shares are weighted; N counts respondents');
    const counts = crosstabTable(result, { values: 'counts', lang: 'en' });
    expect(counts.rows[0]).toEqual({ category: 'Leder', c0: 12, c1: 5, n: 17 });
    expect(counts.notes[1]).toBe('Unweighted counts of respondents; the test is design-based');
    expect(result.weighted!.total).toBe(24 + 5 + 14 + 16);
  });

  it('refuses a misspelt option', () => {
    expect(() => crosstabTable(crosstab(s, 'role', 'yes'), { value: 'counts' } as never)).toThrow('crosstabTable: unknown option "value"; did you mean "values"?');
  });
});
