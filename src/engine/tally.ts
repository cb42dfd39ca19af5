/**
 * The category tally of a coded column: the one place the describe functions read a column's
 * cells from. Every single-item statistic (frequencies, agreement shares, coded means and their
 * intervals, weighted or not) is a function of this tally, which is also what a survey summary
 * stores per item. Internal: never re-exported from `src/index.ts`.
 */
import { columnCodes } from '../data/columnData';
import type { LikertColumn } from '../data/types';
import { tallyWeights, type WeightedTally } from '../describe/weights';

/** Cells of a column per category, and their weights when the column is weighted. */
export interface CategoryTally {
  /** Cells per category index: the levels lowest first, then the non-substantive answers. */
  readonly counts: Float64Array;
  /** Empty cells. */
  readonly missing: number;
  /** Cells with an unknown label kept as invalid. */
  readonly invalid: number;
  /** Σw and Σ(w·scale)² per category, or null when no weights are used. */
  readonly weights: WeightedTally | null;
}

/**
 * Tallies the cells of `column` per category, with `weights` (one per cell, already validated)
 * or unweighted when `weights` is null.
 */
export function columnTally(column: LikertColumn, weights: Float64Array | null): CategoryTally {
  const codes = columnCodes(column);
  const categoryCount = column.scale.categories.length;
  const counts = new Float64Array(categoryCount);
  let missing = 0;
  let invalid = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (code >= 0) counts[code]! += 1;
    else if (code === -1) missing++;
    else invalid++;
  }
  return { counts, missing, invalid, weights: weights === null ? null : tallyWeights(codes, weights, categoryCount) };
}
