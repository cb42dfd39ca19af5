import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survey, type Survey } from '../../src/data/survey';
import { correlate, type CorrelateOptions } from '../../src/describe/correlate';
import { pairSums, pairSumsPlan, runPairSumsPlan } from '../../src/engine/pairs';
import { defineScale } from '../../src/scale/defineScale';
import { summarize } from '../../src/summary/summarize';
import { correlateParallel } from '../../src/parallel/index';

/** A scale of `k` levels with codes start, start + gap, … and a "ved ikke" answer. */
function scaleOf(k: number, start: number, gap: number) {
  const levels = Array.from({ length: k }, (_, i) => `L${i}`);
  const codes = Array.from({ length: k }, (_, i) => start + i * gap);
  return defineScale({ id: `s${k}`, levels, codes, nonSubstantive: ['Ved ikke'] });
}

/** A random survey: 2–7 levels (5-level items among them), reverse items, all-missing items, a numeric attribute, filters. */
const samples = fc.integer({ min: 1, max: 120 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    items: fc.array(
      fc.record({
        k: fc.integer({ min: 2, max: 7 }),
        gap: fc.constantFrom(1, 1, 2),
        start: fc.integer({ min: -2, max: 3 }),
        reverse: fc.boolean(),
        allMissing: fc.boolean().map((b) => b && n % 4 === 0),
        cells: fc.array(fc.integer({ min: -2, max: 9 }), { minLength: n, maxLength: n }),
      }),
      { minLength: 2, maxLength: 6 },
    ),
    age: fc.array(fc.integer({ min: 18, max: 90 }), { minLength: n, maxLength: n }),
    region: fc.array(fc.constantFrom('Nord', 'Syd', 'Øst'), { minLength: n, maxLength: n }),
    keep: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    filter: fc.constantFrom('none', 'where', 'filter', 'both'),
    withAge: fc.boolean(),
    method: fc.constantFrom('pearson', 'pearson', 'pearson', 'spearman'),
    adjust: fc.constantFrom('none', 'holm'),
  }),
);

type Sample = typeof samples extends fc.Arbitrary<infer T> ? T : never;

function build(sample: Sample): Survey {
  const items = sample.items.map((item, index) => ({ id: `q${index}`, scale: scaleOf(item.k, item.start, item.gap), reverse: item.reverse }));
  const rows = Array.from({ length: sample.n }, (_, r) => {
    const row: Record<string, unknown> = { id: r, region: sample.region[r], age: sample.age[r] };
    sample.items.forEach((item, index) => {
      const cell = item.cells[r] as number;
      // −2: blank, −1: "ved ikke", else a level (taken mod k).
      row[`q${index}`] = item.allMissing || cell === -2 ? null : cell === -1 ? 'Ved ikke' : `L${cell % item.k}`;
    });
    return row;
  });
  let s = survey({ id: 'id', rows, items, attributes: { region: 'category', age: 'number' } });
  if (sample.filter === 'where' || sample.filter === 'both') s = s.where('region', ['Nord', 'Øst']);
  if (sample.filter === 'filter' || sample.filter === 'both') {
    const keep = sample.keep;
    s = s.filter((i) => keep[i] === true);
  }
  return s;
}

const optionsOf = (sample: Sample): CorrelateOptions => ({
  x: [...sample.items.map((_, index) => `q${index}`), ...(sample.withAge ? ['age'] : [])],
  method: sample.method as 'pearson' | 'spearman',
  adjust: sample.adjust as 'none' | 'holm',
});

describe('correlateParallel', () => {
  it('gives what correlate gives on random surveys with the pairs split over 2 workers', async () => {
    await fc.assert(
      fc.asyncProperty(samples, async (sample) => {
        const s = build(sample);
        const options = optionsOf(sample);
        expect(await correlateParallel(s, options, { workers: 2, minWork: 0 })).toEqual(correlate(s, options));
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('gives what correlate gives on the calling thread (one worker, or below minWork)', async () => {
    const sample = fc.sample(samples, { numRuns: 1, seed: 9 })[0] as Sample;
    const s = build(sample);
    const options = optionsOf(sample);
    expect(await correlateParallel(s, options, { workers: 1 })).toEqual(correlate(s, options));
    expect(await correlateParallel(s, options)).toEqual(correlate(s, options));
  });

  it('splits more workers than pairs into one pair each and still gives the hand-checked r of 1 and −1', async () => {
    const scale = scaleOf(4, 1, 1);
    const rows = Array.from({ length: 40 }, (_, i) => ({ id: i, a: `L${i % 4}`, b: `L${i % 4}`, c: `L${3 - (i % 4)}` }));
    const s = survey({ id: 'id', rows, items: ['a', 'b', 'c'].map((id) => ({ id, scale })) });
    const table = await correlateParallel(s, { x: ['a', 'b', 'c'] }, { workers: 8, minWork: 0 });
    // a and b are the same answers (r = 1); c is a reversed (r = −1 with both).
    expect(table.rows.map((row) => [row.x, row.y, row.n, row.r])).toEqual([
      ['a', 'b', 40, 1],
      ['a', 'c', 40, -1],
      ['b', 'c', 40, -1],
    ]);
    expect(table).toEqual(correlate(s, { x: ['a', 'b', 'c'] }));
  });

  it('gives what correlate gives for a summary', async () => {
    const sample = fc.sample(samples, { numRuns: 1, seed: 3 })[0] as Sample;
    const s = build(sample);
    const summary = summarize(s, { pairs: 'all' });
    const options = { x: sample.items.map((_, index) => `q${index}`) };
    expect(await correlateParallel(summary, options, { workers: 2, minWork: 0 })).toEqual(correlate(summary, options));
  });

  it('rejects a bad workers count, a bad minWork and a misspelt option key, naming the value', async () => {
    const s = survey({ id: 'id', rows: [{ id: 1, a: 'L0', b: 'L1' }], items: ['a', 'b'].map((id) => ({ id, scale: scaleOf(3, 1, 1) })) });
    const options = { x: ['a', 'b'] };
    await expect(correlateParallel(s, options, { workers: 0 })).rejects.toThrow('correlateParallel: parallel.workers must be an integer from 1 to 64, got 0');
    await expect(correlateParallel(s, options, { workers: 1.5 })).rejects.toThrow(RangeError);
    await expect(correlateParallel(s, options, { workers: '2' as never })).rejects.toThrow('got "2"');
    await expect(correlateParallel(s, options, { workers: 65 })).rejects.toThrow('got 65');
    await expect(correlateParallel(s, options, { minWork: -1 })).rejects.toThrow('correlateParallel: parallel.minWork must be a finite number ≥ 0');
    await expect(correlateParallel(s, options, { worker: 2 } as never)).rejects.toThrow('correlateParallel: unknown option "worker"; did you mean "workers"?');
    await expect(correlateParallel(s, options, null as never)).rejects.toThrow(TypeError);
    await expect(correlateParallel(s, { x: ['a', 'zz'] }, { workers: 2, minWork: 0 })).rejects.toThrow('correlate: "zz" is neither an item');
  });
});

describe('runPairSumsPlan', () => {
  it('gives the sums of pairSums when the pairs are summed in slices', () => {
    fc.assert(
      fc.property(samples, fc.integer({ min: 0, max: 20 }), (sample, cut) => {
        const s = build(sample);
        const ids = sample.items.map((_, index) => `q${index}`);
        const pairs: [string, string][] = [];
        for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i] as string, ids[j] as string]);
        const plan = pairSumsPlan(s, pairs);
        const at = Math.min(cut, pairs.length);
        const head = runPairSumsPlan(plan, 0, at);
        const tail = runPairSumsPlan(plan, at, pairs.length, { wasm: false });
        const whole = pairSums(s, pairs);
        expect([...head.sums, ...tail.sums]).toEqual([...whole.sums]);
        expect([...head.planar, ...tail.planar]).toEqual([...whole.planar]);
      }),
      { numRuns: 30 },
    );
  });
});
