/**
 * Coding multi-select cells ("Sæt gerne flere kryds") into cell states, shared by `survey()`
 * (which codes declared questions once, at read time) and the raw-column form of
 * `multiSelect`, `multiSelectTable` and `mergeInformants`. Internal: the public types are
 * re-exported through `src/describe/multiSelect.ts` and `src/data/survey.ts`.
 */
import { describeValue } from '../internal/validate';
import { normalizeLabel } from '../scale/normalizeLabel';
import { isMissingValue } from './missing';

/** A cell value that may be listed in `ticked` or `notTicked`. */
export type MultiSelectCellValue = string | number | boolean;

/**
 * What a blank cell (`null`, `undefined`, `NaN`, empty or white-space text) means:
 * `'missing'` (the default: the respondent did not answer that cell) or `'not-ticked'` (the
 * export leaves an unticked box blank, as SurveyXact and Enalyzer tick-box blocks do).
 */
export type MultiSelectBlank = 'missing' | 'not-ticked';

/** Cell states of a coded question. Internal. */
export const CELL_MISSING = 0;
export const CELL_NOT_TICKED = 1;
export const CELL_TICKED = 2;
/** A cell that could not be read, kept under `unknown: 'missing'` (survey only). */
export const CELL_INVALID = 3;

/**
 * A multi-select question read into cell states: `cells[i * options.length + j]` is one of the
 * `CELL_*` states for respondent `i` and option `j`. Internal.
 */
export interface CodedMultiSelect {
  readonly options: readonly string[];
  readonly respondents: number;
  readonly cells: Uint8Array;
  /** The input form: one column per option, or one text column with a separator. */
  readonly form: 'columns' | 'separator';
  /** What a blank cell was read as. */
  readonly blank: MultiSelectBlank;
  /** Whether `blank` was chosen by the caller (no warning about blanks is needed then). */
  readonly blankChosen: boolean;
}

/** One distinct value that could not be read. */
export interface BadCell {
  /** The option column it was found in (column form); absent for separator tokens. */
  readonly option?: string;
  /** The raw cell value, or the unknown token (trimmed) in the separator form. */
  readonly value: unknown;
  /** How many cells held it. */
  readonly count: number;
  /** Zero-based row indices of its first (at most 5) occurrences. */
  readonly positions: readonly number[];
}

/** Default "ticked" values of the column form. */
export const DEFAULT_TICKED: readonly MultiSelectCellValue[] = [true, 1, '1', 'x', 'ja', 'yes'];
/** Default "not ticked" values of the column form. */
export const DEFAULT_NOT_TICKED: readonly MultiSelectCellValue[] = [false, 0, '0', 'nej', 'no'];

/** At most this many positions are kept per bad value. */
const POSITIONS = 5;

/** Checks a `ticked` / `notTicked` list; returns a message saying what is wrong, or undefined. */
export function valueListProblem(list: unknown, name: string): string | undefined {
  if (list === undefined) return undefined;
  if (
    !Array.isArray(list) ||
    list.some((v) => typeof v !== 'string' && typeof v !== 'boolean' && !(typeof v === 'number' && !Number.isNaN(v)))
  ) {
    return `${name} must be an array of texts, numbers or booleans, got ${describeValue(list)}`;
  }
  return undefined;
}

/** Checks an option list (non-empty names, none twice after normalisation); a message or undefined. */
export function optionListProblem(options: unknown, name: string): string | undefined {
  if (options === undefined) return undefined;
  if (!Array.isArray(options) || options.some((o) => typeof o !== 'string')) {
    return `${name} must be an array of option names, got ${describeValue(options)}`;
  }
  const seen = new Map<string, string>();
  for (const option of options as string[]) {
    const key = normalizeLabel(option);
    if (key === '') return `${name} holds an empty option name; remove it`;
    const before = seen.get(key);
    if (before !== undefined) {
      return `${name} names the same option twice (${JSON.stringify(before)} and ${JSON.stringify(option)}); list each once`;
    }
    seen.set(key, option);
  }
  return undefined;
}

/** Checks a `blank` choice; a message or undefined. */
export function blankProblem(blank: unknown, name: string): string | undefined {
  if (blank === undefined || blank === 'missing' || blank === 'not-ticked') return undefined;
  return `${name} must be 'missing' or 'not-ticked', got ${describeValue(blank)}`;
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

/** Values listed both as ticked and as not ticked (a contradiction); empty when none. */
export function clashingValues(
  ticked: readonly MultiSelectCellValue[] | undefined,
  notTicked: readonly MultiSelectCellValue[] | undefined,
): MultiSelectCellValue[] {
  const a = toValueSet(ticked ?? DEFAULT_TICKED);
  const b = toValueSet(notTicked ?? DEFAULT_NOT_TICKED);
  const clash: MultiSelectCellValue[] = [...a.text].filter((v) => b.text.has(v));
  clash.push(...[...a.other].filter((v) => b.other.has(v)));
  return clash;
}

/** Records bad values by (option, value) with counts and first positions. */
export class BadCells {
  private readonly entries = new Map<string | undefined, Map<unknown, { count: number; positions: number[] }>>();
  private readonly order: { option: string | undefined; value: unknown }[] = [];

  /**
   * Records one bad cell.
   * @param option - the option column (column form), or undefined
   * @param value - the raw value or token
   * @param row - its row
   */
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

  /** Distinct bad values recorded. */
  get size(): number {
    return this.order.length;
  }

  /** Every distinct bad value, in order of first occurrence. */
  list(): BadCell[] {
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

/** How to read the cells of one question. */
export interface CellRules {
  readonly ticked?: readonly MultiSelectCellValue[] | undefined;
  readonly notTicked?: readonly MultiSelectCellValue[] | undefined;
  readonly blank?: MultiSelectBlank | undefined;
  /** Keep unreadable cells as {@link CELL_INVALID} instead of reporting them (survey `unknown: 'missing'`). */
  readonly keepInvalid?: boolean;
}

/** Coded cells with the unreadable values found (empty when `keepInvalid`). */
export interface CodingOutcome {
  readonly coded: CodedMultiSelect;
  readonly bad: readonly BadCell[];
}

/**
 * Codes the column form: `columns[j]` holds option `optionList[j]`'s cells. A cell is read in
 * this order: a value listed in `ticked` is ticked; one listed in `notTicked` is not ticked;
 * a blank cell is missing (or not ticked under `blank: 'not-ticked'`); text equal to the
 * option's own name is ticked (an export that writes the option text into its box). The lists
 * come first, so an option named "0" or "nej" holding "0" or "nej" is not ticked.
 */
export function codeOptionColumns(
  optionList: readonly string[],
  columns: readonly ArrayLike<unknown>[],
  respondents: number,
  rules: CellRules,
): CodingOutcome {
  const m = optionList.length;
  const ticked = toValueSet(rules.ticked ?? DEFAULT_TICKED);
  const notTicked = toValueSet(rules.notTicked ?? DEFAULT_NOT_TICKED);
  const blank = rules.blank ?? 'missing';
  const blankState = blank === 'not-ticked' ? CELL_NOT_TICKED : CELL_MISSING;
  const cells = new Uint8Array(respondents * m);
  const bad = new BadCells();
  for (let j = 0; j < m; j++) {
    const option = optionList[j] as string;
    const optionKey = normalizeLabel(option);
    const column = columns[j] as ArrayLike<unknown>;
    // Memo of distinct texts → state (a null-prototype object: prototype names are plain keys).
    const memo: Record<string, number> = Object.create(null) as Record<string, number>;
    for (let i = 0; i < respondents; i++) {
      const value = column[i];
      let state: number;
      if (typeof value === 'string') {
        const known = memo[value];
        if (known !== undefined) state = known;
        else {
          const key = normalizeLabel(value);
          if (ticked.text.has(key)) state = CELL_TICKED;
          else if (notTicked.text.has(key)) state = CELL_NOT_TICKED;
          else if (isMissingValue(value)) state = blankState;
          else if (key === optionKey) state = CELL_TICKED;
          else state = -1;
          memo[value] = state;
        }
      } else if (isMissingValue(value)) {
        // null, undefined and NaN (the value lists never hold NaN).
        state = blankState;
      } else if (typeof value === 'number' || typeof value === 'boolean') {
        if (ticked.other.has(value)) state = CELL_TICKED;
        else if (notTicked.other.has(value)) state = CELL_NOT_TICKED;
        else state = -1;
      } else {
        state = -1;
      }
      if (state < 0) {
        if (rules.keepInvalid === true) state = CELL_INVALID;
        else {
          bad.add(option, value, i);
          continue;
        }
      }
      cells[i * m + j] = state;
    }
  }
  return {
    coded: { options: optionList, respondents, cells, form: 'columns', blank, blankChosen: rules.blank !== undefined },
    bad: bad.list(),
  };
}

/**
 * Codes the separator form: each cell the ticked options joined by `separator`. A blank cell
 * is missing (or every option not ticked under `blank: 'not-ticked'`); tokens are trimmed,
 * matched after label normalisation, and empty or repeated tokens are ignored. A token that is
 * not an option is bad (or, with `keepInvalid`, makes the respondent's cells invalid).
 */
export function codeSeparated(
  optionList: readonly string[],
  column: ArrayLike<unknown>,
  separator: string,
  rules: CellRules,
): CodingOutcome {
  const m = optionList.length;
  const n = column.length;
  const index = new Map<string, number>();
  optionList.forEach((option, j) => index.set(normalizeLabel(option), j));
  const blank = rules.blank ?? 'missing';
  const cells = new Uint8Array(n * m);
  const bad = new BadCells();
  for (let i = 0; i < n; i++) {
    const cell: unknown = column[i];
    const row = i * m;
    if (isMissingValue(cell)) {
      if (blank === 'not-ticked') cells.fill(CELL_NOT_TICKED, row, row + m);
      continue;
    }
    if (typeof cell !== 'string') {
      if (rules.keepInvalid === true) cells.fill(CELL_INVALID, row, row + m);
      else bad.add(undefined, cell, i);
      continue;
    }
    cells.fill(CELL_NOT_TICKED, row, row + m);
    let unreadable = false;
    for (const raw of cell.split(separator)) {
      const token = raw.trim();
      const key = normalizeLabel(token);
      if (key === '') continue;
      const j = index.get(key);
      if (j === undefined) {
        unreadable = true;
        if (rules.keepInvalid !== true) bad.add(undefined, token, i);
      } else {
        cells[row + j] = CELL_TICKED;
      }
    }
    if (unreadable && rules.keepInvalid === true) cells.fill(CELL_INVALID, row, row + m);
  }
  return {
    coded: { options: optionList, respondents: n, cells, form: 'separator', blank, blankChosen: rules.blank !== undefined },
    bad: bad.list(),
  };
}

/** The distinct tokens of a separator column in order of first appearance, extending `seen` (normalised → spelling). */
export function discoverTokens(column: ArrayLike<unknown>, separator: string, seen: Map<string, string>): void {
  for (let i = 0; i < column.length; i++) {
    const cell = column[i];
    if (typeof cell !== 'string') continue;
    for (const raw of cell.split(separator)) {
      const token = raw.trim();
      const key = normalizeLabel(token);
      if (key !== '' && !seen.has(key)) seen.set(key, token);
    }
  }
}

/** The same question restricted to the respondents at `rows` (in that order). */
export function subsetCoded(coded: CodedMultiSelect, rows: ArrayLike<number>): CodedMultiSelect {
  const m = coded.options.length;
  const cells = new Uint8Array(rows.length * m);
  for (let r = 0; r < rows.length; r++) {
    const from = (rows[r] as number) * m;
    cells.set(coded.cells.subarray(from, from + m), r * m);
  }
  return { ...coded, respondents: rows.length, cells };
}

/** Cell counts of a coded question: every cell is exactly one of these. */
export interface CellCounts {
  readonly total: number;
  readonly ticked: number;
  readonly notTicked: number;
  readonly missing: number;
  readonly invalid: number;
}

/** Counts the cells of a coded question by state. */
export function countCells(coded: CodedMultiSelect): CellCounts {
  let ticked = 0;
  let notTicked = 0;
  let missing = 0;
  let invalid = 0;
  const { cells } = coded;
  for (let k = 0; k < cells.length; k++) {
    const state = cells[k];
    if (state === CELL_TICKED) ticked++;
    else if (state === CELL_NOT_TICKED) notTicked++;
    else if (state === CELL_MISSING) missing++;
    else invalid++;
  }
  return { total: cells.length, ticked, notTicked, missing, invalid };
}
