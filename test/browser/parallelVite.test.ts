/**
 * `likertkit/parallel` as an application bundles it: the package's entries are built with tsup
 * (as `dist/` is) into a temporary `node_modules/likertkit` whose package.json carries the
 * repository's `exports` for `.` and `./parallel`; a small app importing `likertkit` and
 * `likertkit/parallel` is built with Vite and served with COOP/COEP headers, then driven in
 * headless Chromium. Vite must pick the `browser` condition (no `node:` import in the bundle),
 * emit webWorker.js as a worker chunk, and the page must get `correlate`'s table from it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build as tsup } from 'tsup';
import { build as vite } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium';
import { ISOLATING_FLAGS } from './parallelServer';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };

const app = `
import { correlate, scales, survey } from 'likertkit';
import { correlateParallel, parallelSupport } from 'likertkit/parallel';
const n = 4000;
const labels = [...scales.daDegree4.levels, 'Ved ikke', null];
const columns = { id: Array.from({ length: n }, (_, i) => i) };
const items = [];
for (let j = 0; j < 6; j++) {
  columns['q' + j] = Array.from({ length: n }, (_, i) => labels[(i * (j + 3) + (i >> 3)) % 6]);
  items.push({ id: 'q' + j, scale: scales.daDegree4 });
}
const s = survey({ id: 'id', columns, items });
const x = items.map((item) => item.id);
const table = await correlateParallel(s, { x }, { workers: 2, minWork: 0 });
window.result = { support: await parallelSupport(), same: JSON.stringify(table) === JSON.stringify(correlate(s, { x })), rows: table.rows.length };
document.body.dataset.done = 'true';
`;

let work = '';
let server: Server | undefined;
let unpacked: TestBrowser | undefined;
let browser: Browser | undefined;
let origin = '';

describe('likertkit/parallel bundled by Vite', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'likertkit-parallel-vite-'));
    const pkg = join(work, 'app', 'node_modules', 'likertkit');
    await tsup({
      config: false,
      entry: {
        index: join(root, 'src/index.ts'),
        'parallel/index': join(root, 'src/parallel/index.ts'),
        'parallel/browser': join(root, 'src/parallel/browser.ts'),
        'parallel/worker': join(root, 'src/parallel/worker.ts'),
        'parallel/webWorker': join(root, 'src/parallel/webWorker.ts'),
      },
      format: ['esm'],
      platform: 'neutral',
      target: 'es2022',
      splitting: true,
      dts: false,
      sourcemap: false,
      silent: true,
      outDir: join(pkg, 'dist'),
    });
    const exports = { '.': manifest.exports['.'], './parallel': manifest.exports['./parallel'] };
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'likertkit', version: '0.0.0', type: 'module', sideEffects: false, exports }));
    writeFileSync(join(work, 'app', 'index.html'), '<!doctype html><meta charset="utf-8"><title>app</title><script type="module" src="./main.js"></script>');
    writeFileSync(join(work, 'app', 'main.js'), app);
    const out = join(work, 'out');
    await vite({ root: join(work, 'app'), base: './', configFile: false, logLevel: 'error', build: { outDir: out, emptyOutDir: true, target: 'es2022' }, worker: { format: 'es' } });
    server = createServer((request, response) => {
      const path = normalize(join(out, new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(1) || 'index.html'));
      const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
      if (!path.startsWith(out) || !statSync(path, { throwIfNoEntry: false })?.isFile()) response.writeHead(404, headers).end();
      else response.writeHead(200, { ...headers, 'Content-Type': extname(path) === '.html' ? 'text/html' : 'text/javascript' }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    unpacked = await launchChromium({ timeout: 20_000 });
    browser = await chromium.launch({ executablePath: unpacked.executablePath, args: ISOLATING_FLAGS, timeout: 20_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await unpacked?.close();
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
    if (work !== '') rmSync(work, { recursive: true, force: true });
  }, 20_000);

  it('emits the web worker as its own chunk and nothing of the Node code path', () => {
    const assets = readdirSync(join(work, 'out', 'assets'));
    expect(assets.filter((name) => /^webWorker-.*\.js$/.test(name))).toHaveLength(1);
    // Without the browser condition Vite takes parallel/index.js and keeps its Node branch:
    // the worker_threads import (as a browser stub) and the tsx loader of the source path.
    for (const name of assets) expect(readFileSync(join(work, 'out', 'assets', name), 'utf8')).not.toMatch(/node:|worker_threads|tsx\/esm\/api/);
  });

  it('gives correlate’s table from Web Workers sharing memory in the bundled app', async () => {
    const context = await (browser as Browser).newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${origin}/index.html`, { timeout: 10_000 });
      await page.waitForSelector('body[data-done="true"]', { state: 'attached', timeout: 20_000 });
      expect(await page.evaluate('window.result')).toEqual({ support: { threads: 'web-workers', sharedMemory: true, parallelism: expect.any(Number) }, same: true, rows: 15 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 40_000);
});
