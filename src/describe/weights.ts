import { columnWeights } from '../data/columnData';
import type { LikertColumn } from '../data/types';
import { describeValue } from '../internal/validate';
import { powerOfTwoScale } from '../math/moments';

/**
 * The weights a describe function uses: `option` when given (an array, one per cell), none when
 * `option` is `null`, else the column's own (attached by a weighted survey). Validated: one
 * finite, non-negative number per cell. Internal.
 */
export function resolveWeights(
  fn: string,
  column: LikertColumn,
  option: ArrayLike<number> | null | undefined,
): Float64Array | null {
  if (option === null) return null;
  const source = option ?? columnWeights(column);
  if (source === undefined) return null;
  if (typeof source !== 'object' || typeof source.length !== 'number') {
    throw new TypeError(`${fn}: weights must be an array of numbers, one per response; got ${describeValue(source)}`);
  }
  const cells = column.n.total;
  if (source.length !== cells) {
    throw new RangeError(
      `${fn}: weights has ${source.length} values but the column has ${cells} cells; give one weight per response`,
    );
  }
  const weights = source instanceof Float64Array ? source : new Float64Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const w = source[i];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new RangeError(
        `${fn}: weights[${i}] is ${describeValue(w)}; every weight must be a finite number >= 0`,
      );
    }
    if (weights !== source) weights[i] = w;
  }
  return weights;
}

/** Per category: the sum of weights and the sum of squared (rescaled) weights. Internal. */
export interface WeightedTally {
  /** Σw per category, in the weights' own units. */
  readonly sums: Float64Array;
  /** Σ(w·scale)² per category: squared after rescaling, so it neither underflows nor overflows. */
  readonly squares: Float64Array;
  /** The power of two the weights were multiplied by before squaring (exact). */
  readonly scale: number;
}

/**
 * Sums weights (and squared weights) per category index; missing and invalid cells are skipped.
 * The squares are taken of w·2⁻ᵉ, with 2ᵉ the power of two at the largest counted weight, so
 * that weights near 1e-170 (whose squares underflow to 0) or near 1e300 (whose squares overflow)
 * keep Kish's ratio exact: multiplying by a power of two changes no digit.
 */
export function tallyWeights(codes: Int8Array, weights: Float64Array, categoryCount: number): WeightedTally {
  const sums = new Float64Array(categoryCount);
  const squares = new Float64Array(categoryCount);
  let largest = 0;
  for (let i = 0; i < codes.length; i++) {
    if ((codes[i] as number) >= 0) largest = Math.max(largest, weights[i] as number);
  }
  const scale = powerOfTwoScale(largest);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (code < 0) continue;
    const w = weights[i] as number;
    const scaled = w * scale;
    sums[code]! += w;
    squares[code]! += scaled * scaled;
  }
  return { sums, squares, scale };
}

/**
 * Kish's effective sample size of the categories in [from, to): (Σw)² / Σw², formed from the
 * rescaled weights (the ratio does not depend on the scale). Equal weights give the plain
 * count. NaN when the weights sum to 0.
 */
export function effectiveSize(tally: WeightedTally, from: number, to: number): number {
  let sum = 0;
  let squares = 0;
  for (let k = from; k < to; k++) {
    sum += (tally.sums[k] as number) * tally.scale;
    squares += tally.squares[k] as number;
  }
  return squares === 0 ? NaN : (sum * sum) / squares;
}
