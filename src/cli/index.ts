#!/usr/bin/env node
/**
 * The `likertkit` executable: runs {@link main} with the real process (arguments, standard
 * streams, files, working directory) and exits with its code. Everything else lives in
 * `main.ts`, which the tests call in memory.
 *
 * @packageDocumentation
 */
import { readFile } from 'node:fs/promises';
import { main } from './main';
import { exitCleanlyOnOutputErrors, nodeIo, removeTemporaryFilesOnSignal } from './nodeIo';

async function packageVersion(): Promise<string> {
  // src/cli/index.ts and dist/cli/index.js both sit two levels below the package root.
  try {
    const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
    return String((JSON.parse(text) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

exitCleanlyOnOutputErrors();
const { io, pending } = nodeIo(await packageVersion());
removeTemporaryFilesOnSignal(pending);
const code = await main(process.argv.slice(2), io);
// Let pending output drain instead of calling process.exit().
process.exitCode = code;
