/**
 * The profile-likelihood interval of a proportion from a complex sample, as R's
 * `svyciprop(method = "likelihood")`: the intercept of a quasi-binomial survey GLM, profiled on
 * a grid of its deviance, with the likelihood-ratio cut-off rescaled by the design effect
 * (Rao–Scott). Internal module: `agreementShare` fits the model and calls
 * {@link profileLikelihoodInterval}.
 */
import { normalCdf, normalQuantile, studentTQuantile } from '../math';

/** The fitted intercept-only quasi-binomial model that the interval profiles. */
export interface QuasiBinomialFit {
  /** β̂, the intercept (logit of the estimate) as the GLM's iterations leave it. */
  readonly coefficient: number;
  /** The design-based standard error of β̂ (`SE(svyglm(…))`). */
  readonly se: number;
  /** The model-based (naive) variance of β̂: 1/Σ w̃ over the working weights w̃ of the last iteration. */
  readonly naiveVariance: number;
  /** The rows of the model frame (`nrow(design)`): the profile's F quantile has rows − 1 degrees of freedom. */
  readonly rows: number;
  /** The residual deviance at intercept b, with the GLM's prior weights. */
  readonly deviance: (b: number) => number;
  /** The dispersion that scales the deviance (`summary(svyglm(…))$dispersion`). */
  readonly dispersion: number;
}

/** Result of {@link profileLikelihoodInterval}: bounds on the logit scale. */
export interface ProfileInterval {
  readonly lower: number;
  readonly upper: number;
  /** Why a bound is `NaN` (the profile did not reach the cut-off, or found a better fit). */
  readonly reason?: string;
}

/** The profile's steps each way (MASS's `maxsteps`, which R's survey keeps at 10: at most 9 points). */
const MAX_STEPS = 10;

/**
 * The profile-likelihood interval of the intercept of `svyglm(y ~ 1, design, family =
 * quasibinomial)`, as `confint(m, method = "likelihood", ddf = df)` in R's survey package.
 *
 * With t = t_{(1−level)/2, df} (lower tail; normal for df = ∞), λ = se²/naive the design effect
 * of β̂ and α = Φ(t√λ)/2:
 * 1. the grid: b_s = β̂ ± s·δ·se for s = 1, 2, … while s < 10 and |z| < z_max, where
 *    z_max = t_{1−α/2, rows−1} (√ of the F(1, rows − 1) quantile R uses) and δ = z_max/5;
 *    at each b the signed root z = ±√((D(b) − D(β̂))/φ) of the deviance change over the
 *    dispersion φ (a change below −0.001 means the fit had not converged);
 * 2. z(b) through those points by the Forsythe–Malcolm–Moler cubic spline, evaluated at
 *    3 × (points) equally spaced b from the smallest to the largest (R's `spline()`);
 * 3. the bounds: where that curve crosses ∓Φ⁻¹(2α) = ±|t|√λ, by linear interpolation between
 *    the evaluated points (R's `approx`), `NaN` where the grid does not reach the cut-off.
 *
 * The grid and the interpolation are R's, so that the bounds agree with R's to rounding, not
 * only to the interpolation error of the grid.
 *
 * @param fit - the fitted model
 * @param level - the confidence level, in (0, 1)
 * @param df - the design's degrees of freedom (`degf(design)`), or `Infinity`
 * @returns the bounds of β on the logit scale
 * @see R: `survey::svyciprop(~y, design, method = "likelihood")`, `survey:::confint.svyglm`,
 *   `survey:::MASSprofile_glm`, `survey:::confint_profile` (survey 4.1-1);
 *   Venables & Ripley (2002), Modern Applied Statistics with S, §8.4 (profiling a GLM);
 *   Forsythe, Malcolm & Moler (1977), Computer Methods for Mathematical Computations, §4.4.
 */
export function profileLikelihoodInterval(fit: QuasiBinomialFit, level: number, df: number): ProfileInterval {
  const profile = likelihoodProfile(fit, level, df);
  if ('reason' in profile) return { lower: NaN, upper: NaN, reason: profile.reason };
  const { points, alpha } = profile;
  const curve = splineCurve(points.map((p) => p.b), points.map((p) => p.z));
  const cut = normalQuantile(2 * alpha);
  const [lower, upper] = linearInterpolation(curve.y, curve.x, [cut, normalQuantile(2 * alpha, false)]) as [number, number];
  if (Number.isNaN(lower) || Number.isNaN(upper)) {
    return { lower, upper, reason: `the profile's ${points.length} points do not reach the cut-off ±${Math.abs(cut)} on ${Number.isNaN(lower) ? 'the lower' : 'the upper'} side (R's svyciprop gives NA there too)` };
  }
  return { lower, upper };
}

/**
 * Steps 1 of {@link profileLikelihoodInterval}: α (half the unscaled level, Φ(t√λ)/2) and the
 * profile's points (b, z) ordered by z, as R's `MASSprofile_glm(fit, 1, alpha)`. Internal;
 * exported for its test.
 */
export function likelihoodProfile(fit: QuasiBinomialFit, level: number, df: number): { alpha: number; points: { b: number; z: number }[] } | { reason: string } {
  const { coefficient: b0, se, naiveVariance, rows, dispersion } = fit;
  const t = studentTQuantile((1 - level) / 2, df);
  const lambda = (se * se) / naiveVariance;
  const alpha = normalCdf(t * Math.sqrt(lambda)) / 2;
  if (!(rows > 1)) return { reason: `the model frame has ${rows} row(s); the profile needs at least 2` };
  const zMax = studentTQuantile(alpha / 2, rows - 1, false);
  const delta = zMax / 5;
  const original = fit.deviance(b0);
  const points: { b: number; z: number }[] = [{ b: b0, z: 0 }];
  for (const sign of [-1, 1]) {
    let z = 0;
    for (let step = 1; step < MAX_STEPS && Math.abs(z) < zMax; step++) {
      const b = b0 + sign * step * delta * se;
      const change = (fit.deviance(b) - original) / dispersion;
      if (!(change > -0.001)) return { reason: 'profiling found a better fit than the fitted intercept (R: "profiling has found a better solution")' };
      z = sign * Math.sqrt(Math.max(change, 0));
      points.push({ b, z });
    }
  }
  // R orders the profile by z (stably); spline() then orders it by b.
  points.sort((p, q) => p.z - q.z);
  return { alpha, points };
}

/**
 * The interpolating cubic spline through (x, y) (sorted by x, equal x averaged) evaluated at
 * 3 × (distinct x) equally spaced points from the smallest x to the largest, as R's
 * `spline(x, y)` (method "fmm"). Internal; exported for its test.
 */
export function splineCurve(xs: readonly number[], ys: readonly number[]): { x: number[]; y: number[] } {
  const { x, y } = regularize(xs, ys);
  const spline = fmmSpline(x, y);
  const grid = evenlySpaced(x[0] as number, x[x.length - 1] as number, 3 * x.length);
  return { x: grid, y: evaluateSpline(spline, grid) };
}

/**
 * Linear interpolation of (x, y) at each of `at`, after sorting by x and averaging the y of
 * equal x; NaN outside the range of x (R's `approx(x, y, xout = at)`, rule 1). Internal;
 * exported for its test.
 */
export function linearInterpolation(xs: readonly number[], ys: readonly number[], at: readonly number[]): number[] {
  const { x, y } = regularize(xs, ys);
  return at.map((v) => interpolate(x, y, v));
}

/** Pairs sorted by x (stably), with the y of equal x averaged (R's `regularize.values(ties = mean)`). */
function regularize(xs: readonly number[], ys: readonly number[]): { x: number[]; y: number[] } {
  const order = xs.map((_, i) => i).sort((i, j) => (xs[i] as number) - (xs[j] as number) || i - j);
  const x: number[] = [];
  const y: number[] = [];
  for (let a = 0; a < order.length; ) {
    const value = xs[order[a] as number] as number;
    let sum = 0;
    let count = 0;
    for (; a < order.length && xs[order[a] as number] === value; a++, count++) sum += ys[order[a] as number] as number;
    x.push(value);
    y.push(sum / count);
  }
  return { x, y };
}

/** n values from `from` to `to` in equal steps, from + i·(to − from)/(n − 1), the last exactly `to` (R's `seq.int(from, to, length.out = n)`). */
function evenlySpaced(from: number, to: number, n: number): number[] {
  if (n === 1) return [from];
  const by = (to - from) / (n - 1);
  const out = new Array<number>(n);
  for (let i = 0; i < n - 1; i++) out[i] = from + i * by;
  out[n - 1] = to;
  return out;
}

/** A cubic spline: on [x_i, x_{i+1}], y_i + d(b_i + d(c_i + d·e_i)) with d = u − x_i. */
interface Spline {
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly e: Float64Array;
}

/**
 * The interpolating cubic spline of Forsythe, Malcolm & Moler (R's `spline(method = "fmm")`):
 * second derivatives from the tridiagonal system of continuity conditions, with end conditions
 * that match the third derivative of the cubic through the four points at each end (a straight
 * line through two points; the parabola's conditions collapse with three).
 */
function fmmSpline(x: readonly number[], y: readonly number[]): Spline {
  const n = x.length;
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  const e = new Float64Array(n);
  if (n < 2) return { x, y, b, c, e };
  if (n < 3) {
    b[0] = ((y[1] as number) - (y[0] as number)) / ((x[1] as number) - (x[0] as number));
    b[1] = b[0] as number;
    return { x, y, b, c, e };
  }
  const last = n - 1;
  // e: the interval widths (the system's off-diagonal), b: its diagonal, c: its right-hand side.
  e[0] = (x[1] as number) - (x[0] as number);
  c[1] = ((y[1] as number) - (y[0] as number)) / (e[0] as number);
  for (let i = 1; i < last; i++) {
    e[i] = (x[i + 1] as number) - (x[i] as number);
    b[i] = 2 * ((e[i - 1] as number) + (e[i] as number));
    c[i + 1] = ((y[i + 1] as number) - (y[i] as number)) / (e[i] as number);
    c[i] = (c[i + 1] as number) - (c[i] as number);
  }
  b[0] = -(e[0] as number);
  b[last] = -(e[n - 2] as number);
  c[0] = 0;
  c[last] = 0;
  if (n > 3) {
    // Third divided differences at each end.
    let start = (c[2] as number) / ((x[3] as number) - (x[1] as number)) - (c[1] as number) / ((x[2] as number) - (x[0] as number));
    let end = (c[n - 2] as number) / ((x[last] as number) - (x[n - 3] as number)) - (c[n - 3] as number) / ((x[n - 2] as number) - (x[n - 4] as number));
    start = (start * (e[0] as number) * (e[0] as number)) / ((x[3] as number) - (x[0] as number));
    end = (-end * (e[n - 2] as number) * (e[n - 2] as number)) / ((x[last] as number) - (x[n - 4] as number));
    c[0] = start;
    c[last] = end;
  }
  // Forward elimination, then back substitution: c becomes σ_i, the second derivative / 6.
  for (let i = 1; i <= last; i++) {
    const ratio = (e[i - 1] as number) / (b[i - 1] as number);
    b[i] = (b[i] as number) - ratio * (e[i - 1] as number);
    c[i] = (c[i] as number) - ratio * (c[i - 1] as number);
  }
  c[last] = (c[last] as number) / (b[last] as number);
  for (let i = n - 2; i >= 0; i--) c[i] = ((c[i] as number) - (e[i] as number) * (c[i + 1] as number)) / (b[i] as number);
  // The polynomial coefficients of each interval.
  b[last] = ((y[last] as number) - (y[n - 2] as number)) / (e[n - 2] as number) + (e[n - 2] as number) * ((c[n - 2] as number) + 2 * (c[last] as number));
  for (let i = 0; i < last; i++) {
    b[i] = ((y[i + 1] as number) - (y[i] as number)) / (e[i] as number) - (e[i] as number) * ((c[i + 1] as number) + 2 * (c[i] as number));
    e[i] = ((c[i + 1] as number) - (c[i] as number)) / (e[i] as number);
    c[i] = 3 * (c[i] as number);
  }
  c[last] = 3 * (c[last] as number);
  e[last] = e[n - 2] as number;
  return { x, y, b, c, e };
}

/**
 * The spline at each of `us` (in order), as R's `spline_eval`: the interval of the previous
 * point is kept while u lies in it, its right end included, and found by bisection (the last
 * knot ≤ u; the first interval below the first knot) when u leaves it.
 */
function evaluateSpline(s: Spline, us: readonly number[]): number[] {
  const n = s.x.length;
  let i = 0;
  return us.map((u) => {
    if (u < (s.x[i] as number) || (i < n - 1 && (s.x[i + 1] as number) < u)) {
      i = 0;
      let j = n;
      while (j > i + 1) {
        const k = (i + j) >> 1;
        if (u < (s.x[k] as number)) j = k;
        else i = k;
      }
    }
    const d = u - (s.x[i] as number);
    return (s.y[i] as number) + d * ((s.b[i] as number) + d * ((s.c[i] as number) + d * (s.e[i] as number)));
  });
}

/** Linear interpolation of (x, y) at v, x increasing; NaN outside [x_0, x_last] (R's `approx(rule = 1)`). */
function interpolate(x: readonly number[], y: readonly number[], v: number): number {
  const n = x.length;
  if (n === 0 || Number.isNaN(v) || v < (x[0] as number) || v > (x[n - 1] as number)) return NaN;
  let i = 0;
  let j = n - 1;
  while (i < j - 1) {
    const k = (i + j) >> 1;
    if (v < (x[k] as number)) j = k;
    else i = k;
  }
  if (v === (x[j] as number)) return y[j] as number;
  if (v === (x[i] as number)) return y[i] as number;
  return (y[i] as number) + ((y[j] as number) - (y[i] as number)) * ((v - (x[i] as number)) / ((x[j] as number) - (x[i] as number)));
}
