/**
 * A pair-sums plan as a message for a worker. Internal to the parallel entry.
 *
 * Where SharedArrayBuffer can be posted (Node; a browser page that is `crossOriginIsolated`),
 * every item's planes are copied once into shared memory and kept, so each worker reads the
 * same bytes by reference. Elsewhere (a browser page without COOP/COEP headers) the planes go
 * as ordinary typed arrays, which `postMessage` copies: each worker then gets only the items its
 * slice of pairs names.
 */
import { runPairSumsPlan, type PairSumsPlan } from '../engine/pairs';
import type { ColumnPlanes } from '../engine/planes';

/** One item's planes; with shared memory each array is a view on a SharedArrayBuffer. */
interface PackedItem {
  readonly length: number;
  readonly words: number;
  readonly top: number;
  readonly offset: number;
  readonly present: Int32Array;
  readonly planes: readonly Int32Array[];
  readonly products: readonly Int32Array[];
}

/** The message a worker gets: the packed plan and the pairs `from` to `to` it sums. */
export interface PlanMessage {
  /** The plan's items; null for an item the slice does not name (only sent when copying). */
  readonly items: readonly (PackedItem | null)[];
  readonly mask: Int32Array | null;
  readonly words: number;
  readonly size: number;
  readonly pairs: Int32Array;
  readonly from: number;
  readonly to: number;
}

/** The worker's answer: the slice's sums and planar flags, or the message of what failed. */
export type PlanReply = { readonly ok: true; readonly sums: Float64Array; readonly planar: Uint8Array } | { readonly ok: false; readonly message: string };

/** The sums of one slice of pairs. */
export interface SliceSums {
  readonly sums: Float64Array;
  readonly planar: Uint8Array;
}

/** True where a SharedArrayBuffer exists and may be posted to a worker. */
export function canShareMemory(): boolean {
  if (typeof SharedArrayBuffer !== 'function') return false;
  // Browsers define crossOriginIsolated (false without COOP/COEP); Node does not.
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  return isolated !== false;
}

/**
 * Items already in shared memory: a column's planes are made once and kept (see `planes.ts`),
 * so a second table over the same survey sends the same buffers without copying them again.
 */
const packed = new WeakMap<ColumnPlanes, PackedItem>();

/** `arrays` copied into one SharedArrayBuffer, as views on it in the same order. */
function share(arrays: readonly Int32Array[]): Int32Array[] {
  let total = 0;
  for (const array of arrays) total += array.length;
  const buffer = new SharedArrayBuffer(total * 4);
  let next = 0;
  return arrays.map((array) => {
    const view = new Int32Array(buffer, next * 4, array.length);
    view.set(array);
    next += array.length;
    return view;
  });
}

function packItem(item: ColumnPlanes): PackedItem {
  let found = packed.get(item);
  if (found === undefined) {
    const [present, ...rest] = share([item.present, ...item.planes, ...item.products]) as [Int32Array, ...Int32Array[]];
    found = {
      length: item.length,
      words: item.words,
      top: item.top,
      offset: item.offset,
      present,
      planes: rest.slice(0, item.planes.length),
      products: rest.slice(item.planes.length),
    };
    packed.set(item, found);
  }
  return found;
}

/** A plan ready to be cut into per-worker messages by {@link sliceMessage}. */
export interface PackedPlan {
  readonly shared: boolean;
  readonly plan: PairSumsPlan;
  readonly message: Omit<PlanMessage, 'from' | 'to'>;
}

/**
 * `plan` prepared for workers: with `shared`, its arrays in shared memory (kept per item);
 * without, the plan's own arrays, to be copied by `postMessage`.
 */
export function packPlan(plan: PairSumsPlan, shared: boolean): PackedPlan {
  if (!shared) return { shared, plan, message: { items: plan.items, mask: plan.mask, words: plan.words, size: plan.size, pairs: plan.pairs } };
  const mask = plan.mask === null ? null : (share([plan.mask])[0] as Int32Array);
  return { shared, plan, message: { items: plan.items.map(packItem), mask, words: plan.words, size: plan.size, pairs: plan.pairs } };
}

/**
 * The message for the pairs `from` to `to`. Shared memory sends every item (a reference each);
 * a copy sends only the items of those pairs, the others as null.
 */
export function sliceMessage(packedPlan: PackedPlan, from: number, to: number): PlanMessage {
  const { message } = packedPlan;
  if (packedPlan.shared) return { ...message, from, to };
  const items: (PackedItem | null)[] = new Array<PackedItem | null>(message.items.length).fill(null);
  const { pairs } = message;
  for (let p = from; p < to; p++) {
    const i = pairs[2 * p] as number;
    const j = pairs[2 * p + 1] as number;
    if (i === -1) continue;
    items[i] = message.items[i] as PackedItem;
    items[j] = message.items[j] as PackedItem;
  }
  return { ...message, items, from, to };
}

/** The plan of a {@link PlanMessage}; the items it holds as null are never read for its slice. */
export function unpackPlan(message: PlanMessage): PairSumsPlan {
  return { items: message.items as readonly ColumnPlanes[], mask: message.mask, words: message.words, pairs: message.pairs, size: message.size };
}

/** Sums the slice of `message` (in a worker): the reply, and the buffers to transfer back with it. */
export function answer(message: PlanMessage): { reply: PlanReply; transfer: ArrayBuffer[] } {
  try {
    const { sums, planar } = runPairSumsPlan(unpackPlan(message), message.from, message.to);
    return { reply: { ok: true, sums, planar }, transfer: [sums.buffer as ArrayBuffer, planar.buffer as ArrayBuffer] };
  } catch (error) {
    return { reply: { ok: false, message: error instanceof Error ? error.message : String(error) }, transfer: [] };
  }
}
