/**
 * Notebook display of report tables: `console.table`, Node's inspector and Deno's Jupyter
 * kernel. Uses no Node API (only `Symbol.for`), so it also runs in browsers.
 */

import type { RenderableReport, RenderNumberOptions, RenderOptions } from './format';
import { prepareTable, tablesOf } from './format';
import { toHtml } from './html';
import { toMarkdown } from './markdown';
import type { ReportTable } from './table';
import { checkOptionKeys, optionKeys } from '../internal/validate';

/** Options of {@link displayTable}: those of `toMarkdown` without `headingLevel`. */
export type DisplayTableOptions = RenderOptions & RenderNumberOptions;

/** The MIME bundle a Jupyter kernel shows: HTML, Markdown, and the Markdown as plain text. */
export interface JupyterMimeBundle {
  readonly 'text/html': string;
  readonly 'text/markdown': string;
  readonly 'text/plain': string;
}

/** One row of a {@link TableDisplay}: column header → formatted cell text. */
export type DisplayRow = Readonly<Record<string, string>>;

/**
 * What {@link displayTable} returns: a frozen array of formatted rows (what `console.table`
 * prints) that also carries the rendered text. Besides the fields below it has, as
 * non-enumerable symbol-keyed methods:
 *
 * - `[Symbol.for('nodejs.util.inspect.custom')]()` → the Markdown text (Node's `console.log`
 *   and REPL print it);
 * - `[Symbol.for('Jupyter.display')]()` → a {@link JupyterMimeBundle} (Deno's Jupyter kernel
 *   shows the HTML when the value ends a cell).
 */
export interface TableDisplay extends ReadonlyArray<DisplayRow> {
  /** The Markdown rendering ({@link toMarkdown}). */
  readonly markdown: string;
  /** The HTML rendering ({@link toHtml}). */
  readonly html: string;
  /** The table or report that was rendered. */
  readonly source: ReportTable | RenderableReport;
  /** The Markdown text. */
  toString(): string;
}

/** Makes header texts usable as distinct object keys: a repeated header gets " (2)", " (3)". */
function distinctKeys(headers: readonly string[], taken: Set<string>): string[] {
  return headers.map((header) => {
    let key = header;
    for (let k = 2; taken.has(key); k++) key = `${header} (${k})`;
    taken.add(key);
    return key;
  });
}

/**
 * Wraps a report table, or a whole report, for notebooks and terminals. The result is an array
 * of the table's rows with every cell formatted (keys are the column headers), so
 * `console.table(displayTable(t))` prints the formatted table; `console.log` and Node's REPL
 * print its Markdown (through `Symbol.for('nodejs.util.inspect.custom')`); and ending a Deno
 * Jupyter cell with it shows the HTML table (through `Symbol.for('Jupyter.display')`, which
 * returns the `text/html`, `text/markdown` and `text/plain` MIME bundle).
 *
 * For a report, the rows of all its tables follow each other, each with a first field
 * "Tabel" / "Table" holding its table's title; display one table (`report.tables[i]`) for a
 * tidier `console.table`.
 *
 * @param input - a {@link ReportTable} or a report `{ kind: 'report', title, tables }`
 * @param options - `lang` (default `'da'`), `locale`, `pStyle`, `percentStyle`,
 *   `translateLabels`, as for `toMarkdown`
 * @returns the frozen {@link TableDisplay}
 * @throws TypeError when input is neither a report table nor a report; RangeError for an unknown
 *   lang
 * @example
 * ```ts
 * const shown = displayTable(table, { lang: 'en' });
 * console.table(shown);   // ┌─────────┬────────┬──────┐ … rows like { Area: 'School', Share: '46%' }
 * console.log(shown);     // the Markdown: "## Agreement\n\n| Area   | Share |\n…"
 * shown[Symbol.for('Jupyter.display')]();
 * // { 'text/html': '<div class="likertkit-table" lang="en">…', 'text/markdown': '## Agreement…',
 * //   'text/plain': '## Agreement…' }
 * ```
 */
export function displayTable(
  input: ReportTable | RenderableReport,
  options: DisplayTableOptions = {},
): TableDisplay {
  checkOptionKeys('displayTable', options, optionKeys<DisplayTableOptions>({ lang: true, locale: true, pStyle: true, percentStyle: true, translateLabels: true }));
  const fn = 'displayTable';
  const { title, tables } = tablesOf(fn, input);
  const markdown = toMarkdown(input, options);
  // toHtml takes RenderOptions only (for now): its numbers keep the lang's default locale.
  const html = toHtml(input, { lang: options.lang, pStyle: options.pStyle, translateLabels: options.translateLabels, locale: options.locale, percentStyle: options.percentStyle });
  const tableKey = options.lang === 'en' ? 'Table' : 'Tabel';
  const rows: DisplayRow[] = [];
  for (const table of tables) {
    const prepared = prepareTable(fn, table, options);
    const keys = distinctKeys(prepared.headers, new Set(title === null ? [] : [tableKey]));
    for (const cells of prepared.cells) {
      // Defined, not assigned: a column headed "__proto__" would otherwise set the row's
      // prototype instead of becoming a key, and vanish from console.table.
      const row: Record<string, string> = {};
      const put = (key: string, value: string): void => {
        Object.defineProperty(row, key, { value, enumerable: true, writable: false, configurable: false });
      };
      if (title !== null) put(tableKey, prepared.title);
      keys.forEach((key, j) => put(key, cells[j] ?? ''));
      rows.push(Object.freeze(row));
    }
  }
  const bundle = (): JupyterMimeBundle => ({
    'text/html': html,
    'text/markdown': markdown,
    'text/plain': markdown,
  });
  Object.defineProperties(rows, {
    markdown: { value: markdown },
    html: { value: html },
    source: { value: input },
    toString: { value: () => markdown },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: () => markdown.trimEnd() },
    [Symbol.for('Jupyter.display')]: { value: bundle },
  });
  return Object.freeze(rows) as unknown as TableDisplay;
}
