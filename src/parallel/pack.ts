/**
 * A pair-sums plan packed into one SharedArrayBuffer, so that every worker reads the same
 * planes without a copy each. Internal to the parallel entry.
 */
import type { PairSumsPlan } from '../engine/pairs';
import type { ColumnPlanes } from '../engine/planes';

/** One item's planes, each array a view on a SharedArrayBuffer (sent by reference, never copied). */
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
  readonly items: readonly PackedItem[];
  readonly mask: Int32Array | null;
  readonly words: number;
  readonly size: number;
  readonly pairs: Int32Array;
  readonly from: number;
  readonly to: number;
}

/** The worker's answer: the slice's sums and planar flags, or the message of what failed. */
export type PlanReply = { readonly ok: true; readonly sums: Float64Array; readonly planar: Uint8Array } | { readonly ok: false; readonly message: string };

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

/** `plan` with its arrays in shared memory; the slice bounds are filled in per worker. */
export function packPlan(plan: PairSumsPlan): Omit<PlanMessage, 'from' | 'to'> {
  const mask = plan.mask === null ? null : (share([plan.mask])[0] as Int32Array);
  return { items: plan.items.map(packItem), mask, words: plan.words, size: plan.size, pairs: plan.pairs };
}

/** The plan of a {@link PlanMessage} (its arrays are already views on shared memory). */
export function unpackPlan(message: PlanMessage): PairSumsPlan {
  return { items: message.items, mask: message.mask, words: message.words, pairs: message.pairs, size: message.size };
}
