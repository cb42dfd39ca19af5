import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/csv/index';
import { readFrame } from '../../src/index';

const municipalities = readFileSync(new URL('../../data/dk-municipalities-2020.csv', import.meta.url), 'utf8');

describe('readFrame', () => {
  it('types the shipped 98-municipality frame: code and population numbers, name and region text', () => {
    const { rows, columns } = readFrame(parseCsv(municipalities).rows);
    expect(rows).toHaveLength(98);
    expect(columns.map((c) => [c.name, c.kind])).toEqual([
      ['code', 'number'],
      ['name', 'text'],
      ['region', 'text'],
      ['population', 'number'],
    ]);
    // data/README.md: the populations sum to 5,822,679; København (first row) has 632340.
    expect(rows.reduce((sum, row) => sum + (row['population'] as number), 0)).toBe(5822679);
    expect(rows[0]).toEqual({ code: 101, name: 'København', region: 'Hovedstaden', population: 632340 });
  });

  it('refuses a Danish population column of only 104.305 and 60.828 under auto, naming the column and cells', () => {
    const rows = parseCsv('kode;indbyggere\n147;104.305\n101;60.828\n').rows;
    expect(() => readFrame(rows)).toThrow(
      /^readFrame: cannot tell the decimal mark of column "indbyggere": "104.305" \(row 0\), "60.828" \(row 1\).*pass decimal/,
    );
  });

  it('reads thousands dots with decimal ","', () => {
    const { rows, columns } = readFrame(parseCsv('kode;indbyggere\n147;104.305\n101;60.828\n').rows, { decimal: ',' });
    expect(rows.map((r) => r['indbyggere'])).toEqual([104305, 60828]);
    expect(columns[1]).toEqual({ name: 'indbyggere', kind: 'number', decimal: ',', missing: 0, reason: null });
  });

  it('keeps a column with any non-number text as text and says why', () => {
    const { rows, columns } = readFrame([{ x: '1' }, { x: 'Ved ikke' }]);
    expect(rows).toEqual([{ x: '1' }, { x: 'Ved ikke' }]);
    expect(columns[0]).toEqual({ name: 'x', kind: 'text', decimal: null, missing: 0, reason: '"Ved ikke" (row 1) is not a number' });
  });

  it('keeps codes with leading zeros as text', () => {
    const { rows, columns } = readFrame([{ postnr: '0800' }, { postnr: '2100' }]);
    expect(rows[0]!['postnr']).toBe('0800');
    expect(columns[0]!.kind).toBe('text');
  });

  it('turns missing cells of a number column into null and counts them', () => {
    const { rows, columns } = readFrame([{ x: '1,5' }, { x: '' }, {}, { x: null }]);
    expect(rows).toEqual([{ x: 1.5 }, { x: null }, {}, { x: null }]);
    expect(columns[0]).toMatchObject({ kind: 'number', decimal: ',', missing: 3 });
  });

  it('refuses a numeric column that mixes the two notations', () => {
    expect(() => readFrame([{ x: '1,5' }, { x: '2,5' }, { x: '3.25' }])).toThrow(/^readFrame: column "x" mixes number notations: .*"3.25" \(row 2\)/);
  });

  it('keeps numbers as they are and refuses non-finite ones as text', () => {
    expect(readFrame([{ x: 1.5 }, { x: 2 }]).columns[0]).toMatchObject({ kind: 'number', decimal: null });
    expect(readFrame([{ x: 1 }, { x: Infinity }]).columns[0]!.kind).toBe('text');
  });

  it('reads columns named constructor, toString, valueOf, __proto__ and hasOwnProperty as data', () => {
    const names = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'];
    const row = (value: string) => Object.fromEntries(names.map((name) => [name, value]));
    const { rows, columns } = readFrame([row('1.234,5'), row('2'), {}]);
    expect(columns.map((c) => [c.name, c.kind, c.missing])).toEqual(names.map((name) => [name, 'number', 1]));
    for (const name of names) {
      expect(Object.hasOwn(rows[0]!, name), name).toBe(true);
      expect(rows[0]![name], name).toBe(1234.5);
      expect(Object.hasOwn(rows[2]!, name), name).toBe(false);
    }
  });

  it('does not change its input rows', () => {
    const input = [Object.freeze({ x: '1,5' })];
    readFrame(input);
    expect(input[0]).toEqual({ x: '1,5' });
  });

  it('names the function for bad input', () => {
    expect(() => readFrame(null as unknown as object[])).toThrow(/^readFrame: rows must be/);
    expect(() => readFrame([1 as unknown as object])).toThrow(/^readFrame: row 0 must be an object/);
    expect(() => readFrame([], { decimal: ';' as ',' })).toThrow(/^readFrame: unknown decimal/);
  });
});
