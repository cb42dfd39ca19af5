/**
 * Web Workers for `likertkit/parallel` in a browser: module workers running `webWorker.js`.
 * Internal.
 *
 * The entry files start the worker themselves (see {@link WebWorkerStart}), as `new Worker(new
 * URL('./webWorker.js', import.meta.url), { type: 'module' })`: the URL is relative to the
 * module that holds it, and this module may land in a shared chunk elsewhere in `dist/`, while
 * each entry stays in `dist/parallel/` next to `webWorker.js`. It is also the form bundlers
 * such as Vite and webpack 5 recognise: they emit the worker with its chunks and rewrite the URL.
 */
import type { PlanMessage, PlanReply, SliceSums } from './pack';
import { canShareMemory } from './pack';
import { maxWorkers, type Threads } from './split';

/** The part of a browser's `Worker` this module uses. */
export interface WebWorker {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: { readonly data?: unknown; readonly message?: string }) => void): void;
  removeEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: { readonly data?: unknown; readonly message?: string }) => void): void;
  terminate(): void;
}
/** A browser's `Worker` constructor, as far as this module uses it. */
export type WebWorkerClass = new (url: URL, options: { readonly type: 'module' }) => WebWorker;
/** Starts one worker running `webWorker.js` with the page's `Worker`. */
export type WebWorkerStart = (Worker: WebWorkerClass) => WebWorker;

let threads: Threads | null | undefined;

/** The page's module Web Workers started by `start`, or null where there is no `Worker`. */
export function webThreads(start: WebWorkerStart): Promise<Threads | null> {
  if (threads === undefined) {
    const Worker = (globalThis as { Worker?: WebWorkerClass }).Worker;
    if (typeof Worker !== 'function') threads = null;
    else {
      const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
      const parallelism = typeof cores === 'number' && cores >= 1 ? Math.floor(cores) : 1;
      threads = { threads: 'web-workers', sharedMemory: canShareMemory(), parallelism, run: workerPool(() => start(Worker)) };
    }
  }
  return Promise.resolve(threads);
}

/** `run` of a pool of module workers; idle ones are kept for the next call. */
function workerPool(spawn: () => WebWorker): (message: PlanMessage) => Promise<SliceSums> {
  const idle: WebWorker[] = [];
  return (message) =>
    new Promise((resolve, reject) => {
      const worker = idle.pop() ?? spawn();
      const done = (): void => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        worker.removeEventListener('messageerror', onError);
      };
      const onMessage = (event: { readonly data?: unknown }): void => {
        done();
        const reply = event.data as PlanReply;
        if (reply.ok) {
          if (idle.length < maxWorkers) idle.push(worker);
          else worker.terminate();
          resolve({ sums: reply.sums, planar: reply.planar });
        } else {
          worker.terminate();
          reject(new Error(`correlateParallel: a worker failed: ${reply.message}`));
        }
      };
      const onError = (event: { readonly message?: string }): void => {
        done();
        worker.terminate();
        const why = typeof event.message === 'string' && event.message !== '' ? event.message : 'it could not be started or could not read its message (is webWorker.js served next to the entry?)';
        reject(new Error(`correlateParallel: a worker failed: ${why}`));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.addEventListener('messageerror', onError);
      worker.postMessage(message);
    });
}
