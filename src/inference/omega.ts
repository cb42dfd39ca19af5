import { checkOptionKeys, optionKeys } from '../internal/validate';
import type { NumericInput } from './internal';
import { checkDefined, readItems } from './reliability';
import { pairwiseCorrelation, pairwiseCovariance, squaredMultipleCorrelations, symmetricEigen, type Matrix } from './reliabilityMatrix';

/** Options of {@link mcdonaldOmega}. */
export interface McdonaldOmegaOptions {
  /** Names of the items, in order (default `V1`, `V2`, …). */
  readonly names?: readonly string[];
  /**
   * Zero-based positions of reverse-keyed items. Omega total does not depend on them: as
   * `psych::omega`, items whose loading comes out negative are turned before the total variance
   * is summed. They set the sign of the reported loadings.
   */
  readonly reverse?: readonly number[];
}

/** Result of {@link mcdonaldOmega}: plain, JSON-serialisable data. */
export interface McdonaldOmegaResult {
  /** Respondents (rows). */
  readonly n: number;
  /** Items. */
  readonly k: number;
  /** McDonald's omega total, (V − Σu²)/V (psych `omega.tot`); `NaN` when undefined (see `reason`). */
  readonly omegaTotal: number;
  /** (Σ|λ|)²/V, psych's `omega_h`, which with one factor psych calls not meaningful; reported for comparison. */
  readonly omegaGeneral: number;
  /** Loadings λ of the one-factor minres fit, in item order, with Σλ ≥ 0 (psych `fa(…)$loadings`). */
  readonly loadings: readonly { readonly item: string; readonly loading: number; readonly communality: number; readonly uniqueness: number }[];
  /**
   * True when a uniqueness sits on psych's lower bound 0.005 (a Heywood case: the one-factor
   * model wants a communality of 1 or more). psych's optimiser stops short of the bounded optimum
   * then, and its loadings agree with these to about 1e-3 only.
   */
  readonly heywood: boolean;
  /** Sum of squared off-diagonal residuals, Σ_{i<j} (R_ij − λ_iλ_j)², at the solution. */
  readonly residualSumOfSquares: number;
  readonly method: 'omega-total-minres';
  /** Why the fields are `NaN`, when they are. */
  readonly reason?: string;
}

/** psych's bounds on the uniquenesses in its minres fit: ψ ∈ [0.005, 1], i.e. communality h ∈ [0, 0.995]. */
const MAX_COMMUNALITY = 0.995;

/**
 * Loadings of the first principal axis of R with communalities h on its diagonal: λ = √μ₁·v₁,
 * with the eigen decomposition for the derivatives below.
 */
function principalAxis(r: Matrix, h: readonly number[]): { lambda: number[]; values: number[]; vectors: Matrix } {
  const s = r.map((row, i) => row.map((v, j) => (i === j ? (h[i] as number) : v)));
  const { values, vectors } = symmetricEigen(s);
  const root = Math.sqrt(Math.max(values[0] as number, 0));
  return { lambda: vectors.map((row) => (row[0] as number) * root), values, vectors };
}

/**
 * The one-factor minres solution in psych's parametrisation: communalities h (h = 1 − ψ) such
 * that the first principal axis λ of R with h on its diagonal reproduces them, λ_i² = h_i, for
 * every item off the bound, and h_i = 0.995 with λ_i² ≥ 0.995 on it (the stationarity and bound
 * conditions of psych's L-BFGS-B problem). Solved by Newton's method on G(h) = λ(h)² − h over the
 * free items, with the Jacobian from first-order eigenvector perturbation:
 * ∂(μv_i²)/∂h_m = v_m²v_i² + 2μ·v_i·Σ_{j>1} v_i^{(j)} v_m^{(j)} v_m/(μ − μ_j); the bound set is
 * updated until both conditions hold. Starts from the squared multiple correlations, as psych.
 */
function minresOneFactor(r: Matrix): { lambda: number[]; heywood: boolean } {
  const k = r.length;
  const h = squaredMultipleCorrelations(r).map((v) => Math.min(v, MAX_COMMUNALITY));
  // A few principal-axis iterations to settle near the solution and find the bound set.
  for (let it = 0; it < 25; it++) {
    const { lambda } = principalAxis(r, h);
    for (let i = 0; i < k; i++) h[i] = Math.min(MAX_COMMUNALITY, (lambda[i] as number) ** 2);
  }
  const bound = h.map((v) => v >= MAX_COMMUNALITY);
  for (let round = 0; round < 20; round++) {
    for (let it = 0; it < 100; it++) {
      const { lambda, values, vectors } = principalAxis(r, h);
      const free = bound.map((b, i) => (b ? -1 : i)).filter((i) => i >= 0);
      const mu = values[0] as number;
      const g = free.map((i) => (lambda[i] as number) ** 2 - (h[i] as number));
      let size = 0;
      for (const v of g) size = Math.max(size, Math.abs(v));
      if (size < 1e-16) break;
      const v1 = vectors.map((row) => row[0] as number);
      // Jacobian of G over the free items.
      const jac = free.map((i) =>
        free.map((m) => {
          let dv = 0;
          for (let j = 1; j < k; j++) dv += ((vectors[i]![j] as number) * (vectors[m]![j] as number) * (v1[m] as number)) / (mu - (values[j] as number));
          const d = (v1[m] as number) ** 2 * (v1[i] as number) ** 2 + 2 * mu * (v1[i] as number) * dv;
          return d - (i === m ? 1 : 0);
        }),
      );
      const step = solve(jac, g.map((v) => -v));
      if (step === null) break;
      free.forEach((i, a) => {
        h[i] = Math.min(MAX_COMMUNALITY, Math.max(0, (h[i] as number) + (step[a] as number)));
      });
      if (size < 1e-15 && it > 3) break;
    }
    // Check the bound conditions: release a bound item whose axis wants less than the bound;
    // bind a free item that reached it.
    const { lambda } = principalAxis(r, h);
    let changed = false;
    for (let i = 0; i < k; i++) {
      const want = (lambda[i] as number) ** 2;
      if (bound[i] && want < MAX_COMMUNALITY) {
        bound[i] = false;
        changed = true;
      } else if (!bound[i] && (h[i] as number) >= MAX_COMMUNALITY) {
        bound[i] = true;
        h[i] = MAX_COMMUNALITY;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const { lambda } = principalAxis(r, h);
  let sum = 0;
  for (const v of lambda) sum += v;
  return { lambda: sum < 0 ? lambda.map((v) => -v) : lambda, heywood: bound.some(Boolean) };
}

/**
 * Below this a fitted loading is zero: the solver stops when λ_i² − h_i is within 1e-16, so on
 * the bound h_i = 0 the loading it returns is only known to about √1e-16.
 */
const ZERO_LOADING = 1e-8;

/**
 * The orientation s_i of each item in V = Σ s_i s_j R_ij, and the loadings with those below
 * {@link ZERO_LOADING} set to exactly 0 (in place). An item with a loading is oriented by its
 * sign, as psych. An item without one is unrelated to the factor, and the sign of what the
 * solver returns for it is rounding noise (psych orients it by that noise); here it is oriented
 * with the sum of the items that load, s_i = sign(Σ_j s_j R_ij) over those j (+1 on a tie or
 * when none loads), so ω does not change when the item or any other is reverse-keyed.
 */
function orientations(lambda: number[], r: Matrix): number[] {
  const k = lambda.length;
  const sign = lambda.map((l) => (l < 0 ? -1 : 1));
  const zero = lambda.map((l) => Math.abs(l) < ZERO_LOADING);
  for (let i = 0; i < k; i++) {
    if (!zero[i]) continue;
    lambda[i] = 0;
    let pull = 0;
    for (let j = 0; j < k; j++) if (!zero[j]) pull += (sign[j] as number) * (r[i]![j] as number);
    sign[i] = pull < 0 ? -1 : 1;
  }
  return sign;
}

/** Solves A·x = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solve(a: Matrix, b: number[]): number[] | null {
  const k = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < k; col++) {
    let p = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(m[r]![col] as number) > Math.abs(m[p]![col] as number)) p = r;
    if (!(Math.abs(m[p]![col] as number) > 0)) return null;
    [m[col], m[p]] = [m[p] as number[], m[col] as number[]];
    for (let r = col + 1; r < k; r++) {
      const f = (m[r]![col] as number) / (m[col]![col] as number);
      for (let c = col; c <= k; c++) m[r]![c] = (m[r]![c] as number) - f * (m[col]![c] as number);
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    let s = m[r]![k] as number;
    for (let c = r + 1; c < k; c++) s -= (m[r]![c] as number) * (x[c] as number);
    x[r] = s / (m[r]![r] as number);
  }
  return x;
}

/**
 * McDonald's omega total of a set of items from a one-factor model, as
 * `psych::omega(x, nfactors = 1)$omega.tot`.
 *
 * R is the items' pairwise correlation matrix (each pair's own means and standard deviations,
 * as R's `cor(x, use = "pairwise")`; with missing values it differs from the R of
 * {@link cronbachAlpha}, which scales the pairwise covariances by each item's variance). The one factor is fitted by minres (unweighted
 * least squares on the off-diagonal residuals, psych's `fa(R, 1, fm = "minres")`), with
 * psych's bounds 0.005 ≤ ψ_i ≤ 1 on the uniquenesses. With λ the loadings, s_i = sign(λ_i)
 * (items with a negative loading turned, as psych's `omega` does) and V = Σ_ij s_i s_j R_ij:
 * ω_total = (V − Σ_i (1 − λ_i²))/V. psych's `omega_h`, (Σ|λ_i|)²/V, is returned as
 * `omegaGeneral`.
 *
 * An item unrelated to the others can sit on the bound ψ_i = 1, with a loading of exactly 0;
 * the solver returns about ±1e-16 for it, and psych orients the item by the sign of that noise,
 * which moves ω_total when the item or another one is reverse-keyed. Here a loading below 1e-8
 * is returned as 0 and its item is oriented with the items that load,
 * s_i = sign(Σ_j s_j R_ij) over those j, so ω_total does not depend on the keys.
 *
 * psych's `optim` stops the fit at a tolerance of about 1e-5 on the loadings; this solves the
 * same problem to full precision (see `minresOneFactor`), so psych's printed values (2 decimals)
 * are matched, and its unrounded ones to about 1e-5.
 *
 * @param items - two or more item columns of equal length (numbers with `null`/`NaN` missing, or `LikertColumn`s)
 * @param options - `names`, `reverse`
 * @returns omega and the loadings; with two items the one-factor model is not identified and
 *   the symmetric solution λ₁ = λ₂ = √|r| is returned (what psych's fit gives); `NaN` with a
 *   `reason` when an item has no variance or a pair has fewer than 2 respondents in common
 * @throws TypeError / RangeError as {@link cronbachAlpha}
 * @example
 * ```ts
 * mcdonaldOmega([[1, 2, 3, 4, 4, 2, 3, 1, 3, 2], [2, 2, 3, 4, 3, 1, 2, 2, 4, 3],
 *                [1, 3, 2, 4, 2, 2, 3, 2, 3, 4], [2, 1, 3, 3, 4, 1, 4, 2, 2, 3]]).omegaTotal;
 * // 0.7948462154438485   (R: psych::omega(x, nfactors = 1)$omega.tot = 0.79484621962876378,
 * //                       printed as 0.79)
 * ```
 * @see R `psych::omega(x, nfactors = 1)` and `psych::fa(r, 1, fm = "minres")` (psych 2.2.9);
 *   McDonald (1999), Test Theory: A Unified Treatment; Harman & Jones (1966) on minres.
 */
export function mcdonaldOmega(items: readonly NumericInput[], options: McdonaldOmegaOptions = {}): McdonaldOmegaResult {
  const fn = 'mcdonaldOmega';
  checkOptionKeys(fn, options, optionKeys<McdonaldOmegaOptions>({ names: true, reverse: true }));
  const { columns, names, keys, n } = readItems(fn, items, options.names, options.reverse);
  const k = columns.length;
  const { covariance, count } = pairwiseCovariance(columns);
  const reason = checkDefined(covariance, count, names);
  if (reason !== undefined) {
    return {
      n,
      k,
      omegaTotal: NaN,
      omegaGeneral: NaN,
      loadings: names.map((item) => ({ item, loading: NaN, communality: NaN, uniqueness: NaN })),
      heywood: false,
      residualSumOfSquares: NaN,
      method: 'omega-total-minres',
      reason,
    };
  }
  const r = pairwiseCorrelation(columns).map((row, i) => row.map((v, j) => v * (keys[i] as number) * (keys[j] as number)));
  let lambda: number[];
  let heywood = false;
  if (k === 2) {
    // λ₁λ₂ = r has a line of solutions; psych's fit (from equal starting values) lands on the
    // symmetric one.
    const r12 = r[0]![1] as number;
    const root = Math.sqrt(Math.abs(r12));
    lambda = [root, r12 < 0 ? -root : root];
  } else {
    ({ lambda, heywood } = minresOneFactor(r));
  }
  const sign = orientations(lambda, r);
  let v = 0;
  let unique = 0;
  let general = 0;
  let residual = 0;
  for (let i = 0; i < k; i++) {
    const li = lambda[i] as number;
    unique += 1 - li * li;
    general += Math.abs(li);
    for (let j = 0; j < k; j++) {
      v += (sign[i] as number) * (sign[j] as number) * (r[i]![j] as number);
      if (j > i) residual += ((r[i]![j] as number) - li * (lambda[j] as number)) ** 2;
    }
  }
  return {
    n,
    k,
    omegaTotal: (v - unique) / v,
    omegaGeneral: (general * general) / v,
    loadings: lambda.map((loading, i) => ({ item: names[i] as string, loading, communality: loading * loading, uniqueness: 1 - loading * loading })),
    heywood,
    residualSumOfSquares: residual,
    method: 'omega-total-minres',
  };
}
