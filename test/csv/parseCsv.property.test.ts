import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvDelimiter } from '../../src/csv/index';

// Random tables are written out as RFC 4180 by the small writer below (independent of parseCsv),
// with random line ends, quoting, blank lines and byte order marks, encoded by our own encoders,
// and must come back cell for cell, each row on the line the writer put it.

/** Characters a cell may hold: delimiters, quotes, line breaks, Danish letters, € and an astral emoji. */
const CHARS = ['a', 'b', 'Z', '1', ' ', ',', ';', '\t', '|', '"', '\r', '\n', 'æ', 'ø', 'å', 'Å', 'é', '€', '😀', ':', '#'];
const cellText = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 8 });
const cell = fc.oneof(
  cellText,
  fc.constantFrom('', ' ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'I høj grad', 'Ved ikke'),
);
const headerName = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'Sjælland', 'svar; 1', 'id'),
  cellText.filter((s) => s !== '' && s.trim() === s),
);

/** Characters the writer always quotes, so that the delimiter detection sees only the real delimiter outside quotes. */
const SPECIAL = /[",;\t|\r\n:^~#!/\\]/;

interface Layout {
  readonly header: string[];
  readonly body: string[][];
  readonly delimiter: CsvDelimiter;
  /** Per record (header first): the line end after it, whether to quote each cell, blank lines after it. */
  readonly ends: string[];
  readonly quoteAll: boolean[];
  readonly blankAfter: number[];
  readonly finalEnd: boolean;
}

const layout: fc.Arbitrary<Layout> = fc
  .record({
    header: fc.uniqueArray(headerName, { minLength: 1, maxLength: 5 }),
    rowCount: fc.integer({ min: 0, max: 6 }),
    delimiter: fc.constantFrom<CsvDelimiter>(',', ';', '\t', '|'),
    seed: fc.array(fc.tuple(fc.constantFrom('\r\n', '\n', '\r'), fc.boolean(), fc.integer({ min: 0, max: 2 })), { minLength: 7, maxLength: 7 }),
    cells: fc.array(cell, { minLength: 30, maxLength: 30 }),
    finalEnd: fc.boolean(),
  })
  .map(({ header, rowCount, delimiter, seed, cells, finalEnd }) => {
    const width = header.length;
    const body = Array.from({ length: rowCount }, (_, r) => Array.from({ length: width }, (_, c) => cells[(r * width + c) % cells.length] as string));
    return {
      header,
      body,
      delimiter,
      ends: seed.map((s) => s[0]),
      quoteAll: seed.map((s) => s[1]),
      blankAfter: seed.map((s) => s[2]),
      finalEnd,
    };
  });

/** Line ends in `text`: CRLF, LF and a lone CR each count once. */
function breaksIn(text: string): number {
  return (text.match(/\r\n|\n|\r/g) ?? []).length;
}

/** Writes the table as CSV text and returns it with the 1-based line each data record starts on. */
function write(t: Layout): { text: string; lines: number[] } {
  const records = [t.header, ...t.body];
  let text = '';
  let line = 1;
  const lines: number[] = [];
  records.forEach((record, r) => {
    if (r > 0) lines.push(line);
    const fields = record.map((value) => {
      // A lone empty field would be an empty line, so it is quoted too.
      const quote = t.quoteAll[r] === true || SPECIAL.test(value) || (record.length === 1 && value === '');
      return quote ? `"${value.replaceAll('"', '""')}"` : value;
    });
    const written = fields.join(t.delimiter);
    text += written;
    line += breaksIn(written);
    const last = r === records.length - 1;
    if (!last || t.finalEnd) {
      text += t.ends[r] as string;
      line += 1;
      if (!last) {
        // Blank lines are always CRLF, so that a preceding lone CR and a following LF never pair up.
        const blanks = t.blankAfter[r] as number;
        text += '\r\n'.repeat(blanks);
        line += blanks;
      }
    }
  });
  return { text, lines };
}

const isBlank = (value: string): boolean => value.trim() === '';

function encodeUtf16le(text: string, bom: boolean): Uint8Array {
  const out = new Uint8Array(2 * text.length + (bom ? 2 : 0));
  let k = 0;
  if (bom) {
    out[k++] = 0xff;
    out[k++] = 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[k++] = unit & 0xff;
    out[k++] = unit >> 8;
  }
  return out;
}

/** windows-1252 for the characters the tests use (ASCII, U+00A0–U+00FF and €), or undefined when a character has no byte. */
function encodeWindows1252(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else if (c === 0x20ac) out[i] = 0x80;
    else return undefined;
  }
  return out;
}

type Encoded = { input: string | Uint8Array; encoding?: string; expected: string };

/** The text as one of: a string, UTF-8 with or without BOM, UTF-16 LE with BOM, windows-1252 (when it can hold the text). */
function encodeAs(text: string, how: number): Encoded {
  switch (how) {
    case 0:
      return { input: text, expected: 'text' };
    case 1:
      return { input: new TextEncoder().encode(text), expected: 'utf-8' };
    case 2:
      return { input: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), expected: 'utf-8' };
    case 3:
      return { input: encodeUtf16le(text, true), expected: 'utf-16le' };
    default: {
      const bytes = encodeWindows1252(text);
      return bytes === undefined
        ? { input: encodeUtf16le(text, true), expected: 'utf-16le' }
        : { input: bytes, encoding: 'windows-1252', expected: 'windows-1252' };
    }
  }
}

describe('parseCsv property: every cell of a random table comes back, on its real line', () => {
  it('returns the cells (blank as null), the lines and the row count, whatever the line ends, quoting, BOM and encoding', () => {
    fc.assert(
      fc.property(layout, fc.integer({ min: 0, max: 4 }), fc.boolean(), (t, how, giveDelimiter) => {
        const { text, lines } = write(t);
        const encoded = encodeAs(text, how);
        const csv = parseCsv(encoded.input, {
          ...(encoded.encoding === undefined ? {} : { encoding: encoded.encoding }),
          ...(giveDelimiter ? { delimiter: t.delimiter } : {}),
        });
        expect(csv.encoding).toBe(encoded.expected);
        expect(csv.columns).toEqual(t.header);
        expect(csv.rowCount).toBe(t.body.length);
        expect(csv.lines).toEqual(lines);
        expect(csv.issues).toEqual([]);
        csv.rows.forEach((row, r) => {
          // (as a set: JavaScript lists integer-like keys such as "1" first, whatever the file order; csv.columns keeps it)
          expect(Object.keys(row).sort()).toEqual([...t.header].sort());
          t.header.forEach((name, c) => {
            const value = t.body[r]?.[c] as string;
            expect(Object.hasOwn(row, name)).toBe(true);
            expect(row[name]).toBe(isBlank(value) ? null : value);
          });
        });
        if (t.header.length > 1) expect(csv.delimiter).toBe(t.delimiter);
      }),
      { numRuns: 400 },
    );
  });

  it('never exposes an inherited member as a column of a row', () => {
    fc.assert(
      fc.property(layout, (t) => {
        const csv = parseCsv(write(t).text, { delimiter: t.delimiter });
        for (const row of csv.rows) {
          for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf']) {
            expect(name in row).toBe(t.header.includes(name));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
