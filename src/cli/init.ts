import { numericColumn } from '../csv/numericColumn';
import { readCategoryKey } from '../data/keys';
import { normalizeLabel } from '../scale/normalizeLabel';
import { scales } from '../scale/presets';
import type { Scale } from '../scale/types';
import { CONFIG_SCHEMA_PATH } from './configSchema';
import { CLI_GUIDE_URL } from './guide';
import { CliError, errorCode, failureReason, refuseInputAsOutput, resolvePath, writeOutput, type CliIo } from './io';
import { formatProblem, readCsvFile } from './load';
import { escapeLineBreaks, quoteName } from './quote';

/** The share of a column's non-missing values that must be labels of a scale to pick it. */
export const SCALE_MATCH = 0.95;
/** A text column with at most this many distinct values (and repeats) becomes a category. */
export const MAX_CATEGORIES = 20;

/** What {@link detectColumns} decided about one column. */
export interface ColumnDecision {
  readonly column: string;
  readonly role: 'id' | 'item' | 'number' | 'category' | 'multiSelect' | 'text' | 'skipped';
  /** For tick-box columns: the id of the multi-select question they belong to. */
  readonly question?: string;
  /** For items: the preset scale chosen. */
  readonly scale?: string;
  /** Why, in a few words (shares matched, distinct values, …). */
  readonly reason: string;
}

/** Result of {@link detectColumns}: the starter config and the decision per column. */
export interface DetectColumnsResult {
  readonly config: Record<string, unknown>;
  readonly decisions: readonly ColumnDecision[];
}

/**
 * Share of values that are labels (or aliases) of `scale`, and how many of its categories
 * occur. Works on the distinct values with their counts, so each spelling is normalised once.
 */
function scaleMatch(counts: ReadonlyMap<string, number>, total: number, scale: Scale): { share: number; used: number } {
  let hits = 0;
  const used = new Set<number>();
  for (const [normalised, count] of counts) {
    // Own keys only: a cell "constructor" is not a label of every scale.
    const index = Object.hasOwn(scale.lookup, normalised) ? scale.lookup[normalised] : undefined;
    if (index !== undefined) {
      hits += count;
      used.add(index);
    }
  }
  return { share: total === 0 ? 0 : hits / total, used: used.size };
}

interface Candidate {
  readonly name: string;
  readonly share: number;
  /** Share of the scale's categories that occur in the column. */
  readonly coverage: number;
  /** Position in `scales`. */
  readonly order: number;
}

/** The presets matching at least {@link SCALE_MATCH} of the values, all with the highest share. */
function bestScales(raw: ReadonlyMap<string, number>, total: number, presets: readonly [string, Scale][]): Candidate[] {
  const counts = new Map<string, number>();
  for (const [value, count] of raw) {
    const key = normalizeLabel(value);
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  let best: Candidate[] = [];
  presets.forEach(([name, scale], order) => {
    const { share, used } = scaleMatch(counts, total, scale);
    if (share < SCALE_MATCH) return;
    const candidate = { name, share, coverage: used / scale.categories.length, order };
    if (best.length === 0 || share > (best[0] as Candidate).share) best = [candidate];
    else if (share === (best[0] as Candidate).share) best.push(candidate);
  });
  return best;
}

/** Cell values of a tick-box column besides its own header text (compared lower-cased). */
const TICK_VALUES = new Set(['1', 'x', '0', 'ja', 'nej', 'yes', 'no', 'true', 'false', '✓', '✔']);
const TICKED_VALUES = new Set(['1', 'x', 'ja', 'yes', 'true', '✓', '✔']);

/** The part of a header before its last ": " (or " - "), the question a tick box belongs to. */
function headerPrefix(column: string): string | undefined {
  const at = Math.max(column.lastIndexOf(': '), column.lastIndexOf(' - '));
  return at > 0 ? column.slice(0, at).trim() : undefined;
}

/** The option a tick-box column stands for: its header after the question. */
function optionName(column: string, prefix: string | undefined): string {
  return prefix === undefined ? column : column.slice(prefix.length).replace(/^\s*(?::|-)\s*/, '').trim() || column;
}

/**
 * Whether a column looks like one box of a tick-box block: every answer is blank, 1 / x / ✓,
 * 0, ja / nej, yes / no, or the column's own header (or option) text, and at least one is ticked.
 */
function isTickBox(column: string, distinct: ReadonlySet<string>): { ticked: boolean; fullText: boolean; optionText: boolean } | undefined {
  const full = column.toLowerCase();
  const option = optionName(column, headerPrefix(column)).toLowerCase();
  let ticked = false;
  let fullText = false;
  let optionText = false;
  for (const value of distinct) {
    const v = value.toLowerCase();
    if (v === full || v === option) {
      ticked = true;
      // A cell holding the whole header names the option as the column does; one holding only
      // the part after the prefix ("Netværk" under "Støtte: Netværk") needs the option named so.
      if (v === full) fullText = true;
      else optionText = true;
    } else if (TICK_VALUES.has(v)) ticked ||= TICKED_VALUES.has(v);
    else return undefined;
  }
  return ticked ? { ticked, fullText, optionText } : undefined;
}

/** An id for a multi-select question from its header prefix, e.g. "hvilke_former_for_stoette". */
function questionId(prefix: string | undefined, index: number, taken: ReadonlySet<string>): string {
  const base =
    prefix === undefined
      ? ''
      : prefix
          .toLowerCase()
          .replace(/æ/g, 'ae')
          .replace(/ø/g, 'oe')
          .replace(/å/g, 'aa')
          .normalize('NFKD')
          .replace(/[^a-z0-9]+/g, '_')
          .replace(/^_+|_+$/g, '')
          .slice(0, 40);
  let id = base === '' ? `multiSelect${index}` : base;
  for (let n = 2; taken.has(id); n++) id = `${base || 'multiSelect'}${n}`;
  return id;
}

/**
 * Whether a text column holds free text (comments): many different answers, mostly several
 * words long. Such a column is neither a category nor an item, so `init` leaves it out.
 */
function isFreeText(distinct: ReadonlySet<string>, present: number): boolean {
  if (distinct.size < 2 || (distinct.size <= MAX_CATEGORIES && distinct.size < present)) return false;
  let length = 0;
  let words = 0;
  for (const value of distinct) {
    length += value.length;
    if (/\s/.test(value)) words++;
  }
  return length / distinct.size >= 10 && words * 2 >= distinct.size;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

interface TickBoxBlock {
  readonly id: string;
  readonly columns: readonly string[];
  /** Option name → column, when the headers share a question prefix and the cells do not hold the header text. */
  readonly options?: Readonly<Record<string, string>>;
}

/**
 * Runs of at least two adjacent tick-box columns; a run is split where the header prefix
 * changes ("Hvilke former for støtte: Sparring", "…: Kurser" belong together).
 */
function tickBoxBlocks(columns: readonly string[], rows: readonly Record<string, string | null>[]): TickBoxBlock[] {
  const boxes = columns.map((column) => {
    const distinct = new Set<string>();
    for (const row of rows) {
      const value = Object.hasOwn(row, column) ? row[column] : null;
      const key = readCategoryKey(value);
      if (typeof key === 'string') distinct.add(key);
    }
    return isTickBox(column, distinct);
  });
  const blocks: TickBoxBlock[] = [];
  const taken = new Set<string>();
  let start = 0;
  while (start < columns.length) {
    if (boxes[start] === undefined) {
      start++;
      continue;
    }
    const prefix = headerPrefix(columns[start] as string);
    let end = start + 1;
    while (end < columns.length && boxes[end] !== undefined && headerPrefix(columns[end] as string) === prefix) end++;
    if (end - start >= 2) {
      const run = columns.slice(start, end);
      const id = questionId(prefix, blocks.length + 1, taken);
      taken.add(id);
      // Options are named after the header's last part, unless a cell holds the whole header
      // text (then the option must be named as the column, which holds its own name when ticked).
      const fullText = boxes.slice(start, end).some((box) => box?.fullText === true);
      const options = prefix === undefined || fullText ? undefined : Object.fromEntries(run.map((column) => [optionName(column, prefix), column]));
      const distinctOptions = options !== undefined && Object.keys(options).length === run.length;
      blocks.push({ id, columns: run, ...(distinctOptions && { options }) });
    }
    start = end;
  }
  return blocks;
}

/**
 * Decides what each CSV column holds, for a starter config:
 *
 * - the id is the first column whose values are all present and unique;
 * - an item is a column where at least 95 % of the non-missing values are labels of one preset
 *   scale (numeric codes do not count, so numeric columns are not mistaken for items); when
 *   several presets match equally well (a column holding only "I høj grad" fits both
 *   `daDegree4` and `daDegree5`), the one chosen by most unambiguous columns of the file wins,
 *   then the one with the larger share of its categories in use, then the first in `scales`;
 * - a numeric attribute is a column whose non-missing values are all numbers (decimal comma or
 *   point, detected per column by the library's number reader); a column whose values read
 *   both ways (only "60.828"-like values) follows the mark of the other numeric columns, or the
 *   decimal comma in a `;`-separated file, and is flagged for checking otherwise;
 * - a category is a text column with 2 to 20 distinct values, each used more than once on
 *   average;
 * - a run of two or more adjacent tick-box columns (cells blank, 1, x, 0, ja / nej or the
 *   column's own header text), split where the header prefix before ": " changes, is a
 *   multi-select question (`multiSelect` in the config), instead of numbers or categories;
 * - free text (many different answers, mostly several words) is left out as a comment
 *   column; other columns (empty or single-valued) are skipped.
 *
 * @param columns - the header names, in file order
 * @param rows - the rows as `parseCsv` returns them
 * @param delimiter - the file's delimiter, which decides the decimal mark when nothing else does
 * @returns the config object and one decision per column
 */
export function detectColumns(
  columns: readonly string[],
  rows: readonly Record<string, string | null>[],
  delimiter?: string,
): DetectColumnsResult {
  const decisions: ColumnDecision[] = [];
  const presets = Object.entries(scales) as [string, Scale][];
  let id: string | undefined;
  const items: Record<string, unknown>[] = [];
  const attributes: Record<string, 'number' | 'category'> = {};
  const marks = new Set<string>();
  // Numeric columns whose values read both ways (only "60.828"-like values): they follow the
  // mark the other numeric columns decide, or the config asks for "decimal".
  const twoWays: string[] = [];
  const pending: { column: string; count: number; candidates: Candidate[] }[] = [];
  const multiSelect = tickBoxBlocks(columns, rows);
  const inBlock = new Map<string, string>();
  for (const block of multiSelect) for (const column of block.columns) inBlock.set(column, block.id);

  for (const column of columns) {
    const question = inBlock.get(column);
    if (question !== undefined) {
      decisions.push({ column, role: 'multiSelect', question, reason: `tick box of multi-select question "${question}"` });
      continue;
    }
    // Distinct texts with their counts: every later step works on these, not on each cell.
    const raw = new Map<string, number>();
    let present = 0;
    for (const row of rows) {
      const value = Object.hasOwn(row, column) ? row[column] : null;
      if (value === null || value === undefined) continue;
      present++;
      raw.set(value, (raw.get(value) ?? 0) + 1);
    }
    const distinct = new Set<string>();
    // Distinct cells as the library tells categories apart (trimmed, invisible characters
    // removed, NFC); blanks are missing.
    for (const value of raw.keys()) {
      const key = readCategoryKey(value);
      if (typeof key === 'string') distinct.add(key);
    }
    if (distinct.size === 0) {
      decisions.push({ column, role: 'skipped', reason: 'empty' });
      continue;
    }
    if (id === undefined && present === rows.length && distinct.size === present) {
      id = column;
      decisions.push({ column, role: 'id', reason: `${present} unique values` });
      continue;
    }
    // At most 5 % of the cells of an item are not labels, so a column with far more distinct
    // texts than that (plus room for many spellings of the labels) cannot be one: skip the
    // matching, which would normalise every distinct text (ids, populations, free text).
    const candidates = raw.size > (1 - SCALE_MATCH) * present + 200 ? [] : bestScales(raw, present, presets);
    if (candidates.length > 0) {
      pending.push({ column, count: present, candidates });
      decisions.push({ column, role: 'item', reason: '' });
      continue;
    }
    const numbers = readNumbers(rows, column);
    if (numbers !== null) {
      attributes[column] = 'number';
      if (numbers.decimal === null) {
        // Integers say nothing about the mark; values that read two ways wait for the others.
        if (numbers.twoWays) twoWays.push(column);
        decisions.push({ column, role: 'number', reason: `all ${present} values are numbers` });
      } else {
        marks.add(numbers.decimal);
        decisions.push({ column, role: 'number', reason: `all ${present} values are numbers (decimal "${numbers.decimal}")` });
      }
      continue;
    }
    if (distinct.size < 2) {
      // One value (e.g. a multi-select column holding only 'x' and blanks) separates nothing.
      decisions.push({ column, role: 'skipped', reason: `${distinct.size} distinct value: nothing to compare by` });
      continue;
    }
    if (distinct.size <= MAX_CATEGORIES && distinct.size < present) {
      attributes[column] = 'category';
      decisions.push({ column, role: 'category', reason: `${distinct.size} distinct values` });
      continue;
    }
    if (isFreeText(distinct, present)) {
      decisions.push({ column, role: 'text', reason: `free text (${distinct.size} distinct answers), left out` });
      continue;
    }
    decisions.push({ column, role: 'skipped', reason: `${distinct.size} distinct texts, not a scale, number or category` });
  }

  // Columns that fit several scales equally well follow the scale the unambiguous columns chose.
  const votes = new Map<string, number>();
  for (const p of pending) if (p.candidates.length === 1) votes.set(p.candidates[0]!.name, (votes.get(p.candidates[0]!.name) ?? 0) + 1);
  for (const p of pending) {
    const ranked = [...p.candidates].sort(
      (a, b) => (votes.get(b.name) ?? 0) - (votes.get(a.name) ?? 0) || b.coverage - a.coverage || a.order - b.order,
    );
    const chosen = ranked[0] as Candidate;
    const others = ranked.slice(1).map((c) => c.name);
    items.push({ id: p.column, scale: chosen.name });
    const index = decisions.findIndex((d) => d.column === p.column);
    decisions[index] = {
      column: p.column,
      role: 'item',
      scale: chosen.name,
      reason: `${percent(chosen.share)} of ${p.count} answers are its labels${others.length > 0 ? ` (also fits ${others.join(', ')})` : ''}`,
    };
  }
  const config: Record<string, unknown> = { $schema: CONFIG_SCHEMA_PATH, id: id ?? columns[0] ?? 'id', items };
  if (Object.keys(attributes).length > 0) config.attributes = attributes;
  if (multiSelect.length > 0) {
    config.multiSelect = multiSelect.map((block) => ({ id: block.id, columns: block.options ?? block.columns }));
  }
  // Columns whose values read both ways follow the mark the other numeric columns decided; when
  // none did, a ";"-separated file is taken to use the decimal comma (spreadsheets write ";"
  // exactly where "," is the decimal mark), and otherwise the config asks for "decimal".
  let twoWaysMark: string | undefined;
  let twoWaysWhy = '';
  if (marks.size === 1) {
    twoWaysMark = [...marks][0] as string;
    twoWaysWhy = 'as the other numeric columns';
  } else if (marks.size === 0 && delimiter === ';') {
    twoWaysMark = ',';
    twoWaysWhy = 'the file is ";"-separated, as spreadsheets write it where the decimal mark is a comma; check it';
  }
  if (twoWays.length > 0 && marks.size === 0 && twoWaysMark !== undefined) marks.add(twoWaysMark);
  for (const column of twoWays) {
    const index = decisions.findIndex((d) => d.column === column);
    const decision = decisions[index] as ColumnDecision;
    decisions[index] = {
      ...decision,
      reason:
        twoWaysMark === undefined
          ? `${decision.reason}, but they read two ways ("60.828" is 60828 with a decimal comma, 60.828 with a decimal point): set "decimal" in the config`
          : `${decision.reason} (decimal "${twoWaysMark}") ${twoWaysWhy}`,
    };
  }
  if (marks.size === 1 && marks.has(',')) config.decimal = ',';
  return { config, decisions };
}

/**
 * Whether every non-blank cell of a column is a number, by the library's number reader, and
 * what it says about the decimal mark: the mark it decides; or none, either because no value
 * holds a mark (integers) or because every value reads both ways (only "60.828"-like values,
 * `twoWays`). Null when the column is not numeric.
 */
function readNumbers(
  rows: readonly Record<string, string | null>[],
  column: string,
): { readonly decimal: ',' | '.' | null; readonly twoWays: boolean } | null {
  const cells = rows.map((row) => (Object.hasOwn(row, column) ? row[column] : null));
  const marked = cells.some((cell) => typeof cell === 'string' && (cell.includes(',') || cell.includes('.')));
  try {
    const numbers = numericColumn(rows, column);
    if (numbers.bad.length > 0) return null;
    return marked ? { decimal: numbers.decimal, twoWays: false } : { decimal: null, twoWays: false };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // numericColumn refuses a column whose mark cannot be decided; it is numeric if it reads
    // cleanly with either mark.
    const comma = numericColumn(rows, column, { decimal: ',' });
    const point = numericColumn(rows, column, { decimal: '.' });
    return comma.bad.length === 0 && point.bad.length === 0 ? { decimal: null, twoWays: true } : null;
  }
}

/**
 * Refuses an `--out` that exists in any form: a readable file, but also one that cannot be
 * read (no permission, a directory), which would otherwise look absent and be replaced.
 */
async function refuseExisting(io: CliIo, out: string): Promise<void> {
  const path = resolvePath(io, out);
  const found = await io.stat(path).then(
    (identity) => identity,
    (error: unknown) => (errorCode(error) === 'ENOENT' ? null : undefined),
  );
  if (found === null) return;
  // Only a regular file is read (to say whether it can be): reading a pipe or FIFO would block.
  const readable =
    found !== undefined && !found.isFile
      ? null
      : await io.readFile(path).then(
          () => null,
          (error: unknown) => failureReason(error),
        );
  const what = readable === null ? 'already exists' : `already exists and cannot be read (${readable})`;
  throw new CliError(2, `${out} ${what}; pass --force to overwrite it`);
}

function knownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Options of {@link runInit}, from the command line. */
export interface InitCommandOptions {
  readonly csv: string;
  readonly out?: string;
  readonly force: boolean;
  /** `--encoding`: the CSV's encoding (a WHATWG label), also written to the config. */
  readonly encoding?: string;
}

/**
 * `likertkit init`: writes a starter config for a survey CSV (to `--out` or standard output)
 * and prints what it decided per column (to standard output when the config goes to a file,
 * to standard error otherwise, so that `likertkit init a.csv > a.json` stays valid JSON).
 *
 * @returns 0, or 1 when no column holds a built-in scale
 * @throws CliError 2 when the CSV cannot be read or `--out` exists without `--force`
 */
export async function runInit(io: CliIo, options: InitCommandOptions): Promise<number> {
  if (options.out !== undefined) {
    await refuseInputAsOutput(io, options.out, [{ role: 'survey CSV', path: options.csv }]);
    if (!options.force) await refuseExisting(io, options.out);
  }
  if (options.encoding !== undefined && !knownEncoding(options.encoding)) {
    throw new CliError(2, `--encoding ${quoteName(options.encoding)} is not an encoding; use a WHATWG label such as "utf-8", "windows-1252" or "utf-16le"`);
  }
  const { csv } = await readCsvFile(io, options.csv, 'survey CSV', {
    ...(options.encoding !== undefined && { encoding: options.encoding }),
  }, '--encoding to the encoding named above');
  const detected = detectColumns(csv.columns, csv.rows, csv.delimiter);
  const { decisions } = detected;
  const config = options.encoding === undefined ? detected.config : { ...detected.config, encoding: options.encoding };
  const say = options.out === undefined ? io.stderr : io.stdout;
  const width = Math.max(...decisions.map((d) => d.column.length), 6);
  say(`${options.csv}: ${csv.rowCount} rows, ${csv.columns.length} columns, delimiter ${JSON.stringify(csv.delimiter)}\n`);
  for (const issue of csv.issues) say(`warning: ${formatProblem({ file: options.csv, line: issue.row, message: issue.message })}\n`);
  for (const d of decisions) {
    const role = d.role === 'item' ? `item (${d.scale})` : d.role;
    say(`  ${escapeLineBreaks(d.column).padEnd(width)}  ${role.padEnd(24)} ${d.reason}\n`);
  }
  for (const d of decisions) if (d.role === 'text') say(`column ${quoteName(d.column)}: ${d.reason}\n`);
  const items = config.items as unknown[];
  if (items.length === 0) {
    say(`no column holds labels of a built-in scale; define the scale inline (see ${CLI_GUIDE_URL})\n`);
  }
  await writeOutput(io, options.out, `${JSON.stringify(config, null, 2)}\n`);
  if (options.out !== undefined) say(`wrote ${options.out}\n`);
  return items.length === 0 ? 1 : 0;
}
