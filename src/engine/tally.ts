/**
 * The category tally of a coded column: the one place the describe functions read a column's
 * cells from. Every single-item statistic (frequencies, agreement shares, coded means and their
 * intervals, weighted or not) is a function of this tally, which is also what a survey summary
 * stores per item. Internal: never re-exported from `src/index.ts`.
 *
 * A column of a filtered survey is tallied from the base codes under the filter's bitset, with
 * no copy: zero words are skipped and the set bits of the others visited lowest first (the
 * lowest set bit of a word w is w & −w, its position 31 − clz32 of it).
 */
import { columnCodes, columnSource, columnWeights } from '../data/columnData';
import type { ColumnCounts, LikertColumn } from '../data/types';
import { tallyWeights, type WeightedTally } from '../describe/weights';
import { powerOfTwoScale } from '../math/moments';

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
 * Cells per code + 2 (slot 0: invalid, −2; slot 1: missing, −1; then the category indices) of
 * `codes` at the set bits of `mask`, or of every cell when `mask` is null.
 */
function codeCounts(codes: Int8Array, mask: Int32Array | null, categoryCount: number, positions: () => Int32Array | null): Int32Array {
  const slots = new Int32Array(categoryCount + 2);
  if (mask === null) {
    for (let i = 0; i < codes.length; i++) slots[(codes[i] as number) + 2]!++;
    return slots;
  }
  // A filtered column is counted once when its survey hands it out (for its n) and read back
  // here after that: the counts of base codes under a mask never change.
  let byCodes = maskedSlots.get(mask);
  if (byCodes === undefined) {
    byCodes = new WeakMap();
    maskedSlots.set(mask, byCodes);
  }
  const known = byCodes.get(codes);
  if (known !== undefined && known.length === slots.length) return known.slice();
  byCodes.set(codes, slots);
  // The positions of the mask's bits are made once per survey and shared by all its items, so
  // each item is one gather loop.
  const rows = positions();
  if (rows === null) countUnderMask(codes, mask, slots);
  else for (let r = 0; r < rows.length; r++) slots[(codes[rows[r] as number] as number) + 2]!++;
  return slots.slice();
}

/** Mask → base codes → cells per code + 2 under the mask. Module-private cache. */
const maskedSlots = new WeakMap<Int32Array, WeakMap<Int8Array, Int32Array>>();

/** Adds the cells of `codes` at the set bits of `mask` into `slots` (per code + 2). */
function countUnderMask(codes: Int8Array, mask: Int32Array, slots: Int32Array): void {
  for (let w = 0; w < mask.length; w++) {
    let word = mask[w] as number;
    const start = w << 5;
    while (word !== 0) {
      const low = word & -word;
      slots[(codes[start + 31 - Math.clz32(low)] as number) + 2]!++;
      word ^= low;
    }
  }
}

/**
 * Σw and Σ(w·2⁻ᵉ)² per category of the cells at the set bits of `mask`, as `tallyWeights` forms
 * them over the gathered cells (same order of addition, so the same sums to the last bit).
 */
function maskedWeights(codes: Int8Array, weights: Float64Array, mask: Int32Array, categoryCount: number): WeightedTally {
  const sums = new Float64Array(categoryCount);
  const squares = new Float64Array(categoryCount);
  let largest = 0;
  for (let w = 0; w < mask.length; w++) {
    let word = mask[w] as number;
    while (word !== 0) {
      const low = word & -word;
      const i = (w << 5) + 31 - Math.clz32(low);
      if ((codes[i] as number) >= 0) largest = Math.max(largest, weights[i] as number);
      word ^= low;
    }
  }
  const scale = powerOfTwoScale(largest);
  for (let w = 0; w < mask.length; w++) {
    let word = mask[w] as number;
    while (word !== 0) {
      const low = word & -word;
      const i = (w << 5) + 31 - Math.clz32(low);
      word ^= low;
      const code = codes[i] as number;
      if (code < 0) continue;
      const weight = weights[i] as number;
      const scaled = weight * scale;
      sums[code]! += weight;
      squares[code]! += scaled * scaled;
    }
  }
  return { sums, squares, scale };
}

/**
 * Tallies the cells of `column` per category, with `weights` (one per cell, already validated)
 * or unweighted when `weights` is null.
 */
export function columnTally(column: LikertColumn, weights: Float64Array | null): CategoryTally {
  const categoryCount = column.scale.categories.length;
  const source = columnSource(column);
  const slots = codeCounts(source.codes, source.mask, categoryCount, source.positions);
  const counts = new Float64Array(categoryCount);
  for (let k = 0; k < categoryCount; k++) counts[k] = slots[k + 2] as number;
  let weighted: WeightedTally | null = null;
  if (weights !== null) {
    // The column's own weights are read from the base under the mask; other weights (one per
    // cell of the column) against the column's own codes.
    weighted =
      source.mask !== null && source.weights !== undefined && weights === columnWeights(column)
        ? maskedWeights(source.codes, source.weights, source.mask, categoryCount)
        : tallyWeights(columnCodes(column), weights, categoryCount);
  }
  return { counts, missing: slots[1] as number, invalid: slots[0] as number, weights: weighted };
}

/**
 * How the cells of `codes` at the set bits of `mask` (`size` of them, at `positions()`) are
 * accounted for, for a scale of `levelCount` levels and `categoryCount` categories.
 */
export function maskedCounts(
  codes: Int8Array,
  mask: Int32Array,
  positions: () => Int32Array | null,
  size: number,
  levelCount: number,
  categoryCount: number,
): ColumnCounts {
  const slots = codeCounts(codes, mask, categoryCount, positions);
  let substantive = 0;
  let nonSubstantive = 0;
  for (let k = 0; k < categoryCount; k++) {
    if (k < levelCount) substantive += slots[k + 2] as number;
    else nonSubstantive += slots[k + 2] as number;
  }
  const missing = slots[1] as number;
  const invalid = slots[0] as number;
  return Object.freeze({ total: size, answered: substantive + nonSubstantive, substantive, missing, invalid, nonSubstantive });
}
