import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scales, survey } from '../../src/index';
import { report } from '../../src/report/report';

const REGIONS = ['Nord', 'Syd', 'Midt', null] as const;
const LABELS = ['I meget høj grad', 'I høj grad', 'I mindre grad', 'Slet ikke', 'Ved ikke', null] as const;

describe('report: the new pieces for any data', () => {
  it('response rates: each variable\'s rows add up to the frame and the respondents, and every rate is responded / frame', () => {
    fc.assert(
      fc.property(
        // A frame of units (region, size); a subset of them answered.
        fc.array(fc.tuple(fc.constantFrom(...REGIONS), fc.integer({ min: 1000, max: 200000 }), fc.boolean()), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (units, median) => {
          const answered = units.map((u, i) => ({ id: String(i), region: u[0], size: u[1], q: 'I høj grad', answered: u[2] })).filter((u) => u.answered);
          fc.pre(answered.length > 0);
          const s = survey({ rows: answered, id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { region: 'category', size: 'number' } });
          const frame = units.map((u) => ({ region: u[0], size: u[1] }));
          const sizeGroups = median ? ({ attribute: 'size', split: 'median' } as const) : { attribute: 'size', breaks: [50000, 100000] };
          const r = report(s, { sections: ['responseRate'], frame, sizeGroups, representativeness: { variables: ['region'] } });
          const rows = r.tables[0]!.rows;
          const total = rows[rows.length - 1]!;
          expect([total['frame'], total['responded']]).toEqual([units.length, answered.length]);
          for (const variable of ['region', 'size']) {
            const block = rows.filter((row) => row['variable'] === variable);
            expect(block.reduce((sum, row) => sum + (row['frame'] as number), 0)).toBe(units.length);
            expect(block.reduce((sum, row) => sum + (row['responded'] as number), 0)).toBe(answered.length);
          }
          for (const row of rows) {
            const frameCount = row['frame'] as number;
            expect(row['rate']).toBe(frameCount === 0 ? null : (row['responded'] as number) / frameCount);
            expect(row['responded'] as number).toBeLessThanOrEqual(frameCount);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('per-group N: the n:<group> columns of an item add up to its N, and the note gives their range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...LABELS), fc.constantFrom(...LABELS), fc.constantFrom('Nord', 'Syd', 'Midt')), { minLength: 2, maxLength: 50 }),
        (data) => {
          fc.pre(new Set(data.map((d) => d[2])).size >= 2);
          const s = survey({
            rows: data.map(([q1, q2, region], i) => ({ id: String(i), q1, q2, region })),
            id: 'id',
            items: [
              { id: 'q1', scale: scales.daDegree4 },
              { id: 'q2', scale: scales.daDegree4 },
            ],
            attributes: { region: 'category' },
          });
          const t = report(s, { sections: ['means'] }).tables[0]!;
          const groups = t.columns.filter((c) => c.key.startsWith('n:')).map((c) => c.key.slice(2));
          const substantive = (v: string | null): boolean => v !== null && v !== 'Ved ikke';
          t.rows.forEach((row, i) => {
            const n = groups.reduce((sum, g) => sum + (row[`n:${g}`] as number), 0);
            expect(n).toBe(row['n']);
            for (const g of groups) {
              expect(row[`n:${g}`]).toBe(data.filter((d) => d[2] === g && substantive(d[i] as string | null)).length);
            }
          });
          const note = t.notes.find((x) => x.startsWith('N pr. gruppe: '))!;
          for (const g of groups) {
            const counts = t.rows.map((row) => row[`n:${g}`] as number);
            const lo = Math.min(...counts);
            const hi = Math.max(...counts);
            expect(note).toContain(`${g} (N) = ${lo === hi ? lo : `${lo}–${hi}`}`);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
