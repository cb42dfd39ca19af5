import { describeValue } from '../internal/validate';
import type { Scale } from '../scale/types';
import { levenshtein } from './levenshtein';
import { safeLikert } from './likert';
import type { LikertUnknownValue } from './errors';
import { isMissingValue, sourceFromColumns, sourceFromRows, sourceFromTable } from './source';
import { makeSurvey, type DuplicateId, type Survey, type SurveyItem, type SurveyState } from './surveyObject';
import type { ArrowLikeTable, ColumnSource } from './source';
import type { LikertColumn } from './types';

export type { DuplicateId, Survey, SurveyItem } from './surveyObject';

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

/** The definition passed to {@link survey}. Exactly one of `rows`, `columns` or `table`. */
export interface SurveyDefinition<I extends string = string> {
  /** One plain object per respondent (CSV parsers, DuckDB, `fetch().json()`). */
  readonly rows?: Iterable<object>;
  /** One array (or typed array) per column, all of one length. */
  readonly columns?: Record<string, ArrayLike<unknown>>;
  /** An Arrow-like table: `numRows` and `getChild(name).get(i)`. */
  readonly table?: ArrowLikeTable;
  /** The respondent id column (e.g. the municipality code). */
  readonly id: string;
  readonly items: readonly SurveyItemDefinition<I>[];
  /** Typed respondent attributes: numeric (population, an index) or categorical (region, role). */
  readonly attributes?: Readonly<Record<string, 'number' | 'category'>>;
  /** A column of non-negative respondent weights. */
  readonly weight?: string;
  /** What to do with repeated respondent ids: `'error'` (default), keep the `'first'` or the `'last'`. */
  readonly duplicates?: 'error' | 'first' | 'last';
  /** Unknown labels: `'error'` (default, reported per item) or `'missing'` (counted as invalid). */
  readonly unknown?: 'error' | 'missing';
}

/** A problem found while reading a survey; {@link safeSurvey} returns all of them. */
export interface SurveyIssue {
  readonly kind:
    | 'definition'
    | 'missing-column'
    | 'unknown-labels'
    | 'missing-id'
    | 'duplicate-id'
    | 'bad-number'
    | 'bad-weight';
  /** What is wrong and what to do, in one sentence or two. */
  readonly message: string;
  /** The source column concerned. */
  readonly column?: string;
  /** The item concerned. */
  readonly item?: string;
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
   */
  constructor(issues: readonly SurveyIssue[]) {
    super(
      `survey: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the survey data:\n` +
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

/**
 * Reads and codes a survey: respondents from rows, columns or an Arrow-like table; Likert items
 * coded once against their scales; typed attributes; optional weights.
 *
 * Validation collects every problem before failing: missing columns (with the closest existing
 * name), unknown labels per item (every distinct value with counts and rows, as `likert`
 * reports them), missing or repeated respondent ids (`duplicates: 'error'` by default, or keep
 * the `'first'` / `'last'` and report it), non-numeric values in numeric attributes (row and
 * value), and negative, missing or non-numeric weights.
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

function readSurvey<I extends string>(fn: string, definition: SurveyDefinition<I>): SafeSurveyResult<I> {
  if (definition === null || typeof definition !== 'object') {
    throw new TypeError(`${fn}: expected a definition object { rows | columns | table, id, items }, got ${describeValue(definition)}`);
  }
  const issues: SurveyIssue[] = [];
  const { id: idColumn, items = [], attributes = {}, weight } = definition;
  const duplicatesPolicy = definition.duplicates ?? 'error';
  const unknownPolicy = definition.unknown ?? 'error';

  // --- the definition itself ---------------------------------------------------------------
  const sources = (['rows', 'columns', 'table'] as const).filter((k) => definition[k] !== undefined);
  if (sources.length !== 1) {
    throw new TypeError(
      `${fn}: give exactly one of rows, columns or table; got ${sources.length === 0 ? 'none' : sources.join(' and ')}`,
    );
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
    if (itemIds.has(item.id)) issues.push({ kind: 'definition', item: item.id, message: `item id "${item.id}" is used twice; item ids must be unique` });
    itemIds.add(item.id);
    if (item.scale === null || typeof item.scale !== 'object' || !Array.isArray(item.scale.levels)) {
      issues.push({ kind: 'definition', item: item.id, message: `item "${item.id}" needs a scale from defineScale() or scales` });
    }
  }
  for (const [name, kind] of Object.entries(attributes)) {
    if (kind !== 'number' && kind !== 'category') {
      issues.push({ kind: 'definition', message: `attribute "${name}" has kind ${describeValue(kind)}; use 'number' or 'category'` });
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
  if (issues.length > 0) return { ok: false, issues };

  // --- read the source ---------------------------------------------------------------------
  const wanted = [idColumn, ...items.map((item) => item.column ?? item.id), ...Object.keys(attributes)];
  if (weight !== undefined) wanted.push(weight);
  let source: ColumnSource;
  if (definition.rows !== undefined) source = sourceFromRows(fn, definition.rows, wanted);
  else if (definition.columns !== undefined) source = sourceFromColumns(fn, definition.columns);
  else source = sourceFromTable(fn, definition.table as ArrowLikeTable);

  const need = (name: string, role: string): ArrayLike<unknown> | undefined => {
    const values = source.column(name);
    if (values === undefined) {
      const suggestion = closest(name, source.names);
      issues.push({
        kind: 'missing-column',
        column: name,
        message: `column "${name}" (${role}) is not in the data${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      });
    }
    return values;
  };

  // --- respondent ids and the rows kept ----------------------------------------------------
  const rawIds = need(idColumn, 'respondent id');
  const kept: number[] = [];
  const ids: string[] = [];
  const duplicates: DuplicateId[] = [];
  if (rawIds !== undefined) {
    const missingRows: number[] = [];
    let missingCount = 0;
    const firstRow = new Map<string, number[]>();
    // Rows that cannot be respondents (no id, repeated id under 'error') are still read, so that
    // every other problem in them is reported too; the survey is not built in that case.
    const keepForChecks: number[] = [];
    for (let i = 0; i < source.length; i++) {
      const raw = rawIds[i];
      if (isMissingValue(raw)) {
        missingCount++;
        if (missingRows.length < SHOW) missingRows.push(i);
        keepForChecks.push(i);
        continue;
      }
      const key = String(raw).trim();
      const rows = firstRow.get(key);
      if (rows === undefined) firstRow.set(key, [i]);
      else rows.push(i);
    }
    if (missingCount > 0) {
      issues.push({
        kind: 'missing-id',
        column: idColumn,
        rows: missingRows,
        message: `${missingCount} row${missingCount === 1 ? ' has' : 's have'} no respondent id in "${idColumn}" (rows ${missingRows.join(', ')}${missingCount > SHOW ? ', …' : ''}, 0-based); fill them in or drop those rows`,
      });
    }
    const keepRow = new Uint8Array(source.length);
    for (const [key, rows] of firstRow) {
      if (rows.length > 1) {
        if (duplicatesPolicy === 'error') {
          issues.push({
            kind: 'duplicate-id',
            column: idColumn,
            rows: rows.slice(0, SHOW),
            values: [key],
            message: `respondent id "${key}" occurs ${rows.length} times (rows ${rows.slice(0, SHOW).join(', ')}, 0-based); remove the repeats or pass duplicates: 'first' or 'last'`,
          });
          for (const row of rows) keepRow[row] = 1;
          continue;
        }
        const keptRow = duplicatesPolicy === 'first' ? (rows[0] as number) : (rows[rows.length - 1] as number);
        duplicates.push({ id: key, rows, kept: keptRow });
        keepRow[keptRow] = 1;
      } else {
        keepRow[rows[0] as number] = 1;
      }
    }
    for (const row of keepForChecks) keepRow[row] = 1;
    for (let i = 0; i < source.length; i++) {
      if (keepRow[i] === 1) {
        kept.push(i);
        ids.push(isMissingValue(rawIds[i]) ? '' : String(rawIds[i]).trim());
      }
    }
  }
  const pick = (values: ArrayLike<unknown>): unknown[] => kept.map((i) => values[i]);

  // --- items -------------------------------------------------------------------------------
  const columns = new Map<string, LikertColumn>();
  const surveyItems: SurveyItem<I>[] = [];
  for (const item of items) {
    const columnName = item.column ?? item.id;
    const raw = need(columnName, `item "${item.id}"`);
    if (raw === undefined) continue;
    const coded = safeLikert(pick(raw), item.scale, {
      unknown: unknownPolicy,
      reverse: item.reverse === true,
      label: item.label ?? item.id,
    });
    if (!coded.ok) {
      const unknown = coded.issues.map((u) => ({ ...u, positions: u.positions.map((p) => kept[p] as number) }));
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
    const raw = need(name, `${kind} attribute`);
    if (raw === undefined) continue;
    const values = pick(raw);
    if (kind === 'category') {
      categories.set(name, values.map((v) => (isMissingValue(v) ? null : String(v).trim())));
      continue;
    }
    const parsed = new Float64Array(values.length);
    const badRows: number[] = [];
    const badValues: unknown[] = [];
    let badCount = 0;
    values.forEach((v, i) => {
      const x = toNumber(v);
      if (x === undefined) {
        badCount++;
        if (badRows.length < SHOW) {
          badRows.push(kept[i] as number);
          badValues.push(v);
        }
        parsed[i] = NaN;
      } else {
        parsed[i] = x;
      }
    });
    if (badCount > 0) {
      issues.push({
        kind: 'bad-number',
        column: name,
        rows: badRows,
        values: badValues,
        message: `numeric attribute "${name}" has ${badCount} value${badCount === 1 ? '' : 's'} that are not numbers: ${badRows
          .map((row, j) => `${describeValue(badValues[j])} (row ${row})`)
          .join(', ')}${badCount > SHOW ? ', …' : ''}; fix them, or declare "${name}" as 'category'`,
      });
    }
    numbers.set(name, parsed);
  }

  // --- weights -----------------------------------------------------------------------------
  let weights: Float64Array | null = null;
  if (weight !== undefined) {
    const raw = need(weight, 'weight');
    if (raw !== undefined) {
      const values = pick(raw);
      weights = new Float64Array(values.length);
      const badRows: number[] = [];
      const badValues: unknown[] = [];
      let badCount = 0;
      values.forEach((v, i) => {
        const x = toNumber(v);
        if (x === undefined || Number.isNaN(x) || x < 0 || !Number.isFinite(x)) {
          badCount++;
          if (badRows.length < SHOW) {
            badRows.push(kept[i] as number);
            badValues.push(v);
          }
        } else {
          (weights as Float64Array)[i] = x;
        }
      });
      if (badCount > 0) {
        issues.push({
          kind: 'bad-weight',
          column: weight,
          rows: badRows,
          values: badValues,
          message: `weight column "${weight}" has ${badCount} missing, negative or non-numeric value${badCount === 1 ? '' : 's'}: ${badRows
            .map((row, j) => `${describeValue(badValues[j])} (row ${row})`)
            .join(', ')}${badCount > SHOW ? ', …' : ''}; every respondent needs a weight >= 0`,
        });
      }
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  const state: SurveyState<I> = {
    ids,
    items: surveyItems,
    columns,
    numbers,
    categories,
    attributes: { ...attributes },
    weights,
    duplicates,
  };
  return { ok: true, survey: makeSurvey(state) };
}

/** A number from a cell: numbers as they are, numeric text parsed; missing → NaN; else undefined. */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (isMissingValue(value)) return NaN;
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return Number(text);
  }
  return undefined;
}

function closest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const target = name.toLowerCase();
  for (const candidate of names) {
    const distance = levenshtein(target, candidate.toLowerCase(), 4);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
