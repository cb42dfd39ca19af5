/**
 * The part of a survey definition the SQL summary reads, checked once for `summaryQuery` and
 * `summaryFromRows` so that both agree on the layout of the result rows. Internal.
 */
import { sizeGroups, type SizeGrouping } from '../data/sizeGroups';
import { safeSurvey, type SurveyDefinition, type SurveyItemDefinition } from '../data/survey';
import { describeValue } from '../internal/validate';

/** A survey definition without its data: what `survey()` takes, minus rows, columns, table and survey. */
export type SummaryDefinition<I extends string = string> = Omit<SurveyDefinition<I>, 'rows' | 'columns' | 'table' | 'survey'>;

/** A pair of item ids whose joint counts are wanted. */
export type SummaryPair = readonly [x: string, y: string];

/** What the query and the reader share: items, attributes and pairs by position. */
export interface SummaryPlan {
  readonly idColumn: string;
  readonly items: readonly SurveyItemDefinition[];
  /** Categorical attributes in definition order: name and source column. */
  readonly attributes: readonly { readonly name: string; readonly column: string }[];
  readonly weight: string | null;
  /**
   * The attribute grouped by, with its source column: a categorical attribute, or a numeric
   * one cut at `breaks` into the size groups `labels` (group k holds breaks[k−1] <= v < breaks[k]).
   */
  readonly by: PlanBy | null;
  /** Pairs as item positions. */
  readonly pairs: readonly (readonly [number, number])[];
  readonly unknown: 'error' | 'missing';
}

/** The grouping of a plan (see {@link SummaryPlan.by}). */
export type PlanBy =
  | { readonly kind: 'category'; readonly name: string; readonly column: string }
  | { readonly kind: 'size'; readonly name: string; readonly column: string; readonly breaks: readonly number[]; readonly labels: readonly string[] };

const DATA_KEYS = ['rows', 'columns', 'table', 'survey'] as const;

/**
 * Checks `definition` with the survey reader's own validation (the definition is read against
 * one empty row, so every definition problem `survey()` reports is reported here, in its
 * words; the missing columns of that row are not problems of the definition) and resolves `by`
 * and `pairs` against it.
 */
export function readPlan(fn: string, definition: unknown, by: unknown, pairs: unknown): SummaryPlan {
  if (definition === null || typeof definition !== 'object') {
    throw new TypeError(`${fn}: definition must be what survey() takes without the data ({ id, items, attributes?, weight? }), got ${describeValue(definition)}`);
  }
  const data = DATA_KEYS.filter((key) => Object.hasOwn(definition, key));
  if (data.length > 0) {
    throw new TypeError(`${fn}: definition holds data (${data.join(', ')}); the engine reads the data, so pass the definition without it`);
  }
  const def = definition as SummaryDefinition;
  const checked = safeSurvey({ ...def, rows: [{}] } as SurveyDefinition);
  const problems = checked.ok ? [] : checked.issues.filter((issue) => issue.kind === 'definition');
  if (problems.length > 0) {
    throw new TypeError(`${fn}: the definition has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`);
  }
  if (def.duplicates !== undefined && def.duplicates !== 'error') {
    throw new TypeError(
      `${fn}: duplicates: '${def.duplicates}' needs the order of the rows, which an SQL table does not have; remove the repeated ids in the engine (a view with DISTINCT ON or QUALIFY) and leave duplicates at 'error'`,
    );
  }
  const attributes: { name: string; column: string }[] = [];
  const kinds = new Map<string, 'number' | 'category'>();
  for (const [name, spec] of Object.entries(def.attributes ?? {})) {
    const kind = typeof spec === 'string' ? spec : spec.kind;
    const column = typeof spec === 'string' ? name : spec.column;
    kinds.set(name, kind);
    if (kind === 'category') attributes.push({ name, column });
  }
  const numericColumns = new Map<string, string>();
  for (const [name, spec] of Object.entries(def.attributes ?? {})) {
    if ((typeof spec === 'string' ? spec : spec.kind) === 'number') numericColumns.set(name, typeof spec === 'string' ? name : spec.column);
  }
  const group = by === undefined ? null : readBy(fn, by, attributes, numericColumns, kinds);
  const items = def.items;
  const index = new Map(items.map((item, i) => [item.id, i] as const));
  const resolved: (readonly [number, number])[] = [];
  // As summarize reads pairs: 'all' is every unordered pair in item order; a pair given twice
  // (either way round) is kept once; an item paired with itself is refused.
  const seen = new Set<string>();
  if (pairs === 'all') {
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) resolved.push([i, j]);
  } else if (pairs !== undefined) {
    if (!Array.isArray(pairs)) throw new TypeError(`${fn}: pairs must be 'all' or an array of [x, y] item ids, got ${describeValue(pairs)}`);
    pairs.forEach((pair: unknown, p) => {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new TypeError(`${fn}: pairs[${p}] must be [x, y], two item ids, got ${describeValue(pair)}`);
      }
      const [x, y] = pair.map((id: unknown, side) => {
        const at = typeof id === 'string' ? index.get(id) : undefined;
        if (at === undefined) {
          throw new RangeError(`${fn}: pairs[${p}][${side}] is ${describeValue(id)}, not an item id of the definition; use one of ${items.map((item) => JSON.stringify(item.id)).join(', ')}`);
        }
        return at;
      }) as [number, number];
      if (x === y) throw new RangeError(`${fn}: pairs[${p}] pairs "${items[x]!.id}" with itself; drop it`);
      const key = x < y ? `${x},${y}` : `${y},${x}`;
      if (seen.has(key)) return;
      seen.add(key);
      resolved.push([x, y]);
    });
  }
  return {
    idColumn: def.id,
    items,
    attributes,
    weight: def.weight ?? null,
    by: group,
    pairs: resolved,
    unknown: def.unknown ?? 'error',
  };
}

/** Resolves `by`: a categorical attribute's name, or a size grouping `{ attribute, breaks, labels? }` of a numeric one. */
function readBy(
  fn: string,
  by: unknown,
  attributes: readonly { name: string; column: string }[],
  numericColumns: ReadonlyMap<string, string>,
  kinds: ReadonlyMap<string, 'number' | 'category'>,
): PlanBy {
  if (typeof by === 'string') {
    const found = attributes.find((a) => a.name === by);
    if (found === undefined) {
      throw new RangeError(
        kinds.get(by) === 'number'
          ? `${fn}: by "${by}" is a numeric attribute; group it by size groups instead, { attribute: '${by}', breaks: [...] }, or declare it as 'category'`
          : `${fn}: by "${by}" is not a categorical attribute of the definition; declare it in attributes as 'category'`,
      );
    }
    return { kind: 'category', ...found };
  }
  if (by === null || typeof by !== 'object' || Array.isArray(by) || typeof (by as { attribute?: unknown }).attribute !== 'string') {
    throw new TypeError(`${fn}: by must name a categorical attribute or be a size grouping { attribute, breaks, labels? }, got ${describeValue(by)}`);
  }
  const spec = by as SizeGrouping;
  if ('split' in spec) {
    throw new TypeError(
      `${fn}: by { attribute: "${spec.attribute}", split: 'median' } needs the median of the data, which the query does not compute; find the cut point first (e.g. SELECT median(...) in the engine) and pass it as breaks: [cut], with labels if you want the median split's own`,
    );
  }
  const column = numericColumns.get(spec.attribute);
  if (column === undefined) {
    throw new RangeError(`${fn}: by.attribute "${spec.attribute}" is not a numeric attribute of the definition; declare it in attributes as 'number'`);
  }
  let cut: { labels: readonly string[]; breaks: readonly number[] };
  try {
    cut = sizeGroups([], { breaks: spec.breaks, ...(spec.labels === undefined ? {} : { labels: spec.labels }) });
  } catch (error) {
    if (error instanceof Error) error.message = error.message.replace(/^sizeGroups/, `${fn}: by`);
    throw error;
  }
  return { kind: 'size', name: spec.attribute, column, breaks: cut.breaks, labels: cut.labels };
}
