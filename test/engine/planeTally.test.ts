import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { columnTally } from '../../src/engine/tally';
import { planeCounts, planeCountsJs } from '../../src/engine/planeTally';
import { codePlanes, hasCodePlanes } from '../../src/engine/planes';
import { columnSource } from '../../src/data/columnData';
import { kernelPlaneCounts } from '../../src/engine/wasmKernel';
import { scales } from '../../src/scale/presets';

/** Cells per code + 2 under `mask`, one cell at a time: the reference. */
function plainCounts(codes: Int8Array, mask: Int32Array, width: number): number[] {
  const slots: number[] = new Array<number>(width).fill(0);
  for (let i = 0; i < codes.length; i++) if (((mask[i >>> 5] as number) >>> (i & 31)) & 1) slots[(codes[i] as number) + 2]!++;
  return slots;
}

/** A random column of K categories (codes −2 … K − 1) and a mask over it: empty, full, sparse or any. */
const sample = fc
  .record({ categories: fc.integer({ min: 1, max: 14 }), size: fc.integer({ min: 0, max: 700 }), kind: fc.constantFrom('empty', 'full', 'sparse', 'any') })
  .chain(({ categories, size, kind }) =>
    fc.record({
      categories: fc.constant(categories),
      codes: fc.array(fc.integer({ min: -2, max: categories - 1 }), { minLength: size, maxLength: size }),
      keep: fc.array(kind === 'sparse' ? fc.integer({ min: 0, max: 40 }).map((x) => x === 0) : fc.boolean(), { minLength: size, maxLength: size }).map((bits) =>
        bits.map((b) => (kind === 'empty' ? false : kind === 'full' ? true : b)),
      ),
    }),
  );

function maskOf(keep: readonly boolean[]): Int32Array {
  const mask = new Int32Array((keep.length + 31) >>> 5);
  keep.forEach((b, i) => {
    if (b) mask[i >>> 5]! |= 1 << (i & 31);
  });
  return mask;
}

describe('category counts from code planes', () => {
  it('equal a plain loop for random codes and masks, in the JavaScript and the WebAssembly kernel', () => {
    fc.assert(
      fc.property(sample, ({ categories, codes, keep }) => {
        const column = Int8Array.from(codes);
        const mask = maskOf(keep);
        const width = categories + 2;
        const expected = plainCounts(column, mask, width);
        const planes = codePlanes(column, width);
        expect(planes.count).toBe(width <= 8 ? 3 : 4);
        expect(Array.from(planeCountsJs(planes, mask)).slice(0, width)).toEqual(expected);
        const wasm = kernelPlaneCounts(planes, mask);
        expect(wasm).not.toBeNull();
        expect(Array.from(wasm!).slice(0, width)).toEqual(expected);
        expect(Array.from(planeCounts(column, mask, width))).toEqual(expected);
        // Values above the widest code never occur.
        expect(Array.from(wasm!).slice(width).every((c) => c === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('count the hand-computed cells across many 16-bit flushes of the kernel', () => {
    // 300 001 cells (more than 2048 steps of 128): code 5 at even positions, −1 at odd ones, all kept.
    const n = 300_001;
    const codes = new Int8Array(n).map((_, i) => (i % 2 === 0 ? 5 : -1));
    const mask = maskOf(new Array<boolean>(n).fill(true));
    const expected = [0, (n - 1) / 2, 0, 0, 0, 0, 0, (n + 1) / 2];
    const planes = codePlanes(codes, 8);
    expect(Array.from(kernelPlaneCounts(planes, mask)!)).toEqual(expected);
    expect(Array.from(planeCountsJs(planes, mask))).toEqual(expected);
  });
});

describe('columnTally of a large filtered survey', () => {
  it('gives the hand-counted tally under a first and a second filter (gather, then planes)', () => {
    // 10 000 respondents; q cycles through the five levels, Ved ikke, and an empty cell (7 values).
    const d = scales.daDegree4;
    const values = [...d.categories, null];
    const n = 10_000;
    const s = survey({ id: 'id', rows: Array.from({ length: n }, (_, i) => ({ id: i, q: values[i % 7] ?? null })), items: [{ id: 'q', scale: d }] });
    const codes = columnSource(s.item('q')).codes;
    // Keep respondents i with i % 10 < 3 (30 %), then i % 10 < 2 (20 %).
    for (const cut of [3, 2]) {
      const filtered = s.filter((i) => i % 10 < cut);
      const expected = new Array<number>(7).fill(0);
      for (let i = 0; i < n; i++) if (i % 10 < cut) expected[i % 7]!++;
      const tally = columnTally(filtered.item('q'), null);
      expect(Array.from(tally.counts)).toEqual(expected.slice(0, 6));
      expect(tally.missing).toBe(expected[6]);
      expect(tally.invalid).toBe(0);
    }
    expect(hasCodePlanes(codes, 8)).toBe(true);
  });
});
