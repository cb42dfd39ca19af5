// Run by test/export/lazy.test.ts in its own Node process: reports whether exceljs is loaded after
// importing likertkit/export, after toCsv, and after toXlsx. exceljs is CommonJS, so Node's
// CommonJS module cache lists its files once anything imports it.
import { createRequire } from 'node:module';

const cache = (createRequire(import.meta.url)('node:module') as { _cache: Record<string, unknown> })._cache;
const loaded = (): boolean => Object.keys(cache).some((file) => /[\\/]exceljs[\\/]/.test(file));
const table = { kind: 'report-table', id: 't', title: 'T', notes: [], columns: [{ key: 'a', label: 'a', format: 'text' }], rows: [{ a: 'x' }] } as const;

const exporter = await import('../../../src/export/index');
const afterImport = loaded();
exporter.toCsv(table);
const afterCsv = loaded();
await exporter.toXlsx(table);
console.log(JSON.stringify({ afterImport, afterCsv, afterXlsx: loaded() }));
