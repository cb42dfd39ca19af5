import { describe, expect, it } from 'vitest';
import { levenshtein } from '../../src/data/levenshtein';

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('i hoj grad', 'i høj grad')).toBe(1);
    expect(levenshtein('ved ik', 'ved ikke')).toBe(2);
  });

  it('is the length of the other string when one is empty', () => {
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', '')).toBe(3);
    expect(levenshtein('', '')).toBe(0);
  });

  it('returns limit + 1 as soon as the distance exceeds the limit', () => {
    expect(levenshtein('abc', 'abcdefgh', 2)).toBe(3);
    expect(levenshtein('aaaa', 'bbbb', 1)).toBe(2);
    expect(levenshtein('abcd', 'abce', 1)).toBe(1);
  });
});
