import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDecimal, numericColumn, parseCsv, parseNumber } from '../../src/csv/index';

describe('parseNumber with a decimal comma', () => {
  const comma = { decimal: ',' } as const;

  it('reads a decimal comma', () => {
    expect(parseNumber('1,5', comma)).toBe(1.5);
    expect(parseNumber('-0,25', comma)).toBe(-0.25);
    expect(parseNumber(',5', comma)).toBe(0.5);
  });

  it('reads a dot as a thousands separator', () => {
    expect(parseNumber('60.828', comma)).toBe(60828);
    expect(parseNumber('1.234.567,89', comma)).toBe(1234567.89);
  });

  it('reads spaces and no-break spaces as thousands separators, and the minus sign', () => {
    expect(parseNumber('60 828', comma)).toBe(60828);
    expect(parseNumber('\u221260\u00A0828,5', comma)).toBe(-60828.5);
  });

  it('rejects a dot that cannot be a thousands separator rather than guessing', () => {
    expect(parseNumber('1.5', comma)).toBeNaN();
    expect(parseNumber('1.2345', comma)).toBeNaN();
    expect(parseNumber('12.34.567', comma)).toBeNaN();
  });

  it('ignores surrounding white space', () => {
    expect(parseNumber('  42 ', comma)).toBe(42);
  });
});

describe('parseNumber with a decimal point', () => {
  const dot = { decimal: '.' } as const;

  it('reads a decimal point and a comma as thousands separator', () => {
    expect(parseNumber('1.5', dot)).toBe(1.5);
    expect(parseNumber('60,828', dot)).toBe(60828);
    expect(parseNumber('1,234,567.5', dot)).toBe(1234567.5);
  });

  it('rejects a comma that cannot be a thousands separator', () => {
    expect(parseNumber('1,5', dot)).toBeNaN();
  });
});

describe('parseNumber on non-numbers', () => {
  it('returns NaN for "Ved ikke", blanks, null and undefined, for the caller to report', () => {
    for (const text of ['Ved ikke', '', '   ', '-', ',', '1,5 kr', 'NaN', 'e3', '1,5e']) {
      expect(parseNumber(text, { decimal: ',' }), text).toBeNaN();
    }
    expect(parseNumber(null)).toBeNaN();
    expect(parseNumber(undefined)).toBeNaN();
  });

  it('returns a number unchanged', () => {
    expect(parseNumber(2.5)).toBe(2.5);
  });

  it('names the function when decimal is unknown', () => {
    expect(() => parseNumber('1', { decimal: ';' as ',' })).toThrow(/^parseNumber: unknown decimal/);
  });
});

describe('parseNumber with auto detection of a single value', () => {
  it('reads unambiguous values by their form', () => {
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('2.25')).toBe(2.25);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('0,750')).toBe(0.75);
  });

  it('refuses one mark followed by exactly three digits, which reads two ways, and says to pass decimal', () => {
    expect(() => parseNumber('60.828')).toThrow(/^parseNumber: cannot tell the decimal mark of the values: "60.828" \(row 0\).*pass decimal: ','/);
    expect(() => parseNumber('60,828')).toThrow(RangeError);
  });
});

describe('detectDecimal', () => {
  it('says comma when a value has a comma followed by other than three digits', () => {
    expect(detectDecimal(['1,5', '2', null, 'Ved ikke'])).toBe(',');
  });

  it('says point when a value has a point followed by one or two digits', () => {
    expect(detectDecimal(['1,234', '2.5'])).toBe('.');
  });

  it('takes the last of two marks in one value as the decimal mark', () => {
    expect(detectDecimal(['1.234,5'])).toBe(',');
    expect(detectDecimal(['1,234.5'])).toBe('.');
  });

  it('takes a mark that repeats in one value as a thousands separator', () => {
    expect(detectDecimal(['1.234.567'])).toBe(',');
    expect(detectDecimal(['1,234,567'])).toBe('.');
  });

  it('takes a single mark after zero as decimal even with three digits after it', () => {
    expect(detectDecimal(['0,987', '1,023'])).toBe(',');
  });

  it('refuses a column of only ambiguous values (mark + three digits), naming the column and cells', () => {
    expect(() => detectDecimal(['104.305', '60.828'], { column: 'indbyggere' })).toThrow(
      /^detectDecimal: cannot tell the decimal mark of column "indbyggere": "104.305" \(row 0\), "60.828" \(row 1\)/,
    );
    expect(() => detectDecimal(['60,828', '101,017'])).toThrow(RangeError);
  });

  it('reads ambiguous values with the mark that the other values decide', () => {
    expect(detectDecimal(['60.828', '1,5'])).toBe(',');
    expect(detectDecimal(['60,828', '2.25'])).toBe('.');
  });

  it('refuses a column whose deciding values tie', () => {
    expect(() => detectDecimal(['1,5', '2.25'])).toThrow(/^detectDecimal: cannot tell the decimal mark/);
  });

  it('decides from a given thousands mark', () => {
    expect(detectDecimal(['60.828'], { thousands: '.' })).toBe(',');
    expect(detectDecimal(['60.828'], { thousands: '' })).toBe('.');
    expect(detectDecimal(['60.828'], { thousands: ' ' })).toBe('.');
  });

  it('lets the majority of deciding values win', () => {
    expect(detectDecimal(['1,5', '2,5', '3.25'])).toBe(',');
  });

  it('uses the fallback when nothing decides', () => {
    expect(detectDecimal(['12', '7'])).toBe('.');
    expect(detectDecimal(['12', '7'], { fallback: ',' })).toBe(',');
    expect(detectDecimal([])).toBe('.');
    expect(detectDecimal(['1 234', '-7'], { fallback: ',' })).toBe(',');
  });

  it('names the function for a bad argument', () => {
    expect(() => detectDecimal(null as unknown as string[])).toThrow(/^detectDecimal:/);
  });
});

describe('numericColumn', () => {
  const text = readFileSync(new URL('../fixtures/csv/danish-export.csv', import.meta.url), 'utf8');
  const { rows } = parseCsv(text);

  it('detects decimal commas per column: index 1,12', () => {
    const index = numericColumn(rows, 'Indeks');
    expect(index.decimal).toBe(',');
    expect(Array.from(index.values)).toEqual([1.12, 0.98, 0.87, NaN]);
  });

  it('refuses a population column of only 632.340-like values under auto and reads it with decimal ","', () => {
    expect(() => numericColumn(rows, 'Indbyggere')).toThrow(
      /^numericColumn: cannot tell the decimal mark of column "Indbyggere": "632.340" \(row 0\).*pass decimal/,
    );
    const population = numericColumn(rows, 'Indbyggere', { decimal: ',' });
    expect(Array.from(population.values)).toEqual([632340, 352751, 22789, 1784]);
  });

  it('keeps nulls missing (NaN, counted in missing) and never zero', () => {
    const index = numericColumn(rows, 'Indeks');
    expect(index.values[3]).toBeNaN();
    expect(index.missing).toBe(1);
    expect(index.bad).toEqual([]);
  });

  it('lists non-numeric text as bad with its row index', () => {
    const answers = numericColumn(rows, 'Udfordringer', { decimal: ',' });
    expect(answers.bad.map((b) => b.row)).toEqual([0, 1, 2, 3]);
    expect(answers.bad[1]).toEqual({ row: 1, value: 'Ved ikke' });
  });

  it('treats the texts in options.missing as missing, not bad', () => {
    const rowsWithDontKnow = [{ x: '1,5' }, { x: ' ved IKKE ' }, { x: 'n/a' }];
    const col = numericColumn(rowsWithDontKnow, 'x', { missing: ['Ved ikke'] });
    expect(col.missing).toBe(1);
    expect(col.bad).toEqual([{ row: 2, value: 'n/a' }]);
  });

  it('counts invisible-only cells as missing by the shared rule, beside the texts in options.missing', () => {
    const rows = [{ x: '2' }, { x: ' Ved ikke ' }, { x: '\u00A0\u200B' }, { x: '\u200B' }];
    const col = numericColumn(rows, 'x', { missing: ['Ved ikke'] });
    // Row 1 is a listed text; rows 2 and 3 hold only no-break and zero-width spaces.
    expect(col.missing).toBe(3);
    expect(col.bad).toEqual([]);
  });

  it('uses a given decimal mark instead of detecting one', () => {
    expect(Array.from(numericColumn([{ x: '60.828' }], 'x', { decimal: '.' }).values)).toEqual([60.828]);
  });

  it('returns an empty column for no rows', () => {
    const col = numericColumn([], 'x');
    expect(col.values.length).toBe(0);
    expect(col.bad).toEqual([]);
  });

  it('names the columns there are when the column does not exist', () => {
    expect(() => numericColumn(rows, 'Befolkning')).toThrow(/^numericColumn: no column "Befolkning"; the rows have "Kommune"/);
  });
});

describe('parseNumber properties', () => {
  it('reads back any number with two decimals written the Danish or the English way', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.boolean(), (cents, grouped) => {
        const value = cents / 100;
        const en = value.toLocaleString('en-US', { minimumFractionDigits: 2, useGrouping: grouped });
        const da = en.replace(/,/g, '#').replace('.', ',').replace(/#/g, '.');
        return parseNumber(en, { decimal: '.' }) === value && parseNumber(da, { decimal: ',' }) === value;
      }),
    );
  });

  it('agrees with its own detection: auto equals the detected mark, or both refuse', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,7}([.,]\d{1,4})?$/), (text) => {
        let mark: ',' | '.';
        try {
          mark = detectDecimal([text]);
        } catch {
          expect(() => parseNumber(text)).toThrow(RangeError);
          return true;
        }
        const auto = parseNumber(text);
        return Object.is(auto, parseNumber(text, { decimal: mark })) && !Number.isNaN(auto);
      }),
    );
  });
});
