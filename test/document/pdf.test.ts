import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CliError, writeFileAtomic, type CliIo } from '../../src/cli/io';
import { nodeIo } from '../../src/cli/nodeIo';
import { CHROMIUM_FLAGS, findChromium, writeReportPdf } from '../../src/cli/pdf';
import { run, surveyFiles } from '../cli/helpers';

const present = (...paths: string[]) => (path: string): boolean => paths.includes(path);
const noNpm = async (): Promise<null> => null;

describe('findChromium', () => {
  it('takes --chromium first, then LIKERTKIT_CHROMIUM, then /usr/bin/chromium, then @sparticuz/chromium', async () => {
    const all = present('/opt/a', '/opt/b', '/usr/bin/chromium');
    const env = { LIKERTKIT_CHROMIUM: '/opt/b' };
    expect(await findChromium({ explicit: '/opt/a', env, exists: all, unpackNpm: noNpm })).toMatchObject({ path: '/opt/a', origin: '--chromium' });
    expect(await findChromium({ env, exists: all, unpackNpm: noNpm })).toMatchObject({ path: '/opt/b', origin: 'LIKERTKIT_CHROMIUM' });
    expect(await findChromium({ env: {}, exists: all, unpackNpm: noNpm })).toMatchObject({ path: '/usr/bin/chromium', origin: 'system' });
    const npm = await findChromium({ env: { LIKERTKIT_CHROMIUM: '' }, exists: present(), unpackNpm: async (dir) => ({ path: join(dir, 'chromium'), args: ['--x'] }) });
    expect(npm).toMatchObject({ origin: '@sparticuz/chromium', args: ['--x'] });
    await npm.cleanUp();
  });

  it('says which named binary is missing, and what to install when there is none', async () => {
    await expect(findChromium({ explicit: '/nope', exists: present() })).rejects.toThrow('--chromium /nope: no such file');
    await expect(findChromium({ env: { LIKERTKIT_CHROMIUM: '/gone' }, exists: present() })).rejects.toThrow('LIKERTKIT_CHROMIUM is "/gone", which does not exist');
    const none = findChromium({ env: {}, exists: present(), unpackNpm: noNpm });
    await expect(none).rejects.toBeInstanceOf(CliError);
    await expect(findChromium({ env: {}, exists: present(), unpackNpm: noNpm })).rejects.toThrow(
      /^--format pdf needs a Chromium and found none: install Chromium \(Debian\/Ubuntu: apt-get install chromium\) or the npm package @sparticuz\/chromium/,
    );
  });

  it('starts Chromium with the flags this machine needs', () => {
    expect(CHROMIUM_FLAGS).toEqual(['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']);
  });
});

describe('the PDF is written as every file the CLI writes (writeFileAtomic)', () => {
  let dir = '';
  afterEach(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  const ioIn = (cwd: string): CliIo => ({ ...nodeIo('0.0.0').io, cwd });

  it('replaces the file in one step and leaves no temporary file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'likertkit-pdf-test-'));
    writeFileSync(join(dir, 'r.pdf'), 'old');
    await writeFileAtomic(ioIn(dir), 'r.pdf', new Uint8Array([37, 80, 68, 70, 45]));
    expect(readFileSync(join(dir, 'r.pdf'), 'latin1')).toBe('%PDF-');
    expect(readdirSync(dir)).toEqual(['r.pdf']);
  });

  it('writes through a symbolic link to the file it names, and keeps the link', async () => {
    dir = mkdtempSync(join(tmpdir(), 'likertkit-pdf-test-'));
    writeFileSync(join(dir, 'real.pdf'), 'old');
    symlinkSync('real.pdf', join(dir, 'link.pdf'));
    await writeFileAtomic(ioIn(dir), 'link.pdf', new Uint8Array([37, 80, 68, 70, 45]));
    expect(lstatSync(join(dir, 'link.pdf')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.pdf'), 'latin1')).toBe('%PDF-');
    expect(readdirSync(dir).sort()).toEqual(['link.pdf', 'real.pdf']);
  });

  it('names the file and leaves nothing behind when the folder does not exist', async () => {
    dir = mkdtempSync(join(tmpdir(), 'likertkit-pdf-test-'));
    await expect(writeFileAtomic(ioIn(dir), 'missing/r.pdf', new Uint8Array([1]))).rejects.toThrow(/missing\/r\.pdf/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('likertkit report --format pdf', () => {
  it('needs --out, since a PDF is not written to standard output', async () => {
    await expect(writeReportPdf({} as CliIo, '<!doctype html>', undefined)).rejects.toThrow('--format pdf writes a file: add --out <report.pdf>');
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--format', 'pdf'], surveyFiles());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('likertkit report: --format pdf writes a file: add --out <report.pdf>');
    expect(r.stdout).toBe('');
  });

  it('exits 2 naming a --chromium that does not exist, writing nothing', async () => {
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--format', 'pdf', '--out', 'r.pdf', '--chromium', '/no/such/chromium'], surveyFiles());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--chromium /no/such/chromium: no such file');
    expect(r.files.has('/work/r.pdf')).toBe(false);
  });
});
