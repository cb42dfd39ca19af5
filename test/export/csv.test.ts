import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseNumber } from '../../src/csv/index';
import { toCsv } from '../../src/export/index';
import { plainNumber } from '../../src/export/cells';
import type { ReportColumn, ReportTable, ReportValue } from '../../src/report/table';

const table: ReportTable = {
  kind: 'report-table',
  id: 'summary',
  title: 'Enighed',
  notes: ['N = 48'],
  columns: [
    { key: 'item', label: 'Område', format: 'text' },
    { key: 'share', label: 'Andel', format: 'percent' },
    { key: 'n', label: 'N', format: 'integer' },
    { key: 'r', label: 'r', format: 'correlation' },
    { key: 'p', label: 'p', format: 'p' },
  ],
  rows: [
    { item: 'Tidlig indsats', share: 17 / 48, n: 48, r: -0.25, rStars: '**', p: 0.0004 },
    { item: 'Efterværn; unge', share: null, n: '<3', r: NaN, rStars: '', p: null },
  ],
};
Object.freeze(table);

describe('toCsv writes Danish Excel’s dialect for Danish and RFC 4180 for English', () => {
  it('writes ";", decimal commas, a byte order mark and CRLF in Danish, with unrounded numbers', () => {
    expect(toCsv(table)).toBe(
      '\uFEFFOmråde;Andel;N;r;r (signifikans);p\r\n' +
        'Tidlig indsats;0,3541666666666667;48;-0,25;**;0,0004\r\n' +
        '"Efterværn; unge";;<3;;;\r\n',
    );
  });

  it('writes ",", decimal points, no byte order mark and CRLF in English', () => {
    expect(toCsv(table, { lang: 'en' })).toBe(
      'Område,Andel,N,r,r (significance),p\r\n' +
        'Tidlig indsats,0.3541666666666667,48,-0.25,**,0.0004\r\n' +
        'Efterværn; unge,,<3,,,\r\n',
    );
  });

  it('takes the decimal mark from a locale through Intl, and the delimiter and byte order mark with it', () => {
    expect(toCsv(table, { lang: 'en', locale: 'de-DE' }).startsWith('\uFEFFOmråde;Andel;N;r;r (significance);p\r\nTidlig indsats;0,354')).toBe(true);
    expect(toCsv(table, { locale: 'en-GB' }).startsWith('Område,Andel,N,r,r (signifikans),p\r\nTidlig indsats,0.354')).toBe(true);
  });

  it('honours an explicit delimiter and byte order mark, and refuses a delimiter equal to the decimal mark', () => {
    expect(toCsv(table, { delimiter: '\t', bom: false }).split('\r\n')[0]).toBe('Område\tAndel\tN\tr\tr (signifikans)\tp');
    expect(() => toCsv(table, { delimiter: ',' })).toThrow(/^toCsv: delimiter "," is the decimal mark/);
    expect(() => toCsv(table, { delimiter: ':' as never })).toThrow(RangeError);
  });

  it('writes booleans as words of the language and translates built-in labels on request', () => {
    const t: ReportTable = {
      kind: 'report-table', id: 't', title: 'T', notes: [],
      columns: [{ key: 'a', label: 'I høj grad', format: 'text' }, { key: 'ok', label: 'OK', format: 'text' }],
      rows: [{ a: 'Ved ikke', ok: true }, { a: 'x', ok: false }],
    };
    expect(toCsv(t)).toBe('\uFEFFI høj grad;OK\r\nVed ikke;ja\r\nx;nej\r\n');
    expect(toCsv(t, { lang: 'en', translateLabels: true })).toBe("To a high degree,OK\r\nDon't know,yes\r\nx,no\r\n");
  });
});

describe('toCsv quotes per RFC 4180 and neutralises formulas', () => {
  const one = (value: ReportValue, label = 'x'): string => {
    const t: ReportTable = { kind: 'report-table', id: 't', title: '', notes: [], columns: [{ key: 'x', label, format: 'text' }], rows: [{ x: value }] };
    return toCsv(t, { lang: 'en' }).split('\r\n').slice(0, -1).join('|');
  };

  it('quotes a field holding the delimiter, a quote, CR or LF, and doubles its quotes', () => {
    expect(one('a,b')).toBe('x|"a,b"');
    expect(one('say "hi"')).toBe('x|"say ""hi"""');
    expect(one('two\nlines')).toBe('x|"two\nlines"');
    expect(one('a\rb')).toBe('x|"a\rb"');
    expect(one('a;b')).toBe('x|a;b');
  });

  it('puts an apostrophe before text starting with =, +, -, @, a tab or CR, headers included', () => {
    expect(one('=SUM(A1:A9)')).toBe("x|'=SUM(A1:A9)");
    expect(one('+45 1234')).toBe("x|'+45 1234");
    expect(one('-2+3')).toBe("x|'-2+3");
    expect(one('@cmd')).toBe("x|'@cmd");
    expect(one('\tx')).toBe("x|'\tx");
    expect(one('\rx')).toBe('x|"\'\rx"');
    expect(one('a=b', '=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"|a=b');
  });

  it('never neutralises a number, negative or not', () => {
    const t: ReportTable = { kind: 'report-table', id: 't', title: '', notes: [], columns: [{ key: 'r', label: 'r', format: 'number' }], rows: [{ r: -0.2 }, { r: -0 }] };
    expect(toCsv(t, { lang: 'en' })).toBe('r\r\n-0.2\r\n0\r\n');
  });
});

describe('toCsv refuses what it cannot write, saying where', () => {
  const withText = (text: string): ReportTable => ({
    kind: 'report-table', id: 'summary', title: '', notes: [],
    columns: [{ key: 'item', label: 'Område', format: 'text' }], rows: [{ item: 'ok' }, { item: text }],
  });

  it('refuses a lone surrogate, naming the row, column and table', () => {
    expect(() => toCsv(withText('a\uD800b'))).toThrow(
      'toCsv: the text at row 2, column "Område" of table "summary" holds a lone surrogate (U+D800) at offset 1',
    );
    expect(() => toCsv(withText('\uDC00'))).toThrow(RangeError);
  });

  it('refuses a NUL character, and accepts a surrogate pair', () => {
    expect(() => toCsv(withText('a\u0000'))).toThrow('holds a NUL character at offset 1');
    expect(toCsv(withText('😀'), { lang: 'en' })).toBe('Område\r\nok\r\n😀\r\n');
  });

  it('refuses a misspelt option, a bad lang or locale, and input that is not a table', () => {
    expect(() => toCsv(table, { lng: 'da' } as never)).toThrow('toCsv: unknown option "lng"; did you mean "lang"?');
    expect(() => toCsv(table, { lang: 'de' as never })).toThrow("toCsv: unknown lang \"de\"; use 'da' or 'en'");
    expect(() => toCsv(table, { locale: 'not a locale!' })).toThrow(/^toCsv: locale "not a locale!" is not a BCP 47 language tag/);
    expect(() => toCsv({ kind: 'report', tables: [] } as never)).toThrow(/^toCsv: table must be a report table/);
  });
});

describe('plainNumber writes the shortest round-trip digits without exponent notation', () => {
  it('shifts the decimal mark of exponent forms into place', () => {
    expect(plainNumber(1.5e-7, '.')).toBe('0.00000015');
    expect(plainNumber(-1.25e-10, ',')).toBe('-0,000000000125');
    expect(plainNumber(2.5e21, '.')).toBe('2500000000000000000000');
    expect(plainNumber(1.2345e22, '.')).toBe('12345000000000000000000');
    expect(plainNumber(Number.MIN_VALUE, '.')).toBe(`0.${'0'.repeat(323)}5`);
    expect(plainNumber(-0, ',')).toBe('0');
    expect(plainNumber(17 / 48, ',')).toBe('0,3541666666666667');
  });
});

// ---------------------------------------------------------------------------------------------
// Round trip through likertkit/csv's parseCsv: whatever text and numbers a table holds, reading
// the file back gives the same cells (text neutralised as documented, empty text as null).

/** Characters that stress a CSV writer, mixed with any UTF-16 code unit and any code point. */
const nastyChar = fc.oneof(
  fc.constantFrom('"', ';', ',', '\r', '\n', '\t', '|', ' ', '=', '+', '-', '@', "'", '\uFEFF', '\u2028', 'ø'),
  fc.integer({ min: 1, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
);
const nastyText = fc.oneof(
  fc.string({ unit: nastyChar, maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '=1+1', '-', ''),
);
const hasBad = (s: string): boolean => /[\u0000]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
const neutral = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const header = nastyText.filter((h) => h !== '' && h.trim() === h && !hasBad(h));
const tableArb = fc
  .uniqueArray(fc.record({ label: header, numeric: fc.boolean() }), { minLength: 1, maxLength: 5, selector: (c) => neutral(c.label) })
  .chain((cols) =>
    fc
      .array(
        fc.tuple(
          ...cols.map((c) =>
            c.numeric
              ? fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null))
              : fc.oneof(nastyText.filter((s) => !hasBad(s)), fc.constant(null)),
          ),
        ),
        { maxLength: 6 },
      )
      .map((rows) => ({ cols, rows })),
  );

function buildTable(cols: { label: string; numeric: boolean }[], rows: ReportValue[][]): ReportTable {
  const columns: ReportColumn[] = cols.map((c, j) => ({ key: `k${j}`, label: c.label, format: c.numeric ? 'number' : 'text' }));
  return {
    kind: 'report-table', id: 'prop', title: 't', notes: [], columns,
    // Keys "__proto__" and friends as own keys, as JSON.parse makes them.
    rows: rows.map((cells) => JSON.parse(JSON.stringify(Object.fromEntries(cells.map((v, j) => [`k${j}`, v]))))),
  };
}

describe('toCsv round-trips through parseCsv', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`gives back every header, text and number of any table (${lang})`, () => {
      const mark = lang === 'da' ? ',' : '.';
      fc.assert(
        fc.property(tableArb, ({ cols, rows }) => {
          const csv = toCsv(buildTable(cols, rows), { lang });
          const parsed = parseCsv(csv, { delimiter: lang === 'da' ? ';' : ',', skipEmptyLines: false, strict: true });
          expect(parsed.columns).toEqual(cols.map((c) => neutral(c.label)));
          expect(parsed.rows.length).toBe(rows.length);
          parsed.rows.forEach((record, i) => {
            cols.forEach((c, j) => {
              const cell = record[neutral(c.label)];
              const value = rows[i]?.[j] ?? null;
              // parseCsv reads a field of white space only as empty (its missing rule), as it reads survey exports.
              if (value === null || (typeof value === 'string' && neutral(value).trim() === '')) expect(cell).toBeNull();
              else if (typeof value === 'number') expect(parseNumber(cell as string, { decimal: mark, thousands: '' })).toBe(value === 0 ? 0 : value);
              else expect(cell).toBe(neutral(value as string));
            });
          });
        }),
        { numRuns: 300 },
      );
    });
  }

  it('refuses any text holding a lone surrogate or NUL with a RangeError', () => {
    const bad = fc.tuple(fc.string({ maxLength: 4 }), fc.constantFrom('\u0000', '\uD83D', '\uDE00', '\uDBFF'), fc.string({ maxLength: 4 })).map(([a, b, c]) => a + b + c).filter(hasBad);
    fc.assert(
      fc.property(bad, (text) => {
        expect(() => toCsv(buildTable([{ label: 'x', numeric: false }], [[text]]))).toThrow(RangeError);
      }),
    );
  });

  it('writes and reads back a cell of two million characters', () => {
    const huge = 'a"b;c\r\n'.repeat(300_000);
    const csv = toCsv(buildTable([{ label: 'x', numeric: false }], [[huge]]));
    expect(parseCsv(csv, { delimiter: ';' }).rows[0]?.x).toBe(huge);
  });
});
