/**
 * `likertkit report --engine duckdb`: the same survey file reported by the in-memory engine and
 * by DuckDB (from the CSV and from a Parquet copy that DuckDB writes) gives the same tables.
 * Real files in a temporary directory, the real embedded DuckDB (`@duckdb/node-api`).
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { nodeIo } from '../../src/cli/nodeIo';
import { demoFocusAreas } from '../../src/demo/index';

const sample = fileURLToPath(new URL('../../examples/dashboard/public/demo-survey.csv', import.meta.url));
let dir = '';

const config = {
  id: 'kommunekode',
  items: demoFocusAreas().flatMap((a) => [
    { id: `udfordring_${a.id}`, scale: 'daChallenge4', label: `Udfordring: ${a.label}`, group: a.id },
    { id: `behov_${a.id}`, scale: 'daDegree4', label: `Behov: ${a.label}`, group: a.id },
  ]),
  attributes: { region: 'category', indbyggere: 'number' },
  report: {
    sections: ['distribution', 'summary', 'pairs', 'means', 'ranking'],
    sizeGroups: { attribute: 'indbyggere', breaks: [50000, 100000] },
  },
};

/** Runs the CLI and returns the exit code, standard output and standard error. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { ...nodeIo('0.0.0').io, cwd: dir, stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) };
  const code = await main(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

interface JsonReport {
  tables: { id: string; rows: unknown[]; columns: { key: string }[]; notes?: unknown }[];
}

/**
 * The tables with each table's columns in key order. A summary lists the groups of a
 * categorical attribute in code-unit order (whatever order the engine scanned the rows in),
 * where the in-memory report lists them in order of first appearance; the figures are the same.
 */
const byKey = (report: JsonReport): JsonReport['tables'] =>
  report.tables.map((t) => ({ ...t, columns: [...t.columns].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'likertkit-engine-'));
  copyFileSync(sample, join(dir, 'survey.csv'));
  writeFileSync(join(dir, 'survey.json'), JSON.stringify(config));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // All columns as text, as the CSV holds them, so the Parquet file carries the same cells.
  await connection.run(
    `COPY (SELECT * FROM read_csv('${join(dir, 'survey.csv')}', delim = ';', header = true, all_varchar = true)) TO '${join(dir, 'survey.parquet')}' (FORMAT parquet)`,
  );
  connection.closeSync();
}, 60_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('likertkit report --engine duckdb', () => {
  it('gives the in-memory tables from the CSV and from a Parquet copy', async () => {
    const memory = await run(['report', 'survey.csv', '--config', 'survey.json', '--format', 'json']);
    expect(memory.err).toBe('');
    expect(memory.code).toBe(0);
    const expected = JSON.parse(memory.out) as JsonReport;
    expect(expected.tables.map((t) => t.id)).toContain('pairs');
    expect(expected.tables.some((t) => t.id.startsWith('means'))).toBe(true);

    expect(expected.tables.map((t) => t.id)).toContain('means:region');
    for (const file of ['survey.csv', 'survey.parquet']) {
      const engine = await run(['report', file, '--config', 'survey.json', '--format', 'json', '--engine', 'duckdb']);
      expect(engine.code, engine.err).toBe(0);
      // A summary holds one grouping: the size groups here; the means by region are left out, and said so.
      expect(engine.err).toMatch(/warning: --engine duckdb: a summary holds one grouping; means by "region" are left out/);
      const got = JSON.parse(engine.out) as JsonReport;
      // Tables are numbered in report order, so the numbers after the missing table shift.
      const unnumbered = (tables: JsonReport['tables']) => tables.map((t) => ({ ...t, number: undefined }));
      expect(unnumbered(got.tables)).toEqual(unnumbered(expected.tables.filter((t) => t.id !== 'means:region')));
    }
    writeFileSync(join(dir, 'by-region.json'), JSON.stringify({ ...config, report: { ...config.report, sizeGroups: undefined, by: ['region'] } }));
    const byRegion = JSON.parse((await run(['report', 'survey.csv', '--config', 'by-region.json', '--format', 'json'])).out) as JsonReport;
    const engine = await run(['report', 'survey.parquet', '--config', 'by-region.json', '--format', 'json', '--engine', 'duckdb']);
    expect(engine.err).toBe('');
    const got = JSON.parse(engine.out) as JsonReport;
    expect(got.tables.find((t) => t.id === 'means:region')!.columns.map((c) => c.key).slice(1, 3)).toEqual(['mean:Hovedstaden', 'mean:Midtjylland']);
    expect(byKey(got)).toEqual(byKey(byRegion));
  }, 120_000);

  it('refuses a Parquet file without --engine duckdb, and an unknown engine', async () => {
    const parquet = await run(['report', 'survey.parquet', '--config', 'survey.json']);
    expect(parquet.code).toBe(2);
    expect(parquet.err).toMatch(/survey\.parquet is a Parquet file, which only DuckDB reads: add --engine duckdb/);
    const unknown = await run(['report', 'survey.csv', '--config', 'survey.json', '--engine', 'spark']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--engine must be memory or duckdb, got "spark"/);
  });

  it('refuses a config whose renames only the in-memory engine applies', async () => {
    writeFileSync(join(dir, 'renamed.json'), JSON.stringify({ ...config, rename: { region: 'landsdel' }, attributes: { landsdel: 'category', indbyggere: 'number' } }));
    const result = await run(['report', 'survey.csv', '--config', 'renamed.json', '--engine', 'duckdb']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--engine duckdb reads the columns as the file names them; this config has "rename"/);
  });

  it("passes the config's delimiter to DuckDB: a wrong one is used (and fails), not replaced by a guess", async () => {
    writeFileSync(join(dir, 'semicolon.json'), JSON.stringify({ ...config, delimiter: ';' }));
    const right = await run(['report', 'survey.csv', '--config', 'semicolon.json', '--format', 'json', '--engine', 'duckdb']);
    expect(right.code).toBe(0);
    const guessed = await run(['report', 'survey.csv', '--config', 'survey.json', '--format', 'json', '--engine', 'duckdb']);
    expect(JSON.parse(right.out)).toEqual(JSON.parse(guessed.out));
    writeFileSync(join(dir, 'comma.json'), JSON.stringify({ ...config, delimiter: ',' }));
    const wrong = await run(['report', 'survey.csv', '--config', 'comma.json', '--format', 'json', '--engine', 'duckdb']);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/DuckDB could not summarise survey.csv: summarizeDuckDB: the source has no column "kommunekode"/);
  });
});

