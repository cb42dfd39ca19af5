import { describe, expect, it } from 'vitest';
import { significanceStars, type StarThreshold } from '../../src/inference/significanceStars';
import { readFixture } from './fixtures';

const reference = readFixture<{
  cases: { id: string; input: { p: number[] }; expected: { default: string[]; apa: string[] } }[];
}>('reference-cases.json');

describe('significanceStars', () => {
  it('meets reference case significance_stars_boundaries under both schemes', () => {
    const c = reference.cases.find((k) => k.id === 'significance_stars_boundaries')!;
    expect(c.input.p.map((p) => significanceStars(p))).toEqual(c.expected.default);
    expect(c.input.p.map((p) => significanceStars(p, 'default'))).toEqual(c.expected.default);
    expect(c.input.p.map((p) => significanceStars(p, 'apa'))).toEqual(c.expected.apa);
  });

  it('uses a strict < at every threshold: p exactly 0.01, 0.05 and 0.1 fall to the weaker marker', () => {
    expect(significanceStars(0.01)).toBe('**');
    expect(significanceStars(0.05)).toBe('*');
    expect(significanceStars(0.1)).toBe('');
    expect(significanceStars(0.001, 'apa')).toBe('**');
    expect(significanceStars(0.01, 'apa')).toBe('*');
    expect(significanceStars(0.05, 'apa')).toBe('');
  });

  it('gives the strongest marker at p = 0 and none at p = 1', () => {
    expect(significanceStars(0)).toBe('***');
    expect(significanceStars(1)).toBe('');
    expect(significanceStars(0, 'apa')).toBe('***');
  });

  it('gives an empty string for NaN (an undefined test)', () => {
    expect(significanceStars(NaN)).toBe('');
    expect(significanceStars(NaN, 'apa')).toBe('');
  });

  it('accepts custom thresholds in any order, the smallest matching threshold winning', () => {
    const scheme: StarThreshold[] = [
      { below: 0.1, stars: '†' },
      { below: 0.001, stars: '***' },
      { below: 0.05, stars: '*' },
    ];
    expect(significanceStars(0.0005, scheme)).toBe('***');
    expect(significanceStars(0.001, scheme)).toBe('*');
    expect(significanceStars(0.07, scheme)).toBe('†');
    expect(significanceStars(0.1, scheme)).toBe('');
    expect(significanceStars(0.5, [])).toBe('');
    expect(significanceStars(1, [{ below: 1, stars: 'x' }])).toBe('');
  });

  describe('validation', () => {
    const cases: [string, () => unknown, ErrorConstructor, RegExp][] = [
      ['p below 0', () => significanceStars(-0.01), RangeError, /p must be a p-value in \[0, 1\]/],
      ['p above 1', () => significanceStars(1.01), RangeError, /p must be a p-value/],
      ['p = Infinity', () => significanceStars(Infinity), RangeError, /p must be a p-value/],
      ['a string p', () => significanceStars('0.01' as unknown as number), TypeError, /p must be a number/],
      ['an unknown scheme', () => significanceStars(0.01, 'stata' as 'apa'), RangeError, /unknown star scheme "stata"/],
      [
        'a threshold above 1',
        () => significanceStars(0.01, [{ below: 5, stars: '*' }]),
        RangeError,
        /threshold 0 needs 'below' as a number in \(0, 1\]/,
      ],
      [
        'a threshold of 0',
        () => significanceStars(0.01, [{ below: 0, stars: '*' }]),
        RangeError,
        /threshold 0 needs 'below'/,
      ],
      [
        'a non-string marker',
        () => significanceStars(0.01, [{ below: 0.05, stars: 3 as unknown as string }]),
        TypeError,
        /threshold 0 needs 'stars' as a string/,
      ],
      [
        'a repeated threshold',
        () =>
          significanceStars(0.01, [
            { below: 0.05, stars: '*' },
            { below: 0.05, stars: '**' },
          ]),
        RangeError,
        /share below = 0.05/,
      ],
      [
        'a threshold that is not an object',
        () => significanceStars(0.01, [null as unknown as StarThreshold]),
        TypeError,
        /threshold 0 must be an object/,
      ],
    ];
    for (const [what, call, type, pattern] of cases) {
      it(`throws a ${type.name} starting with "significanceStars:" for ${what}`, () => {
        expect(call).toThrow(type);
        expect(call).toThrow(/^significanceStars: /);
        expect(call).toThrow(pattern);
      });
    }
  });
});
