import { describeValue, firstUnknownKey, optionKeys, unknownKeyHint } from '../internal/validate';
import type { Scale } from '../scale/types';
import { levenshtein } from './levenshtein';
import { safeLikert, safeLikertDictionary, type LikertOptions, type SafeLikertResult } from './likert';
import type { LikertUnknownValue } from './errors';
import { describeCell, readCategoryKey } from './keys';
import { isMissingValue } from './missing';
import { readSource, type SourceInput } from './source';
import { ambiguityMessage, readNumberColumn, type DecimalMark, type NumberColumn, type ThousandsMark } from './number';
import { makeSurvey, type DuplicateId, type IdRange, type Survey, type SurveyItem, type SurveyState } from './surveyObject';
import {
  multiSelectColumns,
  readMultiSelect,
  type SurveyMultiSelectColumns,
  type SurveyMultiSelectDefinition,
  type SurveyMultiSelectSeparated,
} from './multiSelectDefinition';
import type { ArrowLikeTable, ColumnSource } from './source';
import { INVISIBLE_CHARACTERS } from '../scale/normalizeLabel';
import type { LikertColumn } from './types';
import { readDesign, type DesignState, type SurveyDesignDefinition } from './design';
import { LONELY_PSU, type LonelyPsu } from '../inference/designVariance';

export type { DuplicateId, Survey, SurveyItem, SurveyWeights } from './surveyObject';
export type { SurveyDesignDefinition } from './design';
export type {
  SurveyMultiSelect,
  SurveyMultiSelectColumns,
  SurveyMultiSelectDefinition,
  SurveyMultiSelectSeparated,
} from './multiSelectDefinition';

/** One Likert item of a survey definition. */
export interface SurveyItemDefinition<I extends string = string> {
  /** The item's id, used in `s.item(id)` and in results. */
  readonly id: I;
  /** The source column (default: the id). */
  readonly column?: string;
  /** The scale its answers are coded against. */
  readonly scale: Scale;
  /** Question text for tables. */
  readonly label?: string;
  /** A grouping such as a focus area or target group ("målgruppe"). */
  readonly group?: string;
  /**
   * The kind of sub-question, when the same question is asked per group ("tidlig indsats" for
   * every target group); rankings count how often each topic lands in a group's top n.
   */
  readonly topic?: string;
  /** Reverse-code a negatively worded item (see `reverseScale`). */
  readonly reverse?: boolean;
}

/** The definition passed to {@link survey}. Exactly one of `rows`, `columns`, `table` or `survey`. */
export interface SurveyDefinition<I extends string = string> {
  /** One plain object per respondent (CSV parsers, DuckDB, `fetch().json()`). */
  readonly rows?: Iterable<object>;
  /** One array (or typed array) per column, all of one length. */
  readonly columns?: Record<string, ArrayLike<unknown>>;
  /** An Arrow-like table: `numRows` and `getChild(name).get(i)`. */
  readonly table?: ArrowLikeTable;
  /**
   * An existing survey to read again (other items or scales, fewer attributes): its items read
   * as their answer labels, its attributes by name, and its respondent ids as the column named
   * by `id`. Its weights are not carried over (use `withWeights` or the `weight` of a column),
   * and neither are its multi-select questions: their tick-box columns are not columns of a
   * survey. To keep them, filter or derive from the survey itself (`where`, `recode`), which
   * carries everything along.
   */
  readonly survey?: Survey;
  /**
   * The respondent id column (e.g. the municipality code). Ids are read with `categoryKey`:
   * text trimmed and in NFC, numbers and BigInts as their exact digits; an object or a Date is
   * an error naming its row.
   */
  readonly id: string;
  readonly items: readonly SurveyItemDefinition<I>[];
  /**
   * Typed respondent attributes: numeric (population, an index) or categorical (region, role),
   * by name. The name is also the source column, unless given as `{ column, kind }`: e.g.
   * `population: { column: 'Indbyggere', kind: 'number' }` reads an export's "Indbyggere" as the
   * attribute `population`, so that it meets a population frame's column of that name.
   */
  readonly attributes?: Readonly<Record<string, AttributeDefinition>>;
  /** A column of non-negative respondent weights. */
  readonly weight?: string;
  /**
   * The sampling design, by column (as R's `svydesign(ids = ~cluster, strata = ~strata, fpc = ~fpc)`):
   * standard errors of a designed survey are those of the design (Taylor linearisation). Without
   * `weight`, the weights are N_h/n_h when `fpc` is given, else 1. A stratum with one PSU is an
   * error unless `lonelyPsu` says how to treat it (R's `options(survey.lonely.psu)`).
   */
  readonly design?: SurveyDesignDefinition;
  /** What to do with repeated respondent ids: `'error'` (default), keep the `'first'` or the `'last'`. */
  readonly duplicates?: 'error' | 'first' | 'last';
  /** Unknown labels: `'error'` (default, reported per item) or `'missing'` (counted as invalid). */
  readonly unknown?: 'error' | 'missing';
  /**
   * The decimal mark of numeric text in numeric attributes and the weight: `','` (Danish: `1,5`,
   * `60.828` = 60828), `'.'` (English) or `'auto'` (default), decided per column from all its
   * values; a column that reads two ways (only values such as `104.305` and `60.828`) is an
   * `'ambiguous-number'` issue. Number cells are read as they are.
   */
  readonly decimal?: DecimalMark | 'auto';
  /**
   * The thousands mark of numeric text: default the other mark than the decimal one, or a space
   * (also no-break and narrow no-break space); `''` allows no grouping.
   */
  readonly thousands?: ThousandsMark;
  /**
   * Multi-select questions, coded once at read time: `{ id, columns, options?, ticked?,
   * notTicked?, blank? }` (one column per option) or `{ id, column, separator, options? }`.
   * Read them with `multiSelect(s, id)`; `s.where` and `s.filter` subset them with the rest.
   */
  readonly multiSelect?: readonly SurveyMultiSelectDefinition[];
}

/** An attribute's kind, or its kind and source column when the column is named otherwise. */
export type AttributeDefinition =
  | 'number'
  | 'category'
  | { readonly column: string; readonly kind: 'number' | 'category' };

/** A problem found while reading a survey; {@link safeSurvey} returns all of them. */
export interface SurveyIssue {
  readonly kind:
    | 'definition'
    | 'missing-column'
    | 'unknown-labels'
    | 'missing-id'
    | 'duplicate-id'
    | 'bad-number'
    | 'bad-weight'
    | 'ambiguous-number'
    | 'bad-id'
    | 'bad-category'
    | 'no-respondents'
    | 'multi-select'
    | 'design';
  /** What is wrong and what to do, in one sentence or two. */
  readonly message: string;
  /** The source column concerned. */
  readonly column?: string;
  /** The item concerned. */
  readonly item?: string;
  /** The multi-select question concerned. */
  readonly question?: string;
  /** Zero-based row indices (the first few) where the problem occurs. */
  readonly rows?: readonly number[];
  /** The offending values, aligned with `rows` where both are given. */
  readonly values?: readonly unknown[];
  /** For unknown labels: every distinct unknown value with counts, positions and suggestion. */
  readonly unknown?: readonly LikertUnknownValue[];
}

/** Thrown by {@link survey} with every {@link SurveyIssue} found. */
export class SurveyInputError extends Error {
  override readonly name = 'SurveyInputError';
  /** Every problem found, in the order of the definition. */
  readonly issues: readonly SurveyIssue[];

  /**
   * @param issues - the problems found
   * @param fn - the function that read the data, which the message starts with (default `survey`)
   */
  constructor(issues: readonly SurveyIssue[], fn = 'survey') {
    super(
      `${fn}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the survey data:\n` +
        issues.map((issue) => `  - ${issue.message}`).join('\n'),
    );
    this.issues = issues;
  }
}

/** Result of {@link safeSurvey}. */
export type SafeSurveyResult<I extends string = string> =
  | { readonly ok: true; readonly survey: Survey<I> }
  | { readonly ok: false; readonly issues: readonly SurveyIssue[] };

const SHOW = 5;

/** The keys a survey definition, an item and an attribute given as an object may have. */
const definitionKeys = (): readonly string[] =>
  optionKeys<SurveyDefinition>({
  rows: true,
  columns: true,
  table: true,
  survey: true,
  id: true,
  items: true,
  attributes: true,
  weight: true,
  design: true,
  duplicates: true,
  unknown: true,
  decimal: true,
  thousands: true,
  multiSelect: true,
});
const itemKeys = (): readonly string[] =>
  optionKeys<SurveyItemDefinition>({
  id: true,
  column: true,
  scale: true,
  label: true,
  group: true,
  topic: true,
  reverse: true,
});
const attributeKeys = (): readonly string[] =>
  optionKeys<Exclude<AttributeDefinition, string>>({ column: true, kind: true });
const multiSelectColumnsKeys = (): readonly string[] =>
  optionKeys<SurveyMultiSelectColumns>({
  id: true,
  columns: true,
  options: true,
  ticked: true,
  notTicked: true,
  blank: true,
  label: true,
});
const multiSelectSeparatedKeys = (): readonly string[] =>
  optionKeys<SurveyMultiSelectSeparated>({
  id: true,
  column: true,
  separator: true,
  options: true,
  blank: true,
  label: true,
});

/**
 * Adds a 'definition' issue for each multi-select declaration with a key its form does not have:
 * the column form when it has `columns`, the separator form when it has `column` or `separator`,
 * either when it has neither (the reader then reports the missing columns too). Returns how many
 * it added.
 */
function checkMultiSelectKeys(declarations: unknown, issues: SurveyIssue[]): number {
  if (!Array.isArray(declarations)) return 0;
  let found = 0;
  declarations.forEach((declaration: unknown, index) => {
    if (declaration === null || typeof declaration !== 'object') return;
    const has = (key: string): boolean => Object.hasOwn(declaration, key);
    // A declaration of both forms at once is reported by the reader, which says how to choose.
    if (has('columns') && (has('column') || has('separator'))) return;
    const allowed = has('columns')
      ? multiSelectColumnsKeys()
      : has('column') || has('separator')
        ? multiSelectSeparatedKeys()
        : [...new Set([...multiSelectColumnsKeys(), ...multiSelectSeparatedKeys()])];
    const key = firstUnknownKey(declaration, allowed);
    if (key === undefined) return;
    found++;
    const id = (declaration as { id?: unknown }).id;
    issues.push({
      kind: 'definition',
      ...(typeof id === 'string' ? { question: id } : {}),
      message: `unknown key ${JSON.stringify(key)} in multiSelect[${index}]; ${unknownKeyHint(key, allowed, 'keys')}`,
    });
  });
  return found;
}

/**
 * Reads and codes a survey: respondents from rows, columns, an Arrow-like table or an existing
 * survey; Likert items coded once against their scales; typed attributes; optional weights.
 *
 * Only own properties of rows and columns are read (a row without a `toString` column has no
 * such column). Missing cells follow `isMissingValue`; ids and categories are read with
 * `categoryKey` (so `101` and `"101"` are one respondent, and a BigInt id keeps every digit).
 *
 * Validation collects every problem before failing: data without respondents, missing columns
 * (with the closest existing name), unknown labels per item (every distinct value with counts
 * and rows, as `likert` reports them), missing, repeated or non-text respondent ids
 * (`duplicates: 'error'` by default, or keep the `'first'` / `'last'` and report it), objects or
 * Dates in categorical attributes, non-numeric values in numeric attributes (row and value), and
 * negative, missing or non-numeric weights.
 *
 * Numeric text in attributes and the weight is read with `decimal` and `thousands` (default
 * `'auto'`: decided per column from all its values, as `detectDecimal` does); values that are
 * not finite numbers (`Infinity` and `"1e400"` included) are bad numbers, and a column that reads
 * two ways (only `104.305` and `60.828`) is an `'ambiguous-number'` issue naming the column and
 * example cells.
 *
 * @param definition - data, id column, items, attributes, weight and policies
 * @returns the survey; `s.item(id)` gives an item's {@link LikertColumn}
 * @throws SurveyInputError listing every problem; see {@link safeSurvey} for errors as data
 * @example
 * const s = survey({
 *   rows: [
 *     { kode: '101', region: 'Hovedstaden', q1: 'I høj grad' },
 *     { kode: '147', region: 'Hovedstaden', q1: 'Ved ikke' },
 *   ],
 *   id: 'kode',
 *   items: [{ id: 'q1', scale: scales.daDegree4 }],
 *   attributes: { region: 'category' },
 * });
 * s.item('q1').n // { total: 2, answered: 2, substantive: 1, missing: 0, invalid: 0, nonSubstantive: 1 }
 */
export function survey<const I extends string>(definition: SurveyDefinition<I>): Survey<I> {
  const result = readSurvey('survey', definition);
  if (!result.ok) throw new SurveyInputError(result.issues);
  return result.survey;
}

/**
 * Like {@link survey}, but returns `{ ok: false, issues }` instead of throwing when the data has
 * problems, so a dashboard or CLI can show every issue.
 *
 * @param definition - as for {@link survey}
 * @returns `{ ok: true, survey }` or `{ ok: false, issues }`
 * @example
 * const result = safeSurvey({ rows: [{ id: 1, q: 'Maybe' }], id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }] });
 * result.ok // false
 * if (!result.ok) result.issues[0]!.kind // 'unknown-labels'
 */
export function safeSurvey<const I extends string>(definition: SurveyDefinition<I>): SafeSurveyResult<I> {
  return readSurvey('safeSurvey', definition);
}

/**
 * A column source whose columns may also be read in dictionary form: row `i` of column `name`
 * holds `values[indices[i]]`. Item columns given so are coded once per distinct value, or by
 * `likert` where the source coded the column as it read it (it returns what
 * `safeLikertDictionary(values, indices, scale, options)` returns, or undefined when it cannot
 * tell). Internal: the streaming CSV reader (`surveyFromCsv`) builds one.
 */
export interface DictionarySource extends ColumnSource {
  dictionary(name: string): {
    readonly values: readonly unknown[];
    readonly indices: ArrayLike<number>;
    readonly likert?: (scale: Scale, options: LikertOptions) => SafeLikertResult | undefined;
  } | undefined;
}

/**
 * {@link safeSurvey} over a source read elsewhere (the definition then holds no data). Internal:
 * the CSV entry point calls it with the name of its own function.
 */
export function safeSurveyFromSource<I extends string>(fn: string, definition: SurveyDefinition<I>, source: DictionarySource): SafeSurveyResult<I> {
  return readSurvey(fn, definition, source);
}

function readSurvey<I extends string>(fn: string, definition: SurveyDefinition<I>, given?: DictionarySource): SafeSurveyResult<I> {
  if (definition === null || typeof definition !== 'object') {
    throw new TypeError(`${fn}: expected a definition object { rows | columns | table | survey, id, items }, got ${describeValue(definition)}`);
  }
  const issues: SurveyIssue[] = [];
  const unknownTop = firstUnknownKey(definition, definitionKeys());
  const { id: idColumn, items = [], weight } = definition;
  // Attribute kinds by name, and the source column of each (the name unless given otherwise).
  const attributes: Record<string, 'number' | 'category'> = {};
  const attributeColumn = new Map<string, string>();
  const duplicatesPolicy = definition.duplicates ?? 'error';
  const unknownPolicy = definition.unknown ?? 'error';

  // --- the definition itself ---------------------------------------------------------------
  const sources = (['rows', 'columns', 'table', 'survey'] as const).filter((k) => definition[k] !== undefined);
  const unknownTopMessage =
    unknownTop === undefined ? undefined : `unknown key ${JSON.stringify(unknownTop)} in the definition; ${unknownKeyHint(unknownTop, definitionKeys(), 'keys')}`;
  if (given !== undefined && sources.length > 0) {
    throw new TypeError(`${fn}: the definition must not hold data (${sources.join(', ')}): the data are the input; pass id, items, attributes and the other settings`);
  }
  if (given === undefined && sources.length !== 1) {
    throw new TypeError(
      `${fn}: give exactly one of rows, columns, table or survey; got ${sources.length === 0 ? 'none' : sources.join(' and ')}${unknownTopMessage === undefined ? '' : ` (${unknownTopMessage})`}`,
    );
  }
  // Unknown keys are reported, but do not stop the reading (an unknown key is not read, so the
  // data can still be checked and every other problem listed with them).
  let unknownKeyIssues = 0;
  if (unknownTopMessage !== undefined) {
    issues.push({ kind: 'definition', message: unknownTopMessage });
    unknownKeyIssues++;
  }
  if (typeof idColumn !== 'string' || idColumn === '') {
    issues.push({ kind: 'definition', message: `id must name the respondent id column, got ${describeValue(idColumn)}` });
  }
  if (!Array.isArray(items) || items.length === 0) {
    issues.push({ kind: 'definition', message: 'items must be a non-empty array of { id, scale }' });
  }
  const itemIds = new Set<string>();
  for (const [index, item] of (Array.isArray(items) ? items : []).entries()) {
    if (item === null || typeof item !== 'object' || typeof item.id !== 'string' || item.id === '') {
      issues.push({ kind: 'definition', message: `items[${index}] needs a non-empty string id` });
      continue;
    }
    const unknownItemKey = firstUnknownKey(item, itemKeys());
    if (unknownItemKey !== undefined) {
      unknownKeyIssues++;
      issues.push({
        kind: 'definition',
        item: item.id,
        message: `unknown key ${JSON.stringify(unknownItemKey)} in items[${index}]; ${unknownKeyHint(unknownItemKey, itemKeys(), 'keys')}`,
      });
    }
    if (itemIds.has(item.id)) issues.push({ kind: 'definition', item: item.id, message: `item id "${item.id}" is used twice; item ids must be unique` });
    itemIds.add(item.id);
    if (item.scale === null || typeof item.scale !== 'object' || !Array.isArray(item.scale.levels)) {
      issues.push({ kind: 'definition', item: item.id, message: `item "${item.id}" needs a scale from defineScale() or scales` });
    }
  }
  const attributeDefinitions: unknown = definition.attributes ?? {};
  if (attributeDefinitions === null || typeof attributeDefinitions !== 'object' || Array.isArray(attributeDefinitions)) {
    issues.push({ kind: 'definition', message: `attributes must be an object { name: 'number' | 'category' }, got ${describeValue(attributeDefinitions)}` });
  }
  for (const [name, spec] of Object.entries(attributeDefinitions ?? {}) as [string, unknown][]) {
    const isObject = spec !== null && typeof spec === 'object';
    const unknownAttributeKey = isObject ? firstUnknownKey(spec, attributeKeys()) : undefined;
    if (unknownAttributeKey !== undefined) {
      unknownKeyIssues++;
      issues.push({
        kind: 'definition',
        message: `unknown key ${JSON.stringify(unknownAttributeKey)} in attributes[${JSON.stringify(name)}]; ${unknownKeyHint(unknownAttributeKey, attributeKeys(), 'keys')}`,
      });
    }
    const kind = isObject ? (spec as { kind?: unknown }).kind : spec;
    const column = isObject ? (spec as { column?: unknown }).column : name;
    if (kind !== 'number' && kind !== 'category') {
      issues.push({ kind: 'definition', message: `attribute "${name}" has kind ${describeValue(kind)}; use 'number' or 'category'` });
    } else if (typeof column !== 'string' || column === '') {
      issues.push({ kind: 'definition', message: `attribute "${name}" needs a column name, got ${describeValue(column)}` });
    } else {
      Object.defineProperty(attributes, name, { value: kind, enumerable: true, writable: true, configurable: true });
      attributeColumn.set(name, column);
    }
    if (itemIds.has(name)) {
      issues.push({ kind: 'definition', message: `"${name}" is both an item id and an attribute; rename one` });
    }
  }
  if (!['error', 'first', 'last'].includes(duplicatesPolicy)) {
    issues.push({ kind: 'definition', message: `duplicates must be 'error', 'first' or 'last', got ${describeValue(duplicatesPolicy)}` });
  }
  if (unknownPolicy !== 'error' && unknownPolicy !== 'missing') {
    issues.push({ kind: 'definition', message: `unknown must be 'error' or 'missing', got ${describeValue(unknownPolicy)}` });
  }
  const numberMarks = checkNumberMarks(definition, issues);
  unknownKeyIssues += checkMultiSelectKeys(definition.multiSelect, issues);
  if (issues.length > unknownKeyIssues) return { ok: false, issues };

  // --- read the source ---------------------------------------------------------------------
  const wanted = [idColumn, ...items.map((item) => item.column ?? item.id), ...attributeColumn.values()];
  if (weight !== undefined) wanted.push(weight);
  const designNames = readDesignNames(definition.design, issues);
  for (const role of ['strata', 'cluster', 'fpc'] as const) if (designNames[role] !== undefined) wanted.push(designNames[role] as string);
  wanted.push(...multiSelectColumns(definition.multiSelect));
  const input: SourceInput | undefined =
    given !== undefined
      ? undefined
      :     definition.rows !== undefined
      ? { rows: definition.rows }
      : definition.columns !== undefined
        ? { columns: definition.columns }
        : definition.table !== undefined
          ? { table: definition.table }
          : { survey: definition.survey as Survey, id: idColumn };
  const source: ColumnSource = given ?? readSource(fn, input as SourceInput, wanted);
  if (source.length === 0) {
    // One message for every shape of empty input: rows: [], columns of length 0, an empty table.
    return {
      ok: false,
      issues: [
        {
          kind: 'no-respondents',
          message: `the data hold no respondents (0 rows); check that the data were read (a CSV file needs a header line and at least one data line) and that no filter removed every row`,
        },
      ],
    };
  }

  const need = (name: string, role: string): ArrayLike<unknown> | undefined => {
    const values = source.column(name);
    if (values === undefined) {
      const suggestion = closest(name, source.names);
      const hint =
        suggestion === undefined
          ? ''
          : comparable(suggestion) === comparable(name)
            ? `; the data has ${showName(suggestion)}, which differs only in case, Unicode form, spaces or invisible characters (such as a byte-order mark); rename one of them`
            : `; did you mean ${showName(suggestion)}?`;
      issues.push({
        kind: 'missing-column',
        column: name,
        message: `column ${showName(name)} (${role}) is not in the data${hint}`,
      });
    }
    return values;
  };

  // --- respondent ids and the rows kept ----------------------------------------------------
  const rawIds = need(idColumn, 'respondent id');
  // Source row of each respondent kept; null when every source row is kept, in order (then
  // respondent i is row i, and no array of 10^7 positions is made for that).
  let kept: Int32Array | null = new Int32Array(0);
  // Text keys, or (numeric id columns) the ids as doubles, or as a run of consecutive numbers,
  // whose keys are made only when asked for.
  let ids: string[] | Float64Array | IdRange = [];
  // True when every source row is a respondent, in order: the columns are then read as they are.
  let identity = false;
  const duplicates: DuplicateId[] = [];
  if (rawIds !== undefined) {
    const length = source.length;
    const missingRows: number[] = [];
    let missingCount = 0;
    // Rows that cannot be respondents (no id, repeated id under 'error') are still read, so that
    // every other problem in them is reported too; the survey is not built in that case.
    const badRows: number[] = [];
    const badValues: unknown[] = [];
    let badCount = 0;
    let unreadable = 0;
    // A numeric id column (a typed array, or an array holding only numbers) is checked as
    // doubles: two finite doubles have the same key exactly when they are equal (-0 and 0 both
    // read "0"), so no text is made for 10^7 ids unless someone asks for them.
    const given = numericIds(rawIds, length);
    let idKeys: string[] | null = null;
    // Numeric ids that rise strictly (the finite ones) are distinct: checked in the same pass,
    // as is whether they are consecutive (first, first + 1, …: then held as that run, no copy).
    // From the first id that breaks the run, each id is copied as it is read into `numeric`, and
    // every later step reads the copy: the survey holds exactly the values checked here, even if
    // the caller's array changes meanwhile (a typed array over memory another thread writes).
    // `numeric` stays null while the ids are the run (length > 0: checked above).
    let rising = true;
    let numeric: Float64Array | null = null;
    let first = 0;
    if (given !== null) {
      let previous = -Infinity;
      for (let i = 0; i < length; i++) {
        const value = given[i] as number;
        if (i === 0) first = value;
        if (numeric === null && !(value === first + i && value > previous)) {
          numeric = new Float64Array(length);
          for (let j = 0; j < i; j++) numeric[j] = first + j;
        }
        if (numeric !== null) numeric[i] = value;
        if (value - value === 0) {
          if (value <= previous) rising = false;
          previous = value;
          continue;
        }
        unreadable++;
        if (value !== value) {
          missingCount++;
          if (missingRows.length < SHOW) missingRows.push(i);
        } else {
          badCount++;
          if (badRows.length < SHOW) {
            badRows.push(i);
            badValues.push(value);
          }
        }
      }
    } else {
      // An array of ids that are their own keys (plain text ids) is used as it is; a copy is
      // made only from the first id that reads otherwise.
      const asGiven = Array.isArray(rawIds) ? (rawIds as string[]) : null;
      for (let i = 0; i < length; i++) {
        const raw = rawIds[i];
        const key = readCategoryKey(raw);
        if (idKeys === null) {
          if (typeof raw === 'string' && key === raw && asGiven !== null) continue;
          idKeys = new Array<string>(length);
          for (let j = 0; j < i; j++) idKeys[j] = asGiven?.[j] as string;
        }
        if (key === undefined || key === null) {
          // Held as '' (no id is ''), kept for the checks, and never compared as an id.
          idKeys[i] = '';
          unreadable++;
          if (key === undefined) {
            badCount++;
            if (badRows.length < SHOW) {
              badRows.push(i);
              badValues.push(raw);
            }
          } else {
            missingCount++;
            if (missingRows.length < SHOW) missingRows.push(i);
          }
          continue;
        }
        idKeys[i] = key;
      }
      idKeys ??= asGiven as string[];
    }
    if (badCount > 0) {
      issues.push({
        kind: 'bad-id',
        column: idColumn,
        rows: badRows,
        values: badValues,
        message: `${badCount} respondent id${badCount === 1 ? '' : 's'} in "${idColumn}" ${badCount === 1 ? 'is' : 'are'} neither text nor a number: ${badRows
          .map((row, j) => `${describeCell(badValues[j])} (row ${row})`)
          .join(', ')}${badCount > SHOW ? ', …' : ''} (0-based); turn them into text or numbers before reading`,
      });
    }
    if (missingCount > 0) {
      issues.push({
        kind: 'missing-id',
        column: idColumn,
        rows: missingRows,
        message: `${missingCount} row${missingCount === 1 ? ' has' : 's have'} no respondent id in "${idColumn}" (rows ${missingRows.join(', ')}${missingCount > SHOW ? ', …' : ''}, 0-based); fill them in or drop those rows`,
      });
    }
    // Every row of a repeated id, by id, in the order the ids first occur. Ids that do not rise
    // strictly are not the run, so they were copied.
    const repeated =
      given !== null
        ? rising
          ? new Map<string, number[]>()
          : repeatedNumericIds(numeric as Float64Array)
        : repeatedIds(idKeys as string[], unreadable > 0);
    let dropped: Uint8Array | null = null;
    for (const [key, rows] of repeated) {
      if (duplicatesPolicy === 'error') {
        issues.push({
          kind: 'duplicate-id',
          column: idColumn,
          rows: rows.slice(0, SHOW),
          values: [key],
          message: `respondent id "${key}" occurs ${rows.length} times (rows ${rows.slice(0, SHOW).join(', ')}, 0-based); remove the repeats or pass duplicates: 'first' or 'last'`,
        });
        continue;
      }
      const keptRow = duplicatesPolicy === 'first' ? (rows[0] as number) : (rows[rows.length - 1] as number);
      duplicates.push({ id: key, rows, kept: keptRow });
      dropped ??= new Uint8Array(length);
      for (const row of rows) if (row !== keptRow) dropped[row] = 1;
    }
    if (dropped === null) {
      identity = true;
      // The survey's own ids: the caller's column is read here and never held (makeSurvey
      // copies text ids; numeric ones are the run or the copy made while checking).
      if (given === null) ids = idKeys as string[];
      else if (numeric === null) ids = { start: first, length };
      else ids = numeric;
      kept = null;
    } else {
      const rows: number[] = [];
      for (let i = 0; i < length; i++) if (dropped[i] === 0) rows.push(i);
      kept = Int32Array.from(rows);
      if (given !== null) {
        // Rows are dropped only for repeated ids, so the ids were copied while checking.
        const checked = numeric as Float64Array;
        const keptIds = new Float64Array(rows.length);
        for (let r = 0; r < rows.length; r++) keptIds[r] = checked[rows[r] as number] as number;
        ids = keptIds;
      }
      else ids = rows.map((row) => (idKeys as string[])[row] as string);
    }
  }
  const respondents = kept === null ? source.length : kept.length;
  /** The source row of respondent i, for the rows named in issues. */
  const rowOf = (i: number): number => (kept === null ? i : (kept[i] as number));
  const pick = (values: ArrayLike<unknown>): unknown[] => {
    const out = new Array<unknown>(respondents);
    for (let i = 0; i < respondents; i++) out[i] = values[rowOf(i)];
    return out;
  };
  // The kept rows of a column, without a copy when every row is kept.
  const view = (values: ArrayLike<unknown>): ArrayLike<unknown> => (identity ? values : pick(values));

  // --- items -------------------------------------------------------------------------------
  const columns = new Map<string, LikertColumn>();
  const surveyItems: SurveyItem<I>[] = [];
  for (const item of items) {
    const columnName = item.column ?? item.id;
    const likertOptions = { unknown: unknownPolicy, reverse: item.reverse === true, label: item.label ?? item.id };
    const dictionary = identity ? given?.dictionary(columnName) : undefined;
    let coded: SafeLikertResult;
    if (dictionary !== undefined) {
      coded = dictionary.likert?.(item.scale, likertOptions) ?? safeLikertDictionary(dictionary.values, dictionary.indices, item.scale, likertOptions);
    } else {
      const raw = need(columnName, `item "${item.id}"`);
      if (raw === undefined) continue;
      coded = safeLikert(view(raw), item.scale, likertOptions);
    }
    if (!coded.ok) {
      const unknown = coded.issues.map((u) => ({ ...u, positions: u.positions.map(rowOf) }));
      issues.push({
        kind: 'unknown-labels',
        item: item.id,
        column: columnName,
        unknown,
        message: `item "${item.id}" (column "${columnName}"): ${unknown.length} unknown value${unknown.length === 1 ? '' : 's'} for scale ${item.scale.id}: ${unknown
          .slice(0, 10)
          .map((u) => `${describeValue(u.value)} ×${u.count} (rows ${u.positions.join(', ')})${u.suggestion ? ` – did you mean "${u.suggestion}"?` : ''}`)
          .join('; ')}${unknown.length > 10 ? '; …' : ''}. Add aliases to the scale or pass unknown: 'missing'`,
      });
      continue;
    }
    columns.set(item.id, coded.column);
    surveyItems.push({
      id: item.id,
      column: columnName,
      label: item.label ?? item.id,
      group: item.group ?? null,
      topic: item.topic ?? null,
      reverse: item.reverse === true,
      scale: coded.column.scale,
      n: coded.column.n,
    });
  }

  // --- attributes --------------------------------------------------------------------------
  const numbers = new Map<string, Float64Array>();
  const categories = new Map<string, (string | null)[]>();
  for (const [name, kind] of Object.entries(attributes)) {
    const column = attributeColumn.get(name) as string;
    // A category column the source holds in dictionary form (every row kept, in order) is read
    // from it, each distinct value once, without its cells being laid out first.
    const dictionary = kind === 'category' && identity ? given?.dictionary(column) : undefined;
    const raw = dictionary?.indices ?? need(column, column === name ? `${kind} attribute` : `${kind} attribute "${name}"`);
    if (raw === undefined) continue;
    const values = view(raw);
    if (kind === 'category') {
      categories.set(name, readCategories(column, values, rowOf, issues, dictionary));
      continue;
    }
    const read = readNumberColumn(fn, values, { ...numberMarks, column });
    if (read.ambiguous !== null) {
      issues.push(ambiguityIssue(fn, column, read, rowOf));
      continue;
    }
    const bad = read.bad;
    if (bad.length > 0) {
      const shown = bad.slice(0, SHOW);
      issues.push({
        kind: 'bad-number',
        column,
        rows: shown.map((cell) => rowOf(cell.row)),
        values: shown.map((cell) => cell.value),
        message: `numeric attribute "${name}" has ${bad.length} value${bad.length === 1 ? '' : 's'} that are not finite numbers (decimal mark "${read.decimal}"): ${shown
          .map((cell) => `${describeValue(cell.value)} (row ${rowOf(cell.row)})`)
          .join(', ')}${bad.length > SHOW ? ', …' : ''}; fix them, pass decimal / thousands, or declare "${name}" as 'category'`,
      });
    }
    const parsed = read.values;
    numbers.set(name, parsed);
  }

  // --- weights -----------------------------------------------------------------------------
  let weights: Float64Array | null = null;
  if (weight !== undefined) {
    const raw = need(weight, 'weight');
    if (raw !== undefined) {
      const raws = view(raw);
      const read = readNumberColumn(fn, raws, { ...numberMarks, column: weight });
      if (read.ambiguous !== null) {
        issues.push(ambiguityIssue(fn, weight, read, rowOf));
      } else {
        weights = read.values;
        // A weight is needed for every respondent: missing, bad and negative values are all reported.
        const badRows: number[] = [];
        const badValues: unknown[] = [];
        let badCount = 0;
        for (let i = 0; i < weights.length; i++) {
          const x = weights[i] as number;
          if (Number.isNaN(x) || x < 0) {
            badCount++;
            if (badRows.length < SHOW) {
              badRows.push(rowOf(i));
              badValues.push(raws[i]);
            }
            weights[i] = 0;
          }
        }
        if (badCount > 0) {
          issues.push({
            kind: 'bad-weight',
            column: weight,
            rows: badRows,
            values: badValues,
            message: `weight column "${weight}" has ${badCount} missing, negative or non-numeric value${badCount === 1 ? '' : 's'}: ${badRows
              .map((row, j) => `${describeValue(badValues[j])} (row ${row})`)
              .join(', ')}${badCount > SHOW ? ', …' : ''}; every respondent needs a finite weight >= 0`,
          });
        }
      }
    }
  }

  // --- the design (src/data/design.ts) -------------------------------------------------------
  let design: DesignState | null = weights === null ? null : { strata: null, cluster: null, fpc: null, calibration: null, units: null };
  if (definition.design !== undefined) {
    const designColumns: { strata?: ArrayLike<unknown>; cluster?: ArrayLike<unknown>; fpc?: Float64Array } = {};
    let complete = true;
    for (const role of ['strata', 'cluster', 'fpc'] as const) {
      const name = designNames[role];
      if (name === undefined) continue;
      const raw = need(name, `design ${role}`);
      if (raw === undefined) {
        complete = false;
        continue;
      }
      if (role !== 'fpc') designColumns[role] = view(raw);
      else {
        const read = readNumberColumn(fn, view(raw), { ...numberMarks, column: name });
        if (read.ambiguous !== null) {
          issues.push(ambiguityIssue(fn, name, read, rowOf));
          complete = false;
        } else designColumns.fpc = read.values;
      }
    }
    if (complete) {
      const read = readDesign(designColumns, designNames, rowOf, respondents, issues);
      design = read.state;
      weights ??= read.implied ?? new Float64Array(respondents).fill(1);
    }
  }

  // --- multi-select questions (src/data/multiSelectDefinition.ts) ---------------------------
  const taken = new Set([...itemIds, ...Object.keys(attributes)]);
  const multiSelect = readMultiSelect(definition.multiSelect, { need, pick, kept: definition.multiSelect === undefined ? [] : Array.from({ length: respondents }, (_, i) => rowOf(i)), unknown: unknownPolicy, taken }, issues);

  if (issues.length > 0) return { ok: false, issues };
  const state: SurveyState<I> = {
    multiSelect,
    ids,
    items: surveyItems,
    columns,
    numbers,
    categories,
    attributes: { ...attributes },
    weights,
    design,
    duplicates,
  };
  return { ok: true, survey: makeSurvey(state) };
}

/**
 * The id column itself, read as numbers, when it holds numbers only (a typed array of any kind
 * but BigInt, or an array whose every element is a number), else null. It is read during the
 * call only: the survey keeps a copy of its own (or the run, for consecutive ids).
 */
function numericIds(values: ArrayLike<unknown>, length: number): ArrayLike<number> | null {
  if (ArrayBuffer.isView(values)) {
    if (values instanceof BigInt64Array || values instanceof BigUint64Array || values instanceof DataView) return null;
    return values as unknown as ArrayLike<number>;
  }
  if (!Array.isArray(values)) return null;
  for (let i = 0; i < length; i++) if (typeof values[i] !== 'number') return null;
  return values as number[];
}

/**
 * {@link repeatedIds} for numeric ids that do not rise strictly (missing and unreadable ones are
 * not finite and are skipped): equal doubles are found by an open-addressing table over their
 * bits (-0 counted as 0). Keys are the ids' text, as `readCategoryKey` writes it.
 */
function repeatedNumericIds(values: ArrayLike<number>): Map<string, number[]> {
  const repeated = new Map<string, number[]>();
  const n = values.length;
  let size = 16;
  while (size < 1.5 * n) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size);
  const bits = new Uint32Array(2);
  const double = new Float64Array(bits.buffer);
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    if (value - value !== 0) continue;
    double[0] = value + 0;
    let slot = Math.imul((bits[0] as number) ^ Math.imul(bits[1] as number, 0x9e3779b1), 0x85ebca6b) >>> 0;
    slot = (slot ^ (slot >>> 15)) & mask;
    for (;;) {
      const held = table[slot] as number;
      if (held === 0) {
        table[slot] = i + 1;
        break;
      }
      if (values[held - 1] === value) {
        noteRepeat(repeated, readCategoryKey(value) as string, held - 1, i);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return inFirstOrder(repeated);
}

/** Notes row `row` as a repeat of the id first held by row `first`. */
function noteRepeat(repeated: Map<string, number[]>, key: string, first: number, row: number): void {
  const rows = repeated.get(key);
  if (rows === undefined) repeated.set(key, [first, row]);
  else rows.push(row);
}

/** Entries were made at each id's second occurrence; orders them by the first. */
function inFirstOrder(repeated: Map<string, number[]>): Map<string, number[]> {
  if (repeated.size < 2) return repeated;
  return new Map([...repeated].sort((a, b) => (a[1][0] as number) - (b[1][0] as number)));
}

/**
 * The ids that occur more than once, each with every row holding it, in the order the ids first
 * occur; `''` (a row without a readable id) is skipped.
 *
 * Exports are usually sorted by id, and ids that rise strictly in one total order (text order,
 * or length first and then text, which sorts numeric ids) are all distinct: one pass proves it.
 * Otherwise the ids go into an open-addressing hash table of row numbers (FNV-1a over the UTF-16
 * code units, linear probing, at most two thirds full, each slot holding row and hash side by
 * side so that a probe compares strings only when the hashes agree). A Map of every id would
 * hold an entry and an array per respondent: seconds and gigabytes at 10^7 rows.
 */
function repeatedIds(keys: readonly string[], hasBlank: boolean): Map<string, number[]> {
  const repeated = new Map<string, number[]>();
  if (risesStrictly(keys, hasBlank, false) || risesStrictly(keys, hasBlank, true)) return repeated;
  const n = keys.length;
  let size = 16;
  while (size < 1.5 * n) size *= 2;
  const mask = size - 1;
  // Slot s holds row + 1 at 2s (0: empty) and the row's hash at 2s + 1.
  const table = new Int32Array(2 * size);
  for (let i = 0; i < n; i++) {
    const key = keys[i] as string;
    if (hasBlank && key === '') continue;
    let hash = 0x811c9dc5 | 0;
    for (let c = 0; c < key.length; c++) hash = Math.imul(hash ^ key.charCodeAt(c), 0x01000193);
    let slot = hash & mask;
    for (;;) {
      const held = table[2 * slot] as number;
      if (held === 0) {
        table[2 * slot] = i + 1;
        table[2 * slot + 1] = hash;
        break;
      }
      if (table[2 * slot + 1] === hash && keys[held - 1] === key) {
        noteRepeat(repeated, key, held - 1, i);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return inFirstOrder(repeated);
}

/**
 * True when the ids (blanks skipped) rise strictly in text order, or with `shortlex` in length
 * first and then text order ("9" < "10"); either is a total order, so such ids are distinct.
 */
function risesStrictly(keys: readonly string[], hasBlank: boolean, shortlex: boolean): boolean {
  let previous: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (hasBlank && key === '') continue;
    if (previous !== undefined) {
      const rises = shortlex ? previous.length < key.length || (previous.length === key.length && previous < key) : previous < key;
      if (!rises) return false;
    }
    previous = key;
  }
  return true;
}

/** Checks the `decimal` and `thousands` options; bad values become definition issues. */
function checkNumberMarks(
  definition: SurveyDefinition<string>,
  issues: SurveyIssue[],
): { decimal?: DecimalMark | 'auto'; thousands?: ThousandsMark } {
  const { decimal, thousands } = definition;
  let ok = true;
  if (decimal !== undefined && decimal !== ',' && decimal !== '.' && decimal !== 'auto') {
    issues.push({ kind: 'definition', message: `decimal must be ',', '.' or 'auto', got ${describeValue(decimal)}` });
    ok = false;
  }
  if (thousands !== undefined && !(['.', ',', ' ', "'", ''] as unknown[]).includes(thousands)) {
    issues.push({ kind: 'definition', message: `thousands must be '.', ',', ' ', "'" or '' (none), got ${describeValue(thousands)}` });
    ok = false;
  }
  if (ok && thousands !== undefined && thousands === decimal) {
    issues.push({ kind: 'definition', message: `decimal and thousands are both ${JSON.stringify(decimal)}; give two different marks` });
  }
  return {
    ...(decimal === undefined ? {} : { decimal }),
    ...(thousands === undefined ? {} : { thousands }),
  };
}

/** The issue for a numeric column whose decimal mark cannot be decided, with rows in source terms. */
function ambiguityIssue(fn: string, column: string, read: NumberColumn, rowOf: (respondent: number) => number): SurveyIssue {
  const cells = (read.ambiguous ?? []).map((cell) => ({ row: rowOf(cell.row), value: cell.value }));
  return {
    kind: 'ambiguous-number',
    column,
    rows: cells.map((cell) => cell.row),
    values: cells.map((cell) => cell.value),
    message: ambiguityMessage(fn, column, cells).slice(fn.length + 2),
  };
}

/**
 * Categorical attribute values as category keys (null where missing); a cell that is not a
 * category (an object, a Date, Infinity) becomes null and one `bad-category` issue names it.
 */
/**
 * The design's column names and options, checked: an object of column names under strata,
 * cluster and fpc, with `lonelyPsu` one of R's `survey.lonely.psu` values and
 * `adjustDomainLonely` a boolean.
 */
function readDesignNames(design: unknown, issues: SurveyIssue[]): SurveyDesignDefinition {
  if (design === undefined) return {};
  const names: { -readonly [K in keyof SurveyDesignDefinition]: SurveyDesignDefinition[K] } = {};
  if (design === null || typeof design !== 'object' || Array.isArray(design)) {
    issues.push({ kind: 'definition', message: `design must be an object { strata?, cluster?, fpc?, lonelyPsu?, adjustDomainLonely? }, got ${describeValue(design)}` });
    return names;
  }
  for (const [key, value] of Object.entries(design)) {
    if (key === 'lonelyPsu') {
      if (value === undefined) continue;
      if (typeof value === 'string' && (LONELY_PSU as readonly string[]).includes(value)) names.lonelyPsu = value as LonelyPsu;
      else {
        issues.push({
          kind: 'design',
          message: `design.lonelyPsu must be one of ${LONELY_PSU.map((m) => `'${m}'`).join(', ')} (as R's options(survey.lonely.psu)), got ${describeValue(value)}`,
          values: [value],
        });
      }
    } else if (key === 'adjustDomainLonely') {
      if (value === undefined) continue;
      if (typeof value === 'boolean') names.adjustDomainLonely = value;
      else issues.push({ kind: 'design', message: `design.adjustDomainLonely must be true or false (as R's options(survey.adjust.domain.lonely)), got ${describeValue(value)}`, values: [value] });
    } else if (key !== 'strata' && key !== 'cluster' && key !== 'fpc') {
      issues.push({ kind: 'definition', message: `unknown key ${JSON.stringify(key)} in design; use strata, cluster, fpc, lonelyPsu and adjustDomainLonely` });
    } else if (value !== undefined && (typeof value !== 'string' || value === '')) {
      issues.push({ kind: 'definition', message: `design.${key} must name a column, got ${describeValue(value)}` });
    } else if (value !== undefined) names[key] = value;
  }
  return names;
}

function readCategories(
  name: string,
  values: ArrayLike<unknown>,
  rowOf: (respondent: number) => number,
  issues: SurveyIssue[],
  dictionary?: { readonly values: readonly unknown[]; readonly indices: ArrayLike<number> },
): (string | null)[] {
  // With a dictionary, `values` is its indices (one per row) and each distinct value is read once.
  const badRows: number[] = [];
  const badValues: unknown[] = [];
  let badCount = 0;
  const keys = new Array<string | null>(values.length);
  const distinct = dictionary?.values.map((value) => readCategoryKey(value));
  for (let i = 0; i < values.length; i++) {
    const value = dictionary === undefined ? values[i] : dictionary.values[values[i] as number];
    const key = distinct === undefined ? readCategoryKey(value) : distinct[values[i] as number];
    if (key !== undefined) {
      keys[i] = key;
      continue;
    }
    keys[i] = null;
    badCount++;
    if (badRows.length < SHOW) {
      badRows.push(rowOf(i));
      badValues.push(value);
    }
  }
  if (badCount > 0) {
    issues.push({
      kind: 'bad-category',
      column: name,
      rows: badRows,
      values: badValues,
      message: `categorical attribute "${name}" has ${badCount} value${badCount === 1 ? '' : 's'} that are neither text nor a number: ${badRows
        .map((row, j) => `${describeCell(badValues[j])} (row ${row})`)
        .join(', ')}${badCount > SHOW ? ', …' : ''} (0-based); turn them into text first`,
    });
  }
  return keys;
}

/** White space and invisible characters (a stray byte-order mark, a zero-width space) anywhere. */
const INVISIBLE_OR_SPACE = new RegExp(`[\\s${INVISIBLE_CHARACTERS}]`, 'g');

/** A column name as compared for suggestions: NFC, invisible characters and spaces removed, lower case. */
function comparable(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE_OR_SPACE, '').toLowerCase();
}

/**
 * The existing column name closest to a missing one, when it is close: edit distance of the
 * comparable forms (see {@link comparable}) at most a third of the name's length (at least 2).
 * The first of equally close names wins.
 */
function closest(name: string, names: readonly string[]): string | undefined {
  const target = comparable(name);
  const limit = Math.max(2, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of names) {
    if (candidate === name) continue;
    const distance = levenshtein(target, comparable(candidate), limit);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best;
}

/** A column name for a message: quoted, with invisible characters written as \\uXXXX escapes. */
function showName(name: string): string {
  return JSON.stringify(name).replace(new RegExp(`[\\uFEFF${INVISIBLE_CHARACTERS}]`, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
