import { normalQuantile } from '../math';
import { bivariateNormalCdf, bivariateNormalDensity } from '../math/bivariateNormal';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { readNumeric, type NumericInput } from './internal';
import { symmetricEigen, type Matrix } from './reliabilityMatrix';

/** Options of {@link polychoric}. */
export interface PolychoricOptions {
  /**
   * Added (as a count) to every empty cell of the table when the thresholds come from the
   * pair's own table (items with different numbers of categories); default 0.5, as psych.
   */
  readonly correct?: number;
}

/** Result of {@link polychoric}: plain, JSON-serialisable data. */
export interface PolychoricResult {
  /** The polychoric correlation ρ; `NaN` when undefined (see `reason`). */
  readonly rho: number;
  /** Thresholds of x: Φ⁻¹ of its cumulative shares (psych `tau`). */
  readonly tauX: readonly number[];
  /** Thresholds of y. */
  readonly tauY: readonly number[];
  /** Respondents who answered both. */
  readonly n: number;
  /** Whether the thresholds are each item's own (psych `global = TRUE`) or the pair table's. */
  readonly thresholds: 'global' | 'pair';
  /** Number of empty cells that got the continuity correction (pair thresholds only). */
  readonly corrected: number;
  readonly method: 'polychoric-two-step';
  readonly reason?: string;
}

/** Codes of a variable as category numbers 1…m after psych's shift (global minimum → 1). Checks integers. */
function categories(fn: string, values: Float64Array, name: string, shift: number): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) {
      out[i] = 0;
      continue;
    }
    if (!Number.isInteger(v)) throw new TypeError(`${fn}: ${name}[${i}] is ${v}; polychoric correlations need integer codes (ordered categories)`);
    out[i] = v - shift + 1;
  }
  return out;
}

/** Φ⁻¹ of the cumulative shares of counts (all but the last). */
function thresholdsOf(counts: readonly number[]): number[] {
  let total = 0;
  for (const c of counts) total += c;
  const tau: number[] = [];
  let cumulative = 0;
  for (let i = 0; i < counts.length - 1; i++) {
    cumulative += counts[i] as number;
    tau.push(normalQuantile(cumulative / total));
  }
  return tau;
}

/**
 * Maximises Σ p_ij·log P_ij(ρ) over ρ ∈ (−1, 1), where P_ij(ρ) is the bivariate normal
 * probability of cell (i, j) between the thresholds: the derivative
 * Σ p_ij·P′_ij/P_ij (P′_ij from the density at the four corners, ∂Φ₂/∂ρ = φ₂) is found to
 * vanish by bisection refined with the secant (regula falsi, Illinois). A ρ at which a cell
 * with answers has P_ij ≤ 0 (rounding, near ±1) is beyond the maximum (psych leaves such cells
 * out, which can put its search on the wrong side of 0).
 */
function maximiseLikelihood(table: Matrix, rowCuts: readonly number[], colCuts: readonly number[]): number {
  const rows = [-Infinity, ...rowCuts, Infinity];
  const cols = [-Infinity, ...colCuts, Infinity];
  const slope = (rho: number): number => {
    let s = 0;
    for (let i = 0; i < table.length; i++) {
      for (let j = 0; j < (table[i] as number[]).length; j++) {
        const p = table[i]![j] as number;
        if (p === 0) continue;
        const a0 = rows[i] as number;
        const a1 = rows[i + 1] as number;
        const b0 = cols[j] as number;
        const b1 = cols[j + 1] as number;
        const prob = bivariateNormalCdf(a1, b1, rho) - bivariateNormalCdf(a0, b1, rho) - bivariateNormalCdf(a1, b0, rho) + bivariateNormalCdf(a0, b0, rho);
        // A cell with answers that ρ makes (numerically) impossible: the likelihood is 0 there,
        // so ρ lies beyond the maximum; point back towards 0. (Leaving the cell out, as psych
        // does, can make the slope look positive near ρ = ±0.99, and the search then lands
        // on the wrong side.)
        if (!(prob > 0)) return rho > 0 ? -Infinity : Infinity;
        const d = bivariateNormalDensity(a1, b1, rho) - bivariateNormalDensity(a0, b1, rho) - bivariateNormalDensity(a1, b0, rho) + bivariateNormalDensity(a0, b0, rho);
        s += (p * d) / prob;
      }
    }
    return s;
  };
  // The log-likelihood is concave in ρ for these tables in practice; its slope goes from + to −.
  // Bracket from |ρ| = 0.99 outwards, to 0.9999 and 0.999999 when the maximum lies beyond:
  // near ±1 the cells away from the diagonal have probabilities at rounding level, which would
  // swamp the slope if the search started there (psych's optimize searches (−1, 1)).
  let lo = -0.99;
  let hi = 0.99;
  let fLo = slope(lo);
  let fHi = slope(hi);
  for (const edge of [0.9999, 0.999999]) {
    if (fLo < 0) {
      hi = lo;
      fHi = fLo;
      lo = -edge;
      fLo = slope(lo);
    }
    if (fHi > 0) {
      lo = hi;
      fLo = fHi;
      hi = edge;
      fHi = slope(hi);
    }
  }
  if (!(fLo > 0)) return lo;
  if (!(fHi < 0)) return hi;
  let side = 0;
  for (let it = 0; it < 200 && hi - lo > 1e-15; it++) {
    // Illinois variant of regula falsi, with a bisection step every few iterations.
    let mid = it % 4 === 3 ? (lo + hi) / 2 : (lo * fHi - hi * fLo) / (fHi - fLo);
    if (!(mid > lo && mid < hi)) mid = (lo + hi) / 2;
    const f = slope(mid);
    if (f === 0) return mid;
    if (f > 0) {
      lo = mid;
      fLo = f;
      if (side === 1) fHi /= 2;
      side = 1;
    } else {
      hi = mid;
      fHi = f;
      if (side === -1) fLo /= 2;
      side = -1;
    }
  }
  return (lo + hi) / 2;
}

/** The pair's joint table of categories 1…mx × 1…my over the respondents who answered both. */
function jointTable(x: Int32Array, y: Int32Array, mx: number, my: number): { table: Matrix; n: number } {
  const table: Matrix = Array.from({ length: mx }, () => new Array<number>(my).fill(0));
  let n = 0;
  for (let r = 0; r < x.length; r++) {
    const a = x[r] as number;
    const b = y[r] as number;
    if (a === 0 || b === 0) continue;
    table[a - 1]![b - 1] = (table[a - 1]![b - 1] as number) + 1;
    n++;
  }
  return { table, n };
}

/** ρ of one pair, given the two items' category codes (1…) and the number of categories. */
function pairRho(x: Int32Array, y: Int32Array, m: number, global: boolean, correct: number): { rho: number; tauX: number[]; tauY: number[]; n: number; corrected: number; reason?: string } {
  const { table, n } = jointTable(x, y, m, m);
  if (n === 0) return { rho: NaN, tauX: [], tauY: [], n, corrected: 0, reason: 'no respondent answered both items' };
  if (global) {
    // Thresholds from each item's own answers (also those whose other item is missing).
    const countX = new Array<number>(m).fill(0);
    const countY = new Array<number>(m).fill(0);
    for (const a of x) if (a > 0) countX[a - 1]!++;
    for (const b of y) if (b > 0) countY[b - 1]!++;
    const tauX = thresholdsOf(countX);
    const tauY = thresholdsOf(countY);
    const shares = table.map((row) => row.map((c) => c / n));
    return { rho: maximiseLikelihood(shares, tauX, tauY), tauX, tauY, n, corrected: 0 };
  }
  // Thresholds from the pair's table: empty rows and columns dropped, empty cells given
  // `correct` respondents (psych's continuity correction), margins of the corrected table.
  let t = table.filter((row) => row.some((c) => c > 0));
  const keepCols = (t[0] ?? []).map((_, j) => t.some((row) => (row[j] as number) > 0));
  t = t.map((row) => row.filter((_, j) => keepCols[j]));
  if (t.length < 2 || (t[0] as number[]).length < 2) return { rho: NaN, tauX: [], tauY: [], n, corrected: 0, reason: 'one of the items has a single category among the respondents who answered both' };
  let corrected = 0;
  let shares = t.map((row) => row.map((c) => c / n));
  if (correct > 0) {
    shares = shares.map((row) =>
      row.map((p) => {
        if (p !== 0) return p;
        corrected++;
        return correct / n;
      }),
    );
  }
  const rowSums = shares.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = (shares[0] as number[]).map((_, j) => shares.reduce((a, row) => a + (row[j] as number), 0));
  // psych takes qnorm of the cumulative sums of the corrected shares (which may exceed 1 in total).
  const cuts = (sums: number[]): number[] => {
    const out: number[] = [];
    let c = 0;
    for (let i = 0; i < sums.length - 1; i++) {
      c += sums[i] as number;
      out.push(normalQuantile(c));
    }
    return out;
  };
  const tauX = cuts(rowSums);
  const tauY = cuts(colSums);
  return { rho: maximiseLikelihood(shares, tauX, tauY), tauX, tauY, n, corrected };
}

/** Reads items as psych's polychoric does: a shift so that the smallest code of all is 1; whether all have the same largest code. */
function readOrdinal(fn: string, items: readonly NumericInput[]): { codes: Int32Array[]; m: number; global: boolean } {
  const values = items.map((item, i) => readNumeric(fn, item, `items[${i}]`));
  const n = (values[0] as Float64Array).length;
  values.forEach((v, i) => {
    if (v.length !== n) throw new RangeError(`${fn}: items[${i}] has ${v.length} values but items[0] has ${n}; give every item one value per respondent`);
  });
  let lo = Infinity;
  for (const v of values) for (const x of v) if (!Number.isNaN(x)) lo = Math.min(lo, x);
  const codes = values.map((v, i) => categories(fn, v, `items[${i}]`, lo));
  const maxima = codes.map((c) => c.reduce((a, b) => Math.max(a, b), 0));
  const m = maxima.reduce((a, b) => Math.max(a, b), 0);
  if (m > 8) throw new RangeError(`${fn}: the items have ${m} categories; psych refuses more than 8 (max.cat) — use pearson for such items`);
  return { codes, m, global: maxima.every((x) => x === m) };
}

/**
 * Polychoric correlation of two ordinal items, two-step, as `psych::polychoric(cbind(x, y))`.
 *
 * The items are taken as cut versions of a standard bivariate normal with correlation ρ. Step
 * one: the thresholds τ are Φ⁻¹ of each item's cumulative shares. Step two: ρ maximises the
 * multinomial log-likelihood Σ_ij p_ij·log P_ij(ρ) of the joint table (shares p_ij over the
 * respondents who answered both), with P_ij(ρ) = Φ₂(τ_i, τ_j; ρ) − Φ₂(τ_{i−1}, τ_j; ρ)
 * − Φ₂(τ_i, τ_{j−1}; ρ) + Φ₂(τ_{i−1}, τ_{j−1}; ρ). As psych: the codes are shifted so that the
 * smallest of both items is 1; when both have the same largest code, each item's thresholds
 * come from all its own answers ("global"); otherwise from the pair's table, with empty rows and
 * columns dropped and `correct` (0.5) respondents put into each empty cell.
 *
 * psych finds ρ with `optimize` (tolerance ≈ 1.2e-4) and computes the cell probabilities with
 * `mnormt::sadmvn` (absolute error 1e-6), so its ρ is accurate to about 1e-5; likertkit finds
 * the root of the likelihood's derivative, with Genz's bivariate normal CDF (error 1e-16).
 *
 * @param x - integer codes (`null`/`NaN` missing) or a `LikertColumn`
 * @param y - the same for the second item
 * @param options - `correct` (default 0.5)
 * @returns ρ and the thresholds; `NaN` with a `reason` when no respondent answered both or an
 *   item has one category only
 * @throws TypeError for a non-integer code, a bad `correct` or an unknown option; RangeError for
 *   items of different lengths or more than 8 categories (psych's `max.cat`)
 * @example
 * ```ts
 * polychoric([1, 2, 2, 3, 3, 4, 4, 4, 1, 2], [1, 1, 2, 3, 4, 4, 3, 4, 2, 2]).rho;
 * // 0.9016881346349828 (R: psych::polychoric(cbind(x, y))$rho[1, 2] = 0.9016915074; psych's
 * //                     optimize() stops within about 1e-5)
 * ```
 * @see R `psych::polychoric(x, correct = 0.5)` (psych 2.2.9); Olsson (1979), Psychometrika 44, 443–460.
 */
export function polychoric(x: NumericInput, y: NumericInput, options: PolychoricOptions = {}): PolychoricResult {
  const fn = 'polychoric';
  checkOptionKeys(fn, options, optionKeys<PolychoricOptions>({ correct: true }));
  const { correct = 0.5 } = options;
  if (typeof correct !== 'number' || !(correct >= 0) || !Number.isFinite(correct)) {
    throw new TypeError(`${fn}: correct must be a finite number >= 0 (0 for no continuity correction), got ${describeValue(correct)}`);
  }
  const { codes, m, global } = readOrdinal(fn, [x, y]);
  const out = pairRho(codes[0] as Int32Array, codes[1] as Int32Array, m, global, correct);
  const base = { tauX: out.tauX, tauY: out.tauY, n: out.n, thresholds: global ? ('global' as const) : ('pair' as const), corrected: out.corrected, method: 'polychoric-two-step' as const };
  return out.reason === undefined ? { rho: out.rho, ...base } : { rho: NaN, ...base, reason: out.reason };
}

/** Options of {@link polychoricMatrix}. */
export interface PolychoricMatrixOptions extends PolychoricOptions {
  /** Smooth a matrix that is not positive definite, as psych (`cor.smooth`); default true. */
  readonly smooth?: boolean;
}

/** Result of {@link polychoricMatrix}. */
export interface PolychoricMatrixResult {
  /** The correlation matrix (rows of numbers, ones on the diagonal). */
  readonly rho: readonly (readonly number[])[];
  /** Each item's thresholds (psych `tau`). */
  readonly tau: readonly (readonly number[])[];
  /** Whether the matrix was smoothed because it was not positive definite. */
  readonly smoothed: boolean;
  readonly method: 'polychoric-two-step';
}

/**
 * Polychoric correlation matrix of two or more ordinal items, as `psych::polychoric(x)$rho`:
 * {@link polychoric} for every pair (thresholds from each item's own answers when all items
 * have the same largest code), then, if the matrix is not positive definite, psych's
 * `cor.smooth`: eigenvalues below 1e-12 set to 1e-10, rescaled to sum to k, and the matrix
 * rebuilt and turned back into a correlation matrix.
 *
 * @param items - two or more item columns (integer codes or `LikertColumn`s)
 * @param options - `correct` (default 0.5), `smooth` (default true)
 * @returns the matrix and the thresholds
 * @throws as {@link polychoric}; RangeError for fewer than 2 items
 * @example
 * ```ts
 * const x = [1, 2, 2, 3, 3, 4, 4, 4, 1, 2];
 * const y = [1, 1, 2, 3, 4, 4, 3, 4, 2, 2];
 * polychoricMatrix([x, y]).rho; // [[1, 0.9016881346349828], [0.9016881346349828, 1]]
 * ```
 * @see R `psych::polychoric(x)` (psych 2.2.9)
 */
export function polychoricMatrix(items: readonly NumericInput[], options: PolychoricMatrixOptions = {}): PolychoricMatrixResult {
  const fn = 'polychoricMatrix';
  checkOptionKeys(fn, options, optionKeys<PolychoricMatrixOptions>({ correct: true, smooth: true }));
  const { correct = 0.5, smooth = true } = options;
  if (!Array.isArray(items) || items.length < 2) throw new RangeError(`${fn}: needs at least 2 items, got ${describeValue(items)}; pass two or more item columns`);
  const { codes, m, global } = readOrdinal(fn, items);
  const k = codes.length;
  const rho: Matrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : NaN)));
  for (let i = 1; i < k; i++) {
    for (let j = 0; j < i; j++) {
      const r = pairRho(codes[i] as Int32Array, codes[j] as Int32Array, m, global, correct).rho;
      rho[i]![j] = r;
      rho[j]![i] = r;
    }
  }
  const tau = codes.map((c) => {
    const counts = new Array<number>(m).fill(0);
    for (const a of c) if (a > 0) counts[a - 1]!++;
    return thresholdsOf(counts);
  });
  let smoothed = false;
  let result = rho;
  if (smooth && rho.every((row) => row.every(Number.isFinite))) {
    const { values, vectors } = symmetricEigen(rho);
    if ((values[k - 1] as number) < Number.EPSILON) {
      smoothed = true;
      const fixed = values.map((v) => (v < 1e-12 ? 100 * 1e-12 : v));
      const sum = fixed.reduce((a, b) => a + b, 0);
      const scaled = fixed.map((v) => (v * k) / sum);
      const rebuilt: Matrix = Array.from({ length: k }, (_, a) =>
        Array.from({ length: k }, (_, b) => {
          let s = 0;
          for (let e = 0; e < k; e++) s += (vectors[a]![e] as number) * (scaled[e] as number) * (vectors[b]![e] as number);
          return s;
        }),
      );
      result = rebuilt.map((row, a) => row.map((v, b) => (a === b ? 1 : v / Math.sqrt((rebuilt[a]![a] as number) * (rebuilt[b]![b] as number)))));
    }
  }
  return { rho: result, tau, smoothed, method: 'polychoric-two-step' };
}
