import { readFileSync } from 'node:fs';
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
  /** Files in the in-memory file system after the run (absolute paths under /work). */
  readonly files: Map<string, string>;
}

/**
 * Runs `main` with an in-memory file system rooted at /work: `files` maps relative names to
 * their text.
 */
export async function run(argv: string[], files: Record<string, string> = {}, extra: Partial<CliIo> = {}): Promise<Run> {
  const fs = new Map(Object.entries(files).map(([name, text]) => [`/work/${name}`, text]));
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
      const text = fs.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
    writeFile: async (path, text) => {
      fs.set(path, text);
    },
    cwd: '/work',
    version: '1.2.3',
    ...extra,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, files: fs };
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
