import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/csv/index';
import { safeSurvey, survey, SurveyInputError } from '../../src/data/survey';
import { scales } from '../../src/scale/presets';

const items = [{ id: 'q', scale: scales.daDegree4 }] as const;

function rowsOf(csv: string): Record<string, string | null>[] {
  return parseCsv(csv).rows as Record<string, string | null>[];
}

describe('survey reads numeric attributes with the one number parser', () => {
  const danish = 'kode;indbyggere;q\n147;104.305;I høj grad\n101;60.828;Slet ikke\n';

  it('refuses a population column of only 104.305 and 60.828 under auto, naming the column and cells', () => {
    const result = safeSurvey({ rows: rowsOf(danish), id: 'kode', items, attributes: { indbyggere: 'number' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    const issue = result.issues[0]!;
    expect(issue.kind).toBe('ambiguous-number');
    expect(issue.column).toBe('indbyggere');
    expect(issue.rows).toEqual([0, 1]);
    expect(issue.values).toEqual(['104.305', '60.828']);
    expect(issue.message).toMatch(/^cannot tell the decimal mark of column "indbyggere": "104.305" \(row 0\), "60.828" \(row 1\).*pass decimal/);
  });

  it('reads 104.305 as 104305 with decimal ",", as numericColumn does', () => {
    const s = survey({ rows: rowsOf(danish), id: 'kode', items, attributes: { indbyggere: 'number' }, decimal: ',' });
    expect(Array.from(s.numeric('indbyggere'))).toEqual([104305, 60828]);
  });

  it('reads 104.305 as 104.305 with decimal "."', () => {
    const s = survey({ rows: rowsOf(danish), id: 'kode', items, attributes: { indbyggere: 'number' }, decimal: '.' });
    expect(Array.from(s.numeric('indbyggere'))).toEqual([104.305, 60.828]);
  });

  it('decides from all values: one 1.234.567 makes 104.305 a thousands-dot number', () => {
    const rows = [
      { kode: '1', pop: '104.305', q: 'Slet ikke' },
      { kode: '2', pop: '1.234.567', q: 'Slet ikke' },
    ];
    const s = survey({ rows, id: 'kode', items, attributes: { pop: 'number' } });
    expect(Array.from(s.numeric('pop'))).toEqual([104305, 1234567]);
  });

  it('reads a decimal comma in the weight column', () => {
    const rows = [
      { kode: '1', w: '1,5', q: 'Slet ikke' },
      { kode: '2', w: '0,5', q: 'Slet ikke' },
    ];
    expect(Array.from(survey({ rows, id: 'kode', items, weight: 'w' }).weights!)).toEqual([1.5, 0.5]);
  });

  it('uses the thousands option: with thousands "" the text 60.828 is 60.828', () => {
    const s = survey({ rows: rowsOf(danish), id: 'kode', items, attributes: { indbyggere: 'number' }, thousands: '' });
    expect(Array.from(s.numeric('indbyggere'))).toEqual([104.305, 60.828]);
  });

  it('keeps reading exponents and plain numbers', () => {
    const columns = { kode: ['1', '2', '3'], x: ['1e3', 2.5, '-0.25'], q: ['Slet ikke', 'Slet ikke', 'Slet ikke'] };
    expect(Array.from(survey({ columns, id: 'kode', items, attributes: { x: 'number' } }).numeric('x'))).toEqual([1000, 2.5, -0.25]);
  });

  it('reports Infinity, -Infinity and 1e400 in a numeric attribute as bad numbers with value and row', () => {
    const columns = { kode: ['1', '2', '3', '4'], x: [Infinity, '1e400', -Infinity, 5], q: ['Slet ikke', 'Slet ikke', 'Slet ikke', 'Slet ikke'] };
    const result = safeSurvey({ columns, id: 'kode', items, attributes: { x: 'number' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.kind === 'bad-number')!;
    expect(issue.rows).toEqual([0, 1, 2]);
    expect(issue.values).toEqual([Infinity, '1e400', -Infinity]);
    expect(issue.message).toMatch(/Infinity \(row 0\), "1e400" \(row 1\), -Infinity \(row 2\)/);
  });

  it('reports an infinite weight as a bad weight', () => {
    const columns = { kode: ['1', '2'], w: [1, Infinity], q: ['Slet ikke', 'Slet ikke'] };
    expect(() => survey({ columns, id: 'kode', items, weight: 'w' })).toThrow(SurveyInputError);
    const result = safeSurvey({ columns, id: 'kode', items, weight: 'w' });
    expect(!result.ok && result.issues[0]!.kind).toBe('bad-weight');
    expect(!result.ok && result.issues[0]!.rows).toEqual([1]);
  });

  it('reports an ambiguous weight column as ambiguous-number', () => {
    const columns = { kode: ['1', '2'], w: ['1.500', '2.250'], q: ['Slet ikke', 'Slet ikke'] };
    const result = safeSurvey({ columns, id: 'kode', items, weight: 'w' });
    expect(!result.ok && result.issues.map((i) => i.kind)).toEqual(['ambiguous-number']);
  });

  it('gives rows of the source, not of the kept respondents, in number issues', () => {
    const columns = { kode: ['1', '1', '2'], x: ['1', '2', 'n/a'], q: ['Slet ikke', 'Slet ikke', 'Slet ikke'] };
    const result = safeSurvey({ columns, id: 'kode', items, attributes: { x: 'number' }, duplicates: 'first' });
    expect(!result.ok && result.issues[0]!.rows).toEqual([2]);
  });

  it('names bad decimal and thousands options as definition issues', () => {
    const base = { columns: { kode: ['1'], q: ['Slet ikke'] }, id: 'kode', items };
    const bad = safeSurvey({ ...base, decimal: ';' as ',' });
    expect(!bad.ok && bad.issues[0]!.message).toMatch(/^decimal must be ',', '.' or 'auto', got/);
    const same = safeSurvey({ ...base, decimal: ',', thousands: ',' });
    expect(!same.ok && same.issues[0]!.message).toMatch(/^decimal and thousands are both ","/);
    const badThousands = safeSurvey({ ...base, thousands: '_' as '' });
    expect(!badThousands.ok && badThousands.issues[0]!.message).toMatch(/^thousands must be/);
  });
});
