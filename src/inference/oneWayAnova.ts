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

  // Group means (corrected) and within-group sums of squares (two-pass).
  const summaries: OneWayAnovaGroup[] = [];
  let n = 0;
  let ssWithin = 0;
  const all: number[] = [];
  for (const [group, rows] of members) {
    const [rough, correction] = correctedMean(rows);
    const mean = rough + correction;
    let ss = 0;
    for (const y of rows) {
      const deviation = y - rough - correction;
      ss += deviation * deviation;
    }
    ssWithin += ss;
    n += rows.length;
    for (const y of rows) all.push(y);
    summaries.push({
      group,
      n: rows.length,
      mean,
      sd: rows.length > 1 ? Math.sqrt(ss / (rows.length - 1)) : NaN,
    });
  }
  const k = summaries.length;
  // SS between from the group means' deviations from the grand mean, both kept as m + c.
  const [grandRough, grandCorrection] = n > 0 ? correctedMean(all) : [NaN, NaN];
  let ssBetween = 0;
  for (const [, rows] of members) {
    const [rough, correction] = correctedMean(rows);
    const deviation = rough - grandRough + (correction - grandCorrection);
    ssBetween += rows.length * deviation * deviation;
  }
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

/**
 * Mean as a pair [m, c] with m = Σx/n and the correction c = Σ(x − m)/n (the mean is m + c). Kept
 * apart so that deviations (x − m) − c of data far from 0 (10⁸ + small values) keep their digits.
 */
function correctedMean(values: readonly number[]): [number, number] {
  let sum = 0;
  for (const y of values) sum += y;
  const rough = sum / values.length;
  let correction = 0;
  for (const y of values) correction += y - rough;
  return [rough, correction / values.length];
}
