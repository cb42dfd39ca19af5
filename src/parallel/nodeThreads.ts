/**
 * Node's worker threads for `likertkit/parallel`, loaded by a dynamic import when the entry
 * runs on Node (so that no `node:` module is imported anywhere else). Internal.
 */
import type { PlanMessage, PlanReply, SliceSums } from './pack';
import { canShareMemory } from './pack';
import { maxWorkers, type Threads } from './split';

type NodeWorker = import('node:worker_threads').Worker;
type NodeWorkerClass = typeof import('node:worker_threads').Worker;

/** True when this is Node (or a runtime that says it is, such as Bun or Deno with Node APIs). */
export function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

let threads: Promise<Threads | null> | undefined;

/** Node's worker threads, or null where they cannot be loaded. */
export function nodeThreads(): Promise<Threads | null> {
  threads ??= (async () => {
    if (!isNode()) return null;
    try {
      const [{ Worker }, os] = await Promise.all([import('node:worker_threads'), import('node:os')]);
      const parallelism = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
      const pool = workerPool(Worker);
      return { threads: 'worker_threads', sharedMemory: canShareMemory(), parallelism: Math.max(1, parallelism), run: pool };
    } catch {
      return null;
    }
  })();
  return threads;
}

function spawn(Worker: NodeWorkerClass): NodeWorker {
  // From dist/ the worker is the built worker.js next to the built index.js. From source
  // (vitest, tsx) it is the .ts file next to this one, loaded after registering tsx's loader
  // in the worker (an `--import tsx` in execArgv does not reach a worker's loader on Node 20).
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const url = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`, { eval: true });
}

/** `run` of a pool of workers made by `Worker`; idle ones are unreferenced, so they never keep the process alive. */
function workerPool(Worker: NodeWorkerClass): (message: PlanMessage) => Promise<SliceSums> {
  const idle: NodeWorker[] = [];
  const release = (worker: NodeWorker): void => {
    worker.unref();
    if (idle.length < maxWorkers) idle.push(worker);
    else void worker.terminate();
  };
  return (message) =>
    new Promise((resolve, reject) => {
      const worker = idle.pop() ?? spawn(Worker);
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
