import { describeValue } from '../internal/validate';
import { describeCell, readCategoryKey } from './keys';
import { columnCodes, sealColumn, sealMaskedColumn } from './columnData';
import {
  collapseMapping,
  combinationValues,
  readCombinationsOptions,
  readRecodeOptions,
  recodeValues,
  type CollapseOptions,
  type CombinationsOptions,
  type RecodeOptions,
} from './derive';
import { subsetCoded, type CodedMultiSelect } from './multiSelectCoding';
import type { ReadMultiSelect, SurveyMultiSelect } from './multiSelectDefinition';
import { bitsetPositions, popcount } from '../engine/planes';
import { maskedCounts } from '../engine/maskedTally';
import type { Scale } from '../scale/types';
import type { ColumnCounts, LikertColumn } from './types';
import { attachDesign, viewDesign, type ColumnDesign, type DesignState } from './design';

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
 * New weights for {@link Survey.withWeights}: one number per respondent (an array or typed
 * array), the result of `postStratify` or `rake` (its `weights`, checked against its `ids`
 * when it has them), or `null` for an unweighted survey.
 */
export type SurveyWeights =
  | ArrayLike<number>
  | {
      readonly weights: ArrayLike<number>;
      readonly ids?: readonly string[];
      /** The calibration (a `postStratify` or `rake` result's), kept so that variances are those of the calibrated design. */
      readonly calibration?: {
        readonly method: 'post-stratification' | 'raking';
        readonly groups: readonly (readonly number[])[];
        /** A raking stopped before converging: each margin's weights of the last cycle (as `rake` gives them). */
        readonly marginWeights?: readonly (readonly number[])[];
      };
    }
  | null;

/**
 * A coded survey: respondents × items (coded once into Likert columns), typed attributes,
 * multi-select questions and optional weights. Made by {@link survey}; never changed: a filter,
 * a recode or new weights give a new survey, and nothing it hands out can change it.
 */
export interface Survey<I extends string = string> {
  readonly kind: 'survey';
  /** Respondents (after the duplicates policy). */
  readonly size: number;
  /** Respondent ids, in input order (a frozen array). */
  readonly ids: readonly string[];
  /** The items, in definition order (frozen, as is each item and its `n`). */
  readonly items: readonly SurveyItem<I>[];
  /** Attribute names and kinds (frozen). */
  readonly attributes: Readonly<Record<string, 'number' | 'category'>>;
  /** The multi-select questions, in definition order (frozen). */
  readonly multiSelect: readonly SurveyMultiSelect[];
  /** Respondent weights (a fresh copy on every read), or null for an unweighted survey. */
  readonly weights: Float64Array | null;
  /** Repeated ids found in the input and how they were resolved (empty under `'error'`). */
  readonly duplicates: readonly DuplicateId[];
  /**
   * The coded column of an item, carrying the survey's weights when it has them. The same
   * frozen object on every call; its `codes` and `weights` are getters that return copies, so
   * writing into them cannot change the survey.
   */
  item(id: I): LikertColumn;
  /**
   * Numeric values by name, as a new array: an item's codes (NaN for "ved ikke", missing and
   * invalid) or a numeric attribute (NaN where missing).
   */
  numeric(name: string): Float64Array;
  /** A categorical attribute's values (null where missing), as a new array. */
  category(name: string): readonly (string | null)[];
  /** The respondents for which `keep` is true, as a new survey: items, attributes, weights and multi-select alike. */
  filter(keep: ArrayLike<boolean> | ((index: number) => boolean)): Survey<I>;
  /**
   * The respondents whose categorical attribute `name` equals `value` (or one of `value`). The
   * values are read with `categoryKey`, as the stored categories were: trimmed and in NFC (a
   * decomposed "Sjælland" finds the composed one), a number as its digits (`101` finds `"101"`).
   */
  where(name: string, value: string | readonly string[]): Survey<I>;
  /**
   * The same respondents with other weights, as a new survey (this one is unchanged): one
   * finite weight >= 0 per respondent, `postStratify(…)` / `rake(…)` results, or `null`. A
   * result keeps its calibration, so that standard errors are those of the post-stratified or
   * raked design (R's `svymean` on it); the design's strata, clusters and fpc are kept, and this
   * survey's respondents become the design's units (weighting a subset makes it the design).
   */
  withWeights(weights: SurveyWeights): Survey<I>;
  /** A new survey whose categorical attribute `name` (or `options.as`) holds recoded categories. */
  recode(name: string, mapping: Readonly<Record<string, string | null>>, options?: RecodeOptions): Survey<I>;
  /** A new survey whose categorical attribute `name` (or `options.as`) holds the collapsed groups. */
  collapse(name: string, groups: Readonly<Record<string, readonly string[]>>, options?: CollapseOptions): Survey<I>;
  /** A new survey with a categorical attribute `options.as` made from the exact set of options ticked. */
  combinations(id: string, options: CombinationsOptions): Survey<I>;
}

/** Consecutive numeric ids: start, start + 1, …, start + length − 1. Internal. */
export interface IdRange {
  readonly start: number;
  readonly length: number;
}

/** What a survey holds once read: the coded columns, attributes and weights, by name. Internal. */
export interface SurveyState<I extends string> {
  /** The ids' text keys, or numeric ids as doubles (each finite) or as a run, whose keys are made on demand. */
  readonly ids: string[] | Float64Array | IdRange;
  readonly items: SurveyItem<I>[];
  readonly columns: Map<string, LikertColumn>;
  readonly numbers: Map<string, Float64Array>;
  readonly categories: Map<string, (string | null)[]>;
  readonly attributes: Record<string, 'number' | 'category'>;
  readonly weights: Float64Array | null;
  /** The sampling design over the rows (null: none; a weighted survey without one has weights only). */
  readonly design?: DesignState | null;
  readonly duplicates: DuplicateId[];
  /** The declared multi-select questions, coded, by id. */
  readonly multiSelect?: ReadonlyMap<string, ReadMultiSelect>;
}

/**
 * The data every subset of one survey shares, in the order it was read (base positions).
 * Never changed after construction: a derived variable makes a new `SurveyData`.
 */
interface SurveyData<I extends string> {
  readonly length: number;
  /** The respondent ids' keys, made on first use (numeric ids are held as doubles until then). */
  ids(): readonly string[];
  readonly items: readonly SurveyItem<I>[];
  readonly columns: ReadonlyMap<string, LikertColumn>;
  readonly numbers: ReadonlyMap<string, Float64Array>;
  readonly categories: ReadonlyMap<string, readonly (string | null)[]>;
  readonly attributes: Readonly<Record<string, 'number' | 'category'>>;
  readonly multiSelect: ReadonlyMap<string, ReadMultiSelect>;
  readonly multiSelectList: readonly SurveyMultiSelect[];
  readonly duplicates: readonly DuplicateId[];
}

/**
 * A survey's view of its data: its respondents as a bitset over the base rows (null: all), in
 * base order, and its weights. A filter makes a new mask, never a copy of the columns.
 */
interface View<I extends string> {
  readonly data: SurveyData<I>;
  /** Bit i set: base row i is a respondent of this view. */
  readonly mask: Int32Array | null;
  /** Respondents of this view (set bits of the mask). */
  readonly size: number;
  /** The respondents as ascending base positions, made on first call (null: all). */
  positions(): Int32Array | null;
  /** Weights over the base rows (rows outside the view are never read), or null. */
  readonly weights: Float64Array | null;
  /** The sampling design over the base rows (null: none). */
  readonly design: DesignState | null;
  /** Coded multi-select questions of this view, made on first use. */
  readonly questions: Map<string, CodedMultiSelect>;
}

/** Surveys → their views. Module-private; {@link surveyQuestion} is the only way in. */
const views = new WeakMap<object, View<string>>();

/** True when `value` is a survey made by {@link survey}. Internal. */
export function isSurveyObject(value: unknown): value is Survey {
  return value !== null && typeof value === 'object' && views.has(value);
}

/**
 * The coded cells of a survey's multi-select question, one row per respondent of the survey.
 * Internal: the describe functions read questions through it. Read only.
 *
 * @throws RangeError naming the known questions when there is no question `id`
 */
export function surveyQuestion(fn: string, s: Survey, id: string): { meta: SurveyMultiSelect; coded: CodedMultiSelect } {
  const view = views.get(s);
  if (view === undefined) throw new TypeError(`${fn}: expected a survey made by survey(), got ${describeValue(s)}`);
  const question = view.data.multiSelect.get(id);
  if (question === undefined) {
    const known = [...view.data.multiSelect.keys()].map((k) => `"${k}"`).join(', ');
    throw new RangeError(
      `${fn}: the survey has no multi-select question ${describeValue(id)}; ${known ? `its questions are ${known}` : "it declares none: add survey({ multiSelect: [{ id, columns }] })"}`,
    );
  }
  let coded = view.questions.get(id);
  if (coded === undefined) {
    const positions = view.positions();
    coded = positions === null ? question.coded : subsetCoded(question.coded, positions);
    view.questions.set(id, coded);
  }
  return { meta: question.meta, coded };
}

/**
 * A new survey with numeric attribute `name` holding `values` (one per respondent of `s`, NaN
 * for missing); `s` is unchanged. Internal: `scaleIndex` (likertkit/reliability) adds its index
 * column through it. Throws when `name` is already an item, attribute or question.
 */
export function surveyWithNumber<I extends string>(fn: string, s: Survey<I>, name: string, values: Float64Array): Survey<I> {
  const view = views.get(s) as View<I> | undefined;
  if (view === undefined) throw new TypeError(`${fn}: expected a survey made by survey(), got ${describeValue(s)}`);
  const { data, mask, size, weights, design } = view;
  if (Object.prototype.hasOwnProperty.call(data.attributes, name) || data.columns.has(name) || data.multiSelect.has(name)) {
    throw new RangeError(`${fn}: ${describeValue(name)} is already an item, attribute or question of the survey; choose another name`);
  }
  // Stored in base positions; respondents outside this view stay missing (never reachable from it).
  const rows = view.positions();
  let stored: Float64Array;
  if (rows === null) stored = values.slice();
  else {
    stored = new Float64Array(data.length).fill(NaN);
    for (let r = 0; r < rows.length; r++) stored[rows[r] as number] = values[r] as number;
  }
  const numbers = new Map(data.numbers);
  numbers.set(name, stored);
  const attributes: Record<string, 'number' | 'category'> = { ...data.attributes };
  Object.defineProperty(attributes, name, { value: 'number', enumerable: true, writable: true, configurable: true });
  return makeView({ ...data, numbers, attributes: Object.freeze(attributes) }, mask, size, weights, design);
}

/** What the engine reads of a survey: the base columns and the survey's respondents among their rows. Internal. */
export interface SurveyFrame {
  /** The items' base columns (all respondents the survey was read with), by id. */
  readonly columns: ReadonlyMap<string, LikertColumn>;
  /** Rows of the base columns. */
  readonly length: number;
  /** Respondents of this survey. */
  readonly size: number;
  /** The survey's respondents as base positions, ascending (null: all), made once per survey. Read only. */
  rows(): Int32Array | null;
  /** The survey's respondents as a bitset over the base rows (null: all). Read only. */
  mask(): Int32Array | null;
}

/**
 * The base columns of a survey and its filter, for the engine's kernels (`src/engine/`), which
 * read the base arrays under the filter instead of copying columns. Internal.
 */
export function surveyFrame(s: Survey): SurveyFrame {
  const view = views.get(s);
  if (view === undefined) throw new TypeError(`surveyFrame: expected a survey made by survey(), got ${describeValue(s)}`);
  return {
    columns: view.data.columns,
    length: view.data.length,
    size: view.size,
    rows: view.positions,
    mask: () => view.mask,
  };
}

/**
 * Builds the frozen survey object over a read state. Internal: `survey()` calls it. The state's
 * arrays are taken over: the caller must not change them afterwards.
 */
export function makeSurvey<I extends string>(state: SurveyState<I>): Survey<I> {
  const multiSelect = state.multiSelect ?? new Map<string, ReadMultiSelect>();
  // Text ids may be the caller's own array and are copied; numeric ids are survey()'s own copy
  // (or run), their text made when first asked for.
  const given = Array.isArray(state.ids) ? state.ids.slice() : state.ids;
  let ids: readonly string[] | undefined = Array.isArray(given) ? Object.freeze(given) : undefined;
  const numericKeys = (): string[] => {
    if (given instanceof Float64Array) return Array.from(given, (id) => readCategoryKey(id) as string);
    const { start } = given as IdRange;
    return Array.from({ length: given.length }, (_, i) => readCategoryKey(start + i) as string);
  };
  const data: SurveyData<I> = {
    length: given.length,
    ids: () => (ids ??= Object.freeze(numericKeys())),
    items: Object.freeze(state.items.map((item) => Object.freeze({ ...item, n: Object.freeze({ ...item.n }) }))),
    columns: state.columns,
    numbers: state.numbers,
    categories: state.categories,
    attributes: Object.freeze({ ...state.attributes }),
    multiSelect,
    multiSelectList: Object.freeze([...multiSelect.values()].map((q) => q.meta)),
    duplicates: Object.freeze(state.duplicates.map((d) => Object.freeze({ ...d, rows: Object.freeze([...d.rows]) }))),
  };
  return makeView(data, null, data.length, state.weights === null ? null : state.weights.slice(), state.weights === null ? null : (state.design ?? null));
}

const quote = (names: Iterable<string>): string => [...names].map((n) => `"${n}"`).join(', ');

function makeView<I extends string>(data: SurveyData<I>, mask: Int32Array | null, size: number, weights: Float64Array | null, design: DesignState | null): Survey<I> {
  let positionsCache: Int32Array | null | undefined;
  /** The respondents as ascending base positions (null: all), made once. */
  const positions = (): Int32Array | null => {
    if (positionsCache === undefined) positionsCache = mask === null ? null : bitsetPositions(mask, size);
    return positionsCache;
  };
  const view: View<I> = { data, mask, size, positions, weights, design, questions: new Map() };
  const itemCache = new Map<string, LikertColumn>();
  let designCache: ColumnDesign | undefined;
  const columnsDesign = (): ColumnDesign => (designCache ??= viewDesign(design as DesignState, weights as Float64Array, positions(), data.length));
  let idsCache: readonly string[] | undefined;
  let itemsCache: readonly SurveyItem<I>[] | undefined;

  /** Values of a base-ordered array for this view's respondents. */
  const pickRows = <T>(values: ArrayLike<T>): T[] => {
    const rows = positions();
    if (rows === null) return Array.from(values);
    const out = new Array<T>(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = values[rows[r] as number] as T;
    return out;
  };

  const itemColumn = (id: string): LikertColumn => {
    const cached = itemCache.get(id);
    if (cached !== undefined) return cached;
    const base = data.columns.get(id);
    if (base === undefined) {
      throw new RangeError(`survey.item: no item ${describeValue(id)}; the items are ${quote(data.columns.keys())}`);
    }
    let column: LikertColumn;
    if (mask === null) {
      column = sealColumn({ scale: base.scale, codes: columnCodes(base), n: base.n, label: base.label, weights: weights ?? undefined });
    } else {
      // The base codes under this view's mask: counted here, copied only if someone asks.
      const codes = columnCodes(base);
      const source = { codes, weights: weights ?? undefined, mask, positions };
      column = sealMaskedColumn({ scale: base.scale, source, n: maskedCounts(codes, mask, positions, size, base.scale.levels.length, base.scale.categories.length), label: base.label });
    }
    if (design !== null && weights !== null) attachDesign(column, columnsDesign);
    itemCache.set(id, column);
    return column;
  };

  /** The base-ordered values of categorical attribute `name`. */
  const categoryBase = (fn: string, name: string): readonly (string | null)[] => {
    const values = data.categories.get(name);
    if (values === undefined) {
      const kind = data.attributes[name];
      const hint = Object.prototype.hasOwnProperty.call(data.attributes, name) && kind === 'number' ? ` ("${name}" is numeric)` : '';
      throw new RangeError(`${fn}: no categorical attribute ${describeValue(name)}${hint}; known: ${quote(data.categories.keys()) || 'none'}`);
    }
    return values;
  };
  const categoryValues = (fn: string, name: string): (string | null)[] => pickRows(categoryBase(fn, name));

  /** A new survey over `data` extended with categorical attribute `name` (view-ordered values). */
  const withCategory = (fn: string, name: string, values: readonly (string | null)[], replaces: string | undefined): Survey<I> => {
    const clash = name !== replaces && (Object.prototype.hasOwnProperty.call(data.attributes, name) || data.columns.has(name) || data.multiSelect.has(name));
    if (clash) {
      throw new RangeError(`${fn}: ${describeValue(name)} is already an item, attribute or question of the survey; choose another name with { as }`);
    }
    // Stored in base positions; respondents outside this view are never reachable from it or
    // from its subsets, so they are left missing.
    let stored: (string | null)[];
    const rows = positions();
    if (rows === null) stored = values.slice();
    else {
      stored = new Array<string | null>(data.length).fill(null);
      for (let r = 0; r < rows.length; r++) stored[rows[r] as number] = values[r] as string | null;
    }
    const categories = new Map(data.categories);
    categories.set(name, Object.freeze(stored));
    const attributes: Record<string, 'number' | 'category'> = { ...data.attributes };
    Object.defineProperty(attributes, name, { value: 'category', enumerable: true, writable: true, configurable: true });
    return makeView({ ...data, categories, attributes: Object.freeze(attributes) }, mask, size, weights, design);
  };

  const survey: Survey<I> = {
    kind: 'survey' as const,
    size,
    get ids(): readonly string[] {
      idsCache ??= mask === null ? data.ids() : Object.freeze(pickRows(data.ids()));
      return idsCache;
    },
    get items(): readonly SurveyItem<I>[] {
      itemsCache ??=
        mask === null
          ? data.items
          : Object.freeze(data.items.map((item) => Object.freeze({ ...item, n: itemColumn(item.id).n })));
      return itemsCache;
    },
    attributes: data.attributes,
    multiSelect: data.multiSelectList,
    get weights(): Float64Array | null {
      if (weights === null) return null;
      return mask === null ? weights.slice() : Float64Array.from(pickRows(weights));
    },
    duplicates: data.duplicates,
    item: itemColumn,
    numeric(name: string): Float64Array {
      const values = data.numbers.get(name);
      if (values !== undefined) return Float64Array.from(pickRows(values));
      const column = data.columns.get(name);
      if (column !== undefined) {
        // The base codes at this view's positions: no column is copied first.
        const codes = columnCodes(column);
        const rows = positions();
        const k = column.scale.levels.length;
        const out = new Float64Array(size);
        for (let r = 0; r < size; r++) {
          const c = codes[rows === null ? r : (rows[r] as number)] as number;
          out[r] = c >= 0 && c < k ? (column.scale.codes[c] as number) : NaN;
        }
        return out;
      }
      throw new RangeError(
        `survey.numeric: no item or numeric attribute ${describeValue(name)}; known: ${quote([...data.columns.keys(), ...data.numbers.keys()])}`,
      );
    },
    category(name: string): readonly (string | null)[] {
      return categoryValues('survey.category', name);
    },
    filter(keep: ArrayLike<boolean> | ((index: number) => boolean)): Survey<I> {
      if (typeof keep !== 'function' && (keep === null || typeof keep !== 'object' || keep.length !== size)) {
        throw new RangeError(`survey.filter: keep must be a function or ${size} booleans, one per respondent`);
      }
      // The kept respondents' base positions go straight into a new mask over the same arrays.
      const rows = positions();
      const next = new Int32Array((data.length + 31) >>> 5);
      let count = 0;
      if (typeof keep === 'function') {
        for (let i = 0; i < size; i++) {
          if (!keep(i)) continue;
          const b = rows === null ? i : (rows[i] as number);
          next[b >>> 5]! |= 1 << (b & 31);
          count++;
        }
      } else if (rows === null) {
        // Over all rows, 32 booleans make one word, written once.
        for (let w = 0; w < next.length; w++) {
          const start = w << 5;
          const end = Math.min(size, start + 32);
          let word = 0;
          for (let i = start; i < end; i++) if (keep[i]) word |= 1 << (i & 31);
          next[w] = word;
          count += popcount(word);
        }
      } else {
        for (let i = 0; i < size; i++) {
          if (!keep[i]) continue;
          const b = rows[i] as number;
          next[b >>> 5]! |= 1 << (b & 31);
          count++;
        }
      }
      return makeView(data, next, count, weights, design);
    },
    where(name: string, value: string | readonly string[]): Survey<I> {
      const fn = 'survey.where';
      const base = categoryBase(fn, name);
      // The stored categories are category keys (trimmed, NFC), so the caller's values are read
      // the same way: a decomposed "Sjælland" or " Nord " finds the stored category.
      const wanted = new Set<string>();
      const given: readonly unknown[] = typeof value === 'string' || !Array.isArray(value) ? [value] : value;
      for (const raw of given) {
        const key = readCategoryKey(raw);
        if (key === undefined) {
          throw new TypeError(`${fn}: ${describeCell(raw)} is not a category of "${name}"; pass the category as text`);
        }
        if (key !== null) wanted.add(key);
      }
      // Each category's respondents are a bitset over the base rows, made once per attribute
      // and category: the new mask is the OR of the wanted ones, ANDed with this view's mask.
      const found = categoryIndices(base);
      const parts: Int32Array[] = [];
      for (const key of wanted) {
        const number = found.numbers.get(key);
        if (number !== undefined) parts.push(categoryBitset(found, number));
      }
      const words = (data.length + 31) >>> 5;
      let next: Int32Array;
      let count = 0;
      if (parts.length === 1 && mask === null) {
        // One category of the whole survey: its bitset as it is (copied: a mask is never shared).
        const part = parts[0] as Int32Array;
        next = part.slice();
        count = categorySize(found, part);
      } else if (parts.length === 1 && mask !== null) {
        // One category of a filtered survey (a dashboard's second filter): one pass, AND and count.
        const part = parts[0] as Int32Array;
        next = new Int32Array(words);
        for (let w = 0; w < words; w++) {
          const word = (part[w] as number) & (mask[w] as number);
          next[w] = word;
          count += popcount(word);
        }
      } else {
        next = new Int32Array(words);
        for (const part of parts) for (let w = 0; w < words; w++) next[w]! |= part[w] as number;
        if (mask === null) for (let w = 0; w < words; w++) count += popcount(next[w] as number);
        else {
          for (let w = 0; w < words; w++) {
            const word = (next[w] as number) & (mask[w] as number);
            next[w] = word;
            count += popcount(word);
          }
        }
      }
      return makeView(data, next, count, weights, design);
    },
    withWeights(input: SurveyWeights): Survey<I> {
      const fn = 'survey.withWeights';
      const given = readNewWeights(fn, input, size, () => survey.ids);
      if (given === null) return makeView(data, mask, size, null, null);
      const rows = positions();
      // Kept over the base rows, so that subsets of the new survey share them.
      const spread = (values: ArrayLike<number>, out: Float64Array | Int32Array): typeof out => {
        for (let r = 0; r < size; r++) out[rows === null ? r : (rows[r] as number)] = values[r] as number;
        return out;
      };
      const calibration = readCalibration(fn, input, size);
      // The design's units are this survey's respondents: weighting a subset makes it the design.
      const next: DesignState = {
        strata: design?.strata ?? null,
        cluster: design?.cluster ?? null,
        fpc: design?.fpc ?? null,
        calibration:
          calibration === null
            ? null
            : {
                raking: calibration.raking,
                groups: calibration.groups.map((g) => spread(g, new Int32Array(data.length)) as Int32Array),
                marginWeights: calibration.marginWeights === null ? null : calibration.marginWeights.map((w) => spread(w, new Float64Array(data.length)) as Float64Array),
              },
        units: rows,
        ...(design?.lonelyPsu === undefined ? {} : { lonelyPsu: design.lonelyPsu }),
        ...(design?.adjustDomainLonely === true ? { adjustDomainLonely: true } : {}),
      };
      return makeView(data, mask, size, rows === null ? given : (spread(given, new Float64Array(data.length)) as Float64Array), next);
    },
    recode(name: string, mapping: Readonly<Record<string, string | null>>, options?: RecodeOptions): Survey<I> {
      const fn = 'survey.recode';
      const { as, unmapped } = readRecodeOptions(fn, options);
      const values = recodeValues(fn, name, categoryValues(fn, name), mapping, unmapped);
      return withCategory(fn, as ?? name, values, name);
    },
    collapse(name: string, groups: Readonly<Record<string, readonly string[]>>, options?: CollapseOptions): Survey<I> {
      const fn = 'survey.collapse';
      const { as, unmapped } = readRecodeOptions(fn, options);
      const values = recodeValues(fn, name, categoryValues(fn, name), collapseMapping(fn, groups), unmapped);
      return withCategory(fn, as ?? name, values, name);
    },
    combinations(id: string, options: CombinationsOptions): Survey<I> {
      const fn = 'survey.combinations';
      const checked = readCombinationsOptions(fn, options);
      const { coded } = surveyQuestion(fn, survey, id);
      return withCategory(fn, checked.as, combinationValues(fn, id, coded, checked), undefined);
    },
  };
  Object.freeze(survey);
  views.set(survey, view as unknown as View<string>);
  return survey;
}

/** A categorical attribute's values as numbers: 0 for null, 1… for the categories in order of first appearance. */
interface CategoryIndices {
  readonly indices: Uint32Array;
  readonly numbers: ReadonlyMap<string, number>;
  /** Category number → its respondents as a bitset over the base rows, made on first use. */
  readonly bitsets: Map<number, Int32Array>;
  /** A category bitset → its set bits, counted on first use. */
  readonly sizes: WeakMap<Int32Array, number>;
}

/** The respondents of category `number` as a bitset over the base rows (made once, then shared; read only). */
function categoryBitset(found: CategoryIndices, number: number): Int32Array {
  let bits = found.bitsets.get(number);
  if (bits === undefined) {
    const { indices } = found;
    bits = new Int32Array((indices.length + 31) >>> 5);
    for (let i = 0; i < indices.length; i++) if (indices[i] === number) bits[i >>> 5]! |= 1 << (i & 31);
    found.bitsets.set(number, bits);
  }
  return bits;
}

/** The set bits of a category's bitset, counted once. */
function categorySize(found: CategoryIndices, bits: Int32Array): number {
  let size = found.sizes.get(bits);
  if (size === undefined) {
    size = 0;
    for (let w = 0; w < bits.length; w++) size += popcount(bits[w] as number);
    found.sizes.set(bits, size);
  }
  return size;
}

/** Base-ordered category values → their numbers. Module-private cache; the value arrays are never changed. */
const categoryNumbers = new WeakMap<readonly (string | null)[], CategoryIndices>();

/** The numbers of a base-ordered categorical attribute, made on first use. */
function categoryIndices(values: readonly (string | null)[]): CategoryIndices {
  let found = categoryNumbers.get(values);
  if (found === undefined) {
    const numbers = new Map<string, number>();
    const indices = new Uint32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as string | null;
      if (v === null) continue;
      let number = numbers.get(v);
      if (number === undefined) {
        number = numbers.size + 1;
        numbers.set(v, number);
      }
      indices[i] = number;
    }
    found = { indices, numbers, bitsets: new Map(), sizes: new WeakMap() };
    categoryNumbers.set(values, found);
  }
  return found;
}

/** The calibration groups of a `postStratify` / `rake` result, checked: one group index per respondent and margin. */
function readCalibration(
  fn: string,
  input: SurveyWeights,
  size: number,
): { raking: boolean; groups: readonly (readonly number[])[]; marginWeights: readonly (readonly number[])[] | null } | null {
  const calibration = input !== null && !isArrayLike(input) ? (input as { calibration?: unknown }).calibration : undefined;
  if (calibration === undefined) return null;
  const { method, groups, marginWeights } = (calibration ?? {}) as { method?: unknown; groups?: unknown; marginWeights?: unknown };
  if (
    (method !== 'post-stratification' && method !== 'raking') ||
    !Array.isArray(groups) ||
    !groups.every((g: unknown) => Array.isArray(g) && g.length === size && g.every((k: unknown) => Number.isInteger(k) && (k as number) >= 0))
  ) {
    throw new TypeError(`${fn}: weights.calibration must be { method: 'post-stratification' | 'raking', groups } with ${size} group indices per margin, as postStratify() and rake() return it`);
  }
  if (marginWeights !== undefined) {
    const valid =
      method === 'raking' &&
      Array.isArray(marginWeights) &&
      marginWeights.length === groups.length &&
      marginWeights.every((w: unknown) => Array.isArray(w) && w.length === size && w.every((v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0));
    if (!valid) {
      throw new TypeError(`${fn}: weights.calibration.marginWeights must be, for a raking, one array of ${size} finite weights >= 0 per margin (${(groups as unknown[]).length}), as rake() returns it`);
    }
  }
  return { raking: method === 'raking', groups: groups as number[][], marginWeights: (marginWeights as number[][] | undefined) ?? null };
}

/** Validates new weights: one finite number >= 0 per respondent, matching ids when given. */
function readNewWeights(fn: string, input: SurveyWeights, size: number, ids: () => readonly string[]): Float64Array | null {
  if (input === null) return null;
  let source: ArrayLike<unknown>;
  if (input !== undefined && typeof input === 'object' && !isArrayLike(input) && 'weights' in input) {
    const result = input as { weights: unknown; ids?: unknown };
    if (!isArrayLike(result.weights)) {
      throw new TypeError(`${fn}: weights.weights must be an array of numbers, got ${describeValue(result.weights)}`);
    }
    source = result.weights;
    if (Array.isArray(result.ids) && result.ids.length === size) {
      const own = ids();
      for (let i = 0; i < size; i++) {
        if (String(result.ids[i]) !== own[i]) {
          throw new RangeError(
            `${fn}: the weights are for other respondents: position ${i} has id ${describeValue(result.ids[i])} in the weights but "${own[i]}" in the survey; weight this survey (or the same subset of it)`,
          );
        }
      }
    }
  } else if (isArrayLike(input)) {
    source = input;
  } else {
    throw new TypeError(`${fn}: expected one weight per respondent (an array), a postStratify() or rake() result, or null; got ${describeValue(input)}`);
  }
  if (source.length !== size) {
    throw new RangeError(`${fn}: got ${source.length} weights for ${size} respondents; give one weight per respondent`);
  }
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const w = source[i];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new RangeError(`${fn}: weights[${i}] is ${describeValue(w)}; every weight must be a finite number >= 0`);
    }
    out[i] = w;
  }
  return out;
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const length = (value as { length?: unknown }).length;
  return typeof length === 'number' && Number.isInteger(length) && length >= 0;
}
