/**
 * Category keys and own-property lookups: the one place where a cell becomes a category (a
 * respondent id, a region, a size group), and the helpers that read a property only when the
 * object itself holds it, never from its prototype.
 */
import { INVISIBLE_CHARACTERS } from '../scale/normalizeLabel';
import { isMissingValue } from './missing';

/** One white-space or invisible character (tested one character at a time). */
const SPACE_OR_INVISIBLE = new RegExp(`[\\s${INVISIBLE_CHARACTERS}]`);

/**
 * The text without white space and invisible characters at either end, in one pass from each
 * end. (A regex such as `/\s+$/` is quadratic on a long inner run of spaces followed by text:
 * it retries the run from every position.)
 */
function trimEnds(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SPACE_OR_INVISIBLE.test(text[start] as string)) start++;
  while (end > start && SPACE_OR_INVISIBLE.test(text[end - 1] as string)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * The category a cell stands for, as text, or `null` for a missing cell; the one definition of
 * a category key in the library (respondent ids and categorical attributes use it).
 *
 * - Missing ({@link isMissingValue}): `null`.
 * - Text: white space and invisible characters are removed at both ends and the rest is put in
 *   Unicode NFC, so a decomposed "æ" (as some exports and macOS file names give) and the
 *   composed one are one category. Case and inner spacing are kept: "Nord" and "nord" are two
 *   categories (recode them if they are one).
 * - A finite number: its decimal text, without exponent (`1e21` → `"1000000000000000000000"`,
 *   `1e-7` → `"0.0000001"`, `-0` → `"0"`), so `101` and `"101"` are one category.
 * - A BigInt: all its digits (`2n ** 60n` → `"1152921504606846976"`), also beyond 2^53, where a
 *   double would round.
 * - A boolean: `"true"` or `"false"` (tick boxes read as JSON booleans).
 * - Anything else (`Infinity`, a `Date`, a plain object, an array, a symbol, a function) is not
 *   a category: its text would be `"[object Object]"` or depend on the time zone.
 *
 * @param value - one cell
 * @returns the key, or null when the cell is missing
 * @throws TypeError for a value that is not a category (see above); convert it to text first
 * @example
 * ```ts
 * categoryKey(' Hovedstaden ');   // 'Hovedstaden'
 * categoryKey(101);               // '101'
 * categoryKey(2n ** 60n);         // '1152921504606846976'
 * categoryKey('');                // null
 * categoryKey(new Date(0));       // throws TypeError
 * ```
 */
export function categoryKey(value: unknown): string | null {
  const key = readCategoryKey(value);
  if (key === undefined) {
    throw new TypeError(`categoryKey: ${describeCell(value)} is not a category; convert it to text or a number first`);
  }
  return key;
}

/**
 * Like {@link categoryKey}, but returns `undefined` instead of throwing for a value that is not
 * a category, so that a caller can report every such cell with its row. Internal.
 */
export function readCategoryKey(value: unknown): string | null | undefined {
  if (typeof value === 'string' && isPlainAscii(value)) return value;
  if (isMissingValue(value)) return null;
  switch (typeof value) {
    case 'string':
      return trimEnds(value).normalize('NFC');
    case 'number':
      return Number.isFinite(value) ? decimalText(value) : undefined;
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return undefined;
  }
}

/**
 * True for ASCII text that starts and ends with a visible character: its own key, since it has
 * nothing to trim (white space and invisible characters at the ends are ASCII controls, the
 * space or non-ASCII) and ASCII is already in NFC. The common id ("101", "R-0042") then costs
 * no regular expression and no new string.
 */
function isPlainAscii(text: string): boolean {
  const last = text.length - 1;
  if (last < 0) return false;
  const first = text.charCodeAt(0);
  const end = text.charCodeAt(last);
  if (first <= 0x20 || first >= 0x7f || end <= 0x20 || end >= 0x7f) return false;
  for (let i = 1; i < last; i++) if (text.charCodeAt(i) >= 0x7f) return false;
  return true;
}

/** A finite double as plain decimal text: the shortest round-trip digits, exponent expanded. */
function decimalText(x: number): string {
  if (Number.isInteger(x)) return BigInt(x).toString();
  const text = String(x);
  const e = text.indexOf('e');
  if (e === -1) return text;
  // Only |x| < 1e-6 reaches here (integers were handled above, and String() writes every other
  // non-integer without an exponent): "d.ddde-N" becomes "0.000ddd".
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const digits = mantissa.replace('.', '');
  const point = (mantissa.indexOf('.') === -1 ? mantissa.length : mantissa.indexOf('.')) + exponent;
  const body = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${negative ? '-' : ''}${body}`;
}

/**
 * Describes a cell for an error message: strings quoted, a Date with its ISO time, a plain
 * object as (shortened) JSON, instead of `"[object Object]"` or just `object`. Internal.
 */
export function describeCell(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return `a symbol (${value.description ?? ''})`;
  if (typeof value === 'function') return 'a function';
  if (value instanceof Date) return `a Date (${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value !== null && typeof value === 'object') {
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      json = undefined;
    }
    if (json === undefined) return 'an object';
    return `an object ${json.length > 60 ? `${json.slice(0, 57)}...` : json}`;
  }
  return String(value);
}

/**
 * The value of `object`'s own property `name`, or `undefined` when the object does not hold
 * it itself: `ownValue({}, 'toString')` is `undefined`, not `Object.prototype.toString`, and a
 * property named `__proto__` (as `JSON.parse('{"__proto__": 1}')` creates) is read like any
 * other. Internal.
 *
 * @param object - a row or a record of columns
 * @param name - the property name
 */
export function ownValue(object: object, name: string): unknown {
  const value = (object as Record<string, unknown>)[name];
  // Reading first and checking only defined values keeps the common case (an absent column
  // reads undefined) at one property access.
  if (value === undefined || Object.hasOwn(object, name)) return value;
  return undefined;
}
