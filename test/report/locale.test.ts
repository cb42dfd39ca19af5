import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCell,
  formatCorrelation,
  formatNumber,
  formatP,
  formatPercent,
} from '../../src/report/format';
import { displayTable } from '../../src/report/display';
import { toMarkdown } from '../../src/report/markdown';
import { roundHalfUp } from '../../src/report/rounding';
import type { ReportTable } from '../../src/report/table';

// Expected strings are typed from each locale's published conventions (CLDR): German and Danish
// group with "." and mark decimals with ","; French groups with the narrow no-break space
// U+202F; Swedish and Norwegian group with the no-break space U+00A0 and write the minus sign
// U+2212 (which the library replaces with "-"); Indian English groups in lakhs and crores
// (12,34,567); Spanish does not group four-digit numbers (1234, but 12.345); Egyptian Arabic
// writes Arabic-Indic digits with U+066C as the group and U+066B as the decimal separator.

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatNumber in any locale', () => {
  it('writes German numbers as Danish ones: 1.234.567,50', () => {
    expect(formatNumber(1234567.5, { locale: 'de-DE', digits: 2 })).toBe('1.234.567,50');
    expect(formatNumber(60828, { locale: 'de-DE' })).toBe('60.828');
  });

  it('groups French numbers with the narrow no-break space', () => {
    expect(formatNumber(1234567.5, { locale: 'fr-FR', digits: 2 })).toBe(`1${NNBSP}234${NNBSP}567,50`);
    expect(formatNumber(-60828, { locale: 'fr-FR' })).toBe(`-60${NNBSP}828`);
  });

  it('groups Indian English in lakhs and crores', () => {
    expect(formatNumber(1234567, { locale: 'en-IN' })).toBe('12,34,567');
    expect(formatNumber(10000000, { locale: 'en-IN' })).toBe('1,00,00,000');
    expect(formatNumber(60828.5, { locale: 'en-IN', digits: 1 })).toBe('60,828.5');
  });

  it('leaves four-digit Spanish numbers ungrouped, as Spanish style does', () => {
    expect(formatNumber(1234, { locale: 'es-ES' })).toBe('1234');
    expect(formatNumber(12345, { locale: 'es-ES' })).toBe('12.345');
  });

  it('writes Arabic-Indic digits for ar-EG: digits follow the locale', () => {
    expect(formatNumber(60828, { locale: 'ar-EG' })).toBe('٦٠٬٨٢٨');
    expect(formatNumber(0.35, { locale: 'ar-EG' })).toBe('٠٫٣٥');
  });

  it('writes the ASCII hyphen-minus where the locale writes the minus sign U+2212', () => {
    expect(formatNumber(-1234.5, { locale: 'sv-SE', digits: 1 })).toBe(`-1${NBSP}234,5`);
    expect(formatNumber(-0.35, { locale: 'nb-NO' })).toBe('-0,35');
    expect(formatNumber(-60828, { locale: 'ar-EG' })).toBe('-٦٠٬٨٢٨');
  });

  it('never prints -0, whatever the locale', () => {
    expect(formatNumber(-0.001, { locale: 'sv-SE', digits: 2 })).toBe('0,00');
    expect(formatNumber(-0, { locale: 'fr-FR' })).toBe('0');
  });

  it('keeps half-up rounding from the unrounded value in every locale (1.005 → 1,01; 2.5 → 3)', () => {
    expect(formatNumber(1.005, { locale: 'de-DE', digits: 2 })).toBe('1,01');
    expect(formatNumber(2.5, { locale: 'fr-FR', digits: 0 })).toBe('3');
    expect(formatNumber(-2.5, { locale: 'en-IN', digits: 0 })).toBe('-3');
  });

  it('lets lang pick the default locale: da is da-DK and en is en-US', () => {
    expect(formatNumber(-1234.5, { lang: 'da', digits: 1 })).toBe(formatNumber(-1234.5, { locale: 'da-DK', digits: 1 }));
    expect(formatNumber(-1234.5, { lang: 'en', digits: 1 })).toBe('-1,234.5');
    expect(formatNumber(-1234.5, { lang: 'en', locale: 'de-DE', digits: 1 })).toBe('-1.234,5');
  });

  it('spells out every digit of integers from 2^53 up, grouped by the locale', () => {
    // 2^70 = 1180591620717411303424 exactly (a double holds it without error).
    expect(formatNumber(2 ** 70, { locale: 'en-US' })).toBe('1,180,591,620,717,411,303,424');
    expect(formatNumber(2 ** 70, { locale: 'de-DE', digits: 1 })).toBe('1.180.591.620.717.411.303.424,0');
  });

  it('writes German and Danish numbers alike (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, digits) => {
        expect(formatNumber(x, { locale: 'de-DE', digits })).toBe(formatNumber(x, { digits }));
      }),
    );
  });

  it('reads back as the half-up rounded value in French, minus no-break spaces (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, digits) => {
        const fr = formatNumber(x, { locale: 'fr-FR', digits });
        expect(Number(fr.replaceAll(NNBSP, '').replace(',', '.'))).toBe(roundHalfUp(x, digits) || 0);
      }),
    );
  });

  it('prints no U+2212 minus sign in any of the locales that use it (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: -1e-3, noNaN: true }),
        fc.constantFrom('sv-SE', 'fi-FI', 'nb-NO', 'de-CH', 'eu-ES', 'sl-SI'),
        (x, locale) => {
          const text = formatNumber(x, { locale, digits: 3 });
          expect(text).not.toContain('\u2212');
          expect(text.startsWith('-')).toBe(true);
        },
      ),
    );
  });

  it('rejects a malformed or unknown locale, naming the tag and saying what to give', () => {
    expect(() => formatNumber(1, { locale: 'not a tag' })).toThrow(
      /^formatNumber: locale "not a tag" is not a BCP 47 tag that Intl can format; give one such as 'da-DK'/,
    );
    expect(() => formatNumber(1, { locale: 'zz' })).toThrow(RangeError);
    expect(() => formatNumber(1, { locale: 42 as never })).toThrow(/^formatNumber: locale must be a BCP 47 tag/);
  });

  it('rejects a bad locale even for a value printed as a dash', () => {
    expect(() => formatNumber(null, { locale: 'zz' })).toThrow(/^formatNumber: locale "zz"/);
    expect(() => formatPercent(NaN, { locale: 'zz' })).toThrow(/^formatPercent: locale "zz"/);
  });
});

describe('formatPercent styles', () => {
  it('writes the three styles: "40 pct.", "40%" (2021 tables) and "86 %" (2024 report)', () => {
    expect(formatPercent(0.4, { percentStyle: 'pct.' })).toBe('40 pct.');
    expect(formatPercent(0.4, { percentStyle: '%' })).toBe('40%');
    expect(formatPercent(0.86, { percentStyle: ' %' })).toBe('86 %');
  });

  it('defaults to "pct." in Danish and "%" in English, whatever the locale', () => {
    expect(formatPercent(0.86, { locale: 'de-DE' })).toBe('86 pct.');
    expect(formatPercent(0.86, { lang: 'en', locale: 'de-DE' })).toBe('86%');
  });

  it('keeps half-up rounding of the unrounded share in every style and locale', () => {
    expect(formatPercent(2 / 16, { percentStyle: ' %' })).toBe('13 %');
    expect(formatPercent(0.285, { lang: 'en', locale: 'fr-FR', percentStyle: ' %' })).toBe('29 %');
    expect(formatPercent(2 / 16, { locale: 'de-DE', digits: 1, percentStyle: '%' })).toBe('12,5%');
  });

  it('groups a large percentage in the locale and prints a missing one as a bare dash', () => {
    expect(formatPercent(1e4, { locale: 'fr-FR', percentStyle: ' %' })).toBe(`1${NNBSP}000${NNBSP}000 %`);
    expect(formatPercent(null, { percentStyle: ' %' })).toBe('–');
  });

  it('rejects an unknown percent style, naming itself and the three styles', () => {
    expect(() => formatPercent(0.5, { percentStyle: 'procent' as never })).toThrow(
      /^formatPercent: unknown percentStyle "procent"; use 'pct\.', '%' or ' %'/,
    );
  });
});

describe('formatP and formatCorrelation in any locale', () => {
  it('writes "< 0,001" and "0,35***" in German as in Danish', () => {
    expect(formatP(0.0004, { locale: 'de-DE' })).toBe('< 0,001');
    expect(formatCorrelation(0.3456, '***', { locale: 'de-DE' })).toBe('0,35***');
  });

  it('drops the leading zero of an English APA p in any English locale', () => {
    expect(formatP(0.032, { lang: 'en', locale: 'en-GB' })).toBe('.032');
    expect(formatP(0.0004, { lang: 'en', locale: 'en-IN' })).toBe('< .001');
    expect(formatP(1, { lang: 'en', locale: 'en-GB' })).toBe('1.000');
  });

  it('keeps the leading zero with Danish wording in a French locale', () => {
    expect(formatP(0.032, { locale: 'fr-FR' })).toBe('0,032');
  });

  it('writes an exact small p in exponent notation with the locale decimal mark and digits', () => {
    expect(formatP(0.0004, { style: 'exact', locale: 'de-DE' })).toBe('4,0e-4');
    expect(formatP(0.0004, { style: 'exact', locale: 'ar-EG' })).toBe('٤٫٠e-٤');
    expect(formatP(0, { lang: 'en', style: 'exact', locale: 'en-GB' })).toBe('< 4.9e-324');
  });

  it('writes a negative r with the hyphen-minus in Swedish', () => {
    expect(formatCorrelation(-0.2, '*', { locale: 'sv-SE' })).toBe('-0,20*');
  });
});

describe('formatCell and the renderers with a locale and percent style', () => {
  const row = Object.freeze({ n: 60828, share: 0.86, p: 0.0004, r: 0.3456, rStars: '***' });

  it('formats every numeric column in the locale', () => {
    const fr = { locale: 'fr-FR', percentStyle: ' %' } as const;
    expect(formatCell(row, { key: 'n', label: '', format: 'integer' }, fr)).toBe(`60${NNBSP}828`);
    expect(formatCell(row, { key: 'share', label: '', format: 'percent' }, fr)).toBe('86 %');
    expect(formatCell(row, { key: 'p', label: '', format: 'p' }, fr)).toBe('< 0,001');
    expect(formatCell(row, { key: 'r', label: '', format: 'correlation' }, fr)).toBe('0,35***');
  });

  it('rejects an unknown percent style even in a row without percent columns', () => {
    expect(() => formatCell(row, { key: 'n', label: '', format: 'integer' }, { percentStyle: 'x' as never })).toThrow(
      /^formatCell: unknown percentStyle "x"/,
    );
  });

  const table: ReportTable = Object.freeze({
    kind: 'report-table',
    id: 't',
    title: 'Andele',
    columns: [
      { key: 'area', label: 'Område', format: 'text' },
      { key: 'share', label: 'Andel', format: 'percent' },
      { key: 'n', label: 'N', format: 'integer' },
    ],
    rows: [{ area: 'Skole', share: 0.86, n: 60828 }],
    notes: [],
  } as ReportTable);

  it('prints a Markdown table in the 2024 report percent style', () => {
    expect(toMarkdown(table, { percentStyle: ' %' })).toBe(
      ['## Andele', '', '| Område | Andel |      N |', '| ------ | ----: | -----: |', '| Skole  |  86 % | 60.828 |', ''].join('\n'),
    );
  });

  it('prints Markdown in the English wording with German numbers', () => {
    expect(toMarkdown(table, { lang: 'en', locale: 'de-DE' })).toContain('| Skole  |   86% | 60.828 |');
  });

  it('gives displayTable rows in the locale and percent style', () => {
    const shown = displayTable(table, { locale: 'fr-FR', percentStyle: ' %' });
    expect(shown[0]).toEqual({ Område: 'Skole', Andel: '86 %', N: `60${NNBSP}828` });
  });

  it('rejects a misspelt locale option in toMarkdown and displayTable', () => {
    expect(() => toMarkdown(table, { locle: 'de-DE' } as never)).toThrow(/^toMarkdown: unknown option "locle"; did you mean "locale"\?/);
    expect(() => displayTable(table, { percentstyle: '%' } as never)).toThrow(/^displayTable: unknown option "percentstyle"/);
  });
});
