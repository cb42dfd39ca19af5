import { describe, expect, it } from 'vitest';
import { defineScale } from '../../src/scale/defineScale';
import { likert } from '../../src/data/likert';
import { scales } from '../../src/scale/presets';
import { reverseScale } from '../../src/scale/reverseScale';

const degreeLevels = ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'] as const;

/** Returns the message defineScale throws for `options`. */
function problem(options: unknown): string {
  try {
    defineScale(options as Parameters<typeof defineScale>[0]);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error('defineScale did not throw');
}

describe('defineScale', () => {
  it('defaults codes to 1…k, agree to the top half and disagree to the bottom half', () => {
    const s = defineScale({ id: 'd4', levels: [...degreeLevels], nonSubstantive: ['Ved ikke'] });
    expect(s.codes).toEqual([1, 2, 3, 4]);
    expect(s.agree).toEqual(['I høj grad', 'I meget høj grad']);
    expect(s.disagree).toEqual(['Slet ikke', 'I mindre grad']);
    expect(s.neutral).toBeNull();
    expect(s.reversed).toBe(false);
  });

  it('takes the top 2 and bottom 2 of 5 levels by default, leaving the middle out', () => {
    const s = defineScale({ id: 'x', levels: ['a', 'b', 'c', 'd', 'e'], neutral: 'c' });
    expect(s.agree).toEqual(['d', 'e']);
    expect(s.disagree).toEqual(['a', 'b']);
    expect(s.neutral).toBe('c');
  });

  it('mirrors a given agree box into the default disagree box, and vice versa', () => {
    const top1 = defineScale({ id: 'x', levels: ['a', 'b', 'c', 'd', 'e'], agree: ['e'] });
    expect(top1.disagree).toEqual(['a']);
    const bottom1 = defineScale({ id: 'x', levels: ['a', 'b', 'c', 'd', 'e'], disagree: ['a'] });
    expect(bottom1.agree).toEqual(['e']);
  });

  it('stores agree and disagree in level order whatever order they are given in', () => {
    const s = defineScale({ id: 'x', levels: ['a', 'b', 'c', 'd'], agree: ['d', 'c'], disagree: ['b', 'a'] });
    expect(s.agree).toEqual(['c', 'd']);
    expect(s.disagree).toEqual(['a', 'b']);
  });

  it('lists the levels then the non-substantive answers as categories', () => {
    const s = defineScale({ id: 'x', levels: ['a', 'b'], nonSubstantive: ['Ved ikke', 'Ikke relevant'] });
    expect(s.categories).toEqual(['a', 'b', 'Ved ikke', 'Ikke relevant']);
  });

  it('maps the normalised spelling of every label and alias to its category index', () => {
    const s = defineScale({
      id: 'x',
      levels: ['Disagree', 'Agree'],
      nonSubstantive: ["Don't know"],
      aliases: { 'Dont  KNOW': "Don't know", 'Enig': 'Agree' },
    });
    expect(s.lookup).toEqual({ disagree: 0, agree: 1, "don't know": 2, 'dont know': 2, enig: 1 });
    expect(s.aliases).toEqual({ 'dont know': "Don't know", enig: 'Agree' });
  });

  it('accepts custom codes that are finite and strictly increasing', () => {
    const s = defineScale({ id: 'x', levels: ['a', 'b', 'c'], codes: [-1, 0, 2.5] });
    expect(s.codes).toEqual([-1, 0, 2.5]);
  });

  it('returns a deeply frozen, JSON-serialisable plain object', () => {
    const s = defineScale({ id: 'x', levels: ['a', 'b'], nonSubstantive: ['n'], aliases: { A2: 'a' } });
    expect(Object.isFrozen(s)).toBe(true);
    for (const part of [s.levels, s.codes, s.agree, s.disagree, s.nonSubstantive, s.aliases, s.categories, s.lookup]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
  });

  it('does not keep references to the caller’s arrays', () => {
    const levels = ['a', 'b'];
    const s = defineScale({ id: 'x', levels });
    levels.push('c');
    expect(s.levels).toEqual(['a', 'b']);
  });

  it('accepts an alias that repeats a label’s own spelling for the same label', () => {
    const s = defineScale({ id: 'x', levels: ['a', 'b'], aliases: { ' A ': 'a' } });
    expect(s.lookup).toEqual({ a: 0, b: 1 });
  });

  it('accepts exactly 127 categories and rejects 128', () => {
    const labels = (n: number) => Array.from({ length: n }, (_, i) => `level ${i}`);
    expect(defineScale({ id: 'x', levels: labels(127) }).categories).toHaveLength(127);
    expect(problem({ id: 'x', levels: labels(100), nonSubstantive: labels(128).slice(100) })).toMatch(
      /at most 127 categories .* got 128/,
    );
  });

  describe('validation', () => {
    it('starts its message with "defineScale:" and lists every problem at once', () => {
      const message = problem({ id: '', levels: ['a'], codes: [1, 2] });
      expect(message.startsWith('defineScale:')).toBe(true);
      expect(message).toMatch(/id must be a non-empty string/);
      expect(message).toMatch(/at least 2 labels/);
      expect(message).toMatch(/codes must have one number per level: 1 levels but 2 codes/);
    });

    it('rejects a missing options object', () => {
      expect(problem(undefined)).toMatch(/^defineScale: expected an options object/);
    });

    it('rejects levels that are not an array', () => {
      expect(problem({ id: 'x', levels: 'a,b' })).toMatch(/levels must be an array of labels/);
    });

    it('rejects blank labels and labels that are not strings', () => {
      expect(problem({ id: 'x', levels: ['a', '  ', 'c'] })).toMatch(/levels\[1\] is blank/);
      expect(problem({ id: 'x', levels: ['a', 3] })).toMatch(/levels\[1\] must be a string label, got 3/);
      expect(problem({ id: 'x', levels: ['a', 'b'], nonSubstantive: [''] })).toMatch(/nonSubstantive\[0\] is blank/);
    });

    it('rejects a label listed twice', () => {
      expect(problem({ id: 'x', levels: ['a', 'b', 'a'] })).toMatch(/label "a" appears twice/);
    });

    it('rejects labels that differ only in case, spacing or quotes', () => {
      expect(problem({ id: 'x', levels: ['Ved ikke', 'VED  IKKE '] })).toMatch(
        /labels "Ved ikke" and "VED  IKKE " are the same after normalisation \("ved ikke"\)/,
      );
      expect(problem({ id: 'x', levels: ["Don't", 'Don’t'] })).toMatch(/same after normalisation/);
    });

    it('rejects a non-substantive label that clashes with a level', () => {
      expect(problem({ id: 'x', levels: ['a', 'b'], nonSubstantive: ['B'] })).toMatch(
        /labels "b" and "B" are the same after normalisation/,
      );
    });

    it('rejects an alias whose spelling is another label', () => {
      expect(problem({ id: 'x', levels: ['a', 'b'], aliases: { B: 'a' } })).toMatch(
        /alias "B" → "a" clashes with "b" → "b"/,
      );
    });

    it('rejects two aliases that read the same but point to different labels', () => {
      expect(problem({ id: 'x', levels: ['a', 'b'], aliases: { zz: 'a', ZZ: 'b' } })).toMatch(
        /alias "ZZ" → "b" clashes with "zz" → "a"/,
      );
    });

    it('rejects an alias that points to something that is not a label', () => {
      expect(problem({ id: 'x', levels: ['a', 'b'], aliases: { z: 'c' } })).toMatch(
        /alias "z" points to "c", which is not a label of the scale/,
      );
      expect(problem({ id: 'x', levels: ['a', 'b'], aliases: { ' ': 'a' } })).toMatch(/alias " " is blank/);
      expect(problem({ id: 'x', levels: ['a', 'b'], aliases: ['a'] })).toMatch(/aliases must be an object/);
    });

    it('rejects codes that are not finite', () => {
      expect(problem({ id: 'x', levels: ['a', 'b'], codes: [1, Infinity] })).toMatch(
        /codes\[1\] must be a finite number, got Infinity/,
      );
      expect(problem({ id: 'x', levels: ['a', 'b'], codes: [Number.NaN, 2] })).toMatch(/codes\[0\] must be a finite number/);
      expect(problem({ id: 'x', levels: ['a', 'b'], codes: '12' })).toMatch(/codes must be an array of numbers/);
    });

    it('rejects codes that are not strictly increasing', () => {
      expect(problem({ id: 'x', levels: ['a', 'b', 'c'], codes: [1, 2, 2] })).toMatch(
        /strictly increasing .* codes\[1\] = 2 and codes\[2\] = 2/,
      );
      expect(problem({ id: 'x', levels: ['a', 'b'], codes: [2, 1] })).toMatch(/strictly increasing/);
    });

    it('rejects agree, disagree or neutral naming something that is not a level', () => {
      expect(problem({ id: 'x', levels: [...degreeLevels], agree: ['I hoej grad'] })).toMatch(
        /agree names "I hoej grad", which is not one of the levels/,
      );
      expect(problem({ id: 'x', levels: ['a', 'b'], nonSubstantive: ['n'], disagree: ['n'] })).toMatch(
        /disagree names "n", which is not one of the levels/,
      );
      expect(problem({ id: 'x', levels: ['a', 'b', 'c'], neutral: 'B' })).toMatch(/neutral "B" is not one of the levels/);
      expect(problem({ id: 'x', levels: ['a', 'b'], agree: 'b' })).toMatch(/agree must be an array/);
      expect(problem({ id: 'x', levels: ['a', 'b'], agree: ['b', 'b'] })).toMatch(/agree lists "b" twice/);
    });

    it('rejects agree and disagree that overlap', () => {
      expect(problem({ id: 'x', levels: ['a', 'b', 'c'], agree: ['b', 'c'], disagree: ['a', 'b'] })).toMatch(
        /agree and disagree overlap in "b"/,
      );
    });

    it('rejects a neutral level inside agree or disagree', () => {
      expect(problem({ id: 'x', levels: ['a', 'b', 'c'], neutral: 'b', agree: ['b', 'c'], disagree: ['a'] })).toMatch(
        /the neutral level "b" is in agree; remove it from there/,
      );
      expect(problem({ id: 'x', levels: ['a', 'b', 'c', 'd'], neutral: 'b' })).toMatch(
        /the neutral level "b" is in disagree; pass agree and disagree explicitly/,
      );
    });
  });
});

describe('scale lookups hold only the scale’s own spellings', () => {
  it('an Object member name is not a spelling of a preset or a defined scale', () => {
    for (const scale of [scales.daDegree4, reverseScale(scales.daDegree4)]) {
      expect(scale.lookup['constructor']).toBeUndefined();
      expect(scale.lookup['toString']).toBeUndefined();
      expect(scale.lookup['__proto__']).toBeUndefined();
    }
  });

  it('a label spelt like an Object member is looked up like any other', () => {
    const odd = defineScale({ id: 'odd', levels: ['constructor', 'toString', '__proto__'] });
    expect(odd.lookup['constructor']).toBe(0);
    expect(odd.lookup['__proto__']).toBe(2);
    expect(Object.keys(odd.lookup)).toEqual(['constructor', 'tostring', '__proto__']);
    expect([...likert(['__proto__', 'TOSTRING', 'constructor'], odd).codes]).toEqual([2, 1, 0]);
  });
});
