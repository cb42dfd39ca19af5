import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import type { LikertColumn } from '../../src/data/types';
import { crossTabulateLevels } from '../../src/inference/crossTab';
import { scales } from '../../src/scale/presets';

const d4 = scales.daDegree4;

/** A plain (unsealed) column holding a copy of the codes: the path that reads every cell. */
const plain = (column: LikertColumn): LikertColumn => ({ kind: 'likert-column', scale: column.scale, codes: column.codes, n: column.n });

describe('crossTabulateLevels of two columns of one filtered survey', () => {
  it('counts the hand-tallied pairs of the filtered respondents', () => {
    // Rows 0…5; the filter keeps 0, 2, 5: (Slet ikke, I høj grad), (I høj grad, I høj grad), (Ved ikke, Slet ikke).
    const rows = [
      { id: 1, a: 'Slet ikke', b: 'I høj grad' },
      { id: 2, a: 'I høj grad', b: 'Slet ikke' },
      { id: 3, a: 'I høj grad', b: 'I høj grad' },
      { id: 4, a: null, b: 'I høj grad' },
      { id: 5, a: 'Slet ikke', b: 'Slet ikke' },
      { id: 6, a: 'Ved ikke', b: 'Slet ikke' },
    ];
    const s = survey({ id: 'id', rows, items: [{ id: 'a', scale: d4 }, { id: 'b', scale: d4 }] }).filter((i) => i === 0 || i === 2 || i === 5);
    const table = crossTabulateLevels(s.item('a'), s.item('b'));
    expect(table.n).toBe(2);
    // counts[i * 4 + j]: (0, 2) and (2, 2) once each.
    expect(Array.from(table.counts)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('equals the table of plain copies of the columns on random filters', () => {
    const cells = [...d4.categories, null];
    const sample = fc.integer({ min: 1, max: 150 }).chain((n) =>
      fc.record({
        a: fc.array(fc.constantFrom(...cells), { minLength: n, maxLength: n }),
        b: fc.array(fc.constantFrom(...cells), { minLength: n, maxLength: n }),
        keep: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(sample, ({ a, b, keep }) => {
        const s = survey({ id: 'id', rows: a.map((x, i) => ({ id: i, a: x, b: b[i] })), items: [{ id: 'a', scale: d4 }, { id: 'b', scale: d4 }] }).filter((i) => keep[i] === true);
        expect(crossTabulateLevels(s.item('a'), s.item('b'))).toEqual(crossTabulateLevels(plain(s.item('a')), plain(s.item('b'))));
      }),
      { numRuns: 150 },
    );
  });
});
