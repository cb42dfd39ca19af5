/**
 * Argument checks shared by the public functions. Every message starts with the calling
 * function's name and says what to do, as STYLE.md's error policy asks.
 * Internal: never re-exported from `src/index.ts`.
 */

import { levenshtein } from '../data/levenshtein';

/** Describes a value for an error message without dumping large objects. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

/** Throws a RangeError unless `level` is a finite number strictly between 0 and 1. */
export function assertLevel(fn: string, level: unknown, name = 'level'): asserts level is number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new RangeError(
      `${fn}: ${name} must be a number strictly between 0 and 1 (e.g. 0.95), got ${describeValue(level)}`,
    );
  }
}

/** Throws unless `value` is a non-negative integer (a count). */
export function assertCount(fn: string, value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(
      `${fn}: ${name} must be a non-negative integer count, got ${describeValue(value)}`,
    );
  }
}

/** Throws unless `value` is a finite number. */
export function assertFinite(fn: string, value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${fn}: ${name} must be a finite number, got ${describeValue(value)}`);
  }
}

/**
 * Throws unless `populationSize` is undefined or an integer at least as large as `n`.
 * Returns it unchanged.
 */
export function checkPopulationSize(
  fn: string,
  populationSize: unknown,
  n: number,
): number | undefined {
  if (populationSize === undefined) return undefined;
  if (
    typeof populationSize !== 'number' ||
    !(populationSize === Infinity || Number.isInteger(populationSize)) ||
    populationSize < n ||
    populationSize < 1
  ) {
    throw new RangeError(
      `${fn}: populationSize must be an integer >= the sample size ${n} (or Infinity for no correction), got ${describeValue(populationSize)}`,
    );
  }
  return populationSize;
}

/** Throws unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(
  fn: string,
  value: unknown,
  allowed: readonly T[],
  name: string,
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(
      `${fn}: unknown ${name} ${describeValue(value)}; use one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
    );
  }
}

/**
 * The keys of an options interface, listed once: `optionKeys<MeanIntervalOptions>({ level: true,
 * … })`. The compiler demands every key of `T` and refuses any other, so the list cannot drift
 * from the interface.
 */
export function optionKeys<T>(keys: { readonly [K in keyof Required<T>]: true }): readonly string[] {
  return Object.freeze(Object.keys(keys));
}

/**
 * Throws a TypeError when `options` (an object, or undefined/null for none) has an own key that
 * is not in `allowed`: `fn: unknown option "titel"; did you mean "title"?`, naming the closest
 * valid key by edit distance (case-insensitive, at most a third of the key's length and at least
 * 2 edits), or listing the valid keys when none is close. A misspelt option would otherwise be
 * ignored in silence and the default used instead.
 */
export function checkOptionKeys(fn: string, options: unknown, allowed: readonly string[]): void {
  const key = firstUnknownKey(options, allowed);
  if (key === undefined) return;
  throw new TypeError(`${fn}: unknown option ${JSON.stringify(key)}; ${unknownKeyHint(key, allowed, 'options')}`);
}

/**
 * The first own key of `options` that is not in `allowed`, or undefined when there is none (or
 * `options` is not an object). For callers that report the key in their own shape (the survey's
 * issue list).
 */
export function firstUnknownKey(options: unknown, allowed: readonly string[]): string | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) return key;
  }
  return undefined;
}

/**
 * What to say after an unknown key: `did you mean "title"?` when a valid key is close, else the
 * list of valid ones (`valid options are "level", "method"`), or that there are none.
 */
export function unknownKeyHint(key: string, allowed: readonly string[], noun: 'options' | 'keys'): string {
  const suggestion = closestName(key, allowed);
  if (suggestion !== undefined) return `did you mean ${JSON.stringify(suggestion)}?`;
  if (allowed.length === 0) return noun === 'options' ? 'this function takes no options' : 'no keys are allowed here';
  return `valid ${noun} are ${allowed.map((k) => JSON.stringify(k)).join(', ')}`;
}

/**
 * The candidate closest to `name` by edit distance, ignoring case, when it is close enough to
 * be a likely misspelling: at most 2 edits, or a third of the name's length for long names.
 * The distance is capped at that limit, never below it, so long names (question texts as
 * column headers) get the truly closest candidate rather than the first. The one "did you
 * mean" rule for option keys, config keys and column names.
 *
 * @param key - the misspelt name
 * @param allowed - the names that exist
 * @returns the closest candidate, or `undefined` when none is close
 * @example
 * closestName('daDegre4', ['daDegree4', 'agree5']); // 'daDegree4'
 */
export function closestName(key: string, allowed: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(key.length / 3));
  const folded = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of allowed) {
    const distance = levenshtein(folded, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
