/**
 * A 256 kB cell read from a stream of 7-byte chunks, on every streaming input form. The reader
 * once rescanned the text pending since the start of the file on every chunk while it looked
 * for the delimiter (and joining the pieces flattened the pending string each time): a 32 kB
 * cell took a second, 256 kB over a minute. Linear code reads the 256 kB (37,000 chunks) in
 * about a second on a quiet machine and three on a loaded one; quadratic code needs a minute,
 * so the bound of ten seconds is a guard against a quadratic path, not a benchmark (as in
 * hugeCells.test.ts). The cell sits in the first data record (read
 * while the delimiter is still being detected) and again after the sampled records (read by
 * the splitter), once plain and once quoted with doubled quotes and line breaks inside.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, surveyFromCsv, type CsvInput } from '../../src/csv/index';
import { scales } from '../../src/index';

const SIZE = 256 * 1024;
const CHUNK = 7;

const cells: Record<string, { readonly written: string; readonly value: string }> = {
  plain: { written: 'x'.repeat(SIZE), value: 'x'.repeat(SIZE) },
  'quoted, with "" and line breaks': { written: `"${'ab""c\r\nd'.repeat(SIZE / 8)}"`, value: 'ab"c\r\nd'.repeat(SIZE / 8) },
};

function csvWith(cell: string): string {
  const lines = ['kode;q1;note', `1;I høj grad;${cell}`];
  for (let i = 2; i <= 14; i++) lines.push(`${i};Slet ikke;kort`);
  lines.push(`15;I mindre grad;${cell}`, '16;;slut');
  return `${lines.join('\n')}\n`;
}

const forms: Record<string, (text: string) => CsvInput> = {
  'an async iterable of byte chunks': (text) => {
    const bytes = new TextEncoder().encode(text);
    return (async function* () {
      for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
    })();
  },
  'an async iterable of text chunks': (text) =>
    (async function* () {
      for (let at = 0; at < text.length; at += CHUNK) yield text.slice(at, at + CHUNK);
    })(),
  'a web ReadableStream': (text) => {
    const bytes = new TextEncoder().encode(text);
    let at = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) controller.close();
        else controller.enqueue(bytes.slice(at, (at += CHUNK)));
      },
    });
  },
};

const definition = { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { note: 'category' as const } };

describe('a 256 kB cell in 7-byte chunks is read in linear time', () => {
  for (const [cellName, cell] of Object.entries(cells)) {
    for (const [formName, form] of Object.entries(forms)) {
      it(`${cellName}, from ${formName}, with the delimiter detected`, async () => {
        const text = csvWith(cell.written);
        const start = performance.now();
        const s = await surveyFromCsv(form(text), definition);
        const elapsed = performance.now() - start;
        expect(s.ids).toHaveLength(16);
        expect(s.category('note')[0]).toBe(cell.value);
        expect(s.category('note')[14]).toBe(cell.value);
        expect(s.category('note')).toEqual(parseCsv(text).rows.map((row) => row.note));
        expect(Array.from(s.item('q1').codes.slice(0, 2))).toEqual([2, 0]);
        expect(elapsed).toBeLessThan(10_000);
      });
    }
  }
});
