/**
 * Writes the pictures of the HTML and PDF report that docs/reports.md and the README show:
 *
 * - docs/images/report-page.png: the demo report's HTML document as a browser shows it
 *   (794 px wide, the first 1123 px: one A4 page at 96 dpi);
 * - docs/images/report-table.png: its summary table (shares and means per item) in the browser;
 * - docs/images/report-pdf-<n>.png: pages of its PDF (printed by headless Chromium, as
 *   `likertkit report --format pdf` prints it), rendered by pdftoppm at 60 dpi.
 *
 * Run: npx tsx scripts/document-images.ts   (needs pdftoppm: apt-get install poppler-utils)
 *
 * The figures come through the same hook as the CLI's (`reportFiguresForCli` in
 * src/cli/htmlDocument.ts): once it renders them, running this again puts them in the pictures.
 * Chromium is the one the browser tests drive (test/browser/chromium.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportDocument } from '../src/cli/htmlDocument';
import { demoReport } from '../test/document/demoReport';
import { launchChromium } from '../test/browser/chromium';

/** The text of one page of a PDF, through pdftotext. */
function pageText(pdfPath: string, n: number): string {
  const made = spawnSync('pdftotext', ['-f', String(n), '-l', String(n), pdfPath, '-'], { encoding: 'utf8' });
  if (made.error !== undefined || made.status !== 0) throw new Error(`pdftotext failed (install poppler-utils): ${made.error?.message ?? made.stderr}`);
  return made.stdout;
}

async function main(): Promise<void> {
  const images = fileURLToPath(new URL('../docs/images/', import.meta.url));
  mkdirSync(images, { recursive: true });
  const result = demoReport();
  const html = await reportDocument(result, 'da', false);
  const browser = await launchChromium({ timeout: 30_000 });
  const work = mkdtempSync(join(tmpdir(), 'likertkit-images-'));
  try {
    const context = await browser.browser.newContext({ viewport: { width: 794, height: 1123 } });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: join(images, 'report-page.png') });
    await page.locator('#t-summary').screenshot({ path: join(images, 'report-table.png') });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pdfPath = join(work, 'report.pdf');
    writeFileSync(pdfPath, pdf);
    for (const old of readdirSync(images).filter((f) => /^report-pdf-\d+\.png$/.test(f))) unlinkSync(join(images, old));
    const count = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    // The title page with the contents, the first page of tables, and the page where the
    // multi-select table (the widest) starts.
    const multiSelect = result.tables.find((t) => t.id === 'multiSelect')?.title ?? '';
    const wide = Array.from({ length: count - 2 }, (_, i) => i + 3).find((n) => multiSelect !== '' && pageText(pdfPath, n).includes(multiSelect));
    const PAGES = [1, 2, ...(wide === undefined ? [] : [wide])];
    for (const n of PAGES) {
      const made = spawnSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', String(n), '-l', String(n), pdfPath, join(work, `page-${n}`)], { encoding: 'utf8' });
      if (made.error !== undefined || made.status !== 0) throw new Error(`pdftoppm failed (install poppler-utils): ${made.error?.message ?? made.stderr}`);
      renameSync(join(work, `page-${n}.png`), join(images, `report-pdf-${n}.png`));
    }
    console.log(`wrote docs/images/report-page.png, report-table.png and report-pdf-{${PAGES.join(',')}}.png (the PDF has ${count} pages)`);
    await context.close();
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
