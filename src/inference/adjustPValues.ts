import { assertOneOf, describeValue } from '../internal/validate';

/** The p-value adjustments of {@link adjustPValues}; one name per concept, no aliases. */
export type AdjustPValuesMethod = 'holm' | 'bonferroni' | 'benjamini-hochberg' | 'none';

/** Result of {@link adjustPValues}: the adjusted p-values, one per input, in input order. */
export type AdjustPValuesResult = number[];

const METHODS: readonly AdjustPValuesMethod[] = [
  'holm',
  'bonferroni',
  'benjamini-hochberg',
  'none',
];

/**
 * Adjusts p-values for multiple comparisons, exactly as R's `p.adjust(p, method)`.
 *
 * With m the number of p-values that are present (not `NaN`) and p₍₁₎ ≤ … ≤ p₍ₘ₎ their sorted
 * values:
 *
 * - `'bonferroni'`: p̃ᵢ = min(1, m·pᵢ) — controls the family-wise error rate.
 * - `'holm'` (Holm's step-down): p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎) — controls the
 *   family-wise error rate and is never larger than Bonferroni.
 * - `'benjamini-hochberg'`: p̃₍ᵢ₎ = min(1, min_{j ≥ i} (m / j)·p₍ⱼ₎) — controls the false
 *   discovery rate (R's `"BH"`, also called `"fdr"` there).
 * - `'none'`: the p-values unchanged (a copy).
 *
 * Missing entries (`NaN`, `null`, `undefined`) come back as `NaN` and are not counted in m,
 * which is what `p.adjust` does with its default `n = length(p)`: that default is evaluated
 * after the `NA`s are dropped. With m ≤ 1 every method returns the p-values unchanged, as R
 * does. Tied p-values get the same adjusted value. The input is not modified.
 *
 * @param p - p-values in [0, 1]; `NaN`, `null` or `undefined` for a missing test
 * @param method - `'holm'`, `'bonferroni'`, `'benjamini-hochberg'` or `'none'`
 * @returns a new array of adjusted p-values in input order, each in [pᵢ, 1]; `NaN` exactly
 *   where the input was missing
 * @throws TypeError when `p` is not an array or an entry is neither a number nor missing;
 *   RangeError when an entry is outside [0, 1] or the method is unknown (`'BH'` is not
 *   accepted: use `'benjamini-hochberg'`)
 * @example
 * ```ts
 * adjustPValues([0.01, 0.04, 0.03, 0.2], 'holm');
 * // [0.04, 0.09, 0.09, 0.2]
 * adjustPValues([0.01, 0.04, 0.03, 0.2], 'benjamini-hochberg');
 * // [0.04, 0.05333333333333333, 0.05333333333333333, 0.2]
 * adjustPValues([0.02, NaN, 0.001], 'bonferroni');
 * // [0.04, NaN, 0.002]
 * ```
 * @see R `p.adjust(p, method = c("holm", "bonferroni", "BH", "none"))`;
 *   Holm (1979), Scandinavian Journal of Statistics 6(2), 65–70;
 *   Benjamini & Hochberg (1995), JRSS B 57(1), 289–300.
 */
export function adjustPValues(
  p: ArrayLike<number | null | undefined>,
  method: AdjustPValuesMethod
): AdjustPValuesResult {
  const fn = 'adjustPValues';
  if (
    typeof p !== 'object' ||
    p === null ||
    typeof (p as { length?: unknown }).length !== 'number'
  ) {
    throw new TypeError(`${fn}: p must be an array of p-values, got ${describeValue(p)}`);
  }
  assertOneOf(fn, method, METHODS, 'method');

  const out: number[] = new Array<number>(p.length);
  // Indices of the present p-values; m is their number.
  const present: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const value = p[i];
    if (
      value === null ||
      value === undefined ||
      (typeof value === 'number' && Number.isNaN(value))
    ) {
      out[i] = NaN;
      continue;
    }
    if (typeof value !== 'number') {
      throw new TypeError(
        `${fn}: p[${i}] must be a number or missing (NaN, null, undefined), got ${describeValue(
          value
        )}`
      );
    }
    if (!(value >= 0 && value <= 1)) {
      throw new RangeError(`${fn}: p[${i}] must be a p-value in [0, 1], got ${value}`);
    }
    out[i] = value;
    present.push(i);
  }
  const m = present.length;
  if (m <= 1 || method === 'none') return out;

  if (method === 'bonferroni') {
    for (const i of present) out[i] = Math.min(1, m * (out[i] as number));
    return out;
  }

  // Sort the present indices by p (stable for ties; ties end up equal either way).
  const raw = present.map((i) => out[i] as number);
  const order = present.map((_, k) => k).sort((a, b) => (raw[a] as number) - (raw[b] as number));

  if (method === 'holm') {
    // Step down from the smallest p: multiplier m, m − 1, …, 1, made monotone by a running max.
    let running = 0;
    for (let rank = 0; rank < m; rank++) {
      const k = order[rank] as number;
      running = Math.max(running, (m - rank) * (raw[k] as number));
      out[present[k] as number] = Math.min(1, running);
    }
    return out;
  }

  // Benjamini–Hochberg: step up from the largest p with multiplier m / rank and a running min.
  // (m / rank) · p is evaluated in that order, as R's `n/i * p[o]`, so results match bit for bit.
  let running = Infinity;
  for (let rank = m; rank >= 1; rank--) {
    const k = order[rank - 1] as number;
    running = Math.min(running, (m / rank) * (raw[k] as number));
    out[present[k] as number] = Math.min(1, running);
  }
  return out;
}
