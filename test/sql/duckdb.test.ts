import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { report, scales, survey, SurveyInputError, type SurveyIssue } from '../../src/index';
import { summarizeDuckDB } from '../../src/duckdb/index';
import { summaryFromRows, summaryQuery, type SummaryRow } from '../../src/sql/index';
import type { SurveySummary } from '../../src/summary/types';
import { MESSY_DEGREE4, messyColumns, messyDefinition, messySurvey, random, referenceSummary, toCsv } from './messySurvey';

const dir = mkdtempSync(join(tmpdir(), 'likertkit-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The summary with every weighted sum replaced by its value hi + lo, for comparison within a tolerance. */
function weightValues(summary: SurveySummary): unknown {
  return JSON.parse(JSON.stringify(summary, (_, value: unknown) => (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number' && !Number.isInteger(value[0] + value[1]) ? value[0] + value[1] : value)));
}

const pairs = [['item0', 'item1'], ['item2', 'item5'], ['item4', 'item3']] as const;
const sizes = { attribute: 'pop', breaks: [50000, 100000], labels: ['under 50.000', '50.000–99.999', '100.000 og derover'] };

describe('summarizeDuckDB on a real embedded DuckDB', () => {
  it('gives the in-memory summary for 10^6 respondents with messy labels, from a CSV and a Parquet file', async () => {
    const data = messyColumns(1_000_000, 20261201);
    const definition = messyDefinition();
    const csv = join(dir, 'survey.csv');
    writeFileSync(csv, toCsv(data));
    const parquet = join(dir, 'survey.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * REPLACE (CAST("w" AS DOUBLE) AS "w") FROM read_csv('${csv.replaceAll("'", "''")}', header = true, all_varchar = true)) TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();

    const expected = referenceSummary(messySurvey(data, definition), 'region', pairs);
    for (const source of [csv, parquet]) {
      const summary = await summarizeDuckDB({ source, definition, by: 'region', pairs });
      // The weights are multiples of 1/8, so every sum is exact in any order: equal to the last bit.
      expect(summary).toEqual(expected);
    }
    expect(expected.items[0]!.counts.every((c) => c > 0)).toBe(true);
    expect(expected.items[0]!.invalid).toBeGreaterThan(0);
    expect(expected.by!.groups.map((g) => g.value)).toEqual(['Hovedstaden', 'Midtjylland', 'Nordjylland', 'Region Århus', 'Sjælland', 'Syddanmark', 'nordjylland']);
    expect(expected.weighted).toBe(true);
    // About 20 s on an idle 2-core machine; the limit leaves room for a machine shared with other jobs.
  }, 400_000);

  it('gives the in-memory summary by size groups, read by likertkit on the half-open rule of sizeGroups', async () => {
    const data = messyColumns(20_000, 77);
    const definition = messyDefinition();
    const csv = join(dir, 'sizes.csv');
    writeFileSync(csv, toCsv(data));
    const s = messySurvey(data, definition);
    const summary = await summarizeDuckDB({ source: csv, definition, by: sizes, pairs: 'all' });
    expect(summary).toEqual(referenceSummary(s, sizes, 'all'));
    // Hand count from the generated text: blank is ungrouped; 50000 and 100000 open the next group.
    const group = (text: string): number | null => (text.trim() === '' ? null : Number(text) < 50000 ? 0 : Number(text) < 100000 ? 1 : 2);
    const expected = [0, 0, 0];
    let ungrouped = 0;
    for (const text of data.columns['pop']!) {
      const g = group(text);
      if (g === null) ungrouped++;
      else expected[g]!++;
    }
    expect(summary.by!.groups.map((g) => g.respondents)).toEqual(expected);
    expect(summary.by!.ungrouped).toBe(ungrouped);
    expect(summary.by!.breaks).toEqual([50000, 100000]);
  }, 60_000);

  it('gives every report figure of the in-memory report, from a summary made in DuckDB', async () => {
    const data = messyColumns(5_000, 4242);
    // Items in groups of two, so that the report pairs item0 with item1, item2 with item3, item4 with item5.
    const messy = messyDefinition();
    const definition = { ...messy, items: messy.items.map((item, i) => ({ ...item, group: `G${i >> 1}` })) };
    const csv = join(dir, 'report.csv');
    writeFileSync(csv, toCsv(data));
    const s = messySurvey(data, definition);
    const sections = ['distribution', 'summary', 'pairs', 'ranking', 'means'] as const;
    const options = { sections: [...sections], by: ['region'], pairs: { x: ['item0', 'item2', 'item4'], y: ['item1', 'item3', 'item5'] } };
    for (const [by, extra] of [['region', {}], [sizes, { by: [], sizeGroups: sizes }]] as const) {
      const summary = await summarizeDuckDB({ source: csv, definition, by, pairs: 'all' });
      const fromEngine = report(summary, { ...options, ...extra });
      const fromSurvey = report(s, { ...options, ...extra });
      const ids = (r: typeof fromSurvey) => r.tables.map((t) => t.id);
      expect(ids(fromEngine)).toEqual(ids(fromSurvey));
      expect(ids(fromEngine).some((id) => id.startsWith('means:'))).toBe(true);
      expect(ids(fromEngine)).toContain('pairs');
      // A summary lists categorical groups in code-unit order, a survey in order of first
      // appearance: the group columns may come in another order, every figure may not.
      const sorted = (r: typeof fromSurvey) => r.tables.map((t) => ({ ...t, columns: [...t.columns].sort((a, b) => (a.key < b.key ? -1 : 1)) }));
      // The survey is weighted: its own report weighs the correlations (design-based tests), a
      // summary holds unweighted pair counts. So the pairs table is compared with the report of
      // the same survey without weights, and each says in a note which it is.
      const unweighted = report(s.withWeights(null), { ...options, ...extra });
      // Likewise the summary table's intervals: design-based in the survey's report, from Kish's
      // effective n in the summary's (it holds tallies, not the design); every estimate and N agree.
      // And the means tables' p: the design-based Wald test in the survey's report, the ANOVA of
      // the unweighted answers in the summary's; every mean and N agree, and each note says which.
      const withoutPairs = (r: typeof fromSurvey) => sorted(r).filter((t) => t.id !== 'pairs' && t.id !== 'summary' && !t.id.startsWith('means:'));
      expect(withoutPairs(fromEngine)).toEqual(withoutPairs(fromSurvey));
      const meansOf = (r: typeof fromSurvey) => sorted(r).filter((t) => t.id.startsWith('means:'));
      const withoutP = (r: typeof fromSurvey) =>
        meansOf(r).map((t) => ({ id: t.id, rows: t.rows.map(({ p: _p, ...rest }) => rest), notes: t.notes.slice(0, -1), columns: t.columns.filter((c) => c.key !== 'p') }));
      expect(withoutP(fromEngine)).toEqual(withoutP(fromSurvey));
      expect(meansOf(fromEngine).every((t) => t.notes.at(-1)!.includes('uvægtede svar'))).toBe(true);
      expect(meansOf(fromSurvey).every((t) => t.notes.at(-1)!.startsWith('p: designbaseret Wald-test'))).toBe(true);
      expect(meansOf(fromSurvey).every((t) => t.columns.find((c) => c.key === 'p')!.label === 'p (Wald)')).toBe(true);
      // The summary's p is the survey's unweighted ANOVA.
      const unweightedMeans = meansOf(unweighted);
      meansOf(fromEngine).forEach((t, i) => expect(t.rows.map((row) => row['p'])).toEqual(unweightedMeans[i]!.rows.map((row) => row['p'])));
      const summaryOf = (r: typeof fromSurvey) => r.tables.find((t) => t.id === 'summary')!;
      const bounds = new Set(['shareLower', 'shareUpper', 'meanLower', 'meanUpper']);
      const estimates = (r: typeof fromSurvey) => summaryOf(r).rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !bounds.has(key))));
      expect(estimates(fromEngine)).toEqual(estimates(fromSurvey));
      expect(summaryOf(fromEngine).notes.some((note) => note.includes('Kishs effektive'))).toBe(true);
      expect(summaryOf(fromSurvey).notes.some((note) => note.includes('designbaserede'))).toBe(true);
      const pairsOf = (r: typeof fromSurvey) => r.tables.find((t) => t.id === 'pairs')!;
      expect(pairsOf(fromEngine).rows).toEqual(pairsOf(unweighted).rows);
      expect(pairsOf(fromEngine).notes.some((note) => note.startsWith('Korrelationerne er uvægtede'))).toBe(true);
      expect(pairsOf(fromSurvey).notes.some((note) => note.startsWith('Korrelationerne er vægtede'))).toBe(true);
      expect(pairsOf(fromSurvey).rows).not.toEqual(pairsOf(unweighted).rows);
      expect(fromEngine.n).toEqual(fromSurvey.n);
    }
  }, 60_000);

  it('gives unknown labels as survey() does under unknown: error', async () => {
    const data = messyColumns(200, 7, ['I høj grad', 'Maybe', 'Slet ikke', 'slet ike'], ['q1']);
    writeFileSync(join(dir, 'unknown.csv'), toCsv(data, false));
    const definition = { ...messyDefinition(['q1'], false), unknown: 'error' as const };
    const promise = summarizeDuckDB({ source: join(dir, 'unknown.csv'), definition });
    await expect(promise).rejects.toThrow(SurveyInputError);
    const error = (await promise.catch((e: unknown) => e)) as SurveyInputError;
    const counts = new Map<string, number>();
    for (const value of data.columns['q1']!) if (value === 'Maybe' || value === 'slet ike') counts.set(value, (counts.get(value) ?? 0) + 1);
    const issue = error.issues[0]!;
    expect(issue.kind).toBe('unknown-labels');
    expect(new Map(issue.unknown!.map((u) => [u.value as string, u.count]))).toEqual(counts);
    expect(issue.unknown!.find((u) => u.value === 'slet ike')!.suggestion).toBe('Slet ikke');
  });

  it('reads a table of a caller connection under a quoted schema and table name', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`CREATE SCHEMA "s""x"; CREATE TABLE "s""x"."'; DROP TABLE x; --" ("id" INTEGER, "q" VARCHAR, "w" DOUBLE)`);
    await connection.run(`INSERT INTO "s""x"."'; DROP TABLE x; --" VALUES (1, 'I høj grad', 0.5), (2, '3', 0.25), (3, NULL, 1)`);
    const definition = { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], weight: 'w' };
    const summary = await summarizeDuckDB({ source: { table: ['s"x', "'; DROP TABLE x; --"] }, definition, connection });
    expect(summary.items[0]!.counts).toEqual([0, 0, 2, 0, 0, 0]);
    expect(summary.items[0]!.weights!.sums[2]).toEqual([0.75, 0]);
    expect(summary.items[0]!.missing).toBe(1);
    // A repeated id is found by the engine.
    await connection.run(`INSERT INTO "s""x"."'; DROP TABLE x; --" VALUES (1, 'Slet ikke', 1)`);
    await expect(summarizeDuckDB({ source: { table: ['s"x', "'; DROP TABLE x; --"] }, definition, connection })).rejects.toThrow('respondent id "1" occurs 2 times');
    connection.closeSync();
    instance.closeSync();
  });

  it('runs the ansi dialect in DuckDB with the same summary as the duckdb dialect', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE t ("id" VARCHAR, "q" VARCHAR, "r" VARCHAR, "w" DOUBLE)`);
    await connection.run(`INSERT INTO t VALUES ('1', 'I høj grad', 'Nord', 0.5), ('2', 'ved ikke', 'Syd', 2), ('3', '1', 'Nord', 1)`);
    const definition = { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { r: 'category' as const }, weight: 'w' };
    const run = async (dialect: 'ansi' | 'duckdb'): Promise<SurveySummary> =>
      summaryFromRows((await connection.runAndReadAll(summaryQuery(definition, { dialect, table: 't', by: 'r' }))).getRowObjectsJS() as unknown as SummaryRow[], { definition, by: 'r' });
    const ansi = await run('ansi');
    expect(ansi).toEqual(await run('duckdb'));
    expect(ansi.by!.groups.map((g) => [g.value, g.items[0]!.counts])).toEqual([['Nord', [1, 0, 1, 0, 0, 0]], ['Syd', [0, 0, 0, 0, 1, 0]]]);
    connection.closeSync();
    instance.closeSync();
  });

  it('refuses a misspelt option key, naming the closest valid one', async () => {
    await expect(summarizeDuckDB({ source: 'x.csv', definition: messyDefinition(), pair: [] } as never)).rejects.toThrow('summarizeDuckDB: unknown option "pair"; did you mean "pairs"?');
  });

  it('refuses a source that is neither a Parquet nor a CSV file, naming it', async () => {
    await expect(summarizeDuckDB({ source: 'survey.xlsx', definition: messyDefinition() })).rejects.toThrow('summarizeDuckDB: source "survey.xlsx" is neither a .parquet nor a .csv file');
  });

  it('property: for random labels from the messy set and random column names, the engine summary equals the in-memory one', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    let table = 0;
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => !s.includes('\u0000') && s.toLowerCase() !== 'region');
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(name, { minLength: 3, maxLength: 3, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
        fc.array(fc.tuple(fc.constantFrom(...MESSY_DEGREE4), fc.constantFrom(...MESSY_DEGREE4), fc.constantFrom('Nord', ' Nord', 'Syd', '')), { minLength: 1, maxLength: 40 }),
        async ([idName, xName, yName], cells) => {
          const t = `t${table++}`;
          const q = (s: string): string => `"${s.replaceAll('"', '""')}"`;
          const l = (s: string): string => `'${s.replaceAll("'", "''")}'`;
          await connection.run(`CREATE TABLE ${t} (${q(idName!)} VARCHAR, ${q(xName!)} VARCHAR, ${q(yName!)} VARCHAR, "region" VARCHAR)`);
          await connection.run(`INSERT INTO ${t} VALUES ${cells.map(([x, y, r], i) => `('${i}', ${l(x)}, ${l(y)}, ${l(r)})`).join(', ')}`);
          const definition = {
            id: idName!,
            items: [{ id: 'x', column: xName!, scale: scales.daDegree4 }, { id: 'y', column: yName!, scale: scales.daDegree4, reverse: true }],
            attributes: { region: 'category' as const },
            unknown: 'missing' as const,
          };
          const sql = summaryQuery(definition, { dialect: 'duckdb', table: t, by: 'region', pairs: [['x', 'y']] });
          const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS() as unknown as SummaryRow[];
          const summary = summaryFromRows(rows, { definition, by: 'region', pairs: [['x', 'y']] });
          const data = {
            length: cells.length,
            columns: { [idName!]: cells.map((_, i) => String(i)), [xName!]: cells.map((c) => c[0]), [yName!]: cells.map((c) => c[1]), region: cells.map((c) => c[2]) },
            weight: [],
          };
          expect(weightValues(summary)).toEqual(weightValues(referenceSummary(messySurvey(data, definition), 'region', [['x', 'y']])));
        },
      ),
      { numRuns: 60, seed: 9 },
    );
    connection.closeSync();
    instance.closeSync();
  }, 60_000);
});


/** Populations as a Danish export holds them in a text column: thousands dots, decimal commas, padding and blanks of every kind. */
const DANISH_POPULATIONS = ['104.305', '60.828', '49.999', '50.000', '99.999,5', '100.000', '1.234,5', '7', '-3', ' 60.828 ', '', ' ', '\u00A0', '\u200B', '\u00A0\u200B '];
/** Their size groups under [50000, 100000] read with thousands '.', by hand (null: missing). */
const DANISH_GROUPS: Record<string, number | null> = {
  '104.305': 2, '60.828': 1, '49.999': 0, '50.000': 1, '99.999,5': 1, '100.000': 2, '1.234,5': 0, '7': 0, '-3': 0, ' 60.828 ': 1,
  '': null, ' ': null, '\u00A0': null, '\u200B': null, '\u00A0\u200B ': null,
};

/** Messy survey columns whose population column holds `values`, picked at random. */
function withPopulations(length: number, seed: number, values: readonly string[]): ReturnType<typeof messyColumns> {
  const data = messyColumns(length, seed);
  const next = random(seed + 1);
  data.columns['pop'] = Array.from({ length }, () => values[Math.floor(next() * values.length)]!);
  return data;
}

/** The issues of the SurveyInputError that `run` throws or rejects with. */
async function issuesOf(run: () => unknown): Promise<readonly SurveyIssue[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SurveyInputError) return error.issues;
    throw error;
  }
  throw new Error('expected a SurveyInputError');
}

/** kind, column and the distinct values of each issue: what an engine summary and survey() must agree on. */
const shapeOf = (issues: readonly SurveyIssue[]) => issues.map((i) => [i.kind, i.column, [...new Set(i.values as string[])].sort()]);

describe('size groups read in DuckDB as survey() reads the attribute', () => {
  it('reads a Danish text population (thousands dots, decimal commas, blanks, no-break and zero-width spaces) into the groups of summarize(survey())', async () => {
    const data = withPopulations(20_000, 505, DANISH_POPULATIONS);
    const csv = join(dir, 'danish.csv');
    writeFileSync(csv, toCsv(data));
    const expected = [0, 0, 0];
    let ungrouped = 0;
    for (const text of data.columns['pop']!) {
      const g = DANISH_GROUPS[text];
      if (g === null || g === undefined) ungrouped++;
      else expected[g]!++;
    }
    // thousands '.' given, and 'auto', which '99.999,5' and '1.234,5' decide for the decimal comma.
    // Unweighted: the weights of the messy data are numbers in memory but text in the CSV, which
    // summarizeDuckDB refuses to sum under Danish marks (see duckdbBoundary.test.ts).
    const { weight: _weight, ...unweighted } = messyDefinition();
    for (const marks of [{ thousands: '.' as const }, { decimal: ',' as const }, {}]) {
      const definition = { ...unweighted, ...marks };
      const summary = await summarizeDuckDB({ source: csv, definition, by: sizes, pairs: [['item0', 'item1']] });
      expect(summary).toEqual(referenceSummary(messySurvey(data, definition), sizes, [['item0', 'item1']]));
      expect(summary.by!.groups.map((g) => g.respondents)).toEqual(expected);
      expect(summary.by!.ungrouped).toBe(ungrouped);
    }
    expect(expected.every((c) => c > 1000)).toBe(true);
  }, 60_000);

  it('refuses a text column that reads two ways under auto, as survey() refuses it', async () => {
    const data = withPopulations(2_000, 606, ['104.305', '60.828', '', '\u00A0']);
    const csv = join(dir, 'ambiguous.csv');
    writeFileSync(csv, toCsv(data));
    const { weight: _weight, ...definition } = messyDefinition();
    const fromEngine = await issuesOf(() => summarizeDuckDB({ source: csv, definition, by: sizes }));
    const fromSurvey = await issuesOf(() => messySurvey(data, definition));
    expect(shapeOf(fromEngine)).toEqual([['ambiguous-number', 'pop', ['104.305', '60.828']]]);
    // survey() names the first few such cells in row order, the engine each distinct text once.
    expect(fromSurvey.map((i) => [i.kind, i.column])).toEqual([['ambiguous-number', 'pop']]);
    for (const value of fromSurvey[0]!.values!) expect(['104.305', '60.828']).toContain(value);
    // With the mark given, the same column is read.
    const danish = { ...definition, decimal: ',' as const };
    expect(await summarizeDuckDB({ source: csv, definition: danish, by: sizes })).toEqual(referenceSummary(messySurvey(data, danish), sizes));
  });

  it('refuses text that is no number ("abc", "NaN", a Danish "1.234,5" under a decimal point) with survey()\'s bad-number issue', async () => {
    const data = withPopulations(2_000, 707, ['abc', 'NaN', '1.234,5', '104305', '']);
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, toCsv(data));
    const definition = { ...messyDefinition(), decimal: '.' as const };
    const fromEngine = await issuesOf(() => summarizeDuckDB({ source: csv, definition, by: sizes }));
    const fromSurvey = await issuesOf(() => messySurvey(data, definition));
    expect(shapeOf(fromEngine)).toEqual([['bad-number', 'pop', ['1.234,5', 'NaN', 'abc']]]);
    expect(shapeOf(fromEngine)).toEqual(shapeOf(fromSurvey));
    const count = data.columns['pop']!.filter((v) => v !== '' && v !== '104305').length;
    expect(fromEngine[0]!.message).toContain(`numeric attribute "pop" has ${count} values that are not finite numbers (decimal mark ".")`);
  });

  it('reads the text column in the ansi dialect, which asks no type, as in the duckdb dialect', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE t ("id" VARCHAR, "q" VARCHAR, "pop" VARCHAR)`);
    await connection.run(`INSERT INTO t VALUES ('1', 'I høj grad', '104.305'), ('2', 'ved ikke', '49.999'), ('3', '1', '60.828'), ('4', '2', '\u00A0'), ('5', '4', '1.234,5')`);
    const definition = { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { pop: 'number' as const } };
    const run = async (dialect: 'ansi' | 'duckdb'): Promise<SurveySummary> =>
      summaryFromRows((await connection.runAndReadAll(summaryQuery(definition, { dialect, table: 't', by: sizes }))).getRowObjectsJS() as unknown as SummaryRow[], { definition, by: sizes });
    const ansi = await run('ansi');
    expect(ansi).toEqual(await run('duckdb'));
    // '1.234,5' decides the decimal comma: 104305 | 60828 | 49999 and 1234.5; the no-break space is missing.
    expect(ansi.by!.groups.map((g) => g.respondents)).toEqual([2, 1, 1]);
    expect(ansi.by!.ungrouped).toBe(1);
    connection.closeSync();
    instance.closeSync();
  });

  it('reads a DOUBLE column as the numbers the client gives survey(), NaN and NULL missing, under a Danish decimal comma', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE t ("id" INTEGER, "q" VARCHAR, "pop" DOUBLE, "w" DOUBLE)`);
    const pops = ['104305', '60828.5', '49999.999', '50000', '100000', '1e20', "'nan'", 'NULL', '0.1', '-7'];
    const answers = ['I høj grad', 'Slet ikke', '3', 'ved ikke', null];
    const values = Array.from({ length: 200 }, (_, i) => `(${i}, ${answers[i % 5] === null ? 'NULL' : `'${answers[i % 5]}'`}, CAST(${pops[i % pops.length]} AS DOUBLE), ${(1 + (i % 7)) / 8})`);
    await connection.run(`INSERT INTO t VALUES ${values.join(', ')}`);
    const definition = { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { pop: 'number' as const }, weight: 'w', decimal: ',' as const };
    const summary = await summarizeDuckDB({ source: { table: 't' }, definition, by: sizes, connection });
    const rows = (await connection.runAndReadAll('SELECT * FROM t')).getRowObjectsJS();
    expect(rows.some((r) => Number.isNaN(r['pop']))).toBe(true);
    expect(summary).toEqual(referenceSummary(survey({ ...definition, rows }), sizes));
    // By hand: 104305, 100000, 1e20 in the top group; 60828.5 and 50000 in the middle; 49999.999, 0.1 and -7 at the bottom; nan and NULL missing.
    expect(summary.by!.groups.map((g) => g.respondents)).toEqual([60, 40, 60]);
    expect(summary.by!.ungrouped).toBe(40);
    connection.closeSync();
    instance.closeSync();
  });
});
