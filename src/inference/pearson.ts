import { columnCodes } from '../data/columnData';
import { regularizedBeta } from '../math';
import { assertLevel, checkOptionKeys, optionKeys } from '../internal/validate';
import { centredSums, crossTabulateLevels, integerScores } from './crossTab';
import {
  isLikertColumn,
  normalCritical,
  readNumericView,
  resolveStarScheme,
  starsFor,
  type NumericInput,
} from './internal';
import type { StarScheme, StarThreshold } from './significanceStars';
import { pairPearson } from '../summary/pairPearson';
import type { PairSummary } from '../summary/types';
import { isPairSummary } from '../summary/validateSummary';

/** Options of {@link pearson}. */
export interface PearsonOptions {
  /** Confidence level of the Fisher-z interval, strictly between 0 and 1; default 0.95. */
  level?: number;
  /** Star scheme for the p-value (see `significanceStars`); default `'default'`. */
  stars?: StarScheme;
}

/** Result of {@link pearson}: plain, JSON-serialisable data. */
export interface PearsonResult {
  /** Pearson's r in [−1, 1]; `NaN` when n < 3 or a variable is constant. */
  r: number;
  /** Number of complete pairs used. */
  n: number;
  /** Pairs dropped because x or y was missing (or a non-substantive answer). */
  nExcluded: number;
  /** Degrees of freedom n − 2; `NaN` when n < 3. */
  df: number;
  /** t = r·√(df/(1 − r²)); ±Infinity when |r| = 1; `NaN` when r is. */
  t: number;
  /** Two-sided p-value of H₀: ρ = 0; `NaN` when r is. */
  p: number;
  /** Significance marker for p under the chosen scheme; `''` when p is `NaN`. */
  stars: string;
  /** Fisher-z confidence interval for ρ; `NaN` bounds when n ≤ 3 or r is `NaN`. */
  ci: { lower: number; upper: number; level: number; method: 'fisher-z' };
  method: 'pearson';
  /** Why the undefined fields are `NaN`, when they are. */
  reason?: string;
}

/**
 * Pearson's product-moment correlation with its two-sided t test, Fisher-z confidence
 * interval and significance stars, with pairwise deletion of missing values.
 *
 * r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²), computed two-pass: the means first (with a
 * correcting pass), then the centred sums, on values rescaled by powers of two (exact) so that
 * neither 1e-200 nor 1e200 under- or overflows, with compensated (Neumaier) sums so that the
 * rounding error does not grow with n. r is clipped to [−1, 1].
 *
 * Test: t = r·√(df/(1 − r²)) with df = n − 2. The two-sided p-value
 * P(|T_df| ≥ |t|) equals the regularised incomplete beta I_{1−r²}(df/2, ½), which is evaluated
 * directly from the tail (never as 1 − CDF), so p keeps full precision down to 1e-300.
 *
 * Interval (n > 3): tanh(atanh(r) ∓ z_{1−α/2}/√(n − 3)).
 *
 * Pairwise deletion: pair i is used only when both x[i] and y[i] are present; `null`,
 * `undefined` and `NaN` are missing, and for a {@link LikertColumn} so are non-substantive
 * answers ("Ved ikke"), missing and invalid codes. A column contributes `scale.codes[index]`.
 *
 * @param x - numbers (`null`/`undefined`/`NaN` for missing) or a coded LikertColumn
 * @param y - same length as `x`; numbers or a LikertColumn (mixing is allowed)
 * @param options - `level` (default 0.95) and `stars` scheme (default `'default'`)
 * @returns the correlation; with fewer than 3 complete pairs, or when x or y is constant over
 *   the complete pairs, `r`, `t`, `p` and the interval are `NaN`, `stars` is `''` and `reason`
 *   says why (this is data, not an error)
 * @throws RangeError when x and y differ in length, the level is outside (0, 1) or the star
 *   scheme is invalid; TypeError when a value is neither a finite number nor missing
 * @example
 * ```ts
 * pearson([1, 2, 3, 4], [0, 1, 0.5, 1]);
 * // { r: 0.674199862463242, n: 4, nExcluded: 0, df: 2, t: 1.2909944487358054,
 * //   p: 0.325800137536758, stars: '',
 * //   ci: { lower: -0.8149389688416071, upper: 0.99230697523625, level: 0.95, method: 'fisher-z' },
 * //   method: 'pearson' }
 * ```
 * @see R `cor.test(x, y, method = "pearson")`; Fisher (1921), Metron 1, 3–32. For weighted or
 *   complex samples: {@link weightedPearson} (`pearson` ignores weights).
 */
export function pearson(x: NumericInput, y: NumericInput, options?: PearsonOptions): PearsonResult;
/**
 * Pearson's r from a pair summary (`summarize(s, { pairs }).pairs[k]`): the same result as
 * `pearson(s.item(x), s.item(y), options)` on the survey it summarises.
 *
 * @param pair - a pair summary
 * @param options - `level` and `stars`, as above
 * @returns the correlation, as above (`nExcluded` counts the summarised respondents outside the pair table)
 * @throws TypeError for a malformed pair summary; RangeError for a bad level or star scheme
 * @example
 * pearson(summarize(s, { pairs: [['q1', 'q2']] }).pairs[0]).r // as pearson(s.item('q1'), s.item('q2')).r
 */
export function pearson(pair: PairSummary, options?: PearsonOptions): PearsonResult;
/**
 * Pearson's test from a published correlation `{ r, n }` (a table without its microdata): the
 * same t = r·√((n − 2)/(1 − r²)), p, stars and Fisher-z interval as from the data, as R's
 * `cor.test` gives them for data with that r and n (`nExcluded` is 0).
 *
 * @param published - `{ r, n }`: r in [−1, 1], n a non-negative integer
 * @param options - `level` and `stars`, as above
 * @returns the correlation, as above: `r` as given, except that n < 3 gives NaN fields with a `reason`
 * @throws RangeError when r is outside [−1, 1] (or NaN) or n is not a non-negative integer
 * @example
 * pearson({ r: 0.31, n: 95 });
 * // t: 3.144437557645716, df: 93, p: 0.0022341877594365105, stars: '***',
 * // ci: { lower: 0.11568478578927165, upper: 0.4814620601971654, level: 0.95, method: 'fisher-z' }
 */
export function pearson(published: PublishedCorrelation, options?: PearsonOptions): PearsonResult;
export function pearson(
  x: NumericInput | PairSummary | PublishedCorrelation,
  y?: NumericInput | PearsonOptions,
  options: PearsonOptions = {},
): PearsonResult {
  if (isPairSummary(x)) return pairPearson('pearson', x, (y ?? {}) as PearsonOptions);
  if (isPublishedCorrelation(x)) return pearsonOfPublished(x, (y ?? {}) as PearsonOptions);
  if (y === undefined) throw new TypeError('pearson: y is required (one value per respondent), unless x is a pair summary');
  return pearsonOfValues(x, y as NumericInput, options);
}

/** A published correlation: r and the number of complete pairs it was computed from. */
export interface PublishedCorrelation {
  readonly r: number;
  readonly n: number;
}

function isPublishedCorrelation(x: unknown): x is PublishedCorrelation {
  return typeof x === 'object' && x !== null && 'r' in x && 'n' in x && !('kind' in x);
}

/** r with unit sums of squares: Sxx = Syy = 1 and Sxy = r give the same t, p and interval. */
function pearsonOfPublished({ r, n }: PublishedCorrelation, options: PearsonOptions): PearsonResult {
  const { level, thresholds } = readPearsonOptions(options);
  if (!(r >= -1 && r <= 1) || !Number.isInteger(n) || n < 0) {
    throw new RangeError(`pearson: a published correlation needs r from -1 to 1 and n a non-negative integer, got r = ${r}, n = ${n}`);
  }
  return correlationResult(n, 0, 1, 1, r, level, thresholds);
}

function readPearsonOptions(options: PearsonOptions): { level: number; thresholds: readonly StarThreshold[] } {
  checkOptionKeys('pearson', options, optionKeys<PearsonOptions>({ level: true, stars: true }));
  const { level = 0.95, stars: scheme = 'default' } = options;
  assertLevel('pearson', level);
  return { level, thresholds: resolveStarScheme('pearson', scheme) };
}

function pearsonOfValues(x: NumericInput, y: NumericInput, options: PearsonOptions): PearsonResult {
  const fn = 'pearson';
  const { level, thresholds } = readPearsonOptions(options);
  // Two coded columns with integer codes: exact sums from their cross-table of levels (see
  // crossTab.ts), with no per-respondent numbers to build.
  if (isLikertColumn(x) && isLikertColumn(y) && integerScores(x.scale.codes) && integerScores(y.scale.codes)) {
    const xLength = columnCodes(x).length;
    const yLength = columnCodes(y).length;
    if (xLength !== yLength) {
      throw new RangeError(
        `${fn}: x and y must have the same length (one entry per respondent), got ${xLength} and ${yLength}`,
      );
    }
    const table = crossTabulateLevels(x, y);
    const { sxx, syy, sxy } = centredSums(table, x.scale.codes, y.scale.codes);
    return correlationResult(table.n, xLength - table.n, sxx, syy, sxy, level, thresholds);
  }
  const xs = readNumericView(fn, x, 'x');
  const ys = readNumericView(fn, y, 'y');
  if (xs.length !== ys.length) {
    throw new RangeError(
      `${fn}: x and y must have the same length (one entry per respondent), got ${xs.length} and ${ys.length}`,
    );
  }

  // Count the complete pairs and find the largest magnitude of each variable among them.
  let n = 0;
  let maxX = 0;
  let maxY = 0;
  for (let i = 0; i < xs.length; i++) {
    const xi = xs[i] as number;
    const yi = ys[i] as number;
    if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
    n++;
    maxX = Math.max(maxX, Math.abs(xi));
    maxY = Math.max(maxY, Math.abs(yi));
  }
  const nExcluded = xs.length - n;
  if (n < 3) return correlationResult(n, nExcluded, NaN, NaN, NaN, level, thresholds);

  // Rescale by powers of two (exact) so that sums of squares neither overflow nor underflow.
  // Two-pass: centre on the means (with a correcting pass), then the sums of products. Every
  // sum is compensated (Neumaier), so the rounding error does not grow with n. The complete
  // pairs are read in place, in order, never gathered into arrays of their own.
  const scaleX = powerOfTwoScale(maxX);
  const scaleY = powerOfTwoScale(maxY);
  const { meanX, correctionX, meanY, correctionY } = pairedMeans(xs, ys, scaleX, scaleY, n);
  const sxx = new Neumaier();
  const syy = new Neumaier();
  const sxy = new Neumaier();
  for (let i = 0; i < xs.length; i++) {
    const xi = xs[i] as number;
    const yi = ys[i] as number;
    if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
    const dx = xi * scaleX - meanX - correctionX;
    const dy = yi * scaleY - meanY - correctionY;
    sxx.add(dx * dx);
    syy.add(dy * dy);
    sxy.add(dx * dy);
  }
  return correlationResult(n, nExcluded, sxx.total(), syy.total(), sxy.total(), level, thresholds);
}

/** A running sum by Neumaier's compensated summation (Neumaier 1974), as the sums of products. */
class Neumaier {
  private sum = 0;
  private compensation = 0;
  add(value: number): void {
    const next = this.sum + value;
    this.compensation += Math.abs(this.sum) >= Math.abs(value) ? this.sum - next + value : value - next + this.sum;
    this.sum = next;
  }
  total(): number {
    return this.sum + this.compensation;
  }
}

/**
 * The means of the rescaled x and y over the n complete pairs, each as m and c with m = Σv/n
 * (compensated) and the correction c = Σ(v − m)/n kept apart from m: deviations are then taken
 * as (v − m) − c, so that for data far from 0 (10¹² + small values) v − m is exact and c is not
 * lost in the rounding of m to the data's magnitude.
 */
function pairedMeans(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  scaleX: number,
  scaleY: number,
  n: number,
): { meanX: number; correctionX: number; meanY: number; correctionY: number } {
  const sumX = new Neumaier();
  const sumY = new Neumaier();
  for (let i = 0; i < xs.length; i++) {
    const xi = xs[i] as number;
    const yi = ys[i] as number;
    if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
    sumX.add(xi * scaleX);
    sumY.add(yi * scaleY);
  }
  const meanX = sumX.total() / n;
  const meanY = sumY.total() / n;
  let correctionX = 0;
  let correctionY = 0;
  for (let i = 0; i < xs.length; i++) {
    const xi = xs[i] as number;
    const yi = ys[i] as number;
    if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
    correctionX += xi * scaleX - meanX;
    correctionY += yi * scaleY - meanY;
  }
  return { meanX, correctionX: correctionX / n, meanY, correctionY: correctionY / n };
}

/**
 * r, t, p, stars and the Fisher-z interval from the centred sums of n complete pairs: the part
 * shared by the respondent-level and the cross-table paths. Internal (Spearman uses it on ranks).
 */
export function correlationResult(
  n: number,
  nExcluded: number,
  sxx: number,
  syy: number,
  sxy: number,
  level: number,
  thresholds: readonly StarThreshold[],
): PearsonResult {
  const undefinedResult = (reason: string): PearsonResult => ({
    r: NaN,
    n,
    nExcluded,
    df: n >= 3 ? n - 2 : NaN,
    t: NaN,
    p: NaN,
    stars: '',
    ci: { lower: NaN, upper: NaN, level, method: 'fisher-z' },
    method: 'pearson',
    reason,
  });
  if (n < 3) {
    return undefinedResult(
      n === 0 ? 'no complete pairs: fewer than 3 complete pairs' : 'fewer than 3 complete pairs',
    );
  }
  if (sxx === 0 && syy === 0) return undefinedResult('x and y are constant');
  if (sxx === 0) return undefinedResult('x is constant');
  if (syy === 0) return undefinedResult('y is constant');

  // √(Sxx·Syy) in one root (exact for y = a·x + b more often than √Sxx·√Syy); the rescaling
  // keeps the product in range, the fallback covers a product that still underflows.
  const product = sxx * syy;
  const norm = product > 0 && Number.isFinite(product) ? Math.sqrt(product) : Math.sqrt(sxx) * Math.sqrt(syy);
  const r = Math.min(1, Math.max(-1, sxy / norm));
  const df = n - 2;
  const oneMinusR2 = (1 - r) * (1 + r);
  const t = r * Math.sqrt(df / oneMinusR2);
  // P(|T| >= |t|) = I_{df/(df+t²)}(df/2, 1/2) and df/(df + t²) = 1 − r².
  const p = oneMinusR2 === 0 ? 0 : regularizedBeta(oneMinusR2, df / 2, 0.5, true, r * r);

  let lower = NaN;
  let upper = NaN;
  if (n > 3) {
    const z = Math.atanh(r);
    const halfWidth = normalCritical(level) / Math.sqrt(n - 3);
    lower = Math.tanh(z - halfWidth);
    upper = Math.tanh(z + halfWidth);
  }
  const result: PearsonResult = {
    r,
    n,
    nExcluded,
    df,
    t,
    p,
    stars: starsFor(p, thresholds),
    ci: { lower, upper, level, method: 'fisher-z' },
    method: 'pearson',
  };
  if (n <= 3) result.reason = 'the Fisher-z interval needs more than 3 complete pairs';
  return result;
}

/**
 * 2^−e with 2^e the smallest power of two ≥ `max` (1 when max is 0 or moderate). Multiplying by
 * a power of two is exact, so the rescaling changes no digit of r. The exponent is capped at
 * 1000 for subnormal inputs, whose 2^−e would overflow.
 */
function powerOfTwoScale(max: number): number {
  if (max === 0 || (max > 1e-100 && max < 1e100)) return 1;
  return 2 ** -Math.max(-1000, Math.ceil(Math.log2(max)));
}

