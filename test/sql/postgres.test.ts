import { describe, expect, it } from 'vitest';
import { scales, SurveyInputError } from '../../src/index';
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

      // Size groups cut in the engine (the population column is text there, blanks included).
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
