/**
 * Issue 10's acceptance check, end to end on the real file system: `likertkit report` on the
 * demo data (the dashboard example's synthetic answers for the 98 municipalities, with the
 * population frame) writes the JSON report, an Excel workbook, a directory of CSV files, the
 * HTML document and its PDF; each is read back and its numbers compared with the JSON report's:
 *
 * - workbook (read by exceljs) and CSV files (read by parseCsv): every cell holds the JSON
 *   report's unrounded value (numbers as numbers);
 * - HTML: every cell of every table is the JSON report's cell as `formatCell` prints it;
 * - PDF (text read by pdftotext, from Debian's poppler-utils; skipped without it): the printed
 *   numbers of every table appear in the PDF's text in table order.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { nodeIo } from '../../src/cli/nodeIo';
import { parseCsv, parseNumber } from '../../src/csv/index';
import { demoFocusAreas } from '../../src/demo/index';
import { formatCell, type ReportResult, type ReportValue } from '../../src/index';
import { expectedColumns } from '../export/helpers';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

const config = {
  id: 'kommunekode',
  items: demoFocusAreas().flatMap((a) => [
    { id: `udfordring_${a.id}`, scale: 'daChallenge4', label: a.label, group: a.id },
    { id: `behov_${a.id}`, scale: 'daDegree4', label: `Behov for støtte: ${a.label}`, group: a.id },
  ]),
  attributes: { region: 'category', indbyggere: 'number', socioIndeks: 'number' },
  report: {
    title: 'Udfordringer på det specialiserede børneområde (demo, syntetiske svar)',
    by: ['region'],
    sizeGroups: { attribute: 'indbyggere', breaks: [50000, 100000] },
    groupLabels: Object.fromEntries(demoFocusAreas().map((a) => [a.id, a.label])),
  },
};

/** HTML entities back to text (the document escapes &, <, >, " and '). */
function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] as string);
}

/** The body cells of each table of an HTML document, in document order. */
function htmlTables(html: string): string[][][] {
  return [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map(([table]) => {
    const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
    return [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
      [...(tr[1] as string).matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => unescape((m[1] as string).replace(/<[^>]+>/g, ''))),
    );
  });
}

describe('likertkit report on the demo data, in every output format', () => {
  let dir = '';
  let json: ReportResult;
  const run = async (...more: string[]): Promise<void> => {
    const err: string[] = [];
    const io = { ...nodeIo('0.0.0').io, cwd: dir, stdout: () => undefined, stderr: (t: string) => void err.push(t) };
    const code = await main(['report', 'demo.csv', '-c', 'demo.json', '--frame', 'frame.csv', ...more], io);
    // Warnings (none expected) would show here; the code must be 0.
    expect({ code, err: err.join('') }).toEqual({ code: 0, err: '' });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'likertkit-publication-'));
    writeFileSync(join(dir, 'demo.csv'), readFileSync(join(root, 'examples/dashboard/public/demo-survey.csv')));
    writeFileSync(join(dir, 'frame.csv'), readFileSync(join(root, 'data/dk-municipalities-2020.csv')));
    writeFileSync(join(dir, 'demo.json'), JSON.stringify(config));
    await run('--format', 'json', '--out', 'rapport.json');
    json = JSON.parse(readFileSync(join(dir, 'rapport.json'), 'utf8')) as ReportResult;
    expect(json.tables.length).toBeGreaterThan(10);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a workbook whose cells hold the JSON report’s values', async () => {
    await run('--format', 'xlsx', '--out', 'rapport.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir, 'rapport.xlsx')) as never);
    expect(workbook.worksheets.map((w) => w.getCell(1, 1).value)).toEqual(json.tables.map((t) => t.title));
    let compared = 0;
    json.tables.forEach((table, s) => {
      const sheet = workbook.worksheets[s] as ExcelJS.Worksheet;
      const columns = expectedColumns(table, 'da');
      table.rows.forEach((row, i) =>
        columns.forEach((c, j) => {
          expect(sheet.getCell(i + 3, j + 1).value ?? null, `${table.id} row ${i} ${c.header}`).toBe(c.value(row));
          compared++;
        }),
      );
    });
    expect(compared).toBeGreaterThan(500);
  });

  it('writes a CSV file per table whose cells hold the JSON report’s values', async () => {
    await run('--format', 'csv', '--out', 'tabeller');
    const files = readdirSync(join(dir, 'tabeller')).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toHaveLength(json.tables.length);
    let compared = 0;
    json.tables.forEach((table, t) => {
      const parsed = parseCsv(readFileSync(join(dir, 'tabeller', files[t] as string)), { delimiter: ';', strict: true });
      const columns = expectedColumns(table, 'da');
      expect(parsed.rowCount).toBe(table.rows.length);
      table.rows.forEach((row, i) =>
        columns.forEach((c, j) => {
          const cell = parsed.rows[i]?.[parsed.columns[j] as string] ?? null;
          const value: ReportValue = c.value(row);
          if (typeof value === 'number') expect(parseNumber(cell as string, { decimal: ',', thousands: '' }), `${table.id} row ${i}`).toBe(value);
          else if (value === null) expect(cell).toBeNull();
          compared++;
        }),
      );
    });
    expect(compared).toBeGreaterThan(500);
  });

  it('writes an HTML document whose every table cell is the JSON report’s cell as printed', async () => {
    await run('--format', 'html', '--out', 'rapport.html');
    const html = readFileSync(join(dir, 'rapport.html'), 'utf8');
    const tables = htmlTables(html);
    expect(tables).toHaveLength(json.tables.length);
    json.tables.forEach((table, t) => {
      const printed = table.rows.map((row) => table.columns.map((c) => formatCell(row, c, { lang: 'da' })));
      expect(tables[t], table.id).toEqual(printed);
    });
    // Figures: one SVG per distribution table at least, each with a title and a description.
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs.length).toBeGreaterThanOrEqual(json.tables.filter((t) => t.id.startsWith('distribution')).length);
    for (const svg of svgs) expect(svg).toMatch(/<title>[^<]+<\/title>[\s\S]*<desc>[^<]+<\/desc>/);
  }, 120_000);

  it.skipIf(!hasPdftotext)('prints a PDF whose text holds every table’s printed numbers in order (needs pdftotext; skipped without it)', async () => {
    await run('--format', 'pdf', '--out', 'rapport.pdf');
    const pdf = readFileSync(join(dir, 'rapport.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'rapport.pdf'), '-'], { encoding: 'utf8' }).stdout;
    const tokens = text.split(/\s+/).filter((t) => t !== '');
    // Every number of every table, as printed, is found after the previous one (figures' labels
    // and repeated headers may come between).
    let at = 0;
    let found = 0;
    for (const table of json.tables) {
      for (const row of table.rows) {
        for (const column of table.columns) {
          if (column.format === 'text') continue;
          for (const token of formatCell(row, column, { lang: 'da' }).split(/\s+/)) {
            const next = tokens.indexOf(token, at);
            expect(next, `${table.id}: ${token} after token ${at}`).toBeGreaterThanOrEqual(0);
            at = next + 1;
            found++;
          }
        }
      }
    }
    expect(found).toBeGreaterThan(500);
  }, 180_000);
});
