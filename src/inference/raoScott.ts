import { chiSquareCdf, fCdf } from '../math';
import { assertOneOf, checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { designCovariance, designDegreesOfFreedom, type DesignInfo } from './designVariance';
import { checkDesign, checkDomain, checkWeights, weightsOnlyDesign } from './weightedPearson';

/** Options of {@link raoScottTest}. */
export interface RaoScottTestOptions {
  /**
   * The sampling design over the same units as a, b and the weights; default: none, i.e. R's
   * `svydesign(ids = ~1, weights = ~w)`.
   */
  readonly design?: DesignInfo;
  /**
   * A domain (R's `subset(design, …)`): one entry per unit, truthy for the units of the domain.
   * The units outside are left out of the table and stay in the design's variance. As R: on a
   * calibrated design N and ν are those of the whole design, otherwise those of the domain.
   */
  readonly domain?: ArrayLike<number | boolean>;
  /**
   * Which test `p` reports: `'F'` (default, as R's `svychisq`): the second-order Rao–Scott F;
   * `'Chisq'`: the first-order correction, X²/mean(δ) on (r − 1)(c − 1) df. Both are always in
   * the result.
   */
  readonly statistic?: 'F' | 'Chisq';
}

/** Result of {@link raoScottTest}: plain, JSON-serialisable data. */
export interface RaoScottTestResult {
  /** Units with both a and b present. */
  readonly n: number;
  /** Units with a or b missing. */
  readonly nExcluded: number;
  /** The categories of a (the table's rows) and of b (its columns), each in ascending order. */
  readonly rowLevels: readonly number[];
  readonly columnLevels: readonly number[];
  /** Estimated cell proportions p̂_ij (weighted), one array per row. */
  readonly proportions: readonly (readonly number[])[];
  /** Pearson's X² of the weighted table scaled to the design's N units (as `svytable(…, Ntotal = N)`). */
  readonly chisq: number;
  /** (r − 1)(c − 1). */
  readonly df: number;
  /** Σδ, the trace of the generalised design effect matrix Δ. */
  readonly deltaTrace: number;
  /** Second-order Rao–Scott F = X²/Σδ. */
  readonly f: number;
  /** Its numerator df d = (Σδ)²/Σδ² and denominator df d·ν, ν the design's degrees of freedom. */
  readonly ndf: number;
  readonly ddf: number;
  /** P(F_{d, dν} ≥ f). */
  readonly pF: number;
  /** First-order: P(χ²_df ≥ X²/mean(δ)). */
  readonly pChisq: number;
  /** The test `p` reports. */
  readonly statistic: 'F' | 'Chisq';
  /** pF or pChisq, as `statistic` says. */
  readonly p: number;
  readonly method: 'rao-scott';
  /** Why the undefined fields are `NaN`, when they are. */
  readonly reason?: string;
}

/**
 * The design-based chi-square test of independence of two categorical variables, with Rao and
 * Scott's corrections, as R's `svychisq(~a + b, design)`.
 *
 * From the estimated cell proportions p̂ (weighted, over the units with both values) and their
 * design covariance V (Taylor linearisation of the cell means, as `svymean` of the cell
 * indicators), with C a basis of the interaction contrasts (r·c-vectors with zero row and
 * column sums), D = diag(p̂) and N the design's number of units:
 * Δ = (Cᵀ D⁻¹ C / N)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C), the generalised design effects. X² is Pearson's statistic
 * of the table N·p̂. Second order (R's default): F = X²/tr Δ on d = (tr Δ)²/tr(Δ²) and d·ν
 * degrees of freedom, ν the design's degrees of freedom (PSUs − strata). First order: X²/mean(δ)
 * referred to χ² on (r − 1)(c − 1) df. Δ is taken in a symmetric form (Cholesky of the first
 * factor), so that its traces are exact for any choice of contrast basis.
 *
 * @param a - category codes of the rows (any numbers; `null`/`undefined`/`NaN` for missing)
 * @param b - category codes of the columns, same length
 * @param weights - one non-negative finite weight per unit
 * @param options - `design` (default: weights only), `domain` (a subset, as R's `subset()`),
 *   `statistic` (`'F'` default, or `'Chisq'`)
 * @returns the test; `NaN` statistics with a `reason` when a variable has fewer than 2
 *   categories among the complete pairs, a row or column of the table is empty, or the design
 *   has no degrees of freedom
 * @throws RangeError when the lengths differ or a weight is negative; TypeError for a code that
 *   is not a finite number or missing, a weight that is not a finite number, or an unknown option
 * @example
 * ```ts
 * raoScottTest([0, 0, 1, 1, 0, 1, 0, 1], [0, 1, 1, 1, 0, 0, 0, 1], [1, 2, 1, 3, 1, 1, 2, 1]);
 * // { n: 8, …, chisq: 2.057142857142857, deltaTrace: 1.0998778998778997, f: 1.8703374777975135,
 * //   ndf: 1, ddf: 7, pF: 0.21372375230995228, pChisq: 0.17143643276615694, p: 0.21372375230995228 }
 * // R: svychisq(~a + b, svydesign(ids = ~1, weights = ~w, data = d)) gives F = 1.8703, ndf = 1,
 * // ddf = 7, p-value = 0.2137
 * ```
 * @see R `survey::svychisq(~a + b, design, statistic = "F" | "Chisq")`; Rao & Scott (1984),
 *   Annals of Statistics 12, 46–60; Rao & Scott (1981), JASA 76, 221–230.
 */
export function raoScottTest(
  a: ArrayLike<number | null | undefined>,
  b: ArrayLike<number | null | undefined>,
  weights: ArrayLike<number>,
  options: RaoScottTestOptions = {},
): RaoScottTestResult {
  const fn = 'raoScottTest';
  checkOptionKeys(fn, options, optionKeys<RaoScottTestOptions>({ design: true, domain: true, statistic: true }));
  const statistic = options.statistic ?? 'F';
  assertOneOf(fn, statistic, ['F', 'Chisq'] as const, 'statistic');
  const as = readCodes(fn, a, 'a');
  const bs = readCodes(fn, b, 'b');
  const size = as.length;
  if (bs.length !== size) {
    throw new RangeError(`${fn}: a and b must have the same length (one entry per unit), got ${size} and ${bs.length}`);
  }
  const w = checkWeights(fn, weights, size);
  const design = options.design ?? weightsOnlyDesign(size);
  checkDesign(fn, design, size);
  const domain = checkDomain(fn, options.domain, size);
  // R's subset() keeps every unit of a calibrated design (weights 0 outside) but drops the units
  // outside from any other: the table's N, the degrees of freedom and the categories follow.
  const calibrated = design.postStrata.length > 0;
  const inScope = (u: number): boolean => domain === null || calibrated || Boolean(domain[u]);

  // The categories: every value seen in a (or b), as svychisq's factor levels.
  const rowLevels = levelsOf(as, inScope);
  const columnLevels = levelsOf(bs, inScope);
  const rows = rowLevels.length;
  const columns = columnLevels.length;
  const rowIndex = new Map(rowLevels.map((level, i) => [level, i]));
  const columnIndex = new Map(columnLevels.map((level, j) => [level, j]));
  const cells = rows * columns;
  // Cell of each unit, rows varying fastest (as R's interaction(a, b)); −1 when a or b is missing.
  const cellOf = new Int32Array(size).fill(-1);
  let n = 0;
  let sumW = 0;
  const totals = new Float64Array(cells);
  for (let u = 0; u < size; u++) {
    const av = as[u] as number;
    const bv = bs[u] as number;
    if (Number.isNaN(av) || Number.isNaN(bv) || (domain !== null && !domain[u])) continue;
    const k = (rowIndex.get(av) as number) + rows * (columnIndex.get(bv) as number);
    cellOf[u] = k;
    n++;
    sumW += w[u] as number;
    totals[k] = (totals[k] as number) + (w[u] as number);
  }
  const p = new Float64Array(cells);
  for (let k = 0; k < cells; k++) p[k] = (totals[k] as number) / sumW;
  const proportions = rowLevels.map((_, i) => columnLevels.map((__, j) => p[i + rows * j] as number));
  const df = (rows - 1) * (columns - 1);
  let unitsInScope = 0;
  for (let u = 0; u < size; u++) if (inScope(u)) unitsInScope++;
  const nu = domain === null || calibrated ? designDegreesOfFreedom(design) : designDegreesOfFreedom(design, domain);
  const base = { n, nExcluded: size - n, rowLevels, columnLevels, proportions, df, statistic, method: 'rao-scott' as const };
  const undefinedResult = (reason: string, chisq = NaN): RaoScottTestResult => ({
    ...base,
    chisq,
    deltaTrace: NaN,
    f: NaN,
    ndf: NaN,
    ddf: NaN,
    pF: NaN,
    pChisq: NaN,
    p: NaN,
    reason,
  });
  if (rows < 2 || columns < 2) {
    return undefinedResult(`a test of independence needs at least 2 categories of each variable, got ${rows} × ${columns}`);
  }
  if (!(sumW > 0)) return undefinedResult('no complete pairs with a positive weight');

  // Pearson's X² of the table N·p̂ (svytable(…, Ntotal = N), then chisq.test).
  const N = unitsInScope;
  const rowShare = new Float64Array(rows);
  const columnShare = new Float64Array(columns);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      rowShare[i] = (rowShare[i] as number) + (p[i + rows * j] as number);
      columnShare[j] = (columnShare[j] as number) + (p[i + rows * j] as number);
    }
  }
  if (rowShare.some((share) => share === 0) || columnShare.some((share) => share === 0)) {
    return undefinedResult('a row or column of the table has no weight among the complete pairs; drop its category to test the rest');
  }
  let chisq = 0;
  for (let j = 0; j < columns; j++) {
    for (let i = 0; i < rows; i++) {
      const expected = N * (rowShare[i] as number) * (columnShare[j] as number);
      const deviation = N * (p[i + rows * j] as number) - expected;
      chisq += (deviation * deviation) / expected;
    }
  }

  // V: design covariance of the cell proportions, from each unit's influence
  // w_u·(1[u in cell k] − p̂_k)/Σw (0 for units with a missing value), as svymean.
  const scores: Float64Array[] = [];
  for (let k = 0; k < cells; k++) {
    const score = new Float64Array(size);
    for (let u = 0; u < size; u++) {
      const cell = cellOf[u] as number;
      if (cell < 0) continue;
      score[u] = ((w[u] as number) * ((cell === k ? 1 : 0) - (p[k] as number))) / sumW;
    }
    scores.push(score);
  }
  // The domain's rows: its complete pairs (svymean(na.rm = TRUE) of subset()).
  const V = designCovariance(scores, design, w, Uint8Array.from(cellOf, (cell) => (cell < 0 ? 0 : 1)));

  // Interaction contrasts C (cells × df): for i < r − 1, j < c − 1,
  // e_ij − e_i,c−1 − e_r−1,j + e_r−1,c−1; scaled by D⁻¹ (0 for an empty cell, as R).
  const inverseP = p.map((value) => (value === 0 ? 0 : 1 / value));
  const contrasts: Float64Array[] = [];
  for (let j = 0; j < columns - 1; j++) {
    for (let i = 0; i < rows - 1; i++) {
      const c = new Float64Array(cells);
      c[i + rows * j] = 1;
      c[i + rows * (columns - 1)] = -1;
      c[rows - 1 + rows * j] = -1;
      c[rows - 1 + rows * (columns - 1)] = 1;
      contrasts.push(c);
    }
  }
  // A = Cᵀ D⁻¹ C / N and B = (D⁻¹C)ᵀ V (D⁻¹C).
  const scaled = contrasts.map((c) => c.map((value, k) => value * (inverseP[k] as number)));
  const A = new Float64Array(df * df);
  const B = new Float64Array(df * df);
  for (let s = 0; s < df; s++) {
    const cs = scaled[s] as Float64Array;
    const vcs = new Float64Array(cells);
    for (let k = 0; k < cells; k++) {
      let sum = 0;
      for (let l = 0; l < cells; l++) sum += (V[k * cells + l] as number) * (cs[l] as number);
      vcs[k] = sum;
    }
    for (let t = 0; t < df; t++) {
      const ct = contrasts[t] as Float64Array;
      const dt = scaled[t] as Float64Array;
      let a = 0;
      let bb = 0;
      for (let k = 0; k < cells; k++) {
        a += (cs[k] as number) * (ct[k] as number);
        bb += (vcs[k] as number) * (dt[k] as number);
      }
      A[s * df + t] = a / N;
      B[s * df + t] = bb;
    }
  }
  const traces = deltaTraces(A, B, df);
  if (traces === null) return undefinedResult('the table’s contrast matrix is singular (an empty cell); merge sparse categories', chisq);
  const { trace, traceOfSquare } = traces;
  const f = chisq / trace;
  const ndf = (trace * trace) / traceOfSquare;
  const ddf = ndf * nu;
  const pChisq = chiSquareCdf(chisq / (trace / df), df, false);
  if (!(nu > 0)) {
    return { ...base, chisq, deltaTrace: trace, f, ndf, ddf: NaN, pF: NaN, pChisq, p: statistic === 'F' ? NaN : pChisq, reason: `the design has ${nu} degrees of freedom (PSUs − strata); the F test needs at least 1` };
  }
  const pF = fCdf(f, ndf, ddf, false);
  return { ...base, chisq, deltaTrace: trace, f, ndf, ddf, pF, pChisq, p: statistic === 'F' ? pF : pChisq };
}

/**
 * tr Δ and tr Δ² for Δ = A⁻¹B (A symmetric positive definite, B symmetric), through the
 * similar symmetric matrix S = L⁻¹ B L⁻ᵀ with A = LLᵀ (Cholesky): tr Δ = tr S, tr Δ² = Σ S_ab².
 * Null when A is not positive definite.
 */
function deltaTraces(A: Float64Array, B: Float64Array, m: number): { trace: number; traceOfSquare: number } | null {
  const L = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * m + j] as number;
      for (let k = 0; k < j; k++) sum -= (L[i * m + k] as number) * (L[j * m + k] as number);
      if (i === j) {
        if (!(sum > 0)) return null;
        L[i * m + i] = Math.sqrt(sum);
      } else L[i * m + j] = sum / (L[j * m + j] as number);
    }
  }
  // Y = L⁻¹B (forward substitution, column by column), then S = Y L⁻ᵀ = (L⁻¹ Yᵀ)ᵀ.
  const solveLower = (M: Float64Array): Float64Array => {
    const out = new Float64Array(m * m);
    for (let c = 0; c < m; c++) {
      for (let i = 0; i < m; i++) {
        let sum = M[i * m + c] as number;
        for (let k = 0; k < i; k++) sum -= (L[i * m + k] as number) * (out[k * m + c] as number);
        out[i * m + c] = sum / (L[i * m + i] as number);
      }
    }
    return out;
  };
  const Y = solveLower(B);
  const Yt = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) Yt[j * m + i] = Y[i * m + j] as number;
  const S = solveLower(Yt);
  let trace = 0;
  let traceOfSquare = 0;
  for (let i = 0; i < m; i++) {
    trace += S[i * m + i] as number;
    for (let j = 0; j < m; j++) traceOfSquare += (S[i * m + j] as number) * (S[j * m + i] as number);
  }
  return { trace, traceOfSquare };
}

/** Reads category codes: finite numbers, NaN for missing (null, undefined, NaN). */
function readCodes(fn: string, values: ArrayLike<number | null | undefined>, name: string): Float64Array {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TypeError(`${fn}: ${name} must be an array of category codes, got ${describeValue(values)}`);
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) out[i] = NaN;
    else if (typeof value === 'number' && Number.isFinite(value)) out[i] = value;
    else throw new TypeError(`${fn}: ${name}[${i}] must be a finite number (a category code) or missing, got ${describeValue(value)}`);
  }
  return out;
}

/** The distinct non-missing values of the units in scope, ascending. */
function levelsOf(values: Float64Array, inScope: (u: number) => boolean): number[] {
  const seen = new Set<number>();
  for (let u = 0; u < values.length; u++) if (!Number.isNaN(values[u] as number) && inScope(u)) seen.add(values[u] as number);
  return [...seen].sort((x, y) => x - y);
}
