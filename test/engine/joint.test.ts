import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { jointCounts, levelPlanes } from '../../src/engine/joint';
import { layoutLevelPlanes } from '../../src/engine/wasmKernel';
import { summarize } from '../../src/summary/summarize';
import { scales } from '../../src/scale/presets';

/** The rows × columns table of level pairs of two code arrays, by a plain loop over the cells. */
function naiveTable(a: ArrayLike<number>, b: ArrayLike<number>, rows: number, columns: number): number[] {
  const table = new Array<number>(rows * columns).fill(0);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x >= 0 && x < rows && y >= 0 && y < columns) table[x * columns + y]! += 1;
  }
  return table;
}

describe('joint level counts from level bitsets', () => {
  it('count the hand-tallied table of five respondents', () => {
    // Respondents (x, y): (0, 1), (0, 1), (2, 0), (−1, 1) missing, (1, 3) with y past 3 columns.
    const a = Int8Array.from([0, 0, 2, -1, 1]);
    const b = Int8Array.from([1, 1, 0, 1, 3]);
    const pa = levelPlanes(a, null, 5, 3, 1);
    const pb = levelPlanes(b, null, 5, 3, 1);
    expect(jointCounts(pa, pb, 1, 3, 3)).toEqual([0, 2, 0, 0, 0, 0, 1, 0, 0]);
    const wasm = layoutLevelPlanes([{ planes: pa, levels: 3 }, { planes: pb, levels: 3 }], 1);
    expect(wasm).not.toBeNull();
    expect(wasm!.table(0, 1)).toEqual([0, 2, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('give the same table in JavaScript, in WebAssembly and by a plain loop, at any size and levels', () => {
    const sample = fc.record({ n: fc.integer({ min: 0, max: 3000 }), rows: fc.integer({ min: 1, max: 7 }), columns: fc.integer({ min: 1, max: 7 }), seed: fc.integer() });
    fc.assert(
      fc.property(sample, ({ n, rows, columns, seed }) => {
        let state = seed >>> 0;
        const next = (): number => {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          return state;
        };
        const a = Int8Array.from({ length: n }, () => (next() % (rows + 3)) - 2);
        const b = Int8Array.from({ length: n }, () => (next() % (columns + 3)) - 2);
        // Half of the respondents, as a filtered survey's positions.
        const kept = Int32Array.from({ length: n }, (_, i) => i).filter((i) => next() % 2 === 0);
        const size = kept.length;
        const words = (size + 31) >>> 5;
        const pa = levelPlanes(a, kept, size, rows, words);
        const pb = levelPlanes(b, kept, size, columns, words);
        const expected = naiveTable(Array.from(kept, (i) => a[i] as number), Array.from(kept, (i) => b[i] as number), rows, columns);
        expect(jointCounts(pa, pb, words, rows, columns)).toEqual(expected);
        const wasm = layoutLevelPlanes([{ planes: pa, levels: rows }, { planes: pb, levels: columns }], words);
        expect(wasm!.table(0, 1)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('count past the flush of the 16-bit lanes: 70 001 respondents in one cell', () => {
    const n = 70_001;
    const words = (n + 31) >>> 5;
    const pa = levelPlanes(new Int8Array(n).fill(1), null, n, 2, words);
    const pb = levelPlanes(new Int8Array(n), null, n, 2, words);
    expect(jointCounts(pa, pb, words, 2, 2)).toEqual([0, 0, n, 0]);
    expect(layoutLevelPlanes([{ planes: pa, levels: 2 }, { planes: pb, levels: 2 }], words)!.table(0, 1)).toEqual([0, 0, n, 0]);
  });
});

describe('summarize of a filtered, weighted survey', () => {
  it('splits by groups and pairs exactly as the summaries of each group filtered out', () => {
    const d4 = scales.daDegree4;
    const a5 = scales.agree5;
    const labels4 = [...d4.categories, null];
    const labels5 = [...a5.categories, null];
    const sample = fc.array(
      fc.record({ q: fc.constantFrom(...labels4), r: fc.constantFrom(...labels5), t: fc.constantFrom(...labels4), region: fc.constantFrom('Nord', 'Syd', 'Øst', null), w: fc.integer({ min: 0, max: 9 }), keep: fc.boolean() }),
      { minLength: 1, maxLength: 150 },
    );
    fc.assert(
      fc.property(sample, (cells) => {
        const s = survey({
          id: 'id',
          rows: cells.map((c, i) => ({ id: i, q: c.q, r: c.r, t: c.t, region: c.region })),
          items: [{ id: 'q', scale: d4 }, { id: 'r', scale: a5 }, { id: 't', scale: d4 }],
          attributes: { region: 'category' },
        })
          .withWeights(cells.map((c) => c.w / 4))
          .filter(cells.map((c) => c.keep));
        const summary = summarize(s, { by: 'region', pairs: 'all' });
        for (const group of summary.by!.groups) {
          const part = s.filter(Array.from(s.category('region'), (v) => v === group.value));
          const alone = summarize(part);
          expect(group.respondents).toBe(part.size);
          expect(group.items).toEqual(alone.items);
        }
        for (const pair of summary.pairs) {
          const x = s.item(pair.x as "q" | "r" | "t");
          const y = s.item(pair.y as "q" | "r" | "t");
          expect(pair.counts).toEqual(naiveTable(x.codes, y.codes, pair.rows, pair.columns));
        }
      }),
      { numRuns: 40 },
    );
  });
});
