import { studentTCdf } from '../math';
import { assertLevel, checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { designCovariance, designDegreesOfFreedom, type DesignInfo } from './designVariance';
import { normalCritical, readNumericView, resolveStarScheme, starsFor, type NumericInput } from './internal';
import type { StarScheme } from './significanceStars';

/** Options of {@link weightedPearson}. */
export interface WeightedPearsonOptions {
  /**
   * The sampling design (strata, clusters, fpc, calibration) over the same units as x, y and the
   * weights; default: none, i.e. R's `svydesign(ids = ~1, weights = ~w)`.
   */
  readonly design?: DesignInfo;
  /**
   * A domain (R's `subset(design, …)`): one entry per unit, truthy for the units of the domain.
   * The units outside are left out of the estimates but stay in the design with their weights
   * (the PSUs, strata and calibration are those of the whole sample). Default: every unit.
   */
  readonly domain?: ArrayLike<number | boolean>;
  /** Confidence level of the interval, strictly between 0 and 1; default 0.95. */
  readonly level?: number;
  /** Star scheme for the p-value (see `significanceStars`); default `'default'`. */
  readonly stars?: StarScheme;
}

/** Result of {@link weightedPearson}: plain, JSON-serialisable data. */
export interface WeightedPearsonResult {
  /** Weighted Pearson r in [−1, 1]; `NaN` with fewer than 3 complete pairs or a constant variable. */
  readonly r: number;
  /** Complete pairs with a positive weight (in the domain). */
  readonly n: number;
  /** Units left out: x or y missing, a weight of 0, or outside the domain. */
  readonly nExcluded: number;
  /** Kish's effective sample size (Σw)²/Σw² over the complete pairs. */
  readonly nEffective: number;
  /** Slope of the weighted regression of y on x, Sxy/Sxx. */
  readonly slope: number;
  /** Design-based (linearisation) standard error of the slope, as `svyglm`. */
  readonly se: number;
  /** slope / se: the t of `svyglm(y ~ x, design)`'s slope; ±Infinity when |r| = 1. */
  readonly t: number;
  /** Degrees of freedom of the test: the design's (PSUs − strata, over the complete pairs) − 1. */
  readonly df: number;
  /** Two-sided p-value 2·P(T_df ≥ |t|); `NaN` when t is, or df < 1. */
  readonly p: number;
  /** Significance marker for p; `''` when p is `NaN`. */
  readonly stars: string;
  /** Fisher-z interval on Kish's effective n; `NaN` bounds when nEffective ≤ 3 or r is `NaN`. */
  readonly ci: { readonly lower: number; readonly upper: number; readonly level: number; readonly method: 'fisher-z-kish' };
  readonly method: 'weighted-pearson';
  /** Why the undefined fields are `NaN`, when they are. */
  readonly reason?: string;
}

/**
 * The weighted Pearson correlation of x and y with a design-based test of ρ = 0, as R's
 * `survey` package gives them.
 *
 * Over the complete pairs (x and y present, w > 0), with weighted means x̄ = Σwx/Σw and ȳ:
 * Sxx = Σw(x − x̄)², Syy = Σw(y − ȳ)², Sxy = Σw(x − x̄)(y − ȳ), and r = Sxy/√(Sxx·Syy), as
 * `cov.wt(cbind(x, y), wt = w, cor = TRUE)` and `cov2cor(svyvar(~x + y, design))`.
 *
 * The test is the t test of the slope b = Sxy/Sxx in the weighted regression of y on x,
 * `summary(svyglm(y ~ x, design))`: each unit's influence on b is
 * z_i = w_i·e_i·(x_i − x̄)/Sxx with residual e_i = (y_i − ȳ) − b(x_i − x̄) (0 for the units
 * left out), se² is the design variance of Σz_i (Taylor linearisation, `svyrecvar`), t = b/se
 * and p = 2·P(T_df ≥ |t|) with df = degf − 1, degf the number of PSUs minus the number of strata
 * that hold a complete pair (svyglm's `df.residual`). Unlike r, t depends on which variable is
 * the response: `weightedPearson(x, y)` tests the regression of y on x.
 *
 * Interval: R has no design-based interval for r; this one is Fisher's,
 * tanh(atanh(r) ∓ z_{1−α/2}/√(n_eff − 3)), on Kish's effective n_eff = (Σw)²/Σw², a documented
 * approximation (with equal weights it is the interval of `cor.test`).
 *
 * @param x - numbers (`null`/`undefined`/`NaN` for missing) or a coded LikertColumn
 * @param y - same length as `x`
 * @param weights - one non-negative finite weight per unit (0 leaves the unit out of the estimate,
 *   as a unit outside a `subset()` of the design)
 * @param options - `design` (default: weights only), `domain` (a subset, as R's `subset()`),
 *   `level` (default 0.95), `stars`
 * @returns the correlation and test; with fewer than 3 complete pairs or a constant x or y,
 *   r, slope, se, t, p and the interval are `NaN` with a `reason`; with df < 1, p is `NaN`
 * @throws RangeError when x, y, the weights or the design differ in length, a weight is negative,
 *   or the level is outside (0, 1); TypeError for a weight that is not a finite number, a value
 *   that is neither a number nor missing, or an unknown option
 * @example
 * ```ts
 * weightedPearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], [1, 2, 1, 2, 1]);
 * // { n: 5, nExcluded: 0, nEffective: 4.454545454545454, method: 'weighted-pearson',
 * //   r: 0.7877609890611015, slope: 0.8333333333333334, se: 0.2866359692822402,
 * //   t: 2.9072880679283477, df: 3, p: 0.062133242462425145, stars: '*',
 * //   ci: { lower: -0.5076903673515488, upper: 0.9908379302551157, level: 0.95, method: 'fisher-z-kish' } }
 * // R: summary(svyglm(y ~ x, svydesign(ids = ~1, weights = ~w, data = d))) gives x's Pr(>|t|) 0.06213324246242498
 * ```
 * @see R `cov.wt(cbind(x, y), wt = w, cor = TRUE)`, `summary(svyglm(y ~ x, design))` (survey);
 *   Lumley (2010), Complex Surveys, ch. 5; Kish (1965), Survey Sampling.
 */
export function weightedPearson(
  x: NumericInput,
  y: NumericInput,
  weights: ArrayLike<number>,
  options: WeightedPearsonOptions = {},
): WeightedPearsonResult {
  const fn = 'weightedPearson';
  checkOptionKeys(fn, options, optionKeys<WeightedPearsonOptions>({ design: true, domain: true, level: true, stars: true }));
  const { level = 0.95, stars: scheme = 'default' } = options;
  assertLevel(fn, level);
  const thresholds = resolveStarScheme(fn, scheme);
  const xs = readNumericView(fn, x, 'x');
  const ys = readNumericView(fn, y, 'y');
  const size = xs.length;
  if (ys.length !== size) {
    throw new RangeError(`${fn}: x and y must have the same length (one entry per unit), got ${size} and ${ys.length}`);
  }
  const w = checkWeights(fn, weights, size);
  const design = options.design ?? weightsOnlyDesign(size);
  checkDesign(fn, design, size);
  const domain = checkDomain(fn, options.domain, size);

  // The complete pairs: x and y present, a positive weight, in the domain.
  const used = new Uint8Array(size);
  let n = 0;
  let sumW = 0;
  let sumW2 = 0;
  for (let i = 0; i < size; i++) {
    const wi = w[i] as number;
    if (Number.isNaN(xs[i] as number) || Number.isNaN(ys[i] as number) || !(wi > 0) || (domain !== null && !domain[i])) continue;
    used[i] = 1;
    n++;
    sumW += wi;
    sumW2 += wi * wi;
  }
  const nEffective = n === 0 ? 0 : (sumW * sumW) / sumW2;
  const base = { n, nExcluded: size - n, nEffective, method: 'weighted-pearson' as const };
  const undefinedResult = (reason: string): WeightedPearsonResult => ({
    ...base,
    r: NaN,
    slope: NaN,
    se: NaN,
    t: NaN,
    df: NaN,
    p: NaN,
    stars: '',
    ci: { lower: NaN, upper: NaN, level, method: 'fisher-z-kish' },
    reason,
  });
  if (n < 3) return undefinedResult(n === 0 ? 'no complete pairs: fewer than 3 complete pairs' : 'fewer than 3 complete pairs');

  // Weighted means, two-pass: the mean, then the mean of the deviations as a correction.
  let mx = 0;
  let my = 0;
  for (let i = 0; i < size; i++) {
    if (used[i] !== 1) continue;
    mx += (w[i] as number) * (xs[i] as number);
    my += (w[i] as number) * (ys[i] as number);
  }
  mx /= sumW;
  my /= sumW;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < size; i++) {
    if (used[i] !== 1) continue;
    cx += (w[i] as number) * ((xs[i] as number) - mx);
    cy += (w[i] as number) * ((ys[i] as number) - my);
  }
  mx += cx / sumW;
  my += cy / sumW;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < size; i++) {
    if (used[i] !== 1) continue;
    const wi = w[i] as number;
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxx += wi * dx * dx;
    syy += wi * dy * dy;
    sxy += wi * dx * dy;
  }
  if (sxx === 0 && syy === 0) return undefinedResult('x and y are constant');
  if (sxx === 0) return undefinedResult('x is constant');
  if (syy === 0) return undefinedResult('y is constant');
  const r = Math.min(1, Math.max(-1, sxy / Math.sqrt(sxx * syy)));

  // The slope's influence z_i = w_i·e_i·(x_i − x̄)/Sxx: the second row of (X'WX)⁻¹ times the
  // unit's estimating function w_i·e_i·(1, x_i); units left out have 0.
  const slope = sxy / sxx;
  const influence = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    if (used[i] !== 1) continue;
    const dx = (xs[i] as number) - mx;
    const residual = (ys[i] as number) - my - slope * dx;
    influence[i] = ((w[i] as number) * residual * dx) / sxx;
  }
  // The domain's rows: svyglm drops incomplete pairs, subset() the units outside.
  const rows = Uint8Array.from(xs, (x, i) => (Number.isNaN(x) || Number.isNaN(ys[i] as number) || (domain !== null && !domain[i]) ? 0 : 1));
  const variance = designCovariance([influence], design, w, rows)[0] as number;
  const se = Math.sqrt(variance);
  const t = slope / se;
  const df = designDegreesOfFreedom(design, used) - 1; // PSUs and strata holding a complete pair

  let lower = NaN;
  let upper = NaN;
  if (nEffective > 3) {
    const z = Math.atanh(r);
    const halfWidth = normalCritical(level) / Math.sqrt(nEffective - 3);
    lower = Math.tanh(z - halfWidth);
    upper = Math.tanh(z + halfWidth);
  }
  const ci = { lower, upper, level, method: 'fisher-z-kish' as const };
  if (!(df >= 1)) {
    return { ...base, r, slope, se, t, df, p: NaN, stars: '', ci, reason: `the design has ${df} degrees of freedom for the test: it needs more PSUs than strata + 1` };
  }
  const p = Number.isNaN(t) ? NaN : Math.min(1, 2 * studentTCdf(Math.abs(t), df, false));
  const result: WeightedPearsonResult = { ...base, r, slope, se, t, df, p, stars: Number.isNaN(p) ? '' : starsFor(p, thresholds), ci };
  return nEffective > 3 ? result : { ...result, reason: 'the Fisher-z interval needs an effective sample size above 3' };
}

/** The design of a weighted survey without strata, clusters or calibration: svydesign(ids = ~1, weights = ~w). Internal. */
export function weightsOnlyDesign(n: number): DesignInfo {
  return { n, strata: null, cluster: null, fpc: null, postStrata: [] };
}

/** Checks one finite, non-negative weight per unit and returns them as a Float64Array. Internal. */
export function checkWeights(fn: string, weights: ArrayLike<number>, size: number): Float64Array {
  if (weights === null || typeof weights !== 'object' || typeof weights.length !== 'number') {
    throw new TypeError(`${fn}: weights must be an array of numbers, one per unit, got ${describeValue(weights)}`);
  }
  if (weights.length !== size) {
    throw new RangeError(`${fn}: weights must have one entry per unit (${size}), got ${weights.length}`);
  }
  const out = weights instanceof Float64Array ? weights : new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const wi = weights[i];
    if (typeof wi !== 'number' || !Number.isFinite(wi)) {
      throw new TypeError(`${fn}: weights[${i}] must be a finite number, got ${describeValue(wi)}; give every unit a weight (0 leaves it out)`);
    }
    if (wi < 0) throw new RangeError(`${fn}: weights[${i}] must be non-negative, got ${wi}`);
    if (out !== weights) out[i] = wi;
  }
  return out;
}

/** Checks a domain of `size` units (undefined: all of them) and returns it, or null. Internal. */
export function checkDomain(fn: string, domain: ArrayLike<number | boolean> | undefined, size: number): ArrayLike<number | boolean> | null {
  if (domain === undefined) return null;
  if (domain === null || typeof domain !== 'object' || typeof domain.length !== 'number') {
    throw new TypeError(`${fn}: domain must be an array with one entry per unit (true or 1 inside), got ${describeValue(domain)}`);
  }
  if (domain.length !== size) throw new RangeError(`${fn}: domain must have one entry per unit (${size}), got ${domain.length}`);
  return domain;
}

/** Checks that a design covers `size` units. Internal. */
export function checkDesign(fn: string, design: DesignInfo, size: number): void {
  if (design === null || typeof design !== 'object' || typeof design.n !== 'number') {
    throw new TypeError(`${fn}: design must be a design { n, strata, cluster, fpc, postStrata }, got ${describeValue(design)}`);
  }
  if (design.n !== size) {
    throw new RangeError(`${fn}: the design has ${design.n} units but the data have ${size}; pass the design of the same units`);
  }
}
