/**
 * One survey, whichever way the data came in. The same random respondents are handed to
 * likertkit five ways: as row objects, as columns, as an Arrow-like table, as the bytes of a CSV
 * export (random encoding, byte order mark and line ends) read by `parseCsv`, and as a CSV file
 * read by the command line's own loader. Every path must give the same survey (ids, codes,
 * counts, attributes, multi-select tallies) and account for every cell: answered, missing or
 * invalid, as the generator decided, not as the code under test says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/cli/config';
import { memoryIo } from '../cli/helpers';
import { buildSurvey, readCsvFile } from '../../src/cli/load';
import { parseCsv } from '../../src/csv/parseCsv';
import { survey, type Survey, type SurveyDefinition } from '../../src/data/survey';
import { multiSelect } from '../../src/describe/multiSelect';
import { scales } from '../../src/scale/presets';

/** An answer cell and how it must be counted. */
interface Answer {
  readonly text: string;
  readonly kind: 'answered' | 'missing' | 'invalid';
}

const answer = fc.oneof(
  fc.constantFrom('I høj grad', 'slet IKKE', ' I meget høj grad ', '“Ved ikke”', 'Ikke relevant', '3').map((text): Answer => ({ text, kind: 'answered' })),
  fc.constantFrom('', '   ').map((text): Answer => ({ text, kind: 'missing' })),
  fc.constantFrom('Måske', 'constructor', '__proto__', '9').map((text): Answer => ({ text, kind: 'invalid' })),
);

/** Region names as an export spells them, prototype members and CSV-hostile text among them. */
const region = fc.constantFrom('Region Hovedstaden', 'Region Sjælland', 'Nordjylland', 'constructor', '__proto__', 'a;b', 'to\r\nlinjer', '');

const respondent = fc.record({
  q1: answer,
  q2: answer,
  region,
  population: fc.integer({ min: 0, max: 2_000_000 }),
  // The tick-box block: "1" ticked, blank not ticked (a SurveyXact export's convention).
  ticks: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
});
type Respondent = typeof respondent extends fc.Arbitrary<infer T> ? T : never;

const OPTIONS = ['Sparring', 'Kurser', 'toString'] as const;
const HEADER = ['Respondent ID', 'q1', 'q2', 'Region', 'Indbyggere', ...OPTIONS.map((o) => `Støtte: ${o}`)];

/** Integers with thousands dots and, for thousands, sometimes a no-break space: 1.234.567. */
const danish = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** The cells of one respondent, as the export writes them. */
function cells(p: Respondent, i: number): string[] {
  return [String(1000 + i), p.q1.text, p.q2.text, p.region, danish(p.population), ...p.ticks.map((t) => (t ? '1' : ''))];
}

/** RFC 4180 quoting for `;`-separated files. */
const field = (text: string): string => (/[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** windows-1252 bytes for text made of Latin-1 characters (all this generator writes besides “ ”). */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '“': 0x93, '”': 0x94 };
  return Uint8Array.from(text, (c) => special[c] ?? (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f));
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'windows-1252';

function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${text}`);
  if (encoding === 'utf-16le-bom') return utf16le(text);
  return windows1252(text);
}

/** The definition every path shares, apart from where the data come from. */
const definition = {
  id: 'Respondent ID',
  items: [
    { id: 'q1', scale: scales.daDegree4 },
    { id: 'q2', scale: scales.daDegree4 },
  ],
  attributes: { Region: 'category', Indbyggere: 'number' },
  decimal: ',',
  unknown: 'missing',
  multiSelect: [{ id: 'støtte', columns: Object.fromEntries(OPTIONS.map((o) => [o, `Støtte: ${o}`])), blank: 'not-ticked' }],
} as const satisfies Omit<SurveyDefinition, 'rows'>;

/** Sets an own property, also for "__proto__" (which plain assignment would not create). */
function put(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

function rowsOf(people: readonly Respondent[]): Record<string, unknown>[] {
  return people.map((p, i) => {
    const row: Record<string, unknown> = {};
    cells(p, i).forEach((cell, j) => put(row, HEADER[j] as string, cell));
    return row;
  });
}

function columnsOf(people: readonly Respondent[]): Record<string, string[]> {
  const columns: Record<string, string[]> = {};
  HEADER.forEach((name, j) => put(columns, name, people.map((p, i) => cells(p, i)[j] as string)));
  return columns;
}

function tableOf(people: readonly Respondent[]) {
  const columns = columnsOf(people);
  return {
    numRows: people.length,
    schema: { fields: HEADER.map((name) => ({ name })) },
    getChild: (name: string) => (Object.hasOwn(columns, name) ? { get: (i: number) => columns[name]?.[i] ?? null } : null),
  };
}

function csvText(people: readonly Respondent[], eol: string): string {
  return [HEADER, ...people.map(cells)].map((line) => line.map(field).join(';')).join(eol) + eol;
}


/** What must be equal across paths: everything a statistic can read. */
function fingerprint(s: Survey) {
  return {
    ids: s.ids,
    q1: { codes: [...s.item('q1').codes], n: s.item('q1').n },
    q2: { codes: [...s.item('q2').codes], n: s.item('q2').n },
    region: s.category('Region'),
    population: [...s.numeric('Indbyggere')],
    ticks: multiSelect(s, 'støtte').options.map((o) => [o.option, o.count]),
  };
}

describe('the same respondents give the same survey on every input path', () => {
  it('rows, columns, Arrow, CSV bytes and the command line agree, and every cell is accounted for', async () => {
    const config = validateConfig({
      id: definition.id,
      items: [
        { id: 'q1', scale: 'daDegree4' },
        { id: 'q2', scale: 'daDegree4' },
      ],
      attributes: definition.attributes,
      decimal: ',',
      multiSelect: [{ id: 'støtte', columns: Object.fromEntries(OPTIONS.map((o) => [o, `Støtte: ${o}`])), blank: 'not-ticked' }],
    });
    if (!config.ok) throw new Error(config.errors.join('\n'));
    // The CLI config has no "unknown" policy: its path gets answers the scale knows or blanks.
    const knownOnly = (p: Respondent): Respondent => ({
      ...p,
      q1: p.q1.kind === 'invalid' ? { text: '', kind: 'missing' } : p.q1,
      q2: p.q2.kind === 'invalid' ? { text: '', kind: 'missing' } : p.q2,
    });

    await fc.assert(
      fc.asyncProperty(
        fc.array(respondent, { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le-bom', 'windows-1252'),
        async (people, eol, encoding) => {
          const fromRows = survey({ ...definition, rows: rowsOf(people) });
          const expected = fingerprint(fromRows);

          // Every cell is accounted for, by the kinds the generator chose.
          for (const item of ['q1', 'q2'] as const) {
            const n = fromRows.item(item).n;
            expect(n.total).toBe(people.length);
            expect(n.answered).toBe(people.filter((p) => p[item].kind === 'answered').length);
            expect(n.missing).toBe(people.filter((p) => p[item].kind === 'missing').length);
            expect(n.invalid).toBe(people.filter((p) => p[item].kind === 'invalid').length);
          }
          expect(expected.population).toEqual(people.map((p) => p.population));
          expect(expected.region).toEqual(people.map((p) => (p.region === '' ? null : p.region)));
          expect(expected.ticks).toEqual(OPTIONS.map((o, j) => [o, people.filter((p) => p.ticks[j]).length]));

          expect(fingerprint(survey({ ...definition, columns: columnsOf(people) }))).toEqual(expected);
          expect(fingerprint(survey({ ...definition, table: tableOf(people) }))).toEqual(expected);

          const bytes = encode(csvText(people, eol), encoding);
          const csv = parseCsv(bytes, encoding === 'windows-1252' ? { encoding: 'windows-1252' } : {});
          expect(csv.rowCount).toBe(people.length);
          expect(fingerprint(survey({ ...definition, rows: csv.rows }))).toEqual(expected);

          const cliPeople = people.map(knownOnly);
          const cliBytes = encode(csvText(cliPeople, eol), encoding);
          const reading = encoding === 'windows-1252' ? { ...config.config, encoding: 'windows-1252' } : config.config;
          const input = await readCsvFile(memoryIo(cliBytes), 'eksport.csv', 'survey CSV', reading);
          const built = buildSurvey(input, reading, 'survey.json');
          expect(built.problems).toEqual([]);
          if (built.survey === null) throw new Error('no survey');
          expect(fingerprint(built.survey)).toEqual(fingerprint(survey({ ...definition, rows: rowsOf(cliPeople) })));
        },
      ),
      { numRuns: 80 },
    );
  });
});
