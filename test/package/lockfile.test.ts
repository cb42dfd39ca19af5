/**
 * `npm install` in a fresh clone must leave package-lock.json as committed. When package.json
 * changes without the lockfile being regenerated (as when `bin` was added and the lockfile's
 * root entry kept no `bin`), npm rewrites the lockfile on the next install and a fresh clone
 * starts out dirty. npm's lockfile-only mode recomputes the lockfile from package.json and the
 * committed lockfile without touching node_modules; run on copies of the two files, it must
 * leave the copy byte for byte unchanged.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];

/** Copies package.json and package-lock.json into a new directory and lets npm recompute the lockfile there. */
function recomputedLockfile(manifest: string = readFileSync(join(repo, 'package.json'), 'utf8')): { before: string; after: string } {
  const dir = mkdtempSync(join(tmpdir(), 'likertkit-lockfile-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), manifest);
  copyFileSync(join(repo, 'package-lock.json'), join(dir, 'package-lock.json'));
  execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 90_000,
  });
  return { before: readFileSync(join(repo, 'package-lock.json'), 'utf8'), after: readFileSync(join(dir, 'package-lock.json'), 'utf8') };
}

describe('package-lock.json', () => {
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is what npm install writes for package.json, so a fresh clone stays clean', () => {
    const { before, after } = recomputedLockfile();
    expect(after).toBe(before);
  }, 120_000);

  it('would be rewritten if package.json gained a field the lockfile records (the check can fail)', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    manifest.bin = { ...manifest.bin, 'likertkit-extra': './dist/cli/index.js' };
    const { before, after } = recomputedLockfile(`${JSON.stringify(manifest, null, 2)}\n`);
    expect(after).not.toBe(before);
    expect(after).toContain('"likertkit-extra": "dist/cli/index.js"');
  }, 120_000);
});
