import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./scripts/lazyExceljs.ts', import.meta.url));

describe('likertkit/export loads exceljs only when toXlsx is called', () => {
  it('importing the entry and calling toCsv leave exceljs unloaded; toXlsx loads it', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out)).toEqual({ afterImport: false, afterCsv: false, afterXlsx: true });
  }, 60_000);
});
