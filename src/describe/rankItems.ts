import type { Survey } from '../data/survey';
import { assertOneOf, describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { agreementShare } from './agreementShare';
import { codedMean } from './codedMean';
import type { LikertColumn } from '../data/types';
import type { ItemSummary, SurveySummary } from '../summary/types';
import { assertSurveySummary, isSurveySummary } from '../summary/validateSummary';

/** Options of {@link rankItems}. */
export interface RankItemsOptions {
  /**
   * Rank by agreement share (`'agreement'`, default) or by coded mean (`'mean'`). Named as
   * `report`'s `rankBy`; `by` is the grouping everywhere else.
   */
  readonly rankBy?: 'agreement' | 'mean';
  /** How many places to list per group (default 3). Tied items at the boundary are all listed. */
  readonly top?: number;
  /** The items to rank (default: every item of the survey). */
  readonly items?: readonly string[];
  /** Denominator of the agreement shares: `'answered'` (default) or `'substantive'`. */
  readonly denominator?: 'answered' | 'substantive';
  /** Name of the group of items that have no `group` (default `'(no group)'`). */
  readonly ungrouped?: string;
}

/** One listed item of a group in a {@link RankItemsResult}. */
export interface RankedItem {
  readonly item: string;
  readonly label: string;
  readonly topic: string | null;
  /** The agreement share or the coded mean. */
  readonly value: number;
  /** Competition rank within the group, 1 for the largest value. */
  readonly rank: number;
  /** The denominator of the share, or the number of substantive answers for a mean. */
  readonly n: number;
}

/** How often a topic is among a group's top items. */
export interface TopicCount {
  readonly topic: string;
  /** Groups in which an item of this topic has rank <= top. */
  readonly inTop: number;
  /** Groups in which the topic was asked (has an item among those ranked). */
  readonly groups: number;
  /** inTop / groups. */
  readonly share: number;
}

/** Result of {@link rankItems}: plain data. */
export interface RankItemsResult {
  readonly groups: readonly { readonly group: string; readonly items: readonly RankedItem[] }[];
  /** Topics, most often in a top list first. */
  readonly topics: readonly TopicCount[];
  readonly rankBy: 'agreement' | 'mean';
  readonly top: number;
  readonly method: 'ranking';
}

/**
 * The top items within each group of items, by agreement share or by coded mean: "the three
 * largest challenges for each of the 17 target groups".
 *
 * Items are grouped by their `group` (items without one form a group named by `ungrouped`),
 * groups in order of first appearance among the items. Within a group the items are sorted by
 * value, largest first, and given competition ranks ("1224": tied items share the best rank, and
 * the next rank skips the tied places). Every item whose rank is at most `top` is listed, so a
 * group lists more than `top` items when there is a tie at the boundary (ranks 1, 2, 3, 3 for
 * top 3). Tied items keep the order in which they were defined. Items whose value is undefined
 * (nobody answered) are not ranked. A weighted survey ranks by its weighted shares or means (the
 * items' columns carry the weights).
 *
 * Across groups, for items that carry a `topic` (the same sub-question asked in every group),
 * each topic's `inTop` counts the groups in which one of its items is listed, out of the `groups`
 * in which it was ranked; topics are sorted by `inTop`, then `share`, largest first, ties in
 * order of first appearance.
 *
 * @param survey - the survey, or a summary of it (same result)
 * @param options - `rankBy`, `top`, `items`, `denominator`, `ungrouped`
 * @returns the listed items per group and the topic counts; never NaN (undefined values are
 *   left out)
 * @throws RangeError for an unknown item, a `top` that is not a positive integer, or a bad `rankBy`
 *   or `denominator`; TypeError when `survey` is not a survey
 * @example
 * ```ts
 * // items a1, a2, a3, a4 in group 'A' with agreement shares 0.8, 0.5, 0.5, 0.2
 * rankItems(s, { top: 2 }).groups[0].items.map((i) => [i.item, i.rank]);
 * // [['a1', 1], ['a2', 2], ['a3', 2]]
 * ```
 * @see R `rank(-x, ties.method = 'min')` for competition ranks
 */
export function rankItems<I extends string>(survey: Survey<I> | SurveySummary, options: RankItemsOptions = {}): RankItemsResult {
  checkOptionKeys('rankItems', options, optionKeys<RankItemsOptions>({ rankBy: true, top: true, items: true, denominator: true, ungrouped: true }));
  const fn = 'rankItems';
  const summary = isSurveySummary(survey) ? survey : null;
  if (summary !== null) assertSurveySummary(fn, summary);
  else if (survey === null || typeof survey !== 'object' || (survey as Survey<I>).kind !== 'survey') {
    throw new TypeError(`${fn}: expected a survey made by survey() or a summary made by summarize(), got ${describeValue(survey)}`);
  }
  const items: readonly { readonly id: string; readonly label: string; readonly group: string | null; readonly topic: string | null }[] =
    (summary ?? (survey as Survey<I>)).items;
  const summaryItems = new Map((summary?.items ?? []).map((it) => [it.id, it]));
  const input = (id: string): LikertColumn | ItemSummary =>
    summary === null ? (survey as Survey<I>).item(id as I) : (summaryItems.get(id) as ItemSummary);
  const rankBy = options.rankBy ?? 'agreement';
  assertOneOf(fn, rankBy, ['agreement', 'mean'] as const, 'rankBy');
  const top = options.top ?? 3;
  if (typeof top !== 'number' || !Number.isInteger(top) || top < 1) {
    throw new RangeError(`${fn}: top must be a positive integer (e.g. 3), got ${describeValue(top)}`);
  }
  const denominator = options.denominator ?? 'answered';
  assertOneOf(fn, denominator, ['answered', 'substantive'] as const, 'denominator');
  const ungrouped = options.ungrouped ?? '(no group)';

  let chosen = items;
  if (options.items !== undefined) {
    if (!Array.isArray(options.items)) {
      throw new TypeError(`${fn}: items must be an array of item ids, got ${describeValue(options.items)}`);
    }
    const byId = new Map(items.map((it) => [it.id as string, it]));
    chosen = options.items.map((id) => {
      const meta = byId.get(id);
      if (meta === undefined) {
        throw new RangeError(`${fn}: no item "${id}"; the items are ${items.map((it) => `"${it.id}"`).join(', ')}`);
      }
      return meta;
    });
  }

  // Values per group, in order of first appearance.
  const groups = new Map<string, { item: string; label: string; topic: string | null; value: number; n: number }[]>();
  for (const meta of chosen) {
    const column = input(meta.id);
    let value: number;
    let n: number;
    if (rankBy === 'agreement') {
      const share = agreementShare(column, { denominator });
      value = share.estimate;
      n = share.n;
    } else {
      const mean = codedMean(column);
      value = mean.mean;
      n = mean.n;
    }
    const group = meta.group ?? ungrouped;
    let list = groups.get(group);
    if (list === undefined) {
      list = [];
      groups.set(group, list);
    }
    list.push({ item: meta.id, label: meta.label, topic: meta.topic, value, n });
  }

  const topics = new Map<string, { inTop: number; groups: number }>();
  const result: { group: string; items: RankedItem[] }[] = [];
  for (const [group, list] of groups) {
    // Stable sort, largest first; undefined values are not ranked.
    const ranked = list.filter((entry) => !Number.isNaN(entry.value)).sort((x, y) => y.value - x.value);
    const listed: RankedItem[] = [];
    for (let i = 0; i < ranked.length; i++) {
      const entry = ranked[i] as (typeof ranked)[number];
      // Competition rank: one more than the number of strictly larger values.
      const previous = listed[i - 1];
      const rank = previous !== undefined && (ranked[i - 1] as typeof entry).value === entry.value ? previous.rank : i + 1;
      if (rank > top) break;
      listed.push({ ...entry, rank });
    }
    result.push({ group, items: listed });

    const asked = new Set<string>();
    for (const entry of ranked) if (entry.topic !== null) asked.add(entry.topic);
    const inTop = new Set<string>();
    for (const entry of listed) if (entry.topic !== null) inTop.add(entry.topic);
    for (const topic of asked) {
      const count = topics.get(topic) ?? { inTop: 0, groups: 0 };
      count.groups++;
      if (inTop.has(topic)) count.inTop++;
      topics.set(topic, count);
    }
  }

  const topicRows: TopicCount[] = [...topics].map(([topic, count]) => ({
    topic,
    inTop: count.inTop,
    groups: count.groups,
    share: count.inTop / count.groups,
  }));
  topicRows.sort((x, y) => y.inTop - x.inTop || y.share - x.share);
  return { groups: result, topics: topicRows, rankBy, top, method: 'ranking' };
}
