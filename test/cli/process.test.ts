import { spawn, type StdioOptions } from 'node:child_process';
import { closeSync, existsSync, linkSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const cli = `${root}src/cli/index.ts`;

interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts a tsx script; `onStart` may act on the running child (close its pipe, signal it). */
function start(
  args: string[],
  options: { cwd?: string; stdio?: StdioOptions; direct?: boolean; onStart?: (child: ReturnType<typeof spawn>) => void } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    // `direct`: node itself with tsx as a loader, so a signal reaches the script, not a wrapper.
    const [command, argv] = options.direct === true ? [process.execPath, ['--import', 'tsx', ...args]] : [tsx, args];
    const child = spawn(command, argv, { cwd: options.cwd ?? root, stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stdout?.on('error', () => undefined);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    options.onStart?.(child);
  });
}

const dirs: string[] = [];
function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'likertkit-cli-'));
  dirs.push(dir);
  for (const name of ['kommuner.csv', 'kommuner.json', 'frame.csv']) writeFileSync(join(dir, name), readFileSync(join(FIXTURES, name)));
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('standard output that fails, with the real process', () => {
  it.runIf(existsSync('/dev/full'))('a full standard output (/dev/full) prints one line on stderr and exits 2', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = await start([cli, '--help'], { stdio: ['ignore', full, 'pipe'] });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('likertkit: cannot write to standard output: no space left\n');
    } finally {
      closeSync(full);
    }
  });

  it('a pipe closed before the output is written ends silently with code 0', async () => {
    const help = await start([cli, '--help'], { onStart: (child) => child.stdout?.destroy() });
    expect(help).toMatchObject({ code: 0, stderr: '' });
  });

  it('a pipe closed early keeps the command’s own exit code (1 for check with problems)', async () => {
    const check = await start([cli, 'check', join(FIXTURES, 'kommuner-fejl.csv'), '-c', join(FIXTURES, 'kommuner.json')], {
      onStart: (child) => child.stdout?.destroy(),
    });
    expect(check).toMatchObject({ code: 1, stderr: '' });
  });
});

describe('files on a real disk', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s during a large atomic write leaves the previous file and no temporary file', async (signal) => {
    const dir = workDir();
    const target = join(dir, 'rapport.md');
    writeFileSync(target, '# the previous report\n');
    let sawTemporary = false;
    const r = await start([`${root}test/cli/scripts/writeLarge.ts`, target, '128'], {
      direct: true,
      onStart: (child) => {
        const poll = setInterval(() => {
          if (readdirSync(dir).some((name) => name.startsWith('.rapport.md.') && name.endsWith('.tmp'))) {
            sawTemporary = true;
            clearInterval(poll);
            child.kill(signal);
          }
        }, 2);
        child.on('close', () => clearInterval(poll));
      },
    });
    expect(sawTemporary).toBe(true);
    expect(r.stdout).toBe('');
    expect(r.signal).toBe(signal);
    expect(readFileSync(target, 'utf8')).toBe('# the previous report\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('refuses an --out that is a hard link or a symbolic link to the survey CSV, leaving it unchanged', async () => {
    const dir = workDir();
    linkSync(join(dir, 'kommuner.csv'), join(dir, 'hard.md'));
    symlinkSync(join(dir, 'kommuner.csv'), join(dir, 'soft.md'));
    const before = readFileSync(join(dir, 'kommuner.csv'), 'utf8');
    for (const out of ['hard.md', 'soft.md']) {
      const r = await start([cli, 'report', 'kommuner.csv', '-c', 'kommuner.json', '--out', out], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`likertkit report: --out ${out} is the survey CSV kommuner.csv; refusing to write over an input file, choose another --out\n`);
    }
    expect(readFileSync(join(dir, 'kommuner.csv'), 'utf8')).toBe(before);
  });

  it('report --out replaces an existing file through a rename and leaves no temporary file', async () => {
    const dir = workDir();
    writeFileSync(join(dir, 'rapport.md'), 'old\n');
    const r = await start([cli, 'report', 'kommuner.csv', '-c', 'kommuner.json', '--out', 'rapport.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'rapport.md'), 'utf8')).toMatch(/^# Udfordringer/);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('--out to a pipe, with the real process', () => {
  it('report --out /dev/stdout writes through a shell pipe (no ESPIPE)', async () => {
    const dir = workDir();
    // A real pipe (Node's own child pipes are sockets, which /dev/stdout cannot be opened on).
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn('sh', ['-c', `"${tsx}" "${cli}" report kommuner.csv -c kommuner.json --out /dev/stdout | cat`], { cwd: dir });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# /);
  });

  it('init --out naming a FIFO refuses at once instead of blocking on reading it', async () => {
    const dir = workDir();
    const fifo = join(dir, 'fifo');
    const made = await new Promise<number | null>((resolve) => spawn('mkfifo', [fifo]).on('close', resolve));
    if (made !== 0) throw new Error('mkfifo failed');
    const r = await start([cli, 'init', 'kommuner.csv', '--out', 'fifo'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fifo already exists; pass --force to overwrite it');
  });
});
