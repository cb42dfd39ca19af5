import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { agreementShare } from '../../src/describe/agreementShare';
import { codedMean } from '../../src/describe/codedMean';
import { rankItems } from '../../src/describe/rankItems';
import { scales } from '../../src/scale/presets';

const BIG = 'Meget store udfordringer';
const SOME = 'Ret store udfordringer';
const FEW = 'Mindre udfordringer';
const NONE = 'Slet ingen udfordringer';

interface ItemSpec {
  id: string;
  group?: string;
  topic?: string;
  /** Answers of the respondents (daChallenge4 labels, 'Ved ikke' or null). */
  answers: readonly (string | null)[];
}

/** Agreement (top-2 box) for `agree` of 10 respondents: `agree` × "ret store", the rest "mindre". */
function share(agree: number): string[] {
  return [...Array<string>(agree).fill(SOME), ...Array<string>(10 - agree).fill(FEW)];
}

function build(specs: readonly ItemSpec[]) {
  const size = specs[0]?.answers.length ?? 0;
  const columns: Record<string, readonly (string | null)[]> = { kode: Array.from({ length: size }, (_, i) => `k${i}`) };
  for (const spec of specs) columns[spec.id] = spec.answers;
  return survey({
    columns,
    id: 'kode',
    items: specs.map((spec) => ({
      id: spec.id,
      scale: scales.daChallenge4,
      label: `Udfordring ${spec.id}`,
      ...(spec.group === undefined ? {} : { group: spec.group }),
      ...(spec.topic === undefined ? {} : { topic: spec.topic }),
    })),
  });
}

describe('rankItems', () => {
  it('reproduces its documented example: a tie at the boundary lists both tied items', () => {
    const s = build([
      { id: 'a1', group: 'A', answers: share(8) },
      { id: 'a2', group: 'A', answers: share(5) },
      { id: 'a3', group: 'A', answers: share(5) },
      { id: 'a4', group: 'A', answers: share(2) },
    ]);
    const r = rankItems(s, { top: 2 });
    expect(r.groups[0]!.items.map((i) => [i.item, i.rank])).toEqual([
      ['a1', 1],
      ['a2', 2],
      ['a3', 2],
    ]);
    expect(r.method).toBe('ranking');
    expect(r.rankBy).toBe('agreement');
    expect(r.top).toBe(2);
  });

  it('a tie at the top-3 boundary lists four items ranked 1, 2, 3, 3', () => {
    const s = build([
      { id: 'x1', group: 'G', answers: share(9) },
      { id: 'x2', group: 'G', answers: share(7) },
      { id: 'x3', group: 'G', answers: share(4) },
      { id: 'x4', group: 'G', answers: share(4) },
      { id: 'x5', group: 'G', answers: share(1) },
    ]);
    const items = rankItems(s).groups[0]!.items;
    expect(items.map((i) => i.rank)).toEqual([1, 2, 3, 3]);
    expect(items.map((i) => i.item)).toEqual(['x1', 'x2', 'x3', 'x4']);
  });

  it('ties use competition ranking (1, 2, 2, 4) and skip the places they share', () => {
    const s = build([
      { id: 'x1', group: 'G', answers: share(9) },
      { id: 'x2', group: 'G', answers: share(5) },
      { id: 'x3', group: 'G', answers: share(5) },
      { id: 'x4', group: 'G', answers: share(3) },
      { id: 'x5', group: 'G', answers: share(2) },
    ]);
    expect(rankItems(s, { top: 4 }).groups[0]!.items.map((i) => [i.item, i.rank])).toEqual([
      ['x1', 1],
      ['x2', 2],
      ['x3', 2],
      ['x4', 4],
    ]);
    // With top 3 the item ranked 4 is not listed: ranks 1, 2, 2.
    expect(rankItems(s, { top: 3 }).groups[0]!.items.map((i) => i.rank)).toEqual([1, 2, 2]);
  });

  it('equal shares with different denominators tie (2 of 4 and 5 of 10)', () => {
    const s = build([
      { id: 'x1', group: 'G', answers: [SOME, SOME, FEW, FEW, null, null, null, null, null, null] },
      { id: 'x2', group: 'G', answers: share(5) },
    ]);
    const items = rankItems(s, { top: 1 }).groups[0]!.items;
    expect(items.map((i) => [i.item, i.value, i.rank, i.n])).toEqual([
      ['x1', 0.5, 1, 4],
      ['x2', 0.5, 1, 10],
    ]);
  });

  it('ranks by coded mean when asked, with the substantive n', () => {
    const s = build([
      { id: 'm1', group: 'G', answers: [BIG, NONE, 'Ved ikke'] }, // mean 2.5, agreement 1/3
      { id: 'm2', group: 'G', answers: [SOME, SOME, FEW] }, // mean 2.666…, agreement 2/3
      { id: 'm3', group: 'G', answers: [BIG, BIG, BIG] }, // mean 4
    ]);
    const byMean = rankItems(s, { rankBy: 'mean', top: 2 }).groups[0]!.items;
    expect(byMean.map((i) => [i.item, i.rank])).toEqual([
      ['m3', 1],
      ['m2', 2],
    ]);
    expect(byMean[1]!.value).toBe(8 / 3);
    expect(rankItems(s, { rankBy: 'mean' }).groups[0]!.items[2]!).toMatchObject({ item: 'm1', value: 2.5, n: 2 });
    expect(rankItems(s, { denominator: 'substantive' }).groups[0]!.items.find((i) => i.item === 'm1')!.value).toBe(0.5);
  });

  it('items without a group form one group named by `ungrouped`', () => {
    const s = build([
      { id: 'u1', answers: share(3) },
      { id: 'g1', group: 'G', answers: share(4) },
      { id: 'u2', answers: share(6) },
    ]);
    expect(rankItems(s).groups.map((g) => [g.group, g.items.map((i) => i.item)])).toEqual([
      ['(no group)', ['u2', 'u1']],
      ['G', ['g1']],
    ]);
    expect(rankItems(s, { ungrouped: 'Øvrige' }).groups[0]!.group).toBe('Øvrige');
  });

  it('counts how often each topic is in a group top n, out of the groups that asked it, most often first', () => {
    // Three target groups asked about early intervention (tidlig), placements (anbringelse) and
    // prevention (forebyggelse); the third group is not asked about placements.
    const s = build([
      { id: 'g1_tidlig', group: 'Børn med handicap', topic: 'tidlig', answers: share(8) },
      { id: 'g1_anbr', group: 'Børn med handicap', topic: 'anbringelse', answers: share(3) },
      { id: 'g1_forb', group: 'Børn med handicap', topic: 'forebyggelse', answers: share(5) },
      { id: 'g2_tidlig', group: 'Unge i kriminalitet', topic: 'tidlig', answers: share(7) },
      { id: 'g2_anbr', group: 'Unge i kriminalitet', topic: 'anbringelse', answers: share(9) },
      { id: 'g2_forb', group: 'Unge i kriminalitet', topic: 'forebyggelse', answers: share(2) },
      { id: 'g3_tidlig', group: 'Børn i mistrivsel', topic: 'tidlig', answers: share(6) },
      { id: 'g3_forb', group: 'Børn i mistrivsel', topic: 'forebyggelse', answers: share(1) },
      { id: 'g3_other', group: 'Børn i mistrivsel', answers: share(4) },
    ]);
    const r = rankItems(s, { top: 1 });
    expect(r.groups.map((g) => g.items.map((i) => i.item))).toEqual([['g1_tidlig'], ['g2_anbr'], ['g3_tidlig']]);
    expect(r.topics).toEqual([
      { topic: 'tidlig', inTop: 2, groups: 3, share: 2 / 3 },
      { topic: 'anbringelse', inTop: 1, groups: 2, share: 0.5 },
      { topic: 'forebyggelse', inTop: 0, groups: 3, share: 0 },
    ]);
    expect(r.groups[0]!.items[0]).toEqual({
      item: 'g1_tidlig',
      label: 'Udfordring g1_tidlig',
      topic: 'tidlig',
      value: 0.8,
      rank: 1,
      n: 10,
    });
  });

  it('items nobody answered are not ranked and do not count as asked', () => {
    const s = build([
      { id: 'a', group: 'G', topic: 't1', answers: [null, null] },
      { id: 'b', group: 'G', topic: 't2', answers: [SOME, FEW] },
    ]);
    const r = rankItems(s);
    expect(r.groups[0]!.items.map((i) => i.item)).toEqual(['b']);
    expect(r.topics.map((t) => t.topic)).toEqual(['t2']);
  });

  it('ranks only the chosen items and refuses unknown items and bad options', () => {
    const s = build([
      { id: 'a', group: 'G', answers: share(2) },
      { id: 'b', group: 'G', answers: share(8) },
    ]);
    expect(rankItems(s, { items: ['a'] }).groups[0]!.items.map((i) => [i.item, i.rank])).toEqual([['a', 1]]);
    expect(() => rankItems(s, { items: ['zz'] })).toThrow(/rankItems: no item "zz"/);
    expect(() => rankItems(s, { top: 0 })).toThrow(/rankItems: top must be a positive integer/);
    expect(() => rankItems(s, { top: 1.5 })).toThrow(RangeError);
    expect(() => rankItems(s, { rankBy: 'median' as 'mean' })).toThrow(/rankItems: unknown rankBy/);
    expect(() => rankItems({} as typeof s)).toThrow(TypeError);
  });

  it('ranks are 1-based, non-decreasing and competition ranks of the values (property)', () => {
    const answer = fc.constantFrom(BIG, SOME, FEW, NONE, 'Ved ikke', null);
    const spec = fc.record({ group: fc.constantFrom('A', 'B', undefined), answers: fc.array(answer, { minLength: 3, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), (specs, top, byMean) => {
        const s = build(specs.map((x, i) => ({ id: `i${i}`, answers: x.answers, ...(x.group === undefined ? {} : { group: x.group }) })));
        const r = rankItems(s, { top, rankBy: byMean ? 'mean' : 'agreement' });
        for (const g of r.groups) {
          const all = s.items.filter((it) => (it.group ?? '(no group)') === g.group);
          let previous = 1;
          for (const [k, entry] of g.items.entries()) {
            expect(entry.rank).toBeGreaterThanOrEqual(previous);
            expect(entry.rank).toBeLessThanOrEqual(Math.min(top, k + 1));
            if (k === 0) expect(entry.rank).toBe(1);
            previous = entry.rank;
            if (k > 0) expect(entry.value).toBeLessThanOrEqual(g.items[k - 1]!.value);
          }
          // Independently: rank = 1 + the number of strictly larger defined values in the group.
          const values = all
            .map((it) => ({ id: it.id, v: byMean ? codedMean(s.item(it.id)).mean : agreementShare(s.item(it.id)).estimate }))
            .filter((x) => !Number.isNaN(x.v));
          const expected = values
            .map((x) => ({ id: x.id, rank: 1 + values.filter((y) => y.v > x.v).length }))
            .filter((x) => x.rank <= top);
          expect(new Map(g.items.map((i) => [i.item, i.rank]))).toEqual(new Map(expected.map((x) => [x.id, x.rank])));
        }
      }),
    );
  });
});
