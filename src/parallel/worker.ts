/**
 * The Node worker of `likertkit/parallel` (`worker_threads`): sums the slice of pairs it is
 * sent with the engine's kernels and posts the sums back. No exports.
 */
import { parentPort } from 'node:worker_threads';
import { answer, type PlanMessage } from './pack';

const port = parentPort;
if (port !== null) {
  port.on('message', (message: PlanMessage) => {
    const { reply, transfer } = answer(message);
    port.postMessage(reply, transfer);
  });
}
