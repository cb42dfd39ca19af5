import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, safeSurveyFromCsv, type CsvDelimiter } from '../../src/csv/index';
import { safeSurvey, scales, type Survey } from '../../src/index';

// The reference is the library's two-step reading, parseCsv and then survey({ rows }); the
// streaming reader must give the same survey (or the same issues) for any CSV, any split of
// its bytes into chunks, and any of the input shapes.

const ANSWERS = ['I høj grad', 'i  HØJ grad', 'Slet\u00A0ikke', 'I mindre grad', 'I meget høj grad', 'Ved ikke', '“Ved ikke”', '3', '', ' ', 'Måske', 'x"y', 'a;b,c'];
const IDS = ['101', '147', '151', ' 153', 'Æbelø', '', 'k"1', '101 ', 'A\r\nB', '9', '10'];
const REGIONS = ['Hovedstaden', 'Sjælland', ' Nord ', '', 'Syd;danmark'];

interface Table {
  readonly rows: string[][];
  readonly delimiter: CsvDelimiter;
  readonly eol: string;
  readonly quoteAll: boolean;
  readonly bom: boolean;
  readonly finalEnd: boolean;
  readonly drop: number;
}

const table: fc.Arbitrary<Table> = fc.record({
  rows: fc.array(
    fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...REGIONS), fc.constantFrom(...ANSWERS), fc.constantFrom(...ANSWERS), fc.constantFrom('1', '2,5', '', 'x')),
    { maxLength: 12 },
  ),
  delimiter: fc.constantFrom<CsvDelimiter>(',', ';', '\t', '|'),
  eol: fc.constantFrom('\r\n', '\n', '\r'),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
  finalEnd: fc.boolean(),
  drop: fc.integer({ min: -1, max: 11 }),
});

const KNOWN = new Set(['I høj grad', 'i  HØJ grad', 'Slet\u00A0ikke', 'I mindre grad', 'I meget høj grad', 'Ved ikke', '“Ved ikke”', '3', '', ' ']);
const known = (answer: string): string => (KNOWN.has(answer) ? answer : 'Ved ikke');

function write(t: Pick<Table, 'rows' | 'delimiter' | 'eol' | 'quoteAll' | 'bom' | 'finalEnd' | 'drop'>): string {
  const header = ['kode', 'region', 'q1', 'q 2', 'andet'];
  const records = [header, ...t.rows.map((r, i) => (i === t.drop ? r.slice(0, 3) : r))];
  const text = records
    .map((record) =>
      record
        .map((value) => (t.quoteAll || /[",;\t|\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value))
        .join(t.delimiter),
    )
    .join(t.eol);
  return (t.bom ? '\uFEFF' : '') + text + (t.finalEnd ? t.eol : '');
}

async function* chunked(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  let k = 0;
  while (start < bytes.length) {
    const size = sizes[k++ % sizes.length] as number;
    yield bytes.slice(start, start + size);
    start += size;
  }
}

const definition = {
  id: 'kode',
  items: [
    { id: 'q1', scale: scales.daDegree4 },
    { id: 'q2', column: 'q 2', scale: scales.daDegree4, reverse: true },
  ],
  attributes: { region: 'category' as const, andet: 'number' as const },
};

function contents(s: Survey): unknown {
  return {
    ids: s.ids,
    items: s.items,
    q1: Array.from(s.item('q1').codes),
    q2: Array.from(s.item('q2').codes),
    region: s.category('region'),
    andet: Array.from(s.numeric('andet')),
    duplicates: s.duplicates,
  };
}

describe('surveyFromCsv equals parseCsv followed by survey()', () => {
  it('gives the same survey or the same issues for any CSV, chunking and input shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('first', 'error'),
        fc.constantFrom('error', 'missing'),
        fc.constantFrom('text', 'bytes', 'stream', 'web', 'windows-1252'),
        fc.boolean(),
        async (raw, sizes, duplicates, unknown, shape, clean) => {
          // Half the tables are clean (distinct ids, known labels, numbers), so that most of
          // them read into a survey and every code is compared, not only the issues.
          const t = clean
            ? { ...raw, drop: -1, rows: raw.rows.map((r, i) => [String(i + 1), r[1], known(r[2] as string), known(r[3] as string), r[4] === 'x' ? '' : r[4]] as string[]) }
            : raw;
          const text = write(t);
          const full = { ...definition, duplicates, unknown } as const;
          const csv = parseCsv(text);
          const expected = safeSurvey({ rows: csv.rows, ...full });
          const utf8 = new TextEncoder().encode(text);
          const latin = shape === 'windows-1252' && /^[\u0000-\u00ff“”]*$/.test(text);
          let input: Parameters<typeof safeSurveyFromCsv>[0];
          let options = {};
          if (shape === 'text') input = text;
          else if (shape === 'bytes') input = utf8;
          else if (shape === 'stream') input = chunked(utf8, sizes);
          else if (shape === 'web' || !latin) {
            const chunks = chunked(utf8, sizes);
            input = new ReadableStream<Uint8Array>({
              async pull(controller) {
                const next = await chunks.next();
                if (next.done) controller.close();
                else controller.enqueue(next.value);
              },
            });
          } else {
            // windows-1252 bytes (the curly quotes are 0x93 and 0x94), without a byte order mark.
            const body = text.replace(/^\uFEFF/, '');
            const bytes = Uint8Array.from(body, (c) => (c === '“' ? 0x93 : c === '”' ? 0x94 : c.charCodeAt(0)));
            input = chunked(bytes, sizes);
            options = { encoding: 'windows-1252' };
          }
          const actual = await safeSurveyFromCsv(input, full, options);
          expect(actual.csv.lines).toEqual(csv.lines);
          expect(actual.csv.issues).toEqual(csv.issues);
          expect(actual.csv.delimiter).toBe(csv.delimiter);
          expect(actual.csv.columns).toEqual(csv.columns);
          expect(actual.ok).toBe(expected.ok);
          if (expected.ok && actual.ok) expect(contents(actual.survey)).toEqual(contents(expected.survey));
          if (!expected.ok && !actual.ok) expect(actual.issues).toEqual(expected.issues);
        },
      ),
      { numRuns: 400 },
    );
  });
});
