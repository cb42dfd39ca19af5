/**
 * Read-only coded columns. A survey hands out each item as one frozen column object whose
 * `codes` and `weights` are getters returning fresh copies, so that no caller can change the
 * survey by writing into a typed array (typed arrays cannot be frozen). The library's own
 * statistics read the arrays without copying through {@link columnCodes} and
 * {@link columnWeights}, backed by a module-private WeakMap from column to arrays.
 * Internal: never re-exported from `src/index.ts`.
 */
import type { ColumnCounts, LikertColumn } from './types';
import type { Scale } from '../scale/types';

interface RawColumn {
  readonly codes: Int8Array;
  readonly weights: Float64Array | undefined;
}

/** Sealed columns → their arrays. Module-private: nothing outside this file can reach them. */
const raw = new WeakMap<object, RawColumn>();

/**
 * A frozen column over `codes` (and `weights`) that hands out copies of them. The arrays are
 * taken over, not copied: the caller must not keep writing into them.
 */
export function sealColumn(parts: {
  readonly scale: Scale;
  readonly codes: Int8Array;
  readonly n: ColumnCounts;
  readonly label?: string | undefined;
  readonly weights?: Float64Array | undefined;
}): LikertColumn {
  const { codes, weights } = parts;
  const column = {
    kind: 'likert-column' as const,
    scale: parts.scale,
    n: Object.isFrozen(parts.n) ? parts.n : Object.freeze({ ...parts.n }),
    ...(parts.label === undefined ? {} : { label: parts.label }),
  };
  Object.defineProperty(column, 'codes', { enumerable: true, get: () => codes.slice() });
  if (weights !== undefined) Object.defineProperty(column, 'weights', { enumerable: true, get: () => weights.slice() });
  const sealed = Object.freeze(column) as unknown as LikertColumn;
  raw.set(sealed, { codes, weights });
  return sealed;
}

/** The codes of a column without a copy: a sealed column's own array, else `column.codes`. Read only. */
export function columnCodes(column: LikertColumn): Int8Array {
  const found = raw.get(column);
  return found === undefined ? column.codes : found.codes;
}

/** The weights of a column without a copy (undefined when it has none). Read only. */
export function columnWeights(column: LikertColumn): Float64Array | undefined {
  const found = raw.get(column);
  return found === undefined ? column.weights : found.weights;
}
