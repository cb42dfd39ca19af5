/**
 * The WebAssembly SIMD kernels (source: kernel.wat, bytes: kernel.wasm.ts): two-plane pair
 * sums, joint level counts, and the category counts of filtered columns. The module is compiled
 * once, on first use, and instantiated twice, so that each instance has its own memory: the pair
 * and joint layouts copy planes into the first instance's memory for one call, and the second
 * keeps the code planes of filtered columns resident (see {@link residentCodePlanes}), so neither
 * can overwrite the other's data. Null where WebAssembly or its SIMD instructions are
 * unavailable; the JavaScript kernels (`pairs.ts`, `joint.ts`, `planeTally.ts`) run instead.
 * Internal.
 */
import { compileBase64 } from '../internal/wasm';
import { kernelBase64 } from './kernel.wasm';
import type { ColumnPlanes, GatherLayout } from './planes';

interface Kernel {
  readonly memory: WebAssembly.Memory;
  readonly pair2: (pa: number, a0: number, a1: number, a01: number, pb: number, b0: number, b1: number, b01: number, m: number, vectors: number, out: number) => void;
  readonly joint: (a: number, b: number, bytes: number, rows: number, columns: number, out: number) => void;
  readonly codePlanes: (codes: number, steps: number, out: number, stride: number, count: number) => number;
  readonly tally: (m: number, p0: number, p1: number, p2: number, vectors: number, out: number) => void;
  readonly tally5: (m: number, p0: number, p1: number, p2: number, vectors: number, out: number) => void;
  readonly levelPlanes: (codes: number, steps: number, table: number, out: number, stride: number, count: number) => void;
  readonly gather: (codes: number, rows: number, count: number, out: number) => void;
}

/** The compiled module, once made (null: unavailable). Module-private. */
let compiled: WebAssembly.Module | null | undefined;
/** The instance of the pair and joint layouts (null: unavailable). Module-private. */
let instance: Kernel | null | undefined;
/** The instance that holds resident code planes (null: unavailable). Module-private. */
let tallyInstance: Kernel | null | undefined;

function instantiate(): Kernel | null {
  if (compiled === undefined) compiled = compileBase64(kernelBase64);
  if (compiled === null) return null;
  try {
    return new WebAssembly.Instance(compiled, {}).exports as unknown as Kernel;
  } catch {
    return null;
  }
}

function kernel(): Kernel | null {
  if (instance === undefined) instance = instantiate();
  return instance;
}

function tallyKernel(): Kernel | null {
  if (tallyInstance === undefined) tallyInstance = instantiate();
  return tallyInstance;
}

/** Whether the WebAssembly kernels load here (compiling the module on the first call). */
export function kernelAvailable(): boolean {
  return tallyKernel() !== null;
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
  // The kernel counts where x's presence, y's presence and a third bitset meet: under a filter
  // that is the mask, copied once; without one, x's presence again. Either way the kernel does
  // the same work, and no item's presence is copied ANDed with the mask.
  const addresses = items.map((item) => [place(item.present), place(item.planes[0] as Int32Array), place(item.planes[1] as Int32Array), place(item.products[0] as Int32Array)] as const);
  const maskAt = mask === null ? -1 : place(mask);
  const result = new Int32Array(buffer, 0, 6);
  const vectors = padded >>> 2;
  return {
    pair(x, y, out, at) {
      const a = addresses[x] as readonly [number, number, number, number];
      const b = addresses[y] as readonly [number, number, number, number];
      k.pair2(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3], maskAt < 0 ? a[0] : maskAt, vectors, 0);
      for (let i = 0; i < 6; i++) out[at + i] = result[i] as number;
    },
  };
}

/**
 * Copies the ascending base positions `rows` (of base rows numbering `length`) into the pair
 * instance's memory once for the planes of many items: each item's codes are copied in, the kept
 * ones gathered and turned into planes 16 at a time. Null when the kernel is unavailable or its
 * memory cannot grow. The layout is valid until the next use of the pair instance.
 */
export function gatherLayout(rows: Int32Array, length: number): GatherLayout | null {
  const k = kernel();
  if (k === null) return null;
  const size = rows.length;
  const words = (size + 31) >>> 5;
  // Two steps of 16 codes a word, so that every bitset is whole words.
  const steps = words * 2;
  const stride = ((words * 4 + 15) >>> 4) << 4;
  const tableAt = 32;
  const rowsAt = 64;
  const codesAt = rowsAt + (((size * 4 + 15) >>> 4) << 4);
  const keptAt = codesAt + (((length + 15) >>> 4) << 4);
  const outAt = keptAt + steps * 16;
  const total = outAt + 4 * stride;
  const have = k.memory.buffer.byteLength;
  if (total > have) {
    try {
      k.memory.grow(Math.ceil((total - have) / 65536));
    } catch {
      return null;
    }
  }
  const buffer = k.memory.buffer;
  new Int32Array(buffer, rowsAt, size).set(rows);
  // The padding reads as missing (−1 looks up 0: absent).
  new Int8Array(buffer, keptAt + size, steps * 16 - size).fill(-1);
  return {
    planes(codes, table, count) {
      new Uint8Array(buffer, tableAt, 16).set(table.subarray(0, 16));
      new Int8Array(buffer, codesAt, length).set(codes.subarray(0, length));
      k.gather(codesAt, rowsAt, size, keptAt);
      k.levelPlanes(keptAt, steps, tableAt, outAt, stride, count);
      const present = new Int32Array(buffer, outAt, words).slice();
      const planes: Int32Array[] = [];
      for (let b = 0; b < count; b++) planes.push(new Int32Array(buffer, outAt + (b + 1) * stride, words).slice());
      return { present, planes };
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

// --- resident code planes --------------------------------------------------------------------

/*
 * The tally instance's memory is an arena: bytes 0–63 hold the kernel's output, then blocks of
 * whole 16-byte steps. A block is taken first-fit from the free list or from the top (growing
 * the memory), and given back when the codes it was made for are garbage collected (through a
 * FinalizationRegistry), so planes live as long as their column's codes. The arena stays below
 * 2^31 bytes (addresses pass as i32); beyond that the caller gathers instead.
 */

/** A block of the arena: byte address and length. */
interface Block {
  at: number;
  bytes: number;
}

/** The arena's free blocks (ascending, never adjacent) and its top. Module-private. */
const arena = { free: [] as Block[], top: 64 };
const arenaLimit = 2 ** 31 - 2 ** 16;

function allocate(k: Kernel, bytes: number): number | null {
  const size = (bytes + 15) & ~15;
  for (let i = 0; i < arena.free.length; i++) {
    const block = arena.free[i] as Block;
    if (block.bytes < size) continue;
    const at = block.at;
    if (block.bytes === size) arena.free.splice(i, 1);
    else {
      block.at += size;
      block.bytes -= size;
    }
    return at;
  }
  const at = arena.top;
  if (at + size > arenaLimit) return null;
  const pages = Math.ceil((at + size) / 65536);
  const have = k.memory.buffer.byteLength / 65536;
  if (pages > have) {
    try {
      k.memory.grow(pages - have);
    } catch {
      return null;
    }
  }
  arena.top = at + size;
  return at;
}

function release(block: Block): void {
  const size = (block.bytes + 15) & ~15;
  const { free } = arena;
  let i = 0;
  while (i < free.length && (free[i] as Block).at < block.at) i++;
  free.splice(i, 0, { at: block.at, bytes: size });
  // Merge with the neighbours, then give a free block at the top back to the top.
  const next = free[i + 1];
  if (next !== undefined && block.at + size === next.at) {
    (free[i] as Block).bytes += next.bytes;
    free.splice(i + 1, 1);
  }
  const previous = free[i - 1];
  if (previous !== undefined && previous.at + previous.bytes === block.at) {
    previous.bytes += (free[i] as Block).bytes;
    free.splice(i, 1);
  }
  const last = free[free.length - 1];
  if (last !== undefined && last.at + last.bytes === arena.top) {
    arena.top = last.at;
    free.pop();
  }
}

/** Frees the planes of codes that were collected. Made on first use. Module-private. */
let registry: FinalizationRegistry<Block> | null | undefined;

function watch(codes: Int8Array, block: Block): void {
  if (registry === undefined) registry = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry(release) : null;
  registry?.register(codes, block);
}

/** Code planes held in the tally instance's memory. */
export interface ResidentPlanes {
  /** Planes: 3 when every code + 2 is below 8, else 4 (below 16). */
  readonly count: 3 | 4;
  /** Bytes per plane: ⌈length / 128⌉ · 16, the padding zero. */
  readonly stride: number;
  /** Byte address of plane 0; plane b at `at` + b · `stride`. */
  readonly at: number;
  /** Whether some cell has v = 0 (an invalid answer) or v = 7 (with 3 planes: the sixth category). */
  readonly seen0: boolean;
  readonly seen7: boolean;
}

/** Base codes → their resident planes by plane count. Module-private cache. */
const resident = new WeakMap<Int8Array, { 3?: ResidentPlanes; 4?: ResidentPlanes }>();

/** The last mask copied into the arena, and where. Module-private. */
let maskSlot: { at: number; bytes: number; mask: WeakRef<Int32Array> | null } | null = null;

/**
 * The bit planes of code + 2 of `codes` (3 planes when every code + 2 is below 8, else 4),
 * made by the kernel in its own memory on first use and kept there while `codes` lives; null
 * when the kernel is unavailable or its memory is full.
 */
export function residentCodePlanes(codes: Int8Array, count: 3 | 4): ResidentPlanes | null {
  const k = tallyKernel();
  if (k === null) return null;
  let known = resident.get(codes);
  const cached = known?.[count];
  if (cached !== undefined) return cached;
  const steps = Math.ceil(codes.length / 128) * 8;
  const stride = steps * 2;
  const at = allocate(k, count * stride);
  if (at === null) return null;
  const scratch = allocate(k, steps * 16);
  if (scratch === null) {
    release({ at, bytes: count * stride });
    return null;
  }
  // The codes are copied next to the planes and padded with −1 (missing); no mask ever has a
  // bit in the padding, so it is never counted, and it cannot make a value 0 or 7 seen.
  const view = new Int8Array(k.memory.buffer, scratch, steps * 16);
  view.set(codes);
  view.fill(-1, codes.length);
  const seen = k.codePlanes(scratch, steps, at, stride, count);
  release({ at: scratch, bytes: steps * 16 });
  const made: ResidentPlanes = { count, stride, at, seen0: (seen & 1) !== 0, seen7: (seen & 2) !== 0 };
  if (known === undefined) {
    known = {};
    resident.set(codes, known);
  }
  known[count] = made;
  watch(codes, { at, bytes: count * stride });
  return made;
}

/**
 * Cells per value of code + 2 (2^planes.count slots) at the set bits of `mask`, a bitset of
 * `size` set bits over the planes' cells, counted by the kernel from resident planes; null when
 * the arena has no room for the mask. The kernel gives, for each nonempty set S of the lower
 * three planes, the cells of the mask in every plane of S; the cells per value follow by
 * inclusion and exclusion.
 */
export function residentPlaneCounts(planes: ResidentPlanes, mask: Int32Array, size: number): Int32Array | null {
  const k = tallyKernel();
  if (k === null) return null;
  const { stride, count } = planes;
  // A mask is never changed once made, so the same mask is copied once for all its columns.
  let slot = maskSlot;
  if (slot === null || slot.bytes !== stride || slot.mask?.deref() !== mask) {
    if (slot === null || slot.bytes !== stride) {
      if (slot !== null) release({ at: slot.at, bytes: slot.bytes });
      maskSlot = null;
      const at = allocate(k, stride);
      if (at === null) return null;
      slot = { at, bytes: stride, mask: null };
      maskSlot = slot;
    }
    const view = new Int32Array(k.memory.buffer, slot.at, stride >>> 2);
    const words = Math.min(mask.length, stride >>> 2);
    view.set(words === mask.length ? mask : mask.subarray(0, words));
    view.fill(0, words);
    slot.mask = typeof WeakRef === 'function' ? new WeakRef(mask) : null;
  }
  const vectors = stride >>> 4;
  const p = planes.at;
  const slots = new Int32Array(1 << count);
  if (count === 3) {
    const out = new Int32Array(k.memory.buffer, 0, 8);
    if (planes.seen0 || planes.seen7) k.tally(slot.at, p, p + stride, p + 2 * stride, vectors, 0);
    else {
      // No cell has v = 7, so no cell is in all three planes (S = 7 counts 0); no cell has
      // v = 0, so 0 = cells of value 0 = size − c1 − c2 − c4 + c3 + c5 + c6 − c7 gives c6.
      k.tally5(slot.at, p, p + stride, p + 2 * stride, vectors, 0);
      out[6] = 0;
      out[5] = (out[0] as number) + (out[1] as number) + (out[3] as number) - (out[2] as number) - (out[4] as number) - size;
    }
    countsFromSubsets(out, size, slots, 0);
    return slots;
  }
  // Four planes: the cells of value 8–15 are those under mask ∧ plane 3, the others the rest.
  const high = allocate(k, stride);
  if (high === null) return null;
  const memory = new Int32Array(k.memory.buffer);
  const m = slot.at >>> 2;
  const p3 = (p + 3 * stride) >>> 2;
  const h = high >>> 2;
  let highSize = 0;
  for (let w = 0; w < stride >>> 2; w++) {
    const word = (memory[m + w] as number) & (memory[p3 + w] as number);
    memory[h + w] = word;
    highSize += bitCount(word);
  }
  const out = new Int32Array(k.memory.buffer, 0, 8);
  k.tally(high, p, p + stride, p + 2 * stride, vectors, 0);
  countsFromSubsets(out, highSize, slots, 8);
  k.tally(slot.at, p, p + stride, p + 2 * stride, vectors, 0);
  countsFromSubsets(out, size, slots, 0);
  for (let v = 0; v < 8; v++) slots[v]! -= slots[v + 8] as number;
  release({ at: high, bytes: stride });
  return slots;
}

/**
 * slots[at + v] for v = 0…7 from the kernel's counts `out` (out[S − 1]: cells in every plane of
 * S) and `size` (the cells, S empty): exactly v = Σ over S ⊇ v of (−1)^(|S| − |v|) · count(S).
 */
function countsFromSubsets(out: Int32Array, size: number, slots: Int32Array, at: number): void {
  for (let v = 0; v < 8; v++) {
    let total = 0;
    for (let set = v; set < 8; set = (set + 1) | v) {
      const cells = set === 0 ? size : (out[set - 1] as number);
      total += bitCount(set ^ v) % 2 === 0 ? cells : -cells;
    }
    slots[at + v] = total;
  }
}

/** Set bits of a 32-bit word. */
function bitCount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
