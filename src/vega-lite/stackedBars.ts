import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type { ReportTable } from '../report/table';
import type { Scale } from '../scale/types';
import {
  chartLang,
  jsonSafe,
  pixels,
  textColorOn,
  VEGA_LITE_SCHEMA,
  type ChartLang,
  type VegaLiteSpec,
} from './chartParts';
import { paletteByPart } from './divergingPalette';
import { layoutDiverging, scaleParts, type DivergingInput, type DivergingSide } from './divergingRows';

/** Options of {@link stackedBarRows}. */
export interface StackedBarRowsOptions {
  /**
   * Item order: `'input'` (default) keeps the order given (a report table's row order);
   * `'agreement'` puts the highest agreement share first.
   */
  readonly sort?: 'input' | 'agreement';
  /**
   * The scale of frequency tables given without one, and of a report table: it says which
   * categories are non-substantive. Several scales for a table of items on different scales
   * (each row takes the one whose categories it has). Without it a report table's "Ved ikke" /
   * "Ikke relevant" / "Don't know" / "Not applicable" columns are taken as non-substantive.
   */
  readonly scale?: Scale | readonly Scale[];
}

/** One segment of a 100 % stacked bar. */
export interface StackedBarRow {
  /** The item's key. */
  readonly item: string;
  /** The item's text. */
  readonly label: string;
  /** The answer category. */
  readonly category: string;
  /** `'level'` for a substantive level, `'nonSubstantive'` for "Ved ikke" and the like. */
  readonly kind: 'level' | 'nonSubstantive';
  /** Where the category sits on the scale (its colour follows from it). */
  readonly side: DivergingSide;
  /** Respondents giving this answer. */
  readonly count: number;
  /** Share of everyone who answered ("ved ikke" included): the distribution table's cell. */
  readonly share: number;
  /** `share` as a whole percent, rounded half up (NaN stays NaN). */
  readonly percent: number;
  /** `percent` as the label prints it (empty for NaN). */
  readonly text: string;
  /** Those who answered: the denominator of `share`. */
  readonly n: number;
  /** Left end of the segment on 0 … 1. */
  readonly start: number;
  /** Right end: `end − start = share` (0 when NaN). */
  readonly end: number;
  /** Position of the item, 0 first. */
  readonly itemOrder: number;
  /** Position of the category in the bar, 0 leftmost (highest level first, then the non-substantive). */
  readonly categoryOrder: number;
  /** The part of the chart the item is drawn in: its index in {@link StackedBarRowsResult.parts}. */
  readonly part: number;
}

/** Items with the same answer categories (items on one scale), drawn as one chart. */
export interface StackedBarPart {
  /** Item keys, in order. */
  readonly items: string[];
  /** The part's categories left to right, with their sides. */
  readonly categories: { readonly category: string; readonly side: DivergingSide }[];
}

/** Result of {@link stackedBarRows}. */
export interface StackedBarRowsResult {
  /** Segments, item by item, left to right within an item. */
  readonly rows: StackedBarRow[];
  /** Items in order, with their N (those who answered). */
  readonly items: { readonly item: string; readonly label: string; readonly n: number }[];
  /** Categories left to right, with their sides: the parts' categories, part after part, each once. */
  readonly categories: { readonly category: string; readonly side: DivergingSide }[];
  /**
   * The items grouped by their answer categories, in the order their first items come: one part
   * when every item is on one scale, one per scale for a table of items on several (a challenge
   * and a need for support), each drawn as a chart of its own by {@link stackedBars}.
   */
  readonly parts: StackedBarPart[];
  readonly method: 'stacked-bar-rows';
}

/** Options of {@link stackedBars}. */
export interface StackedBarsOptions extends StackedBarRowsOptions {
  /** Language of the axis title, legend and tooltips (`'da'` default, `'en'`). */
  readonly lang?: ChartLang;
  /** Chart title (none by default). */
  readonly title?: string;
  /** Smallest whole percent labelled inside its segment (default 3); 0 labels every segment. */
  readonly minLabel?: number;
  /** Width of the bars in pixels (default 460). */
  readonly width?: number;
  /** Height of one bar's band in pixels (default 26). */
  readonly step?: number;
  /** Colours by category, replacing the palette for the categories named. */
  readonly colors?: Readonly<Record<string, string>>;
  /** Axis title (default `'Procent af dem, der har svaret'` / `'Percent of those who answered'`). */
  readonly axisTitle?: string;
}

const ROWS = 'stackedBarRows';
const BARS = 'stackedBars';

function layoutStacked(
  fn: string,
  input: readonly DivergingInput[] | ReportTable,
  options: StackedBarRowsOptions,
): StackedBarRowsResult {
  const sort = options.sort ?? 'input';
  if (sort !== 'input' && sort !== 'agreement') {
    throw new RangeError(`${fn}: unknown sort ${describeValue(sort)}; use 'input' or 'agreement'`);
  }
  // The diverging layout reads every input form and gives the shares of those who answered.
  const diverging = layoutDiverging(fn, input, {
    sort,
    denominator: 'answered',
    ...(options.scale === undefined ? {} : { scale: options.scale }),
  });
  // Per part, left to right: the levels from the highest down, then the non-substantive answers.
  const parts: StackedBarPart[] = scaleParts(diverging.rows).map((p) => ({
    items: p.items,
    categories: [...p.categories.filter((c) => c.side !== 'apart').reverse(), ...p.categories.filter((c) => c.side === 'apart')],
  }));
  const partOf = new Map<string, number>();
  parts.forEach((p, index) => {
    for (const item of p.items) partOf.set(item, index);
  });
  const categories: { category: string; side: DivergingSide }[] = [];
  for (const p of parts) {
    for (const c of p.categories) if (!categories.some((known) => known.category === c.category)) categories.push(c);
  }
  const rows: StackedBarRow[] = [];
  diverging.items.forEach((item, itemOrder) => {
    const part = partOf.get(item.item) as number;
    const position = new Map((parts[part] as StackedBarPart).categories.map((c, i) => [c.category, i]));
    const segments = diverging.rows
      .filter((r) => r.item === item.item)
      .sort((a, b) => (position.get(a.category) as number) - (position.get(b.category) as number));
    let cursor = 0;
    for (const r of segments) {
      const width = Number.isNaN(r.share) ? 0 : r.share;
      rows.push({
        item: r.item,
        label: r.label,
        category: r.category,
        kind: r.kind === 'nonSubstantive' ? 'nonSubstantive' : 'level',
        side: r.side,
        count: r.count,
        share: r.share,
        percent: r.percent,
        text: r.text,
        n: r.n,
        start: cursor,
        end: cursor + width,
        itemOrder,
        categoryOrder: position.get(r.category) as number,
        part,
      });
      cursor += width;
    }
  });
  return {
    rows,
    items: diverging.items.map((i) => ({ item: i.item, label: i.label, n: i.n })),
    categories,
    parts,
    method: 'stacked-bar-rows',
  };
}

/**
 * Lays out answer distributions as 100 % stacked bars, as tidy rows with each segment's start
 * and end on 0 … 1, for Observable Plot (`Plot.barX(rows, { x1: 'start', x2: 'end', y: 'label',
 * fill: 'category' })`) or any other charting library.
 *
 * Every category is a share of those who answered the question, "ved ikke" and "ikke relevant"
 * included and drawn in the bar, as the 2021 report's Figur 1–44 draw them; so a bar's segments
 * sum to 1 and every `text` is the whole percent (half up) that the distribution table prints.
 * Left to right: the highest level first, then the lower ones, then the non-substantive answers.
 *
 * A distribution table of items asked on two scales (a focus area's challenge and need for
 * support: one table whose columns hold both scales' categories, `null` where a category is not
 * on the row's scale) gives each bar its own scale's categories only: a row's categories are its
 * cells that are not `null`. Items with the same categories form a part (`parts`, `part`).
 *
 * @param input - a distribution table of `report()` (id `distribution:…`, one bar per row, the
 *   table's cells as the shares), or coded columns, frequency tables or `{ data, label?, id?, scale? }`
 * @param options - item order and the scale of a report table or frequency tables
 * @returns the segments, the items with their N and the categories left to right
 * @throws TypeError for input that is neither; RangeError for a scale that does not fit the
 *   table, a repeated item id or an unknown `sort`
 * @example
 * const col = likert(['Slet ikke', 'I høj grad', 'I høj grad', 'Ved ikke'], scales.daDegree4);
 * stackedBarRows([{ id: 'q1', label: 'Tidlig indsats', data: col }]).rows
 *   .filter((r) => r.share > 0).map((r) => [r.category, r.start, r.end, r.text]);
 * // [['I høj grad', 0, 0.5, '50'], ['Slet ikke', 0.5, 0.75, '25'], ['Ved ikke', 0.75, 1, '25']]
 * @see R: `likert::likert` with `include.center`, and the 2021 report's figures
 */
export function stackedBarRows(
  input: readonly DivergingInput[] | ReportTable,
  options: StackedBarRowsOptions = {},
): StackedBarRowsResult {
  checkOptionKeys(ROWS, options, optionKeys<StackedBarRowsOptions>({ sort: true, scale: true }));
  return layoutStacked(ROWS, input, options);
}

/**
 * Builds a Vega-Lite v5 chart of 100 % stacked horizontal bars: one bar per item, every answer
 * category as a share of those who answered ("ved ikke" and "ikke relevant" in the bar), each
 * segment of at least `minLabel` percent labelled with the whole percent the distribution table
 * prints. Colours: ColorBrewer's RdBu for the levels (reds for the low end, blues for the high
 * end; colour-blind safe) and greys for the non-substantive answers, as {@link divergingPalette}
 * gives them; labels are white on the dark fills.
 *
 * Items on several scales (a distribution table of a challenge and a need item, see
 * {@link stackedBarRows}) are drawn as a `vconcat` of one such chart per scale, one above the
 * other on the same 0–100 % axis, each with its own categories, colours and legend (the extreme
 * levels of every scale darkest, "Ved ikke" grey); a table on one scale is one chart (`layer`).
 *
 * The segments' offsets are computed by {@link stackedBarRows} and written into the data; the
 * spec only draws them, so Vega-Lite does no stacking or rounding of its own.
 *
 * @param input - as {@link stackedBarRows}
 * @param options - language, title, label threshold, sizes, colours and the options of
 *   {@link stackedBarRows}
 * @returns the spec (plain JSON, rows inline under `data.values`, or under each `vconcat` chart's
 *   `data.values` for items on several scales; NaN written as null)
 * @throws as {@link stackedBarRows}; RangeError for a size that is not a positive number, a
 *   negative `minLabel` or an unknown `lang`
 * @example
 * const r = report(s, { sections: ['distribution'] });
 * const one = r.tables.find((t) => t.id === 'distribution:Børn med handicap:daChallenge4');
 * const spec = stackedBars(one, { lang: 'da', title: one.title });
 * spec.layer.map((l) => l.mark.type); // ['bar', 'text']
 * const mixed = r.tables.find((t) => t.id === 'distribution:tidlig'); // a challenge and a need item
 * stackedBars(mixed).vconcat.length; // 2: a chart per scale
 * @see https://vega.github.io/vega-lite/docs/bar.html
 */
export function stackedBars(
  input: readonly DivergingInput[] | ReportTable,
  options: StackedBarsOptions = {},
): VegaLiteSpec {
  checkOptionKeys(BARS, options, optionKeys<StackedBarsOptions>({ lang: true, title: true, minLabel: true, width: true, step: true, colors: true, axisTitle: true, sort: true, scale: true }));
  const lang = chartLang(BARS, options.lang);
  const width = pixels(BARS, options.width, 'width', 460);
  const step = pixels(BARS, options.step, 'step', 26);
  const minLabel = options.minLabel ?? 3;
  if (typeof minLabel !== 'number' || Number.isNaN(minLabel) || minLabel < 0) {
    throw new RangeError(`${BARS}: minLabel must be a number of percent ≥ 0, got ${describeValue(minLabel)}`);
  }
  const layout = layoutStacked(BARS, input, {
    ...(options.sort === undefined ? {} : { sort: options.sort }),
    ...(options.scale === undefined ? {} : { scale: options.scale }),
  });
  // Each part's palette is made in its scale order (lowest level first), then read by category.
  const colorOf = paletteByPart(
    layout.parts.map((p) => ({
      categories: [...p.categories.filter((c) => c.side !== 'apart').reverse(), ...p.categories.filter((c) => c.side === 'apart')],
    })),
    options.colors,
  );
  const words =
    lang === 'da'
      ? { axis: 'Procent af dem, der har svaret', item: 'Spørgsmål', category: 'Svar', percent: 'Procent', count: 'Antal' }
      : { axis: 'Percent of those who answered', item: 'Item', category: 'Answer', percent: 'Percent', count: 'Count' };
  const labels = layout.items.map((i) => i.label);
  const yField = new Set(labels).size === labels.length ? 'label' : 'item';
  const values = layout.rows.map((row) => ({
    ...jsonSafe(row),
    middle: (row.start + row.end) / 2,
    ink: textColorOn(colorOf.get(row.category) as string),
  }));
  // One chart per part: its bars, its labels and its own legend.
  const panel = (part: StackedBarPart, axisTitle: string | null): Record<string, unknown> => {
    const domain = part.categories.map((c) => c.category);
    const range = domain.map((c) => colorOf.get(c) as string);
    const items = layout.items.filter((i) => part.items.includes(i.item));
    const y = {
      field: yField,
      type: 'nominal',
      sort: items.map((i) => (yField === 'label' ? i.label : i.item)),
      title: null,
      // Wide enough for a need item's label ("Behov for støtte: Tidlig indsats og forebyggelse").
      axis: { labelLimit: 440 },
    };
    return {
      width,
      height: { step },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y,
            x: {
              field: 'start',
              type: 'quantitative',
              scale: { domain: [0, 1] },
              axis: { title: axisTitle, format: '.0%' },
            },
            x2: { field: 'end' },
            color: {
              field: 'category',
              type: 'nominal',
              scale: { domain, range },
              sort: domain,
              legend: { title: null, orient: 'bottom', direction: 'horizontal', columns: Math.min(domain.length, 3), labelLimit: 260 },
            },
            order: { field: 'categoryOrder', type: 'quantitative' },
            tooltip: [
              { field: 'label', type: 'nominal', title: words.item },
              { field: 'category', type: 'nominal', title: words.category },
              { field: 'percent', type: 'quantitative', title: words.percent },
              { field: 'count', type: 'quantitative', title: words.count },
              { field: 'n', type: 'quantitative', title: 'N' },
            ],
          },
        },
        {
          transform: [{ filter: `datum.percent >= ${minLabel === Infinity ? 1e9 : minLabel}` }],
          mark: { type: 'text', fontSize: 10, baseline: 'middle', align: 'center' },
          encoding: {
            y,
            x: { field: 'middle', type: 'quantitative' },
            text: { field: 'text', type: 'nominal' },
            color: { field: 'ink', type: 'nominal', scale: null, legend: null },
          },
        },
      ],
    };
  };
  const axisTitle = options.axisTitle ?? words.axis;
  const head = {
    $schema: VEGA_LITE_SCHEMA,
    description:
      lang === 'da'
        ? 'Stablede søjler (100 %): svarfordelingen pr. spørgsmål i procent af dem, der har svaret, "ved ikke" og "ikke relevant" medregnet.'
        : 'Stacked bars (100 %): the distribution of answers per item in percent of those who answered, non-substantive answers included.',
    ...(options.title === undefined ? {} : { title: options.title }),
  };
  if (layout.parts.length > 1) {
    // Items on several scales: a chart per scale, one above the other, each with its own
    // categories and legend; the axis title under the last.
    const last = layout.parts.length - 1;
    return {
      ...head,
      vconcat: layout.parts.map((part, index) => ({
        data: { values: values.filter((v) => v.part === index) },
        ...panel(part, index === last ? axisTitle : null),
      })),
      spacing: 16,
      resolve: { scale: { color: 'independent', y: 'independent' }, legend: { color: 'independent' } },
      config: { view: { stroke: null }, axis: { grid: false } },
    };
  }
  return {
    ...head,
    data: { values },
    ...panel(layout.parts[0] ?? { items: [], categories: [] }, axisTitle),
    config: { view: { stroke: null }, axis: { grid: false } },
  };
}
