import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { columnCodes, columnSource } from '../../src/data/columnData';
import { columnTally } from '../../src/engine/tally';
import { tallyWeights } from '../../src/describe/weights';
import { scales } from '../../src/scale/presets';

const d4 = scales.daDegree4;
const labels = [...d4.categories, null, 'Måske'];

/** Ten municipalities: q by row, region by row, weights 1…10. */
const rows = [
  { id: 1, q: 'Slet ikke', region: 'Nord' },
  { id: 2, q: 'I høj grad', region: 'Syd' },
  { id: 3, q: 'I høj grad', region: 'Nord' },
  { id: 4, q: 'Ved ikke', region: 'Nord' },
  { id: 5, q: null, region: 'Syd' },
  { id: 6, q: 'I meget høj grad', region: 'Nord' },
  { id: 7, q: 'Måske', region: 'Nord' },
  { id: 8, q: 'I mindre grad', region: 'Syd' },
  { id: 9, q: 'I høj grad', region: 'Nord' },
  { id: 10, q: 'Slet ikke', region: 'Syd' },
];
const base = survey({ id: 'id', rows, items: [{ id: 'q', scale: d4 }], attributes: { region: 'category' }, unknown: 'missing' });

describe('columnTally of a filtered survey', () => {
  it('counts the hand-tallied cells of where() and of a filter of it', () => {
    // Nord: rows 1, 3, 4, 6, 7, 9 → Slet ikke 1, I høj grad 2, Ved ikke 1, I meget høj grad 1, invalid (Måske) 1.
    const nord = base.where('region', 'Nord');
    const tally = columnTally(nord.item('q'), null);
    expect(Array.from(tally.counts)).toEqual([1, 0, 2, 1, 1, 0]);
    expect([tally.missing, tally.invalid]).toEqual([0, 1]);
    expect(nord.item('q').n).toEqual({ total: 6, answered: 5, substantive: 4, missing: 0, invalid: 1, nonSubstantive: 1 });
    // Its respondents 0, 2, 4 (rows 1, 4, 7): Slet ikke 1, Ved ikke 1, invalid 1.
    const sub = nord.filter((i) => i % 2 === 0);
    expect(sub.ids).toEqual(['1', '4', '7']);
    expect(Array.from(columnTally(sub.item('q'), null).counts)).toEqual([1, 0, 0, 0, 1, 0]);
  });

  it('reads the base codes under the mask instead of a copy', () => {
    const nord = base.where('region', 'Nord');
    const source = columnSource(nord.item('q'));
    expect(source.codes).toBe(columnCodes(base.item('q')));
    expect(source.mask).not.toBeNull();
  });

  it('sums the hand-computed weights of a weighted survey filtered after weighting', () => {
    // Weights 1…10 by row; Nord's agreeing rows 3, 6, 9 weigh 3 + 6 + 9 = 18, Slet ikke row 1 weighs 1.
    const weighted = base.withWeights(rows.map((_, i) => i + 1)).where('region', 'Nord');
    const column = weighted.item('q');
    const tally = columnTally(column, column.weights ?? null);
    expect(Array.from(tally.weights!.sums)).toEqual([1, 0, 3 + 9, 6, 4, 0]);
  });

  it('keeps weights given to a filtered survey for its own respondents and their subsets', () => {
    // Syd: rows 2, 5, 8, 10 get weights 2, 0, 3, 5; its region filter keeps them all.
    const syd = base.where('region', 'Syd').withWeights([2, 0, 3, 5]);
    expect(Array.from(syd.weights!)).toEqual([2, 0, 3, 5]);
    const again = syd.where('region', ['Syd', 'Nord']).filter((i) => i !== 1);
    expect(again.ids).toEqual(['2', '8', '10']);
    expect(Array.from(again.weights!)).toEqual([2, 3, 5]);
    expect(Array.from(again.item('q').weights!)).toEqual([2, 3, 5]);
  });
});

describe('columnTally on random filtered surveys', () => {
  it('equals a plain count of the filtered codes, and tallyWeights of the filtered weights', () => {
    const sample = fc.integer({ min: 1, max: 200 }).chain((n) =>
      fc.record({
        cells: fc.array(fc.constantFrom(...labels), { minLength: n, maxLength: n }),
        region: fc.array(fc.constantFrom('A', 'B', 'C'), { minLength: n, maxLength: n }),
        keep: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        weights: fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
        weighted: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(sample, ({ cells, region, keep, weights, weighted }) => {
        let s = survey({
          id: 'id',
          rows: cells.map((q, i) => ({ id: i, q, region: region[i] })),
          items: [{ id: 'q', scale: d4 }],
          attributes: { region: 'category' },
          unknown: 'missing',
        });
        if (weighted) s = s.withWeights(weights);
        const sub = s.where('region', ['A', 'C']).filter((i) => keep[i] === true);
        const column = sub.item('q');
        const codes = column.codes;
        const expected = new Array<number>(d4.categories.length).fill(0);
        let missing = 0;
        let invalid = 0;
        for (const c of codes) {
          if (c >= 0) expected[c]! += 1;
          else if (c === -1) missing++;
          else invalid++;
        }
        const tally = columnTally(column, weighted ? (column.weights ?? null) : null);
        expect(Array.from(tally.counts)).toEqual(expected);
        expect([tally.missing, tally.invalid]).toEqual([missing, invalid]);
        if (weighted) expect(tally.weights).toEqual(tallyWeights(codes, column.weights!, d4.categories.length));
        else expect(tally.weights).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
