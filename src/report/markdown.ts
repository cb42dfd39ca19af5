/**
 * Markdown rendering of report tables: GitHub-flavoured pipe tables.
 */

import type { RenderableReport, RenderNumberOptions, RenderOptions } from './format';
import { prepareTable, tablesOf } from './format';
import type { ReportTable } from './table';
import { checkOptionKeys, optionKeys } from '../internal/validate';

/** Options of {@link toMarkdown}. */
export interface ToMarkdownOptions extends RenderOptions, RenderNumberOptions {
  /**
   * Heading level of the table titles, 1–6 (default 2: "## Title"); a report's own title is
   * written one level above (never above 1).
   */
  readonly headingLevel?: number;
}

/** Length in code points, which is how wide a terminal prints Danish text ("ø", "–"). */
function width(text: string): number {
  return [...text].length;
}

/**
 * Makes text inert as Markdown inline content: backslashes are escaped, and so is a `<` that
 * could open raw HTML or an autolink (`<script>`, `</b>`, `<!--`, `<?`), so a label cannot inject
 * markup into a notebook or a README. Line breaks become spaces.
 */
function escapeInline(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/[`[\]&]/g, '\\$&')
    .replace(/\r\n|\r|\n/g, ' ');
}

/**
 * Escapes text that comes from the data (labels, headers, titles): inline escaping plus the
 * emphasis markers `*`, `_` and `~`, so "**fed**" or "[link](…)" in a label prints literally.
 */
function escapeText(text: string): string {
  return escapeInline(text).replace(/[*_~]/g, '\\$&');
}

/**
 * Escapes a table cell: a text cell fully, a number cell (which may end in significance stars,
 * "0,35***") only where it could break out; both escape the pipe that would end the cell.
 */
function escapeCell(text: string, numeric: boolean): string {
  return (numeric ? escapeInline(text) : escapeText(text)).replace(/\|/g, '\\|');
}

/**
 * Escapes one line of a paragraph so that it stays a paragraph: a line that would start a
 * heading ("# …"), a quote ("> …"), a list item ("- …", "* …", "1. …"), a rule ("***") or a
 * code fence gets a backslash before its marker. A star legend like "*** p<0.01, ** …" starts
 * none of these and is left as it is.
 */
function escapeParagraphLine(line: string): string {
  const text = escapeEmphasis(escapeInline(line.trim()));
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(text);
  if (ordered) return `${ordered[1]}\\${text.slice((ordered[1] ?? '').length)}`;
  const block =
    /^#{1,6}(\s|$)/.test(text) ||
    text.startsWith('>') ||
    /^[*+-](\s|$)/.test(text) ||
    /^([*_-])\s*(?:\1\s*){2,}$/.test(text) ||
    /^(`{3,}|~{3,})/.test(text);
  return block ? `\\${text}` : text;
}

/**
 * Escapes the emphasis markers `*`, `_` and `~` of a note line wherever they could open or
 * close emphasis, so a label such as "_Alle_ kommuner" or "**fed**" quoted in a note prints
 * literally, as it does in a cell. A run with white space (or the line's end) on both sides can
 * do neither (CommonMark's flanking rules), so a star legend "*** p<0.01, ** 0.01<=p<0.05" is
 * left as it reads.
 */
function escapeEmphasis(text: string): string {
  return text.replace(/[*_~]+/g, (run: string, offset: number) => {
    const before = text[offset - 1];
    const after = text[offset + run.length];
    const isolated = (before === undefined || /\s/.test(before)) && (after === undefined || /\s/.test(after));
    return isolated ? run : run.replace(/[*_~]/g, '\\$&');
  });
}

/** Escapes a heading's text; a trailing `#` would be taken as the closing sequence. */
function escapeHeading(text: string): string {
  return escapeText(text.trim()).replace(/#$/, '\\#');
}

function checkHeadingLevel(level: unknown): number {
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) {
    throw new RangeError(
      `toMarkdown: headingLevel must be an integer from 1 to 6, got ${String(level)}`,
    );
  }
  return level;
}

/** Renders one table: heading, pipe table, notes. */
function tableMarkdown(table: ReportTable, options: ToMarkdownOptions, level: number): string[] {
  const prepared = prepareTable('toMarkdown', table, options);
  const out: string[] = [];
  if (prepared.title.trim() !== '') out.push(`${'#'.repeat(level)} ${escapeHeading(prepared.title)}`, '');
  if (prepared.headers.length > 0) {
    const headers = prepared.headers.map((header) => escapeCell(header, false));
    const rows = prepared.cells.map((row) => row.map((cell, j) => escapeCell(cell, prepared.aligns[j] === 'right')));
    const widths = headers.map((header, j) => {
      let w = Math.max(width(header), prepared.aligns[j] === 'right' ? 4 : 3);
      for (const row of rows) w = Math.max(w, width(row[j] ?? ''));
      return w;
    });
    const pad = (text: string, j: number): string => {
      const fill = ' '.repeat(Math.max(0, (widths[j] ?? 0) - width(text)));
      return prepared.aligns[j] === 'right' ? fill + text : text + fill;
    };
    const line = (cells: readonly string[]): string =>
      `| ${cells.map((cell, j) => pad(cell, j)).join(' | ')} |`;
    out.push(line(headers));
    out.push(
      `| ${widths
        .map((w, j) => (prepared.aligns[j] === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)))
        .join(' | ')} |`,
    );
    for (const row of rows) out.push(line(row));
  }
  for (const note of prepared.notes) {
    for (const noteLine of String(note).split(/\r\n|\r|\n/)) {
      if (noteLine.trim() !== '') out.push('', escapeParagraphLine(noteLine));
    }
  }
  return out;
}

/**
 * Renders a report table, or a whole report, as GitHub-flavoured Markdown: the title as a
 * heading, a pipe table whose numeric columns are right aligned (`---:`), and each note under
 * the table as a paragraph of its own. Cells are formatted by their column's format in the
 * chosen language and locale (see `formatCell`): decimal comma and "pct." in Danish, "–" for missing and
 * suppressed values. Pipes, backslashes and anything that could open raw HTML are escaped, and
 * the columns are padded so the raw text lines up in a terminal.
 *
 * A report (`{ kind: 'report', title, tables }`) gets its title as a heading one level above
 * the tables', and its tables in order, separated by blank lines.
 *
 * @param input - a {@link ReportTable} or a report
 * @param options - `lang` (default `'da'`), `locale`, `pStyle`, `percentStyle`, `translateLabels`,
 *   `headingLevel`
 * @returns the Markdown text, ending with a newline
 * @throws TypeError when input is neither a report table nor a report; RangeError for an unknown
 *   lang, locale or percentStyle, or a bad headingLevel
 * @example
 * ```ts
 * toMarkdown({
 *   kind: 'report-table', id: 'r', title: 'Sammenhænge',
 *   columns: [
 *     { key: 'area', label: 'Område', format: 'text' },
 *     { key: 'r', label: 'r', format: 'correlation' },
 *     { key: 'n', label: 'N', format: 'integer' },
 *   ],
 *   rows: [{ area: 'Skole', r: 0.3456, rStars: '***', n: 92 }],
 *   notes: ['N = 85–92'],
 * });
 * // ## Sammenhænge
 * //
 * // | Område |       r |    N |
 * // | ------ | ------: | ---: |
 * // | Skole  | 0,35*** |   92 |
 * //
 * // N = 85–92
 * ```
 */
export function toMarkdown(
  input: ReportTable | RenderableReport,
  options: ToMarkdownOptions = {},
): string {
  checkOptionKeys('toMarkdown', options, optionKeys<ToMarkdownOptions>({ headingLevel: true, lang: true, locale: true, pStyle: true, percentStyle: true, translateLabels: true }));
  const level = checkHeadingLevel(options.headingLevel ?? 2);
  const { title, tables } = tablesOf('toMarkdown', input);
  const blocks: string[][] = [];
  if (title !== null && title.trim() !== '') {
    blocks.push([`${'#'.repeat(Math.max(1, level - 1))} ${escapeHeading(title)}`]);
  }
  for (const table of tables) blocks.push(tableMarkdown(table, options, level));
  return `${blocks.map((block) => block.join('\n')).join('\n\n')}\n`;
}
