/**
 * Time of the exports on the demo report (23 tables): toCsv of every table, and toXlsx of the
 * whole report (the first call includes loading exceljs). Run: nice -n 5 npm run bench:export
 */
import { toCsv, toXlsx } from '../src/export/index';
import { demoReport } from '../test/export/helpers';

const r = demoReport();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = async (f: () => unknown): Promise<number> => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

const first = await time(() => toXlsx(r));
const xlsx: number[] = [];
for (let i = 0; i < 7; i++) xlsx.push(await time(() => toXlsx(r)));
const csv: number[] = [];
for (let i = 0; i < 50; i++) csv.push(await time(() => r.tables.map((t) => toCsv(t))));
const bytes = (await toXlsx(r)).length;
const cells = r.tables.reduce((n, t) => n + t.rows.length * t.columns.length, 0);
console.log(`demo report: ${r.tables.length} tables, ${cells} cells`);
console.log(`toXlsx first call (loads exceljs): ${first.toFixed(0)} ms`);
console.log(`toXlsx, median of 7: ${median(xlsx).toFixed(1)} ms, ${bytes} bytes`);
console.log(`toCsv of every table, median of 50: ${median(csv).toFixed(2)} ms`);
