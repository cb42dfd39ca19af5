import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likert } from '../../src/data/likert';
import { pearson } from '../../src/inference/pearson';
import { spearman } from '../../src/inference/spearman';
import { defineScale } from '../../src/scale/defineScale';
import { scales } from '../../src/scale/presets';

const scale = scales.daDegree4;
const fromIndices = (indices: number[]) =>
  likert(indices.map((i) => (i >= 0 ? scale.categories[i] : null)), scale);
const value = (i: number) => (i >= 0 && i < 4 ? i + 1 : null);

describe('correlations of two coded columns (cross-table path)', () => {
  it('are exact for integer codes: r is exactly -0.5 for x = 1, 1, 2 and y = 2, 1, 1', () => {
    // By hand: n·Sxy = 3·5 − 4·4 = −1, n·Sxx = n·Syy = 3·6 − 16 = 2, r = −1/√(2·2) = −0.5.
    expect(pearson(fromIndices([0, 0, 1]), fromIndices([1, 0, 0])).r).toBe(-0.5);
  });

  it('give Spearman on columns as on their numeric codes, ties averaged (property)', () => {
    const indices = fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 0, maxLength: 60 });
    fc.assert(
      fc.property(indices, indices, (a, b) => {
        const n = Math.min(a.length, b.length);
        const onColumns = spearman(fromIndices(a.slice(0, n)), fromIndices(b.slice(0, n)));
        const onNumbers = spearman(a.slice(0, n).map(value), b.slice(0, n).map(value));
        expect(onColumns.n).toBe(onNumbers.n);
        expect(onColumns.nExcluded).toBe(onNumbers.nExcluded);
        expect(onColumns.reason).toBe(onNumbers.reason);
        if (Number.isNaN(onNumbers.r)) expect(onColumns.r).toBeNaN();
        else expect(Math.abs(onColumns.r - onNumbers.r)).toBeLessThanOrEqual(4 * Number.EPSILON);
      }),
    );
  });

  it('fall back to double sums for non-integer codes and still match the respondent-level result', () => {
    const half = defineScale({ id: 'half', levels: ['a', 'b', 'c'], codes: [0.5, 1.25, 3] });
    const x = likert(['a', 'b', 'c', 'c', 'a', 'b'], half);
    const y = likert(['b', 'b', 'c', 'a', 'a', 'c'], half);
    const onNumbers = pearson([0.5, 1.25, 3, 3, 0.5, 1.25], [1.25, 1.25, 3, 0.5, 0.5, 3]);
    expect(Math.abs(pearson(x, y).r - onNumbers.r)).toBeLessThanOrEqual(4 * Number.EPSILON);
  });

  it('reject columns of different lengths', () => {
    expect(() => pearson(fromIndices([0, 1, 2]), fromIndices([0, 1]))).toThrow(/^pearson: x and y must have the same length/);
  });
});
