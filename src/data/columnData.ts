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
  /** The column's codes, one per cell; for a masked column made on first read. */
  codes: Int8Array | undefined;
  /** The column's weights, one per cell (undefined: none); for a masked column made on first read. */
  weights: Float64Array | undefined;
  /** A masked column's storage, or null for a column that holds its own cells. */
  readonly source: ColumnSource | null;
}

/**
 * Where a column's cells live: arrays over base rows and, for a filtered column, the bitset of
 * the base rows that are its cells (in ascending order) and those rows as positions.
 */
export interface ColumnSource {
  /** Codes over the base rows. */
  readonly codes: Int8Array;
  /** Weights over the base rows, or undefined. */
  readonly weights: Float64Array | undefined;
  /** The column's cells as a bitset over the base rows, or null for all of them. */
  readonly mask: Int32Array | null;
  /** The column's cells as ascending base positions (made once, on first call), or null for all. */
  positions(): Int32Array | null;
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
  raw.set(sealed, { codes, weights, source: null });
  return sealed;
}

/**
 * A frozen column whose cells are the base rows of `source.mask`, read from the base arrays
 * without a copy: the engine (`columnSource`) reads them under the mask, and its own arrays
 * (for `codes`, `weights`, {@link columnCodes} and {@link columnWeights}) are gathered once, on
 * first read. The arrays are shared, never written.
 */
export function sealMaskedColumn(parts: {
  readonly scale: Scale;
  readonly source: ColumnSource;
  readonly n: ColumnCounts;
  readonly label?: string | undefined;
}): LikertColumn {
  const { source } = parts;
  const column = {
    kind: 'likert-column' as const,
    scale: parts.scale,
    n: Object.isFrozen(parts.n) ? parts.n : Object.freeze({ ...parts.n }),
    ...(parts.label === undefined ? {} : { label: parts.label }),
  };
  const entry: RawColumn = { codes: undefined, weights: undefined, source };
  // The getters are shared by every masked column (they find the arrays through `this`), so
  // that all such columns have one shape: a filter makes one column per item, and a getter per
  // column would make a new hidden class each time (about 30 µs a column).
  Object.defineProperty(column, 'codes', maskedCodes);
  if (source.weights !== undefined) Object.defineProperty(column, 'weights', maskedWeights);
  const sealed = Object.freeze(column) as unknown as LikertColumn;
  raw.set(sealed, entry);
  return sealed;
}

/** The `codes` and `weights` properties of every masked column. */
const maskedCodes: PropertyDescriptor = {
  enumerable: true,
  get(this: object): Int8Array {
    return ownCodes(raw.get(this) as RawColumn).slice();
  },
};
const maskedWeights: PropertyDescriptor = {
  enumerable: true,
  get(this: object): Float64Array {
    return (ownWeights(raw.get(this) as RawColumn) as Float64Array).slice();
  },
};

/** The codes of a masked column's cells, gathered from the base on first call. */
function ownCodes(entry: RawColumn): Int8Array {
  if (entry.codes === undefined) {
    const source = entry.source as ColumnSource;
    const positions = source.positions();
    if (positions === null) entry.codes = source.codes;
    else {
      const base = source.codes;
      const codes = new Int8Array(positions.length);
      for (let r = 0; r < positions.length; r++) codes[r] = base[positions[r] as number] as number;
      entry.codes = codes;
    }
  }
  return entry.codes;
}

/** The weights of a masked column's cells (undefined: none), gathered from the base on first call. */
function ownWeights(entry: RawColumn): Float64Array | undefined {
  const source = entry.source;
  if (entry.weights === undefined && source !== null && source.weights !== undefined) {
    const positions = source.positions();
    if (positions === null) entry.weights = source.weights;
    else {
      const base = source.weights;
      const weights = new Float64Array(positions.length);
      for (let r = 0; r < positions.length; r++) weights[r] = base[positions[r] as number] as number;
      entry.weights = weights;
    }
  }
  return entry.weights;
}

/**
 * True when `column` holds an `Int8Array` of codes: a sealed column (checked without gathering
 * a filtered column's cells) or another object whose `codes` is one.
 */
export function hasColumnCodes(column: LikertColumn): boolean {
  const found = raw.get(column);
  if (found !== undefined) return true;
  return column.codes instanceof Int8Array;
}

/** The codes of a column without a copy: a sealed column's own array, else `column.codes`. Read only. */
export function columnCodes(column: LikertColumn): Int8Array {
  const found = raw.get(column);
  if (found === undefined) return column.codes;
  return found.source === null ? (found.codes as Int8Array) : ownCodes(found);
}

/** The weights of a column without a copy (undefined when it has none). Read only. */
export function columnWeights(column: LikertColumn): Float64Array | undefined {
  const found = raw.get(column);
  if (found === undefined) return column.weights;
  return found.source === null ? found.weights : ownWeights(found);
}

/**
 * Where a column's cells live, for kernels that read a filtered column under its mask instead
 * of a copy: a masked column's base arrays and mask; any other column's own arrays with a null
 * mask. Read only.
 */
export function columnSource(column: LikertColumn): ColumnSource {
  const found = raw.get(column);
  if (found !== undefined && found.source !== null) return found.source;
  const codes = columnCodes(column);
  const weights = columnWeights(column);
  return { codes, weights, mask: null, positions: () => null };
}
