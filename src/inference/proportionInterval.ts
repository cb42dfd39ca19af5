import { inverseRegularizedBeta } from '../math';
import { assertCount, assertLevel, assertOneOf, checkPopulationSize, describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { normalCritical, wilsonBounds } from './internal';

/** The interval methods {@link proportionInterval} offers. */
export type ProportionMethod = 'wald' | 'wilson' | 'agresti-coull' | 'clopper-pearson' | 'jeffreys';

/** Every {@link ProportionMethod}, for validating a caller's choice. Internal. */
export const PROPORTION_METHODS: readonly ProportionMethod[] = [
  'wald',
  'wilson',
  'agresti-coull',
  'clopper-pearson',
  'jeffreys',
];

/** Options of {@link proportionInterval}. */
export interface ProportionIntervalOptions {
  /** Interval method; default `'wilson'`. */
  method?: ProportionMethod;
  /** Confidence level strictly between 0 and 1; default 0.95. */
  level?: number;
  /**
   * Size N of the finite population the sample was drawn from without replacement (e.g. 98
   * municipalities). Omit (or pass `Infinity`) for no finite population correction.
   */
  populationSize?: number;
}

/** Result of {@link proportionInterval}: plain, JSON-serialisable data. */
export interface ProportionIntervalResult {
  /** Lower bound, in [0, 1]; `NaN` when n = 0. */
  lower: number;
  /** Upper bound, in [0, 1]; `NaN` when n = 0. */
  upper: number;
  /** The sample proportion successes / n; `NaN` when n = 0. */
  estimate: number;
  /** Number of successes. */
  successes: number;
  /** Number of trials (respondents). */
  n: number;
  /** Interval method used. */
  method: ProportionMethod;
  /** Confidence level. */
  level: number;
  /** Population size N when a finite population correction was applied. */
  populationSize?: number;
  /** Why the bounds are `NaN`, when they are. */
  reason?: string;
}

/**
 * Confidence interval for a binomial proportion: Wald, Wilson score, Agresti-Coull,
 * Clopper-Pearson ("exact") or Jeffreys.
 *
 * With p̂ = x/n and z = z_{1−α/2}, α = 1 − level:
 * - Wald: p̂ ± z·√(p̂(1 − p̂)/n). This is what the 2024 representativeness table prints.
 * - Wilson: the p with (p̂ − p)² ≤ z²·p(1 − p)/n, i.e.
 *   (x + z²/2)/(n + z²) ± z/(n + z²)·√(x(n − x)/n + z²/4); R's `prop.test(x, n, correct = FALSE)`.
 *   The bound near 0 (or 1) is computed from the product of the roots, so it keeps full relative
 *   precision for rare events.
 * - Agresti-Coull: ñ = n + z², p̃ = (x + z²/2)/ñ, p̃ ± z·√(p̃(1 − p̃)/ñ).
 * - Clopper-Pearson: the α/2 quantile of Beta(x, n − x + 1) and the 1 − α/2 quantile of
 *   Beta(x + 1, n − x); R's `binom.test`. Lower bound exactly 0 at x = 0, upper exactly 1 at x = n.
 * - Jeffreys: the α/2 and 1 − α/2 quantiles of Beta(x + ½, n − x + ½), with Brown, Cai and
 *   DasGupta's boundary rule: lower bound 0 at x = 0, upper bound 1 at x = n.
 *
 * Every interval is clipped to [0, 1].
 *
 * Finite population correction: when `populationSize` N is given, the variance of p̂ is
 * multiplied by (N − n)/(N − 1). It is applied uniformly as an effective sample size
 * n* = n·(N − 1)/(N − n) with x* = p̂·n*, fed to the chosen method. For Wald this is exactly the
 * variance correction, p̂ ± z·√(p̂(1 − p̂)/n · (N − n)/(N − 1)); for the other methods it is the
 * standard design-effect (effective sample size) approach, not an exact hypergeometric interval.
 * A census (n = N) gives the degenerate interval [p̂, p̂].
 *
 * @param successes - number of successes x, a non-negative integer ≤ n
 * @param n - number of trials, a non-negative integer
 * @param options - `method` (default `'wilson'`), `level` (default 0.95), `populationSize`
 * @returns the interval with its estimate; with n = 0 the estimate and bounds are `NaN` and
 *   `reason` says why
 * @throws RangeError when a count is not a non-negative integer, successes > n, the level is
 *   not strictly between 0 and 1, the method is unknown, or populationSize < n
 * @example
 * ```ts
 * proportionInterval(20, 70, { method: 'wald' });
 * // { lower: 0.1798861779237504, upper: 0.391542393504821, estimate: 0.2857142857142857,
 * //   successes: 20, n: 70, method: 'wald', level: 0.95 }   (18 %–39 % after half-up rounding)
 * proportionInterval(0, 20, { method: 'clopper-pearson' });
 * // { lower: 0, upper: 0.1684334709830853, estimate: 0, successes: 0, n: 20, … }
 * ```
 * @see R `binom.test`, `prop.test(correct = FALSE)`;
 *   Brown, Cai & DasGupta (2001), Interval estimation for a binomial proportion, Statistical
 *   Science 16(2), 101–133; Agresti & Coull (1998), The American Statistician 52(2), 119–126;
 *   Kish (1965), Survey Sampling (finite population correction, design effect).
 */
export function proportionInterval(
  successes: number,
  n: number,
  options: ProportionIntervalOptions = {},
): ProportionIntervalResult {
  checkOptionKeys('proportionInterval', options, optionKeys<ProportionIntervalOptions>({ method: true, level: true, populationSize: true }));
  const fn = 'proportionInterval';
  const { method = 'wilson', level = 0.95 } = options;
  assertCount(fn, successes, 'successes');
  assertCount(fn, n, 'n');
  if (successes > n) {
    throw new RangeError(
      `${fn}: successes (${successes}) must not exceed n (${n}); pass the number of trials as n`,
    );
  }
  assertLevel(fn, level);
  assertOneOf(fn, method, PROPORTION_METHODS, 'method');
  const populationSize = checkPopulationSize(fn, options.populationSize, n);

  const base = { successes, n, method, level } as const;
  const withN = populationSize === undefined ? {} : { populationSize };
  if (n === 0) {
    return {
      lower: NaN,
      upper: NaN,
      estimate: NaN,
      ...base,
      ...withN,
      reason: 'n is 0: no observations, so the proportion is undefined',
    };
  }
  const estimate = successes / n;
  if (populationSize !== undefined && populationSize === n) {
    // A census: no sampling error, so the interval collapses to the estimate.
    return { lower: estimate, upper: estimate, estimate, ...base, ...withN };
  }
  let effectiveN = n;
  let effectiveX = successes;
  if (populationSize !== undefined && Number.isFinite(populationSize)) {
    effectiveN = (n * (populationSize - 1)) / (populationSize - n);
    // Keep the boundary cases exact: x* = 0 and x* = n* when x = 0 and x = n.
    effectiveX = successes === n ? effectiveN : estimate * effectiveN;
  }
  const [lower, upper] = boundsFor(method, effectiveX, effectiveN, estimate, level);
  return {
    lower: Math.min(1, Math.max(0, lower)),
    upper: Math.min(1, Math.max(0, upper)),
    estimate,
    ...base,
    ...withN,
  };
}

/**
 * Bounds of the interval for (possibly effective, non-integer) counts x of n, unclipped.
 * Internal: weighted agreement shares call it with Kish's effective sample size.
 */
export function boundsFor(
  method: ProportionMethod,
  x: number,
  n: number,
  estimate: number,
  level: number,
): [number, number] {
  const alphaHalf = (1 - level) / 2;
  switch (method) {
    case 'wald': {
      const z = normalCritical(level);
      const halfWidth = z * Math.sqrt((estimate * (1 - estimate)) / n);
      return [estimate - halfWidth, estimate + halfWidth];
    }
    case 'wilson':
      return wilsonBounds(x, n, normalCritical(level));
    case 'agresti-coull': {
      const z = normalCritical(level);
      const z2 = z * z;
      const nTilde = n + z2;
      const pTilde = (x + z2 / 2) / nTilde;
      const halfWidth = z * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
      return [pTilde - halfWidth, pTilde + halfWidth];
    }
    case 'clopper-pearson': {
      const lower = x === 0 ? 0 : inverseRegularizedBeta(alphaHalf, x, n - x + 1);
      const upper = x === n ? 1 : inverseRegularizedBeta(alphaHalf, x + 1, n - x, false);
      return [lower, upper];
    }
    case 'jeffreys': {
      const lower = x === 0 ? 0 : inverseRegularizedBeta(alphaHalf, x + 0.5, n - x + 0.5);
      const upper = x === n ? 1 : inverseRegularizedBeta(alphaHalf, x + 0.5, n - x + 0.5, false);
      return [lower, upper];
    }
    default:
      // Unreachable: the method was validated by the caller.
      throw new RangeError(`proportionInterval: unknown method ${describeValue(method)}`);
  }
}
