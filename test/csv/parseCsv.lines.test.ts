import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/csv/index';

// Every expected value here is read off the literal input by hand: line 1 is the header, and each
// CRLF, LF or lone CR (inside quotes too) starts a new line.

describe('parseCsv splits records at every unquoted line end, whatever the mix (RFC 4180)', () => {
  it('does not merge two respondents when a CRLF file has one bare LF', () => {
    const csv = parseCsv('id;svar\r\n1;Ja\r\n2;Nej\n3;Ja\r\n4;Nej\r\n');
    expect(csv.rows).toEqual([
      { id: '1', svar: 'Ja' },
      { id: '2', svar: 'Nej' },
      { id: '3', svar: 'Ja' },
      { id: '4', svar: 'Nej' },
    ]);
    expect(csv.lines).toEqual([2, 3, 4, 5]);
    expect(csv.issues).toEqual([]);
  });

  it('does not merge records when a CRLF file has one lone CR', () => {
    const csv = parseCsv('id;svar\r\n1;Ja\r2;Nej\r\n');
    expect(csv.rows.map((r) => r.id)).toEqual(['1', '2']);
    expect(csv.rows[0]?.svar).toBe('Ja');
    expect(csv.lines).toEqual([2, 3]);
  });

  it('reads an LF file with one CRLF without a stray CR in the cell', () => {
    const csv = parseCsv('id,svar\n1,Ja\r\n2,Nej\n');
    expect(csv.rows).toEqual([
      { id: '1', svar: 'Ja' },
      { id: '2', svar: 'Nej' },
    ]);
    expect(csv.lines).toEqual([2, 3]);
  });

  it('reads an old Mac file with CR line ends only', () => {
    const csv = parseCsv('id;svar\r1;Ja\r2;"Ved ikke"\r');
    expect(csv.rows).toEqual([
      { id: '1', svar: 'Ja' },
      { id: '2', svar: 'Ved ikke' },
    ]);
    expect(csv.lines).toEqual([2, 3]);
  });

  it('keeps CRLF, LF and CR inside quoted fields exactly, and counts them as lines', () => {
    const csv = parseCsv('id;note\r\n1;"a\r\nb"\r\n2;"c\nd\re"\r\n3;x\r\n');
    expect(csv.rows.map((r) => r.note)).toEqual(['a\r\nb', 'c\nd\re', 'x']);
    // record 1 spans lines 2–3, record 2 spans lines 4–6
    expect(csv.lines).toEqual([2, 4, 7]);
  });

  it('reads a final line without a line terminator', () => {
    const csv = parseCsv('id;svar\r\n1;Ja\r\n2;Nej');
    expect(csv.rows).toEqual([
      { id: '1', svar: 'Ja' },
      { id: '2', svar: 'Nej' },
    ]);
    expect(csv.lines).toEqual([2, 3]);
  });

  it('reads a final quoted field without a line terminator, and a trailing delimiter as an empty last field', () => {
    expect(parseCsv('a;b\n1;"x"').rows).toEqual([{ a: '1', b: 'x' }]);
    expect(parseCsv('a;b\n1;').rows).toEqual([{ a: '1', b: null }]);
  });

  it('still gives the right lines after skipped blank lines of every kind', () => {
    const csv = parseCsv('\r\nid;svar\r\n\r\n1;Ja\n\n\r2;Nej\r\n\r\n');
    // line 1 empty, header on line 2, 3 empty, record on 4, 5 and 6 empty, record on 7
    expect(csv.rows.map((r) => r.id)).toEqual(['1', '2']);
    expect(csv.lines).toEqual([4, 7]);
  });

  it('gives blank lines kept with skipEmptyLines: false their own lines', () => {
    const csv = parseCsv('a\r\n1\r\n\n2\r\n', { skipEmptyLines: false });
    expect(csv.rows).toEqual([{ a: '1' }, { a: null }, { a: '2' }]);
    expect(csv.lines).toEqual([2, 3, 4]);
  });

  it('keeps a line holding only a quoted empty field as a row of null (it is not an empty line)', () => {
    const csv = parseCsv('svar\nJa\n""\nNej\n');
    expect(csv.rows).toEqual([{ svar: 'Ja' }, { svar: null }, { svar: 'Nej' }]);
    expect(csv.lines).toEqual([2, 3, 4]);
  });
});

describe('parseCsv reports issues on the file\u2019s real lines', () => {
  it('puts a ragged record after a quoted CRLF and a bare LF on its real line', () => {
    const csv = parseCsv('id;note\r\n1;"two\r\nlines"\r\n2;x\n3\r\n');
    expect(csv.issues).toEqual([{ kind: 'ragged', row: 5, message: 'expected 2 fields, found 1 (missing fields set to null)' }]);
    expect(csv.lines).toEqual([2, 4, 5]);
  });

  it('reports an unclosed quote on the line where its record starts, keeping the rest as the field', () => {
    const csv = parseCsv('id;note\n1;ok\n2;"never\nclosed\n');
    expect(csv.issues).toEqual([expect.objectContaining({ kind: 'quote', row: 3 })]);
    expect(csv.issues[0]?.message).toContain('not closed');
    expect(csv.rows[1]).toEqual({ id: '2', note: 'never\nclosed\n' });
  });

  it('reports text after a closing quote and keeps it in the field', () => {
    const csv = parseCsv('id;note\n1;"a"b;2\n', { delimiter: ';' });
    expect(csv.issues[0]).toMatchObject({ kind: 'quote', row: 2 });
    expect(csv.issues[0]?.message).toContain('"b"');
    expect(csv.rows[0]?.note).toBe('ab');
  });

  it('keeps a quote inside an unquoted field as text, without an issue', () => {
    const csv = parseCsv('id;note\n1;5" skærm\n');
    expect(csv.rows[0]?.note).toBe('5" skærm');
    expect(csv.issues).toEqual([]);
  });

  it('has one line per row, in row order, also for ragged records', () => {
    const csv = parseCsv('a,b\n1\n2,3,4\n5,6\n');
    expect(csv.lines).toEqual([2, 3, 4]);
    expect(csv.lines.length).toBe(csv.rowCount);
  });
});
