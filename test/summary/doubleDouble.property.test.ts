import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { scales } from '../../src/scale/presets';
import { mergeSummaries } from '../../src/summary/mergeSummaries';
import { summarize } from '../../src/summary/summarize';
import type { SurveySummary } from '../../src/summary/types';

/** A finite double >= 0 as an exact integer mantissa and binary exponent: value = m · 2^e. */
function split(value: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  if (exponentBits === 0) return [fraction, -1074];
  return [fraction | (1n << 52n), exponentBits - 1075];
}

/** The exact sum of `values`, rounded once to the nearest double (BigInt arithmetic). */
function exactSum(values: readonly number[]): number {
  const parts = values.filter((v) => v !== 0).map(split);
  if (parts.length === 0) return 0;
  const lowest = Math.min(...parts.map(([, e]) => e));
  let total = 0n;
  for (const [m, e] of parts) total += m << BigInt(e - lowest);
  // Number(bigint) rounds to nearest; multiplying by a power of two is exact in the normal range.
  return Number(total) * 2 ** lowest;
}

const level = scales.daDegree4.levels[2]!; // every respondent in one category: its Σw is Σ of all weights

describe('double-double weight sums', () => {
  it('round once to the exact sum of the weights, for any split and any merge order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        (weights, k, seed) => {
          const s = survey({
            rows: weights.map((w, i) => ({ id: String(i), q: level, w })),
            id: 'id',
            items: [{ id: 'q', scale: scales.daDegree4 }],
            weight: 'w',
          });
          const part = (i: number) => Math.abs((i * 2654435761 + seed) % k);
          const summaries: SurveySummary[] = Array.from({ length: k }, (_, p) => summarize(s.filter((i) => part(i) === p)));
          const sumOf = (x: SurveySummary) => {
            const [hi, lo] = x.items[0]!.weights!.sums[2]!;
            return hi + lo;
          };
          const forward = summaries.reduce((a, b) => mergeSummaries(a, b));
          const backward = [...summaries].reverse().reduce((a, b) => mergeSummaries(a, b));
          const exact = exactSum(weights);
          expect(sumOf(summarize(s))).toBe(exact);
          expect(sumOf(forward)).toBe(exact);
          expect(sumOf(backward)).toBe(exact);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keep the squares of weights near 1e-170 and 1e300 finite and non-zero, merged across both', () => {
    const make = (w: number[]) =>
      survey({ rows: w.map((x, i) => ({ id: String(i), q: level, w: x })), id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], weight: 'w' });
    const tiny = summarize(make([1e-170, 3e-170]));
    const huge = summarize(make([1e300, 1e300]));
    for (const x of [tiny, huge]) {
      const [hi] = x.items[0]!.weights!.squares[2]!;
      expect(Number.isFinite(hi) && hi > 0).toBe(true);
    }
    // 1e-170 next to 1e300 is far below one rounding of the squares: the merged squares are
    // those of the large part, exactly.
    expect(mergeSummaries(tiny, huge).items[0]!.weights!.squares[2]).toEqual(huge.items[0]!.weights!.squares[2]);
  });
});
