/**
 * Id, number and weight columns whose cells are plain digits are held as doubles while the CSV
 * is read (and read from their bytes by the byte readers). Each case here compares the survey,
 * or the problems found, with `safeSurvey({ rows: parseCsv(text).rows })` on the same text, the
 * path that reads every cell as text, under both byte readers; the cases are the cells that must
 * end the digits form: leading zeros, signs, marks, empty and quoted cells, 16 digits, text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv, safeSurveyFromCsv } from '../../src/csv/index';
import { byteReader } from '../../src/csv/surveyFromCsv';
import { safeSurvey } from '../../src/data/survey';
import { scales } from '../../src/index';

const items = [{ id: 'q', scale: scales.daDegree4 }] as const;
const definition = { id: 'id', items, attributes: { pop: 'number', region: 'category' }, weight: 'w' } as const;
const labels = ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'];

/** A file of `rows` records (after a 70 kB stretch, so the byte readers take part), with `edit` applied to record `at`. */
function file(rows: number, edit?: { at: number; id?: string; pop?: string; w?: string; region?: string }): string {
  const lines = ['id,q,pop,region,w'];
  for (let i = 0; i < rows; i++) {
    const e = edit !== undefined && edit.at === i ? edit : undefined;
    const id = e?.id ?? String(i + 1);
    const pop = e?.pop ?? String(2000 + ((i * 7919) % 100000));
    const w = e?.w ?? String(1 + (i % 3));
    const region = e?.region ?? String(i % 5);
    lines.push(`${id},${labels[i % 4] as string},${pop},${region},${w}`);
  }
  return `${lines.join('\n')}\n`;
}

async function both(text: string) {
  const streamed = await safeSurveyFromCsv(new TextEncoder().encode(text), definition);
  const expected = safeSurvey({ rows: parseCsv(text).rows, ...definition });
  return { streamed, expected };
}

function same(streamed: Awaited<ReturnType<typeof both>>['streamed'], expected: ReturnType<typeof safeSurvey>): void {
  expect(streamed.ok).toBe(expected.ok);
  if (streamed.ok && expected.ok) {
    expect(streamed.survey.ids).toEqual(expected.survey.ids);
    expect(Array.from(streamed.survey.numeric('pop'))).toEqual(Array.from(expected.survey.numeric('pop')));
    expect(streamed.survey.category('region')).toEqual(expected.survey.category('region'));
    expect(streamed.survey.weights).toEqual(expected.survey.weights);
  } else if (!streamed.ok && !expected.ok) {
    expect(streamed.issues).toEqual(expected.issues);
  }
}

afterEach(() => {
  byteReader.kernel = 'wasm';
});

describe('surveyFromCsv on id, number and weight columns of plain digits', () => {
  for (const kernel of ['wasm', 'js'] as const) {
    it(`${kernel}: reads a file of plain digits as the text path does`, async () => {
      byteReader.kernel = kernel;
      const { streamed, expected } = await both(file(6000));
      expect(streamed.ok && streamed.survey.size).toBe(6000);
      same(streamed, expected);
    });

    const endings: [string, { id?: string; pop?: string; w?: string }][] = [
      ['an id with a leading zero ("007" and "7" are two ids)', { id: '007' }],
      ['an id of 16 digits', { id: '1234567890123456' }],
      ['an id of text', { id: 'x12' }],
      ['an id with a sign', { id: '+5' }],
      ['an empty id', { id: '' }],
      ['a quoted id', { id: '"4242"' }],
      ['a repeated id', { id: '17' }],
      ['a number with a decimal comma', { pop: '"1,5"' }],
      ['a number with a thousands dot', { pop: '104.305' }],
      ['a negative number', { pop: '-3' }],
      ['a number with spaces around it', { pop: ' 12 ' }],
      ['a number that is text', { pop: 'ved ikke' }],
      ['an empty weight', { w: '' }],
      ['a weight of 0.5', { w: '0.5' }],
      ['an id of a million digits', { id: '7'.repeat(1_000_000) }],
    ];
    for (const [name, edit] of endings) {
      for (const at of [0, 3000, 5999]) {
        it(`${kernel}: ${name} at record ${at} gives what the text path gives`, async () => {
          byteReader.kernel = kernel;
          const { streamed, expected } = await both(file(6000, { at, ...edit }));
          same(streamed, expected);
        });
      }
    }
  }

  it('keeps "007" and "7" apart and "0" as an id', async () => {
    const text = 'id,q,pop,region,w\n007,Slet ikke,1,a,1\n7,Slet ikke,2,b,1\n0,I høj grad,3,c,1\n';
    const { streamed, expected } = await both(text);
    same(streamed, expected);
    expect(streamed.ok && streamed.survey.ids).toEqual(['007', '7', '0']);
  });

  it('reports a repeated id with the message of the text path', async () => {
    const { streamed } = await both(file(5000, { at: 4000, id: '17' }));
    expect(streamed.ok).toBe(false);
    if (!streamed.ok) expect(streamed.issues.map((issue) => issue.message)).toContain('respondent id "17" occurs 2 times (rows 16, 4000, 0-based); remove the repeats or pass duplicates: \'first\' or \'last\'');
  });
});

describe('surveyFromCsv on a category column read from its dictionary', () => {
  it('gives the keys of the text path for spaces, Unicode forms and missing-value spellings', async () => {
    const cells = ['Region Sjælland', ' Region Sjælland ', 'Region Sjae\u0301lland', 'NA', '', 'Region Nordjylland', '"Region Nordjylland"', '  ', 'n/a'];
    const lines = ['id,q,pop,region,w'];
    for (let i = 0; i < 5000; i++) lines.push(`${i + 1},${labels[i % 4] as string},${1000 + i},${cells[(i * 7) % cells.length] as string},1`);
    const text = `${lines.join('\n')}\n`;
    for (const kernel of ['wasm', 'js'] as const) {
      byteReader.kernel = kernel;
      const { streamed, expected } = await both(text);
      same(streamed, expected);
    }
  });
});

describe('surveyFromCsv on digit columns with prototype-named headers', () => {
  it('reads "__proto__" as the id column and "constructor" as a number column as the text path does', async () => {
    const lines = ['__proto__;q;constructor'];
    for (let i = 0; i < 3000; i++) lines.push(`${i + 1};${labels[i % 4] as string};${(i * 37) % 1000}`);
    const text = `${lines.join('\r\n')}\r\n`;
    const def = { id: '__proto__', items, attributes: { constructor: 'number' } } as const;
    for (const kernel of ['wasm', 'js'] as const) {
      byteReader.kernel = kernel;
      const streamed = await safeSurveyFromCsv(new TextEncoder().encode(text), def);
      const expected = safeSurvey({ rows: parseCsv(text).rows, ...def });
      expect(streamed.ok && expected.ok).toBe(true);
      if (streamed.ok && expected.ok) {
        expect(streamed.survey.ids).toEqual(expected.survey.ids);
        expect(Array.from(streamed.survey.numeric('constructor'))).toEqual(Array.from(expected.survey.numeric('constructor')));
      }
    }
  });
});
