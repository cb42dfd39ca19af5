/**
 * Exact pair sums of coded items from their bit planes. Internal: never re-exported from
 * `src/index.ts`.
 *
 * For two items with planes (see `planes.ts`) and the survey's filter as a bitset F, the
 * complete pairs are J = P_x ∧ P_y ∧ F, and every sum behind Pearson's r is a popcount of ANDed
 * words: n = |J|, Σx = Σ_b 2^b |J ∧ X_b|, Σxy = Σ_{b,c} 2^{b+c} |J ∧ X_b ∧ Y_c|, and so on.
 *
 * The kernel counts bits in byte lanes (the first three steps of the SWAR popcount leave the
 * count of each byte, ≤ 8, in that byte) and weights the lanes before adding them up: the
 * weighted sum of one byte is Σ v·w over its eight respondents, at most 8·5·5 = 200, so it
 * still fits the byte. The bytes are then split into two 16-bit lanes per word and added into
 * 32-bit accumulators, which are emptied into the totals before a 16-bit lane can overflow
 * (every {@link flushTwo} or {@link flushThree} words). The sums are integers throughout.
 */
import type { LikertColumn } from '../data/types';
import { surveyFrame, type Survey } from '../data/surveyObject';
import { columnPlanes, compactPlanes, type ColumnPlanes, type GatherLayout } from './planes';
import { gatherLayout, kernelAvailable, layoutPlanes } from './wasmKernel';

/**
 * The integer sums of one pair over its complete pairs, in units of v = score − lowest score
 * of each item: `[n, Σvx, Σvy, Σvx², Σvy², Σvx·vy]`.
 */
export type PairSums = readonly [number, number, number, number, number, number];

/**
 * Words between flushes for two-plane items: a 16-bit lane gains at most 2 · 8 · 3 · 3 = 144
 * per word, and 455 · 144 < 2^16.
 */
const flushTwo = 448;
/** Words between flushes for three-plane items: at most 2 · 8 · 5 · 5 = 400 per word, 163 · 400 < 2^16. */
const flushThree = 160;

/** The per-byte popcount of a word (each byte holds the count of its own bits, ≤ 8). */
function lanes(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (v + (v >>> 4)) & 0x0f0f0f0f;
}

/** The two 16-bit lanes of an accumulator, added. */
const fold = (acc: number): number => (acc & 0xffff) + (acc >>> 16);

/**
 * The sums of items `x` and `y` (their planes) over the respondents of `mask` (a bitset over the
 * base rows, or null for all), written to `out` at `at` as n, Σvx, Σvy, Σvx², Σvy², Σvxvy.
 */
export function planePairSums(x: ColumnPlanes, y: ColumnPlanes, mask: Int32Array | null, out: Float64Array, at: number): void {
  if (x.planes.length === 2 && y.planes.length === 2) twoPlanes(x, y, mask, out, at);
  else threePlanes(x, y, mask, out, at);
}

function twoPlanes(x: ColumnPlanes, y: ColumnPlanes, mask: Int32Array | null, out: Float64Array, at: number): void {
  const px = x.present;
  const py = y.present;
  // Without a filter, AND with x's presence again: one kernel for both cases.
  const m = mask ?? px;
  const a0 = x.planes[0] as Int32Array;
  const a1 = x.planes[1] as Int32Array;
  const a01 = x.products[0] as Int32Array;
  const b0 = y.planes[0] as Int32Array;
  const b1 = y.planes[1] as Int32Array;
  const b01 = y.products[0] as Int32Array;
  const words = Math.min(x.words, y.words, m.length);
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let w = 0;
  while (w < words) {
    const end = Math.min(words, w + flushTwo);
    let an = 0;
    let ax = 0;
    let ay = 0;
    let axx = 0;
    let ayy = 0;
    let axy = 0;
    for (; w < end; w++) {
      const j = (px[w] as number) & (py[w] as number) & (m[w] as number);
      if (j === 0) continue;
      const x0 = j & (a0[w] as number);
      const x1 = j & (a1[w] as number);
      const y0 = j & (b0[w] as number);
      const y1 = j & (b1[w] as number);
      const c0 = lanes(x0);
      const c1 = lanes(x1);
      const d0 = lanes(y0);
      const d1 = lanes(y1);
      const ln = lanes(j);
      // v = b0 + 2·b1, v² = b0 + 4·b1 + 4·b0·b1 (bits square to themselves).
      const lx = c0 + (c1 << 1);
      const ly = d0 + (d1 << 1);
      const lxx = c0 + ((c1 + lanes(j & (a01[w] as number))) << 2);
      const lyy = d0 + ((d1 + lanes(j & (b01[w] as number))) << 2);
      const lxy = lanes(x0 & y0) + ((lanes(x0 & y1) + lanes(x1 & y0)) << 1) + (lanes(x1 & y1) << 2);
      an += (ln & 0x00ff00ff) + ((ln >>> 8) & 0x00ff00ff);
      ax += (lx & 0x00ff00ff) + ((lx >>> 8) & 0x00ff00ff);
      ay += (ly & 0x00ff00ff) + ((ly >>> 8) & 0x00ff00ff);
      axx += (lxx & 0x00ff00ff) + ((lxx >>> 8) & 0x00ff00ff);
      ayy += (lyy & 0x00ff00ff) + ((lyy >>> 8) & 0x00ff00ff);
      axy += (lxy & 0x00ff00ff) + ((lxy >>> 8) & 0x00ff00ff);
    }
    n += fold(an);
    sx += fold(ax);
    sy += fold(ay);
    sxx += fold(axx);
    syy += fold(ayy);
    sxy += fold(axy);
  }
  out[at] = n;
  out[at + 1] = sx;
  out[at + 2] = sy;
  out[at + 3] = sxx;
  out[at + 4] = syy;
  out[at + 5] = sxy;
}

function threePlanes(x: ColumnPlanes, y: ColumnPlanes, mask: Int32Array | null, out: Float64Array, at: number): void {
  const px = x.present;
  const py = y.present;
  const m = mask ?? px;
  const words = Math.min(x.words, y.words, m.length);
  // A two-plane item takes part with an empty third plane (v has no bit 2).
  const zero = new Int32Array(words);
  const a0 = x.planes[0] as Int32Array;
  const a1 = x.planes[1] as Int32Array;
  const a2 = x.planes[2] ?? zero;
  const a01 = x.products[0] as Int32Array;
  const a02 = x.products[1] ?? zero;
  const a12 = x.products[2] ?? zero;
  const b0 = y.planes[0] as Int32Array;
  const b1 = y.planes[1] as Int32Array;
  const b2 = y.planes[2] ?? zero;
  const b01 = y.products[0] as Int32Array;
  const b02 = y.products[1] ?? zero;
  const b12 = y.products[2] ?? zero;
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let w = 0;
  while (w < words) {
    const end = Math.min(words, w + flushThree);
    let an = 0;
    let ax = 0;
    let ay = 0;
    let axx = 0;
    let ayy = 0;
    let axy = 0;
    for (; w < end; w++) {
      const j = (px[w] as number) & (py[w] as number) & (m[w] as number);
      if (j === 0) continue;
      const x0 = j & (a0[w] as number);
      const x1 = j & (a1[w] as number);
      const x2 = j & (a2[w] as number);
      const y0 = j & (b0[w] as number);
      const y1 = j & (b1[w] as number);
      const y2 = j & (b2[w] as number);
      const c0 = lanes(x0);
      const c1 = lanes(x1);
      const c2 = lanes(x2);
      const d0 = lanes(y0);
      const d1 = lanes(y1);
      const d2 = lanes(y2);
      const ln = lanes(j);
      // v = b0 + 2·b1 + 4·b2, v² = b0 + 4·b1 + 16·b2 + 4·b0b1 + 8·b0b2 + 16·b1b2.
      const lx = c0 + (c1 << 1) + (c2 << 2);
      const ly = d0 + (d1 << 1) + (d2 << 2);
      const lxx = c0 + (c1 << 2) + (c2 << 4) + (lanes(j & (a01[w] as number)) << 2) + (lanes(j & (a02[w] as number)) << 3) + (lanes(j & (a12[w] as number)) << 4);
      const lyy = d0 + (d1 << 2) + (d2 << 4) + (lanes(j & (b01[w] as number)) << 2) + (lanes(j & (b02[w] as number)) << 3) + (lanes(j & (b12[w] as number)) << 4);
      // xy = Σ_{b,c} 2^{b+c} x_b·y_c.
      const lxy =
        lanes(x0 & y0) +
        ((lanes(x0 & y1) + lanes(x1 & y0)) << 1) +
        ((lanes(x0 & y2) + lanes(x1 & y1) + lanes(x2 & y0)) << 2) +
        ((lanes(x1 & y2) + lanes(x2 & y1)) << 3) +
        (lanes(x2 & y2) << 4);
      an += (ln & 0x00ff00ff) + ((ln >>> 8) & 0x00ff00ff);
      ax += (lx & 0x00ff00ff) + ((lx >>> 8) & 0x00ff00ff);
      ay += (ly & 0x00ff00ff) + ((ly >>> 8) & 0x00ff00ff);
      axx += (lxx & 0x00ff00ff) + ((lxx >>> 8) & 0x00ff00ff);
      ayy += (lyy & 0x00ff00ff) + ((lyy >>> 8) & 0x00ff00ff);
      axy += (lxy & 0x00ff00ff) + ((lxy >>> 8) & 0x00ff00ff);
    }
    n += fold(an);
    sx += fold(ax);
    sy += fold(ay);
    sxx += fold(axx);
    syy += fold(ayy);
    sxy += fold(axy);
  }
  out[at] = n;
  out[at + 1] = sx;
  out[at + 2] = sy;
  out[at + 3] = sxx;
  out[at + 4] = syy;
  out[at + 5] = sxy;
}

/** The pair sums of a survey's items, for the pairs whose two items both have planes. */
export interface SurveyPairSums {
  /** Six numbers per pair, as {@link PairSums}; zeros where `planar` is 0. */
  readonly sums: Float64Array;
  /** 1 where the pair was summed from planes, 0 where an item has none (or is not an item). */
  readonly planar: Uint8Array;
  /** Respondents of the survey (complete pairs plus excluded ones). */
  readonly size: number;
}

/**
 * Everything the pair sums of a survey need, as plain typed arrays (structured-cloneable, so a
 * worker can compute a slice of the pairs): the planes of the items the pairs name, the
 * survey's filter as a bitset, and each pair as two indices into `items`.
 */
export interface PairSumsPlan {
  /** Planes of the items named by the pairs, each once. */
  readonly items: readonly ColumnPlanes[];
  /** The survey's filter as a bitset over the base rows, or null for all rows. */
  readonly mask: Int32Array | null;
  /** Words per bitset of the base rows. */
  readonly words: number;
  /** Two indices into `items` per pair; −1, −1 where an item has no planes (or is not an item). */
  readonly pairs: Int32Array;
  /** Respondents of the survey (complete pairs plus excluded ones). */
  readonly size: number;
}

/**
 * Whether the pairs of a filtered survey (`size` of `length` base rows kept) are summed faster
 * from planes of the kept respondents only: compacting costs each of `items` items its cells
 * once, and every one of `pairs` pairs then reads ⌈size / 128⌉ steps of 128 respondents instead
 * of ⌈length / 128⌉. The costs are in steps of the pair kernel, measured on 10^6 × 40 items
 * (docs/performance.md). The WebAssembly kernel (`kernel`) takes about 10 ns a step; compacting
 * an item copies its codes in (0.12 ns a base row) and gathers the kept ones (0.55 ns each).
 * The JavaScript kernel takes about 60 ns a step and gathers a kept cell into planes in 6 ns. With
 * many pairs per item (a correlation table) compacting pays unless most respondents are kept;
 * for one pair only without the kernel and under a narrow filter.
 */
export function compactionPays(size: number, length: number, items: number, pairs: number, kernel: boolean): boolean {
  const cost = kernel ? items * (0.012 * length + 0.055 * size) : items * 0.1 * size;
  return cost < ((length - size) / 128) * pairs;
}

/** Mask → base planes → their compacted planes, for a filter used more than once. Module-private. */
const compacted = new WeakMap<Int32Array, WeakMap<ColumnPlanes, ColumnPlanes>>();

/**
 * The plan of the pair sums of every pair `[x, y]` of `s` (no sum computed yet). Under a filter
 * the items' planes are compacted to the kept respondents when that is faster
 * ({@link compactionPays}; `compact` forces either way), so the plan then has no mask.
 */
export function pairSumsPlan(s: Survey, pairs: readonly (readonly [string, string])[], options: { readonly compact?: boolean } = {}): PairSumsPlan {
  const frame = surveyFrame(s);
  const indexOf = new Map<string, number>();
  const items: ColumnPlanes[] = [];
  const columns: LikertColumn[] = [];
  const lookup = (id: string): number => {
    let found = indexOf.get(id);
    if (found === undefined) {
      const column: LikertColumn | undefined = frame.columns.get(id);
      const planes = column === undefined ? null : columnPlanes(column);
      if (planes === null) found = -1;
      else {
        found = items.push(planes) - 1;
        columns.push(column as LikertColumn);
      }
      indexOf.set(id, found);
    }
    return found;
  };
  const indices = new Int32Array(pairs.length * 2);
  for (let p = 0; p < pairs.length; p++) {
    const pair = pairs[p] as readonly [string, string];
    const x = lookup(pair[0]);
    const y = lookup(pair[1]);
    indices[2 * p] = x === -1 || y === -1 ? -1 : x;
    indices[2 * p + 1] = x === -1 || y === -1 ? -1 : y;
  }
  const mask = frame.mask();
  const plan = { items, mask, words: (frame.length + 31) >>> 5, pairs: indices, size: frame.size };
  if (mask === null || items.length === 0 || options.compact === false) return plan;
  let cache = compacted.get(mask);
  if (cache === undefined) {
    cache = new WeakMap();
    compacted.set(mask, cache);
  }
  // Items compacted under this filter before cost nothing more.
  const known = cache;
  const missing = items.reduce((count, planes) => count + (known.has(planes) ? 0 : 1), 0);
  const pays = (kernel: boolean): boolean => options.compact === true || compactionPays(frame.size, frame.length, missing, pairs.length, kernel);
  let layout: GatherLayout | null = null;
  if (missing > 0) {
    if (!pays(kernelAvailable())) return plan;
    // The kept rows go into the kernel's memory once for all items; where that fails, the
    // JavaScript gather runs instead, if it still pays.
    layout = gatherLayout(frame.rows() as Int32Array, frame.length);
    if (layout === null && !pays(false)) return plan;
  }
  const rows = frame.rows() as Int32Array;
  const kept = items.map((planes, i) => {
    let made = known.get(planes);
    if (made === undefined) {
      made = compactPlanes(columns[i] as LikertColumn, planes, rows, layout);
      known.set(planes, made);
    }
    return made;
  });
  return { items: kept, mask: null, words: (frame.size + 31) >>> 5, pairs: indices, size: frame.size };
}

/**
 * The sums of pairs `from` to `to` (exclusive) of a plan: six numbers per pair as
 * {@link PairSums}, the first at 0, and `planar` 1 where the pair was summed. The same kernels
 * as {@link pairSums}, so any split of the pairs gives the same (integer) sums.
 */
export function runPairSumsPlan(
  plan: PairSumsPlan,
  from: number,
  to: number,
  options: { readonly wasm?: boolean } = {},
): { sums: Float64Array; planar: Uint8Array } {
  const count = Math.max(0, to - from);
  const sums = new Float64Array(count * 6);
  const planar = new Uint8Array(count);
  const { items, mask, pairs } = plan;
  // Two-plane items go to the WebAssembly kernel when it is there (one copy of their planes per
  // call); the rest, and every item without it, to the JavaScript kernel.
  const twoPlane = new Map<number, number>();
  const twoPlaneItems: ColumnPlanes[] = [];
  for (let p = from; p < to; p++) {
    const i = pairs[2 * p] as number;
    const j = pairs[2 * p + 1] as number;
    if (i === -1) continue;
    const x = items[i] as ColumnPlanes;
    const y = items[j] as ColumnPlanes;
    if (x.planes.length !== 2 || y.planes.length !== 2) continue;
    for (const k of [i, j]) {
      if (!twoPlane.has(k)) {
        twoPlane.set(k, twoPlaneItems.length);
        twoPlaneItems.push(items[k] as ColumnPlanes);
      }
    }
  }
  const layout = options.wasm === false || twoPlaneItems.length === 0 ? null : layoutPlanes(twoPlaneItems, mask, plan.words);
  for (let p = from; p < to; p++) {
    const i = pairs[2 * p] as number;
    const j = pairs[2 * p + 1] as number;
    if (i === -1) continue;
    const a = twoPlane.get(i);
    const b = twoPlane.get(j);
    const at = (p - from) * 6;
    if (layout !== null && a !== undefined && b !== undefined) layout.pair(a, b, sums, at);
    else planePairSums(items[i] as ColumnPlanes, items[j] as ColumnPlanes, mask, sums, at);
    planar[p - from] = 1;
  }
  return { sums, planar };
}

/**
 * The exact sums of every pair `[x, y]` of items of `s` over the survey's respondents (its
 * filter applied as a bitset over the base rows, no column copied). Pairs naming an item
 * without planes, or a name that is not an item, are left to the caller (`planar` 0).
 */
export function pairSums(s: Survey, pairs: readonly (readonly [string, string])[], options: { readonly wasm?: boolean } = {}): SurveyPairSums {
  const plan = pairSumsPlan(s, pairs);
  return { ...runPairSumsPlan(plan, 0, pairs.length, options), size: plan.size };
}

/**
 * n·Sxx, n·Syy and n·Sxy from a pair's integer sums, exactly: n·Σv² − (Σv)² and so on,
 * in doubles when every product is a safe integer, else in BigInt, rounded once. The shift
 * v = score − lowest score leaves these centred sums unchanged, so they equal `centredSums`
 * of the pair's cross-table.
 */
export function centredPairSums(sums: Float64Array, at: number): { n: number; sxx: number; syy: number; sxy: number } {
  const n = sums[at] as number;
  const sx = sums[at + 1] as number;
  const sy = sums[at + 2] as number;
  const sxx = sums[at + 3] as number;
  const syy = sums[at + 4] as number;
  const sxy = sums[at + 5] as number;
  const limit = Number.MAX_SAFE_INTEGER;
  if (n * sxx <= limit && n * syy <= limit && sx * sx <= limit && sy * sy <= limit && Math.abs(n * sxy) <= limit && sx * sy <= limit) {
    return { n, sxx: n * sxx - sx * sx, syy: n * syy - sy * sy, sxy: n * sxy - sx * sy };
  }
  const N = BigInt(n);
  const X = BigInt(sx);
  const Y = BigInt(sy);
  return {
    n,
    sxx: Number(N * BigInt(sxx) - X * X),
    syy: Number(N * BigInt(syy) - Y * Y),
    sxy: Number(N * BigInt(sxy) - X * Y),
  };
}
