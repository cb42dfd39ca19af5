import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import type { Survey } from '../../src/data/survey';
import { agreementShare, disagreementShare } from '../../src/describe/agreementShare';
import { codedMean } from '../../src/describe/codedMean';
import { compareGroups } from '../../src/describe/compareGroups';
import { correlate } from '../../src/describe/correlate';
import { frequencies } from '../../src/describe/frequencies';
import { rankItems } from '../../src/describe/rankItems';
import { pearson } from '../../src/inference/pearson';
import { defineScale } from '../../src/scale/defineScale';
import { mergeSummaries } from '../../src/summary/mergeSummaries';
import { summarize } from '../../src/summary/summarize';
import type { SurveySummary } from '../../src/summary/types';

const RELATIVE = 1e-15;

/**
 * Deep comparison: equal strings, booleans and nulls; numbers equal, both NaN, or within
 * `RELATIVE` of each other relative to the larger magnitude.
 */
function expectSame(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected) || Number.isNaN(actual)) {
      expect(Number.isNaN(actual), `${path}: ${actual} vs ${expected}`).toBe(Number.isNaN(expected));
      return;
    }
    if (actual === expected) return;
    const scale = Math.max(Math.abs(actual), Math.abs(expected));
    expect(Math.abs(actual - expected) <= RELATIVE * scale, `${path}: ${actual} vs ${expected}`).toBe(true);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((value, i) => expectSame((actual as unknown[])[i], value, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectSame((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

/** Values of a categorical attribute, among them names that are properties of every object. */
const REGIONS = ['constructor', '__proto__', 'toString', 'Nord', 'hasOwnProperty'] as const;

interface Plan {
  readonly scales: { levels: number; nonSubstantive: number }[];
  readonly rows: { cells: number[]; region: number; pop: number | null; weight: number }[];
  readonly weighted: boolean;
  readonly parts: number[];
  readonly k: number;
  readonly order: number[];
  readonly bySize: boolean;
}

const planArbitrary: fc.Arbitrary<Plan> = fc
  .record({
    scales: fc.array(fc.record({ levels: fc.integer({ min: 2, max: 7 }), nonSubstantive: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 4 }),
    n: fc.integer({ min: 1, max: 40 }),
    k: fc.integer({ min: 1, max: 5 }),
    weighted: fc.boolean(),
    bySize: fc.boolean(),
    seed: fc.integer(),
  })
  .chain(({ scales, n, k, weighted, bySize }) =>
    fc.record({
      scales: fc.constant(scales),
      // A cell: 0 … 9 picks a level, a non-substantive answer, a blank, '' or an unknown label.
      rows: fc.array(
        fc.record({
          cells: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: scales.length, maxLength: scales.length }),
          region: fc.integer({ min: 0, max: REGIONS.length }),
          pop: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
          // Weights k/8: every sum of up to 40 of them is exact, so the survey's plain sums and the
          // summary's double-double sums hold the same value and the figures can be compared at 1e-15.
          weight: fc.integer({ min: 0, max: 80 }).map((w) => w / 8),
        }),
        { minLength: n, maxLength: n },
      ),
      weighted: fc.constant(weighted),
      parts: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
      k: fc.constant(k),
      order: fc.shuffledSubarray(
        Array.from({ length: k }, (_, i) => i),
        { minLength: k, maxLength: k },
      ),
      bySize: fc.constant(bySize),
    }),
  );

function build(plan: Plan): Survey {
  const scales = plan.scales.map((spec, j) =>
    defineScale({
      id: `s${j}`,
      levels: Array.from({ length: spec.levels }, (_, l) => `L${l}`),
      nonSubstantive: Array.from({ length: spec.nonSubstantive }, (_, l) => `N${l}`),
    }),
  );
  const label = (j: number, cell: number): string | null => {
    const spec = plan.scales[j]!;
    if (cell < 7) return cell < spec.levels ? `L${cell}` : null;
    if (cell < 9) return cell - 7 < spec.nonSubstantive ? `N${cell - 7}` : '';
    if (cell === 9) return '  ';
    return 'not a label';
  };
  return survey({
    rows: plan.rows.map((row, i) => ({
      id: String(i),
      region: row.region < REGIONS.length ? REGIONS[row.region] : null,
      pop: row.pop,
      w: row.weight,
      ...Object.fromEntries(row.cells.map((cell, j) => [`q${j}`, label(j, cell)])),
    })),
    id: 'id',
    items: plan.scales.map((_, j) => ({ id: `q${j}`, scale: scales[j]!, group: j % 2 === 0 ? 'even' : 'odd' })),
    attributes: { region: 'category', pop: 'number' },
    ...(plan.weighted ? { weight: 'w' } : {}),
    unknown: 'missing',
  });
}

const byOf = (plan: Plan) => (plan.bySize ? { attribute: 'pop', breaks: [10, 20] } : 'region');

describe('merged summaries equal the batch result', () => {
  it('gives identical counts and the survey’s own figures within 1e-15, for any split and merge order', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const s = build(plan);
        const by = byOf(plan);
        const options = { by, pairs: 'all' as const };
        const parts = Array.from({ length: plan.k }, (_, p) => s.filter(plan.parts.map((q) => q === p)));
        const summaries = plan.order.map((p) => summarize(parts[p]!, options));
        let merged = summaries[0]!;
        for (const next of summaries.slice(1)) merged = mergeSummaries(merged, next);
        const restored = JSON.parse(JSON.stringify(merged)) as SurveySummary;
        const whole = summarize(s, options);

        // Counts identical, groups and attribute values alike.
        expect(restored.respondents).toBe(whole.respondents);
        restored.items.forEach((item, k) => {
          const w = whole.items[k]!;
          expect([item.counts, item.missing, item.invalid]).toEqual([w.counts, w.missing, w.invalid]);
          if (w.weights !== null) {
            expectSame(item.weights!.sums.map(([hi, lo]) => hi + lo), w.weights.sums.map(([hi, lo]) => hi + lo));
            expect(item.weights!.scale).toBe(w.weights.scale);
          }
        });
        expect(restored.pairs.map((p) => p.counts)).toEqual(whole.pairs.map((p) => p.counts));
        const counts = (x: SurveySummary) =>
          Object.fromEntries(x.attributes[0]!.categories.map((c) => [`=${c.value}`, c.count]));
        expect(counts(restored)).toEqual(counts(whole));
        const groups = (x: SurveySummary) =>
          Object.fromEntries(x.by!.groups.map((g) => [`=${g.value}`, [g.respondents, g.items.map((i) => i.counts)]]));
        expect(groups(restored)).toEqual(groups(whole));
        // One order however the data were split and merged: code units for categories, labels for size groups.
        expect(restored.by!.groups.map((g) => g.value)).toEqual(whole.by!.groups.map((g) => g.value));
        expect(restored.attributes[0]!.categories.map((c) => c.value)).toEqual(whole.attributes[0]!.categories.map((c) => c.value));
        expect(restored.by!.ungrouped).toBe(whole.by!.ungrouped);

        // Every statistic from the summary equals the one from the survey (weighted: under Kish's
        // variance, as a summary holds tallies, not the design).
        restored.items.forEach((item) => {
          const column = s.item(item.id);
          expectSame(frequencies(item), frequencies(column, { variance: 'kish' }), `frequencies ${item.id}`);
          for (const denominator of ['answered', 'substantive'] as const) {
            expectSame(agreementShare(item, { denominator }), agreementShare(column, { denominator, variance: 'kish' }), `agree ${item.id}`);
            expectSame(disagreementShare(item, { denominator, ci: 'jeffreys' }), disagreementShare(column, { denominator, ci: 'jeffreys', variance: 'kish' }));
          }
          expectSame(codedMean(item, { level: 0.9 }), codedMean(column, { level: 0.9, variance: 'kish' }), `mean ${item.id}`);
          const byGroup = (r: ReturnType<typeof compareGroups>) => ({
            ...r,
            groups: Object.fromEntries(r.groups.map((g) => [`=${g.group}`, g])),
          });
          expectSame(byGroup(compareGroups(restored, item.id, { by })), byGroup(compareGroups(s, item.id, { by, variance: 'kish' })), `groups ${item.id}`);
        });
        restored.pairs.forEach((pair) => expectSame(pearson(pair), pearson(s.item(pair.x), s.item(pair.y)), `pearson ${pair.x} ${pair.y}`));
        const ids = s.items.map((i) => i.id);
        // A summary holds unweighted pair counts: its correlations are those of the survey unweighted
        // (correlate of a weighted survey is design-based, see test/design/weightedCorrelate.test.ts).
        const unweightedSurvey = s.weights === null ? s : s.withWeights(null);
        if (ids.length >= 2) expectSame(correlate(restored, { x: ids, adjust: 'holm' }), correlate(unweightedSurvey, { x: ids, adjust: 'holm' }));
        expectSame(rankItems(restored, { top: 2 }), rankItems(s, { top: 2 }));
        expectSame(rankItems(restored, { rankBy: 'mean' }), rankItems(s, { rankBy: 'mean' }));
      }),
      { numRuns: 150 },
    );
  });
});
