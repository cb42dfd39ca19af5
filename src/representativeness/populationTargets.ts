import { readsAsNumber } from '../data/number';
import { readCategoryKey } from '../data/keys';
import { isMissingValue, sourceFromRows } from '../data/source';
import { meanInterval } from '../inference/meanInterval';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import {
  categoryOf,
  compensatedSum,
  formatRows,
  looksNumeric,
  parseVariables,
  percentText,
  type VariableKind,
  type VariableSpec,
} from './internal';

export type { VariableKind, VariableSpec } from './internal';

/** Population shares of one categorical variable. */
export interface CategoricalTarget {
  readonly kind: 'categorical';
  /** Share of the population in each category, summing to 1; keys in display order. */
  readonly shares: Readonly<Record<string, number>>;
  /** Units per category, when the targets were taken from a frame. */
  readonly counts?: Readonly<Record<string, number>>;
}

/** Population mean (and optionally sd and total) of one numeric variable. */
export interface NumericTarget {
  readonly kind: 'numeric';
  /** Population mean. */
  readonly mean: number;
  /** Population standard deviation (divisor N − 1), when known. */
  readonly sd?: number;
  /** Population total, when known. */
  readonly total?: number;
  /** Units the figures were computed from, when taken from a frame. */
  readonly n?: number;
}

/** The target of one variable. */
export type VariableTarget = CategoricalTarget | NumericTarget;

/**
 * Population targets: what is known about the population a sample should represent, as plain
 * JSON (store it, ship it to a dashboard, pass it to `representativeness` as `targets`).
 */
export interface PopulationTargets {
  /** Units in the population (e.g. 98 municipalities), when known. */
  readonly size?: number;
  /** One target per variable. */
  readonly variables: Readonly<Record<string, VariableTarget>>;
  /** Where the figures come from (free text, e.g. "Statistics Denmark FOLK1A, 2020K1"). */
  readonly source?: string;
  /** What was adjusted or left out on the way (rescaled shares, ignored missing values). */
  readonly warnings?: readonly string[];
}

/**
 * A target written by hand: shares per category (`{ Hovedstaden: 0.30, … }`), a numeric summary
 * (`{ mean: 60828 }`), or a full {@link VariableTarget} with its `kind`.
 */
export type TargetInput =
  | Readonly<Record<string, number>>
  | { readonly mean: number; readonly sd?: number; readonly total?: number }
  | VariableTarget;

/** Options of {@link targetsFromFrame}. */
export interface TargetsFromFrameOptions {
  /** The variables to take targets for: names or `{ name, kind }`. */
  readonly variables: readonly VariableSpec[];
  /**
   * Missing values in the frame: `'error'` (default; a population frame should be complete) or
   * `'ignore'` (left out of that variable's figures, with a warning).
   */
  readonly missing?: 'error' | 'ignore';
  /** Where the frame comes from, copied to the result. */
  readonly source?: string;
}

/** Result of {@link targetsFromFrame}: the targets. */
export type TargetsFromFrameResult = PopulationTargets;

/** Input of {@link defineTargets}. */
export interface DefineTargetsOptions {
  /** Units in the population, e.g. 98. */
  readonly size?: number;
  /** One target per variable, as published. */
  readonly variables: Readonly<Record<string, TargetInput>>;
  /**
   * Rescale shares that do not sum to 1 (rounded published figures, e.g. 30 + 17 + 22 + 19 +
   * 11 = 99 %) so that they do, with a warning. Default false: such shares are an error.
   */
  readonly rescale?: boolean;
  /** Where the figures come from. */
  readonly source?: string;
}

/** Result of {@link defineTargets}: the targets. */
export type DefineTargetsResult = PopulationTargets;

/** Shares must sum to 1 within this absolute tolerance. */
export const SHARE_TOLERANCE = 1e-9;

/**
 * Population targets from a frame: one row per unit of the population (e.g. the 98
 * municipalities). Numeric variables get mean x̄ = Σx/N, standard deviation
 * s = √(Σ(x − x̄)²/(N − 1)) and total Σx; categorical ones the share of units in each category,
 * countₖ/N, with categories in order of first appearance.
 *
 * A variable given by name is numeric when every non-missing value is a number, categorical
 * otherwise; `{ name, kind }` fixes the kind. Category values are read with `categoryKey` (trimmed, NFC; an object or Date is an error).
 * A frame read from CSV text holds numbers as text: such a column is read as categories with a
 * warning that suggests typing the frame with `readFrame` first. Only own properties are read,
 * so categories named `constructor` or `__proto__` are counted like any other.
 *
 * @param frame - rows, one per unit of the population
 * @param options - `variables`, `missing` (`'error'` or `'ignore'`), `source`
 * @returns the targets with `size` = number of rows; `sd` is left out when fewer than 2 values
 *   are present (it is undefined)
 * @throws TypeError when the frame is not an iterable of objects, or a variable declared numeric
 *   holds a non-number; RangeError when a column is absent, a variable has no values, or (with
 *   `missing: 'error'`) values are missing — the message names every variable and its rows
 * @example
 * ```ts
 * targetsFromFrame(municipalities2020(), { variables: ['region', 'population'] });
 * // { size: 98, variables: {
 * //     region: { kind: 'categorical',
 * //       shares: { Hovedstaden: 0.29591836734693877, Sjælland: 0.17346938775510204,
 * //                 Syddanmark: 0.22448979591836735, Midtjylland: 0.19387755102040816,
 * //                 Nordjylland: 0.11224489795918367 },
 * //       counts: { Hovedstaden: 29, Sjælland: 17, Syddanmark: 22, Midtjylland: 19, Nordjylland: 11 } },
 * //     population: { kind: 'numeric', mean: 59415.09183673469, sd: 73876.87897100578, total: 5822679, n: 98 } } }
 * ```
 * @see {@link defineTargets} for published figures; `representativeness`, which takes the
 *   result as `targets`
 */
export function targetsFromFrame(
  frame: Iterable<object>,
  options: TargetsFromFrameOptions,
): TargetsFromFrameResult {
  const fn = 'targetsFromFrame';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object with variables, e.g. { variables: ['region'] }`);
  }
  checkOptionKeys(fn, options, optionKeys<TargetsFromFrameOptions>({ variables: true, missing: true, source: true }));
  const missing = options.missing ?? 'error';
  if (missing !== 'error' && missing !== 'ignore') {
    throw new RangeError(`${fn}: unknown missing ${describeValue(missing)}; use 'error' or 'ignore'`);
  }
  const targets = buildTargetsFromFrame(fn, frame as Iterable<Record<string, unknown>>, options.variables, missing);
  return options.source === undefined ? targets : { ...targets, source: options.source };
}

/**
 * The work of {@link targetsFromFrame}, with the calling function's name for messages.
 * Internal: `representativeness` calls it for a `population` frame.
 */
export function buildTargetsFromFrame(
  fn: string,
  frame: Iterable<Record<string, unknown>>,
  variables: readonly VariableSpec[],
  missing: 'error' | 'ignore',
  sampleKinds?: ReadonlyMap<string, VariableKind>,
): PopulationTargets {
  const specs = parseVariables(fn, variables);
  const source = sourceFromRows(fn, frame, specs.map((s) => s.name));
  const size = source.length;
  if (size === 0) {
    throw new RangeError(`${fn}: the population frame has no rows; pass one row per unit of the population`);
  }
  const result: [string, VariableTarget][] = [];
  const missingProblems: string[] = [];
  const warnings: string[] = [];
  for (const spec of specs) {
    const column = source.column(spec.name);
    if (column === undefined) {
      throw new RangeError(
        `${fn}: the population frame has no column "${spec.name}"; its columns include ${source.names.map((n) => `"${n}"`).join(', ') || '(none)'}`,
      );
    }
    const missingRows: number[] = [];
    for (let i = 0; i < column.length; i++) if (isMissingValue(column[i])) missingRows.push(i);
    if (missingRows.length === column.length) {
      throw new RangeError(`${fn}: variable "${spec.name}" has no values in the population frame (all ${size} are missing)`);
    }
    if (missingRows.length > 0) {
      const where = `"${spec.name}" is missing in ${formatRows(missingRows)} (${missingRows.length} of ${size})`;
      if (missing === 'error') missingProblems.push(where);
      else warnings.push(`${fn}: ${where}; those units are left out of its target`);
    }
    const frameKind: VariableKind = looksNumeric(column) ? 'numeric' : 'categorical';
    if (spec.kind === undefined && sampleKinds?.get(spec.name) === 'numeric' && frameKind === 'categorical') {
      throw new TypeError(
        `${fn}: "${spec.name}" holds numbers in the sample but text in the population frame (column "${spec.name}": ${exampleCells(column)}); ` +
          `type the frame with readFrame(rows) (e.g. readFrame(parseCsv(text).rows, { decimal: ',' })), or declare { name: "${spec.name}", kind: 'categorical' } to compare categories`,
      );
    }
    const kind: VariableKind = spec.kind ?? frameKind;
    if (spec.kind === undefined && kind === 'categorical' && allNumberText(column)) {
      warnings.push(
        `${fn}: "${spec.name}" holds numbers as text (${exampleCells(column)}), so it is read as categories; type the frame with readFrame(rows) to compare means, or declare { name: "${spec.name}", kind: 'categorical' } to keep categories without this warning`,
      );
    }
    result.push([spec.name, kind === 'numeric' ? numericTarget(fn, spec.name, column) : categoricalTarget(fn, spec.name, column)]);
  }
  if (missingProblems.length > 0) {
    throw new RangeError(
      `${fn}: the population frame must be complete, but ${missingProblems.join('; ')}; fill them in, or build the targets with targetsFromFrame(frame, { missing: 'ignore' })`,
    );
  }
  // Object.fromEntries makes own properties, so a variable named "__proto__" is kept as data.
  const variablesOut = Object.fromEntries(result);
  return warnings.length > 0 ? { size, variables: variablesOut, warnings } : { size, variables: variablesOut };
}

/** True when every non-missing value is text that reads as a number (`"60.828"`, `"101"`). */
function allNumberText(column: ArrayLike<unknown>): boolean {
  let any = false;
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (isMissingValue(value)) continue;
    if (typeof value !== 'string' || !readsAsNumber(value)) return false;
    any = true;
  }
  return any;
}

/** The first few non-missing cells of a column, for messages: `"632340" (row 0), …`. */
function exampleCells(column: ArrayLike<unknown>): string {
  const shown: string[] = [];
  for (let i = 0; i < column.length && shown.length < 3; i++) {
    if (!isMissingValue(column[i])) shown.push(`${describeValue(column[i])} (row ${i})`);
  }
  return shown.join(', ');
}

function numericTarget(fn: string, name: string, column: ArrayLike<unknown>): NumericTarget {
  const values: number[] = [];
  const bad: number[] = [];
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (isMissingValue(value)) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) bad.push(i);
    else values.push(value);
  }
  if (bad.length > 0) {
    throw new TypeError(
      `${fn}: numeric variable "${name}" holds non-numbers in ${formatRows(bad)} (first: ${describeValue(column[bad[0] as number])}); convert them to numbers (readFrame(rows) types a frame read from CSV text) or declare it { name: "${name}", kind: 'categorical' }`,
    );
  }
  const { mean, sd } = meanInterval(values, { distribution: 'normal' });
  const total = compensatedSum(values);
  return Number.isNaN(sd)
    ? { kind: 'numeric', mean, total, n: values.length }
    : { kind: 'numeric', mean, sd, total, n: values.length };
}

function categoricalTarget(fn: string, name: string, column: ArrayLike<unknown>): CategoricalTarget {
  // A Map, not an object: categories named "constructor" or "__proto__" are counted like any other.
  const counts = new Map<string, number>();
  let n = 0;
  for (let i = 0; i < column.length; i++) {
    const key = categoryOf(fn, column[i], name, i);
    if (key === null) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    n++;
  }
  const entries = [...counts];
  return {
    kind: 'categorical',
    shares: Object.fromEntries(entries.map(([key, count]) => [key, count / n])),
    counts: Object.fromEntries(entries),
  };
}

/**
 * Population targets by hand, from published figures: shares per category
 * (`region: { Hovedstaden: 0.30, … }`) and numeric summaries (`population: { mean: 60828 }`).
 *
 * Shares must each lie in [0, 1] and sum to 1 within 1e-9. Rounded published shares rarely do
 * (the 2024 report's 30 + 17 + 22 + 19 + 11 = 99 %); with `rescale: true` each share pᵢ becomes
 * pᵢ/Σp and a warning says so. Rescaling is refused when the sum is further from 1 than rounding
 * each share to a whole percent can explain (k × 0.5 percentage points for k categories).
 *
 * A plain object is read as shares unless it has a numeric `mean` and no keys but `mean`, `sd`,
 * `total` and `n` (then it is a numeric target); categories named only like those need
 * `{ kind: 'categorical', shares }`. Only own properties are read, so categories named
 * `constructor` or `__proto__` are categories like any other. Category names are compared in
 * Unicode NFC, as the data's values are; two names that are equal there are an error.
 *
 * @param options - `size`, `variables`, `rescale`, `source`
 * @returns the checked targets (`warnings` lists rescaled variables)
 * @throws TypeError when a target is not an object or a figure is not a finite number;
 *   RangeError when a share is outside [0, 1], shares do not sum to 1 (the message names the
 *   variable and how far off it is), a category name is empty, sd is negative or size is not a
 *   positive integer
 * @example
 * ```ts
 * defineTargets({
 *   size: 98,
 *   variables: {
 *     region: { Hovedstaden: 0.30, Sjælland: 0.17, Syddanmark: 0.22, Midtjylland: 0.19, Nordjylland: 0.11 },
 *     population: { mean: 60828 },
 *   },
 *   rescale: true,
 * });
 * // { size: 98, variables: {
 * //     region: { kind: 'categorical', shares: { Hovedstaden: 0.30303030303030304, Sjælland: 0.1717171717171717,
 * //       Syddanmark: 0.2222222222222222, Midtjylland: 0.1919191919191919, Nordjylland: 0.1111111111111111 } },
 * //     population: { kind: 'numeric', mean: 60828 } },
 * //   warnings: ['defineTargets: shares of "region" sum to 99 % (off by -1 %); rescaled each share by 1/0.99'] }
 * ```
 * @see {@link targetsFromFrame}; `representativeness`
 */
export function defineTargets(options: DefineTargetsOptions): DefineTargetsResult {
  const fn = 'defineTargets';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: pass { variables: { name: shares or { mean } }, size?, rescale? }, got ${describeValue(options)}`);
  }
  checkOptionKeys(fn, options, optionKeys<DefineTargetsOptions>({ size: true, variables: true, rescale: true, source: true }));
  const { size, rescale = false, source } = options;
  if (size !== undefined && (typeof size !== 'number' || !Number.isInteger(size) || size < 1)) {
    throw new RangeError(`${fn}: size must be a positive integer (units in the population, e.g. 98), got ${describeValue(size)}`);
  }
  const { variables, warnings } = readTargetVariables(fn, options.variables, rescale);
  return {
    ...(size === undefined ? {} : { size }),
    variables,
    ...(source === undefined ? {} : { source }),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** Targets as read by {@link readTargetsInput}. Internal. */
export interface ReadTargetsInput {
  /** One target per variable; own properties only (a variable named `__proto__` is one). */
  readonly variables: Record<string, VariableTarget>;
  /** `size` of wrapped targets, when given. */
  readonly size: number | undefined;
  /** Adjustments made (rescaled shares). */
  readonly warnings: string[];
}

const WRAPPER_KEYS: readonly string[] = ['size', 'variables', 'source', 'warnings'];
const NUMERIC_KEYS: readonly string[] = ['mean', 'sd', 'total', 'n'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An own property, never an inherited one (`own({}, 'constructor')` is undefined). */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The one reader of population targets, for `representativeness`, `postStratify` and `rake`.
 * It takes both shapes: the {@link PopulationTargets} model `{ size?, variables, source?,
 * warnings? }` (from `defineTargets` or `targetsFromFrame`), and the plain shape
 * `{ [variable]: Record<category, share> | { mean, sd? } | VariableTarget }`. An object is the
 * model when its own keys are among `size`, `variables`, `source`, `warnings` and `variables`
 * is an object of objects; otherwise every key is a variable (so a variable may be called
 * `size`). Only own properties are read. Internal.
 */
export function readTargetsInput(fn: string, targets: unknown, rescale: boolean): ReadTargetsInput {
  if (!isRecord(targets)) {
    throw new TypeError(
      `${fn}: targets must be an object (from defineTargets or targetsFromFrame, or { variable: shares | { mean } }), got ${describeValue(targets)}`,
    );
  }
  const inner = own(targets, 'variables');
  const wrapped =
    isRecord(inner) &&
    Object.keys(targets).every((key) => WRAPPER_KEYS.includes(key)) &&
    Object.values(inner).every((value) => value !== null && typeof value === 'object');
  if (!wrapped) return { ...readTargetVariables(fn, targets, rescale), size: undefined };
  const size = own(targets, 'size');
  if (size !== undefined && (typeof size !== 'number' || !Number.isInteger(size) || size < 1)) {
    throw new RangeError(`${fn}: targets.size must be a positive integer (units in the population, e.g. 98), got ${describeValue(size)}`);
  }
  return { ...readTargetVariables(fn, inner, rescale), size };
}

/**
 * Checks the targets of each variable (plain shares, `{ mean }` or full targets) and returns
 * them as {@link VariableTarget}s: {@link readTargetsInput} and {@link defineTargets} use it.
 * A plain object is numeric when it has a numeric `mean` and no keys but `mean`, `sd`, `total`
 * and `n`; otherwise it holds shares. Internal.
 */
export function readTargetVariables(
  fn: string,
  variables: unknown,
  rescale: boolean,
): { variables: Record<string, VariableTarget>; warnings: string[] } {
  if (!isRecord(variables)) {
    throw new TypeError(
      `${fn}: variables must be an object of targets, e.g. { region: { Hovedstaden: 0.3, … }, population: { mean: 60828 } }, got ${describeValue(variables)}`,
    );
  }
  const out: [string, VariableTarget][] = [];
  const warnings: string[] = [];
  for (const [name, input] of Object.entries(variables)) {
    if (!isRecord(input)) {
      throw new TypeError(
        `${fn}: the target of "${name}" must be shares ({ category: share }) or { mean, sd? }, got ${describeValue(input)}`,
      );
    }
    // `kind` is the discriminator only as text: a category named "kind" has a number.
    const kind = typeof own(input, 'kind') === 'string' ? own(input, 'kind') : undefined;
    const plainNumeric =
      kind === undefined && typeof own(input, 'mean') === 'number' && Object.keys(input).every((key) => NUMERIC_KEYS.includes(key));
    if (kind === 'numeric' || plainNumeric) {
      out.push([name, checkNumeric(fn, name, input)]);
    } else if (kind === 'categorical' || kind === undefined) {
      const checked = checkShares(fn, name, kind === 'categorical' ? own(input, 'shares') : input, rescale);
      if (checked.warning) warnings.push(checked.warning);
      const counts = kind === 'categorical' ? own(input, 'counts') : undefined;
      out.push([
        name,
        isRecord(counts)
          ? { kind: 'categorical', shares: checked.shares, counts: Object.fromEntries(Object.entries(counts)) as Record<string, number> }
          : { kind: 'categorical', shares: checked.shares },
      ]);
    } else {
      throw new RangeError(
        `${fn}: the target of "${name}" has unknown kind ${describeValue(kind)}; use { kind: 'categorical', shares } or { kind: 'numeric', mean }`,
      );
    }
  }
  if (out.length === 0) {
    throw new RangeError(`${fn}: no targets were given; name at least one variable`);
  }
  return { variables: Object.fromEntries(out), warnings };
}

function checkNumeric(fn: string, name: string, record: Record<string, unknown>): NumericTarget {
  const mean = own(record, 'mean');
  if (typeof mean !== 'number' || !Number.isFinite(mean)) {
    throw new TypeError(`${fn}: the mean of "${name}" must be a finite number, got ${describeValue(mean)}`);
  }
  const target: { kind: 'numeric'; mean: number; sd?: number; total?: number; n?: number } = { kind: 'numeric', mean };
  for (const key of ['sd', 'total', 'n'] as const) {
    const value = own(record, key);
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new TypeError(`${fn}: the ${key} of "${name}" must be a finite number when given, got ${describeValue(value)}`);
    }
    if (key === 'sd' && value < 0) {
      throw new RangeError(`${fn}: the sd of "${name}" must be non-negative, got ${value}`);
    }
    target[key] = value;
  }
  return target;
}

function checkShares(
  fn: string,
  name: string,
  shares: unknown,
  rescale: boolean,
): { shares: Record<string, number>; warning?: string } {
  if (!isRecord(shares)) {
    throw new TypeError(`${fn}: the shares of "${name}" must be an object { category: share }, got ${describeValue(shares)}`);
  }
  const entries: [string, number][] = [];
  const seen = new Map<string, string>();
  for (const [category, share] of Object.entries(shares)) {
    // Categories are matched as the data's values are: read with categoryKey (trimmed, NFC).
    const key = readCategoryKey(category);
    if (key === null || key === undefined || key !== category.normalize('NFC')) {
      throw new RangeError(
        `${fn}: "${name}" has a category named ${JSON.stringify(category)}; categories must be non-empty and without surrounding white space, as they appear in the data`,
      );
    }
    if (typeof share !== 'number' || !Number.isFinite(share)) {
      throw new TypeError(`${fn}: the share of "${name}" = "${category}" must be a finite number, got ${describeValue(share)}`);
    }
    if (share < 0 || share > 1) {
      const hint = share > 1 && share <= 100 ? ` — shares are fractions, so write ${share / 100} for ${share} %` : '';
      throw new RangeError(`${fn}: the share of "${name}" = "${category}" must lie in [0, 1], got ${share}${hint}`);
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new RangeError(`${fn}: the targets of "${name}" name the category "${key}" twice (${JSON.stringify(earlier)} and ${JSON.stringify(category)}); give it once`);
    }
    seen.set(key, category);
    entries.push([key, share]);
  }
  if (entries.length === 0) {
    throw new RangeError(`${fn}: "${name}" has no categories; give at least one { category: share }`);
  }
  let sum = 0;
  for (const [, share] of entries) sum += share;
  const off = sum - 1;
  const described = `shares of "${name}" sum to ${percentText(sum)} (off by ${percentText(off)})`;
  if (Math.abs(off) <= SHARE_TOLERANCE) return { shares: Object.fromEntries(entries) };
  if (!rescale) {
    throw new RangeError(
      `${fn}: ${described}, but they must sum to 1 within 1e-9; correct them (divide population counts by their total), or for rounded published shares rescale them with defineTargets({ rescale: true })`,
    );
  }
  const roundingLimit = entries.length * 0.005;
  if (sum === 0 || Math.abs(off) > roundingLimit + SHARE_TOLERANCE) {
    throw new RangeError(
      `${fn}: ${described}, more than rounding ${entries.length} shares to whole percentages can explain (${percentText(roundingLimit)}); check the figures rather than rescale them`,
    );
  }
  return {
    shares: Object.fromEntries(entries.map(([category, share]) => [category, share / sum])),
    warning: `${fn}: ${described}; rescaled each share by 1/${Number(sum.toPrecision(12))}`,
  };
}
