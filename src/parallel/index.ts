/**
 * `likertkit/parallel`: the correlation table with its pair sums split across worker threads,
 * Node's `worker_threads` or a browser's module Web Workers. The figures are exactly those of
 * `correlate`: the sums are integers, whichever thread adds them up.
 *
 * Bundlers that honour the `browser` export condition get `browser.js`, the same API without
 * the Node code path; this file serves Node and, where no such condition applies, browsers too.
 *
 * @packageDocumentation
 */
import type { Survey } from '../data/survey';
import type { CorrelateOptions, CorrelateResult } from '../describe/correlate';
import type { SurveySummary } from '../summary/types';
import { isNode, nodeThreads } from './nodeThreads';
import { correlateSplit, supportOf, type ParallelOptions, type ParallelSupport, type Threads } from './split';
import { webThreads, type WebWorkerStart } from './webThreads';

/** A module worker running the built webWorker.js next to this file (in the form bundlers recognise). */
const startWebWorker: WebWorkerStart = (Worker) => new Worker(new URL('./webWorker.js', import.meta.url), { type: 'module' });

/** Node's worker threads on Node, else the page's Web Workers. */
const load = (): Promise<Threads | null> => (isNode() ? nodeThreads() : webThreads(startWebWorker));

/**
 * `correlate`'s table with the pair sums of the items computed in worker threads: the
 * same result (`toEqual`) for every survey, filter and option, only sooner for large surveys
 * on several cores. On Node the workers are `worker_threads`; in a browser they are module Web
 * Workers, reading the planes from shared memory when the page is `crossOriginIsolated`; in a
 * page without COOP/COEP headers the workers get a copy of the planes their pairs need, which
 * measured slower than one thread, so there the table is split only when `minWork` is given
 * (see {@link parallelSupport} and {@link ParallelOptions.minWork}). Where
 * there are no workers, or for work below `minWork`, Spearman and summaries, everything runs on
 * the calling thread. Idle workers are kept for the next call and never keep a Node process
 * alive.
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
export function correlateParallel(s: Survey | SurveySummary, options: CorrelateOptions, parallel: ParallelOptions = {}): Promise<CorrelateResult> {
  return correlateSplit(s, options, parallel, load);
}

/**
 * Which workers {@link correlateParallel} uses here, whether they share memory with the calling
 * thread, and how many threads the platform offers (the default of `workers` is this, at most 4).
 *
 * @returns a promise of `{ threads, sharedMemory, parallelism }`
 * @example
 * await parallelSupport(); // { threads: 'worker_threads', sharedMemory: true, parallelism: 2 } on Node with 2 cores
 * // in a page without COOP/COEP headers: { threads: 'web-workers', sharedMemory: false, parallelism: 8 }
 */
export async function parallelSupport(): Promise<ParallelSupport> {
  return supportOf(await load());
}

export type { ParallelOptions, ParallelSupport } from './split';
export type { CorrelateOptions, CorrelateResult, CorrelationMatrix, CorrelationRow } from '../describe/correlate';
