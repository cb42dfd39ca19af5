import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/** What {@link CliIo.stat} tells about an existing path. */
export interface FileIdentity {
  /** The device holding the file. */
  readonly dev: number | bigint;
  /** The file's inode on that device; together with `dev` it names the file. */
  readonly ino: number | bigint;
  /** Whether it is a regular file (not a directory, device or pipe). */
  readonly isFile: boolean;
  /** Whether it is a directory (absent: not known to be one). */
  readonly isDirectory?: boolean;
}

/**
 * What the command line needs from its surroundings. `main` takes it as a parameter so that
 * tests run commands in memory; `src/cli/nodeIo.ts` implements it for the real process.
 * Every path it receives is absolute (resolved against `cwd`).
 */
export interface CliIo {
  /** Writes text to standard output (no newline added). */
  readonly stdout: (text: string) => void;
  /** Writes text to standard error (no newline added). */
  readonly stderr: (text: string) => void;
  /** Reads a whole file as bytes; the CLI decodes them (CSV through `parseCsv`, the config as UTF-8). */
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /**
   * Reads a file as a stream of byte chunks, when the surroundings can (the Node process can):
   * the survey CSV is then read chunk by chunk and never held whole. Optional: without it the
   * CLI reads the whole file with `readFile`.
   */
  readonly readStream?: (path: string) => AsyncIterable<Uint8Array>;
  /**
   * Writes a file, text as UTF-8 or bytes as they are, and flushes it to the disk (fsync). With
   * `exclusive` the file must not exist yet (the temporary file of an atomic write); without, an
   * existing file (a device such as `/dev/null`) is written in place.
   */
  readonly writeFile: (path: string, content: string | Uint8Array, exclusive: boolean) => Promise<void>;
  /** Renames a file, replacing the target in one step (POSIX `rename`). */
  readonly rename: (from: string, to: string) => Promise<void>;
  /** Removes a file. */
  readonly unlink: (path: string) => Promise<void>;
  /** Creates a directory (its parent must exist; fails with EEXIST when it does). For `--format csv`. */
  readonly mkdir?: (path: string) => Promise<void>;
  /** The names of the entries of a directory. For `--format csv`. */
  readonly readdir?: (path: string) => Promise<string[]>;
  /** Removes an empty directory. For `--format csv`. */
  readonly rmdir?: (path: string) => Promise<void>;
  /** The canonical path: symbolic links followed; rejects (ENOENT) when the path does not exist. */
  readonly realpath: (path: string) => Promise<string>;
  /** Device and inode of an existing path (links followed); rejects (ENOENT) when there is none. */
  readonly stat: (path: string) => Promise<FileIdentity>;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /** Whether standard error is a terminal: progress lines are written only then. Default false. */
  readonly isTTY?: boolean;
  /** Milliseconds since some epoch, for timing (default `Date.now`). */
  readonly now?: () => number;
  /** The package version printed by `--version`. */
  readonly version?: string;
  /** The process id, for unique temporary file names (default 0). */
  readonly pid?: number;
}

/** An error that ends a command with an exit code and a message for standard error. */
export class CliError extends Error {
  override readonly name = 'CliError';
  /** 1: data problems or a failed report; 2: usage (arguments, unreadable files, bad config). */
  readonly exitCode: 1 | 2;

  /**
   * @param exitCode - the process exit code
   * @param message - what went wrong, naming the file concerned
   */
  constructor(exitCode: 1 | 2, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * Resolves `path` against the working directory of `io`.
 *
 * @param io - the command's surroundings
 * @param path - an absolute path, or one relative to `io.cwd`
 * @returns the absolute path
 */
export function resolvePath(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}

const REASONS: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'no such file'],
  ['EISDIR', 'it is a directory'],
  ['ENOTDIR', 'a part of the path is not a directory'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'operation not permitted'],
  ['ENOSPC', 'no space left on device'],
  ['EDQUOT', 'disk quota exceeded'],
  ['EIO', 'input/output error'],
  ['EROFS', 'read-only file system'],
  ['EEXIST', 'the file exists'],
]);

/**
 * A short reason for a failed file operation: the error code in words where it is a common
 * one, otherwise the error's own message.
 *
 * @param error - what the file operation threw
 * @example
 * failureReason(Object.assign(new Error('x'), { code: 'ENOSPC' })); // 'no space left on device'
 */
export function failureReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? REASONS.get(code) : undefined;
  if (known !== undefined) return known;
  return error instanceof Error ? error.message : String(error);
}

/** The error code of a failed file operation, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Reads a file as bytes, turning a failure into a usage error (exit code 2) that names the file.
 *
 * @param io - the command's surroundings
 * @param path - the path as the user gave it
 * @param role - what the file is, for the message ("survey CSV", "config")
 * @throws CliError 2 naming the file and the reason
 */
export async function readBytes(io: CliIo, path: string, role: string): Promise<Uint8Array> {
  try {
    return await io.readFile(resolvePath(io, path));
  } catch (error) {
    throw new CliError(2, `cannot read ${role} ${path}: ${failureReason(error)}`);
  }
}

/**
 * Reads a UTF-8 text file (a leading byte order mark is dropped), turning a failure or bytes
 * that are not UTF-8 into a usage error (exit code 2) that names the file.
 *
 * @param io - the command's surroundings
 * @param path - the path as the user gave it
 * @param role - what the file is, for the message ("config")
 */
export async function readText(io: CliIo, path: string, role: string): Promise<string> {
  const bytes = await readBytes(io, path, role);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(2, `cannot read ${role} ${path}: it is not UTF-8 text; save it as UTF-8`);
  }
}

/** A file the command reads, for {@link refuseInputAsOutput}. */
export interface InputFile {
  /** What the file is ("survey CSV", "config", "frame CSV"). */
  readonly role: string;
  /** The path as the user gave it. */
  readonly path: string;
}

async function canonical(io: CliIo, absolute: string): Promise<string> {
  try {
    return await io.realpath(absolute);
  } catch {
    // Not there (yet): the directory may still be reached through a link.
    try {
      return join(await io.realpath(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

async function identity(io: CliIo, absolute: string): Promise<FileIdentity | undefined> {
  try {
    return await io.stat(absolute);
  } catch {
    return undefined;
  }
}

/**
 * Refuses an output path that is one of the command's inputs: the same canonical path
 * (symbolic links followed) or the same file (device and inode, which also catches hard links).
 *
 * @param io - the command's surroundings
 * @param out - the `--out` path as the user gave it
 * @param inputs - the files the command reads
 * @throws CliError 2 naming both paths
 */
export async function refuseInputAsOutput(io: CliIo, out: string, inputs: readonly InputFile[]): Promise<void> {
  const target = resolvePath(io, out);
  const targetPath = await canonical(io, target);
  const targetId = await identity(io, target);
  for (const input of inputs) {
    const source = resolvePath(io, input.path);
    const sameFile =
      (await canonical(io, source)) === targetPath ||
      (targetId !== undefined && (await identity(io, source).then((id) => id !== undefined && id.dev === targetId.dev && id.ino === targetId.ino)));
    if (sameFile) {
      throw new CliError(2, `--out ${out} is the ${input.role} ${input.path}; refusing to write over an input file, choose another --out`);
    }
  }
}

function randomSuffix(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Writes a file atomically: the text goes to a new temporary file in the same directory
 * (`.<name>.<pid>.<random>.tmp`), which is flushed to the disk and then renamed over the
 * target. Readers see either the old file or the whole new one; on any failure the temporary
 * file is removed and the old file is left as it was. A symbolic link as target stays a link
 * (the file it points to is replaced); a target that is not a regular file (`/dev/null`, a
 * pipe) cannot be replaced and is written in place.
 *
 * @param io - the command's surroundings
 * @param out - the path as the user gave it
 * @param text - the whole content: text (written as UTF-8) or bytes
 * @throws CliError 2 naming the file and the reason (no space left, permission denied, …)
 */
export async function writeFileAtomic(io: CliIo, out: string, text: string | Uint8Array): Promise<void> {
  const target = resolvePath(io, out);
  let real = target;
  try {
    real = await io.realpath(target);
  } catch {
    // A new file: written where it was named.
  }
  const existing = await identity(io, real);
  if (existing !== undefined && !existing.isFile) {
    try {
      await io.writeFile(real, text, false);
    } catch (error) {
      throw new CliError(2, `cannot write ${out}: ${failureReason(error)}`);
    }
    return;
  }
  const temporary = join(dirname(real), `.${basename(real)}.${io.pid ?? 0}.${randomSuffix()}.tmp`);
  try {
    await io.writeFile(temporary, text, true);
    await io.rename(temporary, real);
  } catch (error) {
    await io.unlink(temporary).catch(() => undefined);
    throw new CliError(2, `cannot write ${out}: ${failureReason(error)}; ${existing === undefined ? 'nothing was written' : 'the file was left as it was'}`);
  }
}

/**
 * Writes the output to `--out` (atomically, see {@link writeFileAtomic}) or to standard output.
 *
 * @param io - the command's surroundings
 * @param out - the `--out` path, or `undefined` for standard output
 * @param text - the whole output
 * @throws CliError 2 naming the file when it cannot be written
 */
export async function writeOutput(io: CliIo, out: string | undefined, text: string): Promise<void> {
  if (out === undefined) io.stdout(text);
  else await writeFileAtomic(io, out, text);
}

/**
 * Formats an integer with thousands commas, independent of the locale.
 *
 * @param n - a non-negative integer
 * @example
 * formatCount(120000); // '120,000'
 */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A progress line for a slow read: when standard error is a terminal and reading takes more
 * than `after` milliseconds, `reading survey.csv …` appears, and is completed with the row
 * count when the rows are parsed. Nothing is written otherwise (pipes, CI logs, tests).
 */
export class Progress {
  readonly #io: CliIo;
  readonly #label: string;
  readonly #after: number;
  readonly #started: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #shown = false;

  /**
   * @param io - where to write (only when `io.isTTY`)
   * @param label - the file being read, as the user named it
   * @param after - the delay before a line appears, in milliseconds (default 1000)
   */
  constructor(io: CliIo, label: string, after = 1000) {
    this.#io = io;
    this.#label = label;
    this.#after = after;
    this.#started = (io.now ?? Date.now)();
    if (io.isTTY === true) {
      this.#timer = setTimeout(() => this.#show(), after);
      // Never keep the process alive for a progress line.
      (this.#timer as { unref?: () => void }).unref?.();
    }
  }

  #show(): void {
    if (this.#shown) return;
    this.#shown = true;
    this.#io.stderr(`reading ${this.#label} …`);
  }

  /** Ends the progress: completes the line with the row count if it was shown or if reading was slow. */
  done(rows: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#io.isTTY !== true) return;
    const elapsed = (this.#io.now ?? Date.now)() - this.#started;
    if (!this.#shown && elapsed < this.#after) return;
    const line = `reading ${this.#label} … ${formatCount(rows)} rows`;
    this.#io.stderr(this.#shown ? `\r${line}\n` : `${line}\n`);
    this.#shown = true;
  }
}
