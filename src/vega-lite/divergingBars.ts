import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import type { ReportTable } from '../report/table';
import { chartLang, jsonSafe, textColorOn, VEGA_LITE_SCHEMA, type ChartLang, type VegaLiteSpec } from './chartParts';
import { paletteByPart } from './divergingPalette';
import { layoutDiverging, scaleParts } from './divergingRows';
import type { DivergingInput, DivergingRow, DivergingRowsOptions } from './divergingRows';

export { VEGA_LITE_SCHEMA, type ChartLang, type VegaLiteSpec } from './chartParts';

/** The words a {@link divergingBars} chart prints; every one can be replaced (e.g. in Danish). */
export interface DivergingBarsText {
  /**
   * Title of the diverging axis. Default `'Andel af dem, der har svaret'` / `'Share of those who
   * answered'` (`'Andel af de substantielle svar'` / `'Share of substantive answers'` under
   * `denominator: 'substantive'`).
   */
  readonly axis: string;
  /** Title of the axis of the answers shown apart. Default: their category names joined by " / ". */
  readonly apart: string;
  /** Tooltip title of the item's label. Default `'Spørgsmål'` / `'Item'`. */
  readonly item: string;
  /** Tooltip title of the answer category. Default `'Svar'` / `'Answer'`. */
  readonly category: string;
  /** Tooltip title of the whole-percent share. Default `'Procent'` / `'Share (%)'`. */
  readonly percent: string;
  /** Tooltip title of the count of respondents. Default `'Antal'` / `'Count'`. */
  readonly count: string;
  /** Tooltip title of the share's denominator. Default `'N'`. */
  readonly n: string;
}

/** Options of {@link divergingBars}. */
export interface DivergingBarsOptions extends DivergingRowsOptions {
  /** Language of the default words on the chart (`'da'` default, `'en'`). */
  readonly lang?: ChartLang;
  /** Chart title (none by default). */
  readonly title?: string;
  /**
   * Smallest whole percent printed as a label inside its segment (default 3: narrower segments
   * keep their tooltip but no label); 0 labels every segment, `Infinity` none.
   */
  readonly minLabel?: number;
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

/**
 * One data value of a {@link divergingBars} spec: a {@link DivergingRow} with NaN written as null,
 * and `ink`, the colour of its label (white on dark fills).
 */
export type DivergingBarsDatum = {
  readonly [K in keyof DivergingRow]: DivergingRow[K] extends number ? number | null : DivergingRow[K];
} & { readonly ink: string };

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

/** The default words of a diverging chart, per language and denominator. */
function defaultText(lang: ChartLang, substantive: boolean): Omit<DivergingBarsText, 'apart'> {
  return lang === 'da'
    ? {
        axis: substantive ? 'Andel af de substantielle svar' : 'Andel af dem, der har svaret',
        item: 'Spørgsmål',
        category: 'Svar',
        percent: 'Procent',
        count: 'Antal',
        n: 'N',
      }
    : {
        axis: substantive ? 'Share of substantive answers' : 'Share of those who answered',
        item: 'Item',
        category: 'Answer',
        percent: 'Share (%)',
        count: 'Count',
        n: 'N',
      };
}

/**
 * Builds a Vega-Lite v5 diverging stacked bar chart of agreement distributions: one horizontal
 * bar per item, disagreeing levels to the left of zero, agreeing levels to the right, the
 * neutral level split half on each side, and non-substantive answers ("Ved ikke", "Ikke
 * relevant") in a separate panel to the right so they never shift the diverging part.
 *
 * Every share is of those who answered, "ved ikke" included, as the distribution tables print
 * it, and each segment of at least `minLabel` percent carries its whole percent (half up) as a
 * label: the 2021 report's Tabel 2.1 prints 41 / 46 / 10 and so does the chart.
 * `denominator: 'substantive'` draws the levels as shares of the substantive answers instead
 * (42 / 47 / 10 for the same data: the behaviour of earlier versions, which is not the table's).
 * Items are ordered by agreement share (highest at the top); colours come from ColorBrewer's
 * red–blue diverging scheme RdBu, which is colour-blind safe (see {@link divergingPalette}).
 * Items on different scales (a distribution table of a challenge and a need item) share the
 * chart, each bar made of its own scale's categories; a category's colour is that of its
 * position on its own scale (the extreme levels of both scales darkest), and the legend lists
 * the categories of every scale, scale after scale;
 * every segment has a tooltip with the item, the category, the whole percent, the count and N.
 *
 * The segments' offsets are computed by {@link divergingRows} and written into the data
 * (`start`, `end`); the spec only draws them (`x`/`x2`), so Vega-Lite does no stacking of its
 * own and the chart shows exactly the numbers likertkit computed. The spec is plain JSON: no
 * functions, no NaN (written as null), data inline under `data.values`.
 *
 * Structure: `hconcat` of the diverging panel (a `layer` of the `bar` marks, their `text`
 * labels and a `rule` at zero) and, when some item has non-substantive categories, the panel of
 * answers shown apart (bars and labels); the y (item) and colour scales are shared, the x scales
 * independent.
 *
 * @param items - coded columns, frequency tables, or `{ data, label?, id?, scale? }`; or a
 *   distribution table of `report()`
 * @param options - language, denominator, order, label threshold, sizes, axis extent, colours,
 *   title and text
 * @returns the spec, with the rows of {@link divergingRows} (and each label's colour) inline as
 *   `data.values`
 * @throws as {@link divergingRows}; RangeError for a size that is not a positive number, a
 *   negative `minLabel`, an unknown `domain` or `lang`
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
  items: readonly DivergingInput[] | ReportTable,
  options: DivergingBarsOptions = {},
): VegaLiteSpec {
  checkOptionKeys('divergingBars', options, optionKeys<DivergingBarsOptions>({ lang: true, title: true, minLabel: true, width: true, apartWidth: true, step: true, domain: true, colors: true, text: true, denominator: true, sort: true, scale: true }));
  const lang = chartLang(FN, options.lang);
  const minLabel = options.minLabel ?? 3;
  if (typeof minLabel !== 'number' || Number.isNaN(minLabel) || minLabel < 0) {
    throw new RangeError(`${FN}: minLabel must be a number of percent ≥ 0, got ${describeValue(minLabel)}`);
  }
  const width = positive(options.width, 'width', 420);
  const apartWidth = positive(options.apartWidth, 'apartWidth', 90);
  const step = positive(options.step, 'step', 26);
  const domainMode = options.domain ?? 'fit';
  if (domainMode !== 'fit' && domainMode !== 'full') {
    throw new RangeError(`${FN}: unknown domain ${describeValue(domainMode)}; use 'fit' or 'full'`);
  }
  // Only the layout's own options: divergingRows refuses the chart's (title, width, …).
  const layout = layoutDiverging(FN, items, {
    ...(options.sort === undefined ? {} : { sort: options.sort }),
    ...(options.scale === undefined ? {} : { scale: options.scale }),
    ...(options.denominator === undefined ? {} : { denominator: options.denominator }),
  });
  const { categories } = layout;
  // Colours by position on each item's own scale, so that a table of items on two scales colours
  // the extreme levels of both alike; one scale gives divergingPalette's colours.
  const colorOf = paletteByPart(scaleParts(layout.rows), options.colors);
  const colors = categories.map((c) => colorOf.get(c.category) as string);
  const apartCategories = categories.filter((c) => c.side === 'apart').map((c) => c.category);
  const text: DivergingBarsText = {
    ...defaultText(lang, options.denominator === 'substantive'),
    apart: apartCategories.join(' / '),
    ...options.text,
  };
  const inkOf = new Map(categories.map((c, i) => [c.category, textColorOn(colors[i] as string)]));

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
  // Labels: the whole percent at the middle of its segment, in the colour that reads on the fill.
  const labels_ = (filter: string): Record<string, unknown> => ({
    transform: [{ filter }, { filter: `datum.percent >= ${minLabel === Infinity ? 1e9 : minLabel}` }, { calculate: '(datum.start + datum.end) / 2', as: 'middle' }],
    mark: { type: 'text', fontSize: 10, baseline: 'middle', align: 'center' },
    encoding: {
      y,
      x: { field: 'middle', type: 'quantitative' },
      text: { field: 'text', type: 'nominal' },
      color: { field: 'ink', type: 'nominal', scale: null, legend: null },
    },
  });
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
      labels_("datum.side !== 'apart'"),
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#444444', strokeWidth: 1 },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
    ],
  };
  const panels: Record<string, unknown>[] = [divergingPanel];
  if (apartCategories.length > 0) {
    const apartLabels = labels_("datum.side === 'apart'");
    panels.push({
      width: apartWidth,
      height: { step },
      layer: [
        {
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
        },
        { ...apartLabels, encoding: { ...(apartLabels['encoding'] as object), y: { ...y, axis: null } } },
      ],
    });
  }

  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    description:
      lang === 'da'
        ? 'Divergerende søjler: svarfordelingen pr. spørgsmål i procent af dem, der har svaret, uenige niveauer til venstre og enige til højre for nul; "ved ikke" og "ikke relevant" vist for sig.'
        : 'Diverging stacked bars: the distribution of answers per item in percent of those who answered, disagreeing levels left and agreeing levels right of zero; non-substantive answers shown apart.',
    ...(options.title === undefined ? {} : { title: options.title }),
    data: { values: layout.rows.map((row): DivergingBarsDatum => ({ ...jsonSafe(row), ink: inkOf.get(row.category) as string })) },
    spacing: 12,
    hconcat: panels,
    resolve: { scale: { y: 'shared', color: 'shared', x: 'independent' } },
    config: { view: { stroke: null }, axis: { grid: false } },
  };
  return spec;
}
