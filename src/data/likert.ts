import { assertOneOf, checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { normalizeLabel } from '../scale/normalizeLabel';
import { reverseScale } from '../scale/reverseScale';
import type { Scale } from '../scale/types';
import { parseNumber } from './number';
import { LikertInputError, type LikertUnknownValue } from './errors';
import { levenshtein } from './levenshtein';
import { isMissingValue } from './missing';
import { INVALID, MISSING, type LikertColumn } from './types';

/** Options of {@link likert} and {@link safeLikert}. */
export interface LikertOptions {
  /**
   * What to do with a value that is neither missing, a label (or alias) of the scale, nor one of
   * its codes: `'error'` (default) throws one {@link LikertInputError} listing them all;
   * `'missing'` codes them {@link INVALID} and counts them in `n.invalid`.
   */
  readonly unknown?: 'error' | 'missing';
  /** Code against `reverseScale(scale)`, for negatively worded items. Default `false`. */
  readonly reverse?: boolean;
  /** Label of the item (question text), carried on the column. */
  readonly label?: string;
}

/** Responses accepted by {@link likert}: arrays, typed arrays, other array-likes or iterables. */
export type LikertResponses = ArrayLike<unknown> | Iterable<unknown>;

/** Result of {@link safeLikert}: the column, or the error as data. */
export type SafeLikertResult<L extends string = string, N extends string = string> =
  | { readonly ok: true; readonly column: LikertColumn<L, N> }
  | { readonly ok: false; readonly issues: readonly LikertUnknownValue[] };

/** What `likert` and `safeLikert` share: the failure also carries the error `likert` throws. */
type CodingResult<L extends string, N extends string> =
  | { readonly ok: true; readonly column: LikertColumn<L, N> }
  | { readonly ok: false; readonly issues: readonly LikertUnknownValue[]; readonly error: LikertInputError };

/** ±(2^53 − 1) as a BigInt: the integers a double holds exactly. */
const MAX_SAFE = 9007199254740991n;

/** Internal marker for a value the scale does not know (before `unknown` decides its fate). */
const UNKNOWN = -3;

/**
 * The number a normalised text stands for as a code ("3", "4.0", "-1"), read by the library's
 * one number parser with a decimal point and no grouping; NaN when it is not a number.
 */
function codeNumber(key: string): number {
  return parseNumber(key, { decimal: '.', thousands: '' });
}

/** At most this many distinct unknown values are spelled out in the message (all are in `unknown`). */
const MESSAGE_LIMIT = 50;

/** At most this many positions are kept per unknown value. */
const POSITIONS = 5;

/**
 * Codes raw survey answers against a scale into a {@link LikertColumn}: one category index per
 * respondent in an `Int8Array`, plus counts of how every cell was accounted for.
 *
 * Each cell is read as follows.
 * - Missing ({@link MISSING}, -1): `null`, `undefined`, `NaN`, `''` and text that is only white
 *   space (or invisible characters).
 * - A string is normalised with {@link normalizeLabel} and looked up in `scale.lookup` (labels
 *   and aliases). Failing that, numeric text (`"3"`, `" 4 "`, `"３"`) equal to one of
 *   `scale.codes` is that level. A label wins over a code when both would match.
 * - A number equal to one of `scale.codes` is that level. Numbers are always read with the codes
 *   of the scale as passed, also under `reverse: true` (the raw data were recorded with the
 *   questionnaire's coding): with `scales.daDegree4`, `1` is "Slet ikke" either way, and its
 *   value after reversing is 4.
 * - Anything else is unknown: with `unknown: 'error'` (default) one {@link LikertInputError}
 *   lists every distinct unknown value with its count, first 5 row positions and the closest
 *   label; with `unknown: 'missing'` it is coded {@link INVALID} (-2).
 *
 * Counts satisfy `total = answered + missing + invalid` and
 * `answered = substantive + nonSubstantive`. The input is never changed. Each distinct string is
 * normalised once (memoised in a map local to the call), so coding 10^6 cells drawn from a
 * handful of spellings costs one map lookup per cell.
 *
 * @param responses - the answers: an array, typed array, other array-like or iterable
 * @param scale - the scale, from {@link defineScale} or {@link scales}
 * @param options - `unknown`, `reverse` and `label`; see {@link LikertOptions}
 * @returns a frozen column `{ kind: 'likert-column', scale, codes, n, label? }`, whose `scale` is
 *   `reverseScale(scale)` when `reverse` is true
 * @throws LikertInputError when there are unknown values and `unknown` is `'error'`
 * @throws TypeError when `responses` is not an array-like or iterable, `scale` is not a scale or
 *   an option has the wrong type; RangeError for an unknown `unknown` mode, or for more than
 *   2^31 − 1 responses (the most one column holds)
 * @example
 * ```ts
 * const column = likert(['I høj grad', 'slet IKKE', 4, 'Ved ikke', '', null], scales.daDegree4);
 * column.codes; // Int8Array [2, 0, 3, 4, -1, -1]
 * column.n;     // { total: 6, answered: 4, substantive: 3, missing: 2, invalid: 0, nonSubstantive: 1 }
 * ```
 * @see {@link safeLikert} for the variant that returns the error as data
 * @see {@link reverseScale}
 */
export function likert<L extends string, N extends string>(
  responses: LikertResponses,
  scale: Scale<L, N>,
  options?: LikertOptions,
): LikertColumn<L, N> {
  const result = codeResponses('likert', responses, scale, options);
  if (!result.ok) throw result.error;
  return result.column;
}

/**
 * Codes raw survey answers like {@link likert}, but returns unknown values as data instead of
 * throwing: `{ ok: true, column }` or `{ ok: false, issues }`, the shape `safeSurvey` returns.
 *
 * Only the data problem (unknown values under `unknown: 'error'`) is returned; a programming
 * mistake (a `scale` that is not a scale, a wrong option type) still throws, as in `likert`.
 *
 * @param responses - the answers: an array, typed array, other array-like or iterable
 * @param scale - the scale, from {@link defineScale} or {@link scales}
 * @param options - see {@link LikertOptions}
 * @returns `{ ok: true, column }`, or `{ ok: false, issues }` with every distinct unknown value
 *   (the data of the {@link LikertInputError} that `likert` would throw)
 * @throws TypeError or RangeError for invalid arguments, as `likert`
 * @example
 * ```ts
 * const result = safeLikert(['I høj grad', 'Maybe'], scales.daDegree4);
 * result.ok;                       // false
 * if (!result.ok) result.issues; // [{ value: 'Maybe', count: 1, positions: [1] }]
 * ```
 */
export function safeLikert<L extends string, N extends string>(
  responses: LikertResponses,
  scale: Scale<L, N>,
  options?: LikertOptions,
): SafeLikertResult<L, N> {
  const result = codeResponses('safeLikert', responses, scale, options);
  return result.ok ? result : { ok: false, issues: result.issues };
}

/** A distinct unknown value being collected. */
interface UnknownEntry {
  readonly value: unknown;
  count: number;
  readonly positions: number[];
}

/** The shared implementation of `likert` and `safeLikert`. */
function codeResponses<L extends string, N extends string>(
  fn: string,
  responses: LikertResponses,
  scaleArgument: Scale<L, N>,
  options: LikertOptions | undefined,
): CodingResult<L, N> {
  const source = readResponses(fn, responses);
  checkScale(fn, scaleArgument);
  const { unknown = 'error', reverse = false, label } = readOptions(fn, options);
  const scale = reverse ? reverseScale(scaleArgument) : scaleArgument;

  const k = scale.levels.length;
  const labelIndex = new Map<string, number>(Object.entries(scale.lookup));
  // Numbers are read with the codes of the scale as passed (the questionnaire's coding), and
  // then land on the same level of the reversed scale: "1" is "Slet ikke" either way.
  const codeIndex = new Map<number, number>();
  scaleArgument.codes.forEach((code, index) => codeIndex.set(code, reverse ? k - 1 - index : index));

  /** Category of a string never seen before in this call. */
  const classifyString = (raw: string): number => {
    // The shared missing rule (blank and invisible-only text); once per distinct string.
    if (isMissingValue(raw)) return MISSING;
    const key = normalizeLabel(raw);
    const index = labelIndex.get(key);
    if (index !== undefined) return index;
    const number = codeNumber(key);
    if (!Number.isNaN(number)) return codeIndex.get(number) ?? UNKNOWN;
    return UNKNOWN;
  };

  const collect = unknown === 'error';
  // Memo of distinct strings → category. A null-prototype object rather than a Map: V8
  // internalises property keys, which makes repeated lookups of equal (but distinct) string
  // objects, as a CSV parser produces, about twice as fast as Map#get. No inherited keys exist,
  // so '__proto__' or 'constructor' are ordinary answers here.
  const memo: Record<string, number> = Object.create(null) as Record<string, number>;
  const unknownEntries = new Map<unknown, UnknownEntry>();
  const n = source.length;
  const codes = new Int8Array(n);
  let substantive = 0;
  let nonSubstantive = 0;
  let missing = 0;
  let invalid = 0;

  for (let i = 0; i < n; i++) {
    const value = source[i];
    let c: number;
    if (typeof value === 'string') {
      const known = memo[value];
      if (known === undefined) {
        c = classifyString(value);
        memo[value] = c;
      } else {
        c = known;
      }
    } else if (isMissingValue(value)) {
      // null, undefined and NaN: the shared missing rule (strings were handled above).
      c = MISSING;
    } else if (typeof value === 'number') {
      c = codeIndex.get(value) ?? UNKNOWN;
    } else if (typeof value === 'bigint') {
      // Int64 columns (DuckDB, Arrow) give codes as BigInt; a code of the scale is that level.
      c = value >= -MAX_SAFE && value <= MAX_SAFE ? (codeIndex.get(Number(value)) ?? UNKNOWN) : UNKNOWN;
    } else {
      c = UNKNOWN;
    }

    if (c >= 0) {
      if (c < k) substantive++;
      else nonSubstantive++;
    } else if (c === MISSING) {
      missing++;
    } else {
      c = INVALID;
      invalid++;
      if (collect) {
        const entry = unknownEntries.get(value);
        if (entry === undefined) {
          unknownEntries.set(value, { value, count: 1, positions: [i] });
        } else {
          entry.count++;
          if (entry.positions.length < POSITIONS) entry.positions.push(i);
        }
      }
    }
    codes[i] = c;
  }

  if (collect && unknownEntries.size > 0) {
    const error = unknownError(fn, scale, label, n, [...unknownEntries.values()]);
    return { ok: false, issues: error.issues, error };
  }

  const answered = substantive + nonSubstantive;
  const column: LikertColumn<L, N> = {
    kind: 'likert-column',
    scale,
    codes,
    n: Object.freeze({ total: n, answered, substantive, missing, invalid, nonSubstantive }),
    ...(label === undefined ? {} : { label }),
  };
  return { ok: true, column: Object.freeze(column) };
}

/**
 * Codes a dictionary-encoded column: row `i` holds `values[indices[i]]`. Each distinct value is
 * classified once, exactly as {@link safeLikert} classifies a cell, and every row then costs one
 * table lookup. The result equals `safeLikert(Array.from(indices, (k) => values[k]), …)` in
 * every code, count and unknown value (listed in the order of their first row, with the same
 * positions). Internal: the streaming CSV reader keeps item columns in this form.
 */
export function safeLikertDictionary<L extends string, N extends string>(
  values: readonly unknown[],
  indices: ArrayLike<number>,
  scaleArgument: Scale<L, N>,
  options: LikertOptions | undefined,
): SafeLikertResult<L, N> {
  const fn = 'safeLikert';
  checkScale(fn, scaleArgument);
  const { unknown = 'error', reverse = false, label } = readOptions(fn, options);
  // The distinct values are coded by the one coder, so that both paths classify alike.
  const distinct = codeResponses(fn, values, scaleArgument, { unknown: 'missing', reverse, ...(label === undefined ? {} : { label }) });
  if (!distinct.ok) throw new Error('safeLikertDictionary: coding with unknown: missing cannot fail');
  const classes = columnCodesOf(distinct.column);
  const scale = distinct.column.scale as Scale<L, N>;
  const k = scale.levels.length;
  const n = indices.length;
  if (n > MAX_RESPONSES) {
    throw new RangeError(`${fn}: responses has length ${n}, more than the ${MAX_RESPONSES} (2^31 − 1) answers one column can hold; split the responses into several columns or surveys`);
  }
  const codes = new Int8Array(n);
  const counts = new Float64Array(values.length);
  for (let i = 0; i < n; i++) {
    const index = indices[i] as number;
    codes[i] = classes[index] as number;
    counts[index] = (counts[index] as number) + 1;
  }
  let substantive = 0;
  let nonSubstantive = 0;
  let missing = 0;
  let invalid = 0;
  const unknownIndices: number[] = [];
  for (let index = 0; index < values.length; index++) {
    const c = classes[index] as number;
    const count = counts[index] as number;
    if (c >= 0) {
      if (c < k) substantive += count;
      else nonSubstantive += count;
    } else if (c === MISSING) {
      missing += count;
    } else {
      invalid += count;
      if (count > 0) unknownIndices.push(index);
    }
  }
  if (unknown === 'error' && unknownIndices.length > 0) {
    // Distinct values that are equal (two NaN never occur: NaN is missing) are one entry, as in
    // safeLikert's Map of unknown values; positions are the first 5 rows of each.
    const entries = new Map<unknown, UnknownEntry>();
    const entryOf = new Map<number, UnknownEntry>();
    for (const index of unknownIndices) {
      const value = values[index];
      let entry = entries.get(value);
      if (entry === undefined) {
        entry = { value, count: 0, positions: [] };
        entries.set(value, entry);
      }
      entryOf.set(index, entry);
    }
    const firstRow = new Map<UnknownEntry, number>();
    for (let i = 0; i < n; i++) {
      const entry = entryOf.get(indices[i] as number);
      if (entry === undefined) continue;
      entry.count++;
      if (entry.positions.length < POSITIONS) entry.positions.push(i);
      if (!firstRow.has(entry)) firstRow.set(entry, i);
    }
    const ordered = [...entries.values()].sort((a, b) => (firstRow.get(a) as number) - (firstRow.get(b) as number));
    const error = unknownError(fn, scale, label, n, ordered);
    return { ok: false, issues: error.issues };
  }
  const column: LikertColumn<L, N> = {
    kind: 'likert-column',
    scale,
    codes,
    n: Object.freeze({ total: n, answered: substantive + nonSubstantive, substantive, missing, invalid, nonSubstantive }),
    ...(label === undefined ? {} : { label }),
  };
  return { ok: true, column: Object.freeze(column) };
}

/** The codes of a column this file just built (a plain frozen column: `codes` is its own array). */
function columnCodesOf(column: LikertColumn): Int8Array {
  return column.codes;
}

/** Returns an indexable view of the responses without copying arrays and array-likes. */
function readResponses(fn: string, responses: unknown): ArrayLike<unknown> {
  if (typeof responses === 'object' && responses !== null) {
    const length = (responses as { length?: unknown }).length;
    if (typeof length === 'number' && Number.isInteger(length) && length >= 0) {
      if (length > MAX_RESPONSES) {
        throw new RangeError(
          `${fn}: responses has length ${length}, more than the ${MAX_RESPONSES} (2^31 − 1) answers one column can hold; split the responses into several columns or surveys`,
        );
      }
      return responses as ArrayLike<unknown>;
    }
    if (typeof (responses as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') {
      return Array.from(responses as Iterable<unknown>);
    }
  }
  throw new TypeError(
    `${fn}: responses must be an array, typed array or iterable of answers (one per respondent), got ${describeValue(responses)}`,
  );
}

/**
 * The most responses one column holds: 2^31 − 1, the largest length every JavaScript engine
 * allows for the column's `Int8Array` of codes (and the largest 32-bit signed index).
 */
const MAX_RESPONSES = 2 ** 31 - 1;

/** Throws unless `scale` looks like a scale built by `defineScale`. */
function checkScale(fn: string, scale: unknown): void {
  const s = scale as Partial<Scale> | null;
  if (
    typeof s !== 'object' ||
    s === null ||
    !Array.isArray(s.levels) ||
    !Array.isArray(s.codes) ||
    typeof s.lookup !== 'object' ||
    s.lookup === null
  ) {
    throw new TypeError(
      `${fn}: scale must be a scale from defineScale() or one of scales.*, got ${describeValue(scale)}`,
    );
  }
}

/** Checks the option types. */
function readOptions(fn: string, options: unknown): LikertOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `${fn}: options must be an object such as { unknown: 'missing' }, got ${describeValue(options)}`,
    );
  }
  checkOptionKeys(fn, options, optionKeys<LikertOptions>({ unknown: true, reverse: true, label: true }));
  const { unknown, reverse, label } = options as Record<string, unknown>;
  if (unknown !== undefined) assertOneOf(fn, unknown, ['error', 'missing'] as const, 'unknown mode');
  if (reverse !== undefined && typeof reverse !== 'boolean') {
    throw new TypeError(`${fn}: reverse must be true or false, got ${describeValue(reverse)}`);
  }
  if (label !== undefined && typeof label !== 'string') {
    throw new TypeError(`${fn}: label must be a string, got ${describeValue(label)}`);
  }
  return options as LikertOptions;
}

/** Finds the closest category label to an unknown string, when it is reasonably close. */
function suggest(value: unknown, scale: Scale): string | undefined {
  if (typeof value !== 'string') return undefined;
  const key = normalizeLabel(value);
  if (key === '' || !Number.isNaN(codeNumber(key))) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const [spelling, index] of Object.entries(scale.lookup)) {
    // "Reasonably close": at most a third of the longer spelling differs (at least 1 edit).
    const limit = Math.max(1, Math.floor(Math.max(spelling.length, key.length) / 3));
    const distance = levenshtein(key, spelling, limit);
    if (distance <= limit && distance < bestDistance) {
      bestDistance = distance;
      best = scale.categories[index];
    }
  }
  return best;
}

/** Builds the one error listing every distinct unknown value. */
function unknownError(
  fn: string,
  scale: Scale,
  label: string | undefined,
  total: number,
  entries: readonly UnknownEntry[],
): LikertInputError {
  const unknown: LikertUnknownValue[] = entries.map((entry) => {
    const suggestion = suggest(entry.value, scale);
    return Object.freeze({
      value: entry.value,
      count: entry.count,
      positions: Object.freeze([...entry.positions]),
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  });
  const codesText = scale.codes.join(', ');
  const lines = unknown.slice(0, MESSAGE_LIMIT).map((u) => {
    const where =
      `${u.count} ${u.count === 1 ? 'time' : 'times'}, ${u.positions.length === 1 ? 'row' : 'rows'} ` +
      `${u.positions.join(', ')}${u.count > u.positions.length ? ', …' : ''}`;
    let hint: string;
    if (typeof u.value === 'number' || (typeof u.value === 'string' && !Number.isNaN(codeNumber(normalizeLabel(u.value))))) {
      hint = `not one of the codes ${codesText}; recode it, or pass { unknown: 'missing' }`;
    } else if (typeof u.value !== 'string') {
      hint = `only strings and numbers can be answers; convert it, or pass { unknown: 'missing' }`;
    } else if (u.suggestion !== undefined) {
      hint =
        `did you mean ${JSON.stringify(u.suggestion)}? Add it as an alias in ` +
        `defineScale({ aliases: { ${JSON.stringify(u.value)}: ${JSON.stringify(u.suggestion)} } }), or pass { unknown: 'missing' }`;
    } else {
      hint = `add it as an alias in defineScale({ aliases }), or pass { unknown: 'missing' }`;
    }
    return `  - ${describeValue(u.value)}: ${where}; ${hint}`;
  });
  if (unknown.length > MESSAGE_LIMIT) {
    lines.push(`  … and ${unknown.length - MESSAGE_LIMIT} more (see error.issues)`);
  }
  const item = label === undefined ? '' : ` for item ${JSON.stringify(label)}`;
  const message =
    `${fn}: ${unknown.length} unknown ${unknown.length === 1 ? 'value' : 'values'} in ${total} responses` +
    `${item} (scale ${JSON.stringify(scale.id)}, labels ${scale.categories.map((c) => JSON.stringify(c)).join(', ')}):\n` +
    lines.join('\n');
  return new LikertInputError(message, Object.freeze(unknown), scale.id);
}
