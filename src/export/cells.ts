/**
 * What `toCsv` and `toXlsx` share: the language and locale options, the columns as they are
 * exported (a correlation column becomes the r and, beside it, its stars), and the value of each
 * cell as data, not as printed text. Internal to `likertkit/export`.
 */

import { describeValue } from '../internal/validate';
import type { Lang } from '../report/format';
import { translateLabel } from '../report/labels';
import type { ColumnFormat, ReportColumn, ReportTable, ReportValue } from '../report/table';

/** A cell as exported: a number, a text, a boolean, or empty (`null`). */
export type ExportCell = number | string | boolean | null;

/** One column of an exported table. */
export interface ExportColumn {
  /** Header text. */
  readonly header: string;
  /** The report column's format; `'text'` for the stars column beside a correlation. */
  readonly format: ColumnFormat;
  /** Decimals the report prints this column with. */
  readonly digits: number;
  /** Whether the column holds numbers (right aligned). */
  readonly numeric: boolean;
  /** The cell of a row. */
  readonly cell: (row: Readonly<Record<string, ReportValue>>) => ExportCell;
}

/** Words of the exports in each language. */
export interface ExportWords {
  /** Header of the stars column beside a correlation column headed `label`. */
  readonly stars: (label: string) => string;
  /** The note under every sheet about stored and shown precision. */
  readonly rounding: string;
  /** "p < 0.001" as a cell shows it. */
  readonly pBelow: string;
}

const WORDS: Readonly<Record<Lang, ExportWords>> = {
  da: {
    stars: (label) => `${label} (signifikans)`,
    rounding: 'Tallene er gemt uafrundede; cellernes talformat viser dem afrundet, som rapporten trykker dem.',
    pBelow: '< 0,001',
  },
  en: {
    stars: (label) => `${label} (significance)`,
    rounding: 'Numbers are stored unrounded; the cell formats show them rounded as the report prints them.',
    pBelow: '< .001',
  },
};

/**
 * Checks the `lang` option.
 *
 * @param fn - the public function's name, for the message
 * @param lang - the option's value
 * @param fallback - the language when the option is absent
 */
export function checkExportLang(fn: string, lang: unknown, fallback: Lang = 'da'): Lang {
  if (lang === undefined) return fallback;
  if (lang !== 'da' && lang !== 'en') {
    throw new RangeError(`${fn}: unknown lang ${describeValue(lang)}; use 'da' or 'en'`);
  }
  return lang;
}

/** The words of a language. */
export function exportWords(lang: Lang): ExportWords {
  return WORDS[lang];
}

/**
 * The decimal mark of a BCP 47 locale, as `Intl.NumberFormat` writes it ("," for `da-DK`, "."
 * for `en-GB`). Without a locale, the language's: "," for Danish, "." for English.
 *
 * @param fn - the public function's name, for the message
 * @param lang - the language
 * @param locale - the `locale` option's value
 * @throws RangeError for a locale that is not a well-formed BCP 47 tag
 */
export function decimalMarkOf(fn: string, lang: Lang, locale: unknown): string {
  if (locale === undefined) return lang === 'da' ? ',' : '.';
  if (typeof locale !== 'string' || locale.trim() === '') {
    throw new RangeError(`${fn}: locale must be a BCP 47 language tag such as 'da-DK' or 'en-GB', got ${describeValue(locale)}`);
  }
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale).formatToParts(1.5);
  } catch {
    throw new RangeError(`${fn}: locale ${describeValue(locale)} is not a BCP 47 language tag; use one such as 'da-DK' or 'en-GB'`);
  }
  return parts.find((part) => part.type === 'decimal')?.value ?? '.';
}

function ownValue(row: Readonly<Record<string, ReportValue>>, key: string): ReportValue | undefined {
  return Object.prototype.hasOwnProperty.call(row, key) ? row[key] : undefined;
}

/** A report value as an exported cell: non-finite numbers and absent values are empty. */
function asCell(value: ReportValue | undefined): ExportCell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}

/**
 * A cell as the exports take it: a string, a finite number, a boolean or empty. Anything else (an
 * object, an array, a BigInt: a table built by hand or parsed from JSON) is refused, never
 * written as its JSON text or handed to the workbook library, which would store an object of the
 * right shape as a live formula.
 *
 * @param fn - the public function's name
 * @param cell - the cell
 * @param place - where it is, for the message
 * @throws TypeError naming the value and its place
 */
export function checkedCell(fn: string, cell: ExportCell, place: () => string): ExportCell {
  const kind = typeof cell;
  if (cell === null || kind === 'string' || kind === 'number' || kind === 'boolean') return cell;
  throw new TypeError(`${fn}: the cell at ${place()} is ${describeValue(cell)}; a table cell must be a string, a number, a boolean or null, so convert it first`);
}

function defaultDigits(format: ColumnFormat, digits: number | undefined): number {
  if (digits !== undefined) return digits;
  if (format === 'number' || format === 'correlation') return 2;
  if (format === 'p') return 3;
  return 0;
}

/**
 * The columns of a table as exported. A `'correlation'` column becomes two: the r as a number,
 * and beside it a text column with the row's `<key>Stars` (headed "r (signifikans)" /
 * "r (significance)"), so that the r stays a number a spreadsheet can compute with.
 *
 * @param fn - the public function's name, for messages
 * @param table - the table
 * @param lang - the language of the added headers and of translated labels
 * @param translate - whether to translate the built-in scales' labels in text cells and headers
 */
export function exportColumns(fn: string, table: ReportTable, lang: Lang, translate: boolean): ExportColumn[] {
  const text = (s: string): string => (translate ? translateLabel(s, lang) : s);
  const words = exportWords(lang);
  const columns: ExportColumn[] = [];
  table.columns.forEach((column: ReportColumn, j) => {
    if (column === null || typeof column !== 'object' || typeof column.key !== 'string') {
      throw new TypeError(`${fn}: column ${j} of table ${describeValue(table.id)} must be an object with a string key, got ${describeValue(column)}`);
    }
    const format = column.format;
    const header = text(String(column.label ?? column.key));
    const numeric = format !== 'text';
    columns.push({
      header,
      format,
      digits: defaultDigits(format, column.digits),
      numeric,
      cell: (row) => {
        const cell = asCell(ownValue(row, column.key));
        return typeof cell === 'string' && format === 'text' ? text(cell) : cell;
      },
    });
    if (format === 'correlation') {
      columns.push({
        header: words.stars(header),
        format: 'text',
        digits: 0,
        numeric: false,
        cell: (row) => {
          const stars = ownValue(row, `${column.key}Stars`);
          return typeof stars === 'string' && stars !== '' ? stars : null;
        },
      });
    }
  });
  return columns;
}

/**
 * The position of the first lone surrogate or NUL character in a text, or -1. Neither can be
 * written: a lone surrogate is not Unicode (UTF-8 turns it into U+FFFD), and a NUL ends the
 * text for many spreadsheet readers (and is refused by likertkit's own CSV reader).
 */
export function badCharacterAt(text: string, alsoControls = false): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
    if (c === 0) return i;
    if (alsoControls && c < 0x20 && c !== 9 && c !== 10 && c !== 13) return i;
    if (alsoControls && (c === 0xfffe || c === 0xffff)) return i;
  }
  return -1;
}

/**
 * Throws when a text cannot be written (see {@link badCharacterAt}).
 *
 * @param fn - the public function's name
 * @param text - the cell's or header's text
 * @param where - where it is, e.g. `row 3, column "Område" of table "summary"`
 * @param alsoControls - also refuse the control characters XML 1.0 cannot hold (for XLSX)
 */
export function assertWritable(fn: string, text: string, where: string, alsoControls = false): void {
  const at = badCharacterAt(text, alsoControls);
  if (at < 0) return;
  const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  const what = code === '0000' ? 'a NUL character' : /^D[89A-F]/.test(code) ? `a lone surrogate (U+${code})` : `the control character U+${code}`;
  throw new RangeError(
    `${fn}: the text at ${where} holds ${what} at offset ${at}, which a spreadsheet cannot read; remove it or replace it with U+FFFD before exporting`,
  );
}

/** Where a cell is, for messages: `row 3, column "Område" of table "summary"` (rows counted from 1). */
export function cellPlace(table: ReportTable, row: number | 'header', header: string): string {
  const place = row === 'header' ? 'the header' : `row ${row + 1}`;
  return `${place}, column ${JSON.stringify(header)} of table ${JSON.stringify(String(table.id))}`;
}

/**
 * Writes a finite number with every digit needed to read it back as the same double (the
 * shortest round-trip digits of `String(n)`), in plain decimal notation (never "1e-7"), with
 * `mark` as the decimal mark and no thousands separator. `-0` is written "0".
 *
 * @param value - a finite number
 * @param mark - the decimal mark
 * @example
 * ```ts
 * plainNumber(17 / 48, ',');  // '0,3541666666666667'
 * plainNumber(1.5e-7, '.');   // '0.00000015'
 * plainNumber(-2.5e21, '.');  // '-2500000000000000000000'
 * ```
 */
export function plainNumber(value: number, mark: string): string {
  if (Object.is(value, -0) || value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const text = String(Math.abs(value));
  const e = text.indexOf('e');
  if (e < 0) return sign + text.replace('.', mark);
  // Mantissa digits and where the decimal point falls after shifting by the exponent.
  const mantissa = text.slice(0, e);
  const exponent = Number(text.slice(e + 1));
  const point = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const pointAt = (point < 0 ? mantissa.length : point) + exponent;
  if (pointAt <= 0) return `${sign}0${mark}${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return sign + digits + '0'.repeat(pointAt - digits.length);
  return `${sign}${digits.slice(0, pointAt)}${mark}${digits.slice(pointAt)}`;
}
