/**
 * What `correlateParallel` does on every platform: check the options, plan the table, cut the
 * pairs into slices, sum one slice on the calling thread and the others in workers, and finish
 * the table from the sums. The workers themselves come from `nodeThreads.ts` (Node) or
 * `webThreads.ts` (browsers). Internal to the parallel entry.
 */
import type { Survey } from '../data/survey';
import { planCorrelate, type CorrelateOptions, type CorrelateResult } from '../describe/correlate';
import { pairSumsPlan, runPairSumsPlan, type PairSumsPlan, type SurveyPairSums } from '../engine/pairs';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type { SurveySummary } from '../summary/types';
import { packPlan, sliceMessage, type PlanMessage, type SliceSums } from './pack';

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
   * of work single-threaded). 0 always splits. Where the workers cannot share memory (a browser
   * page that is not `crossOriginIsolated`) there is no default: the table stays on the calling
   * thread unless `minWork` is given, since copying the planes to the workers measured slower
   * than computing on one thread.
   */
  readonly minWork?: number;
}

/** Where {@link correlateParallel} finds its workers, as {@link parallelSupport} reports it. */
export interface ParallelSupport {
  /**
   * `'worker_threads'` on Node, `'web-workers'` in a browser (module Web Workers), `'none'` where
   * neither exists: there every table is computed on the calling thread.
   */
  readonly threads: 'worker_threads' | 'web-workers' | 'none';
  /**
   * True when the workers read the planes from shared memory (Node; a browser page that is
   * `crossOriginIsolated`); false when every call copies to each worker the planes of the items
   * its pairs name (a browser page served without COOP/COEP headers).
   */
  readonly sharedMemory: boolean;
  /** The threads available: `os.availableParallelism()` or `navigator.hardwareConcurrency`, 1 without workers. */
  readonly parallelism: number;
}

/** A supply of workers: what the platform offers and how to run a slice on one. */
export interface Threads extends ParallelSupport {
  readonly threads: 'worker_threads' | 'web-workers';
  /** Runs one slice on an idle worker (or a new one); rejects with `correlateParallel: …` when it fails. */
  run(message: PlanMessage): Promise<SliceSums>;
}

/** The default of {@link ParallelOptions.minWork}. */
const defaultMinWork = 2e7;
/** The default number of threads is the available parallelism, at most this. */
const defaultMaxWorkers = 4;
/** The most workers a call takes, and the most idle ones kept. */
export const maxWorkers = 64;

/** {@link ParallelSupport} of a supply of workers (or of none). */
export function supportOf(threads: Threads | null): ParallelSupport {
  if (threads === null) return { threads: 'none', sharedMemory: false, parallelism: 1 };
  return { threads: threads.threads, sharedMemory: threads.sharedMemory, parallelism: threads.parallelism };
}

/** The sums of every pair of `plan`, split into `count` slices: one on this thread, one per worker. */
async function sumsInWorkers(threads: Threads, plan: PairSumsPlan, count: number): Promise<SurveyPairSums> {
  const pairs = plan.pairs.length / 2;
  const packed = packPlan(plan, threads.sharedMemory);
  // The calling thread sums the first slice itself while the workers sum the others.
  const slices: Promise<SliceSums>[] = [];
  for (let k = 1; k < count; k++) {
    const from = Math.floor((pairs * k) / count);
    const to = Math.floor((pairs * (k + 1)) / count);
    slices.push(threads.run(sliceMessage(packed, from, to)));
  }
  let own: SliceSums;
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
    const part = parts[k] as SliceSums;
    sums.set(part.sums, from * 6);
    planar.set(part.planar, from);
  }
  return { sums, planar, size: plan.size };
}

/** `correlateParallel` with the workers of `load()`: validation, the split and the table. */
export async function correlateSplit(
  s: Survey | SurveySummary,
  options: CorrelateOptions,
  parallel: ParallelOptions,
  load: () => Promise<Threads | null>,
): Promise<CorrelateResult> {
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
  const wanted = workers ?? defaultMaxWorkers;
  // The work is the plan's words: under a filter whose planes were compacted, the kept respondents'.
  if (wanted <= 1 || pairs <= 1 || sumsPlan.words * 32 * pairs < minWork) return onMain();
  const threads = await load();
  if (threads === null) return onMain();
  // Copying the planes to every worker (no shared memory) measured slower than one thread in
  // Chromium (docs/performance.md, "Worker threads"): it splits only when minWork is given.
  if (!threads.sharedMemory && parallel.minWork === undefined) return onMain();
  const count = Math.min(workers ?? Math.min(threads.parallelism, defaultMaxWorkers), pairs);
  if (count <= 1) return onMain();
  return plan.finish(await sumsInWorkers(threads, sumsPlan, count));
}
