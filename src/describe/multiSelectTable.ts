import type { CodedMultiSelect } from '../data/multiSelectCoding';
import { isSurveyObject, surveyQuestion, type Survey } from '../data/surveyObject';
import { describeValue, optionKeys } from '../internal/validate';
import { normalizeLabel } from '../scale/normalizeLabel';
import { refuseCodingOptions, unweightedWarning } from './multiSelect';
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

/** Options of {@link multiSelectTable}. */
export interface MultiSelectTableOptions extends MultiSelectCodingOptions {
  /** As in `multiSelect`: count "ticked nothing, but not all cells missing" as answered. Default `false`. */
  readonly noneMeansAnswered?: boolean;
}

/** The keys of {@link MultiSelectTableOptions}. */
function multiSelectTableKeys(): readonly string[] {
  return optionKeys<MultiSelectTableOptions>({ options: true, ticked: true, notTicked: true, blank: true, noneMeansAnswered: true });
}

/** One option's average over the groups in a {@link MultiSelectTableResult}. */
export interface MultiSelectTableAverage {
  readonly option: string;
  /** Mean count over all groups: Σ counts / number of groups. */
  readonly meanCount: number;
  /** Mean of the group shares over the groups where someone answered; NaN when nobody answered anywhere. */
  readonly meanShare: number;
}

/** Result of {@link multiSelectTable}: plain data, JSON-serialisable. */
export interface MultiSelectTableResult {
  /** Group names, in the order of the `questions` record (the table's columns). */
  readonly groups: readonly string[];
  /** Option names (the table's rows). */
  readonly options: readonly string[];
  /** `counts[option][group]`: respondents in the group who ticked the option (option × group). */
  readonly counts: readonly (readonly number[])[];
  /** `shares[option][group] = counts[option][group] / n[group]`; NaN where n[group] = 0. */
  readonly shares: readonly (readonly number[])[];
  /** Respondents who answered, per group. */
  readonly n: readonly number[];
  /** Respondents who did not answer, per group (answered + missing = rows of the group). */
  readonly missing: readonly number[];
  /** Per option, the average over the groups (the reports' "Gennemsnit" column). */
  readonly average: readonly MultiSelectTableAverage[];
  readonly method: 'multi-select-table';
  /** Denominator warnings of the groups (as in `multiSelect`), each naming its group. */
  readonly warnings: readonly string[];
  /** Set when some group has nobody answering: its shares are NaN. Names the groups. */
  readonly reason?: string;
}

/**
 * Tallies the same multi-select question asked once per group, e.g. "Hvilke former for støtte
 * vil kunne hjælpe kommunen?" for each of nine focus areas, into an option × group count table
 * (rows = options, columns = groups), the shape small-cell suppression takes.
 *
 * Every group is read as in `multiSelect`, with the same option list: `options.options` when
 * given, otherwise the union of the groups' options in order of first appearance (column
 * inputs must all have exactly those columns). `shares` are of the group's answering
 * respondents; `average` gives per option the mean count over all groups and the mean share
 * over the groups where someone answered.
 *
 * Survey form: `multiSelectTable(s, { Anbringelse: 'støtte_anbringelse', … })` (or an array of
 * question ids, each group then named by its id) tallies questions declared in
 * `survey({ multiSelect })` for the survey's respondents. Their options are united in order of
 * first appearance (or `options.options` fixes them); a column-form question must have exactly
 * those options, a separator-form question counts an option it never saw as 0.
 *
 * @param questions - one multi-select input per group, keyed by group name; or a survey
 * @param options - option list, cell values, `noneMeansAnswered`; with a survey, the question
 *   ids per group, then `{ noneMeansAnswered?, options? }`
 * @returns the count table, shares, n per group and the per-option averages
 * @throws MultiSelectInputError for unreadable cells or unknown options, naming the group
 * @throws RangeError when there are no groups or a group's columns differ from the options
 * @example
 * ```ts
 * const t = multiSelectTable({
 *   Anbringelse: { Sparring: ['x', 'x', ''], Kurser: ['', 'x', 'x'] },
 *   Forebyggelse: { Sparring: ['x', '', ''], Kurser: ['', '', 'x'] },
 * });
 * t.counts;  // [[2, 1], [2, 1]]   (Sparring, Kurser) × (Anbringelse, Forebyggelse)
 * t.n;       // [3, 2]
 * t.average; // [{ option: 'Sparring', meanCount: 1.5, meanShare: 0.583… },
 *            //  { option: 'Kurser', meanCount: 1.5, meanShare: 0.583… }]
 * ```
 */
export function multiSelectTable(
  survey: Survey,
  questions: Readonly<Record<string, string>> | readonly string[],
  options?: MultiSelectTableOptions,
): MultiSelectTableResult;
export function multiSelectTable(
  questions: Readonly<Record<string, MultiSelectInput>>,
  options?: MultiSelectTableOptions,
): MultiSelectTableResult;
export function multiSelectTable(
  first: Survey | Readonly<Record<string, MultiSelectInput>>,
  second?: Readonly<Record<string, string>> | readonly string[] | MultiSelectTableOptions,
  third?: MultiSelectTableOptions,
): MultiSelectTableResult {
  const fn = 'multiSelectTable';
  if (isSurveyObject(first)) return surveyTable(fn, first, second, third);
  const questions = first;
  const options = second as MultiSelectTableOptions | undefined;
  const opts = checkOptionsObject<MultiSelectTableOptions>(fn, options, multiSelectTableKeys());
  if (questions === null || typeof questions !== 'object' || Array.isArray(questions)) {
    throw new TypeError(
      `${fn}: questions must be a record of multi-select inputs keyed by group, got ${describeValue(questions)}`,
    );
  }
  const groups = Object.keys(questions);
  if (groups.length === 0) {
    throw new RangeError(`${fn}: questions has no groups; pass one multi-select input per group`);
  }
  const inputs = groups.map((group) => {
    const input = questions[group];
    assertInput(fn, input, `questions[${JSON.stringify(group)}]`);
    return input;
  });
  const noneMeansAnswered = checkBoolean(fn, opts.noneMeansAnswered, 'noneMeansAnswered');
  const optionList = resolveOptionList(fn, inputs, opts);
  const coded = inputs.map((input, g) => codeMultiSelect(`${fn} (group ${JSON.stringify(groups[g])})`, input, optionList, opts));
  return tabulate(fn, groups, optionList, coded, noneMeansAnswered);
}

/** The survey form: questions by id, coded when the survey was read. */
function surveyTable(fn: string, s: Survey, questions: unknown, options: MultiSelectTableOptions | undefined): MultiSelectTableResult {
  const opts = checkOptionsObject<MultiSelectTableOptions>(fn, options, multiSelectTableKeys());
  refuseCodingOptions(fn, { ...opts, options: undefined });
  let entries: [string, unknown][];
  if (Array.isArray(questions)) entries = questions.map((id: unknown) => [String(id), id]);
  else if (questions !== null && typeof questions === 'object') entries = Object.entries(questions);
  else {
    throw new TypeError(`${fn}: with a survey, pass the question ids per group ({ group: id } or [id, …]), got ${describeValue(questions)}`);
  }
  if (entries.length === 0) throw new RangeError(`${fn}: questions has no groups; name one question id per group`);
  const noneMeansAnswered = checkBoolean(fn, opts.noneMeansAnswered, 'noneMeansAnswered');
  const read = entries.map(([group, id]) => {
    if (typeof id !== 'string') throw new TypeError(`${fn}: the question of group ${JSON.stringify(group)} must be a question id, got ${describeValue(id)}`);
    return surveyQuestion(fn, s, id);
  });
  const optionList = opts.options !== undefined ? resolveOptionList(fn, [], opts) : unite(read.map((q) => q.coded.options));
  const aligned = read.map(({ meta, coded }, g) => align(fn, entries[g]![0], meta.form, coded, optionList));
  const table = tabulate(fn, entries.map(([group]) => group), optionList, aligned, noneMeansAnswered);
  if (s.weights === null) return table;
  return { ...table, warnings: [...table.warnings, ...entries.map(([, id]) => unweightedWarning(fn, id as string))] };
}

/** The options of several questions in order of first appearance (first spelling kept). */
function unite(lists: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, string>();
  for (const list of lists) for (const option of list) if (!seen.has(normalizeLabel(option))) seen.set(normalizeLabel(option), option);
  return [...seen.values()];
}

/** A coded question re-ordered onto `optionList`; options it lacks are not ticked (separator form only). */
function align(fn: string, group: string, form: 'columns' | 'separator', coded: CodedMultiSelect, optionList: readonly string[]): CodedMultiSelect {
  const own = new Map(coded.options.map((o, j) => [normalizeLabel(o), j]));
  const wanted = new Set(optionList.map((o) => normalizeLabel(o)));
  const extra = coded.options.filter((o) => !wanted.has(normalizeLabel(o)));
  const lacking = optionList.filter((o) => !own.has(normalizeLabel(o)));
  if (extra.length > 0 || (form === 'columns' && lacking.length > 0)) {
    throw new RangeError(
      `${fn}: the question of group ${JSON.stringify(group)} has ${extra.length > 0 ? `options not in the table (${extra.map((o) => JSON.stringify(o)).join(', ')})` : `no column for ${lacking.map((o) => JSON.stringify(o)).join(', ')}`}; give every group the same options`,
    );
  }
  const m = coded.options.length;
  const k = optionList.length;
  const cells = new Uint8Array(coded.respondents * k);
  const from = optionList.map((o) => own.get(normalizeLabel(o)));
  for (let i = 0; i < coded.respondents; i++) {
    // An option the question never listed was not ticked by anyone who answered it.
    let blank = true;
    for (let j = 0; j < m; j++) if (coded.cells[i * m + j] !== 0) blank = false;
    for (let t = 0; t < k; t++) {
      const j = from[t];
      cells[i * k + t] = j === undefined ? (blank ? 0 : 1) : (coded.cells[i * m + j] as number);
    }
  }
  return { ...coded, options: optionList, cells };
}

function tabulate(
  fn: string,
  groups: readonly string[],
  optionList: readonly string[],
  coded: readonly CodedMultiSelect[],
  noneMeansAnswered: boolean,
): MultiSelectTableResult {
  const m = optionList.length;
  const counts = optionList.map(() => new Array<number>(groups.length).fill(0));
  const n: number[] = [];
  const missing: number[] = [];
  const warnings: string[] = [];
  coded.forEach((question, g) => {
    const summary = respondentSummary(question, noneMeansAnswered);
    const { answered, answeredCount } = summary;
    for (let i = 0; i < question.respondents; i++) {
      if (answered[i] !== 1) continue;
      for (let j = 0; j < m; j++) {
        if (question.cells[i * m + j] === TICKED) (counts[j] as number[])[g]!++;
      }
    }
    n.push(answeredCount);
    missing.push(question.respondents - answeredCount);
    warnings.push(...denominatorWarnings(`${fn} (group ${JSON.stringify(groups[g])})`, question, summary, noneMeansAnswered));
  });

  const shares = counts.map((row) => row.map((count, g) => count / (n[g] as number)));
  const average = optionList.map((option, j) => {
    const row = counts[j] as number[];
    let countSum = 0;
    let shareSum = 0;
    let shareGroups = 0;
    for (let g = 0; g < groups.length; g++) {
      countSum += row[g] as number;
      if ((n[g] as number) > 0) {
        shareSum += (row[g] as number) / (n[g] as number);
        shareGroups++;
      }
    }
    return { option, meanCount: countSum / groups.length, meanShare: shareSum / shareGroups };
  });

  const result: MultiSelectTableResult = {
    groups: [...groups],
    options: [...optionList],
    counts,
    shares,
    n,
    missing,
    average,
    method: 'multi-select-table',
    warnings,
  };
  const empty = groups.filter((_, g) => n[g] === 0);
  return empty.length === 0
    ? result
    : { ...result, reason: `nobody answered in ${empty.map((g) => `"${g}"`).join(', ')}: the shares there are undefined` };
}
