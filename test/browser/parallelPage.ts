/**
 * The page side of the Web Worker tests and benchmark of `likertkit/parallel`: a seeded survey
 * built in the page, and `correlate` / `correlateParallel` run on it there. Built with tsup
 * (as `dist/` is) together with the entry `parallel/browser` by ./parallelServer.ts; the page
 * imports the parallel entry itself and hands it in, so that the entry's code stays in its own
 * file next to `webWorker.js`, as in the package.
 *
 * The same functions run under Node in the test, so that the table the page computes can be
 * compared with `correlate` computed here on the same data.
 */
import { correlate, scales, type CorrelateResult, type Survey } from '../../src/index';
import { sealColumn } from '../../src/data/columnData';
import { makeSurvey, type SurveyItem } from '../../src/data/surveyObject';
import type { LikertColumn } from '../../src/data/types';

/** The parallel entry's API as the page hands it in. */
export interface ParallelApi {
  correlateParallel(s: Survey, options: { x: string[] }, parallel: { workers?: number; minWork?: number }): Promise<CorrelateResult>;
  parallelSupport(): Promise<{ threads: string; sharedMemory: boolean; parallelism: number }>;
}

/**
 * A survey of `n` respondents × `items` items on the 4-level daDegree4 scale, from 32-bit
 * integer arithmetic only (the same on every platform): per respondent a latent level, and per
 * cell the latent level (half the time), another level, "ved ikke" (3 %) or a blank (2 %).
 * Region R0…R4 by respondent number.
 */
export function seededSurvey(n: number, items: number, seed: number): Survey {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
    return (z ^ (z >>> 15)) >>> 0;
  };
  const scale = scales.daDegree4;
  const codes = Array.from({ length: items }, () => new Int8Array(n));
  for (let i = 0; i < n; i++) {
    const latent = next() % 4;
    for (let j = 0; j < items; j++) {
      const u = next() % 100;
      (codes[j] as Int8Array)[i] = u < 2 ? -1 : u < 5 ? 4 : u < 55 ? latent : next() % 4;
    }
  }
  const columns = new Map<string, LikertColumn>();
  const list: SurveyItem[] = [];
  codes.forEach((column, j) => {
    const id = `q${j + 1}`;
    let missing = 0;
    let nonSubstantive = 0;
    for (let i = 0; i < n; i++) {
      const c = column[i] as number;
      if (c === -1) missing++;
      else if (c === 4) nonSubstantive++;
    }
    const counts = { total: n, answered: n - missing, substantive: n - missing - nonSubstantive, missing, invalid: 0, nonSubstantive };
    columns.set(id, sealColumn({ scale, codes: column, n: counts, label: id }));
    list.push({ id, column: id, label: id, group: null, topic: null, reverse: j % 7 === 3, scale, n: counts });
  });
  return makeSurvey({
    ids: Array.from({ length: n }, (_, i) => String(i)),
    items: list,
    columns,
    numbers: new Map(),
    categories: new Map([['region', Array.from({ length: n }, (_, i) => `R${i % 5}`)]]),
    attributes: { region: 'category' },
    weights: null,
    duplicates: [],
  });
}

/** The survey of {@link seededSurvey}, whole or under `where('region', ['R1', 'R3'])`. */
export function sampleSurvey(n: number, items: number, seed: number, filtered: boolean): Survey {
  const s = seededSurvey(n, items, seed);
  return filtered ? s.where('region', ['R1', 'R3']) : s;
}

/** The item ids of a {@link seededSurvey}. */
export const itemIds = (items: number): string[] => Array.from({ length: items }, (_, j) => `q${j + 1}`);

/** What the page answers the test: the support it found and the table from its workers. */
export async function pageTable(api: ParallelApi, n: number, items: number, seed: number, filtered: boolean, workers: number) {
  const s = sampleSurvey(n, items, seed, filtered);
  const support = await api.parallelSupport();
  const table = await api.correlateParallel(s, { x: itemIds(items) }, { workers, minWork: 0 });
  return { support, table };
}

/** The median of `runs`. */
function median(runs: readonly number[]): number {
  const sorted = [...runs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * The benchmark in the page: `correlate` against `correlateParallel` with `workers`, on n ×
 * items. One cold call of each (the first builds the planes; the first parallel one starts
 * the workers), then `repeats` warm calls of each, alternating, so that both see the same load.
 */
export async function pageBench(api: ParallelApi, n: number, items: number, workers: number, repeats: number) {
  const s = seededSurvey(n, items, 9);
  const x = itemIds(items);
  const support = await api.parallelSupport();
  const single = async (): Promise<number> => {
    const t = performance.now();
    correlate(s, { x });
    return performance.now() - t;
  };
  const parallel = async (): Promise<number> => {
    const t = performance.now();
    await api.correlateParallel(s, { x }, { workers, minWork: 0 });
    return performance.now() - t;
  };
  const singleCold = await single();
  const parallelCold = await parallel();
  const singleRuns: number[] = [];
  const parallelRuns: number[] = [];
  for (let r = 0; r < repeats; r++) {
    singleRuns.push(await single());
    parallelRuns.push(await parallel());
  }
  const same = JSON.stringify(await api.correlateParallel(s, { x }, { workers, minWork: 0 })) === JSON.stringify(correlate(s, { x }));
  return {
    support,
    single: { cold: singleCold, warm: median(singleRuns), runs: singleRuns },
    parallel: { cold: parallelCold, warm: median(parallelRuns), runs: parallelRuns },
    same,
  };
}
