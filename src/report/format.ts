/**
 * Number formatting for report tables through `Intl.NumberFormat`, for any BCP 47 locale, with
 * the reports' own conventions on top of it.
 *
 * Two choices are separate: `lang` (`'da'` or `'en'`) picks the wording (the percent unit "pct.",
 * "ja"/"nej", APA's dropped leading zero in English), `locale` (any tag `Intl` supports) the digits,
 * the decimal mark and the grouping. Without a `locale`, `'da'` formats as `'da-DK'` ("60.828",
 * "0,35") and `'en'` as `'en-US'` ("60,828", "0.35").
 *
 * Conventions (relied on by `toMarkdown`, `toHtml` and `displayTable`):
 *
 * - Every rounding is half up (away from zero) from the unrounded value, through
 *   {@link roundHalfUp} and {@link roundPercent}; `Intl` only prints the rounded number with a
 *   fixed count of decimals, so its own rounding never comes into play.
 * - Negative numbers carry the ASCII hyphen-minus `-` in every locale, not the minus sign U+2212
 *   that some locales (sv, fi, …) print: the output is pasted into spreadsheets and CSV files,
 *   which parse `-`. A value that rounds to zero prints without a sign ("0,00", never "-0,00").
 * - Missing and undefined values (`null`, `undefined`, `NaN`) print as an en dash "–", as the
 *   reports mark suppressed and empty cells.
 * - Digits follow the locale: `'ar-EG'` writes Arabic-Indic digits ("٦٠٬٨٢٨"), `'en-IN'` groups
 *   in lakhs ("12,34,567").
 */

import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import type { ReportColumn, ReportTable, ReportValue } from './table';
import { translateLabel } from './labels';
import { roundHalfUp, roundPercent } from './rounding';

/** Language of the wording: Danish (`'da'`) or English (`'en'`). */
export type Lang = 'da' | 'en';

/** How {@link formatP} writes a p-value. */
export type PStyle = 'apa' | 'exact';

/**
 * How {@link formatPercent} writes the unit: `'pct.'` ("46 pct.", Danish prose), `'%'` ("46%",
 * the 2021 report's tables; English) or `' %'` ("46 %", the 2024 report).
 */
export type PercentStyle = 'pct.' | '%' | ' %';

/** The dash printed for a missing, suppressed or undefined value. */
export const MISSING_DASH = '\u2013';

/** Options of {@link formatNumber}. */
export interface FormatNumberOptions {
  /** Language, default `'da'`; it also picks the default locale. */
  readonly lang?: Lang;
  /** BCP 47 locale of the digits and separators; default `'da-DK'` for `'da'`, `'en-US'` for `'en'`. */
  readonly locale?: string;
  /**
   * Decimals, an integer 0–10. Default: 0 for integers, 2 for other numbers.
   */
  readonly digits?: number;
  /** Whether to group thousands ("60.828"); default `true`. Turn off for years and codes. */
  readonly grouping?: boolean;
}

/** Options of {@link formatPercent}. */
export interface FormatPercentOptions {
  /** Language, default `'da'`; it picks the default locale and percent style. */
  readonly lang?: Lang;
  /** BCP 47 locale of the digits and separators (see {@link FormatNumberOptions}). */
  readonly locale?: string;
  /** Decimals of the percentage, an integer 0–10; default 0. */
  readonly digits?: number;
  /** The unit: default `'pct.'` for `'da'`, `'%'` for `'en'`. */
  readonly percentStyle?: PercentStyle;
}

/** Options of {@link formatP}. */
export interface FormatPOptions {
  /** Language, default `'da'`; English APA style drops the leading zero. */
  readonly lang?: Lang;
  /** BCP 47 locale of the digits and separators (see {@link FormatNumberOptions}). */
  readonly locale?: string;
  /** `'apa'` (default) or `'exact'`; see {@link formatP}. */
  readonly style?: PStyle;
  /** Decimals, an integer 1–10; default 3. */
  readonly digits?: number;
}

/** Options of {@link formatCorrelation}. */
export interface FormatCorrelationOptions {
  /** Language, default `'da'`; it picks the default locale. */
  readonly lang?: Lang;
  /** BCP 47 locale of the digits and separators (see {@link FormatNumberOptions}). */
  readonly locale?: string;
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
  /** Language, default `'da'`. */
  readonly lang?: Lang;
  /** BCP 47 locale of the numbers (see {@link FormatNumberOptions}). */
  readonly locale?: string;
  /** How `'p'` columns are written, default `'apa'`. */
  readonly pStyle?: PStyle;
  /** The unit of `'percent'` columns (see {@link FormatPercentOptions}). */
  readonly percentStyle?: PercentStyle;
}

/**
 * `Intl.NumberFormat`s by locale, decimals and grouping, made on first use. Module state, but
 * bounded: at most {@link CACHE_SIZE} entries (the oldest goes first), a few per locale a
 * program prints in, so it cannot grow with the data. Building a formatter costs far more than
 * formatting a number, and a table formats thousands of cells with the same few.
 */
const formatters = /* @__PURE__ */ new Map<string, Intl.NumberFormat>();
const CACHE_SIZE = 48;

/**
 * The formatter of `locale` with exactly `digits` decimals. The tag is checked when its first
 * formatter is made: a malformed tag, or one `Intl` has no data for, is a RangeError naming it.
 */
function formatter(fn: string, locale: string, digits: number, grouping: boolean): Intl.NumberFormat {
  const key = `${locale}|${digits}|${grouping ? 1 : 0}`;
  let made = formatters.get(key);
  if (made === undefined) {
    let supported: string[];
    try {
      supported = Intl.NumberFormat.supportedLocalesOf(locale);
    } catch {
      supported = [];
    }
    if (supported.length === 0) {
      throw new RangeError(
        `${fn}: locale ${describeValue(locale)} is not a BCP 47 tag that Intl can format; give one such as 'da-DK', 'en-US' or 'de-DE'`,
      );
    }
    made = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      // Left out, grouping is 'auto': as the locale groups (Danish from 1.000, Spanish from 10.000).
      ...(grouping ? {} : { useGrouping: false }),
    });
    if (formatters.size >= CACHE_SIZE) formatters.delete(formatters.keys().next().value as string);
    formatters.set(key, made);
  }
  return made;
}

/**
 * Checks `lang` and `locale` and returns the locale to format with (made once, so that a bad
 * tag throws even when the value is blank).
 */
function localeOf(fn: string, options: { readonly lang?: unknown; readonly locale?: unknown }): string {
  const lang = checkLang(fn, options.lang);
  const locale = options.locale;
  if (locale === undefined) return lang === 'en' ? 'en-US' : 'da-DK';
  if (typeof locale !== 'string') {
    throw new TypeError(`${fn}: locale must be a BCP 47 tag such as 'da-DK', got ${describeValue(locale)}`);
  }
  formatter(fn, locale, 0, true);
  return locale;
}

function checkLang(fn: string, lang: unknown): Lang {
  if (lang === undefined) return 'da';
  if (lang !== 'da' && lang !== 'en') {
    throw new RangeError(`${fn}: unknown lang ${describeValue(lang)}; use 'da' or 'en'`);
  }
  return lang;
}

function checkPercentStyle(fn: string, style: unknown): PercentStyle | undefined {
  if (style !== undefined && style !== 'pct.' && style !== '%' && style !== ' %') {
    throw new RangeError(`${fn}: unknown percentStyle ${describeValue(style)}; use 'pct.', '%' or ' %'`);
  }
  return style;
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

/**
 * Writes a finite number rounded half up to `digits` decimals in `locale`. `Intl` gets the
 * rounded magnitude (so no "-0" and never its own rounding) and the sign is an ASCII `-`.
 * From 2^53 on every double is an integer and goes in as a BigInt, whose digits `Intl` prints
 * exactly (a double it would print to 17 significant digits and pad with zeros). Internal.
 */
function writeNumber(fn: string, value: number, digits: number, locale: string, grouping: boolean): string {
  if (value === Infinity) return '\u221E';
  if (value === -Infinity) return '-\u221E';
  const rounded = roundHalfUp(value, digits);
  const size = Math.abs(rounded);
  const text = formatter(fn, locale, digits, grouping).format(size >= 2 ** 53 ? BigInt(size) : size);
  return rounded < 0 ? `-${text}` : text; // -0 and values rounding to 0 get no sign
}

/**
 * Formats a number in the report's locale: decimal comma and thousands dot in Danish (`'da-DK'`),
 * decimal point and thousands comma in English (`'en-US'`), or any `locale`'s own separators
 * through `Intl.NumberFormat`; rounded half up from the unrounded value. Negative numbers use
 * the ASCII `-`; `null`, `undefined` and `NaN` print as "–"; ±Infinity as "∞" / "-∞".
 *
 * @param value - the number (or `null` for a missing value)
 * @param options - `lang` (default `'da'`), `locale` (default from `lang`), `digits` (default 0
 *   for integers, else 2) and `grouping` (default `true`)
 * @returns the formatted text
 * @throws TypeError when value is neither a number nor null/undefined, or locale is not a
 *   string; RangeError for an unknown lang, a locale `Intl` cannot format, or digits outside 0–10
 * @example
 * ```ts
 * formatNumber(60828);                        // '60.828'
 * formatNumber(60828, { lang: 'en' });        // '60,828'
 * formatNumber(0.35);                         // '0,35'
 * formatNumber(-1234.5, { digits: 1 });       // '-1.234,5'
 * formatNumber(1234567, { locale: 'en-IN' }); // '12,34,567'
 * formatNumber(NaN);                          // '–'
 * ```
 */
export function formatNumber(
  value: number | null | undefined,
  options: FormatNumberOptions = {},
): string {
  const fn = 'formatNumber';
  checkOptionKeys(fn, options, optionKeys<FormatNumberOptions>({ lang: true, locale: true, digits: true, grouping: true }));
  const locale = localeOf(fn, options);
  if (options.digits !== undefined) checkDigits(fn, options.digits);
  if (isBlank(value)) return MISSING_DASH;
  if (typeof value !== 'number') {
    throw new TypeError(`${fn}: value must be a number or null, got ${describeValue(value)}`);
  }
  const digits = options.digits ?? (Number.isInteger(value) ? 0 : 2);
  return writeNumber(fn, value, digits, locale, options.grouping ?? true);
}

/**
 * Formats a share (0–1) as a percentage, rounded half up from the unrounded share through
 * {@link roundPercent}: Danish "46 pct.", English "46%", or the `percentStyle` asked for
 * ("46 %"). So 0.285 prints as 29, although 0.285 × 100 is 28.499999999999996 in doubles, and
 * 2/16 = 12.5 % as 13. The number follows `locale` as in {@link formatNumber}.
 *
 * @param share - an unrounded share, e.g. 45 / 98 (or `null` for a missing value)
 * @param options - `lang` (default `'da'`), `locale`, `digits` of the percentage (default 0)
 *   and `percentStyle` (default `'pct.'` in Danish, `'%'` in English)
 * @returns the formatted percentage; "–" for `null`, `undefined` and `NaN`
 * @throws TypeError when share is neither a number nor null/undefined; RangeError for an unknown
 *   lang, locale or percentStyle, or digits outside 0–10
 * @example
 * ```ts
 * formatPercent(0.285);                          // '29 pct.'
 * formatPercent(0.285, { lang: 'en' });          // '29%'
 * formatPercent(0.86, { percentStyle: ' %' });   // '86 %'
 * formatPercent(1 / 8, { digits: 1 });           // '12,5 pct.'
 * ```
 */
export function formatPercent(
  share: number | null | undefined,
  options: FormatPercentOptions = {},
): string {
  const fn = 'formatPercent';
  checkOptionKeys(fn, options, optionKeys<FormatPercentOptions>({ lang: true, locale: true, digits: true, percentStyle: true }));
  const locale = localeOf(fn, options);
  const digits = checkDigits(fn, options.digits ?? 0);
  const style = checkPercentStyle(fn, options.percentStyle) ?? (options.lang === 'en' ? '%' : 'pct.');
  if (isBlank(share)) return MISSING_DASH;
  if (typeof share !== 'number') {
    throw new TypeError(`${fn}: share must be a number or null, got ${describeValue(share)}`);
  }
  const percent = Number.isFinite(share) ? roundPercent(share, digits) : share;
  return writeNumber(fn, percent, digits, locale, true) + (style === 'pct.' ? ' pct.' : style);
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
 * The thresholds are tested on the unrounded p: 0.00099 is "< .001", 0.001 is ".001". The
 * decimal mark and digits follow `locale`; whether the leading zero goes follows `lang`.
 *
 * @param p - a p-value in [0, 1] (or `null`/`NaN` for an undefined test)
 * @param options - `lang` (default `'da'`), `locale`, `style` (default `'apa'`), `digits`
 *   (default 3)
 * @returns the formatted p-value; "–" for `null`, `undefined` and `NaN`
 * @throws TypeError when p is neither a number nor null/undefined; RangeError when p is outside
 *   [0, 1], or for an unknown lang, locale or style, or digits outside 1–10
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
  const fn = 'formatP';
  checkOptionKeys(fn, options, optionKeys<FormatPOptions>({ lang: true, locale: true, style: true, digits: true }));
  const locale = localeOf(fn, options);
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
  const write = (value: number): string => writeNumber(fn, value, digits, locale, false);
  if (style === 'exact') {
    // A p of 0 is a tail below the smallest double: say so rather than print "0.000".
    if (p === 0) return `< ${writeExponent(fn, Number.MIN_VALUE, locale)}`;
    if (roundHalfUp(p, digits) === 0) return writeExponent(fn, p, locale);
    return write(p);
  }
  // English APA style drops the zero before the decimal mark (the locale's own zero digit).
  const zero = options.lang === 'en' ? write(0).length - digits - 1 : 0;
  const smallest = 10 ** -digits;
  if (p < smallest) return `< ${write(smallest).slice(zero)}`;
  return roundHalfUp(p, digits) < 1 ? write(p).slice(zero) : write(p);
}

/** Two significant digits in exponent notation ("4,0e-4"), the digits in the locale's own. */
function writeExponent(fn: string, value: number, locale: string): string {
  const [mantissa = '', exponent = ''] = value.toExponential(1).split('e');
  const power = Number(exponent);
  const digits = writeNumber(fn, Math.abs(power), 0, locale, false);
  return `${writeNumber(fn, Number(mantissa), 1, locale, false)}e${power < 0 ? '-' : ''}${digits}`;
}

/**
 * Formats a correlation coefficient with its significance stars appended, as the reports print
 * it: "0,35***". The leading zero is kept (the reports write it, unlike APA style). `NaN`
 * (an undefined correlation) prints as "–" without stars.
 *
 * @param r - the correlation coefficient (or `null` when it is missing)
 * @param stars - the marker from `significanceStars`, or `null`/`undefined`/`''` for none
 * @param options - `lang` (default `'da'`), `locale` and `digits` (default 2)
 * @returns the formatted coefficient followed by its stars
 * @throws TypeError when r is neither a number nor null/undefined, or stars is not a string;
 *   RangeError for an unknown lang or locale, or digits outside 0–10
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
  const fn = 'formatCorrelation';
  checkOptionKeys(fn, options, optionKeys<FormatCorrelationOptions>({ lang: true, locale: true, digits: true }));
  const locale = localeOf(fn, options);
  const digits = checkDigits(fn, options.digits ?? 2);
  if (stars !== null && stars !== undefined && typeof stars !== 'string') {
    throw new TypeError(`${fn}: stars must be a string or null, got ${describeValue(stars)}`);
  }
  if (isBlank(r)) return MISSING_DASH;
  if (typeof r !== 'number') {
    throw new TypeError(`${fn}: r must be a number or null, got ${describeValue(r)}`);
  }
  return writeNumber(fn, r, digits, locale, false) + (stars ?? '');
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
 * Formats one cell of a report table by its column's format, the language and the locale, as
 * `toMarkdown`, `toHtml` and `displayTable` print it:
 *
 * | format | number printed with |
 * | --- | --- |
 * | `'text'` | as it is (`String(value)`) |
 * | `'integer'` | {@link formatNumber} with 0 decimals |
 * | `'number'` | {@link formatNumber} with `digits` (default 2) |
 * | `'percent'` | {@link formatPercent} with `digits` (default 0) in `percentStyle` |
 * | `'p'` | {@link formatP} in `pStyle` |
 * | `'correlation'` | {@link formatCorrelation} with the stars in the row's `<key>Stars` field |
 *
 * A string in a numeric column (e.g. "<3" for a suppressed cell) is printed as it is;
 * `null`, a missing key and `NaN` print as "–"; booleans as "ja"/"nej" or "yes"/"no".
 *
 * @param row - the table row
 * @param column - the column to format
 * @param options - `lang` (default `'da'`), `locale` (default from `lang`), `pStyle` (default
 *   `'apa'`) and `percentStyle` (default from `lang`)
 * @returns the text of the cell
 * @throws RangeError for an unknown lang or locale, or a value its formatter rejects (e.g. p = 2)
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
  checkOptionKeys('formatCell', options, optionKeys<FormatCellOptions>({ lang: true, locale: true, pStyle: true, percentStyle: true }));
  const lang = checkLang('formatCell', options.lang);
  const locale = localeOf('formatCell', options);
  checkPercentStyle('formatCell', options.percentStyle);
  const value = ownValue(row, column.key);
  if (isBlank(value)) return MISSING_DASH;
  if (typeof value === 'boolean') {
    if (lang === 'en') return value ? 'yes' : 'no';
    return value ? 'ja' : 'nej';
  }
  if (typeof value === 'string' || column.format === 'text') return String(value);
  const base = { lang, locale };
  switch (column.format) {
    case 'integer':
      return formatNumber(value, { ...base, digits: 0 });
    case 'number':
      return formatNumber(value, { ...base, digits: column.digits ?? 2 });
    case 'percent':
      return formatPercent(value, { ...base, digits: column.digits ?? 0, percentStyle: options.percentStyle });
    case 'p':
      return formatP(value, { ...base, style: options.pStyle ?? 'apa' });
    case 'correlation': {
      const stars = ownValue(row, `${column.key}Stars`);
      return formatCorrelation(value, typeof stars === 'string' ? stars : '', {
        ...base,
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

/**
 * The number options of `toMarkdown` and `displayTable` beyond {@link RenderOptions}: the
 * locale of the numbers and the unit of percentages (see {@link FormatCellOptions}).
 */
export interface RenderNumberOptions {
  /** BCP 47 locale of the numbers; default `'da-DK'` for `'da'`, `'en-US'` for `'en'`. */
  readonly locale?: string;
  /** The unit of percent columns: default `'pct.'` for `'da'`, `'%'` for `'en'`. */
  readonly percentStyle?: PercentStyle;
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
 * @throws RangeError for an unknown lang or locale
 */
export function prepareTable(
  fn: string,
  table: ReportTable,
  options: RenderOptions & RenderNumberOptions,
): PreparedTable {
  const lang = checkLang(fn, options.lang);
  const locale = localeOf(fn, options);
  const text = (s: string): string => (options.translateLabels ? translateLabel(s, lang) : s);
  const columns = table.columns;
  const cellOptions: FormatCellOptions = { lang, locale, pStyle: options.pStyle ?? 'apa', percentStyle: options.percentStyle };
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
