/**
 * HTML rendering of report tables: semantic, accessible table markup.
 */

import type { PreparedTable, RenderableReport, RenderNumberOptions, RenderOptions } from './format';
import { prepareTable, tablesOf } from './format';
import type { ReportTable } from './table';
import { checkOptionKeys, optionKeys } from '../internal/validate';

/** Options of {@link toHtml}. */
export type ToHtmlOptions = RenderOptions & RenderNumberOptions;

/**
 * Escapes text for an HTML element or a double-quoted attribute. Internal to the HTML
 * renderers (`toHtml`, `toHtmlDocument`): not re-exported from `src/index.ts`.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A fragment usable in an id: letters, digits, `-` and `_`. Internal to the HTML renderers. */
export function idFragment(text: string): string {
  // Runs of dashes collapse with the rest, so that trimming the ends needs no backtracking
  // (`/-+$/` is quadratic on a long inner run of dashes).
  return text.replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-|-$/g, '') || 'table';
}

/**
 * Right alignment travels both as a class (for a stylesheet) and inline (for notebooks and
 * mail clients that load none).
 */
const RIGHT = ' class="num" style="text-align:right"';

/**
 * What the styled document adds to a table's markup. Internal to the HTML renderers.
 */
export interface TableMarkupExtras {
  /** The public function's name, for error messages. */
  readonly fn: string;
  /** `id` of the table's container (an anchor for the table of contents). */
  readonly anchor?: string;
  /** `id` of the notes paragraph; default `likertkit-<table id>-notes`. */
  readonly notesId?: string;
  /** Printed before the title in the caption, e.g. "Tabel 3". */
  readonly number?: string;
  /** The class of the `<table>` element, chosen from the formatted table. */
  readonly tableClass?: (prepared: PreparedTable) => string | undefined;
  /** Markup placed inside the container before the table (a figure). Inserted as it is. */
  readonly before?: string;
}

/**
 * One table's markup: a `<div class="likertkit-table">` holding the table and its notes.
 * Internal to the HTML renderers: not re-exported from `src/index.ts`.
 */
export function tableMarkup(
  table: ReportTable,
  options: RenderOptions & RenderNumberOptions,
  langAttr: string,
  extras: TableMarkupExtras = { fn: 'toHtml' },
): string[] {
  const prepared = prepareTable(extras.fn, table, options);
  const align = (j: number): string => (prepared.aligns[j] === 'right' ? RIGHT : '');
  const notesId = extras.notesId ?? `likertkit-${idFragment(prepared.id)}-notes`;
  const notes = prepared.notes.flatMap((note) =>
    String(note)
      .split(/\r\n|\r|\n/)
      .filter((line) => line.trim() !== ''),
  );
  const tableClass = extras.tableClass?.(prepared);
  const out: string[] = [];
  const anchor = extras.anchor === undefined ? '' : ` id="${escapeHtml(extras.anchor)}"`;
  out.push(`<div class="likertkit-table"${anchor}${langAttr}>`);
  if (extras.before !== undefined) out.push(extras.before);
  out.push(
    `<table${tableClass === undefined ? '' : ` class="${escapeHtml(tableClass)}"`}${notes.length > 0 ? ` aria-describedby="${escapeHtml(notesId)}"` : ''}>`,
  );
  const number = extras.number === undefined || extras.number.trim() === '' ? '' : `<span class="number">${escapeHtml(extras.number)}</span> `;
  if (number !== '' || prepared.title.trim() !== '') out.push(`<caption>${number}${escapeHtml(prepared.title)}</caption>`);
  out.push('<thead>');
  out.push(
    `<tr>${prepared.headers
      .map((header, j) => `<th scope="col"${align(j)}>${escapeHtml(header)}</th>`)
      .join('')}</tr>`,
  );
  out.push('</thead>');
  out.push('<tbody>');
  for (const row of prepared.cells) {
    const cells = row.map((cell, j) =>
      j === prepared.rowHeader
        ? `<th scope="row"${align(j)}>${escapeHtml(cell)}</th>`
        : `<td${align(j)}>${escapeHtml(cell)}</td>`,
    );
    out.push(`<tr>${cells.join('')}</tr>`);
  }
  out.push('</tbody>');
  out.push('</table>');
  if (notes.length > 0) {
    out.push(
      `<p class="notes" id="${escapeHtml(notesId)}">${notes.map(escapeHtml).join('<br>')}</p>`,
    );
  }
  out.push('</div>');
  return out;
}

/**
 * Renders a report table, or a whole report, as accessible HTML: a `<table>` whose `<caption>`
 * is the title, a `<thead>` of `<th scope="col">` headers, a `<tbody>` whose first text column
 * is a row header (`<th scope="row">`), numeric cells right aligned (class `num` and an inline
 * `text-align:right`, so it holds without a stylesheet), and the notes in a
 * `<p class="notes">` under the table, linked to it with `aria-describedby`. Each table sits in
 * a `<div class="likertkit-table">`; a report is a `<section class="likertkit-report">` with its
 * title as `<h2>`. The outermost element carries `lang="da"` or `lang="en"` so screen readers
 * pronounce the numbers in the right language. Cells are formatted by their column's format in the chosen language (see
 * `formatCell`); every text is HTML-escaped.
 *
 * @param input - a {@link ReportTable} or a report `{ kind: 'report', title, tables }`
 * @param options - `lang` (default `'da'`), `pStyle`, `translateLabels`
 * @returns an HTML fragment, ending with a newline
 * @throws TypeError when input is neither a report table nor a report; RangeError for an unknown
 *   lang
 * @example
 * ```ts
 * toHtml({
 *   kind: 'report-table', id: 'shares', title: 'Andel <i høj grad>',
 *   columns: [
 *     { key: 'area', label: 'Område', format: 'text' },
 *     { key: 'share', label: 'Andel', format: 'percent' },
 *   ],
 *   rows: [{ area: 'Skole', share: 0.46 }],
 *   notes: ['N = 92'],
 * });
 * // <div class="likertkit-table" lang="da">
 * // <table aria-describedby="likertkit-shares-notes">
 * // <caption>Andel &lt;i høj grad&gt;</caption>
 * // <thead>
 * // <tr><th scope="col">Område</th><th scope="col" class="num" style="text-align:right">Andel</th></tr>
 * // </thead>
 * // <tbody>
 * // <tr><th scope="row">Skole</th><td class="num" style="text-align:right">46 pct.</td></tr>
 * // </tbody>
 * // </table>
 * // <p class="notes" id="likertkit-shares-notes">N = 92</p>
 * // </div>
 * ```
 */
export function toHtml(input: ReportTable | RenderableReport, options: ToHtmlOptions = {}): string {
  checkOptionKeys('toHtml', options, optionKeys<ToHtmlOptions>({ lang: true, pStyle: true, translateLabels: true, locale: true, percentStyle: true }));
  const { title, tables } = tablesOf('toHtml', input);
  const lang = ` lang="${options.lang === 'en' ? 'en' : 'da'}"`;
  const body = tables.flatMap((table) => tableMarkup(table, options, title === null ? lang : ''));
  if (title === null) return `${body.join('\n')}\n`;
  const heading = title.trim() === '' ? [] : [`<h2>${escapeHtml(title)}</h2>`];
  const section = `<section class="likertkit-report"${lang}>`;
  return `${[section, ...heading, ...body, '</section>'].join('\n')}\n`;
}
