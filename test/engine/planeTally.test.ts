import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { columnTally } from '../../src/engine/tally';
import { codePlanes, hasCodePlanes, jsPlaneCounts, kernelPlaneCounts, planeCountsJs } from '../../src/engine/planeTally';
import { columnSource } from '../../src/data/columnData';
import { kernelAvailable, residentCodePlanes } from '../../src/engine/wasmKernel';
import { defineScale } from '../../src/scale/defineScale';
import { scales } from '../../src/scale/presets';

/** Cells per code + 2 under `mask`, one cell at a time: the reference. */
function plainCounts(codes: Int8Array, mask: Int32Array, width: number): number[] {
  const slots: number[] = new Array<number>(width).fill(0);
  for (let i = 0; i < codes.length; i++) if (((mask[i >>> 5] as number) >>> (i & 31)) & 1) slots[(codes[i] as number) + 2]!++;
  return slots;
}

function maskOf(keep: readonly boolean[]): Int32Array {
  const mask = new Int32Array((keep.length + 31) >>> 5);
  keep.forEach((b, i) => {
    if (b) mask[i >>> 5]! |= 1 << (i & 31);
  });
  return mask;
}

const setBits = (keep: readonly boolean[]): number => keep.filter(Boolean).length;

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

describe('category counts from code planes', () => {
  it('the WebAssembly kernel loads in Node', () => {
    expect(kernelAvailable()).toBe(true);
  });

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
        expect(Array.from(jsPlaneCounts(column, mask, width))).toEqual(expected);
        const wasm = kernelPlaneCounts(column, mask, setBits(keep), width);
        expect(wasm).not.toBeNull();
        expect(Array.from(wasm!)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('equal a plain loop for columns with no invalid cell and no seventh value (the five-count kernel)', () => {
    const narrow = fc
      .record({ categories: fc.integer({ min: 1, max: 5 }), size: fc.integer({ min: 0, max: 900 }), density: fc.constantFrom(0, 0.03, 0.5, 1) })
      .chain(({ categories, size, density }) =>
        fc.record({
          categories: fc.constant(categories),
          codes: fc.array(fc.integer({ min: -1, max: categories - 1 }), { minLength: size, maxLength: size }),
          keep: fc.array(fc.double({ min: 0, max: 1, noNaN: true }).map((u) => u < density), { minLength: size, maxLength: size }),
        }),
      );
    fc.assert(
      fc.property(narrow, ({ categories, codes, keep }) => {
        const column = Int8Array.from(codes);
        const planes = residentCodePlanes(column, 3)!;
        expect(planes.seen0 || planes.seen7).toBe(false);
        const width = categories + 2;
        expect(Array.from(kernelPlaneCounts(column, maskOf(keep), setBits(keep), width)!)).toEqual(plainCounts(column, maskOf(keep), width));
      }),
      { numRuns: 200 },
    );
  });

  it('see an invalid cell and a seventh value when the column has them', () => {
    const codes = new Int8Array(300).fill(1);
    expect(residentCodePlanes(codes, 3)).toMatchObject({ seen0: false, seen7: false });
    const invalid = codes.slice();
    invalid[299] = -2;
    expect(residentCodePlanes(invalid, 3)).toMatchObject({ seen0: true, seen7: false });
    const seventh = codes.slice();
    seventh[0] = 5;
    expect(residentCodePlanes(seventh, 3)).toMatchObject({ seen0: false, seen7: true });
    const mask = maskOf(new Array<boolean>(300).fill(true));
    expect(Array.from(kernelPlaneCounts(invalid, mask, 300, 8)!)).toEqual([1, 0, 0, 299, 0, 0, 0, 0]);
    expect(Array.from(kernelPlaneCounts(seventh, mask, 300, 8)!)).toEqual([0, 0, 0, 299, 0, 0, 0, 1]);
    expect(Array.from(kernelPlaneCounts(codes, mask, 300, 8)!)).toEqual([0, 0, 0, 300, 0, 0, 0, 0]);
  });

  it('count the hand-computed cells over many steps whose two 64-bit words differ', () => {
    // 300 001 cells (2344 steps of 128), all kept: codes 5, −1, 2 in turn (v = code + 2: 7, 1, 4).
    // The period of 3 makes every step's two words differ, so a word counted twice or left out
    // changes the counts.
    const n = 300_001;
    const cycle = [5, -1, 2];
    const codes = new Int8Array(n).map((_, i) => cycle[i % 3] as number);
    const mask = maskOf(new Array<boolean>(n).fill(true));
    const expected = [0, 100_000, 0, 0, 100_000, 0, 0, 100_001];
    expect(Array.from(kernelPlaneCounts(codes, mask, n, 8)!)).toEqual(expected);
    expect(Array.from(planeCountsJs(codePlanes(codes, 8), mask))).toEqual(expected);
  });

  it('stay right when masks alternate over the same columns (the copied mask is reused only for the same mask)', () => {
    const n = 5000;
    const codes = [0, 1].map((j) => new Int8Array(n).map((_, i) => ((i * (j + 3)) % 8) - 2));
    const keeps = [0, 1, 2].map((k) => Array.from({ length: n }, (_, i) => (i + k) % (k + 2) === 0));
    const masks = keeps.map(maskOf);
    for (const order of [[0, 1, 2], [2, 0, 1], [1, 1, 0]]) {
      for (const m of order) {
        for (const column of codes) {
          expect(Array.from(kernelPlaneCounts(column, masks[m]!, setBits(keeps[m]!), 8)!)).toEqual(plainCounts(column, masks[m]!, 8));
        }
      }
    }
  });

  it('make one set of resident planes per codes and plane count', () => {
    const codes = new Int8Array(10_000).fill(1);
    const three = residentCodePlanes(codes, 3);
    expect(three).not.toBeNull();
    expect(residentCodePlanes(codes, 3)).toBe(three);
    const four = residentCodePlanes(codes, 4);
    expect(four!.count).toBe(4);
    expect(four!.at).not.toBe(three!.at);
    expect(three!.stride).toBe(Math.ceil(10_000 / 128) * 16);
  });
});

/** A deterministic stream of 32-bit numbers (xorshift32), for large random surveys. */
function xorshift(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

describe('filtered tallies of large surveys', () => {
  const d = scales.daDegree4;
  const values = [...d.categories, null, ''];

  it('equal a plain loop over the kept rows, weighted and unweighted, at any mask density including none and all', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          n: fc.integer({ min: 4096, max: 9000 }),
          density: fc.constantFrom(0, 0.001, 0.005, 0.02, 0.1, 0.37, 0.9, 1),
          weighted: fc.boolean(),
        }),
        ({ seed, n, density, weighted }) => {
          const next = xorshift(seed);
          const q = Array.from({ length: n }, () => values[next() % values.length] ?? null);
          const w = Array.from({ length: n }, () => (next() % 1000) / 100);
          const keep = Array.from({ length: n }, () => next() / 2 ** 32 < density);
          const base = survey({ id: 'id', columns: { id: Array.from({ length: n }, (_, i) => i), q }, items: [{ id: 'q', scale: d }] });
          const s = weighted ? base.withWeights(w) : base;
          const filtered = s.filter(keep);
          const counts = new Array<number>(d.categories.length).fill(0);
          const sums = new Array<number>(d.categories.length).fill(0);
          let missing = 0;
          for (let i = 0; i < n; i++) {
            if (!keep[i]) continue;
            const k = (d.categories as readonly string[]).indexOf(q[i] as string);
            if (k === -1) missing++;
            else {
              counts[k]!++;
              sums[k]! += w[i] as number;
            }
          }
          // The same column counted twice: the second time from the cache (or, without the kernel, from the planes).
          for (let round = 0; round < 2; round++) {
            const column = s.filter(keep).item('q');
            const tally = columnTally(column, weighted ? (columnSource(column).weights as Float64Array) : null);
            expect(Array.from(tally.counts)).toEqual(counts);
            expect(tally.missing).toBe(missing);
            expect(tally.invalid).toBe(0);
            if (weighted) {
              for (let k = 0; k < counts.length; k++) expect(tally.weights!.sums[k]).toBeCloseTo(sums[k]!, 9);
            } else expect(tally.weights).toBeNull();
          }
          expect(filtered.item('q').n.total).toBe(setBits(keep));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('count a scale of 9 categories (4 planes) under a filter as a plain loop does', () => {
    const wide = defineScale({ id: 'wide7', levels: ['1', '2', '3', '4', '5', '6', '7'], nonSubstantive: ['dk', 'na'] });
    const n = 6000;
    const next = xorshift(7);
    const labels = [...wide.categories, null];
    const q = Array.from({ length: n }, () => labels[next() % labels.length] ?? null);
    const keep = Array.from({ length: n }, () => next() % 3 !== 0);
    const s = survey({ id: 'id', columns: { id: Array.from({ length: n }, (_, i) => i), q }, items: [{ id: 'q', scale: wide }] });
    const tally = columnTally(s.filter(keep).item('q'), null);
    const expected = new Array<number>(wide.categories.length).fill(0);
    let missing = 0;
    for (let i = 0; i < n; i++) {
      if (!keep[i]) continue;
      const k = (wide.categories as readonly string[]).indexOf(q[i] as string);
      if (k === -1) missing++;
      else expected[k]!++;
    }
    expect(Array.from(tally.counts)).toEqual(expected);
    expect(tally.missing).toBe(missing);
  });

  it('gives the hand-counted tally under a first and a second filter', () => {
    // 10 000 respondents; q cycles through the six categories and an empty cell (7 values).
    const n = 10_000;
    const s = survey({ id: 'id', rows: Array.from({ length: n }, (_, i) => ({ id: i, q: values[i % 7] ?? null })), items: [{ id: 'q', scale: d }] });
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
    // With the kernel the planes live in its memory, not in JavaScript.
    expect(hasCodePlanes(columnSource(s.item('q')).codes, 8)).toBe(!kernelAvailable());
  });
});
