import { countCells, type CodedMultiSelect } from '../data/multiSelectCoding';
import { isSurveyObject, surveyQuestion, type Survey } from '../data/surveyObject';
import { describeValue, optionKeys } from '../internal/validate';
import {
  assertInput,
  checkBoolean,
  checkOptionsObject,
  codeMultiSelect,
  denominatorWarnings,
  resolveOptionList,
  respondentSummary,
  TICKED,
  type MultiSelectCodingOptions,
  type MultiSelectInput,
} from './multiSelectInput';

export {
  MultiSelectInputError,
  type MultiSelectBadValue,
  type MultiSelectBlank,
  type MultiSelectCellValue,
  type MultiSelectCodingOptions,
  type MultiSelectColumns,
  type MultiSelectInput,
  type MultiSelectSeparated,
} from './multiSelectInput';

/**
 * Options of {@link multiSelect}. With a survey, only `noneMeansAnswered` and
 * `topCombinations` apply: how cells are read is declared once in `survey({ multiSelect })`.
 */
export interface MultiSelectOptions extends MultiSelectCodingOptions {
  /**
   * Count a respondent who ticked nothing as answered (with zero options) when at least one of
   * their cells is non-missing (e.g. an explicit `0` or `'nej'`). Default `false`: ticking
   * nothing counts as not answering, since a skipped question and "none" look alike in most
   * exports. A respondent whose cells are all missing is missing either way.
   */
  readonly noneMeansAnswered?: boolean;
  /** How many of the most frequent exact combinations to list (default 10; `Infinity` for all). */
  readonly topCombinations?: number;
}

/** One option of a {@link MultiSelectResult}. */
export interface MultiSelectOptionRow {
  readonly option: string;
  /** Respondents who ticked it. */
  readonly count: number;
  /** `count / n.answered`; NaN when nobody answered. Shares of all options may sum to more than 1. */
  readonly share: number;
}

/** How many respondents ticked exactly `count` options. */
export interface MultiSelectPerRespondentRow {
  /** The number of options ticked, k = 0 … number of options. */
  readonly count: number;
  readonly respondents: number;
  /** `respondents / n.answered`; NaN when nobody answered. */
  readonly share: number;
  /** Share ticking at most `count` options; NaN when nobody answered. */
  readonly cumulativeShare: number;
}

/** One exact combination of ticked options. */
export interface MultiSelectCombination {
  /** The ticked options, in option order (`[]`: answered with nothing ticked). */
  readonly options: readonly string[];
  readonly count: number;
  /** `count / n.answered`. */
  readonly share: number;
  /** Share of answering respondents covered by this and all more frequent combinations. */
  readonly cumulativeShare: number;
}

/** How every cell (respondent × option) of a question was read: `total = ticked + notTicked + missing + invalid`. */
export interface MultiSelectCellCounts {
  /** Cells: respondents × options. */
  readonly total: number;
  /** Cells read as ticked. */
  readonly ticked: number;
  /** Cells read as seen but not ticked (blank cells too under `blank: 'not-ticked'`). */
  readonly notTicked: number;
  /** Blank cells under `blank: 'missing'`. */
  readonly missing: number;
  /** Unreadable cells kept under the survey's `unknown: 'missing'`. */
  readonly invalid: number;
}

/** Result of {@link multiSelect}: plain data, JSON-serialisable. */
export interface MultiSelectResult {
  /** The question's id (survey form), else null. */
  readonly question: string | null;
  /** Respondents: `total = answered + missing` ("missing" is everyone not counted as answering). */
  readonly n: { readonly total: number; readonly answered: number; readonly missing: number };
  /** Cells (respondents × options) by how they were read; `invalid` only under the survey's `unknown: 'missing'`. */
  readonly cells: MultiSelectCellCounts;
  /** One row per option, in option order, including options nobody ticked. */
  readonly options: readonly MultiSelectOptionRow[];
  /** One row per k = 0 … number of options. */
  readonly perRespondent: readonly MultiSelectPerRespondentRow[];
  /** The `topCombinations` most frequent exact combinations, most frequent first. */
  readonly combinations: readonly MultiSelectCombination[];
  /** How many distinct combinations occur (so a reader knows what `combinations` leaves out). */
  readonly distinctCombinations: number;
  readonly method: 'multi-select';
  /**
   * What the reader must know about the denominator: how many respondents who ticked nothing,
   * or left every cell blank, were counted as not answering, and which option changes that.
   */
  readonly warnings: readonly string[];
  /** Why the shares are NaN: set when nobody answered. */
  readonly reason?: string;
}

/** The keys of {@link MultiSelectOptions}. */
function multiSelectKeys(): readonly string[] {
  return optionKeys<MultiSelectOptions>({
    options: true,
    ticked: true,
    notTicked: true,
    blank: true,
    noneMeansAnswered: true,
    topCombinations: true,
  });
}

/** Option keys that describe how cells are read; with a survey they belong in its declaration. */
const CODING_KEYS = ['options', 'ticked', 'notTicked', 'blank'] as const;

/** Throws when coding options are passed with a survey question. Internal. */
export function refuseCodingOptions(fn: string, options: object): void {
  for (const key of CODING_KEYS) {
    if ((options as Record<string, unknown>)[key] !== undefined) {
      throw new TypeError(
        `${fn}: ${key} describes how cells are read, which a survey fixes once; declare it in survey({ multiSelect: [{ id, …, ${key} }] }) instead`,
      );
    }
  }
}

/** Throws unless `value` is undefined, a non-negative integer or Infinity; returns the default 10 when undefined. */
function checkTop(fn: string, value: unknown): number {
  if (value === undefined) return 10;
  if (typeof value !== 'number' || !(value === Infinity || (Number.isInteger(value) && value >= 0))) {
    throw new RangeError(
      `${fn}: topCombinations must be a non-negative integer or Infinity, got ${describeValue(value)}`,
    );
  }
  return value;
}

/** Compares two sorted index lists lexicographically (a prefix comes first). */
function compareIndexLists(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/**
 * Tallies one multi-select question ("Sæt gerne flere kryds"): how many respondents ticked each
 * option, how many options each respondent ticked, and which exact combinations occur.
 *
 * Every share is of the respondents who answered the question, n.answered: a respondent who
 * ticked at least one option, or (with `noneMeansAnswered`) ticked none but has a "not ticked"
 * cell. The option shares therefore need not sum to 1; the `perRespondent` and `combinations`
 * shares do. Sums are exact integer counts; Σₖ k · respondents(k) = Σ over options of count.
 * A respondent who ticked nothing is never left out of the denominator silently: `warnings`
 * says how many were counted as not answering and which option to set.
 *
 * Survey form: `multiSelect(s, id)` tallies a question declared in `survey({ multiSelect })`,
 * coded once when the survey was read, for the survey's respondents (so `s.where(…)` filters
 * it with everything else). Raw form: one column per option, a cell being ticked (`true`, `1`,
 * `'1'`, `'x'`, `'ja'`, `'yes'` or the option's name, text case-insensitive), not ticked
 * (`false`, `0`, `'0'`, `'nej'`, `'no'`) or blank (missing, or not ticked with
 * `blank: 'not-ticked'`); `options.ticked`/`notTicked` replace the lists, which come before
 * the option-name rule. Or `{ column, separator }`, each cell the ticked options joined by
 * `separator`, with `options.options` listing every option.
 *
 * @param input - a survey (then `id` names the question), option columns, or `{ column, separator }`
 * @param id - the question's id (survey form); in the raw form, the options take this place
 * @param options - `noneMeansAnswered`, `topCombinations`; raw form also option list and cell values
 * @returns counts and shares; shares are NaN when nobody answered
 * @throws MultiSelectInputError listing every unreadable cell value (column form) or unknown
 *   option (separator form) with its count and first row positions
 * @throws TypeError or RangeError for malformed arguments (no columns, unequal lengths, an
 *   unknown question id, coding options with a survey, …)
 * @example
 * ```ts
 * const r = multiSelect(
 *   { column: ['Sparring; Kurser', 'Kurser', null, 'Kurser;Kurser'], separator: ';' },
 *   { options: ['Sparring', 'Kurser', 'Netværk'], blank: 'missing' },
 * );
 * r.n;       // { total: 4, answered: 3, missing: 1 }
 * r.options; // [{ option: 'Sparring', count: 1, share: 0.333… },
 *            //  { option: 'Kurser', count: 3, share: 1 }, { option: 'Netværk', count: 0, share: 0 }]
 * r.perRespondent.map((p) => p.respondents); // [0, 2, 1, 0]
 * r.combinations[0]; // { options: ['Kurser'], count: 2, share: 0.666…, cumulativeShare: 0.666… }
 *
 * const s = survey({ rows, id: 'kode', items, multiSelect: [{ id: 'støtte', columns: ['Sparring', 'Kurser'] }] });
 * multiSelect(s.where('region', 'Nordjylland'), 'støtte').n; // the region's respondents only
 * ```
 * @see R: `colSums(x)` and `table(rowSums(x))` on a 0/1 matrix
 */
export function multiSelect(input: Survey, id: string, options?: MultiSelectOptions): MultiSelectResult;
export function multiSelect(input: MultiSelectInput, options?: MultiSelectOptions): MultiSelectResult;
export function multiSelect(
  input: Survey | MultiSelectInput,
  idOrOptions?: string | MultiSelectOptions,
  surveyOptions?: MultiSelectOptions,
): MultiSelectResult {
  const fn = 'multiSelect';
  if (isSurveyObject(input)) {
    if (typeof idOrOptions !== 'string') {
      throw new TypeError(`${fn}: with a survey, the second argument names the question: multiSelect(s, id), got ${describeValue(idOrOptions)}`);
    }
    const opts = checkOptionsObject<MultiSelectOptions>(fn, surveyOptions, multiSelectKeys());
    refuseCodingOptions(fn, opts);
    const noneMeansAnswered = checkBoolean(fn, opts.noneMeansAnswered, 'noneMeansAnswered');
    const top = checkTop(fn, opts.topCombinations);
    const { coded } = surveyQuestion(fn, input, idOrOptions);
    const result = summarise(fn, idOrOptions, coded, noneMeansAnswered, top);
    // Tallies count respondents (they feed small-cell suppression, which is about people, not
    // weights): say so when the survey is weighted, rather than mix weighted and unweighted
    // figures without a word.
    return input.weights === null ? result : { ...result, warnings: [...result.warnings, unweightedWarning(fn, idOrOptions)] };
  }
  if (typeof idOrOptions === 'string') {
    throw new TypeError(`${fn}: a question id (${describeValue(idOrOptions)}) needs a survey as the first argument, got ${describeValue(input)}`);
  }
  const opts = checkOptionsObject<MultiSelectOptions>(fn, idOrOptions, multiSelectKeys());
  assertInput(fn, input);
  const noneMeansAnswered = checkBoolean(fn, opts.noneMeansAnswered, 'noneMeansAnswered');
  const top = checkTop(fn, opts.topCombinations);
  const optionList = resolveOptionList(fn, [input], opts);
  const coded = codeMultiSelect(fn, input, optionList, opts);
  return summarise(fn, null, coded, noneMeansAnswered, top);
}

function summarise(
  fn: string,
  question: string | null,
  coded: CodedMultiSelect,
  noneMeansAnswered: boolean,
  top: number,
): MultiSelectResult {
  const { options: optionList, respondents: n, cells } = coded;
  const m = optionList.length;
  const summary = respondentSummary(coded, noneMeansAnswered);
  const { ticks, answered, answeredCount } = summary;

  const optionCounts = new Array<number>(m).fill(0);
  const perK = new Array<number>(m + 1).fill(0);
  const combos = new Map<string, { indices: number[]; count: number }>();
  for (let i = 0; i < n; i++) {
    if (answered[i] !== 1) continue;
    perK[ticks[i] as number]!++;
    const indices: number[] = [];
    for (let j = 0; j < m; j++) {
      if (cells[i * m + j] === TICKED) {
        optionCounts[j]!++;
        indices.push(j);
      }
    }
    const key = indices.join(',');
    const entry = combos.get(key);
    if (entry === undefined) combos.set(key, { indices, count: 1 });
    else entry.count++;
  }

  const optionRows = optionList.map((option, j) => {
    const count = optionCounts[j] as number;
    return { option, count, share: count / answeredCount };
  });

  let running = 0;
  const perRespondent = perK.map((respondents, k) => {
    running += respondents;
    return {
      count: k,
      respondents,
      share: respondents / answeredCount,
      cumulativeShare: running / answeredCount,
    };
  });

  const sorted = [...combos.values()].sort(
    (a, b) => b.count - a.count || compareIndexLists(a.indices, b.indices),
  );
  let covered = 0;
  const combinations: MultiSelectCombination[] = [];
  for (const entry of sorted.slice(0, Math.min(top, sorted.length))) {
    covered += entry.count;
    combinations.push({
      options: entry.indices.map((j) => optionList[j] as string),
      count: entry.count,
      share: entry.count / answeredCount,
      cumulativeShare: covered / answeredCount,
    });
  }

  const result: MultiSelectResult = {
    question,
    n: { total: n, answered: answeredCount, missing: n - answeredCount },
    cells: countCells(coded),
    options: optionRows,
    perRespondent,
    combinations,
    distinctCombinations: combos.size,
    method: 'multi-select',
    warnings: denominatorWarnings(fn, coded, summary, noneMeansAnswered),
  };
  return answeredCount === 0 ? { ...result, reason: 'nobody answered the question: the shares are undefined' } : result;
}

/** The warning that a weighted survey's multi-select tallies are unweighted counts. Internal. */
export function unweightedWarning(fn: string, question: string): string {
  return `${fn}: the survey is weighted, but the tallies of "${question}" are unweighted counts of respondents (as small-cell suppression needs them); weighted shares are not computed for multi-select questions`;
}
