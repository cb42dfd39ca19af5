/**
 * Pieces shared by the chart builders of `likertkit/vega-lite`: option checks, the words a chart
 * prints in each language, number labels written exactly as the report tables print them, the
 * categorical palette, and readers of report tables. Internal: nothing here is re-exported.
 */
import type { FrequenciesResult, FrequencyRow } from '../describe/frequencies';
import { describeValue } from '../internal/validate';
import { roundHalfUp, roundPercent } from '../report/rounding';
import type { ReportTable, ReportValue } from '../report/table';
import type { Scale } from '../scale/types';

/** Languages the charts print their axis titles, legends and tooltips in. */
export type ChartLang = 'da' | 'en';

/** A Vega-Lite v5 view specification: plain, JSON-serialisable data. */
export type VegaLiteSpec = { readonly $schema: string } & Record<string, unknown>;

/** The Vega-Lite v5 JSON schema address written into every spec. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/**
 * Okabe & Ito's eight colours for categories, distinguishable under the common colour-vision
 * deficiencies (Okabe, M. & Ito, K., "Color Universal Design", 2008), black left out: it is the
 * colour of the text. Used for groups (regions, size groups) and series (challenge vs need).
 */
export const OKABE_ITO = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'] as const;

/** Checks a language option; `'da'` by default. */
export function chartLang(fn: string, lang: unknown): ChartLang {
  if (lang === undefined) return 'da';
  if (lang !== 'da' && lang !== 'en') {
    throw new RangeError(`${fn}: unknown lang ${describeValue(lang)}; use 'da' or 'en'`);
  }
  return lang;
}

/** A positive number of pixels, or the fallback when absent. */
export function pixels(fn: string, value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name} must be a positive number of pixels, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * A whole percentage as the report tables print it: the share rounded half up through
 * `roundPercent`, without the percent sign (the axis says it). Empty for NaN.
 */
export function percentLabel(share: number): string {
  return Number.isFinite(share) ? String(roundPercent(share)) : '';
}

/**
 * A number with `digits` decimals, rounded half up as the report tables round, with a decimal
 * comma in Danish ("3,06") and a point in English. Empty for NaN.
 */
export function decimalLabel(value: number, digits: number, lang: ChartLang): string {
  if (!Number.isFinite(value)) return '';
  const text = roundHalfUp(value, digits).toFixed(digits);
  return lang === 'da' ? text.replace('.', ',') : text;
}

/** An integer with the thousands separator of the language ("1.234" / "1,234"). */
export function integerLabel(value: number, lang: ChartLang): string {
  if (!Number.isFinite(value)) return '';
  const digits = String(Math.abs(Math.round(value))).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'da' ? '.' : ',');
  return value < 0 ? `-${digits}` : digits;
}

/** The Vega-Lite number format of a share axis in whole percents. */
export const PERCENT_AXIS_FORMAT = '.0%';

/** NaN and ±Infinity are not JSON: written as null, so that a spec survives `JSON.stringify`. */
export function jsonSafe<T extends object>(row: T): { [K in keyof T]: T[K] extends number ? number | null : T[K] } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = typeof value === 'number' && !Number.isFinite(value) ? null : value;
  }
  return out as { [K in keyof T]: T[K] extends number ? number | null : T[K] };
}

/** Relative luminance of `#rrggbb` (WCAG 2), 0 black … 1 white. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The text colour with the higher WCAG contrast on a fill: white on dark fills, near-black on
 * light ones.
 */
export function textColorOn(fill: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(fill)) return '#1a1a1a';
  const l = luminance(fill);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / (luminance('#1a1a1a') + 0.05);
  return onWhite >= onBlack ? '#ffffff' : '#1a1a1a';
}

/** Checks that `input` is a report table, optionally of a given id prefix. */
export function isReportTable(input: unknown): input is ReportTable {
  return (
    typeof input === 'object' &&
    input !== null &&
    (input as { kind?: unknown }).kind === 'report-table' &&
    Array.isArray((input as { rows?: unknown }).rows) &&
    Array.isArray((input as { columns?: unknown }).columns)
  );
}

/** A finite number from a table cell, else NaN (null, text, a suppressed cell). */
export function cellNumber(value: ReportValue | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
}

/** Non-substantive answers recognised by name when a distribution table comes without its scale. */
const NON_SUBSTANTIVE_NAMES = new Set(['ved ikke', 'ikke relevant', "don't know", 'dont know', 'not applicable']);

/** The scales of an option that takes one scale or several (a mixed table's). */
export function scaleList(scale: Scale | readonly Scale[] | undefined): readonly Scale[] {
  if (scale === undefined) return [];
  return Array.isArray(scale) ? (scale as readonly Scale[]) : [scale as Scale];
}

/**
 * Reads a distribution table of `report()` (columns `share:<category>`, rows with `count:<category>`,
 * `label`, `item` and `n`) as one frequency table per row, so that the charts of a table and of the
 * columns it was made from are laid out by the same code. Each row's `share` is the table's own
 * cell, so that a label is the table's number exactly; `weight` is that share too (the layout only
 * needs proportions).
 *
 * A row's categories are the share columns that are not `null` in it: a table of items asked on
 * two scales (a challenge and a need for support) holds both scales' categories, each row numbers
 * for its own scale's only. A row with no number at all (an item nobody answered) takes the
 * categories of the row before it (of the first row with numbers when it comes first). Which
 * categories are non-substantive comes from the row's scale: the one of `scale` whose categories
 * are the row's (a RangeError when none is), else from their names ("Ved ikke", "Ikke relevant",
 * "Don't know", "Not applicable").
 */
export function distributionFrequencies(
  fn: string,
  table: ReportTable,
  scale: Scale | readonly Scale[] | undefined,
): { readonly item: string; readonly label: string; readonly data: FrequenciesResult; readonly scale: Scale | undefined }[] {
  const categories = table.columns.filter((c) => c.key.startsWith('share:')).map((c) => c.key.slice('share:'.length));
  if (categories.length === 0) {
    throw new RangeError(
      `${fn}: table '${table.id}' has no share:<category> columns; pass a distribution table of report() (id 'distribution:…')`,
    );
  }
  const candidates = scaleList(scale);
  const present = (row: ReportTable['rows'][number]): string[] =>
    categories.filter((c) => typeof row[`share:${c}`] === 'number');
  const firstWithNumbers = table.rows.map(present).find((list) => list.length > 0) ?? categories;
  let previous = firstWithNumbers;
  return table.rows.map((row, position) => {
    const own = present(row);
    const rowCategories = own.length > 0 ? own : previous;
    previous = rowCategories;
    // The table prints the highest level first; a frequency table holds the lowest level first.
    const fits = (s: Scale): boolean => {
      if (s.categories.length !== rowCategories.length || !rowCategories.every((c) => s.categories.includes(c))) return false;
      const levels = rowCategories.filter((c) => !s.nonSubstantive.includes(c)).reverse();
      return s.levels.length === levels.length && s.levels.every((l, i) => l === levels[i]);
    };
    const rowScale = candidates.find(fits);
    if (candidates.length > 0 && rowScale === undefined) {
      const names = candidates.map((s) => `'${s.id}'`).join(', ');
      throw new RangeError(
        `${fn}: the categories of row ${position + 1} of table '${table.id}' (${rowCategories.join(', ')}) are not those of scale ${names}; pass the scale the table was made with (one per scale for a table of items on several scales)`,
      );
    }
    const nonSubstantive = (category: string): boolean =>
      rowScale !== undefined ? rowScale.nonSubstantive.includes(category) : NON_SUBSTANTIVE_NAMES.has(category.trim().toLowerCase());
    const levels = rowCategories.filter((c) => !nonSubstantive(c)).reverse();
    const apart = rowCategories.filter((c) => nonSubstantive(c));
    const ordered = [...levels, ...apart];
    let substantive = 0;
    let nonSubstantiveCount = 0;
    const rows: FrequencyRow[] = ordered.map((category, index) => {
      const share = cellNumber(row[`share:${category}`]);
      const count = cellNumber(row[`count:${category}`]);
      const isLevel = index < levels.length;
      if (isLevel) substantive += Number.isNaN(count) ? 0 : count;
      else nonSubstantiveCount += Number.isNaN(count) ? 0 : count;
      return {
        label: category,
        index,
        kind: isLevel ? 'level' : 'nonSubstantive',
        code: isLevel ? index + 1 : null,
        count: Number.isNaN(count) ? 0 : count,
        weight: Number.isNaN(share) ? 0 : share,
        share,
        substantiveShare: null,
        cumulativeSubstantiveShare: null,
      };
    });
    const answered = cellNumber(row['n']);
    const label = typeof row['label'] === 'string' ? row['label'] : `Item ${position + 1}`;
    const item = typeof row['item'] === 'string' ? row['item'] : label;
    const data: FrequenciesResult = {
      n: {
        total: answered,
        answered,
        substantive,
        missing: 0,
        invalid: 0,
        nonSubstantive: nonSubstantiveCount,
      },
      rows,
      scale: rowScale?.id ?? table.id,
      weighted: false,
      nEffective: answered,
      method: 'frequencies',
    };
    return { item, label, data, scale: rowScale };
  });
}
