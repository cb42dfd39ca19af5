import { describe, expect, it } from 'vitest';
import { toHtmlDocument } from '../../src/html/index';
import { formatCell, toHtml, type ReportResult, type ReportTable } from '../../src/index';
import { demoReport } from './demoReport';

/** Undoes the five escapes of the HTML renderers (and nothing else). */
function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The cell texts of every table container in a document, by the container's anchor. */
function cellsByTable(html: string): Map<string, { headers: string[]; rows: string[][]; caption: string }> {
  const out = new Map<string, { headers: string[]; rows: string[][]; caption: string }>();
  for (const [, anchor, body] of html.matchAll(/<div class="likertkit-table" id="([^"]+)">([\s\S]*?)<\/table>/g)) {
    const caption = unescape(/<caption>([\s\S]*?)<\/caption>/.exec(body as string)?.[1]?.replace(/<[^>]+>/g, '') ?? '');
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(body as string)?.[1] ?? '';
    const headers = [...head.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => unescape(m[1] as string));
    const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(body as string)?.[1] ?? '';
    const rows = [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
      [...(tr[1] as string).matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => unescape(m[1] as string)),
    );
    out.set(anchor as string, { headers, rows, caption });
  }
  return out;
}

/** A small report made by hand, with hostile labels everywhere. */
function hostileReport(extra: Partial<ReportResult> & Record<string, unknown> = {}): ReportResult {
  const table: ReportTable = {
    kind: 'report-table',
    id: 'summary',
    title: 'Andel <script>alert(1)</script> & "citat"',
    columns: [
      { key: 'label', label: 'Spørgsmål "A" & <B>', format: 'text' },
      { key: 'share', label: 'Andel', format: 'percent' },
      { key: 'n', label: 'N', format: 'integer' },
    ],
    rows: [
      { label: '__proto__', share: 0.125, n: 16 },
      { label: 'constructor', share: 0.5, n: 1234 },
      { label: '<img src=x onerror=alert(1)>', share: null, n: 2 },
    ],
    notes: ['N = 2–1234', "Note med 'apostrof' </p><script>x()</script>"],
  };
  const second: ReportTable = {
    kind: 'report-table',
    id: 'pairs',
    title: 'Korrelationer',
    columns: [
      { key: 'x', label: 'x', format: 'text' },
      { key: 'r', label: 'r', format: 'correlation' },
    ],
    rows: [{ x: 'toString', r: 0.3456, rStars: '***' }],
    notes: [],
  };
  return {
    kind: 'report',
    title: 'Rapport <b>fed</b> & "mere"',
    lang: 'da',
    tables: [table, second],
    sections: { summary: ['summary'], pairs: ['pairs'] },
    n: { respondents: 16, items: 2, groups: 0, pairs: 1 },
    warnings: [],
    method: 'likert-report',
    ...extra,
  } as ReportResult;
}

describe('toHtmlDocument', () => {
  it('writes one HTML5 document in the report’s language, with an inline stylesheet and nothing to fetch', () => {
    const html = toHtmlDocument(hostileReport());
    expect(html.startsWith('<!doctype html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html.endsWith('</body>\n</html>\n')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<link|<script|<img|<iframe|@import|url\(|https?:\/\//i);
    expect(toHtmlDocument(hostileReport({ lang: 'en' }))).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(toHtmlDocument(hostileReport(), { lang: 'en' })).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it('escapes every text of the report: title, caption, headers, cells and notes', () => {
    const html = toHtmlDocument(hostileReport(), { subtitle: '<i>under</i>', title: 'Titel & <u>x</u>' });
    expect(html).not.toMatch(/<script|<b>|<u>|<i>|<img/);
    expect(html).toContain('<title>Titel &amp; &lt;u&gt;x&lt;/u&gt;</title>');
    expect(html).toContain('<p class="subtitle">&lt;i&gt;under&lt;/i&gt;</p>');
    expect(html).toContain('<caption><span class="number">Tabel 1</span> Andel &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;</caption>');
    expect(html).toContain('<th scope="col">Spørgsmål &quot;A&quot; &amp; &lt;B&gt;</th>');
    expect(html).toContain('<th scope="row">__proto__</th>');
    expect(html).toContain('<th scope="row">constructor</th>');
    expect(html).toContain('<th scope="row">toString</th>');
    expect(html).toContain('<th scope="row">&lt;img src=x onerror=alert(1)&gt;</th>');
    expect(html).toContain('Note med &#39;apostrof&#39; &lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</p>');
  });

  it('prints the cells as formatCell does, numbers right aligned, a missing share as a dash', () => {
    const [summary, pairs] = [...cellsByTable(toHtmlDocument(hostileReport())).values()];
    // 2/16 = 12.5 % rounds half up to 13; 1234 takes a thousands dot; r 0.3456 → 0,35 with stars.
    expect(summary?.rows).toEqual([
      ['__proto__', '13 pct.', '16'],
      ['constructor', '50 pct.', '1.234'],
      ['<img src=x onerror=alert(1)>', '–', '2'],
    ]);
    expect(pairs?.rows).toEqual([['toString', '0,35***']]);
    expect(toHtmlDocument(hostileReport())).toContain('<td class="num" style="text-align:right">1.234</td>');
  });

  it('numbers the tables in report order, or by the number the report gives a table', () => {
    const plain = cellsByTable(toHtmlDocument(hostileReport()));
    expect([...plain.values()].map((t) => t.caption)).toEqual(['Tabel 1 Andel <script>alert(1)</script> & "citat"', 'Tabel 2 Korrelationer']);
    const base = hostileReport();
    const numbered = hostileReport({ tables: [{ ...base.tables[0], number: 7 } as ReportTable, base.tables[1] as ReportTable] });
    const captions = [...cellsByTable(toHtmlDocument(numbered)).values()].map((t) => t.caption);
    expect(captions).toEqual(['Tabel 7 Andel <script>alert(1)</script> & "citat"', 'Tabel 2 Korrelationer']);
    const english = [...cellsByTable(toHtmlDocument(hostileReport({ lang: 'en' }))).values()].map((t) => t.caption.split(' ').slice(0, 2).join(' '));
    expect(english).toEqual(['Table 1', 'Table 2']);
  });

  it('builds the contents from the sections, each table linked to its anchor', () => {
    const html = toHtmlDocument(hostileReport());
    const nav = /<nav class="contents"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect(nav).toContain('<h2 id="contents-heading">Indhold</h2>');
    expect(nav).toContain('<li><a href="#s-1">Andele og gennemsnit</a>');
    expect(nav).toContain('<li><a href="#s-2">Sammenhænge mellem spørgsmål</a>');
    const links = [...nav.matchAll(/href="#(t-[^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(['t-summary', 't-pairs']);
    for (const link of links) expect(html).toContain(`<div class="likertkit-table" id="${link}">`);
    expect(html).toContain('<section class="report-section" aria-labelledby="s-1">\n<h2 id="s-1">Andele og gennemsnit</h2>');
  });

  it('takes the contents from result.contents when the report has them, and lists unnamed tables last', () => {
    const html = toHtmlDocument(hostileReport({ contents: [{ section: 'pairs', title: 'Først & fremmest', tables: ['pairs', 'nope'] }] }));
    const headings = [...html.matchAll(/<h2 id="s-\d+">([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Først &amp; fremmest', 'Øvrige tabeller']);
    // Order of the body follows the contents: pairs first, then summary.
    expect(html.indexOf('id="t-pairs"')).toBeLessThan(html.indexOf('id="t-summary"'));
    expect(html).not.toContain('nope');
  });

  it('gives two tables whose ids differ only in punctuation two anchors', () => {
    const base = hostileReport();
    const a = { ...base.tables[1], id: 'means:a b' } as ReportTable;
    const b = { ...base.tables[1], id: 'means:a-b' } as ReportTable;
    const html = toHtmlDocument(hostileReport({ tables: [a, b], sections: { means: ['means:a b', 'means:a-b'] } }));
    expect([...cellsByTable(html).keys()]).toEqual(['t-means-a-b', 't-means-a-b-2']);
  });

  it('says how many responded and, with a frame, the response rate', () => {
    const html = toHtmlDocument(hostileReport({ n: { respondents: 95, items: 2, groups: 0, pairs: 1, frame: 98 } }), { date: new Date(Date.UTC(2026, 11, 2)) });
    // 95 / 98 = 0.969… → 97 %.
    expect(html).toContain('<p class="meta"><time datetime="2026-12-02">2. december 2026</time><br>95 besvarelser<br>Population: 98 enheder; svarprocent 97 pct.</p>');
    const en = toHtmlDocument(hostileReport({ lang: 'en', n: { respondents: 95, items: 2, groups: 0, pairs: 1, frame: 98 } }), { date: new Date(Date.UTC(2026, 11, 2)) });
    expect(en).toContain('<time datetime="2026-12-02">2 December 2026</time><br>95 respondents<br>Population: 98 units; response rate 97%');
    expect(toHtmlDocument(hostileReport(), { date: 'December 2026' })).toContain('<time>December 2026</time>');
  });

  it('places each figure in a numbered <figure> above its table and leaves out figures of no table', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" role="img"><title>Andel</title><rect width="40" height="10"/></svg>';
    const html = toHtmlDocument(hostileReport(), { figures: new Map([['pairs', svg], ['other', svg]]) });
    expect(html.match(/<figure/g)).toHaveLength(1);
    expect(html).toContain(`<div class="likertkit-table" id="t-pairs">\n<figure aria-labelledby="t-pairs-figure">\n<figcaption id="t-pairs-figure"><span class="number">Figur 1</span> Korrelationer</figcaption>\n${svg}\n</figure>\n<table>`);
  });

  it('refuses a figure that is not SVG, or that holds a script or an event handler', () => {
    const bad = [
      '<div>x</div>',
      '<svg><script>alert(1)</script></svg>',
      '<svg onload="alert(1)"></svg>',
      '<svg><a href="javascript:alert(1)">x</a></svg>',
      '<svg><svg/onload=alert(1)></svg>',
      '<svg><a href="&#106;avascript:alert(1)">x</a></svg>',
      '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
      '<svg><style>@import url(http://example.org/x.css)</style></svg>',
      '<svg><rect fill="url(http://example.org/x.svg#p)"/></svg>',
      '<svg><image href="http://example.org/x.png"/></svg>',
      42,
    ];
    for (const figure of bad) {
      expect(() => toHtmlDocument(hostileReport(), { figures: new Map([['pairs', figure as string]]) })).toThrow(/^toHtmlDocument: the figure for table "pairs"/);
    }
    expect(() => toHtmlDocument(hostileReport(), { figures: { pairs: '<svg></svg>' } as never })).toThrow(/^toHtmlDocument: figures must be a Map/);
    // Text that merely mentions such words is fine.
    expect(() => toHtmlDocument(hostileReport(), { figures: new Map([['pairs', '<svg><text>once = twice, onto javascript: ok &#39;url(x)&#39;</text></svg>']]) })).not.toThrow();
    expect(() => toHtmlDocument(hostileReport(), { figures: new Map([['pairs', '<svg><defs><clipPath id="c"/></defs><g clip-path="url(#c)"><rect/></g></svg>']]) })).not.toThrow();
  });

  it('carries the print rules for A4: page size, repeated header rows, rows and figures kept whole', () => {
    const html = toHtmlDocument(hostileReport());
    expect(html).toContain('@page{size:A4;');
    expect(html).toMatch(/@media print\{[\s\S]*thead\{display:table-header-group\}/);
    expect(html).toMatch(/@media print\{[\s\S]*tr,figure,caption,\.notes\{break-inside:avoid\}/);
  });

  it('rejects what is not a report, an unknown option key, a bad option and a duplicated table id', () => {
    expect(() => toHtmlDocument({ kind: 'report-table' } as never)).toThrow(new TypeError('toHtmlDocument: result must be a report from report(), got object with kind "report-table"; for one table use toHtml'));
    expect(() => toHtmlDocument(hostileReport(), { figure: new Map() } as never)).toThrow('toHtmlDocument: unknown option "figure"; did you mean "figures"?');
    expect(() => toHtmlDocument(hostileReport(), { lang: 'de' } as never)).toThrow(RangeError);
    expect(() => toHtmlDocument(hostileReport(), { date: new Date(NaN) })).toThrow(/^toHtmlDocument: date must be a string or a valid Date/);
    expect(() => toHtmlDocument(hostileReport(), { title: 3 } as never)).toThrow(/^toHtmlDocument: title must be a string/);
    const base = hostileReport();
    expect(() => toHtmlDocument(hostileReport({ tables: [base.tables[0] as ReportTable, base.tables[0] as ReportTable] }))).toThrow(/^toHtmlDocument: two tables have the id "summary"/);
  });
});

describe('toHtmlDocument on the demo report', () => {
  const result = demoReport();
  const html = toHtmlDocument(result);
  const tables = [...cellsByTable(html).values()];

  it('holds every table of the report, in the order of its sections', () => {
    const order = Object.values(result.sections).flat();
    expect(tables.map((t) => t.caption)).toEqual(order.map((id) => {
      const index = result.tables.findIndex((t) => t.id === id);
      return `Tabel ${index + 1} ${result.tables[index]?.title}`;
    }));
  });

  it('prints the same numbers as formatCell gives for the JSON report, cell by cell', () => {
    const json = JSON.parse(JSON.stringify(result)) as ReportResult;
    const order = Object.values(json.sections).flat().map((id) => json.tables.find((t) => t.id === id) as ReportTable);
    order.forEach((table, i) => {
      expect(tables[i]?.headers).toEqual(table.columns.map((c) => c.label));
      expect(tables[i]?.rows).toEqual(table.rows.map((row) => table.columns.map((c) => formatCell(row, c, { lang: 'da' }))));
    });
  });

  it('prints the same table markup as toHtml, apart from the number in the caption and the anchors', () => {
    const fragment = toHtml(result);
    const bodyRows = (text: string): string[] => [...text.matchAll(/<tbody>[\s\S]*?<\/tbody>/g)].map((m) => m[0]);
    expect(bodyRows(html)).toEqual(bodyRows(fragment));
  });
});
