import { describe, expect, it } from 'vitest';
import { normalizeLabel } from '../../src/scale/normalizeLabel';
import { scales } from '../../src/scale/presets';

describe('scales', () => {
  it('is frozen, and so is every preset', () => {
    expect(Object.isFrozen(scales)).toBe(true);
    for (const scale of Object.values(scales)) {
      expect(Object.isFrozen(scale)).toBe(true);
      expect(Object.isFrozen(scale.lookup)).toBe(true);
    }
  });

  it('names each preset by its id', () => {
    for (const [name, scale] of Object.entries(scales)) expect(scale.id).toBe(name);
  });

  it('codes every preset 1…k with the top half as agree', () => {
    for (const scale of Object.values(scales)) {
      const k = scale.levels.length;
      expect(scale.codes).toEqual(Array.from({ length: k }, (_, i) => i + 1));
      expect(scale.agree).toEqual(scale.levels.slice(k - Math.floor(k / 2)));
      expect(scale.disagree).toEqual(scale.levels.slice(0, Math.floor(k / 2)));
    }
  });

  it('has daDegree4 as in the 2021 report: Slet ikke = 1 … I meget høj grad = 4, top-2 box, Ved ikke and Ikke relevant', () => {
    const s = scales.daDegree4;
    expect(s.levels).toEqual(['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad']);
    expect(s.agree).toEqual(['I høj grad', 'I meget høj grad']);
    expect(s.nonSubstantive).toEqual(['Ved ikke', 'Ikke relevant']);
    expect(s.neutral).toBeNull();
  });

  it('has daChallenge4 from Slet ingen udfordringer to Meget store udfordringer, with Ved ikke', () => {
    const s = scales.daChallenge4;
    expect(s.levels).toEqual([
      'Slet ingen udfordringer',
      'Mindre udfordringer',
      'Ret store udfordringer',
      'Meget store udfordringer',
    ]);
    expect(s.agree).toEqual(['Ret store udfordringer', 'Meget store udfordringer']);
    expect(s.nonSubstantive).toEqual(['Ved ikke']);
  });

  it('has daDegree5 as in the 2024/25 survey, neutral I nogen grad and no don’t-know', () => {
    const s = scales.daDegree5;
    expect(s.levels).toEqual(['I meget lav grad', 'I lav grad', 'I nogen grad', 'I høj grad', 'I meget høj grad']);
    expect(s.neutral).toBe('I nogen grad');
    expect(s.nonSubstantive).toEqual([]);
  });

  it('has agree5 with the middle as neutral and Don’t know', () => {
    const s = scales.agree5;
    expect(s.levels[0]).toBe('Strongly disagree');
    expect(s.levels[4]).toBe('Strongly agree');
    expect(s.neutral).toBe('Neither agree nor disagree');
    expect(s.nonSubstantive).toEqual(["Don't know"]);
  });

  it('has the other Danish and English presets with their non-substantive answers', () => {
    expect(scales.daAgree5.levels).toEqual([
      'Helt uenig',
      'Overvejende uenig',
      'Hverken enig eller uenig',
      'Overvejende enig',
      'Helt enig',
    ]);
    expect(scales.daAgree5.neutral).toBe('Hverken enig eller uenig');
    expect(scales.daAgree5.nonSubstantive).toEqual(['Ved ikke']);
    expect(scales.agree4.levels).toEqual(['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree']);
    expect(scales.degree4.levels).toEqual(['Not at all', 'To a small extent', 'To a large extent', 'To a very large extent']);
    expect(scales.degree4.nonSubstantive).toEqual(["Don't know", 'Not relevant']);
    expect(scales.daSatisfaction5.neutral).toBe('Hverken tilfreds eller utilfreds');
    expect(scales.satisfaction5.neutral).toBe('Neither satisfied nor dissatisfied');
  });

  it('accepts the documented aliases', () => {
    const index = (scale: { lookup: Readonly<Record<string, number>> }, spelling: string) =>
      scale.lookup[normalizeLabel(spelling)];
    expect(index(scales.daDegree4, 'I hoej grad')).toBe(2);
    expect(index(scales.daDegree5, 'I meget hoej grad')).toBe(4);
    expect(index(scales.agree5, 'Dont know')).toBe(5);
    expect(index(scales.agree5, 'Neither agree or disagree')).toBe(2);
    expect(index(scales.degree4, 'Do not know')).toBe(4);
  });
});
