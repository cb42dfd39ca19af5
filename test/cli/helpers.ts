import { readFileSync } from 'node:fs';
import { dirname, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type CliIo } from '../../src/cli/main';

/** The CLI fixtures folder. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));

/** Reads a fixture file as text. */
export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** What a command run in memory printed, returned and wrote. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files in the in-memory file system after the run (absolute paths under /work), as text. */
  readonly files: Map<string, string>;
  /** The same files as bytes (for binary outputs such as a workbook). */
  readonly bytes: Map<string, Uint8Array>;
  /** The directories after the run (absolute paths; /work included). */
  readonly dirs: Set<string>;
}

/** Extra surroundings for {@link run}: symbolic links (name → target, both relative to /work). */
export interface RunSetup extends Partial<CliIo> {
  readonly links?: Record<string, string>;
  /** Make every write fail with this error code after writing this many characters. */
  readonly writeFailure?: { readonly afterChars: number; readonly code: string };
  /** Make every rename fail with this error code. */
  readonly renameFailure?: string;
  /** Paths (relative to /work) that exist but cannot be read, with the error code reading them gives. */
  readonly unreadable?: Record<string, string>;
  /** Directories (relative to /work) that exist before the run; /work always does. */
  readonly dirs?: readonly string[];
}

const ENOENT = (path: string) => Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });

/**
 * Runs `main` with an in-memory file system rooted at /work: `files` maps relative names to
 * their text (or bytes). Symbolic links are followed by `realpath` and `stat`; every file has
 * its own inode.
 */
export async function run(argv: string[], files: Record<string, string | Uint8Array> = {}, extra: RunSetup = {}): Promise<Run> {
  const { links = {}, writeFailure, renameFailure, unreadable = {}, dirs: initialDirs = [], ...overrides } = extra;
  const dirs = new Set<string>(['/work', ...initialDirs.map((name) => posix.resolve('/work', name))]);
  const children = (dir: string): string[] =>
    [...fs.keys(), ...dirs].filter((name) => name !== dir && dirname(name) === dir).map((name) => name.slice(dir.length + 1));
  const locked = new Map(Object.entries(unreadable).map(([name, code]) => [`/work/${name}`, code]));
  const fs = new Map<string, string | Uint8Array>(Object.entries(files).map(([name, text]) => [`/work/${name}`, text]));
  const symlinks = new Map(Object.entries(links).map(([name, target]) => [`/work/${name}`, posix.resolve('/work', target)]));
  const inodes = new Map<string, number>();
  const follow = (path: string): string => {
    let current = path;
    for (let hops = 0; symlinks.has(current) && hops < 10; hops++) current = symlinks.get(current) as string;
    return current;
  };
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: async (path) => {
      const lockedCode = locked.get(follow(path));
      if (lockedCode !== undefined) throw Object.assign(new Error(`${lockedCode}: cannot read '${path}'`), { code: lockedCode });
      const content = fs.get(follow(path));
      if (content === undefined) throw ENOENT(path);
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    writeFile: async (path, text, exclusive) => {
      if (exclusive && fs.has(path)) throw Object.assign(new Error(`EEXIST: file already exists, '${path}'`), { code: 'EEXIST' });
      if (writeFailure !== undefined && text.length > writeFailure.afterChars) {
        fs.set(follow(path), text.slice(0, writeFailure.afterChars));
        throw Object.assign(new Error(`${writeFailure.code}: write failed`), { code: writeFailure.code });
      }
      fs.set(follow(path), text);
    },
    rename: async (from, to) => {
      if (renameFailure !== undefined) throw Object.assign(new Error(`${renameFailure}: rename failed`), { code: renameFailure });
      if (dirs.has(from)) {
        if (fs.has(to)) throw Object.assign(new Error(`ENOTDIR: '${to}'`), { code: 'ENOTDIR' });
        if (dirs.has(to) && children(to).length > 0) throw Object.assign(new Error(`ENOTEMPTY: '${to}'`), { code: 'ENOTEMPTY' });
        const moved = (name: string): string => to + name.slice(from.length);
        for (const name of [...fs.keys()].filter((n) => n.startsWith(`${from}/`))) {
          fs.set(moved(name), fs.get(name) as string | Uint8Array);
          fs.delete(name);
        }
        for (const name of [...dirs].filter((n) => n === from || n.startsWith(`${from}/`))) {
          dirs.delete(name);
          dirs.add(moved(name));
        }
        return;
      }
      const content = fs.get(from);
      if (content === undefined) throw ENOENT(from);
      fs.delete(from);
      fs.set(to, content);
    },
    unlink: async (path) => {
      if (!fs.delete(path)) throw ENOENT(path);
    },
    mkdir: async (path) => {
      if (fs.has(path) || dirs.has(path)) throw Object.assign(new Error(`EEXIST: '${path}'`), { code: 'EEXIST' });
      if (!dirs.has(dirname(path))) throw ENOENT(path);
      dirs.add(path);
    },
    readdir: async (path) => {
      if (!dirs.has(follow(path))) throw ENOENT(path);
      return children(follow(path));
    },
    rmdir: async (path) => {
      if (!dirs.has(path)) throw ENOENT(path);
      if (children(path).length > 0) throw Object.assign(new Error(`ENOTEMPTY: '${path}'`), { code: 'ENOTEMPTY' });
      dirs.delete(path);
    },
    realpath: async (path) => {
      const real = follow(path);
      if (!dirs.has(real) && !fs.has(real) && ![...fs.keys()].some((name) => dirname(name).startsWith(real)) && real !== '/work') throw ENOENT(path);
      return real;
    },
    stat: async (path) => {
      const real = follow(path);
      if (dirs.has(real)) return { dev: 1, ino: 0, isFile: false, isDirectory: true };
      if (!fs.has(real) && !locked.has(real)) throw ENOENT(path);
      if (!inodes.has(real)) inodes.set(real, inodes.size + 1);
      return { dev: 1, ino: inodes.get(real) as number, isFile: true };
    },
    cwd: '/work',
    version: '1.2.3',
    pid: 42,
    ...overrides,
  };
  const code = await main(argv, io);
  const text = new Map([...fs].map(([name, content]) => [name, typeof content === 'string' ? content : new TextDecoder().decode(content)]));
  const bytes = new Map([...fs].map(([name, content]) => [name, typeof content === 'string' ? new TextEncoder().encode(content) : content]));
  return { code, stdout, stderr, files: text, bytes, dirs };
}

/** The standard fixture set: a clean survey, one with problems, its config and a frame. */
export function surveyFiles(): Record<string, string> {
  return {
    'kommuner.csv': fixture('kommuner.csv'),
    'kommuner-fejl.csv': fixture('kommuner-fejl.csv'),
    'kommuner.json': fixture('kommuner.json'),
    'frame.csv': fixture('frame.csv'),
  };
}

/** Surroundings for calling the CLI's loaders directly: every read returns `bytes`, writes vanish. */
export function memoryIo(bytes: Uint8Array): CliIo {
  return {
    stdout: () => undefined,
    stderr: () => undefined,
    readFile: async () => bytes,
    writeFile: async () => undefined,
    rename: async () => undefined,
    unlink: async () => undefined,
    realpath: async (path) => path,
    stat: async () => ({ dev: 0, ino: 0, isFile: true }),
    cwd: '/',
  };
}
