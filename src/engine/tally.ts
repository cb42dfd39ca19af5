/**
 * The category tally of a coded column: the one place the describe functions read a column's
 * cells from. Every single-item statistic (frequencies, agreement shares, coded means and their
 * intervals, weighted or not) is a function of this tally, which is also what a survey summary
 * stores per item. Internal: never re-exported from `src/index.ts`.
 *
 * A column of a filtered survey is never copied: its unweighted counts were made when its
 * survey handed it out (`maskedCounts` in maskedTally.ts: from bit planes of its codes, or a
 * gather of the base codes at the filter's positions) and are read back here; its weighted sums
 * are gathered from the base arrays at the positions.
 */
import { columnCodes, columnSource, columnWeights, type ColumnSource } from '../data/columnData';
import type { LikertColumn } from '../data/types';
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
  const width = categoryCount + 2;
  if (mask === null) return countAll(codes, width);
  // A filtered column is counted once when its survey hands it out (for its n, by
  // `maskedCounts` in maskedTally.ts) and read back here after that: the counts of base codes
  // under a mask never change.
  const known = maskedSlotsOf(codes, mask, width);
  if (known !== undefined) return known.slice();
  const slots = gatherCounts(codes, mask, width, positions);
  rememberMaskedSlots(codes, mask, slots);
  return slots.slice();
}

/** Mask → base codes → cells per code + 2 under the mask. Module-private cache. */
const maskedSlots = new WeakMap<Int32Array, WeakMap<Int8Array, Int32Array>>();

/** The cells per code + 2 of `codes` under `mask` counted before (`width` slots), or undefined. Read only. */
export function maskedSlotsOf(codes: Int8Array, mask: Int32Array, width: number): Int32Array | undefined {
  const known = maskedSlots.get(mask)?.get(codes);
  return known !== undefined && known.length === width ? known : undefined;
}

/** Keeps the cells per code + 2 of `codes` under `mask`, for {@link maskedSlotsOf}. */
export function rememberMaskedSlots(codes: Int8Array, mask: Int32Array, slots: Int32Array): void {
  let byCodes = maskedSlots.get(mask);
  if (byCodes === undefined) {
    byCodes = new WeakMap();
    maskedSlots.set(mask, byCodes);
  }
  byCodes.set(codes, slots);
}

/**
 * Cells per code + 2 of `codes` at the set bits of `mask`, gathered: the positions of the mask's
 * bits are made once per survey and shared by all its items, so each item is one gather loop.
 */
export function gatherCounts(codes: Int8Array, mask: Int32Array, width: number, positions: () => Int32Array | null): Int32Array {
  const rows = positions();
  return rows === null ? countUnderMask(codes, mask, width) : countAt(codes, rows, width);
}

/*
 * The counting loops keep four banks of slots and send consecutive cells to different banks.
 * With one bank, a run of equal codes makes every increment wait for the store of the one
 * before it (a histogram's store-to-load chain); with four, four chains run side by side. The
 * banks are added at the end, so the counts are the same integers.
 */

/** Cells per code + 2 of all of `codes`. */
function countAll(codes: Int8Array, width: number): Int32Array {
  const banks = new Int32Array(4 * width);
  const b1 = width + 2;
  const b2 = 2 * width + 2;
  const b3 = 3 * width + 2;
  const n = codes.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    banks[(codes[i] as number) + 2]!++;
    banks[(codes[i + 1] as number) + b1]!++;
    banks[(codes[i + 2] as number) + b2]!++;
    banks[(codes[i + 3] as number) + b3]!++;
  }
  for (; i < n; i++) banks[(codes[i] as number) + 2]!++;
  return addBanks(banks, width);
}

/** Cells per code + 2 of `codes` at the base positions `rows`. */
function countAt(codes: Int8Array, rows: Int32Array, width: number): Int32Array {
  const banks = new Int32Array(4 * width);
  const b1 = width + 2;
  const b2 = 2 * width + 2;
  const b3 = 3 * width + 2;
  const n = rows.length;
  let r = 0;
  for (; r + 4 <= n; r += 4) {
    banks[(codes[rows[r] as number] as number) + 2]!++;
    banks[(codes[rows[r + 1] as number] as number) + b1]!++;
    banks[(codes[rows[r + 2] as number] as number) + b2]!++;
    banks[(codes[rows[r + 3] as number] as number) + b3]!++;
  }
  for (; r < n; r++) banks[(codes[rows[r] as number] as number) + 2]!++;
  return addBanks(banks, width);
}

/** The four banks of {@link countAll} and {@link countAt} added slot by slot. */
function addBanks(banks: Int32Array, width: number): Int32Array {
  const slots = new Int32Array(width);
  for (let k = 0; k < width; k++) slots[k] = (banks[k] as number) + (banks[k + width] as number) + (banks[k + 2 * width] as number) + (banks[k + 3 * width] as number);
  return slots;
}

/** Cells per code + 2 of `codes` at the set bits of `mask`. */
function countUnderMask(codes: Int8Array, mask: Int32Array, width: number): Int32Array {
  const slots = new Int32Array(width);
  for (let w = 0; w < mask.length; w++) {
    let word = mask[w] as number;
    const start = w << 5;
    while (word !== 0) {
      const low = word & -word;
      slots[(codes[start + 31 - Math.clz32(low)] as number) + 2]!++;
      word ^= low;
    }
  }
  return slots;
}

/**
 * Σw and Σ(w·2⁻ᵉ)² per category of the cells at the base positions `rows`, as `tallyWeights`
 * forms them over the gathered cells (same order of addition, so the same sums to the last bit).
 */
function weightsAt(codes: Int8Array, weights: Float64Array, rows: Int32Array, categoryCount: number): WeightedTally {
  const sums = new Float64Array(categoryCount);
  const squares = new Float64Array(categoryCount);
  let largest = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    if ((codes[i] as number) >= 0) largest = Math.max(largest, weights[i] as number);
  }
  const scale = powerOfTwoScale(largest);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    const code = codes[i] as number;
    if (code < 0) continue;
    const weight = weights[i] as number;
    const scaled = weight * scale;
    sums[code]! += weight;
    squares[code]! += scaled * scaled;
  }
  return { sums, squares, scale };
}

/** Column → its tally unweighted and with its own weights, made on first use. Module-private cache. */
const tallies = new WeakMap<LikertColumn, { plain?: CategoryTally; own?: CategoryTally }>();

/** A copy of `tally` (its arrays are small), so that no caller can change a cached one. */
function copyTally(tally: CategoryTally): CategoryTally {
  const w = tally.weights;
  return {
    counts: tally.counts.slice(),
    missing: tally.missing,
    invalid: tally.invalid,
    weights: w === null ? null : { sums: w.sums.slice(), squares: w.squares.slice(), scale: w.scale },
  };
}

/**
 * Tallies the cells of `column` per category, with `weights` (one per cell, already validated)
 * or unweighted when `weights` is null. A column is immutable, so its tally unweighted and with
 * its own weights is made once and handed out as copies.
 */
export function columnTally(column: LikertColumn, weights: Float64Array | null): CategoryTally {
  const source = columnSource(column);
  const own = weights !== null && source.weights !== undefined && weights === columnWeights(column);
  if (weights !== null && !own) return makeTally(column, source, weights);
  let cached = tallies.get(column);
  if (cached === undefined) {
    cached = {};
    tallies.set(column, cached);
  }
  const key = own ? 'own' : 'plain';
  let tally = cached[key];
  if (tally === undefined) {
    tally = makeTally(column, source, weights);
    cached[key] = tally;
  }
  return copyTally(tally);
}

/**
 * The tally of `column` with its own weights (which its survey validated), or unweighted when it
 * has none: what `columnTally(column, column's weights)` gives, without gathering the weights of
 * a filtered column first. The cached tally itself, not a copy: read only (the single-item
 * statistics only read it).
 */
export function ownWeightsTally(column: LikertColumn): CategoryTally {
  const source = columnSource(column);
  const weights = source.weights === undefined ? null : source.weights;
  let cached = tallies.get(column);
  if (cached === undefined) {
    cached = {};
    tallies.set(column, cached);
  }
  if (weights === null) {
    cached.plain ??= makeTally(column, source, null);
    return cached.plain;
  }
  cached.own ??= makeTally(column, source, weights);
  return cached.own;
}

function makeTally(column: LikertColumn, source: ColumnSource, weights: Float64Array | null): CategoryTally {
  const categoryCount = column.scale.categories.length;
  const slots = codeCounts(source.codes, source.mask, categoryCount, source.positions);
  const counts = new Float64Array(categoryCount);
  for (let k = 0; k < categoryCount; k++) counts[k] = slots[k + 2] as number;
  let weighted: WeightedTally | null = null;
  if (weights !== null) {
    // The column's own weights are read from the base under the mask; other weights (one per
    // cell of the column) against the column's own codes.
    const rows = source.mask === null ? null : source.positions();
    weighted =
      rows !== null && source.weights !== undefined && (weights === source.weights || weights === columnWeights(column))
        ? weightsAt(source.codes, source.weights, rows, categoryCount)
        : tallyWeights(columnCodes(column), weights, categoryCount);
  }
  return { counts, missing: slots[1] as number, invalid: slots[0] as number, weights: weighted };
}
