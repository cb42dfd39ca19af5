import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvInputError, parseCsv } from '../../src/csv/index';

const fixtureBytes = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** The error `run` throws (fails the test when it throws nothing). */
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('parseCsv on bytes', () => {
  it('reads UTF-8 bytes with a BOM and CRLF, giving the same rows as the text', () => {
    const bytes = fixtureBytes('danish-export.csv');
    const fromBytes = parseCsv(bytes);
    const fromText = parseCsv(new TextDecoder().decode(bytes));
    expect(fromBytes.encoding).toBe('utf-8');
    expect(fromText.encoding).toBe('text');
    expect(fromBytes.rows).toEqual(fromText.rows);
    expect(fromBytes.columns[0]).toBe('Kommune');
    expect(fromBytes.lines).toEqual(fromText.lines);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array (a Node Buffer is one)', () => {
    const bytes = utf8('a;b\n1;æ\n');
    expect(parseCsv(bytes.slice().buffer).rows).toEqual([{ a: '1', b: 'æ' }]);
  });

  it('refuses a windows-1252 export read as UTF-8, naming the file, the byte offset, the line and the option to pass', () => {
    const error = thrown(() => parseCsv(fixtureBytes('windows-1252-export.csv'), { source: 'svar.csv' })) as CsvInputError;
    expect(error).toBeInstanceOf(CsvInputError);
    // "Kommune;Region;Svar\r\n" is 21 bytes, then "K" (byte 21) and ø as the single byte F8 (byte 22)
    expect(error.message).toMatch(/^parseCsv: svar\.csv is not valid UTF-8: byte offset 22 \(line 2\)/);
    expect(error.message).toContain('f8 67 65 3b');
    expect(error.message).toContain("encoding: 'windows-1252'");
    expect(error.issues).toEqual([expect.objectContaining({ kind: 'encoding', row: 2, offset: 22 })]);
  });

  it("reads the same export with encoding: 'windows-1252', curly quotes included", () => {
    const csv = parseCsv(fixtureBytes('windows-1252-export.csv'), { encoding: 'windows-1252' });
    expect(csv.encoding).toBe('windows-1252');
    expect(csv.rows).toEqual([
      { Kommune: 'Køge', Region: 'Sjælland', Svar: 'I høj grad' },
      { Kommune: 'Sønderborg', Region: 'Syddanmark', Svar: '“Ved ikke”' },
    ]);
    expect(csv.lines).toEqual([2, 3]);
  });

  it('reads UTF-16 LE with a BOM without being told', () => {
    const csv = parseCsv(fixtureBytes('utf-16le-bom.csv'));
    expect(csv.encoding).toBe('utf-16le');
    expect(csv.rows).toEqual([{ kommune: 'Køge', svar: 'Ja' }]);
  });

  it('refuses UTF-16 without a BOM read as UTF-8 because of its NUL bytes, suggesting utf-16le', () => {
    const bytes = fixtureBytes('utf-16le-bom.csv').subarray(2); // the same file without its BOM
    const error = thrown(() => parseCsv(bytes, { source: 'svar.csv' })) as CsvInputError;
    expect(error).toBeInstanceOf(CsvInputError);
    // "k" is byte 0 and its high byte 00 is byte 1
    expect(error.issues).toEqual([expect.objectContaining({ kind: 'nul', row: 1, offset: 1 })]);
    expect(error.message).toMatch(/^parseCsv: svar\.csv holds a NUL byte at byte offset 1/);
    expect(error.message).toContain("'utf-16le'");
    expect(parseCsv(bytes, { encoding: 'utf-16le' }).rows).toEqual([{ kommune: 'Køge', svar: 'Ja' }]);
  });

  it('refuses NUL characters in text too, naming the character offset and line', () => {
    const error = thrown(() => parseCsv('a;b\n1;\u00002\n')) as CsvInputError;
    expect(error).toBeInstanceOf(CsvInputError);
    expect(error.issues).toEqual([expect.objectContaining({ kind: 'nul', row: 2, offset: 6 })]);
    expect(error.message).toMatch(/^parseCsv: input holds a NUL character at character offset 6 \(line 2\)/);
  });

  it('throws a RangeError naming an unknown encoding label', () => {
    expect(() => parseCsv(utf8('a'), { encoding: 'dansk' })).toThrow(RangeError);
    expect(() => parseCsv(utf8('a'), { encoding: 'dansk' })).toThrow(/^parseCsv: unknown encoding "dansk"/);
  });

  it('refuses an encoding for text input, which was decoded already, saying to pass the bytes', () => {
    expect(() => parseCsv('a;b\n', { encoding: 'windows-1252' })).toThrow(TypeError);
    expect(() => parseCsv('a;b\n', { encoding: 'windows-1252' })).toThrow(/^parseCsv: encoding applies to bytes.*pass the file's bytes/);
  });

  it('drops a leading U+FEFF from text input, as before', () => {
    expect(parseCsv('\uFEFFa;b\n1;2\n').columns).toEqual(['a', 'b']);
  });
});

describe('parseCsv when only one column is found', () => {
  it('detects "|" as the delimiter and reads a pipe file', () => {
    const csv = parseCsv('kommune|region|svar\nKøge|Sjælland|Ja\nOdder|Midtjylland|"a|b"\n');
    expect(csv.delimiter).toBe('|');
    expect(csv.rows).toEqual([
      { kommune: 'Køge', region: 'Sjælland', svar: 'Ja' },
      { kommune: 'Odder', region: 'Midtjylland', svar: 'a|b' },
    ]);
    expect(csv.issues).toEqual([]);
  });

  it('accepts "|" as a given delimiter', () => {
    expect(parseCsv('a|b,c\n1|2,3\n', { delimiter: '|' }).columns).toEqual(['a', 'b,c']);
  });

  it('raises one clear error instead of one per line for a delimiter it does not read', () => {
    const text = 'kommune:region:svar\nKøge:Sjælland:Ja, tak\nOdder:Midtjylland:Nej\nLæsø:Nordjylland:Ja\n';
    const error = thrown(() => parseCsv(text, { source: 'svar.csv' })) as CsvInputError;
    expect(error).toBeInstanceOf(CsvInputError);
    expect(error.message).toMatch(/^parseCsv: svar\.csv: only one column found \("kommune:region:svar"\); is the delimiter ":"\?/);
    expect(error.message).toContain('pass delimiter or convert the file');
    expect(error.issues).toEqual([expect.objectContaining({ kind: 'delimiter', row: 1 })]);
  });

  it('reads a real one-column file whose values hold that punctuation on some lines only', () => {
    const csv = parseCsv('tidspunkt\n10:30\n11:45\n');
    expect(csv.columns).toEqual(['tidspunkt']);
    expect(csv.rows).toEqual([{ tidspunkt: '10:30' }, { tidspunkt: '11:45' }]);
  });

  it('does not second-guess a delimiter the caller gave', () => {
    expect(parseCsv('a:b\n1:2\n', { delimiter: ';' }).rows).toEqual([{ 'a:b': '1:2' }]);
  });
});

describe('parseCsv rows hold only the file\u2019s columns', () => {
  it('makes a __proto__ header a real own key and leaves the prototype alone', () => {
    const csv = parseCsv('__proto__;constructor;toString\nx;y;z\n');
    const row = csv.rows[0] as Record<string, string | null>;
    expect(Object.keys(row)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.hasOwn(row, '__proto__')).toBe(true);
    expect(row['__proto__']).toBe('x');
    expect(row['constructor']).toBe('y');
    expect(JSON.parse(JSON.stringify(row))).toEqual({ ['__proto__']: 'x', constructor: 'y', toString: 'z' });
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('does not expose inherited members as columns', () => {
    const row = parseCsv('a;b\n1;2\n').rows[0] as Record<string, unknown>;
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
      expect(row[name], name).toBeUndefined();
      expect(name in row, name).toBe(false);
    }
  });
});

describe('parseCsv runs in linear time (hang guards, not benchmarks)', () => {
  const MB = 1_000_000;
  const within = (run: () => void): number => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };

  it('reads a 1 MB unquoted cell in well under a second', () => {
    const cell = 'x'.repeat(MB);
    const ms = within(() => expect(parseCsv(`a;b\n1;${cell}\n`).rows[0]?.b?.length).toBe(MB));
    expect(ms).toBeLessThan(10_000); // a hang guard: quadratic work on 1 MB would take hours
  });

  it('reads a 1 MB quoted cell with line breaks and delimiters in well under a second', () => {
    const cell = 'ab;c\r\n'.repeat(200_000); // 1.2 MB, 200,000 line breaks
    const ms = within(() => {
      const csv = parseCsv(`a;b\n"${cell}";2\n3;4\n`);
      expect(csv.rows[0]?.a).toBe(cell);
      expect(csv.lines).toEqual([2, 2 + 200_000 + 1]);
    });
    expect(ms).toBeLessThan(10_000); // a hang guard: quadratic work on 1 MB would take hours
  });

  it('reads a 1 MB quoted cell made of doubled quotes in well under a second', () => {
    const ms = within(() => expect(parseCsv(`a\n"${'""'.repeat(MB / 2)}"\n`).rows[0]?.a?.length).toBe(MB / 2));
    expect(ms).toBeLessThan(10_000); // a hang guard: quadratic work on 1 MB would take hours
  });

  it('detects the delimiter of a file whose first lines are 1 MB of unbalanced quotes in well under a second', () => {
    const ms = within(() => parseCsv(`a;b\n1;x${'"x'.repeat(MB / 2)}\n`));
    expect(ms).toBeLessThan(10_000); // a hang guard: quadratic work on 1 MB would take hours
  });

  it('reads 1 MB of invalid-looking bytes in windows-1252 in well under a second', () => {
    const bytes = new Uint8Array(MB).fill(0xe6);
    bytes.set([0x61, 0x0a], 0);
    const ms = within(() => expect(parseCsv(bytes, { encoding: 'windows-1252' }).rows[0]?.a?.length).toBe(MB - 2));
    expect(ms).toBeLessThan(10_000); // a hang guard: quadratic work on 1 MB would take hours
  });
});
