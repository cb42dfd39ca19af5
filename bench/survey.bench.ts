/**
 * Survey benchmark: npm run bench:survey   (add -- --quick for a 10^4 smoke run)
 *
 * 10^5 respondents × 40 items given as row objects (what a CSV parser returns): reading and
 * coding them with survey(), and a full correlation table (780 pairs: r, N, t, p, stars, Fisher
 * interval), each against a naive baseline in the same run — labels mapped to numbers per cell,
 * then simple-statistics' sampleCorrelation and jStat's t distribution for p. Prints the ratio
 * baseline / likertkit (above 1: likertkit is faster). Median of several runs.
 */
import { performance } from 'node:perf_hooks';
import jStatModule from 'jstat';
import * as ss from 'simple-statistics';
import { correlate, scales, survey } from '../src/index';
import { seededRandom } from '../src/demo/random';

const quick = process.argv.includes('--quick');
const respondents = quick ? 10_000 : 100_000;
const itemCount = 40;
const repeats = quick ? 3 : 5;
const { jStat } = jStatModule as unknown as { jStat: { studentt: { cdf(t: number, df: number): number } } };

const labels = ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'];
const random = seededRandom(7);
const itemIds = Array.from({ length: itemCount }, (_, j) => `q${j + 1}`);
const rows: Record<string, string | number | null>[] = [];
for (let i = 0; i < respondents; i++) {
  const latent = random.normal();
  const row: Record<string, string | number | null> = { id: i, region: `R${i % 5}` };
  for (const id of itemIds) {
    const u = random.uniform();
    if (u < 0.02) row[id] = null;
    else if (u < 0.05) row[id] = 'Ved ikke';
    else {
      const v = Math.max(0, Math.min(3, Math.round(1.5 + 0.6 * latent + random.normal())));
      row[id] = labels[v]!;
    }
  }
  rows.push(row);
}

// --- naive baseline ------------------------------------------------------------------------
const naiveCodes: Record<string, number> = { 'slet ikke': 1, 'i mindre grad': 2, 'i høj grad': 3, 'i meget høj grad': 4 };
const normalise = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
function naiveIngest(): number[][] {
  return itemIds.map((id) => rows.map((r) => {
    const v = r[id];
    return typeof v === 'string' ? (naiveCodes[normalise(v)] ?? NaN) : NaN;
  }));
}
function naiveTable(columns: number[][]) {
  const out: { r: number; n: number; p: number }[] = [];
  for (let a = 0; a < columns.length; a++) {
    for (let b = a + 1; b < columns.length; b++) {
      const xs: number[] = [];
      const ys: number[] = [];
      const x = columns[a]!;
      const y = columns[b]!;
      for (let i = 0; i < x.length; i++) {
        if (!Number.isNaN(x[i]!) && !Number.isNaN(y[i]!)) {
          xs.push(x[i]!);
          ys.push(y[i]!);
        }
      }
      const r = ss.sampleCorrelation(xs, ys);
      const df = xs.length - 2;
      const t = r * Math.sqrt(df / (1 - r * r));
      out.push({ r, n: xs.length, p: 2 * (1 - jStat.studentt.cdf(Math.abs(t), df)) });
    }
  }
  return out;
}

// --- timing --------------------------------------------------------------------------------
function time(fn: () => unknown): number {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]!;
}

const definition = {
  rows,
  id: 'id',
  items: itemIds.map((id) => ({ id, scale: scales.daDegree4 })),
  attributes: { region: 'category' as const },
};
const s = survey(definition);
const naiveColumns = naiveIngest();

const cases = [
  { name: `survey(): read + code ${itemCount} items`, library: () => survey(definition), baseline: naiveIngest },
  { name: `correlation table (${(itemCount * (itemCount - 1)) / 2} pairs)`, library: () => correlate(s, { x: itemIds }), baseline: () => naiveTable(naiveColumns) },
];

console.log(`likertkit survey benchmark: ${respondents.toLocaleString('en')} respondents × ${itemCount} items, median of ${repeats} runs, Node ${process.version}`);
console.log(`${'case'.padEnd(40)} ${'likertkit'.padStart(11)} ${'baseline'.padStart(11)} ${'ratio'.padStart(8)}`);
for (const c of cases) {
  const lib = time(c.library);
  const base = time(c.baseline);
  console.log(`${c.name.padEnd(40)} ${`${lib.toFixed(1)} ms`.padStart(11)} ${`${base.toFixed(1)} ms`.padStart(11)} ${`${(base / lib).toFixed(1)}x`.padStart(8)}`);
}
const mine = correlate(s, { x: itemIds.slice(0, 2) }).rows[0]!;
const theirs = naiveTable(naiveColumns.slice(0, 2))[0]!;
console.log(`check: r ${mine.r} vs baseline ${theirs.r}; N ${mine.n} vs ${theirs.n}; p ${mine.p} vs baseline ${theirs.p}`);
