import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type { ReportTable } from '../report/table';
import {
  cellNumber,
  chartLang,
  decimalLabel,
  isReportTable,
  jsonSafe,
  OKABE_ITO,
  pixels,
  VEGA_LITE_SCHEMA,
  type ChartLang,
  type VegaLiteSpec,
} from './chartParts';

/** One mean of {@link meanDots} given directly. */
export interface MeanDotInput {
  /** The line it is drawn on (e.g. the focus area). */
  readonly row: string;
  /** Which of the means on the line it is (e.g. `'Udfordring'` or `'Behov for støtte'`). */
  readonly series: string;
  /** The coded mean; `null` or NaN when undefined (no dot, no label). */
  readonly mean: number | null;
  /** Its N (for the tooltip). */
  readonly n?: number | null;
}

/** Options of {@link meanDots}. */
export interface MeanDotsOptions {
  /** Language of the axis title, decimal mark and tooltips (`'da'` default, `'en'`). */
  readonly lang?: ChartLang;
  /** Chart title (none by default). */
  readonly title?: string;
  /**
   * For a summary table: the name of each series by item id prefix (the id up to its first
   * `_`), e.g. `{ udfordring: 'Udfordring', behov: 'Behov for støtte' }`. Default: the prefix
   * with a capital first letter.
   */
  readonly series?: Readonly<Record<string, string>>;
  /** Decimals of the labels (default: the table's `mean` column, else 2). */
  readonly digits?: number;
  /** Extent of the mean axis (default `[1, 4]`, widened to take every mean). */
  readonly domain?: readonly [number, number];
  /** Width in pixels (default 420). */
  readonly width?: number;
  /** Height of one line's band in pixels (default 28). */
  readonly step?: number;
  /** Axis title (default `'Gennemsnit'` / `'Mean'`). */
  readonly axisTitle?: string;
}

/** One data value of a {@link meanDots} spec. */
export interface MeanDotDatum {
  readonly row: string;
  readonly series: string;
  readonly mean: number | null;
  readonly n: number | null;
  /** The label as printed: the mean rounded half up, with the language's decimal mark. */
  readonly text: string;
  readonly rowOrder: number;
  readonly seriesOrder: number;
}

const FN = 'meanDots';

function capitalise(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The summary table's items in groups of exactly two (a challenge and a need, say), each group
 * a line named after its first item, each item a series named after its id prefix.
 */
function fromSummary(table: ReportTable, names: Readonly<Record<string, string>>): MeanDotInput[] {
  const groups = new Map<string, Readonly<Record<string, unknown>>[]>();
  for (const row of table.rows) {
    const group = row['group'];
    if (typeof group !== 'string') continue;
    const list = groups.get(group) ?? [];
    list.push(row);
    groups.set(group, list);
  }
  const out: MeanDotInput[] = [];
  for (const rows of groups.values()) {
    if (rows.length !== 2) continue;
    const line = String(rows[0]!['label']);
    rows.forEach((row, position) => {
      const id = String(row['item']);
      const cut = id.indexOf('_');
      const prefix = cut > 0 ? id.slice(0, cut) : String(position + 1);
      const mean = cellNumber(row['mean'] as never);
      const n = cellNumber(row['nMean'] as never);
      out.push({
        row: line,
        series: names[prefix] ?? capitalise(prefix),
        mean: Number.isNaN(mean) ? null : mean,
        n: Number.isNaN(n) ? null : n,
      });
    });
  }
  return out;
}

/**
 * Builds a Vega-Lite v5 dot plot of coded means: one line per focus area (or any row), one dot
 * per mean on it (e.g. the size of the challenge and the need for support, as the 2021 report's
 * Figur 19 draws them), joined by a thin rule, each dot labelled with its mean rounded half up
 * to the table's decimals ("3,06" in Danish). Series colours are Okabe–Ito's, colour-blind safe.
 *
 * From the summary table of `report()` it takes the item groups of exactly two items (the
 * pairs the report correlates), the line named after the group's first item.
 *
 * @param input - the summary table of `report()` (id `summary`), or `{ row, series, mean, n? }[]`
 * @param options - language, title, series names, decimals, axis extent and sizes
 * @returns the spec (plain JSON, the means inline under `data.values`, NaN written as null)
 * @throws TypeError for input that is neither; RangeError for a mean that is not a number or
 *   null, digits outside 0–10, a bad domain, a size that is not positive or an unknown `lang`
 * @example
 * meanDots([
 *   { row: 'Tidlig indsats', series: 'Udfordring', mean: 3.0575 },
 *   { row: 'Tidlig indsats', series: 'Behov', mean: 2.7955 },
 * ]).data.values.map((d) => d.text); // ['3,06', '2,80']
 * @see https://vega.github.io/vega-lite/docs/point.html
 */
export function meanDots(input: ReportTable | readonly MeanDotInput[], options: MeanDotsOptions = {}): VegaLiteSpec {
  checkOptionKeys(FN, options, optionKeys<MeanDotsOptions>({ lang: true, title: true, series: true, digits: true, domain: true, width: true, step: true, axisTitle: true }));
  const lang = chartLang(FN, options.lang);
  const width = pixels(FN, options.width, 'width', 420);
  const step = pixels(FN, options.step, 'step', 28);
  let means: readonly MeanDotInput[];
  let digits = options.digits;
  if (isReportTable(input)) {
    means = fromSummary(input, options.series ?? {});
    digits ??= input.columns.find((c) => c.key === 'mean')?.digits;
  } else if (Array.isArray(input)) means = input;
  else throw new TypeError(`${FN}: input must be the summary table of report() or an array of { row, series, mean }, got ${describeValue(input)}`);
  digits ??= 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new RangeError(`${FN}: digits must be an integer 0–10, got ${describeValue(digits)}`);
  }
  const rows: string[] = [];
  const series: string[] = [];
  const values: MeanDotDatum[] = means.map((m, i) => {
    const mean = m?.mean;
    if (mean !== null && typeof mean !== 'number') {
      throw new RangeError(`${FN}: the mean at position ${i + 1} must be a number or null, got ${describeValue(mean)}`);
    }
    if (!rows.includes(m.row)) rows.push(m.row);
    if (!series.includes(m.series)) series.push(m.series);
    const value = mean === null ? Number.NaN : mean;
    return jsonSafe({
      row: m.row,
      series: m.series,
      mean: value,
      n: m.n ?? Number.NaN,
      text: decimalLabel(value, digits, lang),
      rowOrder: rows.indexOf(m.row),
      seriesOrder: series.indexOf(m.series),
    }) as MeanDotDatum;
  });
  const finite = values.map((v) => v.mean).filter((v): v is number => v !== null);
  const domain = options.domain ?? [Math.min(1, Math.floor(Math.min(...finite, 1))), Math.max(4, Math.ceil(Math.max(...finite, 4)))];
  if (!Array.isArray(domain) || domain.length !== 2 || !(domain[0] < domain[1])) {
    throw new RangeError(`${FN}: domain must be [low, high] with low < high, got ${describeValue(domain)}`);
  }
  const words = lang === 'da' ? { axis: 'Gennemsnit', row: 'Område' } : { axis: 'Mean', row: 'Area' };
  const y = { field: 'row', type: 'nominal', sort: rows, title: null, axis: { labelLimit: 300 } };
  const color = {
    field: 'series',
    type: 'nominal',
    scale: { domain: series, range: series.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]) },
    legend: { title: null, orient: 'bottom', direction: 'horizontal' },
  };
  const scale = { domain: [domain[0], domain[1]] };
  const x = { field: 'mean', type: 'quantitative', scale, axis: { title: options.axisTitle ?? words.axis, tickMinStep: 0.5 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description:
      lang === 'da'
        ? `Prikdiagram over gennemsnit: ${series.join(' og ')} pr. område.`
        : `Dot plot of means: ${series.join(' and ')} per area.`,
    ...(options.title === undefined ? {} : { title: options.title }),
    data: { values },
    width,
    height: { step },
    layer: [
      {
        transform: [
          { filter: 'isValid(datum.mean)' },
          { aggregate: [{ op: 'min', field: 'mean', as: 'low' }, { op: 'max', field: 'mean', as: 'high' }], groupby: ['row'] },
        ],
        mark: { type: 'rule', color: '#9a9a9a' },
        encoding: { y, x: { field: 'low', type: 'quantitative', scale }, x2: { field: 'high' } },
      },
      {
        transform: [{ filter: 'isValid(datum.mean)' }],
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          y,
          x,
          color,
          shape: { field: 'series', type: 'nominal', scale: { domain: series } },
          tooltip: [
            { field: 'row', type: 'nominal', title: words.row },
            { field: 'series', type: 'nominal', title: null },
            { field: 'text', type: 'nominal', title: words.axis },
            { field: 'n', type: 'quantitative', title: 'N' },
          ],
        },
      },
      // Labels above the dots of the first series, below those of the second, so that two
      // close means do not print over each other.
      ...[0, 1].map((parity) => ({
        transform: [{ filter: `isValid(datum.mean) && datum.seriesOrder % 2 === ${parity}` }],
        mark: { type: 'text', dy: parity === 0 ? -11 : 12, fontSize: 9, color: '#1a1a1a' },
        encoding: { y, x, text: { field: 'text', type: 'nominal' } },
      })),
    ],
    config: { view: { stroke: null }, axis: { grid: false } },
  };
}
