/**
 * Small dense-matrix helpers for the reliability procedures (pairwise covariances, a matrix
 * inverse, squared multiple correlations). Internal: never re-exported.
 */

/** A square matrix as rows of numbers. */
export type Matrix = number[][];

/** Pairwise statistics of the columns: covariances (divisor m − 1 over the rows both answered) and counts. */
export interface PairwiseCovariance {
  readonly covariance: Matrix;
  /** Rows where both items are present (the diagonal: rows where the item is present). */
  readonly count: Matrix;
}

/**
 * The centred sums of two columns over the rows where both are present (NaN marks a missing
 * value): the number of such rows m, Σ(x − x̄)², Σ(y − ȳ)² and Σ(x − x̄)(y − ȳ), with the means
 * of those rows. Zero sums when m < 2.
 */
export function completePairSums(x: ArrayLike<number>, y: ArrayLike<number>): { m: number; sxx: number; syy: number; sxy: number } {
  let m = 0;
  let sumX = 0;
  let sumY = 0;
  for (let r = 0; r < x.length; r++) {
    const a = x[r] as number;
    const b = y[r] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    m++;
    sumX += a;
    sumY += b;
  }
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  if (m < 2) return { m, sxx, syy, sxy };
  const meanX = sumX / m;
  const meanY = sumY / m;
  for (let r = 0; r < x.length; r++) {
    const a = x[r] as number;
    const b = y[r] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sxy += (a - meanX) * (b - meanY);
    sxx += (a - meanX) * (a - meanX);
    syy += (b - meanY) * (b - meanY);
  }
  return { m, sxx, syy, sxy };
}

/**
 * Covariance of every pair of columns over the rows where both are present, each pair with its
 * own means (as R's `cov(x, use = "pairwise.complete.obs")`). Two passes per pair: the means
 * of the pair's complete rows, then the sum of the products of the deviations.
 */
export function pairwiseCovariance(columns: readonly Float64Array[]): PairwiseCovariance {
  const k = columns.length;
  const covariance: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  const count: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    const x = columns[i] as Float64Array;
    for (let j = i; j < k; j++) {
      const y = columns[j] as Float64Array;
      const { m, sxy } = completePairSums(x, y);
      const value = m >= 2 ? sxy / (m - 1) : NaN;
      covariance[i]![j] = value;
      covariance[j]![i] = value;
      count[i]![j] = m;
      count[j]![i] = m;
    }
  }
  return { covariance, count };
}

/**
 * Correlation of every pair of columns over the rows where both are present, with the pair's own
 * means and standard deviations (R's `cor(x, use = "pairwise")`, which `psych::omega` reads;
 * `psych::alpha` instead scales the pairwise covariances by each item's own variance).
 */
export function pairwiseCorrelation(columns: readonly Float64Array[]): Matrix {
  const k = columns.length;
  const out: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  for (let i = 0; i < k; i++) {
    out[i]![i] = 1;
    const x = columns[i] as Float64Array;
    for (let j = 0; j < i; j++) {
      const y = columns[j] as Float64Array;
      const { m, sxx, syy, sxy } = completePairSums(x, y);
      const value = m >= 2 ? sxy / Math.sqrt(sxx * syy) : NaN;
      out[i]![j] = value;
      out[j]![i] = value;
    }
  }
  return out;
}

/** The correlation matrix of a covariance matrix: C_ij / √(C_ii·C_jj), ones on the diagonal (R's `cov2cor`). */
export function covarianceToCorrelation(c: Matrix): Matrix {
  const k = c.length;
  const sd = c.map((row, i) => Math.sqrt(row[i] as number));
  return c.map((row, i) => row.map((v, j) => (i === j ? 1 : v / ((sd[i] as number) * (sd[j] as number)))));
}

/**
 * Eigen decomposition of a symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan §8.5):
 * rotations zero each off-diagonal entry in turn until the off-diagonal mass is below
 * 1e-30 of the matrix's squared norm. Returns the eigenvalues in decreasing order and the
 * eigenvectors as columns (`vectors[i][j]`: component i of vector j).
 */
export function symmetricEigen(a: Matrix): { values: number[]; vectors: Matrix } {
  const k = a.length;
  const m = a.map((row) => row.slice());
  const v: Matrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  let norm = 0;
  for (const row of m) for (const x of row) norm += x * x;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += (m[p]![q] as number) ** 2;
    if (!(off > norm * 1e-30)) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = m[p]![q] as number;
        if (apq === 0) continue;
        const app = m[p]![p] as number;
        const aqq = m[q]![q] as number;
        // The rotation angle θ with cot 2θ = (a_qq − a_pp)/(2a_pq); t = tan θ, the smaller root.
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = m[r]![p] as number;
          const arq = m[r]![q] as number;
          m[r]![p] = c * arp - s * arq;
          m[r]![q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = m[p]![r] as number;
          const aqr = m[q]![r] as number;
          m[p]![r] = c * apr - s * aqr;
          m[q]![r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r]![p] as number;
          const vrq = v[r]![q] as number;
          v[r]![p] = c * vrp - s * vrq;
          v[r]![q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((i, j) => (m[j]![j] as number) - (m[i]![i] as number));
  return {
    values: order.map((i) => m[i]![i] as number),
    vectors: v.map((row) => order.map((j) => row[j] as number)),
  };
}

/**
 * Moore–Penrose pseudo-inverse of a symmetric matrix, as `psych::Pinv`: Σ v_j v_jᵀ/λ_j over the
 * eigenpairs with |λ_j| > √ε·max|λ| (for a symmetric matrix the singular values are |λ_j|);
 * null when an entry is not finite.
 */
export function pseudoInverse(a: Matrix): Matrix | null {
  for (const row of a) for (const x of row) if (!Number.isFinite(x)) return null;
  const k = a.length;
  const { values, vectors } = symmetricEigen(a);
  let largest = 0;
  for (const x of values) largest = Math.max(largest, Math.abs(x));
  const tol = Math.sqrt(Number.EPSILON) * largest;
  const inv: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const lambda = values[j] as number;
    if (!(Math.abs(lambda) > tol)) continue;
    for (let r = 0; r < k; r++) {
      const vr = (vectors[r]![j] as number) / lambda;
      for (let c = 0; c < k; c++) inv[r]![c] = (inv[r]![c] as number) + vr * (vectors[c]![j] as number);
    }
  }
  return inv;
}

/**
 * Squared multiple correlation of each variable with all the others, 1 − 1/(R⁺)_ii with R⁺ the
 * pseudo-inverse, clipped to [0, 1] (as `psych::smc`); all `NaN` when R has a non-finite entry.
 */
export function squaredMultipleCorrelations(r: Matrix): number[] {
  const inv = pseudoInverse(r);
  if (inv === null) return r.map(() => NaN);
  return inv.map((row, i) => Math.min(1, Math.max(0, 1 - 1 / (row[i] as number))));
}

/** Sum of all entries. */
export function total(a: Matrix): number {
  let s = 0;
  for (const row of a) for (const v of row) s += v;
  return s;
}

/** Trace (sum of the diagonal). */
export function trace(a: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]![i] as number;
  return s;
}

/** The matrix without row and column `drop`. */
export function without(a: Matrix, drop: number): Matrix {
  return a.filter((_, i) => i !== drop).map((row) => row.filter((_, j) => j !== drop));
}
