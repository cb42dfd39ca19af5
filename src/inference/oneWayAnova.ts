import { fCdf } from '../math';
import { isMissingValue } from '../data/missing';
import { describeValue } from '../internal/validate';

/** Options of {@link oneWayAnova} (none yet; reserved for future settings). */
export type OneWayAnovaOptions = Record<string, never>;

/** Per-group summary in a {@link OneWayAnovaResult}. */
export interface OneWayAnovaGroup {
  /** The group label as given (strings and numbers are distinct: `1` ≠ `'1'`). */
  group: string | number;
  /** Number of non-missing values in the group. */
  n: number;
  /** Group mean. */
  mean: number;
  /** Group standard deviation (divisor n − 1); `NaN` for a group of one. */
  sd: number;
}

/** Result of {@link oneWayAnova}: plain, JSON-serialisable data. */
export interface OneWayAnovaResult {
  /** F = (SS_between/df1) / (SS_within/df2); `Infinity` for constant, different groups; `NaN` when undefined (see `reason`). */
  f: number;
  /** Between-groups degrees of freedom k − 1. */
  df1: number;
  /** Within-groups degrees of freedom n − k. */
  df2: number;
  /** Upper-tail p-value P(F_{df1,df2} ≥ f); `NaN` when f is. */
  p: number;
  /** Between-groups sum of squares Σ nⱼ (ȳⱼ − ȳ)². */
  ssBetween: number;
  /** Within-groups sum of squares Σⱼ Σᵢ (yᵢⱼ − ȳⱼ)². */
  ssWithin: number;
  /** Number of rows used. */
  n: number;
  /** Rows skipped because the value or the group was missing. */
  nMissing: number;
  /** The groups in order of first appearance. */
  groups: OneWayAnovaGroup[];
  method: 'one-way-anova';
  /** Why f and p are `NaN`, when they are. */
  reason?: string;
}

/**
 * Classic (equal-variance) one-way analysis of variance: do k group means differ?
 *
 * With group means ȳⱼ, sizes nⱼ and grand mean ȳ: SS_between = Σ nⱼ(ȳⱼ − ȳ)²,
 * SS_within = Σⱼ Σᵢ (yᵢⱼ − ȳⱼ)², F = (SS_between/(k − 1)) / (SS_within/(n − k)), referred to
 * F(k − 1, n − k); the p-value is the upper tail, computed directly. Means use a correcting
 * second pass and the sums of squares are two-pass, so large offsets (10⁸ + small values) keep
 * their precision.
 *
 * Rows whose value or group is missing by the library's one rule (`isMissingValue`: `null`,
 * `undefined`, `NaN`, or text that is empty, white space or invisible characters only) are
 * skipped and counted in `nMissing`. Groups
 * are reported in order of first appearance among the rows used.
 *
 * @param values - the outcome per row: finite numbers or missing
 * @param groups - the group label per row (string or number) or missing; same length as values
 * @returns the test; with fewer than 2 groups, no within-group degrees of freedom, or no
 *   variance at all, `f` and `p` are `NaN` and `reason` says why; constant groups with
 *   different means give `f = Infinity`, `p = 0`
 * @throws RangeError when the lengths differ; TypeError when a value is neither a finite number
 *   nor missing, or a group label is neither a string nor a number
 * @example
 * ```ts
 * oneWayAnova([2, 3, 3, 4, 1, 2, 2, 3, 2, 4, 4, 3, 4],
 *             ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c']);
 * // { f: 7.3076923076923075, df1: 2, df2: 10, p: 0.011065393686294563,
 * //   ssBetween: 6.942307692307692, ssWithin: 4.75, n: 13, nMissing: 0,
 * //   groups: [{ group: 'a', n: 4, mean: 3, sd: 0.816496580927726 }, { group: 'b', … }, …],
 * //   method: 'one-way-anova' }
 * ```
 * @see R `oneway.test(y ~ g, var.equal = TRUE)`, `anova(lm(y ~ g))`; Fisher (1925), Statistical
 *   Methods for Research Workers.
 */
export function oneWayAnova(
  values: ArrayLike<number | null | undefined>,
  groups: ArrayLike<string | number | null | undefined>,
): OneWayAnovaResult {
  const fn = 'oneWayAnova';
  for (const [name, arg] of [
    ['values', values],
    ['groups', groups],
  ] as const) {
    if (typeof arg !== 'object' || arg === null || typeof arg.length !== 'number') {
      throw new TypeError(`${fn}: ${name} must be an array, got ${describeValue(arg)}`);
    }
  }
  if (values.length !== groups.length) {
    throw new RangeError(
      `${fn}: values and groups must have one entry per row, got lengths ${values.length} and ${groups.length}`,
    );
  }

  // Collect the rows of each group, in order of first appearance.
  const members = new Map<string | number, number[]>();
  let nMissing = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const group = groups[i];
    const valueMissing = isMissingValue(value);
    if (!valueMissing && typeof value !== 'number') {
      throw new TypeError(
        `${fn}: values[${i}] must be a finite number or missing, got ${describeValue(value)}`,
      );
    }
    if (typeof value === 'number' && !Number.isFinite(value) && !Number.isNaN(value)) {
      throw new TypeError(`${fn}: values[${i}] must be a finite number or missing, got ${value}`);
    }
    const groupMissing = isMissingValue(group);
    if (!groupMissing && typeof group !== 'string' && typeof group !== 'number') {
      throw new TypeError(
        `${fn}: groups[${i}] must be a string or number label (or missing), got ${describeValue(group)}`,
      );
    }
    // The shared missing rule for both: null, undefined, NaN, blank or invisible-only text.
    if (valueMissing || groupMissing) {
      nMissing++;
      continue;
    }
    const label = group as string | number;
    let rows = members.get(label);
    if (rows === undefined) {
      rows = [];
      members.set(label, rows);
    }
    rows.push(value as number);
  }

  return anovaOfGroups(
    [...members].map(([group, rows]) => ({ group, values: rows, counts: null })),
    nMissing,
  );
}

/**
 * One-way ANOVA from each group's distinct values and how often each occurs, for data already
 * tallied (coded answers: a few levels, each with a count). The result is that of
 * {@link oneWayAnova} on the rows the counts stand for, without making them: the same sums taken
 * once per distinct value, weighted by its count (for integer values and sums below 2^53 every
 * such product and sum is exact, so only the rounding of the means can differ from adding the
 * rows one by one). Groups whose counts are all 0 are left out, as a group with no rows is.
 *
 * @param groups - per group, its label, its distinct values (finite numbers) and their counts
 *   (whole numbers ≥ 0), in the order the result lists them
 * @returns the test, as {@link oneWayAnova} gives it (`nMissing` is 0)
 * @throws TypeError for a value that is not a finite number, a count that is not a whole number
 *   ≥ 0, or values and counts of different lengths; RangeError for a label given twice
 * @example
 * ```ts
 * oneWayAnovaOfCounts([
 *   { group: 'a', values: [2, 3, 4], counts: [1, 2, 1] },
 *   { group: 'b', values: [1, 2, 3, 4], counts: [1, 2, 1, 1] },
 *   { group: 'c', values: [3, 4], counts: [1, 3] },
 * ]).f; // 7.3076923076923075, as oneWayAnova on the 13 rows of its example
 * ```
 * @see R `oneway.test(rep(v, counts) ~ rep(g, counts), var.equal = TRUE)`
 */
export function oneWayAnovaOfCounts(
  groups: readonly { readonly group: string | number; readonly values: readonly number[]; readonly counts: readonly number[] }[],
): OneWayAnovaResult {
  const fn = 'oneWayAnovaOfCounts';
  if (!Array.isArray(groups)) throw new TypeError(`${fn}: groups must be an array of { group, values, counts }, got ${describeValue(groups)}`);
  const seen = new Set<string | number>();
  const used: { group: string | number; values: readonly number[]; counts: readonly number[] }[] = [];
  groups.forEach((entry, g) => {
    const { group, values, counts } = (entry ?? {}) as { group?: unknown; values?: unknown; counts?: unknown };
    if (typeof group !== 'string' && typeof group !== 'number') {
      throw new TypeError(`${fn}: groups[${g}].group must be a string or number label, got ${describeValue(group)}`);
    }
    if (seen.has(group)) throw new RangeError(`${fn}: group ${describeValue(group)} is given twice (groups[${g}]); merge its counts into one entry`);
    seen.add(group);
    if (!Array.isArray(values) || !Array.isArray(counts) || values.length !== counts.length) {
      throw new TypeError(`${fn}: groups[${g}] must have arrays values and counts of one length, got ${describeValue(values)} and ${describeValue(counts)}`);
    }
    let total = 0;
    values.forEach((value: unknown, k: number) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new TypeError(`${fn}: groups[${g}].values[${k}] must be a finite number, got ${describeValue(value)}`);
      }
      const count: unknown = counts[k];
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        throw new TypeError(`${fn}: groups[${g}].counts[${k}] must be a whole number ≥ 0, got ${describeValue(count)}`);
      }
      total += count;
    });
    if (total > 0) used.push({ group, values: values as number[], counts: counts as number[] });
  });
  return anovaOfGroups(used, 0);
}

/** A group's values, each standing for `counts[k]` rows (or for one row when counts is null). */
interface TalliedGroup {
  readonly group: string | number;
  readonly values: readonly number[];
  readonly counts: readonly number[] | null;
}

/** The ANOVA over groups with at least one row each, in the order given. */
function anovaOfGroups(members: readonly TalliedGroup[], nMissing: number): OneWayAnovaResult {
  // Group means (corrected) and within-group sums of squares (two-pass).
  const summaries: OneWayAnovaGroup[] = [];
  // Each group's mean as m + c, kept for the sum of squares between the groups.
  const means: (readonly [number, number])[] = [];
  let n = 0;
  let ssWithin = 0;
  for (const { group, values, counts } of members) {
    const [rough, correction] = correctedMean([{ values, counts }]);
    means.push([rough, correction]);
    const mean = rough + correction;
    const size = rowsOf(values, counts);
    let ss = 0;
    for (let k = 0; k < values.length; k++) {
      const deviation = (values[k] as number) - rough - correction;
      ss += counts === null ? deviation * deviation : (counts[k] as number) * deviation * deviation;
    }
    ssWithin += ss;
    n += size;
    summaries.push({
      group,
      n: size,
      mean,
      sd: size > 1 ? Math.sqrt(ss / (size - 1)) : NaN,
    });
  }
  const k = summaries.length;
  // SS between from the group means' deviations from the grand mean, both kept as m + c.
  const [grandRough, grandCorrection] = n > 0 ? correctedMean(members) : [NaN, NaN];
  let ssBetween = 0;
  summaries.forEach((summary, g) => {
    const [rough, correction] = means[g] as readonly [number, number];
    const deviation = rough - grandRough + (correction - grandCorrection);
    ssBetween += summary.n * deviation * deviation;
  });
  const df1 = Math.max(k - 1, 0);
  const df2 = Math.max(n - k, 0);
  const base = {
    df1,
    df2,
    ssBetween: k > 0 ? ssBetween : NaN,
    ssWithin: k > 0 ? ssWithin : NaN,
    n,
    nMissing,
    groups: summaries,
    method: 'one-way-anova',
  } as const;
  let reason: string | undefined;
  if (k < 2) {
    reason = k === 0 ? 'no complete rows: fewer than 2 groups' : 'fewer than 2 groups';
  } else if (df2 === 0) {
    reason = 'no within-group degrees of freedom: every group has a single value';
  } else if (ssWithin === 0 && ssBetween === 0) {
    reason = 'zero variance: every value is the same';
  }
  if (reason !== undefined) {
    return { f: NaN, p: NaN, ...base, groups: summaries, reason };
  }
  // Constant groups with different means separate perfectly: F = +Infinity and p = 0, as SciPy's
  // f_oneway gives (and as pearson gives t = ±Infinity, p = 0 for a perfect fit).
  const f = ssWithin === 0 ? Infinity : ssBetween / df1 / (ssWithin / df2);
  const p = ssWithin === 0 ? 0 : fCdf(f, df1, df2, false);
  return { f, p, ...base, groups: summaries };
}

/** The rows a tallied group stands for. */
function rowsOf(values: readonly number[], counts: readonly number[] | null): number {
  if (counts === null) return values.length;
  let total = 0;
  for (const count of counts) total += count;
  return total;
}

/**
 * Mean of the rows of the groups together, as a pair [m, c] with m = Σx/n and the correction
 * c = Σ(x − m)/n (the mean is m + c). Kept apart so that deviations (x − m) − c of data far from
 * 0 (10⁸ + small values) keep their digits. A tallied value adds count·x (and count·(x − m)).
 */
function correctedMean(groups: readonly { readonly values: readonly number[]; readonly counts: readonly number[] | null }[]): [number, number] {
  let sum = 0;
  let size = 0;
  for (const { values, counts } of groups) {
    for (let k = 0; k < values.length; k++) sum += counts === null ? (values[k] as number) : (counts[k] as number) * (values[k] as number);
    size += rowsOf(values, counts);
  }
  const rough = sum / size;
  let correction = 0;
  for (const { values, counts } of groups) {
    for (let k = 0; k < values.length; k++) {
      correction += counts === null ? (values[k] as number) - rough : (counts[k] as number) * ((values[k] as number) - rough);
    }
  }
  return [rough, correction / size];
}
