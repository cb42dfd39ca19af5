import { describeValue } from '../internal/validate';
import {
  assertInput,
  checkBoolean,
  checkOptionsObject,
  codeMultiSelect,
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
 * @param questions - one multi-select input per group, keyed by group name
 * @param options - option list, cell values, `noneMeansAnswered`
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
  questions: Readonly<Record<string, MultiSelectInput>>,
  options?: MultiSelectTableOptions,
): MultiSelectTableResult {
  const fn = 'multiSelectTable';
  const opts = checkOptionsObject<MultiSelectTableOptions>(fn, options);
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
  const m = optionList.length;

  const counts = optionList.map(() => new Array<number>(groups.length).fill(0));
  const n: number[] = [];
  const missing: number[] = [];
  inputs.forEach((input, g) => {
    const coded = codeMultiSelect(`${fn} (group ${JSON.stringify(groups[g])})`, input, optionList, opts);
    const { answered, answeredCount } = respondentSummary(coded, noneMeansAnswered);
    for (let i = 0; i < coded.respondents; i++) {
      if (answered[i] !== 1) continue;
      for (let j = 0; j < m; j++) {
        if (coded.cells[i * m + j] === TICKED) (counts[j] as number[])[g]!++;
      }
    }
    n.push(answeredCount);
    missing.push(coded.respondents - answeredCount);
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

  const result: MultiSelectTableResult = { groups, options: optionList, counts, shares, n, missing, average, method: 'multi-select-table' };
  const empty = groups.filter((_, g) => n[g] === 0);
  return empty.length === 0
    ? result
    : { ...result, reason: `nobody answered in ${empty.map((g) => `"${g}"`).join(', ')}: the shares there are undefined` };
}
