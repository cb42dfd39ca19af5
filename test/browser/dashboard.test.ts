/**
 * The dashboard example in a real browser: Vite builds examples/dashboard into a temporary
 * directory and serves it on 127.0.0.1 (a free port), headless Chromium is driven by
 * playwright-core, and the page's chart and table are checked against the same computation run
 * here under Node. The Chromium binary ships inside the `@sparticuz/chromium` devDependency (see
 * ./chromium.ts), so `npm ci` is all this test needs: it never skips and downloads nothing.
 * `LIKERTKIT_CHROMIUM` names another binary to drive instead.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundPercent } from '../../src/index';
import { dashboardView, loadSurvey } from '../../examples/dashboard/model';
import { launchChromium } from './chromium';
import type { TestBrowser } from './chromium';

const chromiumPackage = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../node_modules/@sparticuz/chromium/package.json', import.meta.url)), 'utf8'),
) as { version: string };
const root = fileURLToPath(new URL('../../examples/dashboard/', import.meta.url));

const sample = loadSurvey(readFileSync(join(root, 'public', 'demo-survey.csv'), 'utf8'));
const percent = (share: number): string => (Number.isNaN(share) ? '–' : `${roundPercent(share)} %`);
/** The table the page should show, computed under Node: [label, agreement, N, non-substantive]. */
const expectedTable = (group: string, region: string | null, size: string | null = null): string[][] =>
  dashboardView(sample, group, { region, size }).table.map((l) => [l.label, percent(l.agreement), String(l.n), percent(l.nonSubstantive)]);

let outDir = '';
let server: PreviewServer | undefined;
let browser: TestBrowser | undefined;
let context: BrowserContext | undefined;
let page: Page;
const pageErrors: string[] = [];

async function tableRows(): Promise<string[][]> {
  return page.$$eval('#table tr[data-item]', (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
  );
}

/** Waits until the status line names the choice just made (the page redraws synchronously). */
async function waitForStatus(text: string): Promise<void> {
  await page.waitForFunction((t) => document.getElementById('status')?.textContent?.includes(t) === true, text, { timeout: 5000 });
}

describe('examples/dashboard in headless Chromium', () => {
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'likertkit-dashboard-'));
    const config = { root, configFile: join(root, 'vite.config.ts'), logLevel: 'error' as const };
    await build({ ...config, build: { outDir, emptyOutDir: true } });
    server = await preview({ ...config, build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('vite preview did not report a local URL');

    browser = await launchChromium({ timeout: 20_000 });
    context = await browser.browser.newContext();
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(url, { timeout: 10_000 });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  }, 45_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.httpServer.close(() => resolve())));
    if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
  }, 15_000);

  it('drives the Chromium shipped in @sparticuz/chromium unless LIKERTKIT_CHROMIUM names another binary', () => {
    const named = process.env.LIKERTKIT_CHROMIUM;
    if (named !== undefined && named !== '') {
      expect(browser?.origin).toBe('LIKERTKIT_CHROMIUM');
      expect(browser?.executablePath).toBe(named);
    } else {
      // The package's major version is the Chromium major version it ships.
      expect(browser?.origin).toBe('npm');
      expect(browser?.browser.version().split('.')[0]).toBe(chromiumPackage.version.split('.')[0]);
    }
  });

  it('renders the diverging chart as SVG: one label per item and a bar per non-empty segment', async () => {
    const view = dashboardView(sample, 'udfordring', { region: null, size: null });
    expect(await page.locator('svg[data-testid="diverging-chart"]').count()).toBe(1);
    const segments = view.layout.rows.filter((r) => r.end > r.start).length;
    expect(await page.locator('svg[data-testid="diverging-chart"] rect.bar').count()).toBe(segments);
    expect(await page.locator('svg[data-testid="diverging-chart"] rect.bar.apart').count()).toBeGreaterThan(0);
    const first = await page.locator('svg[data-testid="diverging-chart"] > text').first().textContent();
    expect(first).toBe(view.layout.items[0]!.label);
    expect(pageErrors).toEqual([]);
  });

  it('shows the agreement share, N and non-substantive share per item, as likertkit computes them', async () => {
    expect(await tableRows()).toEqual(expectedTable('udfordring', null));
    const spec = JSON.parse((await page.locator('#spec').textContent()) ?? '{}') as { $schema?: string };
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
  });

  it('changes the numbers in the table when the region filter changes', async () => {
    const before = await tableRows();
    await page.selectOption('#region', 'Nordjylland');
    await waitForStatus('i Nordjylland');
    const after = await tableRows();
    expect(after).toEqual(expectedTable('udfordring', 'Nordjylland'));
    expect(after).not.toEqual(before);
    expect(after.every((row) => Number(row[2]) <= 11)).toBe(true); // 11 municipalities answered there
    expect(pageErrors).toEqual([]);
  });

  it('redraws chart and table for another item group', async () => {
    await page.selectOption('#group', 'mg_handicap');
    await page.waitForFunction(() => document.querySelectorAll('#table tr[data-item]').length === 6, undefined, { timeout: 5000 });
    expect(await tableRows()).toEqual(expectedTable('mg_handicap', 'Nordjylland'));
    const labels = await page.locator('svg[data-testid="diverging-chart"] > text').allTextContents();
    expect(labels.slice(0, 6)).toEqual(dashboardView(sample, 'mg_handicap', { region: 'Nordjylland', size: null }).layout.items.map((i) => i.label));
    expect(pageErrors).toEqual([]);
  });

  it('recomputes under a size-group filter to the figures the engine gives in Node, and shows the recompute time', async () => {
    const before = await tableRows();
    await page.selectOption('#size', '50.000–99.999');
    await waitForStatus('(50.000–99.999 indbyggere)');
    const after = await tableRows();
    expect(after).toEqual(expectedTable('mg_handicap', 'Nordjylland', '50.000–99.999'));
    expect(after).not.toEqual(before);
    const ms = Number(await page.locator('#recompute').getAttribute('data-ms'));
    expect(Number.isFinite(ms) && ms >= 0).toBe(true);
    expect(await page.locator('#recompute').textContent()).toMatch(/^Genberegnet på \d+,\d ms/);
    expect(pageErrors).toEqual([]);
  });
});
