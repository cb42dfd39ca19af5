import type { SizeGrouping } from '../data/sizeGroups';
import type { Survey } from '../data/survey';
import { columnCodes } from '../data/columnData';
import { surveyFrame, type SurveyItem } from '../data/surveyObject';
import type { Scale } from '../scale/types';
import { resolveGroups } from '../describe/compareGroups';
import { columnTally } from '../engine/tally';
import { jointCounts, levelPlanes } from '../engine/joint';
import { layoutLevelPlanes } from '../engine/wasmKernel';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { powerOfTwoScale } from '../math/moments';
import { addDouble, toSum, type Accumulator } from './doubleDouble';
import type {
  AttributeSummary,
  BySummary,
  GroupSummary,
  ItemSummary,
  PairSummary,
  SummaryItemWeights,
  SummaryScale,
  SurveySummary,
} from './types';

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  /**
   * Split every item's tallies by a categorical attribute (`'region'`) or by size groups of a
   * numeric attribute (`{ attribute: 'population', breaks: [50000, 100000] }`, or a median
   * split with a fixed `reference`, so that every part cuts at the same value).
   */
  readonly by?: string | SizeGrouping;
  /** Item pairs whose joint counts to keep: explicit `[x, y]` pairs, or `'all'` for every unordered pair. */
  readonly pairs?: readonly (readonly [string, string])[] | 'all';
}

/** Result of {@link summarize}: the plain JSON `SurveySummary`. */
export type SummarizeResult = SurveySummary;

/**
 * The sufficient statistics of a survey as plain JSON: per item the count of every category,
 * missing and invalid cells (and in a weighted survey Σw and Σw² per category), per
 * categorical attribute the respondents per value, optionally the same item tallies per group
 * of `by`, and the joint counts of the substantive levels of the requested item pairs.
 *
 * The values of an attribute and the groups of a categorical `by` are in code-unit order of
 * their value (`a < b` on the strings), size groups in their labels' order: a summary does not
 * depend on the order of the rows, on how the data were split, or on which engine made it.
 *
 * Summaries of disjoint respondents add up with `mergeSummaries`, so a survey can be
 * summarised per shard (per file, per database partition, per worker) and reported once. The
 * statistics that need no more than these counts accept a summary in place of a column or a
 * survey: `frequencies`, `agreementShare`, `disagreementShare` and `codedMean` an item
 * (`summary.items[k]`), `pearson` a pair (`summary.pairs[k]`), `correlate`, `compareGroups`
 * and `rankItems` the summary itself.
 *
 * Counts are integers. Weighted sums are double-doubles (see `SummarySum`), accumulated with
 * TwoSum; the squared weights are taken after multiplying by the power of two at the largest
 * weight (`weights.scale`), so that weights near 1e-170 or 1e300 neither underflow nor
 * overflow. Equal weights give sums that are exact.
 *
 * @param s - a survey from `survey()` (filtered or weighted alike)
 * @param options - `by` and `pairs`
 * @returns the summary; `JSON.parse(JSON.stringify(summary))` is an equal summary
 * @throws TypeError for something that is not a survey, a malformed option or an unknown option key;
 *   RangeError for an unknown attribute or item, or a pair of an item with itself
 * @example
 * ```ts
 * const summary = summarize(s, { by: 'region', pairs: [['q1', 'q2']] });
 * summary.items[0].counts;         // [3, 5, 10, 2, 1, 0]: per level, then "Ved ikke", "Ikke relevant"
 * agreementShare(summary.items[0]) // as agreementShare(s.item('q1'))
 * ```
 * @see R: `table(factor(x, levels = …))` per item and `table(x, y)` per pair, which are what it stores
 */
export function summarize(s: Survey, options: SummarizeOptions = {}): SummarizeResult {
  const fn = 'summarize';
  checkOptionKeys(fn, options, optionKeys<SummarizeOptions>({ by: true, pairs: true }));
  if (s === null || typeof s !== 'object' || s.kind !== 'survey') {
    throw new TypeError(`${fn}: expected a survey from survey(); got ${describeValue(s)}`);
  }
  const pairs = pairList(fn, s, options.pairs);
  const weights = s.weights;
  const cells = surveyCells(s);
  return {
    kind: 'survey-summary',
    version: 1,
    respondents: s.size,
    weighted: weights !== null,
    items: itemSummaries(s, weights, cells),
    attributes: attributeSummaries(s, weights),
    by: options.by === undefined ? null : bySummary(fn, s, options.by, cells),
    pairs: pairSummaries(s, pairs, cells),
  };
}

/**
 * What the summary reads of a survey: each item's base codes (no copy) and the survey's
 * respondents among the base rows (null: all of them, in order).
 */
interface SurveyCells {
  readonly codes: ReadonlyMap<string, Int8Array>;
  readonly rows: Int32Array | null;
  readonly size: number;
}

function surveyCells(s: Survey): SurveyCells {
  const frame = surveyFrame(s);
  const codes = new Map<string, Int8Array>();
  for (const [id, column] of frame.columns) codes.set(id, columnCodes(column));
  return { codes, rows: frame.rows(), size: frame.size };
}

/** The summaries of every item of `s` (weighted when `weights`, in survey order, is not null). */
function itemSummaries(s: Survey, weights: Float64Array | null, cells: SurveyCells): ItemSummary[] {
  return s.items.map((meta) => {
    const column = s.item(meta.id);
    const tally = columnTally(column, null);
    return {
      ...itemHead(meta, column.scale),
      counts: Array.from(tally.counts),
      missing: tally.missing,
      invalid: tally.invalid,
      weights: weights === null ? null : (groupWeights(cells.codes.get(meta.id) as Int8Array, cells.rows, weights, null, 1, column.scale.categories.length)[0] as SummaryItemWeights),
    };
  });
}

/** What an item summary says of its item, before its counts: id, wording, grouping, coding and scale. */
function itemHead(meta: SurveyItem, scale: Scale): Pick<ItemSummary, 'kind' | 'id' | 'label' | 'group' | 'topic' | 'reverse' | 'scale'> {
  return { kind: 'item-summary', id: meta.id, label: meta.label, group: meta.group, topic: meta.topic, reverse: meta.reverse, scale: summaryScale(scale) };
}

function summaryScale(scale: Scale): SummaryScale {
  return {
    id: scale.id,
    levels: scale.levels.slice(),
    codes: scale.codes.slice(),
    agree: scale.agree.slice(),
    disagree: scale.disagree.slice(),
    neutral: scale.neutral,
    nonSubstantive: scale.nonSubstantive.slice(),
    reversed: scale.reversed,
  };
}

/**
 * Per group, Σw and Σ(w·scale)² per category as double-doubles over the group's answered cells
 * (as `tallyWeights`, whose rescaling rule it shares), in one pass over the survey's cells:
 * `base` the item's base codes, `rows` the survey's base positions (null: all), `weights` one
 * per respondent in survey order, `group` the group of each respondent (−1: none; null: all in
 * group 0). Each group's cells are added in survey order, as over that group's own survey.
 */
function groupWeights(
  base: Int8Array,
  rows: Int32Array | null,
  weights: Float64Array,
  group: Int32Array | null,
  groupCount: number,
  categoryCount: number,
): SummaryItemWeights[] {
  const size = weights.length;
  const largest = new Float64Array(groupCount);
  for (let r = 0; r < size; r++) {
    const g = group === null ? 0 : (group[r] as number);
    if (g < 0) continue;
    if ((base[rows === null ? r : (rows[r] as number)] as number) >= 0) largest[g] = Math.max(largest[g] as number, weights[r] as number);
  }
  const scales = Array.from(largest, (value) => powerOfTwoScale(value));
  const sums: Accumulator[][] = scales.map(() => Array.from({ length: categoryCount }, () => ({ hi: 0, lo: 0 })));
  const squares: Accumulator[][] = scales.map(() => Array.from({ length: categoryCount }, () => ({ hi: 0, lo: 0 })));
  for (let r = 0; r < size; r++) {
    const g = group === null ? 0 : (group[r] as number);
    if (g < 0) continue;
    const code = base[rows === null ? r : (rows[r] as number)] as number;
    if (code < 0) continue;
    const w = weights[r] as number;
    const scaled = w * (scales[g] as number);
    addDouble((sums[g] as Accumulator[])[code] as Accumulator, w);
    addDouble((squares[g] as Accumulator[])[code] as Accumulator, scaled * scaled);
  }
  return scales.map((scale, g) => ({ sums: (sums[g] as Accumulator[]).map(toSum), squares: (squares[g] as Accumulator[]).map(toSum), scale }));
}

/**
 * Respondents (and Σw) per value of every categorical attribute, values in code-unit order
 * (`a < b` on the strings), so that the summary does not depend on the order of the rows.
 */
function attributeSummaries(s: Survey, weights: Float64Array | null): AttributeSummary[] {
  const names = Object.keys(s.attributes).filter((name) => s.attributes[name] === 'category');
  return names.map((name) => {
    const values = s.category(name);
    // A Map, not an object: values such as "__proto__" or "constructor" are ordinary keys here.
    const found = new Map<string, { count: number; weight: Accumulator }>();
    let missing = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === null || value === undefined) {
        missing++;
        continue;
      }
      let entry = found.get(value);
      if (entry === undefined) {
        entry = { count: 0, weight: { hi: 0, lo: 0 } };
        found.set(value, entry);
      }
      entry.count++;
      if (weights !== null) addDouble(entry.weight, weights[i] as number);
    }
    const categories = [...found].sort(([a], [b]) => compareText(a, b)).map(([value, entry]) => ({
      value,
      count: entry.count,
      weight: weights === null ? null : toSum(entry.weight),
    }));
    return { name, categories, missing };
  });
}

function bySummary(fn: string, s: Survey, by: string | SizeGrouping, cells: SurveyCells): BySummary {
  if (Array.isArray(by)) {
    throw new TypeError(
      `${fn}: by must be a categorical attribute name or a size grouping { attribute, breaks } / { attribute, split: 'median', reference }; labels per respondent cannot be matched across summaries`,
    );
  }
  const resolved = resolveGroups(fn, s, by);
  const isSize = typeof by !== 'string';
  // Size groups keep their labels' order (empty groups included); the groups of a categorical
  // attribute come in code-unit order of their values, as in every summary however it was made.
  const order: string[] = [...resolved.labels];
  const known = new Set(order);
  const found: string[] = [];
  let ungrouped = 0;
  for (const g of resolved.groups) {
    if (g === null) ungrouped++;
    else if (!known.has(g)) {
      known.add(g);
      found.push(g);
    }
  }
  order.push(...found.sort(compareText));
  // Each respondent's group as a number (−1: none), then every item's cells counted per group
  // in one pass: no survey per group.
  const groupCount = order.length;
  const numberOf = new Map(order.map((value, g) => [value, g]));
  const group = new Int32Array(cells.size);
  const respondents = new Array<number>(groupCount).fill(0);
  for (let r = 0; r < cells.size; r++) {
    const label = resolved.groups[r];
    const g = label === null || label === undefined ? -1 : (numberOf.get(label) as number);
    group[r] = g;
    if (g >= 0) respondents[g]!++;
  }
  const weights = s.weights;
  const perItem = s.items.map((meta) => {
    const column = s.item(meta.id);
    const base = cells.codes.get(meta.id) as Int8Array;
    const categoryCount = column.scale.categories.length;
    return {
      meta,
      scale: column.scale,
      categoryCount,
      slots: groupCounts(base, cells.rows, group, groupCount, categoryCount + 2),
      weights: weights === null ? null : groupWeights(base, cells.rows, weights, group, groupCount, categoryCount),
    };
  });
  const groups: GroupSummary[] = order.map((value, g) => ({
    value,
    respondents: respondents[g] as number,
    items: perItem.map(({ meta, scale, categoryCount, slots, weights: w }): ItemSummary => {
      const at = g * (categoryCount + 2);
      const counts: number[] = [];
      for (let k = 0; k < categoryCount; k++) counts.push(slots[at + 2 + k] as number);
      return {
        ...itemHead(meta, scale),
        counts,
        missing: slots[at + 1] as number,
        invalid: slots[at] as number,
        weights: w === null ? null : (w[g] as SummaryItemWeights),
      };
    }),
  }));
  return {
    name: typeof by === 'string' ? by : by.attribute,
    sizeGroups: isSize ? resolved.labels.slice() : null,
    breaks: isSize && resolved.breaks !== null ? resolved.breaks.slice() : null,
    groups,
    ungrouped,
  };
}

/** Code-unit order of two strings (`a < b`), the same in every locale and engine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pairList(fn: string, s: Survey, pairs: SummarizeOptions['pairs']): [string, string][] {
  const ids = s.items.map((item) => item.id);
  if (pairs === undefined) return [];
  if (pairs === 'all') {
    const all: [string, string][] = [];
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) all.push([ids[i] as string, ids[j] as string]);
    return all;
  }
  if (!Array.isArray(pairs)) {
    throw new TypeError(`${fn}: pairs must be 'all' or an array of [x, y] item pairs; got ${describeValue(pairs)}`);
  }
  const known = new Set(ids);
  const seen = new Set<string>();
  const list: [string, string][] = [];
  pairs.forEach((pair: unknown, index) => {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new TypeError(`${fn}: pairs[${index}] must be [x, y], two item ids; got ${describeValue(pair)}`);
    }
    const [x, y] = pair as [string, string];
    for (const name of [x, y]) {
      if (!known.has(name)) {
        throw new RangeError(`${fn}: pairs[${index}] names "${name}", which is not an item of the survey; the items are ${ids.map((id) => `"${id}"`).join(', ')}`);
      }
    }
    if (x === y) throw new RangeError(`${fn}: pairs[${index}] pairs "${x}" with itself; drop it`);
    const key = x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push([x, y]);
  });
  return list;
}

/**
 * Cells per group and code + 2 (slot 0 invalid, 1 missing, then the categories), `width` slots
 * per group: one pass over the survey's cells of `base` with the group of each respondent.
 */
function groupCounts(base: Int8Array, rows: Int32Array | null, group: Int32Array, groupCount: number, width: number): Int32Array {
  const slots = new Int32Array(groupCount * width);
  for (let r = 0; r < group.length; r++) {
    const g = group[r] as number;
    if (g < 0) continue;
    slots[g * width + (base[rows === null ? r : (rows[r] as number)] as number) + 2]!++;
  }
  return slots;
}

/**
 * The joint counts of the substantive levels of every pair, from bit planes. Each item in a
 * pair is read once into one bitset per level over the survey's respondents (bit r of word
 * ⌊r/32⌋ set when respondent r answered that level), so a pair's count n_ij is the number of
 * set bits of (level i of x) ∧ (level j of y): 32 respondents per AND and popcount (128 in the
 * WebAssembly SIMD kernel, used where it loads), and no respondent outside the survey is read.
 */
function pairSummaries(s: Survey, pairs: readonly (readonly [string, string])[], cells: SurveyCells): PairSummary[] {
  if (pairs.length === 0) return [];
  const words = (cells.size + 31) >>> 5;
  const index = new Map<string, number>();
  const items: { planes: Int32Array; levels: number }[] = [];
  for (const pair of pairs) {
    for (const id of pair) {
      if (index.has(id)) continue;
      const k = s.item(id).scale.levels.length;
      index.set(id, items.length);
      items.push({ planes: levelPlanes(cells.codes.get(id) as Int8Array, cells.rows, cells.size, k, words), levels: k });
    }
  }
  const wasm = layoutLevelPlanes(items, words);
  return pairs.map(([x, y]) => {
    const sx = s.item(x).scale;
    const sy = s.item(y).scale;
    const ix = index.get(x) as number;
    const iy = index.get(y) as number;
    const rows = sx.levels.length;
    const columns = sy.levels.length;
    const counts = wasm !== null ? wasm.table(ix, iy) : jointCounts((items[ix] as { planes: Int32Array }).planes, (items[iy] as { planes: Int32Array }).planes, words, rows, columns);
    return {
      x,
      y,
      rows,
      columns,
      counts,
      xCodes: sx.codes.slice(),
      yCodes: sy.codes.slice(),
      respondents: s.size,
    };
  });
}
