import { describe, expect, it } from 'vitest';
import { detectDecimal, parseNumber, readNumberColumn } from '../../src/data/number';

const comma = { decimal: ',' } as const;
const dot = { decimal: '.' } as const;

describe('parseNumber marks', () => {
  it('reads thousands dots and a decimal comma, the Danish way', () => {
    expect(parseNumber('60.828', comma)).toBe(60828);
    expect(parseNumber('1.234.567,5', comma)).toBe(1234567.5);
  });

  it('reads thousands commas and a decimal point, the English way', () => {
    expect(parseNumber('104,305', dot)).toBe(104305);
    expect(parseNumber('1,234,567.5', dot)).toBe(1234567.5);
  });

  it('accepts space, no-break space and narrow no-break space as thousands marks by default', () => {
    expect(parseNumber('1 234 567,5', comma)).toBe(1234567.5);
    expect(parseNumber('1\u00A0234\u202F567', comma)).toBe(1234567);
  });

  it('takes an apostrophe only when thousands is "\'"', () => {
    expect(parseNumber("60'828,5", { decimal: ',', thousands: "'" })).toBe(60828.5);
    expect(parseNumber("60'828", comma)).toBeNaN();
  });

  it('allows no grouping with thousands ""', () => {
    expect(parseNumber('60.828', { decimal: ',', thousands: '' })).toBeNaN();
    expect(parseNumber('60828,5', { decimal: ',', thousands: '' })).toBe(60828.5);
  });

  it('allows only the given thousands mark when one is given', () => {
    expect(parseNumber('1 234', { decimal: ',', thousands: '.' })).toBeNaN();
    expect(parseNumber('1.234', { decimal: ',', thousands: ' ' })).toBeNaN();
    expect(parseNumber('1 234', { decimal: ',', thousands: ' ' })).toBe(1234);
  });

  it('refuses two different thousands marks in one value', () => {
    expect(parseNumber('1.234 567', comma)).toBeNaN();
  });

  it('refuses groups that are not exactly three digits and a first group with a leading zero', () => {
    expect(parseNumber('1.23', comma)).toBeNaN();
    expect(parseNumber('1.2345', comma)).toBeNaN();
    expect(parseNumber('1234.567', comma)).toBeNaN();
    expect(parseNumber('0.750', comma)).toBeNaN();
  });

  it('accepts the minus sign U+2212 and a plus sign', () => {
    expect(parseNumber('\u22120,25', comma)).toBe(-0.25);
    expect(parseNumber('+3', comma)).toBe(3);
    expect(parseNumber('\u22121.234', comma)).toBe(-1234);
  });

  it('reads an exponent after ungrouped digits, with either decimal mark', () => {
    expect(parseNumber('1e3', comma)).toBe(1000);
    expect(parseNumber('2,5e-3', comma)).toBe(0.0025);
    expect(parseNumber('2.5E+2', dot)).toBe(250);
    expect(parseNumber('1.5e\u22122', dot)).toBe(0.015);
  });

  it('refuses an exponent after grouped digits and an exponent without digits', () => {
    expect(parseNumber('1.234e5', comma)).toBeNaN();
    expect(parseNumber('1e', dot)).toBeNaN();
    expect(parseNumber('e5', dot)).toBeNaN();
  });

  it('refuses non-finite results: Infinity, 1e400 and infinite numbers', () => {
    expect(parseNumber('Infinity', dot)).toBeNaN();
    expect(parseNumber('-Infinity', dot)).toBeNaN();
    expect(parseNumber('1e400', dot)).toBeNaN();
    expect(parseNumber('-1e400', comma)).toBeNaN();
    expect(parseNumber(Infinity)).toBeNaN();
    expect(parseNumber(-Infinity)).toBeNaN();
  });

  it('passes a finite number through unchanged', () => {
    expect(parseNumber(60.828, comma)).toBe(60.828);
    expect(parseNumber(-0)).toBe(-0);
  });

  it('refuses hexadecimal, binary and other JavaScript notations', () => {
    for (const text of ['0x10', '0b1', '1_000', '١٢', '.', '1..2', '1,,2']) {
      expect(parseNumber(text, dot), text).toBeNaN();
    }
  });

  it('names the function and the option for bad marks', () => {
    expect(() => parseNumber('1', { thousands: ';' as '.' })).toThrow(/^parseNumber: unknown thousands/);
    expect(() => parseNumber('1', { decimal: ',', thousands: ',' })).toThrow(/^parseNumber: decimal and thousands are both ","/);
  });
});

describe('parseNumber runs in linear time', () => {
  const megabyte = 1_000_000;
  const cases: Record<string, string> = {
    'a 1 MB run of digits': '7'.repeat(megabyte),
    'a 1 MB run of digits with thousands marks': `1${'.234'.repeat(megabyte / 4)}`,
    'a 1 MB run of digits and marks that fails at the end': `${'1.234'.repeat(megabyte / 5)},x`,
    'a 1 MB cell of commas and dots': ',.'.repeat(megabyte / 2),
    'a 1 MB cell of spaces between digits': '1 '.repeat(megabyte / 2),
    'a 1 MB cell of garbage': 'Ved ikke '.repeat(megabyte / 9),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`parses ${name} in seconds, not hours, with every option`, () => {
      const start = performance.now();
      parseNumber(text, comma);
      parseNumber(text, dot);
      try {
        parseNumber(text);
      } catch {
        // an ambiguous cell is refused; only the time matters here
      }
      readNumberColumn('test', [text, '1,5'], {});
      // A hang guard, not a benchmark: a quadratic scan of 10^6 characters would take hours; the
      // bound leaves room for a machine loaded many times over.
      expect(performance.now() - start).toBeLessThan(10_000);
    });
  }
});

describe('readNumberColumn', () => {
  it('keeps finite numbers, counts missing values and lists bad cells with their row', () => {
    const column = readNumberColumn('test', [1, null, '', ' ', NaN, Infinity, '2,5', 'Ved ikke', -Infinity, true], {});
    expect(Array.from(column.values.slice(0, 7))).toEqual([1, NaN, NaN, NaN, NaN, NaN, 2.5]);
    expect(column.missing).toBe(4);
    expect(column.bad).toEqual([
      { row: 5, value: Infinity },
      { row: 7, value: 'Ved ikke' },
      { row: 8, value: -Infinity },
      { row: 9, value: true },
    ]);
    expect(column.decimal).toBe(',');
    expect(column.ambiguous).toBeNull();
  });

  it('turns BigInts within 2^53 into numbers and lists larger ones as bad', () => {
    const column = readNumberColumn('test', [12n, 2n ** 53n + 1n], { decimal: '.' });
    expect(column.values[0]).toBe(12);
    expect(column.bad).toEqual([{ row: 1, value: 2n ** 53n + 1n }]);
  });

  it('decides the mark from all values, so 60.828 in a column with 1,5 reads as 60828', () => {
    const column = readNumberColumn('test', ['60.828', '1,5', '104.305'], {});
    expect(Array.from(column.values)).toEqual([60828, 1.5, 104305]);
  });

  it('reports an ambiguous column with example cells and all values NaN', () => {
    const column = readNumberColumn('test', ['104.305', null, '60.828', '7'], { column: 'indbyggere' });
    expect(column.ambiguous).toEqual([
      { row: 0, value: '104.305' },
      { row: 2, value: '60.828' },
    ]);
    expect(column.missing).toBe(1);
    expect(Array.from(column.values).every(Number.isNaN)).toBe(true);
  });

  it('reads a column of integers alone without ambiguity', () => {
    const column = readNumberColumn('test', ['12', '1 234', '-7'], {});
    expect(column.ambiguous).toBeNull();
    expect(Array.from(column.values)).toEqual([12, 1234, -7]);
  });

  it('lists values in the losing notation as bad rather than guessing them', () => {
    const column = readNumberColumn('test', ['1,5', '2,5', '3.25'], {});
    expect(column.decimal).toBe(',');
    expect(column.bad).toEqual([{ row: 2, value: '3.25' }]);
  });
});

describe('detectDecimal', () => {
  it('decides for a comma from a value with a leading zero and three decimals', () => {
    expect(detectDecimal(['0,750', '1,023'])).toBe(',');
  });
});
