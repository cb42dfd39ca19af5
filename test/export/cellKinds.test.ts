import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx } from '../../src/export/index';
import type { ReportTable } from '../../src/index';

const table = (cell: unknown): ReportTable =>
  ({ kind: 'report-table', id: 'egen', title: 'Egen tabel', columns: [{ key: 'a', label: 'Svar', format: 'text' }], rows: [{ a: 'ok' }, { a: cell }], notes: [] }) as unknown as ReportTable;

describe('cells the exports refuse or keep exactly', () => {
  it('refuses an object, an array or a BigInt cell, naming the cell, instead of writing it as text or as a formula', async () => {
    for (const cell of [{ formula: 'HYPERLINK("http://x","klik")' }, [1, 2], 10n]) {
      const place = /^toCsv: the cell at row 2, column "Svar" of table "egen" is .+; a table cell must be a string, a number, a boolean or null/;
      expect(() => toCsv(table(cell))).toThrow(place);
      await expect(toXlsx(table(cell))).rejects.toThrow(/^toXlsx: the cell at row 2, column "Svar" of table "egen" is /);
    }
  });

  it('keeps text of the form _xHHHH_ as it is in the workbook (Office Open XML would read it as an escaped character)', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table('_x0041_ og _x005F_x0042_'))) as never);
    expect(workbook.worksheets[0]?.getCell(4, 1).value).toBe('_x0041_ og _x005F_x0042_');
  });
});
