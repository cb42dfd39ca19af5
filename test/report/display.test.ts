import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { JupyterMimeBundle } from '../../src/report/display';
import { displayTable } from '../../src/report/display';
import type { RenderableReport } from '../../src/report/format';
import { toHtml } from '../../src/report/html';
import { toMarkdown } from '../../src/report/markdown';
import type { ReportTable } from '../../src/report/table';

const shares: ReportTable = Object.freeze({
  kind: 'report-table',
  id: 'shares',
  title: 'Andel i høj eller meget høj grad',
  columns: [
    { key: 'area', label: 'Område', format: 'text' },
    { key: 'share', label: 'Andel', format: 'percent' },
    { key: 'n', label: 'N', format: 'integer' },
  ],
  rows: [
    { area: 'Skole', share: 0.285, n: 92 },
    { area: 'Misbrug', share: null, n: 2 },
  ],
  notes: ['N = 85–92'],
} satisfies ReportTable);

const report: RenderableReport = {
  kind: 'report',
  title: 'Rapport',
  tables: [
    shares,
    {
      kind: 'report-table',
      id: 'size',
      title: 'Størrelse',
      columns: [
        { key: 'group', label: 'Gruppe', format: 'text' },
        { key: 'mean', label: 'Andel', format: 'number' },
        { key: 'mean2', label: 'Andel', format: 'number' },
      ],
      rows: [{ group: '<50.000', mean: 2.5, mean2: 1 }],
      notes: [],
    },
  ],
};

/** Calls a method stored under a registered symbol, as Node and Deno do. */
function callSymbol<T>(value: object, name: string): T {
  const method = (value as Record<symbol, unknown>)[Symbol.for(name)];
  expect(typeof method).toBe('function');
  return (method as () => T)();
}

describe('displayTable', () => {
  it('is an array of the rows with every cell formatted, keyed by the column headers', () => {
    const shown = displayTable(shares);
    expect(Array.isArray(shown)).toBe(true);
    expect([...shown]).toEqual([
      { Område: 'Skole', Andel: '29 pct.', N: '92' },
      { Område: 'Misbrug', Andel: '–', N: '2' },
    ]);
  });

  it('formats the rows in English with lang: en', () => {
    expect(displayTable(shares, { lang: 'en' })[0]).toEqual({ Område: 'Skole', Andel: '29%', N: '92' });
  });

  it('gives console.table only the rows: the rendered text is not enumerable', () => {
    const shown = displayTable(shares);
    expect(Object.keys(shown)).toEqual(['0', '1']);
    expect(JSON.parse(JSON.stringify(shown))).toEqual([...shown]);
  });

  it('prints its Markdown in Node\'s inspector (console.log, the REPL)', () => {
    const shown = displayTable(shares);
    expect(inspect(shown)).toBe(toMarkdown(shares).trimEnd());
    expect(inspect(shown).split('\n')).toContain('| Skole   | 29 pct. |   92 |');
  });

  it('returns the HTML and Markdown bundle from Symbol.for("Jupyter.display") (Deno\'s kernel)', () => {
    const bundle = callSymbol<JupyterMimeBundle>(displayTable(shares, { lang: 'en' }), 'Jupyter.display');
    expect(Object.keys(bundle).sort()).toEqual(['text/html', 'text/markdown', 'text/plain']);
    expect(bundle['text/html']).toBe(toHtml(shares, { lang: 'en' }));
    expect(bundle['text/markdown']).toBe(toMarkdown(shares, { lang: 'en' }));
    expect(bundle['text/plain']).toBe(bundle['text/markdown']);
    expect(bundle['text/html']).toContain('<caption>Andel i høj eller meget høj grad</caption>');
  });

  it('carries the renderings and its source as fields, and its Markdown as toString', () => {
    const shown = displayTable(shares);
    expect(shown.markdown).toBe(toMarkdown(shares));
    expect(shown.html).toBe(toHtml(shares));
    expect(shown.source).toBe(shares);
    expect(String(shown)).toBe(shown.markdown);
  });

  it('is frozen, and so are its rows', () => {
    const shown = displayTable(shares);
    expect(Object.isFrozen(shown)).toBe(true);
    expect(Object.isFrozen(shown[0])).toBe(true);
  });

  it('shows a report as the rows of all its tables, each with its table title first', () => {
    const shown = displayTable(report);
    expect(shown).toHaveLength(3);
    expect(Object.keys(shown[0] ?? {})[0]).toBe('Tabel');
    expect(shown[0]).toEqual({ Tabel: 'Andel i høj eller meget høj grad', Område: 'Skole', Andel: '29 pct.', N: '92' });
    expect(shown[2]).toEqual({ Tabel: 'Størrelse', Gruppe: '<50.000', Andel: '2,50', 'Andel (2)': '1,00' });
    expect(displayTable(report, { lang: 'en' })[2]).toHaveProperty('Table', 'Størrelse');
    expect(callSymbol<JupyterMimeBundle>(shown, 'Jupyter.display')['text/html']).toMatch(
      /^<section class="likertkit-report" lang="da">/,
    );
  });

  it('keeps a table without rows displayable', () => {
    const shown = displayTable({ ...shares, rows: [] });
    expect(shown).toHaveLength(0);
    expect(inspect(shown)).toContain('| Område | Andel |    N |');
  });

  it('rejects anything but a report table or a report, naming itself', () => {
    expect(() => displayTable({ kind: 'report-table', id: 't' } as never)).toThrow(
      /^displayTable: the report table "t" needs arrays of columns and rows/,
    );
    expect(() => displayTable(42 as never)).toThrow(/^displayTable: expected a report table/);
    expect(() => displayTable(shares, { lang: 'xx' as never })).toThrow(/unknown lang "xx"/);
  });
});
