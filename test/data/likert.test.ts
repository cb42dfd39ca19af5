import { describe, expect, it } from 'vitest';
import { LikertInputError } from '../../src/data/errors';
import { likert, safeLikert } from '../../src/data/likert';
import { INVALID, MISSING } from '../../src/data/types';
import { defineScale } from '../../src/scale/defineScale';
import { scales } from '../../src/scale/presets';

const d4 = scales.daDegree4;

/** Runs `likert` and returns the LikertInputError it throws. */
function unknownError(run: () => unknown): LikertInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LikertInputError);
    return error as LikertInputError;
  }
  throw new Error('likert did not throw');
}

describe('likert', () => {
  it('codes labels as category indices, lowest level 0 and non-substantive answers after the levels', () => {
    const column = likert(
      ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad', 'Ved ikke', 'Ikke relevant'],
      d4,
    );
    expect([...column.codes]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(column.kind).toBe('likert-column');
    expect(column.scale).toBe(d4);
    expect(column.codes).toBeInstanceOf(Int8Array);
    expect(column.n).toEqual({ total: 6, answered: 6, substantive: 4, missing: 0, invalid: 0, nonSubstantive: 2 });
  });

  it('gives an empty column for empty input', () => {
    const column = likert([], d4);
    expect(column.codes).toHaveLength(0);
    expect(column.n).toEqual({ total: 0, answered: 0, substantive: 0, missing: 0, invalid: 0, nonSubstantive: 0 });
  });

  it('codes a single response (n = 1)', () => {
    const column = likert(['I høj grad'], d4);
    expect([...column.codes]).toEqual([2]);
    expect(column.n.substantive).toBe(1);
  });

  it('codes null, undefined, NaN, the empty string and white space as missing', () => {
    const column = likert([null, undefined, Number.NaN, '', '   ', '\t\n', '\u00A0', '\u200B'], d4);
    expect([...column.codes]).toEqual(Array(8).fill(MISSING));
    expect(column.n).toEqual({ total: 8, answered: 0, substantive: 0, missing: 8, invalid: 0, nonSubstantive: 0 });
  });

  it('counts holes in sparse arrays as missing', () => {
    // eslint-disable-next-line no-sparse-arrays
    const column = likert(['I høj grad', , 'Slet ikke'], d4);
    expect([...column.codes]).toEqual([2, MISSING, 0]);
  });

  it('matches labels regardless of case and white space', () => {
    const column = likert(['  i HØJ   grad ', 'SLET IKKE', 'ved\tikke'], d4);
    expect([...column.codes]).toEqual([2, 0, 4]);
  });

  it('matches labels with typographic quotes', () => {
    const column = likert(['Don’t know', 'Don‘t know', 'Don´t know', "Don't know"], scales.agree5);
    expect([...column.codes]).toEqual([5, 5, 5, 5]);
  });

  it('matches labels after NFKC: full-width letters, no-break spaces and decomposed letters', () => {
    expect([...likert(['Ｓｌｅｔ ｉｋｋｅ', 'I\u00A0høj\u00A0grad', 'Ｉ ｍｅｇｅｔ ｈøｊ ｇｒａｄ'], d4).codes]).toEqual([0, 2, 3]);
    const s = defineScale({ id: 'x', levels: ['Nej', 'Måske', 'Ja'] });
    expect([...likert(['Ma\u030Aske', 'M\u00E5ske', 'MA\u030ASKE'], s).codes]).toEqual([1, 1, 1]);
  });

  it('matches aliases', () => {
    const s = defineScale({ id: 'x', levels: ['Nej', 'Ja'], aliases: { N: 'Nej', J: 'Ja', Yes: 'Ja' } });
    expect([...likert(['n', 'J', 'yes', 'Ja'], s).codes]).toEqual([0, 1, 1, 1]);
    expect([...likert(['I hoej grad'], d4).codes]).toEqual([2]);
  });

  it('accepts a number equal to one of the codes as that level', () => {
    expect([...likert([1, 2, 3, 4], d4).codes]).toEqual([0, 1, 2, 3]);
  });

  it('accepts numeric strings, with white space or full-width digits, equal to one of the codes', () => {
    expect([...likert(['3', ' 4 ', '1.0', '４', '+2'], d4).codes]).toEqual([2, 3, 0, 3, 1]);
  });

  it('uses custom codes to read numbers', () => {
    const s = defineScale({ id: 'x', levels: ['lav', 'mellem', 'høj'], codes: [-1, 0, 1] });
    expect([...likert([-1, '0', 1, -0], s).codes]).toEqual([0, 1, 2, 1]);
  });

  it('accepts typed arrays, array-likes and iterables', () => {
    expect([...likert(new Float64Array([1, Number.NaN, 4]), d4).codes]).toEqual([0, MISSING, 3]);
    expect([...likert({ length: 2, 0: 'Ved ikke', 1: 2 }, d4).codes]).toEqual([4, 1]);
    expect([...likert(new Set(['I høj grad', null]), d4).codes]).toEqual([2, MISSING]);
    function* answers() {
      yield 'Slet ikke';
      yield 3;
    }
    expect([...likert(answers(), d4).codes]).toEqual([0, 2]);
  });

  it('does not mutate a frozen input array', () => {
    const input = Object.freeze(['I høj grad', ' ved ikke ', null, 3]);
    const copy = [...input];
    likert(input, d4);
    expect(input).toEqual(copy);
  });

  it('returns a frozen column whose counts add up', () => {
    const column = likert(['I høj grad', 'Ved ikke', null, 'x'], d4, { unknown: 'missing' });
    expect(Object.isFrozen(column)).toBe(true);
    expect(Object.isFrozen(column.n)).toBe(true);
    const { total, answered, substantive, missing, invalid, nonSubstantive } = column.n;
    expect(total).toBe(answered + missing + invalid);
    expect(answered).toBe(substantive + nonSubstantive);
  });

  it('carries the item label when one is given, and has no label key otherwise', () => {
    expect(likert(['I høj grad'], d4, { label: 'Q1 Udfordringer' }).label).toBe('Q1 Udfordringer');
    expect('label' in likert(['I høj grad'], d4)).toBe(false);
  });

  describe('unknown values', () => {
    it('throws one LikertInputError listing every distinct unknown value with its count and positions', () => {
      const error = unknownError(() =>
        likert(['I høj grad', 'Måske', 'I hoj grad', 'Måske', 7, 'I hoj grad', true], d4),
      );
      expect(error.name).toBe('LikertInputError');
      expect(error).toBeInstanceOf(Error);
      expect(error.scaleId).toBe('daDegree4');
      expect(error.issues).toEqual([
        { value: 'Måske', count: 2, positions: [1, 3] },
        { value: 'I hoj grad', count: 2, positions: [2, 5], suggestion: 'I høj grad' },
        { value: 7, count: 1, positions: [4] },
        { value: true, count: 1, positions: [6] },
      ]);
    });

    it('says in the message what is unknown, where, and what to do', () => {
      const error = unknownError(() => likert(['I høj grad', 'I hoj grad', 'Måske', 9], d4, { label: 'Q7' }));
      expect(error.message).toMatch(/^likert: 3 unknown values in 4 responses for item "Q7" \(scale "daDegree4"/);
      expect(error.message).toContain('"I hoj grad": 1 time, row 1; did you mean "I høj grad"?');
      expect(error.message).toContain('defineScale({ aliases: { "I hoj grad": "I høj grad" } })');
      expect(error.message).toContain('"Måske": 1 time, row 2; add it as an alias in defineScale({ aliases })');
      expect(error.message).toContain("pass { unknown: 'missing' }");
      expect(error.message).toContain('9: 1 time, row 3; not one of the codes 1, 2, 3, 4');
    });

    it('keeps only the first 5 positions of a value, but its full count', () => {
      const error = unknownError(() => likert(Array(12).fill('nope'), d4));
      expect(error.issues).toEqual([{ value: 'nope', count: 12, positions: [0, 1, 2, 3, 4] }]);
      expect(error.message).toContain('12 times, rows 0, 1, 2, 3, 4, …');
    });

    it('suggests a label only when it is reasonably close', () => {
      const error = unknownError(() => likert(['slet ik', 'Ved ik', 'completely different', 'ja'], d4));
      expect(error.issues.map((u) => u.suggestion)).toEqual(['Slet ikke', 'Ved ikke', undefined, undefined]);
    });

    it('treats numbers and numeric strings that are not codes as unknown', () => {
      const error = unknownError(() => likert([0, 5, '5', 2.5, Infinity], d4));
      expect(error.issues.map((u) => u.value)).toEqual([0, 5, '5', 2.5, Infinity]);
    });

    it('spells out at most 50 values in the message but lists all of them on the error', () => {
      const values = Array.from({ length: 60 }, (_, i) => `garbage ${i}`);
      const error = unknownError(() => likert(values, d4));
      expect(error.issues).toHaveLength(60);
      expect(error.message).toContain('… and 10 more (see error.issues)');
    });

    it('codes unknown values as INVALID and counts them under unknown: "missing"', () => {
      const column = likert(['I høj grad', 'Måske', null, 42, {}], d4, { unknown: 'missing' });
      expect([...column.codes]).toEqual([2, INVALID, MISSING, INVALID, INVALID]);
      expect(column.n).toEqual({ total: 5, answered: 1, substantive: 1, missing: 1, invalid: 3, nonSubstantive: 0 });
    });
  });

  describe('reverse', () => {
    it('codes against the reversed scale', () => {
      const column = likert(['Slet ikke', 'I meget høj grad', 'Ved ikke', 1], d4, { reverse: true });
      expect(column.scale.id).toBe('daDegree4:reversed');
      expect(column.scale.reversed).toBe(true);
      expect([...column.codes]).toEqual([3, 0, 4, 3]);
      // Slet ikke now carries the highest value.
      expect(column.scale.codes[column.codes[0] as number]).toBe(4);
    });

    it('reads numeric codes with the scale as passed, so 1 is still Slet ikke and is worth 4 after reversing', () => {
      const column = likert([1, '4'], d4, { reverse: true });
      const levels = [...column.codes].map((c) => column.scale.levels[c]);
      expect(levels).toEqual(['Slet ikke', 'I meget høj grad']);
      expect([...column.codes].map((c) => column.scale.codes[c])).toEqual([4, 1]);
    });
  });

  describe('argument checks', () => {
    it('rejects responses that are not an array-like or iterable', () => {
      expect(() => likert('I høj grad' as never, d4)).toThrow(/^likert: responses must be an array/);
      expect(() => likert(42 as never, d4)).toThrow(TypeError);
      expect(() => likert(null as never, d4)).toThrow(TypeError);
    });

    it('rejects something that is not a scale', () => {
      expect(() => likert([], {} as never)).toThrow(/^likert: scale must be a scale from defineScale/);
    });

    it('rejects unknown options values', () => {
      expect(() => likert([], d4, { unknown: 'skip' as never })).toThrow(RangeError);
      expect(() => likert([], d4, { unknown: 'skip' as never })).toThrow(/^likert: unknown unknown mode "skip"/);
      expect(() => likert([], d4, { reverse: 'yes' as never })).toThrow(/^likert: reverse must be true or false/);
      expect(() => likert([], d4, { label: 1 as never })).toThrow(/^likert: label must be a string/);
      expect(() => likert([], d4, 'missing' as never)).toThrow(/^likert: options must be an object/);
    });
  });
});

describe('safeLikert', () => {
  it('returns the column when every value is known', () => {
    const result = safeLikert(['I høj grad', null], d4);
    expect(result.ok).toBe(true);
    if (result.ok) expect([...result.column.codes]).toEqual([2, MISSING]);
  });

  it('returns the unknown values as { ok: false, issues }, the shape safeSurvey returns', () => {
    const result = safeLikert(['I høj grad', 'Maybe'], d4);
    expect(result).toEqual({ ok: false, issues: [{ value: 'Maybe', count: 1, positions: [1] }] });
  });

  it('puts the same values on the thrown LikertInputError as issues', () => {
    let caught: unknown;
    try {
      likert(['I høj grad', 'Maybe'], d4);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LikertInputError);
    expect((caught as LikertInputError).issues).toEqual([{ value: 'Maybe', count: 1, positions: [1] }]);
  });

  it('still throws for a programming mistake', () => {
    expect(() => safeLikert([], null as never)).toThrow(/^safeLikert: scale must be/);
  });
});
