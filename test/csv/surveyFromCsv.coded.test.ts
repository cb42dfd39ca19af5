/**
 * Item columns are coded while surveyFromCsv reads them: each new spelling is coded once against
 * the item's scale, the kernel copies the code of every cell it finds and counts them, and the
 * survey takes those codes and counts instead of turning dictionary indices into codes. Every
 * case here compares with `safeSurvey({ rows: parseCsv(text).rows })` on the same text (the path
 * that reads every cell as text), under both byte readers, and checks that the coded path was
 * taken where it should be (`byteReader.codedColumns`).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv, safeSurveyFromCsv, type CsvInput } from '../../src/csv/index';
import { byteReader } from '../../src/csv/surveyFromCsv';
import { safeSurvey, scales, type Survey } from '../../src/index';

const LABELS = ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'];
/** Answers the scale knows: its labels, an alias spelling, a code, "Ved ikke" and blanks. */
const KNOWN = [...LABELS, 'Ved ikke', 'i  HØJ grad', '2', '', ' '];
/** Answers it does not know, two of them named like Object.prototype's properties. */
const UNKNOWN = ['__proto__', 'constructor', 'Måske', 'En meget lang besvarelse på over toogtredive bytes'];
const REGIONS = ['Hovedstaden', 'Sjælland', 'Syddanmark', ''];

// "__proto__" names the first item's column; a third item reads the same column reversed, so its
// codes are not those made while reading (it is coded from the dictionary instead).
const HEADER = ['id', 'region', '__proto__', 'q2'];
const items = [
  { id: 'a', column: '__proto__', scale: scales.daDegree4 },
  { id: 'b', column: 'q2', scale: scales.daDegree4, reverse: true },
  { id: 'c', column: '__proto__', scale: scales.daDegree4, reverse: true },
] as const;

interface Table {
  readonly rows: readonly (readonly [string, string, string, string])[];
  /** Records written with every field quoted (the text reader reads them). */
  readonly quoted: readonly number[];
}

function write(t: Table, eol = '\n'): string {
  const lines = [HEADER.join(',')];
  t.rows.forEach((r, i) => {
    const quote = t.quoted.includes(i);
    lines.push(r.map((cell) => (quote || /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(','));
  });
  return `${lines.join(eol)}${eol}`;
}

function windows1252(text: string): Uint8Array {
  // The tests' characters are all in U+0000–U+00FF, where windows-1252 is Latin-1.
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function chunked(bytes: Uint8Array, sizes: readonly number[]): CsvInput {
  return (async function* () {
    let k = 0;
    for (let at = 0; at < bytes.length; ) {
      const size = sizes[k++ % sizes.length] as number;
      yield bytes.slice(at, at + size);
      at += size;
    }
  })();
}

function contents(s: Survey): unknown {
  return {
    ids: s.ids,
    items: items.map((item) => ({ codes: Array.from(s.item(item.id).codes), n: s.item(item.id).n, scale: s.item(item.id).scale })),
    region: s.category('region'),
    duplicates: s.duplicates,
  };
}

type Encoding = 'utf-8' | 'bom' | 'windows-1252';

async function compare(text: string, unknown: 'error' | 'missing', encoding: Encoding, sizes: readonly number[] | null): Promise<{ ok: boolean }> {
  const definition = { id: 'id', items, attributes: { region: 'category' as const }, duplicates: 'first' as const, unknown };
  const csv = parseCsv(text);
  const expected = safeSurvey({ rows: csv.rows, ...definition });
  const bytes = encoding === 'windows-1252' ? windows1252(text) : new TextEncoder().encode(encoding === 'bom' ? `\uFEFF${text}` : text);
  const input = sizes === null ? bytes : chunked(bytes, sizes);
  const actual = await safeSurveyFromCsv(input, definition, encoding === 'windows-1252' ? { encoding: 'windows-1252' } : {});
  expect(actual.csv.lines).toEqual(csv.lines);
  expect(actual.csv.issues).toEqual(csv.issues);
  expect(actual.ok).toBe(expected.ok);
  if (actual.ok && expected.ok) expect(contents(actual.survey)).toEqual(contents(expected.survey));
  if (!actual.ok && !expected.ok) expect(actual.issues).toEqual(expected.issues);
  return { ok: actual.ok };
}

/** A clean file of `rows` records (distinct ids, known answers), with `edit` applied to record `at`. */
function clean(rows: number, edit?: { at: number; a?: string; b?: string }): string {
  const records: [string, string, string, string][] = [];
  for (let i = 0; i < rows; i++) {
    const e = edit !== undefined && edit.at === i ? edit : undefined;
    records.push([String(i + 1), REGIONS[i % 3] as string, e?.a ?? (KNOWN[(i * 7) % KNOWN.length] as string), e?.b ?? (KNOWN[(i * 5 + 3) % KNOWN.length] as string)]);
  }
  return write({ rows: records, quoted: [] });
}

afterEach(() => {
  byteReader.kernel = 'wasm';
});

for (const kernel of ['wasm', 'js'] as const) {
  describe(`item columns coded while read, with the ${kernel} byte reader`, () => {
    it('give the codes and counts of the text path, and the reader codes every item read forwards', async () => {
      byteReader.kernel = kernel;
      const before = byteReader.codedColumns;
      // 5,000 records (about 150 kB): the byte reader reads all but the first 64 kB, in full batches.
      expect((await compare(clean(5000), 'error', 'utf-8', null)).ok).toBe(true);
      // Items a and b came with the reader's codes; c reads a's column reversed, so it did not.
      expect(byteReader.codedColumns - before).toBe(2);
    });

    for (const encoding of ['bom', 'windows-1252'] as const) {
      it(`read ${encoding} bytes in chunks of 1 kB as the text path does`, async () => {
        byteReader.kernel = kernel;
        const before = byteReader.codedColumns;
        expect((await compare(clean(3000), 'error', encoding, [1000, 24, 1])).ok).toBe(true);
        expect(byteReader.codedColumns - before).toBe(2);
      });
    }

    for (const at of [0, 1, 2999]) {
      it(`report an unknown label in record ${at} with its item, column, rows and count, as the text path does`, async () => {
        byteReader.kernel = kernel;
        const text = clean(3000, { at, a: 'Måske' });
        expect((await compare(text, 'error', 'utf-8', [700])).ok).toBe(false);
        // With unknown: 'missing' the label is an invalid answer, counted in n.invalid.
        expect((await compare(text, 'missing', 'utf-8', [700])).ok).toBe(true);
      });
    }

    it('take "__proto__" and "constructor" as unknown answers, not as properties', async () => {
      byteReader.kernel = kernel;
      const text = clean(3000, { at: 1500, a: '__proto__', b: 'constructor' });
      expect((await compare(text, 'error', 'utf-8', [512])).ok).toBe(false);
      expect((await compare(text, 'missing', 'utf-8', [512])).ok).toBe(true);
    });

    it('take a 1 MB cell in a coded column as an unknown answer, also cut across chunks, as the text path', async () => {
      byteReader.kernel = kernel;
      const huge = 'I høj grad'.repeat(100_000);
      const text = clean(3000, { at: 2000, a: huge });
      expect((await compare(text, 'error', 'utf-8', [65_536, 777])).ok).toBe(false);
      expect((await compare(text, 'missing', 'utf-8', [65_536, 777])).ok).toBe(true);
      expect((await compare(text, 'missing', 'windows-1252', null)).ok).toBe(true);
    });

    it('stay exact in a column whose dictionary overflows (more than 4,096 distinct answers)', async () => {
      byteReader.kernel = kernel;
      const records: [string, string, string, string][] = [];
      for (let i = 0; i < 6000; i++) records.push([String(i + 1), 'Sjælland', i % 4 === 0 ? (LABELS[i % 3] as string) : `svar ${i}`, LABELS[(i * 3) % 4] as string]);
      const before = byteReader.codedColumns;
      expect((await compare(write({ rows: records, quoted: [] }), 'missing', 'utf-8', [4096])).ok).toBe(true);
      // Only b: the column of a and c holds its cells directly once its dictionary is full.
      expect(byteReader.codedColumns - before).toBe(1);
    });

    it('stay exact when a column\'s dictionary indices outgrow a byte (300 distinct answers, each repeated)', async () => {
      byteReader.kernel = kernel;
      const records: [string, string, string, string][] = [];
      for (let i = 0; i < 6000; i++) records.push([String(i + 1), `Område ${i % 300}`, i % 3 === 0 ? `svar ${(i * 7) % 300}` : (LABELS[i % 4] as string), LABELS[(i * 3) % 4] as string]);
      const before = byteReader.codedColumns;
      expect((await compare(write({ rows: records, quoted: [] }), 'missing', 'utf-8', [8192])).ok).toBe(true);
      expect(byteReader.codedColumns - before).toBe(2);
    });

    it('give the text path\'s survey or issues for any file, chunking and encoding, quoted records included', async () => {
      byteReader.kernel = kernel;
      const answer = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...KNOWN) }, { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN) });
      const record = fc.tuple(fc.integer({ min: 1, max: 500 }), fc.constantFrom(...REGIONS), answer, answer);
      await fc.assert(
        fc.asyncProperty(
          fc.array(record, { minLength: 1, maxLength: 400 }),
          fc.array(fc.integer({ min: 0, max: 399 }), { maxLength: 4 }),
          fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 4 }),
          fc.constantFrom<Encoding>('utf-8', 'bom', 'windows-1252'),
          fc.constantFrom('error', 'missing'),
          fc.boolean(),
          async (rows, quoted, sizes, encoding, unknown, distinct) => {
            const records = rows.map(([id, region, a, b], i) => [String(distinct ? i + 1 : id), region, a, b] as const);
            await compare(write({ rows: records, quoted }), unknown, encoding, sizes);
            return true;
          },
        ),
        { numRuns: 60 },
      );
    });
  });
}
