import { expect } from 'vitest';

/** Machine epsilon for binary64. */
export const EPS = Number.EPSILON;

/** Relative error of `actual` against `expected`; absolute error when `expected` is 0. */
export function relativeError(actual: number, expected: number): number {
  if (Object.is(actual, expected)) return 0;
  if (Number.isNaN(actual) && Number.isNaN(expected)) return 0;
  if (expected === 0) return Math.abs(actual);
  return Math.abs((actual - expected) / expected);
}

/**
 * Asserts that `actual` lies within a relative tolerance `rtol` of `expected`
 * (absolute when `expected` is 0). Infinities and NaN must match exactly.
 */
export function expectClose(actual: number, expected: number, rtol: number, what = ''): void {
  if (!Number.isFinite(expected)) {
    expect(actual, what).toBe(expected);
    return;
  }
  const err = relativeError(actual, expected);
  if (!(err <= rtol)) {
    throw new Error(
      `${what ? `${what}: ` : ''}expected ${expected} within relative ${rtol}, got ${actual} (relative error ${err.toExponential(3)})`,
    );
  }
}
