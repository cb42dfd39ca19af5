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
  const count = planeCount(top);
  const codes = columnCodes(column);
  const length = codes.length;
  const words = (length + 31) >>> 5;
  const present = new Int32Array(words);
  const planes: Int32Array[] = [];
  for (let b = 0; b < count; b++) planes.push(new Int32Array(words));
  // v per category index; −1 for non-substantive answers.
  const values = new Int32Array(k);
  for (let i = 0; i < k; i++) values[i] = (scores[i] as number) - offset;
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
      const code = codes[i] as number;
      // Substantive levels are 0 … k − 1; the unsigned comparison also drops missing (< 0).
      if ((code >>> 0) >= k) continue;
      const bit = 1 << (i & 31);
      const v = values[code] as number;
      pw |= bit;
      if (v & 1) b0 |= bit;
      if (v & 2) b1 |= bit;
      if (v & 4) b2 |= bit;
    }
    present[w] = pw;
    p0[w] = b0;
    p1[w] = b1;
    if (p2 !== null) p2[w] = b2;
  }
  const products: Int32Array[] = [];
  for (let b = 0; b < count; b++) {
    for (let c = b + 1; c < count; c++) {
      const pb = planes[b] as Int32Array;
      const pc = planes[c] as Int32Array;
      const both = new Int32Array(words);
      for (let w = 0; w < words; w++) both[w] = (pb[w] as number) & (pc[w] as number);
      products.push(both);
    }
  }
  return { length, words, present, planes, products, top, offset };
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
