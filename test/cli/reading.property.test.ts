import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/cli/config';
import { memoryIo } from './helpers';
import { buildSurvey, readCsvFile } from '../../src/cli/load';
import { survey } from '../../src/data/survey';
import { scales } from '../../src/scale/presets';

const LABELS = ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad', 'Ved ikke', 'Ikke relevant', ''];
const REGIONS = ['Hovedstaden', 'Sjælland', 'constructor', '__proto__', 'a;b', 'say "hi"', 'to\nlinjer', ''];

interface Respondent {
  readonly q: string;
  readonly region: string;
  readonly population: number;
}

const respondent = fc.record({
  q: fc.constantFrom(...LABELS),
  region: fc.constantFrom(...REGIONS),
  population: fc.integer({ min: 0, max: 2_000_000 }),
});

/** A Danish-style CSV field: quoted when it holds the delimiter, a quote or a line break. */
const field = (text: string): string => (/[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
/** An integer with thousands dots, as Danish exports print populations: 1.234.567. */
const withDots = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');


describe('the CLI path reads the same survey as rows given to survey()', () => {
  it('every cell is accounted for, whatever the line ends, BOM, quoting and names', async () => {
    const config = validateConfig({
      id: 'id',
      items: [{ id: 'q', scale: 'daDegree4' }],
      attributes: { region: 'category', indbyggere: 'number' },
      decimal: ',',
      thousands: '.',
    });
    if (!config.ok) throw new Error(config.errors.join('\n'));
    await fc.assert(
      fc.asyncProperty(fc.array(respondent, { minLength: 1, maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (people: Respondent[], eol, bom) => {
        const lines = ['id;q;region;indbyggere', ...people.map((p, i) => [String(i + 1), field(p.q), field(p.region), withDots(p.population)].join(';'))];
        const text = `${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
        const input = await readCsvFile(memoryIo(new TextEncoder().encode(text)), 's.csv', 'survey CSV', config.config);
        const built = buildSurvey(input, config.config, 'c.json');
        expect(built.problems).toEqual([]);
        const fromCli = built.survey;
        if (fromCli === null) throw new Error('no survey');
        const direct = survey({
          rows: people.map((p, i) => ({ id: String(i + 1), q: p.q, region: p.region, indbyggere: p.population })),
          id: 'id',
          items: [{ id: 'q', scale: scales.daDegree4 }],
          attributes: { region: 'category', indbyggere: 'number' },
        });
        expect(fromCli.size).toBe(people.length);
        expect(fromCli.ids).toEqual(direct.ids);
        expect(fromCli.item('q').n).toEqual(direct.item('q').n);
        expect([...fromCli.item('q').codes]).toEqual([...direct.item('q').codes]);
        expect(fromCli.category('region')).toEqual(direct.category('region'));
        expect([...fromCli.numeric('indbyggere')]).toEqual(people.map((p) => p.population));
        // Each data row is found on the line where it starts (quoted line breaks push later rows down).
        let line = 2;
        people.forEach((p, i) => {
          expect(input.lines[i]).toBe(line);
          line += 1 + (p.region.match(/\n/g)?.length ?? 0);
        });
      }),
      { numRuns: 60 },
    );
  });
});
