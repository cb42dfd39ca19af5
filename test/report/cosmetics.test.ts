import { describe, expect, it } from 'vitest';
import { displayTable } from '../../src/report/display';
import { toMarkdown } from '../../src/report/markdown';
import type { ReportTable } from '../../src/report/table';

const table = (notes: string[]): ReportTable =>
  Object.freeze<ReportTable>({
    kind: 'report-table',
    id: 't',
    title: 'T',
    columns: [{ key: 'area', label: 'Område', format: 'text' }],
    rows: [{ area: 'Skole' }],
    notes,
  });

describe('Markdown notes escape emphasis like cells', () => {
  it('escapes * and _ around a label quoted in a note', () => {
    const md = toMarkdown(table(['Spørgsmålet "**fed** og _kursiv_ ~slet~" er udeladt']));
    expect(md).toContain('Spørgsmålet "\\*\\*fed\\*\\* og \\_kursiv\\_ \\~slet\\~" er udeladt');
  });

  it('escapes an underscore inside a word, as in an item id', () => {
    expect(toMarkdown(table(['Se udfordring_skole_a']))).toContain('Se udfordring\\_skole\\_a');
  });

  it('leaves the star legend, whose runs stand between spaces, as it reads', () => {
    expect(toMarkdown(table(['*** p<0.01, ** 0.01<=p<0.05, * 0.05<=p<0.1']))).toContain(
      '\n*** p<0.01, ** 0.01<=p<0.05, * 0.05<=p<0.1\n',
    );
  });
});

describe('displayTable keeps columns named like Object.prototype members', () => {
  const special: ReportTable = Object.freeze<ReportTable>({
    kind: 'report-table',
    id: 's',
    title: 'S',
    columns: [
      { key: 'a', label: '__proto__', format: 'text' },
      { key: 'constructor', label: 'constructor', format: 'text' },
      { key: 'toString', label: 'toString', format: 'integer' },
    ],
    rows: [{ a: 'x', constructor: 'y', toString: 3 }, { a: 'z' }],
    notes: [],
  });

  it('has a __proto__ column as an own key with its cell', () => {
    const rows = displayTable(special);
    expect(Object.keys(rows[0]!)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(rows[0], '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
  });

  it('shows a blank for a constructor or toString column the row lacks, not a function', () => {
    const rows = displayTable(special);
    expect(rows[1]!['constructor']).toBe('–');
    expect(rows[1]!['toString']).toBe('–');
    expect(rows[0]!['constructor']).toBe('y');
  });
});
