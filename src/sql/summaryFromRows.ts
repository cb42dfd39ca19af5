import type { LikertUnknownValue } from '../data/errors';
import type { SizeGrouping } from '../data/sizeGroups';
import { readCategoryKey } from '../data/keys';
import { safeLikert } from '../data/likert';
import { SurveyInputError, type SurveyIssue, type SurveyItemDefinition } from '../data/survey';
import { powerOfTwoScale } from '../math/moments';
import type { Scale } from '../scale/types';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type {
  AttributeSummary,
  BySummary,
  GroupSummary,
  ItemSummary,
  PairSummary,
  SummaryScale,
  SummarySum,
  SurveySummary,
} from '../summary/types';
import { readPlan, type SummaryDefinition, type SummaryPair } from './plan';
import { sizeGroupsOfRaw } from './readSizes';

/**
 * One result row of the query of `summaryQuery`, as an engine client returns it. Counts may
 * come as numbers, BigInts (DuckDB) or decimal text (PostgreSQL's `pg` gives `bigint` as text).
 */
export interface SummaryRow {
  readonly part: string;
  readonly k: number | bigint | string | null;
  readonly g: string | null;
  readonly x: string | null;
  readonly y: string | null;
  readonly n: number | bigint | string;
  readonly w: number | string | null;
  readonly ww: number | string | null;
  /** The largest weight of the row's respondents (item rows of a weighted query; else null). */
  readonly wm?: number | string | null;
}

/** Options of {@link summaryFromRows}: the definition and the `by` and `pairs` the query was written with. */
export interface SummaryFromRowsOptions {
  /** The definition given to `summaryQuery` (what `survey()` takes, without the data). */
  readonly definition: SummaryDefinition;
  /** The `by` given to `summaryQuery`: a categorical attribute or size groups `{ attribute, breaks, labels? }`. */
  readonly by?: string | SizeGrouping;
  /** The `pairs` given to `summaryQuery`. */
  readonly pairs?: readonly SummaryPair[] | 'all';
}

/** Tallies of one item (overall or in one group) while rows are read. */
interface Cells {
  readonly counts: Float64Array;
  missing: number;
  invalid: number;
  readonly sums: Sum[];
  /** Σw² per category, as the engine gives it (rescaled by the item's power of two at the end). */
  readonly squares: Sum[];
  /** The largest weight of an answered cell. */
  largest: number;
}

/** A double-double being accumulated. */
type Sum = [number, number];

/**
 * Turns the result rows of {@link summaryQuery}'s query into the `SurveySummary` that
 * `summarize(survey(…), { by, pairs })` gives in memory for the same data.
 *
 * Each distinct raw answer of an item is coded once with likertkit's `likert` (normalisation,
 * aliases, numeric codes, the missing rule, `reverse`), and its count goes to its category;
 * unknown answers follow the definition's `unknown` policy exactly as `survey()` does: under
 * `'error'` (default) a {@link SurveyInputError} with one `'unknown-labels'` issue per item, listing
 * every distinct unknown value with its count and suggestion (row positions are not known to
 * the engine, so `positions` is empty); under `'missing'` they are counted in `invalid`.
 * Attribute and `by` values are read with `categoryKey`, so raw values that differ only in
 * surrounding white space or Unicode form are merged, as in memory. Missing or repeated ids, no
 * respondents and missing or negative weights are reported as `survey()` reports them.
 *
 * For size groups the query returns the attribute's raw values and the engine's type of its
 * column; each distinct value is read as `survey()` reads that numeric attribute: a text column
 * with the definition's `decimal` and `thousands` (under `'auto'` the mark decided over all rows,
 * each distinct text voting as often as it occurs), a number column as the engine's rendering of
 * its numbers. Missing values (`isMissingValue`, and NaN) are ungrouped; the rest go to their
 * groups by the half-open rule of `sizeGroups`. A column that reads two ways under `'auto'` is an
 * `'ambiguous-number'` issue and values that are no finite number a `'bad-number'` issue, as in
 * `survey()`, listed with their counts since the engine knows no row positions.
 *
 * Counts are identical to the in-memory ones. Weighted sums are the engine's `SUM(w)` as
 * `[sum, 0]` (merged exactly when several raw values land in one category); the squares are
 * the engine's `SUM(w * w)` multiplied twice by `weights.scale`, the power of two `summarize`
 * picks from the largest answered weight (the query returns `MAX(w)` per row for this), which
 * is exact, so `squares` means Σ(w·scale)² as in memory. The engine adds in its own order and
 * rounds each addition, so the sums agree with the in-memory double-double sums to within
 * about 1e-15 relative, and to the last bit when every partial sum is exact (weights in
 * multiples of 1/8, say). Weights above 2⁵¹¹ or whose largest is below 2⁻⁵¹¹ are refused,
 * since their squares leave the normal range in the engine.
 *
 * Groups of a categorical `by` and attribute categories are in code-unit order of their
 * values, as in every summary; size groups in their labels' order, empty ones included.
 *
 * @param rows - the query's result rows (any iterable of row objects)
 * @param options - the `definition`, `by` and `pairs` the query was written with
 * @returns the summary
 * @throws SurveyInputError for unknown labels (under `unknown: 'error'`), missing or repeated
 *   ids, no respondents, missing or negative weights, or a size attribute that reads two ways
 *   or holds values that are no finite number
 * @throws TypeError for an invalid definition or option (a median split among them), or rows not shaped as the query's
 * @throws RangeError for weights outside 2⁻⁵¹¹ to 2⁵¹¹ (see above)
 * @example
 * ```ts
 * const definition = { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }] };
 * const rows = [
 *   { part: 'respondents', k: null, g: null, x: null, y: null, n: 3n, w: null, ww: null },
 *   { part: 'item', k: 0, g: null, x: 'I høj grad', y: null, n: 2n, w: null, ww: null },
 *   { part: 'item', k: 0, g: null, x: ' i HØJ grad', y: null, n: 1n, w: null, ww: null },
 *   { part: 'noid', k: null, g: null, x: null, y: null, n: 0n, w: null, ww: null },
 * ];
 * summaryFromRows(rows, { definition }).items[0].counts; // [0, 0, 3, 0, 0, 0]
 * ```
 * @see {@link summaryQuery}
 */
export function summaryFromRows(rows: Iterable<SummaryRow>, options: SummaryFromRowsOptions): SurveySummary {
  const fn = 'summaryFromRows';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object { definition, by?, pairs? }, got ${describeValue(options)}`);
  }
  checkOptionKeys(fn, options, optionKeys<SummaryFromRowsOptions>({ definition: true, by: true, pairs: true }));
  const plan = readPlan(fn, options.definition, options.by, options.pairs);
  if (rows === null || typeof rows !== 'object' || typeof (rows as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`${fn}: rows must be an iterable of the query's result rows, got ${describeValue(rows)}`);
  }
  const weighted = plan.weight !== null;

  // --- gather the rows by part -------------------------------------------------------------
  /** Per item: raw answer → [raw group, count, Σw, Σw²][]. */
  const answers = plan.items.map(() => new Map<string | null, { g: string | null; n: number; w: number; ww: number; wm: number }[]>());
  const groupRows: { g: string | null; n: number; w: number }[] = [];
  const attributeRows = plan.attributes.map(() => [] as { x: string | null; n: number; w: number }[]);
  const pairRows = plan.pairs.map(() => [] as { x: string; y: string; n: number }[]);
  const duplicates: { id: string; n: number }[] = [];
  let noId = 0;
  let badWeights = 0;
  /** The engine's type of the size attribute (the 'bytype' row), undefined until it is read. */
  let byType: string | null | undefined;
  let index = 0;
  for (const row of rows) {
    if (row === null || typeof row !== 'object') throw new TypeError(`${fn}: rows[${index}] is ${describeValue(row)}, not a row object`);
    const n = readCount(fn, row.n, index);
    const w = weighted ? readNumber(row.w) : 0;
    const ww = weighted ? readNumber(row.ww) : 0;
    switch (row.part) {
      case 'respondents':
        groupRows.push({ g: readText(fn, row.g, index, 'g'), n, w });
        break;
      case 'item': {
        const k = readPosition(fn, row.k, index, plan.items.length);
        const x = readText(fn, row.x, index, 'x');
        const list = answers[k]!.get(x);
        const entry = { g: readText(fn, row.g, index, 'g'), n, w, ww, wm: weighted ? readNumber(row.wm) : 0 };
        if (list === undefined) answers[k]!.set(x, [entry]);
        else list.push(entry);
        break;
      }
      case 'attribute':
        attributeRows[readPosition(fn, row.k, index, plan.attributes.length)]!.push({ x: readText(fn, row.x, index, 'x'), n, w });
        break;
      case 'pair': {
        const x = readText(fn, row.x, index, 'x');
        const y = readText(fn, row.y, index, 'y');
        if (x !== null && y !== null) pairRows[readPosition(fn, row.k, index, plan.pairs.length)]!.push({ x, y, n });
        break;
      }
      case 'noid':
        noId += n;
        break;
      case 'duplicate': {
        const id = readText(fn, row.x, index, 'x');
        if (id !== null) duplicates.push({ id, n });
        break;
      }
      case 'badweight':
        badWeights += n;
        break;
      case 'bytype':
        byType = readText(fn, row.x, index, 'x');
        break;
      default:
        throw new TypeError(`${fn}: rows[${index}] has part ${describeValue(row.part)}; pass the rows of the query summaryQuery wrote, unchanged`);
    }
    index++;
  }

  // --- respondents, ids and weights: survey()'s checks ------------------------------------
  const issues: SurveyIssue[] = [];
  const respondents = groupRows.reduce((total, r) => total + r.n, 0);
  if (respondents === 0) {
    throw new SurveyInputError([
      { kind: 'no-respondents', message: 'the data hold no respondents (0 rows); check that the engine reads the right table and that no filter removed every row' },
    ], fn);
  }
  if (noId > 0) {
    issues.push({
      kind: 'missing-id',
      column: plan.idColumn,
      message: `${noId} row${noId === 1 ? ' has' : 's have'} no respondent id in "${plan.idColumn}"; fill them in or drop those rows`,
    });
  }
  for (const { id, n } of duplicates) {
    const key = readCategoryKey(id);
    if (key === null || key === undefined) {
      issues.push({ kind: 'missing-id', column: plan.idColumn, message: `${n} rows have no respondent id in "${plan.idColumn}" (blank text); fill them in or drop those rows` });
      continue;
    }
    issues.push({
      kind: 'duplicate-id',
      column: plan.idColumn,
      values: [key],
      message: `respondent id "${key}" occurs ${n} times; remove the repeats (in the engine, e.g. with DISTINCT ON or QUALIFY)`,
    });
  }
  if (badWeights > 0) {
    issues.push({
      kind: 'bad-weight',
      column: plan.weight as string,
      message: `weight column "${plan.weight}" has ${badWeights} missing or negative value${badWeights === 1 ? '' : 's'}; every weight must be a finite number >= 0`,
    });
  }

  // --- groups of by ------------------------------------------------------------------------
  const sizeLabels = plan.by !== null && plan.by.kind === 'size' ? plan.by.labels : null;
  let groupKeys: Map<string | null, string | null>;
  if (plan.by !== null && plan.by.kind === 'size') {
    // The raw values of the attribute, read with likertkit's number parser (src/sql/readSizes.ts).
    if (byType === undefined) {
      throw new TypeError(`${fn}: the rows have no 'bytype' row, which the query of summaryQuery writes for size groups; pass the rows of the query written with the same by, unchanged`);
    }
    const distinct = new Map<string | null, number>();
    for (const r of groupRows) distinct.set(r.g, (distinct.get(r.g) ?? 0) + r.n);
    const def = options.definition;
    const marks = { ...(def.decimal === undefined ? {} : { decimal: def.decimal }), ...(def.thousands === undefined ? {} : { thousands: def.thousands }) };
    groupKeys = sizeGroupsOfRaw([...distinct].map(([raw, n]) => ({ raw, n })), plan.by, byType, marks, issues);
  } else groupKeys = new Map();
  const groupOf = (raw: string | null): string | null => {
    let key = groupKeys.get(raw);
    if (key === undefined) {
      if (sizeLabels !== null) throw new TypeError(`${fn}: a row has by value ${describeValue(raw)}, which no 'respondents' row has; pass the rows of the query summaryQuery wrote, unchanged`);
      key = plan.by === null || raw === null ? null : (readCategoryKey(raw) ?? null);
      groupKeys.set(raw, key);
    }
    return key;
  };
  const groupRespondents = new Map<string, number>();
  let ungrouped = 0;
  for (const r of groupRows) {
    const key = groupOf(r.g);
    if (key === null) ungrouped += r.n;
    else groupRespondents.set(key, (groupRespondents.get(key) ?? 0) + r.n);
  }
  // Size groups in their labels' order, empty ones included (as summarize gives them); the
  // groups of a categorical attribute in code-unit order of their values.
  if (sizeLabels !== null) for (const label of sizeLabels) if (!groupRespondents.has(label)) groupRespondents.set(label, 0);
  const groupValues = sizeLabels !== null ? [...sizeLabels] : [...groupRespondents.keys()].sort(compareText);
  const groupIndex = new Map(groupValues.map((value, i) => [value, i] as const));

  // --- items: code each distinct raw answer once -------------------------------------------
  const items: ItemSummary[] = [];
  const byItems: ItemSummary[][] = groupValues.map(() => []);
  const itemScales: Scale[] = [];
  const codesOf: Map<string | null, number>[] = [];
  plan.items.forEach((item, k) => {
    const distinct = [...answers[k]!.keys()];
    const coded = safeLikert(distinct, item.scale, { unknown: 'missing', reverse: item.reverse === true, label: item.label ?? item.id });
    if (!coded.ok) throw new TypeError(`${fn}: internal error coding item "${item.id}"`);
    const scale = coded.column.scale as Scale;
    itemScales.push(scale);
    const codes = new Map<string | null, number>();
    distinct.forEach((raw, i) => codes.set(raw, coded.column.codes[i] as number));
    codesOf.push(codes);
    const invalid = distinct.filter((_, i) => (coded.column.codes[i] as number) === -2);
    if (invalid.length > 0 && plan.unknown === 'error') {
      issues.push(unknownIssue(item, invalid, answers[k]!));
      return;
    }
    const total = newCells(scale.categories.length);
    const perGroup = groupValues.map(() => newCells(scale.categories.length));
    for (const [raw, list] of answers[k]!) {
      const code = codes.get(raw) as number;
      for (const entry of list) {
        addCell(total, code, entry);
        const key = groupOf(entry.g);
        if (key !== null) addCell(perGroup[groupIndex.get(key) as number]!, code, entry);
      }
    }
    items.push(itemSummary(fn, item, scale, total, weighted));
    perGroup.forEach((cells, j) => byItems[j]!.push(itemSummary(fn, item, scale, cells, weighted)));
  });
  if (issues.length > 0) throw new SurveyInputError(issues, fn);

  // --- attributes -------------------------------------------------------------------------
  const attributes: AttributeSummary[] = plan.attributes.map((attribute, a) => {
    const categories = new Map<string, { count: number; weight: Sum }>();
    let missing = 0;
    for (const r of attributeRows[a]!) {
      const key = readCategoryKey(r.x);
      if (key === null || key === undefined) {
        missing += r.n;
        continue;
      }
      const entry = categories.get(key);
      if (entry === undefined) categories.set(key, { count: r.n, weight: [r.w, 0] });
      else {
        entry.count += r.n;
        addSum(entry.weight, r.w);
      }
    }
    return {
      name: attribute.name,
      categories: [...categories.keys()].sort(compareText).map((value) => {
        const entry = categories.get(value)!;
        return { value, count: entry.count, weight: weighted ? sumValue(entry.weight) : null };
      }),
      missing,
    };
  });

  // --- pairs ------------------------------------------------------------------------------
  const pairs: PairSummary[] = plan.pairs.map(([x, y], p) => {
    const rowsX = itemScales[x]!.levels.length;
    const columnsY = itemScales[y]!.levels.length;
    const counts = new Array<number>(rowsX * columnsY).fill(0);
    for (const r of pairRows[p]!) {
      const cx = codeOf(codesOf[x]!, r.x, plan.items[x]!);
      const cy = codeOf(codesOf[y]!, r.y, plan.items[y]!);
      if (cx >= 0 && cx < rowsX && cy >= 0 && cy < columnsY) counts[cx * columnsY + cy]! += r.n;
    }
    return {
      x: plan.items[x]!.id,
      y: plan.items[y]!.id,
      rows: rowsX,
      columns: columnsY,
      counts,
      xCodes: [...itemScales[x]!.codes],
      yCodes: [...itemScales[y]!.codes],
      respondents,
    };
  });

  const by: BySummary | null =
    plan.by === null
      ? null
      : {
          name: plan.by.name,
          sizeGroups: sizeLabels === null ? null : [...sizeLabels],
          breaks: plan.by.kind === 'size' ? [...plan.by.breaks] : null,
          groups: groupValues.map((value, j): GroupSummary => ({ value, respondents: groupRespondents.get(value) as number, items: byItems[j]! })),
          ungrouped,
        };
  return { kind: 'survey-summary', version: 1, respondents, weighted, items, attributes, by, pairs };
}

/** The category of a raw answer seen in a pair row (an answer of the item rows, or coded now). */
function codeOf(codes: Map<string | null, number>, raw: string, item: SurveyItemDefinition): number {
  const known = codes.get(raw);
  if (known !== undefined) return known;
  const coded = safeLikert([raw], item.scale, { unknown: 'missing', reverse: item.reverse === true });
  const code = coded.ok ? (coded.column.codes[0] as number) : -2;
  codes.set(raw, code);
  return code;
}

/** The 'unknown-labels' issue of one item, as `survey()` words it (without row positions). */
function unknownIssue(
  item: SurveyItemDefinition,
  invalid: readonly (string | null)[],
  answers: Map<string | null, { n: number }[]>,
): SurveyIssue {
  const column = item.column ?? item.id;
  // The error likert gives for the distinct unknown values carries its suggestions.
  const checked = safeLikert(invalid, item.scale, { reverse: item.reverse === true, label: item.label ?? item.id });
  const suggestions = new Map<unknown, string | undefined>(checked.ok ? [] : checked.issues.map((u) => [u.value, u.suggestion]));
  const unknown: LikertUnknownValue[] = invalid.map((value) => {
    const count = answers.get(value)!.reduce((total, entry) => total + entry.n, 0);
    const suggestion = suggestions.get(value);
    return Object.freeze({ value, count, positions: Object.freeze([]), ...(suggestion === undefined ? {} : { suggestion }) });
  });
  return {
    kind: 'unknown-labels',
    item: item.id,
    column,
    unknown,
    message: `item "${item.id}" (column "${column}"): ${unknown.length} unknown value${unknown.length === 1 ? '' : 's'} for scale ${item.scale.id}: ${unknown
      .slice(0, 10)
      .map((u) => `${describeValue(u.value)} ×${u.count}${u.suggestion ? ` – did you mean "${u.suggestion}"?` : ''}`)
      .join('; ')}${unknown.length > 10 ? '; …' : ''}. Add aliases to the scale or pass unknown: 'missing'`,
  };
}

function newCells(categories: number): Cells {
  return {
    counts: new Float64Array(categories),
    missing: 0,
    invalid: 0,
    sums: Array.from({ length: categories }, (): Sum => [0, 0]),
    squares: Array.from({ length: categories }, (): Sum => [0, 0]),
    largest: 0,
  };
}

function addCell(cells: Cells, code: number, entry: { n: number; w: number; ww: number; wm: number }): void {
  if (code >= 0) {
    cells.counts[code]! += entry.n;
    addSum(cells.sums[code]!, entry.w);
    addSum(cells.squares[code]!, entry.ww);
    if (entry.wm > cells.largest) cells.largest = entry.wm;
  } else if (code === -1) cells.missing += entry.n;
  else cells.invalid += entry.n;
}

/** 2⁻⁵¹¹ and 2⁵¹¹: weights whose squares stay normal doubles in the engine's SUM(w * w). */
const SMALLEST_SQUARED = 2 ** -511;
const LARGEST_SQUARED = 2 ** 511;

/**
 * The weighted tallies of `summarize`: Σw as the engine gives it, and Σ(w·scale)² with
 * `scale = powerOfTwoScale(largest answered weight)`, the rule `summarize` uses. The engine's
 * SUM(w * w) is multiplied by `scale` twice: a power of two, so exact, and the same double as
 * summing the rescaled squares whenever no square left the normal range in the engine, which
 * holds for weights within 2⁻⁵¹¹ to 2⁵¹¹ (about 1.5e-154 to 6.7e153). A largest weight outside
 * that range is refused rather than summed wrongly.
 */
function weightTallies(fn: string, item: SurveyItemDefinition, cells: Cells): ItemSummary['weights'] {
  const largest = cells.largest;
  if (largest >= LARGEST_SQUARED || (largest > 0 && largest < SMALLEST_SQUARED)) {
    throw new RangeError(
      `${fn}: item "${item.id}" has weights up to ${largest}, outside 2^-511 to 2^511 (about 1.5e-154 to 6.7e153), where the engine's SUM(w * w) loses digits; divide the weight column by a constant in the engine (the weighted shares and means do not change)`,
    );
  }
  const scale = powerOfTwoScale(largest);
  return {
    sums: cells.sums.map(sumValue),
    squares: cells.squares.map((sum) => sumValue([sum[0] * scale * scale, sum[1] * scale * scale])),
    scale,
  };
}

function itemSummary(fn: string, item: SurveyItemDefinition, scale: Scale, cells: Cells, weighted: boolean): ItemSummary {
  return {
    kind: 'item-summary',
    id: item.id,
    label: item.label ?? item.id,
    group: item.group ?? null,
    topic: item.topic ?? null,
    reverse: item.reverse === true,
    scale: summaryScale(scale),
    counts: Array.from(cells.counts),
    missing: cells.missing,
    invalid: cells.invalid,
    weights: weighted ? weightTallies(fn, item, cells) : null,
  };
}

/** The plain-data scale of a summary. */
function summaryScale(scale: Scale): SummaryScale {
  return {
    id: scale.id,
    levels: [...scale.levels],
    codes: [...scale.codes],
    agree: [...scale.agree],
    disagree: [...scale.disagree],
    neutral: scale.neutral,
    nonSubstantive: [...scale.nonSubstantive],
    reversed: scale.reversed,
  };
}

/**
 * Adds `value` to the double-double `sum` with Knuth's TwoSum (an error-free transformation)
 * and renormalises, so that merging several engine sums into one category loses nothing.
 */
function addSum(sum: Sum, value: number): void {
  const hi = sum[0] + value;
  const bp = hi - sum[0];
  const error = sum[0] - (hi - bp) + (value - bp);
  const lo = sum[1] + error;
  sum[0] = hi + lo;
  sum[1] = lo - (sum[0] - hi);
}

function sumValue(sum: Sum): SummarySum {
  // -0 written as 0, as summarize writes it, so that JSON keeps it.
  return [sum[0] + 0, sum[1] + 0];
}

/** Code-unit order, the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readCount(fn: string, value: unknown, index: number): number {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new TypeError(`${fn}: rows[${index}].n is ${describeValue(value)}, not a count; pass the rows of the query summaryQuery wrote, unchanged`);
  }
  return n;
}

function readNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

function readPosition(fn: string, value: unknown, index: number, length: number): number {
  const k = typeof value === 'bigint' || typeof value === 'string' ? Number(value) : value;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= length) {
    throw new TypeError(
      `${fn}: rows[${index}].k is ${describeValue(value)}, not a position below ${length}; pass the same definition, by and pairs as to summaryQuery`,
    );
  }
  return k;
}

function readText(fn: string, value: unknown, index: number, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new TypeError(`${fn}: rows[${index}].${name} is ${describeValue(value)}; the query casts every value to text, so pass its rows unchanged`);
  return value;
}

