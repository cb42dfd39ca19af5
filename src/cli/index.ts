#!/usr/bin/env node
/**
 * The `likertkit` executable: runs {@link main} with the real process (arguments, standard
 * streams, files, working directory) and exits with its code. Everything else lives in
 * `main.ts`, which the tests call in memory.
 *
 * @packageDocumentation
 */
import { readFile, writeFile } from 'node:fs/promises';
import { main } from './main';

async function packageVersion(): Promise<string> {
  // src/cli/index.ts and dist/cli/index.js both sit two levels below the package root.
  try {
    const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
    return String((JSON.parse(text) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

// `likertkit report … | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  cwd: process.cwd(),
  isTTY: process.stderr.isTTY === true,
  now: () => performance.now(),
  version: await packageVersion(),
});
// Let pending output drain instead of calling process.exit().
process.exitCode = code;
