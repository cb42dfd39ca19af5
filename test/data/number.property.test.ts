import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, type DecimalMark, type ThousandsMark } from '../../src/data/number';
import { safeSurvey } from '../../src/data/survey';
import { scales } from '../../src/scale/presets';

// Intl.NumberFormat is the independent formatter: these are the marks each locale prints
// (Node's ICU: da-DK "-1.234.567,5", en-US "-1,234,567.5", fr-FR "-1 234 567,5" with U+202F,
// de-CH "-1'234'567.5", sv-SE "−1 234 567,5" with the minus sign U+2212).
const LOCALES: readonly { locale: string; decimal: DecimalMark; thousands: ThousandsMark }[] = [
  { locale: 'da-DK', decimal: ',', thousands: '.' },
  { locale: 'en-US', decimal: '.', thousands: ',' },
  { locale: 'fr-FR', decimal: ',', thousands: ' ' },
  { locale: 'de-CH', decimal: '.', thousands: "'" },
  { locale: 'sv-SE', decimal: ',', thousands: ' ' },
];

/**
 * A number with k decimals, n / 10^k, as an integer n and k: Intl prints exactly n's digits, and
 * n / 10^k is the double nearest to that decimal, as parsing it must give.
 */
const decimalNumber = fc
  .record({ n: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), k: fc.integer({ min: 0, max: 6 }) })
  .map(({ n, k }) => ({ value: n / 10 ** k, digits: k }));

function format(locale: string, value: number, digits: number, grouping: boolean): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping }).format(value);
}

describe('parseNumber properties', () => {
  it('reads plain digits, 1 to 20 of them with any leading zeros, as the number JavaScript reads', () => {
    // Up to 15 digits take a shortcut in the scanner; 16 and more the general path. Number() is
    // the independent reader of plain decimal digits.
    const digitText = fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 20 }).map((d) => d.join(''));
    fc.assert(
      fc.property(digitText, (text) => {
        expect(parseNumber(text, { decimal: ',' })).toBe(Number(text));
        expect(parseNumber(text, { decimal: '.' })).toBe(Number(text));
        expect(parseNumber(` ${text} `, { decimal: ',' })).toBe(Number(text));
        expect(parseNumber(`+${text}`, { decimal: '.' })).toBe(Number(text));
      }),
      { numRuns: 500 },
    );
    expect(parseNumber('999999999999999', { decimal: ',' })).toBe(999_999_999_999_999);
    expect(parseNumber('9007199254740993', { decimal: ',' })).toBe(9_007_199_254_740_992);
    expect(parseNumber('12a', { decimal: ',' })).toBeNaN();
  });

  it('reads back any number that Intl.NumberFormat prints, given the locale marks', () => {
    fc.assert(
      fc.property(decimalNumber, fc.constantFrom(...LOCALES), fc.boolean(), ({ value, digits }, marks, grouping) => {
        const text = format(marks.locale, value, digits, grouping);
        expect(parseNumber(text, { decimal: marks.decimal, thousands: marks.thousands })).toBe(value === 0 ? 0 : value);
        // With the default thousands mark (the other one, or a space) too, except the apostrophe.
        if (marks.thousands !== "'") expect(parseNumber(text, { decimal: marks.decimal })).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 500 },
    );
  });

  it('never reads a number with the wrong mark as another number: NaN or a refusal, or the same value', () => {
    fc.assert(
      fc.property(decimalNumber, fc.constantFrom(...LOCALES.filter((m) => m.thousands === '.' || m.thousands === ',')), ({ value, digits }, marks) => {
        const text = format(marks.locale, value, digits, true);
        const wrong: DecimalMark = marks.decimal === ',' ? '.' : ',';
        const read = parseNumber(text, { decimal: wrong });
        // The only texts that read both ways are integers grouped in threes with one mark
        // ("1.234") or a single mark before three decimals ("1,234"): the two readings differ by 10^3.
        if (!Number.isNaN(read) && read !== value) {
          expect(Math.abs(read) === Math.abs(value) * 1000 || Math.abs(read) * 1000 === Math.abs(value)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('survey reads formatted numbers as the numbers themselves', () => {
  const items = [{ id: 'q', scale: scales.daDegree4 }] as const;

  it('gives the same numeric attribute from Intl-formatted texts (with the marks given) as from the numbers', () => {
    fc.assert(
      fc.property(fc.array(decimalNumber, { minLength: 1, maxLength: 30 }), fc.constantFrom(...LOCALES), fc.boolean(), (cells, marks, grouping) => {
        const numbers = cells.map((cell) => cell.value);
        const texts = cells.map((cell) => format(marks.locale, cell.value, cell.digits, grouping));
        const columns = (x: unknown[]) => ({ id: x.map((_, i) => String(i)), x, q: x.map(() => 'Slet ikke') });
        const fromNumbers = safeSurvey({ columns: columns(numbers), id: 'id', items, attributes: { x: 'number' } });
        const fromTexts = safeSurvey({ columns: columns(texts), id: 'id', items, attributes: { x: 'number' }, decimal: marks.decimal, thousands: marks.thousands });
        expect(fromNumbers.ok && fromTexts.ok).toBe(true);
        if (!fromNumbers.ok || !fromTexts.ok) return;
        expect(Array.from(fromTexts.survey.numeric('x'))).toEqual(Array.from(fromNumbers.survey.numeric('x')).map((v) => (v === 0 ? 0 : v)));
      }),
      { numRuns: 200 },
    );
  });

  it('under auto, gives the numbers themselves or an ambiguous-number issue, never other numbers', () => {
    fc.assert(
      fc.property(
        fc.array(decimalNumber, { minLength: 1, maxLength: 30 }),
        fc.constantFrom(...LOCALES.filter((m) => m.thousands !== "'")),
        fc.boolean(),
        (cells, marks, grouping) => {
          const texts = cells.map((cell) => format(marks.locale, cell.value, cell.digits, grouping));
          const result = safeSurvey({
            columns: { id: texts.map((_, i) => String(i)), x: texts, q: texts.map(() => 'Slet ikke') },
            id: 'id',
            items,
            attributes: { x: 'number' },
          });
          if (!result.ok) {
            expect(result.issues.map((issue) => issue.kind)).toEqual(['ambiguous-number']);
            return;
          }
          expect(Array.from(result.survey.numeric('x'))).toEqual(cells.map((cell) => (cell.value === 0 ? 0 : cell.value)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
