import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiSelect, MultiSelectInputError } from '../../src/describe/multiSelect';

/** Support forms from the 2021 report's multi-select question (abridged). */
const FORMS = ['Sparring', 'Kurser', 'Netværk', 'Vejledning'] as const;

describe('multiSelect with option columns', () => {
  const input = Object.freeze({
    Sparring: Object.freeze(['x', 'x', '', null, 'X']),
    Kurser: Object.freeze([1, 0, 0, null, true]),
    Netværk: Object.freeze(['ja', 'nej', '', null, 'Netværk']),
  });

  it('counts each option among respondents who ticked something', () => {
    const r = multiSelect(input);
    expect(r.n).toEqual({ total: 5, answered: 3, missing: 2 });
    expect(r.options).toEqual([
      { option: 'Sparring', count: 3, share: 1 },
      { option: 'Kurser', count: 2, share: 2 / 3 },
      { option: 'Netværk', count: 2, share: 2 / 3 },
    ]);
    expect(r.method).toBe('multi-select');
  });

  it('counts how many options each respondent ticked, with cumulative shares', () => {
    const r = multiSelect(input);
    expect(r.perRespondent.map((p) => [p.count, p.respondents])).toEqual([[0, 0], [1, 1], [2, 0], [3, 2]]);
    expect(r.perRespondent[1]).toEqual({ count: 1, respondents: 1, share: 1 / 3, cumulativeShare: 1 / 3 });
    expect(r.perRespondent[3]?.cumulativeShare).toBe(1);
  });

  it('lists the most frequent exact combinations first with their coverage', () => {
    const r = multiSelect(input);
    expect(r.combinations).toEqual([
      { options: ['Sparring', 'Kurser', 'Netværk'], count: 2, share: 2 / 3, cumulativeShare: 2 / 3 },
      { options: ['Sparring'], count: 1, share: 1 / 3, cumulativeShare: 1 },
    ]);
    expect(r.distinctCombinations).toBe(2);
  });

  it('does not mutate its (frozen) input', () => {
    expect(() => multiSelect(input)).not.toThrow();
  });

  it('counts ticked-nothing respondents as missing by default', () => {
    const r = multiSelect({ A: [0, 'x'], B: ['nej', ''] });
    expect(r.n).toEqual({ total: 2, answered: 1, missing: 1 });
  });

  it('counts ticked-nothing respondents with a non-missing cell as answered with noneMeansAnswered', () => {
    const r = multiSelect({ A: [0, 'x', null, ''], B: ['nej', '', null, ' '] }, { noneMeansAnswered: true });
    expect(r.n).toEqual({ total: 4, answered: 2, missing: 2 });
    expect(r.perRespondent[0]).toEqual({ count: 0, respondents: 1, share: 0.5, cumulativeShare: 0.5 });
    expect(r.combinations[0]).toEqual({ options: [], count: 1, share: 0.5, cumulativeShare: 0.5 });
  });

  it('accepts ticked text case-insensitively and with stray white space', () => {
    const r = multiSelect({ A: [' JA ', 'Yes', ' x', '1'] });
    expect(r.options[0]?.count).toBe(4);
  });

  it('accepts the option name itself as ticked', () => {
    const r = multiSelect({ 'Sparring med VIVE': ['sparring  med vive', ''] });
    expect(r.options[0]?.count).toBe(1);
  });

  it('uses options.ticked and options.notTicked instead of the defaults', () => {
    const r = multiSelect({ A: ['Valgt', 'Ikke valgt', 'Valgt'] }, { ticked: ['valgt'], notTicked: ['ikke valgt'] });
    expect(r.options[0]?.count).toBe(2);
    expect(() => multiSelect({ A: ['x'] }, { ticked: ['valgt'] })).toThrow(MultiSelectInputError);
  });

  it('rejects a value listed as both ticked and not ticked', () => {
    expect(() => multiSelect({ A: ['x'] }, { ticked: ['x'], notTicked: ['X'] })).toThrow(/^multiSelect: "x" is listed both/);
  });

  it('orders the option rows by options.options, which must name exactly the columns', () => {
    const r = multiSelect({ B: ['x'], A: ['x'] }, { options: ['A', 'B'] });
    expect(r.options.map((o) => o.option)).toEqual(['A', 'B']);
    expect(() => multiSelect({ B: ['x'], A: ['x'] }, { options: ['A', 'C'] })).toThrow(
      /no column for "C"; columns not among the options: "B"/,
    );
  });

  it('lists every distinct bad value with its column, count and first row positions', () => {
    const call = () => multiSelect({ Sparring: ['x', 'måske', '', 'måske', 2], Kurser: ['', '', 'x', '', {}] });
    expect(call).toThrow(MultiSelectInputError);
    try {
      call();
    } catch (error) {
      const e = error as MultiSelectInputError;
      expect(e.message).toMatch(/^multiSelect: 3 values are neither ticked, not ticked nor missing in 5 responses/);
      expect(e.message).toContain('- "måske" in column "Sparring": 2 times, rows 1, 3');
      expect(e.message).toContain('- 2 in column "Sparring": 1 time, row 4');
      expect(e.issues).toEqual([
        { option: 'Sparring', value: 'måske', count: 2, positions: [1, 3] },
        { option: 'Sparring', value: 2, count: 1, positions: [4] },
        { option: 'Kurser', value: {}, count: 1, positions: [4] },
      ]);
    }
  });

  it('keeps at most five positions per bad value and says there are more', () => {
    try {
      multiSelect({ A: new Array<string>(8).fill('?') });
    } catch (error) {
      expect((error as MultiSelectInputError).issues[0]?.positions).toEqual([0, 1, 2, 3, 4]);
      expect((error as Error).message).toContain('8 times, rows 0, 1, 2, 3, 4, …');
    }
  });
});

describe('multiSelect with one separated text column', () => {
  it('splits on the separator, trims stray spaces and counts duplicate tokens once', () => {
    const r = multiSelect(
      { column: [' Sparring ;Kurser', 'Kurser; kurser ;KURSER', null, 'Kurser;;', '  '], separator: ';' },
      { options: [...FORMS] },
    );
    expect(r.n).toEqual({ total: 5, answered: 3, missing: 2 });
    expect(r.options.map((o) => o.count)).toEqual([1, 3, 0, 0]);
    expect(r.perRespondent.map((p) => p.respondents)).toEqual([0, 2, 1, 0, 0]);
  });

  it('gives options nobody ticked a row with count 0', () => {
    const r = multiSelect({ column: ['Sparring'], separator: ';' }, { options: [...FORMS] });
    expect(r.options.find((o) => o.option === 'Vejledning')).toEqual({ option: 'Vejledning', count: 0, share: 0 });
  });

  it('names every unknown option with its count and rows', () => {
    const call = () =>
      multiSelect({ column: ['Sparring;Supervision', 'Kursus', 'Supervision'], separator: ';' }, { options: [...FORMS] });
    expect(call).toThrow(MultiSelectInputError);
    expect(call).toThrow(/multiSelect: 2 unknown options in 3 responses[\s\S]*"Supervision": 2 times, rows 0, 2[\s\S]*"Kursus": 1 time, row 1/);
  });

  it('without options.options, uses the tokens in order of first appearance', () => {
    const r = multiSelect({ column: ['B; A', 'A', 'C'], separator: ';' });
    expect(r.options.map((o) => [o.option, o.count])).toEqual([['B', 1], ['A', 2], ['C', 1]]);
  });

  it('counts a cell of separators only as ticking nothing', () => {
    const r = multiSelect({ column: [';', 'A'], separator: ';' }, { options: ['A'], noneMeansAnswered: true });
    expect(r.n.answered).toBe(2);
    expect(r.perRespondent[0]?.respondents).toBe(1);
  });
});

describe('multiSelect edge cases', () => {
  it('gives NaN shares and no combinations when there are no respondents', () => {
    const r = multiSelect({ A: [], B: [] });
    expect(r.n).toEqual({ total: 0, answered: 0, missing: 0 });
    expect(r.options[0]?.share).toBeNaN();
    expect(r.perRespondent).toHaveLength(3);
    expect(r.perRespondent[0]?.share).toBeNaN();
    expect(r.combinations).toEqual([]);
  });

  it('gives NaN shares when every respondent is missing', () => {
    const r = multiSelect({ A: [null, '', undefined], B: [null, NaN, ' '] });
    expect(r.n).toEqual({ total: 3, answered: 0, missing: 3 });
    expect(r.options.every((o) => o.count === 0 && Number.isNaN(o.share))).toBe(true);
  });

  it('handles a single option', () => {
    const r = multiSelect({ Sparring: ['x', '', 'x'] });
    expect(r.options).toEqual([{ option: 'Sparring', count: 2, share: 1 }]);
    expect(r.perRespondent.map((p) => p.respondents)).toEqual([0, 2]);
    expect(r.combinations).toEqual([{ options: ['Sparring'], count: 2, share: 1, cumulativeShare: 1 }]);
  });

  it('keeps an option nobody ticked with count 0 and share 0', () => {
    const r = multiSelect({ A: ['x', 'x'], B: ['', 0] });
    expect(r.options[1]).toEqual({ option: 'B', count: 0, share: 0 });
  });

  it('breaks ties between equally frequent combinations by option order', () => {
    const r = multiSelect({ A: ['', 'x', 'x', ''], B: ['x', '', 'x', ''], C: ['', '', '', 'x'] });
    expect(r.combinations.map((c) => c.options)).toEqual([['A'], ['A', 'B'], ['B'], ['C']]);
  });

  it('lists only topCombinations combinations, keeping the total count of distinct ones', () => {
    const r = multiSelect({ A: ['x', '', 'x', 'x'], B: ['', 'x', 'x', 'x'] }, { topCombinations: 1 });
    expect(r.combinations).toEqual([{ options: ['A', 'B'], count: 2, share: 0.5, cumulativeShare: 0.5 }]);
    expect(r.distinctCombinations).toBe(3);
    expect(multiSelect({ A: ['x'] }, { topCombinations: 0 }).combinations).toEqual([]);
  });

  it('returns plain JSON-serialisable data', () => {
    const r = multiSelect({ A: ['x', ''], B: ['x', 'x'] });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('multiSelect argument checks name the function and say what to do', () => {
  it.each([
    ['no option columns', () => multiSelect({}), /^multiSelect: input has no option columns/],
    ['unequal column lengths', () => multiSelect({ A: [1], B: [1, 0] }), /^multiSelect: input columns must have the same length/],
    ['a column that is not an array', () => multiSelect({ A: 'x' as unknown as string[] }), /^multiSelect: input column "A" must be an array/],
    ['an empty separator', () => multiSelect({ column: ['a'], separator: '' }), /^multiSelect: input.separator must be a non-empty string/],
    ['a bad topCombinations', () => multiSelect({ A: [1] }, { topCombinations: -1 }), /^multiSelect: topCombinations/],
    ['a bad noneMeansAnswered', () => multiSelect({ A: [1] }, { noneMeansAnswered: 'yes' as unknown as boolean }), /^multiSelect: noneMeansAnswered/],
    ['duplicate options', () => multiSelect({ column: ['a'], separator: ';' }, { options: ['A', ' a'] }), /^multiSelect: options.options names the same option twice/],
    ['an array as input', () => multiSelect([] as unknown as Record<string, unknown[]>), /^multiSelect: input must be a record/],
  ])('rejects %s', (_name, call, pattern) => {
    expect(call).toThrow(pattern);
  });
});

/** Random multi-select data: m options, cells ticked (1), not ticked (0) or missing (null). */
const columnsArb = fc.integer({ min: 1, max: 5 }).chain((m) =>
  fc.integer({ min: 0, max: 40 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: m }, () => fc.array(fc.constantFrom(1, 0, null), { minLength: n, maxLength: n })),
    ),
  ),
);
const toInput = (cols: (number | null)[][]): Record<string, (number | null)[]> =>
  Object.fromEntries(cols.map((col, j) => [`option ${j}`, col]));

describe('multiSelect properties', () => {
  it('shares lie in [0, 1] (or are NaN when nobody answered)', () => {
    fc.assert(
      fc.property(columnsArb, fc.boolean(), (cols, none) => {
        const r = multiSelect(toInput(cols), { noneMeansAnswered: none, topCombinations: Infinity });
        const shares = [
          ...r.options.map((o) => o.share),
          ...r.perRespondent.flatMap((p) => [p.share, p.cumulativeShare]),
          ...r.combinations.flatMap((c) => [c.share, c.cumulativeShare]),
        ];
        return shares.every((s) => (r.n.answered === 0 ? Number.isNaN(s) : s >= 0 && s <= 1));
      }),
    );
  });

  it('respondents over k sum to answered, and answered + missing = total', () => {
    fc.assert(
      fc.property(columnsArb, fc.boolean(), (cols, none) => {
        const r = multiSelect(toInput(cols), { noneMeansAnswered: none });
        const sum = r.perRespondent.reduce((s, p) => s + p.respondents, 0);
        return sum === r.n.answered && r.n.answered + r.n.missing === r.n.total;
      }),
    );
  });

  it('the option counts sum to Σ k · respondents(k)', () => {
    fc.assert(
      fc.property(columnsArb, fc.boolean(), (cols, none) => {
        const r = multiSelect(toInput(cols), { noneMeansAnswered: none });
        const ticks = r.options.reduce((s, o) => s + o.count, 0);
        return ticks === r.perRespondent.reduce((s, p) => s + p.count * p.respondents, 0);
      }),
    );
  });

  it('all combinations together count every answering respondent once', () => {
    fc.assert(
      fc.property(columnsArb, fc.boolean(), (cols, none) => {
        const r = multiSelect(toInput(cols), { noneMeansAnswered: none, topCombinations: Infinity });
        const sum = r.combinations.reduce((s, c) => s + c.count, 0);
        const last = r.combinations.at(-1);
        return sum === r.n.answered && r.combinations.length === r.distinctCombinations &&
          (last === undefined || last.cumulativeShare === 1);
      }),
    );
  });

  it('the column form and the separator form agree', () => {
    fc.assert(
      fc.property(columnsArb, (cols) => {
        const input = toInput(cols);
        const options = Object.keys(input);
        const n = cols[0]?.length ?? 0;
        const column = Array.from({ length: n }, (_, i) =>
          cols.every((c) => c[i] === null) ? null : options.filter((_, j) => cols[j]?.[i] === 1).join('; '),
        );
        // The tallies agree; the cell counts and warnings differ by design (a 0 cell is "not
        // ticked", an empty separator cell is blank).
        const tallies = ({ cells: _cells, warnings: _warnings, ...rest }: ReturnType<typeof multiSelect>) => rest;
        const a = multiSelect(input);
        const b = multiSelect({ column, separator: ';' }, { options });
        return JSON.stringify(tallies(a)) === JSON.stringify(tallies(b));
      }),
    );
  });
});
