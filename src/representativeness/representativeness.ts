import { isMissingValue, sourceFromColumns, sourceFromRows, type ColumnSource } from '../data/source';
import type { Survey } from '../data/survey';
import type { SurveySummary } from '../summary/types';
import { assertSurveySummary, isSurveySummary } from '../summary/validateSummary';
import { chiSquareGoodnessOfFit } from '../inference/chiSquareGoodnessOfFit';
import { meanInterval } from '../inference/meanInterval';
import { oneSampleTTest } from '../inference/oneSampleTest';
import { proportionInterval, type ProportionMethod } from '../inference/proportionInterval';
import {
  assertLevel,
  assertOneOf,
  checkPopulationSize,
  checkOptionKeys,
  describeValue,
  optionKeys,
} from '../internal/validate';
import { categoryOf, formatRows, looksNumeric, parseVariables, type VariableKind, type VariableSpec } from './internal';
import {
  buildTargetsFromFrame,
  readTargetsInput,
  type PopulationTargets,
  type TargetInput,
  type VariableTarget,
} from './populationTargets';

/** The sample: rows (one object per respondent), columns of equal length, or a `Survey`. */
export type RepresentativenessSample =
  | Iterable<object>
  | Readonly<Record<string, ArrayLike<unknown>>>
  | Survey
  | SurveySummary;

/** Options of {@link representativeness}. */
export interface RepresentativenessOptions {
  /**
   * The respondents: rows, columns or a `Survey` (its attributes are read), or a `SurveySummary`
   * (its categorical attributes: categorical variables only, with the same rows as the survey).
   */
  readonly sample: RepresentativenessSample;
  /** The population frame: one row per unit (e.g. the 98 municipalities). Give this or `targets`. */
  readonly population?: Iterable<object>;
  /**
   * Population targets: from `targetsFromFrame` / `defineTargets`, or the plain shape
   * `{ region: { Hovedstaden: 0.30, … }, population: { mean: 60828 } }`. Give this or `population`.
   */
  readonly targets?: PopulationTargets | Readonly<Record<string, TargetInput>>;
  /** The variables to compare: names or `{ name, kind }`. */
  readonly variables: readonly VariableSpec[];
  /** Confidence level strictly between 0 and 1; default 0.95. */
  readonly level?: number;
  /** Interval method for category shares; default `'wald'` (the 2024 report's). */
  readonly method?: ProportionMethod;
  /** Reference distribution for numeric means: `'normal'` (default, a z interval) or `'t'`. */
  readonly distribution?: 'normal' | 't';
  /**
   * Population size N for the finite population correction (proportion variance × (N − n)/(N − 1),
   * mean variance × (1 − n/N)). Default: none, as in the 2024 report.
   */
  readonly populationSize?: number;
}

/** One row of the comparison: a category share or a numeric mean. */
export interface RepresentativenessRow {
  readonly variable: string;
  readonly kind: VariableKind;
  /** The category; `null` for a numeric variable's mean row. */
  readonly category: string | null;
  /** Population share (categorical) or mean (numeric). */
  readonly population: number;
  /** Sample share or mean; `NaN` when the variable has no (or, for a mean, fewer than 1) values. */
  readonly sample: number;
  /** Lower bound of the sample's interval; `NaN` when undefined (n = 0, or n < 2 for a mean). */
  readonly lower: number;
  /** Upper bound of the sample's interval; `NaN` when undefined. */
  readonly upper: number;
  /** Whether lower ≤ population ≤ upper; false when the bounds are `NaN`. */
  readonly covered: boolean;
  /** sample − population; `NaN` when the sample value is. */
  readonly gap: number;
  /** Respondents in the category (categorical rows). */
  readonly count?: number;
  /** Respondents with a value for this variable. */
  readonly n: number;
  /** Standard error of the sample mean (numeric rows). */
  readonly se?: number;
  /** Set (true) for a population category nobody in the sample belongs to. */
  readonly absentFromSample?: true;
  /** Why the interval is `NaN`, when it is. */
  readonly reason?: string;
}

/** A test of the whole variable: chi-square goodness of fit, or a one-sample z / t test of the mean. */
export interface RepresentativenessTest {
  readonly method: 'pearson-chi-square' | 'one-sample-z' | 'one-sample-t';
  /** X² or z / t; `NaN` when undefined. */
  readonly statistic: number;
  /** Degrees of freedom (chi-square: categories − 1; t: n − 1); absent for z. */
  readonly df?: number;
  /** p-value (chi-square: upper tail; z / t: two-sided); `NaN` when undefined. */
  readonly p: number;
  /** Smallest expected count (chi-square). */
  readonly minExpected?: number;
  /** Set when an expected count is below 5. */
  readonly warning?: string;
  /** Why the statistic is `NaN`, when it is. */
  readonly reason?: string;
}

/** Per-variable summary. */
export interface RepresentativenessVariable {
  readonly variable: string;
  readonly kind: VariableKind;
  /** Respondents with a value. */
  readonly n: number;
  /** Respondents without one (missing values), left out of n. */
  readonly nMissing: number;
  /** Whether every row of the variable is covered. */
  readonly covered: boolean;
  readonly test: RepresentativenessTest;
}

/** Result of {@link representativeness}: plain, JSON-serialisable data. */
export interface RepresentativenessResult {
  readonly rows: RepresentativenessRow[];
  /** Every row covered. */
  readonly representative: boolean;
  readonly variables: RepresentativenessVariable[];
  /** Respondents in the sample (before per-variable missing values). */
  readonly n: number;
  readonly method: ProportionMethod;
  readonly distribution: 'normal' | 't';
  readonly level: number;
  /** N, when the finite population correction was applied. */
  readonly populationSize?: number;
  /** Units in the population frame or `targets.size`, when known (information only). */
  readonly populationUnits?: number;
  /** Sparse chi-square cells, targets adjustments and similar notes. */
  readonly warnings: string[];
}

const METHODS: readonly ProportionMethod[] = ['wald', 'wilson', 'agresti-coull', 'clopper-pearson', 'jeffreys'];

/**
 * Checks whether a sample represents its population: for each category of a categorical
 * variable, whether the population share lies inside the confidence interval of the sample
 * share; for a numeric variable, whether the population mean lies inside the interval of the
 * sample mean. `representative` is true when every population value is covered.
 *
 * Categorical: with x of n respondents in a category, p̂ = x/n and, by default (Wald, as the
 * 2024 report), p̂ ± z·√(p̂(1 − p̂)/n); any `proportionInterval` method can be chosen. A
 * chi-square goodness-of-fit test of the counts against the population shares,
 * X² = Σ (xₖ − n·πₖ)²/(n·πₖ), is reported per variable, with a warning when an expected count is
 * below 5. Numeric: x̄ ± q·s/√n with q the normal quantile (default) or Student t's with n − 1
 * degrees of freedom, s from the sample; a one-sample z (or t) test (x̄ − μ)/(s/√n). With
 * `populationSize` N the proportion variance is multiplied by (N − n)/(N − 1) and the mean
 * variance by (1 − n/N).
 *
 * Population categories nobody in the sample belongs to are kept (sample share 0,
 * `absentFromSample: true`); sample categories unknown to the population are an error. Missing
 * sample values are counted per variable in `nMissing` and left out of that variable's n.
 *
 * @param options - `sample`, `population` or `targets`, `variables`, `level`, `method`,
 *   `distribution`, `populationSize`
 * @returns rows per category / mean, per-variable tests and the verdict; a row's `sample`,
 *   `lower`, `upper` and `gap` are `NaN` (with `reason`, and `covered: false`) when the variable
 *   has no values in the sample, and a mean's bounds are `NaN` when it has fewer than 2
 * @throws TypeError for a malformed sample, targets or variables, or non-numbers in a numeric
 *   variable; RangeError when both or neither of population / targets are given, a variable is
 *   not in the targets or the data, kinds disagree, a sample category is unknown to the
 *   population, shares do not sum to 1, or level / method / populationSize is invalid
 * @example
 * ```ts
 * const sample = [
 *   ...Array(20).fill({ region: 'Hovedstaden' }), ...Array(11).fill({ region: 'Sjælland' }),
 *   ...Array(16).fill({ region: 'Syddanmark' }), ...Array(13).fill({ region: 'Midtjylland' }),
 *   ...Array(10).fill({ region: 'Nordjylland' }),
 * ];
 * const r = representativeness({ sample, population: municipalities2020(), variables: ['region'] });
 * r.rows[0];
 * // { variable: 'region', kind: 'categorical', category: 'Hovedstaden',
 * //   population: 0.29591836734693877, sample: 0.2857142857142857,
 * //   lower: 0.1798861779237504, upper: 0.391542393504821, covered: true,
 * //   gap: -0.010204081632653073, count: 20, n: 70 }            (18 %–39 %)
 * r.representative; // true
 * ```
 * @see R `prop.test`, `binom.test`, `chisq.test(x, p = p)`, `t.test`; Cochran (1977),
 *   Sampling Techniques, §2–3 (finite population correction); {@link targetsFromFrame},
 *   {@link defineTargets}
 */
export function representativeness(options: RepresentativenessOptions): RepresentativenessResult {
  const fn = 'representativeness';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: pass { sample, population or targets, variables }, got ${describeValue(options)}`);
  }
  checkOptionKeys(
    fn,
    options,
    optionKeys<RepresentativenessOptions>({
      sample: true,
      population: true,
      targets: true,
      variables: true,
      level: true,
      method: true,
      distribution: true,
      populationSize: true,
    }),
  );
  const { level = 0.95, method = 'wald', distribution = 'normal' } = options;
  assertLevel(fn, level);
  assertOneOf(fn, method, METHODS, 'method');
  assertOneOf(fn, distribution, ['normal', 't'] as const, 'distribution');
  const specs = parseVariables(fn, options.variables);

  const hasPopulation = options.population !== undefined;
  const hasTargets = options.targets !== undefined;
  if (hasPopulation === hasTargets) {
    throw new RangeError(
      `${fn}: give exactly one of population (a frame, one row per unit) and targets (shares and means); got ${hasPopulation ? 'both' : 'neither'}`,
    );
  }
  const warnings: string[] = [];
  const sample = readSample(fn, options.sample, specs.map((s) => s.name));
  let targetVariables: Record<string, VariableTarget>;
  let populationUnits: number | undefined;
  if (hasPopulation) {
    const sampleKinds = new Map<string, VariableKind>();
    for (const spec of specs) {
      const kind = spec.kind === undefined ? sample.kindOf(spec.name) : undefined;
      if (kind !== undefined) sampleKinds.set(spec.name, kind);
    }
    const built = buildTargetsFromFrame(
      fn,
      options.population as Iterable<Record<string, unknown>>,
      specs.map((s) => (s.kind ? { name: s.name, kind: s.kind } : s.name)),
      'error',
      sampleKinds,
    );
    targetVariables = built.variables as Record<string, VariableTarget>;
    populationUnits = built.size;
    warnings.push(...(built.warnings ?? []));
  } else {
    const read = readTargetsInput(fn, options.targets, false);
    targetVariables = read.variables;
    populationUnits = read.size;
    warnings.push(...read.warnings);
  }

  const rows: RepresentativenessRow[] = [];
  const variables: RepresentativenessVariable[] = [];
  for (const spec of specs) {
    const target = Object.hasOwn(targetVariables, spec.name) ? targetVariables[spec.name] : undefined;
    if (target === undefined) {
      throw new RangeError(
        `${fn}: the targets have no variable "${spec.name}"; they have ${Object.keys(targetVariables).map((n) => `"${n}"`).join(', ')}`,
      );
    }
    if (spec.kind !== undefined && spec.kind !== target.kind) {
      throw new RangeError(`${fn}: "${spec.name}" is declared ${spec.kind} but its target is ${target.kind}; make them agree`);
    }
    const values = sample.values(spec.name, target.kind);
    const context = { fn, level, method, distribution, populationSize: options.populationSize, warnings };
    const compared =
      target.kind === 'categorical'
        ? compareCategorical(spec.name, values, target.shares, context)
        : compareNumeric(spec.name, values, target.mean, context);
    rows.push(...compared.rows);
    variables.push(compared.variable);
  }

  const result: RepresentativenessResult = {
    rows,
    representative: rows.every((row) => row.covered),
    variables,
    n: sample.length,
    method,
    distribution,
    level,
    ...(options.populationSize === undefined ? {} : { populationSize: options.populationSize }),
    ...(populationUnits === undefined ? {} : { populationUnits }),
    warnings,
  };
  return result;
}

interface CompareContext {
  readonly fn: string;
  readonly level: number;
  readonly method: ProportionMethod;
  readonly distribution: 'normal' | 't';
  readonly populationSize: number | undefined;
  readonly warnings: string[];
}

interface SampleReader {
  readonly length: number;
  /** The raw values of a variable, missing values as null / undefined / NaN / blank. */
  values(name: string, kind: VariableKind): ArrayLike<unknown>;
  /** `'numeric'` when the sample holds the variable as numbers, `undefined` when it does not say. */
  kindOf(name: string): VariableKind | undefined;
}

function isSurvey(value: unknown): value is Survey {
  return value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'survey' && typeof (value as Survey).category === 'function';
}

function readSample(fn: string, sample: unknown, names: readonly string[]): SampleReader {
  if (isSurveySummary(sample)) {
    assertSurveySummary(fn, sample, 'the sample summary');
    const attributes = new Map(sample.attributes.map((a) => [a.name, a]));
    return {
      length: sample.respondents,
      kindOf: () => undefined,
      values(name, kind) {
        const attribute = attributes.get(name);
        if (attribute === undefined || kind === 'numeric') {
          throw new RangeError(
            `${fn}: a survey summary holds categorical attributes only, and "${name}" is not one of them (it has ${[...attributes.keys()].map((n) => `"${n}"`).join(', ') || 'none'}); compare numeric variables on the survey itself`,
          );
        }
        // The respondents' values rebuilt from the counts: the comparison reads only the counts.
        const values: (string | null)[] = [];
        for (const category of attribute.categories) for (let c = 0; c < category.count; c++) values.push(category.value);
        for (let c = 0; c < attribute.missing; c++) values.push(null);
        return values;
      },
    };
  }
  if (isSurvey(sample)) {
    return {
      length: sample.size,
      kindOf(name) {
        return Object.hasOwn(sample.attributes, name) && sample.attributes[name] === 'number' ? 'numeric' : undefined;
      },
      values(name, kind) {
        const attribute = Object.hasOwn(sample.attributes, name) ? sample.attributes[name] : undefined;
        if (attribute === undefined) {
          const known = Object.keys(sample.attributes);
          throw new RangeError(
            `${fn}: the survey has no attribute "${name}"; declare it in survey({ attributes }) (it has ${known.length ? known.map((n) => `"${n}"`).join(', ') : 'none'})`,
          );
        }
        if (attribute === 'number') return Array.from(sample.numeric(name));
        if (kind === 'numeric') {
          throw new RangeError(`${fn}: "${name}" is a categorical attribute of the survey but a numeric variable in the population; declare it { ${name}: 'number' } in survey({ attributes })`);
        }
        return sample.category(name);
      },
    };
  }
  let source: ColumnSource;
  if (sample !== null && typeof sample === 'object' && typeof (sample as Iterable<unknown>)[Symbol.iterator] === 'function') {
    source = sourceFromRows(fn, sample as Iterable<Record<string, unknown>>, names);
  } else if (sample !== null && typeof sample === 'object') {
    source = sourceFromColumns(fn, sample as Record<string, ArrayLike<unknown>>);
  } else {
    throw new TypeError(`${fn}: sample must be rows (an array of objects), columns ({ name: array }) or a Survey, got ${describeValue(sample)}`);
  }
  return {
    length: source.length,
    kindOf(name) {
      const column = source.column(name);
      return column !== undefined && looksNumeric(column) ? 'numeric' : undefined;
    },
    values(name) {
      const column = source.column(name);
      if (column === undefined) {
        // An empty sample has no columns at all; treat every variable as present and empty.
        if (source.length === 0) return [];
        throw new RangeError(
          `${fn}: the sample has no column "${name}"; its columns include ${source.names.map((n) => `"${n}"`).join(', ') || '(none)'}`,
        );
      }
      return column;
    },
  };
}

function compareCategorical(
  name: string,
  values: ArrayLike<unknown>,
  shares: Readonly<Record<string, number>>,
  context: CompareContext,
): { rows: RepresentativenessRow[]; variable: RepresentativenessVariable } {
  const { fn } = context;
  const categories = Object.keys(shares);
  const counts = new Map<string, number>(categories.map((c) => [c, 0]));
  const unknown = new Map<string, number[]>();
  let nMissing = 0;
  for (let i = 0; i < values.length; i++) {
    const key = categoryOf(fn, values[i], name, i);
    if (key === null) {
      nMissing++;
      continue;
    }
    const count = counts.get(key);
    if (count === undefined) {
      const rowsOf = unknown.get(key) ?? [];
      rowsOf.push(i);
      unknown.set(key, rowsOf);
    } else counts.set(key, count + 1);
  }
  if (unknown.size > 0) {
    const listed = [...unknown].map(([key, at]) => `"${key}" (${at.length}×, ${formatRows(at)})`).join(', ');
    throw new RangeError(
      `${fn}: the sample has categories of "${name}" that the population does not: ${listed}; the population has ${categories.map((c) => `"${c}"`).join(', ')} — correct the spelling or add them to the population`,
    );
  }
  const n = values.length - nMissing;
  const populationSize = checkPopulationSize(fn, context.populationSize, n);
  const rows: RepresentativenessRow[] = [];
  for (const category of categories) {
    const count = counts.get(category) as number;
    const population = shares[category] as number;
    const interval = proportionInterval(count, n, {
      method: context.method,
      level: context.level,
      ...(populationSize === undefined ? {} : { populationSize }),
    });
    const covered = coversValue(interval.lower, interval.upper, population);
    rows.push({
      variable: name,
      kind: 'categorical',
      category,
      population,
      sample: interval.estimate,
      lower: interval.lower,
      upper: interval.upper,
      covered,
      gap: interval.estimate - population,
      count,
      n,
      ...(count === 0 ? { absentFromSample: true as const } : {}),
      ...(n === 0 ? { reason: `no respondent has a value for "${name}"` } : {}),
    });
  }
  const test = categoricalTest(name, categories, counts, shares, context);
  return {
    rows,
    variable: { variable: name, kind: 'categorical', n, nMissing, covered: rows.every((r) => r.covered), test },
  };
}

function categoricalTest(
  name: string,
  categories: readonly string[],
  counts: ReadonlyMap<string, number>,
  shares: Readonly<Record<string, number>>,
  context: CompareContext,
): RepresentativenessTest {
  // Categories with population share 0 cannot enter the test (expected count 0); a sample count
  // in one of them makes the fit impossible, which the test reports as p = 0.
  const observed: number[] = [];
  const expected: number[] = [];
  let impossible = false;
  for (const category of categories) {
    const share = shares[category] as number;
    const count = counts.get(category) as number;
    if (share > 0) {
      observed.push(count);
      expected.push(share);
    } else if (count > 0) impossible = true;
  }
  if (impossible) {
    return { method: 'pearson-chi-square', statistic: Infinity, df: observed.length, p: 0, reason: `respondents fall in a category of "${name}" whose population share is 0` };
  }
  if (observed.length < 2) {
    return { method: 'pearson-chi-square', statistic: NaN, df: 0, p: NaN, reason: `"${name}" has fewer than 2 categories with a positive population share, so there is nothing to test` };
  }
  // Shares re-summed to exactly 1 so the test reads them as shares even after float drift.
  const total = expected.reduce((a, b) => a + b, 0);
  const test = chiSquareGoodnessOfFit(observed, expected.map((e) => e / total));
  const out: { -readonly [K in keyof RepresentativenessTest]: RepresentativenessTest[K] } = {
    method: 'pearson-chi-square',
    statistic: test.statistic,
    df: test.df,
    p: test.p,
    minExpected: test.minExpected,
  };
  if (test.reason) out.reason = test.reason;
  if (test.n > 0 && test.minExpected < 5) {
    const below = test.expected.filter((e) => e < 5).length;
    out.warning = `${context.fn}: "${name}": ${below} of ${test.expected.length} expected counts are below 5 (smallest ${Number(test.minExpected.toPrecision(6))}); the chi-square p-value may be inaccurate — merge sparse categories`;
    context.warnings.push(out.warning);
  }
  return out;
}

function compareNumeric(
  name: string,
  values: ArrayLike<unknown>,
  populationMean: number,
  context: CompareContext,
): { rows: RepresentativenessRow[]; variable: RepresentativenessVariable } {
  const { fn } = context;
  const numbers: number[] = [];
  const bad: number[] = [];
  let nMissing = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isMissingValue(value)) nMissing++;
    else if (typeof value !== 'number' || !Number.isFinite(value)) bad.push(i);
    else numbers.push(value);
  }
  if (bad.length > 0) {
    throw new TypeError(
      `${fn}: "${name}" is numeric in the population, but the sample holds non-numbers in ${formatRows(bad)} (first: ${describeValue(values[bad[0] as number])}); convert them to numbers`,
    );
  }
  const n = numbers.length;
  const populationSize = checkPopulationSize(fn, context.populationSize, n);
  const interval = meanInterval(numbers, {
    level: context.level,
    distribution: context.distribution,
    ...(populationSize === undefined ? {} : { populationSize }),
  });
  const covered = coversValue(interval.lower, interval.upper, populationMean);
  const row: RepresentativenessRow = {
    variable: name,
    kind: 'numeric',
    category: null,
    population: populationMean,
    sample: interval.mean,
    lower: interval.lower,
    upper: interval.upper,
    covered,
    gap: interval.mean - populationMean,
    n,
    se: interval.se,
    ...(interval.reason ? { reason: interval.reason } : {}),
  };
  const testMethod = context.distribution === 'normal' ? 'one-sample-z' : 'one-sample-t';
  let test: RepresentativenessTest;
  if (n < 2 || !(interval.se > 0)) {
    test = {
      method: testMethod,
      statistic: NaN,
      ...(testMethod === 'one-sample-t' ? { df: Math.max(n - 1, 0) } : {}),
      p: NaN,
      reason: n < 2 ? 'fewer than 2 values: the standard error is undefined' : 'the standard error is 0 (constant values or a census)',
    };
  } else {
    const { statistic, p, df } = oneSampleTTest({ mean: interval.mean, sd: interval.sd, n }, populationMean, {
      level: context.level,
      distribution: context.distribution,
      ...(populationSize === undefined ? {} : { populationSize }),
    });
    test = testMethod === 'one-sample-z' ? { method: testMethod, statistic, p } : { method: testMethod, statistic, df, p };
  }
  return {
    rows: [row],
    variable: { variable: name, kind: 'numeric', n, nMissing, covered, test },
  };
}

/**
 * Whether [lower, upper] holds `value`, allowing a few units in the last place: a census
 * (n = N with the finite population correction) has a zero-width interval at the sample value,
 * and the same mean summed in another row order can differ from the frame's by an ulp.
 */
function coversValue(lower: number, upper: number, value: number): boolean {
  const slack = 4 * Number.EPSILON * Math.max(Math.abs(lower), Math.abs(upper), Math.abs(value));
  return lower - slack <= value && value <= upper + slack;
}
