/**
 * Option types of the one-call report and their checking. Internal helpers; the public types
 * are re-exported through `report.ts`.
 */
import type { Survey } from '../data/survey';
import type { SizeGrouping } from '../data/sizeGroups';
import type { MultiSelectInput } from '../describe/multiSelectInput';
import type { MultiSelectTableOptions } from '../describe/multiSelectTable';
import { PROPORTION_METHODS } from '../inference/proportionInterval';
import type { ProportionMethod } from '../inference/proportionInterval';
import { resolveStarScheme } from '../inference/internal';
import type { StarScheme } from '../inference/significanceStars';
import { assertLevel, assertOneOf, describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import type { PopulationTargets, TargetInput } from '../representativeness/populationTargets';
import type { VariableSpec } from '../representativeness/internal';
import type { Lang } from './format';

/** The sections of a report, in the order their tables appear. */
export type ReportSection =
  | 'distribution'
  | 'summary'
  | 'pairs'
  | 'attributes'
  | 'means'
  | 'ranking'
  | 'multiSelect'
  | 'responseRate'
  | 'representativeness';

/** Every section, in report order. */
export const REPORT_SECTIONS: readonly ReportSection[] = [
  'distribution',
  'summary',
  'pairs',
  'attributes',
  'means',
  'ranking',
  'multiSelect',
  'responseRate',
  'representativeness',
];

/** Items named one by one, or every item whose id starts with `prefix` (in survey order). */
export type ReportItemSelector = readonly string[] | { readonly prefix: string };

/**
 * Which items are paired for the paired correlations: each `x` item with the one `y` item of
 * the same group (e.g. `{ x: { prefix: 'udfordring_' }, y: { prefix: 'behov_' } }`).
 */
export interface ReportPairs {
  readonly x: ReportItemSelector;
  readonly y: ReportItemSelector;
}

/**
 * A multi-select question asked once per group (e.g. forms of support per focus area). Name
 * the survey's questions by id (`{ Anbringelse: 'støtte_anbringelse', … }`, or an array of ids,
 * each group named by its id), so that the table counts the survey's respondents, filters
 * included; or, the older raw form, pass one multi-select input per group.
 */
export interface ReportMultiSelect {
  /** Table title; a default is used when absent. */
  readonly title?: string;
  /** Question ids per group (column of the table), in display order; or raw multi-select inputs. */
  readonly questions: Readonly<Record<string, string>> | readonly string[] | Readonly<Record<string, MultiSelectInput>>;
  /**
   * Options passed to `multiSelectTable`: `noneMeansAnswered` (and `options` to fix the option
   * order); with raw inputs also `ticked`, `notTicked`, `blank`.
   */
  readonly coding?: MultiSelectTableOptions;
}

/** How the representativeness section compares respondents with the population. */
export interface ReportRepresentativeness {
  /**
   * Variables to compare (names or `{ name, kind }`). Default: the survey's attributes that the
   * frame's first row or the targets also name.
   */
  readonly variables?: readonly VariableSpec[];
  /**
   * The sample as rows when its columns are named differently from the survey's attributes;
   * default: the survey itself (its attributes are read).
   */
  readonly sample?: Iterable<Record<string, unknown>>;
  /** Interval for category shares; default `'wald'` (the 2024 report's). */
  readonly method?: ProportionMethod;
  /**
   * Reference distribution of the interval for numeric means: `'normal'` (default, a z
   * interval) or `'t'`; the same word as `meanInterval`'s `distribution`.
   */
  readonly distribution?: 'normal' | 't';
  /** Population size for the finite population correction; default none. */
  readonly populationSize?: number;
}

/** Options of {@link report}. Every field is optional. */
export interface ReportOptions {
  /** Title of the report; default "Rapport" / "Report". */
  readonly title?: string;
  /** Language of titles and notes (answer labels are printed as spelled): `'da'` (default) or `'en'`. */
  readonly lang?: Lang;
  /** Sections to build, in any order (tables always come in report order); default all. */
  readonly sections?: readonly ReportSection[];
  /** Items to analyse (ids); default every item of the survey. */
  readonly items?: readonly string[];
  /** Confidence level of every interval, strictly between 0 and 1; default 0.95. */
  readonly level?: number;
  /** Interval method of agreement shares; default `'wilson'`. */
  readonly ci?: ProportionMethod;
  /** Denominator of agreement shares: `'answered'` (default, "ved ikke" included) or `'substantive'`. */
  readonly denominator?: 'answered' | 'substantive';
  /** Whole-percent rounding of the distributions: `'half-up'` (default) or `'largest-remainder'`. */
  readonly rounding?: 'half-up' | 'largest-remainder';
  /**
   * Paired correlations: `'auto'` (default) pairs the two items of every group that holds exactly
   * two items on different scales; `'none'` turns them off; or name the pairing explicitly.
   */
  readonly pairs?: 'auto' | 'none' | ReportPairs;
  /** Numeric attributes to correlate every item with; default all numeric attributes. */
  readonly numericAttributes?: readonly string[];
  /** Categorical attributes to compare means by (e.g. `['region']`); default all categorical attributes. */
  readonly by?: readonly string[];
  /** Size groups to compare means by, e.g. `{ attribute: 'indbyggere', breaks: [50000, 100000] }`. */
  readonly sizeGroups?: SizeGrouping;
  /** Items listed per group in the ranking (ties at the boundary are all listed); default 3. */
  readonly top?: number;
  /** What the ranking orders by: `'agreement'` (default) or `'mean'`. */
  readonly rankBy?: 'agreement' | 'mean';
  /** A multi-select question per group, tallied with small cells suppressed. */
  readonly multiSelect?: ReportMultiSelect;
  /** Multi-select counts with 0 < count < suppressBelow are suppressed; positive integer, default 3. */
  readonly suppressBelow?: number;
  /** Population frame (one row per unit, e.g. the 98 municipalities) for the representativeness table. */
  readonly frame?: Iterable<Record<string, unknown>>;
  /** Population targets instead of a frame. */
  readonly targets?: PopulationTargets | Readonly<Record<string, TargetInput>>;
  /** Variables and methods of the representativeness table. */
  readonly representativeness?: ReportRepresentativeness;
  /**
   * Significance stars in the correlation cells and the star legend under them: `true`
   * (default) for the reports' scheme (`*** p<0.01, ** 0.01<=p<0.05, * 0.05<=p<0.1`), `false`
   * for no stars and no legend, or a scheme as `significanceStars` takes it: `'default'`,
   * `'apa'` or thresholds `[{ below: 0.05, stars: '*' }, …]`.
   */
  readonly stars?: boolean | StarScheme;
  /**
   * Printed names of the item groups, by group id (`{ tidlig: 'Tidlig indsats og forebyggelse' }`),
   * for titles and group columns; a group without one is printed by its id.
   */
  readonly groupLabels?: Readonly<Record<string, string>>;
}

/** The options after checking, with defaults filled in and item selectors resolved. */
export interface ResolvedReportOptions {
  readonly title: string | undefined;
  readonly lang: Lang;
  readonly sections: ReadonlySet<ReportSection>;
  /** Whether the caller named the sections (a summary then warns about each one it cannot build). */
  readonly sectionsGiven: boolean;
  readonly items: readonly string[];
  readonly level: number;
  readonly ci: ProportionMethod;
  readonly denominator: 'answered' | 'substantive';
  readonly rounding: 'half-up' | 'largest-remainder';
  /** The [x, y] pairs to correlate; empty when none apply. */
  readonly pairs: readonly (readonly [string, string])[];
  readonly numericAttributes: readonly string[];
  readonly by: readonly string[];
  readonly sizeGroups: SizeGrouping | undefined;
  readonly top: number;
  readonly rankBy: 'agreement' | 'mean';
  readonly multiSelect: ReportMultiSelect | undefined;
  readonly suppressBelow: number;
  readonly frame: Record<string, unknown>[] | undefined;
  readonly targets: PopulationTargets | Readonly<Record<string, TargetInput>> | undefined;
  readonly representativeness: ReportRepresentativeness;
  /** The star scheme of the correlation tables, or null for no stars and no legend. */
  readonly stars: StarScheme | null;
  /** Printed names of item groups, by group id (only the groups given). */
  readonly groupLabels: Readonly<Record<string, string>>;
}

const FN = 'report';

/** A RangeError whose message starts with "report:". */
export function optionError(message: string, cause?: unknown): RangeError {
  return new RangeError(`${FN}: ${message}`, cause === undefined ? undefined : { cause });
}

/**
 * Runs a library call made for an option and turns its TypeError or RangeError into a
 * RangeError starting with "report: <option>:", so the caller sees which option was wrong.
 */
export function asOptionError<T>(option: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      throw optionError(`${option}: ${error.message}`, error);
    }
    throw error;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw optionError(`${name} must be an array of names, got ${describeValue(value)}`);
  }
  return [...(value as string[])];
}

function positiveInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw optionError(`${name} must be a positive integer, got ${describeValue(value)}`);
  }
  return value;
}

/** Resolves an item selector against the analysed items, in survey order. */
function selectItems(selector: unknown, items: readonly string[], name: string): string[] {
  if (isPlainObject(selector) && 'prefix' in selector) {
    const prefix = selector['prefix'];
    if (typeof prefix !== 'string' || prefix === '') {
      throw optionError(`${name}.prefix must be a non-empty string, got ${describeValue(prefix)}`);
    }
    const chosen = items.filter((id) => id.startsWith(prefix));
    if (chosen.length === 0) {
      throw optionError(`${name}: no item id starts with ${describeValue(prefix)}`);
    }
    return chosen;
  }
  const chosen = stringList(selector, name);
  if (chosen.length === 0) throw optionError(`${name} must name at least one item`);
  for (const id of chosen) {
    if (!items.includes(id)) {
      throw optionError(`${name}: unknown item ${describeValue(id)} (not among the analysed items)`);
    }
  }
  return chosen;
}

/** Pairs for `pairs: 'auto'`: the groups that hold exactly two items on different scales. */
function autoPairs(s: Survey, items: readonly string[]): [string, string][] {
  const byGroup = new Map<string, string[]>();
  for (const item of s.items) {
    if (item.group === null || !items.includes(item.id)) continue;
    const members = byGroup.get(item.group) ?? [];
    members.push(item.id);
    byGroup.set(item.group, members);
  }
  const scaleOf = new Map(s.items.map((item) => [item.id, item.scale.id]));
  const pairs: [string, string][] = [];
  for (const members of byGroup.values()) {
    const [x, y] = members;
    if (members.length === 2 && x !== undefined && y !== undefined && scaleOf.get(x) !== scaleOf.get(y)) {
      pairs.push([x, y]);
    }
  }
  return pairs;
}

/** Pairs for explicit `{ x, y }`: each x item with the single y item of its group. */
function explicitPairs(s: Survey, items: readonly string[], spec: Record<string, unknown>): [string, string][] {
  const xs = selectItems(spec['x'], items, 'pairs.x');
  const ys = selectItems(spec['y'], items, 'pairs.y');
  const groupOf = (id: string): string | null => s.items.find((i) => i.id === id)?.group ?? null;
  return xs.map((x) => {
    const group = groupOf(x);
    if (group === null) {
      throw optionError(`pairs: item ${describeValue(x)} has no group, so it cannot be paired`);
    }
    const partners = ys.filter((y) => y !== x && groupOf(y) === group);
    if (partners.length !== 1) {
      throw optionError(
        `pairs: item ${describeValue(x)} needs exactly one y item in its group ${describeValue(group)}, found ${partners.length}`,
      );
    }
    return [x, partners[0] as string];
  });
}

function attributeList(
  s: Survey,
  value: unknown,
  name: string,
  kind: 'number' | 'category',
): string[] {
  const all = Object.keys(s.attributes).filter((a) => s.attributes[a] === kind);
  if (value === undefined) return all;
  const chosen = stringList(value, name);
  for (const attribute of chosen) {
    if (s.attributes[attribute] !== kind) {
      const what = kind === 'number' ? 'numeric' : 'categorical';
      throw optionError(
        `${name}: ${describeValue(attribute)} is not a ${what} attribute of the survey; ${what} attributes: ${all.length > 0 ? all.join(', ') : 'none'}`,
      );
    }
  }
  return chosen;
}

/** Checks the options, fills in the defaults and resolves item selectors. */
export function resolveReportOptions(s: Survey, options: unknown): ResolvedReportOptions {
  if (options === undefined) options = {};
  if (!isPlainObject(options)) {
    throw optionError(`options must be an object, got ${describeValue(options)}`);
  }
  const o = options as ReportOptions;
  if (o.title !== undefined && typeof o.title !== 'string') {
    throw optionError(`title must be a string, got ${describeValue(o.title)}`);
  }
  const lang = o.lang ?? 'da';
  assertOneOf(FN, lang, ['da', 'en'], 'lang');
  const sectionList = o.sections === undefined ? REPORT_SECTIONS : stringList(o.sections, 'sections');
  for (const section of sectionList) assertOneOf(FN, section, REPORT_SECTIONS, 'section');
  const level = o.level ?? 0.95;
  assertLevel(FN, level);
  const ci = o.ci ?? 'wilson';
  assertOneOf(FN, ci, PROPORTION_METHODS, 'ci');
  const denominator = o.denominator ?? 'answered';
  assertOneOf(FN, denominator, ['answered', 'substantive'], 'denominator');
  const rounding = o.rounding ?? 'half-up';
  assertOneOf(FN, rounding, ['half-up', 'largest-remainder'], 'rounding');
  const rankBy = o.rankBy ?? 'agreement';
  assertOneOf(FN, rankBy, ['agreement', 'mean'], 'rankBy');

  const allItems = s.items.map((i) => i.id);
  let items = allItems;
  if (o.items !== undefined) {
    const chosen = stringList(o.items, 'items');
    for (const id of chosen) {
      if (!allItems.includes(id)) throw optionError(`items: unknown item ${describeValue(id)}`);
    }
    items = allItems.filter((id) => chosen.includes(id));
  }

  const pairsOption = o.pairs ?? 'auto';
  let pairs: [string, string][];
  if (pairsOption === 'auto') pairs = autoPairs(s, items);
  else if (pairsOption === 'none') pairs = [];
  else if (isPlainObject(pairsOption)) pairs = explicitPairs(s, items, pairsOption);
  else {
    throw optionError(
      `pairs must be 'auto', 'none' or { x, y } (item ids or { prefix }), got ${describeValue(pairsOption)}`,
    );
  }

  const sizeGroups = o.sizeGroups;
  if (sizeGroups !== undefined) {
    if (!isPlainObject(sizeGroups) || typeof sizeGroups.attribute !== 'string') {
      throw optionError(
        `sizeGroups must be { attribute, breaks, labels? } or { attribute, split: 'median' }, got ${describeValue(sizeGroups)}`,
      );
    }
    if (s.attributes[sizeGroups.attribute] !== 'number') {
      throw optionError(`sizeGroups: ${describeValue(sizeGroups.attribute)} is not a numeric attribute of the survey`);
    }
  }

  const multiSelect = o.multiSelect;
  if (multiSelect !== undefined) {
    if (!isPlainObject(multiSelect) || !(isPlainObject(multiSelect.questions) || Array.isArray(multiSelect.questions))) {
      throw optionError(`multiSelect must be { title?, questions: { [group]: question id } }, got ${describeValue(multiSelect)}`);
    }
    const questions: unknown[] = Array.isArray(multiSelect.questions) ? multiSelect.questions : Object.values(multiSelect.questions);
    if (questions.length === 0) {
      throw optionError('multiSelect.questions must hold at least one question');
    }
    const byId = questions.filter((q) => typeof q === 'string');
    if (byId.length > 0 && byId.length < questions.length) {
      throw optionError('multiSelect.questions mixes question ids and raw inputs; name every group by a question id of the survey');
    }
    const known = new Set(s.multiSelect.map((q) => q.id));
    for (const id of byId) {
      if (!known.has(id)) {
        throw optionError(
          `multiSelect.questions names ${describeValue(id)}, which is not a multi-select question of the survey; ${known.size > 0 ? `its questions are ${[...known].map((k) => `"${k}"`).join(', ')}` : 'declare it in survey({ multiSelect })'}`,
        );
      }
    }
    if (multiSelect.title !== undefined && typeof multiSelect.title !== 'string') {
      throw optionError(`multiSelect.title must be a string, got ${describeValue(multiSelect.title)}`);
    }
  }

  if (o.frame !== undefined && o.targets !== undefined) {
    throw optionError('give either frame or targets, not both');
  }
  let frame: Record<string, unknown>[] | undefined;
  if (o.frame !== undefined) {
    if (o.frame === null || typeof (o.frame as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
      throw optionError(`frame must be an array (iterable) of rows, got ${describeValue(o.frame)}`);
    }
    frame = [...o.frame];
  }
  if (o.targets !== undefined && !isPlainObject(o.targets)) {
    throw optionError(`targets must be an object, got ${describeValue(o.targets)}`);
  }
  const representativeness = o.representativeness ?? {};
  if (!isPlainObject(representativeness)) {
    throw optionError(`representativeness must be an object, got ${describeValue(representativeness)}`);
  }
  checkOptionKeys(
    `${FN}: representativeness`,
    representativeness,
    optionKeys<ReportRepresentativeness>({ variables: true, sample: true, method: true, distribution: true, populationSize: true }),
  );

  let stars: StarScheme | null = 'default';
  if (o.stars === false) stars = null;
  else if (o.stars !== undefined && o.stars !== true) {
    const scheme = o.stars;
    if (typeof scheme !== 'string' && !Array.isArray(scheme)) {
      throw optionError(
        `stars must be true, false, 'default', 'apa' or an array of { below, stars }, got ${describeValue(scheme)}`,
      );
    }
    try {
      resolveStarScheme(`${FN}: stars`, scheme);
    } catch (error) {
      // A malformed threshold is a bad option like any other: a RangeError starting with "report:".
      throw new RangeError((error as Error).message, { cause: error });
    }
    stars = Array.isArray(scheme) ? scheme.map((t: { below: number; stars: string }) => ({ below: t.below, stars: t.stars })) : scheme;
  }

  const groupLabels = readGroupLabels(s, items, o.groupLabels);

  return {
    title: o.title,
    lang,
    sections: new Set(sectionList as ReportSection[]),
    sectionsGiven: o.sections !== undefined,
    items,
    level,
    ci,
    denominator,
    rounding,
    pairs,
    numericAttributes: attributeList(s, o.numericAttributes, 'numericAttributes', 'number'),
    by: attributeList(s, o.by, 'by', 'category'),
    sizeGroups,
    top: positiveInteger(o.top, 'top', 3),
    rankBy,
    multiSelect,
    suppressBelow: positiveInteger(o.suppressBelow, 'suppressBelow', 3),
    frame,
    targets: o.targets,
    representativeness,
    stars,
    groupLabels,
  };
}

/** Checks `groupLabels`: an object of strings whose keys are groups of the analysed items. */
function readGroupLabels(s: Survey, items: readonly string[], value: unknown): Readonly<Record<string, string>> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) {
    throw optionError(`groupLabels must be an object { [group id]: label }, got ${describeValue(value)}`);
  }
  const groups = new Set<string>();
  for (const item of s.items) if (item.group !== null && items.includes(item.id)) groups.add(item.group);
  const labels: Record<string, string> = {};
  for (const [group, label] of Object.entries(value)) {
    if (!groups.has(group)) {
      const known = [...groups].map((g) => `"${g}"`).join(', ');
      throw optionError(
        `groupLabels: ${describeValue(group)} is not a group of the analysed items; ${known.length > 0 ? `the groups are ${known}` : 'no analysed item has a group'}`,
      );
    }
    if (typeof label !== 'string' || label.trim() === '') {
      throw optionError(`groupLabels[${JSON.stringify(group)}] must be a non-empty string, got ${describeValue(label)}`);
    }
    labels[group] = label;
  }
  return labels;
}
