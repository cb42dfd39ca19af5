import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { agreementShare } from '../../src/describe/agreementShare';
import { codedMean } from '../../src/describe/codedMean';
import { compareGroups } from '../../src/describe/compareGroups';
import { correlate } from '../../src/describe/correlate';
import { frequencies } from '../../src/describe/frequencies';
import { pearson } from '../../src/inference/pearson';
import { scales } from '../../src/scale/presets';
import { mergeSummaries } from '../../src/summary/mergeSummaries';
import { summarize } from '../../src/summary/summarize';
import type { SurveySummary } from '../../src/summary/types';

const rows = [
  { kode: '1', region: 'Nord', pop: 10, q1: 'I høj grad', q2: 'Slet ikke', w: 1 },
  { kode: '2', region: 'Nord', pop: 60, q1: 'Ved ikke', q2: 'I mindre grad', w: 2 },
  { kode: '3', region: 'Syd', pop: 120, q1: 'I meget høj grad', q2: 'I høj grad', w: 1 },
  { kode: '4', region: null, pop: 30, q1: null, q2: 'I høj grad', w: 4 },
  { kode: '5', region: 'Syd', pop: 45, q1: 'Slet ikke', q2: 'Ikke relevant', w: 2 },
];
const definition = {
  id: 'kode',
  items: [
    { id: 'q1', scale: scales.daDegree4 },
    { id: 'q2', scale: scales.daDegree4 },
  ],
  attributes: { region: 'category', pop: 'number' },
} as const;
const s = survey({ rows, ...definition });
const weighted = survey({ rows, ...definition, weight: 'w' });

describe('summarize', () => {
  it('counts every category, missing cell and attribute value (hand-counted)', () => {
    const summary = summarize(s, { by: 'region', pairs: [['q1', 'q2']] });
    expect(summary.respondents).toBe(5);
    expect(summary.weighted).toBe(false);
    // daDegree4: Slet ikke, I mindre grad, I høj grad, I meget høj grad, Ved ikke, Ikke relevant
    expect(summary.items[0]!.counts).toEqual([1, 0, 1, 1, 1, 0]);
    expect(summary.items[0]!.missing).toBe(1);
    expect(summary.items[1]!.counts).toEqual([1, 1, 2, 0, 0, 1]);
    expect(summary.attributes).toEqual([
      { name: 'region', categories: [{ value: 'Nord', count: 2, weight: null }, { value: 'Syd', count: 2, weight: null }], missing: 1 },
    ]);
    expect(summary.by!.groups.map((g) => [g.value, g.respondents, g.items[0]!.counts])).toEqual([
      ['Nord', 2, [0, 0, 1, 0, 1, 0]],
      ['Syd', 2, [1, 0, 0, 1, 0, 0]],
    ]);
    expect(summary.by!.ungrouped).toBe(1);
    // Pairs with both answers substantive: (3,1) for kode 1, (4,3) for kode 3; q1 rows, q2 columns.
    const pair = summary.pairs[0]!;
    expect([pair.rows, pair.columns, pair.respondents]).toEqual([4, 4, 5]);
    expect(pair.counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(pair.counts[2 * 4 + 0]).toBe(1);
    expect(pair.counts[3 * 4 + 2]).toBe(1);
  });

  it('lists attribute values and the groups of a categorical by in code-unit order, whatever the row order', () => {
    const regions = ['Århus', 'Syd', 'nord', 'Nord', 'Syd'];
    const make = (order: readonly number[]) =>
      summarize(survey({ rows: order.map((i) => ({ ...rows[i]!, region: regions[i] })), ...definition }), { by: 'region' });
    // Code units: "N" (78) < "S" (83) < "n" (110) < "Å" (197); a locale order would put "nord" first and "Århus" last.
    const expected = ['Nord', 'Syd', 'nord', 'Århus'];
    for (const order of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]]) {
      const summary = make(order);
      expect(summary.by!.groups.map((g) => g.value)).toEqual(expected);
      expect(summary.attributes[0]!.categories.map((c) => [c.value, c.count])).toEqual([['Nord', 1], ['Syd', 2], ['nord', 1], ['Århus', 1]]);
    }
    expect(make([4, 3, 2, 1, 0])).toEqual(make([0, 1, 2, 3, 4]));
  });

  it('keeps size groups in their labels\' order after a merge in either order', () => {
    const by = { attribute: 'pop', breaks: [50, 100], labels: ['z small', 'a middle', 'm large'] };
    const first = summarize(s.filter([true, false, true, false, false]), { by });
    const second = summarize(s.filter([false, true, false, true, true]), { by });
    for (const merged of [mergeSummaries(first, second), mergeSummaries(second, first)]) {
      expect(merged.by!.groups.map((g) => [g.value, g.respondents])).toEqual([['z small', 3], ['a middle', 1], ['m large', 1]]);
    }
  });

  it('merges groups and attribute values into code-unit order, so the merge order does not matter', () => {
    const south = s.filter((i) => s.category('region')[i] === 'Syd');
    const others = s.filter((i) => s.category('region')[i] !== 'Syd');
    const ab = mergeSummaries(summarize(south, { by: 'region' }), summarize(others, { by: 'region' }));
    const ba = mergeSummaries(summarize(others, { by: 'region' }), summarize(south, { by: 'region' }));
    expect(ab.by!.groups.map((g) => g.value)).toEqual(['Nord', 'Syd']);
    expect(ab.attributes[0]!.categories.map((c) => c.value)).toEqual(['Nord', 'Syd']);
    expect(ab).toEqual(ba);
  });

  it('records the cut points of a size grouping', () => {
    const summary = summarize(s, { by: { attribute: 'pop', breaks: [50, 100] } });
    expect(summary.by!.sizeGroups).toEqual(['under 50', '50–99', '100 and over']);
    expect(summary.by!.breaks).toEqual([50, 100]);
    expect(summary.by!.groups.map((g) => g.respondents)).toEqual([3, 1, 1]);
  });

  it("pairs: 'all' keeps every unordered item pair once", () => {
    expect(summarize(s, { pairs: 'all' }).pairs.map((p) => [p.x, p.y])).toEqual([['q1', 'q2']]);
  });

  it('survives a JSON round trip with identical results', () => {
    const summary = summarize(weighted, { by: 'region', pairs: 'all' });
    const restored = JSON.parse(JSON.stringify(summary)) as SurveySummary;
    expect(restored).toEqual(summary);
    expect(codedMean(restored.items[1]!)).toEqual(codedMean(summary.items[1]!));
  });

  it('sums weights per category: Σw and Σ(w·2⁻ᵉ)² with 2ᵉ = 4 at the largest weight', () => {
    const summary = summarize(weighted);
    const q2 = summary.items[1]!;
    // q2: Slet ikke w=1, I mindre grad w=2, I høj grad w=1+4, Ikke relevant w=2
    expect(q2.weights!.sums.map(([hi, lo]) => hi + lo)).toEqual([1, 2, 5, 0, 0, 2]);
    expect(q2.weights!.scale).toBe(1 / 4);
    expect(q2.weights!.squares.map(([hi, lo]) => hi + lo)).toEqual([1 / 16, 4 / 16, 17 / 16, 0, 0, 4 / 16]);
  });

  it('rejects unknown option keys, a per-respondent by, unknown items and self-pairs', () => {
    expect(() => summarize(s, { pair: 'all' } as never)).toThrow(/^summarize: unknown option "pair"/);
    expect(() => summarize(s, { by: ['a', 'b', 'c', 'd', 'e'] } as never)).toThrow(/^summarize: by must be a categorical attribute name or a size grouping/);
    expect(() => summarize(s, { pairs: [['q1', 'q9']] })).toThrow(/^summarize: pairs\[0\] names "q9", which is not an item/);
    expect(() => summarize(s, { pairs: [['q1', 'q1']] })).toThrow(/^summarize: pairs\[0\] pairs "q1" with itself/);
    expect(() => summarize({} as never)).toThrow(/^summarize: expected a survey/);
  });
});

describe('mergeSummaries', () => {
  const north = s.where('region', 'Nord');
  const rest = s.filter((i) => s.category('region')[i] !== 'Nord');

  it('adds the counts of two disjoint parts to those of the whole', () => {
    const merged = mergeSummaries(summarize(north, { by: 'region', pairs: 'all' }), summarize(rest, { by: 'region', pairs: 'all' }));
    const whole = summarize(s, { by: 'region', pairs: 'all' });
    expect(merged.respondents).toBe(5);
    expect(merged.items.map((i) => [i.counts, i.missing, i.invalid])).toEqual(whole.items.map((i) => [i.counts, i.missing, i.invalid]));
    expect(merged.pairs).toEqual(whole.pairs);
    expect(merged.by).toEqual(whole.by);
  });

  it('merges squared weights kept at different power-of-two scales exactly', () => {
    const big = survey({ rows: rows.slice(0, 2), ...definition, weight: 'w' }).withWeights([3e300, 1e300]);
    const small = survey({ rows: rows.slice(2), ...definition, weight: 'w' }).withWeights([1e-170, 2e-170, 5e-171]);
    const merged = mergeSummaries(summarize(small), summarize(big));
    const q2 = merged.items[1]!;
    expect(q2.weights!.scale).toBe(summarize(big).items[1]!.weights!.scale);
    // Kish's n' over q2's answered cells is (3e300 + 1e300 + …)² / (9e600 + 1e600 + …) = 16/10 in doubles.
    expect(frequencies(q2).nEffective).toBeCloseTo(1.6, 15);
    const tinyOnly = mergeSummaries(summarize(small), summarize(small));
    // Two parts of weights near 1e-170: squares near 1e-340 would underflow, rescaled they are exact.
    expect(frequencies(tinyOnly.items[1]!).nEffective).toBe(frequencies(small.item('q2')).nEffective * 2);
  });

  it('refuses summaries that differ in items, weighting, by, pairs or cut points, naming what differs', () => {
    const a = summarize(s, { by: 'region' });
    expect(() => mergeSummaries(a, summarize(weighted, { by: 'region' }))).toThrow(/^mergeSummaries: a and b differ in weighting/);
    expect(() => mergeSummaries(a, summarize(s))).toThrow(/^mergeSummaries: a and b differ in by \(a is by "region", b has none\)/);
    expect(() => mergeSummaries(summarize(s), summarize(s, { pairs: 'all' }))).toThrow(/differ in pairs \(a has 0, b has 1\)/);
    const other = survey({ rows, ...definition, items: [{ id: 'q1', scale: scales.daDegree4 }] });
    expect(() => mergeSummaries(summarize(s), summarize(other))).toThrow(/differ in items \(a: "q1", "q2"; b: "q1"\)/);
    const relabelled = survey({ rows, ...definition, items: definition.items.map((item, k) => (k === 0 ? { ...item, label: 'Another wording' } : item)) });
    expect(() => mergeSummaries(summarize(s), summarize(relabelled))).toThrow(/differ in the label of item "q1" \(a: "q1", b: "Another wording"\)/);
    const regrouped = survey({ rows, ...definition, items: definition.items.map((item, k) => (k === 1 ? { ...item, group: 'g' } : item)) });
    expect(() => mergeSummaries(summarize(s), summarize(regrouped))).toThrow(/differ in the group of item "q2" \(a: null, b: "g"\)/);
    // A median split without a fixed reference cuts each part at its own median.
    const median = { attribute: 'pop', split: 'median' } as const;
    expect(() => mergeSummaries(summarize(north, { by: median }), summarize(rest, { by: median }))).toThrow(/cut points of by "pop".*fixed reference/);
  });

  it('refuses something that is not a summary, and another version', () => {
    const a = summarize(s);
    expect(() => mergeSummaries(a, { kind: 'survey' } as never)).toThrow(/^mergeSummaries: b is not a survey summary/);
    expect(() => mergeSummaries({ ...a, version: 2 } as never, a)).toThrow(/^mergeSummaries: a has version 2, but this likertkit reads version 1/);
    const broken = { ...a, items: [{ ...a.items[0]!, counts: [1, 2] }, a.items[1]!] };
    expect(() => mergeSummaries(broken, a)).toThrow(/^mergeSummaries: a's items\[0\] must have 6 counts/);
  });
});

describe('statistics of a summary', () => {
  const summary = summarize(weighted, { by: 'region', pairs: [['q1', 'q2']] });

  it('give the figures of the survey, weighted alike (Kish\'s variance: a summary holds tallies, not the design)', () => {
    expect(agreementShare(summary.items[0]!)).toEqual(agreementShare(weighted.item('q1'), { variance: 'kish' }));
    expect(codedMean(summary.items[1]!, { weights: null })).toEqual(codedMean(weighted.item('q2'), { weights: null }));
    expect(pearson(summary.pairs[0]!)).toEqual(pearson(weighted.item('q1'), weighted.item('q2')));
    expect(compareGroups(summary, 'q2', { by: 'region' })).toEqual(compareGroups(weighted, 'q2', { by: 'region', variance: 'kish' }));
  });

  it('refuse weights given with an item summary', () => {
    expect(() => agreementShare(summary.items[0]!, { weights: [1, 2, 3, 4, 5] })).toThrow(/^agreementShare: weights cannot be given with an item summary/);
  });

  it('correlate names a pair the summary lacks and says how to add it', () => {
    const bare = summarize(s);
    expect(() => correlate(bare, { x: ['q1', 'q2'] })).toThrow(
      /^correlate: the summary has no pair \["q1", "q2"\]; pass it in summarize\(s, \{ pairs: \[\["q1", "q2"\], …\] \}\)/,
    );
    expect(() => correlate(bare, { x: ['q1', 'pop'] })).toThrow(/^correlate: "pop" is not an item of the summary/);
  });

  it('compareGroups refuses a summary grouped otherwise', () => {
    expect(() => compareGroups(summary, 'q1', { by: { attribute: 'pop', breaks: [50] } })).toThrow(
      /^compareGroups: the summary is grouped by "region", but by is "pop: breaks 50"/,
    );
  });
});

describe('representativeness of a summary', () => {
  it('gives the categorical rows of the survey, and refuses a numeric variable', async () => {
    const { representativeness } = await import('../../src/representativeness/representativeness');
    const targets = { region: { Nord: 0.5, Syd: 0.5 } };
    const options = { targets, variables: ['region'] };
    expect(representativeness({ sample: summarize(s), ...options })).toEqual(representativeness({ sample: s, ...options }));
    expect(() => representativeness({ sample: summarize(s), targets: { pop: { mean: 50 } }, variables: ['pop'] })).toThrow(
      /^representativeness: a survey summary holds categorical attributes only, and "pop" is not one of them/,
    );
  });
});
