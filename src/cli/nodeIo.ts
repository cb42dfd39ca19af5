/**
 * The real surroundings of the `likertkit` command: the process's standard streams and the
 * file system through `node:fs`. Temporary files of atomic writes are tracked, so that an
 * interrupt (SIGINT, SIGTERM, SIGHUP) during a write removes them before the process ends.
 */
import { rmdirSync, unlinkSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, realpath, rename, rmdir, stat, unlink } from 'node:fs/promises';
import type { CliIo } from './io';

/** Bytes written per `write` call, so that a signal is handled between two chunks of a large file. */
const CHUNK = 1 << 20;

/** A {@link CliIo} over the real process, and the temporary files it is writing. */
export interface NodeIo {
  /** The surroundings to pass to `main`. */
  readonly io: CliIo;
  /** Temporary files created and not yet renamed or removed. */
  readonly pending: ReadonlySet<string>;
}

/**
 * Builds the real surroundings: standard output and error of the process, `node:fs` for files
 * (each write flushed with fsync), the working directory and the process id.
 *
 * @param version - the package version for `--version`
 * @returns the io object and the set of temporary files being written
 */
export function nodeIo(version: string): NodeIo {
  const pending = new Set<string>();
  const io: CliIo = {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    readFile: async (path) => new Uint8Array(await readFile(path)),
    readStream: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
    writeFile: async (path, text, exclusive) => {
      if (exclusive) pending.add(path);
      const handle = await open(path, exclusive ? 'wx' : 'w', 0o666);
      try {
        const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
        for (let offset = 0; offset < bytes.length; offset += CHUNK) {
          const end = Math.min(offset + CHUNK, bytes.length);
          let at = offset;
          // Position null: write where the file stands, which a pipe or terminal also allows
          // (an explicit position fails there with ESPIPE).
          while (at < end) at += (await handle.write(bytes, at, end - at, null)).bytesWritten;
        }
        // Devices and pipes cannot always be synced; a regular file must be.
        if (exclusive) await handle.sync();
      } finally {
        await handle.close();
      }
    },
    rename: async (from, to) => {
      await rename(from, to);
      pending.delete(from);
      // A renamed directory takes its files with it.
      for (const path of pending) if (path.startsWith(`${from}/`)) pending.delete(path);
    },
    unlink: async (path) => {
      try {
        await unlink(path);
      } finally {
        pending.delete(path);
      }
    },
    mkdir: async (path) => {
      // Only temporary directories are made (the CSV directory before its rename).
      await mkdir(path);
      pending.add(path);
    },
    readdir: (path) => readdir(path),
    rmdir: async (path) => {
      try {
        await rmdir(path);
      } finally {
        pending.delete(path);
      }
    },
    realpath: (path) => realpath(path),
    stat: async (path) => {
      const s = await stat(path);
      return { dev: s.dev, ino: s.ino, isFile: s.isFile(), isDirectory: s.isDirectory() };
    },
    cwd: process.cwd(),
    isTTY: process.stderr.isTTY === true,
    now: () => performance.now(),
    version,
    pid: process.pid,
  };
  return { io, pending };
}

/**
 * On SIGINT, SIGTERM and SIGHUP: removes the temporary files still being written (and the
 * temporary directory of `--format csv`), then ends
 * the process by the same signal (so the shell sees the usual status, e.g. 130 for Ctrl-C).
 *
 * @param pending - the temporary files being written (from {@link nodeIo})
 */
export function removeTemporaryFilesOnSignal(pending: ReadonlySet<string>): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = (): void => {
      const directories: string[] = [];
      for (const path of pending) {
        try {
          unlinkSync(path);
        } catch (error) {
          // A temporary directory (removed once its files are), or already gone.
          if ((error as NodeJS.ErrnoException).code === 'EISDIR' || (error as NodeJS.ErrnoException).code === 'EPERM') directories.push(path);
        }
      }
      for (const path of directories.reverse()) {
        try {
          rmdirSync(path);
        } catch {
          // Not empty or already gone.
        }
      }
      process.removeListener(signal, handler);
      process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}

/**
 * Ends the process cleanly when standard output fails: a reader that stopped early (EPIPE,
 * `likertkit … | head -1`) ends it silently with the command's code; a full disk or an
 * input/output error prints one line on standard error and exits 2.
 */
export function exitCleanlyOnOutputErrors(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    const reason = error.code === 'ENOSPC' ? 'no space left' : error.code === 'EIO' ? 'input/output error' : error.message;
    try {
      process.stderr.write(`likertkit: cannot write to standard output: ${reason}\n`);
    } finally {
      process.exit(2);
    }
  });
  process.stderr.on('error', () => {
    // Nowhere left to say anything; keep the exit code.
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 2);
  });
}
