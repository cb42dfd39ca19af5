/**
 * `likertkit/parallel` for browsers (the `browser` export condition): the API of `index.ts`
 * with module Web Workers only, so that a browser bundle holds no Node code path. The
 * documentation is on `index.ts`, whose types this file shares.
 *
 * @packageDocumentation
 */
import type { Survey } from '../data/survey';
import type { CorrelateOptions, CorrelateResult } from '../describe/correlate';
import type { SurveySummary } from '../summary/types';
import { correlateSplit, supportOf, type ParallelOptions, type ParallelSupport, type Threads } from './split';
import { webThreads, type WebWorkerStart } from './webThreads';

/** A module worker running the built webWorker.js next to this file (in the form bundlers recognise). */
const startWebWorker: WebWorkerStart = (Worker) => new Worker(new URL('./webWorker.js', import.meta.url), { type: 'module' });

/** The page's Web Workers. */
const load = (): Promise<Threads | null> => webThreads(startWebWorker);

/**
 * `correlate`'s table with the pair sums split across module Web Workers (see `index.ts`).
 *
 * @param s - a survey from `survey()`, or a summary from `summarize(s, { pairs })`
 * @param options - as for `correlate`
 * @param parallel - the number of workers and the least work worth splitting
 * @returns a promise of what `correlate(s, options)` returns
 */
export function correlateParallel(s: Survey | SurveySummary, options: CorrelateOptions, parallel: ParallelOptions = {}): Promise<CorrelateResult> {
  return correlateSplit(s, options, parallel, load);
}

/**
 * Which workers `correlateParallel` uses in this page (see `index.ts`).
 *
 * @returns a promise of `{ threads, sharedMemory, parallelism }`
 */
export async function parallelSupport(): Promise<ParallelSupport> {
  return supportOf(await load());
}

export type { ParallelOptions, ParallelSupport } from './split';
export type { CorrelateOptions, CorrelateResult, CorrelationMatrix, CorrelationRow } from '../describe/correlate';
