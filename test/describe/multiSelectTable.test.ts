import { describe, expect, it } from 'vitest';
import { multiSelect, MultiSelectInputError } from '../../src/describe/multiSelect';
import { multiSelectTable } from '../../src/describe/multiSelectTable';

describe('multiSelectTable', () => {
  const questions = {
    Anbringelse: { Sparring: ['x', 'x', ''], Kurser: ['', 'x', 'x'] },
    Forebyggelse: { Kurser: ['', '', 'x'], Sparring: ['x', '', ''] },
  };

  it('builds an option × group count table (rows = options, columns = groups)', () => {
    const t = multiSelectTable(questions);
    expect(t.groups).toEqual(['Anbringelse', 'Forebyggelse']);
    expect(t.options).toEqual(['Sparring', 'Kurser']);
    expect(t.counts).toEqual([[2, 1], [2, 1]]);
    expect(t.n).toEqual([3, 2]);
    expect(t.missing).toEqual([0, 1]);
    expect(t.method).toBe('multi-select-table');
  });

  it('gives each group the same counts as multiSelect on that group alone', () => {
    const t = multiSelectTable(questions);
    t.groups.forEach((group, g) => {
      const single = multiSelect(questions[group as keyof typeof questions], { options: [...t.options] });
      expect(t.counts.map((row) => row[g])).toEqual(single.options.map((o) => o.count));
      expect(t.n[g]).toBe(single.n.answered);
    });
  });

  it('divides each count by its group n for the shares', () => {
    const t = multiSelectTable(questions);
    expect(t.shares).toEqual([[2 / 3, 1 / 2], [2 / 3, 1 / 2]]);
  });

  it('averages counts over all groups and shares over groups where someone answered', () => {
    const t = multiSelectTable({ ...questions, Tom: { Sparring: [null], Kurser: [''] } });
    expect(t.n).toEqual([3, 2, 0]);
    expect(t.shares[0]?.[2]).toBeNaN();
    expect(t.average[0]).toEqual({ option: 'Sparring', meanCount: 1, meanShare: (2 / 3 + 1 / 2) / 2 });
  });

  it('gives NaN mean shares when nobody answered in any group', () => {
    const t = multiSelectTable({ A: { X: [null] }, B: { X: [] } });
    expect(t.average).toEqual([{ option: 'X', meanCount: 0, meanShare: NaN }]);
  });

  it('takes separated text per group, with the union of options or options.options', () => {
    const t = multiSelectTable({
      A: { column: ['Sparring; Kurser', 'Kurser'], separator: ';' },
      B: { column: ['Netværk'], separator: ';' },
    });
    expect(t.options).toEqual(['Sparring', 'Kurser', 'Netværk']);
    expect(t.counts).toEqual([[1, 0], [2, 0], [0, 1]]);
    const fixed = multiSelectTable({ A: { column: ['Kurser'], separator: ';' } }, { options: ['Sparring', 'Kurser'] });
    expect(fixed.counts).toEqual([[0], [1]]);
  });

  it('names the group whose columns differ from the options', () => {
    expect(() => multiSelectTable({ A: { X: ['x'], Y: [''] }, B: { X: ['x'] } })).toThrow(
      /^multiSelectTable \(group "B"\): the option columns do not match the options \(no column for "Y"\)/,
    );
  });

  it('names the group with bad values', () => {
    expect(() => multiSelectTable({ A: { X: ['x'] }, B: { X: ['?'] } })).toThrow(MultiSelectInputError);
    expect(() => multiSelectTable({ A: { X: ['x'] }, B: { X: ['?'] } })).toThrow(/^multiSelectTable \(group "B"\)/);
  });

  it('rejects an empty record of groups', () => {
    expect(() => multiSelectTable({})).toThrow(/^multiSelectTable: questions has no groups/);
  });

  it('returns plain JSON-serialisable data', () => {
    const t = multiSelectTable(questions);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });
});
