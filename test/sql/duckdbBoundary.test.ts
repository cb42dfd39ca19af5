/**
 * Where DuckDB reads a source differently from survey(), summarizeDuckDB refuses or reports as
 * survey() does: columns whose names differ only in case, NaN and infinite weights, blank and
 * padded ids, and weights in text that only survey()'s number parser reads. Each expectation is
 * what survey() itself says about the same cells (run beside it), not the engine's output.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeDuckDB } from '../../src/duckdb/index';
import { safeSurvey, scales, summarize, survey, SurveyInputError } from '../../src/index';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'likertkit-duckdb-boundary-'));
});
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const items = [{ id: 'q1', scale: scales.daDegree4 }];

/** The kinds of the issues a SurveyInputError carries. */
async function issueKinds(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SurveyInputError) return error.issues.map((i) => i.kind);
    throw error;
  }
  throw new Error('expected a SurveyInputError');
}

describe('summarizeDuckDB at the boundary', () => {
  it('refuses columns DuckDB cannot tell apart because their names differ only in case', async () => {
    const file = join(dir, 'twins.csv');
    writeFileSync(file, 'kode,Q1,q1\n1,Slet ikke,I høj grad\n2,Slet ikke,I høj grad\n');
    // DuckDB would read "Q1" for the quoted name "q1": two answers "Slet ikke" instead of "I høj grad".
    await expect(summarizeDuckDB({ source: file, definition: { id: 'kode', items } })).rejects.toThrow(
      /summarizeDuckDB: DuckDB reads no column "q1" in the source, only "Q1", which differs in case/,
    );
  });

  it('names a missing column with the columns it found', async () => {
    const file = join(dir, 'missing.csv');
    writeFileSync(file, 'kode,q2\n1,Slet ikke\n');
    await expect(summarizeDuckDB({ source: file, definition: { id: 'kode', items } })).rejects.toThrow(
      'summarizeDuckDB: the source has no column "q1"; its columns are "kode", "q2"',
    );
  });

  it('reports NaN and infinite weights as survey() does, instead of summing them', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `CREATE TABLE t AS SELECT * FROM (VALUES ('1', 1.0::DOUBLE, 'I høj grad'), ('2', 'NaN'::DOUBLE, 'Slet ikke'), ('3', 'inf'::DOUBLE, 'Slet ikke')) v(kode, w, q1)`,
    );
    const definition = { id: 'kode', weight: 'w', items };
    const memory = safeSurvey({ ...definition, rows: [{ kode: '1', w: 1, q1: 'I høj grad' }, { kode: '2', w: NaN, q1: 'Slet ikke' }, { kode: '3', w: Infinity, q1: 'Slet ikke' }] });
    expect(memory.ok ? [] : memory.issues.map((i) => i.kind)).toEqual(['bad-weight']);
    expect(await issueKinds(summarizeDuckDB({ source: { table: 't' }, connection, definition }))).toEqual(['bad-weight']);
    connection.closeSync();
  });

  it('treats a blank id as missing and compares ids trimmed, as survey() does', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE u AS SELECT * FROM (VALUES (' ', 'I høj grad'), ('2', 'Slet ikke'), (' 2', 'Slet ikke')) v(kode, q1)`);
    const definition = { id: 'kode', items };
    const memory = safeSurvey({ ...definition, rows: [{ kode: ' ', q1: 'I høj grad' }, { kode: '2', q1: 'Slet ikke' }, { kode: ' 2', q1: 'Slet ikke' }] });
    expect(memory.ok ? [] : memory.issues.map((i) => i.kind)).toEqual(['missing-id', 'duplicate-id']);
    expect(await issueKinds(summarizeDuckDB({ source: { table: 'u' }, connection, definition }))).toEqual(['missing-id', 'duplicate-id']);
    connection.closeSync();
  });

  it('refuses to let the engine sum text weights with marks under a decimal comma or a thousands mark', async () => {
    const file = join(dir, 'weights.csv');
    writeFileSync(file, 'kode;w;q1\n1;1,5;I høj grad\n2;1.000;Slet ikke\n');
    for (const marks of [{ decimal: ',' as const }, { decimal: '.' as const, thousands: ',' as const }]) {
      await expect(summarizeDuckDB({ source: file, definition: { id: 'kode', weight: 'w', items, ...marks } })).rejects.toThrow(
        /summarizeDuckDB: 2 weights in column "w" of ".*weights\.csv" hold a decimal or thousands mark, and DuckDB sums the weights after its own cast/,
      );
    }
  });

  it('sums plain integer text weights under Danish marks, as survey() reads them', async () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, 'kode;w;q1\n1;1;I høj grad\n2;3;Slet ikke\n');
    const summary = await summarizeDuckDB({ source: file, definition: { id: 'kode', weight: 'w', items, decimal: ',', thousands: '.' } });
    // "Slet ikke" (level 0) weighs 3 and "I høj grad" (level 2) weighs 1; daDegree4 has 4 levels and 2 non-substantive answers.
    expect(summary.items[0]!.weights!.sums.map(([hi, lo]) => hi + lo)).toEqual([3, 0, 1, 0, 0, 0]);
  });

  it('reads a CSV source with the delimiter given, not the one DuckDB would guess', async () => {
    const file = join(dir, 'semicolons.csv');
    writeFileSync(file, 'id;q1;note\n1;I høj grad;a,b\n2;Slet ikke;c,d\n3;I høj grad;e,f\n');
    const definition = { id: 'id', items };
    const withSemicolon = await summarizeDuckDB({ source: file, definition, delimiter: ';' });
    expect(withSemicolon.items[0]?.counts).toEqual(
      summarize(survey({ rows: [{ id: '1', q1: 'I høj grad' }, { id: '2', q1: 'Slet ikke' }, { id: '3', q1: 'I høj grad' }], ...definition })).items[0]?.counts,
    );
    // Read with commas, the file has no column "id" (nor "q1").
    await expect(summarizeDuckDB({ source: file, definition, delimiter: ',' })).rejects.toThrow(/has no column "id"/);
    await expect(summarizeDuckDB({ source: file, definition, delimiter: '|' as ';' })).rejects.toThrow(/delimiter must be ';', ',' or '\\t', got "\|"/);
    await expect(summarizeDuckDB({ source: { table: 'answers' }, definition, delimiter: ';' })).rejects.toThrow(/delimiter applies to a CSV source only/);
  });
});
