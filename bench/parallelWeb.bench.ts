/**
 * likertkit/parallel in the browser: nice -n 5 npx tsx bench/parallelWeb.bench.ts   (add --quick for 10^5 only)
 *
 * Headless Chromium (the binary of test/browser/chromium.ts, started a second time with flags
 * that allow cross-origin isolation) loads the tsup build of the parallel entry and of
 * test/browser/parallelPage.ts from a local server, once with the COOP/COEP headers (the
 * workers read shared memory) and once without (each call copies the planes to the worker).
 * In the page: a seeded survey of n × 40 items on the 4-level scale, then `correlate` on the
 * page's thread against `correlateParallel(s, { x }, { workers: 2 })` (the page's thread and one
 * Web Worker): a cold call of each, then warm calls alternating between the two (medians), and
 * whether the two tables are identical.
 */
import { chromium } from 'playwright-core';
import { launchChromium } from '../test/browser/chromium';
import type { pageBench } from '../test/browser/parallelPage';
import { ISOLATING_FLAGS, startParallelServer } from '../test/browser/parallelServer';

const quick = process.argv.includes('--quick');
const sizes = quick ? [100_000] : [100_000, 1_000_000];
const repeats = quick ? 7 : 5;
const items = 40;
const workers = 2;

const server = await startParallelServer();
const unpacked = await launchChromium({ timeout: 20_000 });
const browser = await chromium.launch({ executablePath: unpacked.executablePath, args: ISOLATING_FLAGS, timeout: 20_000 });
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
try {
  console.log(`Chromium ${browser.version()}, ${items} items, workers: ${workers}, median of ${repeats} warm runs`);
  for (const n of sizes) {
    for (const prefix of ['isolated', 'plain'] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.origin}/${prefix}/index.html`);
      const result = (await page.evaluate(`(async () => {
        const api = await import('./parallel/browser.js');
        const module = await import('./page.js');
        return module.pageBench(api, ${n}, ${items}, ${workers}, ${repeats});
      })()`)) as Awaited<ReturnType<typeof pageBench>>;
      await context.close();
      const { single, parallel, support, same } = result;
      console.log(
        `${String(n).padStart(8)} × ${items}  ${(support.sharedMemory ? 'shared memory' : 'copied planes').padEnd(13)}  ` +
          `correlate ${fmt(single.warm)} (cold ${fmt(single.cold)})  correlateParallel ${fmt(parallel.warm)} (cold ${fmt(parallel.cold)})  ` +
          `speed-up ${(single.warm / parallel.warm).toFixed(2)}  identical ${same ? 'yes' : 'NO'}  ` +
          `runs ${single.runs.map((r) => r.toFixed(0)).join('/')} vs ${parallel.runs.map((r) => r.toFixed(0)).join('/')}`,
      );
    }
  }
} finally {
  await browser.close();
  await unpacked.close();
  await server.close();
}
