/**
 * Browser benchmark: npm run bench:dashboard   (add -- --quick for 10^5 respondents only)
 *
 * Builds examples/dashboard with Vite, serves it on 127.0.0.1 and opens it in the headless
 * Chromium that ships in the @sparticuz/chromium devDependency, with `?synthetic=N` so that the
 * page makes a seeded synthetic survey of N respondents (18 items, region and population). It
 * then changes the region and size-group filters and reads the recompute time the page itself
 * measures around each redraw's computation (filter, agreement shares, chart rows, Vega-Lite
 * spec), and prints the median, together with the same computation under Node in this process.
 * This is a measurement, not a test: nothing here fails on a slow machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { dashboardView, regions, SIZE_GROUPS, syntheticSurvey } from '../examples/dashboard/model';
import type { DashboardFilter } from '../examples/dashboard/model';
import { launchChromium } from '../test/browser/chromium';

const quick = process.argv.includes('--quick');
const sizes = quick ? [100_000] : [100_000, 1_000_000];
const root = fileURLToPath(new URL('../examples/dashboard/', import.meta.url));

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** The filter changes made at each size: every region, then size groups with and without a region. */
function filterSequence(regionNames: readonly string[]): DashboardFilter[] {
  const out: DashboardFilter[] = regionNames.map((region) => ({ region, size: null }));
  for (const size of SIZE_GROUPS.labels) out.push({ region: null, size }, { region: regionNames[0] ?? null, size });
  out.push({ region: null, size: null });
  return out;
}

const outDir = mkdtempSync(join(tmpdir(), 'likertkit-dashboard-bench-'));
const config = { root, configFile: join(root, 'vite.config.ts'), logLevel: 'error' as const };
await build({ ...config, build: { outDir, emptyOutDir: true } });
const server = await preview({ ...config, build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
const url = server.resolvedUrls?.local[0];
if (url === undefined) throw new Error('vite preview did not report a local URL');
const browser = await launchChromium({ timeout: 30_000 });

try {
  console.log(`Chromium ${browser.browser.version()} (${browser.origin}); Node ${process.version}`);
  console.log('respondents | load in Chromium | recompute in Chromium (median, min–max) | recompute in Node (median)');
  for (const size of sizes) {
    const context = await browser.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}?synthetic=${size}`, { timeout: 30_000 });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 180_000 });
    const load = Number(await page.locator('body').getAttribute('data-load-ms'));

    const s = syntheticSurvey(size);
    const sequence = filterSequence(regions(s));
    const browserTimes: number[] = [];
    for (const filter of sequence) {
      const previous = Number(await page.locator('#recompute').getAttribute('data-count'));
      await page.selectOption('#region', filter.region ?? '');
      await page.selectOption('#size', filter.size ?? '');
      // Both selections redraw; wait for the second redraw by its count (two redraws can take
      // the same time to the timer's resolution, so the time itself cannot tell them apart).
      await page.waitForFunction((p) => Number(document.getElementById('recompute')?.dataset.count) >= p + 2, previous, { timeout: 60_000 });
      browserTimes.push(Number(await page.locator('#recompute').getAttribute('data-ms')));
    }
    if (errors.length > 0) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    await context.close();

    const nodeTimes: number[] = [];
    dashboardView(s, 'udfordring', sequence[0] as DashboardFilter); // warm-up
    for (const filter of sequence) {
      const started = performance.now();
      dashboardView(s, 'udfordring', filter);
      nodeTimes.push(performance.now() - started);
    }
    console.log(
      `${size.toLocaleString('en')} | ${ms(load)} | ${ms(median(browserTimes))} (${ms(Math.min(...browserTimes))}–${ms(Math.max(...browserTimes))}) | ${ms(median(nodeTimes))}`,
    );
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  rmSync(outDir, { recursive: true, force: true });
}
