/**
 * Measures what reading size groups in likertkit (src/sql/readSizes.ts) costs against cutting
 * them in the engine: 10^6 messy respondents (6 items, 15 pairs, a weight) in an in-memory
 * DuckDB table whose population column holds 98 distinct municipality sizes as text. In one run,
 * alternately: the query of summaryQuery (grouped by the raw population), the same query with
 * the former `CASE` cut in the engine in place of the raw value (timed only: its rows carry group
 * positions), and summaryFromRows on the first query's rows.
 *
 *   nice -n 5 npx tsx test/sql/sizeGroupsCost.mts [respondents = 1000000] [rounds = 3] [threads]
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { summaryFromRows, summaryQuery, type SummaryRow } from '../../src/sql/index';
import { messyColumns, messyDefinition, random, toCsv } from './messySurvey';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const n = Number(process.argv[2] ?? 1_000_000);
const rounds = Number(process.argv[3] ?? 3);
/** DuckDB's threads; 1 makes the timings less sensitive to other work on a shared machine. */
const threads = process.argv[4];
const data = messyColumns(n, 20261201);
const next = random(98);
const populations = Array.from({ length: 98 }, () => String(1800 + Math.floor(next() * 650_000)));
data.columns['pop'] = data.columns['pop']!.map(() => populations[Math.floor(next() * populations.length)]!);
const definition = messyDefinition();
const by = { attribute: 'pop', breaks: [50000, 100000] };

const dir = mkdtempSync(join(tmpdir(), 'likertkit-sizes-'));
const csv = join(dir, 'survey.csv');
writeFileSync(csv, toCsv(data));
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
if (threads !== undefined) await connection.run(`SET threads = ${Number(threads)}`);
await connection.run(`CREATE TABLE t AS SELECT * REPLACE (CAST("w" AS DOUBLE) AS "w") FROM read_csv('${csv.replaceAll("'", "''")}', header = true, all_varchar = true)`);
rmSync(dir, { recursive: true, force: true });

const raw = summaryQuery(definition, { dialect: 'duckdb', table: 't', by, pairs: 'all' });
const value = `CAST(NULLIF(TRIM(CAST("pop" AS VARCHAR)), '') AS DOUBLE PRECISION)`;
const cut = `CASE WHEN ${value} IS NULL THEN CAST(NULL AS VARCHAR) WHEN ${value} < CAST(50000 AS DOUBLE PRECISION) THEN CAST('0' AS VARCHAR) WHEN ${value} < CAST(100000 AS DOUBLE PRECISION) THEN CAST('1' AS VARCHAR) ELSE CAST('2' AS VARCHAR) END`;
const engineCut = raw.replace(`CAST("pop" AS VARCHAR) AS "g"`, `${cut} AS "g"`);
// The raw query without its type column and row: what the grouping alone costs.
const untyped = raw.replace(`, typeof("pop") AS "gt"`, '').replace(/\nUNION ALL\nSELECT 'bytype'[^\n]*/, '');
if (untyped === raw) throw new Error('the query no longer has the expected type column');
if (engineCut === raw) throw new Error('the query no longer has the expected by column');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const times = { raw: [] as number[], untyped: [] as number[], cut: [] as number[], read: [] as number[] };
const sizes = { raw: 0, untyped: 0, cut: 0 };
for (let r = 0; r < rounds; r++) {
  for (const kind of ['raw', 'untyped', 'cut'] as const) {
    const t0 = performance.now();
    const sql = kind === 'raw' ? raw : kind === 'untyped' ? untyped : engineCut;
    const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS() as unknown as SummaryRow[];
    times[kind].push(performance.now() - t0);
    sizes[kind] = rows.length;
    if (kind === 'raw') {
      const t1 = performance.now();
      summaryFromRows(rows, { definition, by, pairs: 'all' });
      times.read.push(performance.now() - t1);
    }
  }
}
connection.closeSync();
instance.closeSync();
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
console.log(`${n} respondents, ${new Set(data.columns['pop']).size} distinct populations, ${rounds} rounds, DuckDB threads ${threads ?? 'default'}`);
console.log(`query grouped by the raw value: median ${s(median(times.raw))} [${times.raw.map(s).join(', ')}], ${sizes.raw} result rows`);
console.log(`the same without the type column: median ${s(median(times.untyped))} [${times.untyped.map(s).join(', ')}], ${sizes.untyped} result rows`);
console.log(`query cut by CASE in the engine: median ${s(median(times.cut))} [${times.cut.map(s).join(', ')}], ${sizes.cut} result rows`);
console.log(`summaryFromRows on the raw rows: median ${s(median(times.read))}`);
