import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survey, type Survey } from '../../src/data/survey';
import { correlate } from '../../src/describe/correlate';
import { pearson } from '../../src/inference/pearson';
import { defineScale } from '../../src/scale/defineScale';
import { surveyFrame } from '../../src/data/surveyObject';
import { columnPlanes, compactPlanes, type ColumnPlanes } from '../../src/engine/planes';
import { compactionPays, pairSums, pairSumsPlan, runPairSumsPlan } from '../../src/engine/pairs';
import { gatherLayout } from '../../src/engine/wasmKernel';

/** A scale of `k` levels with the given codes (default 1…k) and a "ved ikke" answer. */
function scaleOf(k: number, codes?: number[]) {
  const levels = Array.from({ length: k }, (_, i) => `L${i}`);
  return defineScale({ id: `s${k}`, levels, ...(codes === undefined ? {} : { codes }), nonSubstantive: ['Ved ikke'] });
}

describe('pairSums', () => {
  it('gives the hand-computed sums when every respondent answers the top level, past many flushes', () => {
    // 40 000 respondents, all at v = 3 (4 levels): n = 40 000, Σv = 120 000, Σv² = Σvw = 360 000.
    const n = 40_000;
    const scale = scaleOf(4);
    const s = survey({ id: 'id', rows: Array.from({ length: n }, (_, i) => ({ id: i, a: 'L3', b: 'L3' })), items: [{ id: 'a', scale }, { id: 'b', scale }] });
    const { sums, planar, size } = pairSums(s, [['a', 'b']]);
    expect(planar[0]).toBe(1);
    expect(size).toBe(n);
    expect(Array.from(sums)).toEqual([n, 3 * n, 3 * n, 9 * n, 9 * n, 9 * n]);
  });

  it('gives the hand-computed sums for six levels at the top (three planes), past many flushes', () => {
    // v = 5 for x and 4 for y: Σvx = 5n, Σvy = 4n, Σvx² = 25n, Σvy² = 16n, Σvxvy = 20n.
    const n = 20_011;
    const scale = scaleOf(6);
    const s = survey({ id: 'id', rows: Array.from({ length: n }, (_, i) => ({ id: i, a: 'L5', b: 'L4' })), items: [{ id: 'a', scale }, { id: 'b', scale }] });
    expect(Array.from(pairSums(s, [['a', 'b']]).sums)).toEqual([n, 5 * n, 4 * n, 25 * n, 16 * n, 20 * n]);
  });

  it('counts only the respondents of a filter, and none outside the base rows', () => {
    // Rows 0…69: x = i mod 4, y = 3 − x; the filter keeps the even rows.
    const scale = scaleOf(4);
    const rows = Array.from({ length: 70 }, (_, i) => ({ id: i, a: `L${i % 4}`, b: `L${3 - (i % 4)}` }));
    const s = survey({ id: 'id', rows, items: [{ id: 'a', scale }, { id: 'b', scale }] }).filter((i) => i % 2 === 0);
    // Even rows: x alternates 0, 2 (35 rows: 18 zeros, 17 twos); y = 3 − x.
    const { sums, size } = pairSums(s, [['a', 'b']]);
    expect(size).toBe(35);
    expect(Array.from(sums)).toEqual([35, 34, 18 * 3 + 17 * 1, 68, 18 * 9 + 17, 17 * 2]);
  });

  it('leaves items with non-integer or wide-ranging scores to the caller', () => {
    const wide = scaleOf(11);
    const fractional = scaleOf(3, [0, 0.5, 1]);
    const four = scaleOf(4);
    const s = survey({
      id: 'id',
      rows: [{ id: 1, a: 'L1', b: 'L2', c: 'L0' }],
      items: [{ id: 'a', scale: wide }, { id: 'b', scale: fractional }, { id: 'c', scale: four }],
    });
    expect(columnPlanes(s.item('a'))).toBeNull();
    expect(columnPlanes(s.item('b'))).toBeNull();
    expect(Array.from(pairSums(s, [['a', 'c'], ['b', 'c']]).planar)).toEqual([0, 0]);
  });
});

/** A random survey: items with 2–11 levels, default or gapped integer codes, reverse-coded items, all-missing items. */
const surveys = fc.integer({ min: 1, max: 90 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    items: fc.array(
      fc.record({
        k: fc.integer({ min: 2, max: 11 }),
        gap: fc.constantFrom(1, 1, 2),
        start: fc.integer({ min: -3, max: 3 }),
        reverse: fc.boolean(),
        allMissing: fc.boolean().map((b) => b && n % 3 === 0),
        cells: fc.array(fc.integer({ min: -2, max: 10 }), { minLength: n, maxLength: n }),
      }),
      { minLength: 2, maxLength: 5 },
    ),
    region: fc.array(fc.constantFrom('Nord', 'Syd', 'Øst'), { minLength: n, maxLength: n }),
    keep: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    filter: fc.constantFrom('none', 'where', 'filter', 'both'),
  }),
);

type Sample = typeof surveys extends fc.Arbitrary<infer T> ? T : never;

function build(sample: Sample): Survey {
  const items = sample.items.map((item, index) => {
    const codes = Array.from({ length: item.k }, (_, i) => item.start + i * item.gap);
    return { id: `q${index}`, scale: scaleOf(item.k, codes), reverse: item.reverse };
  });
  const rows = Array.from({ length: sample.n }, (_, r) => {
    const row: Record<string, unknown> = { id: r, region: sample.region[r] };
    sample.items.forEach((item, index) => {
      const cell = item.cells[r] as number;
      // −2: blank, −1: "ved ikke", else a level (taken mod k).
      row[`q${index}`] = item.allMissing || cell === -2 ? null : cell === -1 ? 'Ved ikke' : `L${cell % item.k}`;
    });
    return row;
  });
  let s = survey({ id: 'id', rows, items, attributes: { region: 'category' } });
  if (sample.filter === 'where' || sample.filter === 'both') s = s.where('region', ['Nord', 'Øst']);
  if (sample.filter === 'filter' || sample.filter === 'both') {
    const keep = sample.keep;
    s = s.filter((i) => keep[i] === true);
  }
  return s;
}

describe('correlate on item pairs', () => {
  it('gives exactly what pearson() gives for the same two columns, under filters, reverse coding and every scale size', () => {
    fc.assert(
      fc.property(surveys, (sample) => {
        const s = build(sample);
        const ids = s.items.map((item) => item.id);
        const table = correlate(s, { x: ids, level: 0.9 });
        for (const row of table.rows) {
          const expected = pearson(s.item(row.x), s.item(row.y), { level: 0.9 });
          expect({ n: row.n, r: row.r, t: row.t, df: row.df, p: row.p, stars: row.stars, lower: row.ci.lower, upper: row.ci.upper, reason: row.reason }).toEqual({
            n: expected.n,
            r: expected.r,
            t: expected.t,
            df: expected.df,
            p: expected.p,
            stars: expected.stars,
            lower: expected.ci.lower,
            upper: expected.ci.upper,
            reason: expected.reason,
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** A plane set as plain arrays, for toEqual. */
const planeArrays = (p: ColumnPlanes) => ({ length: p.length, words: p.words, present: Array.from(p.present), planes: p.planes.map((x) => Array.from(x)), products: p.products.map((x) => Array.from(x)), top: p.top, offset: p.offset });

/** Respondents of a survey 0 … n − 1 kept where `keep` holds, each item's planes built from the kept rows alone. */
const wideSurveys = fc.integer({ min: 1, max: 700 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    k: fc.constantFrom(2, 4, 5, 6),
    // Level scores from `start` on, 1 apart or with a gap of 2 after the first (v up to 5).
    start: fc.integer({ min: -3, max: 10 }),
    gapped: fc.boolean(),
    reverse: fc.boolean(),
    cells: fc.array(fc.integer({ min: -3, max: 6 }), { minLength: n, maxLength: n }),
    other: fc.array(fc.integer({ min: -3, max: 6 }), { minLength: n, maxLength: n }),
    share: fc.constantFrom(0, 0.03, 0.3, 0.9, 1),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  }),
);

function wideRows(sample: { n: number; k: number; cells: number[]; other: number[] }, keep: (i: number) => boolean) {
  const label = (cell: number) => (cell === -3 ? 'Ukendt svar' : cell === -2 ? null : cell === -1 || cell >= sample.k ? 'Ved ikke' : `L${cell}`);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < sample.n; i++) if (keep(i)) rows.push({ id: i, a: label(sample.cells[i] as number), b: label(sample.other[i] as number) });
  return rows;
}

/** Presence and planes of v = score − offset, one bit per respondent, written out bit by bit. */
function writtenPlanes(scores: Float64Array, offset: number, count: number): { present: number[]; planes: number[][] } {
  const words = Math.ceil(scores.length / 32);
  const present = new Array<number>(words).fill(0);
  const planes = Array.from({ length: count }, () => new Array<number>(words).fill(0));
  scores.forEach((score, k) => {
    if (Number.isNaN(score)) return;
    present[k >> 5] = (present[k >> 5]! | (1 << (k % 32))) | 0;
    for (let b = 0; b < count; b++) if (((score - offset) >> b) & 1) planes[b]![k >> 5] = (planes[b]![k >> 5]! | (1 << (k % 32))) | 0;
  });
  return { present, planes };
}

describe('pair sums of a filter from compacted planes', () => {
  it('compacts to the planes of a survey read with the kept rows only, by the kernel and without it', () => {
    fc.assert(
      fc.property(wideSurveys, (sample) => {
        const scores = Array.from({ length: sample.k }, (_, i) => sample.start + i + (sample.gapped && i > 0 && sample.k < 6 ? 1 : 0));
        const scale = scaleOf(sample.k, scores);
        const items = [{ id: 'a', scale, reverse: sample.reverse }, { id: 'b', scale }];
        // A deterministic pseudo-random keep per row from the seed, at about `share`.
        const keep = (i: number) => ((Math.imul(i + 1, 2654435761) ^ sample.seed) >>> 0) / 2 ** 32 < sample.share;
        const whole = survey({ id: 'id', rows: wideRows(sample, () => true), items, unknown: 'missing' });
        const filtered = whole.filter(keep);
        const keptRows = wideRows(sample, keep);
        // With no row kept, the planes are empty (a survey cannot be read without rows).
        const alone = keptRows.length === 0 ? null : survey({ id: 'id', rows: keptRows, items, unknown: 'missing' });
        const rows = surveyFrame(filtered).rows() ?? new Int32Array(0);
        for (const id of ['a', 'b']) {
          const column = surveyFrame(whole).columns.get(id)!;
          const base = columnPlanes(column)!;
          const empty = { length: 0, words: 0, present: [], planes: base.planes.map(() => []), products: base.products.map(() => []), top: base.top, offset: base.offset };
          const expected = alone === null ? empty : planeArrays(columnPlanes(alone.item(id))!);
          // The planes written out from the kept respondents' scores (NaN: no substantive answer).
          const written = writtenPlanes(filtered.numeric(id), base.offset, base.planes.length);
          expect({ present: expected.present, planes: expected.planes }).toEqual(written);
          const layout = gatherLayout(rows, sample.n);
          expect(layout).not.toBeNull();
          expect(planeArrays(compactPlanes(column, base, rows, layout))).toEqual(expected);
          expect(planeArrays(compactPlanes(column, base, rows))).toEqual(expected);
        }
        // The sums from the compacted plan equal those under the mask, and the kept rows' own.
        const masked = runPairSumsPlan(pairSumsPlan(filtered, [['a', 'b']], { compact: false }), 0, 1);
        const compact = pairSumsPlan(filtered, [['a', 'b']], { compact: true });
        expect(compact.mask).toBeNull();
        expect(Array.from(runPairSumsPlan(compact, 0, 1).sums)).toEqual(Array.from(masked.sums));
        expect(Array.from(runPairSumsPlan(compact, 0, 1, { wasm: false }).sums)).toEqual(Array.from(masked.sums));
        if (alone !== null) expect(Array.from(pairSums(alone, [['a', 'b']]).sums)).toEqual(Array.from(masked.sums));
      }),
      { numRuns: 120 },
    );
  });

  it('compacts a correlation table under a filter, not one pair over nearly every respondent', () => {
    // 40 items (780 pairs) of 10^6 respondents, by the WebAssembly kernel: compacting costs
    // 40 · (0.012 · 10^6 + 0.055 · kept) steps once, the masked sums 780 steps per 128 rows.
    expect(compactionPays(100_000, 1_000_000, 40, 780, true)).toBe(true);
    expect(compactionPays(300_000, 1_000_000, 40, 780, true)).toBe(true);
    expect(compactionPays(600_000, 1_000_000, 40, 780, true)).toBe(true);
    expect(compactionPays(750_000, 1_000_000, 40, 780, true)).toBe(false);
    // One pair: the copy of two columns costs more than the kernel saves, however narrow the filter.
    expect(compactionPays(1_000, 1_000_000, 2, 1, true)).toBe(false);
    // The JavaScript kernel: no copy, 0.1 steps a kept cell.
    expect(compactionPays(1_000, 1_000_000, 2, 1, false)).toBe(true);
    expect(compactionPays(100_000, 1_000_000, 2, 1, false)).toBe(false);
    expect(compactionPays(500_000, 1_000_000, 40, 780, false)).toBe(true);
    expect(compactionPays(900_000, 1_000_000, 40, 780, false)).toBe(false);
  });
});

describe('where on a filtered survey', () => {
  it('keeps the respondents of the filter in the category, as where before the filter does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }).chain((n) =>
          fc.record({
            region: fc.array(fc.constantFrom('Nord', 'Syd', 'Øst', null), { minLength: n, maxLength: n }),
            keep: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            cells: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: n, maxLength: n }),
            wanted: fc.constantFrom('Nord', 'Syd', 'Vest'),
          }),
        ),
        (c) => {
          const scale = scaleOf(4);
          const rows = c.region.map((region, i) => ({ id: i, region, q: c.cells[i] === -1 ? null : `L${c.cells[i]}` }));
          const s = survey({ id: 'id', rows, items: [{ id: 'q', scale }], attributes: { region: 'category' } });
          const kept = c.region.flatMap((region, i) => (c.keep[i] && region === c.wanted ? [String(i)] : []));
          const after = s.filter((i) => c.keep[i] === true).where('region', c.wanted);
          expect(after.ids).toEqual(kept);
          expect(after.item('q').n.total).toBe(kept.length);
          const answered = kept.filter((id) => c.cells[Number(id)] !== -1).length;
          expect(after.item('q').n.answered).toBe(answered);
        },
      ),
      { numRuns: 150 },
    );
  });
});
