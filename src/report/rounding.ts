import { assertFinite, describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { powerOfTwoScale } from '../math/moments';

/**
 * Snaps a product like `0.285 * 100` (= 28.499999999999996 in binary64) to the decimal value
 * the user meant (28.5): the nearest 15-significant-digit decimal (the most a double holds
 * exactly in decimal), when it lies within rounding noise of the value. Internal.
 */
function snapToDecimal(value: number): number {
  if (value === 0) return 0;
  const snapped = Number(value.toPrecision(15));
  // Only rounding noise is snapped away (a few units in the last place); a value with more
  // than 15 significant digits of its own, like 1e15 + 0.5, keeps them.
  return Math.abs(snapped - value) <= 2 * Number.EPSILON * Math.abs(value) ? snapped : value;
}

/** The nearest decimal of 15 significant digits. Internal. */
function toFifteenDigits(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(15));
}

function assertDigits(fn: string, digits: unknown): asserts digits is number {
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new RangeError(`${fn}: digits must be an integer from 0 to 10, got ${describeValue(digits)}`);
  }
}

/**
 * Rounds to `digits` decimals with halves rounded away from zero ("half up" as the reports and
 * spreadsheets' ROUND do it), robust to binary floating point: the value is first taken to 15
 * significant digits, so 1.005 rounds to 1.01 and 28.499999999999996 (from 0.285 × 100) to 29
 * (a value within about 1e-15 of a half counts as the half). Values of 2^52 and more at the
 * requested scale are whole already and come back unchanged.
 *
 * @param value - the number to round
 * @param digits - decimals to keep, 0–10 (default 0)
 * @returns the rounded number; NaN and ±Infinity are returned unchanged
 * @throws RangeError for digits outside 0–10
 * @example
 * roundHalfUp(12.5)     // 13
 * roundHalfUp(-12.5)    // -13
 * roundHalfUp(1.005, 2) // 1.01
 */
export function roundHalfUp(value: number, digits = 0): number {
  assertDigits('roundHalfUp', digits);
  if (typeof value !== 'number') {
    throw new TypeError(`roundHalfUp: value must be a number, got ${describeValue(value)}`);
  }
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  // From 2^52 on, a double at this scale is already a whole number: nothing to round, and the
  // 15-digit snap below would drop digits the value really has.
  if (Math.abs(value) * scale >= 2 ** 52) return value;
  const scaled = snapToDecimal(Math.abs(value) * scale);
  const rounded = Math.floor(snapToDecimal(scaled + 0.5)) / scale;
  return value < 0 ? -rounded : rounded;
}

/**
 * A share (0–1) as a percentage rounded half up from the unrounded share: 2/16 = 12.5 % → 13,
 * 0.285 → 29 (although 0.285 × 100 is 28.499999999999996 in doubles).
 *
 * @param share - an unrounded share, e.g. 2 / 16
 * @param digits - decimals of the percentage (default 0)
 * @returns the percentage; NaN stays NaN
 * @throws RangeError for digits outside 0–10
 * @example
 * roundPercent(2 / 16)  // 13
 * roundPercent(0.285)   // 29
 * roundPercent(1 / 3, 1) // 33.3
 */
export function roundPercent(share: number, digits = 0): number {
  assertDigits('roundPercent', digits);
  if (typeof share !== 'number') {
    throw new TypeError(`roundPercent: share must be a number, got ${describeValue(share)}`);
  }
  return roundHalfUp(snapToDecimal(share * 100), digits);
}

/** Options of {@link largestRemainder}. */
export interface LargestRemainderOptions {
  /** The sum the rounded values must have (default 100: percentages). */
  readonly total?: number;
  /** Decimals of the rounded values (default 0). */
  readonly digits?: number;
}

/**
 * Rounds a row of shares or counts so that the rounded values sum to exactly `total` (100 by
 * default): the largest-remainder (Hamilton) method. Each value is scaled so the row sums to
 * `total`, cut to `digits` decimals, and the units still missing go one each to the values with
 * the largest remainders (ties: the larger value, then the earlier position).
 *
 * @param values - non-negative shares or counts (any common scale: they are normalised)
 * @param options - the target total and decimals
 * @returns the rounded values, in input order, summing to `total` (all NaN when every value is 0)
 * @throws TypeError for a non-finite or negative value; RangeError for bad options
 * @example
 * largestRemainder([1, 1, 1])            // [34, 33, 33]
 * largestRemainder([0.125, 0.4375, 0.4375]) // [12, 44, 44]
 */
export function largestRemainder(
  values: ArrayLike<number>,
  options: LargestRemainderOptions = {},
): number[] {
  checkOptionKeys('largestRemainder', options, optionKeys<LargestRemainderOptions>({ total: true, digits: true }));
  const total = options.total ?? 100;
  const digits = options.digits ?? 0;
  assertDigits('largestRemainder', digits);
  assertFinite('largestRemainder', total, 'total');
  if (total <= 0) throw new RangeError(`largestRemainder: total must be positive, got ${total}`);
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new TypeError(
        `largestRemainder: values must be finite and non-negative; got ${describeValue(value)} at position ${i}`,
      );
    }
    largest = Math.max(largest, value);
  }
  if (values.length === 0) return [];
  // Sum the values scaled by a power of two at the largest (exact): values near 1e308 would
  // otherwise sum to Infinity and every quota to 0.
  const scale = powerOfTwoScale(largest);
  const scaled = Array.from(values, (v) => v * scale);
  let sum = 0;
  for (const value of scaled) sum += value;
  if (sum === 0) return Array.from({ length: values.length }, () => NaN);

  // Work in integer units of 10^-digits so the final sum is exact.
  const unit = 10 ** digits;
  const units = Math.round(total * unit);
  // Quotas and remainders are compared at 15 significant digits, so that remainders equal in
  // exact arithmetic (20/70 and 13/70 of 100 both leave .571428…) tie as they should.
  const quotas = scaled.map((v) => toFifteenDigits((v / sum) * units));
  const floors = quotas.map((q) => Math.floor(q));
  let missing = units - floors.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, remainder: toFifteenDigits(q - (floors[i] as number)), q }))
    .sort((a, b) => b.remainder - a.remainder || b.q - a.q || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    missing--;
  }
  return floors.map((f) => f / unit);
}
