import { describe, expect, it } from 'vitest';
import type { RenderableReport } from '../../src/report/format';
import { toHtml } from '../../src/report/html';
import { toMarkdown } from '../../src/report/markdown';
import type { ReportTable } from '../../src/report/table';

/** A correlation table as the 2021 report prints it (values made up), frozen to prove no mutation. */
const correlations: ReportTable = Object.freeze({
  kind: 'report-table',
  id: 'correlations',
  title: 'Sammenhæng mellem udfordringer og behov',
  columns: Object.freeze([
    { key: 'area', label: 'Fokusområde', format: 'text' },
    { key: 'r', label: 'r', format: 'correlation' },
    { key: 'p', label: 'p', format: 'p' },
    { key: 'share', label: 'Andel', format: 'percent' },
    { key: 'n', label: 'N', format: 'integer' },
  ] as const),
  rows: Object.freeze([
    Object.freeze({ area: 'Skole', r: 0.3456, rStars: '***', p: 0.0004, share: 0.285, n: 92 }),
    Object.freeze({ area: 'Misbrug | rusmidler', r: -0.2, rStars: '*', p: 0.05, share: 0.46, n: 85 }),
    Object.freeze({ area: 'Anbringelse', r: NaN, rStars: '', p: null, share: null, n: 2 }),
  ]),
  notes: Object.freeze(['N = 85–92', '*** p<0.01, ** 0.01<=p<0.05, * 0.05<=p<0.1']),
});

const report: RenderableReport = Object.freeze({
  kind: 'report',
  title: 'Det specialiserede børneområde 2021',
  tables: Object.freeze([
    correlations,
    Object.freeze({
      kind: 'report-table',
      id: 'population',
      title: 'Indbyggertal',
      columns: [
        { key: 'group', label: 'Gruppe', format: 'text' },
        { key: 'mean', label: 'Gennemsnit', format: 'number', digits: 0 },
      ],
      rows: [{ group: 'Alle', mean: 60828.4 }],
      notes: [],
    } satisfies ReportTable),
  ]),
});

const lines = (text: string): string[] => text.split('\n');

describe('toMarkdown', () => {
  const md = toMarkdown(correlations);

  it('starts with the title as a level-2 heading followed by a blank line', () => {
    expect(lines(md).slice(0, 2)).toEqual(['## Sammenhæng mellem udfordringer og behov', '']);
  });

  it('writes a pipe table header with numeric columns right aligned (---:)', () => {
    expect(lines(md)[2]).toBe('| Fokusområde          |       r |       p |   Andel |    N |');
    expect(lines(md)[3]).toBe('| -------------------- | ------: | ------: | ------: | ---: |');
  });

  it('formats the cells the Danish way, with stars after r', () => {
    expect(lines(md)[4]).toBe('| Skole                | 0,35*** | < 0,001 | 29 pct. |   92 |');
  });

  it('escapes a pipe inside a cell', () => {
    expect(lines(md)[5]).toBe('| Misbrug \\| rusmidler |  -0,20* |   0,050 | 46 pct. |   85 |');
  });

  it('prints missing values and an undefined correlation as an en dash', () => {
    expect(lines(md)[6]).toBe('| Anbringelse          |       – |       – |       – |    2 |');
  });

  it('writes every note under the table as a paragraph of its own', () => {
    expect(lines(md).slice(7)).toEqual([
      '',
      'N = 85–92',
      '',
      '*** p<0.01, ** 0.01<=p<0.05, * 0.05<=p<0.1',
      '',
    ]);
  });

  it('formats the cells the English way with lang: en', () => {
    const en = lines(toMarkdown(correlations, { lang: 'en' }));
    expect(en[4]).toBe('| Skole                | 0.35*** | < .001 |   29% |   92 |');
    expect(en[5]).toBe('| Misbrug \\| rusmidler |  -0.20* |   .050 |   46% |   85 |');
  });

  it('renders a report: its title one level above the tables, then every table in order', () => {
    const out = lines(toMarkdown(report));
    expect(out[0]).toBe('# Det specialiserede børneområde 2021');
    expect(out[2]).toBe('## Sammenhæng mellem udfordringer og behov');
    expect(out).toContain('## Indbyggertal');
    expect(out).toContain('| Alle   |     60.828 |');
    expect(out.indexOf('## Indbyggertal')).toBeGreaterThan(out.indexOf('N = 85–92'));
  });

  it('honours headingLevel for tables and reports', () => {
    expect(lines(toMarkdown(correlations, { headingLevel: 3 }))[0]).toMatch(/^### /);
    expect(lines(toMarkdown(report, { headingLevel: 1 }))[0]).toMatch(/^# Det/);
    expect(() => toMarkdown(correlations, { headingLevel: 7 })).toThrow(/^toMarkdown: headingLevel/);
  });

  it('escapes markup that could become raw HTML in a notebook', () => {
    const evil: ReportTable = {
      kind: 'report-table',
      id: 'x',
      title: 'Titel <script>alert(1)</script>',
      columns: [{ key: 'a', label: '<b>A</b>', format: 'text' }],
      rows: [{ a: '<img src=x onerror=alert(1)>\\' }],
      notes: ['<script>alert(2)</script>'],
    };
    const out = toMarkdown(evil);
    expect(out).not.toMatch(/(^|[^\\])<(script|img|b)/);
    expect(lines(out)[0]).toBe('## Titel \\<script>alert(1)\\</script>');
    expect(out).toContain('\\<img src=x onerror=alert(1)>\\\\');
  });

  it('keeps notes that look like list items or headings as plain paragraphs', () => {
    const table: ReportTable = { ...correlations, notes: ['* p < 0.1', '# 1', '1. kodning', '---', 'Note\nmed to linjer'] };
    const out = lines(toMarkdown(table));
    expect(out.slice(7)).toEqual(['', '\\* p < 0.1', '', '\\# 1', '', '1\\. kodning', '', '\\---', '', 'Note', '', 'med to linjer', '']);
  });

  it('translates the built-in scales\' labels when translateLabels is on', () => {
    const table: ReportTable = {
      kind: 'report-table',
      id: 'dist',
      title: 'Fordeling',
      columns: [
        { key: 'level', label: 'Svar', format: 'text' },
        { key: 'share', label: 'I høj grad', format: 'percent' },
      ],
      rows: [{ level: 'I meget høj grad', share: 0.5 }],
      notes: [],
    };
    const out = lines(toMarkdown(table, { lang: 'en', translateLabels: true }));
    expect(out[2]).toBe('| Svar                  | To a high degree |');
    expect(out[4]).toBe('| To a very high degree |              50% |');
    expect(lines(toMarkdown(table, { lang: 'en' }))[4]).toBe('| I meget høj grad |        50% |');
  });

  it('writes a table without rows as its header and a table without columns as title and notes', () => {
    const empty: ReportTable = { ...correlations, rows: [] };
    expect(lines(toMarkdown(empty)).slice(2, 5)).toEqual([
      '| Fokusområde |    r |    p | Andel |    N |',
      '| ----------- | ---: | ---: | ----: | ---: |',
      '',
    ]);
    const bare: ReportTable = { ...correlations, columns: [], rows: [], notes: ['N = 0'] };
    expect(toMarkdown(bare)).toBe('## Sammenhæng mellem udfordringer og behov\n\n\nN = 0\n');
  });

  it('rejects anything but a report table or a report, naming itself', () => {
    expect(() => toMarkdown({ kind: 'frequencies' } as never)).toThrow(
      /^toMarkdown: expected a report table .* with kind "frequencies"/,
    );
    expect(() => toMarkdown(null as never)).toThrow(TypeError);
    expect(() => toMarkdown(correlations, { lang: 'sv' as never })).toThrow(/^toMarkdown: unknown lang/);
  });
});

describe('toHtml', () => {
  const html = toHtml(correlations);

  it('wraps the table in a div carrying the language, with the title as caption', () => {
    expect(lines(html).slice(0, 3)).toEqual([
      '<div class="likertkit-table" lang="da">',
      '<table aria-describedby="likertkit-correlations-notes">',
      '<caption>Sammenhæng mellem udfordringer og behov</caption>',
    ]);
  });

  it('writes column headers with scope="col" in a thead, numeric ones right aligned', () => {
    expect(html).toContain(
      '<thead>\n<tr><th scope="col">Fokusområde</th><th scope="col" class="num" style="text-align:right">r</th>',
    );
  });

  it('makes the first text column a row header and right aligns the numbers', () => {
    expect(html).toContain(
      '<tr><th scope="row">Skole</th><td class="num" style="text-align:right">0,35***</td><td class="num" style="text-align:right">&lt; 0,001</td><td class="num" style="text-align:right">29 pct.</td><td class="num" style="text-align:right">92</td></tr>',
    );
  });

  it('prints missing cells as an en dash', () => {
    expect(html).toContain('<th scope="row">Anbringelse</th><td class="num" style="text-align:right">–</td>');
  });

  it('puts the notes in a paragraph the table is described by, one line each', () => {
    expect(html).toContain(
      '<p class="notes" id="likertkit-correlations-notes">N = 85–92<br>*** p&lt;0.01, ** 0.01&lt;=p&lt;0.05, * 0.05&lt;=p&lt;0.1</p>',
    );
    expect(lines(html).at(-2)).toBe('</div>');
  });

  it('HTML-escapes every text, so a <script> label is shown, not run', () => {
    const evil: ReportTable = {
      kind: 'report-table',
      id: 'a"b',
      title: '<script>alert("x")</script>',
      columns: [
        { key: 'a', label: '<th onclick=x>', format: 'text' },
        { key: 'b', label: 'B & C', format: 'integer' },
      ],
      rows: [{ a: "<script>alert('y')</script>", b: '<3' }],
      notes: ['<script>z</script>'],
    };
    const out = toHtml(evil);
    expect(out).not.toContain('<script>');
    expect(out).toContain('<caption>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</caption>');
    expect(out).toContain('<th scope="col">&lt;th onclick=x&gt;</th>');
    expect(out).toContain('>B &amp; C</th>');
    expect(out).toContain('<th scope="row">&lt;script&gt;alert(&#39;y&#39;)&lt;/script&gt;</th>');
    expect(out).toContain('<td class="num" style="text-align:right">&lt;3</td>');
    expect(out).toContain('id="likertkit-a-b-notes"');
  });

  it('formats the English way with lang: en and says so in the lang attribute', () => {
    const en = toHtml(correlations, { lang: 'en' });
    expect(en).toContain('<div class="likertkit-table" lang="en">');
    expect(en).toContain('<td class="num" style="text-align:right">0.35***</td><td class="num" style="text-align:right">&lt; .001</td><td class="num" style="text-align:right">29%</td>');
  });

  it('renders a report as a section with its title as h2 and every table in order', () => {
    const out = lines(toHtml(report));
    expect(out.slice(0, 3)).toEqual([
      '<section class="likertkit-report" lang="da">',
      '<h2>Det specialiserede børneområde 2021</h2>',
      '<div class="likertkit-table">',
    ]);
    expect(out).toContain('<caption>Indbyggertal</caption>');
    expect(out).toContain('<tr><th scope="row">Alle</th><td class="num" style="text-align:right">60.828</td></tr>');
    expect(out.at(-2)).toBe('</section>');
  });

  it('omits the notes paragraph and aria-describedby when there are no notes', () => {
    const out = toHtml({ ...correlations, notes: [] });
    expect(out).toContain('<table>\n<caption>');
    expect(out).not.toContain('class="notes"');
  });

  it('uses no row header when the table has no text column', () => {
    const out = toHtml({
      kind: 'report-table',
      id: 'n',
      title: '',
      columns: [{ key: 'n', label: 'N', format: 'integer' }],
      rows: [{ n: 1e6 }],
      notes: [],
    });
    expect(out).not.toContain('scope="row"');
    expect(out).not.toContain('<caption>');
    expect(out).toContain('<td class="num" style="text-align:right">1.000.000</td>');
  });

  it('rejects anything but a report table or a report, naming itself', () => {
    expect(() => toHtml([] as never)).toThrow(/^toHtml: expected a report table/);
    expect(() => toHtml({ kind: 'report', title: 'x', tables: [{}] } as never)).toThrow(/^toHtml: /);
  });
});

describe('toMarkdown escapes inline markup coming from the data', () => {
  const hostile: ReportTable = {
    kind: 'report-table',
    id: 'x',
    title: 'Spørgsmål med *stjerne*',
    columns: [
      { key: 'label', label: 'Label [a]', format: 'text' },
      { key: 'r', label: 'r', format: 'correlation', digits: 2 },
    ],
    rows: [{ label: '[klik](javascript:alert(1)) **fed** `kode` &lt;', r: 0.35, rStars: '***' }],
    notes: ['Note with [link](x) and `code`'],
  };
  const md = toMarkdown(hostile);

  it('prints a label with link, emphasis, code and an entity literally', () => {
    expect(md).toContain('\\[klik\\](javascript:alert(1)) \\*\\*fed\\*\\* \\`kode\\` \\&lt;');
    expect(md).toContain('## Spørgsmål med \\*stjerne\\*');
    expect(md).toContain('Label \\[a\\]');
    expect(md).toContain('Note with \\[link\\](x) and \\`code\\`');
  });

  it('keeps the significance stars of a number cell as they are', () => {
    expect(md).toMatch(/\| +0,35\*\*\* \|/);
  });
});
