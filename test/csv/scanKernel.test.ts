import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { scanSource } from '../../scripts/build-kernel';
import { parseCsv, safeSurveyFromCsv } from '../../src/csv/index';
import { byteReader } from '../../src/csv/surveyFromCsv';
import { STOP_END, STOP_FULL, STOP_SLOW, WasmRecords } from '../../src/csv/wasmRecords';
import { safeSurvey, scales } from '../../src/index';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function reader(width: number, delimiter = ','): WasmRecords {
  const r = WasmRecords.create(Array.from({ length: width }, () => true), delimiter.charCodeAt(0));
  if (r === null) throw new Error('WebAssembly SIMD is not available on this Node');
  return r;
}

/** The cells of the last scan's records, as text, by record. */
function cells(r: WasmRecords, buf: Uint8Array, count: number, width: number): string[][] {
  const decoder = new TextDecoder();
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: width }, (_, f) => decoder.decode(buf.subarray(r.fieldStart(i, f), r.fieldEnd(i, f)))),
  );
}

describe('the CSV byte reader kernel', () => {
  it('is the committed output of scripts/build-kernel.ts', async () => {
    const committed = readFileSync(new URL('../../src/csv/scan.wasm.ts', import.meta.url), 'utf8');
    expect(await scanSource()).toBe(committed);
  });

  it('splits unquoted records and stops before a record that may go on', () => {
    const buf = encode('a,bb,c\nddd,,f\r\ng,h,i');
    const r = reader(3);
    r.load(buf);
    expect(r.scan(0, buf.length, false, 100)).toBe(2);
    expect(r.why).toBe(STOP_END);
    expect(r.stop).toBe(15); // the start of "g,h,i", which has no line end yet
    expect(cells(r, buf, 2, 3)).toEqual([
      ['a', 'bb', 'c'],
      ['ddd', '', 'f'],
    ]);
    // At the end of the input the last record goes to the text reader, which knows the rules.
    expect(r.scan(15, buf.length, true, 100)).toBe(0);
    expect(r.why).toBe(STOP_SLOW);
    expect(r.stop).toBe(15);
  });

  it('leaves quotes, empty lines and records of the wrong width to the text reader', () => {
    for (const [text, first] of [
      ['a,b\n"c",d\n', 4],
      ['a,b\nc,d"\n', 4],
      ['a,b\n\nc,d\n', 4],
      ['a,b\r\rc,d\n', 4],
      ['a,b\nc\n', 4],
      ['a,b\nc,d,e\n', 4],
    ] as const) {
      const buf = encode(text);
      const r = reader(2);
      r.load(buf);
      expect(r.scan(0, buf.length, true, 100), text).toBe(1);
      expect(r.why, text).toBe(STOP_SLOW);
      expect(r.stop, text).toBe(first);
    }
  });

  it('waits for the byte after a CR that ends the bytes, unless they are the last', () => {
    const buf = encode('a,b\r');
    const r = reader(2);
    r.load(buf);
    expect(r.scan(0, buf.length, false, 100)).toBe(0);
    expect(r.why).toBe(STOP_END);
    expect(r.stop).toBe(0);
    expect(r.scan(0, buf.length, true, 100)).toBe(1);
    expect(r.stop).toBe(4);
  });

  it('stops after the number of records asked for', () => {
    const buf = encode('1\n2\n3\n4\n');
    const r = reader(1);
    r.load(buf);
    expect(r.scan(0, buf.length, true, 3)).toBe(3);
    expect(r.why).toBe(STOP_FULL);
    expect(r.stop).toBe(6);
  });

  it('finds a spelling only in its own column and only for exactly its bytes', () => {
    // Spellings of 15, 16, 17, 31, 32 and 33 bytes that share their first 16 bytes.
    const base = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const words = [15, 16, 17, 31, 32, 33].map((n) => base.slice(0, n));
    const buf = encode(`${words.join(',')}\n`);
    const r = reader(words.length);
    r.load(buf);
    expect(r.scan(0, buf.length, true, 10)).toBe(1);
    words.forEach((_, f) => expect(r.add(f, r.fieldStart(0, f), r.fieldEnd(0, f), 10 + f)).toBe(f === 5 ? 0 : 1));
    expect(r.add(0, r.fieldStart(0, 0), r.fieldEnd(0, 0), 10)).toBe(2);
    // Words of the same length that differ only in their last byte are not found.
    const twins = encode(`${words.map((w) => `${w.slice(0, -1)}#`).join(',')}\n`);
    r.load(twins);
    expect(r.scan(0, twins.length, true, 10)).toBe(1);
    words.forEach((_, f) => expect(r.columnCodes(f, 1)[0], `column ${f}`).toBe(-1));
    // The same words, each in every column: found only where it was added.
    const rows = words.map((_, shift) => words.map((_, f) => words[(f + shift) % words.length] as string));
    const next = encode(`${rows.map((row) => row.join(',')).join('\n')}\n`);
    r.load(next);
    expect(r.scan(0, next.length, true, 10)).toBe(words.length);
    for (let f = 0; f < words.length; f++) {
      const codes = Array.from(r.columnCodes(f, words.length));
      // Record 0 holds each column's own word; spellings longer than 32 bytes are not kept.
      expect(codes, `column ${f}`).toEqual(words.map((_, shift) => (shift === 0 && f !== 5 ? 10 + f : -1)));
    }
  });
});

describe('the CSV byte reader kernel, 64 bytes at a time', () => {
  it('passes the LF of a CRLF wherever it falls against the 64-byte blocks', () => {
    // The first record's CR at every offset from 58 to 70 of the scan's start, so that its LF
    // is the last byte of one block or the first of the next.
    for (let n = 56; n <= 68; n++) {
      const text = `${'a'.repeat(n)},b\r\nc,d\r\n${'e'.repeat(70)},f\r\ng,h\r\n`;
      const buf = encode(text);
      const r = reader(2);
      r.load(buf);
      expect(r.scan(0, buf.length, true, 100), `n = ${n}`).toBe(4);
      expect(r.why, `n = ${n}`).toBe(STOP_END);
      expect(r.stop, `n = ${n}`).toBe(buf.length);
      expect(cells(r, buf, 4, 2), `n = ${n}`).toEqual([
        ['a'.repeat(n), 'b'],
        ['c', 'd'],
        ['e'.repeat(70), 'f'],
        ['g', 'h'],
      ]);
    }
  });

  it('splits a field longer than many blocks, and records that start mid-block', () => {
    const long = 'x'.repeat(1000);
    const buf = encode(`p,${long}\n${long},q\n,\n`);
    const r = reader(2);
    r.load(buf);
    // Start after the first byte, so that no block is aligned with the bytes.
    expect(r.scan(0, buf.length, true, 100)).toBe(3);
    expect(cells(r, buf, 3, 2)).toEqual([
      ['p', long],
      [long, 'q'],
      ['', ''],
    ]);
    r.load(buf);
    expect(r.scan(2 + long.length + 1, buf.length, true, 100)).toBe(2);
    expect(cells(r, buf, 2, 2)).toEqual([
      [long, 'q'],
      ['', ''],
    ]);
  });

  it('finds the second spelling of a length in the hash table, the first without it', () => {
    // 'ja' and 'nu' share a length: the first is found in its slot, the second by hashing.
    const spellings = encode('ja,nu,\n');
    const r = reader(1);
    r.load(spellings);
    expect(r.add(0, 0, 2, 7, 1)).toBe(1);
    expect(r.add(0, 3, 5, 8, 2)).toBe(1);
    expect(r.add(0, 3, 5, 8, 2)).toBe(2);
    const buf = encode('ja\nnu\nne\nja\n\n'.replace('\n\n', '\n'));
    r.load(buf);
    expect(r.scan(0, buf.length, true, 10)).toBe(4);
    expect(Array.from(r.columnCodes(0, 4))).toEqual([7, 8, -1, 7]);
    expect(r.unknown[0]).toBe(1);
    // The batch with a cell left to the caller is not counted.
    expect(r.tallyOf(0)[1]).toBe(0);
  });

  it('counts the code bytes of a batch whose every cell it found, and gives the indices as bytes or wider', () => {
    // Words of lengths 1 … 32 (indices 0 … 31, each the first of its length), then 268 words of
    // four bytes (indices 32 … 299), found by hashing.
    const words = [...Array.from({ length: 32 }, (_, k) => 'x'.repeat(k + 1)), ...Array.from({ length: 268 }, (_, k) => `y${String(k).padStart(3, '0')}`)];
    const spell = encode(`${words.join('\n')}\n`);
    const r = reader(1);
    r.load(spell);
    expect(r.scan(0, spell.length, true, 1000)).toBe(300);
    for (let k = 0; k < 300; k++) expect(r.add(0, r.fieldStart(k, 0), r.fieldEnd(k, 0), k, k % 3)).toBe(1);
    /** Scans `text` (one cell a line, every cell known) and checks its indices, their type, code bytes and the counts so far. */
    const batch = (text: string, kind: typeof Uint8Array | typeof Int16Array, indices: number[], coded: number[], counts: number[]): void => {
      const buf = encode(text);
      r.load(buf);
      expect(r.scan(0, buf.length, true, 10)).toBe(indices.length);
      expect(r.unknown[0]).toBe(0);
      expect(r.columnIndices(0, indices.length)).toBeInstanceOf(kind);
      expect(Array.from(r.columnIndices(0, indices.length))).toEqual(indices);
      expect(Array.from(r.columnCodes(0, indices.length))).toEqual(indices);
      expect(Array.from(r.columnCoded(0, indices.length))).toEqual(coded);
      expect(Array.from(r.tallyOf(0).subarray(0, 3))).toEqual(counts);
    };
    // Each cell in the first slot of its length, with an index below 256: the indices as bytes.
    batch('x\nxx\nxxxx\nx\n', Uint8Array, [0, 1, 3, 0], [0, 1, 0, 0], [3, 1, 0]);
    // Cells found by hashing, one with an index beyond a byte: the indices come whole.
    batch('y267\ny000\nxx\n', Int16Array, [299, 32, 1], [299 % 3, 32 % 3, 1], [3, 1 + 1, 0 + 2]);
  });

  it('finds an empty cell only once its column has the empty spelling, and never a NUL cell', () => {
    const r = reader(2);
    const buf = encode(',\n\u0000,\n');
    r.load(buf);
    expect(r.scan(0, buf.length, true, 10)).toBe(2);
    expect(Array.from(r.columnCodes(0, 2))).toEqual([-1, -1]);
    expect(r.add(0, 0, 0, 5, 0)).toBe(1);
    expect(r.add(0, 0, 0, 5, 0)).toBe(2);
    r.load(buf);
    expect(r.scan(0, buf.length, true, 10)).toBe(2);
    // The NUL byte matches no slot: its column's slot of length 1 is empty, and so is its bytes' pattern.
    expect(Array.from(r.columnCodes(0, 2))).toEqual([5, -1]);
    expect(Array.from(r.columnCodes(1, 2))).toEqual([-1, -1]);
  });
});

const ANSWERS = ['I høj grad', 'Slet ikke', 'I meget høj grad', 'I mindre grad'];

// surveyFromCsv with the kernel and with the JavaScript byte reader, against parseCsv + survey().
describe('surveyFromCsv with the byte reader kernel', () => {
  afterEach(() => {
    byteReader.kernel = 'wasm';
  });

  const base = 'Æbcdefghijklmnopqrstuvwxyzøå0123456789';
  // Cells that share long prefixes, differ in one byte at the edges of the kernel's 16-byte
  // words, or are empty, blank or non-ASCII.
  const VOCABULARY = ['', ' ', 'x', 'X', 'ø', ...[1, 14, 15, 16, 17, 30, 31, 32, 33, 40].flatMap((n) => [base.slice(0, n), `${base.slice(0, n - 1)}#`])];

  it('codes every cell as parseCsv and survey() do, for cells that differ in a single byte at any length', async () => {
    const width = 6;
    const names = Array.from({ length: width }, (_, f) => `c${f}`);
    const definition = {
      id: 'id',
      items: [{ id: 'q', scale: scales.daDegree4 }],
      attributes: Object.fromEntries(names.map((name) => [name, 'category' as const])),
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.constantFrom(...VOCABULARY), { minLength: width, maxLength: width }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 200 }),
        async (rows, chunk) => {
          const text = `id,q,${names.join(',')}\n${rows.map((row, i) => `${i + 1},${ANSWERS[i % 4]},${row.join(',')}`).join('\n')}\n`;
          const expected = safeSurvey({ rows: parseCsv(text).rows, ...definition });
          expect(expected.ok).toBe(true);
          const bytes = encode(text);
          const chunks = (async function* () {
            for (let at = 0; at < bytes.length; at += chunk) yield bytes.slice(at, at + chunk);
          })();
          const got = await safeSurveyFromCsv(chunks, definition);
          if (!got.ok || !expected.ok) throw new Error('surveyFromCsv did not read a table that survey() reads');
          expect(Array.from(got.survey.item('q').codes)).toEqual(Array.from(expected.survey.item('q').codes));
          for (const name of names) expect(got.survey.category(name), name).toEqual(expected.survey.category(name));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads a file of many kernel pieces, with records and long cells across their edges, as the text path does', async () => {
    // About 600 kB: records of 40 to 200 000 bytes, so that the byte reader's 128 kB pieces
    // end inside records, inside cells and inside two-byte characters.
    const rows = Array.from({ length: 3000 }, (_, i) => [ANSWERS[i % 4] as string, i % 997 === 5 ? 'ø'.repeat(100_000) : `r${'æ'.repeat(i % 60)}`]);
    const text = `id,q,c\n${rows.map((row, i) => `${i + 1},${row.join(',')}`).join('\n')}\n`;
    const definition = { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { c: 'category' as const } };
    const expected = safeSurvey({ rows: parseCsv(text).rows, ...definition });
    if (!expected.ok) throw new Error('the reference did not read');
    const bytes = encode(text);
    expect(bytes.length).toBeGreaterThan(5 * (1 << 17));
    for (const chunk of [bytes.length, 1 << 20, 99_991]) {
      const chunks = (async function* () {
        for (let at = 0; at < bytes.length; at += chunk) yield bytes.slice(at, at + chunk);
      })();
      const got = await safeSurveyFromCsv(chunks, definition);
      if (!got.ok) throw new Error(`chunks of ${chunk}: did not read`);
      expect(Array.from(got.survey.item('q').codes), `chunks of ${chunk}`).toEqual(Array.from(expected.survey.item('q').codes));
      expect(got.survey.category('c'), `chunks of ${chunk}`).toEqual(expected.survey.category('c'));
    }
  });

  it('stays exact when the spelling table is full', async () => {
    // 24 columns of 300 distinct cells each: more spellings than the kernel's table holds.
    const width = 24;
    const names = Array.from({ length: width }, (_, f) => `c${f}`);
    const rows = Array.from({ length: 900 }, (_, i) => names.map((_, f) => `v${(i * (f + 7)) % 300}-${f % 3}`));
    const text = `id,q,${names.join(',')}\n${rows.map((row, i) => `${i + 1},${ANSWERS[i % 4]},${row.join(',')}`).join('\n')}\n`;
    const definition = { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: Object.fromEntries(names.map((name) => [name, 'category' as const])) };
    const expected = safeSurvey({ rows: parseCsv(text).rows, ...definition });
    if (!expected.ok) throw new Error('the reference did not read');
    for (const kernel of ['wasm', 'js'] as const) {
      byteReader.kernel = kernel;
      const got = await safeSurveyFromCsv(encode(text), definition);
      if (!got.ok) throw new Error(`${kernel}: did not read`);
      for (const name of names) expect(got.survey.category(name), `${kernel} ${name}`).toEqual(expected.survey.category(name));
    }
  });
});
