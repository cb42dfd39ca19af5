/**
 * The part of a survey definition the SQL summary reads, checked once for `summaryQuery` and
 * `summaryFromRows` so that both agree on the layout of the result rows. Internal.
 */
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
  /** The categorical attribute grouped by, with its source column. */
  readonly by: { readonly name: string; readonly column: string } | null;
  /** Pairs as item positions. */
  readonly pairs: readonly (readonly [number, number])[];
  readonly unknown: 'error' | 'missing';
}

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
  let group: SummaryPlan['by'] = null;
  if (by !== undefined) {
    if (typeof by !== 'string') throw new TypeError(`${fn}: by must name a categorical attribute, got ${describeValue(by)}`);
    const found = attributes.find((a) => a.name === by);
    if (found === undefined) {
      const kind = kinds.get(by);
      throw new RangeError(
        kind === 'number'
          ? `${fn}: by "${by}" is a numeric attribute; the SQL summary groups by a categorical attribute, so derive the size group in the engine (a CASE expression in a view) and declare it as 'category'`
          : `${fn}: by "${by}" is not a categorical attribute of the definition; declare it in attributes as 'category'`,
      );
    }
    group = found;
  }
  const items = def.items;
  const index = new Map(items.map((item, i) => [item.id, i] as const));
  const resolved: (readonly [number, number])[] = [];
  if (pairs !== undefined) {
    if (!Array.isArray(pairs)) throw new TypeError(`${fn}: pairs must be an array of [x, y] item ids, got ${describeValue(pairs)}`);
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
