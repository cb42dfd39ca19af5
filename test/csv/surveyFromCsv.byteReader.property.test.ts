import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvInputError, parseCsv, safeSurveyFromCsv, type CsvDelimiter, type CsvInput } from '../../src/csv/index';
import { safeSurvey, scales, type Survey } from '../../src/index';
import { byteReader } from '../../src/csv/surveyFromCsv';

// surveyFromCsv reads the records after the header and the first ten on their bytes (UTF-8 and
// windows-1252): a cell whose bytes its column has seen before is coded without being decoded.
// The reference is the plain string path, parseCsv on the whole text and then survey({ rows }):
// the byte reader must give the same survey, the same issues and lines, and for bytes that do
// not decode the same error, at the same offset and line, as decoding the chunks one by one.

const ANSWERS = ['I høj grad', 'i  HØJ grad', 'Slet ikke', 'I mindre grad', 'I meget høj grad', 'Ved ikke', '“Ved ikke”', '', ' ', 'Måske', 'x"y', 'a;b,c', 'I høj\r\ngrad', '3'];
const REGIONS = ['Hovedstaden', 'Sjælland', ' Nord ', '', 'Syd;danmark', 'Æ', 'Region "Midt"'];
const OTHER = ['', 'fri tekst', 'æøå “citat”', 'a,b', 'x'];

interface Table {
  readonly rows: (readonly string[])[];
  readonly delimiter: CsvDelimiter;
  readonly eol: string;
  readonly quoteAll: boolean;
  readonly bom: boolean;
  readonly finalEnd: boolean;
  /** Rows cut short or given an extra field, and empty lines inserted before rows. */
  readonly ragged: readonly number[];
  readonly empty: readonly number[];
}

const row = fc.tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom(...REGIONS), fc.constantFrom(...ANSWERS), fc.constantFrom(...ANSWERS), fc.constantFrom(...OTHER), fc.constantFrom(...REGIONS));

const table: fc.Arbitrary<Table> = fc.record({
  rows: fc.array(row.map(([id, ...rest]) => [String(id), ...rest]), { minLength: 12, maxLength: 40 }),
  delimiter: fc.constantFrom<CsvDelimiter>(';', ','),
  eol: fc.constantFrom('\r\n', '\n', '\r'),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
  finalEnd: fc.boolean(),
  ragged: fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 3 }),
  empty: fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 3 }),
});

const KNOWN = new Set(['I høj grad', 'i  HØJ grad', 'Slet ikke', 'I mindre grad', 'I meget høj grad', 'Ved ikke', '“Ved ikke”', '', ' ', '3']);
const known = (answer: string): string => (KNOWN.has(answer) ? answer : 'I mindre grad');

const HEADER = ['__proto__', 'constructor', 'q1', 'q 2', 'ikke læst', 'toString'];

function write(t: Table): string {
  const quote = (value: string): string => (t.quoteAll || /[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = [HEADER.map(quote).join(t.delimiter)];
  t.rows.forEach((r, i) => {
    if (t.empty.includes(i)) lines.push('');
    let fields = [...r];
    if (t.ragged.includes(i)) fields = i % 2 === 0 ? fields.slice(0, 3) : [...fields, 'ekstra'];
    lines.push(fields.map(quote).join(t.delimiter));
  });
  return (t.bom ? '\uFEFF' : '') + lines.join(t.eol) + (t.finalEnd ? t.eol : '');
}

const definition = {
  id: '__proto__',
  items: [
    { id: 'q1', scale: scales.daDegree4 },
    { id: 'q2', column: 'q 2', scale: scales.daDegree4, reverse: true },
  ],
  attributes: { constructor: 'category' as const, toString: 'category' as const },
};

function contents(s: Survey): unknown {
  return {
    ids: s.ids,
    q1: Array.from(s.item('q1').codes),
    q2: Array.from(s.item('q2').codes),
    n1: s.item('q1').n,
    n2: s.item('q2').n,
    constructor: s.category('constructor'),
    toString: s.category('toString'),
    duplicates: s.duplicates,
  };
}

function cut(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let k = 0;
  for (let at = 0; at < bytes.length; ) {
    const size = sizes[k++ % sizes.length] as number;
    chunks.push(bytes.slice(at, at + size));
    at += size;
  }
  return chunks;
}

function asInput(chunks: readonly Uint8Array[], shape: 'stream' | 'web'): CsvInput {
  if (shape === 'stream') {
    return (async function* () {
      yield* chunks;
    })();
  }
  let k = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (k < chunks.length) controller.enqueue(chunks[k++] as Uint8Array);
      else controller.close();
    },
  });
}

const sizes = fc.oneof(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 }));

// Both byte readers: the WebAssembly kernel (the default where it runs) and the JavaScript one.
for (const kernel of ['wasm', 'js'] as const) {
  describe(`with the ${kernel} byte reader`, () => {
    beforeAll(() => {
      byteReader.kernel = kernel;
    });
    afterAll(() => {
      byteReader.kernel = 'wasm';
    });

    describe('the byte reader of surveyFromCsv equals parseCsv followed by survey()', () => {
      it('gives the same survey, issues and lines for any CSV of 12 to 40 rows, chunking, encoding and input shape', async () => {
        await fc.assert(
          fc.asyncProperty(table, sizes, fc.constantFrom('error', 'missing'), fc.constantFrom('bytes', 'stream', 'web', 'windows-1252'), fc.boolean(), async (raw, chunkSizes, unknown, shape, clean) => {
            // Half the tables are clean (distinct ids, known labels), so that most of them read
            // into a survey and every code is compared, not only the issues.
            const t = clean ? { ...raw, ragged: [], rows: raw.rows.map((r, i) => [String(i + 1), r[1], known(r[2] as string), known(r[3] as string), r[4], r[5]] as string[]) } : raw;
            const text = write(t);
            const full = { ...definition, duplicates: 'first', unknown } as const;
            const csv = parseCsv(text);
            const expected = safeSurvey({ rows: csv.rows, ...full });
            let input: CsvInput;
            let options = {};
            if (shape === 'windows-1252') {
              // windows-1252 bytes (the curly quotes are 0x93 and 0x94), without a byte order mark.
              const body = text.replace(/^\uFEFF/, '');
              const bytes = Uint8Array.from(body, (c) => (c === '“' ? 0x93 : c === '”' ? 0x94 : c.charCodeAt(0)));
              input = asInput(cut(bytes, chunkSizes), 'stream');
              options = { encoding: 'windows-1252' };
            } else {
              const utf8 = new TextEncoder().encode(text);
              input = shape === 'bytes' ? utf8 : asInput(cut(utf8, chunkSizes), shape);
            }
            const actual = await safeSurveyFromCsv(input, full, options);
            expect(actual.csv.lines).toEqual(csv.lines);
            expect(actual.csv.issues).toEqual(csv.issues);
            expect(actual.csv.delimiter).toBe(csv.delimiter);
            expect(actual.csv.columns).toEqual(csv.columns);
            expect(actual.ok).toBe(expected.ok);
            if (expected.ok && actual.ok) expect(contents(actual.survey)).toEqual(contents(expected.survey));
            if (!expected.ok && !actual.ok) expect(actual.issues).toEqual(expected.issues);
          }),
          { numRuns: 300 },
        );
      });
    });

    /**
     * The error of decoding the chunks one by one, as surveyFromCsv did before it read bytes: the
     * first chunk (the first three bytes or more, for the byte order mark) that a streaming fatal
     * UTF-8 decoder refuses gives its start offset and line; a NUL gives its line.
     */
    function chunkError(chunks: readonly Uint8Array[]): { kind: string; row: number; offset?: number } | undefined {
      const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      const joined: Uint8Array[] = [];
      let head: number[] = [];
      for (const chunk of chunks) {
        if (joined.length === 0 && head.length + chunk.length < 3) {
          head = [...head, ...chunk];
          continue;
        }
        if (joined.length === 0) joined.push(Uint8Array.from([...head, ...chunk]));
        else joined.push(chunk);
      }
      if (joined.length === 0) joined.push(Uint8Array.from(head));
      let offset = 0;
      let line = 1;
      let lastWasCr = false;
      const breaks = (s: string, to: number): number => {
        let n = 0;
        for (let k = 0; k < to; k++) if (s[k] === '\n' || (s[k] === '\r' && s[k + 1] !== '\n')) n++;
        return n;
      };
      for (const [k, chunk] of [...joined, new Uint8Array(0)].entries()) {
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: k < joined.length });
        } catch {
          return { kind: 'encoding', row: line, offset };
        }
        const nul = text.indexOf('\u0000');
        const adjust = lastWasCr && text[0] === '\n' ? 1 : 0;
        if (nul !== -1) return { kind: 'nul', row: line + breaks(text, nul) - adjust };
        offset += chunk.length;
        if (text.length > 0) {
          line += breaks(text, text.length) - adjust;
          lastWasCr = text.endsWith('\r');
        }
      }
      return undefined;
    }

    describe('the byte reader of surveyFromCsv fails on bytes that do not decode as decoding chunk by chunk does', () => {
      it('reports a bad byte, a cut character or a NUL anywhere, in any column, at the same offset and line', async () => {
        const bad = fc.constantFrom([0xff], [0xc3], [0xe2, 0x80], [0x00], [0xc3, 0x28], [0xed, 0xa0, 0x80]);
        await fc.assert(
          fc.asyncProperty(table, sizes, bad, fc.nat(), fc.constantFrom('stream', 'web', 'bytes'), async (t, chunkSizes, badBytes, where, shape) => {
            const clean = new TextEncoder().encode(write({ ...t, bom: false }));
            // Somewhere after the header, between two bytes that are not inside a character.
            const headerEnd = clean.indexOf(t.eol.charCodeAt(0)) + 1;
            let at = headerEnd + (where % (clean.length - headerEnd + 1));
            while (at < clean.length && (clean[at] as number) >= 0x80 && (clean[at] as number) < 0xc0) at++;
            const bytes = Uint8Array.from([...clean.subarray(0, at), ...badBytes, ...clean.subarray(at)]);
            const chunks = cut(bytes, chunkSizes);
            const result = safeSurveyFromCsv(shape === 'bytes' ? bytes : asInput(chunks, shape), definition);
            const error = await result.then(
              () => undefined,
              (e: unknown) => e,
            );
            expect(error).toBeInstanceOf(CsvInputError);
            const issue = (error as CsvInputError).issues[0];
            if (shape === 'bytes') {
              // Whole bytes: the one-shot decoder's exact offset and line, as parseCsv reports them.
              let reference: unknown;
              try {
                parseCsv(bytes);
              } catch (e) {
                reference = e;
              }
              expect(reference).toBeInstanceOf(CsvInputError);
              expect((error as CsvInputError).issues).toEqual((reference as CsvInputError).issues);
              expect((error as Error).message.replace(/^safeSurveyFromCsv/, 'parseCsv')).toBe((reference as Error).message);
            } else {
              const expected = chunkError(chunks);
              expect(expected).toBeDefined();
              expect({ kind: issue?.kind, row: issue?.row, ...(issue?.offset === undefined ? {} : { offset: issue.offset }) }).toEqual(expected);
            }
          }),
          { numRuns: 300 },
        );
      });
    });
  });
}
