import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvInputError, parseCsv } from '../../src/csv/index';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), 'utf8');

describe('parseCsv on a Danish semicolon export (BOM, CRLF, decimal commas)', () => {
  const text = fixture('danish-export.csv');
  const csv = parseCsv(text);

  it('the fixture really starts with a BOM and uses CRLF line ends', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
  });

  it('detects the semicolon although the data holds decimal commas', () => {
    expect(csv.delimiter).toBe(';');
  });

  it('strips the BOM from the first header name and trims header names', () => {
    expect(csv.columns).toEqual(['Kommune', 'Region', 'Indbyggere', 'Indeks', 'Udfordringer', 'Kommentar']);
  });

  it('keeps a quoted semicolon inside its field', () => {
    expect(csv.rows[0]?.Kommentar).toBe('Mangler; især rådgivning');
  });

  it('keeps a quoted line break and doubled quotes inside their field', () => {
    expect(csv.rows[2]?.Kommentar).toBe('Første linje\r\nanden linje med "citat"');
  });

  it('turns empty cells into null, not the empty string', () => {
    expect(csv.rows[1]?.Kommentar).toBeNull();
    expect(csv.rows[3]?.Indeks).toBeNull();
  });

  it('keeps "Ved ikke" and numbers as text for later coding', () => {
    expect(csv.rows[1]?.Udfordringer).toBe('Ved ikke');
    expect(csv.rows[0]?.Indbyggere).toBe('632.340');
  });

  it('reads a record spanning two lines as one row and reports no issues', () => {
    expect(csv.rowCount).toBe(4);
    expect(csv.rows.map((r) => r.Kommune)).toEqual(['København', 'Aarhus', 'Odder', 'Læsø']);
    expect(csv.issues).toEqual([]);
  });
});

describe('parseCsv on a comma file', () => {
  const csv = parseCsv(fixture('comma.csv'));

  it('detects the comma and keeps quoted commas and quotes', () => {
    expect(csv.delimiter).toBe(',');
    expect(csv.rows[0]?.comment).toBe('Big, busy');
    expect(csv.rows[1]?.comment).toBe('He said "fine"');
  });

  it('pads nothing and reports nothing when every record has all fields', () => {
    expect(csv.rows[2]).toEqual({ code: '727', name: 'Odder', region: 'Midtjylland', index: null, comment: null });
    expect(csv.issues).toEqual([]);
  });
});

describe('parseCsv on ragged records', () => {
  const text = fixture('ragged.csv');

  it('reports short and long records with their 1-based line numbers', () => {
    const csv = parseCsv(text);
    expect(csv.issues.map((issue) => issue.row)).toEqual([3, 5]);
    expect(csv.issues[0]?.message).toContain('expected 3 fields, found 2');
    expect(csv.issues[1]?.message).toContain('found 4');
    expect(csv.issues[1]?.message).toContain('"z"');
  });

  it('keeps ragged records as rows, padding with null and dropping extra fields', () => {
    const csv = parseCsv(text);
    expect(csv.rowCount).toBe(4);
    expect(csv.rows[1]).toEqual({ id: '2', a: 'x', b: null });
    expect(csv.rows[2]).toEqual({ id: '3', a: 'x', b: 'y' });
  });

  it('throws a CsvInputError listing every ragged line when strict', () => {
    expect(() => parseCsv(text, { strict: true })).toThrow(CsvInputError);
    expect(() => parseCsv(text, { strict: true })).toThrow(/parseCsv: 2 records[\s\S]*line 3[\s\S]*line 5/);
  });

  it('counts line numbers past a quoted line break', () => {
    const csv = parseCsv('a;b\n"x\ny";1\n2\n');
    expect(csv.issues).toEqual([{ kind: 'ragged', row: 4, message: 'expected 2 fields, found 1 (missing fields set to null)' }]);
  });

  it('counts line numbers with CRLF and lone CR line ends alike', () => {
    expect(parseCsv('a;b\r\n1;2\r\n3\r\n').issues[0]?.row).toBe(3);
    expect(parseCsv('a;b\r1;2\r3\r').issues[0]?.row).toBe(3);
  });
});

describe('parseCsv header checks', () => {
  it('rejects duplicate header names after trimming, naming them', () => {
    expect(() => parseCsv('id; svar ;svar\n1;2;3\n')).toThrow(/parseCsv: header has duplicate column name "svar"/);
  });

  it('rejects empty header names, giving their positions', () => {
    expect(() => parseCsv('id;;svar\n1;2;3\n')).toThrow(/empty column name at position 2/);
  });
});

describe('parseCsv options and edge cases', () => {
  it('uses a given delimiter instead of detecting one', () => {
    const csv = parseCsv('a,b;c\n1,2;3\n', { delimiter: ';' });
    expect(csv.columns).toEqual(['a,b', 'c']);
  });

  it('detects a tab delimiter', () => {
    const csv = parseCsv('a\tb\n1,5\t2\n');
    expect(csv.delimiter).toBe('\t');
    expect(csv.rows).toEqual([{ a: '1,5', b: '2' }]);
  });

  it('ignores delimiters inside quoted header names when detecting', () => {
    expect(parseCsv('"a;b;c",d\n1,2\n').delimiter).toBe(',');
  });

  it('skips empty lines by default, including leading ones', () => {
    const csv = parseCsv('\n\na;b\n\n1;2\n\n');
    expect(csv.rows).toEqual([{ a: '1', b: '2' }]);
    expect(csv.issues).toEqual([]);
  });

  it("skips lines of blank fields only with skipEmptyLines: 'greedy'", () => {
    expect(parseCsv('a;b\n;\n1;2\n').rows).toEqual([{ a: null, b: null }, { a: '1', b: '2' }]);
    expect(parseCsv('a;b\n;\n1;2\n', { skipEmptyLines: 'greedy' }).rows).toEqual([{ a: '1', b: '2' }]);
  });

  it('keeps empty lines as rows of nulls, reported, with skipEmptyLines: false', () => {
    const csv = parseCsv('a;b\n\n1;2', { skipEmptyLines: false });
    expect(csv.rows).toEqual([{ a: null, b: null }, { a: '1', b: '2' }]);
    expect(csv.issues.map((i) => i.row)).toEqual([2]);
  });

  it('turns white-space-only cells into null but keeps other text untrimmed', () => {
    expect(parseCsv('a;b\n  ; x \n').rows).toEqual([{ a: null, b: ' x ' }]);
  });

  it('returns no rows and no columns for empty text or a BOM alone', () => {
    for (const text of ['', '\uFEFF', '\r\n\r\n']) {
      expect(parseCsv(text)).toEqual({ rows: [], columns: [], delimiter: ',', rowCount: 0, lines: [], encoding: 'text', issues: [] });
    }
  });

  it('returns columns and no rows for a header alone', () => {
    expect(parseCsv('a;b;c')).toMatchObject({ columns: ['a', 'b', 'c'], rowCount: 0 });
  });

  it('reports an unclosed quote as an issue, and throws on it when strict', () => {
    const csv = parseCsv('a;b\n1;"open\n');
    expect(csv.issues.length).toBeGreaterThan(0);
    expect(csv.issues[0]?.row).toBe(2);
    expect(() => parseCsv('a;b\n1;"open\n', { strict: true })).toThrow(CsvInputError);
  });

  it('names the function and what to do when arguments are wrong', () => {
    expect(() => parseCsv(42 as unknown as string)).toThrow(/^parseCsv: input must be text or bytes/);
    expect(() => parseCsv('a', { delimiter: ':' as ',' })).toThrow(/parseCsv: unknown delimiter/);
    expect(() => parseCsv('a', { strict: 'yes' as unknown as boolean })).toThrow(/parseCsv: strict/);
  });

  it('returns plain JSON-serialisable data', () => {
    const csv = parseCsv(fixture('comma.csv'));
    expect(JSON.parse(JSON.stringify(csv))).toEqual(csv);
  });
});

describe('the csv entry point stays separate from the core', () => {
  it('src/csv imports nothing from the library except src/internal and the reading layer in src/data', () => {
    // Every source file of the entry point, so a new one is checked too.
    const files = readdirSync(new URL('../../src/csv/', import.meta.url)).filter((name) => name.endsWith('.ts'));
    expect(files).toContain('index.ts');
    for (const file of files) {
      const source = readFileSync(new URL(`../../src/csv/${file}`, import.meta.url), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string);
      for (const path of imports) {
        expect(path.startsWith('./') || path.startsWith('../internal/') || path.startsWith('../data/'), `${file}: ${path}`).toBe(true);
      }
    }
  });
});

describe('parseCsv delimiter detection across records', () => {
  it('reads a ";" export whose header question texts contain more commas than semicolons', () => {
    const text = 'kommune;Udfordringer med børn, unge, familier\n101;Ret store udfordringer\n147;Mindre udfordringer\n';
    const result = parseCsv(text);
    expect(result.delimiter).toBe(';');
    expect(result.columns).toEqual(['kommune', 'Udfordringer med børn, unge, familier']);
    expect(result.issues).toEqual([]);
  });

  it('still reads a comma file whose fields hold an occasional semicolon', () => {
    const text = 'id,q\n1,a;b\n2,c\n';
    expect(parseCsv(text).delimiter).toBe(',');
  });
});
