/**
 * The counts of a filtered survey's columns, made when the survey hands a column out (for its
 * `n`) and kept for `columnTally` (tally.ts) to read back. Kept apart from tally.ts so that the
 * single-item statistics, which only read tallies, do not carry the WebAssembly kernel into a
 * bundle that never filters a survey. Internal: never re-exported from `src/index.ts`.
 */
import type { ColumnCounts } from '../data/types';
import { codePlaneWidth, hasCodePlanes, jsPlaneCounts, kernelPlaneCounts } from './planeTally';
import { gatherCounts, maskedSlotsOf, rememberMaskedSlots } from './tally';
import { kernelAvailable } from './wasmKernel';

/** Base codes → how many masks they were counted under by the gather. Module-private. */
const gathered = new WeakMap<Int8Array, number>();

/**
 * The cells of `codes` under `mask` (`size` of them) counted from code planes (planeTally.ts),
 * or null when the gather is the faster way. The WebAssembly kernel makes a column's planes in
 * one fast pass on first use and then reads 3 bits a cell, every word of the mask and planes;
 * the gather reads only the kept cells, but a byte each from all over the codes. The kernel is
 * faster from about 1 % of the cells kept (measured with 10^6 cells, see docs/performance.md).
 * The JavaScript planes cost about as much to make as a gather, so without the kernel a column's
 * first mask is gathered and its planes made from the second mask on, used from 10 % kept.
 */
function planeCountsIfFaster(codes: Int8Array, mask: Int32Array, size: number, width: number): Int32Array | null {
  if (width > codePlaneWidth || codes.length < 4096) return null;
  const share = size / codes.length;
  if (kernelAvailable()) return share < 0.01 ? null : kernelPlaneCounts(codes, mask, size, width);
  if (share < 0.1) return null;
  if (!hasCodePlanes(codes, width)) {
    const seen = gathered.get(codes) ?? 0;
    gathered.set(codes, seen + 1);
    if (seen === 0) return null;
  }
  return jsPlaneCounts(codes, mask, width);
}

/**
 * How the cells of `codes` at the set bits of `mask` (`size` of them, at `positions()`) are
 * accounted for, for a scale of `levelCount` levels and `categoryCount` categories; the counts
 * per category are kept for the column's tally.
 */
export function maskedCounts(
  codes: Int8Array,
  mask: Int32Array,
  positions: () => Int32Array | null,
  size: number,
  levelCount: number,
  categoryCount: number,
): ColumnCounts {
  const width = categoryCount + 2;
  let slots = maskedSlotsOf(codes, mask, width);
  if (slots === undefined) {
    slots = planeCountsIfFaster(codes, mask, size, width) ?? gatherCounts(codes, mask, width, positions);
    rememberMaskedSlots(codes, mask, slots);
  }
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
