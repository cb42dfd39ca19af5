/**
 * `toCsv`: one report table as a CSV file that Excel opens as it is, in Danish Excel's dialect or
 * as RFC 4180 with commas.
 */

import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type { Lang } from '../report/format';
import type { ReportTable } from '../report/table';
import { assertWritable, cellPlace, checkedCell, checkExportLang, decimalMarkOf, exportColumns, plainNumber, type ExportCell } from './cells';

/** A field delimiter {@link toCsv} writes. */
export type CsvExportDelimiter = ',' | ';' | '\t' | '|';

/** Options of {@link toCsv}. */
export interface ToCsvOptions {
  /**
   * Language of the added header ("r (signifikans)" / "r (significance)"), of booleans
   * ("ja"/"nej", "yes"/"no") and of translated labels; default `'da'`. It also picks the dialect
   * when `locale` is absent: `'da'` is Danish Excel's, `'en'` RFC 4180 with commas.
   */
  readonly lang?: Lang;
  /**
   * A BCP 47 locale whose decimal mark the numbers are written with (as `Intl.NumberFormat`
   * writes it: "," for `'da-DK'` and `'de-DE'`, "." for `'en-GB'`); default: the language's.
   * A decimal comma brings the `;` delimiter and a byte order mark with it.
   */
  readonly locale?: string;
  /** The field delimiter; default `';'` when the decimal mark is a comma, else `','`. */
  readonly delimiter?: CsvExportDelimiter;
  /**
   * Whether the text starts with a UTF-8 byte order mark (U+FEFF), which Excel needs to read
   * "ø" right; default `true` when the decimal mark is a comma (Danish Excel), else `false`.
   */
  readonly bom?: boolean;
  /** Translate the built-in scales' answer labels into `lang` (see `translateLabel`); default `false`. */
  readonly translateLabels?: boolean;
}

/** The first characters that make a spreadsheet read a text cell as a formula (OWASP's list). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * A text cell as a spreadsheet must not run it: one starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return gets a leading apostrophe. Internal.
 */
export function neutralizeFormula(text: string): string {
  return text.length > 0 && FORMULA_START.has(text[0] as string) ? `'${text}` : text;
}

/** Quotes a field per RFC 4180 when it holds the delimiter, a quote, CR or LF (quotes doubled). */
function quoteField(field: string, delimiter: string): string {
  if (field.includes(delimiter) || field.includes('"') || field.includes('\n') || field.includes('\r')) {
    return `"${field.replaceAll('"', '""')}"`;
  }
  return field;
}

/**
 * Writes one report table as CSV text, with every number in full precision so that a
 * spreadsheet computes with the values the report computed.
 *
 * The dialect follows the decimal mark (from `locale`, else from `lang`):
 *
 * - a decimal comma (`lang: 'da'`, the default): Danish Excel's dialect, `;` between fields,
 *   "0,3541666666666667", a UTF-8 byte order mark first;
 * - a decimal point (`lang: 'en'`): RFC 4180, `,` between fields, "0.3541666666666667", no
 *   byte order mark.
 *
 * Both end every record, the last one included, with CRLF, as RFC 4180 and Excel do.
 *
 * What the file holds:
 *
 * - The header row first (the column labels), then one record per row. The title and the notes
 *   are not written: the file is meant to be pasted or read as a table, where a title line
 *   would be taken for the header. `toXlsx` writes both.
 * - Numbers as numbers, unrounded, in plain decimal notation with the decimal mark and no
 *   thousands separator (the shortest digits that read back as the same double, never
 *   exponent notation): a percent column holds the share (0.46, not "46 %"), a p column the p,
 *   a correlation column the r; the stars of a correlation column go to a text column beside
 *   it, headed "<label> (signifikans)" / "<label> (significance)". This is what `toXlsx`
 *   stores too; the printed text (rounded, "46 %", "0,35***") is `toMarkdown`'s.
 * - `null`, a missing key, `NaN` and ±Infinity as an empty field; booleans as "ja"/"nej"
 *   ("yes"/"no"); text as it is (e.g. "<3" in a suppressed count column).
 * - Quoting per RFC 4180: a field holding the delimiter, a `"`, CR or LF is quoted, its quotes
 *   doubled.
 * - Formula neutralisation (OWASP's advice against CSV injection): a text field, header
 *   included, that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 *   apostrophe (`'=SUM(A1)`), so that a spreadsheet shows it as text instead of running it.
 *   Numbers are never changed (a negative r stays -0.2).
 *
 * @param table - a report table, e.g. `report(s).tables[0]`
 * @param options - `lang`, `locale`, `delimiter`, `bom`, `translateLabels`
 * @returns the CSV text (write it as UTF-8)
 * @throws TypeError when table is not a report table, or for an unknown option; RangeError for
 *   an unknown lang, a malformed locale, an unknown delimiter, a delimiter equal to the decimal
 *   mark, or text holding a lone surrogate or a NUL character (naming the row and column:
 *   replace it with U+FFFD)
 * @example
 * ```ts
 * const table = {
 *   kind: 'report-table', id: 'summary', title: 'Enighed', notes: ['N = 48'],
 *   columns: [
 *     { key: 'item', label: 'Område', format: 'text' },
 *     { key: 'share', label: 'Andel', format: 'percent' },
 *     { key: 'r', label: 'r', format: 'correlation' },
 *   ],
 *   rows: [{ item: '=Tidlig', share: 17 / 48, r: -0.25, rStars: '**' }],
 * } as const;
 * toCsv(table);
 * // '\uFEFFOmråde;Andel;r;r (signifikans)\r\n\'=Tidlig;0,3541666666666667;-0,25;**\r\n'
 * toCsv(table, { lang: 'en' });
 * // 'Område,Andel,r,r (significance)\r\n\'=Tidlig,0.3541666666666667,-0.25,**\r\n'
 * ```
 * @see RFC 4180, "Common Format and MIME Type for Comma-Separated Values (CSV) Files"; OWASP,
 *   "CSV Injection"
 */
export function toCsv(table: ReportTable, options: ToCsvOptions = {}): string {
  const fn = 'toCsv';
  checkOptionKeys(fn, options, optionKeys<ToCsvOptions>({ lang: true, locale: true, delimiter: true, bom: true, translateLabels: true }));
  if (table === null || typeof table !== 'object' || (table as { kind?: unknown }).kind !== 'report-table') {
    throw new TypeError(`${fn}: table must be a report table ({ kind: 'report-table', … }, e.g. report(s).tables[0]), got ${describeValue(table)}`);
  }
  if (!Array.isArray(table.columns) || !Array.isArray(table.rows)) {
    throw new TypeError(`${fn}: the report table ${describeValue(table.id)} needs arrays of columns and rows; build it with report() or give both`);
  }
  const lang = checkExportLang(fn, options.lang);
  const mark = decimalMarkOf(fn, lang, options.locale);
  const delimiter = options.delimiter ?? (mark === ',' ? ';' : ',');
  if (delimiter !== ',' && delimiter !== ';' && delimiter !== '\t' && delimiter !== '|') {
    throw new RangeError(`${fn}: delimiter must be ',', ';', '\\t' or '|', got ${describeValue(delimiter)}`);
  }
  if (delimiter === mark) {
    throw new RangeError(`${fn}: delimiter ${describeValue(delimiter)} is the decimal mark of the numbers; use ';' with a decimal comma`);
  }
  if (options.bom !== undefined && typeof options.bom !== 'boolean') {
    throw new TypeError(`${fn}: bom must be true or false, got ${describeValue(options.bom)}`);
  }
  const bom = options.bom ?? mark === ',';
  const columns = exportColumns(fn, table, lang, options.translateLabels === true);
  const yes = lang === 'en' ? 'yes' : 'ja';
  const no = lang === 'en' ? 'no' : 'nej';
  const field = (cell: ExportCell, place: () => string): string => {
    if (cell === null) return '';
    if (typeof cell === 'number') return quoteField(plainNumber(cell, mark), delimiter);
    if (typeof cell === 'boolean') return cell ? yes : no;
    assertWritable(fn, cell, place());
    return quoteField(neutralizeFormula(cell), delimiter);
  };
  const lines: string[] = [columns.map((c) => field(c.header, () => cellPlace(table, 'header', c.header))).join(delimiter)];
  table.rows.forEach((row, i) => {
    if (row === null || typeof row !== 'object') {
      throw new TypeError(`${fn}: row ${i + 1} of table ${describeValue(table.id)} must be an object, got ${describeValue(row)}`);
    }
    lines.push(columns.map((c) => field(checkedCell(fn, c.cell(row), () => cellPlace(table, i, c.header)), () => cellPlace(table, i, c.header))).join(delimiter));
  });
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
