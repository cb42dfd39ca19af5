import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineScale } from '../../src/scale/defineScale';
import { scales } from '../../src/scale/presets';
import { reverseScale } from '../../src/scale/reverseScale';

describe('reverseScale', () => {
  it('lists the levels top first, so the old top level gets the lowest code', () => {
    const r = reverseScale(scales.daDegree4);
    expect(r.levels).toEqual(['I meget høj grad', 'I høj grad', 'I mindre grad', 'Slet ikke']);
    expect(r.codes).toEqual([1, 2, 3, 4]);
  });

  it('swaps agree and disagree and keeps neutral, non-substantive answers and aliases', () => {
    const r = reverseScale(scales.agree5);
    expect(r.agree).toEqual(['Disagree', 'Strongly disagree']);
    expect(r.disagree).toEqual(['Strongly agree', 'Agree']);
    expect(r.neutral).toBe('Neither agree nor disagree');
    expect(r.nonSubstantive).toEqual(["Don't know"]);
    expect(r.aliases).toEqual(scales.agree5.aliases);
  });

  it('re-indexes the levels in lookup and leaves the non-substantive indices alone', () => {
    const r = reverseScale(scales.daDegree4);
    expect(r.lookup['i meget høj grad']).toBe(0);
    expect(r.lookup['slet ikke']).toBe(3);
    expect(r.lookup['i hoej grad']).toBe(1);
    expect(r.lookup['ved ikke']).toBe(4);
    expect(r.categories).toEqual([...r.levels, 'Ved ikke', 'Ikke relevant']);
  });

  it('marks the result reversed and suffixes its id', () => {
    const r = reverseScale(scales.daDegree4);
    expect(r.reversed).toBe(true);
    expect(r.id).toBe('daDegree4:reversed');
  });

  it('mirrors unevenly spaced codes so that values reflect around the middle', () => {
    const s = defineScale({ id: 'x', levels: ['a', 'b', 'c', 'd'], codes: [0, 1, 5, 10] });
    const r = reverseScale(s);
    expect(r.codes).toEqual([0, 5, 9, 10]);
    // Level b was 1 and is now 10 - 1 = 9.
    expect(r.codes[r.levels.indexOf('b')]).toBe(9);
  });

  it('returns a frozen scale and leaves its input unchanged', () => {
    const before = JSON.stringify(scales.daDegree4);
    const r = reverseScale(scales.daDegree4);
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.levels)).toBe(true);
    expect(JSON.stringify(scales.daDegree4)).toBe(before);
  });

  it('gives back the original when applied twice, for every preset', () => {
    for (const scale of Object.values(scales)) expect(reverseScale(reverseScale(scale))).toEqual(scale);
  });

  it('gives back the original codes when applied twice, for any integer codes', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 12 }),
        (raw) => {
          const codes = [...raw].sort((a, b) => a - b);
          const levels = codes.map((_, i) => `level ${i}`);
          const s = defineScale({ id: 'p', levels, codes });
          const r = reverseScale(s);
          expect(r.codes.every((c, i) => i === 0 || c > (r.codes[i - 1] as number))).toBe(true);
          expect(reverseScale(r)).toEqual(s);
        },
      ),
    );
  });
});
