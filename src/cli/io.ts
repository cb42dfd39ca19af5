import { isAbsolute, resolve } from 'node:path';

/**
 * What the command line needs from its surroundings. `main` takes it as a parameter so that
 * tests run commands in memory; `src/cli/index.ts` passes the real process.
 */
export interface CliIo {
  /** Writes text to standard output (no newline added). */
  readonly stdout: (text: string) => void;
  /** Writes text to standard error (no newline added). */
  readonly stderr: (text: string) => void;
  /** Reads a UTF-8 text file; the path is absolute (resolved against `cwd`). */
  readonly readFile: (path: string) => Promise<string>;
  /** Writes a UTF-8 text file; the path is absolute (resolved against `cwd`). */
  readonly writeFile: (path: string, text: string) => Promise<void>;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /** Whether standard error is a terminal: progress lines are written only then. Default false. */
  readonly isTTY?: boolean;
  /** Milliseconds since some epoch, for timing (default `Date.now`). */
  readonly now?: () => number;
  /** The package version printed by `--version`. */
  readonly version?: string;
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

/**
 * Reads a text file, turning a failure into a usage error (exit code 2) that names the file.
 *
 * @param io - the command's surroundings
 * @param path - the path as the user gave it
 * @param role - what the file is, for the message ("survey CSV", "config")
 */
export async function readText(io: CliIo, path: string, role: string): Promise<string> {
  try {
    return await io.readFile(resolvePath(io, path));
  } catch (error) {
    const code = (error as { code?: string } | null)?.code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : error instanceof Error ? error.message : String(error);
    throw new CliError(2, `cannot read ${role} ${path}: ${reason}`);
  }
}

/**
 * Writes the output to `--out` or to standard output.
 *
 * @param io - the command's surroundings
 * @param out - the `--out` path, or `undefined` for standard output
 * @param text - the whole output
 * @throws CliError 2 naming the file when it cannot be written
 */
export async function writeOutput(io: CliIo, out: string | undefined, text: string): Promise<void> {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  try {
    await io.writeFile(resolvePath(io, out), text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(2, `cannot write ${out}: ${reason}`);
  }
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
