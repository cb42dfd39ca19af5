/**
 * Engine benchmark: npm run bench:engine   (add -- --quick for 10^5 respondents only)
 *
 * 40 items on the 4-level daDegree4 scale (2 % blank, 3 % "ved ikke", answers correlated
 * through one latent trait), a region (5 values) and a size group (3 values). Times, median of
 * a few runs after one cold run:
 *
 * - correlate(s, { x: items }): all 780 pairs with r, N, t, p, stars and interval;
 * - the same under s.where('region', 'R1');
 * - frequencies + agreementShare + codedMean of all 40 items under where('region') and a
 *   size-group where, and the columnTally calls alone (what those functions read);
 * - summarize(s, { by: 'region', pairs: 'all' }) (no peer);
 *
 * - correlate on one thread against correlateParallel (likertkit/parallel) with workers: 2 (this
 *   thread and one worker thread): the
 *   speed-up (run only this case with -- --parallel; the cold run includes starting the workers);
 *
 * and the same work in numpy (in a python3 subprocess, on the same codes written as one int8
 * file): the four-matrix-product route with SciPy's t tails for the table, a boolean mask and
 * np.bincount per item for the tallies. Prints likertkit / numpy (below 1: likertkit is faster).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { agreementShare, codedMean, correlate, frequencies, scales, summarize, type Survey } from '../src/index';
import { sealColumn } from '../src/data/columnData';
import { makeSurvey, type SurveyItem } from '../src/data/surveyObject';
import type { LikertColumn } from '../src/data/types';
import { seededRandom } from '../src/demo/random';
import { columnTally } from '../src/engine/tally';
import { pairSums } from '../src/engine/pairs';
import { correlateParallel } from '../src/parallel/index';

const quick = process.argv.includes('--quick');
const parallelOnly = process.argv.includes('--parallel');
const sizes = quick ? [100_000] : [100_000, 1_000_000];
const itemCount = 40;
const repeats = quick ? 3 : 5;
const scale = scales.daDegree4;
const itemIds = Array.from({ length: itemCount }, (_, j) => `q${j + 1}`);

interface Data {
  readonly n: number;
  /** Item codes, item after item (n per item): category index 0…3, 4 = "ved ikke", −1 = blank. */
  readonly codes: Int8Array;
  readonly region: Int8Array;
  readonly size: Int8Array;
}

function generate(n: number): Data {
  const random = seededRandom(9);
  const codes = new Int8Array(n * itemCount);
  const region = new Int8Array(n);
  const size = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    region[i] = i % 5;
    size[i] = Math.floor(random.uniform() * 3);
    const latent = random.normal();
    for (let j = 0; j < itemCount; j++) {
      const u = random.uniform();
      let code: number;
      if (u < 0.02) code = -1;
      else if (u < 0.05) code = 4;
      else code = Math.max(0, Math.min(3, Math.round(1.5 + 0.6 * latent + random.normal())));
      codes[j * n + i] = code;
    }
  }
  return { n, codes, region, size };
}

/** The survey over the generated codes, built directly from columns (reading is not timed here). */
function toSurvey(data: Data): Survey {
  const { n } = data;
  const columns = new Map<string, LikertColumn>();
  const items: SurveyItem[] = [];
  itemIds.forEach((id, j) => {
    const codes = data.codes.slice(j * n, (j + 1) * n);
    let substantive = 0;
    let nonSubstantive = 0;
    let missing = 0;
    for (let i = 0; i < n; i++) {
      const c = codes[i] as number;
      if (c === -1) missing++;
      else if (c >= 4) nonSubstantive++;
      else substantive++;
    }
    const counts = { total: n, answered: substantive + nonSubstantive, substantive, missing, invalid: 0, nonSubstantive };
    columns.set(id, sealColumn({ scale, codes, n: counts, label: id }));
    items.push({ id, column: id, label: id, group: null, topic: null, reverse: false, scale, n: counts });
  });
  const regions = Array.from(data.region, (r) => `R${r}`);
  const groups = Array.from(data.size, (g) => ['small', 'medium', 'large'][g] as string);
  return makeSurvey({
    ids: Array.from({ length: n }, (_, i) => String(i)),
    items,
    columns,
    numbers: new Map(),
    categories: new Map([
      ['region', regions],
      ['size', groups],
    ]),
    attributes: { region: 'category', size: 'category' },
    weights: null,
    duplicates: [],
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Cold time (first run) and median of `repeats` warm runs, in ms. */
async function timeAsync(run: () => Promise<unknown>): Promise<{ cold: number; warm: number }> {
  let t = performance.now();
  await run();
  const cold = performance.now() - t;
  const warm: number[] = [];
  for (let r = 0; r < repeats; r++) {
    t = performance.now();
    await run();
    warm.push(performance.now() - t);
  }
  return { cold, warm: median(warm) };
}

/** correlate on the calling thread against correlateParallel on 2 workers, same survey, same run. */
async function workerCase(s: Survey): Promise<void> {
  const single = time(() => correlate(s, { x: itemIds }));
  const split = await timeAsync(() => correlateParallel(s, { x: itemIds }, { workers: 2, minWork: 0 }));
  const same = JSON.stringify(await correlateParallel(s, { x: itemIds }, { workers: 2, minWork: 0 })) === JSON.stringify(correlate(s, { x: itemIds }));
  console.log(`correlate, 780 pairs, 1 thread        ${fmt(single.warm)} (cold ${fmt(single.cold)})`);
  console.log(`correlateParallel, workers: 2         ${fmt(split.warm)} (cold ${fmt(split.cold)})   speed-up ${(single.warm / split.warm).toFixed(2)}×   identical: ${same}`);
}

function time(run: () => unknown): { cold: number; warm: number } {
  let t = performance.now();
  run();
  const cold = performance.now() - t;
  const warm: number[] = [];
  for (let r = 0; r < repeats; r++) {
    t = performance.now();
    run();
    warm.push(performance.now() - t);
  }
  return { cold, warm: median(warm) };
}

const numpyScript = String.raw`
import sys, time, json
import numpy as np
from scipy import stats
path, n, k, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
C = np.fromfile(path + '.codes', dtype=np.int8).reshape(k, n)
region = np.fromfile(path + '.region', dtype=np.int8)
size = np.fromfile(path + '.size', dtype=np.int8)
def table():
    M = (C >= 0) & (C < 4)
    P = M.T.astype(np.float64)
    X = np.where(M, C + 1, 0).T.astype(np.float64)
    N = P.T @ P
    Sx = X.T @ P
    Sxx = (X * X).T @ P
    Sxy = X.T @ X
    num = N * Sxy - Sx * Sx.T
    den = np.sqrt((N * Sxx - Sx * Sx) * (N * Sxx.T - Sx.T * Sx.T))
    with np.errstate(divide='ignore', invalid='ignore'):
        r = num / den
        df = N - 2
        t = r * np.sqrt(df / (1 - r * r))
    iu = np.triu_indices(k, 1)
    p = 2 * stats.t.sf(np.abs(t[iu]), df[iu])
    return r[iu], N[iu], p
def tallies(mask):
    out = []
    for j in range(k):
        counts = np.bincount(C[j][mask] + 1, minlength=7)
        sub = counts[1:5]
        answered = counts[1:].sum()
        agree = (sub[2] + sub[3]) / sub.sum()
        mean = (sub * np.arange(1, 5)).sum() / sub.sum()
        out.append((counts, counts[1:] / answered, agree, mean))
    return out
def timed(f):
    t = time.perf_counter(); f(); cold = (time.perf_counter() - t) * 1000
    runs = []
    for _ in range(repeats):
        t = time.perf_counter(); f(); runs.append((time.perf_counter() - t) * 1000)
    return {'cold': cold, 'warm': sorted(runs)[len(runs) // 2]}
res = {'table': timed(table), 'tallies': timed(lambda: tallies((region == 1) & (size == 0)))}
r, N, p = table()
res['r01'] = float(r[0]); res['n01'] = int(N[0])
print(json.dumps(res))
`;

function numpy(data: Data, dir: string): Record<string, { cold: number; warm: number }> & { r01: number; n01: number } {
  const path = join(dir, `data${data.n}`);
  writeFileSync(`${path}.codes`, data.codes);
  writeFileSync(`${path}.region`, data.region);
  writeFileSync(`${path}.size`, data.size);
  writeFileSync(join(dir, 'peer.py'), numpyScript);
  const out = execFileSync('python3', [join(dir, 'peer.py'), path, String(data.n), String(itemCount), String(repeats)], {
    encoding: 'utf8',
    // Single-threaded, as likertkit runs: one BLAS thread.
    env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
  });
  return JSON.parse(out);
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
const dir = mkdtempSync(join(tmpdir(), 'likertkit-engine-'));
try {
  for (const n of sizes) {
    const data = generate(n);
    const s = toSurvey(data);
    console.log(`\n${n} respondents × ${itemCount} items`);
    if (parallelOnly) {
      await workerCase(s);
      continue;
    }
    const table = time(() => correlate(s, { x: itemIds }));
    const pairs: [string, string][] = [];
    for (let a = 0; a < itemCount; a++) for (let b = a + 1; b < itemCount; b++) pairs.push([itemIds[a] as string, itemIds[b] as string]);
    const sumsWasm = time(() => pairSums(s, pairs));
    const sumsJs = time(() => pairSums(s, pairs, { wasm: false }));
    const filtered = time(() => correlate(s.where('region', 'R1'), { x: itemIds }));
    const tallies = time(() => {
      const sub = s.where('region', 'R1').where('size', 'small');
      for (const id of itemIds) {
        const column = sub.item(id);
        frequencies(column);
        agreementShare(column);
        codedMean(column);
      }
    });
    // What the describe functions get once they read columns only through columnTally.
    const tallyOnly = time(() => {
      const sub = s.where('region', 'R1').where('size', 'small');
      for (const id of itemIds) columnTally(sub.item(id), null);
    });
    const summary = time(() => summarize(s, { by: 'region', pairs: 'all' }));
    let peer: ReturnType<typeof numpy> | null = null;
    try {
      peer = numpy(data, dir);
    } catch (error) {
      console.log(`numpy: not run (${(error as Error).message.split('\n')[0]})`);
    }
    const first = correlate(s, { x: ['q1', 'q2'] }).rows[0];
    if (peer !== null && first !== undefined) console.log(`check q1–q2: likertkit r = ${first.r} (N = ${first.n}), numpy r = ${peer.r01} (N = ${peer.n01})`);
    const line = (name: string, ours: { cold: number; warm: number }, theirs: { cold: number; warm: number } | undefined): void => {
      const ratio = theirs === undefined ? '' : `   numpy ${fmt(theirs.warm)}   likertkit/numpy ${(ours.warm / theirs.warm).toFixed(2)}`;
      console.log(`${name.padEnd(34)} likertkit ${fmt(ours.warm)} (cold ${fmt(ours.cold)})${ratio}`);
    };
    line('correlate, 780 pairs', table, peer?.table);
    line('  pair sums only, WebAssembly', sumsWasm, undefined);
    line('  pair sums only, JavaScript', sumsJs, undefined);
    line("correlate under where('region')", filtered, peer?.table);
    line('describe 40 items, region+size', tallies, peer?.tallies);
    line('columnTally 40 items, region+size', tallyOnly, peer?.tallies);
    line("summarize, by region, 780 pairs", summary, undefined);
    await workerCase(s);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
