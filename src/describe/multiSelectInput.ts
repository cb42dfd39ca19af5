import {
  blankProblem,
  CELL_MISSING,
  CELL_NOT_TICKED,
  CELL_TICKED,
  clashingValues,
  codeOptionColumns,
  codeSeparated,
  discoverTokens,
  optionListProblem,
  valueListProblem,
  type CodedMultiSelect,
  type MultiSelectBlank,
  type MultiSelectCellValue,
} from '../data/multiSelectCoding';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { normalizeLabel } from '../scale/normalizeLabel';

export type { MultiSelectBlank, MultiSelectCellValue } from '../data/multiSelectCoding';

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
   * ticked too, unless that name is listed in `notTicked` (an option named "0" or "nej").
   */
  readonly ticked?: readonly MultiSelectCellValue[];
  /**
   * Cell values meaning "seen but not ticked" (column form). Replaces the default
   * `[false, 0, '0', 'nej', 'no']`. The lists come before the option-name rule, so a column
   * for an option named "0" holding "0" is not ticked.
   */
  readonly notTicked?: readonly MultiSelectCellValue[];
  /**
   * What a blank cell (`null`, `undefined`, `NaN`, empty or white-space text) means:
   * `'missing'` (default) or `'not-ticked'`, for exports that write `1` (or the option text)
   * into a ticked box and leave the others blank (SurveyXact and Enalyzer tick-box blocks).
   * In the separator form, `'not-ticked'` reads a blank cell as "ticked nothing".
   */
  readonly blank?: MultiSelectBlank;
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
 * `issues` (the payload's name on every input error of the library).
 *
 * @example
 * ```ts
 * try {
 *   multiSelect({ Sparring: ['x', 'måske', ''] }, {});
 * } catch (error) {
 *   if (error instanceof MultiSelectInputError) error.issues;
 *   // [{ option: 'Sparring', value: 'måske', count: 1, positions: [1] }]
 * }
 * ```
 */
export class MultiSelectInputError extends Error {
  override readonly name = 'MultiSelectInputError';
  /** Every distinct bad value, in order of first occurrence. */
  readonly issues: readonly MultiSelectBadValue[];

  /**
   * @param message - the full message (starting with the function's name)
   * @param issues - every distinct bad value
   */
  constructor(message: string, issues: readonly MultiSelectBadValue[]) {
    super(message);
    this.issues = issues;
  }
}

/** Cell states of a coded question. Internal. */
export const MISSING = CELL_MISSING;
export const NOT_TICKED = CELL_NOT_TICKED;
export const TICKED = CELL_TICKED;

export type { CodedMultiSelect };

/** At most this many bad values are spelled out in a message (all are on `error.issues`). */
const MESSAGE_LIMIT = 50;

/**
 * True when `input` is the separator form: its `separator` is text. A record of option columns
 * never has a text under any key (every column is an array), so options named `column` or
 * `separator` are read as columns. Internal.
 */
export function isSeparated(input: MultiSelectInput): input is MultiSelectSeparated {
  return typeof (input as { separator?: unknown }).separator === 'string' && 'column' in input;
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
  if (typeof maybe.separator === 'string' && 'column' in maybe) {
    if (maybe.separator === '') {
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
      throw new TypeError(
        `${fn}: ${what} column ${JSON.stringify(name)} must be an array, got ${describeValue(column)}` +
          (name === 'separator' ? "; for the separator form pass { column, separator: ';' } with a text separator" : ''),
      );
    }
    if (length === undefined) length = column.length;
    else if (column.length !== length) {
      throw new RangeError(
        `${fn}: ${what} columns must have the same length; ${JSON.stringify(names[0])} has ${length} rows but ${JSON.stringify(name)} has ${column.length}`,
      );
    }
  }
}

function checked<T>(fn: string, problem: string | undefined, value: T): T {
  if (problem !== undefined) throw new TypeError(`${fn}: options.${problem}`);
  return value;
}

/**
 * The option list of a question when `options.options` is not given: the column names, or the
 * distinct tokens of the separator form in order of first appearance (first spelling kept).
 * Internal; `seen` maps normalised names to spellings and is extended in place, so several
 * questions can share one list.
 */
export function discoverOptions(input: MultiSelectInput, seen: Map<string, string>): void {
  if (isSeparated(input)) {
    discoverTokens(input.column, input.separator, seen);
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
  const problem = optionListProblem(options.options, 'options');
  if (problem !== undefined) {
    throw problem.includes('must be an array') ? new TypeError(`${fn}: options.${problem}`) : new RangeError(`${fn}: options.${problem}`);
  }
  if (options.options !== undefined) return options.options;
  const seen = new Map<string, string>();
  for (const input of inputs) discoverOptions(input, seen);
  return [...seen.values()];
}

function badValueLines(bad: readonly MultiSelectBadValue[]): string {
  const lines = bad.slice(0, MESSAGE_LIMIT).map((b) => {
    const where =
      `${b.count} ${b.count === 1 ? 'time' : 'times'}, ${b.positions.length === 1 ? 'row' : 'rows'} ` +
      `${b.positions.join(', ')}${b.count > b.positions.length ? ', …' : ''}`;
    const column = b.option === undefined ? '' : ` in column ${JSON.stringify(b.option)}`;
    return `  - ${describeValue(b.value)}${column}: ${where}`;
  });
  if (bad.length > MESSAGE_LIMIT) lines.push(`  … and ${bad.length - MESSAGE_LIMIT} more (see error.issues)`);
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
  const blank = checked(fn, blankProblem(options.blank, 'blank'), options.blank);

  if (isSeparated(input)) {
    const { column, separator } = input;
    const { coded, bad } = codeSeparated(optionList, column, separator, { blank });
    if (bad.length > 0) {
      const known = optionList.map((o) => JSON.stringify(o)).join(', ');
      throw new MultiSelectInputError(
        `${fn}: ${bad.length} unknown ${bad.length === 1 ? 'option' : 'options'} in ${column.length} responses ` +
          `(separator ${JSON.stringify(separator)}; known options ${known}); ` +
          `add them to options.options, fix their spelling, or check the separator:\n${badValueLines(bad)}`,
        bad,
      );
    }
    return coded;
  }

  // Column form: the columns must be exactly the options.
  const columns = input as MultiSelectColumns;
  const names = Object.keys(columns);
  const index = new Set(optionList.map((o) => normalizeLabel(o)));
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
  const ticked = checked(fn, valueListProblem(options.ticked, 'ticked'), options.ticked);
  const notTicked = checked(fn, valueListProblem(options.notTicked, 'notTicked'), options.notTicked);
  const clash = clashingValues(ticked, notTicked);
  if (clash.length > 0) {
    throw new RangeError(
      `${fn}: ${clash.map((v) => describeValue(v)).join(', ')} ${clash.length === 1 ? 'is' : 'are'} listed both in options.ticked and options.notTicked; list each value once`,
    );
  }
  const ordered = optionList.map((o) => columns[byKey.get(normalizeLabel(o)) as string] as ArrayLike<unknown>);
  const n = (ordered[0] as ArrayLike<unknown>).length;
  const { coded, bad } = codeOptionColumns(optionList, ordered, n, { ticked, notTicked, blank });
  if (bad.length > 0) {
    throw new MultiSelectInputError(
      `${fn}: ${bad.length} ${bad.length === 1 ? 'value is' : 'values are'} neither ticked, not ticked nor missing in ${n} responses; ` +
        `recode them, or list them in options.ticked or options.notTicked:\n${badValueLines(bad)}`,
      bad,
    );
  }
  return coded;
}

/** Throws unless `value` is undefined or a boolean. Internal. */
export function checkBoolean(fn: string, value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new TypeError(`${fn}: ${name} must be true or false, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws unless `options` is undefined or an object with only `allowed` keys. Internal. */
export function checkOptionsObject<T extends object>(fn: string, options: unknown, allowed: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  checkOptionKeys(fn, options, allowed);
  return options as T;
}

/** The keys of {@link MultiSelectCodingOptions}, for the option-key checks. Internal. */
export function codingOptionKeys(): readonly string[] {
  return optionKeys<MultiSelectCodingOptions>({ options: true, ticked: true, notTicked: true, blank: true });
}

/** Per respondent: options ticked and whether they answered; and the counts behind the warnings. Internal. */
export interface RespondentSummary {
  readonly ticks: Uint16Array;
  readonly answered: Uint8Array;
  readonly answeredCount: number;
  /** Respondents who ticked nothing but have a "not ticked" cell. */
  readonly tickedNone: number;
  /** Respondents all of whose cells are blank (missing). */
  readonly allBlank: number;
  /** Cells read as "not ticked". */
  readonly notTickedCells: number;
}

/**
 * Per respondent: how many options were ticked and whether the respondent answered (ticked
 * something, or, with `noneMeansAnswered`, has at least one "not ticked" cell). Internal.
 */
export function respondentSummary(coded: CodedMultiSelect, noneMeansAnswered: boolean): RespondentSummary {
  const { respondents: n, cells } = coded;
  const m = coded.options.length;
  const ticks = new Uint16Array(n);
  const answered = new Uint8Array(n);
  let answeredCount = 0;
  let tickedNone = 0;
  let allBlank = 0;
  let notTickedCells = 0;
  for (let i = 0; i < n; i++) {
    let k = 0;
    let seen = false;
    let blank = true;
    for (let j = i * m; j < (i + 1) * m; j++) {
      const state = cells[j] as number;
      if (state === TICKED) k++;
      else if (state === NOT_TICKED) {
        seen = true;
        notTickedCells++;
      }
      if (state !== MISSING) blank = false;
    }
    ticks[i] = k;
    if (k === 0 && seen) tickedNone++;
    if (blank && m > 0) allBlank++;
    if (k > 0 || (noneMeansAnswered && seen)) {
      answered[i] = 1;
      answeredCount++;
    }
  }
  return { ticks, answered, answeredCount, tickedNone, allBlank, notTickedCells };
}

/**
 * What a reader must know about the denominator: respondents who ticked nothing and are
 * counted as not answering, and blank cells read as missing when the caller did not choose.
 * Internal.
 */
export function denominatorWarnings(
  fn: string,
  coded: CodedMultiSelect,
  summary: RespondentSummary,
  noneMeansAnswered: boolean,
): string[] {
  const warnings: string[] = [];
  const people = (k: number): string => `${k} respondent${k === 1 ? '' : 's'}`;
  if (!noneMeansAnswered && summary.tickedNone > 0) {
    warnings.push(
      `${fn}: ${people(summary.tickedNone)} ticked no option (every cell "not ticked") and ${summary.tickedNone === 1 ? 'is' : 'are'} counted as not answering; pass noneMeansAnswered: true to count ${summary.tickedNone === 1 ? 'that respondent' : 'them'} as answering with no option ticked`,
    );
  }
  const blanksOnly = coded.form === 'separator' || summary.notTickedCells === 0;
  if (coded.blank === 'missing' && !coded.blankChosen && summary.allBlank > 0 && blanksOnly) {
    warnings.push(
      `${fn}: ${people(summary.allBlank)} left every cell blank and ${summary.allBlank === 1 ? 'is' : 'are'} counted as not answering (blank cells are missing by default); if this export leaves unticked boxes blank, declare blank: 'not-ticked' (with noneMeansAnswered: true to count those who ticked nothing), or blank: 'missing' to keep this reading without the warning`,
    );
  }
  return warnings;
}
