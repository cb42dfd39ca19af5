import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likert } from '../../src/data/likert';
import { INVALID, MISSING } from '../../src/data/types';
import { scales } from '../../src/scale/presets';

const d4 = scales.daDegree4;
const k = d4.levels.length;

/** Any cell a survey export might hold: labels, codes, numeric strings, missing and garbage. */
const cell = fc.oneof(
  fc.constantFrom(...d4.categories),
  fc.constantFrom(...d4.codes),
  fc.constantFrom('1', ' 2 ', '4'),
  fc.constantFrom(null, undefined, '', '  ', Number.NaN),
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.boolean(),
);

/** Re-spells a label: random case per character and random extra white space. */
const respelled = fc
  .tuple(fc.constantFrom(...d4.categories), fc.infiniteStream(fc.boolean()), fc.constantFrom('', ' ', '  ', '\t', '\u00A0'))
  .map(([label, flips, pad]) => {
    const it = flips[Symbol.iterator]();
    const cased = [...label].map((ch) => (it.next().value ? ch.toUpperCase() : ch.toLowerCase())).join('');
    return { label, spelling: `${pad}${cased.replaceAll(' ', ` ${pad}`)}${pad}` };
  });

describe('likert properties', () => {
  it('accounts for every cell: total = answered + missing + invalid and answered = substantive + nonSubstantive', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), (cells) => {
        const { n, codes } = likert(cells, d4, { unknown: 'missing' });
        expect(n.total).toBe(cells.length);
        expect(n.total).toBe(n.answered + n.missing + n.invalid);
        expect(n.answered).toBe(n.substantive + n.nonSubstantive);
        expect(codes.filter((c) => c === MISSING)).toHaveLength(n.missing);
        expect(codes.filter((c) => c === INVALID)).toHaveLength(n.invalid);
      }),
    );
  });

  it('keeps codes in range: a category index, MISSING or INVALID', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), fc.boolean(), (cells, reverse) => {
        const { codes } = likert(cells, d4, { unknown: 'missing', reverse });
        for (const c of codes) {
          expect(c === MISSING || c === INVALID || (c >= 0 && c < d4.categories.length)).toBe(true);
        }
      }),
    );
  });

  it('codes a label the same however its case and white space are spelled', () => {
    fc.assert(
      fc.property(fc.array(respelled, { minLength: 1, maxLength: 20 }), (pairs) => {
        const canonical = likert(pairs.map((p) => p.label), d4);
        const variant = likert(pairs.map((p) => p.spelling), d4);
        expect([...variant.codes]).toEqual([...canonical.codes]);
      }),
    );
  });

  it('reverses the values of substantive answers around the middle, and reversing twice gives them back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...d4.categories, null), { maxLength: 40 }), (cells) => {
        const plain = likert(cells, d4);
        const reversed = likert(cells, d4, { reverse: true });
        const twice = likert(cells, reversed.scale, { reverse: true });
        const first = d4.codes[0] as number;
        const last = d4.codes[k - 1] as number;
        plain.codes.forEach((c, i) => {
          const r = reversed.codes[i] as number;
          if (c >= 0 && c < k) {
            expect(reversed.scale.codes[r]).toBe(first + last - (d4.codes[c] as number));
            expect(twice.scale.codes[twice.codes[i] as number]).toBe(d4.codes[c]);
          } else {
            expect(r).toBe(c);
          }
        });
        expect(twice.scale).toEqual(d4);
      }),
    );
  });
});
