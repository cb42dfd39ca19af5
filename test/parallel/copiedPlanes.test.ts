import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { correlate } from '../../src/describe/correlate';
import { pairSumsPlan } from '../../src/engine/pairs';
import { scales } from '../../src/scale/presets';
import { answer, packPlan, sliceMessage, type PlanMessage } from '../../src/parallel/pack';
import { correlateSplit, type Threads } from '../../src/parallel/split';
import { parallelSupport } from '../../src/parallel/index';

const labels = [...scales.daDegree4.levels, 'Ved ikke', null];

/** A survey of `cells.length` items over `n` respondents, cell values indexing `labels`. */
function build(n: number, cells: number[][]) {
  const columns: Record<string, unknown[]> = { id: Array.from({ length: n }, (_, i) => i) };
  cells.forEach((column, j) => {
    columns[`q${j}`] = column.map((c) => labels[c % labels.length]);
  });
  return survey({ id: 'id', columns, items: cells.map((_, j) => ({ id: `q${j}`, scale: scales.daDegree4 })) });
}

/** Workers that are not threads: each slice is structured-cloned (as postMessage does) and summed here. */
function clonedThreads(sharedMemory: boolean, seen: PlanMessage[] = []): Threads {
  return {
    threads: 'web-workers',
    sharedMemory,
    parallelism: 2,
    run: async (message) => {
      const copy = structuredClone(message);
      seen.push(copy);
      const { reply } = answer(copy);
      if (!reply.ok) throw new Error(reply.message);
      return reply;
    },
  };
}

const samples = fc.integer({ min: 1, max: 90 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    cells: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }), { minLength: 2, maxLength: 7 }),
    workers: fc.integer({ min: 2, max: 5 }),
    shared: fc.boolean(),
  }),
);

describe('correlateParallel with copied planes (a browser page without cross-origin isolation)', () => {
  it('gives what correlate gives on random surveys, whether the planes are shared or copied', async () => {
    await fc.assert(
      fc.asyncProperty(samples, async ({ n, cells, workers, shared }) => {
        const s = build(n, cells);
        const options = { x: cells.map((_, j) => `q${j}`) };
        const table = await correlateSplit(s, options, { workers, minWork: 0 }, async () => clonedThreads(shared));
        expect(table).toEqual(correlate(s, options));
      }),
      { numRuns: 40 },
    );
  });

  it('sends each worker only the items its pairs name when copying, and every item when sharing', () => {
    const s = build(64, [0, 1, 2, 3].map((j) => Array.from({ length: 64 }, (_, i) => (i * (j + 1)) % 6)));
    const ids = ['q0', 'q1', 'q2', 'q3'];
    const pairs: [string, string][] = [];
    for (let a = 0; a < 4; a++) for (let b = a + 1; b < 4; b++) pairs.push([ids[a] as string, ids[b] as string]);
    const plan = pairSumsPlan(s, pairs);
    // Pairs in order: (0,1) (0,2) (0,3) (1,2) (1,3) (2,3); the slice 3…6 names items 1, 2 and 3 only.
    const copied = sliceMessage(packPlan(plan, false), 3, 6);
    expect(copied.items.map((item) => item !== null)).toEqual([false, true, true, true]);
    expect(copied.items[1]?.present).toBe(plan.items[1]?.present);
    const shared = sliceMessage(packPlan(plan, true), 3, 6);
    expect(shared.items.map((item) => item !== null)).toEqual([true, true, true, true]);
    expect(shared.items[1]?.present.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('splits copied planes only when minWork is given, and shared ones whenever the work reaches minWork', async () => {
    const s = build(2000, [1, 2, 3, 4].map((j) => Array.from({ length: 2000 }, (_, i) => (i * j + (i >> 4)) % 6)));
    const options = { x: ['q0', 'q1', 'q2', 'q3'] };
    const copiedSeen: PlanMessage[] = [];
    expect(await correlateSplit(s, options, { workers: 2 }, async () => clonedThreads(false, copiedSeen))).toEqual(correlate(s, options));
    expect(copiedSeen).toHaveLength(0);
    expect(await correlateSplit(s, options, { workers: 2, minWork: 1000 }, async () => clonedThreads(false, copiedSeen))).toEqual(correlate(s, options));
    expect(copiedSeen).toHaveLength(1);
    // 2000 respondents (63 words of 32) × 6 pairs = 12 096 units of work, below the default 2 × 10^7.
    const sharedSeen: PlanMessage[] = [];
    await correlateSplit(s, options, { workers: 2 }, async () => clonedThreads(true, sharedSeen));
    expect(sharedSeen).toHaveLength(0);
    await correlateSplit(s, options, { workers: 3, minWork: 12_096 }, async () => clonedThreads(true, sharedSeen));
    expect(sharedSeen).toHaveLength(2);
  });

  it('stays on the calling thread when the platform has no workers', async () => {
    const s = build(10, [1, 2, 3].map((j) => Array.from({ length: 10 }, (_, i) => (i * j) % 4)));
    const options = { x: ['q0', 'q1', 'q2'] };
    let loaded = 0;
    const table = await correlateSplit(s, options, { workers: 2, minWork: 0 }, async () => {
      loaded++;
      return null;
    });
    expect(loaded).toBe(1);
    expect(table).toEqual(correlate(s, options));
  });
});

describe('parallelSupport', () => {
  it('reports worker_threads with shared memory on Node', async () => {
    const support = await parallelSupport();
    expect(support.threads).toBe('worker_threads');
    expect(support.sharedMemory).toBe(true);
    expect(Number.isInteger(support.parallelism) && support.parallelism >= 1).toBe(true);
  });
});
