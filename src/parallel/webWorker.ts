/**
 * The browser worker of `likertkit/parallel` (a module Web Worker): sums the slice of pairs it
 * is sent with the engine's kernels and posts the sums back. No exports, no Node modules.
 */
import { answer, type PlanMessage } from './pack';

/** The part of a dedicated worker's global scope this script uses. */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { readonly data: PlanMessage }) => void): void;
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
}

const scope = globalThis as unknown as WorkerScope;
if (typeof scope.addEventListener === 'function' && typeof scope.postMessage === 'function') {
  scope.addEventListener('message', (event) => {
    const { reply, transfer } = answer(event.data);
    scope.postMessage(reply, transfer);
  });
}
