/**
 * Category counts of a filtered column from bit planes of its codes. Internal: never
 * re-exported from `src/index.ts`.
 *
 * The planes P_0 … P_{b−1} of v = code + 2 (invalid −2 → 0, missing −1 → 1, category k → k + 2)
 * hold every cell in 3 bits (4 for scales of 7–14 categories) instead of the 8 of its `Int8Array`
 * code, and the cells of value v under a mask M are |M ∧ minterm_v|, where minterm_v ANDs P_i or
 * ¬P_i as bit i of v is set or not. The WebAssembly kernel (`tally` in kernel.wat) keeps the
 * planes resident in its own memory and counts 128 cells a step (wasmKernel.ts); where it does
 * not load, the JavaScript kernel here counts 32 cells a word from planes it keeps with the codes.
 * The JavaScript kernel is also the reference the kernel is tested against.
 */
import { residentCodePlanes, residentPlaneCounts } from './wasmKernel';

/** Bit planes of code + 2 of a column's codes, held in JavaScript. */
export interface CodePlanes {
  /** Planes: 3 when every code + 2 is below 8, else 4 (below 16). */
  readonly count: 3 | 4;
  /** Words per plane in `bits`: ⌈length / 32⌉ rounded up to a multiple of 4, the padding zero. */
  readonly stride: number;
  /** Plane b at words b·stride … (b + 1)·stride − 1. */
  readonly bits: Int32Array;
}

/** The widest code + 2 the planes take (4 planes). */
export const codePlaneWidth = 16;

/** Base codes → their JavaScript planes by plane count. Module-private cache. */
const codeCache = new WeakMap<Int8Array, { 3?: CodePlanes; 4?: CodePlanes }>();

/**
 * The JavaScript code planes of `codes` (the base codes of a column, kept for as long as they
 * live), for codes + 2 below `width` (≤ {@link codePlaneWidth}); made on first use.
 */
export function codePlanes(codes: Int8Array, width: number): CodePlanes {
  const count = width <= 8 ? 3 : 4;
  let known = codeCache.get(codes);
  if (known === undefined) {
    known = {};
    codeCache.set(codes, known);
  }
  const cached = known[count];
  if (cached !== undefined) return cached;
  const made = buildCodePlanes(codes, count);
  known[count] = made;
  return made;
}

/** Whether the JavaScript code planes of `codes` for codes + 2 below `width` are made already. */
export function hasCodePlanes(codes: Int8Array, width: number): boolean {
  return codeCache.get(codes)?.[width <= 8 ? 3 : 4] !== undefined;
}

/**
 * The planes of `codes` in JavaScript. Positions past the column's end read as code + 2 = 0 here
 * (invalid) but as missing in the WebAssembly planes; no mask the library builds has a bit there
 * (every mask is as long as its survey), so the two always agree.
 */
function buildCodePlanes(codes: Int8Array, count: 3 | 4): CodePlanes {
  const length = codes.length;
  const words = (length + 31) >>> 5;
  const stride = (words + 3) & ~3;
  const bits = new Int32Array(count * stride);
  for (let w = 0; w < words; w++) {
    const start = w << 5;
    const end = Math.min(length, start + 32);
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    for (let i = start; i < end; i++) {
      const v = (codes[i] as number) + 2;
      const shift = i & 31;
      b0 |= (v & 1) << shift;
      b1 |= ((v >>> 1) & 1) << shift;
      b2 |= ((v >>> 2) & 1) << shift;
      b3 |= ((v >>> 3) & 1) << shift;
    }
    bits[w] = b0;
    bits[w + stride] = b1;
    bits[w + 2 * stride] = b2;
    if (count === 4) bits[w + 3 * stride] = b3;
  }
  return { count, stride, bits };
}

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
 * Cells per code + 2 (`width` ≤ {@link codePlaneWidth} slots) of `codes` at the set bits of
 * `mask` (`size` of them), from the planes the WebAssembly kernel keeps for `codes` (made on
 * first use); null when the kernel is unavailable or its memory has no room.
 */
export function kernelPlaneCounts(codes: Int8Array, mask: Int32Array, size: number, width: number): Int32Array | null {
  const planes = residentCodePlanes(codes, width <= 8 ? 3 : 4);
  if (planes === null) return null;
  const counts = residentPlaneCounts(planes, mask, size);
  if (counts === null) return null;
  return counts.length === width ? counts : counts.slice(0, width);
}

/** The same counts by the JavaScript kernel, from the JavaScript planes of `codes` (made on first use). */
export function jsPlaneCounts(codes: Int8Array, mask: Int32Array, width: number): Int32Array {
  const counts = planeCountsJs(codePlanes(codes, width), mask);
  return counts.length === width ? counts : counts.slice(0, width);
}
