/**
 * `likertkit/parallel` in a real browser: the parallel entries and their web worker are built
 * with tsup as `dist/` is (./parallelServer.ts), served on 127.0.0.1 with and without the
 * COOP/COEP headers, and driven in headless Chromium (playwright-core). In each case the table
 * the page gets from its Web Workers must equal `correlate`'s, computed here under Node on the
 * same seeded survey (./parallelPage.ts builds it from integer arithmetic alone).
 *
 * The Chromium binary is the one ./chromium.ts starts (the @sparticuz/chromium devDependency, or
 * LIKERTKIT_CHROMIUM); a second instance of that binary is started with flags under which
 * cross-origin isolation is possible (see ISOLATING_FLAGS).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlate } from '../../src/describe/correlate';
import { launchChromium, type TestBrowser } from './chromium';
import { itemIds, sampleSurvey, type pageTable } from './parallelPage';
import { ISOLATING_FLAGS, startParallelServer, type ParallelServer } from './parallelServer';

let server: ParallelServer | undefined;
let unpacked: TestBrowser | undefined;
let browser: Browser | undefined;

type PageAnswer = Awaited<ReturnType<typeof pageTable>> & { isolated: boolean };

/** Opens `/<prefix>/` and runs `pageTable` there with the entry `entry` (a path under dist/). */
async function inPage(prefix: 'isolated' | 'plain' | 'broken', entry: string, args: [n: number, items: number, seed: number, filtered: boolean, workers: number]): Promise<PageAnswer> {
  const context = await (browser as Browser).newContext();
  try {
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${(server as ParallelServer).origin}/${prefix}/index.html`, { timeout: 10_000 });
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const answer = await page.evaluate(`(async () => {
      const api = await import(${JSON.stringify(entry)});
      const module = await import('./page.js');
      const result = await module.pageTable(api, ...${JSON.stringify(args)});
      return { ...result, isolated: globalThis.crossOriginIsolated };
    })()`);
    expect(errors).toEqual([]);
    return answer as PageAnswer;
  } finally {
    await context.close();
  }
}

/** `correlate`'s table under Node for the same arguments. */
function expected(n: number, items: number, seed: number, filtered: boolean) {
  return correlate(sampleSurvey(n, items, seed, filtered), { x: itemIds(items) });
}

describe('correlateParallel with Web Workers in headless Chromium', () => {
  beforeAll(async () => {
    server = await startParallelServer();
    unpacked = await launchChromium({ timeout: 20_000 });
    browser = await chromium.launch({ executablePath: unpacked.executablePath, args: ISOLATING_FLAGS, timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await unpacked?.close();
    await server?.close();
  }, 20_000);

  it('shares memory with its workers in a crossOriginIsolated page and gives correlate’s table', async () => {
    const answer = await inPage('isolated', './parallel/browser.js', [6000, 9, 5, false, 2]);
    expect(answer.isolated).toBe(true);
    expect(answer.support).toEqual({ threads: 'web-workers', sharedMemory: true, parallelism: expect.any(Number) });
    expect(answer.table).toEqual(expected(6000, 9, 5, false));
    expect(answer.table.rows).toHaveLength(36);
  }, 30_000);

  it('gives correlate’s table under a filter with the pairs split over 3 workers in an isolated page', async () => {
    const answer = await inPage('isolated', './parallel/browser.js', [5003, 8, 6, true, 3]);
    expect(answer.table).toEqual(expected(5003, 8, 6, true));
  }, 30_000);

  it('copies the planes to its workers in a page without COOP/COEP headers and still gives correlate’s table', async () => {
    const answer = await inPage('plain', './parallel/browser.js', [6000, 9, 5, false, 2]);
    expect(answer.isolated).toBe(false);
    expect(answer.support).toEqual({ threads: 'web-workers', sharedMemory: false, parallelism: expect.any(Number) });
    expect(answer.table).toEqual(expected(6000, 9, 5, false));
  }, 30_000);

  it('gives correlate’s table under a filter over 3 copying workers', async () => {
    const answer = await inPage('plain', './parallel/browser.js', [5003, 8, 6, true, 3]);
    expect(answer.table).toEqual(expected(5003, 8, 6, true));
  }, 30_000);

  it('uses Web Workers from the Node-and-browser entry too when a bundler ignores the browser condition', async () => {
    const answer = await inPage('isolated', './parallel/index.js', [4000, 6, 7, false, 2]);
    expect(answer.support.threads).toBe('web-workers');
    expect(answer.table).toEqual(expected(4000, 6, 7, false));
  }, 30_000);

  it('rejects, saying what to check, when the worker script is not served', async () => {
    await expect(inPage('broken', './parallel/browser.js', [2000, 4, 1, false, 2])).rejects.toThrow(/correlateParallel: a worker failed: .*webWorker\.js/);
  }, 30_000);
});
