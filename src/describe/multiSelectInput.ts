import { describeValue } from '../internal/validate';
import { normalizeLabel } from '../scale/normalizeLabel';

/**
 * A multi-select question as one column per option ("Sæt gerne flere kryds"): `input[option][i]`
 * says whether respondent `i` ticked `option`. All columns have the same length.
 */
export type MultiSelectColumns = Readonly<Record<string, ArrayLike<unknown>>>;

/**
 * A multi-select question as one text column holding the ticked options joined by a separator,
 * e.g. `'Sparring; Kurser'`. Tokens are trimmed; empty and repeated tokens are ignored.
 */
export interface MultiSelectSeparated {
  /** One cell per respondent; `null`, `undefined` and blank text are missing. */
  readonly column: ArrayLike<string | null | undefined>;
  /** The text between two ticked options, e.g. `';'`. */
  readonly separator: string;
}

/** Either form of a multi-select question. */
export type MultiSelectInput = MultiSelectColumns | MultiSelectSeparated;

/** A cell value that may be listed in `ticked` or `notTicked`. */
export type MultiSelectCellValue = string | number | boolean;

/** How cells are read; shared by `multiSelect`, `multiSelectTable` and `mergeInformants`. */
export interface MultiSelectCodingOptions {
  /**
   * The full list of options, in the order results list them. Needed with the separator form
   * so that options nobody ticked still get a row (without it the options are the distinct
   * tokens in order of first appearance). With the column form it fixes the order and must
   * name exactly the columns.
   */
  readonly options?: readonly string[];
  /**
   * Cell values meaning "ticked" (column form). Replaces the default
   * `[true, 1, '1', 'x', 'ja', 'yes']`. Text is compared after label normalisation (trimmed,
   * case-insensitive), so `'X'` and `' Ja '` match. A cell holding its option's own name is
   * always ticked.
   */
  readonly ticked?: readonly MultiSelectCellValue[];
  /**
   * Cell values meaning "seen but not ticked" (column form). Replaces the default
   * `[false, 0, '0', 'nej', 'no']`. `null`, `undefined`, `NaN` and blank text are missing
   * unless listed here or in `ticked`.
   */
  readonly notTicked?: readonly MultiSelectCellValue[];
}

/** One distinct value that could not be read, reported by {@link MultiSelectInputError}. */
export interface MultiSelectBadValue {
  /** The option column it was found in (column form); absent for separator tokens. */
  readonly option?: string;
  /** The raw cell value, or the unknown token (trimmed) in the separator form. */
  readonly value: unknown;
  /** How many cells held it. */
  readonly count: number;
  /** Zero-based row indices of its first (at most 5) occurrences. */
  readonly positions: readonly number[];
}

/**
 * Thrown when multi-select cells hold values that are neither ticked, not ticked nor missing
 * (column form), or tokens that are not among `options.options` (separator form). One error
 * lists every distinct bad value with its count and first row positions; the same data is on
 * `bad`.
 *
 * @example
 * ```ts
 * try {
 *   multiSelect({ Sparring: ['x', 'måske', ''] }, {});
 * } catch (error) {
 *   if (error instanceof MultiSelectInputError) error.bad;
 *   // [{ option: 'Sparring', value: 'måske', count: 1, positions: [1] }]
 * }
 * ```
 */
export class MultiSelectInputError extends Error {
  override readonly name = 'MultiSelectInputError';
  /** Every distinct bad value, in order of first occurrence. */
  readonly bad: readonly MultiSelectBadValue[];

  /**
   * @param message - the full message (starting with the function's name)
   * @param bad - every distinct bad value
   */
  constructor(message: string, bad: readonly MultiSelectBadValue[]) {
    super(message);
    this.bad = bad;
  }
}

/** Cell states of a coded question. Internal. */
export const MISSING = 0;
export const NOT_TICKED = 1;
export const TICKED = 2;

/**
 * A multi-select question read into cell states: `cells[i * options.length + j]` is
 * {@link MISSING}, {@link NOT_TICKED} or {@link TICKED} for respondent `i` and option `j`.
 * Internal: the public functions turn it into plain results.
 */
export interface CodedMultiSelect {
  readonly options: readonly string[];
  readonly respondents: number;
  readonly cells: Uint8Array;
}

const DEFAULT_TICKED: readonly MultiSelectCellValue[] = [true, 1, '1', 'x', 'ja', 'yes'];
const DEFAULT_NOT_TICKED: readonly MultiSelectCellValue[] = [false, 0, '0', 'nej', 'no'];

/** At most this many positions are kept per bad value. */
const POSITIONS = 5;
/** At most this many bad values are spelled out in a message (all are on `error.bad`). */
const MESSAGE_LIMIT = 50;

/** True when `input` is the separator form. Internal. */
export function isSeparated(input: MultiSelectInput): input is MultiSelectSeparated {
  const candidate = input as Partial<MultiSelectSeparated>;
  return typeof candidate.separator === 'string' && 'column' in input;
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (typeof value === 'string' || value === null || typeof value !== 'object') return false;
  const length = (value as { length?: unknown }).length;
  return typeof length === 'number' && Number.isInteger(length) && length >= 0;
}

/** Throws unless `input` is one of the two input forms. Internal. */
export function assertInput(fn: string, input: unknown, what = 'input'): asserts input is MultiSelectInput {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new TypeError(
      `${fn}: ${what} must be a record of option columns or { column, separator }, got ${describeValue(input)}`,
    );
  }
  const maybe = input as { column?: unknown; separator?: unknown };
  if ('separator' in maybe && 'column' in maybe) {
    if (typeof maybe.separator !== 'string' || maybe.separator === '') {
      throw new TypeError(`${fn}: ${what}.separator must be a non-empty string such as ';', got ${describeValue(maybe.separator)}`);
    }
    if (!isArrayLike(maybe.column)) {
      throw new TypeError(`${fn}: ${what}.column must be an array of texts, got ${describeValue(maybe.column)}`);
    }
    return;
  }
  const names = Object.keys(input);
  if (names.length === 0) {
    throw new RangeError(`${fn}: ${what} has no option columns; pass one column per option`);
  }
  let length: number | undefined;
  for (const name of names) {
    const column = (input as Record<string, unknown>)[name];
    if (!isArrayLike(column)) {
      throw new TypeError(`${fn}: ${what} column ${JSON.stringify(name)} must be an array, got ${describeValue(column)}`);
    }
    if (length === undefined) length = column.length;
    else if (column.length !== length) {
      throw new RangeError(
        `${fn}: ${what} columns must have the same length; ${JSON.stringify(names[0])} has ${length} rows but ${JSON.stringify(name)} has ${column.length}`,
      );
    }
  }
}

function checkOptionsList(fn: string, options: unknown): readonly string[] | undefined {
  if (options === undefined) return undefined;
  if (!Array.isArray(options) || options.some((o) => typeof o !== 'string')) {
    throw new TypeError(`${fn}: options.options must be an array of option names, got ${describeValue(options)}`);
  }
  const seen = new Map<string, string>();
  for (const option of options as string[]) {
    const key = normalizeLabel(option);
    if (key === '') throw new RangeError(`${fn}: options.options holds an empty option name; remove it`);
    const before = seen.get(key);
    if (before !== undefined) {
      throw new RangeError(
        `${fn}: options.options names the same option twice (${JSON.stringify(before)} and ${JSON.stringify(option)}); list each once`,
      );
    }
    seen.set(key, option);
  }
  return options as string[];
}

function checkValueList(fn: string, list: unknown, name: string): readonly MultiSelectCellValue[] | undefined {
  if (list === undefined) return undefined;
  if (
    !Array.isArray(list) ||
    list.some((v) => typeof v !== 'string' && typeof v !== 'boolean' && !(typeof v === 'number' && !Number.isNaN(v)))
  ) {
    throw new TypeError(`${fn}: options.${name} must be an array of texts, numbers or booleans, got ${describeValue(list)}`);
  }
  return list as MultiSelectCellValue[];
}

/** A value list split into normalised text and other primitives, for lookups. */
interface ValueSet {
  readonly text: Set<string>;
  readonly other: Set<number | boolean>;
}

function toValueSet(values: readonly MultiSelectCellValue[]): ValueSet {
  const text = new Set<string>();
  const other = new Set<number | boolean>();
  for (const value of values) {
    if (typeof value === 'string') text.add(normalizeLabel(value));
    else other.add(value);
  }
  return { text, other };
}

/**
 * The option list of a question when `options.options` is not given: the column names, or the
 * distinct tokens of the separator form in order of first appearance (first spelling kept).
 * Internal; `seen` maps normalised names to spellings and is extended in place, so several
 * questions can share one list.
 */
export function discoverOptions(input: MultiSelectInput, seen: Map<string, string>): void {
  if (isSeparated(input)) {
    const { column, separator } = input;
    for (let i = 0; i < column.length; i++) {
      const cell = column[i];
      if (typeof cell !== 'string') continue;
      for (const raw of cell.split(separator)) {
        const token = raw.trim();
        const key = normalizeLabel(token);
        if (key !== '' && !seen.has(key)) seen.set(key, token);
      }
    }
  } else {
    for (const name of Object.keys(input)) {
      const key = normalizeLabel(name);
      if (!seen.has(key)) seen.set(key, name);
    }
  }
}

/**
 * The option list shared by several questions: `options.options` when given, otherwise the
 * union of the discovered options in order of first appearance. Internal.
 */
export function resolveOptionList(
  fn: string,
  inputs: readonly MultiSelectInput[],
  options: MultiSelectCodingOptions,
): readonly string[] {
  const given = checkOptionsList(fn, options.options);
  if (given !== undefined) return given;
  const seen = new Map<string, string>();
  for (const input of inputs) discoverOptions(input, seen);
  return [...seen.values()];
}

/** Records bad values by (option, value) with counts and first positions. */
class BadValues {
  private readonly entries = new Map<string | undefined, Map<unknown, { count: number; positions: number[] }>>();
  private readonly order: { option: string | undefined; value: unknown }[] = [];

  add(option: string | undefined, value: unknown, row: number): void {
    let perOption = this.entries.get(option);
    if (perOption === undefined) {
      perOption = new Map();
      this.entries.set(option, perOption);
    }
    const entry = perOption.get(value);
    if (entry === undefined) {
      perOption.set(value, { count: 1, positions: [row] });
      this.order.push({ option, value });
    } else {
      entry.count++;
      if (entry.positions.length < POSITIONS) entry.positions.push(row);
    }
  }

  get size(): number {
    return this.order.length;
  }

  list(): MultiSelectBadValue[] {
    return this.order.map(({ option, value }) => {
      const entry = this.entries.get(option)?.get(value) as { count: number; positions: number[] };
      return {
        ...(option === undefined ? {} : { option }),
        value,
        count: entry.count,
        positions: [...entry.positions],
      };
    });
  }
}

function badValueLines(bad: readonly MultiSelectBadValue[]): string {
  const lines = bad.slice(0, MESSAGE_LIMIT).map((b) => {
    const where =
      `${b.count} ${b.count === 1 ? 'time' : 'times'}, ${b.positions.length === 1 ? 'row' : 'rows'} ` +
      `${b.positions.join(', ')}${b.count > b.positions.length ? ', …' : ''}`;
    const column = b.option === undefined ? '' : ` in column ${JSON.stringify(b.option)}`;
    return `  - ${describeValue(b.value)}${column}: ${where}`;
  });
  if (bad.length > MESSAGE_LIMIT) lines.push(`  … and ${bad.length - MESSAGE_LIMIT} more (see error.bad)`);
  return lines.join('\n');
}

/**
 * Reads one question into cell states against a fixed option list. Internal: the public
 * functions check their arguments and resolve the option list first.
 *
 * @throws MultiSelectInputError for unreadable cells or unknown tokens
 */
export function codeMultiSelect(
  fn: string,
  input: MultiSelectInput,
  optionList: readonly string[],
  options: MultiSelectCodingOptions,
): CodedMultiSelect {
  const m = optionList.length;
  const index = new Map<string, number>();
  optionList.forEach((option, j) => index.set(normalizeLabel(option), j));

  if (isSeparated(input)) {
    const { column, separator } = input;
    const n = column.length;
    const cells = new Uint8Array(n * m);
    const bad = new BadValues();
    for (let i = 0; i < n; i++) {
      const cell: unknown = column[i];
      if (cell === null || cell === undefined) continue;
      if (typeof cell !== 'string') {
        bad.add(undefined, cell, i);
        continue;
      }
      if (normalizeLabel(cell) === '') continue;
      const row = i * m;
      cells.fill(NOT_TICKED, row, row + m);
      for (const raw of cell.split(separator)) {
        const token = raw.trim();
        const key = normalizeLabel(token);
        if (key === '') continue;
        const j = index.get(key);
        if (j === undefined) bad.add(undefined, token, i);
        else cells[row + j] = TICKED;
      }
    }
    if (bad.size > 0) {
      const list = bad.list();
      const known = optionList.map((o) => JSON.stringify(o)).join(', ');
      throw new MultiSelectInputError(
        `${fn}: ${list.length} unknown ${list.length === 1 ? 'option' : 'options'} in ${n} responses ` +
          `(separator ${JSON.stringify(separator)}; known options ${known}); ` +
          `add them to options.options, fix their spelling, or check the separator:\n${badValueLines(list)}`,
        list,
      );
    }
    return { options: optionList, respondents: n, cells };
  }

  // Column form: the columns must be exactly the options.
  const columns = input as MultiSelectColumns;
  const names = Object.keys(columns);
  const byKey = new Map<string, string>();
  for (const name of names) byKey.set(normalizeLabel(name), name);
  const absent = optionList.filter((o) => !byKey.has(normalizeLabel(o)));
  const extra = names.filter((name) => !index.has(normalizeLabel(name)));
  if (absent.length > 0 || extra.length > 0 || names.length !== m) {
    const parts: string[] = [];
    if (absent.length > 0) parts.push(`no column for ${absent.map((o) => JSON.stringify(o)).join(', ')}`);
    if (extra.length > 0) parts.push(`columns not among the options: ${extra.map((o) => JSON.stringify(o)).join(', ')}`);
    if (parts.length === 0) parts.push('two columns name the same option');
    throw new RangeError(
      `${fn}: the option columns do not match the options (${parts.join('; ')}); pass one column per option, with the same names`,
    );
  }

  const ticked = toValueSet(checkValueList(fn, options.ticked, 'ticked') ?? DEFAULT_TICKED);
  const notTicked = toValueSet(checkValueList(fn, options.notTicked, 'notTicked') ?? DEFAULT_NOT_TICKED);
  const clash = [...ticked.text].filter((v) => notTicked.text.has(v)) as MultiSelectCellValue[];
  clash.push(...[...ticked.other].filter((v) => notTicked.other.has(v)));
  if (clash.length > 0) {
    throw new RangeError(
      `${fn}: ${clash.map((v) => describeValue(v)).join(', ')} ${clash.length === 1 ? 'is' : 'are'} listed both in options.ticked and options.notTicked; list each value once`,
    );
  }

  const n = (columns[names[0] as string] as ArrayLike<unknown>).length;
  const cells = new Uint8Array(n * m);
  const bad = new BadValues();
  for (let j = 0; j < m; j++) {
    const option = optionList[j] as string;
    const optionKey = normalizeLabel(option);
    const column = columns[byKey.get(optionKey) as string] as ArrayLike<unknown>;
    for (let i = 0; i < n; i++) {
      const value = column[i];
      let state: number;
      if (typeof value === 'string') {
        const key = normalizeLabel(value);
        if (key === optionKey || ticked.text.has(key)) state = TICKED;
        else if (notTicked.text.has(key)) state = NOT_TICKED;
        else if (key === '') state = MISSING;
        else state = -1;
      } else if (typeof value === 'number' || typeof value === 'boolean') {
        if (ticked.other.has(value)) state = TICKED;
        else if (notTicked.other.has(value)) state = NOT_TICKED;
        else if (Number.isNaN(value)) state = MISSING;
        else state = -1;
      } else if (value === null || value === undefined) {
        state = MISSING;
      } else {
        state = -1;
      }
      if (state < 0) bad.add(option, value, i);
      else cells[i * m + j] = state;
    }
  }
  if (bad.size > 0) {
    const list = bad.list();
    throw new MultiSelectInputError(
      `${fn}: ${list.length} ${list.length === 1 ? 'value is' : 'values are'} neither ticked, not ticked nor missing in ${n} responses; ` +
        `recode them, or list them in options.ticked or options.notTicked:\n${badValueLines(list)}`,
      list,
    );
  }
  return { options: optionList, respondents: n, cells };
}

/** Throws unless `value` is undefined or a boolean. Internal. */
export function checkBoolean(fn: string, value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new TypeError(`${fn}: ${name} must be true or false, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws unless `options` is undefined or an object. Internal. */
export function checkOptionsObject<T extends object>(fn: string, options: unknown): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  return options as T;
}

/**
 * Per respondent: how many options were ticked and whether the respondent answered (ticked
 * something, or, with `noneMeansAnswered`, left at least one cell non-missing). Internal.
 */
export function respondentSummary(
  coded: CodedMultiSelect,
  noneMeansAnswered: boolean,
): { readonly ticks: Uint16Array; readonly answered: Uint8Array; readonly answeredCount: number } {
  const { respondents: n, cells } = coded;
  const m = coded.options.length;
  const ticks = new Uint16Array(n);
  const answered = new Uint8Array(n);
  let answeredCount = 0;
  for (let i = 0; i < n; i++) {
    let k = 0;
    let present = false;
    for (let j = i * m; j < (i + 1) * m; j++) {
      const state = cells[j] as number;
      if (state === TICKED) k++;
      if (state !== MISSING) present = true;
    }
    ticks[i] = k;
    if (k > 0 || (noneMeansAnswered && present)) {
      answered[i] = 1;
      answeredCount++;
    }
  }
  return { ticks, answered, answeredCount };
}
