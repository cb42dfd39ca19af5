import { describeValue } from '../internal/validate';
import { resolveStarScheme, starsFor } from './internal';

/** One custom significance threshold: `stars` is shown when p < `below`. */
export interface StarThreshold {
  /** Strict upper limit for p, in (0, 1]. */
  below: number;
  /** The marker shown, e.g. `'***'` or `'†'`. */
  stars: string;
}

/** A star scheme: the reports' `'default'`, `'apa'`, or custom thresholds. */
export type StarScheme = 'default' | 'apa' | readonly StarThreshold[];

/**
 * The significance marker for a p-value under a star scheme, with a strict `<` at every
 * threshold: among the thresholds with p < `below`, the one with the smallest `below` wins.
 *
 * - `'default'` (the 2021 report): `***` p < 0.01, `**` p < 0.05, `*` p < 0.1.
 * - `'apa'`: `***` p < 0.001, `**` p < 0.01, `*` p < 0.05.
 * - custom: any thresholds `{ below, stars }`, in any order.
 *
 * So p = 0.05 exactly is `*` under `'default'` and `''` under `'apa'` (R's `symnum` is
 * right-closed and would give `*` there).
 *
 * @param p - a p-value in [0, 1], or `NaN` (an undefined test), which gives `''`
 * @param scheme - `'default'` (default), `'apa'` or an array of {@link StarThreshold}
 * @returns the marker, `''` when p is not below any threshold or is `NaN`
 * @throws TypeError when p is not a number; RangeError when p is outside [0, 1] or the scheme
 *   is unknown, a threshold's `below` is outside (0, 1] or repeated
 * @example
 * ```ts
 * significanceStars(0.0099);        // '***'
 * significanceStars(0.01);          // '**'
 * significanceStars(0.05, 'apa');   // ''
 * significanceStars(0.07, [{ below: 0.1, stars: '†' }]); // '†'
 * ```
 * @see R `symnum(p, cutpoints, symbols)` (right-closed, unlike this function)
 */
export function significanceStars(p: number, scheme: StarScheme = 'default'): string {
  const fn = 'significanceStars';
  const thresholds = resolveStarScheme(fn, scheme);
  if (typeof p !== 'number') {
    throw new TypeError(`${fn}: p must be a number in [0, 1] (or NaN), got ${describeValue(p)}`);
  }
  if (Number.isNaN(p)) return '';
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`${fn}: p must be a p-value in [0, 1], got ${describeValue(p)}`);
  }
  return starsFor(p, thresholds);
}
