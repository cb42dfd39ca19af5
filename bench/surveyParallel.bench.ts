/**
 * Would coding `survey({ columns })` in worker threads pay?   npx tsx bench/surveyParallel.bench.ts [--quick]
 *
 * Coding turns string labels into codes; to code half of the columns (or half of one column) in
 * a second thread the strings must first reach that thread, and `postMessage` copies them with
 * the structured clone algorithm, on the sending thread, before the worker can start. This
 * measures, on the same data:
 *
 * - `survey({ columns })` of all the data on one thread (what a split would have to beat);
 * - `survey({ columns })` of half the data (the calling thread's share of a 2-thread split);
 * - `postMessage` of the other half to a worker: the time the calling thread is blocked
 *   serialising it, and the round trip until the worker has it deserialised and says so;
 *
 * for 10^6 × 40 items (daDegree4 labels, 2 % blank, 3 % "Ved ikke") and 10^7 × 1 item. A
 * 2-thread split cannot finish before the calling thread has serialised the worker's half and
 * coded its own, nor before the worker has received its half and coded it: the best it can do is
 * max(serialise + own half, round trip + the worker's half) (plus assembling one survey from both
 * halves, not counted), printed as the bound on the speed-up.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { scales, survey } from '../src/index';
import { seededRandom } from '../src/demo/random';

const quick = process.argv.includes('--quick');
const repeats = 3;
const scale = scales.daDegree4;
const labels = [...scale.levels, 'Ved ikke'];

function column(n: number, seed: number): (string | null)[] {
  const random = seededRandom(seed);
  const out = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const u = random.uniform();
    out[i] = u < 0.02 ? null : u < 0.05 ? 'Ved ikke' : (labels[Math.floor(random.uniform() * 4)] as string);
  }
  return out;
}

function median(runs: number[]): number {
  const sorted = [...runs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function timeSurvey(columns: Record<string, (string | null)[]>, ids: number[]): number {
  const items = Object.keys(columns).map((id) => ({ id, scale }));
  const runs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    survey({ id: 'id', columns: { id: ids, ...columns }, items });
    runs.push(performance.now() - t);
  }
  return median(runs);
}

/** A worker that answers each message once it has it (deserialised): the round trip of a copy. */
const echo = new Worker(`const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(Object.keys(m).length));`, { eval: true });

async function timeSend(half: Record<string, (string | null)[]>): Promise<{ serialise: number; roundTrip: number }> {
  const serialise: number[] = [];
  const roundTrip: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const answered = new Promise((resolve) => echo.once('message', resolve));
    const t = performance.now();
    echo.postMessage(half);
    serialise.push(performance.now() - t);
    await answered;
    roundTrip.push(performance.now() - t);
  }
  return { serialise: median(serialise), roundTrip: median(roundTrip) };
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;
const cases = quick ? [{ n: 100_000, k: 40 }, { n: 1_000_000, k: 1 }] : [{ n: 1_000_000, k: 40 }, { n: 10_000_000, k: 1 }];
try {
  for (const { n, k } of cases) {
    const ids = Array.from({ length: n }, (_, i) => i);
    const whole: Record<string, (string | null)[]> = {};
    for (let j = 0; j < k; j++) whole[`q${j + 1}`] = column(n, j + 1);
    // Halves: half of the items, or, for one item, half of its respondents.
    let own: Record<string, (string | null)[]>;
    let theirs: Record<string, (string | null)[]>;
    let ownIds = ids;
    if (k > 1) {
      const names = Object.keys(whole);
      own = Object.fromEntries(names.slice(0, k / 2).map((name) => [name, whole[name] as (string | null)[]]));
      theirs = Object.fromEntries(names.slice(k / 2).map((name) => [name, whole[name] as (string | null)[]]));
    } else {
      const all = whole.q1 as (string | null)[];
      own = { q1: all.slice(0, n / 2) };
      theirs = { q1: all.slice(n / 2) };
      ownIds = ids.slice(0, n / 2);
    }
    const all = timeSurvey(whole, ids);
    const ownHalf = timeSurvey(own, ownIds);
    const send = await timeSend(theirs);
    const best = Math.max(send.serialise + ownHalf, send.roundTrip + ownHalf);
    console.log(
      `${n} × ${k}: survey() ${fmt(all)}; half of it ${fmt(ownHalf)}; postMessage of the other half: blocks ${fmt(send.serialise)}, ` +
        `round trip ${fmt(send.roundTrip)}; best 2-thread time ≥ ${fmt(best)}, speed-up ≤ ${(all / best).toFixed(2)}`,
    );
  }
} finally {
  await echo.terminate();
}
