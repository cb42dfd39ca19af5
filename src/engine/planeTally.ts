/**
 * Category counts of a filtered column from bit planes. Internal: never re-exported from
 * `src/index.ts`.
 *
 * With the planes P_0 … P_{b−1} of v = code + 2 (`codePlanes` in planes.ts), the cells of value
 * v under a mask M are |M ∧ minterm_v|, where minterm_v ANDs P_i or ¬P_i as bit i of v is set or
 * not. The eight minterms of three planes under a word j come from 7 ANDs: j ∧ P_0 splits j in
 * two, each half ∧ P_1 splits it again, each quarter ∧ P_2 once more (the other half of each
 * split is an XOR). A fourth plane first splits M into M ∧ ¬P_3 and M ∧ P_3. The WebAssembly
 * kernel (`tally8` in kernel.wat) does this 128 cells a step; the JavaScript kernel here does it
 * 32 cells a word and is the reference.
 */
import { codePlanes, type CodePlanes } from './planes';
import { kernelPlaneCounts } from './wasmKernel';

/** Per-byte popcount of a word: each byte holds its own bit count (≤ 8). */
function byteCounts(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (v + (v >>> 4)) & 0x0f0f0f0f;
}

/** The four byte lanes of `v` added. */
function addLanes(v: number): number {
  const pairs = (v & 0x00ff00ff) + ((v >>> 8) & 0x00ff00ff);
  return (pairs & 0xffff) + (pairs >>> 16);
}

/**
 * Cells per value of code + 2 (2^planes.count slots) at the set bits of `mask`, by the
 * JavaScript kernel. Mask words that are zero are skipped. The per-byte counts of up to 31
 * words (≤ 248 a byte) are kept in byte lanes and added up after that.
 */
export function planeCountsJs(planes: CodePlanes, mask: Int32Array): Int32Array {
  const slots = 1 << planes.count;
  const totals = new Int32Array(slots);
  const lanes = new Int32Array(slots);
  const { bits, stride } = planes;
  const words = Math.min(mask.length, stride);
  const four = planes.count === 4;
  let pending = 0;
  for (let w = 0; w < words; w++) {
    const m = mask[w] as number;
    if (m === 0) continue;
    const q0 = bits[w] as number;
    const q1 = bits[w + stride] as number;
    const q2 = bits[w + 2 * stride] as number;
    if (four) {
      const q3 = bits[w + 3 * stride] as number;
      const high = m & q3;
      split(lanes, 0, m ^ high, q0, q1, q2);
      split(lanes, 8, high, q0, q1, q2);
    } else {
      split(lanes, 0, m, q0, q1, q2);
    }
    if (++pending === 31) {
      for (let v = 0; v < slots; v++) totals[v]! += addLanes(lanes[v] as number);
      lanes.fill(0);
      pending = 0;
    }
  }
  for (let v = 0; v < slots; v++) totals[v]! += addLanes(lanes[v] as number);
  return totals;
}

/** Adds the per-byte counts of the eight minterms of q0, q1, q2 under `j` to lanes[at + v]. */
function split(lanes: Int32Array, at: number, j: number, q0: number, q1: number, q2: number): void {
  if (j === 0) return;
  const odd = j & q0;
  const even = j ^ odd;
  const e1 = even & q1;
  const e0 = even ^ e1;
  const o1 = odd & q1;
  const o0 = odd ^ o1;
  const e04 = e0 & q2;
  const e14 = e1 & q2;
  const o04 = o0 & q2;
  const o14 = o1 & q2;
  lanes[at]! += byteCounts(e0 ^ e04);
  lanes[at + 1]! += byteCounts(o0 ^ o04);
  lanes[at + 2]! += byteCounts(e1 ^ e14);
  lanes[at + 3]! += byteCounts(o1 ^ o14);
  lanes[at + 4]! += byteCounts(e04);
  lanes[at + 5]! += byteCounts(o04);
  lanes[at + 6]! += byteCounts(e14);
  lanes[at + 7]! += byteCounts(o14);
}

/**
 * Cells per code + 2 (`width` ≤ 16 slots) of `codes` at the set bits of `mask`, from the code
 * planes of `codes` (made on first use and kept with them), by the WebAssembly kernel where it
 * loads, else by the JavaScript one.
 */
export function planeCounts(codes: Int8Array, mask: Int32Array, width: number): Int32Array {
  const planes = codePlanes(codes, width);
  const counts = kernelPlaneCounts(planes, mask) ?? planeCountsJs(planes, mask);
  return counts.length === width ? counts : counts.slice(0, width);
}
