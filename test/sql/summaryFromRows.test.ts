import { describe, expect, it } from 'vitest';
import { scales, survey, SurveyInputError, type SurveyIssue } from '../../src/index';
import { summaryFromRows, type SummaryRow } from '../../src/sql/index';

const row = (part: string, k: number | null, x: string | null, n: number | bigint | string, extra: Partial<SummaryRow> = {}): SummaryRow => ({
  part, k, g: null, x, y: null, n, w: null, ww: null, ...extra,
});
const base = [row('respondents', null, null, 4n), row('noid', null, null, 0n)];
const definition = { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }] };

/** The issues of the SurveyInputError that `run` throws (fails the test when it throws none). */
function issuesOf(run: () => unknown): readonly SurveyIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof SurveyInputError) return error.issues;
    throw error;
  }
  throw new Error('expected a SurveyInputError');
}

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
    expect((error as SurveyInputError).message).toMatch(/^summaryFromRows: 1 problem in the survey data:\n {2}- item "q1"/);
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

  it('gives size groups in their labels\' order, empty ones included, reading each raw value with the definition\'s marks', () => {
    const def = { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { pop: 'number' as const }, thousands: '.' as const };
    const by = { attribute: 'pop', breaks: [50000, 100000], labels: ['small', 'middle', 'large'] };
    // Under thousands '.' (decimal ','): '104.305' is 104305 (large), '99.999,5' is 99999.5
    // (middle), '7' small; blank, no-break space and NULL are missing.
    const rows = [
      row('respondents', null, null, 3, { g: '104.305' }),
      row('respondents', null, null, 1, { g: '99.999,5' }),
      row('respondents', null, null, 1, { g: '7' }),
      row('respondents', null, null, 2, { g: null }),
      row('respondents', null, null, 1, { g: '\u00A0' }),
      row('noid', null, null, 0),
      row('bytype', null, 'VARCHAR', 8),
      row('item', 0, 'Slet ikke', 3, { g: '104.305' }),
      row('item', 0, 'I høj grad', 1, { g: '99.999,5' }),
      row('item', 0, '4', 1, { g: '7' }),
      row('item', 0, null, 2, { g: null }),
      row('item', 0, 'Slet ikke', 1, { g: '\u00A0' }),
    ];
    const summary = summaryFromRows(rows, { definition: def, by });
    expect(summary.by).toMatchObject({ name: 'pop', sizeGroups: ['small', 'middle', 'large'], breaks: [50000, 100000], ungrouped: 3 });
    expect(summary.by!.groups.map((g) => [g.value, g.respondents, g.items[0]!.counts])).toEqual([
      ['small', 1, [0, 0, 0, 1, 0, 0]],
      ['middle', 1, [0, 0, 1, 0, 0, 0]],
      ['large', 3, [3, 0, 0, 0, 0, 0]],
    ]);
    // The same rows under a decimal point: '104.305' is 104.305 (small) and '99.999,5' no number.
    expect(() => summaryFromRows(rows, { definition: { ...def, thousands: ',' }, by })).toThrow(
      'numeric attribute "pop" has 1 value that are not finite numbers (decimal mark ".")',
    );
    expect(() => summaryFromRows(rows, { definition: def, by: { attribute: 'pop', split: 'median' } })).toThrow(
      "summaryFromRows: by { attribute: \"pop\", split: 'median' } needs the median of the data",
    );
  });

  it('reads the text of a number column as the engine writes it, with a decimal point, whatever the definition\'s marks', () => {
    const def = { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { pop: 'number' as const }, decimal: ',' as const };
    const by = { attribute: 'pop', breaks: [50000, 100000] };
    const rows = [
      row('respondents', null, null, 1, { g: '60828.0' }),
      row('respondents', null, null, 2, { g: '1e+20' }),
      row('respondents', null, null, 4, { g: 'nan' }),
      row('respondents', null, null, 8, { g: '49999.5' }),
      row('noid', null, null, 0),
      row('bytype', null, 'DOUBLE', 15),
    ];
    for (const type of ['DOUBLE', 'double precision', 'DECIMAL(18,3)', 'numeric']) {
      const typed = rows.map((r) => (r.part === 'bytype' ? { ...r, x: type } : r));
      expect(summaryFromRows(typed, { definition: def, by }).by!.groups.map((g) => g.respondents), type).toEqual([8, 1, 2]);
      expect(summaryFromRows(typed, { definition: def, by }).by!.ungrouped).toBe(4);
    }
    // The same texts in a text column are Danish: '60828.0' and '49999.5' are no numbers there.
    const text = rows.map((r) => (r.part === 'bytype' ? { ...r, x: 'VARCHAR' } : r));
    expect(() => summaryFromRows(text, { definition: def, by })).toThrow(SurveyInputError);
  });

  it('decides the decimal mark under auto with every row voting, as survey() decides it over all cells', () => {
    const def = { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { pop: 'number' as const } };
    const by = { attribute: 'pop', breaks: [1] };
    // '0,5' in two rows votes twice for the comma, '0.25' once for the point: the comma wins and
    // '0.25' is a bad number. Counting distinct texts would be a tie, and refused.
    const rows = [row('respondents', null, null, 2, { g: '0,5' }), row('respondents', null, null, 1, { g: '0.25' }), row('noid', null, null, 0), row('bytype', null, 'VARCHAR', 3)];
    const fromRows = issuesOf(() => summaryFromRows(rows, { definition: def, by }));
    const fromSurvey = issuesOf(() => survey({ ...def, columns: { kode: ['a', 'b', 'c'], q1: ['1', '1', '1'], pop: ['0,5', '0.25', '0,5'] } }));
    expect(fromRows.map((i) => [i.kind, i.column, i.values])).toEqual([['bad-number', 'pop', ['0.25']]]);
    expect(fromRows.map((i) => [i.kind, i.column, i.values])).toEqual(fromSurvey.map((i) => [i.kind, i.column, i.values]));
  });

  it('refuses a column that reads two ways under auto with survey()\'s ambiguous-number issue', () => {
    const def = { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { pop: 'number' as const } };
    const rows = [row('respondents', null, null, 2, { g: '104.305' }), row('respondents', null, null, 1, { g: '60.828' }), row('noid', null, null, 0), row('bytype', null, null, 3)];
    const issues = issuesOf(() => summaryFromRows(rows, { definition: def, by: { attribute: 'pop', breaks: [50000] } }));
    expect(issues.map((i) => [i.kind, i.column, i.values])).toEqual([['ambiguous-number', 'pop', ['104.305', '60.828']]]);
    expect(issues[0]!.message).toBe(
      'cannot tell the decimal mark of column "pop": "104.305" ×2, "60.828" ×1 read as different numbers with a decimal comma (thousands dots) and with a decimal point; pass decimal: \',\' (Danish, 60.828 = 60828) or decimal: \'.\' (English, 60.828 = 60.828)',
    );
  });

  it('refuses size-group rows without the engine type row, as rows of another query', () => {
    const def = { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { pop: 'number' as const } };
    expect(() => summaryFromRows([row('respondents', null, null, 1, { g: '2' }), row('noid', null, null, 0)], { definition: def, by: { attribute: 'pop', breaks: [5] } })).toThrow(
      "summaryFromRows: the rows have no 'bytype' row",
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
