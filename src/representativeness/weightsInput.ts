/**
 * Reading the inputs of the weighting functions ({@link postStratify}, {@link rake}): the
 * sample (rows, columns or a `Survey`), its categorical weighting variables, base weights and
 * the population targets. Internal: never re-exported from `src/index.ts`.
 */
import { ambiguityMessage, readNumberColumn } from '../data/number';
import { readSource, type ColumnSource } from '../data/source';
import type { Survey } from '../data/survey';
import { describeValue } from '../internal/validate';
import { categoryOf } from './internal';
import { readTargetsInput } from './populationTargets';
import type { PopulationTargets, VariableTarget } from './populationTargets';

/** A sample to weight: one object per respondent, one array per column, or a {@link Survey}. */
export type WeightingSample =
  | Iterable<object>
  | Readonly<Record<string, ArrayLike<unknown>>>
  | Survey;

/** Population shares of the categories of one variable, e.g. `{ Hovedstaden: 0.296, … }`. */
export type CategoricalShares = Readonly<Record<string, number>>;

/**
 * Population targets for weighting. Either the {@link PopulationTargets} model (from
 * `defineTargets` or `targetsFromFrame`): `{ size?, variables: { region: { kind: 'categorical', shares } } }`,
 * or the plain shape `{ region: { Hovedstaden: 0.296, … }, size: { … } }` (a variable may also be
 * a full `{ kind, … }` target). Only categorical margins are used for weighting; numeric targets
 * (`{ mean }`) are recognised and left out.
 */
export type WeightingTargets =
  | PopulationTargets
  | Readonly<Record<string, CategoricalShares | VariableTarget | { readonly mean: number; readonly sd?: number }>>;

/** One categorical margin, validated: categories in target order, shares summing to 1. */
export interface Margin {
  readonly variable: string;
  readonly categories: readonly string[];
  readonly shares: Float64Array;
  /** Each respondent's category index. */
  readonly index: Int32Array;
  /** Respondents per category. */
  readonly counts: Float64Array;
}

/** The targets, read: categorical margins by name, the numeric ones' names, the population size. */
export interface ReadTargets {
  readonly categorical: Map<string, { categories: string[]; shares: Float64Array }>;
  readonly numeric: string[];
  readonly size: number | undefined;
}

const SHOW = 5;


function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isSurvey(sample: unknown): sample is Survey {
  return isPlainObject(sample) && (sample as { kind?: unknown }).kind === 'survey' && typeof (sample as { category?: unknown }).category === 'function';
}

/** Accessor for a sample: its length, ids, the values of one variable, its own weights. */
export interface SampleReader {
  readonly length: number;
  readonly ids: readonly string[] | undefined;
  /** A variable's category keys (null where missing). */
  values(name: string): readonly (string | null)[];
  /** A numeric column (for base weights named by column). */
  raw(name: string): ArrayLike<unknown>;
  /** The survey's own weights, or null. */
  readonly weights: Float64Array | null;
}

/** Wraps rows, columns or a Survey; `wanted` names the columns rows must keep. */
export function readSample(fn: string, sample: unknown, wanted: readonly string[], idColumn: string | undefined): SampleReader {
  if (isSurvey(sample)) {
    const s = sample;
    return {
      length: s.size,
      ids: s.ids,
      weights: s.weights,
      values(name) {
        const kind = Object.hasOwn(s.attributes, name) ? s.attributes[name] : undefined;
        if (kind === 'number') {
          throw new RangeError(
            `${fn}: "${name}" is a numeric attribute of the survey; weighting needs categories: declare it as 'category' in survey({ attributes }) or group it with sizeGroups() first`,
          );
        }
        if (kind !== 'category') {
          const known = Object.entries(s.attributes).filter(([, k]) => k === 'category').map(([n]) => `"${n}"`);
          throw new RangeError(`${fn}: the survey has no categorical attribute "${name}"; its categorical attributes are ${known.join(', ') || 'none'}`);
        }
        // The survey's categories are category keys already.
        return s.category(name);
      },
      raw(name) {
        throw new TypeError(`${fn}: baseWeights "${name}" names a column, but the sample is a Survey; pass an array of numbers (or rely on the survey's own weights)`);
      },
    };
  }
  // Rows and columns are read by the one column source of the reading layer: own properties
  // only (a row without a "toString" column has none), BigInts kept exact, one length.
  let source: ColumnSource;
  if (Array.isArray(sample) || (sample !== null && typeof sample === 'object' && typeof (sample as Iterable<unknown>)[Symbol.iterator] === 'function')) {
    source = readSource(fn, { rows: sample as Iterable<object> }, wanted);
  } else if (sample !== null && typeof sample === 'object' && !Array.isArray(sample)) {
    source = readSource(fn, { columns: sample as Record<string, ArrayLike<unknown>> }, wanted);
  } else {
    throw new TypeError(`${fn}: sample must be rows (an array of objects), columns (an object of arrays) or a Survey; got ${describeValue(sample)}`);
  }
  const length = source.length;
  const column = (name: string, role: string): ArrayLike<unknown> => {
    const values = source.column(name);
    if (values === undefined) {
      const names = source.names.map((n) => `"${n}"`).join(', ');
      throw new RangeError(`${fn}: the sample has no column "${name}" (${role})${names ? `; it has ${names}` : ''}`);
    }
    return values;
  };
  let ids: string[] | undefined;
  if (idColumn !== undefined) {
    const raw = column(idColumn, 'id');
    // Ids are read as the survey reads them (categoryKey), so a weighting result's ids match
    // the ids of a survey built from the same rows; a missing id is '' (it matches no respondent).
    ids = Array.from({ length }, (_, i) => categoryOf(fn, raw[i], idColumn, i) ?? '');
  }
  return {
    length,
    ids,
    weights: null,
    values(name) {
      const raw = column(name, 'weighting variable');
      return Array.from({ length }, (_, i) => categoryOf(fn, raw[i], name, i));
    },
    raw: (name) => column(name, 'base weights'),
  };
}

/**
 * The base (design) weights: `option` when given (an array or, for rows and columns, a column
 * name), none for `null`, else the survey's own. Finite and >= 0; at least one positive.
 */
export function readBaseWeights(fn: string, reader: SampleReader, option: unknown): Float64Array {
  const n = reader.length;
  let source: ArrayLike<unknown> | null;
  if (option === null) source = null;
  else if (option === undefined) source = reader.weights;
  else if (typeof option === 'string') source = reader.raw(option);
  else if (typeof option === 'object' && typeof (option as ArrayLike<unknown>).length === 'number') source = option as ArrayLike<unknown>;
  else throw new TypeError(`${fn}: baseWeights must be an array of numbers (one per respondent), a column name or null; got ${describeValue(option)}`);
  const weights = new Float64Array(n);
  if (source === null) {
    weights.fill(1);
    return weights;
  }
  if (source.length !== n) {
    throw new RangeError(`${fn}: baseWeights has ${source.length} values but the sample has ${n} respondents; give one per respondent`);
  }
  // Text weights are read by the library's one number parser (decimal mark decided per column).
  const read = readNumberColumn(fn, source, { column: 'baseWeights' });
  if (read.ambiguous !== null) throw new RangeError(ambiguityMessage(fn, 'baseWeights', read.ambiguous));
  const bad: string[] = [];
  let badCount = 0;
  for (let i = 0; i < n; i++) {
    const w = read.values[i] as number;
    if (Number.isNaN(w) || w < 0) {
      badCount++;
      if (bad.length < SHOW) bad.push(`${describeValue(source[i])} (row ${i})`);
    } else {
      weights[i] = w;
    }
  }
  if (badCount > 0) {
    throw new RangeError(
      `${fn}: ${badCount} base weight${badCount === 1 ? ' is' : 's are'} not a finite number >= 0: ${bad.join(', ')}${badCount > SHOW ? ', …' : ''}`,
    );
  }
  return weights;
}

/**
 * Reads the targets (either shape) with the library's one targets reader, `readTargetsInput`,
 * and keeps the categorical margins for weighting: shares checked to sum to 1, then normalised
 * exactly; numeric targets are listed by name and left out.
 */
export function readTargets(fn: string, targets: unknown): ReadTargets {
  const read = readTargetsInput(fn, targets, false);
  const categorical = new Map<string, { categories: string[]; shares: Float64Array }>();
  const numeric: string[] = [];
  for (const [variable, target] of Object.entries(read.variables)) {
    if (target.kind === 'numeric') {
      numeric.push(variable);
      continue;
    }
    const categories = Object.keys(target.shares);
    const values = Object.values(target.shares);
    let sum = 0;
    for (const v of values) sum += v;
    categorical.set(variable, { categories, shares: Float64Array.from(values, (v) => v / sum) });
  }
  return { categorical, numeric, size: read.size };
}

/**
 * Builds one margin: each respondent's category index. Throws, naming them, for respondents with
 * a missing value, sample categories absent from the targets, and target categories with a
 * positive share but no respondents (or only zero base weights).
 */
export function buildMargin(
  fn: string,
  variable: string,
  target: { categories: string[]; shares: Float64Array },
  values: readonly (string | null)[],
  base: Float64Array,
  ids: readonly string[] | undefined,
): Margin {
  const position = new Map(target.categories.map((c, k) => [c, k]));
  const index = new Int32Array(values.length);
  const counts = new Float64Array(target.categories.length);
  const baseSums = new Float64Array(target.categories.length);
  const missingRows: number[] = [];
  const unknown = new Map<string, number[]>();
  values.forEach((value, i) => {
    if (value === null) {
      missingRows.push(i);
      return;
    }
    const k = position.get(value);
    if (k === undefined) {
      const rows = unknown.get(value);
      if (rows === undefined) unknown.set(value, [i]);
      else rows.push(i);
      return;
    }
    index[i] = k;
    counts[k]! += 1;
    baseSums[k]! += base[i] as number;
  });
  const where = (rows: number[]): string => {
    const shown = rows.slice(0, SHOW).map((r) => (ids !== undefined ? `${r} (id ${ids[r]})` : String(r)));
    return `${shown.join(', ')}${rows.length > SHOW ? ', …' : ''}`;
  };
  if (missingRows.length > 0) {
    throw new RangeError(
      `${fn}: ${missingRows.length} respondent${missingRows.length === 1 ? ' has' : 's have'} no value for "${variable}" (rows ${where(missingRows)}, 0-based); ` +
        `fill them in, drop those respondents, or give them a category of their own with its own target`,
    );
  }
  if (unknown.size > 0) {
    const list = [...unknown].map(([value, rows]) => `"${value}" ×${rows.length} (rows ${where(rows)})`).join('; ');
    throw new RangeError(
      `${fn}: the sample has categories of "${variable}" that are not in the targets: ${list}; the targets name ${target.categories.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  const empty = target.categories.filter((_, k) => (target.shares[k] as number) > 0 && (baseSums[k] as number) === 0);
  if (empty.length > 0) {
    throw new RangeError(
      `${fn}: ${empty.map((c) => `"${c}"`).join(', ')} of "${variable}" ${empty.length === 1 ? 'has' : 'have'} a positive target share but no respondents (with a positive base weight), so ${empty.length === 1 ? 'it' : 'they'} cannot be weighted; merge ${empty.length === 1 ? 'it' : 'them'} with a neighbouring category in both the sample and the targets`,
    );
  }
  return { variable, categories: target.categories, shares: target.shares, index, counts };
}

/** The weights' total under the `scale` option; `populationSize` (or the targets' size) for 'population'. */
export function resolveScale(
  fn: string,
  scale: unknown,
  populationSize: unknown,
  targetSize: number | undefined,
  n: number,
): { scale: 'sample' | 'population'; total: number } {
  if (populationSize !== undefined && (typeof populationSize !== 'number' || !Number.isFinite(populationSize) || populationSize <= 0)) {
    throw new RangeError(`${fn}: populationSize must be a positive number (e.g. 98 municipalities), got ${describeValue(populationSize)}`);
  }
  const chosen = scale ?? (populationSize !== undefined ? 'population' : 'sample');
  if (chosen === 'sample') return { scale: 'sample', total: n };
  if (chosen !== 'population') {
    throw new RangeError(`${fn}: unknown scale ${describeValue(scale)}; use 'sample' (weights sum to n) or 'population' (weights sum to N)`);
  }
  const total = (populationSize as number | undefined) ?? targetSize;
  if (total === undefined) {
    throw new RangeError(`${fn}: scale 'population' needs populationSize (or targets with a size)`);
  }
  return { scale: 'population', total };
}

/** What both weighting methods read from the sample before they weight it. Internal. */
export interface OpenedSample {
  readonly reader: SampleReader;
  readonly n: number;
  /** Base weights, one per respondent (1 unless given or carried by a weighted survey). */
  readonly base: Float64Array;
  readonly scale: 'sample' | 'population';
  /** The sum the final weights are scaled to. */
  readonly total: number;
}

/**
 * Reads the sample's `variables` (plus the base weight and id columns when named), its base
 * weights and the weight scale: the common start of `postStratify` and `rake`. Internal.
 */
export function openSample(
  fn: string,
  sample: unknown,
  variables: readonly string[],
  options: { readonly baseWeights?: unknown; readonly id?: string; readonly scale?: unknown; readonly populationSize?: unknown },
  targetSize: number | undefined,
): OpenedSample {
  const wanted = [...variables];
  if (typeof options.baseWeights === 'string') wanted.push(options.baseWeights);
  if (options.id !== undefined) wanted.push(options.id);
  const reader = readSample(fn, sample, wanted, options.id);
  const n = reader.length;
  if (n === 0) throw new RangeError(`${fn}: the sample has no respondents`);
  const base = readBaseWeights(fn, reader, options.baseWeights);
  const { scale, total } = resolveScale(fn, options.scale, options.populationSize, targetSize, n);
  return { reader, n, base, scale, total };
}
