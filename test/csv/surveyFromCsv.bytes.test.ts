import { describe, expect, it } from 'vitest';
import { CsvInputError, parseCsv, safeSurveyFromCsv, surveyFromCsv } from '../../src/csv/index';
import { safeSurvey, scales, type Survey } from '../../src/index';

// surveyFromCsv reads byte chunks as they arrive, so a chunk may end anywhere: inside a record,
// a quoted field or a multi-byte character. The reference is parseCsv on the whole text
// followed by survey({ rows }).

const definition = {
  id: 'kode',
  items: [
    { id: 'q1', scale: scales.daDegree4 },
    { id: 'q2', scale: scales.daDegree4 },
  ],
  attributes: { region: 'category' as const },
};

function contents(s: Survey): unknown {
  return { ids: s.ids, q1: Array.from(s.item('q1').codes), q2: Array.from(s.item('q2').codes), region: s.category('region') };
}

async function* pieces(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.slice(start, cut);
    start = cut;
  }
}

// 'ø' and 'æ' are two bytes in UTF-8, '“' and '”' three.
const lines = ['kode;region;q1;q2'];
for (let i = 1; i <= 30; i++) {
  const answers = ['I høj grad', 'I meget høj grad', 'Slet ikke', '', 'I mindre grad', '“Ved ikke”'];
  lines.push(`${i};${i % 3 === 0 ? 'Sjælland' : 'Hovedstaden'};${answers[i % 6]};${answers[(i * 5) % 6]}`);
}
const text = `${lines.join('\n')}\n`;
const bytes = new TextEncoder().encode(text);
const expected = safeSurvey({ rows: parseCsv(text).rows, ...definition });

describe('surveyFromCsv on bytes', () => {
  it('reads the same survey when two chunks meet at any byte, also inside a two- or three-byte character', async () => {
    expect(expected.ok).toBe(true);
    if (!expected.ok) return;
    // Every cut position, among them the middle of each 'ø', 'æ', '“' and '”'.
    let insideCharacter = 0;
    for (let cut = 1; cut < bytes.length; cut++) {
      if (((bytes[cut] as number) & 0xc0) === 0x80) insideCharacter++;
      const s = await surveyFromCsv(pieces(bytes, [cut]), definition);
      expect(contents(s)).toEqual(contents(expected.survey));
    }
    expect(insideCharacter).toBeGreaterThan(60);
  });

  it('reads the same survey from one-byte chunks', async () => {
    if (!expected.ok) return;
    const cuts = Array.from({ length: bytes.length - 1 }, (_, k) => k + 1);
    const s = await surveyFromCsv(pieces(bytes, cuts), definition);
    expect(contents(s)).toEqual(contents(expected.survey));
  });

  it('reports a byte that is not UTF-8 at its exact offset and line', async () => {
    const broken = new Uint8Array([...new TextEncoder().encode('kode;region;q1;q2\n1;Nord;I høj grad;Slet ikke\n2;Nord;I h'), 0xf8, ...new TextEncoder().encode('j grad;\n')]);
    // 18 bytes of header, 29 of the first record ('ø' is two), then '2;Nord;I h': the bad byte is at 57.
    await expect(surveyFromCsv(broken, definition)).rejects.toThrow(/not valid UTF-8: byte offset 57 \(line 3\)/);
  });

  it('keeps a quoted record, an empty line and a ragged record between fast ones exact, with their lines', async () => {
    const mixed = 'kode;region;q1;q2\r\n1;Nord;I høj grad;Slet ikke\r\n\r\n2;"Sjæl\r\nland";"I høj grad";\r\n3;Nord\r\n4;Syd;I mindre grad;I høj grad';
    const csv = parseCsv(mixed);
    const reference = safeSurvey({ rows: csv.rows, ...definition });
    for (const cut of [5, 30, 33, 47, 60, 70]) {
      const actual = await safeSurveyFromCsv(pieces(new TextEncoder().encode(mixed), [cut]), definition);
      expect(actual.csv.lines).toEqual([2, 4, 6, 7]);
      expect(actual.csv.issues).toEqual(csv.issues);
      expect(actual.ok).toBe(reference.ok);
      if (actual.ok && reference.ok) expect(contents(actual.survey)).toEqual(contents(reference.survey));
    }
  });
});

describe('surveyFromCsv at the boundary', () => {
  it('reads prototype-named columns and a 256 kB cell as parseCsv + survey() do', async () => {
    const huge = 'x'.repeat(256 * 1024);
    const text = `__proto__;constructor;toString;q1\r\n1;Nord;${huge};I høj grad\r\n2;Syd;kort;Slet ikke\r\n`;
    const def = { id: '__proto__', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { constructor: 'category' as const, toString: 'category' as const } };
    const reference = safeSurvey({ ...def, rows: parseCsv(text).rows });
    expect(reference.ok).toBe(true);
    for (const chunk of [4096]) {
      const bytes = new TextEncoder().encode(text);
      const pieces = (async function* () {
        for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
      })();
      const s = await surveyFromCsv(pieces, def);
      const expected = reference.ok ? reference.survey : null;
      expect(s.ids).toEqual(['1', '2']);
      expect(s.category('toString')).toEqual(expected!.category('toString'));
      expect(s.category('toString')[0]).toHaveLength(huge.length);
      expect(s.category('constructor')).toEqual(['Nord', 'Syd']);
      expect(Array.from(s.item('q1').codes)).toEqual(Array.from(expected!.item('q1').codes));
    }
  });
});

describe('surveyFromCsv on bytes past the first 64 kB (read by the byte reader)', () => {
  const answers = ['I høj grad', 'I meget høj grad', 'Slet ikke', '', 'I mindre grad', '“Ved ikke”', 'i  HØJ grad'];
  const big = ['kode;region;q1;q2'];
  for (let i = 1; i <= 6000; i++) {
    const region = i % 7 === 0 ? '"Sjæl\r\nland"' : i % 3 === 0 ? 'Sjælland' : 'Hovedstaden';
    big.push(i % 1000 === 500 ? `${i};Nord` : `${i};${region};${answers[i % 7]};${answers[(i * 5) % 7]}`);
    if (i % 2500 === 0) big.push('');
  }
  const bigText = `${big.join('\r\n')}\r\n`;
  const bigBytes = new TextEncoder().encode(bigText);

  it('reads whole bytes, and chunks cut at 70 kB and 140 kB, as parseCsv + survey() do, ragged and quoted records included', async () => {
    expect(bigBytes.length).toBeGreaterThan(3 * 65536);
    const csv = parseCsv(bigText);
    const reference = safeSurvey({ rows: csv.rows, ...definition, unknown: 'missing' });
    expect(reference.ok).toBe(true);
    for (const input of [bigBytes, pieces(bigBytes, [70_000, 140_001])]) {
      const actual = await safeSurveyFromCsv(input, { ...definition, unknown: 'missing' });
      expect(actual.csv.lines).toEqual(csv.lines);
      expect(actual.csv.issues).toEqual(csv.issues);
      expect(actual.csv.issues).toHaveLength(6);
      expect(actual.ok && reference.ok && contents(actual.survey)).toEqual(reference.ok && contents(reference.survey));
    }
  });

  it('reports a bad byte past the first 64 kB at the offset and line parseCsv gives', async () => {
    const at = bigBytes.indexOf(10, 150_000) + 1; // the start of a record well past 64 kB
    const broken = Uint8Array.from([...bigBytes.subarray(0, at), 0x31, 0x3b, 0xf8, ...bigBytes.subarray(at)]);
    let reference: unknown;
    try {
      parseCsv(broken);
    } catch (error) {
      reference = error;
    }
    expect(reference).toBeInstanceOf(CsvInputError);
    const issue = (reference as CsvInputError).issues[0];
    expect(issue?.offset).toBe(at + 2);
    await expect(surveyFromCsv(broken, definition)).rejects.toMatchObject({ issues: (reference as CsvInputError).issues });
  });
});
