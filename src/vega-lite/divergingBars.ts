import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { divergingPalette } from './divergingPalette';
import { divergingRows } from './divergingRows';
import type { DivergingInput, DivergingRow, DivergingRowsOptions } from './divergingRows';

/** The words a {@link divergingBars} chart prints; every one can be replaced (e.g. in Danish). */
export interface DivergingBarsText {
  /** Title of the diverging axis. Default `'Share of substantive answers'`. */
  readonly axis: string;
  /** Title of the axis of the answers shown apart. Default: their category names joined by " / ". */
  readonly apart: string;
  /** Tooltip title of the item's label. Default `'Item'`. */
  readonly item: string;
  /** Tooltip title of the answer category. Default `'Answer'`. */
  readonly category: string;
  /** Tooltip title of the whole-percent share. Default `'Share (%)'`. */
  readonly percent: string;
  /** Tooltip title of the count of respondents. Default `'Count'`. */
  readonly count: string;
  /** Tooltip title of the share's denominator. Default `'N'`. */
  readonly n: string;
}

/** Options of {@link divergingBars}. */
export interface DivergingBarsOptions extends DivergingRowsOptions {
  /** Chart title (none by default). */
  readonly title?: string;
  /** Width of the diverging panel in pixels (default 420). */
  readonly width?: number;
  /** Width of the panel of answers shown apart (default 90). */
  readonly apartWidth?: number;
  /** Height of one bar's band in pixels (default 26). */
  readonly step?: number;
  /**
   * Extent of the diverging axis: `'fit'` (default) is symmetric around zero and just wide
   * enough for the data, in steps of 10 %; `'full'` is always −100 % to 100 %.
   */
  readonly domain?: 'fit' | 'full';
  /** Colours by category, overriding the diverging palette for the categories named. */
  readonly colors?: Readonly<Record<string, string>>;
  /** Replacements for the words printed on the chart. */
  readonly text?: Partial<DivergingBarsText>;
}

/** A Vega-Lite v5 view specification: plain, JSON-serialisable data. */
export type VegaLiteSpec = { readonly $schema: string } & Record<string, unknown>;

/** One data value of a {@link divergingBars} spec: a {@link DivergingRow} with NaN written as null. */
export type DivergingBarsDatum = {
  readonly [K in keyof DivergingRow]: DivergingRow[K] extends number ? number | null : DivergingRow[K];
};

/** The Vega-Lite v5 JSON schema address written into every spec. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

const FN = 'divergingBars';

function positive(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${FN}: ${name} must be a positive number of pixels, got ${describeValue(value)}`);
  }
  return value;
}

/** Rounds up to the next tenth, guarding against 0.30000000000000004-style overshoot. */
function ceilTenth(x: number): number {
  return Math.ceil(Math.round(x * 1e9) / 1e8) / 10;
}

/** NaN is not JSON: written as null so that the spec survives `JSON.stringify` unchanged. */
function toDatum(row: DivergingRow): DivergingBarsDatum {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = typeof value === 'number' && Number.isNaN(value) ? null : value;
  }
  return out as DivergingBarsDatum;
}

/**
 * Builds a Vega-Lite v5 diverging stacked bar chart of agreement distributions: one horizontal
 * bar per item, disagreeing levels to the left of zero, agreeing levels to the right, the
 * neutral level split half on each side, and non-substantive answers ("Ved ikke") in a separate
 * panel to the right so they never shift the diverging part. Items are ordered by agreement
 * share (highest at the top), colours come from a red–blue diverging scheme (see
 * {@link divergingPalette}) and every segment has a tooltip with the item, the category, the
 * share (whole percent, rounded half up as the reports round) and the count and N.
 *
 * The segments' offsets are computed here by {@link divergingRows} and written into the data
 * (`start`, `end`); the spec only draws them (`x`/`x2`), so Vega-Lite does no stacking of its
 * own and the chart shows exactly the numbers likertkit computed. The spec is plain JSON: no
 * functions, no NaN (written as null), data inline under `data.values`.
 *
 * Structure: `hconcat` of the diverging panel (a `layer` of the `bar` marks and a `rule` at
 * zero) and, when some item has non-substantive categories, the panel of answers shown apart;
 * the y (item) and colour scales are shared, the x scales independent.
 *
 * @param items - coded columns, frequency tables, or `{ data, label?, id?, scale? }`
 * @param options - order, sizes, axis extent, colours, title and text
 * @returns the spec, with the rows of {@link divergingRows} inline as `data.values`
 * @throws as {@link divergingRows}; RangeError for a size that is not a positive number or an
 *   unknown `domain`
 * @example
 * const spec = divergingBars([
 *   { label: 'Tidlig indsats', data: s.item('behov_tidlig') },
 *   { label: 'Efterværn', data: s.item('behov_eftervaern') },
 * ], { title: 'Behov for støtte' });
 * spec.$schema;               // 'https://vega.github.io/schema/vega-lite/v5.json'
 * spec.hconcat.length;        // 2 (the diverging panel and "Ved ikke / Ikke relevant")
 * await vegaEmbed('#chart', spec);
 * @see https://vega.github.io/vega-lite/docs/bar.html (ranged bars with x and x2) and
 *   Robbins & Heiberger (2011), "Plotting Likert and other rating scales"
 */
export function divergingBars(
  items: readonly DivergingInput[],
  options: DivergingBarsOptions = {},
): VegaLiteSpec {
  checkOptionKeys('divergingBars', options, optionKeys<DivergingBarsOptions>({ title: true, width: true, apartWidth: true, step: true, domain: true, colors: true, text: true, sort: true, scale: true }));
  const width = positive(options.width, 'width', 420);
  const apartWidth = positive(options.apartWidth, 'apartWidth', 90);
  const step = positive(options.step, 'step', 26);
  const domainMode = options.domain ?? 'fit';
  if (domainMode !== 'fit' && domainMode !== 'full') {
    throw new RangeError(`${FN}: unknown domain ${describeValue(domainMode)}; use 'fit' or 'full'`);
  }
  // Only the layout's own options: divergingRows refuses the chart's (title, width, …).
  const layout = divergingRows(items, {
    ...(options.sort === undefined ? {} : { sort: options.sort }),
    ...(options.scale === undefined ? {} : { scale: options.scale }),
  });
  const { categories } = layout;
  const palette = divergingPalette(categories);
  const colors = categories.map((c, i) => options.colors?.[c.category] ?? (palette[i] as string));
  const apartCategories = categories.filter((c) => c.side === 'apart').map((c) => c.category);
  const text: DivergingBarsText = {
    axis: 'Share of substantive answers',
    apart: apartCategories.join(' / '),
    item: 'Item',
    category: 'Answer',
    percent: 'Share (%)',
    count: 'Count',
    n: 'N',
    ...options.text,
  };

  // The y axis shows labels; when two items share a label the keys keep their bars apart.
  const labels = layout.items.map((i) => i.label);
  const yField = new Set(labels).size === labels.length ? 'label' : 'item';
  const yOrder = yField === 'label' ? labels : layout.items.map((i) => i.item);
  const extent = Math.max(-layout.min, layout.max);
  const reach = domainMode === 'full' || !(extent > 0) ? 1 : Math.min(1, ceilTenth(extent));
  const apartReach = Math.min(1, Math.max(0.1, ceilTenth(layout.apartMax)));

  const y = { field: yField, type: 'nominal', sort: yOrder, title: null, axis: { labelLimit: 300 } };
  const color = {
    field: 'category',
    type: 'nominal',
    scale: { domain: categories.map((c) => c.category), range: colors },
    legend: { title: null, orient: 'bottom', direction: 'horizontal' },
  };
  const tooltip = [
    { field: 'label', type: 'nominal', title: text.item },
    { field: 'category', type: 'nominal', title: text.category },
    { field: 'percent', type: 'quantitative', title: text.percent },
    { field: 'count', type: 'quantitative', title: text.count },
    { field: 'n', type: 'quantitative', title: text.n },
  ];

  const divergingPanel = {
    width,
    height: { step },
    layer: [
      {
        transform: [{ filter: "datum.side !== 'apart'" }],
        mark: { type: 'bar' },
        encoding: {
          y,
          x: {
            field: 'start',
            type: 'quantitative',
            scale: { domain: [-reach, reach] },
            // Both directions read as positive shares: −40 % of disagreement prints as 40 %.
            axis: { title: text.axis, labelExpr: "format(abs(datum.value), '.0%')" },
          },
          x2: { field: 'end' },
          color,
          tooltip,
        },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#444444', strokeWidth: 1 },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
    ],
  };
  const panels: Record<string, unknown>[] = [divergingPanel];
  if (apartCategories.length > 0) {
    panels.push({
      width: apartWidth,
      height: { step },
      transform: [{ filter: "datum.side === 'apart'" }],
      mark: { type: 'bar' },
      encoding: {
        y: { ...y, axis: null },
        x: {
          field: 'start',
          type: 'quantitative',
          scale: { domain: [0, apartReach] },
          axis: { title: text.apart, format: '.0%', tickCount: 2 },
        },
        x2: { field: 'end' },
        color,
        tooltip,
      },
    });
  }

  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    description:
      'Diverging stacked bar chart of agreement distributions made by likertkit: substantive levels around zero, neutral split across it, non-substantive answers apart.',
    ...(options.title === undefined ? {} : { title: options.title }),
    data: { values: layout.rows.map(toDatum) },
    spacing: 12,
    hconcat: panels,
    resolve: { scale: { y: 'shared', color: 'shared', x: 'independent' } },
    config: { view: { stroke: null }, axis: { grid: false } },
  };
  return spec;
}
