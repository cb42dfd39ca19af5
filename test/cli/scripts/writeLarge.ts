/**
 * Writes a large file atomically with the real file system, as `likertkit report --out` does,
 * so that a test can interrupt it: `tsx writeLarge.ts <target> <megabytes>`.
 */
import { writeFileAtomic } from '../../../src/cli/io';
import { nodeIo, removeTemporaryFilesOnSignal } from '../../../src/cli/nodeIo';

const [target, megabytes] = process.argv.slice(2);
const { io, pending } = nodeIo('test');
removeTemporaryFilesOnSignal(pending);
const line = `${'x'.repeat(1023)}\n`;
const text = line.repeat(Number(megabytes) * 1024);
await writeFileAtomic(io, target as string, text);
process.stdout.write('done\n');
