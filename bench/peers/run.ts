/**
 * The peer benchmark: likertkit against numpy/SciPy and R on the same generated data, in the
 * same run, with the targets of issue 9.
 *
 *   npm run bench:peers                  # full run: 10^5 and 10^6 × 40, the CLI on a 520 MB CSV
 *   npm run bench:peers -- --quick       # smoke run: 10^5 × 40 only, fewer repeats, no CLI case
 *   npm run bench:peers -- --json out.json --cases correlate,filter --peer-threads 1 --keep
 *
 * Cases (see docs/performance.md): correlate (780 pairs), filter (region, size group, both),
 * read (CSV text to a coded survey), survey() against likert() on one 10^7-cell column, and the
 * CLI's peak memory. Each timing is the median of several runs after a warm-up; the peers time
 * themselves inside their own scripts (bench/peers/peers.py, bench/peers/peers.R), so
 * interpreter start-up and data loading are left out of the compute cases. The ratio printed is
 * likertkit's time divided by the peer's (below 1: likertkit is faster), beside the target.
 *
 * Exit code 0 when targets are missed (the table says MISSED); 1 when likertkit's results
 * disagree with a peer's or with the generated data; 2 for bad arguments.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  agreementShare,
  codedMean,
  correlate,
  frequencies,
  scales,
  sizeGroups,
  survey,
  type Survey,
  type SurveyDefinition,
} from '../../src/index';
import * as csvEntry from '../../src/csv/index';
import { generatePeerData, REGIONS, surveyColumns, writeCsv, writePeerFiles, type PeerData, type PeerFiles } from './generate';

// --- arguments ---------------------------------------------------------------------------------

const ALL_CASES = ['correlate', 'filter', 'read', 'survey', 'cli'] as const;
type CaseName = (typeof ALL_CASES)[number];

interface Settings {
  readonly quick: boolean;
  readonly json: string | undefined;
  readonly cases: ReadonlySet<CaseName>;
  readonly peerThreads: number;
  readonly keep: boolean;
}

function readSettings(argv: readonly string[]): Settings {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    if (at === -1) return undefined;
    const v = argv[at + 1];
    if (v === undefined || v.startsWith('--')) usage(`${flag} needs a value`);
    return v;
  };
  const known = new Set(['--quick', '--json', '--cases', '--peer-threads', '--keep']);
  argv.forEach((a, i) => {
    if (a.startsWith('--') && !known.has(a)) usage(`unknown option ${a}`);
    if (!a.startsWith('--') && !(i > 0 && ['--json', '--cases', '--peer-threads'].includes(argv[i - 1] as string))) {
      usage(`unexpected argument ${a}`);
    }
  });
  const quick = argv.includes('--quick');
  const caseList = (value('--cases') ?? ALL_CASES.join(',')).split(',');
  for (const c of caseList) {
    if (!(ALL_CASES as readonly string[]).includes(c)) usage(`unknown case ${c}; the cases are ${ALL_CASES.join(', ')}`);
  }
  const cases = new Set(caseList as CaseName[]);
  if (quick) cases.delete('cli'); // the CLI case needs the 520 MB file of the full run
  const peerThreads = Number(value('--peer-threads') ?? 1);
  if (!Number.isInteger(peerThreads) || peerThreads < 1) usage('--peer-threads must be a positive integer');
  const json = value('--json');
  return { quick, json: json === undefined ? undefined : resolve(json), cases, peerThreads, keep: argv.includes('--keep') };
}

function usage(problem: string): never {
  console.error(`bench:peers: ${problem}`);
  console.error('usage: npm run bench:peers -- [--quick] [--json <file>] [--cases correlate,filter,read,survey,cli] [--peer-threads <n>] [--keep]');
  process.exit(2);
}

// --- results -----------------------------------------------------------------------------------

/** One line of the table: likertkit against one peer (or against itself, or a bound). */
interface Result {
  readonly case: string;
  readonly size: string;
  readonly likertkit: number | null;
  readonly peer: string;
  readonly peerValue: number | null;
  readonly unit: 's' | 'MB';
  /** likertkit / peer; the target is met when it is at most `target` (null: shown for reference). */
  readonly ratio: number | null;
  readonly target: number | null;
  readonly targetText: string;
  readonly status: 'met' | 'MISSED' | 'not run' | 'reference';
  readonly note?: string;
}

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

const results: Result[] = [];
const checks: Check[] = [];
const notes: string[] = [];

function addResult(r: Omit<Result, 'ratio' | 'status'> & { status?: 'not run' | 'MISSED' }): void {
  const ratio = r.likertkit !== null && r.peerValue !== null && r.peerValue > 0 ? r.likertkit / r.peerValue : null;
  const status = r.status ?? (ratio === null ? 'not run' : r.target === null ? 'reference' : ratio <= r.target ? 'met' : 'MISSED');
  const result: Result = { ...r, ratio, status };
  results.push(result);
  const shown = (v: number | null): string => (v === null ? '–' : r.unit === 's' ? formatSeconds(v) : `${v.toFixed(0)} MB`);
  console.log(
    `  ${r.case} [${r.size}] likertkit ${shown(r.likertkit)} vs ${r.peer} ${shown(r.peerValue)}: ` +
      `${ratio === null ? '–' : ratio.toFixed(3)} (target ${r.targetText}) ${status}${r.note ? ` (${r.note})` : ''}`,
  );
}

function addCheck(name: string, ok: boolean, detail: string): void {
  checks.push({ name, ok, detail });
  console.log(`  check ${name}: ${detail} ${ok ? 'ok' : 'DISAGREE'}`);
}

function formatSeconds(s: number): string {
  return s < 1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`;
}

function sizeText(respondents: number, items: number): string {
  const exponent = Math.log10(respondents);
  const n = Number.isInteger(exponent) ? `10^${exponent}` : respondents.toLocaleString('en');
  return `${n} × ${items}`;
}

// --- timing ------------------------------------------------------------------------------------

/** Median seconds of `repeats` runs after one warm-up run; `fn`'s last result beside it. */
function medianTime<T>(fn: () => T, repeats: number): { seconds: number; result: T } {
  let result = fn();
  const runs: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const start = performance.now();
    result = fn();
    runs.push((performance.now() - start) / 1000);
  }
  return { seconds: median(runs), result };
}

async function medianTimeAsync<T>(fn: () => Promise<T>, repeats: number): Promise<{ seconds: number; result: T }> {
  let result = await fn();
  const runs: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const start = performance.now();
    result = await fn();
    runs.push((performance.now() - start) / 1000);
  }
  return { seconds: median(runs), result };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

// --- peers -------------------------------------------------------------------------------------

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

interface PeerAvailability {
  readonly numpy: string | null; // null: available; otherwise why not
  readonly r: string | null;
}

function detectPeers(): PeerAvailability {
  const python = spawnSync('python3', ['-c', 'import numpy, scipy'], { encoding: 'utf8' });
  const numpy =
    python.error !== undefined
      ? 'python3 is not installed'
      : python.status !== 0
        ? `python3 cannot import numpy and SciPy (${lastLine(python.stderr)})`
        : null;
  const rscript = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(data.table))'], { encoding: 'utf8' });
  const r =
    rscript.error !== undefined
      ? 'Rscript is not installed'
      : rscript.status !== 0
        ? `R cannot load data.table (${lastLine(rscript.stderr)})`
        : null;
  return { numpy, r };
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

interface PeerCase {
  readonly seconds?: number;
  readonly skipped?: string;
  readonly kept?: number;
  readonly agree?: boolean;
}
interface PeerOutput {
  readonly peer: string;
  readonly versions: Record<string, string | null>;
  readonly cases: Record<string, PeerCase>;
}

/** Runs a peer script and returns its JSON report, or null (with the reason printed) on failure. */
function runPeer(command: string, args: readonly string[], out: string, threads: number): PeerOutput | null {
  const env = {
    ...process.env,
    OPENBLAS_NUM_THREADS: String(threads),
    OMP_NUM_THREADS: String(threads),
    MKL_NUM_THREADS: String(threads),
  };
  const run = spawnSync(command, args, { encoding: 'utf8', env, stdio: ['ignore', 'inherit', 'pipe'], maxBuffer: 1 << 26 });
  if (run.status !== 0 || !existsSync(out)) {
    console.log(`  ${command} failed (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`);
    return null;
  }
  return JSON.parse(readFileSync(out, 'utf8')) as PeerOutput;
}

function readDoubles(path: string): Float64Array {
  const bytes = readFileSync(path);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

// --- likertkit ---------------------------------------------------------------------------------

const scale = scales.daDegree4;
const REGION_FILTER = 'Region Nordjylland';
const SIZE_BREAKS = [50000, 100000];

function definitionOf(data: PeerData): Omit<SurveyDefinition, 'rows' | 'columns' | 'table' | 'survey'> {
  return {
    id: 'id',
    items: data.itemIds.map((id) => ({ id, scale })),
    attributes: { region: 'category', population: 'number' },
  };
}

/** Frequencies, the agreement share and the coded mean of every item: the dashboard's numbers. */
function describeItems(s: Survey, itemIds: readonly string[]) {
  return itemIds.map((id) => {
    const column = s.item(id);
    return { frequencies: frequencies(column), share: agreementShare(column), mean: codedMean(column) };
  });
}

/** The generator's counts of codes 0–5 per item, over the rows where `keep` holds. */
function expectedCounts(data: PeerData, keep: (i: number) => boolean): number[][] {
  const n = data.respondents;
  return data.itemIds.map((_, j) => {
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < n; i++) if (keep(i)) counts[data.codes[j * n + i] as number]! += 1;
    return counts;
  });
}

/** A described item's counts in the generator's coding: blank, the four levels, "Ved ikke". */
function countsOf(described: ReturnType<typeof describeItems>[number]): number[] {
  const rows = described.frequencies.rows;
  const count = (label: string): number => rows.find((row) => row.label === label)?.count ?? 0;
  return [described.frequencies.n.missing, ...scale.levels.map(count), count('Ved ikke')];
}

function maxRelative(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x === y) continue;
    worst = Math.max(worst, Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y)));
  }
  return worst;
}

// --- the cases ---------------------------------------------------------------------------------

interface Context {
  readonly settings: Settings;
  readonly peers: PeerAvailability;
  readonly work: string;
  readonly versions: Record<string, Record<string, string | null>>;
}

function repeatsFor(settings: Settings, respondents: number): number {
  if (settings.quick) return 3;
  return respondents >= 1_000_000 ? 3 : 5;
}

/**
 * Runs of the filter cases on each side (after one warm-up run): they take milliseconds, and on
 * this shared 2-core machine single runs of the same call spread by 2–3×, more than a target's
 * margin, so their medians are taken over more runs than the cases that take seconds.
 */
function filterRepeatsFor(settings: Settings, repeats: number): number {
  return settings.quick ? repeats : 15;
}

async function runSize(context: Context, respondents: number): Promise<void> {
  const { settings, peers } = context;
  const items = 40;
  const size = sizeText(respondents, items);
  const repeats = repeatsFor(settings, respondents);
  const wantCorrelate = settings.cases.has('correlate');
  const wantFilter = settings.cases.has('filter') && (settings.quick || respondents >= 1_000_000);
  const wantRead = settings.cases.has('read') && respondents === 100_000;
  const wantCli = settings.cases.has('cli') && respondents === 1_000_000;
  if (!wantCorrelate && !wantFilter && !wantRead && !wantCli) return;

  console.log(`\n${size}: generating (seed 20261201) …`);
  const data = generatePeerData(respondents, items);
  const files = writePeerFiles(data, join(context.work, `n${respondents}`));
  const csvPath = join(files.dir, 'survey.csv');
  if (wantRead || wantCli) {
    const bytes = writeCsv(data, csvPath);
    console.log(`  CSV ${(bytes / 1e6).toFixed(0)} MB at ${csvPath}`);
  }

  // Peers first, while this process holds no survey of its own.
  const numpyCases = [wantCorrelate && 'correlate', wantFilter && 'filter'].filter(Boolean).join(',');
  const filterRepeats = filterRepeatsFor(settings, repeats);
  let numpy: PeerOutput | null = null;
  const numpyOut = join(files.dir, 'numpy.json');
  if (numpyCases !== '' && peers.numpy === null) {
    console.log(`  numpy: ${numpyCases} …`);
    numpy = runPeer(
      'python3',
      [join(here, 'peers.py'), '--data', files.dir, '--cases', numpyCases, '--repeats', String(repeats), '--filter-repeats', String(filterRepeats),
        '--region', String(REGIONS.indexOf(REGION_FILTER)), '--threshold', String(SIZE_BREAKS[1]), '--out', numpyOut],
      numpyOut,
      settings.peerThreads,
    );
    if (numpy !== null) context.versions.numpy = numpy.versions;
  }
  const rCases = [wantCorrelate && 'correlate', wantRead && 'read'].filter(Boolean).join(',');
  let rPeer: PeerOutput | null = null;
  const rOut = join(files.dir, 'r.json');
  if (rCases !== '' && peers.r === null) {
    console.log(`  R: ${rCases} …`);
    rPeer = runPeer(
      'Rscript',
      [join(here, 'peers.R'), '--data', files.dir, '--cases', rCases, '--repeats', String(repeats), '--threads', String(settings.peerThreads), '--out', rOut],
      rOut,
      settings.peerThreads,
    );
    if (rPeer !== null) context.versions.R = rPeer.versions;
  }

  if (wantCorrelate || wantFilter) {
    console.log('  likertkit: survey() from columns …');
    const start = performance.now();
    const s = survey({ columns: surveyColumns(data), ...definitionOf(data) });
    console.log(`  (survey() from columns, with building the label arrays: ${formatSeconds((performance.now() - start) / 1000)})`);
    if (wantCorrelate) correlateCase(context, data, s, files, numpy, rPeer, repeats);
    if (wantFilter) filterCase(context, data, s, files, numpy, repeats, filterRepeats);
  }
  if (wantRead) await readCase(context, data, csvPath, rPeer, repeats);
  if (wantCli) await cliCase(context, data, files, csvPath);
}

function correlateCase(
  context: Context,
  data: PeerData,
  s: Survey,
  files: PeerFiles,
  numpy: PeerOutput | null,
  rPeer: PeerOutput | null,
  repeats: number,
): void {
  const items = data.itemIds.length;
  const size = sizeText(data.respondents, items);
  const pairs = (items * (items - 1)) / 2;
  const name = `correlate (${pairs} pairs)`;
  const timed = medianTime(() => correlate(s, { x: data.itemIds }), repeats);
  const index = new Map(data.itemIds.map((id, j) => [id, j]));
  const lkR = new Float64Array(items * items);
  const lkN = new Float64Array(items * items);
  const lkP = new Float64Array(items * items);
  for (const row of timed.result.rows) {
    const a = index.get(row.x) as number;
    const b = index.get(row.y) as number;
    for (const [i, j] of [[a, b], [b, a]] as const) {
      lkR[i * items + j] = row.r;
      lkN[i * items + j] = row.n;
      lkP[i * items + j] = row.p;
    }
  }
  const offDiagonal = (m: Float64Array, f: (value: number, k: number) => void): void => {
    for (let i = 0; i < items; i++) for (let j = 0; j < items; j++) if (i !== j) f(m[i * items + j] as number, i * items + j);
  };

  const numpySeconds = numpy?.cases.correlate?.seconds ?? null;
  addResult({
    case: name, size, likertkit: timed.seconds, peer: 'numpy (4 BLAS products + t.sf)', peerValue: numpySeconds, unit: 's',
    target: 1 / 1.5, targetText: '≤ 0.667 (1.5× faster)',
    ...(numpySeconds === null && { note: context.peers.numpy ?? 'numpy run failed' }),
  });
  if (numpySeconds !== null) {
    const base = join(files.dir, 'numpy');
    const npR = readDoubles(`${base}.r.f64`);
    const npN = readDoubles(`${base}.n.f64`);
    const npP = readDoubles(`${base}.p.f64`);
    let maxR = 0;
    let nEqual = true;
    let maxP = 0;
    offDiagonal(lkR, (r, k) => {
      maxR = Math.max(maxR, Math.abs(r - (npR[k] as number)));
      if (lkN[k] !== npN[k]) nEqual = false;
      const p = lkP[k] as number;
      const q = npP[k] as number;
      if (p > 1e-300 && q > 1e-300) maxP = Math.max(maxP, Math.abs(p - q) / q);
    });
    addCheck(`correlate ${size} vs numpy`, maxR < 1e-12 && nEqual, `max |r_likertkit − r_numpy| = ${maxR.toExponential(2)}, N ${nEqual ? 'equal' : 'DIFFERENT'}, max relative p difference ${maxP.toExponential(2)} (p > 1e-300)`);
  }

  const rSeconds = rPeer?.cases.cor?.seconds ?? null;
  addResult({
    case: name, size, likertkit: timed.seconds, peer: 'R cor(pairwise.complete.obs)', peerValue: rSeconds, unit: 's',
    target: 1 / 8, targetText: '≤ 0.125 (8× faster)',
    ...(rSeconds === null && { note: context.peers.r ?? 'R run failed' }),
  });
  const corrTest = rPeer?.cases['corr.test'];
  addResult({
    case: name, size, likertkit: timed.seconds, peer: 'R psych::corr.test', peerValue: corrTest?.seconds ?? null, unit: 's',
    target: null, targetText: 'none (reference)',
    ...(corrTest?.seconds === undefined && { note: corrTest?.skipped ?? context.peers.r ?? 'R run failed' }),
  });
  if (rSeconds !== null) {
    const rR = readDoubles(join(files.dir, 'r.cor-r.f64'));
    let maxR = 0;
    offDiagonal(lkR, (r, k) => {
      maxR = Math.max(maxR, Math.abs(r - (rR[k] as number)));
    });
    addCheck(`correlate ${size} vs R cor`, maxR < 1e-12, `max |r_likertkit − r_R| = ${maxR.toExponential(2)}`);
  }
}

function filterCase(context: Context, data: PeerData, s: Survey, files: PeerFiles, numpy: PeerOutput | null, repeats: number, filterRepeats: number): void {
  const items = data.itemIds.length;
  const size = sizeText(data.respondents, items);
  // The size group is set up once per survey, as a dashboard would: a boolean per respondent.
  const groups = sizeGroups(s.numeric('population'), { breaks: SIZE_BREAKS, labels: ['small', 'medium', 'large'] }).groups;
  const large = groups.map((g) => g === 'large');
  // numpy makes its size-group mask once (`big`) and per run only ANDs it with the region; the
  // counterpart here is the survey filtered by size group, made once as well, and per run only
  // filtered by region (the mask ANDed with the region's), so both sides do the same work.
  const big = s.filter(large);
  const regionCode = REGIONS.indexOf(REGION_FILTER);
  const filters = {
    region: { text: `where('region', '${REGION_FILTER}')`, apply: () => s.where('region', REGION_FILTER), keep: (i: number) => data.region[i] === regionCode },
    size: { text: 'filter(population >= 100000)', apply: () => s.filter(large), keep: (i: number) => (data.population[i] as number) >= 100000 },
    both: {
      text: 'both',
      apply: () => big.where('region', REGION_FILTER),
      keep: (i: number) => data.region[i] === regionCode && (data.population[i] as number) >= 100000,
    },
  } as const;

  for (const [key, filter] of Object.entries(filters)) {
    const timed = medianTime(() => describeItems(filter.apply(), data.itemIds), filterRepeats);
    const peerCase = numpy?.cases[`filter-${key}`];
    addResult({
      case: `filter ${filter.text}: frequencies, shares, means of ${items} items`, size, likertkit: timed.seconds,
      peer: 'numpy (mask + bincount)', peerValue: peerCase?.seconds ?? null, unit: 's',
      target: 1 / 3, targetText: '≤ 0.333 (3× faster)',
      ...(peerCase?.seconds === undefined ? { note: context.peers.numpy ?? 'numpy run failed' } : { note: `${peerCase.kept} kept` }),
    });
    // likertkit's counts against the generated data, and its shares and means against numpy's.
    const expected = expectedCounts(data, filter.keep);
    const got = timed.result.map(countsOf);
    const countsAgree = got.every((counts, j) => counts.every((c, k) => c === expected[j]![k]));
    let detail = `counts ${countsAgree ? 'equal the generated data' : 'DIFFER from the generated data'}`;
    let ok = countsAgree;
    if (peerCase?.seconds !== undefined) {
      const base = join(files.dir, 'numpy');
      const npCounts = readDoubles(`${base}.counts-${key}.f64`);
      const npMean = readDoubles(`${base}.mean-${key}.f64`);
      const npShare = readDoubles(`${base}.share-${key}.f64`);
      const countsMatch = expected.flat().every((c, k) => c === npCounts[k]);
      const meanDiff = maxRelative(timed.result.map((d) => d.mean.mean), npMean);
      const shareDiff = maxRelative(timed.result.map((d) => d.share.estimate), npShare);
      ok = ok && countsMatch && meanDiff < 1e-12 && shareDiff < 1e-12;
      detail += `, numpy's counts ${countsMatch ? 'equal' : 'DIFFER'}, max relative difference of means ${meanDiff.toExponential(2)}, of shares ${shareDiff.toExponential(2)}`;
    }
    addCheck(`filter ${key} ${size}`, ok, detail);
  }

  // The correlation table under a filter against the same table without one.
  const whole = medianTime(() => correlate(s, { x: data.itemIds }), repeats);
  for (const key of ['region', 'size'] as const) {
    const filter = filters[key];
    const timed = medianTime(() => correlate(filter.apply(), { x: data.itemIds }), repeats);
    addResult({
      case: `correlate under ${filter.text}`, size, likertkit: timed.seconds, peer: 'likertkit correlate, no filter',
      peerValue: whole.seconds, unit: 's', target: 1, targetText: '≤ 1 (no slower)',
    });
  }
}

/** The reading engineer's streaming reader, when `likertkit/csv` has it. */
type SurveyFromCsv = (input: unknown, definition: unknown, options?: unknown) => Promise<Survey>;

async function readCase(context: Context, data: PeerData, csvPath: string, rPeer: PeerOutput | null, repeats: number): Promise<void> {
  const items = data.itemIds.length;
  const size = sizeText(data.respondents, items);
  const definition = definitionOf(data);
  const streaming = (csvEntry as Record<string, unknown>).surveyFromCsv as SurveyFromCsv | undefined;
  const fallback = async (): Promise<Survey> => survey({ rows: csvEntry.parseCsv(readFileSync(csvPath)).rows, ...definition });
  let read: () => Promise<Survey> = fallback;
  let how = 'readFileSync + parseCsv + survey({ rows })';
  if (typeof streaming === 'function') {
    // Feature-detect the input it takes: a Node stream, a web stream, then the bytes.
    // The Node stream reads 1 MB at a time (its default, 64 kB, costs about 0.1 s more on the 55 MB file).
    const inputs: [string, () => unknown][] = [
      ['a Node read stream of 1 MB chunks', () => createReadStream(csvPath, { highWaterMark: 1 << 20 })],
      ['a web ReadableStream', () => Readable.toWeb(createReadStream(csvPath))],
      ['the file bytes', () => readFileSync(csvPath)],
    ];
    const refusals: string[] = [];
    for (const [name, make] of inputs) {
      try {
        await streaming(make(), definition);
        read = () => streaming(make(), definition);
        how = `surveyFromCsv(${name})`;
        break;
      } catch (error) {
        refusals.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    if (read === fallback) {
      const message = `surveyFromCsv refused every input the benchmark tried (${refusals.join('; ')}); the read case used survey({ rows: parseCsv(bytes).rows }) instead.`;
      notes.push(message);
      console.log(`  ${message}`);
    } else {
      console.log(`  reading with ${how}`);
    }
  } else {
    notes.push('likertkit/csv has no surveyFromCsv yet (the streaming reader): the read case used survey({ rows: parseCsv(bytes).rows }), which holds the whole text and all row objects at once.');
    console.log('  likertkit/csv has no surveyFromCsv (streaming reader) yet: reading with survey({ rows: parseCsv(bytes).rows })');
  }
  // The read takes seconds, not milliseconds: in the smoke run one timed run after the warm-up.
  const timed = await medianTimeAsync(read, context.settings.quick ? 1 : repeats);
  const rCase = rPeer?.cases['fread+match'];
  addResult({
    case: 'read: CSV file to coded survey', size, likertkit: timed.seconds, peer: 'R fread + match', peerValue: rCase?.seconds ?? null,
    unit: 's', target: 1 / 3, targetText: '≤ 0.333 (3× faster)',
    note: rCase?.seconds === undefined ? (context.peers.r ?? 'R run failed') : how,
  });
  const expected = expectedCounts(data, () => true);
  const got = describeItems(timed.result, data.itemIds).map(countsOf);
  const agree = got.every((counts, j) => counts.every((c, k) => c === expected[j]![k]));
  addCheck(`read ${size}`, agree && rCase?.agree !== false, `likertkit's codes ${agree ? 'equal' : 'DIFFER from'} the generated data${rCase?.agree === undefined ? '' : `; R's codes ${rCase.agree ? 'equal' : 'DIFFER from'} them`}`);
}

/** Runs a command, watching its resident memory; returns exit code, stderr and wall time. */
function runWatched(
  command: string,
  args: readonly string[],
  capKB: number,
  timeoutSeconds: number,
): Promise<{ code: number | null; stdout: string; stderr: string; seconds: number; killed: string | null; watchedPeakKB: number }> {
  return new Promise((done) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed: string | null = null;
    let watchedPeakKB = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < 1 << 16) stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.length > 1 << 20) stderr = stderr.slice(-(1 << 19));
    });
    // The tree's resident memory, read from /proc (Linux); the cap protects a shared machine.
    const watch = setInterval(() => {
      const kb = treeRssKB(child.pid as number);
      watchedPeakKB = Math.max(watchedPeakKB, kb);
      if (kb > capKB && killed === null) {
        killed = `stopped at ${(kb / 1024).toFixed(0)} MB resident (cap ${(capKB / 1024).toFixed(0)} MB)`;
        child.kill('SIGKILL');
      }
    }, 250);
    const timer = setTimeout(() => {
      killed = `stopped after ${timeoutSeconds} s`;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    child.on('close', (code) => {
      clearInterval(watch);
      clearTimeout(timer);
      done({ code, stdout, stderr, seconds: (performance.now() - start) / 1000, killed, watchedPeakKB });
    });
  });
}

function treeRssKB(pid: number): number {
  // Parent links of every process, from /proc/<pid>/stat (the field after the command name).
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0; // no /proc: not Linux
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent);
      if (list === undefined) children.set(parent, [Number(entry)]);
      else list.push(Number(entry));
    } catch {
      // the process ended while it was read
    }
  }
  let total = 0;
  const visit = (p: number): void => {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // ended
    }
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return total;
}

async function surveyColumnCase(context: Context): Promise<void> {
  const respondents = context.settings.quick ? 100_000 : 10_000_000;
  const runs = context.settings.quick ? 1 : 3;
  const size = sizeText(respondents, 1);
  console.log(`\n${size}: survey() against likert() on one column, each in a fresh process …`);
  const measure = async (mode: 'survey' | 'likert') => {
    const seen: { seconds: number; peakKB: number; inputsKB: number; answered: number }[] = [];
    for (let k = 0; k < runs; k++) {
      const run = await runWatched(process.execPath, ['--import', 'tsx', join(here, 'column.ts'), mode, String(respondents)], 8 * 1024 * 1024, 600);
      if (run.killed !== null || run.code !== 0) {
        console.log(`  ${mode}: ${run.killed ?? `exit ${run.code}: ${lastLine(run.stderr)}`}`);
        return null;
      }
      const line = parseMeasurement(run.stdout);
      if (line === null) return null;
      seen.push(line);
    }
    return {
      seconds: median(seen.map((s) => s.seconds)),
      peakMB: median(seen.map((s) => s.peakKB)) / 1024,
      inputsMB: median(seen.map((s) => s.inputsKB)) / 1024,
      answered: seen[0]!.answered,
    };
  };
  const lk = await measure('likert');
  const sv = await measure('survey');
  addResult({
    case: 'survey() on one column: time', size, likertkit: sv?.seconds ?? null, peer: 'likert() on that column', peerValue: lk?.seconds ?? null,
    unit: 's', target: 2, targetText: '≤ 2',
  });
  addResult({
    case: 'survey() on one column: peak RSS', size, likertkit: sv?.peakMB ?? null, peer: 'likert() on that column', peerValue: lk?.peakMB ?? null,
    unit: 'MB', target: 2, targetText: '≤ 2',
    ...(sv !== null && lk !== null && { note: `inputs alone ${lk.inputsMB.toFixed(0)} MB` }),
  });
  if (sv !== null && lk !== null) addCheck(`survey() vs likert() ${size}`, sv.answered === lk.answered, `answered ${sv.answered} and ${lk.answered}`);
}

/** The JSON line column.ts prints on standard output. */
function parseMeasurement(text: string): { seconds: number; peakKB: number; inputsKB: number; answered: number } | null {
  const line = text.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (line === undefined) {
    console.log(`  no measurement printed: ${lastLine(text)}`);
    return null;
  }
  return JSON.parse(line) as { seconds: number; peakKB: number; inputsKB: number; answered: number };
}

async function cliCase(context: Context, data: PeerData, files: PeerFiles, csvPath: string): Promise<void> {
  const size = sizeText(data.respondents, data.itemIds.length);
  const config = join(files.dir, 'survey.json');
  writeFileSync(
    config,
    JSON.stringify({
      id: 'id',
      items: data.itemIds.map((id) => ({ id, scale: 'daDegree4' })),
      attributes: { region: 'category', population: 'number' },
      report: { title: 'Peer benchmark', sizeGroups: { attribute: 'population', breaks: SIZE_BREAKS } },
    }),
  );
  const built = join(root, 'dist/cli/index.js');
  const cli = existsSync(built) ? [built] : ['--import', 'tsx', join(root, 'src/cli/index.ts')];
  const cliArgs = [...cli, 'report', csvPath, '--config', config, '--format', 'json', '--out', join(files.dir, 'report.json')];
  const timeV = existsSync('/usr/bin/time');
  console.log(`  likertkit report on the ${size} CSV (${existsSync(built) ? 'dist/cli/index.js' : 'src/cli/index.ts through tsx'}) …`);
  const capKB = 6 * 1024 * 1024;
  const run = timeV
    ? await runWatched('/usr/bin/time', ['-v', process.execPath, ...cliArgs], capKB, 900)
    : await runWatched(process.execPath, cliArgs, capKB, 900);
  let peakMB: number | null = null;
  let how: string;
  if (timeV) {
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
    peakMB = kb === undefined ? null : Number(kb) / 1024;
    how = '/usr/bin/time -v';
  } else {
    peakMB = run.watchedPeakKB / 1024;
    how = 'VmRSS sampled every 250 ms';
  }
  if (run.killed !== null) {
    addResult({ case: 'CLI report: peak RSS', size, likertkit: run.watchedPeakKB / 1024, peer: 'bound', peerValue: 500, unit: 'MB', target: 1, targetText: '< 500 MB', note: run.killed });
    return;
  }
  if (run.code !== 0) {
    // The CLI's own message comes before /usr/bin/time's report.
    const own = run.stderr.split(/Command exited with|\tCommand being timed:/)[0]!.trim().split('\n')[0] ?? '';
    const exit = timeV ? (/Exit status: (\d+)/.exec(run.stderr)?.[1] ?? String(run.code)) : String(run.code);
    console.log(`  likertkit report failed (exit ${exit}): ${own}`);
    addResult({
      case: 'CLI report: peak RSS', size, likertkit: peakMB, peer: 'bound', peerValue: 500, unit: 'MB', target: 1, targetText: '< 500 MB',
      status: 'MISSED', note: `the CLI failed, exit ${exit}: ${own.slice(0, 200)}`,
    });
    return;
  }
  addResult({
    case: 'CLI report: peak RSS', size, likertkit: peakMB, peer: 'bound', peerValue: 500, unit: 'MB', target: 1, targetText: '< 500 MB',
    note: `${how}; ${run.seconds.toFixed(1)} s wall`,
  });
}

// --- main --------------------------------------------------------------------------------------

function printTable(): void {
  const header = ['case', 'size', 'likertkit', 'peer', 'peer', 'ratio', 'peer / likertkit', 'target', 'result'];
  const rows = results.map((r) => {
    const shown = (v: number | null): string => (v === null ? '–' : r.unit === 's' ? formatSeconds(v) : `${v.toFixed(0)} MB`);
    // Why a line was not run, or why the CLI failed, is worth a place in the table.
    const why = r.status === 'not run' || r.note?.startsWith('the CLI failed') === true ? r.note : undefined;
    const ratio = r.ratio === null ? '–' : r.ratio.toFixed(3);
    const speed = r.ratio === null || r.ratio === 0 ? '–' : `${(1 / r.ratio).toFixed(2)}×`;
    return [r.case, r.size, shown(r.likertkit), r.peer, shown(r.peerValue), ratio, speed, r.targetText, r.status + (why === undefined ? '' : `: ${why}`)];
  });
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((row) => (row[k] as string).length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, k) => c.padEnd(widths[k] as number)).join(' | ')} |`;
  console.log(`\n${line(header)}`);
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

async function mainRun(): Promise<number> {
  const settings = readSettings(process.argv.slice(2));
  const peers = detectPeers();
  const work = mkdtempSync(join(tmpdir(), 'likertkit-peers-'));
  const versions: Record<string, Record<string, string | null>> = { node: { node: process.version } };
  const context: Context = { settings, peers, work, versions };
  console.log(`likertkit peer benchmark${settings.quick ? ' (--quick)' : ''}: Node ${process.version}, peers single-threaded unless --peer-threads (now ${settings.peerThreads}), data in ${work}`);
  console.log(`  numpy/SciPy: ${peers.numpy === null ? 'found' : `not run: ${peers.numpy}`}`);
  console.log(`  R with data.table: ${peers.r === null ? 'found (psych optional)' : `not run: ${peers.r}`}`);
  try {
    for (const respondents of settings.quick ? [100_000] : [100_000, 1_000_000]) await runSize(context, respondents);
    if (settings.cases.has('survey')) await surveyColumnCase(context);
  } finally {
    if (!settings.keep) rmSync(work, { recursive: true, force: true });
  }
  printTable();
  for (const note of notes) console.log(`note: ${note}`);
  const disagree = checks.filter((c) => !c.ok);
  console.log(`\nchecks: ${checks.length - disagree.length} of ${checks.length} agree${disagree.length ? `; DISAGREE: ${disagree.map((c) => c.name).join(', ')}` : ''}`);
  const missed = results.filter((r) => r.status === 'MISSED').length;
  console.log(`targets: ${results.filter((r) => r.status === 'met').length} met, ${missed} MISSED, ${results.filter((r) => r.status === 'not run').length} not run`);
  if (settings.json !== undefined) {
    writeFileSync(
      settings.json,
      `${JSON.stringify({ date: new Date().toISOString(), quick: settings.quick, peerThreads: settings.peerThreads, versions, peers, results, checks, notes }, null, 2)}\n`,
    );
    console.log(`JSON written to ${settings.json}`);
  }
  return disagree.length > 0 ? 1 : 0;
}

process.exitCode = await mainRun();
