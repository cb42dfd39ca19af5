/**
 * The HTML report of the demo survey in headless Chromium (the binary of the @sparticuz/chromium
 * devDependency, or LIKERTKIT_CHROMIUM; see ./chromium.ts): laid out at the width of an A4
 * page's content box under print media, screenshot, and printed to PDF, both as the page prints
 * it and through `likertkit report --format pdf`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHtmlDocument } from '../../src/html/index';
import { formatCell, type ReportTable } from '../../src/index';
import { demoReport } from '../document/demoReport';
import { run, surveyFiles } from '../cli/helpers';
import { launchChromium, type TestBrowser } from './chromium';

/** A4 is 210 mm wide; the document's @page leaves 18 mm each side: 174 mm at 96 px per inch. */
const CONTENT_WIDTH = (174 / 25.4) * 96; // 657.64 px
const PAGE_HEIGHT = Math.round((297 / 25.4) * 96); // 1123 px

/** pdftotext (Debian's poppler-utils) reads the PDF's text back; without it that check is skipped. */
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

const result = demoReport();
// A stand-in figure, wider than the page, for the summary table: the stylesheet must shrink it.
const wideFigure = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="300" viewBox="0 0 1200 300" role="img" aria-label="stand-in"><title>Stand-in</title><rect x="0" y="0" width="1200" height="300" fill="#0072b2"/></svg>';
const html = toHtmlDocument(result, { figures: new Map([['summary', wideFigure]]), subtitle: 'Demo: syntetiske svar fra de 98 kommuner', date: '2. december 2026' });

let browser: TestBrowser | undefined;
let context: BrowserContext | undefined;
let page: Page;
let dir = '';
const requests: string[] = [];

describe('the HTML report in headless Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'likertkit-document-'));
    browser = await launchChromium({ timeout: 20_000 });
    context = await browser.browser.newContext({ viewport: { width: Math.floor(CONTENT_WIDTH), height: PAGE_HEIGHT } });
    // Nothing may be fetched: every request is recorded and refused.
    await context.route('**/*', async (route) => {
      requests.push(route.request().url());
      await route.abort();
    });
    page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
  }, 45_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  }, 15_000);

  it('loads without fetching anything', () => {
    expect(requests).toEqual([]);
  });

  it('lays out no table or figure wider than the A4 content box (174 mm, 657 px)', async () => {
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      boxes: Array.from(document.querySelectorAll('table, figure, figure svg, .likertkit-table'), (el) => ({
        what: `${el.tagName.toLowerCase()}${el.closest('.likertkit-table')?.id ?? ''}`,
        right: el.getBoundingClientRect().right,
        scroll: el.scrollWidth,
        client: el.clientWidth,
      })),
    }));
    expect(widths.boxes.length).toBeGreaterThan(result.tables.length);
    expect(widths.document).toBeLessThanOrEqual(Math.floor(CONTENT_WIDTH));
    for (const box of widths.boxes) {
      expect({ what: box.what, fits: box.right <= CONTENT_WIDTH + 0.5 }).toEqual({ what: box.what, fits: true });
      expect({ what: box.what, overflows: box.scroll > box.client + 1 && box.client > 0 }).toEqual({ what: box.what, overflows: false });
    }
  });

  it('gives every table a numbered caption, column headers and a row header per row', async () => {
    const tables = await page.$$eval('table', (els) =>
      els.map((t) => ({
        caption: t.querySelector(':scope > caption')?.textContent ?? '',
        columns: t.querySelectorAll('thead th[scope="col"]').length,
        rows: Array.from(t.querySelectorAll('tbody tr'), (tr) => tr.querySelectorAll('th[scope="row"]').length),
      })),
    );
    expect(tables).toHaveLength(result.tables.length);
    tables.forEach((table, i) => {
      const source = result.tables[i] as ReportTable;
      expect(table.caption).toBe(`Tabel ${i + 1} ${source.title}`);
      expect(table.columns).toBe(source.columns.length);
      expect(table.rows).toEqual(source.rows.map(() => 1));
    });
  });

  it('shows in every cell the text formatCell gives for the JSON report', async () => {
    const shown = await page.$$eval('table', (els) => els.map((t) => Array.from(t.querySelectorAll('tbody tr'), (tr) => Array.from(tr.children, (c) => c.textContent ?? ''))));
    const json = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(shown).toEqual(json.tables.map((t) => t.rows.map((row) => t.columns.map((c) => formatCell(row, c, { lang: 'da' })))));
  });

  it('takes a screenshot of the first page', async () => {
    const png = await page.screenshot({ path: join(dir, 'page.png') });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('prints to an A4 PDF of several pages', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(dir, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Chromium writes one "/Type /Page" object per page (and one "/Type /Pages" tree).
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);
    // 210 × 297 mm is 595.28 × 841.89 pt; Chromium rounds the media box to whole points or so.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
  });

  it.skipIf(!hasPdftotext)('prints the report’s numbers into the PDF’s text (needs pdftotext from poppler-utils; skipped without it)', () => {
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('95 besvarelser');
    expect(text).toContain('svarprocent 97 pct.'); // 95 of 98 municipalities
    const summary = result.tables.find((t) => t.id === 'summary') as ReportTable;
    const first = summary.rows[0] as Record<string, string | number | null>;
    for (const column of summary.columns) expect(text).toContain(formatCell(first, column, { lang: 'da' }));
  });
});

describe('likertkit report --format pdf', () => {
  it('writes a PDF of the report through headless Chromium, to --out through the CLI’s file writer', async () => {
    const out = mkdtempSync(join(tmpdir(), 'likertkit-cli-pdf-'));
    try {
      const target = join(out, 'rapport.pdf');
      // The PDF goes through the CLI's atomic writer, here the helpers' in-memory file system.
      const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--format', 'pdf', '--out', target], surveyFiles());
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      const written = r.bytes.get(target);
      expect(written).toBeInstanceOf(Uint8Array);
      const pdf = Buffer.from(written as Uint8Array);
      writeFileSync(target, pdf);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0).toBeGreaterThan(1);
      if (hasPdftotext) {
        const text = spawnSync('pdftotext', [target, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
        expect(text).toContain('Udfordringer på det specialiserede børneområde');
        expect(text).toContain('12 besvarelser');
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 90_000);
});
