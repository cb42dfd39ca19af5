import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryKey } from '../../src/data/keys';
import { likert } from '../../src/data/likert';
import { isMissingValue } from '../../src/data/missing';
import { isMissingValue as isMissingFromSource, readSource, sourceFromColumns, sourceFromRows, sourceFromTable } from '../../src/data/source';
import { safeSurvey, survey, type SurveyDefinition } from '../../src/data/survey';
import { MISSING } from '../../src/data/types';
import { normalizeLabel } from '../../src/scale/normalizeLabel';
import { scales } from '../../src/scale/presets';

const d4 = scales.daDegree4;

/** A tiny Arrow-like table over plain columns. */
function table(columns: Record<string, readonly unknown[]>, numRows: number) {
  return {
    numRows,
    schema: { fields: Object.keys(columns).map((name) => ({ name })) },
    getChild: (name: string) => (Object.hasOwn(columns, name) ? { get: (i: number) => columns[name]![i] } : null),
  };
}

describe('the missing rule', () => {
  it('treats zero-width spaces, soft hyphens, word joiners, a BOM and no-break spaces as blank', () => {
    for (const v of ['\u200B', ' \u200C\u200D ', '\u2060', '\u00AD', '\uFEFF', '\u00A0\t\n', '\u3000', '\u200E\u200F', '\u202A\u202C', '\u2066\u2069']) {
      expect(isMissingValue(v), JSON.stringify(v)).toBe(true);
    }
  });

  it('keeps text with a visible character, zero, false and objects as values', () => {
    for (const v of ['\u200Bx', '0', '-', 0, -0, false, Infinity, {}, [], new Date(0)]) {
      expect(isMissingValue(v), String(v)).toBe(false);
    }
  });

  it('is the same function whether imported from missing.ts or source.ts', () => {
    expect(isMissingFromSource).toBe(isMissingValue);
  });

  it('agrees with likert and normalizeLabel on every string: missing exactly when the label normalises to ""', () => {
    const alphabet = fc.constantFrom(' ', '\t', '\u00A0', '\u200B', '\u200D', '\u200F', '\u202E', '\u2068', '\u00AD', '\u2060', '\uFEFF', '"', "'", '“', '´', 'a', 'é', '3');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 6 }).map((chars) => chars.join('')), (text) => {
        const blank = normalizeLabel(text) === '';
        expect(isMissingValue(text)).toBe(blank);
        const column = likert([text], d4, { unknown: 'missing' });
        expect(column.codes[0] === MISSING).toBe(blank);
      }),
      { numRuns: 500 },
    );
  });
});

describe('categoryKey', () => {
  it('trims white space and invisible characters at the ends, and composes to NFC', () => {
    expect(categoryKey('  Hovedstaden\u200B ')).toBe('Hovedstaden');
    expect(categoryKey('\uFEFFSj\u00E6lland')).toBe('Sjælland');
    expect(categoryKey('Ka\u030Arup')).toBe('K\u00E5rup'); // a + combining ring → å
    expect(categoryKey('Nord  Jylland')).toBe('Nord  Jylland'); // inner spacing is kept
  });

  it('gives missing cells null', () => {
    for (const v of [null, undefined, NaN, '', ' \u200B ']) expect(categoryKey(v)).toBeNull();
  });

  it('writes numbers as plain decimal text and BigInts with all their digits', () => {
    expect(categoryKey(101)).toBe('101');
    expect(categoryKey(-0)).toBe('0');
    expect(categoryKey(0.1)).toBe('0.1');
    expect(categoryKey(1e21)).toBe('1000000000000000000000');
    expect(categoryKey(1.5e-7)).toBe('0.00000015');
    expect(categoryKey(-1.2e-10)).toBe('-0.00000000012');
    expect(categoryKey(2n ** 60n + 1n)).toBe('1152921504606846977');
    expect(categoryKey(true)).toBe('true');
  });

  it('refuses a Date, a plain object, Infinity and a symbol, naming the value', () => {
    expect(() => categoryKey(new Date(Date.UTC(2024, 0, 2)))).toThrow(/^categoryKey: a Date \(2024-01-02T00:00:00\.000Z\) is not a category/);
    expect(() => categoryKey({ kode: 101 })).toThrow(/^categoryKey: an object \{"kode":101\} is not a category; convert it/);
    expect(() => categoryKey(Infinity)).toThrow(/^categoryKey: Infinity is not a category/);
    expect(() => categoryKey(Symbol('x'))).toThrow(/^categoryKey: a symbol \(x\)/);
  });
});

describe('lookups read own properties only', () => {
  const items = [{ id: 'q', scale: d4 }];

  it('reports a column named like an Object.prototype member as not in the data when rows lack it', () => {
    for (const name of ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__']) {
      const result = safeSurvey({ rows: [{ id: 1, q: 'Slet ikke' }], id: 'id', items, attributes: { [name]: 'category' } });
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => [i.kind, i.column])).toEqual([['missing-column', name]]);
    }
  });

  it('reads prototype-named columns that the rows hold as ordinary data', () => {
    const rows = [
      { id: 1, q: 'Slet ikke', constructor: 'Nord', toString: 'a', valueOf: 3, hasOwnProperty: 'x' },
      { id: 2, q: 'I høj grad', constructor: 'Syd', toString: 'b', valueOf: 4, hasOwnProperty: 'y' },
    ];
    const s = survey({
      rows,
      id: 'id',
      items,
      attributes: { constructor: 'category' as const, toString: 'category' as const, valueOf: 'number' as const, hasOwnProperty: 'category' as const },
    });
    expect(s.category('constructor')).toEqual(['Nord', 'Syd']);
    expect(s.category('toString')).toEqual(['a', 'b']);
    expect(Array.from(s.numeric('valueOf'))).toEqual([3, 4]);
    expect(s.category('hasOwnProperty')).toEqual(['x', 'y']);
  });

  it('reads an own __proto__ property from JSON.parse, but not the prototype an object literal sets', () => {
    const parsed = JSON.parse('[{"id": 1, "q": "Slet ikke", "__proto__": "Nord"}]') as object[];
    // The attributes record needs an own "__proto__" key too, which only JSON.parse (or
    // Object.defineProperty) gives.
    const attributes = JSON.parse('{"__proto__": "category"}') as Record<string, 'category'>;
    const s = survey({ rows: parsed, id: 'id', items, attributes });
    expect(s.category('__proto__')).toEqual(['Nord']);
    // In a literal, `__proto__: …` sets the prototype and creates no property.
    const literal = [{ id: 1, q: 'Slet ikke', __proto__: { region: 'Nord' } }];
    const result = safeSurvey({ rows: literal, id: 'id', items, attributes: { region: 'category' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => [i.kind, i.column])).toEqual([['missing-column', 'region']]);
  });

  it('reads only own columns from a columns object, whichever their name', () => {
    const columns = JSON.parse('{"id": [1], "q": ["Slet ikke"], "__proto__": ["Nord"], "constructor": ["Syd"]}') as Record<string, unknown[]>;
    const attributes = JSON.parse('{"__proto__": "category", "constructor": "category"}') as Record<string, 'category'>;
    const s = survey({ columns, id: 'id', items, attributes });
    expect(s.category('__proto__')).toEqual(['Nord']);
    expect(s.category('constructor')).toEqual(['Syd']);
    const source = sourceFromColumns('t', { id: [1] });
    expect(source.column('toString')).toBeUndefined();
    expect(source.column('hasOwnProperty')).toBeUndefined();
  });

  it('reads only own properties from rows given as any iterable', () => {
    function* rows() {
      yield { id: 1, q: 'Slet ikke' };
    }
    const source = sourceFromRows('t', rows(), ['id', 'toString']);
    expect(source.column('toString')).toBeUndefined();
    expect(Array.from(source.column('id')!)).toEqual([1]);
  });
});

describe('BigInt cells agree on every path', () => {
  const big = 2n ** 60n + 1n;
  const rows = [
    { id: big, q: 1, k: big, n: 5n },
    { id: 7n, q: 2, k: 3n, n: 6n },
  ];
  const columns = { id: [big, 7n], q: [1, 2], k: [big, 3n], n: BigInt64Array.from([5n, 6n]) };
  const inputs = {
    rows: { rows },
    columns: { columns },
    table: { table: table({ id: [big, 7n], q: [1, 2], k: [big, 3n], n: [5n, 6n] }, 2) },
  };

  for (const [kind, input] of Object.entries(inputs)) {
    it(`keeps all digits in ids and categories and reads small ones as numbers, from ${kind}`, () => {
      const s = survey({ ...input, id: 'id', items: [{ id: 'q', scale: d4 }], attributes: { k: 'category', n: 'number' } });
      expect(s.ids).toEqual(['1152921504606846977', '7']);
      expect(s.category('k')).toEqual(['1152921504606846977', '3']);
      expect(Array.from(s.numeric('n'))).toEqual([5, 6]);
      expect(Array.from(s.item('q').codes)).toEqual([0, 1]);
    });

    it(`refuses a BigInt beyond 2^53 in a numeric attribute rather than rounding it, from ${kind}`, () => {
      const result = safeSurvey({ ...input, id: 'id', items: [{ id: 'q', scale: d4 }], attributes: { k: 'number' } });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => [i.kind, i.column, i.rows])).toEqual([['bad-number', 'k', [0]]]);
    });
  }
});

describe('ids and categories that are not text', () => {
  it('refuses object ids, naming the row, instead of collapsing them to "[object Object]"', () => {
    const rows = [
      { id: { kode: 101 }, q: 'Slet ikke' },
      { id: { kode: 147 }, q: 'Slet ikke' },
      { id: 151, q: 'Slet ikke' },
    ];
    const result = safeSurvey({ rows, id: 'id', items: [{ id: 'q', scale: d4 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]!.kind).toBe('bad-id');
      expect(result.issues[0]!.rows).toEqual([0, 1]);
      expect(result.issues[0]!.message).toBe(
        '2 respondent ids in "id" are neither text nor a number: an object {"kode":101} (row 0), an object {"kode":147} (row 1) (0-based); turn them into text or numbers before reading',
      );
    }
  });

  it('refuses a Date as a category, naming the row', () => {
    const rows = [
      { id: 1, q: 'Slet ikke', when: 'maj' },
      { id: 2, q: 'Slet ikke', when: new Date(Date.UTC(2024, 4, 1)) },
    ];
    const result = safeSurvey({ rows, id: 'id', items: [{ id: 'q', scale: d4 }], attributes: { when: 'category' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => [i.kind, i.column, i.rows])).toEqual([['bad-category', 'when', [1]]]);
      expect(result.issues[0]!.message).toMatch(/a Date \(2024-05-01T00:00:00\.000Z\) \(row 1\)/);
    }
  });

  it('makes one respondent of the id 101 and the id "101"', () => {
    const result = safeSurvey({ rows: [{ id: 101, q: 1 }, { id: ' 101 ', q: 2 }], id: 'id', items: [{ id: 'q', scale: d4 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => [i.kind, i.values])).toEqual([['duplicate-id', ['101']]]);
  });
});

describe('empty data', () => {
  const items = [{ id: 'q', scale: d4 }];
  const expected = [
    {
      kind: 'no-respondents',
      message:
        'the data hold no respondents (0 rows); check that the data were read (a CSV file needs a header line and at least one data line) and that no filter removed every row',
    },
  ];

  it('gives the same clear message for empty rows, empty columns, no columns and an empty table', () => {
    const inputs: Pick<SurveyDefinition, 'rows' | 'columns' | 'table'>[] = [
      { rows: [] },
      { rows: (function* () {})() },
      { columns: { id: [], q: [] } },
      { columns: {} },
      { table: table({ id: [], q: [] }, 0) },
    ];
    for (const input of inputs) {
      const result = safeSurvey({ ...input, id: 'id', items });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues).toEqual(expected);
    }
  });

  it('throws that message from survey()', () => {
    expect(() => survey({ rows: [], id: 'id', items })).toThrow(/^survey: 1 problem in the survey data:\n {2}- the data hold no respondents \(0 rows\)/);
  });
});

describe('closest column suggestions', () => {
  const items = (column: string) => [{ id: 'q', column, scale: d4 }];
  const missingMessage = (rows: object[], column: string) => {
    const result = safeSurvey({ rows, id: 'id', items: items(column) });
    if (result.ok) throw new Error('expected a missing column');
    return result.issues[0]!.message;
  };

  it('names the closest of several long headers, not the first one', () => {
    const row = {
      id: 1,
      'I hvilken grad oplever kommunen udfordringer med rekruttering?': 'Slet ikke',
      'I hvilken grad oplever kommunen udfordringer med fastholdelse?': 'Slet ikke',
      'I hvilken grad oplever kommunen udfordringer med økonomien i 2024?': 'Slet ikke',
    };
    // 9 edits away ("en i 2024"), the other long headers 10 and 11; every header is more than
    // 4 edits away, where the old capped distance made them all tie and named the first column.
    const message = missingMessage([row], 'I hvilken grad oplever kommunen udfordringer med økonomi?');
    expect(message).toMatch(/did you mean "I hvilken grad oplever kommunen udfordringer med økonomien i 2024\?"\?$/);
  });

  it('suggests nothing when no header is close', () => {
    expect(missingMessage([{ id: 1, region: 'x' }], 'indbyggertal')).toBe('column "indbyggertal" (item "q") is not in the data');
  });

  it('finds a header written in NFD (decomposed letters) when asked in NFC', () => {
    // "å" is "a" + U+030A COMBINING RING ABOVE in NFD.
    const row = { id: 1, 'Tilfredshed med sagsbehandlingen': 'x', 'Tilfredshed pa\u030A plejehjem': 'x' };
    const message = missingMessage([row], 'Tilfredshed p\u00E5 plejehjem');
    expect(message).toContain('; the data has "Tilfredshed pa\u030A plejehjem", which differs only in case, Unicode form');
  });

  it('finds a header that carries a stray byte-order mark, and shows the mark', () => {
    const row = { '\uFEFFkommunekode': 1, id: 1, kommunenavn: 'x' };
    const result = safeSurvey({ rows: [row], id: 'kommunekode', items: [{ id: 'kommunenavn', scale: d4 }], unknown: 'missing' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]!.message).toBe(
        'column "kommunekode" (respondent id) is not in the data; the data has "\\uFEFFkommunekode", which differs only in case, Unicode form, spaces or invisible characters (such as a byte-order mark); rename one of them',
      );
    }
  });

  it('still suggests a close short name with a typo', () => {
    expect(missingMessage([{ id: 1, region: 'x', regel: 'y' }], 'regoin')).toMatch(/did you mean "region"\?$/);
  });
});

describe('quoted labels', () => {
  it('match the label without the quotes, plain or typographic', () => {
    const column = likert(['“Ved ikke”', '"Ved ikke"', '„Ved ikke“', "'Ved ikke'", '« I høj grad »', '‚Slet ikke‘'], d4);
    expect(Array.from(column.codes)).toEqual([4, 4, 4, 4, 2, 0]);
  });

  it('keep inner quotes and unmatched quotes as they are', () => {
    expect(normalizeLabel("Don't know")).toBe("don't know");
    expect(normalizeLabel('"Ved ikke')).toBe('"ved ikke');
    expect(normalizeLabel('"Ved ikke\'')).toBe('"ved ikke\'');
    expect(() => likert(['"Ved ikke'], d4)).toThrow(/unknown value/);
  });

  it('keep a pair of quotes around nothing, which is not a blank cell', () => {
    expect(normalizeLabel('""')).toBe('""');
    expect(isMissingValue('""')).toBe(false);
  });
});

describe('a survey as a column source', () => {
  const rows = [
    { kode: '101', q1: 'I høj grad', q2: 'Maybe', region: 'Hovedstaden', indbyggere: 632340 },
    { kode: '147', q1: 'Ved ikke', q2: null, region: 'Hovedstaden', indbyggere: 104305 },
    { kode: '851', q1: null, q2: 'Slet ikke', region: 'Nordjylland', indbyggere: NaN },
  ];
  const original = survey({
    rows,
    id: 'kode',
    items: [
      { id: 'q1', scale: d4 },
      { id: 'q2', scale: d4 },
    ],
    attributes: { region: 'category', indbyggere: 'number' },
    unknown: 'missing',
  });

  it('reads items as labels, attributes by name and the ids under the name asked for', () => {
    const source = readSource('t', { survey: original, id: 'kode' }, []);
    expect(source.length).toBe(3);
    expect(Array.from(source.column('kode')!)).toEqual(['101', '147', '851']);
    expect(Array.from(source.column('q1')!)).toEqual(['I høj grad', 'Ved ikke', null]);
    expect(Array.from(source.column('region')!)).toEqual(['Hovedstaden', 'Hovedstaden', 'Nordjylland']);
    expect(Array.from(source.column('indbyggere')!)).toEqual([632340, 104305, NaN]);
    expect(source.column('toString')).toBeUndefined();
  });

  it('gives the same survey again through survey({ survey }), invalid cells still invalid', () => {
    const again = survey({
      survey: original,
      id: 'kode',
      items: [
        { id: 'q1', scale: d4 },
        { id: 'q2', scale: d4 },
      ],
      attributes: { region: 'category', indbyggere: 'number' },
      unknown: 'missing',
    });
    expect(again.ids).toEqual(original.ids);
    for (const id of ['q1', 'q2'] as const) {
      expect(Array.from(again.item(id).codes)).toEqual(Array.from(original.item(id).codes));
      expect(again.item(id).n).toEqual(original.item(id).n);
    }
    expect(again.item('q2').n.invalid).toBe(1);
    expect(again.category('region')).toEqual(original.category('region'));
    expect(Array.from(again.numeric('indbyggere'))).toEqual([632340, 104305, NaN]);
  });

  it('refuses rows and a survey together, and a survey that is not one', () => {
    expect(() => readSource('t', { rows: [], survey: original } as never, [])).toThrow(/^t: give exactly one of rows, columns, table or survey; got rows and survey/);
    expect(() => readSource('t', { survey: { kind: 'x' } } as never, [])).toThrow(/^t: survey must be a Survey made by survey\(\)/);
  });
});

describe('sourceFromTable', () => {
  it('keeps a BigInt beyond 2^53 exact and turns smaller ones into numbers', () => {
    const source = sourceFromTable('t', table({ a: [2n ** 60n, -5n, null] }, 3));
    expect(Array.from(source.column('a')!)).toEqual([2n ** 60n, -5, null]);
  });
});
