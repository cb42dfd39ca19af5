import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likert } from '../../src/data/likert';
import { frequencies } from '../../src/describe/frequencies';
import { defineScale } from '../../src/scale/defineScale';
import { scales } from '../../src/scale/presets';
import { divergingRows } from '../../src/vega-lite/index';
import type { DivergingRow } from '../../src/vega-lite/index';

const close = (actual: number, expected: number, tol = 1e-12): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
};

/** Answers repeated as often as asked: rep(['A', 2], ['B', 1]) → ['A', 'A', 'B']. */
const rep = (...pairs: [string | null, number][]): (string | null)[] =>
  pairs.flatMap(([label, times]) => Array.from({ length: times }, () => label));

const byItem = (rows: readonly DivergingRow[], item: string): DivergingRow[] => rows.filter((r) => r.item === item);

describe('divergingRows', () => {
  it('places disagreeing levels left of zero and agreeing levels right of it, end to end', () => {
    // 1 Slet ikke, 2 I mindre grad, 3 I høj grad, 2 I meget høj grad: 8 substantive answers.
    const col = likert(
      rep(['Slet ikke', 1], ['I mindre grad', 2], ['I høj grad', 3], ['I meget høj grad', 2], ['Ved ikke', 2], [null, 1]),
      scales.daDegree4,
    );
    const { rows } = divergingRows([{ id: 'q', label: 'Q', data: col }], { denominator: 'substantive' });
    const levels = rows.filter((r) => r.side !== 'apart');
    expect(levels.map((r) => r.category)).toEqual(['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad']);
    close(levels[0]!.start, -3 / 8);
    close(levels[0]!.end, -2 / 8);
    close(levels[1]!.start, -2 / 8);
    close(levels[1]!.end, 0);
    close(levels[2]!.start, 0);
    close(levels[2]!.end, 3 / 8);
    close(levels[3]!.end, 5 / 8);
    expect(levels.map((r) => r.kind)).toEqual(['level', 'level', 'level', 'level']);
    expect(levels.map((r) => r.n)).toEqual([8, 8, 8, 8]);
  });

  it("gives substantive widths that sum to 1 per item under denominator: 'substantive'", () => {
    const a = likert(rep(['I høj grad', 5], ['Slet ikke', 2], ['Ved ikke', 1]), scales.daDegree4);
    const b = likert(rep(['I nogen grad', 3], ['I meget lav grad', 4], ['I meget høj grad', 1]), scales.daDegree5);
    const { rows } = divergingRows([a, b], { denominator: 'substantive' });
    for (const item of ['item1', 'item2']) {
      const widths = byItem(rows, item)
        .filter((r) => r.side !== 'apart')
        .reduce((sum, r) => sum + (r.end - r.start), 0);
      close(widths, 1);
    }
  });

  it('splits the neutral level half on each side of zero', () => {
    // daDegree5: 2 disagree, 4 neutral, 2 agree → neutral share 1/2 runs from −1/4 to +1/4.
    const col = likert(rep(['I lav grad', 2], ['I nogen grad', 4], ['I høj grad', 2]), scales.daDegree5);
    const { rows } = divergingRows([col]);
    const neutral = rows.find((r) => r.kind === 'neutral')!;
    expect(neutral.category).toBe('I nogen grad');
    expect(neutral.side).toBe('neutral');
    close(neutral.start, -0.25);
    close(neutral.end, 0.25);
    close(rows.find((r) => r.category === 'I lav grad')!.start, -0.5);
    close(rows.find((r) => r.category === 'I høj grad')!.end, 0.5);
  });

  it('shows non-substantive answers apart, from 0, as shares of everyone who answered', () => {
    const col = likert(rep(['I høj grad', 6], ['Ved ikke', 3], ['Ikke relevant', 1], [null, 5]), scales.daDegree4);
    const { rows, apartMax } = divergingRows([col], { denominator: 'substantive' });
    const apart = rows.filter((r) => r.side === 'apart');
    expect(apart.map((r) => [r.category, r.kind, r.count, r.n])).toEqual([
      ['Ved ikke', 'nonSubstantive', 3, 10],
      ['Ikke relevant', 'nonSubstantive', 1, 10],
    ]);
    close(apart[0]!.start, 0);
    close(apart[0]!.end, 0.3);
    close(apart[1]!.start, 0.3);
    close(apart[1]!.end, 0.4);
    close(apartMax, 0.4);
    // The diverging part ignores them: the single agreeing level fills 0 … 1.
    close(rows.find((r) => r.category === 'I høj grad')!.end, 1);
  });

  it('orders items by agreement share, highest first, ties in input order', () => {
    const low = likert(rep(['I høj grad', 1], ['Slet ikke', 3]), scales.daDegree4);
    const high = likert(rep(['I høj grad', 3], ['Slet ikke', 1]), scales.daDegree4);
    const tie = likert(rep(['I meget høj grad', 1], ['I mindre grad', 3]), scales.daDegree4);
    const result = divergingRows([
      { id: 'low', data: low },
      { id: 'high', data: high },
      { id: 'tie', data: tie },
    ]);
    expect(result.items.map((i) => i.item)).toEqual(['high', 'low', 'tie']);
    expect(result.items.map((i) => i.agreement)).toEqual([0.75, 0.25, 0.25]);
    expect([...new Set(result.rows.map((r) => r.item))]).toEqual(['high', 'low', 'tie']);
    expect(result.rows.filter((r) => r.item === 'high').every((r) => r.itemOrder === 0)).toBe(true);
  });

  it("keeps the input order under sort: 'input'", () => {
    const low = likert(rep(['I høj grad', 1], ['Slet ikke', 3]), scales.daDegree4);
    const high = likert(rep(['I høj grad', 3], ['Slet ikke', 1]), scales.daDegree4);
    const result = divergingRows([low, high], { sort: 'input' });
    expect(result.items.map((i) => i.item)).toEqual(['item1', 'item2']);
  });

  it('takes frequency tables, with the scale given per item or in the options', () => {
    const col = likert(rep(['I lav grad', 1], ['I nogen grad', 2], ['I høj grad', 1]), scales.daDegree5);
    const fromColumn = divergingRows([col]).rows;
    expect(divergingRows([{ data: frequencies(col), scale: scales.daDegree5 }]).rows).toEqual(fromColumn);
    expect(divergingRows([frequencies(col)], { scale: scales.daDegree5 }).rows).toEqual(fromColumn);
  });

  it('splits a frequency table without a scale by position: the middle of an odd number of levels is neutral', () => {
    const col = likert(rep(['I lav grad', 1], ['I nogen grad', 2], ['I høj grad', 1]), scales.daDegree5);
    const { rows } = divergingRows([frequencies(col)]);
    expect(rows.map((r) => r.side)).toEqual(['disagree', 'disagree', 'neutral', 'agree', 'agree']);
  });

  it("reads the agreement levels of the item's scale when it has a custom top box", () => {
    const top1 = defineScale({ id: 'top1', levels: ['a', 'b', 'c', 'd'], agree: ['d'], disagree: ['a'] });
    const col = likert(rep(['c', 3], ['d', 1]), top1);
    const { items, rows } = divergingRows([col]);
    expect(items[0]!.agreement).toBe(0.25);
    // Geometry still splits by position: c and d lie right of zero.
    close(rows.find((r) => r.category === 'c')!.start, 0);
  });

  it('uses the column label, then the id, as the item text', () => {
    const labelled = { ...likert(['I høj grad'], scales.daDegree4), label: 'Spørgsmål 1' };
    const result = divergingRows([labelled, { id: 'x', data: likert(['Slet ikke'], scales.daDegree4) }]);
    expect(result.items.map((i) => [i.item, i.label])).toEqual([
      ['Spørgsmål 1', 'Spørgsmål 1'],
      ['x', 'x'],
    ]);
  });

  it("gives an item without substantive answers NaN shares and zero-width segments, last, under denominator: 'substantive'", () => {
    const empty = likert(rep(['Ved ikke', 2], [null, 1]), scales.daDegree4);
    const full = likert(['Slet ikke'], scales.daDegree4);
    const result = divergingRows([{ id: 'empty', data: empty }, { id: 'full', data: full }], { denominator: 'substantive' });
    expect(result.items.map((i) => i.item)).toEqual(['full', 'empty']);
    const levels = byItem(result.rows, 'empty').filter((r) => r.side !== 'apart');
    expect(levels.every((r) => Number.isNaN(r.share) && r.start === 0 && r.end === 0)).toBe(true);
    expect(Number.isNaN(result.items[1]!.agreement)).toBe(true);
    close(byItem(result.rows, 'empty').find((r) => r.category === 'Ved ikke')!.end, 1);
  });

  it('returns no rows for no items', () => {
    expect(divergingRows([])).toMatchObject({ rows: [], items: [], categories: [], min: 0, max: 0, apartMax: 0 });
  });

  it('rounds percentages half up from the unrounded share (2/16 prints as 13)', () => {
    const col = likert(rep(['I høj grad', 2], ['Slet ikke', 14]), scales.daDegree4);
    expect(divergingRows([col]).rows.find((r) => r.category === 'I høj grad')!.percent).toBe(13);
  });

  it('uses the weighted shares of a weighted column', () => {
    const col = { ...likert(['Slet ikke', 'I høj grad'], scales.daDegree4), weights: new Float64Array([1, 3]) };
    const { rows } = divergingRows([col]);
    close(rows.find((r) => r.category === 'Slet ikke')!.start, -0.25);
    close(rows.find((r) => r.category === 'I høj grad')!.end, 0.75);
    expect(rows.find((r) => r.category === 'I høj grad')!.count).toBe(1);
  });

  it('does not mutate its (frozen) input', () => {
    const freq = frequencies(likert(['Slet ikke', 'I høj grad'], scales.daDegree4));
    const frozen = Object.freeze({ data: Object.freeze({ ...freq, rows: Object.freeze(freq.rows.map((r) => Object.freeze(r))) }) });
    expect(() => divergingRows(Object.freeze([frozen]))).not.toThrow();
  });

  it('throws for a non-array, an unknown item, a repeated id, a mismatched scale and an unknown sort', () => {
    const col = likert(['Slet ikke'], scales.daDegree4);
    expect(() => divergingRows('x' as never)).toThrow(/^divergingRows: items must be an array/);
    expect(() => divergingRows([{ data: 42 } as never])).toThrow(TypeError);
    expect(() => divergingRows([{ id: 'a', data: col }, { id: 'a', data: col }])).toThrow(/'a' occurs twice/);
    expect(() => divergingRows([{ data: frequencies(col), scale: scales.daDegree5 }])).toThrow(RangeError);
    expect(() => divergingRows([col], { sort: 'size' as never })).toThrow(/unknown sort/);
  });

  it("property: under denominator: 'substantive', widths of every item sum to 1, neutral straddles zero, offsets stay in [−1, 1]", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 60 }), (codes) => {
        const labels = [...scales.agree5.levels, ...scales.agree5.nonSubstantive];
        const col = likert(
          codes.map((c) => labels[c]),
          scales.agree5,
        );
        const { rows } = divergingRows([col], { denominator: 'substantive' });
        const substantive = rows.filter((r) => r.side !== 'apart');
        if (col.n.substantive === 0) return substantive.every((r) => r.end - r.start === 0);
        const total = substantive.reduce((s, r) => s + (r.end - r.start), 0);
        const neutral = substantive.find((r) => r.kind === 'neutral')!;
        return (
          Math.abs(total - 1) < 1e-12 &&
          Math.abs(neutral.start + neutral.end) < 1e-12 &&
          substantive.every((r) => r.start >= -1 - 1e-12 && r.end <= 1 + 1e-12 && r.end >= r.start)
        );
      }),
    );
  });
});
