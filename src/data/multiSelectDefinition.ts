/**
 * The multi-select questions declared in `survey({ multiSelect })`: checking the declarations
 * and coding their cells once, at read time. Internal: `readSurvey` calls it.
 */
import { describeValue } from '../internal/validate';
import { normalizeLabel } from '../scale/normalizeLabel';
import {
  blankProblem,
  clashingValues,
  codeOptionColumns,
  codeSeparated,
  discoverTokens,
  optionListProblem,
  valueListProblem,
  type BadCell,
  type CodedMultiSelect,
  type MultiSelectBlank,
  type MultiSelectCellValue,
} from './multiSelectCoding';

/**
 * A multi-select question given as one column per option ("tick-box block"). `columns` is
 * either an array of column names (each option named after its column) or a record
 * option → column.
 */
export interface SurveyMultiSelectColumns {
  /** The question's id, used in `multiSelect(s, id)`, `multiSelectTable` and `report`. */
  readonly id: string;
  /** The option columns: `['Sparring', 'Kurser']`, or `{ Sparring: 'Q12_1', Kurser: 'Q12_2' }`. */
  readonly columns: readonly string[] | Readonly<Record<string, string>>;
  /** The options in the order results list them; must name exactly the options of `columns`. */
  readonly options?: readonly string[];
  /** Cell values meaning "ticked"; replaces the default `[true, 1, '1', 'x', 'ja', 'yes']`. */
  readonly ticked?: readonly MultiSelectCellValue[];
  /** Cell values meaning "seen but not ticked"; replaces the default `[false, 0, '0', 'nej', 'no']`. */
  readonly notTicked?: readonly MultiSelectCellValue[];
  /**
   * What a blank cell means: `'missing'` (default) or `'not-ticked'`, for exports that write
   * `1` (or the option text) into a ticked box and leave the others blank.
   */
  readonly blank?: MultiSelectBlank;
  /** Question text for tables. */
  readonly label?: string;
}

/** A multi-select question given as one text column, the ticked options joined by `separator`. */
export interface SurveyMultiSelectSeparated {
  /** The question's id. */
  readonly id: string;
  /** The source column. */
  readonly column: string;
  /** The text between two ticked options, e.g. `';'`. */
  readonly separator: string;
  /** Every option, in result order (default: the distinct tokens in order of first appearance). */
  readonly options?: readonly string[];
  /** What a blank cell means: `'missing'` (default) or `'not-ticked'` (ticked nothing). */
  readonly blank?: MultiSelectBlank;
  /** Question text for tables. */
  readonly label?: string;
}

/** One multi-select question of a survey definition. */
export type SurveyMultiSelectDefinition = SurveyMultiSelectColumns | SurveyMultiSelectSeparated;

/** What a survey knows about one of its multi-select questions. */
export interface SurveyMultiSelect {
  readonly id: string;
  readonly label: string;
  /** The options, in result order. */
  readonly options: readonly string[];
  /** The source column of each option (column form), or the one text column (separator form). */
  readonly columns: readonly string[];
  readonly form: 'columns' | 'separator';
  /** The separator (separator form), else null. */
  readonly separator: string | null;
  /** What a blank cell was read as. */
  readonly blank: MultiSelectBlank;
}

/** A declared question, read: its description and its coded cells (one row per kept respondent). */
export interface ReadMultiSelect {
  readonly meta: SurveyMultiSelect;
  readonly coded: CodedMultiSelect;
}

/** A problem found in the declarations or cells, in the shape of a `SurveyIssue`. */
export interface MultiSelectIssue {
  readonly kind: 'definition' | 'missing-column' | 'multi-select';
  readonly message: string;
  readonly column?: string;
  readonly question?: string;
  readonly rows?: readonly number[];
  readonly values?: readonly unknown[];
}

/** What the reader needs from `readSurvey`. */
export interface MultiSelectReadContext {
  /** A source column by name, or undefined after recording a missing-column issue. */
  readonly need: (name: string, role: string) => ArrayLike<unknown> | undefined;
  /** The kept rows of a source column (after the duplicates policy). */
  readonly pick: (values: ArrayLike<unknown>) => unknown[];
  /** Source row of each kept respondent, for the rows named in issues. */
  readonly kept: readonly number[];
  /** The survey's `unknown` policy: `'missing'` keeps unreadable cells as invalid. */
  readonly unknown: 'error' | 'missing';
  /** Names already used by items and attributes. */
  readonly taken: ReadonlySet<string>;
}

const SHOW = 5;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The option → column pairs of a column-form declaration (tolerant of malformed input). */
function optionColumns(columns: unknown): [string, string][] {
  if (Array.isArray(columns)) return columns.filter((c): c is string => typeof c === 'string').map((c) => [c, c]);
  if (isRecord(columns)) {
    return Object.entries(columns).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  }
  return [];
}

/** The source columns the declarations read, so that a rows source keeps them. Tolerant of mistakes. */
export function multiSelectColumns(declarations: unknown): string[] {
  if (!Array.isArray(declarations)) return [];
  const names: string[] = [];
  for (const declaration of declarations as unknown[]) {
    if (!isRecord(declaration)) continue;
    if ('columns' in declaration) names.push(...optionColumns(declaration['columns']).map(([, column]) => column));
    else if (typeof declaration['column'] === 'string') names.push(declaration['column']);
  }
  return names;
}

/**
 * Checks the declarations, reads their columns and codes their cells. Problems are pushed to
 * `issues`; the questions that could be read are returned by id, in declaration order.
 */
export function readMultiSelect(
  declarations: unknown,
  context: MultiSelectReadContext,
  issues: { push(issue: MultiSelectIssue): unknown },
): Map<string, ReadMultiSelect> {
  const out = new Map<string, ReadMultiSelect>();
  if (declarations === undefined) return out;
  if (!Array.isArray(declarations)) {
    issues.push({
      kind: 'definition',
      message: `multiSelect must be an array of { id, columns } or { id, column, separator }, got ${describeValue(declarations)}`,
    });
    return out;
  }
  const ids = new Set<string>();
  (declarations as unknown[]).forEach((declaration, index) => {
    const where = `multiSelect[${index}]`;
    if (!isRecord(declaration) || typeof declaration['id'] !== 'string' || declaration['id'] === '') {
      issues.push({ kind: 'definition', message: `${where} needs a non-empty string id` });
      return;
    }
    const id = declaration['id'];
    const problem = (message: string): void => {
      issues.push({ kind: 'definition', question: id, message: `multi-select question "${id}": ${message}` });
    };
    if (ids.has(id)) return problem('the id is used twice; question ids must be unique');
    ids.add(id);
    if (context.taken.has(id)) return problem('the id is also an item or attribute; rename one');
    const label = declaration['label'];
    if (label !== undefined && typeof label !== 'string') return problem(`label must be a string, got ${describeValue(label)}`);
    const options = declaration['options'];
    const blank = declaration['blank'];
    const listProblem = optionListProblem(options, 'options') ?? blankProblem(blank, 'blank');
    if (listProblem !== undefined) return problem(listProblem);
    const hasColumns = 'columns' in declaration && declaration['columns'] !== undefined;
    const hasColumn = 'column' in declaration && declaration['column'] !== undefined;
    if (hasColumns === hasColumn) {
      return problem('give either columns (one column per option) or column with separator, not both and not neither');
    }
    const text = typeof label === 'string' ? label : id;
    const rules = {
      blank: blank as MultiSelectBlank | undefined,
      keepInvalid: context.unknown === 'missing',
    };
    if (hasColumns) {
      const read = readColumnForm(declaration, id, options as readonly string[] | undefined, context, problem);
      if (read === undefined) return;
      const { pairs, values } = read;
      const ticked = declaration['ticked'] as readonly MultiSelectCellValue[] | undefined;
      const notTicked = declaration['notTicked'] as readonly MultiSelectCellValue[] | undefined;
      const { coded, bad } = codeOptionColumns(
        pairs.map(([option]) => option),
        values,
        context.kept.length,
        { ticked, notTicked, ...rules },
      );
      if (bad.length > 0) {
        issues.push(cellIssue(id, bad, pairs, context.kept));
        return;
      }
      out.set(id, {
        meta: Object.freeze({
          id,
          label: text,
          options: Object.freeze(coded.options.slice()),
          columns: Object.freeze(pairs.map(([, column]) => column)),
          form: 'columns' as const,
          separator: null,
          blank: coded.blank,
        }),
        coded,
      });
      return;
    }
    const column = declaration['column'];
    const separator = declaration['separator'];
    if (typeof column !== 'string' || column === '') return problem(`column must name the text column, got ${describeValue(column)}`);
    if (typeof separator !== 'string' || separator === '') {
      return problem(`separator must be a non-empty text such as ';', got ${describeValue(separator)}`);
    }
    const raw = context.need(column, `multi-select question "${id}"`);
    if (raw === undefined) return;
    const values = context.pick(raw);
    let optionList = options as readonly string[] | undefined;
    if (optionList === undefined) {
      const seen = new Map<string, string>();
      discoverTokens(values, separator, seen);
      optionList = [...seen.values()];
    }
    const { coded, bad } = codeSeparated(optionList, values, separator, rules);
    if (bad.length > 0) {
      issues.push(cellIssue(id, bad, [], context.kept, column, separator, optionList));
      return;
    }
    out.set(id, {
      meta: Object.freeze({
        id,
        label: text,
        options: Object.freeze(optionList.slice()),
        columns: Object.freeze([column]),
        form: 'separator' as const,
        separator,
        blank: coded.blank,
      }),
      coded,
    });
  });
  return out;
}

/** Checks and reads the column form; undefined after recording a problem. */
function readColumnForm(
  declaration: Record<string, unknown>,
  id: string,
  options: readonly string[] | undefined,
  context: MultiSelectReadContext,
  problem: (message: string) => void,
): { pairs: [string, string][]; values: unknown[][] } | undefined {
  const columns = declaration['columns'];
  const valid =
    (Array.isArray(columns) && columns.length > 0 && columns.every((c) => typeof c === 'string' && c !== '')) ||
    (isRecord(columns) && Object.keys(columns).length > 0 && Object.values(columns).every((c) => typeof c === 'string' && c !== ''));
  if (!valid) {
    problem(`columns must be a non-empty array of column names or a record option → column, got ${describeValue(columns)}`);
    return undefined;
  }
  for (const name of ['ticked', 'notTicked'] as const) {
    const listProblem = valueListProblem(declaration[name], name);
    if (listProblem !== undefined) {
      problem(listProblem);
      return undefined;
    }
  }
  const clash = clashingValues(
    declaration['ticked'] as readonly MultiSelectCellValue[] | undefined,
    declaration['notTicked'] as readonly MultiSelectCellValue[] | undefined,
  );
  if (clash.length > 0) {
    problem(`${clash.map((v) => describeValue(v)).join(', ')} ${clash.length === 1 ? 'is' : 'are'} listed both in ticked and notTicked; list each value once`);
    return undefined;
  }
  let pairs = optionColumns(columns);
  const listed = optionListProblem(pairs.map(([option]) => option), 'the options of columns');
  if (listed !== undefined) {
    problem(listed);
    return undefined;
  }
  if (options !== undefined) {
    const byKey = new Map(pairs.map((pair) => [normalizeLabel(pair[0]), pair]));
    const absent = options.filter((o) => !byKey.has(normalizeLabel(o)));
    const keys = new Set(options.map((o) => normalizeLabel(o)));
    const extra = pairs.filter(([o]) => !keys.has(normalizeLabel(o))).map(([o]) => o);
    if (absent.length > 0 || extra.length > 0) {
      const parts: string[] = [];
      if (absent.length > 0) parts.push(`no column for ${absent.map((o) => JSON.stringify(o)).join(', ')}`);
      if (extra.length > 0) parts.push(`columns not among the options: ${extra.map((o) => JSON.stringify(o)).join(', ')}`);
      problem(`options and columns differ (${parts.join('; ')}); list the same options in both`);
      return undefined;
    }
    pairs = options.map((o) => {
      const pair = byKey.get(normalizeLabel(o)) as [string, string];
      return [o, pair[1]];
    });
  }
  const values: unknown[][] = [];
  for (const [option, column] of pairs) {
    const raw = context.need(column, `option "${option}" of multi-select question "${id}"`);
    if (raw === undefined) return undefined;
    values.push(context.pick(raw));
  }
  return { pairs, values };
}

/** One issue for every unreadable cell value of a question, with source rows. */
function cellIssue(
  id: string,
  bad: readonly BadCell[],
  pairs: readonly [string, string][],
  kept: readonly number[],
  textColumn?: string,
  separator?: string,
  optionList?: readonly string[],
): MultiSelectIssue {
  const columnOf = new Map(pairs);
  const listed = bad.slice(0, 10).map((b) => {
    const rows = b.positions.map((p) => kept[p] as number);
    const column = b.option === undefined ? textColumn : columnOf.get(b.option);
    return `${describeValue(b.value)} in column "${column}" ×${b.count} (rows ${rows.join(', ')}${b.count > rows.length ? ', …' : ''})`;
  });
  const first = bad[0] as BadCell;
  const firstColumn = first.option === undefined ? textColumn : columnOf.get(first.option);
  const rows = first.positions.slice(0, SHOW).map((p) => kept[p] as number);
  const advice =
    textColumn === undefined
      ? "list them in ticked or notTicked, recode them, or pass unknown: 'missing' to count them as invalid"
      : `add them to options (known: ${(optionList ?? []).map((o) => JSON.stringify(o)).join(', ')}), check the separator ${JSON.stringify(separator)}, or pass unknown: 'missing'`;
  return {
    kind: 'multi-select',
    question: id,
    ...(firstColumn === undefined ? {} : { column: firstColumn }),
    rows,
    values: bad.map((b) => b.value),
    message: `multi-select question "${id}": ${bad.length} ${
      textColumn === undefined
        ? `${bad.length === 1 ? 'value is' : 'values are'} neither ticked, not ticked nor blank`
        : `${bad.length === 1 ? 'token is' : 'tokens are'} not among the options`
    }: ${listed.join('; ')}${bad.length > 10 ? '; …' : ''}; ${advice}`,
  };
}
