/**
 * Bit planes of coded columns. Internal: never re-exported from `src/index.ts`.
 *
 * A coded item whose level scores are integers c_0 < c_1 < … < c_{k−1} with a small range is
 * stored, besides its `Int8Array`, as
 *
 * - a presence bitset: bit i of the words is set when respondent i gave a substantive answer;
 * - bit planes of v = c − c_0: plane b has bit i set when bit b of respondent i's v is set;
 * - the ANDs of every two planes (b < c), which the sums of squares need.
 *
 * 32 respondents share one `Int32Array` word (respondent i is bit i mod 32 of word ⌊i/32⌋).
 * Over a set of respondents given as a bitset J, Σv = Σ_b 2^b·|J ∧ P_b| and
 * Σv² = Σ_b 4^b·|J ∧ P_b| + Σ_{b<c} 2^{b+c+1}·|J ∧ P_b ∧ P_c|, so a pair's sums are popcounts
 * of ANDed words (see `pairs.ts`). The planes are built once per column, on first use, and
 * kept for as long as the column lives.
 */
import { columnCodes } from '../data/columnData';
import type { LikertColumn } from '../data/types';

/** The bit planes of one coded column. */
export interface ColumnPlanes {
  /** Respondents (bits in use). */
  readonly length: number;
  /** Words per bitset: ⌈length / 32⌉. */
  readonly words: number;
  /** Substantive answers. */
  readonly present: Int32Array;
  /** Plane b of v = score − lowest score, lowest bit first (2 or 3 planes, see {@link planeCount}). */
  readonly planes: readonly Int32Array[];
  /** planes[b] ∧ planes[c] for b < c, in the order (0,1), (0,2), (1,2). */
  readonly products: readonly Int32Array[];
  /** The largest v: the highest score minus the lowest. */
  readonly top: number;
  /** The lowest score c_0 (v = score − c_0). */
  readonly offset: number;
}

/**
 * The largest v the plane kernels take: with v ≤ 5, eight respondents' Σ v·w stay ≤ 200 and fit
 * one byte lane of the popcount (see `pairs.ts`). Items with a wider range keep the cross-table path.
 */
export const planeTop = 5;

/** Planes per item: 2 when v ≤ 3, else 3 (v ≤ 5). */
export function planeCount(top: number): number {
  return top <= 3 ? 2 : 3;
}

/** Column → its planes (null: not representable as planes). Module-private cache. */
const cache = new WeakMap<LikertColumn, ColumnPlanes | null>();

/**
 * The planes of `column` (built on first use and cached), or null when its level scores are
 * not integers or span more than {@link planeTop}.
 */
export function columnPlanes(column: LikertColumn): ColumnPlanes | null {
  const cached = cache.get(column);
  if (cached !== undefined) return cached;
  const planes = buildPlanes(column);
  cache.set(column, planes);
  return planes;
}

function buildPlanes(column: LikertColumn): ColumnPlanes | null {
  const scores = column.scale.codes;
  const k = scores.length;
  if (k === 0) return null;
  const offset = scores[0] as number;
  for (let i = 0; i < k; i++) if (!Number.isSafeInteger(scores[i])) return null;
  const top = (scores[k - 1] as number) - offset;
  if (!(top >= 0 && top <= planeTop)) return null;
  return planesOfCodes(columnCodes(column), scores, offset, top);
}

/** The planes of category codes `codes` for level scores `scores` (v = score − `offset`, at most `top`). */
function planesOfCodes(codes: Int8Array, scores: readonly number[], offset: number, top: number): ColumnPlanes {
  const count = planeCount(top);
  const length = codes.length;
  const words = (length + 31) >>> 5;
  const present = new Int32Array(words);
  const planes: Int32Array[] = [];
  for (let b = 0; b < count; b++) planes.push(new Int32Array(words));
  // Each code's cell as bits: 1 when substantive (the levels 0 … k − 1), then v above it; 0 for
  // every other code (non-substantive answers, missing and invalid), read as a byte.
  const cells = new Uint8Array(256);
  for (let i = 0; i < Math.min(scores.length, 128); i++) cells[i] = 1 | (((scores[i] as number) - offset) << 1);
  const p0 = planes[0] as Int32Array;
  const p1 = planes[1] as Int32Array;
  const p2 = count > 2 ? (planes[2] as Int32Array) : null;
  for (let w = 0; w < words; w++) {
    const start = w << 5;
    const end = Math.min(length, start + 32);
    let pw = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    for (let i = start; i < end; i++) {
      const cell = cells[(codes[i] as number) & 255] as number;
      const shift = i & 31;
      pw |= (cell & 1) << shift;
      b0 |= ((cell >>> 1) & 1) << shift;
      b1 |= ((cell >>> 2) & 1) << shift;
      b2 |= ((cell >>> 3) & 1) << shift;
    }
    present[w] = pw;
    p0[w] = b0;
    p1[w] = b1;
    if (p2 !== null) p2[w] = b2;
  }
  return { length, words, present, planes, products: planeProducts(planes, words), top, offset };
}

/** planes[b] ∧ planes[c] for every b < c, in the order (0,1), (0,2), (1,2). */
function planeProducts(planes: readonly Int32Array[], words: number): Int32Array[] {
  const products: Int32Array[] = [];
  for (let b = 0; b < planes.length; b++) {
    for (let c = b + 1; c < planes.length; c++) {
      const pb = planes[b] as Int32Array;
      const pc = planes[c] as Int32Array;
      const both = new Int32Array(words);
      for (let w = 0; w < words; w++) both[w] = (pb[w] as number) & (pc[w] as number);
      products.push(both);
    }
  }
  return products;
}

/** The kept respondents of a filter in the WebAssembly kernel's memory (`gatherLayout` in wasmKernel.ts). */
export interface GatherLayout {
  /**
   * The presence bitset and the `count` (2 or 3) bit planes of v of the category codes `codes`
   * (one per base row) at the kept rows, bit k for the k-th kept row, each ⌈kept / 32⌉ words;
   * `table` (16 bytes) gives v + 1 per substantive category index and 0 for the rest.
   */
  planes(codes: Int8Array, table: Uint8Array, count: 2 | 3): { present: Int32Array; planes: Int32Array[] };
}

/**
 * The planes of `column` (whose planes are `planes`) for the respondents at `rows` only
 * (ascending base positions), as the planes of a column of `rows.length` respondents: kept
 * respondent k is bit k. A pair's sums over a filter are the same integers from these planes
 * without a mask as from the base planes under the filter's mask, over fewer words. With
 * `layout` (the WebAssembly kernel's copy of the same rows) the kept codes are gathered and made
 * into planes 16 at a time in the kernel; without it, in JavaScript.
 */
export function compactPlanes(column: LikertColumn, planes: ColumnPlanes, rows: Int32Array, layout?: GatherLayout | null): ColumnPlanes {
  const codes = columnCodes(column);
  const scores = column.scale.codes;
  if (layout === undefined || layout === null) {
    const kept = new Int8Array(rows.length);
    for (let k = 0; k < rows.length; k++) kept[k] = codes[rows[k] as number] as number;
    return planesOfCodes(kept, scores, planes.offset, planes.top);
  }
  const words = (rows.length + 31) >>> 5;
  const gathered = layout.planes(codes, levelTable(scores, planes.offset), planes.planes.length as 2 | 3);
  return { length: rows.length, words, present: gathered.present, planes: gathered.planes, products: planeProducts(gathered.planes, words), top: planes.top, offset: planes.offset };
}

/** v + 1 of each substantive category index below 16 (`scores` are the column's level scores), 0 for every other index. */
function levelTable(scores: readonly number[], offset: number): Uint8Array {
  const table = new Uint8Array(16);
  for (let i = 0; i < Math.min(16, scores.length); i++) table[i] = (scores[i] as number) - offset + 1;
  return table;
}

/** Bitset → its positions, ascending. */
export function bitsetPositions(mask: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size);
  let k = 0;
  for (let w = 0; w < mask.length; w++) {
    let word = mask[w] as number;
    while (word !== 0) {
      const low = word & -word;
      out[k++] = (w << 5) + 31 - Math.clz32(low);
      word ^= low;
    }
  }
  return k === size ? out : out.subarray(0, k);
}

/** Ascending positions below `length` → a bitset of ⌈length / 32⌉ words. */
export function positionsBitset(rows: ArrayLike<number>, length: number): Int32Array {
  const mask = new Int32Array((length + 31) >>> 5);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    mask[i >>> 5]! |= 1 << (i & 31);
  }
  return mask;
}

/** Set bits of a word (SWAR popcount). */
export function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
