import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnAlign,
  formatCell,
  formatCorrelation,
  formatNumber,
  formatP,
  formatPercent,
} from '../../src/report/format';
import { scaleLabels, translateLabel } from '../../src/report/labels';
import { roundHalfUp } from '../../src/report/rounding';
import { scales } from '../../src/scale/presets';

describe('formatNumber', () => {
  it('writes a Danish thousands dot and an English thousands comma (60828 inhabitants)', () => {
    expect(formatNumber(60828)).toBe('60.828');
    expect(formatNumber(60828, { lang: 'da' })).toBe('60.828');
    expect(formatNumber(60828, { lang: 'en' })).toBe('60,828');
  });

  it('writes a Danish decimal comma and an English decimal point', () => {
    expect(formatNumber(0.35)).toBe('0,35');
    expect(formatNumber(0.35, { lang: 'en' })).toBe('0.35');
    expect(formatNumber(1234.5678, { digits: 1 })).toBe('1.234,6');
    expect(formatNumber(1234.5678, { lang: 'en', digits: 3 })).toBe('1,234.568');
  });

  it('prints integers without decimals and other numbers with two by default', () => {
    expect(formatNumber(98)).toBe('98');
    expect(formatNumber(2.5)).toBe('2,50');
    expect(formatNumber(2.5, { lang: 'en' })).toBe('2.50');
  });

  it('writes zero as 0 with the requested decimals in both languages', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0, { digits: 2 })).toBe('0,00');
    expect(formatNumber(0, { lang: 'en', digits: 2 })).toBe('0.00');
  });

  it('writes negative numbers with the ASCII hyphen-minus in both languages', () => {
    expect(formatNumber(-60828)).toBe('-60.828');
    expect(formatNumber(-60828, { lang: 'en' })).toBe('-60,828');
    expect(formatNumber(-0.35)).toBe('-0,35');
    expect(formatNumber(-0.35, { lang: 'en' })).toBe('-0.35');
  });

  it('drops the sign of a value that rounds to zero and of negative zero', () => {
    expect(formatNumber(-0.001, { digits: 2 })).toBe('0,00');
    expect(formatNumber(-0.001, { lang: 'en', digits: 2 })).toBe('0.00');
    expect(formatNumber(-0)).toBe('0');
  });

  it('groups a million in threes: 1e6 is 1.000.000 in Danish and 1,000,000 in English', () => {
    expect(formatNumber(1e6)).toBe('1.000.000');
    expect(formatNumber(1e6, { lang: 'en' })).toBe('1,000,000');
    expect(formatNumber(1e6, { digits: 1 })).toBe('1.000.000,0');
  });

  it('spells out numbers from 1e21 up without exponent notation', () => {
    expect(formatNumber(1e21, { lang: 'en' })).toBe('1,000,000,000,000,000,000,000');
    expect(formatNumber(-1e21, { lang: 'en', digits: 1 })).toBe('-1,000,000,000,000,000,000,000.0');
  });

  it('leaves numbers ungrouped when grouping is off (years, codes)', () => {
    expect(formatNumber(2021, { grouping: false })).toBe('2021');
    expect(formatNumber(1234.5, { grouping: false, digits: 1 })).toBe('1234,5');
  });

  it('does not group numbers below 1000', () => {
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(-999.5, { digits: 1 })).toBe('-999,5');
  });

  it('rounds half up from the unrounded value, away from zero for negatives', () => {
    expect(formatNumber(2.345, { digits: 2 })).toBe('2,35');
    expect(formatNumber(1.005, { lang: 'en', digits: 2 })).toBe('1.01');
    expect(formatNumber(-2.5, { digits: 0 })).toBe('-3');
    expect(formatNumber(0.125, { lang: 'en', digits: 2 })).toBe('0.13');
  });

  it('prints NaN, null and undefined as an en dash in both languages', () => {
    for (const lang of ['da', 'en'] as const) {
      expect(formatNumber(NaN, { lang })).toBe('–');
      expect(formatNumber(null, { lang })).toBe('–');
      expect(formatNumber(undefined, { lang })).toBe('–');
    }
  });

  it('prints infinities as the infinity sign', () => {
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity, { lang: 'en' })).toBe('-∞');
  });

  it('rejects an unknown lang, bad digits and a non-number, naming itself', () => {
    expect(() => formatNumber(1, { lang: 'de' as never })).toThrow(/^formatNumber: unknown lang "de"/);
    expect(() => formatNumber(1, { digits: 11 })).toThrow(RangeError);
    expect(() => formatNumber(1, { digits: 1.5 })).toThrow(/^formatNumber: digits must be/);
    expect(() => formatNumber('1' as never)).toThrow(TypeError);
  });

  it('gives the same digits in both languages, only the separators differ (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, digits) => {
        const da = formatNumber(x, { digits });
        const en = formatNumber(x, { lang: 'en', digits });
        const swapped = da.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
        expect(swapped).toBe(en);
      }),
    );
  });

  it('reads back as the half-up rounded value (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, digits) => {
        const en = formatNumber(x, { lang: 'en', digits });
        expect(Number(en.replace(/,/g, ''))).toBe(roundHalfUp(x, digits) || 0);
      }),
    );
  });
});

describe('formatPercent', () => {
  it('writes "46 pct." in Danish and "46%" in English', () => {
    expect(formatPercent(0.46)).toBe('46 pct.');
    expect(formatPercent(0.46, { lang: 'en' })).toBe('46%');
  });

  it('rounds 0.285 half up to 29 although 0.285 * 100 is 28.499999999999996', () => {
    expect(formatPercent(0.285)).toBe('29 pct.');
    expect(formatPercent(0.285, { lang: 'en' })).toBe('29%');
  });

  it('prints 2/16 = 12.5 % as 13, as the 2024/25 report does', () => {
    expect(formatPercent(2 / 16)).toBe('13 pct.');
    expect(formatPercent(2 / 16, { digits: 1 })).toBe('12,5 pct.');
    expect(formatPercent(2 / 16, { lang: 'en', digits: 1 })).toBe('12.5%');
  });

  it('prints 0 and 1 as 0 and 100', () => {
    expect(formatPercent(0)).toBe('0 pct.');
    expect(formatPercent(1, { lang: 'en' })).toBe('100%');
  });

  it('keeps the sign of a negative share (a difference in percentage points)', () => {
    expect(formatPercent(-0.125)).toBe('-13 pct.');
    expect(formatPercent(-0.125, { lang: 'en' })).toBe('-13%');
  });

  it('groups thousands of percent (1e6 as a share)', () => {
    expect(formatPercent(1e4)).toBe('1.000.000 pct.');
    expect(formatPercent(1e4, { lang: 'en' })).toBe('1,000,000%');
  });

  it('prints NaN and null as an en dash without a unit', () => {
    expect(formatPercent(NaN)).toBe('–');
    expect(formatPercent(null, { lang: 'en' })).toBe('–');
  });

  it('rejects bad digits and a non-number, naming itself', () => {
    expect(() => formatPercent(0.5, { digits: -1 })).toThrow(/^formatPercent: digits/);
    expect(() => formatPercent('0.5' as never)).toThrow(/^formatPercent: share must be/);
  });
});

describe('formatP', () => {
  it('writes p < 0.001 as "< .001" in English APA style and "< 0,001" in Danish', () => {
    expect(formatP(0.0004, { lang: 'en' })).toBe('< .001');
    expect(formatP(0.0004)).toBe('< 0,001');
    expect(formatP(0, { lang: 'en' })).toBe('< .001');
  });

  it('writes p = 0.001 exactly as ".001", since the threshold is strict', () => {
    expect(formatP(0.001, { lang: 'en' })).toBe('.001');
    expect(formatP(0.001)).toBe('0,001');
  });

  it('tests the threshold on the unrounded p: 0.00099 is "< .001"', () => {
    expect(formatP(0.00099, { lang: 'en' })).toBe('< .001');
  });

  it('drops the leading zero in English APA style and keeps it in Danish', () => {
    expect(formatP(0.032, { lang: 'en' })).toBe('.032');
    expect(formatP(0.032)).toBe('0,032');
    expect(formatP(0.05, { lang: 'en' })).toBe('.050');
    expect(formatP(0.05)).toBe('0,050');
  });

  it('writes p = 1 as "1.000" / "1,000"', () => {
    expect(formatP(1, { lang: 'en' })).toBe('1.000');
    expect(formatP(1)).toBe('1,000');
  });

  it('rounds half up: 0.0325 is ".033"', () => {
    expect(formatP(0.0325, { lang: 'en' })).toBe('.033');
  });

  it('never prints 0.000 in either style or language (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(0, 1e-300, 0.0004, 0.0005, 0.00049), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.constantFrom('da', 'en'),
        fc.constantFrom('apa', 'exact'),
        (p, lang, style) => {
          expect(formatP(p, { lang, style })).not.toMatch(/^[0.,]+$/);
        },
      ),
    );
  });

  it('writes exact p-values with the leading zero and fixed decimals', () => {
    expect(formatP(0.032, { lang: 'en', style: 'exact' })).toBe('0.032');
    expect(formatP(0.05, { style: 'exact' })).toBe('0,050');
    expect(formatP(1, { lang: 'en', style: 'exact' })).toBe('1.000');
    expect(formatP(0.001, { lang: 'en', style: 'exact' })).toBe('0.001');
    expect(formatP(0.03456, { lang: 'en', style: 'exact', digits: 4 })).toBe('0.0346');
  });

  it('writes an exact p too small for its decimals in exponent notation, never 0.000', () => {
    expect(formatP(0.0004, { lang: 'en', style: 'exact' })).toBe('4.0e-4');
    expect(formatP(0.0004, { style: 'exact' })).toBe('4,0e-4');
    expect(formatP(1.23e-12, { lang: 'en', style: 'exact' })).toBe('1.2e-12');
    expect(formatP(0, { lang: 'en', style: 'exact' })).toBe('< 4.9e-324');
    expect(formatP(0, { style: 'exact' })).toBe('< 4,9e-324');
  });

  it('prints NaN and null as an en dash', () => {
    expect(formatP(NaN)).toBe('–');
    expect(formatP(null, { lang: 'en' })).toBe('–');
  });

  it('rejects a p outside [0, 1], an unknown style and bad digits, naming itself', () => {
    expect(() => formatP(1.5)).toThrow(/^formatP: p must be a p-value in \[0, 1\]/);
    expect(() => formatP(-0.1)).toThrow(RangeError);
    expect(() => formatP(0.5, { style: 'sas' as never })).toThrow(/^formatP: unknown style "sas"/);
    expect(() => formatP(0.5, { digits: 0 })).toThrow(/^formatP: digits must be an integer from 1/);
    expect(() => formatP('0.5' as never)).toThrow(TypeError);
  });
});

describe('formatCorrelation', () => {
  it('appends the stars to r: "0,35***" in Danish and "0.35***" in English', () => {
    expect(formatCorrelation(0.3456, '***')).toBe('0,35***');
    expect(formatCorrelation(0.3456, '***', { lang: 'en' })).toBe('0.35***');
  });

  it('writes a negative r with the hyphen-minus', () => {
    expect(formatCorrelation(-0.2, '*')).toBe('-0,20*');
    expect(formatCorrelation(-0.2, '*', { lang: 'en' })).toBe('-0.20*');
  });

  it('writes r = 0 without stars and without a sign for a tiny negative r', () => {
    expect(formatCorrelation(0, '')).toBe('0,00');
    expect(formatCorrelation(-0.004, null, { lang: 'en' })).toBe('0.00');
  });

  it('rounds r half up at the requested decimals', () => {
    expect(formatCorrelation(0.285, '**', { digits: 2 })).toBe('0,29**');
    expect(formatCorrelation(0.2855, undefined, { lang: 'en', digits: 3 })).toBe('0.286');
  });

  it('prints an undefined correlation (NaN) as an en dash without its stars', () => {
    expect(formatCorrelation(NaN, '***')).toBe('–');
    expect(formatCorrelation(null, '', { lang: 'en' })).toBe('–');
  });

  it('rejects stars that are not a string, naming itself', () => {
    expect(() => formatCorrelation(0.3, 3 as never)).toThrow(/^formatCorrelation: stars must be/);
    expect(() => formatCorrelation('0.3' as never, '')).toThrow(TypeError);
  });
});

describe('formatCell', () => {
  const row = Object.freeze({
    area: 'Skole',
    n: 60828,
    mean: 2.345,
    share: 0.285,
    p: 0.0004,
    r: 0.3456,
    rStars: '***',
    ok: true,
    suppressed: '<3',
    empty: null,
  });

  it('formats each column by its format, Danish by default', () => {
    expect(formatCell(row, { key: 'area', label: '', format: 'text' })).toBe('Skole');
    expect(formatCell(row, { key: 'n', label: '', format: 'integer' })).toBe('60.828');
    expect(formatCell(row, { key: 'mean', label: '', format: 'number' })).toBe('2,35');
    expect(formatCell(row, { key: 'mean', label: '', format: 'number', digits: 1 })).toBe('2,3');
    expect(formatCell(row, { key: 'share', label: '', format: 'percent' })).toBe('29 pct.');
    expect(formatCell(row, { key: 'p', label: '', format: 'p' })).toBe('< 0,001');
    expect(formatCell(row, { key: 'r', label: '', format: 'correlation' })).toBe('0,35***');
  });

  it('formats each column in English when asked', () => {
    const en = { lang: 'en' } as const;
    expect(formatCell(row, { key: 'n', label: '', format: 'integer' }, en)).toBe('60,828');
    expect(formatCell(row, { key: 'share', label: '', format: 'percent', digits: 1 }, en)).toBe('28.5%');
    expect(formatCell(row, { key: 'p', label: '', format: 'p' }, en)).toBe('< .001');
    expect(formatCell(row, { key: 'p', label: '', format: 'p' }, { lang: 'en', pStyle: 'exact' })).toBe('4.0e-4');
    expect(formatCell(row, { key: 'ok', label: '', format: 'text' }, en)).toBe('yes');
  });

  it('prints null and absent cells as an en dash and strings in numeric columns as they are', () => {
    expect(formatCell(row, { key: 'empty', label: '', format: 'integer' })).toBe('–');
    expect(formatCell(row, { key: 'absent', label: '', format: 'percent' })).toBe('–');
    expect(formatCell(row, { key: 'suppressed', label: '', format: 'integer' })).toBe('<3');
    expect(formatCell(row, { key: 'ok', label: '', format: 'text' })).toBe('ja');
  });

  it('prints a correlation without stars when the row has no <key>Stars field', () => {
    expect(formatCell({ r: 0.1 }, { key: 'r', label: '', format: 'correlation' })).toBe('0,10');
  });

  it('prints a number as it is in a column of a format it does not know (plain JavaScript callers)', () => {
    expect(formatCell({ x: 0.5 }, { key: 'x', label: '', format: 'ratio' as never })).toBe('0.5');
  });

  it('prints a number in a text column as it is', () => {
    expect(formatCell({ year: 2021 }, { key: 'year', label: '', format: 'text' })).toBe('2021');
  });

  it('aligns numbers right and text left unless the column says otherwise', () => {
    expect(columnAlign({ key: 'a', label: '', format: 'text' })).toBe('left');
    expect(columnAlign({ key: 'a', label: '', format: 'percent' })).toBe('right');
    expect(columnAlign({ key: 'a', label: '', format: 'text', align: 'right' })).toBe('right');
  });
});

describe('translateLabel', () => {
  it('translates the Danish degree scale into English and back', () => {
    expect(translateLabel('I høj grad', 'en')).toBe('To a high degree');
    expect(translateLabel('To a high degree', 'da')).toBe('I høj grad');
    expect(translateLabel('Ved ikke', 'en')).toBe("Don't know");
    expect(translateLabel("Don't know", 'da')).toBe('Ved ikke');
  });

  it('matches labels as the scales do: case, spacing, typographic quotes and "oe"', () => {
    expect(translateLabel('  i   MEGET høj grad ', 'en')).toBe('To a very high degree');
    expect(translateLabel('Don’t know', 'da')).toBe('Ved ikke');
    expect(translateLabel('I hoej grad', 'en')).toBe('To a high degree');
  });

  it('translates the English degree4 wording ("extent") into Danish', () => {
    expect(translateLabel('To a large extent', 'da')).toBe('I høj grad');
    expect(translateLabel('To a small extent', 'da')).toBe('I mindre grad');
  });

  it('passes unknown labels and labels already in the target language through unchanged', () => {
    expect(translateLabel('Måske', 'en')).toBe('Måske');
    expect(translateLabel('I høj grad', 'da')).toBe('I høj grad');
    expect(translateLabel('To a high degree', 'en')).toBe('To a high degree');
  });

  it('rejects an unknown lang, naming itself', () => {
    expect(() => translateLabel('I høj grad', 'de' as never)).toThrow(/^translateLabel: unknown lang/);
  });
});

describe('scaleLabels', () => {
  it('gives every category of daDegree4 in English, in category order', () => {
    expect(scaleLabels(scales.daDegree4, 'en')).toEqual([
      'Not at all',
      'To a lesser degree',
      'To a high degree',
      'To a very high degree',
      "Don't know",
      'Not relevant',
    ]);
  });

  it('gives the Danish categories of the English scales', () => {
    expect(scaleLabels(scales.agree5, 'da')).toEqual([
      'Helt uenig',
      'Overvejende uenig',
      'Hverken enig eller uenig',
      'Overvejende enig',
      'Helt enig',
      'Ved ikke',
    ]);
    expect(scaleLabels(scales.degree4, 'da')).toEqual([
      'Slet ikke',
      'I mindre grad',
      'I høj grad',
      'I meget høj grad',
      'Ved ikke',
      'Ikke relevant',
    ]);
  });

  it('round-trips every Danish built-in scale through English', () => {
    for (const scale of [scales.daDegree4, scales.daChallenge4, scales.daDegree5, scales.daAgree5, scales.daSatisfaction5]) {
      const english = scaleLabels(scale, 'en');
      expect(english).not.toEqual(scale.categories);
      expect(english.map((label) => translateLabel(label, 'da'))).toEqual(scale.categories);
    }
  });

  it('keeps the labels of a custom scale without translation', () => {
    expect(scaleLabels({ categories: ['Nej', 'Ja'] }, 'en')).toEqual(['Nej', 'Ja']);
  });

  it('rejects an unknown lang, naming itself', () => {
    expect(() => scaleLabels(scales.daDegree4, 'fr' as never)).toThrow(/^scaleLabels: unknown lang/);
  });
});
