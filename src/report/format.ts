/**
 * Danish and English number formatting for report tables, written without `Intl` so that the
 * output is the same on every platform, runtime and ICU version.
 *
 * Conventions (chosen here, and relied on by `toMarkdown`, `toHtml` and `displayTable`):
 *
 * - Danish (`'da'`, the default) writes a decimal comma and a thousands dot ("60.828", "0,35");
 *   English (`'en'`) a decimal point and a thousands comma ("60,828", "0.35").
 * - Negative numbers carry the ASCII hyphen-minus `-` in both languages, not the typographic
 *   minus sign U+2212: the output is meant to be pasted into spreadsheets and CSV files, which
 *   parse `-` and not `−`. A value that rounds to zero prints without a sign ("0,00", never
 *   "-0,00").
 * - Missing and undefined values (`null`, `undefined`, `NaN`) print as an en dash "–", as the
 *   reports mark suppressed and empty cells.
 * - Every rounding is half up (away from zero) from the unrounded value, through
 *   {@link roundHalfUp} and {@link roundPercent}.
 */

import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import type { ReportColumn, ReportTable, ReportValue } from './table';
import { translateLabel } from './labels';
import { roundHalfUp, roundPercent } from './rounding';

/** Output language: Danish (`'da'`) or English (`'en'`). */
export type Lang = 'da' | 'en';

/** How {@link formatP} writes a p-value. */
export type PStyle = 'apa' | 'exact';

/** The dash printed for a missing, suppressed or undefined value. */
export const MISSING_DASH = '\u2013';

/** Options of {@link formatNumber}. */
export interface FormatNumberOptions {
  /** Output language, default `'da'`. */
  readonly lang?: Lang;
  /**
   * Decimals, an integer 0–10. Default: 0 for integers, 2 for other numbers.
   */
  readonly digits?: number;
  /** Whether to group thousands ("60.828"); default `true`. Turn off for years and codes. */
  readonly grouping?: boolean;
}

/** Options of {@link formatPercent}. */
export interface FormatPercentOptions {
  /** Output language, default `'da'`. */
  readonly lang?: Lang;
  /** Decimals of the percentage, an integer 0–10; default 0. */
  readonly digits?: number;
}

/** Options of {@link formatP}. */
export interface FormatPOptions {
  /** Output language, default `'da'`. */
  readonly lang?: Lang;
  /** `'apa'` (default) or `'exact'`; see {@link formatP}. */
  readonly style?: PStyle;
  /** Decimals, an integer 1–10; default 3. */
  readonly digits?: number;
}

/** Options of {@link formatCorrelation}. */
export interface FormatCorrelationOptions {
  /** Output language, default `'da'`. */
  readonly lang?: Lang;
  /** Decimals of r, an integer 0–10; default 2. */
  readonly digits?: number;
}

/**
 * A row's own value for `key`, or undefined: a column keyed "constructor" or "toString" that a
 * row lacks is blank, never `Object.prototype`'s function. Internal.
 */
function ownValue(row: Readonly<Record<string, ReportValue>>, key: string): ReportValue | undefined {
  return Object.prototype.hasOwnProperty.call(row, key) ? row[key] : undefined;
}

/** Options of {@link formatCell}. */
export interface FormatCellOptions {
  /** Output language, default `'da'`. */
  readonly lang?: Lang;
  /** How `'p'` columns are written, default `'apa'`. */
  readonly pStyle?: PStyle;
}

/** Separators of a language: decimal mark and thousands separator. */
function separators(lang: Lang): { decimal: string; group: string } {
  return lang === 'en' ? { decimal: '.', group: ',' } : { decimal: ',', group: '.' };
}

function checkLang(fn: string, lang: unknown): Lang {
  if (lang === undefined) return 'da';
  if (lang !== 'da' && lang !== 'en') {
    throw new RangeError(`${fn}: unknown lang ${describeValue(lang)}; use 'da' or 'en'`);
  }
  return lang;
}

function checkDigits(fn: string, digits: unknown, min = 0): number {
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < min || digits > 10) {
    throw new RangeError(
      `${fn}: digits must be an integer from ${min} to 10, got ${describeValue(digits)}`,
    );
  }
  return digits;
}

/** True for the values printed as a dash: null, undefined and NaN. */
function isBlank(value: unknown): value is null | undefined | number {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

/** Inserts `group` between every three digits of a string of digits, counting from the right. */
function groupDigits(digits: string, group: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += group;
    out += digits[i];
  }
  return out;
}

/**
 * The digits of a non-negative number already rounded to `digits` decimals, as an integer part
 * and a fraction part. `toFixed` is exact here: the value is the double nearest to a number with
 * `digits` decimals, so its correctly rounded expansion is that number. Above 1e21, where
 * `toFixed` switches to exponent notation, every double is an integer and BigInt spells it out.
 */
function fixedParts(value: number, digits: number): { whole: string; fraction: string } {
  if (value >= 1e21) return { whole: BigInt(value).toString(), fraction: '0'.repeat(digits) };
  const text = value.toFixed(digits);
  const point = text.indexOf('.');
  return point < 0
    ? { whole: text, fraction: '' }
    : { whole: text.slice(0, point), fraction: text.slice(point + 1) };
}

/**
 * Writes a finite number rounded half up to `digits` decimals with the separators of `lang`.
 * Shared by every formatter in this module. Internal.
 */
function writeNumber(value: number, digits: number, lang: Lang, grouping: boolean): string {
  const { decimal, group } = separators(lang);
  if (value === Infinity) return '\u221E';
  if (value === -Infinity) return '-\u221E';
  const rounded = roundHalfUp(value, digits);
  const { whole, fraction } = fixedParts(Math.abs(rounded), digits);
  const sign = rounded < 0 ? '-' : ''; // -0 and values rounding to 0 get no sign
  const integer = grouping ? groupDigits(whole, group) : whole;
  return sign + integer + (fraction === '' ? '' : decimal + fraction);
}

/**
 * Formats a number the Danish or English way: decimal comma and thousands dot in Danish,
 * decimal point and thousands comma in English, rounded half up from the unrounded value.
 * Negative numbers use the ASCII `-`; `null`, `undefined` and `NaN` print as "–"; ±Infinity as
 * "∞" / "-∞".
 *
 * @param value - the number (or `null` for a missing value)
 * @param options - `lang` (default `'da'`), `digits` (default 0 for integers, else 2) and
 *   `grouping` (default `true`)
 * @returns the formatted text
 * @throws TypeError when value is neither a number nor null/undefined; RangeError for an unknown
 *   lang or digits outside 0–10
 * @example
 * ```ts
 * formatNumber(60828);                  // '60.828'
 * formatNumber(60828, { lang: 'en' });  // '60,828'
 * formatNumber(0.35);                   // '0,35'
 * formatNumber(-1234.5, { digits: 1 }); // '-1.234,5'
 * formatNumber(NaN);                    // '–'
 * ```
 */
export function formatNumber(
  value: number | null | undefined,
  options: FormatNumberOptions = {},
): string {
  checkOptionKeys('formatNumber', options, optionKeys<FormatNumberOptions>({ lang: true, digits: true, grouping: true }));
  const fn = 'formatNumber';
  const lang = checkLang(fn, options.lang);
  if (options.digits !== undefined) checkDigits(fn, options.digits);
  if (isBlank(value)) return MISSING_DASH;
  if (typeof value !== 'number') {
    throw new TypeError(`${fn}: value must be a number or null, got ${describeValue(value)}`);
  }
  const digits = options.digits ?? (Number.isInteger(value) ? 0 : 2);
  return writeNumber(value, digits, lang, options.grouping ?? true);
}

/**
 * Formats a share (0–1) as a percentage, rounded half up from the unrounded share through
 * {@link roundPercent}: Danish "46 pct.", English "46%". So 0.285 prints as 29, although
 * 0.285 × 100 is 28.499999999999996 in doubles, and 2/16 = 12.5 % as 13.
 *
 * @param share - an unrounded share, e.g. 45 / 98 (or `null` for a missing value)
 * @param options - `lang` (default `'da'`) and `digits` of the percentage (default 0)
 * @returns the formatted percentage; "–" for `null`, `undefined` and `NaN`
 * @throws TypeError when share is neither a number nor null/undefined; RangeError for an unknown
 *   lang or digits outside 0–10
 * @example
 * ```ts
 * formatPercent(0.285);                     // '29 pct.'
 * formatPercent(0.285, { lang: 'en' });     // '29%'
 * formatPercent(1 / 8, { digits: 1 });      // '12,5 pct.'
 * ```
 */
export function formatPercent(
  share: number | null | undefined,
  options: FormatPercentOptions = {},
): string {
  checkOptionKeys('formatPercent', options, optionKeys<FormatPercentOptions>({ lang: true, digits: true }));
  const fn = 'formatPercent';
  const lang = checkLang(fn, options.lang);
  const digits = checkDigits(fn, options.digits ?? 0);
  if (isBlank(share)) return MISSING_DASH;
  if (typeof share !== 'number') {
    throw new TypeError(`${fn}: share must be a number or null, got ${describeValue(share)}`);
  }
  const number = Number.isFinite(share)
    ? writeNumber(roundPercent(share, digits), digits, lang, true)
    : writeNumber(share, digits, lang, true);
  return lang === 'en' ? `${number}%` : `${number} pct.`;
}

/**
 * Formats a p-value, never as "0.000".
 *
 * - `'apa'` (default), English: three decimals without the leading zero (".032", ".050",
 *   "1.000"), and "< .001" for p < 0.001, as the APA Publication Manual asks.
 * - `'apa'`, Danish: the same thresholds with a decimal comma, keeping the leading zero
 *   ("0,032", "< 0,001"), because a bare ",032" is not written in Danish.
 * - `'exact'`: `digits` decimals with the leading zero ("0.032" / "0,032"); a p that would round
 *   to zero at those decimals is written with two significant digits in exponent notation
 *   ("4.0e-4" / "4,0e-4"), so that a very small p keeps its size; p = 0 (a tail below the
 *   smallest double) is "< 4.9e-324".
 *
 * The thresholds are tested on the unrounded p: 0.00099 is "< .001", 0.001 is ".001".
 *
 * @param p - a p-value in [0, 1] (or `null`/`NaN` for an undefined test)
 * @param options - `lang` (default `'da'`), `style` (default `'apa'`), `digits` (default 3)
 * @returns the formatted p-value; "–" for `null`, `undefined` and `NaN`
 * @throws TypeError when p is neither a number nor null/undefined; RangeError when p is outside
 *   [0, 1], or for an unknown lang or style, or digits outside 1–10
 * @example
 * ```ts
 * formatP(0.0004, { lang: 'en' });                   // '< .001'
 * formatP(0.032, { lang: 'en' });                    // '.032'
 * formatP(0.0004);                                   // '< 0,001'
 * formatP(0.032);                                    // '0,032'
 * formatP(0.0004, { lang: 'en', style: 'exact' });   // '4.0e-4'
 * ```
 */
export function formatP(p: number | null | undefined, options: FormatPOptions = {}): string {
  checkOptionKeys('formatP', options, optionKeys<FormatPOptions>({ lang: true, style: true, digits: true }));
  const fn = 'formatP';
  const lang = checkLang(fn, options.lang);
  const style = options.style ?? 'apa';
  if (style !== 'apa' && style !== 'exact') {
    throw new RangeError(`${fn}: unknown style ${describeValue(style)}; use 'apa' or 'exact'`);
  }
  const digits = checkDigits(fn, options.digits ?? 3, 1);
  if (isBlank(p)) return MISSING_DASH;
  if (typeof p !== 'number') {
    throw new TypeError(`${fn}: p must be a number in [0, 1] or null, got ${describeValue(p)}`);
  }
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`${fn}: p must be a p-value in [0, 1], got ${describeValue(p)}`);
  }
  const smallest = 10 ** -digits;
  if (style === 'exact') {
    // A p of 0 is a tail below the smallest double: say so rather than print "0.000".
    if (p === 0) return `< ${writeExponent(Number.MIN_VALUE, lang)}`;
    if (roundHalfUp(p, digits) === 0) return writeExponent(p, lang);
    return writeNumber(p, digits, lang, false);
  }
  const dropZero = lang === 'en';
  const limit = writeNumber(smallest, digits, lang, false);
  if (p < smallest) return `< ${dropZero ? limit.slice(1) : limit}`;
  const text = writeNumber(p, digits, lang, false);
  return dropZero && text.startsWith('0') ? text.slice(1) : text;
}

/** Two significant digits in exponent notation, with the language's decimal mark. */
function writeExponent(value: number, lang: Lang): string {
  const [mantissa = '', exponent = ''] = value.toExponential(1).split('e');
  return `${mantissa.replace('.', separators(lang).decimal)}e${exponent.replace('+', '')}`;
}

/**
 * Formats a correlation coefficient with its significance stars appended, as the reports print
 * it: "0,35***". The leading zero is kept (the reports write it, unlike APA style). `NaN`
 * (an undefined correlation) prints as "–" without stars.
 *
 * @param r - the correlation coefficient (or `null` when it is missing)
 * @param stars - the marker from `significanceStars`, or `null`/`undefined`/`''` for none
 * @param options - `lang` (default `'da'`) and `digits` (default 2)
 * @returns the formatted coefficient followed by its stars
 * @throws TypeError when r is neither a number nor null/undefined, or stars is not a string;
 *   RangeError for an unknown lang or digits outside 0–10
 * @example
 * ```ts
 * formatCorrelation(0.3456, '***');                 // '0,35***'
 * formatCorrelation(-0.2, '*', { lang: 'en' });     // '-0.20*'
 * formatCorrelation(NaN, '');                       // '–'
 * ```
 */
export function formatCorrelation(
  r: number | null | undefined,
  stars: string | null | undefined,
  options: FormatCorrelationOptions = {},
): string {
  checkOptionKeys('formatCorrelation', options, optionKeys<FormatCorrelationOptions>({ lang: true, digits: true }));
  const fn = 'formatCorrelation';
  const lang = checkLang(fn, options.lang);
  const digits = checkDigits(fn, options.digits ?? 2);
  if (stars !== null && stars !== undefined && typeof stars !== 'string') {
    throw new TypeError(`${fn}: stars must be a string or null, got ${describeValue(stars)}`);
  }
  if (isBlank(r)) return MISSING_DASH;
  if (typeof r !== 'number') {
    throw new TypeError(`${fn}: r must be a number or null, got ${describeValue(r)}`);
  }
  return writeNumber(r, digits, lang, false) + (stars ?? '');
}

/**
 * Whether a report column is printed right or left aligned: its own `align` when given, else
 * right for every numeric format and left for `'text'`.
 *
 * @param column - the column
 * @returns `'right'` or `'left'`
 * @example
 * ```ts
 * columnAlign({ key: 'n', label: 'N', format: 'integer' });   // 'right'
 * columnAlign({ key: 'item', label: 'Item', format: 'text' }); // 'left'
 * ```
 */
export function columnAlign(column: ReportColumn): 'left' | 'right' {
  return column.align ?? (column.format === 'text' ? 'left' : 'right');
}

/**
 * Formats one cell of a report table by its column's format and the language, as `toMarkdown`,
 * `toHtml` and `displayTable` print it:
 *
 * | format | number printed with |
 * | --- | --- |
 * | `'text'` | as it is (`String(value)`) |
 * | `'integer'` | {@link formatNumber} with 0 decimals |
 * | `'number'` | {@link formatNumber} with `digits` (default 2) |
 * | `'percent'` | {@link formatPercent} with `digits` (default 0) |
 * | `'p'` | {@link formatP} in `pStyle` |
 * | `'correlation'` | {@link formatCorrelation} with the stars in the row's `<key>Stars` field |
 *
 * A string in a numeric column (e.g. "<3" for a suppressed cell) is printed as it is;
 * `null`, a missing key and `NaN` print as "–"; booleans as "ja"/"nej" or "yes"/"no".
 *
 * @param row - the table row
 * @param column - the column to format
 * @param options - `lang` (default `'da'`) and `pStyle` (default `'apa'`)
 * @returns the text of the cell
 * @throws RangeError for an unknown lang, or a value its formatter rejects (e.g. p = 2)
 * @example
 * ```ts
 * formatCell({ r: 0.3456, rStars: '***' }, { key: 'r', label: 'r', format: 'correlation' });
 * // '0,35***'
 * formatCell({ share: 0.46 }, { key: 'share', label: 'Share', format: 'percent' }, { lang: 'en' });
 * // '46%'
 * ```
 */
export function formatCell(
  row: Readonly<Record<string, ReportValue>>,
  column: ReportColumn,
  options: FormatCellOptions = {},
): string {
  checkOptionKeys('formatCell', options, optionKeys<FormatCellOptions>({ lang: true, pStyle: true }));
  const lang = checkLang('formatCell', options.lang);
  const value = ownValue(row, column.key);
  if (isBlank(value)) return MISSING_DASH;
  if (typeof value === 'boolean') {
    if (lang === 'en') return value ? 'yes' : 'no';
    return value ? 'ja' : 'nej';
  }
  if (typeof value === 'string' || column.format === 'text') return String(value);
  switch (column.format) {
    case 'integer':
      return formatNumber(value, { lang, digits: 0 });
    case 'number':
      return formatNumber(value, { lang, digits: column.digits ?? 2 });
    case 'percent':
      return formatPercent(value, { lang, digits: column.digits ?? 0 });
    case 'p':
      return formatP(value, { lang, style: options.pStyle ?? 'apa' });
    case 'correlation': {
      const stars = ownValue(row, `${column.key}Stars`);
      return formatCorrelation(value, typeof stars === 'string' ? stars : '', {
        lang,
        digits: column.digits ?? 2,
      });
    }
    default:
      return String(value);
  }
}

/**
 * A report as `report()` returns it, reduced to what the renderers read: a title and its
 * tables, in order.
 */
export interface RenderableReport {
  readonly kind: 'report';
  readonly title: string;
  readonly tables: readonly ReportTable[];
}

/** Options shared by `toMarkdown`, `toHtml` and `displayTable`. */
export interface RenderOptions {
  /** Output language of numbers (and of scale labels with `translateLabels`), default `'da'`. */
  readonly lang?: Lang;
  /** How `'p'` columns are written, default `'apa'`. */
  readonly pStyle?: PStyle;
  /**
   * Translate the built-in scales' answer labels in text cells and column headers into `lang`
   * (see `translateLabel`); default `false`, so text is printed exactly as the table holds it.
   */
  readonly translateLabels?: boolean;
}

/** A table ready to print: header texts, alignments and cell texts. Internal to the renderers. */
export interface PreparedTable {
  readonly title: string;
  readonly id: string;
  readonly headers: string[];
  readonly aligns: ('left' | 'right')[];
  /** Index of the column printed as the row header (the first text column), or -1. */
  readonly rowHeader: number;
  readonly cells: string[][];
  readonly notes: readonly string[];
}

/**
 * Checks the input of a renderer and returns its title (null for a lone table) and tables.
 * Internal to the renderers: not re-exported from `src/index.ts`.
 *
 * @param fn - the public function's name, for error messages
 * @param input - a report table or a report
 * @returns the report's title (`null` for a lone table) and its tables
 * @throws TypeError for any other input
 */
export function tablesOf(
  fn: string,
  input: ReportTable | RenderableReport,
): { title: string | null; tables: readonly ReportTable[] } {
  const shape = typeof input === 'object' && input !== null ? (input as { kind?: unknown }) : null;
  if (shape?.kind === 'report-table') {
    const table = input as ReportTable;
    if (!Array.isArray(table.columns) || !Array.isArray(table.rows)) {
      throw new TypeError(
        `${fn}: the report table ${describeValue(table.id)} needs arrays of columns and rows; build it with report() or give both`,
      );
    }
    return { title: null, tables: [table] };
  }
  if (shape?.kind === 'report' && Array.isArray((input as RenderableReport).tables)) {
    const report = input as RenderableReport;
    for (const table of report.tables) tablesOf(fn, table);
    return { title: String(report.title ?? ''), tables: report.tables };
  }
  throw new TypeError(
    `${fn}: expected a report table ({ kind: 'report-table', … }) or a report ({ kind: 'report', title, tables }), got ${describeValue(input)}${shape ? ` with kind ${describeValue(shape.kind)}` : ''}`,
  );
}

/**
 * Formats every cell of a table for printing. Internal to the renderers: not re-exported from
 * `src/index.ts`.
 *
 * @param fn - the public function's name, for error messages
 * @param table - the table
 * @param options - the render options
 * @returns header texts, alignments, the row-header column and the cell texts
 * @throws RangeError for an unknown lang
 */
export function prepareTable(
  fn: string,
  table: ReportTable,
  options: RenderOptions,
): PreparedTable {
  const lang = checkLang(fn, options.lang);
  const text = (s: string): string => (options.translateLabels ? translateLabel(s, lang) : s);
  const columns = table.columns;
  const cellOptions: FormatCellOptions = { lang, pStyle: options.pStyle ?? 'apa' };
  return {
    title: String(table.title ?? ''),
    id: String(table.id ?? ''),
    headers: columns.map((c) => text(String(c.label))),
    aligns: columns.map(columnAlign),
    rowHeader: columns.findIndex((c) => c.format === 'text'),
    cells: table.rows.map((row) =>
      columns.map((c) => {
        const cell = formatCell(row, c, cellOptions);
        return c.format === 'text' && typeof ownValue(row, c.key) === 'string' ? text(cell) : cell;
      }),
    ),
    notes: table.notes ?? [],
  };
}
