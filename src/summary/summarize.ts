import type { SizeGrouping } from '../data/sizeGroups';
import type { Survey } from '../data/survey';
import type { LikertColumn } from '../data/types';
import { resolveGroups } from '../describe/compareGroups';
import { columnTally } from '../engine/tally';
import { crossTabulateLevels } from '../inference/crossTab';
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
  return {
    kind: 'survey-summary',
    version: 1,
    respondents: s.size,
    weighted: weights !== null,
    items: itemSummaries(s, weights),
    attributes: attributeSummaries(s, weights),
    by: options.by === undefined ? null : bySummary(fn, s, options.by),
    pairs: pairs.map(([x, y]) => pairSummary(s, x, y)),
  };
}

/** The summaries of every item of `s` (weighted when `weights` is not null). */
function itemSummaries(s: Survey, weights: Float64Array | null): ItemSummary[] {
  return s.items.map((meta) => {
    const column = s.item(meta.id);
    const tally = columnTally(column, null);
    return {
      kind: 'item-summary',
      id: meta.id,
      label: meta.label,
      group: meta.group,
      topic: meta.topic,
      reverse: meta.reverse,
      scale: summaryScale(column),
      counts: Array.from(tally.counts),
      missing: tally.missing,
      invalid: tally.invalid,
      weights: weights === null ? null : weightedTally(column, weights),
    };
  });
}

function summaryScale(column: LikertColumn): SummaryScale {
  const scale = column.scale;
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
 * Σw and Σ(w·scale)² per category as double-doubles, over the answered cells (as
 * `tallyWeights`, whose rescaling rule it shares). Reads the column's public copy of its codes:
 * the weighted sums are made here, once per summary, not on a dashboard's hot path.
 */
function weightedTally(column: LikertColumn, weights: Float64Array): SummaryItemWeights {
  const codes = column.codes;
  const categoryCount = column.scale.categories.length;
  let largest = 0;
  for (let i = 0; i < codes.length; i++) if ((codes[i] as number) >= 0) largest = Math.max(largest, weights[i] as number);
  const scale = powerOfTwoScale(largest);
  const sums: Accumulator[] = Array.from({ length: categoryCount }, () => ({ hi: 0, lo: 0 }));
  const squares: Accumulator[] = Array.from({ length: categoryCount }, () => ({ hi: 0, lo: 0 }));
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (code < 0) continue;
    const w = weights[i] as number;
    const scaled = w * scale;
    addDouble(sums[code] as Accumulator, w);
    addDouble(squares[code] as Accumulator, scaled * scaled);
  }
  return { sums: sums.map(toSum), squares: squares.map(toSum), scale };
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

function bySummary(fn: string, s: Survey, by: string | SizeGrouping): BySummary {
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
  const weights = s.weights;
  const groups: GroupSummary[] = order.map((value) => {
    const keep = resolved.groups.map((g) => g === value);
    const part = s.filter(keep);
    return { value, respondents: part.size, items: itemSummaries(part, weights === null ? null : part.weights) };
  });
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

function pairSummary(s: Survey, x: string, y: string): PairSummary {
  const cx = s.item(x);
  const cy = s.item(y);
  const table = crossTabulateLevels(cx, cy);
  return {
    x,
    y,
    rows: table.rows,
    columns: table.columns,
    counts: Array.from(table.counts),
    xCodes: cx.scale.codes.slice(),
    yCodes: cy.scale.codes.slice(),
    respondents: s.size,
  };
}
