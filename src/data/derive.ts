/**
 * Derived categorical variables: recoded or collapsed categories and exclusive categories made
 * from multi-select combinations. The survey's `recode`, `collapse` and `combinations` call
 * these; they read values and return new arrays, never changing their input. Internal apart
 * from the option types, which `src/index.ts` re-exports.
 */
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { CELL_INVALID, CELL_MISSING, CELL_TICKED, type CodedMultiSelect } from './multiSelectCoding';
import { normalizeLabel } from '../scale/normalizeLabel';
import { readCategoryKey } from './keys';

/** What to do with a category that a recoding does not mention. */
export type UnmappedPolicy = 'error' | 'keep' | 'missing';

/** Options of `s.recode`. */
export interface RecodeOptions {
  /** Name of the new attribute; default: the recoded attribute itself is replaced in the new survey. */
  readonly as?: string;
  /**
   * A category the mapping does not name: `'error'` (default: one error lists every such
   * category with its count, so a misspelt key cannot slip through), `'keep'` (left as it is)
   * or `'missing'` (becomes missing).
   */
  readonly unmapped?: UnmappedPolicy;
}

/** Options of `s.collapse`: as for {@link RecodeOptions}. */
export type CollapseOptions = RecodeOptions;

/** Options of `s.combinations`. */
export interface CombinationsOptions {
  /** Name of the new categorical attribute (required). */
  readonly as: string;
  /**
   * The exclusive categories, each the exact set of options ticked, e.g.
   * `{ 'kun politisk': ['politisk'], 'kun administrativt': ['administrativt'], begge: ['politisk', 'administrativt'] }`.
   */
  readonly categories: Readonly<Record<string, readonly string[]>>;
  /** Category of a respondent who answered but ticked nothing; default `null` (missing). */
  readonly none?: string | null;
  /**
   * Category of a respondent whose exact set is none of `categories`; `null` makes them
   * missing. Default: an error listing every such combination with its count.
   */
  readonly other?: string | null;
}

const SHOW = 5;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function own(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Checks `{ as?, unmapped? }`; returns the policy. */
export function readRecodeOptions(fn: string, options: unknown): { as: string | undefined; unmapped: UnmappedPolicy } {
  if (options === undefined) return { as: undefined, unmapped: 'error' };
  if (!isRecord(options)) throw new TypeError(`${fn}: options must be an object such as { as: 'region2' }, got ${describeValue(options)}`);
  checkOptionKeys(fn, options, optionKeys<RecodeOptions>({ as: true, unmapped: true }));
  const { as, unmapped = 'error' } = options as { as?: unknown; unmapped?: unknown };
  if (as !== undefined && (typeof as !== 'string' || as === '')) {
    throw new TypeError(`${fn}: as must name the new attribute, got ${describeValue(as)}`);
  }
  if (unmapped !== 'error' && unmapped !== 'keep' && unmapped !== 'missing') {
    throw new RangeError(`${fn}: unmapped must be 'error', 'keep' or 'missing', got ${describeValue(unmapped)}`);
  }
  return { as: as as string | undefined, unmapped };
}

/**
 * Maps every value through `mapping` (own keys only, so a category named `constructor` or
 * `__proto__` is data); `null` in the mapping means missing. Values the mapping does not name
 * follow `unmapped`.
 */
export function recodeValues(
  fn: string,
  name: string,
  values: readonly (string | null)[],
  mapping: Readonly<Record<string, string | null>>,
  unmapped: UnmappedPolicy,
): (string | null)[] {
  if (!isRecord(mapping)) {
    throw new TypeError(`${fn}: the mapping must be an object old category → new category, got ${describeValue(mapping)}`);
  }
  // The mapping's keys and targets are category keys, as the survey's categories are (trimmed,
  // NFC), so an NFD or padded key finds its category and a target is stored as categoryKey reads it.
  const lookup = new Map<string, string | null>();
  for (const key of Object.keys(mapping)) {
    const target = mapping[key];
    const targetKey = typeof target === 'string' ? readCategoryKey(target) : null;
    if (target !== null && (typeof target !== 'string' || targetKey === null)) {
      throw new TypeError(`${fn}: the mapping of ${JSON.stringify(key)} must be a non-empty text or null (missing), got ${describeValue(target)}`);
    }
    const from = readCategoryKey(key);
    if (from === null || from === undefined) continue;
    if (lookup.has(from) && lookup.get(from) !== targetKey) {
      throw new RangeError(`${fn}: the mapping names the category ${JSON.stringify(from)} twice, with different targets; give it once`);
    }
    lookup.set(from, targetKey as string | null);
  }
  const out = new Array<string | null>(values.length);
  const unknown = new Map<string, number[]>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string | null;
    if (value === null) {
      out[i] = null;
    } else if (lookup.has(value)) {
      out[i] = lookup.get(value) as string | null;
    } else {
      if (unmapped === 'error') {
        const rows = unknown.get(value);
        if (rows === undefined) unknown.set(value, [i]);
        else rows.push(i);
      }
      out[i] = unmapped === 'keep' ? value : null;
    }
  }
  if (unknown.size > 0) {
    const list = [...unknown]
      .slice(0, 20)
      .map(([value, rows]) => `${JSON.stringify(value)} ×${rows.length} (respondents ${rows.slice(0, SHOW).join(', ')}${rows.length > SHOW ? ', …' : ''})`)
      .join('; ');
    throw new RangeError(
      `${fn}: ${unknown.size} ${unknown.size === 1 ? 'category' : 'categories'} of "${name}" ${unknown.size === 1 ? 'is' : 'are'} not in the mapping: ${list}${unknown.size > 20 ? '; …' : ''}; add ${unknown.size === 1 ? 'it' : 'them'}, or pass unmapped: 'keep' or 'missing'`,
    );
  }
  return out;
}

/** Turns `{ new: [old, …] }` into the mapping old → new, refusing an old category listed twice. */
export function collapseMapping(fn: string, groups: unknown): Record<string, string> {
  if (!isRecord(groups)) {
    throw new TypeError(`${fn}: groups must be an object new category → [old categories], got ${describeValue(groups)}`);
  }
  const mapping: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const target of Object.keys(groups)) {
    const members = groups[target];
    if (target.trim() === '') throw new RangeError(`${fn}: a new category name is empty; name every group`);
    if (!Array.isArray(members) || members.some((m) => typeof m !== 'string')) {
      throw new TypeError(`${fn}: group ${JSON.stringify(target)} must be an array of categories, got ${describeValue(members)}`);
    }
    for (const member of members as string[]) {
      const key = readCategoryKey(member) ?? '';
      if (own(mapping, key)) {
        throw new RangeError(
          `${fn}: category ${JSON.stringify(member)} is listed in both ${JSON.stringify(mapping[key])} and ${JSON.stringify(target)}; list each category in one group`,
        );
      }
      Object.defineProperty(mapping, key, { value: target, enumerable: true, writable: true, configurable: true });
    }
  }
  return mapping;
}

/** Checks the options of `combinations`. */
export function readCombinationsOptions(fn: string, options: unknown): CombinationsOptions {
  if (!isRecord(options)) {
    throw new TypeError(`${fn}: options { as, categories } are required, got ${describeValue(options)}`);
  }
  checkOptionKeys(fn, options, optionKeys<CombinationsOptions>({ as: true, categories: true, none: true, other: true }));
  const { as, categories, none, other } = options as Record<string, unknown>;
  if (typeof as !== 'string' || as === '') throw new TypeError(`${fn}: as must name the new attribute, got ${describeValue(as)}`);
  if (!isRecord(categories) || Object.keys(categories).length === 0) {
    throw new TypeError(`${fn}: categories must be an object category → [options ticked], got ${describeValue(categories)}`);
  }
  for (const [label, value] of [['none', none], ['other', other]] as const) {
    if (value !== undefined && value !== null && (typeof value !== 'string' || value.trim() === '')) {
      throw new TypeError(`${fn}: ${label} must be a category name or null, got ${describeValue(value)}`);
    }
  }
  return options as unknown as CombinationsOptions;
}

/**
 * Each respondent's exclusive category from the exact set of options ticked. A respondent
 * whose cells are all missing, or who has an unreadable cell, is missing; one who answered
 * with nothing ticked gets `none`; a set that is none of the categories gets `other` (an error
 * when `other` is not given).
 */
export function combinationValues(fn: string, id: string, coded: CodedMultiSelect, options: CombinationsOptions): (string | null)[] {
  const m = coded.options.length;
  const optionIndex = new Map(coded.options.map((o, j) => [normalizeLabel(o), j]));
  const byKey = new Map<string, string>();
  for (const category of Object.keys(options.categories)) {
    const members = options.categories[category];
    if (!Array.isArray(members) || members.length === 0 || members.some((o) => typeof o !== 'string')) {
      throw new TypeError(`${fn}: category ${JSON.stringify(category)} must list the options ticked (at least one), got ${describeValue(members)}`);
    }
    const indices = new Set<number>();
    for (const option of members as string[]) {
      const j = optionIndex.get(normalizeLabel(option));
      if (j === undefined) {
        throw new RangeError(
          `${fn}: category ${JSON.stringify(category)} names ${JSON.stringify(option)}, which is not an option of "${id}"; its options are ${coded.options.map((o) => JSON.stringify(o)).join(', ')}`,
        );
      }
      indices.add(j);
    }
    const key = [...indices].sort((a, b) => a - b).join(',');
    const earlier = byKey.get(key);
    if (earlier !== undefined) {
      throw new RangeError(`${fn}: categories ${JSON.stringify(earlier)} and ${JSON.stringify(category)} name the same set of options; merge them`);
    }
    byKey.set(key, category);
  }
  const out = new Array<string | null>(coded.respondents);
  const unmatched = new Map<string, number[]>();
  for (let i = 0; i < coded.respondents; i++) {
    const ticked: number[] = [];
    let present = false;
    let invalid = false;
    for (let j = 0; j < m; j++) {
      const state = coded.cells[i * m + j];
      if (state === CELL_TICKED) ticked.push(j);
      if (state === CELL_INVALID) invalid = true;
      if (state !== CELL_MISSING) present = true;
    }
    if (invalid || !present) out[i] = null;
    else if (ticked.length === 0) out[i] = options.none ?? null;
    else {
      const key = ticked.join(',');
      const category = byKey.get(key);
      if (category !== undefined) out[i] = category;
      else if (options.other !== undefined) out[i] = options.other;
      else {
        out[i] = null;
        const rows = unmatched.get(key);
        if (rows === undefined) unmatched.set(key, [i]);
        else rows.push(i);
      }
    }
  }
  if (unmatched.size > 0) {
    const list = [...unmatched]
      .map(([key, rows]) => `[${key.split(',').map((j) => JSON.stringify(coded.options[Number(j)])).join(', ')}] ×${rows.length}`)
      .join('; ');
    throw new RangeError(
      `${fn}: ${unmatched.size} ${unmatched.size === 1 ? 'combination' : 'combinations'} of "${id}" ${unmatched.size === 1 ? 'is' : 'are'} in no category: ${list}; add a category for ${unmatched.size === 1 ? 'it' : 'them'}, or pass other: 'Andet' (or other: null to make them missing)`,
    );
  }
  return out;
}
