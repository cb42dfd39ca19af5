/**
 * For the Web Worker test and benchmark of `likertkit/parallel`: builds the parallel entries,
 * their web worker and ./parallelPage.ts with tsup, as `npm run build` builds `dist/` (ESM,
 * platform neutral, shared chunks), into a temporary directory, and serves it on 127.0.0.1 (a
 * free port) under three prefixes: `/isolated/` with the COOP/COEP headers that make a page
 * `crossOriginIsolated` (SharedArrayBuffer available), `/plain/` without them, and `/broken/`
 * (no headers) where `parallel/webWorker.js` is missing, as when a deployment leaves it out. The page loads the
 * built files as native ES modules, so the worker's `new URL('./webWorker.js', import.meta.url)`
 * is resolved exactly as in the published package.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const root = fileURLToPath(new URL('../../', import.meta.url));
const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };

/** A running server over a fresh build, and how to stop it and remove the build. */
export interface ParallelServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

/** Builds the entries into a temporary directory and serves it (see the file comment). */
/**
 * Flags for the second Chromium the tests start from the same binary: @sparticuz/chromium's own
 * flags include `--single-process` and `--disable-web-security`, under which no page is ever
 * `crossOriginIsolated`; with these the COOP/COEP headers take effect.
 */
export const ISOLATING_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-zygote', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function startParallelServer(): Promise<ParallelServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'likertkit-parallel-web-'));
  try {
    await build({
      config: false,
      entry: {
        'parallel/index': join(root, 'src/parallel/index.ts'),
        'parallel/browser': join(root, 'src/parallel/browser.ts'),
        'parallel/webWorker': join(root, 'src/parallel/webWorker.ts'),
        page: join(root, 'test/browser/parallelPage.ts'),
      },
      format: ['esm'],
      platform: 'neutral',
      target: 'es2022',
      splitting: true,
      treeshake: true,
      dts: false,
      sourcemap: false,
      silent: true,
      outDir,
    });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [, prefix, ...rest] = url.pathname.split('/');
    if (prefix !== 'isolated' && prefix !== 'plain' && prefix !== 'broken') {
      response.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = prefix === 'isolated' ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {};
    const name = rest.join('/') || 'index.html';
    if (name === 'index.html') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>likertkit/parallel</title>');
      return;
    }
    const path = normalize(join(outDir, name));
    if ((prefix === 'broken' && name === 'parallel/webWorker.js') || !path.startsWith(outDir) || !statSync(path, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404, headers).end();
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
