import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernelSource } from '../../scripts/build-kernel';
import { survey } from '../../src/data/survey';
import { pairSums } from '../../src/engine/pairs';
import { layoutPlanes } from '../../src/engine/wasmKernel';
import { columnPlanes } from '../../src/engine/planes';
import { scales } from '../../src/scale/presets';

const d4 = scales.daDegree4;

describe('the WebAssembly kernel', () => {
  it('is the committed output of scripts/build-kernel.ts', async () => {
    const committed = readFileSync(new URL('../../src/engine/kernel.wasm.ts', import.meta.url), 'utf8');
    expect(await kernelSource()).toBe(committed);
  });

  it('is small and loads in Node', () => {
    const s = survey({ id: 'id', rows: [{ id: 1, a: 'Slet ikke', b: 'I høj grad' }], items: [{ id: 'a', scale: d4 }, { id: 'b', scale: d4 }] });
    const planes = columnPlanes(s.item('a'));
    expect(planes).not.toBeNull();
    expect(layoutPlanes([planes!], null, planes!.words)).not.toBeNull();
    const bytes = Buffer.from(/'([^']+)'/.exec(readFileSync(new URL('../../src/engine/kernel.wasm.ts', import.meta.url), 'utf8'))![1]!, 'base64');
    expect(bytes.length).toBeLessThan(4096);
  });

  it('gives the hand-computed sums at the top level across many flushes', () => {
    // 70 001 respondents at v = 3 on both items: n, 3n, 3n, 9n, 9n, 9n.
    const n = 70_001;
    const s = survey({ id: 'id', rows: Array.from({ length: n }, (_, i) => ({ id: i, a: 'I meget høj grad', b: 'I meget høj grad' })), items: [{ id: 'a', scale: d4 }, { id: 'b', scale: d4 }] });
    expect(Array.from(pairSums(s, [['a', 'b']]).sums)).toEqual([n, 3 * n, 3 * n, 9 * n, 9 * n, 9 * n]);
  });

  it('gives the same sums as the JavaScript kernel on random filtered surveys', () => {
    const cells = [...d4.categories, null];
    const sample = fc.integer({ min: 1, max: 700 }).chain((n) =>
      fc.record({
        a: fc.array(fc.constantFrom(...cells), { minLength: n, maxLength: n }),
        b: fc.array(fc.constantFrom(...cells), { minLength: n, maxLength: n }),
        c: fc.array(fc.constantFrom(...cells), { minLength: n, maxLength: n }),
        keep: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        filtered: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(sample, ({ a, b, c, keep, filtered }) => {
        let s = survey({
          id: 'id',
          rows: a.map((x, i) => ({ id: i, a: x, b: b[i], c: c[i] })),
          items: [{ id: 'a', scale: d4 }, { id: 'b', scale: d4, reverse: true }, { id: 'c', scale: d4 }],
        });
        if (filtered) s = s.filter((i) => keep[i] === true);
        const pairs: [string, string][] = [['a', 'b'], ['a', 'c'], ['b', 'c']];
        expect(Array.from(pairSums(s, pairs).sums)).toEqual(Array.from(pairSums(s, pairs, { wasm: false }).sums));
      }),
      { numRuns: 200 },
    );
  });
});
