import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type { ReportResult } from '../report/report';
import { translateLabel } from '../report/labels';
import type { ReportTable } from '../report/table';
import { scales } from '../scale/presets';
import type { Scale } from '../scale/types';
import type { ChartLang, VegaLiteSpec } from '../vega-lite/chartParts';
import { countBars } from '../vega-lite/countBars';
import { groupMeans } from '../vega-lite/groupMeans';
import { meanDots } from '../vega-lite/meanDots';
import { meanScatter } from '../vega-lite/meanScatter';
import { stackedBars } from '../vega-lite/stackedBars';
import { renderSvg } from './svg';

/** Options of {@link reportFigures}. */
export interface ReportFiguresOptions {
  /** Language of the figures' words and number formats (default: the report's own `lang`). */
  readonly lang?: ChartLang;
  /**
   * Print the built-in scales' answer labels in `lang` ("I høj grad" → "To a high degree"), as
   * `toHtml` and `toHtmlDocument` do with the same option; default `false`.
   */
  readonly translateLabels?: boolean;
}

/**
 * The built-in labels of a report's tables that read otherwise in `lang`, each with its
 * translation, longest first (so that a label inside a longer one is not replaced first), as
 * they appear in SVG text (XML-escaped).
 */
function labelTranslations(tables: readonly ReportTable[], lang: ChartLang): [string, string][] {
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const pairs = new Map<string, string>();
  const add = (label: unknown): void => {
    if (typeof label !== 'string' || pairs.has(label)) return;
    const translated = translateLabel(label, lang);
    if (translated !== label) pairs.set(label, translated);
  };
  for (const table of tables) {
    for (const column of table.columns) add(column.label);
    for (const row of table.rows) for (const column of table.columns) if (column.format === 'text') add(row[column.key]);
  }
  return [...pairs].sort((a, b) => b[0].length - a[0].length).map(([from, to]) => [escape(from), escape(to)]);
}

/** The built-in scale a distribution table was made with, read from its id's last part. */
function presetScale(table: ReportTable): Scale | undefined {
  const id = table.id.slice(table.id.lastIndexOf(':') + 1);
  return Object.prototype.hasOwnProperty.call(scales, id) ? (scales as Readonly<Record<string, Scale>>)[id] : undefined;
}

/** The figure of one table, or null when its kind of table has none. */
function figureSpec(table: ReportTable, tables: readonly ReportTable[], lang: ChartLang): VegaLiteSpec | null {
  const { id } = table;
  if (id.startsWith('distribution:') || id === 'distribution') {
    const scale = presetScale(table);
    return stackedBars(table, { lang, ...(scale === undefined ? {} : { scale }) });
  }
  if (id === 'summary') {
    const spec = meanDots(table, { lang });
    return ((spec['data'] as { values: unknown[] }).values.length > 0) ? spec : null;
  }
  if (id === 'pairs') {
    const summary = tables.find((t) => t.id === 'summary');
    if (summary === undefined || table.rows.length === 0) return null;
    // Axis titles from the item ids' prefixes ("udfordring_tidlig" → "Udfordring"), as meanDots
    // names its series.
    const name = (id: unknown): string => {
      const text = String(id);
      const cut = text.indexOf('_');
      const prefix = cut > 0 ? text.slice(0, cut) : text;
      return prefix.charAt(0).toUpperCase() + prefix.slice(1);
    };
    const first = table.rows[0] as Readonly<Record<string, unknown>>;
    const word = lang === 'da' ? 'Gennemsnit' : 'Mean';
    return meanScatter({ pairs: table, summary }, { lang, xTitle: `${word}: ${name(first['x'])}`, yTitle: `${word}: ${name(first['y'])}` });
  }
  if (id.startsWith('means:')) return table.rows.length === 0 ? null : groupMeans(table, { lang });
  if (id === 'multiSelect') return countBars(table, { lang });
  return null;
}

/**
 * Renders the figure of every report table that has one, as SVG, for the HTML and PDF report:
 *
 * | table | figure |
 * | --- | --- |
 * | `distribution:…` | 100 % stacked bars (`stackedBars`), every category of those who answered; a chart per scale, one above the other, for a group asked on two scales |
 * | `summary` | dot plot of the two means of each two-item group, e.g. challenge vs need (`meanDots`) |
 * | `pairs` | scatter of the paired means, one point per pair (`meanScatter`, means from `summary`) |
 * | `means:<attribute>`, `means:size` | means by group, one panel per group (`groupMeans`) |
 * | `multiSelect` | count bars of the ticks per option, over all questions (`countBars`) |
 *
 * Other tables (attributes, ranking, representativeness) have no figure and no entry. Each SVG
 * comes from {@link renderSvg}, with the table's title as its `<title>` and the chart's
 * description and the table's notes as its `<desc>`. Every number a figure prints is the number
 * its table prints.
 *
 * @param result - a report from `report()`
 * @param options - `lang` (default: the report's), `translateLabels`
 * @returns table id → SVG document, in report order
 * @throws TypeError when `result` is not a report; RangeError for an unknown `lang`
 * @example
 * const figures = await reportFigures(report(s), { lang: 'da' });
 * figures.get('distribution:tidlig')?.startsWith('<svg'); // true (a challenge and a need item)
 */
export async function reportFigures(result: ReportResult, options: ReportFiguresOptions = {}): Promise<Map<string, string>> {
  checkOptionKeys('reportFigures', options, optionKeys<ReportFiguresOptions>({ lang: true, translateLabels: true }));
  if (typeof result !== 'object' || result === null || result.kind !== 'report' || !Array.isArray(result.tables)) {
    throw new TypeError(`reportFigures: result must be a report from report(), got ${describeValue(result)}`);
  }
  const lang = options.lang ?? (result.lang === 'en' ? 'en' : 'da');
  if (lang !== 'da' && lang !== 'en') {
    throw new RangeError(`reportFigures: unknown lang ${describeValue(lang)}; use 'da' or 'en'`);
  }
  // Labels are translated in the drawn SVG, after the charts are laid out on the tables as
  // they are (the scales' own labels, which the charts match their categories by).
  const translations = options.translateLabels === true ? labelTranslations(result.tables, lang) : [];
  const figures = new Map<string, string>();
  for (const table of result.tables) {
    const spec = figureSpec(table, result.tables, lang);
    if (spec === null) continue;
    const description = [String(spec['description']), ...table.notes].join(' ');
    let svg = await renderSvg(spec, { title: table.title, description, locale: lang });
    for (const [from, to] of translations) svg = svg.replaceAll(from, to);
    figures.set(table.id, svg);
  }
  return figures;
}
