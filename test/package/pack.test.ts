/**
 * The package as npm would publish it: `npm pack` in the repository (its `prepack` script runs
 * the build, so nothing here depends on an earlier `npm run build`), the tarball installed into
 * an empty project in a temporary directory, and then, from that project only, the `likertkit`
 * command and every entry point that `package.json` `exports` lists. The entry points are read
 * from package.json, so a new one is covered without touching this file.
 *
 * The package has no runtime dependency; should one be added, it comes from npm's cache (filled
 * by `npm ci`): the install prefers the cache and only asks the registry for what is not there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The parts of package.json this test reads. */
interface Manifest {
  name: string;
  version: string;
  bin: Record<string, string>;
  exports: Record<string, string | { types?: string; default?: string }>;
  dependencies?: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Manifest;

/** `'.'` → `likertkit`, `'./csv'` → `likertkit/csv`. */
const specifier = (subpath: string): string => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`);
/** Every export subpath that is JavaScript (package.json itself is exported too, as JSON). */
const codeEntries = Object.keys(manifest.exports).filter((subpath) => !subpath.endsWith('.json'));
/** Every file an export points at (its types and its code), as a path inside the package. */
const exportTargets = Object.values(manifest.exports)
  .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
  .map((path) => path.replace(/^\.\//, ''));

let work = '';
let consumer = '';
let packed: { filename: string; files: { path: string }[] } | undefined;

/** stderr less the lines npm itself may print (update notices, config warnings), which are not the command's. */
const withoutNpmNotices = (stderr: string): string =>
  stderr
    .split('\n')
    .filter((line) => line !== '' && !/^npm (notice|warn)\b/.test(line))
    .join('\n');

/** Runs a command in the consumer project; never throws, the caller checks the exit status. */
function inConsumer(command: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: consumer, encoding: 'utf8', timeout: 60_000 });
}

describe('the package that npm pack produces', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'likertkit-pack-'));
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      timeout: 240_000,
    });
    // prepack's build logs go to stdout before the JSON; the JSON array is the last thing printed.
    const json = out.slice(out.lastIndexOf('\n[') + 1);
    packed = (JSON.parse(json) as (typeof packed)[])[0];
    if (packed === undefined) throw new Error(`npm pack printed no package: ${out}`);

    consumer = join(work, 'consumer');
    execFileSync('mkdir', [consumer]);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', join(work, packed.filename)], {
      cwd: consumer,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  }, 360_000);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it('contains every file that package.json exports and the command, and no sources or tests', () => {
    const files = new Set(packed?.files.map((f) => f.path));
    for (const target of [...exportTargets, ...Object.values(manifest.bin).map((p) => p.replace(/^\.\//, ''))]) {
      expect(files.has(target), `${target} is in the tarball`).toBe(true);
    }
    const strays = [...files].filter((path) => /^(src|test|bench|examples|scripts)\//.test(path));
    expect(strays).toEqual([]);
  });

  it('installs into an empty project, with its runtime dependencies (none today)', () => {
    const installed = join(consumer, 'node_modules', manifest.name);
    expect(existsSync(join(installed, 'package.json'))).toBe(true);
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      expect(existsSync(join(consumer, 'node_modules', dependency, 'package.json')), `${dependency} installed`).toBe(true);
    }
  });

  it('runs `npx likertkit --help` from the installed package: exit 0 and the usage text', () => {
    const help = inConsumer('npx', ['--no', '--', 'likertkit', '--help']);
    expect(withoutNpmNotices(help.stderr)).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage:$/m);
    expect(help.stdout).toContain('likertkit report <survey.csv>');
  });

  it('prints the version in package.json for `npx likertkit --version`', () => {
    const version = inConsumer('npx', ['--no', '--', 'likertkit', '--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(manifest.version);
  });

  it('lists the four entry points the brief names among the exports', () => {
    expect(codeEntries).toEqual(expect.arrayContaining(['.', './csv', './demo', './vega-lite']));
  });

  it.each(codeEntries)('imports the entry point %s under plain Node, from the installed package, with named exports', (subpath) => {
    const name = specifier(subpath);
    const script = `const m = await import(${JSON.stringify(name)}); const names = Object.keys(m); if (names.length === 0) throw new Error('no exports'); console.log(JSON.stringify({ url: import.meta.resolve(${JSON.stringify(name)}), names }));`;
    const run = inConsumer(process.execPath, ['--input-type=module', '-e', script]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { url, names } = JSON.parse(run.stdout) as { url: string; names: string[] };
    // Resolved inside the consumer's node_modules, not the repository's sources or dist/.
    expect(fileURLToPath(url).startsWith(join(consumer, 'node_modules', manifest.name))).toBe(true);
    expect(names.length).toBeGreaterThan(0);
  });

  it('shares one survey between the entry points of the installed package: a survey read by likertkit/csv is one to the core and to likertkit/parallel', () => {
    // Each entry bundling its own copy of the survey internals would make a survey from one entry
    // a stranger to the others (summarize would refuse it, correlateParallel would not split).
    const script = [
      `import { scales, summarize, correlate } from ${JSON.stringify(manifest.name)};`,
      `import { surveyFromCsv } from ${JSON.stringify(`${manifest.name}/csv`)};`,
      `import { correlateParallel } from ${JSON.stringify(`${manifest.name}/parallel`)};`,
      `const rows = Array.from({ length: 200 }, (_, i) => [i, ['Slet ikke', 'I høj grad', 'I mindre grad'][i % 3], ['I høj grad', 'Slet ikke'][i % 2]].join(',')).join('\\n');`,
      `const s = await surveyFromCsv('id,a,b\\n' + rows + '\\n', { id: 'id', items: [{ id: 'a', scale: scales.daDegree4 }, { id: 'b', scale: scales.daDegree4 }] });`,
      `const summary = summarize(s, { pairs: 'all' });`,
      `const table = await correlateParallel(s, { x: ['a', 'b'] }, { workers: 2, minWork: 0 });`,
      `console.log(JSON.stringify({ respondents: summary.respondents, same: JSON.stringify(table) === JSON.stringify(correlate(s, { x: ['a', 'b'] })) }));`,
    ].join('\n');
    const run = inConsumer(process.execPath, ['--input-type=module', '-e', script]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ respondents: 200, same: true });
  });

  it('exports package.json, whose version is the one packed', () => {
    const script = `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); console.log(require(${JSON.stringify(`${manifest.name}/package.json`)}).version);`;
    const run = inConsumer(process.execPath, ['--input-type=module', '-e', script]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(manifest.version);
  });
});
