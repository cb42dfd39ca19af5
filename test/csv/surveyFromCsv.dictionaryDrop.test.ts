/**
 * A column that gives up its dictionary (more than 4096 distinct cells) while the text reader
 * reads quoted records must keep every later cell in its row, also the cells the byte reader
 * then finds among the spellings it learnt before. Found by a review: before the fix, such cells
 * were dropped without a word and every later value moved to an earlier respondent.
 * Each survey is compared with `survey({ rows: parseCsv(text).rows })` on the same text.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, surveyFromCsv } from '../../src/csv/index';
import { scales, survey } from '../../src/index';

const items = [{ id: 'q', scale: scales.daDegree4 }] as const;

describe('surveyFromCsv on a column that drops its dictionary among quoted records', () => {
  it('keeps a numeric column whose repeated value comes in unquoted records in its rows', async () => {
    const lines = ['id,q,inc'];
    for (let i = 0; i < 6000; i++) lines.push(i % 10 === 0 ? `${i},I høj grad,1000` : `${i},"I mindre grad",${100000 + i}`);
    const text = `${lines.join('\n')}\n`;
    const definition = { id: 'id', items, attributes: { inc: 'number' } } as const;
    const streamed = await surveyFromCsv(new TextEncoder().encode(text), definition);
    const expected = survey({ rows: parseCsv(text).rows, ...definition });
    expect(streamed.size).toBe(6000);
    expect(Array.from(streamed.numeric('inc'))).toEqual(Array.from(expected.numeric('inc')));
  });

  it('keeps a text column of empty cells between distinct quoted comments in its rows (";", CRLF)', async () => {
    const lines = ['id;q;note'];
    for (let i = 0; i < 8000; i++) lines.push(((i * 2654435761) >>> 0) % 7 < 2 ? `${i};I høj grad;` : `${i};I høj grad;"comment; no. ${i}"`);
    const text = `${lines.join('\r\n')}\r\n`;
    const definition = { id: 'id', items, attributes: { note: 'category' } } as const;
    const streamed = await surveyFromCsv(new TextEncoder().encode(text), definition);
    const expected = survey({ rows: parseCsv(text).rows, ...definition });
    expect(streamed.category('note')).toEqual(expected.category('note'));
    expect(streamed.category('note')[7999]).toBe(expected.category('note')[7999]);
  });
});
