import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { nodeIo } from '../../src/cli/nodeIo';
import { CSV_MANIFEST, csvFileNames } from '../../src/cli/reportOutput';
import { parseCsv, parseNumber } from '../../src/csv/index';
import { demoFocusAreas } from '../../src/demo/index';
import { translateLabel, type ReportResult, type ReportValue } from '../../src/index';
import { expectedColumns } from '../export/helpers';
import { run, type Run, type RunSetup } from './helpers';

// The demo data: the synthetic answers of the dashboard example, with the focus areas as groups.
const demoCsv = readFileSync(fileURLToPath(new URL('../../examples/dashboard/public/demo-survey.csv', import.meta.url)), 'utf8');
const demoConfig = JSON.stringify({
  id: 'kommunekode',
  items: demoFocusAreas().flatMap((a) => [
    { id: `udfordring_${a.id}`, scale: 'daChallenge4', label: `Udfordring: ${a.label}`, group: a.id },
    { id: `behov_${a.id}`, scale: 'daDegree4', label: `Behov: ${a.label}`, group: a.id },
  ]),
  attributes: { region: 'category', indbyggere: 'number', socioIndeks: 'number' },
  report: { by: ['region'], sizeGroups: { attribute: 'indbyggere', breaks: [50000, 100000] } },
});
const files = (): Record<string, string> => ({ 'demo.csv': demoCsv, 'demo.json': demoConfig });
const args = (...more: string[]): string[] => ['report', 'demo.csv', '-c', 'demo.json', ...more];
const report = (extra: RunSetup = {}, ...more: string[]): Promise<Run> => run(args(...more), files(), extra);

/** Neutralised text as toCsv documents it. */
const neutral = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

let json: ReportResult;
let jsonEn: ReportResult;
beforeAll(async () => {
  json = JSON.parse((await report({}, '--format', 'json')).stdout);
  jsonEn = JSON.parse((await report({}, '--format', 'json', '--lang', 'en')).stdout);
  expect(json.tables.length).toBeGreaterThan(10);
});

describe('likertkit report --format xlsx', () => {
  it('writes a workbook whose every cell holds the JSON report’s value', async () => {
    const r = await report({}, '--format', 'xlsx', '--out', 'rapport.xlsx');
    expect(r.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.bytes.get('/work/rapport.xlsx') as never);
    expect(workbook.worksheets.length).toBe(json.tables.length);
    let compared = 0;
    json.tables.forEach((table, s) => {
      const sheet = workbook.worksheets[s] as ExcelJS.Worksheet;
      expect(sheet.getCell(1, 1).value).toBe(table.title);
      const columns = expectedColumns(table, 'da');
      columns.forEach((c, j) => expect(sheet.getCell(2, j + 1).value).toBe(c.header));
      table.rows.forEach((row, i) => {
        columns.forEach((c, j) => {
          expect(sheet.getCell(i + 3, j + 1).value).toBe(c.value(row));
          compared++;
        });
      });
    });
    expect(compared).toBeGreaterThan(500);
    expect([...r.files.keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write a workbook to standard output, before reading the data', async () => {
    const r = await run(args('--format', 'xlsx'), {});
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('likertkit report: --format xlsx writes a binary workbook, which is not for standard output: add --out <report.xlsx>\n');
    expect(r.stdout).toBe('');
  });

  it('refuses --out naming an input file, and leaves it as it was', async () => {
    const r = await report({}, '--format', 'xlsx', '--out', 'demo.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out demo.csv is the survey CSV demo.csv; refusing to write over an input file');
    expect(r.files.get('/work/demo.csv')).toBe(demoCsv);
  });

  it('leaves an existing workbook as it was, and no temporary file, when the rename fails', async () => {
    const r = await run(args('--format', 'xlsx', '--out', 'rapport.xlsx'), { ...files(), 'rapport.xlsx': 'OLD' }, { renameFailure: 'EIO' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write rapport.xlsx: input/output error; the file was left as it was');
    expect(r.files.get('/work/rapport.xlsx')).toBe('OLD');
    expect([...r.files.keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('likertkit report --format csv', () => {
  /** Reads a CSV directory back and compares every cell with the JSON report's rows. */
  function compareDirectory(r: Run, dir: string, expected: ReportResult, lang: 'da' | 'en'): number {
    const names = csvFileNames(expected.tables.map((t) => t.id));
    expect(r.dirs.has(dir)).toBe(true);
    expect([...r.files.keys()].filter((f) => f.startsWith(`${dir}/`)).sort()).toEqual([...names, CSV_MANIFEST].map((n) => `${dir}/${n}`).sort());
    let compared = 0;
    expected.tables.forEach((table, t) => {
      const text = r.files.get(`${dir}/${names[t]}`) as string;
      expect(text.startsWith('\uFEFF')).toBe(lang === 'da');
      const parsed = parseCsv(text, { delimiter: lang === 'da' ? ';' : ',', strict: true });
      const columns = expectedColumns(table, lang);
      expect(parsed.columns).toEqual(columns.map((c) => neutral(c.header)));
      expect(parsed.rowCount).toBe(table.rows.length);
      table.rows.forEach((row, i) => {
        columns.forEach((c) => {
          const cell = parsed.rows[i]?.[neutral(c.header)] ?? null;
          const value: ReportValue = c.value(row);
          if (value === null) expect(cell).toBeNull();
          else if (typeof value === 'number') expect(parseNumber(cell as string, { decimal: lang === 'da' ? ',' : '.', thousands: '' })).toBe(value);
          else expect(cell).toBe(neutral(String(value)));
          compared++;
        });
      });
    });
    return compared;
  }

  it('writes one file per table, <nn>-<table id>.csv, in Danish Excel’s dialect, each cell equal to the JSON report’s', async () => {
    const r = await report({}, '--format', 'csv', '--out', 'tabeller');
    expect(r.code).toBe(0);
    expect(csvFileNames(json.tables.map((t) => t.id))[0]).toBe('01-distribution-tidlig.csv');
    expect(compareDirectory(r, '/work/tabeller', json, 'da')).toBeGreaterThan(500);
    expect(JSON.parse(r.files.get(`/work/tabeller/${CSV_MANIFEST}`) as string).files).toEqual(csvFileNames(json.tables.map((t) => t.id)));
    expect([...r.dirs].filter((d) => d.includes('.tmp') || d.includes('.old'))).toEqual([]);
  });

  it('writes RFC 4180 with commas for an English report, labels translated as in the Markdown', async () => {
    const r = await report({}, '--format', 'csv', '--out', 'tables/', '--lang', 'en');
    expect(r.code).toBe(0);
    // The Markdown's translation (translateLabel, the library's table of built-in labels) applied
    // to the headers and text cells of the JSON report.
    const en = (v: ReportValue): ReportValue => (typeof v === 'string' ? translateLabel(v, 'en') : v);
    const translated: ReportResult = {
      ...jsonEn,
      tables: jsonEn.tables.map((t) => ({
        ...t,
        columns: t.columns.map((c) => ({ ...c, label: translateLabel(c.label, 'en') })),
        rows: t.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, t.columns.some((c) => c.key === k && c.format === 'text') ? en(v) : v]))),
      })),
    };
    const first = r.files.get(`/work/tables/${csvFileNames(jsonEn.tables.map((t) => t.id))[0]}`) as string;
    expect(first.split('\r\n')[0]).toMatch(/^Question,Very large challenges,Fairly large challenges,/);
    expect(compareDirectory(r, '/work/tables', translated, 'en')).toBeGreaterThan(500);
  });

  it('replaces a directory that a previous run wrote, leaving nothing else behind', async () => {
    const previous = (await report({}, '--format', 'csv', '--out', 'tabeller')).files;
    const old: Record<string, string> = { ...files() };
    for (const [name, text] of previous) if (name.startsWith('/work/tabeller/')) old[name.slice('/work/'.length)] = name.endsWith('.csv') ? 'gammel' : text;
    const r = await run(args('--format', 'csv', '--out', 'tabeller'), old, { dirs: ['tabeller'] });
    expect(r.code).toBe(0);
    expect(compareDirectory(r, '/work/tabeller', json, 'da')).toBeGreaterThan(500);
    expect([...r.dirs].sort()).toEqual(['/work', '/work/tabeller']);
  });

  it('refuses a directory holding a file it did not write, and leaves the directory as it was', async () => {
    const mine = { ...files(), 'tabeller/budget.xlsx': 'mine', 'tabeller/01-summary.csv': 'mine too' };
    const r = await run(args('--format', 'csv', '--out', 'tabeller'), mine, { dirs: ['tabeller'] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out tabeller is a directory that holds files likertkit did not write \("(budget\.xlsx|01-summary\.csv)", "(budget\.xlsx|01-summary\.csv)"\); refusing to replace it: name a new or empty directory/);
    expect(r.files.get('/work/tabeller/budget.xlsx')).toBe('mine');
    expect(r.files.get('/work/tabeller/01-summary.csv')).toBe('mine too');
    expect([...r.dirs].sort()).toEqual(['/work', '/work/tabeller']);
  });

  it('refuses a directory whose manifest does not list every file in it', async () => {
    const manifest = JSON.stringify({ files: ['01-a.csv'] });
    const r = await run(args('--format', 'csv', '--out', 'd'), { ...files(), [`d/${CSV_MANIFEST}`]: manifest, 'd/01-a.csv': 'x', 'd/notes.txt': 'mine' }, { dirs: ['d'] });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds files likertkit did not write ("notes.txt")');
    expect(r.files.get('/work/d/notes.txt')).toBe('mine');
  });

  it('writes into an existing empty directory', async () => {
    const r = await run(args('--format', 'csv', '--out', 'tom'), files(), { dirs: ['tom'] });
    expect(r.code).toBe(0);
    expect(compareDirectory(r, '/work/tom', json, 'da')).toBeGreaterThan(500);
  });

  it('refuses --out naming a file, and no --out at all', async () => {
    const onFile = await run(args('--format', 'csv', '--out', 'x.csv'), { ...files(), 'x.csv': 'mine' });
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain('--out x.csv is a file, and --format csv writes a directory of CSV files');
    expect(onFile.files.get('/work/x.csv')).toBe('mine');
    const none = await run(args('--format', 'csv'), {});
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('likertkit report: --format csv writes one CSV file per table into a directory: add --out <directory> (it is created)\n');
  });

  it('leaves no directory and no temporary files behind when a write fails', async () => {
    const r = await report({ writeFailure: { afterChars: 100, code: 'ENOSPC' } }, '--format', 'csv', '--out', 'tabeller');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write tabeller: no space left on device; nothing was written');
    expect([...r.dirs]).toEqual(['/work']);
    expect([...r.files.keys()].sort()).toEqual(['/work/demo.csv', '/work/demo.json']);
  });

  it('keeps the previous directory when renaming the new one in fails', async () => {
    const previous = (await report({}, '--format', 'csv', '--out', 'tabeller')).files;
    const old: Record<string, string> = { ...files() };
    for (const [name, text] of previous) if (name.startsWith('/work/tabeller/')) old[name.slice('/work/'.length)] = text;
    const r = await run(args('--format', 'csv', '--out', 'tabeller'), old, { dirs: ['tabeller'], renameFailure: 'EACCES' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot replace tabeller: permission denied; the directory was left as it was');
    for (const [name, text] of Object.entries(old)) expect(r.files.get(`/work/${name}`)).toBe(text);
    expect([...r.dirs].sort()).toEqual(['/work', '/work/tabeller']);
  });
});

describe('the file formats on the real file system', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'likertkit-files-'));
    writeFileSync(join(dir, 'demo.csv'), demoCsv);
    writeFileSync(join(dir, 'demo.json'), demoConfig);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const real = async (argv: string[]): Promise<{ code: number; err: string }> => {
    const err: string[] = [];
    const io = { ...nodeIo('0.0.0').io, cwd: dir, stdout: () => undefined, stderr: (t: string) => void err.push(t) };
    return { code: await main(argv, io), err: err.join('') };
  };

  it('writes a workbook and a CSV directory, replaces the directory on a second run, and leaves no temporary entry', async () => {
    expect(await real(args('--format', 'xlsx', '--out', 'rapport.xlsx'))).toEqual({ code: 0, err: '' });
    expect(readFileSync(join(dir, 'rapport.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(await real(args('--format', 'csv', '--out', 'tabeller'))).toEqual({ code: 0, err: '' });
    expect(await real(args('--format', 'csv', '--out', 'tabeller'))).toEqual({ code: 0, err: '' });
    const names = csvFileNames(json.tables.map((t) => t.id));
    expect(readdirSync(join(dir, 'tabeller')).sort()).toEqual([...names, CSV_MANIFEST].sort());
    expect(readdirSync(dir).sort()).toEqual(['demo.csv', 'demo.json', 'rapport.xlsx', 'tabeller']);
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'keep.txt'), 'x');
    const refused = await real(args('--format', 'csv', '--out', 'mine'));
    expect(refused.code).toBe(2);
    expect(existsSync(join(dir, 'mine', 'keep.txt'))).toBe(true);
  });
});
