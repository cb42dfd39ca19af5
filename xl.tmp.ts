import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { toXlsx } from './src/export/index';
import { report } from './src/report/report';
import { survey, scales } from './src/index';
import { demoFocusAreas, demoSurveyRows } from './src/demo/index';
const rows = demoSurveyRows({ seed: 2021 });
const s = survey({ rows, id: 'kommunekode', items: demoFocusAreas().flatMap((a) => [
    { id: `udfordring_${a.id}`, scale: scales.daChallenge4, label: `Udfordring: ${a.label}`, group: a.id },
    { id: `behov_${a.id}`, scale: scales.daDegree4, label: `Behov: ${a.label}`, group: a.id },
  ]), attributes: { region: 'category', indbyggere: 'number' } } as any);
const r = report(s, { sizeGroups: { attribute: 'indbyggere', breaks: [50000, 100000] } } as any);
const t0 = performance.now();
const b = await toXlsx(r);
console.log('ms', performance.now() - t0);
writeFileSync('/tmp/demo.xlsx', b);
console.log(b.length, r.tables.map(t=>t.id));
const wb = new ExcelJS.Workbook(); await wb.xlsx.load(b as any);
const ws = wb.worksheets[2]!;
console.log(ws.name, ws.views);
ws.eachRow((row, i) => { if (i < 6) console.log(i, JSON.stringify(row.values), row.getCell(2).numFmt); });
