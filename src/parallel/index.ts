/**
 * `likertkit/parallel`: the correlation table with its pair sums split across worker threads
 * (Node `worker_threads`). The figures are exactly those of `correlate`: the sums are integers,
 * whichever thread adds them up.
 *
 * @packageDocumentation
 */
import type { Survey } from '../data/survey';
import { planCorrelate, type CorrelateOptions, type CorrelateResult } from '../describe/correlate';
import { pairSumsPlan, runPairSumsPlan, type PairSumsPlan, type SurveyPairSums } from '../engine/pairs';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type { SurveySummary } from '../summary/types';
import { packPlan, type PlanMessage, type PlanReply } from './pack';

/** How {@link correlateParallel} splits the work. */
export interface ParallelOptions {
  /**
   * Threads that sum the pairs, an integer from 1 to 64 (default: the available parallelism, at
   * most 4): the calling thread and `workers − 1` worker threads. With 1 everything stays on
   * the calling thread.
   */
  readonly workers?: number;
  /**
   * Below this much work (respondents × item pairs) the sums are computed on the calling
   * thread, where starting the workers costs more than it saves (default 2 × 10^7, about 20 ms
   * of work single-threaded). 0 always splits.
   */
  readonly minWork?: number;
}

/** The default of {@link ParallelOptions.minWork}. */
const defaultMinWork = 2e7;
const maxWorkers = 64;

type NodeWorker = import('node:worker_threads').Worker;
interface Threads {
  readonly Worker: typeof import('node:worker_threads').Worker;
  readonly parallelism: number;
}

let threads: Promise<Threads | null> | undefined;

/** Node's worker threads, or null where there are none (a browser: the work stays on the main thread). */
function loadThreads(): Promise<Threads | null> {
  threads ??= (async () => {
    if (typeof process === 'undefined' || typeof process.versions?.node !== 'string') return null;
    try {
      const [{ Worker }, os] = await Promise.all([import('node:worker_threads'), import('node:os')]);
      const parallelism = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
      return { Worker, parallelism: Math.max(1, parallelism) };
    } catch {
      return null;
    }
  })();
  return threads;
}

/** Idle workers, unreferenced so that they never keep the process alive. */
const idle: NodeWorker[] = [];

function spawn(Worker: Threads['Worker']): NodeWorker {
  // From dist/ the worker is the built worker.js next to the built index.js. From source
  // (vitest, tsx) it is the .ts file next to this one, loaded after registering tsx's loader
  // in the worker (an `--import tsx` in execArgv does not reach a worker's loader on Node 20).
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const url = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`, { eval: true });
}

/** Runs one slice on `worker`; settles on its answer, its error or its exit. */
function runOn(worker: NodeWorker, message: PlanMessage): Promise<{ sums: Float64Array; planar: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: PlanReply): void => {
      done();
      if (reply.ok) {
        release(worker);
        resolve({ sums: reply.sums, planar: reply.planar });
      } else {
        void worker.terminate();
        reject(new Error(`correlateParallel: a worker failed: ${reply.message}`));
      }
    };
    const onError = (error: Error): void => {
      done();
      void worker.terminate();
      reject(new Error(`correlateParallel: a worker failed: ${error.message}`, { cause: error }));
    };
    const onExit = (code: number): void => {
      done();
      reject(new Error(`correlateParallel: a worker stopped with exit code ${code} before answering`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.ref();
    worker.postMessage(message);
  });
}

function release(worker: NodeWorker): void {
  worker.unref();
  if (idle.length < maxWorkers) idle.push(worker);
  else void worker.terminate();
}

/** The sums of every pair of `plan`, split into `count` slices: one on this thread, one per worker. */
async function sumsInWorkers(Worker: Threads['Worker'], plan: PairSumsPlan, count: number): Promise<SurveyPairSums> {
  const pairs = plan.pairs.length / 2;
  const packed = packPlan(plan);
  // The calling thread sums the first slice itself while the workers sum the others.
  const slices: Promise<{ sums: Float64Array; planar: Uint8Array }>[] = [];
  for (let k = 1; k < count; k++) {
    const from = Math.floor((pairs * k) / count);
    const to = Math.floor((pairs * (k + 1)) / count);
    slices.push(runOn(idle.pop() ?? spawn(Worker), { ...packed, from, to }));
  }
  let own: { sums: Float64Array; planar: Uint8Array };
  try {
    own = runPairSumsPlan(plan, 0, Math.floor(pairs / count));
  } catch (error) {
    await Promise.allSettled(slices);
    throw error;
  }
  const parts = [own, ...(await Promise.all(slices))];
  const sums = new Float64Array(pairs * 6);
  const planar = new Uint8Array(pairs);
  for (let k = 0; k < count; k++) {
    const from = Math.floor((pairs * k) / count);
    const part = parts[k] as { sums: Float64Array; planar: Uint8Array };
    sums.set(part.sums, from * 6);
    planar.set(part.planar, from);
  }
  return { sums, planar, size: plan.size };
}

/**
 * `correlate`'s table with the pair sums of the items computed in worker threads: the
 * same result (`toEqual`) for every survey, filter and option, only sooner for large surveys
 * on several cores. Node only: where there are no worker threads (a browser), or for work
 * below `minWork`, Spearman and summaries, everything runs on the calling thread. Idle workers
 * are kept for the next call and never keep the process alive.
 *
 * @param s - a survey from `survey()`, or a summary from `summarize(s, { pairs })`
 * @param options - as for `correlate`
 * @param parallel - the number of workers and the least work worth splitting
 * @returns a promise of what `correlate(s, options)` returns
 * @throws (the promise rejects with) what `correlate` throws, a TypeError or RangeError for a
 *   bad `parallel` option, or an Error when a worker fails
 * @example
 * const table = await correlateParallel(s, { x: s.items.map((item) => item.id) }, { workers: 2 });
 * table.tests; // 780 for 40 items
 * @see `correlate` in the core entry
 */
export async function correlateParallel(s: Survey | SurveySummary, options: CorrelateOptions, parallel: ParallelOptions = {}): Promise<CorrelateResult> {
  const fn = 'correlateParallel';
  if (parallel === null || typeof parallel !== 'object') {
    throw new TypeError(`${fn}: parallel must be an object such as { workers: 2 }, got ${describeValue(parallel)}`);
  }
  checkOptionKeys(fn, parallel, optionKeys<ParallelOptions>({ workers: true, minWork: true }));
  const { workers, minWork = defaultMinWork } = parallel;
  if (workers !== undefined && (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 1 || workers > maxWorkers)) {
    throw new RangeError(`${fn}: parallel.workers must be an integer from 1 to ${maxWorkers}, got ${describeValue(workers)}; leave it out for the default`);
  }
  if (typeof minWork !== 'number' || !(minWork >= 0) || !Number.isFinite(minWork)) {
    throw new RangeError(`${fn}: parallel.minWork must be a finite number ≥ 0 (respondents × pairs), got ${describeValue(minWork)}; use 0 to always split`);
  }
  const plan = planCorrelate(s, options);
  if (plan.survey === null) return plan.finish(null);
  const sumsPlan = pairSumsPlan(plan.survey, plan.pairs);
  const pairs = plan.pairs.length;
  const onMain = (): CorrelateResult => plan.finish({ ...runPairSumsPlan(sumsPlan, 0, pairs), size: sumsPlan.size });
  const available = await loadThreads();
  if (available === null) return onMain();
  const count = Math.min(workers ?? Math.min(available.parallelism, 4), pairs);
  if (count <= 1 || sumsPlan.words * 32 * pairs < minWork) return onMain();
  return plan.finish(await sumsInWorkers(available.Worker, sumsPlan, count));
}

export type { CorrelateOptions, CorrelateResult, CorrelationMatrix, CorrelationRow } from '../describe/correlate';
