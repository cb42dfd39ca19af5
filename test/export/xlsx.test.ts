import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toXlsx } from '../../src/export/index';
import { excelNumberFormat, sheetNames } from '../../src/export/xlsx';
import { formatNumber, roundPercent, type ReportResult, type ReportTable, type ReportValue } from '../../src/index';
import { demoReport, expectedColumns } from './helpers';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
}

/** Excel's number format for each report column format, as the exporter documents it. */
const FORMATS: Record<string, string> = {
  integer: '#,##0',
  number: '#,##0.00',
  percent: '0%',
  p: '[<0.001]"< 0,001";0.000',
  correlation: '0.00',
};

let demo: ReportResult;
let workbook: ExcelJS.Workbook;
let bytes: Uint8Array;
beforeAll(async () => {
  demo = demoReport();
  bytes = await toXlsx(demo);
  workbook = await readBack(bytes);
});

describe('toXlsx writes one sheet per table with the report’s numbers stored as numbers', () => {
  it('writes a zip (an .xlsx file) with one sheet per table, in report order, and the report title', () => {
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect(workbook.worksheets.length).toBe(demo.tables.length);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(sheetNames(demo.tables.map((t) => t.id), 'Tabel'));
    expect(workbook.title).toBe(demo.title);
  });

  it('holds in every cell the value of report()’s row: numbers unrounded, stars beside r, text as it is', () => {
    let compared = 0;
    demo.tables.forEach((table, s) => {
      const sheet = workbook.worksheets[s] as ExcelJS.Worksheet;
      expect(sheet.getCell(1, 1).value).toBe(table.title);
      const columns = expectedColumns(table, 'da');
      columns.forEach((c, j) => expect(sheet.getCell(2, j + 1).value).toBe(c.header));
      expect(sheet.getCell(2, columns.length + 1).value).toBeNull();
      table.rows.forEach((row, i) => {
        columns.forEach((c, j) => {
          const value = c.value(row as Record<string, ReportValue>);
          const cell = sheet.getCell(i + 3, j + 1);
          expect(cell.value).toBe(typeof value === 'number' && !Number.isFinite(value) ? null : value);
          compared++;
        });
      });
      expect(sheet.getCell(table.rows.length + 3, 1).value).toBeNull();
    });
    expect(compared).toBeGreaterThan(500);
  });

  it('gives each number its Excel format (percent as 0%, p as 0.000 with "< 0,001", r as 0.00) and right-aligns it', () => {
    demo.tables.forEach((table, s) => {
      const sheet = workbook.worksheets[s] as ExcelJS.Worksheet;
      expectedColumns(table, 'da').forEach((c, j) => {
        table.rows.forEach((row, i) => {
          const cell = sheet.getCell(i + 3, j + 1);
          if (typeof cell.value !== 'number') return;
          expect(cell.numFmt).toBe(c.format === 'number' && c.digits !== 2 ? `#,##0.${'0'.repeat(c.digits)}` : FORMATS[c.format]);
          expect(cell.alignment?.horizontal).toBe('right');
        });
        if (c.format !== 'text') expect(sheet.getCell(2, j + 1).alignment?.horizontal).toBe('right');
      });
    });
  });

  it('writes the notes under the table, after an empty row, and a note on rounding last', () => {
    demo.tables.forEach((table, s) => {
      const sheet = workbook.worksheets[s] as ExcelJS.Worksheet;
      const first = table.rows.length + 4;
      table.notes.forEach((note, k) => expect(sheet.getCell(first + k, 1).value).toBe(note));
      expect(String(sheet.getCell(first + table.notes.length, 1).value)).toMatch(/^Tallene er gemt uafrundede/);
    });
  });

  it('freezes the title and header rows and sizes each column to its longest cell', () => {
    const sheet = workbook.getWorksheet(sheetNames(['summary'], 'Tabel')[0] as string) as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const summary = demo.tables.find((t) => t.id === 'summary') as ReportTable;
    const first = summary.columns[0] as ReportTable['columns'][number];
    const longest = Math.max(...summary.rows.map((r) => String(r[first.key]).length), first.label.length);
    expect(sheet.getColumn(1).width).toBe(Math.min(80, longest + 2));
    summary.columns.forEach((_, j) => expect(sheet.getColumn(j + 1).width).toBeGreaterThanOrEqual(6));
  });

  it('writes English added texts for an English report and "< .001" in its p format', async () => {
    const en = demoReport('en');
    const book = await readBack(await toXlsx(en));
    const pairs = book.worksheets[en.tables.findIndex((t) => t.id === 'pairs')] as ExcelJS.Worksheet;
    const headers = (pairs.getRow(2).values as unknown[]).slice(1);
    expect(headers).toContain('r (significance)');
    const pColumn = headers.indexOf('p') + 1;
    expect(pairs.getCell(3, pColumn).numFmt).toBe('[<0.001]"< .001";0.000');
  });
});

describe('toXlsx takes a report, a table or an array of tables', () => {
  const table = (id: string, rows: Record<string, ReportValue>[] = [{ t: 'x', v: 1 }]): ReportTable => ({
    kind: 'report-table', id, title: `Tabel ${id}`, notes: [],
    columns: [{ key: 't', label: 'Tekst', format: 'text' }, { key: 'v', label: 'Værdi', format: 'number', digits: 1 }],
    rows,
  });

  it('writes one table, or an array of tables, one sheet each, and keeps formula-like text as text', async () => {
    const one = await readBack(await toXlsx(table('a', [{ t: '=SUM(A1:A3)', v: -0.25 }, { t: true as never, v: NaN }])));
    const sheet = one.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell(3, 1).value).toBe('=SUM(A1:A3)');
    expect(sheet.getCell(3, 1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell(3, 2).value).toBe(-0.25);
    expect(sheet.getCell(3, 2).numFmt).toBe('#,##0.0');
    expect(sheet.getCell(4, 1).value).toBe(true);
    expect(sheet.getCell(4, 2).value).toBeNull();
    const many = await readBack(await toXlsx([table('x:y'), table('X-Y'), table('')]));
    expect(many.worksheets.map((w) => w.name)).toEqual(['x-y', 'X-Y (2)', 'Tabel']);
  });

  it('refuses what Excel cannot hold, and bad input, before loading exceljs', async () => {
    await expect(toXlsx(table('a'), { lng: 'da' } as never)).rejects.toThrow('toXlsx: unknown option "lng"; did you mean "lang"?');
    await expect(toXlsx([])).rejects.toThrow(/^toXlsx: there are no tables to write/);
    await expect(toXlsx([table('a'), { kind: 'report' } as never])).rejects.toThrow(/^toXlsx: element 1 of the array must be a report table/);
    await expect(toXlsx(table('a', [{ t: 'bell\u0007', v: 1 }]))).rejects.toThrow(
      'toXlsx: the text at row 1, column "Tekst" of table "a" holds the control character U+0007 at offset 4',
    );
    await expect(toXlsx(table('a', [{ t: 'x'.repeat(32768), v: 1 }]))).rejects.toThrow('has 32768 characters; an Excel cell holds at most 32767');
    await expect(toXlsx(table('a'), { lang: 'sv' as never })).rejects.toThrow(RangeError);
  });
});

describe('sheetNames and excelNumberFormat follow Excel’s rules', () => {
  it('replaces []:*?/\\, cuts at 31 characters without splitting a surrogate pair, and keeps names unique without regard to case', () => {
    expect(sheetNames(['a[b]c:d*e?f/g\\h'], 'T')).toEqual(['a-b-c-d-e-f-g-h']);
    expect(sheetNames(['distribution:tidlig:daChallenge4'], 'T')).toEqual(['distribution-tidlig-daChallenge']);
    expect(sheetNames([`${'x'.repeat(30)}😀`], 'T')).toEqual(['x'.repeat(30)]);
    expect(sheetNames(['Summary', 'summary', 'SUMMARY'], 'T')).toEqual(['Summary', 'summary (2)', 'SUMMARY (3)']);
    expect(sheetNames(['History', "'quoted'", ''], 'T')).toEqual(['History (2)', 'quoted', 'T']);
    expect(sheetNames(['y'.repeat(40), 'y'.repeat(35)], 'T')).toEqual(['y'.repeat(31), `${'y'.repeat(27)} (2)`]);
  });

  it('writes number formats with the column’s digits', () => {
    expect(excelNumberFormat('percent', 1, '< 0,001')).toBe('0.0%');
    expect(excelNumberFormat('number', 0, '< 0,001')).toBe('#,##0');
    expect(excelNumberFormat('correlation', 3, '< 0,001')).toBe('0.000');
    expect(excelNumberFormat('p', 4, '< 0,0001')).toBe('[<0.0001]"< 0,0001";0.0000');
    expect(excelNumberFormat('text', 0, '')).toBe('General');
  });
});

// LibreOffice, where it is installed (apt-get install libreoffice-calc-nogui), opens the workbook
// and saves every sheet as CSV with the cells as shown: the shown text must be what the report
// prints (percent half up, p with "< .001", grouped thousands). Skipped without soffice.
/** The records of an RFC 4180 text (quoted fields, doubled quotes), for LibreOffice's output. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n') record.push(field), records.push(record), (record = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field !== '' || record.length > 0) record.push(field), records.push(record);
  return records;
}

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));

describe.runIf(soffice !== undefined)('LibreOffice opens the workbook and shows the numbers as the report prints them', () => {
  let dir = '';
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('converts every sheet to CSV headless, and each shown cell equals the report’s value rounded as printed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'likertkit-xlsx-'));
    const en = demoReport('en');
    writeFileSync(join(dir, 'demo.xlsx'), await toXlsx(en));
    // Filter options: "," fields, '"' text, UTF-8 (76), from line 1, US English (1033), cells as
    // shown (token 9 true), every sheet to its own file (token 12 = -1; LibreOffice >= 7.2).
    execFileSync(soffice as string, ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1', '--outdir', dir, join(dir, 'demo.xlsx')],
      { stdio: 'ignore', timeout: 120_000 });
    const names = sheetNames(en.tables.map((t) => t.id), 'Table');
    const shown = (value: ReportValue, format: string, digits: number): string => {
      if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '';
      if (typeof value !== 'number') return String(value);
      if (format === 'percent') return `${roundPercent(value, digits)}%`;
      if (format === 'p') return value < 0.001 ? '< .001' : formatNumber(value, { lang: 'en', digits: 3, grouping: false });
      if (format === 'correlation') return formatNumber(value, { lang: 'en', digits, grouping: false });
      return formatNumber(value, { lang: 'en', digits: format === 'integer' ? 0 : digits });
    };
    let compared = 0;
    en.tables.forEach((table, s) => {
      const file = readdirSync(dir).find((f) => f === `demo-${names[s]}.csv`);
      expect(file, `the CSV of sheet ${names[s]}`).toBeDefined();
      const records = csvRecords(readFileSync(join(dir, file as string), 'utf8'));
      const columns = expectedColumns(table, 'en');
      expect(records[0]?.[0]).toBe(table.title);
      expect(records[1]?.slice(0, columns.length)).toEqual(columns.map((c) => c.header));
      table.rows.forEach((row, i) => {
        const cells = records[i + 2] as string[];
        columns.forEach((c, j) => {
          expect(cells[j] ?? '').toBe(shown(c.value(row as Record<string, ReportValue>), c.format, c.digits));
          compared++;
        });
      });
    });
    expect(compared).toBeGreaterThan(500);
  }, 150_000);
});
