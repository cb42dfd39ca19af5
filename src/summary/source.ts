/**
 * The one road from a column or an item summary to the figures of a single item. A coded
 * column is tallied by `columnTally`; an `ItemSummary` already is a tally and is read back into
 * the same `CategoryTally`, so frequencies, agreement shares and coded means run the same code
 * on both. Internal: never re-exported from `src/index.ts`.
 */
import type { ColumnCounts, LikertColumn } from '../data/types';
import { columnTally, ownWeightsTally, type CategoryTally } from '../engine/tally';
import { assertLikertColumn } from '../describe/assertColumn';
import { resolveWeights } from '../describe/weights';
import { describeValue } from '../internal/validate';
import type { ItemSummary, SummarySum } from './types';

/** What the single-item statistics need of a scale: the same fields on a `Scale` and a `SummaryScale`. */
export interface TallyScale {
  readonly id: string;
  readonly levels: readonly string[];
  readonly codes: readonly number[];
  readonly agree: readonly string[];
  readonly disagree: readonly string[];
  readonly categories: readonly string[];
}

/** A tallied item: its scale, its cell accounting and its category tally. */
export interface TallySource {
  readonly scale: TallyScale;
  readonly n: ColumnCounts;
  readonly tally: CategoryTally;
}

/** True for something shaped as an `ItemSummary` (its kind tag). */
export function isItemSummary(value: unknown): value is ItemSummary {
  return value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'item-summary';
}

/** The value of a double-double sum. */
export const sumValue = (sum: SummarySum): number => sum[0] + sum[1];

/**
 * The cell accounting of a tally: answered = Σ counts, substantive = Σ counts of the levels,
 * total = answered + missing + invalid.
 */
export function tallyCounts(tally: CategoryTally, levelCount: number): ColumnCounts {
  let answered = 0;
  let substantive = 0;
  for (let k = 0; k < tally.counts.length; k++) {
    const c = tally.counts[k] as number;
    answered += c;
    if (k < levelCount) substantive += c;
  }
  return {
    total: answered + tally.missing + tally.invalid,
    answered,
    substantive,
    missing: tally.missing,
    invalid: tally.invalid,
    nonSubstantive: answered - substantive,
  };
}

/**
 * The tally of an item summary: the counts as they are, and in a weighted summary Σw and the
 * rescaled Σw² per category, each double-double rounded once to a double.
 */
export function itemSummaryTally(item: ItemSummary): CategoryTally {
  const counts = Float64Array.from(item.counts);
  if (item.weights === null) return { counts, missing: item.missing, invalid: item.invalid, weights: null };
  const sums = Float64Array.from(item.weights.sums, sumValue);
  const squares = Float64Array.from(item.weights.squares, sumValue);
  return { counts, missing: item.missing, invalid: item.invalid, weights: { sums, squares, scale: item.weights.scale } };
}

/**
 * Checks that `value` is an item summary of a sound shape (so that a hand-edited or truncated
 * JSON file fails here, with the function's name, not later as NaN). Throws a TypeError.
 */
export function assertItemSummary(fn: string, value: unknown, where = 'the item summary'): asserts value is ItemSummary {
  const item = value as Partial<ItemSummary>;
  const fail = (what: string): never => {
    throw new TypeError(`${fn}: ${where} ${what}; pass an item of a summary made by summarize() or mergeSummaries()`);
  };
  if (!isItemSummary(value)) fail(`is not an item summary (got ${describeValue(value)})`);
  const scale = item.scale;
  if (scale === null || typeof scale !== 'object' || !Array.isArray(scale.levels) || !Array.isArray(scale.codes) || !Array.isArray(scale.nonSubstantive) || !Array.isArray(scale.agree) || !Array.isArray(scale.disagree)) {
    fail('has no scale with levels, codes, agree, disagree and nonSubstantive');
  }
  const categoryCount = (scale as ItemSummary['scale']).levels.length + (scale as ItemSummary['scale']).nonSubstantive.length;
  if (!Array.isArray(item.counts) || item.counts.length !== categoryCount || !item.counts.every(isCount)) {
    fail(`must have ${categoryCount} counts (one per category), each an integer >= 0`);
  }
  if (!isCount(item.missing) || !isCount(item.invalid)) fail('must have integer missing and invalid counts >= 0');
  if (item.weights !== null) {
    const w = item.weights;
    if (w === undefined || typeof w !== 'object' || !Array.isArray(w.sums) || !Array.isArray(w.squares) || w.sums.length !== categoryCount || w.squares.length !== categoryCount || !w.sums.every(isSum) || !w.squares.every(isSum) || typeof w.scale !== 'number' || !(w.scale > 0)) {
      fail(`has weights that are not ${categoryCount} sums and squares ([hi, lo] pairs) with a positive scale`);
    }
  }
}

const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isSum = (value: unknown): boolean =>
  Array.isArray(value) && value.length === 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);

/**
 * The tally behind `fn(input, options)`: a column through `columnTally` (with its own or the
 * given weights), an item summary through {@link itemSummaryTally} (its weights unless
 * `weights` is null; an array of weights cannot apply to a summary and is an error).
 */
export function tallySource(fn: string, input: unknown, weights: ArrayLike<number> | null | undefined): TallySource {
  if (isItemSummary(input)) {
    assertItemSummary(fn, input);
    if (weights !== undefined && weights !== null) {
      throw new TypeError(`${fn}: weights cannot be given with an item summary (its weights were summed when it was made); summarise a survey with those weights instead`);
    }
    const full = itemSummaryTally(input);
    const tally = weights === null ? { ...full, weights: null } : full;
    const s = input.scale;
    const scale: TallyScale = {
      id: s.id,
      levels: s.levels,
      codes: s.codes,
      agree: s.agree,
      disagree: s.disagree,
      categories: [...s.levels, ...s.nonSubstantive],
    };
    return { scale, n: tallyCounts(tally, s.levels.length), tally };
  }
  assertLikertColumn(fn, input);
  // A column's own weights were checked by the survey that made it: tallied as they are, with
  // no copy of a filtered column's weights.
  const tally = weights === undefined ? ownWeightsTally(input) : columnTally(input, resolveWeights(fn, input, weights));
  return { scale: input.scale, n: tallyCounts(tally, input.scale.levels.length), tally };
}
