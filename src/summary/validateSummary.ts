/**
 * Shape checks of a survey summary read back from JSON, so that a truncated, hand-edited or
 * foreign file is refused with the function's name rather than giving NaN later. Internal.
 */
import { describeValue } from '../internal/validate';
import { assertItemSummary } from './source';
import type { PairSummary, SurveySummary } from './types';

/** True for something tagged as a survey summary. */
export function isSurveySummary(value: unknown): value is SurveySummary {
  return value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'survey-summary';
}

/** True for something shaped as a pair summary (x, y, rows, columns, counts). */
export function isPairSummary(value: unknown): value is PairSummary {
  const pair = value as Partial<PairSummary> | null;
  return (
    pair !== null &&
    typeof pair === 'object' &&
    !Array.isArray(pair) &&
    typeof pair.x === 'string' &&
    typeof pair.y === 'string' &&
    Array.isArray(pair.counts)
  );
}

const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

/** Throws a TypeError naming `fn` unless `value` is a version-1 survey summary of a sound shape. */
export function assertSurveySummary(fn: string, value: unknown, name = 'the summary'): asserts value is SurveySummary {
  const fail = (what: string): never => {
    throw new TypeError(`${fn}: ${name} ${what}`);
  };
  if (!isSurveySummary(value)) fail(`is not a survey summary (got ${describeValue(value)}); make one with summarize(survey)`);
  const summary = value as SurveySummary;
  if (summary.version !== 1) {
    fail(`has version ${describeValue(summary.version)}, but this likertkit reads version 1; summarise the data again with this version`);
  }
  if (!isCount(summary.respondents)) fail('has no respondent count (an integer >= 0)');
  if (typeof summary.weighted !== 'boolean') fail('does not say whether it is weighted');
  if (!Array.isArray(summary.items)) fail('has no items array');
  summary.items.forEach((item, k) => {
    assertItemSummary(fn, item, `${name}'s items[${k}]`);
    if ((item.weights !== null) !== summary.weighted) {
      fail(`has items[${k}] ("${item.id}") ${item.weights === null ? 'without' : 'with'} weights in a${summary.weighted ? ' weighted' : 'n unweighted'} summary`);
    }
  });
  if (!Array.isArray(summary.attributes)) fail('has no attributes array');
  if (!Array.isArray(summary.pairs)) fail('has no pairs array');
  summary.pairs.forEach((pair, k) => assertPairSummary(fn, pair, `${name}'s pairs[${k}]`));
  const by = summary.by;
  if (by !== null) {
    if (by === undefined || typeof by !== 'object' || typeof by.name !== 'string' || !Array.isArray(by.groups) || !isCount(by.ungrouped)) {
      fail('has a by that is not { name, sizeGroups, breaks, groups, ungrouped }');
    }
    by.groups.forEach((group, g) => {
      if (group === null || typeof group !== 'object' || typeof group.value !== 'string' || !isCount(group.respondents) || !Array.isArray(group.items)) {
        fail(`has by.groups[${g}] that is not { value, respondents, items }`);
      }
      group.items.forEach((item, k) => assertItemSummary(fn, item, `${name}'s by.groups[${g}].items[${k}]`));
    });
  }
}

/** Throws a TypeError naming `fn` unless `value` is a pair summary whose counts fit its rows and columns. */
export function assertPairSummary(fn: string, value: unknown, name = 'the pair summary'): asserts value is PairSummary {
  const pair = value as PairSummary;
  if (
    !isPairSummary(value) ||
    !isCount(pair.rows) ||
    !isCount(pair.columns) ||
    pair.counts.length !== pair.rows * pair.columns ||
    !pair.counts.every(isCount) ||
    !Array.isArray(pair.xCodes) ||
    pair.xCodes.length !== pair.rows ||
    !Array.isArray(pair.yCodes) ||
    pair.yCodes.length !== pair.columns ||
    !isCount(pair.respondents)
  ) {
    throw new TypeError(
      `${fn}: ${name} is not a pair summary { x, y, rows, columns, counts (rows × columns integers), xCodes, yCodes, respondents }; take one from summarize(s, { pairs }).pairs`,
    );
  }
}
