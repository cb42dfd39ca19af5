import { isMissingValue, sourceFromRows } from '../data/source';
import { meanInterval } from '../inference/meanInterval';
import { describeValue } from '../internal/validate';
import {
  categoryKey,
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
 * otherwise; `{ name, kind }` fixes the kind. Category values are compared as trimmed strings.
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
  const result: Record<string, VariableTarget> = {};
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
    result[spec.name] =
      kind === 'numeric' ? numericTarget(fn, spec.name, column) : categoricalTarget(column);
  }
  if (missingProblems.length > 0) {
    throw new RangeError(
      `${fn}: the population frame must be complete, but ${missingProblems.join('; ')}; fill them in, or build the targets with targetsFromFrame(frame, { missing: 'ignore' })`,
    );
  }
  return warnings.length > 0 ? { size, variables: result, warnings } : { size, variables: result };
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

function categoricalTarget(column: ArrayLike<unknown>): CategoricalTarget {
  const counts: Record<string, number> = {};
  let n = 0;
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (isMissingValue(value)) continue;
    const key = categoryKey(value);
    counts[key] = (counts[key] ?? 0) + 1;
    n++;
  }
  const shares: Record<string, number> = {};
  for (const key of Object.keys(counts)) shares[key] = (counts[key] as number) / n;
  return { kind: 'categorical', shares, counts };
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
 * A plain object is read as shares unless it has a numeric `mean` (then it is a numeric target);
 * a category literally named "mean" needs `{ kind: 'categorical', shares }`.
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
  const { size, rescale = false, source } = options;
  if (size !== undefined && (typeof size !== 'number' || !Number.isInteger(size) || size < 1)) {
    throw new RangeError(`${fn}: size must be a positive integer (units in the population, e.g. 98), got ${describeValue(size)}`);
  }
  const { variables, warnings } = checkTargetVariables(fn, options.variables, rescale);
  return {
    ...(size === undefined ? {} : { size }),
    variables,
    ...(source === undefined ? {} : { source }),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/**
 * Checks hand-written targets (plain shares, `{ mean }` or full targets) and returns them as
 * {@link VariableTarget}s. Internal: `representativeness` calls it with `rescale: false`.
 */
export function checkTargetVariables(
  fn: string,
  variables: unknown,
  rescale: boolean,
): { variables: Record<string, VariableTarget>; warnings: string[] } {
  if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) {
    throw new TypeError(
      `${fn}: variables must be an object of targets, e.g. { region: { Hovedstaden: 0.3, … }, population: { mean: 60828 } }, got ${describeValue(variables)}`,
    );
  }
  const out: Record<string, VariableTarget> = {};
  const warnings: string[] = [];
  for (const [name, input] of Object.entries(variables as Record<string, unknown>)) {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new TypeError(
        `${fn}: the target of "${name}" must be shares ({ category: share }) or { mean, sd? }, got ${describeValue(input)}`,
      );
    }
    const record = input as Record<string, unknown>;
    const kind = record['kind'];
    if (kind === 'numeric' || (kind === undefined && typeof record['mean'] === 'number')) {
      out[name] = checkNumeric(fn, name, record);
    } else if (kind === 'categorical' || kind === undefined) {
      const shares = kind === 'categorical' ? record['shares'] : record;
      const checked = checkShares(fn, name, shares, rescale);
      if (checked.warning) warnings.push(checked.warning);
      const counts = kind === 'categorical' ? record['counts'] : undefined;
      out[name] =
        counts !== undefined && counts !== null && typeof counts === 'object'
          ? { kind: 'categorical', shares: checked.shares, counts: counts as Record<string, number> }
          : { kind: 'categorical', shares: checked.shares };
    } else {
      throw new RangeError(`${fn}: the target of "${name}" has unknown kind ${describeValue(kind)}; use 'categorical' or 'numeric'`);
    }
  }
  if (Object.keys(out).length === 0) {
    throw new RangeError(`${fn}: no targets were given; name at least one variable`);
  }
  return { variables: out, warnings };
}

function checkNumeric(fn: string, name: string, record: Record<string, unknown>): NumericTarget {
  const mean = record['mean'];
  if (typeof mean !== 'number' || !Number.isFinite(mean)) {
    throw new TypeError(`${fn}: the mean of "${name}" must be a finite number, got ${describeValue(mean)}`);
  }
  const target: { kind: 'numeric'; mean: number; sd?: number; total?: number; n?: number } = { kind: 'numeric', mean };
  for (const key of ['sd', 'total', 'n'] as const) {
    const value = record[key];
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
  if (shares === null || typeof shares !== 'object' || Array.isArray(shares)) {
    throw new TypeError(`${fn}: the shares of "${name}" must be an object { category: share }, got ${describeValue(shares)}`);
  }
  const entries = Object.entries(shares as Record<string, unknown>);
  if (entries.length === 0) {
    throw new RangeError(`${fn}: "${name}" has no categories; give at least one { category: share }`);
  }
  let sum = 0;
  for (const [category, share] of entries) {
    if (category.trim() === '' || category !== category.trim()) {
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
    sum += share;
  }
  const off = sum - 1;
  const described = `shares of "${name}" sum to ${percentText(sum)} (off by ${percentText(off)})`;
  if (Math.abs(off) <= SHARE_TOLERANCE) return { shares: Object.fromEntries(entries) as Record<string, number> };
  if (!rescale) {
    throw new RangeError(
      `${fn}: ${described}, but they must sum to 1 within 1e-9; correct them, or for rounded published shares pass rescale: true (defineTargets) to rescale them`,
    );
  }
  const roundingLimit = entries.length * 0.005;
  if (sum === 0 || Math.abs(off) > roundingLimit + SHARE_TOLERANCE) {
    throw new RangeError(
      `${fn}: ${described}, more than rounding ${entries.length} shares to whole percentages can explain (${percentText(roundingLimit)}); check the figures rather than rescale them`,
    );
  }
  const rescaled: Record<string, number> = {};
  for (const [category, share] of entries) rescaled[category] = (share as number) / sum;
  return {
    shares: rescaled,
    warning: `${fn}: ${described}; rescaled each share by 1/${Number(sum.toPrecision(12))}`,
  };
}
