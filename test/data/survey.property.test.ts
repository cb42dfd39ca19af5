import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeSurvey, type Survey, type SurveyDefinition } from '../../src/data/survey';
import { scales } from '../../src/scale/presets';

const d4 = scales.daDegree4;

/** A cell with the kind it must be counted as, decided by the generator (not by the code). */
interface Cell {
  readonly value: unknown;
  readonly kind: 'answered' | 'missing' | 'invalid';
}

const answered = fc
  .oneof(
    fc.constantFrom(...d4.categories),
    fc.constantFrom('i HØJ grad', '  Slet ikke ', '“Ved ikke”', '"Ikke relevant"', 'I\u00A0mindre grad'),
    fc.constantFrom(1, 2, 3, 4, '4', ' 2 '),
  )
  .map((value): Cell => ({ value, kind: 'answered' }));
const missing = fc.constantFrom(null, undefined, '', '  ', Number.NaN, '\u200B', '\uFEFF').map((value): Cell => ({ value, kind: 'missing' }));
const invalid = fc.constantFrom('Maybe', 7, 0, 'constructor', '__proto__', 'toString').map((value): Cell => ({ value, kind: 'invalid' }));
const itemCell = fc.oneof(answered, missing, invalid);

/** Category cells and the key each must become. */
const categoryCell = fc.constantFrom<[unknown, string | null]>(
  ['Nord', 'Nord'],
  [' Syd ', 'Syd'],
  ['constructor', 'constructor'],
  ['__proto__', '__proto__'],
  ['toString', 'toString'],
  ['Ka\u030Arup', 'K\u00E5rup'],
  [3, '3'],
  [null, null],
  ['', null],
);

/** Numeric cells and the number each must become (NaN for missing). */
const numberCell = fc.constantFrom<[unknown, number]>([0, 0], [-2.5, -2.5], [104305, 104305], [7n, 7], [null, Number.NaN], [Number.NaN, Number.NaN]);

/** Column names, prototype members among them. */
const names = fc.uniqueArray(fc.constantFrom('q1', 'q2', 'region', 'pop', 'constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'), {
  minLength: 4,
  maxLength: 4,
});

/** Respondent ids as numbers, text (with spaces) or BigInts; distinct as keys. */
const ids = (n: number) =>
  fc.tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: n, maxLength: n }),
    fc.array(fc.constantFrom('number', 'text', 'padded', 'bigint'), { minLength: n, maxLength: n }),
  );

const data = fc.integer({ min: 1, max: 25 }).chain((n) =>
  fc.record({
    names,
    ids: ids(n),
    q1: fc.array(itemCell, { minLength: n, maxLength: n }),
    q2: fc.array(itemCell, { minLength: n, maxLength: n }),
    category: fc.array(categoryCell, { minLength: n, maxLength: n }),
    numbers: fc.array(numberCell, { minLength: n, maxLength: n }),
    omit: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }),
);

/** Sets an own, enumerable property, also for "__proto__" (which assignment would not create). */
function put(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

type Sample = typeof data extends fc.Arbitrary<infer T> ? T : never;

function build(sample: Sample) {
  const [q1, q2, region, pop] = sample.names as [string, string, string, string];
  const n = sample.q1.length;
  const idValues = sample.ids[0].map((id, i) => {
    const form = sample.ids[1][i];
    return form === 'number' ? id : form === 'text' ? String(id) : form === 'padded' ? ` ${id} ` : BigInt(id);
  });
  const columns: Record<string, unknown[]> = {};
  put(columns, 'id', idValues);
  put(columns, q1, sample.q1.map((c) => c.value));
  put(columns, q2, sample.q2.map((c) => c.value));
  put(columns, region, sample.category.map(([raw]) => raw));
  put(columns, pop, sample.numbers.map(([raw]) => raw));
  const rows = Array.from({ length: n }, (_, i) => {
    const row: Record<string, unknown> = {};
    for (const name of Object.keys(columns)) {
      const value = (columns[name] as unknown[])[i];
      // An undefined cell is sometimes left out of the row altogether (but never in row 0, so
      // that every column exists in the rows too).
      if (value === undefined && i > 0 && sample.omit[i]) continue;
      put(row, name, value);
    }
    return row;
  });
  const table = {
    numRows: n,
    schema: { fields: Object.keys(columns).map((name) => ({ name })) },
    getChild: (name: string) => (Object.hasOwn(columns, name) ? { get: (i: number) => (columns[name] as unknown[])[i] } : null),
  };
  const attributes: Record<string, 'number' | 'category'> = {};
  put(attributes, region, 'category');
  put(attributes, pop, 'number');
  const definition = {
    id: 'id',
    items: [
      { id: q1, scale: d4 },
      { id: q2, scale: d4 },
    ],
    attributes,
    unknown: 'missing' as const,
  };
  return { rows, columns, table, definition, names: { q1, q2, region, pop } };
}

function read(definition: SurveyDefinition): Survey {
  const result = safeSurvey(definition);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.survey;
}

/** Everything a survey holds, as plain data to compare. */
function contents(s: Survey, names: { q1: string; q2: string; region: string; pop: string }) {
  return {
    ids: s.ids,
    q1: { codes: Array.from(s.item(names.q1).codes), n: s.item(names.q1).n },
    q2: { codes: Array.from(s.item(names.q2).codes), n: s.item(names.q2).n },
    region: s.category(names.region),
    pop: Array.from(s.numeric(names.pop)),
  };
}

describe('survey() reads the same data the same way from rows, columns and an Arrow-like table', () => {
  it('gives the same ids, codes, counts and attributes on every path, prototype-named columns included', () => {
    fc.assert(
      fc.property(data, (sample) => {
        const { rows, columns, table, definition, names } = build(sample);
        const fromRows = contents(read({ ...definition, rows }), names);
        const fromColumns = contents(read({ ...definition, columns }), names);
        const fromTable = contents(read({ ...definition, table }), names);
        expect(fromColumns).toEqual(fromRows);
        expect(fromTable).toEqual(fromRows);
      }),
      { numRuns: 200 },
    );
  });

  it('accounts for every cell: the counts match the kinds the cells were generated as', () => {
    fc.assert(
      fc.property(data, (sample) => {
        const { rows, columns, table, definition, names } = build(sample);
        const n = sample.q1.length;
        for (const input of [{ rows }, { columns }, { table }]) {
          const s = read({ ...definition, ...input });
          expect(s.size).toBe(n);
          expect(s.ids).toEqual(sample.ids[0].map(String));
          for (const [name, cells] of [
            [names.q1, sample.q1],
            [names.q2, sample.q2],
          ] as const) {
            const counts = s.item(name).n;
            expect(counts.total).toBe(n);
            expect(counts.answered + counts.missing + counts.invalid).toBe(counts.total);
            expect(counts.answered).toBe(cells.filter((c) => c.kind === 'answered').length);
            expect(counts.missing).toBe(cells.filter((c) => c.kind === 'missing').length);
            expect(counts.invalid).toBe(cells.filter((c) => c.kind === 'invalid').length);
          }
          expect(s.category(names.region)).toEqual(sample.category.map(([, key]) => key));
          expect(Array.from(s.numeric(names.pop))).toEqual(sample.numbers.map(([, x]) => x));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same survey again when read from the survey itself', () => {
    fc.assert(
      fc.property(data, (sample) => {
        const { rows, definition, names } = build(sample);
        const first = read({ ...definition, rows });
        const again = read({ ...definition, survey: first });
        expect(contents(again, names)).toEqual(contents(first, names));
      }),
      { numRuns: 100 },
    );
  });
});
