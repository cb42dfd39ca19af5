/**
 * Argument checks shared by the public functions. Every message starts with the calling
 * function's name and says what to do, as STYLE.md's error policy asks.
 * Internal: never re-exported from `src/index.ts`.
 */

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
