import { describe, expect, it } from 'vitest';
import { likert } from '../../src/data/likert';
import { medianSplit } from '../../src/data/sizeGroups';
import { survey } from '../../src/data/survey';
import { agreementShare } from '../../src/describe/agreementShare';
import { codedMean } from '../../src/describe/codedMean';
import { compareGroups } from '../../src/describe/compareGroups';
import { correlate } from '../../src/describe/correlate';
import { multiSelect } from '../../src/describe/multiSelect';
import { multiSelectTable } from '../../src/describe/multiSelectTable';
import { scales } from '../../src/scale/presets';

const weighted = survey({
  columns: {
    id: [1, 2, 3, 4, 5, 6],
    q: ['I høj grad', 'Slet ikke', 'I høj grad', 'Slet ikke', 'I mindre grad', 'I meget høj grad'],
    p: ['I høj grad', 'Slet ikke', 'I mindre grad', 'Slet ikke', 'I høj grad', 'I meget høj grad'],
    region: ['A', 'A', 'B', 'B', 'A', 'B'],
    pop: [10, 20, 30, 40, 50, 60],
    w: [1, 9, 1, 1, 2, 1],
  },
  id: 'id',
  items: [
    { id: 'q', scale: scales.daDegree4 },
    { id: 'p', scale: scales.daDegree4 },
  ],
  attributes: { region: 'category', pop: 'number' },
  weight: 'w',
});

describe('weighted surveys give one answer everywhere', () => {
  it('compareGroups reports the same overall share and mean as agreementShare and codedMean', () => {
    const groups = compareGroups(weighted, 'q', { by: 'region' });
    expect(groups.overall.share.estimate).toBe(agreementShare(weighted.item('q')).estimate);
    expect(groups.overall.mean.mean).toBe(codedMean(weighted.item('q')).mean);
  });
});

describe('a survey does not hand out its own arrays', () => {
  it('writing into numeric(), category() or an item’s weights changes nothing later', () => {
    const before = correlate(weighted, { x: 'q', y: 'pop' }).rows[0]!.r;
    weighted.numeric('pop')[0] = 1e9;
    (weighted.category('region') as (string | null)[])[0] = 'B';
    weighted.item('q').weights![1] = 0;
    expect(correlate(weighted, { x: 'q', y: 'pop' }).rows[0]!.r).toBe(before);
    expect(weighted.where('region', 'A').size).toBe(3);
    expect(Array.from(weighted.weights!)).toEqual([1, 9, 1, 1, 2, 1]);
    // Agreeing: rows 1, 3 and 6 (weights 1, 1, 1) of a total weight of 15.
    expect(agreementShare(weighted.item('q')).estimate).toBeCloseTo(3 / 15, 14);
    weighted.item('q').codes[0] = 3;
    expect(weighted.item('q').codes[0]).toBe(2);
  });
});

describe('correlate counts each unordered pair once', () => {
  it('tests q–p once when x and y both name q and p, and never q with itself', () => {
    const both = correlate(weighted, { x: ['q', 'p'], y: ['q', 'p'], adjust: 'bonferroni' });
    const once = correlate(weighted, { x: ['q', 'p'], adjust: 'bonferroni' });
    expect(both.tests).toBe(1);
    expect(both.rows[0]!.pAdjusted).toBe(once.rows[0]!.pAdjusted);
    expect(both.matrix.r[0]![1]).toBe(both.matrix.r[1]![0]);
    expect(correlate(weighted, { x: ['q', 'q', 'p'] }).tests).toBe(1);
    expect(correlate(weighted, { x: [], pairs: [['q', 'p'], ['p', 'q']] }).tests).toBe(1);
  });
});

describe('BigInt answers', () => {
  it('code as the level with that code, on every input path', () => {
    const column = likert([1n, 4n, 3n], scales.daDegree4);
    expect(Array.from(column.codes)).toEqual([0, 3, 2]);
    const s = survey({ columns: { id: [1, 2, 3], q: BigInt64Array.from([1n, 4n, 3n]) }, id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }] });
    expect(s.item('q').n.substantive).toBe(3);
  });

  it('name a BigInt that is not a code with its n suffix', () => {
    expect(() => likert([7n], scales.daDegree4)).toThrow(/7n/);
  });
});

describe('medianSplit', () => {
  it('puts a value just above a non-integer median in the upper half', () => {
    expect(medianSplit([1.5000000000000002, 1.5], { reference: [1, 2] }).groups).toEqual(['> 1.5', '<= 1.5']);
  });
});

describe('undefined shares carry a reason', () => {
  it('multiSelect with nobody answering', () => {
    const result = multiSelect({ a: [null, null], b: [null, undefined] });
    expect(result.n.answered).toBe(0);
    expect(result.reason).toMatch(/nobody answered/);
  });

  it('multiSelectTable names the groups where nobody answered', () => {
    const result = multiSelectTable({ G1: { a: ['x', ''] }, G2: { a: [null, null] } });
    expect(result.reason).toMatch(/"G2"/);
  });

  it('compareGroups passes the share and mean reasons of an empty group on', () => {
    const result = compareGroups(weighted, 'q', { by: 'region', order: ['A', 'B', 'C'] });
    const empty = result.groups.find((g) => g.group === 'C')!;
    expect(empty.share.reason).toMatch(/no answered responses/);
    expect(empty.mean.reason).toMatch(/no substantive answers/);
  });
});
