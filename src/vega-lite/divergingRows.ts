import type { LikertColumn } from '../data/types';
import { frequencies } from '../describe/frequencies';
import type { FrequenciesResult, FrequencyRow } from '../describe/frequencies';
import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { roundPercent } from '../report/rounding';
import type { ReportTable } from '../report/table';
import type { Scale } from '../scale/types';
import { distributionFrequencies, isReportTable, percentLabel, scaleList } from './chartParts';

/**
 * One item to chart, with the names a chart prints. `data` is a coded column (from `likert` or
 * `survey(…).item(id)`) or the result of `frequencies()`.
 */
export interface DivergingItem {
  /** A key unique among the items (default: the label, else `item1`, `item2`, …). */
  readonly id?: string;
  /** Text on the axis (default: the column's own label, else the id). */
  readonly label?: string;
  /** The answers: a coded column or a frequency table. */
  readonly data: LikertColumn | FrequenciesResult;
  /**
   * The scale, needed only to read a frequency table's agreement levels and neutral level
   * exactly (a column carries its scale). Without it, see {@link DivergingRowsOptions.scale}.
   */
  readonly scale?: Scale;
}

/** What {@link divergingRows} and `divergingBars` accept per item. */
export type DivergingInput = DivergingItem | LikertColumn | FrequenciesResult;

/** Options of {@link divergingRows}. */
export interface DivergingRowsOptions {
  /**
   * What a segment's share is a share of. `'answered'` (default): of everyone who answered,
   * "ved ikke" and "ikke relevant" included, as the reports' distribution tables print it (the
   * 2021 report's Tabel 2.1: 41 / 46 / 10), so every label equals the table's number; the
   * substantive segments then sum to the substantive share, and the non-substantive ones, shown
   * apart, make up the rest. `'substantive'`: of the substantive answers only (the segments sum
   * to 1; the behaviour of earlier versions).
   */
  readonly denominator?: 'answered' | 'substantive';
  /**
   * Item order: `'agreement'` (default) puts the highest agreement share first, ties in input
   * order; `'input'` keeps the order given.
   */
  readonly sort?: 'agreement' | 'input';
  /**
   * Scale used for frequency tables given without their own `scale`, and for the rows of a
   * report table. Several scales for items on different scales (a mixed distribution table):
   * each row or frequency table takes the scale whose categories it has. When none is given the
   * levels are split by position: the lower half disagree, the upper half agree, the middle level
   * of an odd number of levels neutral (the convention of the built-in scales).
   */
  readonly scale?: Scale | readonly Scale[];
}

/** Where a category sits in a diverging chart. */
export type DivergingSide = 'disagree' | 'neutral' | 'agree' | 'apart';

/**
 * One bar segment: an answer category of an item, with precomputed offsets on a shared axis.
 * Substantive categories lie on [−1, 1] around zero: disagreeing levels at negative offsets,
 * agreeing levels at positive ones, the neutral level straddling zero (half each side).
 * Non-substantive answers ("Ved ikke") lie apart, on their own axis from 0 upwards.
 */
export interface DivergingRow {
  /** The item's key. */
  readonly item: string;
  /** The item's text. */
  readonly label: string;
  /** The answer category, as the scale spells it. */
  readonly category: string;
  /** `'level'` for a substantive non-neutral level, `'neutral'`, or `'nonSubstantive'`. */
  readonly kind: 'level' | 'neutral' | 'nonSubstantive';
  /** Which part of the chart the segment belongs to. */
  readonly side: DivergingSide;
  /** Respondents giving this answer. */
  readonly count: number;
  /**
   * Share of everyone who answered ("ved ikke" included), under the default `denominator:
   * 'answered'`; under `'substantive'`, a level's share of the substantive answers (a
   * non-substantive answer's share stays of everyone who answered). Weighted when the column is.
   * NaN when the denominator is 0.
   */
  readonly share: number;
  /** `share` as a whole percentage rounded half up (NaN stays NaN), for labels and tooltips. */
  readonly percent: number;
  /** `percent` as the label text (empty for NaN): the number the distribution table prints. */
  readonly text: string;
  /**
   * The denominator of `share`: the answers (`'answered'`), or for levels under `'substantive'`
   * the substantive answers.
   */
  readonly n: number;
  /** Left end of the segment. */
  readonly start: number;
  /** Right end of the segment; `end − start = share` (0 when `share` is NaN). */
  readonly end: number;
  /** Position of the item in the chosen order, 0 first. */
  readonly itemOrder: number;
  /** Category index in the scale (levels lowest first, then non-substantive answers). */
  readonly categoryOrder: number;
  /** The item's agreement share over the `denominator` (the sort key); NaN when it is 0. */
  readonly agreement: number;
}

/** Result of {@link divergingRows}: tidy rows plus what a chart needs to set up its scales. */
export interface DivergingRowsResult {
  /** Segments, item by item in the chosen order, categories in scale order within an item. */
  readonly rows: DivergingRow[];
  /** Item keys and labels in the chosen order. */
  readonly items: { readonly item: string; readonly label: string; readonly agreement: number; readonly n: number }[];
  /** Every category in display order (levels lowest first, then non-substantive), with its side. */
  readonly categories: { readonly category: string; readonly side: DivergingSide }[];
  /** Smallest `start` among substantive segments (≥ −1). */
  readonly min: number;
  /** Largest `end` among substantive segments (≤ 1). */
  readonly max: number;
  /** Largest `end` among non-substantive segments (0 when there are none). */
  readonly apartMax: number;
  readonly method: 'diverging-rows';
}

/** An item reduced to what the layout needs. Internal. */
interface PreparedItem {
  readonly item: string;
  readonly label: string;
  readonly freq: FrequenciesResult;
  readonly sides: DivergingSide[];
  readonly agreeSet: ReadonlySet<string>;
}

const FN = 'divergingRows';

function isColumn(value: unknown): value is LikertColumn {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'likert-column';
}

function isFrequencies(value: unknown): value is FrequenciesResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { method?: unknown }).method === 'frequencies' &&
    Array.isArray((value as { rows?: unknown }).rows)
  );
}

/**
 * Sides of the substantive levels, lowest first: before the neutral level disagree, after it
 * agree. Without a neutral level, the lower half disagrees and the upper half agrees; an odd
 * middle level counts as neutral.
 */
function levelSides(levels: readonly string[], neutral: string | null): DivergingSide[] {
  const k = levels.length;
  const neutralIndex = neutral === null ? (k % 2 === 1 ? (k - 1) / 2 : -1) : levels.indexOf(neutral);
  return levels.map((_, i) => {
    if (neutralIndex >= 0) return i < neutralIndex ? 'disagree' : i === neutralIndex ? 'neutral' : 'agree';
    return i < k / 2 ? 'disagree' : 'agree';
  });
}

function prepare(fn: string, input: DivergingInput, position: number, fallbackScales: readonly Scale[]): PreparedItem {
  const wrapped: DivergingItem | null = isColumn(input) || isFrequencies(input) ? null : (input as DivergingItem);
  const data = wrapped === null ? (input as LikertColumn | FrequenciesResult) : wrapped.data;
  let freq: FrequenciesResult;
  let scale: Scale | undefined;
  let ownLabel: string | undefined;
  if (isColumn(data)) {
    freq = frequencies(data);
    scale = data.scale;
    ownLabel = data.label;
  } else if (isFrequencies(data)) {
    freq = data;
    const levelsOf = data.rows.filter((r) => r.kind === 'level').map((r) => r.label);
    // Of several scales, the one with this table's levels, else the first (checked below).
    scale = wrapped?.scale ?? fallbackScales.find((s) => s.levels.join('\u0000') === levelsOf.join('\u0000')) ?? fallbackScales[0];
  } else {
    throw new TypeError(
      `${fn}: item ${position + 1} must be a LikertColumn, a frequencies() result or { data, label? }, got ${describeValue(data)}`,
    );
  }
  const levels = freq.rows.filter((r) => r.kind === 'level').map((r) => r.label);
  let sides: DivergingSide[];
  let agree: readonly string[];
  if (scale !== undefined) {
    const same = scale.levels.length === levels.length && scale.levels.every((l, i) => l === levels[i]);
    if (!same) {
      throw new RangeError(
        `${fn}: item ${position + 1}'s levels (${levels.join(', ')}) are not those of scale '${scale.id}'; pass the scale the table was counted on`,
      );
    }
    sides = levelSides(levels, scale.neutral);
    agree = scale.agree;
  } else {
    sides = levelSides(levels, null);
    agree = levels.filter((_, i) => sides[i] === 'agree');
  }
  const label = wrapped?.label ?? ownLabel ?? wrapped?.id ?? `Item ${position + 1}`;
  const item = wrapped?.id ?? wrapped?.label ?? ownLabel ?? `item${position + 1}`;
  return { item, label, freq, sides, agreeSet: new Set(agree) };
}

/** Mass of a frequency row: its weight (equal to the count when unweighted). */
function mass(row: FrequencyRow): number {
  return row.weight;
}

/**
 * Lays out agreement distributions as tidy rows for a diverging stacked bar chart, with every
 * segment's start and end precomputed, for Observable Plot (`Plot.barX(rows, { x1: 'start',
 * x2: 'end', y: 'label', fill: 'category' })`), ECharts or any other charting library.
 *
 * Per item, the substantive levels' shares p₁ … p_k (lowest level first) are laid end to end
 * from the left edge −(D + c/2), where D is the total share of the disagreeing levels and c the
 * neutral level's share (0 without one). So the disagreeing levels end at −c/2, the neutral level
 * runs from −c/2 to +c/2 and the agreeing levels start at +c/2. Non-substantive answers ("Ved
 * ikke", "Ikke relevant") are laid out apart, end to end from 0, so they never shift the
 * diverging part.
 *
 * By default every share is of everyone who answered, "ved ikke" included, exactly as the
 * distribution table of `report()` prints it: the 2021 report's Tabel 2.1 reads 41 / 46 / 10 and
 * so do the labels (the substantive segments then sum to the substantive share, not to 1).
 * `denominator: 'substantive'` gives the levels' shares of the substantive answers instead (they
 * sum to 1; 42 / 47 / 10 for the same data), as earlier versions did.
 *
 * Items are ordered by their agreement share (the scale's `agree` levels, over the same
 * denominator), highest first, unless `sort: 'input'`.
 *
 * @param items - coded columns, frequency tables, or `{ data, label?, id?, scale? }`; or a
 *   distribution table of `report()` (id `distribution:…`), one item per row, whose cells become
 *   the shares; a row's categories are its cells that are not `null`, so a table of items on two
 *   scales gives each item its own scale's categories (non-substantive ones from the row's scale
 *   in `options.scale`, else by name)
 * @param options - denominator, order and the scale for frequency tables and report tables
 * @returns rows, the item order, the categories with their sides and the axis extents; an item
 *   without answers has NaN shares and zero-width segments at 0
 * @throws TypeError when `items` is not an array or a report table, or an item is neither a
 *   column nor a frequency table; RangeError for a repeated item id, a scale whose levels do not
 *   match the table, an unknown `sort` or `denominator`
 * @example
 * const col = likert(['Slet ikke', 'I høj grad', 'I høj grad', 'Ved ikke'], scales.daDegree4);
 * divergingRows([{ id: 'q1', label: 'Tidlig indsats', data: col }]).rows
 *   .map((r) => [r.category, r.start, r.end, r.text]);
 * // [['Slet ikke', -0.25, 0, '25'], ['I mindre grad', 0, 0, '0'], ['I høj grad', 0, 0.5, '50'],
 * //  ['I meget høj grad', 0.5, 0.5, '0'], ['Ved ikke', 0, 0.25, '25'], ['Ikke relevant', 0.25, 0.25, '0']]
 * @see Heiberger & Robbins (2014), "Design of Diverging Stacked Bar Charts for Likert Scales and
 *   Other Applications", Journal of Statistical Software 57(5); R: `HH::likert`
 */
export function divergingRows(
  items: readonly DivergingInput[] | ReportTable,
  options: DivergingRowsOptions = {},
): DivergingRowsResult {
  checkOptionKeys('divergingRows', options, optionKeys<DivergingRowsOptions>({ sort: true, scale: true, denominator: true }));
  return layoutDiverging(FN, items, options);
}

/** {@link divergingRows} without the option-key check, for `divergingBars`. Internal. */
export function layoutDiverging(
  fn: string,
  input: readonly DivergingInput[] | ReportTable,
  options: DivergingRowsOptions,
): DivergingRowsResult {
  const items: readonly DivergingInput[] = isReportTable(input)
    ? distributionFrequencies(fn, input, options.scale).map((d) => ({
        id: d.item,
        label: d.label,
        data: d.data,
        ...(d.scale === undefined ? {} : { scale: d.scale }),
      }))
    : input;
  if (!Array.isArray(items)) {
    throw new TypeError(
      `${fn}: items must be an array of columns or frequency tables, or a distribution table of report(), got ${describeValue(items)}`,
    );
  }
  const sort = options.sort ?? 'agreement';
  if (sort !== 'agreement' && sort !== 'input') {
    throw new RangeError(`${fn}: unknown sort ${describeValue(sort)}; use 'agreement' or 'input'`);
  }
  const denominator = options.denominator ?? 'answered';
  if (denominator !== 'answered' && denominator !== 'substantive') {
    throw new RangeError(`${fn}: unknown denominator ${describeValue(denominator)}; use 'answered' or 'substantive'`);
  }
  const ofAnswered = denominator === 'answered';
  const fallbackScales = scaleList(options.scale);
  const prepared = items.map((item, i) => prepare(fn, item, i, fallbackScales));
  const seen = new Set<string>();
  for (const p of prepared) {
    if (seen.has(p.item)) {
      throw new RangeError(`${fn}: item id '${p.item}' occurs twice; give each item a distinct id`);
    }
    seen.add(p.item);
  }

  const summaries = prepared.map((p, position) => {
    let substantive = 0;
    let agreeing = 0;
    let agreeingShare = 0;
    for (const row of p.freq.rows) {
      if (row.kind !== 'level') continue;
      substantive += mass(row);
      if (p.agreeSet.has(row.label)) {
        agreeing += mass(row);
        agreeingShare += row.share;
      }
    }
    const answeredAny = p.freq.rows.some((row) => mass(row) > 0);
    const agreement = ofAnswered ? (answeredAny ? agreeingShare : Number.NaN) : agreeing / substantive;
    return { p, position, substantive, agreement };
  });
  if (sort === 'agreement') {
    // Highest agreement first; NaN (no substantive answers) last; ties keep the input order.
    summaries.sort((a, b) => {
      const x = Number.isNaN(a.agreement) ? -Infinity : a.agreement;
      const y = Number.isNaN(b.agreement) ? -Infinity : b.agreement;
      return y - x || a.position - b.position;
    });
  }

  const rows: DivergingRow[] = [];
  const categories: { category: string; side: DivergingSide }[] = [];
  const known = new Set<string>();
  let min = 0;
  let max = 0;
  let apartMax = 0;
  summaries.forEach(({ p, substantive, agreement }, itemOrder) => {
    const levelRows = p.freq.rows.filter((r) => r.kind === 'level');
    // Of the answers, the frequency table's own share (the number the distribution table prints);
    // of the substantive answers, the level's mass over theirs.
    const levelShares = levelRows.map((r) => (ofAnswered ? r.share : mass(r) / substantive));
    let disagreeing = 0;
    let neutralShare = 0;
    levelShares.forEach((share, i) => {
      if (!(share > 0)) return;
      if (p.sides[i] === 'disagree') disagreeing += share;
      else if (p.sides[i] === 'neutral') neutralShare += share;
    });
    // Segments laid end to end from the left edge, so that the neutral level straddles zero.
    let cursor = 0 - (disagreeing + neutralShare / 2); // 0 − x, never −0
    let levelIndex = 0;
    let apartCursor = 0;
    const answered = p.freq.n.answered;
    for (const row of p.freq.rows) {
      const isLevel = row.kind === 'level';
      const side: DivergingSide = isLevel ? (p.sides[levelIndex] as DivergingSide) : 'apart';
      const share = isLevel ? (levelShares[levelIndex] as number) : row.share;
      const width = Number.isNaN(share) ? 0 : share;
      let start: number;
      if (isLevel) {
        start = cursor;
        cursor += width;
        levelIndex++;
      } else {
        start = apartCursor;
        apartCursor += width;
      }
      const end = start + width;
      if (isLevel) {
        min = Math.min(min, start);
        max = Math.max(max, end);
      } else {
        apartMax = Math.max(apartMax, end);
      }
      if (!known.has(row.label)) {
        known.add(row.label);
        categories.push({ category: row.label, side });
      }
      rows.push({
        item: p.item,
        label: p.label,
        category: row.label,
        kind: isLevel ? (side === 'neutral' ? 'neutral' : 'level') : 'nonSubstantive',
        side,
        count: row.count,
        share,
        percent: roundPercent(share),
        text: percentLabel(share),
        n: isLevel && !ofAnswered ? p.freq.n.substantive : answered,
        start,
        end,
        itemOrder,
        categoryOrder: row.index,
        agreement,
      });
    }
  });

  return {
    rows,
    items: summaries.map(({ p, agreement }) => ({
      item: p.item,
      label: p.label,
      agreement,
      n: ofAnswered ? p.freq.n.answered : p.freq.n.substantive,
    })),
    categories,
    min: Math.max(-1, min),
    max: Math.min(1, max),
    apartMax,
    method: 'diverging-rows',
  };
}

/** Items drawn with the same answer categories, and those categories in scale order. Internal. */
export interface ScalePart {
  /** Item keys, in layout order. */
  readonly items: string[];
  /** The part's categories, levels lowest first, then the non-substantive answers. */
  readonly categories: { readonly category: string; readonly side: DivergingSide }[];
}

/**
 * Groups laid-out items by their answer categories: items on one scale form one part, and a
 * table of items on two scales (a challenge and a need) gives two, in the order their first
 * items come. Internal, for the charts that draw or colour each scale apart.
 */
export function scaleParts(rows: readonly Pick<DivergingRow, 'item' | 'category' | 'side'>[]): ScalePart[] {
  const byItem = new Map<string, { category: string; side: DivergingSide }[]>();
  for (const row of rows) {
    const list = byItem.get(row.item) ?? [];
    if (list.length === 0) byItem.set(row.item, list);
    list.push({ category: row.category, side: row.side });
  }
  const parts = new Map<string, { items: string[]; categories: { category: string; side: DivergingSide }[] }>();
  for (const [item, categories] of byItem) {
    const key = categories.map((c) => c.category).join('\u0000');
    const part = parts.get(key);
    if (part === undefined) parts.set(key, { items: [item], categories });
    else part.items.push(item);
  }
  return [...parts.values()];
}
