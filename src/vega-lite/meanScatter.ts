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

/** One point of {@link meanScatter} given directly. */
export interface ScatterPoint {
  /** Its name, printed beside it (e.g. the focus area). */
  readonly label: string;
  /** The mean on the x axis (e.g. the challenge). */
  readonly x: number | null;
  /** The mean on the y axis (e.g. the need for support). */
  readonly y: number | null;
}

/** The two tables of `report()` a scatter of paired means is read from. */
export interface ScatterTables {
  /** The pairs table (id `pairs`): which item is x and which is y, per group. */
  readonly pairs: ReportTable;
  /** The summary table (id `summary`): each item's mean. */
  readonly summary: ReportTable;
}

/** Options of {@link meanScatter}. */
export interface MeanScatterOptions {
  /** Language of the axis titles, decimal mark and tooltips (`'da'` default, `'en'`). */
  readonly lang?: ChartLang;
  /** Chart title (none by default). */
  readonly title?: string;
  /** Title of the x axis (default `'Gennemsnit, spørgsmål 1'` / `'Mean, item 1'`). */
  readonly xTitle?: string;
  /** Title of the y axis (default `'Gennemsnit, spørgsmål 2'` / `'Mean, item 2'`). */
  readonly yTitle?: string;
  /** Decimals of the tooltip values (default: the summary table's `mean` column, else 2). */
  readonly digits?: number;
  /** Extent of both axes (default `[1, 4]`, widened to take every mean). */
  readonly domain?: readonly [number, number];
  /** Width and height of the square plot in pixels (default 360). */
  readonly size?: number;
}

/** One data value of a {@link meanScatter} spec. */
export interface ScatterDatum {
  readonly label: string;
  readonly x: number | null;
  readonly y: number | null;
  /** x and y as printed: rounded half up, with the language's decimal mark. */
  readonly xText: string;
  readonly yText: string;
}

const FN = 'meanScatter';

function fromTables(tables: ScatterTables): ScatterPoint[] {
  const means = new Map<unknown, number>();
  for (const row of tables.summary.rows) means.set(row['item'], cellNumber(row['mean']));
  return tables.pairs.rows.map((row) => {
    const x = means.get(row['x']) ?? Number.NaN;
    const y = means.get(row['y']) ?? Number.NaN;
    return {
      label: String(row['xLabel'] ?? row['group'] ?? row['x']),
      x: Number.isNaN(x) ? null : x,
      y: Number.isNaN(y) ? null : y,
    };
  });
}

/**
 * Builds a Vega-Lite v5 scatter of two means: one point per item pair or group (e.g. per focus
 * area, the mean challenge on x and the mean need for support on y), each labelled with its name,
 * its tooltip giving both means as the summary table prints them. A dashed diagonal marks
 * x = y. Read from `report()`, the points are the pairs of the pairs table with the means of
 * the summary table.
 *
 * @param input - `{ pairs, summary }` tables of `report()`, or `{ label, x, y }[]`
 * @param options - language, title, axis titles, decimals, axis extent and size
 * @returns the spec (plain JSON, the points under `data.values`; a point with an undefined mean
 *   is null there and not drawn)
 * @throws TypeError for input that is neither; RangeError for a coordinate that is not a number
 *   or null, digits outside 0–10, a bad domain, a size that is not positive or an unknown `lang`
 * @example
 * meanScatter([{ label: 'Tidlig indsats', x: 3.0575, y: 2.7955 }]).data.values[0];
 * // { label: 'Tidlig indsats', x: 3.0575, y: 2.7955, xText: '3,06', yText: '2,80' }
 * @see https://vega.github.io/vega-lite/docs/point.html
 */
export function meanScatter(input: ScatterTables | readonly ScatterPoint[], options: MeanScatterOptions = {}): VegaLiteSpec {
  checkOptionKeys(FN, options, optionKeys<MeanScatterOptions>({ lang: true, title: true, xTitle: true, yTitle: true, digits: true, domain: true, size: true }));
  const lang = chartLang(FN, options.lang);
  const size = pixels(FN, options.size, 'size', 360);
  let points: readonly ScatterPoint[];
  let digits = options.digits;
  if (Array.isArray(input)) points = input;
  else if (typeof input === 'object' && input !== null && isReportTable((input as ScatterTables).pairs) && isReportTable((input as ScatterTables).summary)) {
    const tables = input as ScatterTables;
    points = fromTables(tables);
    digits ??= tables.summary.columns.find((c) => c.key === 'mean')?.digits;
  } else {
    throw new TypeError(`${FN}: input must be { pairs, summary } tables of report() or an array of { label, x, y }, got ${describeValue(input)}`);
  }
  digits ??= 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new RangeError(`${FN}: digits must be an integer 0–10, got ${describeValue(digits)}`);
  }
  const values: ScatterDatum[] = points.map((p, i) => {
    for (const axis of ['x', 'y'] as const) {
      const v = p?.[axis];
      if (v !== null && typeof v !== 'number') {
        throw new RangeError(`${FN}: ${axis} of point ${i + 1} must be a number or null, got ${describeValue(v)}`);
      }
    }
    const x = p.x ?? Number.NaN;
    const y = p.y ?? Number.NaN;
    return jsonSafe({ label: String(p.label), x, y, xText: decimalLabel(x, digits, lang), yText: decimalLabel(y, digits, lang) }) as ScatterDatum;
  });
  const finite = values.flatMap((v) => [v.x, v.y]).filter((v): v is number => v !== null);
  const domain = options.domain ?? [Math.min(1, Math.floor(Math.min(...finite, 1))), Math.max(4, Math.ceil(Math.max(...finite, 4)))];
  if (!Array.isArray(domain) || domain.length !== 2 || !(domain[0] < domain[1])) {
    throw new RangeError(`${FN}: domain must be [low, high] with low < high, got ${describeValue(domain)}`);
  }
  const words =
    lang === 'da'
      ? { x: 'Gennemsnit, spørgsmål 1', y: 'Gennemsnit, spørgsmål 2', label: 'Område' }
      : { x: 'Mean, item 1', y: 'Mean, item 2', label: 'Area' };
  const scale = { domain: [domain[0], domain[1]] };
  const x = { field: 'x', type: 'quantitative', scale, axis: { title: options.xTitle ?? words.x, tickMinStep: 0.5 } };
  const y = { field: 'y', type: 'quantitative', scale, axis: { title: options.yTitle ?? words.y, tickMinStep: 0.5 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description:
      lang === 'da'
        ? 'Punktdiagram over to gennemsnit: ét punkt pr. område, med navn.'
        : 'Scatter of two means: one labelled point per area.',
    ...(options.title === undefined ? {} : { title: options.title }),
    data: { values },
    width: size,
    height: size,
    layer: [
      {
        data: { values: [{ from: domain[0], to: domain[1] }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#9a9a9a' },
        encoding: {
          x: { field: 'from', type: 'quantitative', scale },
          y: { field: 'from', type: 'quantitative', scale },
          x2: { field: 'to' },
          y2: { field: 'to' },
        },
      },
      {
        transform: [{ filter: 'isValid(datum.x) && isValid(datum.y)' }],
        mark: { type: 'point', filled: true, size: 60, color: OKABE_ITO[0], opacity: 1 },
        encoding: {
          x,
          y,
          tooltip: [
            { field: 'label', type: 'nominal', title: words.label },
            { field: 'xText', type: 'nominal', title: options.xTitle ?? words.x },
            { field: 'yText', type: 'nominal', title: options.yTitle ?? words.y },
          ],
        },
      },
      {
        transform: [{ filter: 'isValid(datum.x) && isValid(datum.y)' }],
        mark: { type: 'text', align: 'left', dx: 6, dy: -4, fontSize: 9 },
        encoding: { x, y, text: { field: 'label', type: 'nominal' } },
      },
    ],
    config: { axis: { grid: true, gridColor: '#eeeeee' } },
  };
}
