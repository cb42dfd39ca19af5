import { describeValue } from '../internal/validate';
import { addSums, scaleSum } from './doubleDouble';
import type {
  AttributeSummary,
  BySummary,
  GroupSummary,
  ItemSummary,
  PairSummary,
  SummaryItemWeights,
  SummarySum,
  SurveySummary,
} from './types';
import { assertSurveySummary } from './validateSummary';

/** Result of {@link mergeSummaries}: the summary of both parts' respondents together. */
export type MergeSummariesResult = SurveySummary;

/**
 * Adds two summaries of disjoint respondents (two shards, two files, two database partitions
 * of one survey) into the summary of all of them.
 *
 * Counts add. Weighted sums add as double-doubles (accurate to about 2⁻¹⁰⁶, so the merge order
 * changes no figure beyond the last bit or two). The squared weights of each part are kept at
 * its own power-of-two scale; the merge brings both to the smaller scale (that of the larger
 * weights), multiplying the other part's squares by the square of a power of two, which is
 * exact unless those squares are so small against the other part's (below 2⁻¹⁰⁷⁴ of them) that
 * they cannot change the sum. A part whose weights are all 0 takes the other's scale.
 * Attribute values and groups are matched by value and come out in code-unit order of their
 * value (`a < b` on the strings), as `summarize` gives them; size groups keep their labels'
 * order. So the merged summary is the same in whichever order the parts are merged.
 *
 * The two summaries must describe the same survey layout: the same items in the same order
 * with the same scales, both weighted or both not, the same `by` (name, size groups and cut
 * points) and the same pairs. Respondents cannot be checked for overlap: merging a part twice
 * counts it twice.
 *
 * @param a - a summary from `summarize` or `mergeSummaries`
 * @param b - a summary of other respondents, made the same way
 * @returns the merged summary (neither input is changed)
 * @throws TypeError when either is not a summary or has another version, and when they differ
 *   in items (their ids, labels, groups or topics), scales, weighting, `by` or pairs (the message
 *   names what differs)
 * @example
 * ```ts
 * const merged = mergeSummaries(summarize(north), summarize(south));
 * merged.respondents // north.size + south.size
 * codedMean(merged.items[0]).mean // as codedMean of the item over both
 * ```
 * @see Chan, Golub & LeVeque (1979), "Updating formulae and a pairwise algorithm for computing
 *   sample variances" (merging sufficient statistics of parts)
 */
export function mergeSummaries(a: SurveySummary, b: SurveySummary): MergeSummariesResult {
  const fn = 'mergeSummaries';
  assertSurveySummary(fn, a, 'a');
  assertSurveySummary(fn, b, 'b');
  const differ = (what: string): never => {
    throw new TypeError(`${fn}: a and b differ in ${what}; merge only summaries made by summarize() with the same survey definition, by and pairs`);
  };
  if (a.weighted !== b.weighted) differ(`weighting (a is ${a.weighted ? '' : 'un'}weighted, b is ${b.weighted ? '' : 'un'}weighted)`);
  const items = mergeItemLists(a.items, b.items, differ, 'items');
  // by
  let by: BySummary | null = null;
  if ((a.by === null) !== (b.by === null)) differ(`by (${a.by === null ? 'a has none' : `a is by "${a.by.name}"`}, ${b.by === null ? 'b has none' : `b is by "${b.by.name}"`})`);
  if (a.by !== null && b.by !== null) by = mergeBy(a.by, b.by, differ);
  // pairs
  if (a.pairs.length !== b.pairs.length) differ(`pairs (a has ${a.pairs.length}, b has ${b.pairs.length})`);
  const pairs = a.pairs.map((pa, k) => mergePair(pa, b.pairs[k] as PairSummary, k, differ));
  return {
    kind: 'survey-summary',
    version: 1,
    respondents: a.respondents + b.respondents,
    weighted: a.weighted,
    items,
    attributes: mergeAttributes(a.attributes, b.attributes, differ),
    by,
    pairs,
  };
}

type Differ = (what: string) => never;

const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);

function mergeItemLists(a: readonly ItemSummary[], b: readonly ItemSummary[], differ: Differ, where: string): ItemSummary[] {
  if (a.length !== b.length || a.some((item, k) => item.id !== (b[k] as ItemSummary).id)) {
    differ(`${where} (a: ${a.map((i) => `"${i.id}"`).join(', ') || 'none'}; b: ${b.map((i) => `"${i.id}"`).join(', ') || 'none'})`);
  }
  return a.map((item, k) => mergeItem(item, b[k] as ItemSummary, differ, where));
}

function mergeItem(a: ItemSummary, b: ItemSummary, differ: Differ, where: string): ItemSummary {
  if (!same(a.scale, b.scale)) differ(`the scale of item "${a.id}" in ${where} (a: ${a.scale.id}, b: ${b.scale.id})`);
  if (a.reverse !== b.reverse) differ(`whether item "${a.id}" is reverse-coded`);
  for (const key of ['label', 'group', 'topic'] as const) {
    if (a[key] !== b[key]) differ(`the ${key} of item "${a.id}" (a: ${JSON.stringify(a[key])}, b: ${JSON.stringify(b[key])})`);
  }
  return {
    ...a,
    counts: a.counts.map((c, k) => c + (b.counts[k] as number)),
    missing: a.missing + b.missing,
    invalid: a.invalid + b.invalid,
    weights: a.weights === null || b.weights === null ? null : mergeWeights(a.weights, b.weights),
  };
}

/** True when a part's squared weights are all zero (its scale carries no information). */
const noWeight = (w: SummaryItemWeights): boolean => w.squares.every((s) => s[0] === 0 && s[1] === 0) && w.sums.every((s) => s[0] === 0);

function mergeWeights(a: SummaryItemWeights, b: SummaryItemWeights): SummaryItemWeights {
  const scale = noWeight(a) ? b.scale : noWeight(b) ? a.scale : Math.min(a.scale, b.scale);
  // scale / part.scale is a power of two ≤ 1 (or the part is all zero); multiplying twice by
  // it rather than once by its square keeps it out of underflow for longer.
  const rescale = (part: SummaryItemWeights, s: SummarySum): SummarySum => {
    if (part.scale === scale) return s;
    const ratio = scale / part.scale;
    return scaleSum(scaleSum(s, ratio), ratio);
  };
  return {
    sums: a.sums.map((s, k) => addSums(s, b.sums[k] as SummarySum)),
    squares: a.squares.map((s, k) => addSums(rescale(a, s), rescale(b, b.squares[k] as SummarySum))),
    scale,
  };
}

function mergeBy(a: BySummary, b: BySummary, differ: Differ): BySummary {
  if (a.name !== b.name) differ(`by ("${a.name}" and "${b.name}")`);
  if (!same(a.breaks, b.breaks)) {
    differ(`the cut points of by "${a.name}" (${describeValue(a.breaks)} and ${describeValue(b.breaks)}: a median split needs a fixed reference to cut every part alike)`);
  }
  if (!same(a.sizeGroups, b.sizeGroups)) differ(`the size groups of by "${a.name}"`);
  const groups: GroupSummary[] = a.groups.map((g) => ({ ...g }));
  const index = new Map(groups.map((g, k) => [g.value, k]));
  for (const g of b.groups) {
    const k = index.get(g.value);
    if (k === undefined) {
      index.set(g.value, groups.length);
      groups.push(g);
      continue;
    }
    const mine = groups[k] as GroupSummary;
    groups[k] = {
      value: mine.value,
      respondents: mine.respondents + g.respondents,
      items: mergeItemLists(mine.items, g.items, differ, `group "${g.value}"`),
    };
  }
  // Size groups are already in their labels' order in both parts; other groups sort by value.
  if (a.sizeGroups === null) groups.sort((x, y) => compareText(x.value, y.value));
  return { name: a.name, sizeGroups: a.sizeGroups, breaks: a.breaks, groups, ungrouped: a.ungrouped + b.ungrouped };
}

function mergePair(a: PairSummary, b: PairSummary, k: number, differ: Differ): PairSummary {
  if (a.x !== b.x || a.y !== b.y) differ(`pairs[${k}] (a: ["${a.x}", "${a.y}"], b: ["${b.x}", "${b.y}"])`);
  if (a.rows !== b.rows || a.columns !== b.columns || !same(a.xCodes, b.xCodes) || !same(a.yCodes, b.yCodes)) {
    differ(`the levels or codes of pair ["${a.x}", "${a.y}"]`);
  }
  return { ...a, counts: a.counts.map((c, i) => c + (b.counts[i] as number)), respondents: a.respondents + b.respondents };
}

function mergeAttributes(a: readonly AttributeSummary[], b: readonly AttributeSummary[], differ: Differ): AttributeSummary[] {
  if (!same(a.map((x) => x.name), b.map((x) => x.name))) {
    differ(`categorical attributes (a: ${a.map((x) => `"${x.name}"`).join(', ') || 'none'}; b: ${b.map((x) => `"${x.name}"`).join(', ') || 'none'})`);
  }
  return a.map((attribute, k) => {
    const other = b[k] as AttributeSummary;
    const categories = attribute.categories.map((c) => ({ ...c }));
    const index = new Map(categories.map((c, i) => [c.value, i]));
    for (const c of other.categories) {
      const i = index.get(c.value);
      if (i === undefined) {
        index.set(c.value, categories.length);
        categories.push({ ...c });
        continue;
      }
      const mine = categories[i] as (typeof categories)[number];
      categories[i] = {
        value: mine.value,
        count: mine.count + c.count,
        weight: mine.weight === null || c.weight === null ? null : addSums(mine.weight, c.weight),
      };
    }
    categories.sort((x, y) => compareText(x.value, y.value));
    return { name: attribute.name, categories, missing: attribute.missing + other.missing };
  });
}

/** Code-unit order of two strings (`a < b`), the same in every locale and engine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The sum of two item summaries of the same item (no checks: callers match them). Internal. */
export function addItems(a: ItemSummary, b: ItemSummary): ItemSummary {
  return mergeItem(a, b, (what) => {
    throw new TypeError(`mergeSummaries: items differ in ${what}`);
  }, 'items');
}

/** An item summary of nobody, shaped as `template` (zero counts; zero weights when weighted). Internal. */
export function emptyItem(template: ItemSummary): ItemSummary {
  const zeros = (): SummarySum[] => template.counts.map(() => [0, 0] as const);
  return {
    ...template,
    counts: template.counts.map(() => 0),
    missing: 0,
    invalid: 0,
    weights: template.weights === null ? null : { sums: zeros(), squares: zeros(), scale: 1 },
  };
}
