/**
 * The worker of `likertkit/parallel`: sums the slice of pairs it is sent with the engine's
 * kernels and posts the sums back. No exports.
 */
import { parentPort } from 'node:worker_threads';
import { runPairSumsPlan } from '../engine/pairs';
import { unpackPlan, type PlanMessage, type PlanReply } from './pack';

const port = parentPort;
if (port !== null) {
  port.on('message', (message: PlanMessage) => {
    let reply: PlanReply;
    try {
      const { sums, planar } = runPairSumsPlan(unpackPlan(message), message.from, message.to);
      reply = { ok: true, sums, planar };
      port.postMessage(reply, [sums.buffer as ArrayBuffer, planar.buffer as ArrayBuffer]);
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    }
  });
}
