/**
 * The report as one styled, self-contained HTML5 document: a title block, a table of contents,
 * numbered tables with their notes and figures, and print rules for A4. No dependency: the
 * figures come in as SVG markup that the caller rendered (`reportFigures` in
 * `likertkit/render`), so that this module never loads vega.
 */

import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { formatNumber, formatPercent, type Lang, type PreparedTable, type RenderNumberOptions, type RenderOptions } from './format';
import { escapeHtml, idFragment, tableMarkup } from './html';
import type { ReportResult } from './report';
import type { ReportTable } from './table';

const FN = 'toHtmlDocument';

/** Options of {@link toHtmlDocument}. */
export interface ToHtmlDocumentOptions extends RenderOptions, RenderNumberOptions {
  /**
   * SVG markup per table id (from `reportFigures(result, { lang })` in `likertkit/render`),
   * placed next to its table. The markup is inserted as it is: pass only SVG that a renderer
   * made, never text from respondents. Ids that name no table of the report are left out.
   */
  readonly figures?: ReadonlyMap<string, string>;
  /** The document's title; default the report's `title`. */
  readonly title?: string;
  /** A line under the title, e.g. the survey's name and year. */
  readonly subtitle?: string;
  /**
   * The date printed in the title block: a text as given ("December 2026"), or a `Date`
   * written as a long date in the document's language (in UTC). Default: no date, so that the
   * same report gives the same bytes.
   */
  readonly date?: string | Date;
}

/** The document's own words, in Danish and English. */
interface DocumentWords {
  readonly contents: string;
  readonly table: string;
  readonly figure: string;
  readonly respondents: (n: string) => string;
  readonly frame: (n: string, rate: string) => string;
  readonly other: string;
  readonly sections: Readonly<Record<string, string>>;
}

const WORDS: Readonly<Record<Lang, DocumentWords>> = {
  da: {
    contents: 'Indhold',
    table: 'Tabel',
    figure: 'Figur',
    respondents: (n) => `${n} besvarelser`,
    frame: (n, rate) => `Population: ${n} enheder; svarprocent ${rate}`,
    other: 'Øvrige tabeller',
    sections: {
      distribution: 'Svarfordelinger',
      summary: 'Andele og gennemsnit',
      pairs: 'Sammenhænge mellem spørgsmål',
      attributes: 'Sammenhænge med baggrundsvariable',
      means: 'Gennemsnit efter gruppe',
      ranking: 'Rangordning',
      multiSelect: 'Flervalgsspørgsmål',
      representativeness: 'Repræsentativitet',
    },
  },
  en: {
    contents: 'Contents',
    table: 'Table',
    figure: 'Figure',
    respondents: (n) => `${n} respondents`,
    frame: (n, rate) => `Population: ${n} units; response rate ${rate}`,
    other: 'Other tables',
    sections: {
      distribution: 'Distributions of answers',
      summary: 'Shares and means',
      pairs: 'Correlations between items',
      attributes: 'Correlations with background variables',
      means: 'Means by group',
      ranking: 'Rankings',
      multiSelect: 'Multiple-choice questions',
      representativeness: 'Representativeness',
    },
  },
};

/**
 * The stylesheet: system fonts, dark text on white, one blue accent (Okabe–Ito's blue, safe for
 * every common colour-vision deficiency; nothing is told by colour alone), numbers right aligned
 * in tabular figures, and A4 print rules: 18 mm side margins (a content box of 174 mm, 657 px at
 * 96 dpi), the header row repeated on every page, no row or figure split across pages, headings
 * kept with what follows, and the body starting on a new page after the contents.
 */
const STYLE = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--rule:#b8bec6;--head:#e8edf2;--stripe:#f5f7f9;--accent:#0072b2}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif;font-size:10.5pt;line-height:1.4;color:var(--ink);background:#fff}
body{margin:0}
main{max-width:174mm;margin:0 auto;padding:12mm 0}
a{color:var(--accent)}
a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.title-page{border-bottom:3px solid var(--accent);padding-bottom:8mm;margin-bottom:8mm}
.title-page h1{font-size:22pt;line-height:1.15;margin:0 0 3mm}
.title-page .subtitle{font-size:13pt;margin:0 0 3mm}
.title-page .meta{color:var(--muted);margin:0}
nav.contents h2{font-size:14pt;margin:0 0 2mm}
nav.contents ol{padding-left:5mm;margin:0 0 2mm}
nav.contents ol ol{list-style:none;padding-left:4mm}
nav.contents li{margin:0.5mm 0}
section.report-section{margin-top:9mm}
section.report-section>h2{font-size:15pt;margin:0 0 4mm;border-bottom:1px solid var(--rule);padding-bottom:1mm}
.likertkit-table{margin:0 0 7mm;max-width:100%}
figure{margin:0 0 3mm;max-width:100%}
figure svg{display:block;max-width:100%;height:auto}
figcaption{font-weight:600;margin:0 0 1.5mm}
figcaption .number,caption .number{font-weight:700;margin-right:0.4em}
table{border-collapse:collapse;width:100%;max-width:100%;font-size:0.95em;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:left;font-weight:600;padding:0 0 1.5mm}
th,td{padding:1.2mm 1.6mm;vertical-align:top;border-bottom:1px solid var(--rule);overflow-wrap:break-word}
thead th{background:var(--head);border-bottom:2px solid var(--ink);text-align:left;font-weight:600;vertical-align:bottom}
tbody th{text-align:left;font-weight:normal}
tbody tr:nth-child(even){background:var(--stripe)}
.num{text-align:right;white-space:nowrap;overflow-wrap:normal}
thead th.num{white-space:normal}
table.wide{font-size:7.5pt}
table.wide th,table.wide td{padding:1mm 0.8mm}
table.squeeze thead th:not(:first-child){overflow-wrap:anywhere}
.notes{font-size:9pt;color:var(--muted);margin:1.5mm 0 0}
@page{size:A4;margin:16mm 18mm 18mm}
@media print{
html{font-size:9pt}
main{max-width:none;padding:0}
nav.contents{break-after:page}
thead{display:table-header-group}
tr,figure,caption,.notes{break-inside:avoid}
h1,h2,h3,caption,figcaption{break-after:avoid}
.title-page{break-inside:avoid}
a{color:inherit;text-decoration:none}
tbody tr:nth-child(even){-webkit-print-color-adjust:exact;print-color-adjust:exact}
thead th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

/** Tables with this many columns or more are set in a smaller type. */
const WIDE_COLUMNS = 8;

/** The A4 content box in CSS pixels: 174 mm at 96 per inch. */
const CONTENT_PX = (174 / 25.4) * 96;

/**
 * The class of a table by how wide it must be: `wide` (smaller type) for eight or more columns
 * or when its longest words would not fit at the normal size, and `wide squeeze` (headers may
 * break inside a word) when they would not fit even in the smaller type. The widths are
 * estimates (about 0.6 em a character as Chromium sets DejaVu Sans, cell padding on both sides), checked on the demo report
 * by the browser test; numbers never break.
 */
function widthClass(prepared: PreparedTable): string | undefined {
  const longestWord = (text: string): number => Math.max(0, ...text.split(/\s+/).map((word) => [...word].length));
  let chars = 0;
  prepared.headers.forEach((header, j) => {
    let longest = longestWord(header);
    for (const row of prepared.cells) {
      const cell = row[j] ?? '';
      longest = Math.max(longest, prepared.aligns[j] === 'right' ? [...cell].length : longestWord(cell));
    }
    chars += longest;
  });
  const columns = prepared.headers.length;
  const normal = chars * 0.6 * 11.4 + columns * 12; // 9 pt × 0.95 = 11.4 px, 1.6 mm padding
  const small = chars * 0.62 * 10 + columns * 6; // 7.5 pt = 10 px, 0.8 mm padding
  if (small > CONTENT_PX) return 'wide squeeze';
  if (columns >= WIDE_COLUMNS || normal > CONTENT_PX) return 'wide';
  return undefined;
}

/** One entry of the contents: a section heading and its tables' ids. */
interface ContentsEntry {
  readonly title: string;
  readonly tables: readonly string[];
}

/** `result.contents` as the report layer gives it, when it does. */
interface ReportContents {
  readonly section: string;
  readonly title: string;
  readonly tables: readonly string[];
}

/** A table's printed number ("Tabel 3"), when the report numbered it. */
function tableNumber(table: ReportTable, words: DocumentWords): string | undefined {
  const number = table.number;
  return typeof number === 'number' && Number.isFinite(number) ? `${words.table} ${number}` : undefined;
}

/**
 * The contents: `result.contents` when the report has it, else the report's sections with
 * their tables; tables that no entry lists follow under "Øvrige tabeller" / "Other tables".
 */
function contentsOf(result: ReportResult, words: DocumentWords, known: ReadonlySet<string>): ContentsEntry[] {
  const given: unknown = result.contents;
  const entries: ContentsEntry[] = [];
  if (Array.isArray(given)) {
    for (const entry of given as readonly ReportContents[]) {
      if (entry === null || typeof entry !== 'object' || !Array.isArray(entry.tables)) {
        throw new TypeError(`${FN}: result.contents holds ${describeValue(entry)}; each entry needs a section, a title and its tables' ids`);
      }
      entries.push({ title: String(entry.title ?? entry.section ?? ''), tables: entry.tables.map(String) });
    }
  } else {
    const sections = result.sections ?? {};
    for (const section of Object.keys(sections)) {
      const ids = (sections as Record<string, readonly string[] | undefined>)[section] ?? [];
      const title = Object.prototype.hasOwnProperty.call(words.sections, section) ? (words.sections[section] as string) : section;
      entries.push({ title, tables: ids.map(String) });
    }
  }
  const placed = new Set<string>();
  const kept = entries
    .map((entry) => ({
      title: entry.title,
      tables: entry.tables.filter((id) => {
        if (!known.has(id) || placed.has(id)) return false;
        placed.add(id);
        return true;
      }),
    }))
    .filter((entry) => entry.tables.length > 0);
  const rest = [...known].filter((id) => !placed.has(id));
  if (rest.length > 0) kept.push({ title: words.other, tables: rest });
  return kept;
}

/** A date as the title block prints it. */
function dateText(date: string | Date, lang: Lang): string {
  if (typeof date === 'string') return date;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Checks the options that are not render options; returns the figures map or undefined. */
function checkDocumentOptions(options: ToHtmlDocumentOptions): ReadonlyMap<string, string> | undefined {
  for (const key of ['title', 'subtitle'] as const) {
    const value = options[key];
    if (value !== undefined && typeof value !== 'string') {
      throw new TypeError(`${FN}: ${key} must be a string, got ${describeValue(value)}`);
    }
  }
  const date = options.date;
  if (date !== undefined && typeof date !== 'string' && !(date instanceof Date && !Number.isNaN(date.getTime()))) {
    throw new TypeError(`${FN}: date must be a string or a valid Date, got ${describeValue(date)}`);
  }
  const figures = options.figures;
  if (figures === undefined) return undefined;
  if (figures === null || typeof figures !== 'object' || typeof (figures as { get?: unknown }).get !== 'function' || typeof (figures as { entries?: unknown }).entries !== 'function') {
    throw new TypeError(`${FN}: figures must be a Map from table id to SVG markup (from reportFigures), got ${describeValue(figures)}`);
  }
  for (const [id, svg] of figures.entries()) {
    if (typeof svg !== 'string' || !/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(svg)) {
      throw new TypeError(`${FN}: the figure for table ${describeValue(id)} must be SVG markup starting with <svg, got ${describeValue(typeof svg === 'string' ? svg.slice(0, 40) : svg)}`);
    }
    // What a chart needs and no more: no element that runs, animates, styles, embeds or links
    // (script, foreignObject, animate/set, style, image, use, a), no event attribute, no
    // address other than a fragment of the SVG itself, no character reference inside a tag
    // (which could spell any of these). Text between tags may say anything.
    if (/<(?:script|foreignObject|iframe|object|embed|animate|animateMotion|animateTransform|set|style|image|use|a)\b|<[^>]*(?:[\s/"']on[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*(?!#)|url\(\s*["']?\s*(?!#)|&#)/i.test(svg)) {
      throw new TypeError(`${FN}: the figure for table ${describeValue(id)} holds a script, an event handler, a link, a style sheet or foreign content; pass the SVG that reportFigures renders`);
    }
  }
  return figures;
}

/**
 * Renders a report as one self-contained, styled HTML5 document, ready to open in a browser, to
 * mail, or to print to PDF on A4:
 *
 * - `<html lang>` in the document's language, UTF-8, an inline stylesheet and nothing fetched
 *   from elsewhere (no fonts, scripts or images by address);
 * - a title block: the title, the subtitle and date when given, the number of respondents and,
 *   with a population frame, its size and the response rate;
 * - a table of contents from `result.contents` when the report has one, else from its sections
 *   and their tables' titles, linking to each table;
 * - each table numbered in its `<caption>` (the table's own `number`, such as "Tabel 3", when it
 *   has one, else "Tabel 1", "Tabel 2", … in report order), with `<th scope="col">` headers, the
 *   first text column as `<th scope="row">`, numbers right aligned (`class="num"`), the notes
 *   under it as the report writes them (linked with `aria-describedby`), and its figure, when
 *   `figures` has one for its id, in a `<figure>` above it;
 * - print rules for A4: the header row repeated on every page, rows and figures never split.
 *
 * The cells are the same texts `toHtml` prints (each through `formatCell`); every text of the
 * report is HTML-escaped. Figures are inserted as markup, after a check that each is an `<svg>`
 * element without scripts or event handlers.
 *
 * @param result - a report from `report()`
 * @param options - `lang` (default the report's), `pStyle`, `translateLabels`, `figures`,
 *   `title`, `subtitle`, `date`
 * @returns the whole document, from `<!doctype html>` to `</html>` and a newline
 * @throws TypeError when result is not a report, an option has the wrong type, or a figure is
 *   not plain SVG; RangeError for an unknown lang; TypeError for an unknown option key
 * @example
 * ```ts
 * const result = report(s, { title: 'Udfordringer på børneområdet' });
 * const html = toHtmlDocument(result, { subtitle: 'Spørgeskema til kommunerne, 2021', date: '2. december 2026' });
 * html.slice(0, 40); // '<!doctype html>\n<html lang="da">\n<head>\n'
 * // With figures (Node, likertkit/render): toHtmlDocument(result, { figures: await reportFigures(result, { lang: 'da' }) })
 * ```
 * @see `toHtml` for the table markup alone; `likertkit report --format html|pdf` writes this document
 */
export function toHtmlDocument(result: ReportResult, options: ToHtmlDocumentOptions = {}): string {
  checkOptionKeys(FN, options, optionKeys<ToHtmlDocumentOptions>({ lang: true, pStyle: true, translateLabels: true, locale: true, percentStyle: true, figures: true, title: true, subtitle: true, date: true }));
  if (result === null || typeof result !== 'object' || (result as { kind?: unknown }).kind !== 'report' || !Array.isArray(result.tables)) {
    const kind = result !== null && typeof result === 'object' ? ` with kind ${describeValue((result as { kind?: unknown }).kind)}` : '';
    throw new TypeError(`${FN}: result must be a report from report(), got ${describeValue(result)}${kind}; for one table use toHtml`);
  }
  const figures = checkDocumentOptions(options);
  const lang: Lang = options.lang ?? result.lang ?? 'da';
  // The document's own words exist in Danish and English; numbers follow `formatCell`.
  if (lang !== 'da' && lang !== 'en') throw new RangeError(`${FN}: unknown lang ${describeValue(lang)}; use 'da' or 'en'`);
  const words = WORDS[lang];
  // Every render option but the document's own goes to the tables, as toHtml takes it.
  const { figures: _figures, title: _title, subtitle: _subtitle, date: _date, ...tableOptions } = options;
  const render: RenderOptions & RenderNumberOptions = { ...tableOptions, lang };

  // Anchors: one per table, unique even when two ids differ only in characters an id drops.
  const byId = new Map<string, { table: ReportTable; index: number; anchor: string }>();
  const usedAnchors = new Set<string>();
  result.tables.forEach((table, index) => {
    const id = String(table.id);
    if (byId.has(id)) throw new TypeError(`${FN}: two tables have the id ${describeValue(id)} (tables ${byId.get(id)?.index} and ${index}); give each table its own id`);
    let anchor = `t-${idFragment(id)}`;
    for (let k = 2; usedAnchors.has(anchor); k++) anchor = `t-${idFragment(id)}-${k}`;
    usedAnchors.add(anchor);
    byId.set(id, { table, index, anchor });
  });
  const numberOf = (id: string): string => {
    const entry = byId.get(id) as { table: ReportTable; index: number };
    return tableNumber(entry.table, words) ?? `${words.table} ${entry.index + 1}`;
  };
  const contents = contentsOf(result, words, new Set(byId.keys()));

  const title = options.title ?? String(result.title ?? '');
  const out: string[] = [];
  out.push('<!doctype html>');
  out.push(`<html lang="${lang}">`);
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push('<meta name="generator" content="likertkit">');
  out.push(`<title>${escapeHtml(title)}</title>`);
  out.push(`<style>${STYLE}</style>`);
  out.push('</head>');
  out.push('<body>');
  out.push('<main>');

  out.push('<header class="title-page">');
  out.push(`<h1>${escapeHtml(title)}</h1>`);
  if (options.subtitle !== undefined && options.subtitle.trim() !== '') out.push(`<p class="subtitle">${escapeHtml(options.subtitle)}</p>`);
  const meta: string[] = [];
  if (options.date !== undefined) meta.push(`<time${options.date instanceof Date ? ` datetime="${options.date.toISOString().slice(0, 10)}"` : ''}>${escapeHtml(dateText(options.date, lang))}</time>`);
  const respondents = result.n?.respondents;
  const count = (n: number): string => formatNumber(n, { lang, locale: options.locale });
  if (typeof respondents === 'number') meta.push(escapeHtml(words.respondents(count(respondents))));
  const frame = result.n?.frame;
  if (typeof frame === 'number' && frame > 0 && typeof respondents === 'number') {
    meta.push(escapeHtml(words.frame(count(frame), formatPercent(respondents / frame, { lang, locale: options.locale, percentStyle: options.percentStyle }))));
  }
  if (meta.length > 0) out.push(`<p class="meta">${meta.join('<br>')}</p>`);
  out.push('</header>');

  out.push(`<nav class="contents" aria-labelledby="contents-heading">`);
  out.push(`<h2 id="contents-heading">${escapeHtml(words.contents)}</h2>`);
  out.push('<ol>');
  contents.forEach((entry, i) => {
    out.push(`<li><a href="#s-${i + 1}">${escapeHtml(entry.title)}</a>`);
    out.push('<ol>');
    for (const id of entry.tables) {
      const { table, anchor } = byId.get(id) as { table: ReportTable; anchor: string };
      out.push(`<li><a href="#${anchor}">${escapeHtml(numberOf(id))} ${escapeHtml(String(table.title ?? ''))}</a></li>`);
    }
    out.push('</ol>');
    out.push('</li>');
  });
  out.push('</ol>');
  out.push('</nav>');

  let figureCount = 0;
  contents.forEach((entry, i) => {
    out.push(`<section class="report-section" aria-labelledby="s-${i + 1}">`);
    out.push(`<h2 id="s-${i + 1}">${escapeHtml(entry.title)}</h2>`);
    for (const id of entry.tables) {
      const { table, anchor } = byId.get(id) as { table: ReportTable; anchor: string };
      const svg = figures?.get(id);
      let before: string | undefined;
      if (svg !== undefined) {
        figureCount += 1;
        const caption = `<figcaption id="${anchor}-figure"><span class="number">${escapeHtml(`${words.figure} ${figureCount}`)}</span> ${escapeHtml(String(table.title ?? ''))}</figcaption>`;
        before = `<figure aria-labelledby="${anchor}-figure">\n${caption}\n${svg.trim()}\n</figure>`;
      }
      out.push(
        ...tableMarkup(table, render, '', {
          fn: FN,
          anchor,
          notesId: `${anchor}-notes`,
          number: numberOf(id),
          tableClass: widthClass,
          ...(before !== undefined && { before }),
        }),
      );
    }
    out.push('</section>');
  });

  out.push('</main>');
  out.push('</body>');
  out.push('</html>');
  return `${out.join('\n')}\n`;
}
