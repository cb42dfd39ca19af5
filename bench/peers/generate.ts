/**
 * The peer benchmark's data: a seeded, reproducible survey of Danish municipality respondents.
 *
 * Every respondent lives in one of the 98 municipalities (drawn with probability proportional to
 * its population on 1 January 2020, so the five regions and the size groups come out unequal as
 * they are in the country) and answers `items` questions on the 4-level degree scale
 * "Slet ikke / I mindre grad / I høj grad / I meget høj grad", or "Ved ikke" (3 %), or leaves
 * the question blank (2 %). The answers share one latent factor, so the items correlate
 * (r between about 0.1 and 0.6) instead of sitting at r ≈ 0.
 *
 * The same data reach every contender: likertkit gets the columns in memory, the peers read the
 * binary files written by {@link writePeerFiles} (numpy `np.fromfile`, R `readBin`) and the read
 * case reads the CSV of {@link writeCsv}.
 *
 * Run alone: `npx tsx bench/peers/generate.ts --respondents 100000 --out /tmp/peers` writes the
 * files and prints their paths.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { municipalities2020 } from '../../src/demo/index';

/** The scale's levels, lowest first; level k has code k + 1 in the files. */
export const LEVELS = ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'] as const;
/** The non-substantive answer; code 5 in the files. */
export const DONT_KNOW = 'Ved ikke';
/** Code 0 is a blank cell; 1–4 the levels; 5 "Ved ikke". Index = code. */
export const LABEL_OF_CODE: readonly (string | null)[] = [null, ...LEVELS, DONT_KNOW];
/** Region names as a national export spells them; index = the region code in `region.u8`. */
export const REGIONS = [
  'Region Hovedstaden',
  'Region Sjælland',
  'Region Syddanmark',
  'Region Midtjylland',
  'Region Nordjylland',
] as const;

/** Shares of blank cells and of "Ved ikke" answers. */
export const BLANK_SHARE = 0.02;
export const DONT_KNOW_SHARE = 0.03;

/** A generated survey, column by column. */
export interface PeerData {
  readonly respondents: number;
  readonly itemIds: readonly string[];
  /** Item-major codes: item j holds cells `[j·n, (j+1)·n)`; 0 blank, 1–4 levels, 5 "Ved ikke". */
  readonly codes: Int8Array;
  /** Index into {@link REGIONS} per respondent. */
  readonly region: Uint8Array;
  /** Inhabitants of the respondent's municipality. */
  readonly population: Float64Array;
  readonly seed: number;
}

/**
 * mulberry32: a 32-bit generator with a period of 2^32, plenty for 1.2·10^8 draws, and the same
 * stream on every platform because it uses only 32-bit integer arithmetic.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw by the Box–Muller transform (one of the pair is used). */
function normal(uniform: () => number): number {
  const u = 1 - uniform(); // in (0, 1], so the logarithm is finite
  const v = uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Generates the survey: per respondent a municipality, a latent attitude f ~ N(0, 1) and per
 * item y = λ·f + sqrt(1 − λ²)·e with e ~ N(0, 1), cut at −0.9, 0, 0.9 shifted by the item's
 * offset into the four levels. Loadings λ run from 0.35 to 0.8 and offsets from −0.4 to 0.4
 * across the items, so the items differ in means and in how strongly they correlate.
 *
 * @param respondents - number of respondents
 * @param items - number of items (named q1, q2, …)
 * @param seed - the generator's seed; the same seed gives the same data
 */
export function generatePeerData(respondents: number, items = 40, seed = 20261201): PeerData {
  const uniform = mulberry32(seed);
  const frame = municipalities2020();
  const total = frame.reduce((sum, m) => sum + m.population, 0);
  // Cumulative population shares, to draw a municipality by one uniform number.
  const cumulative = new Float64Array(frame.length);
  let running = 0;
  frame.forEach((m, k) => {
    running += m.population;
    cumulative[k] = running / total;
  });
  const regionOf = frame.map((m) => REGIONS.indexOf(`Region ${m.region}` as (typeof REGIONS)[number]));
  if (regionOf.includes(-1)) throw new Error('generatePeerData: a municipality has a region outside REGIONS');

  const itemIds = Array.from({ length: items }, (_, j) => `q${j + 1}`);
  const loading = itemIds.map((_, j) => 0.35 + (0.45 * (j % 10)) / 9);
  const offset = itemIds.map((_, j) => -0.4 + (0.8 * ((j * 7) % 11)) / 10);
  const codes = new Int8Array(respondents * items);
  const region = new Uint8Array(respondents);
  const population = new Float64Array(respondents);
  for (let i = 0; i < respondents; i++) {
    const u = uniform();
    let k = 0;
    while (k < frame.length - 1 && (cumulative[k] as number) < u) k++;
    region[i] = regionOf[k] as number;
    population[i] = (frame[k] as { population: number }).population;
    const attitude = normal(uniform);
    for (let j = 0; j < items; j++) {
      const kind = uniform();
      let code: number;
      if (kind < BLANK_SHARE) code = 0;
      else if (kind < BLANK_SHARE + DONT_KNOW_SHARE) code = 5;
      else {
        const lambda = loading[j] as number;
        const y = lambda * attitude + Math.sqrt(1 - lambda * lambda) * normal(uniform) - (offset[j] as number);
        code = y < -0.9 ? 1 : y < 0 ? 2 : y < 0.9 ? 3 : 4;
      }
      codes[j * respondents + i] = code;
    }
  }
  return { respondents, itemIds, codes, region, population, seed };
}

/** The file names inside a data directory. */
export interface PeerFiles {
  readonly dir: string;
  readonly codes: string;
  readonly region: string;
  readonly population: string;
  readonly meta: string;
}

/**
 * Writes the binary files the peers read: `codes.i8` (item-major int8, as R's column-major
 * `matrix(readBin(…), nrow = n)` and numpy's `fromfile(…).reshape(items, n)` expect),
 * `region.u8`, `population.f64` (little-endian doubles) and `meta.json`.
 */
export function writePeerFiles(data: PeerData, dir: string): PeerFiles {
  mkdirSync(dir, { recursive: true });
  const files: PeerFiles = {
    dir,
    codes: join(dir, 'codes.i8'),
    region: join(dir, 'region.u8'),
    population: join(dir, 'population.f64'),
    meta: join(dir, 'meta.json'),
  };
  writeFileSync(files.codes, new Uint8Array(data.codes.buffer, data.codes.byteOffset, data.codes.byteLength));
  writeFileSync(files.region, data.region);
  writeFileSync(files.population, new Uint8Array(data.population.buffer, data.population.byteOffset, data.population.byteLength));
  writeFileSync(
    files.meta,
    `${JSON.stringify(
      {
        respondents: data.respondents,
        items: data.itemIds.length,
        itemIds: data.itemIds,
        seed: data.seed,
        labelOfCode: LABEL_OF_CODE,
        regions: REGIONS,
      },
      null,
      2,
    )}\n`,
  );
  return files;
}

/**
 * Writes the survey as a UTF-8 CSV export: `id,region,population,q1,…`, comma-separated, the
 * answers as their labels, blank cells empty. Written in slices of rows, so a 520 MB file
 * never sits in memory.
 *
 * @returns the number of bytes written
 */
export function writeCsv(data: PeerData, path: string): number {
  const n = data.respondents;
  const items = data.itemIds.length;
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    const header = `id,region,population,${data.itemIds.join(',')}\n`;
    bytes += writeSync(fd, header);
    const slice = 5000;
    for (let start = 0; start < n; start += slice) {
      const end = Math.min(n, start + slice);
      const lines: string[] = [];
      for (let i = start; i < end; i++) {
        let line = `${i + 1},${REGIONS[data.region[i] as number]},${data.population[i]}`;
        for (let j = 0; j < items; j++) line += `,${LABEL_OF_CODE[data.codes[j * n + i] as number] ?? ''}`;
        lines.push(line);
      }
      bytes += writeSync(fd, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The columns likertkit's `survey({ columns })` reads: ids, region, population and the labels. */
export function surveyColumns(data: PeerData): Record<string, ArrayLike<unknown>> {
  const n = data.respondents;
  const id = new Float64Array(n);
  for (let i = 0; i < n; i++) id[i] = i + 1;
  const columns: Record<string, ArrayLike<unknown>> = {
    id,
    region: Array.from(data.region, (r) => REGIONS[r] as string),
    population: data.population,
  };
  data.itemIds.forEach((itemId, j) => {
    const labels = new Array<string | null>(n);
    for (let i = 0; i < n; i++) labels[i] = LABEL_OF_CODE[data.codes[j * n + i] as number] as string | null;
    columns[itemId] = labels;
  });
  return columns;
}

function main(argv: readonly string[]): void {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const respondents = Number(value('--respondents') ?? 100_000);
  const out = value('--out');
  if (out === undefined || !Number.isInteger(respondents) || respondents < 1) {
    console.error('usage: tsx bench/peers/generate.ts --respondents <n> --out <dir> [--csv]');
    process.exit(2);
  }
  const data = generatePeerData(respondents);
  const files = writePeerFiles(data, out);
  console.log(`wrote ${files.codes}, ${files.region}, ${files.population}, ${files.meta}`);
  if (argv.includes('--csv')) {
    const path = join(out, 'survey.csv');
    const bytes = writeCsv(data, path);
    console.log(`wrote ${path} (${(bytes / 1e6).toFixed(1)} MB)`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2));
}
