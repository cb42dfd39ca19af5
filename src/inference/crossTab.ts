/**
 * Correlation sums of two coded Likert columns from their cross-table. Internal.
 *
 * Two coded columns take only k₁ × k₂ distinct value pairs, so the sums behind Pearson's r are
 * read from the table of pair counts n_ij built in one pass over the two `Int8Array`s:
 * n = Σ n_ij, the means m_x = Σ_i n_i· x_i / n and m_y likewise, and the centred sums
 * Sxx = Σ_i n_i· (x_i − m_x)², Syy = Σ_j n_·j (y_j − m_y)², Sxy = Σ_ij n_ij (x_i − m_x)(y_j − m_y).
 * Work is O(N + k₁k₂), and for integer codes the sums are exact. Pairwise deletion is implicit: a pair enters the table only when
 * both codes are substantive levels.
 */
import { columnCodes, columnSource } from '../data/columnData';
import type { LikertColumn } from '../data/types';

/** The pair counts of two coded columns over their substantive levels. */
export interface LevelCrossTable {
  /** Counts, row-major: `counts[i * columns + j]` pairs with x level i and y level j. */
  readonly counts: Int32Array;
  readonly rows: number;
  readonly columns: number;
  /** Complete pairs. */
  readonly n: number;
}

/** Cross-tabulates the substantive levels of two columns of equal length. */
export function crossTabulateLevels(x: LikertColumn, y: LikertColumn): LevelCrossTable {
  const rows = x.scale.levels.length;
  const columns = y.scale.levels.length;
  const counts = new Int32Array(rows * columns);
  const xs = columnSource(x);
  const ys = columnSource(y);
  const mask = xs.mask;
  if (mask !== null && ys.mask === mask && xs.codes.length === ys.codes.length) {
    // Two columns of one filtered survey: the base codes at the set bits of the shared mask,
    // lowest first, with no copy of either column.
    const xc = xs.codes;
    const yc = ys.codes;
    for (let w = 0; w < mask.length; w++) {
      let word = mask[w] as number;
      while (word !== 0) {
        const low = word & -word;
        const i = (w << 5) + 31 - Math.clz32(low);
        word ^= low;
        const a = xc[i] as number;
        const b = yc[i] as number;
        if ((a >>> 0) < rows && (b >>> 0) < columns) counts[a * columns + b]!++;
      }
    }
  } else {
    const xc = columnCodes(x);
    const yc = columnCodes(y);
    const length = xc.length;
    for (let i = 0; i < length; i++) {
      const a = xc[i] as number;
      const b = yc[i] as number;
      // Substantive levels are 0 … k − 1; non-substantive answers are ≥ k, missing < 0. The
      // unsigned comparison tests both bounds at once.
      if ((a >>> 0) < rows && (b >>> 0) < columns) counts[a * columns + b]!++;
    }
  }
  let n = 0;
  for (let k = 0; k < counts.length; k++) n += counts[k] as number;
  return { counts, rows, columns, n };
}

/** True when every score is a safe integer, as the exact sums need (the usual 1…k codes are). */
export function integerScores(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isSafeInteger(values[i])) return false;
  return true;
}

/**
 * n·Sxx, n·Syy and n·Sxy of the table for integer scores `xs` (per row) and `ys` (per column):
 * n·Sxy = n·Σ n_ij x_i y_j − Σx·Σy, and likewise for Sxx and Syy, formed in exact BigInt
 * arithmetic over the k₁ × k₂ cells and rounded to doubles once. r = Sxy/√(Sxx·Syy) then
 * carries only the rounding of the final division and square root (r is exactly −0.5 for
 * x = 1, 1, 2 and y = 2, 1, 1). Callers check {@link integerScores} first.
 */
export function centredSums(
  table: LevelCrossTable,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
): { sxx: number; syy: number; sxy: number } {
  const { counts, rows, columns, n } = table;
  let sumX = 0n;
  let sumXX = 0n;
  let sumY = 0n;
  let sumYY = 0n;
  let sumXY = 0n;
  for (let i = 0; i < rows; i++) {
    const x = BigInt(xs[i] as number);
    for (let j = 0; j < columns; j++) {
      const c = counts[i * columns + j] as number;
      if (c === 0) continue;
      const count = BigInt(c);
      const y = BigInt(ys[j] as number);
      sumX += count * x;
      sumXX += count * x * x;
      sumY += count * y;
      sumYY += count * y * y;
      sumXY += count * x * y;
    }
  }
  const N = BigInt(n);
  return {
    sxx: Number(N * sumXX - sumX * sumX),
    syy: Number(N * sumYY - sumY * sumY),
    sxy: Number(N * sumXY - sumX * sumY),
  };
}

/**
 * Average ranks (1 = smallest) of each level among the complete pairs, from the table's
 * margins: a level holding c respondents after `before` smaller ones gets before + (c + 1)/2,
 * as R's `rank(ties.method = "average")` gives each of them.
 */
export function levelRanks(table: LevelCrossTable, axis: 'rows' | 'columns'): Float64Array {
  const { counts, rows, columns } = table;
  const size = axis === 'rows' ? rows : columns;
  const totals = new Float64Array(size);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) totals[axis === 'rows' ? i : j]! += counts[i * columns + j] as number;
  }
  const ranks = new Float64Array(size);
  let before = 0;
  for (let k = 0; k < size; k++) {
    const c = totals[k] as number;
    ranks[k] = before + (c + 1) / 2;
    before += c;
  }
  return ranks;
}
