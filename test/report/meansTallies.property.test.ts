import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareGroups } from '../../src/describe/compareGroups';
import { scales, survey } from '../../src/index';
import { report } from '../../src/report/report';

// The means tables are built from the tallies per group (made once per table); the reference
// is compareGroups on the survey itself, item by item, which reads the respondents directly.

const LABELS = ['I meget høj grad', 'I høj grad', 'I mindre grad', 'Slet ikke', 'Ved ikke', null];
const REGIONS = ['Nord', 'Syd', ' Nord', 'Midt', null];

describe('report means tables', () => {
  it('give the means, N and ANOVA p of compareGroups on the survey, for any data, grouping and filter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...LABELS), fc.constantFrom(...LABELS), fc.constantFrom(...REGIONS), fc.integer({ min: 0, max: 200000 })), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (rows, filtered) => {
          let s = survey({
            rows: rows.map(([q1, q2, region, population], i) => ({ id: String(i), q1, q2, region, population })),
            id: 'id',
            items: [
              { id: 'q1', scale: scales.daDegree4 },
              { id: 'q2', scale: scales.daDegree4, reverse: true },
            ],
            attributes: { region: 'category', population: 'number' },
          });
          if (filtered) s = s.filter((i) => i % 3 !== 1);
          const sizeGroups = { attribute: 'population', breaks: [50000, 100000] };
          const result = report(s, { sections: ['means'], by: ['region'], sizeGroups });
          for (const table of result.tables) {
            const by = table.id === 'means:size' ? sizeGroups : 'region';
            table.rows.forEach((row) => {
              const expected = compareGroups(s, row['item'] as 'q1' | 'q2', { by });
              for (const group of expected.groups) {
                const mean = group.mean.mean;
                expect(row[`mean:${group.group}`]).toBe(Number.isFinite(mean) ? mean : null);
                expect(row[`n:${group.group}`]).toBe(group.mean.n);
              }
              expect(row['n']).toBe(expected.anova.n);
              expect(row['p']).toBe(Number.isFinite(expected.anova.p) ? expected.anova.p : null);
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
