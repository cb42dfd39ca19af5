/**
 * `toXlsx`: report tables as an Excel workbook, one sheet per table, through exceljs (loaded
 * when the function is called, so that `toCsv` users never load it).
 */

import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { tablesOf, type Lang, type RenderableReport } from '../report/format';
import type { ColumnFormat, ReportTable } from '../report/table';
import { assertWritable, cellPlace, checkedCell, checkExportLang, decimalMarkOf, exportColumns, exportWords, type ExportCell, type ExportColumn } from './cells';

/** Options of {@link toXlsx}. */
export interface ToXlsxOptions {
  /**
   * Language of the added texts (the stars column's header, the note on rounding, the shown
   * "< 0,001") and of translated labels; default: the report's `lang`, else `'da'`.
   */
  readonly lang?: Lang;
  /**
   * A BCP 47 locale whose decimal mark the literal "< 0,001" of p cells is written with; default:
   * the language's. (Excel shows numbers by the reader's own settings, whatever this says.)
   */
  readonly locale?: string;
  /** Translate the built-in scales' answer labels into `lang` (see `translateLabel`); default `false`. */
  readonly translateLabels?: boolean;
}

/** The characters Excel does not allow in a sheet name. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
/** The longest sheet name Excel accepts. */
const SHEET_NAME_MAX = 31;
/** The most characters an Excel cell holds. */
const CELL_TEXT_MAX = 32767;

/** Cuts a text to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] as string) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * Sheet names for the tables: each table's id with `[]:*?/\` turned into "-", without leading
 * or trailing apostrophes, at most 31 characters, unique without regard to case (Excel's rule),
 * a repeated name getting " (2)", " (3)". "History" is taken by Excel itself.
 *
 * @param ids - the tables' ids, in order
 * @param fallback - the name of a table whose id leaves nothing ("Tabel" / "Table")
 * @returns one name per id
 * @example
 * ```ts
 * sheetNames(['distribution:tidlig:daChallenge4', 'summary', 'Summary'], 'Tabel');
 * // ['distribution-tidlig-daChallenge', 'summary', 'Summary (2)']
 * ```
 */
export function sheetNames(ids: readonly string[], fallback: string): string[] {
  const taken = new Set<string>(['history']);
  return ids.map((id) => {
    let base = String(id).replace(SHEET_FORBIDDEN, '-').replace(/[\u0000-\u001f]/g, ' ').replace(/^'+|'+$/g, '').trim();
    if (base === '') base = fallback;
    base = cut(base, SHEET_NAME_MAX).replace(/'+$/, '');
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = cut(base, SHEET_NAME_MAX - suffix.length).replace(/'+$/, '') + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * The Excel number format of a column: thousands grouped for integers and numbers (`#,##0`,
 * `#,##0.00`), whole percent for shares (`0%`), p-values with three decimals and
 * "< 0,001" / "< .001" below 0.001 (`[<0.001]"< 0,001";0.000`), r with two decimals (`0.00`).
 * Excel writes the decimal and thousands marks of the reader's own settings.
 *
 * @param format - the report column's format
 * @param digits - the decimals the report prints
 * @param pBelow - the text shown for a p below the smallest printed p
 */
export function excelNumberFormat(format: ColumnFormat, digits: number, pBelow: string): string {
  const decimals = digits > 0 ? `.${'0'.repeat(digits)}` : '';
  switch (format) {
    case 'integer':
      return '#,##0';
    case 'number':
      return `#,##0${decimals}`;
    case 'percent':
      return `0${decimals}%`;
    case 'p': {
      const places = Math.max(1, digits);
      return `[<${(10 ** -places).toFixed(places)}]"${pBelow}";0.${'0'.repeat(places)}`;
    }
    case 'correlation':
      return `0${decimals}`;
    default:
      return 'General';
  }
}

/** The length of a cell as its number format shows it, for the column width. */
function shownLength(cell: ExportCell, column: ExportColumn): number {
  if (cell === null) return 1;
  if (typeof cell === 'boolean') return 5;
  if (typeof cell === 'string') return Math.max(...cell.split(/\r\n|\r|\n/).map((line) => [...line].length));
  const digits = column.format === 'integer' ? 0 : column.digits;
  switch (column.format) {
    case 'percent':
      return (Math.abs(cell) * 100).toFixed(digits).length + 2 + (cell < 0 ? 1 : 0);
    case 'p':
      return Math.max(7, cell.toFixed(Math.max(1, digits)).length);
    case 'integer':
    case 'number': {
      const fixed = Math.abs(cell).toFixed(digits);
      const whole = fixed.split('.')[0]?.length ?? 1;
      return fixed.length + Math.floor((whole - 1) / 3) + (cell < 0 ? 1 : 0);
    }
    case 'correlation':
      return cell.toFixed(digits).length;
    default:
      return String(cell).length;
  }
}

/** The narrowest and widest column, in characters. */
const WIDTH_MIN = 6;
const WIDTH_MAX = 80;

/** The tables of the input, and the language it carries (a report's `lang`). */
function inputTables(fn: string, input: unknown): { tables: readonly ReportTable[]; title: string | null; lang: unknown } {
  if (Array.isArray(input)) {
    input.forEach((table, i) => {
      const kind = table !== null && typeof table === 'object' ? (table as { kind?: unknown }).kind : undefined;
      if (kind !== 'report-table') {
        throw new TypeError(`${fn}: element ${i} of the array must be a report table ({ kind: 'report-table', … }), got ${describeValue(table)}`);
      }
      tablesOf(fn, table as ReportTable);
    });
    return { tables: input as readonly ReportTable[], title: null, lang: undefined };
  }
  const { title, tables } = tablesOf(fn, input as ReportTable | RenderableReport);
  const lang = title === null ? undefined : (input as { lang?: unknown }).lang;
  return { tables, title, lang };
}

/**
 * Builds an Excel workbook (.xlsx) of report tables, one sheet per table, with the numbers
 * stored as numbers, so that a colleague can compute with them and a layout tool can take them.
 *
 * Each sheet holds, from the top:
 *
 * 1. the table's title (bold);
 * 2. the header row (bold; frozen together with the title, so it stays in view when scrolling);
 * 3. one row per table row;
 * 4. after an empty row, the table's notes (the N range, the coding, the star legend, …), one
 *    per row, and a last note that the numbers are stored unrounded and shown rounded.
 *
 * Cells:
 *
 * - Numbers are stored unrounded (the values of `report()`'s rows) with an Excel number format
 *   that shows them as the report prints them: `#,##0` for counts, `#,##0.00` (the column's
 *   digits) for means, `0%` for shares (stored as fractions: 0.46 shows as 46 %), p-values as
 *   `0.000` with "< 0,001" below 0.001, r as `0.00`. Numbers are right aligned, header included.
 * - A correlation column becomes two: the r as a number, and beside it a text column with the
 *   stars ("r (signifikans)" / "r (significance)"), so that the r stays a number.
 * - Text as it is (a formula-like text stays a text cell: xlsx stores it as a string, which no
 *   spreadsheet runs); booleans as Excel booleans; `null`, `NaN` and ±Infinity as empty cells.
 * - Column widths fit the longest header or shown cell (6 to 80 characters).
 *
 * Sheet names come from the table ids ([]:*?/\ become "-", at most 31 characters, unique
 * without regard to case, a repeat gets " (2)"); a report's title becomes the workbook's title.
 *
 * exceljs is imported when `toXlsx` is first called, not when `likertkit/export` is imported.
 *
 * @param input - a report (`report()`'s result), one report table, or an array of tables
 * @param options - `lang` (default: the report's, else `'da'`), `locale`, `translateLabels`
 * @returns the bytes of the .xlsx file
 * @throws TypeError when input is not a report, a table or an array of tables, or for an unknown
 *   option; RangeError for no tables, an unknown lang, a malformed locale, or text Excel cannot
 *   hold (a lone surrogate, a control character, more than 32,767 characters), naming the table,
 *   row and column
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { report } from 'likertkit';
 * import { toXlsx } from 'likertkit/export';
 *
 * const bytes = await toXlsx(report(s));   // Uint8Array, starting with the zip signature "PK"
 * await writeFile('rapport.xlsx', bytes);
 * ```
 * @see ECMA-376 (Office Open XML), Part 1, §18.8.31 numFmts for the number format codes
 */
export async function toXlsx(
  input: RenderableReport | ReportTable | readonly ReportTable[],
  options: ToXlsxOptions = {},
): Promise<Uint8Array> {
  const fn = 'toXlsx';
  checkOptionKeys(fn, options, optionKeys<ToXlsxOptions>({ lang: true, locale: true, translateLabels: true }));
  const { tables, title, lang: reportLang } = inputTables(fn, input);
  if (tables.length === 0) throw new RangeError(`${fn}: there are no tables to write; pass a report with tables, a table or a non-empty array of tables`);
  const lang = checkExportLang(fn, options.lang, reportLang === 'en' ? 'en' : 'da');
  const mark = decimalMarkOf(fn, lang, options.locale);
  const words = exportWords(lang);
  const pBelow = words.pBelow.replace(/[.,]/, mark);
  const translate = options.translateLabels === true;

  // Everything is checked before exceljs is loaded: a mistake costs no import.
  const sheets = tables.map((table) => {
    const columns = exportColumns(fn, table, lang, translate);
    const text = (value: string, where: () => string): string => {
      assertWritable(fn, value, where(), true);
      if (value.length > CELL_TEXT_MAX) {
        throw new RangeError(`${fn}: the text at ${where()} has ${value.length} characters; an Excel cell holds at most ${CELL_TEXT_MAX}, so shorten it`);
      }
      // Office Open XML reads "_xHHHH_" in a string as an escaped character; its own escape for
      // a literal one is "_x005F_" before it, so that "_x0041_" stays "_x0041_" and not "A".
      // (Each "_" that starts such a run is escaped, also where runs share an underscore.)
      return value.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
    };
    const rows = table.rows.map((row, i) => {
      if (row === null || typeof row !== 'object') {
        throw new TypeError(`${fn}: row ${i + 1} of table ${describeValue(table.id)} must be an object, got ${describeValue(row)}`);
      }
      return columns.map((column) => {
        const cell = checkedCell(fn, column.cell(row), () => cellPlace(table, i, column.header));
        return typeof cell === 'string' ? text(cell, () => cellPlace(table, i, column.header)) : cell;
      });
    });
    columns.forEach((column) => text(column.header, () => cellPlace(table, 'header', column.header)));
    const heading = text(String(table.title ?? ''), () => `the title of table ${JSON.stringify(String(table.id))}`);
    const notes = (table.notes ?? []).map((note, k) => text(String(note), () => `note ${k + 1} of table ${JSON.stringify(String(table.id))}`));
    return { table, columns, rows, heading, notes };
  });
  const names = sheetNames(tables.map((t) => String(t.id ?? '')), lang === 'en' ? 'Table' : 'Tabel');

  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'likertkit';
  if (title !== null && title !== '') workbook.title = title;
  sheets.forEach(({ columns, rows, heading, notes }, s) => {
    const sheet = workbook.addWorksheet(names[s] as string, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
    const titleCell = sheet.getCell(1, 1);
    titleCell.value = heading;
    titleCell.font = { bold: true, size: 13 };
    columns.forEach((column, j) => {
      const cell = sheet.getCell(2, j + 1);
      cell.value = column.header;
      cell.font = { bold: true };
      cell.border = { bottom: { style: 'thin' } };
      cell.alignment = { horizontal: column.numeric ? 'right' : 'left', vertical: 'bottom', wrapText: false };
    });
    rows.forEach((cells, i) => {
      cells.forEach((value, j) => {
        const column = columns[j] as ExportColumn;
        const cell = sheet.getCell(i + 3, j + 1);
        if (value === null) return;
        cell.value = value;
        if (typeof value === 'number') {
          cell.numFmt = excelNumberFormat(column.format, column.digits, pBelow);
          cell.alignment = { horizontal: 'right' };
        } else if (typeof value === 'string' && /[\r\n]/.test(value)) {
          cell.alignment = { wrapText: true, vertical: 'top' };
        }
      });
    });
    let at = rows.length + 4;
    for (const note of [...notes, words.rounding]) sheet.getCell(at++, 1).value = note;
    columns.forEach((column, j) => {
      let width = [...column.header].length;
      for (const cells of rows) width = Math.max(width, shownLength(cells[j] ?? null, column));
      sheet.getColumn(j + 1).width = Math.min(WIDTH_MAX, Math.max(WIDTH_MIN, width + 2));
    });
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}
