import { describe, expect, it } from 'vitest';
import { scales, SurveyInputError } from '../../src/index';
import { summaryFromRows, type SummaryRow } from '../../src/sql/index';

const row = (part: string, k: number | null, x: string | null, n: number | bigint | string, extra: Partial<SummaryRow> = {}): SummaryRow => ({
  part, k, g: null, x, y: null, n, w: null, ww: null, ...extra,
});
const base = [row('respondents', null, null, 4n), row('noid', null, null, 0n)];
const definition = { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }] };

describe('summaryFromRows', () => {
  it('codes every distinct raw answer with likert and adds the counts of spellings of one level', () => {
    const rows = [...base, row('item', 0, 'I høj grad', 2n), row('item', 0, ' i HØJ\u00A0grad', '1'), row('item', 0, null, 1)];
    const summary = summaryFromRows(rows, { definition });
    // daDegree4 categories: Slet ikke, I mindre grad, I høj grad, I meget høj grad, Ved ikke, Ikke relevant.
    expect(summary.items[0]!.counts).toEqual([0, 0, 3, 0, 0, 0]);
    expect(summary.items[0]!.missing).toBe(1);
    expect(summary.respondents).toBe(4);
    expect(summary.weighted).toBe(false);
    expect(summary.items[0]!.weights).toBeNull();
  });

  it('reads numeric codes, non-substantive answers and blank text as likert does', () => {
    const rows = [...base, row('item', 0, '4', 1), row('item', 0, '„Ved ikke“', 1), row('item', 0, ' \u200B', 1), row('item', 0, '１', 1)];
    const summary = summaryFromRows(rows, { definition });
    expect(summary.items[0]!.counts).toEqual([1, 0, 0, 1, 1, 0]);
    expect(summary.items[0]!.missing).toBe(1);
  });

  it('throws a SurveyInputError listing each unknown label with its engine count under unknown: error', () => {
    const rows = [...base, row('item', 0, 'Maybe', 3n), row('item', 0, 'I hoj grad', 1n)];
    let error: unknown;
    try {
      summaryFromRows(rows, { definition });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SurveyInputError);
    const issue = (error as SurveyInputError).issues[0]!;
    expect(issue.kind).toBe('unknown-labels');
    expect(issue.unknown!.map((u) => [u.value, u.count])).toEqual([['Maybe', 3], ['I hoj grad', 1]]);
    expect(issue.unknown![1]!.suggestion).toBe('I høj grad');
  });

  it('counts unknown labels as invalid under unknown: missing', () => {
    const rows = [...base, row('item', 0, 'Maybe', 3n), row('item', 0, 'Slet ikke', 1n)];
    const summary = summaryFromRows(rows, { definition: { ...definition, unknown: 'missing' } });
    expect(summary.items[0]!.invalid).toBe(3);
    expect(summary.items[0]!.counts).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('merges raw by-values that are one category after trimming and NFC, and orders groups by value', () => {
    const def = { ...definition, attributes: { region: 'category' as const } };
    const rows = [
      { ...row('respondents', null, null, 2), g: 'Syd' },
      { ...row('respondents', null, null, 1), g: ' Nord ' },
      { ...row('respondents', null, null, 1), g: null },
      { ...row('item', 0, 'Slet ikke', 2), g: 'Syd' },
      { ...row('item', 0, 'Slet ikke', 1), g: 'Nord' },
      { ...row('item', 0, 'Ved ikke', 1), g: null },
      row('attribute', 0, 'Syd', 2),
      row('attribute', 0, ' Nord ', 1),
      row('attribute', 0, null, 1),
      row('noid', null, null, 0),
    ];
    const summary = summaryFromRows(rows, { definition: def, by: 'region' });
    expect(summary.by!.groups.map((g) => [g.value, g.respondents, g.items[0]!.counts[0]])).toEqual([['Nord', 1, 1], ['Syd', 2, 2]]);
    expect(summary.by!.ungrouped).toBe(1);
    expect(summary.items[0]!.counts).toEqual([3, 0, 0, 0, 1, 0]);
    expect(summary.attributes[0]!.categories.map((c) => [c.value, c.count])).toEqual([['Nord', 1], ['Syd', 2]]);
    expect(summary.attributes[0]!.missing).toBe(1);
  });

  it('builds the joint counts of a pair over substantive levels only, with the reversed item coded reversed', () => {
    const def = { id: 'kode', items: [{ id: 'a', scale: scales.daDegree4 }, { id: 'b', scale: scales.daDegree4, reverse: true }] };
    const pair = (x: string, y: string, n: number): SummaryRow => ({ ...row('pair', 0, x, n), y });
    const rows = [...base, pair('Slet ikke', 'Slet ikke', 2), pair('1', 'I meget høj grad', 1), pair('Ved ikke', 'Slet ikke', 5)];
    const summary = summaryFromRows(rows, { definition: def, pairs: [['a', 'b']] });
    // b reversed: "Slet ikke" is its highest level (index 3), "I meget høj grad" its lowest (index 0).
    const counts = new Array(16).fill(0);
    counts[0 * 4 + 3] = 2;
    counts[0 * 4 + 0] = 1;
    // The reversed scale lists its levels the other way round and scores them 1–4 in that order.
    expect(summary.pairs).toEqual([{ x: 'a', y: 'b', rows: 4, columns: 4, counts, xCodes: [1, 2, 3, 4], yCodes: [1, 2, 3, 4], respondents: 4 }]);
  });

  it('keeps Σw and Σ(w·scale)² per category and adds the sums of two spellings exactly', () => {
    const def = { ...definition, weight: 'w' };
    const rows = [
      ...base,
      row('badweight', null, null, 0),
      row('item', 0, 'Slet ikke', 1, { w: 0.1, ww: 0.01, wm: 0.1 }),
      row('item', 0, 'SLET IKKE', 1, { w: 0.2, ww: 0.04, wm: 0.2 }),
    ];
    const summary = summaryFromRows(rows, { definition: def });
    const [hi, lo] = summary.items[0]!.weights!.sums[0]!;
    // 0.1 + 0.2 as a double-double: hi is the rounded double 0.30000000000000004, lo the rounding error
    // (python3: float(F(0.1) + F(0.2) - F(0.1 + 0.2)) → -2.7755575615628914e-17, exact).
    expect(hi).toBe(0.1 + 0.2);
    expect(lo).toBe(-2.7755575615628914e-17);
    // The largest weight 0.2 lies in [2⁻³, 2⁻²], so scale = 2² = 4 (summarize's rule) and the
    // engine's Σw² is multiplied by 4² = 16, which is exact.
    // python3: from fractions import Fraction as F; float(F(0.01) + F(0.04) - F(0.01 + 0.04)) → -1.734723475976807e-18 (exact)
    expect(summary.items[0]!.weights!.scale).toBe(4);
    expect(summary.items[0]!.weights!.squares[0]).toEqual([0.05 * 16, -1.734723475976807e-18 * 16]);
    // Categories nobody answered: zero sums.
    expect(summary.items[0]!.weights!.squares[1]).toEqual([0, 0]);
  });

  it('refuses weights whose squares would leave the normal range in the engine', () => {
    const def = { ...definition, weight: 'w' };
    const rows = [...base, row('badweight', null, null, 0), row('item', 0, 'Slet ikke', 1, { w: 2 ** 600, ww: Infinity, wm: 2 ** 600 })];
    expect(() => summaryFromRows(rows, { definition: def })).toThrow('summaryFromRows: item "q1" has weights up to 4.149515568880993e+180, outside 2^-511 to 2^511');
  });

  it('gives size groups in their labels\' order, empty ones included, with the cut points', () => {
    const def = { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { pop: 'number' as const } };
    const by = { attribute: 'pop', breaks: [50000, 100000], labels: ['small', 'middle', 'large'] };
    const rows = [
      row('respondents', null, null, 3, { g: '2' }),
      row('respondents', null, null, 1, { g: '0' }),
      row('respondents', null, null, 2, { g: null }),
      row('noid', null, null, 0),
      row('item', 0, 'Slet ikke', 3, { g: '2' }),
      row('item', 0, 'I høj grad', 1, { g: '0' }),
      row('item', 0, null, 2, { g: null }),
    ];
    const summary = summaryFromRows(rows, { definition: def, by });
    expect(summary.by).toMatchObject({ name: 'pop', sizeGroups: ['small', 'middle', 'large'], breaks: [50000, 100000], ungrouped: 2 });
    expect(summary.by!.groups.map((g) => [g.value, g.respondents, g.items[0]!.counts])).toEqual([
      ['small', 1, [0, 0, 1, 0, 0, 0]],
      ['middle', 0, [0, 0, 0, 0, 0, 0]],
      ['large', 3, [3, 0, 0, 0, 0, 0]],
    ]);
    expect(() => summaryFromRows(rows, { definition: def, by: { attribute: 'pop', split: 'median' } })).toThrow(
      "summaryFromRows: by { attribute: \"pop\", split: 'median' } needs the median of the data",
    );
  });

  it('reports missing ids, repeated ids, no respondents and bad weights as survey() does', () => {
    const def = { ...definition, weight: 'w' };
    const rows = [row('respondents', null, null, 4), row('noid', null, null, 1), row('duplicate', null, ' 7', 2), row('badweight', null, null, 3)];
    expect(() => summaryFromRows(rows, { definition: def })).toThrow(SurveyInputError);
    try {
      summaryFromRows(rows, { definition: def });
    } catch (error) {
      expect((error as SurveyInputError).issues.map((i) => i.kind)).toEqual(['missing-id', 'duplicate-id', 'bad-weight']);
      expect((error as SurveyInputError).issues[1]!.values).toEqual(['7']);
    }
    expect(() => summaryFromRows([row('noid', null, null, 0)], { definition })).toThrow('no respondents');
  });

  it('refuses rows that are not the query\'s, an unknown option and a definition with data', () => {
    expect(() => summaryFromRows([row('nonsense', null, null, 1)], { definition })).toThrow('summaryFromRows: rows[0] has part "nonsense"');
    expect(() => summaryFromRows([row('item', 5, 'x', 1)], { definition })).toThrow('summaryFromRows: rows[0].k is 5, not a position below 1');
    expect(() => summaryFromRows([row('item', 0, 'x', -1)], { definition })).toThrow('summaryFromRows: rows[0].n is -1, not a count');
    expect(() => summaryFromRows([], { definition, pair: [] } as never)).toThrow('summaryFromRows: unknown option "pair"; did you mean "pairs"?');
    expect(() => summaryFromRows([], { definition: { ...definition, rows: [] } } as never)).toThrow('summaryFromRows: definition holds data (rows)');
  });
});
