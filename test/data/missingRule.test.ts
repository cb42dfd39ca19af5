import { describe, expect, it } from 'vitest';
import { likert } from '../../src/data/likert';
import { isMissingValue } from '../../src/data/missing';
import { sizeGroups, medianSplit } from '../../src/data/sizeGroups';
import { oneWayAnova } from '../../src/inference/oneWayAnova';
import { pearson } from '../../src/inference/pearson';
import { scales } from '../../src/scale/presets';

// One missing rule (isMissingValue) wherever a cell can be missing: null, undefined, NaN, and
// text that is empty, white space or invisible characters only (zero-width space U+200B, soft
// hyphen U+00AD, no-break space U+00A0, byte-order mark U+FEFF).
const blanks = ['', '   ', '\u200B', '\u00AD', '\u00A0\uFEFF'] as const;

describe('the numeric inference functions read missing with the shared rule', () => {
  it('pearson leaves out pairs with a blank or invisible-only cell, as it does null', () => {
    // Rows 0–3 are complete; row 4 is blank in x, so r uses rows 0–3 only: x = 1, 2, 3, 4 and y = 2, 4, 5, 9.
    for (const blank of blanks) {
      const withBlank = pearson([1, 2, 3, 4, blank as never], [2, 4, 5, 9, 7]);
      const withNull = pearson([1, 2, 3, 4, null], [2, 4, 5, 9, 7]);
      expect(withBlank.n).toBe(4);
      expect(withBlank.r).toBe(withNull.r);
    }
  });

  it('pearson still refuses text that is not blank, naming the function', () => {
    expect(() => pearson([1, 2, 'x' as never], [1, 2, 3])).toThrow(/^pearson: x\[2\] must be a finite number or missing/);
  });

  it('oneWayAnova skips rows with a blank or invisible-only value or group', () => {
    for (const blank of blanks) {
      const result = oneWayAnova([1, 2, 3, 4, blank as never, 5], ['a', 'a', 'b', 'b', 'a', blank as never]);
      expect(result.nMissing).toBe(2);
      expect(result.groups.map((g) => [g.group, g.n])).toEqual([
        ['a', 2],
        ['b', 2],
      ]);
    }
  });
});

describe('sizeGroups and medianSplit read missing with the shared rule', () => {
  it('gives null to a blank value and counts it missing instead of refusing it', () => {
    const result = sizeGroups([10, '' as never, 60, '\u200B' as never], { breaks: [50] });
    expect(result.groups).toEqual(['under 50', null, '50 and over', null]);
    expect(result.missing).toBe(2);
    expect(medianSplit([10, ' ' as never, 30]).missing).toBe(1);
  });

  it('still refuses text that is not blank', () => {
    expect(() => sizeGroups([10, 'ti' as never], { breaks: [50] })).toThrow(/^sizeGroups: values\[1\] is "ti", not a number/);
  });
});

describe('likert counts exactly the cells isMissingValue calls missing', () => {
  it('agrees with isMissingValue on blanks, NaN, null, undefined and answers', () => {
    const cells = [...blanks, NaN, null, undefined, 'Ved ikke', 'I høj grad', 3, '0x'];
    const column = likert(cells, scales.daDegree4, { unknown: 'missing' });
    const expected = cells.filter((cell) => isMissingValue(cell)).length;
    expect(expected).toBe(8);
    expect(column.n.missing).toBe(expected);
    expect(column.n.invalid).toBe(1);
  });
});
