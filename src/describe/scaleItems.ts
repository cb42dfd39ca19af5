/**
 * Reads a scale's items from a survey for the reliability functions. Internal.
 */
import { describeValue } from '../internal/validate';
import type { Survey } from '../data/surveyObject';
import type { Scale } from '../scale/types';

/** The items' codes (NaN for "ved ikke", blank and invalid), scales and reverse flags. */
export interface ScaleItems {
  readonly ids: readonly string[];
  readonly values: Float64Array[];
  readonly scales: readonly Scale[];
  /** Zero-based positions of the items to turn. */
  readonly reverse: readonly number[];
}

/** Checks `items` (two or more distinct item ids of `s`) and `reverse` (some of them) and reads their codes. */
export function readScaleItems(fn: string, s: Survey, items: unknown, reverse: unknown, minimum: number): ScaleItems {
  if (typeof s !== 'object' || s === null || (s as { kind?: unknown }).kind !== 'survey') {
    throw new TypeError(`${fn}: expected a survey made by survey(), got ${describeValue(s)}`);
  }
  const known = s.items.map((item) => item.id);
  if (!Array.isArray(items) || items.some((id) => typeof id !== 'string')) {
    throw new TypeError(`${fn}: items must be an array of item ids, got ${describeValue(items)}`);
  }
  if (items.length < minimum) {
    throw new RangeError(`${fn}: needs at least ${minimum} item${minimum === 1 ? '' : 's'}, got ${items.length}; name the scale's items, e.g. [${known.slice(0, 3).map((id) => `"${id}"`).join(', ')}]`);
  }
  const ids = items as string[];
  ids.forEach((id, i) => {
    if (!known.includes(id)) throw new RangeError(`${fn}: items[${i}] is ${describeValue(id)}, not an item of the survey; its items are ${known.map((k) => `"${k}"`).join(', ')}`);
    if (ids.indexOf(id) !== i) throw new RangeError(`${fn}: items[${i}] repeats "${id}"; name each item once`);
  });
  const positions: number[] = [];
  if (reverse !== undefined) {
    if (!Array.isArray(reverse) || reverse.some((id) => typeof id !== 'string')) {
      throw new TypeError(`${fn}: reverse must be an array of item ids (some of items), got ${describeValue(reverse)}`);
    }
    (reverse as string[]).forEach((id, i) => {
      const at = ids.indexOf(id);
      if (at < 0) throw new RangeError(`${fn}: reverse[${i}] is ${describeValue(id)}, which is not among items; list it in items too`);
      if (!positions.includes(at)) positions.push(at);
    });
  }
  const scales = ids.map((id) => (s.items.find((item) => item.id === id) as { scale: Scale }).scale);
  return { ids, values: ids.map((id) => s.numeric(id)), scales, reverse: positions };
}

/** Lowest plus highest code of a scale: a reverse-keyed code c is turned into this minus c. */
export function codeSpan(scale: Scale): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of scale.codes) {
    lo = Math.min(lo, c);
    hi = Math.max(hi, c);
  }
  return lo + hi;
}
