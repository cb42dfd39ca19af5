import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type { ReportTable } from '../report/table';
import {
  cellNumber,
  chartLang,
  integerLabel,
  isReportTable,
  OKABE_ITO,
  pixels,
  VEGA_LITE_SCHEMA,
  type ChartLang,
  type VegaLiteSpec,
} from './chartParts';

/** One bar of {@link countBars} given directly: an option and how many ticked it. */
export interface CountBarInput {
  /** The option's text. */
  readonly label: string;
  /** Ticks; `null` for a suppressed cell (drawn as "–", without a bar). */
  readonly count: number | null;
}

/** Options of {@link countBars}. */
export interface CountBarsOptions {
  /** Language of the axis title and tooltips (`'da'` default, `'en'`). */
  readonly lang?: ChartLang;
  /** Chart title (none by default). */
  readonly title?: string;
  /**
   * For a report table: the column of counts (default `'total'`, the ticks over all questions;
   * e.g. `'count:Tidlig indsats og forebyggelse'` for one question).
   */
  readonly column?: string;
  /** Width of the longest bar's axis in pixels (default 360). */
  readonly width?: number;
  /** Height of one bar's band in pixels (default 24). */
  readonly step?: number;
  /** Bar colour (default Okabe–Ito blue, `#0072b2`). */
  readonly color?: string;
  /** Axis title (default `'Antal'` / `'Count'`). */
  readonly axisTitle?: string;
}

/** One data value of a {@link countBars} spec. */
export interface CountBarDatum {
  readonly label: string;
  /** Position of the bar, 0 at the top. */
  readonly order: number;
  /** Ticks, or null for a suppressed cell. */
  readonly count: number | null;
  /** The label as printed: the count with a thousands separator, "–" when suppressed. */
  readonly text: string;
  /** Where the label sits: the end of the bar (0 for a suppressed cell). */
  readonly at: number;
}

const FN = 'countBars';
/** The label of the totals row `report()` ends a multi-select table with. */
const TOTAL_ROW = new Set(['I alt', 'Total']);

function fromTable(table: ReportTable, column: string): CountBarInput[] {
  if (!table.columns.some((c) => c.key === column)) {
    throw new RangeError(
      `${FN}: table '${table.id}' has no column '${column}'; pick one of ${table.columns.map((c) => `'${c.key}'`).join(', ')}`,
    );
  }
  const textKey = table.columns.find((c) => c.format === 'text')?.key ?? 'label';
  const rows = [...table.rows];
  const last = rows[rows.length - 1];
  if (last !== undefined && TOTAL_ROW.has(String(last[textKey]))) rows.pop();
  return rows.map((row) => {
    const value = cellNumber(row[column]);
    return { label: String(row[textKey]), count: Number.isNaN(value) ? null : value };
  });
}

/**
 * Builds a Vega-Lite v5 bar chart of counts for a multi-select question: one horizontal bar per
 * option with the number of ticks, in the order of the table (the multi-select table of
 * `report()` orders its options by total, most ticked first), each labelled at its end with the
 * count as the table prints it. A suppressed cell ("diskretioneret") has no bar and the label "–".
 * The totals row of a report table ("I alt") is left out.
 *
 * @param input - the multi-select table of `report()` (id `multiSelect`), or `{ label, count }[]`
 * @param options - language, title, the table column to draw (default `'total'`), sizes and colour
 * @returns the spec (plain JSON, the bars inline under `data.values`)
 * @throws TypeError for input that is neither; RangeError for a column the table lacks, a
 *   negative or non-finite count, a size that is not positive or an unknown `lang`
 * @example
 * countBars([{ label: 'Faglig vejledning', count: 58 }, { label: 'Netværk', count: 2 }]).data.values
 *   .map((d) => d.text); // ['58', '2']
 * @see https://vega.github.io/vega-lite/docs/bar.html
 */
export function countBars(input: ReportTable | readonly CountBarInput[], options: CountBarsOptions = {}): VegaLiteSpec {
  checkOptionKeys(FN, options, optionKeys<CountBarsOptions>({ lang: true, title: true, column: true, width: true, step: true, color: true, axisTitle: true }));
  const lang = chartLang(FN, options.lang);
  const width = pixels(FN, options.width, 'width', 360);
  const step = pixels(FN, options.step, 'step', 24);
  let bars: readonly CountBarInput[];
  if (isReportTable(input)) bars = fromTable(input, options.column ?? 'total');
  else if (Array.isArray(input)) bars = input;
  else throw new TypeError(`${FN}: input must be a multi-select report table or an array of { label, count }, got ${describeValue(input)}`);
  const values: CountBarDatum[] = bars.map((bar, order) => {
    const count = bar?.count;
    if (count !== null && (typeof count !== 'number' || !Number.isFinite(count) || count < 0)) {
      throw new RangeError(`${FN}: the count of bar ${order + 1} must be a finite number ≥ 0 or null, got ${describeValue(count)}`);
    }
    return {
      label: String(bar.label),
      order,
      count,
      text: count === null ? '–' : integerLabel(count, lang),
      at: count ?? 0,
    };
  });
  const y = { field: 'label', type: 'nominal', sort: values.map((v) => v.label), title: null, axis: { labelLimit: 300 } };
  const words = lang === 'da' ? { axis: 'Antal', option: 'Svarmulighed' } : { axis: 'Count', option: 'Option' };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description:
      lang === 'da'
        ? 'Søjler med antal: hvor mange der har sat kryds ved hver svarmulighed.'
        : 'Count bars: how many ticked each option.',
    ...(options.title === undefined ? {} : { title: options.title }),
    data: { values },
    width,
    height: { step },
    layer: [
      {
        mark: { type: 'bar', color: options.color ?? OKABE_ITO[0] },
        encoding: {
          y,
          x: { field: 'count', type: 'quantitative', axis: { title: options.axisTitle ?? words.axis, format: ',d' } },
          tooltip: [
            { field: 'label', type: 'nominal', title: words.option },
            { field: 'text', type: 'nominal', title: words.axis },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, fontSize: 10 },
        encoding: { y, x: { field: 'at', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
      },
    ],
    config: { view: { stroke: null }, axis: { grid: false } },
  };
}
