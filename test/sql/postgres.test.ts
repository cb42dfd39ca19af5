import { describe, expect, it } from 'vitest';
import { scales, summarize, survey, SurveyInputError } from '../../src/index';
import { summaryFromRows, summaryQuery, type SummaryRow } from '../../src/sql/index';
import { messyColumns, messyDefinition, messySurvey, referenceSummary } from './messySurvey';

// Runs against a real PostgreSQL server when LIKERTKIT_PG holds a connection string (.ci/run
// starts one on a Unix socket: postgresql://postgres@/postgres?host=/tmp/…); skipped, visibly, otherwise.
const connectionString = process.env['LIKERTKIT_PG'];
const haveServer = connectionString !== undefined && connectionString !== '';
const suite = haveServer ? describe : describe.skip;

if (!haveServer) {
  describe.skip('PostgreSQL engine (set LIKERTKIT_PG to a connection string to run these tests)', () => {
    it('needs a server', () => undefined);
  });
}

/** A text literal: quotes doubled, no backslash escapes (standard_conforming_strings). */
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

suite('summaryQuery and summaryFromRows on a real PostgreSQL server', () => {
  it('gives the in-memory summary for 10^5 respondents with messy labels and quote-laden column names', async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query('SET standard_conforming_strings = on');
      const data = messyColumns(100_000, 2026);
      const definition = messyDefinition();
      const names = Object.keys(data.columns);
      const schema = 'likertkit "test"';
      const table = "answers'; DROP TABLE x; --";
      await client.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
      await client.query(`CREATE SCHEMA ${ident(schema)}`);
      await client.query(`CREATE TABLE ${ident(schema)}.${ident(table)} (${names.map((n) => `${ident(n)} TEXT`).join(', ')}, "w" DOUBLE PRECISION)`);
      // Inserted in batches as literals, so that the test also exercises the quoting of text.
      for (let start = 0; start < data.length; start += 5000) {
        const values: string[] = [];
        for (let i = start; i < Math.min(data.length, start + 5000); i++) {
          values.push(`(${names.map((n) => literal(data.columns[n]![i] as string)).join(', ')}, ${data.weight[i]})`);
        }
        await client.query(`INSERT INTO ${ident(schema)}.${ident(table)} VALUES ${values.join(', ')}`);
      }
      const pairs = [['item0', 'item1'], ['item4', 'item5']] as const;
      const sql = summaryQuery(definition, { dialect: 'postgres', table: [schema, table], by: 'region', pairs });
      const result = await client.query(sql);
      const summary = summaryFromRows(result.rows as SummaryRow[], { definition, by: 'region', pairs });
      // The weights are multiples of 1/8, so every sum is exact in any order: equal to the last bit.
      const s = messySurvey(data, definition);
      expect(summary).toEqual(referenceSummary(s, 'region', pairs));

      // Size groups of the population column, text in the engine (blanks included), read as survey() reads it.
      const sizes = { attribute: 'pop', breaks: [50000, 100000] };
      const sized = (await client.query(summaryQuery(definition, { dialect: 'postgres', table: [schema, table], by: sizes, pairs: 'all' }))).rows as SummaryRow[];
      const bySize = summaryFromRows(sized, { definition, by: sizes, pairs: 'all' });
      expect(bySize).toEqual(referenceSummary(s, sizes, 'all'));
      expect(bySize.by!.groups.every((g) => g.respondents > 0)).toBe(true);

      // Unknown labels under unknown: 'error' are reported as survey() reports them.
      await client.query(`UPDATE ${ident(schema)}.${ident(table)} SET "q1" = 'Måske' WHERE "id" = 'r5'`);
      const strict = { ...definition, unknown: 'error' as const };
      const rows = (await client.query(summaryQuery(strict, { dialect: 'postgres', table: [schema, table] }))).rows as SummaryRow[];
      expect(() => summaryFromRows(rows, { definition: strict })).toThrow(SurveyInputError);
      await client.query(`DROP SCHEMA ${ident(schema)} CASCADE`);
    } finally {
      await client.end();
    }
  }, 120_000);

  it('reads size groups of a Danish text column and of a double precision column as survey() reads them', async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query('CREATE TEMP TABLE sizes ("id" INTEGER, "q" TEXT, "tekst" TEXT, "tal" DOUBLE PRECISION)');
      const texts = ['104.305', '60.828', '49.999', '50.000', '99.999,5', '100.000', '1.234,5', ' 7 ', '', '\u00A0', '\u200B', null];
      const numbers = ['104305', '60828.5', '49999.999', '50000', "'NaN'", 'NULL', '0.1'];
      const answers = ['I høj grad', 'Slet ikke', '3', 'ved ikke', null];
      const values = Array.from({ length: 420 }, (_, i) => {
        const text = texts[i % texts.length]!;
        return `(${i}, ${answers[i % 5] === null ? 'NULL' : literal(answers[i % 5]!)}, ${text === null ? 'NULL' : literal(text)}, CAST(${numbers[i % numbers.length]} AS DOUBLE PRECISION))`;
      });
      await client.query(`INSERT INTO sizes VALUES ${values.join(', ')}`);
      const definition = { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { tekst: 'number' as const, tal: 'number' as const }, thousands: '.' as const };
      const data = (await client.query('SELECT * FROM sizes')).rows as Record<string, unknown>[];
      const reference = survey({ ...definition, rows: data });
      for (const attribute of ['tekst', 'tal']) {
        const by = { attribute, breaks: [50000, 100000] };
        const rows = (await client.query(summaryQuery(definition, { dialect: 'postgres', table: 'sizes', by }))).rows as SummaryRow[];
        const summary = summaryFromRows(rows, { definition, by });
        expect(summary).toEqual(summarize(reference, { by }));
        // By hand, per 12 (text) or 7 (number) rows: 104.305 and 100.000 | 60.828, 50.000, 99.999,5 | 49.999, 1.234,5, 7;
        // 49999.999 and 0.1 | 60828.5 and 50000 | 104305; NaN and NULL missing.
        expect(summary.by!.groups.map((g) => g.respondents)).toEqual(attribute === 'tekst' ? [105, 105, 70] : [120, 120, 60]);
      }
      // Infinity is no finite number: a bad-number issue, in memory and from the engine.
      await client.query(`UPDATE sizes SET "tal" = 'Infinity' WHERE "id" = 0`);
      const by = { attribute: 'tal', breaks: [50000] };
      const rows = (await client.query(summaryQuery(definition, { dialect: 'postgres', table: 'sizes', by }))).rows as SummaryRow[];
      const infinite = (await client.query('SELECT * FROM sizes')).rows as Record<string, unknown>[];
      const kinds = (run: () => unknown): string[] => {
        try {
          run();
        } catch (error) {
          if (error instanceof SurveyInputError) return error.issues.map((i) => `${i.kind} ${i.column}`);
        }
        return [];
      };
      expect(kinds(() => summaryFromRows(rows, { definition, by }))).toEqual(['bad-number tal']);
      expect(kinds(() => survey({ ...definition, rows: infinite }))).toEqual(['bad-number tal']);
    } finally {
      await client.end();
    }
  });

  it('finds a repeated respondent id in the engine', async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query('CREATE TEMP TABLE dup ("id" INTEGER, "q" TEXT)');
      await client.query(`INSERT INTO dup VALUES (1, 'I høj grad'), (1, 'Slet ikke'), (2, NULL)`);
      const definition = { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }] };
      const rows = (await client.query(summaryQuery(definition, { dialect: 'postgres', table: 'dup' }))).rows as SummaryRow[];
      expect(() => summaryFromRows(rows, { definition })).toThrow('respondent id "1" occurs 2 times');
    } finally {
      await client.end();
    }
  });
});
