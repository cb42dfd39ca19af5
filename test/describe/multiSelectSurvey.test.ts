import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeSurvey, survey } from '../../src/data/survey';
import { multiSelect } from '../../src/describe/multiSelect';
import { multiSelectTable } from '../../src/describe/multiSelectTable';
import { report } from '../../src/report/report';
import { scales } from '../../src/scale/presets';

/** A SurveyXact-like export: a tick-box block (1 or the option text when ticked, blank otherwise). */
const rows = Object.freeze([
  { kode: '101', region: 'Hovedstaden', q: 'I høj grad', s_1: '1', s_2: '', s_3: '', form: 'Sparring;Kurser' },
  { kode: '147', region: 'Hovedstaden', q: 'Slet ikke', s_1: '1', s_2: 'Kurser', s_3: '', form: 'Kurser' },
  { kode: '151', region: 'Sjælland', q: 'I høj grad', s_1: '', s_2: '', s_3: '1', form: '' },
  { kode: '153', region: 'Sjælland', q: 'Ved ikke', s_1: '', s_2: '', s_3: '', form: null },
  { kode: '155', region: 'Nordjylland', q: 'I mindre grad', s_1: '', s_2: '1', s_3: '1', form: 'Netværk; Kurser' },
].map((row) => Object.freeze(row)));

const base = {
  rows,
  id: 'kode',
  items: [{ id: 'q', scale: scales.daDegree4 }],
  attributes: { region: 'category' },
} as const;

const support = { Sparring: 's_1', Kurser: 's_2', Netværk: 's_3' };

describe('multi-select questions declared in the survey', () => {
  const s = survey({
    ...base,
    multiSelect: [
      { id: 'støtte', columns: support, label: 'Former for støtte' },
      { id: 'former', column: 'form', separator: ';', options: ['Sparring', 'Kurser', 'Netværk'] },
    ],
  });

  it('are described by the survey, frozen', () => {
    expect(s.multiSelect.map((q) => [q.id, q.form, q.options, q.columns])).toEqual([
      ['støtte', 'columns', ['Sparring', 'Kurser', 'Netværk'], ['s_1', 's_2', 's_3']],
      ['former', 'separator', ['Sparring', 'Kurser', 'Netværk'], ['form']],
    ]);
    expect(s.multiSelect[0]!.label).toBe('Former for støtte');
    expect(Object.isFrozen(s.multiSelect)).toBe(true);
    expect(Object.isFrozen(s.multiSelect[0])).toBe(true);
  });

  it('are tallied by id', () => {
    const r = multiSelect(s, 'støtte');
    // Ticked: 101 Sparring; 147 Sparring, Kurser; 151 Netværk; 155 Kurser, Netværk; 153 nothing.
    expect(r.question).toBe('støtte');
    expect(r.n).toEqual({ total: 5, answered: 4, missing: 1 });
    expect(r.options.map((o) => [o.option, o.count])).toEqual([['Sparring', 2], ['Kurser', 2], ['Netværk', 2]]);
    expect(multiSelect(s, 'former').options.map((o) => o.count)).toEqual([1, 3, 1]);
  });

  it('are filtered with everything else by where and filter', () => {
    const north = s.where('region', ['Sjælland', 'Nordjylland']);
    const r = multiSelect(north, 'støtte');
    expect(r.n).toEqual({ total: 3, answered: 2, missing: 1 });
    expect(r.options.map((o) => o.count)).toEqual([0, 1, 2]);
    expect(multiSelect(s.filter((i) => i === 1), 'støtte').options.map((o) => o.count)).toEqual([1, 1, 0]);
  });

  it('warn when respondents who left every box blank are counted as not answering', () => {
    const r = multiSelect(s, 'støtte');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^multiSelect: 1 respondent left every cell blank and is counted as not answering/);
    expect(r.warnings[0]).toMatch(/blank: 'not-ticked'/);
  });

  it('read blank boxes as not ticked with blank: "not-ticked", and say how to count those who ticked nothing', () => {
    const t = survey({ ...base, multiSelect: [{ id: 'støtte', columns: support, blank: 'not-ticked' }] });
    const r = multiSelect(t, 'støtte');
    expect(r.cells).toEqual({ total: 15, ticked: 6, notTicked: 9, missing: 0, invalid: 0 });
    expect(r.n.answered).toBe(4);
    expect(r.warnings).toEqual([
      'multiSelect: 1 respondent ticked no option (every cell "not ticked") and is counted as not answering; pass noneMeansAnswered: true to count that respondent as answering with no option ticked',
    ]);
    const all = multiSelect(t, 'støtte', { noneMeansAnswered: true });
    expect(all.n).toEqual({ total: 5, answered: 5, missing: 0 });
    expect(all.warnings).toEqual([]);
    expect(all.options[0]!.share).toBe(2 / 5);
  });

  it('give no blank warning once blank: "missing" is chosen explicitly', () => {
    const t = survey({ ...base, multiSelect: [{ id: 'støtte', columns: support, blank: 'missing' }] });
    expect(multiSelect(t, 'støtte').warnings).toEqual([]);
  });

  it('refuse coding options at tally time, since the survey fixed them', () => {
    expect(() => multiSelect(s, 'støtte', { ticked: ['x'] })).toThrow(/^multiSelect: ticked describes how cells are read/);
    expect(() => multiSelect(s, 'nope')).toThrow(/^multiSelect: the survey has no multi-select question "nope"; its questions are "støtte", "former"/);
    expect(() => multiSelect(rows as never, 'støtte')).toThrow(/needs a survey/);
  });

  it('are tabulated by id per group, and report() takes them by id', () => {
    const t = multiSelectTable(s, { Blok: 'støtte', Tekst: 'former' });
    expect(t.groups).toEqual(['Blok', 'Tekst']);
    expect(t.counts).toEqual([[2, 1], [2, 3], [2, 1]]);
    expect(t.n).toEqual([4, 3]);
    const north = report(s.where('region', 'Hovedstaden'), { sections: ['multiSelect'], multiSelect: { questions: ['støtte'] }, suppressBelow: 1 });
    const table = north.tables.find((x) => x.id === 'multiSelect')!;
    // Hovedstaden: 101 Sparring, 147 Sparring + Kurser.
    expect(table.rows.slice(0, 3).map((r) => r['count:støtte'])).toEqual([2, 1, 0]);
    // Sjælland's 153 left every box blank: the report says so.
    const south = report(s.where('region', 'Sjælland'), { sections: ['multiSelect'], multiSelect: { questions: ['støtte'] } });
    expect(south.warnings.some((w) => /1 respondent left every cell blank/.test(w))).toBe(true);
    expect(() => report(s, { sections: ['multiSelect'], multiSelect: { questions: ['nope'] } })).toThrow(
      /^report: multiSelect.questions names "nope", which is not a multi-select question of the survey; its questions are "støtte", "former"/,
    );
  });
});

describe('reading declared multi-select questions collects every problem', () => {
  it('reports unreadable cells as a multi-select issue naming the column, values and rows', () => {
    const bad = rows.map((row, i) => (i === 3 ? { ...row, s_2: 'måske' } : row));
    const result = safeSurvey({ ...base, rows: bad, multiSelect: [{ id: 'støtte', columns: support }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    const issue = result.issues[0]!;
    expect(issue.kind).toBe('multi-select');
    expect(issue.question).toBe('støtte');
    expect(issue.column).toBe('s_2');
    expect(issue.rows).toEqual([3]);
    expect(issue.values).toEqual(['måske']);
    expect(issue.message).toMatch(/"måske" in column "s_2" ×1 \(rows 3\)/);
  });

  it('reports unknown separator tokens, and counts unreadable cells as invalid under unknown: "missing"', () => {
    const bad = rows.map((row, i) => (i === 0 ? { ...row, form: 'Sparring;Coaching' } : row));
    const declaration = { id: 'former', column: 'form', separator: ';', options: ['Sparring', 'Kurser', 'Netværk'] };
    const result = safeSurvey({ ...base, rows: bad, multiSelect: [declaration] });
    expect(!result.ok && result.issues[0]!.message).toMatch(/1 token is not among the options: "Coaching" in column "form" ×1 \(rows 0\)/);
    const kept = survey({ ...base, rows: bad, multiSelect: [declaration], unknown: 'missing' });
    const r = multiSelect(kept, 'former');
    // Row 0 is unreadable (3 invalid cells); 1 "Kurser" (1 ticked, 2 not); 2 and 3 blank (6
    // missing); 4 "Netværk; Kurser" (2 ticked, 1 not).
    expect(r.cells).toEqual({ total: 15, ticked: 3, notTicked: 3, missing: 6, invalid: 3 });
    expect(r.n).toEqual({ total: 5, answered: 2, missing: 3 });
  });

  it('reports missing columns and definition mistakes together', () => {
    const result = safeSurvey({
      ...base,
      multiSelect: [
        { id: 'støtte', columns: { Sparring: 's_1', Kurser: 's_9' } },
        { id: 'q', columns: ['s_1'] },
        { id: 'x', column: 'form', columns: ['s_1'] } as never,
        { id: 'y', columns: ['s_1'], blank: 'empty' as never },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.kind)).toEqual(['missing-column', 'definition', 'definition', 'definition']);
    expect(result.issues[0]!.message).toMatch(/column "s_9" \(option "Kurser" of multi-select question "støtte"\) is not in the data; did you mean "s_1"/);
    expect(result.issues[1]!.message).toMatch(/also an item or attribute/);
    expect(result.issues[2]!.message).toMatch(/either columns .* or column with separator/);
    expect(result.issues[3]!.message).toMatch(/blank must be 'missing' or 'not-ticked', got "empty"/);
  });

  it('names each option after its column in the array form, even "column" and "separator"', () => {
    const t = survey({
      columns: { id: [1, 2], q: [1, 2], column: ['x', ''], separator: ['x', 'x'] },
      id: 'id',
      items: [{ id: 'q', scale: scales.daDegree4 }],
      multiSelect: [{ id: 'm', columns: ['column', 'separator'] }],
    });
    expect(multiSelect(t, 'm').options.map((o) => [o.option, o.count])).toEqual([['column', 1], ['separator', 2]]);
  });
});

describe('the raw-column form', () => {
  it('counts an option named like a not-ticked value correctly', () => {
    // Option "0" holding "0" is not ticked (the not-ticked list comes before the option-name rule).
    const r = multiSelect({ '0': ['0', '1', 'x'], nej: ['nej', 'nej', 'nej'], ja: ['ja', '0', 'nej'] });
    expect(r.options.map((o) => [o.option, o.count])).toEqual([['0', 2], ['nej', 0], ['ja', 1]]);
  });

  it('still counts an option named like a not-ticked value as ticked when its cell is a ticked value', () => {
    expect(multiSelect({ '0': [1, 0], A: [0, 'x'] }).options[0]!.count).toBe(1);
  });

  it('reads options named column and separator as option columns', () => {
    const r = multiSelect({ column: ['x', '', 'x'], separator: ['', 'x', 'x'] });
    expect(r.options.map((o) => [o.option, o.count])).toEqual([['column', 2], ['separator', 2]]);
    expect(multiSelect({ column: ['a;b', 'b'], separator: ';' }).options.map((o) => o.count)).toEqual([1, 2]);
  });

  it('reads blank cells as not ticked with blank: "not-ticked" and warns about who ticked nothing', () => {
    const r = multiSelect({ A: ['1', '', ''], B: ['', '1', ''] }, { blank: 'not-ticked' });
    expect(r.cells).toEqual({ total: 6, ticked: 2, notTicked: 4, missing: 0, invalid: 0 });
    expect(r.warnings[0]).toMatch(/^multiSelect: 1 respondent ticked no option/);
    expect(multiSelect({ A: ['1', '', ''], B: ['', '1', ''] }, { blank: 'not-ticked', noneMeansAnswered: true }).n.answered).toBe(3);
  });

  it('warns about blank separator cells counted as not answering unless blank is chosen', () => {
    const input = { column: ['A', '', 'B'], separator: ';' };
    expect(multiSelect(input).warnings[0]).toMatch(/1 respondent left every cell blank/);
    expect(multiSelect(input, { blank: 'missing' }).warnings).toEqual([]);
    expect(multiSelect(input, { blank: 'not-ticked', noneMeansAnswered: true }).n).toEqual({ total: 3, answered: 3, missing: 0 });
  });

  it('gives no blank warning when the export writes an explicit not-ticked value', () => {
    expect(multiSelect({ A: ['x', '', 0], B: [0, '', 'x'] }).warnings).toEqual([]);
  });
});

// --- properties -------------------------------------------------------------------------------

const cellArb = fc.constantFrom<unknown>('1', 'x', '', null, '0', 'nej', 1, 0);
const surveyArb = fc.integer({ min: 1, max: 4 }).chain((m) =>
  fc.array(
    fc.record({
      region: fc.constantFrom('A', 'B', 'C', null),
      cells: fc.array(cellArb, { minLength: m, maxLength: m }),
    }),
    // survey() refuses data without respondents, so every generated survey has at least one.
    { minLength: 1, maxLength: 25 },
  ).map((respondents) => ({ m, respondents })),
);

function build(m: number, respondents: readonly { region: string | null; cells: unknown[] }[], blank: 'missing' | 'not-ticked', invalid = false) {
  const options = Array.from({ length: m }, (_, j) => `o${j}`);
  const columns: Record<string, unknown[]> = {
    id: respondents.map((_, i) => i),
    q: respondents.map(() => 1),
    region: respondents.map((r) => r.region),
  };
  options.forEach((o, j) => (columns[o] = respondents.map((r) => r.cells[j])));
  const s = survey({
    columns,
    id: 'id',
    items: [{ id: 'q', scale: scales.daDegree4 }],
    attributes: { region: 'category' },
    multiSelect: [{ id: 'm', columns: options, blank }],
    ...(invalid ? { unknown: 'missing' as const } : {}),
  });
  return { s, options };
}

describe('multi-select properties', () => {
  it('s.where(a, v) then multiSelect equals multiSelect of the rows filtered by hand', () => {
    fc.assert(
      fc.property(surveyArb, fc.constantFrom('A', 'B', 'C'), fc.constantFrom('missing', 'not-ticked'), fc.boolean(), ({ m, respondents }, value, blank, none) => {
        const { s, options } = build(m, respondents, blank as 'missing' | 'not-ticked');
        const kept = respondents.filter((r) => r.region === value);
        const byHand: Record<string, unknown[]> = {};
        options.forEach((o, j) => (byHand[o] = kept.map((r) => r.cells[j])));
        const viaSurvey = multiSelect(s.where('region', value), 'm', { noneMeansAnswered: none });
        if (kept.length === 0) return viaSurvey.n.total === 0;
        const direct = multiSelect(byHand, { blank: blank as 'missing' | 'not-ticked', noneMeansAnswered: none });
        const { question: _q, ...a } = viaSurvey;
        const { question: _r, ...b } = direct;
        return JSON.stringify(a) === JSON.stringify(b);
      }),
    );
  });

  it('accounts for every cell: ticked + not ticked + missing + invalid = respondents × options', () => {
    // Cells may also hold an unreadable "måske", kept as invalid under unknown: 'missing'.
    const withInvalid = surveyArb.chain(({ m, respondents }) =>
      fc.array(fc.boolean(), { minLength: respondents.length * m, maxLength: respondents.length * m }).map((flags) => ({
        m,
        respondents: respondents.map((r, i) => ({ ...r, cells: r.cells.map((c, j) => (flags[i * m + j] && j % 2 === 0 ? 'måske' : c)) })),
      })),
    );
    fc.assert(
      fc.property(withInvalid, fc.constantFrom('missing', 'not-ticked'), ({ m, respondents }, blank) => {
        const { s } = build(m, respondents, blank as 'missing' | 'not-ticked', true);
        const { cells, n } = multiSelect(s, 'm');
        // Hand count of the cells by the default lists.
        let ticked = 0;
        let notTicked = 0;
        let missing = 0;
        let invalid = 0;
        for (const r of respondents) {
          for (const c of r.cells) {
            if (c === 'måske') invalid++;
            else if (c === '1' || c === 'x' || c === 1) ticked++;
            else if (c === '0' || c === 'nej' || c === 0) notTicked++;
            else if (blank === 'not-ticked') notTicked++;
            else missing++;
          }
        }
        return (
          cells.total === respondents.length * m &&
          cells.ticked + cells.notTicked + cells.missing + cells.invalid === cells.total &&
          cells.ticked === ticked && cells.notTicked === notTicked && cells.missing === missing && cells.invalid === invalid &&
          n.answered + n.missing === n.total && n.total === respondents.length
        );
      }),
    );
  });
});

describe('multi-select tallies of a weighted survey', () => {
  const weighted = survey({
    rows: [
      { id: '1', w: 9, q: 'I høj grad', a: '1', b: '' },
      { id: '2', w: 1, q: 'Slet ikke', a: '', b: '1' },
    ],
    id: 'id',
    items: [{ id: 'q', scale: scales.daDegree4 }],
    weight: 'w',
    multiSelect: [{ id: 'ms', columns: ['a', 'b'], blank: 'not-ticked' }],
  });

  it('stay counts of respondents and say so in a warning', () => {
    const result = multiSelect(weighted, 'ms');
    expect(result.options.map((o) => [o.option, o.count])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(result.warnings).toEqual([
      'multiSelect: the survey is weighted, but the tallies of "ms" are unweighted counts of respondents (as small-cell suppression needs them); weighted shares are not computed for multi-select questions',
    ]);
    expect(multiSelectTable(weighted, ['ms']).warnings).toHaveLength(1);
  });
});
