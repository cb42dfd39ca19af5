import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLabel } from '../../src/scale/normalizeLabel';

describe('normalizeLabel', () => {
  it('trims and collapses inner white space to one space', () => {
    expect(normalizeLabel('  I   meget \t høj\n grad  ')).toBe('i meget høj grad');
  });

  it('treats the no-break space and other Unicode spaces as white space', () => {
    expect(normalizeLabel('I\u00A0høj\u2009grad\u3000')).toBe('i høj grad');
  });

  it('lower-cases the label', () => {
    expect(normalizeLabel('VED IKKE')).toBe('ved ikke');
    expect(normalizeLabel('ÆØÅ')).toBe('æøå');
  });

  it('folds full-width letters and digits with NFKC', () => {
    expect(normalizeLabel('Ｖｅｄ ｉｋｋｅ')).toBe('ved ikke');
    expect(normalizeLabel('３')).toBe('3');
  });

  it('composes decomposed Danish letters with NFKC', () => {
    expect(normalizeLabel('I ho\u0308j grad')).toBe(normalizeLabel('I höj grad'));
    expect(normalizeLabel('pa\u030A')).toBe('på');
  });

  it('turns typographic apostrophes and single quotes into a plain apostrophe', () => {
    for (const q of ['\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4', '\u02BC']) {
      expect(normalizeLabel(`Don${q}t know`), `U+${q.codePointAt(0)!.toString(16)}`).toBe("don't know");
    }
  });

  it('turns typographic double quotes and guillemets into a plain double quote', () => {
    for (const q of ['\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB']) {
      expect(normalizeLabel(`sagt ${q}ja${q}`), `U+${q.codePointAt(0)!.toString(16)}`).toBe('sagt "ja"');
    }
  });

  it('turns en and em dashes, other hyphens and the minus sign into a hyphen-minus', () => {
    expect(normalizeLabel('Ja \u2013 måske \u2014 nej \u2212 1\u20102')).toBe('ja - måske - nej - 1-2');
  });

  it('removes soft hyphens and zero-width characters', () => {
    expect(normalizeLabel('Ved\u00AD ik\u200Bke\uFEFF')).toBe('ved ikke');
  });

  it('gives an empty string for blank text', () => {
    expect(normalizeLabel('')).toBe('');
    expect(normalizeLabel(' \t\u00A0\n ')).toBe('');
  });

  it('keeps ß and accents, as documented', () => {
    expect(normalizeLabel('Straße')).toBe('straße');
    expect(normalizeLabel('høj')).not.toBe(normalizeLabel('hoej'));
  });

  it('is idempotent on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const once = normalizeLabel(s);
        expect(normalizeLabel(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
