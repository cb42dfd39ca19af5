/**
 * Huge cells on every reading path: a cell of 128 kB must cost milliseconds, not seconds (the
 * decimal-mark and number regexes once took 36 s on 200 kB; trimming a category key with
 * `/\s+$/` took 2.6 s on 40 kB of inner spaces). The shapes are the ones that make backtracking
 * regexes quadratic (long runs of digits, of marks, of spaces, of quotes). The size is chosen so
 * that linear code takes tens of milliseconds and quadratic code tens of seconds: the bound is
 * a guard against a quadratic path, not a benchmark, and a regression fails in finite time
 * (JavaScript cannot interrupt a synchronous regex, so a 1 MB cell would hang the run instead).
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/csv/parseCsv';
import { categoryKey } from '../../src/data/keys';
import { likert } from '../../src/data/likert';
import { isMissingValue } from '../../src/data/missing';
import { parseNumber } from '../../src/data/number';
import { safeSurvey } from '../../src/data/survey';
import { normalizeLabel } from '../../src/scale/normalizeLabel';
import { scales } from '../../src/scale/presets';

const SIZE = 128 * 1024;
const shapes: Record<string, string> = {
  digits: '9'.repeat(SIZE),
  'digits then a letter': `${'1'.repeat(SIZE)}x`,
  'grouped digits then a bad group': `${'123.'.repeat(SIZE / 4)}12`,
  'commas and dots': '1,2.'.repeat(SIZE / 4),
  spaces: `1${' '.repeat(SIZE)}2`,
  quotes: '"'.repeat(SIZE),
  'a label in a long quote': `“${'I høj grad '.repeat(SIZE / 11)}”`,
};

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('a 128 kB cell is read in linear time on every path', () => {
  for (const [name, cell] of Object.entries(shapes)) {
    it(`${name}: parseNumber, normalizeLabel, categoryKey, isMissingValue, likert, survey, parseCsv`, () => {
      const elapsed = timed(() => {
        expect(Number.isNaN(parseNumber(cell, { decimal: ',' })) || Number.isFinite(parseNumber(cell, { decimal: ',' }))).toBe(true);
        parseNumber(cell, { decimal: '.' });
        normalizeLabel(cell);
        categoryKey(cell);
        isMissingValue(cell);
        const column = likert([cell, 'I høj grad'], scales.daDegree4, { unknown: 'missing' });
        expect(column.n.total).toBe(2);
        const read = safeSurvey({ columns: { id: ['1', '2'], q: ['I høj grad', 'Slet ikke'], pop: [cell, '1'] }, id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { pop: 'number' }, decimal: ',' });
        expect(typeof read.ok).toBe('boolean');
        const csv = parseCsv(`id;q\n1;"${cell.replaceAll('"', '""')}"\n2;x\n`);
        expect(csv.rowCount).toBe(2);
        expect(csv.rows[0]?.q).toBe(cell);
      });
      expect(elapsed).toBeLessThan(5_000);
    });
  }
});
