/**
 * A pair-sums plan packed into one SharedArrayBuffer, so that every worker reads the same
 * planes without a copy each. Internal to the parallel entry.
 */
import type { PairSumsPlan } from '../engine/pairs';
import type { ColumnPlanes } from '../engine/planes';

/** Where one Int32Array lies in the shared buffer: offset and length, in 32-bit words. */
type Span = readonly [number, number];

interface PackedItem {
  readonly length: number;
  readonly words: number;
  readonly top: number;
  readonly offset: number;
  readonly present: Span;
  readonly planes: readonly Span[];
  readonly products: readonly Span[];
}

/** The message a worker gets: the packed plan and the pairs `from` to `to` it sums. */
export interface PlanMessage {
  readonly buffer: SharedArrayBuffer;
  readonly items: readonly PackedItem[];
  readonly mask: Span | null;
  readonly words: number;
  readonly size: number;
  readonly pairs: Int32Array;
  readonly from: number;
  readonly to: number;
}

/** The worker's answer: the slice's sums and planar flags, or the message of what failed. */
export type PlanReply = { readonly ok: true; readonly sums: Float64Array; readonly planar: Uint8Array } | { readonly ok: false; readonly message: string };

/** `plan` in one SharedArrayBuffer; the slice bounds are filled in per worker. */
export function packPlan(plan: PairSumsPlan): Omit<PlanMessage, 'from' | 'to'> {
  let total = plan.mask === null ? 0 : plan.mask.length;
  for (const item of plan.items) {
    total += item.present.length;
    for (const array of item.planes) total += array.length;
    for (const array of item.products) total += array.length;
  }
  const buffer = new SharedArrayBuffer(total * 4);
  const view = new Int32Array(buffer);
  let next = 0;
  const put = (array: Int32Array): Span => {
    view.set(array, next);
    const span: Span = [next, array.length];
    next += array.length;
    return span;
  };
  const items = plan.items.map((item) => ({
    length: item.length,
    words: item.words,
    top: item.top,
    offset: item.offset,
    present: put(item.present),
    planes: item.planes.map(put),
    products: item.products.map(put),
  }));
  const mask = plan.mask === null ? null : put(plan.mask);
  return { buffer, items, mask, words: plan.words, size: plan.size, pairs: plan.pairs };
}

/** The plan of a {@link PlanMessage}, its arrays as views on the shared buffer. */
export function unpackPlan(message: PlanMessage): PairSumsPlan {
  const at = ([offset, length]: Span): Int32Array => new Int32Array(message.buffer, offset * 4, length);
  const items: ColumnPlanes[] = message.items.map((item) => ({
    length: item.length,
    words: item.words,
    top: item.top,
    offset: item.offset,
    present: at(item.present),
    planes: item.planes.map(at),
    products: item.products.map(at),
  }));
  return { items, mask: message.mask === null ? null : at(message.mask), words: message.words, pairs: message.pairs, size: message.size };
}
