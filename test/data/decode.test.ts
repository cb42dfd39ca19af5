import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeInputError, decodeText } from '../../src/index';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
/** The error `run` throws (fails the test when it throws nothing). */
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

// "Sjælland" in UTF-8: æ is U+00E6 = C3 A6. In windows-1252 (and Latin-1) æ is the single byte E6.
const SJAELLAND_UTF8 = bytes(0x53, 0x6a, 0xc3, 0xa6, 0x6c, 0x6c, 0x61, 0x6e, 0x64);
const SJAELLAND_1252 = bytes(0x53, 0x6a, 0xe6, 0x6c, 0x6c, 0x61, 0x6e, 0x64);

describe('decodeText without a byte order mark', () => {
  it('decodes valid UTF-8 by default and says so', () => {
    expect(decodeText(SJAELLAND_UTF8)).toEqual({ text: 'Sjælland', encoding: 'utf-8', bom: false });
  });

  it('accepts an ArrayBuffer and a Uint8Array view into a larger buffer alike', () => {
    const buffer = new Uint8Array([0x78, ...SJAELLAND_UTF8, 0x78]).buffer;
    expect(decodeText(SJAELLAND_UTF8.slice().buffer).text).toBe('Sjælland');
    expect(decodeText(new Uint8Array(buffer, 1, SJAELLAND_UTF8.length)).text).toBe('Sjælland');
  });

  it('decodes windows-1252 when asked, and reports the canonical name of a label such as latin1', () => {
    expect(decodeText(SJAELLAND_1252, { encoding: 'windows-1252' })).toEqual({ text: 'Sjælland', encoding: 'windows-1252', bom: false });
    expect(decodeText(SJAELLAND_1252, { encoding: 'latin1' }).encoding).toBe('windows-1252');
    // 0x80 is the euro sign in windows-1252 (not a C1 control as in ISO 8859-1)
    expect(decodeText(bytes(0x80), { encoding: 'windows-1252' }).text).toBe('€');
  });

  it('decodes the windows-1252 bytes 0x80–0x9F by the WHATWG table, not as Latin-1 controls (Node bug nodejs/node#56542)', () => {
    // index-windows-1252: 0x92 U+2019 ’, 0x93 U+201C “, 0x94 U+201D ”, 0x96 U+2013 –, 0x8A U+0160 Š, 0x81 stays U+0081
    expect(decodeText(bytes(0x93, 0x56, 0x65, 0x64, 0x20, 0x69, 0x6b, 0x6b, 0x65, 0x94), { encoding: 'windows-1252' }).text).toBe('“Ved ikke”');
    expect(decodeText(bytes(0x92, 0x96, 0x8a, 0x81), { encoding: 'windows-1252' }).text).toBe('\u2019\u2013\u0160\u0081');
  });

  it('decodes a large windows-1252 input (more than one internal chunk) completely', () => {
    const input = new Uint8Array(20_001).fill(0xe6);
    input[20_000] = 0x80;
    const text = decodeText(input, { encoding: 'windows-1252' }).text;
    expect(text.length).toBe(20_001);
    expect(text.slice(0, 3)).toBe('æææ');
    expect(text.endsWith('æ€')).toBe(true);
  });

  it('decodes UTF-16 LE and BE when asked', () => {
    expect(decodeText(bytes(0x61, 0x00, 0xe6, 0x00), { encoding: 'utf-16le' })).toEqual({ text: 'aæ', encoding: 'utf-16le', bom: false });
    expect(decodeText(bytes(0x00, 0x61, 0x00, 0xe6), { encoding: 'utf-16be' }).text).toBe('aæ');
  });

  it('decodes empty input to empty text', () => {
    expect(decodeText(bytes())).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });
});

describe('decodeText with a byte order mark', () => {
  it('removes a UTF-8 BOM and reports it', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ text: 'a', encoding: 'utf-8', bom: true });
  });

  it('lets a UTF-16 LE or BE BOM decide the encoding', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x61, 0x00, 0xf8, 0x00))).toEqual({ text: 'aø', encoding: 'utf-16le', bom: true });
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x61, 0x00, 0xf8))).toEqual({ text: 'aø', encoding: 'utf-16be', bom: true });
  });

  it('lets the BOM win over a different encoding option', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa6), { encoding: 'windows-1252' })).toEqual({ text: 'æ', encoding: 'utf-8', bom: true });
  });

  it('removes only the first BOM: a second U+FEFF stays text', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61)).text).toBe('\uFEFFa');
  });
});

describe('decodeText refuses invalid UTF-8', () => {
  it('names the source, the first bad byte offset, its line and the bytes there, and suggests windows-1252', () => {
    const error = thrown(() => decodeText(SJAELLAND_1252, { source: 'svar.csv' }));
    expect(error).toBeInstanceOf(DecodeInputError);
    const message = (error as Error).message;
    expect(message).toMatch(/^decodeText: svar\.csv is not valid UTF-8: byte offset 2 \(line 1\)/);
    expect(message).toContain('e6 6c 6c 61 6e 64');
    expect(message).toContain('"ælland"');
    expect(message).toContain("encoding: 'windows-1252'");
    expect((error as DecodeInputError).issues).toEqual([
      expect.objectContaining({ kind: 'encoding', source: 'svar.csv', offset: 2, line: 1 }),
    ]);
  });

  it('calls the source "input" by default', () => {
    expect(() => decodeText(bytes(0xff))).toThrow(/^decodeText: input is not valid UTF-8: byte offset 0/);
  });

  it('counts the line of the bad byte across CRLF, LF and lone CR line ends', () => {
    // "a\r\nb\nc\rd" then 0xF8 (ø in windows-1252): lines 1 a, 2 b, 3 c, 4 d + the bad byte at offset 8
    const error = thrown(() => decodeText(bytes(0x61, 0x0d, 0x0a, 0x62, 0x0a, 0x63, 0x0d, 0x64, 0xf8))) as DecodeInputError;
    expect(error.issues[0]).toMatchObject({ offset: 8, line: 4 });
  });

  it('finds the first bad byte after valid multi-byte sequences', () => {
    // æ (C3 A6), € (E2 82 AC), 😀 (F0 9F 98 80) are valid; then C3 followed by an ASCII byte is not
    const input = bytes(0xc3, 0xa6, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xc3, 0x41);
    expect((thrown(() => decodeText(input)) as DecodeInputError).issues[0]?.offset).toBe(9);
  });

  it.each([
    ['a stray continuation byte', [0x41, 0x80], 1],
    ['an overlong two-byte form (C0 80)', [0xc0, 0x80], 0],
    ['an overlong three-byte form (E0 80 80)', [0x41, 0xe0, 0x80, 0x80], 1],
    ['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80], 0],
    ['a code point above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a byte F5', [0x41, 0x41, 0xf5], 2],
    ['a sequence cut off by the end', [0x41, 0xe2, 0x82], 1],
    ['invalid bytes after a UTF-8 BOM (offset counts the BOM)', [0xef, 0xbb, 0xbf, 0x41, 0xe6], 4],
  ])('rejects %s at the right offset', (_name, values, offset) => {
    expect((thrown(() => decodeText(bytes(...values))) as DecodeInputError).issues[0]?.offset).toBe(offset);
  });

  it('also decodes strictly when utf-8 is given explicitly', () => {
    expect(() => decodeText(SJAELLAND_1252, { encoding: 'utf-8' })).toThrow(DecodeInputError);
  });

  it('rejects an unpaired surrogate in UTF-16, naming its byte offset', () => {
    // BOM FF FE, "a" (61 00), then a lone high surrogate D800 (00 D8) followed by "b" (62 00)
    const error = thrown(() => decodeText(bytes(0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62, 0x00))) as DecodeInputError;
    expect(error).toBeInstanceOf(DecodeInputError);
    expect(error.issues[0]).toMatchObject({ kind: 'encoding', offset: 4, line: 1 });
  });
});

describe('decodeText refuses NUL characters', () => {
  it('names the byte offset and suggests utf-16le for UTF-16 without a BOM read as UTF-8', () => {
    // "ab" in UTF-16 LE without a BOM: 61 00 62 00; the first NUL is byte 1
    const error = thrown(() => decodeText(bytes(0x61, 0x00, 0x62, 0x00), { source: 'x.csv' })) as DecodeInputError;
    expect(error).toBeInstanceOf(DecodeInputError);
    expect(error.message).toMatch(/^decodeText: x\.csv holds a NUL byte at byte offset 1 \(line 1\)/);
    expect(error.message).toContain("'utf-16le'");
    expect(error.issues[0]).toMatchObject({ kind: 'nul', offset: 1, line: 1 });
  });

  it('reports the NUL rather than the invalid byte when UTF-16 without a BOM holds non-ASCII text', () => {
    // "aø" in UTF-16 LE: 61 00 F8 00; read as UTF-8 the NUL (byte 1) comes before the invalid F8 (byte 2)
    expect((thrown(() => decodeText(bytes(0x61, 0x00, 0xf8, 0x00))) as DecodeInputError).issues[0]).toMatchObject({ kind: 'nul', offset: 1 });
  });

  it('names the byte offset of a NUL code unit in UTF-16, counting the BOM', () => {
    // BOM, "a", CRLF, U+0000: the NUL unit is at bytes 8–9, on line 2
    const input = bytes(0xff, 0xfe, 0x61, 0x00, 0x0d, 0x00, 0x0a, 0x00, 0x00, 0x00);
    expect((thrown(() => decodeText(input)) as DecodeInputError).issues[0]).toMatchObject({ kind: 'nul', offset: 8, line: 2 });
  });

  it('names the byte offset of a NUL byte in windows-1252 text after non-ASCII bytes', () => {
    expect((thrown(() => decodeText(bytes(0xe6, 0x0a, 0x00), { encoding: 'windows-1252' })) as DecodeInputError).issues[0]).toMatchObject({
      offset: 2,
      line: 2,
    });
  });
});

describe('decodeText argument checks', () => {
  it('throws a RangeError naming an unknown encoding label', () => {
    expect(() => decodeText(bytes(0x61), { encoding: 'danish' })).toThrow(RangeError);
    expect(() => decodeText(bytes(0x61), { encoding: 'danish' })).toThrow(/^decodeText: unknown encoding "danish"/);
  });

  it('throws a TypeError for text or other non-bytes input, naming the function', () => {
    expect(() => decodeText('abc' as unknown as Uint8Array)).toThrow(/^decodeText: bytes must be a Uint8Array or an ArrayBuffer/);
    expect(() => decodeText(bytes(0x61), { encoding: 1252 as unknown as string })).toThrow(/^decodeText: encoding must be a string/);
  });

  it('runs in linear time on 2 MB of valid and of invalid UTF-8 (hang guard, not a benchmark)', () => {
    const valid = new Uint8Array(2_000_000).fill(0xc3).map((b, i) => (i % 2 === 0 ? b : 0xa6));
    const invalid = valid.slice();
    invalid[invalid.length - 1] = 0x41; // the last æ is cut: C3 then A
    const start = performance.now();
    expect(decodeText(valid).text.length).toBe(1_000_000);
    expect((thrown(() => decodeText(invalid)) as DecodeInputError).issues[0]?.offset).toBe(1_999_998);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});

describe('decodeText property: the first bad byte agrees with the platform decoder', () => {
  // Bytes without 0x00 (a NUL is its own error), biased towards lead and continuation bytes.
  const byte = fc.oneof(fc.integer({ min: 1, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }));
  const valid = fc.string({ unit: fc.constantFrom('a', 'æ', '€', '😀', '\u0800', '\uffff', '\u{10ffff}') });

  it('throws exactly when TextDecoder (fatal) refuses the bytes, and everything before the offset is valid UTF-8', () => {
    fc.assert(
      fc.property(valid, fc.array(byte, { maxLength: 12 }), (prefix, tail) => {
        const input = new Uint8Array([...new TextEncoder().encode(prefix), ...tail]);
        let platformOk = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(input);
        } catch {
          platformOk = false;
        }
        let offset = -1;
        try {
          decodeText(input);
        } catch (error) {
          expect(error).toBeInstanceOf(DecodeInputError);
          offset = (error as DecodeInputError).issues[0]?.offset as number;
        }
        expect(offset === -1).toBe(platformOk);
        if (offset !== -1) {
          expect(offset).toBeGreaterThanOrEqual(new TextEncoder().encode(prefix).length);
          // the bytes before the offset decode, and the decoder's first replacement character is at the offset
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(input.subarray(0, offset))).not.toThrow();
          const lenient = new TextDecoder('utf-8').decode(input);
          const before = new TextDecoder('utf-8').decode(input.subarray(0, offset));
          expect(lenient.startsWith(before)).toBe(true);
          expect(lenient.charAt(before.length)).toBe('\uFFFD');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
