import { describe, expect, it } from 'vitest';
import { safeSurvey, scales, survey } from '../../src/index';

const items = [{ id: 'q', scale: scales.daDegree4 }] as const;
const answers = (n: number): string[] => Array.from({ length: n }, () => 'I høj grad');

describe('survey() respondent ids at scale', () => {
  it('reports a repeated id in ids that are otherwise in rising order', () => {
    const id = ['1', '2', '3', '10', '3', '11'];
    const result = safeSurvey({ columns: { id, q: answers(6) }, id: 'id', items });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.kind, i.values, i.rows])).toEqual([['duplicate-id', ['3'], [2, 4]]]);
  });

  it('reports repeated ids in unsorted ids in the order each id first occurs', () => {
    const id = ['b', 'z', 'a', 'z', 'b', 'a', 'b', 'q'];
    const result = safeSurvey({ columns: { id, q: answers(8) }, id: 'id', items });
    if (result.ok) throw new Error('expected duplicate ids');
    expect(result.issues.map((i) => [i.values, i.rows])).toEqual([
      [['b'], [0, 4, 6]],
      [['z'], [1, 3]],
      [['a'], [2, 5]],
    ]);
  });

  it('accepts distinct ids in rising, shortlex and random order alike', () => {
    const n = 5000;
    const rising = Array.from({ length: n }, (_, i) => String(i + 1).padStart(5, '0'));
    const shortlex = Array.from({ length: n }, (_, i) => String(i + 1));
    const shuffled = [...shortlex].sort((a, b) => ((Number(a) * 7919) % n) - ((Number(b) * 7919) % n));
    for (const id of [rising, shortlex, shuffled]) {
      expect(survey({ columns: { id, q: answers(n) }, id: 'id', items }).ids).toEqual(id);
    }
  });

  it('finds the one repeat among many random ids, also when rows without an id are mixed in', () => {
    const n = 20000;
    const id: (string | null)[] = Array.from({ length: n }, (_, i) => `r${(i * 7919) % n}`);
    id[123] = null;
    id[9000] = id[17] as string;
    const result = safeSurvey({ columns: { id, q: answers(n) }, id: 'id', items });
    if (result.ok) throw new Error('expected problems');
    expect(result.issues.map((i) => [i.kind, i.rows])).toEqual([
      ['missing-id', [123]],
      ['duplicate-id', [17, 9000]],
    ]);
  });

  it("keeps the first or the last of repeated ids and names the rows dropped", () => {
    const id = ['7', '3', '7', '5', '3'];
    const first = survey({ columns: { id, q: answers(5) }, id: 'id', items, duplicates: 'first' });
    expect(first.ids).toEqual(['7', '3', '5']);
    expect(first.duplicates).toEqual([
      { id: '7', rows: [0, 2], kept: 0 },
      { id: '3', rows: [1, 4], kept: 1 },
    ]);
    const last = survey({ columns: { id, q: answers(5) }, id: 'id', items, duplicates: 'last' });
    expect(last.ids).toEqual(['7', '5', '3']);
  });

  it('reads ASCII ids as they are and trims and composes other text', () => {
    const id = ['A-1', ' A-2 ', 'Ka\u0308re', '\u00A0x\u00A0'];
    expect(survey({ columns: { id, q: answers(4) }, id: 'id', items }).ids).toEqual(['A-1', 'A-2', 'Käre', 'x']);
  });
});
