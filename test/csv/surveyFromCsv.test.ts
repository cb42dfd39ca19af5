import { describe, expect, it } from 'vitest';
import { CsvInputError, parseCsv, safeSurveyFromCsv, surveyFromCsv } from '../../src/csv/index';
import { survey, SurveyInputError, scales } from '../../src/index';

const definition = { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { region: 'category' } } as const;

async function* bytesOneByOne(text: string): AsyncGenerator<Uint8Array> {
  for (const byte of new TextEncoder().encode(text)) yield Uint8Array.of(byte);
}

describe('surveyFromCsv', () => {
  it('reads a quoted field with a line break and a doubled quote split into one-byte chunks', async () => {
    const text = '\uFEFFid;region;q\r\n1;"Nord\r\n""jylland""";I høj grad\r\n2;Syd;"Ved ikke"\r\n';
    const s = await surveyFromCsv(bytesOneByOne(text), definition);
    expect(s.ids).toEqual(['1', '2']);
    expect(s.category('region')).toEqual(['Nord\r\n"jylland"', 'Syd']);
    expect(Array.from(s.item('q').codes)).toEqual([2, 4]);
  });

  it('keeps columns with thousands of distinct spellings and hundreds of distinct answers exact', async () => {
    const n = 6000;
    const answers = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'I høj grad' : `${' '.repeat(i % 600)}Slet ikke`));
    const text = `id,region,q\n${answers.map((a, i) => `${n - i},R${i % 7},${a}`).join('\n')}\n`;
    const s = await surveyFromCsv(text, definition);
    const expected = survey({ rows: parseCsv(text).rows, ...definition });
    expect(s.ids).toEqual(expected.ids);
    expect(s.item('q').codes).toEqual(expected.item('q').codes);
    expect(s.item('q').n).toEqual({ total: n, answered: n, substantive: n, missing: 0, invalid: 0, nonSubstantive: 0 });
  });

  it('names the rows of unknown labels as survey() does, and gives each row its line', async () => {
    const text = 'id;q\n\n1;Maybe\n2;"Maybe"\n3;I høj grad\n';
    const result = await safeSurveyFromCsv(text, { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }] });
    expect(result.ok).toBe(false);
    expect(result.csv.lines).toEqual([3, 4, 5]);
    if (result.ok) return;
    expect(result.issues[0]?.unknown).toEqual([{ value: 'Maybe', count: 2, positions: [0, 1] }]);
    await expect(surveyFromCsv(text, { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }] })).rejects.toThrow(SurveyInputError);
    await expect(surveyFromCsv(text, { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }] })).rejects.toThrow(/^surveyFromCsv: 1 problem in the survey data/);
  });

  it('reports invalid UTF-8 in whole bytes with the offset and line parseCsv gives', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('id;q\n1;I h'), 0xf8, ...new TextEncoder().encode('j grad\n')]);
    let expected: unknown;
    try {
      parseCsv(bytes);
    } catch (error) {
      expected = (error as CsvInputError).issues;
    }
    await expect(surveyFromCsv(bytes, definition)).rejects.toMatchObject({ name: 'CsvInputError', issues: expected });
  });

  it('rejects data in the definition, unknown options and inputs of other types', async () => {
    await expect(surveyFromCsv('id\n1\n', { ...definition, rows: [] } as never)).rejects.toThrow(/surveyFromCsv: the definition must not hold data/);
    expect(() => surveyFromCsv('id\n1\n', definition, { delimeter: ';' } as never)).toThrow(/surveyFromCsv: unknown option "delimeter"/);
    await expect(surveyFromCsv(42 as never, definition)).rejects.toThrow(/surveyFromCsv: input must be CSV text/);
  });

  it('throws under strict for a ragged record, naming its line', async () => {
    await expect(surveyFromCsv('id;q\n1;I høj grad;x\n', definition, { strict: true })).rejects.toThrow(/line 2: expected 2 fields, found 3/);
  });
});
