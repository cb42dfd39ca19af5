/**
 * Core benchmark: npm run bench   (add -- --quick for a 10^5 smoke run)
 *
 * Times likertkit against a naive baseline in the same run, on the same data, and prints the
 * ratio baseline / likertkit (above 1 means likertkit is faster). The baseline is what a
 * script would do without the library: map labels to numbers on every call (normalising each
 * cell), then use simple-statistics. Each case runs several times; the median is reported.
 */
import { performance } from 'node:perf_hooks';
import * as ss from 'simple-statistics';
import { agreementShare, codedMean, frequencies, likert, pearson, scales } from '../src/index';
import { seededRandom } from '../src/demo/random';

const quick = process.argv.includes('--quick');
const size = quick ? 100_000 : 1_000_000;
const repeats = quick ? 3 : 7;

const labels = ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad', 'Ved ikke'];
const random = seededRandom(42);
const x: (string | null)[] = [];
const y: (string | null)[] = [];
for (let i = 0; i < size; i++) {
  const u = random.uniform();
  const a = u < 0.02 ? null : labels[Math.floor(random.uniform() * labels.length)]!;
  const b = a === null || a === 'Ved ikke' || random.uniform() < 0.3 ? labels[Math.floor(random.uniform() * 4)]! : a;
  x.push(a);
  y.push(b);
}

// --- the naive baseline -------------------------------------------------------------------
const naiveCodes: Record<string, number> = { 'slet ikke': 1, 'i mindre grad': 2, 'i høj grad': 3, 'i meget høj grad': 4 };
const naiveNormalise = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
/** Per-cell label → number (NaN for "ved ikke"/missing), as a script without a coded column does. */
function naiveNumbers(values: readonly (string | null)[]): number[] {
  return values.map((v) => (v === null ? NaN : (naiveCodes[naiveNormalise(v)] ?? NaN)));
}
function naiveDescribe(values: readonly (string | null)[]) {
  const numbers = naiveNumbers(values).filter((v) => !Number.isNaN(v));
  const answered = values.filter((v) => v !== null).length;
  const counts: Record<string, number> = {};
  for (const v of values) if (v !== null) counts[naiveNormalise(v)] = (counts[naiveNormalise(v)] ?? 0) + 1;
  const agree = numbers.filter((v) => v >= 3).length / answered;
  return { counts, agree, mean: ss.mean(numbers), sd: ss.sampleStandardDeviation(numbers) };
}
function naivePearson(a: readonly (string | null)[], b: readonly (string | null)[]) {
  const na = naiveNumbers(a);
  const nb = naiveNumbers(b);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < na.length; i++) {
    if (!Number.isNaN(na[i]!) && !Number.isNaN(nb[i]!)) {
      xs.push(na[i]!);
      ys.push(nb[i]!);
    }
  }
  return ss.sampleCorrelation(xs, ys);
}

// --- timing -------------------------------------------------------------------------------
function median(values: number[]): number {
  const sorted = values.slice().sort((p, q) => p - q);
  return sorted[Math.floor(sorted.length / 2)]!;
}
function time(fn: () => unknown): number {
  fn(); // warm up
  const runs: number[] = [];
  let sink = 0;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const result = fn();
    runs.push(performance.now() - start);
    sink += result === undefined ? 0 : 1;
  }
  if (sink < 0) console.log(sink);
  return median(runs);
}

const colX = likert(x, scales.daDegree4);
const colY = likert(y, scales.daDegree4);

const cases: { name: string; library: () => unknown; baseline: () => unknown }[] = [
  {
    name: 'code labels into a column',
    library: () => likert(x, scales.daDegree4),
    baseline: () => naiveNumbers(x),
  },
  {
    name: 'frequencies + agreement share + coded mean',
    library: () => [frequencies(colX), agreementShare(colX), codedMean(colX)],
    baseline: () => naiveDescribe(x),
  },
  {
    name: 'Pearson on two columns',
    library: () => pearson(colX, colY),
    baseline: () => naivePearson(x, y),
  },
  {
    name: 'end to end: code + describe + Pearson',
    library: () => {
      const a = likert(x, scales.daDegree4);
      const b = likert(y, scales.daDegree4);
      return [frequencies(a), agreementShare(a), codedMean(a), pearson(a, b)];
    },
    baseline: () => [naiveDescribe(x), naivePearson(x, y)],
  },
];

console.log(`likertkit core benchmark: ${size.toLocaleString('en')} responses, median of ${repeats} runs, Node ${process.version}`);
console.log(`${'case'.padEnd(46)} ${'likertkit'.padStart(11)} ${'baseline'.padStart(11)} ${'ratio'.padStart(8)}`);
for (const c of cases) {
  const lib = time(c.library);
  const base = time(c.baseline);
  console.log(
    `${c.name.padEnd(46)} ${`${lib.toFixed(2)} ms`.padStart(11)} ${`${base.toFixed(2)} ms`.padStart(11)} ${`${(base / lib).toFixed(1)}x`.padStart(8)}`,
  );
}
// Agreement of results, so the comparison is between equal answers.
const check = naiveDescribe(x);
const mine = codedMean(colX);
console.log(`check: mean ${mine.mean} vs baseline ${check.mean}; r ${pearson(colX, colY).r} vs baseline ${naivePearson(x, y)}`);
