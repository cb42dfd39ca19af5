import { describe, expect, it } from 'vitest';
import { safeSurvey, survey, SurveyInputError } from '../../src/data/survey';
import { scales } from '../../src/scale/presets';

const rows = Object.freeze([
  Object.freeze({ kode: '101', region: 'Hovedstaden', indbyggere: 632340, q1: 'I høj grad', q2: 'Slet ikke', vægt: 1 }),
  Object.freeze({ kode: '147', region: 'Hovedstaden', indbyggere: '104305', q1: 'Ved ikke', q2: 'I meget høj grad', vægt: 2 }),
  Object.freeze({ kode: '151', region: 'Sjælland', indbyggere: null, q1: null, q2: 'i høj  grad', vægt: 0.5 }),
]);
const items = [
  { id: 'q1', scale: scales.daDegree4, label: 'Spørgsmål 1', group: 'A' },
  { id: 'q2', scale: scales.daDegree4, group: 'B' },
] as const;

describe('survey from rows', () => {
  const s = survey({ rows, id: 'kode', items, attributes: { region: 'category', indbyggere: 'number' } });

  it('codes every item once and accounts for every cell', () => {
    expect(s.size).toBe(3);
    expect(s.ids).toEqual(['101', '147', '151']);
    expect(s.item('q1').n).toEqual({ total: 3, answered: 2, substantive: 1, missing: 1, invalid: 0, nonSubstantive: 1 });
    expect(Array.from(s.item('q2').codes)).toEqual([0, 3, 2]);
    expect(s.item('q1').label).toBe('Spørgsmål 1');
  });

  it('parses numeric attributes, numeric text included, with NaN for missing', () => {
    expect(Array.from(s.numeric('indbyggere'))).toEqual([632340, 104305, NaN]);
  });

  it('gives an item as numbers with NaN for "ved ikke" and missing', () => {
    expect(Array.from(s.numeric('q1'))).toEqual([3, NaN, NaN]);
  });

  it('keeps categorical attributes as text with null for missing', () => {
    expect(s.category('region')).toEqual(['Hovedstaden', 'Hovedstaden', 'Sjælland']);
  });

  it('describes its items with group, label and counts', () => {
    expect(s.items.map((i) => [i.id, i.label, i.group])).toEqual([
      ['q1', 'Spørgsmål 1', 'A'],
      ['q2', 'q2', 'B'],
    ]);
  });

  it('filters respondents into a new survey with recounted columns', () => {
    const hovedstaden = s.where('region', 'Hovedstaden');
    expect(hovedstaden.size).toBe(2);
    expect(hovedstaden.item('q1').n).toEqual({ total: 2, answered: 2, substantive: 1, missing: 0, invalid: 0, nonSubstantive: 1 });
    expect(s.filter([false, false, true]).ids).toEqual(['151']);
    expect(s.filter((i) => i > 0).size).toBe(2);
  });

  it('names the known items when asked for an unknown one', () => {
    expect(() => s.item('q3' as never)).toThrow(/no item "q3"; the items are "q1", "q2"/);
    expect(() => s.numeric('nope')).toThrow(/survey.numeric: no item or numeric attribute "nope"/);
    expect(() => s.category('nope')).toThrow(/survey.category/);
  });
});

describe('survey from columns and Arrow-like tables', () => {
  it('reads columns, typed arrays included', () => {
    const s = survey({
      columns: { id: Int32Array.from([1, 2, 3]), q1: [1, 4, 'Ved ikke'], size: Float64Array.from([10, 20, 30]) },
      id: 'id',
      items: [{ id: 'q1', scale: scales.daDegree4 }],
      attributes: { size: 'number' },
    });
    expect(s.ids).toEqual(['1', '2', '3']);
    expect(Array.from(s.item('q1').codes)).toEqual([0, 3, 4]);
    expect(Array.from(s.numeric('size'))).toEqual([10, 20, 30]);
  });

  it('rejects columns of different lengths, naming them', () => {
    expect(() => survey({ columns: { id: [1, 2], q1: [1] }, id: 'id', items: [{ id: 'q1', scale: scales.daDegree4 }] })).toThrow(
      /columns must all have the same length; got id: 2, q1: 1/,
    );
  });

  it('reads an Arrow-like table with get(i), keeping nulls missing and turning BigInt into numbers', () => {
    const data: Record<string, unknown[]> = {
      kode: [101n, 147n, 151n],
      q1: ['I høj grad', null, 'Slet ikke'],
      indbyggere: [632340n, null, 48602n],
    };
    const table = {
      numRows: 3,
      schema: { fields: Object.keys(data).map((name) => ({ name })) },
      getChild: (name: string) => (data[name] ? { get: (i: number) => data[name]![i] } : null),
    };
    const s = survey({ table, id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { indbyggere: 'number' } });
    expect(s.ids).toEqual(['101', '147', '151']);
    expect(s.item('q1').n.missing).toBe(1);
    expect(Array.from(s.numeric('indbyggere'))).toEqual([632340, NaN, 48602]);
  });

  it('keeps every digit of a BigInt id beyond 2^53, and refuses it as a number', () => {
    const big = 2n ** 60n + 1n; // 1152921504606846977; Number() would give ...6976
    const table = {
      numRows: 1,
      getChild: (name: string) => (name === 'q' ? { get: () => 1 } : { get: () => big }),
    };
    const s = survey({ table, id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }] });
    expect(s.ids).toEqual(['1152921504606846977']);
    const bad = safeSurvey({ table, id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { n: 'number' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => [i.kind, i.column, i.values])).toEqual([['bad-number', 'n', [big]]]);
  });
});

describe('survey validation collects every problem', () => {
  const bad = [
    { kode: '101', q1: 'I høj grad', q2: 'Maybe', n: 'many', w: 1 },
    { kode: '101', q1: 'I hoj grad', q2: 'Slet ikke', n: 5, w: -1 },
    { kode: '', q1: 'Slet ikke', q2: 'Slet ikke', n: 7, w: null },
  ];

  it('returns every issue from safeSurvey instead of throwing', () => {
    const result = safeSurvey({
      rows: bad,
      id: 'kode',
      items: [
        { id: 'q1', scale: scales.daDegree4 },
        { id: 'q2', scale: scales.daDegree4 },
        { id: 'q3', column: 'spm3', scale: scales.daDegree4 },
      ],
      attributes: { n: 'number', regoin: 'category' },
      weight: 'w',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const kinds = result.issues.map((i) => i.kind).sort();
    expect(kinds).toEqual(['bad-number', 'bad-weight', 'duplicate-id', 'missing-column', 'missing-column', 'missing-id', 'unknown-labels', 'unknown-labels']);
    const unknownQ1 = result.issues.find((i) => i.kind === 'unknown-labels' && i.item === 'q1')!;
    expect(unknownQ1.unknown![0]).toMatchObject({ value: 'I hoj grad', count: 1, positions: [1], suggestion: 'I høj grad' });
    const badNumber = result.issues.find((i) => i.kind === 'bad-number')!;
    expect(badNumber.rows).toEqual([0]);
    expect(badNumber.values).toEqual(['many']);
    expect(result.issues.find((i) => i.kind === 'duplicate-id')!.rows).toEqual([0, 1]);
  });

  it('throws one SurveyInputError whose message lists every problem', () => {
    try {
      survey({ rows: bad, id: 'kode', items: [{ id: 'q2', scale: scales.daDegree4 }], weight: 'w' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SurveyInputError);
      const e = error as SurveyInputError;
      expect(e.message).toMatch(/^survey: 4 problems/);
      expect(e.message).toMatch(/"Maybe" ×1 \(rows 0\)/);
      expect(e.message).toMatch(/respondent id "101" occurs 2 times \(rows 0, 1/);
      expect(e.message).toMatch(/weight column "w" has 2 missing, negative or non-numeric values: -1 \(row 1\), null \(row 2\)/);
    }
  });

  it('suggests the closest column name for a missing column', () => {
    const result = safeSurvey({ rows: [{ id: 1, q1: 1, region: 'x' }], id: 'id', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { regoin: 'category' } });
    expect(!result.ok && result.issues[0]!.message).toMatch(/column "regoin" \(category attribute\) is not in the data; did you mean "region"\?/);
  });

  it('keeps the first or the last of repeated ids when asked, and reports them', () => {
    const data = [
      { id: 'a', q: 'Slet ikke' },
      { id: 'a', q: 'I høj grad' },
      { id: 'b', q: 'I høj grad' },
    ];
    const first = survey({ rows: data, id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], duplicates: 'first' });
    expect(Array.from(first.item('q').codes)).toEqual([0, 2]);
    expect(first.duplicates).toEqual([{ id: 'a', rows: [0, 1], kept: 0 }]);
    const last = survey({ rows: data, id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], duplicates: 'last' });
    expect(Array.from(last.item('q').codes)).toEqual([2, 2]);
    expect(last.ids).toEqual(['a', 'b']);
  });

  it('counts unknown labels as invalid under unknown: "missing"', () => {
    const s = survey({ rows: [{ id: 1, q: 'Maybe' }, { id: 2, q: 'Slet ikke' }], id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], unknown: 'missing' });
    expect(s.item('q').n).toMatchObject({ total: 2, invalid: 1, substantive: 1 });
  });

  it('rejects a definition without a data source or with two', () => {
    expect(() => survey({ id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }] })).toThrow(/give exactly one of rows, columns, table or survey; got none/);
    expect(() => survey({ rows: [], columns: {}, id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }] })).toThrow(/got rows and columns/);
  });

  it('reports definition mistakes: repeated item ids, a missing scale, a bad attribute kind', () => {
    const result = safeSurvey({
      rows: [],
      id: 'id',
      items: [
        { id: 'q', scale: scales.daDegree4 },
        { id: 'q', scale: scales.daDegree4 },
        { id: 'r', scale: null as never },
      ],
      attributes: { x: 'numeric' as never },
    });
    expect(!result.ok && result.issues.map((i) => i.message)).toEqual([
      'item id "q" is used twice; item ids must be unique',
      'item "r" needs a scale from defineScale() or scales',
      "attribute \"x\" has kind \"numeric\"; use 'number' or 'category'",
    ]);
  });
});

describe('survey weights', () => {
  it('attaches the weight column to every item column', () => {
    const s = survey({ rows, id: 'kode', items, weight: 'vægt' });
    expect(Array.from(s.weights!)).toEqual([1, 2, 0.5]);
    expect(Array.from(s.item('q1').weights!)).toEqual([1, 2, 0.5]);
    expect(Array.from(s.where === undefined ? [] : s.filter([true, false, true]).weights!)).toEqual([1, 0.5]);
  });

  it('has no weights when none are defined', () => {
    const s = survey({ rows, id: 'kode', items });
    expect(s.weights).toBeNull();
    expect(s.item('q1').weights).toBeUndefined();
  });
});
