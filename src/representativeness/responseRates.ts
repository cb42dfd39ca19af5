import { medianSplit, sizeGroups, type SizeGrouping, type SizeGroupsResult } from '../data/sizeGroups';
import { isMissingValue } from '../data/missing';
import { sourceFromRows } from '../data/source';
import type { Survey } from '../data/survey';
import type { GroupByBreaks, GroupByMedian } from '../data/sizeGroups';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { describeCell, readCategoryKey } from '../data/keys';
import { categoryOf, formatRows } from './internal';

/**
 * One grouping of the frame: a categorical column (`'region'`), or a {@link SizeGrouping} of a
 * numeric column, the type `compareGroups` and `report` take: fixed cut points
 * (`{ attribute: 'population', breaks: [50000, 100000] }`) or halves split at a median
 * (`{ attribute: 'population', split: 'median' }`, by default the median of the whole frame).
 */
export type ResponseRateGrouping = string | SizeGrouping;

/** Options of {@link responseRates}. */
export interface ResponseRatesOptions {
  /** The frame's id column (e.g. `'code'`). */
  readonly id: string;
  /** Groupings to break the rates down by; default none (overall only). */
  readonly by?: readonly ResponseRateGrouping[];
}

/** Counts and rate of one group (or of the whole frame). */
export interface ResponseRateCounts {
  /** Units in the frame. */
  readonly frame: number;
  /** Units that answered. */
  readonly responded: number;
  /** responded / frame; `NaN` when the frame has no units in the group. */
  readonly rate: number;
}

/** One group's response rate. */
export interface ResponseRateGroup extends ResponseRateCounts {
  /** The column grouped by. */
  readonly by: string;
  /** How: the column's categories, fixed size groups, or a median split. */
  readonly grouping: 'category' | 'breaks' | 'median';
  /** The group label; `null` for frame units with no value in the column. */
  readonly group: string | null;
}

/** Result of {@link responseRates}: plain, JSON-serialisable data. */
export interface ResponseRatesResult {
  readonly overall: ResponseRateCounts;
  readonly groups: ResponseRateGroup[];
  /** The cut points used per size grouping (the median for a median split), by column. */
  readonly breaks: { readonly by: string; readonly grouping: 'breaks' | 'median'; readonly breaks: readonly number[] }[];
  /** Units in the frame (= overall.frame). */
  readonly n: number;
  readonly method: 'response-rates';
}

function isSurvey(value: unknown): value is Survey {
  return value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'survey' && Array.isArray((value as Survey).ids);
}

/**
 * Response rates of a survey of a known frame, overall and by group: for each group, the number
 * of units in the frame, the number that answered and the rate responded / frame.
 *
 * Groups come from a categorical column of the frame (in order of first appearance), from fixed
 * size thresholds (`sizeGroups`: group k holds breaks[k−1] ≤ v < breaks[k]) or from a median
 * split of the frame (`medianSplit`: at or below the median of all frame units, or above it).
 * Ids and categories are read with `categoryKey` (trimmed of white space and invisible characters,
 * in NFC, numbers as their digits), so `101` and `' 101'` match; an object id is an error.
 *
 * @param frame - rows, one per unit (e.g. the 98 municipalities), with an id column
 * @param respondents - the ids that answered, or a `Survey` (its `ids`)
 * @param options - `id` (the frame's id column) and `by` (groupings)
 * @returns overall and per-group counts and rates; a rate is `NaN` for a size group with no
 *   units in the frame. Frame units with no value in a grouping column form a group `null`
 * @throws TypeError for a malformed frame, respondents or grouping; RangeError when the id or a
 *   grouping column is absent, frame ids are missing or repeated, respondents repeat an id, or
 *   respondents are not in the frame (every one is listed with its position)
 * @example
 * ```ts
 * const frame = municipalities2020();
 * const answered = ['101', '147', '151'];
 * responseRates(frame, answered, { id: 'code', by: ['region'] }).groups[0];
 * // { by: 'region', grouping: 'category', group: 'Hovedstaden', frame: 29, responded: 3,
 * //   rate: 0.10344827586206896 }
 * ```
 * @see {@link representativeness}; `sizeGroups`, `medianSplit`; AAPOR (2023), Standard
 *   Definitions (response rate RR1 for a frame of eligible units)
 */
export function responseRates(
  frame: Iterable<object>,
  respondents: readonly (string | number)[] | Survey,
  options: ResponseRatesOptions,
): ResponseRatesResult {
  const fn = 'responseRates';
  if (options === null || typeof options !== 'object' || typeof options.id !== 'string') {
    throw new TypeError(`${fn}: options must give the frame's id column, e.g. { id: 'code', by: ['region'] }`);
  }
  checkOptionKeys(fn, options, optionKeys<ResponseRatesOptions>({ id: true, by: true }));
  const by = options.by ?? [];
  if (!Array.isArray(by)) {
    throw new TypeError(`${fn}: by must be an array of groupings, e.g. ['region', { attribute: 'population', split: 'median' }], got ${describeValue(by)}`);
  }
  const groupings = by.map((g: unknown, i) => parseGrouping(fn, g, i));
  const source = sourceFromRows(fn, frame, [options.id, ...groupings.map((g) => g.column)]);
  const idColumn = source.column(options.id);
  if (idColumn === undefined) {
    throw new RangeError(`${fn}: the frame has no id column "${options.id}"; its columns include ${source.names.map((n) => `"${n}"`).join(', ') || '(none)'}`);
  }

  // Frame ids: present and unique.
  const frameIndex = new Map<string, number>();
  const missingIds: number[] = [];
  const repeatedIds = new Map<string, number[]>();
  for (let i = 0; i < idColumn.length; i++) {
    const key = categoryOf(fn, idColumn[i], options.id, i);
    if (key === null) {
      missingIds.push(i);
      continue;
    }
    const first = frameIndex.get(key);
    if (first !== undefined) {
      const at = repeatedIds.get(key) ?? [first];
      at.push(i);
      repeatedIds.set(key, at);
    } else frameIndex.set(key, i);
  }
  if (missingIds.length > 0) {
    throw new RangeError(`${fn}: the frame's id "${options.id}" is missing in ${formatRows(missingIds)}; every unit needs an id`);
  }
  if (repeatedIds.size > 0) {
    const listed = [...repeatedIds].map(([key, at]) => `"${key}" (${formatRows(at)})`).join(', ');
    throw new RangeError(`${fn}: the frame repeats ids: ${listed}; each unit must appear once`);
  }

  // Respondents: all known to the frame, none twice.
  const ids = readRespondents(fn, respondents);
  const answered = new Uint8Array(source.length);
  const unknown: string[] = [];
  const twice: string[] = [];
  const seenAt = new Map<string, number>();
  ids.forEach((raw, position) => {
    const key = readCategoryKey(raw);
    if (key === null || key === undefined) {
      unknown.push(`${key === null ? describeValue(raw) : describeCell(raw)} at position ${position}`);
      return;
    }
    const row = frameIndex.get(key);
    if (row === undefined) {
      unknown.push(`"${key}" at position ${position}`);
      return;
    }
    const earlier = seenAt.get(key);
    if (earlier !== undefined) {
      twice.push(`"${key}" at positions ${earlier} and ${position}`);
      return;
    }
    seenAt.set(key, position);
    answered[row] = 1;
  });
  if (unknown.length > 0) {
    throw new RangeError(
      `${fn}: ${unknown.length} respondent${unknown.length === 1 ? ' is' : 's are'} not in the frame (matched on "${options.id}" with categoryKey): ${unknown.join(', ')}; correct the ids or add the units to the frame`,
    );
  }
  if (twice.length > 0) {
    throw new RangeError(`${fn}: respondents repeat ids: ${twice.join(', ')}; each unit can answer once`);
  }

  let responded = 0;
  for (let i = 0; i < answered.length; i++) responded += answered[i] as number;
  const overall = counts(source.length, responded);

  const groups: ResponseRateGroup[] = [];
  const breaks: ResponseRatesResult['breaks'] = [];
  for (const grouping of groupings) {
    const column = source.column(grouping.column);
    if (column === undefined) {
      throw new RangeError(`${fn}: the frame has no column "${grouping.column}" to group by; its columns include ${source.names.map((n) => `"${n}"`).join(', ')}`);
    }
    let labels: readonly string[];
    let assigned: readonly (string | null)[];
    if (grouping.kind === 'category') {
      const order: string[] = [];
      assigned = Array.from(column, (value, i) => {
        const key = categoryOf(fn, value, grouping.column, i);
        if (key !== null && !order.includes(key)) order.push(key);
        return key;
      });
      labels = order;
    } else {
      const numbers = numberValues(fn, grouping.column, column);
      let grouped: SizeGroupsResult;
      try {
        grouped =
          grouping.kind === 'breaks'
            ? sizeGroups(numbers, { breaks: grouping.breaks, ...(grouping.labels ? { labels: grouping.labels } : {}) })
            : medianSplit(numbers, {
                ...(grouping.reference === undefined ? {} : { reference: grouping.reference }),
                ...(grouping.labels === undefined ? {} : { labels: grouping.labels }),
              });
      } catch (error) {
        throw new RangeError(`${fn}: grouping by "${grouping.column}": ${(error as Error).message}`);
      }
      labels = grouped.labels;
      assigned = grouped.groups;
      breaks.push({ by: grouping.column, grouping: grouping.kind, breaks: grouped.breaks });
    }
    const frameCounts = new Map<string | null, number>(labels.map((l) => [l, 0]));
    const respondedCounts = new Map<string | null, number>(labels.map((l) => [l, 0]));
    assigned.forEach((group, i) => {
      frameCounts.set(group, (frameCounts.get(group) ?? 0) + 1);
      respondedCounts.set(group, (respondedCounts.get(group) ?? 0) + (answered[i] as number));
    });
    for (const [group, inFrame] of frameCounts) {
      groups.push({ by: grouping.column, grouping: grouping.kind, group, ...counts(inFrame, respondedCounts.get(group) ?? 0) });
    }
  }
  return { overall, groups, breaks, n: source.length, method: 'response-rates' };
}

function counts(frame: number, responded: number): ResponseRateCounts {
  return { frame, responded, rate: frame === 0 ? NaN : responded / frame };
}

type ParsedGrouping =
  | { kind: 'category'; column: string }
  | { kind: 'breaks'; column: string; breaks: readonly number[]; labels?: readonly string[] }
  | { kind: 'median'; column: string; reference?: ArrayLike<number | null | undefined>; labels?: readonly [string, string] };

const breaksKeys = (): readonly string[] =>
  optionKeys<GroupByBreaks>({ attribute: true, breaks: true, labels: true });
const medianKeys = (): readonly string[] =>
  optionKeys<GroupByMedian>({ attribute: true, split: true, reference: true, labels: true });

function parseGrouping(fn: string, grouping: unknown, i: number): ParsedGrouping {
  if (typeof grouping === 'string' && grouping.trim() !== '') return { kind: 'category', column: grouping };
  if (grouping !== null && typeof grouping === 'object' && !Array.isArray(grouping)) {
    const g = grouping as { attribute?: unknown; breaks?: unknown; split?: unknown; reference?: unknown; labels?: unknown };
    const isMedian = Object.hasOwn(g, 'split');
    checkOptionKeys(`${fn}: by[${i}]`, g, isMedian ? medianKeys() : breaksKeys());
    if (typeof g.attribute === 'string' && g.attribute.trim() !== '') {
      const labels = g.labels as readonly string[] | undefined;
      if (isMedian && g.split === 'median') {
        return {
          kind: 'median',
          column: g.attribute,
          ...(g.reference === undefined ? {} : { reference: g.reference as ArrayLike<number | null | undefined> }),
          ...(labels === undefined ? {} : { labels: labels as readonly [string, string] }),
        };
      }
      if (!isMedian && Array.isArray(g.breaks)) {
        return { kind: 'breaks', column: g.attribute, breaks: g.breaks as number[], ...(labels === undefined ? {} : { labels }) };
      }
    }
  }
  throw new TypeError(
    `${fn}: by[${i}] must be a column name, { attribute, breaks, labels? } or { attribute, split: 'median', reference?, labels? }, got ${describeValue(grouping)}`,
  );
}

function readRespondents(fn: string, respondents: unknown): readonly unknown[] {
  if (isSurvey(respondents)) return respondents.ids;
  if (Array.isArray(respondents)) return respondents;
  throw new TypeError(`${fn}: respondents must be an array of ids or a Survey, got ${describeValue(respondents)}`);
}

function numberValues(fn: string, name: string, column: ArrayLike<unknown>): (number | null)[] {
  const bad: number[] = [];
  const values = Array.from(column, (value, i) => {
    if (isMissingValue(value)) return null;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      bad.push(i);
      return null;
    }
    return value;
  });
  if (bad.length > 0) {
    throw new TypeError(
      `${fn}: "${name}" must hold numbers to make size groups, but ${formatRows(bad)} do not (first: ${describeValue(column[bad[0] as number])}); a frame read from CSV text holds text: type it with readFrame(rows) first`,
    );
  }
  return values;
}
