import { subsetColumn } from './subsetColumn';
import type { Scale } from '../scale/types';
import type { ColumnCounts, LikertColumn } from './types';

/** A respondent id that occurred more than once, and what was done. */
export interface DuplicateId {
  readonly id: string;
  /** Zero-based input rows holding it. */
  readonly rows: readonly number[];
  /** The row kept (under `'first'` / `'last'`). */
  readonly kept: number;
}

/** What a survey knows about one of its items. */
export interface SurveyItem<I extends string = string> {
  readonly id: I;
  readonly column: string;
  readonly label: string;
  readonly group: string | null;
  readonly topic: string | null;
  readonly reverse: boolean;
  readonly scale: Scale;
  /** How every cell of the item was accounted for. */
  readonly n: ColumnCounts;
}

/**
 * A coded survey: respondents × items (coded once into Likert columns), typed attributes and
 * optional weights. Made by {@link survey}.
 */
export interface Survey<I extends string = string> {
  readonly kind: 'survey';
  /** Respondents (after the duplicates policy). */
  readonly size: number;
  /** Respondent ids, in input order. */
  readonly ids: readonly string[];
  /** The items, in definition order. */
  readonly items: readonly SurveyItem<I>[];
  /** Attribute names and kinds. */
  readonly attributes: Readonly<Record<string, 'number' | 'category'>>;
  /** Respondent weights, or null for an unweighted survey. Read-only: a copy is attached to each item. */
  readonly weights: Float64Array | null;
  /** Repeated ids found in the input and how they were resolved (empty under `'error'`). */
  readonly duplicates: readonly DuplicateId[];
  /** The coded column of an item (a fresh copy), carrying the survey's weights when it has them. */
  item(id: I): LikertColumn;
  /**
   * Numeric values by name, as a new array: an item's codes (NaN for "ved ikke", missing and
   * invalid) or a numeric attribute (NaN where missing).
   */
  numeric(name: string): Float64Array;
  /** A categorical attribute's values (null where missing), as a new array. */
  category(name: string): readonly (string | null)[];
  /** The respondents for which `keep` is true, as a new survey (for filters in dashboards). */
  filter(keep: ArrayLike<boolean> | ((index: number) => boolean)): Survey<I>;
  /** The respondents whose categorical attribute `name` equals `value` (or one of `value`). */
  where(name: string, value: string | readonly string[]): Survey<I>;
}


/** What a survey holds once read: the coded columns, attributes and weights, by name. Internal. */
export interface SurveyState<I extends string> {
  readonly ids: string[];
  readonly items: SurveyItem<I>[];
  readonly columns: Map<string, LikertColumn>;
  readonly numbers: Map<string, Float64Array>;
  readonly categories: Map<string, (string | null)[]>;
  readonly attributes: Record<string, 'number' | 'category'>;
  readonly weights: Float64Array | null;
  readonly duplicates: DuplicateId[];
}


/**
 * Builds the frozen survey object over a read state. Internal: `survey()` and the survey's own
 * subsets call it.
 */
export function makeSurvey<I extends string>(state: SurveyState<I>): Survey<I> {
  const { ids, items, columns, numbers, categories, attributes, weights, duplicates } = state;
  const names = (): string => [...columns.keys(), ...numbers.keys(), ...categories.keys()].map((n) => `"${n}"`).join(', ');
  const itemColumn = (id: string): LikertColumn => {
    const column = columns.get(id);
    if (column === undefined) {
      throw new RangeError(`survey.item: no item "${id}"; the items are ${[...columns.keys()].map((n) => `"${n}"`).join(', ')}`);
    }
    // A fresh column with its own copies of the codes and weights (one pass each), so that
    // writing into the typed arrays cannot change the survey or a later call.
    return Object.freeze({
      ...column,
      codes: column.codes.slice(),
      ...(weights === null ? {} : { weights: weights.slice() }),
    });
  };

  const subset = (rows: number[]): Survey<I> => {
    const newColumns = new Map<string, LikertColumn>();
    for (const [id, column] of columns) newColumns.set(id, subsetColumn(column, rows));
    const newNumbers = new Map<string, Float64Array>();
    for (const [name, values] of numbers) newNumbers.set(name, Float64Array.from(rows, (i) => values[i] as number));
    const newCategories = new Map<string, (string | null)[]>();
    for (const [name, values] of categories) newCategories.set(name, rows.map((i) => values[i] as string | null));
    return makeSurvey({
      ids: rows.map((i) => ids[i] as string),
      items: items.map((item) => ({ ...item, n: (newColumns.get(item.id) as LikertColumn).n })),
      columns: newColumns,
      numbers: newNumbers,
      categories: newCategories,
      attributes,
      weights: weights === null ? null : Float64Array.from(rows, (i) => weights[i] as number),
      duplicates,
    });
  };

  return Object.freeze({
    kind: 'survey' as const,
    size: ids.length,
    ids,
    items,
    attributes,
    weights,
    duplicates,
    item: itemColumn,
    numeric(name: string): Float64Array {
      const values = numbers.get(name);
      if (values !== undefined) return values.slice(); // a copy: the survey's own stays as read
      const column = columns.get(name);
      if (column !== undefined) {
        const k = column.scale.levels.length;
        const out = new Float64Array(column.codes.length);
        for (let i = 0; i < out.length; i++) {
          const c = column.codes[i] as number;
          out[i] = c >= 0 && c < k ? (column.scale.codes[c] as number) : NaN;
        }
        return out;
      }
      throw new RangeError(`survey.numeric: no item or numeric attribute "${name}"; known: ${names()}`);
    },
    category(name: string): readonly (string | null)[] {
      const values = categories.get(name);
      if (values === undefined) {
        throw new RangeError(`survey.category: no categorical attribute "${name}"; known: ${[...categories.keys()].map((n) => `"${n}"`).join(', ') || 'none'}`);
      }
      return values.slice(); // a copy: the survey's own stays as read
    },
    filter(keep: ArrayLike<boolean> | ((index: number) => boolean)): Survey<I> {
      const rows: number[] = [];
      if (typeof keep === 'function') {
        for (let i = 0; i < ids.length; i++) if (keep(i)) rows.push(i);
      } else {
        if (keep === null || typeof keep !== 'object' || keep.length !== ids.length) {
          throw new RangeError(`survey.filter: keep must be a function or ${ids.length} booleans, one per respondent`);
        }
        for (let i = 0; i < ids.length; i++) if (keep[i]) rows.push(i);
      }
      return subset(rows);
    },
    where(name: string, value: string | readonly string[]): Survey<I> {
      const values = categories.get(name);
      if (values === undefined) {
        throw new RangeError(`survey.where: no categorical attribute "${name}"; known: ${[...categories.keys()].map((n) => `"${n}"`).join(', ') || 'none'}`);
      }
      const wanted = new Set(typeof value === 'string' ? [value] : value);
      const rows: number[] = [];
      values.forEach((v, i) => {
        if (v !== null && wanted.has(v)) rows.push(i);
      });
      return subset(rows);
    },
  });
}
