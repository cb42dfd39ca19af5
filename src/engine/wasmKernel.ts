/**
 * The WebAssembly SIMD kernels for two-plane pairs, joint level counts and filtered category counts (source: kernel.wat, bytes: kernel.wasm.ts),
 * instantiated synchronously on first use; null where WebAssembly or its SIMD instructions are
 * unavailable, and the JavaScript kernel in `pairs.ts` is used instead. Internal.
 */
import { kernelBase64 } from './kernel.wasm';
import type { CodePlanes, ColumnPlanes } from './planes';

interface Kernel {
  readonly memory: WebAssembly.Memory;
  readonly pair2: (pa: number, a0: number, a1: number, a01: number, pb: number, b0: number, b1: number, b01: number, m: number, vectors: number, out: number) => void;
  readonly joint: (a: number, b: number, bytes: number, rows: number, columns: number, out: number) => void;
  readonly tally8: (m: number, p0: number, p1: number, p2: number, p3: number, invert: number, vectors: number, out: number) => void;
}

/** The instance, once made (null: unavailable). Module-private. */
let instance: Kernel | null | undefined;

function kernel(): Kernel | null {
  if (instance !== undefined) return instance;
  instance = null;
  try {
    if (typeof WebAssembly === 'object' && typeof atob === 'function') {
      const text = atob(kernelBase64);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      const made = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
      instance = made.exports as unknown as Kernel;
    }
  } catch {
    instance = null;
  }
  return instance;
}

/** Whether the WebAssembly kernel loads here (instantiating it on the first call). */
export function kernelAvailable(): boolean {
  return kernel() !== null;
}

/** The planes of the items of one call, copied into the kernel's memory. */
export interface KernelLayout {
  /** Sums of pair `x`, `y` (indices into the items given to {@link layoutPlanes}) into `out` at `at`. */
  pair(x: number, y: number, out: Float64Array, at: number): void;
}

/**
 * Copies the two-plane items `items` (all of `words` words) and `mask` into the kernel's memory,
 * or returns null when the kernel is unavailable or the sums could pass 2^31.
 */
export function layoutPlanes(items: readonly ColumnPlanes[], mask: Int32Array | null, words: number): KernelLayout | null {
  const k = kernel();
  // Every i32 total is at most 9 per respondent.
  if (k === null || words * 32 * 9 >= 2 ** 31) return null;
  const padded = (words + 3) & ~3;
  const arrayBytes = padded * 4;
  const head = 32;
  const total = head + arrayBytes * (1 + 4 * items.length);
  const pages = Math.ceil(total / 65536);
  const have = k.memory.buffer.byteLength / 65536;
  if (pages > have) k.memory.grow(pages - have);
  const buffer = k.memory.buffer;
  let next = head;
  const place = (array: Int32Array): number => {
    const at = next;
    const view = new Int32Array(buffer, at, padded);
    view.set(array.subarray(0, words));
    view.fill(0, words);
    next += arrayBytes;
    return at;
  };
  // Under a filter each item's presence is copied already ANDed with the mask, so the kernel
  // does the same work with a filter as without one.
  const present = (item: ColumnPlanes): Int32Array => {
    if (mask === null) return item.present;
    const masked = new Int32Array(words);
    for (let w = 0; w < words; w++) masked[w] = (item.present[w] as number) & (mask[w] as number);
    return masked;
  };
  const addresses = items.map((item) => [place(present(item)), place(item.planes[0] as Int32Array), place(item.planes[1] as Int32Array), place(item.products[0] as Int32Array)] as const);
  const result = new Int32Array(buffer, 0, 6);
  const vectors = padded >>> 2;
  return {
    pair(x, y, out, at) {
      const a = addresses[x] as readonly [number, number, number, number];
      const b = addresses[y] as readonly [number, number, number, number];
      k.pair2(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3], a[0], vectors, 0);
      for (let i = 0; i < 6; i++) out[at + i] = result[i] as number;
    },
  };
}

/** Level bitsets of the items of one summary, copied into the kernel's memory. */
export interface JointLayout {
  /** The levels(x) × levels(y) table of items `x` and `y` (indices into the items given), row after row. */
  table(x: number, y: number): number[];
}

/**
 * Copies each item's level bitsets (`levels` bitsets of `words` words each, one after the
 * other in `planes`) into the kernel's memory, or returns null when the kernel is unavailable.
 * The counts of a table cell are popcounts of (level i of x) ∧ (level j of y).
 */
export function layoutLevelPlanes(items: readonly { readonly planes: Int32Array; readonly levels: number }[], words: number): JointLayout | null {
  const k = kernel();
  if (k === null || words * 32 >= 2 ** 31) return null;
  const padded = (words + 3) & ~3;
  const planeBytes = padded * 4;
  let widest = 1;
  for (const item of items) widest = Math.max(widest, item.levels);
  const head = ((widest * widest * 4 + 15) >>> 4) << 4;
  let total = head;
  for (const item of items) total += item.levels * planeBytes;
  const pages = Math.ceil(total / 65536);
  const have = k.memory.buffer.byteLength / 65536;
  if (pages > have) k.memory.grow(pages - have);
  const buffer = k.memory.buffer;
  let next = head;
  const addresses = items.map((item) => {
    const at = next;
    for (let i = 0; i < item.levels; i++) {
      const view = new Int32Array(buffer, next, padded);
      view.set(item.planes.subarray(i * words, (i + 1) * words));
      view.fill(0, words);
      next += planeBytes;
    }
    return at;
  });
  return {
    table(x, y) {
      const rows = (items[x] as { levels: number }).levels;
      const columns = (items[y] as { levels: number }).levels;
      k.joint(addresses[x] as number, addresses[y] as number, planeBytes, rows, columns, 0);
      return Array.from(new Int32Array(buffer, 0, rows * columns));
    },
  };
}

/**
 * Cells per value of code + 2 (2^planes.count slots) at the set bits of `mask` (⌈length / 32⌉
 * words), counted by the kernel from the code planes; null when the kernel is unavailable.
 * It overwrites the kernel's memory: a {@link KernelLayout} or {@link JointLayout} made before
 * it must not be used after it (their callers hand out no column between layout and use).
 */
export function kernelPlaneCounts(planes: CodePlanes, mask: Int32Array): Int32Array | null {
  const k = kernel();
  // Every count is at most the bits of one plane; the i32 lanes hold that below 2^31.
  if (k === null || planes.stride * 32 >= 2 ** 31) return null;
  const head = 64;
  const bytes = planes.stride * 4;
  const total = head + bytes * (1 + planes.count);
  const pages = Math.ceil(total / 65536);
  const have = k.memory.buffer.byteLength / 65536;
  if (pages > have) k.memory.grow(pages - have);
  const buffer = k.memory.buffer;
  const m = head;
  const maskView = new Int32Array(buffer, m, planes.stride);
  maskView.set(mask.length > planes.stride ? mask.subarray(0, planes.stride) : mask);
  maskView.fill(0, mask.length);
  const p0 = m + bytes;
  new Int32Array(buffer, p0, planes.count * planes.stride).set(planes.bits);
  const vectors = planes.stride >>> 2;
  const out = new Int32Array(buffer, 0, 16);
  if (planes.count === 3) {
    k.tally8(m, p0, p0 + bytes, p0 + 2 * bytes, m, 0, vectors, 0);
    return out.slice(0, 8);
  }
  const p3 = p0 + 3 * bytes;
  k.tally8(m, p0, p0 + bytes, p0 + 2 * bytes, p3, -1, vectors, 0);
  k.tally8(m, p0, p0 + bytes, p0 + 2 * bytes, p3, 0, vectors, 32);
  return out.slice(0, 16);
}
