import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { isMissingValue } from './missing';

/** Size groups from a numeric attribute with fixed cut points (see {@link sizeGroups}). */
export interface GroupByBreaks {
  /** The numeric attribute, e.g. `'population'`. */
  readonly attribute: string;
  /** Increasing cut points: `[50000, 100000]` for the 2021 report's three size groups. */
  readonly breaks: readonly number[];
  /** One label per group, smallest first (breaks.length + 1). */
  readonly labels?: readonly string[];
}

/** Two halves of a numeric attribute split at a median (see {@link medianSplit}). */
export interface GroupByMedian {
  /** The numeric attribute, e.g. `'population'`. */
  readonly attribute: string;
  readonly split: 'median';
  /**
   * Values whose median is the cut: the whole population frame (the 2024 report splits at the
   * median of all 98 municipalities, 44,200). Default: the respondents' own values.
   */
  readonly reference?: ArrayLike<number | null | undefined>;
  /** Labels of the lower half (at or below the median) and the upper half. */
  readonly labels?: readonly [string, string];
}

/**
 * How a numeric attribute is cut into size groups, the one type `compareGroups` (`by`),
 * `report` (`sizeGroups`) and `responseRates` share: fixed cut points
 * `{ attribute, breaks, labels? }` (the 2021 report's <50,000; 50,000–99,999; >=100,000) or a
 * median split `{ attribute, split: 'median', reference? }` (the 2024 report's).
 */
export type SizeGrouping = GroupByBreaks | GroupByMedian;

/** Options of {@link sizeGroups}. */
export interface SizeGroupsOptions {
  /**
   * Increasing cut points. A value v falls in group k when breaks[k−1] <= v < breaks[k]
   * (the 2021 report: `[50000, 100000]` gives under 50,000; 50,000–99,999; 100,000 and more).
   */
  readonly breaks: readonly number[];
  /** One label per group (breaks.length + 1); default labels name the bounds. */
  readonly labels?: readonly string[];
}

/** Result of {@link sizeGroups} and {@link medianSplit}. */
export interface SizeGroupsResult {
  /** The group label of each value; null where the value is missing. */
  readonly groups: readonly (string | null)[];
  /** The group labels, smallest first. */
  readonly labels: readonly string[];
  /** Values per group, aligned with `labels`. */
  readonly counts: readonly number[];
  /** The cut points used. */
  readonly breaks: readonly number[];
  /** Values that were missing (null, undefined, NaN). */
  readonly missing: number;
}

/**
 * Sorts numeric values (e.g. municipality population) into size groups by fixed cut points.
 *
 * Group k holds the values v with breaks[k−1] <= v < breaks[k]; the first group has no lower
 * bound and the last no upper bound. Missing values get `null` and are counted.
 *
 * @param values - the values to group
 * @param options - the cut points and, optionally, the labels
 * @returns each value's group, the labels and the counts per group
 * @throws RangeError for breaks that are not finite and strictly increasing, or labels of the wrong length
 * @example
 * sizeGroups([632340, 48602, 59988], { breaks: [50000, 100000] }).groups
 * // ['100000 and over', 'under 50000', '50000–99999']
 */
export function sizeGroups(
  values: ArrayLike<number | null | undefined>,
  options: SizeGroupsOptions,
): SizeGroupsResult {
  checkOptionKeys('sizeGroups', options, optionKeys<SizeGroupsOptions>({ breaks: true, labels: true }));
  const fn = 'sizeGroups';
  const breaks = options?.breaks;
  if (!Array.isArray(breaks) || breaks.length === 0) {
    throw new RangeError(`${fn}: breaks must be a non-empty array of increasing numbers, e.g. [50000, 100000]`);
  }
  breaks.forEach((b, i) => {
    if (typeof b !== 'number' || !Number.isFinite(b) || (i > 0 && !(b > (breaks[i - 1] as number)))) {
      throw new RangeError(`${fn}: breaks must be finite and strictly increasing; breaks[${i}] is ${describeValue(b)}`);
    }
  });
  const labels = options.labels ? [...options.labels] : defaultLabels(breaks);
  if (labels.length !== breaks.length + 1) {
    throw new RangeError(`${fn}: ${breaks.length} breaks make ${breaks.length + 1} groups, but ${labels.length} labels were given`);
  }
  return assign(values, breaks, labels, fn);
}

/** Options of {@link medianSplit}. */
export interface MedianSplitOptions {
  /**
   * The values whose median is the cut point: the whole population frame (the 2024 report
   * splits the respondents at the median of all 98 municipalities). Default: `values` itself.
   */
  readonly reference?: ArrayLike<number | null | undefined>;
  /** Labels of the lower and upper half. Default `'<= median'` and `'> median'` with the number. */
  readonly labels?: readonly [string, string];
}

/**
 * Splits values into two halves at the median of a reference (by default the values
 * themselves): values at or below the median go to the lower half.
 *
 * @param values - the values to split (e.g. the respondents' population)
 * @param options - the reference whose median is used, and labels
 * @returns each value's half, the labels, the counts and `breaks: [median]`
 * @throws RangeError when the reference has no values
 * @example
 * medianSplit([10, 20, 30, 40]).groups // ['<= 25', '<= 25', '> 25', '> 25']
 */
export function medianSplit(
  values: ArrayLike<number | null | undefined>,
  options: MedianSplitOptions = {},
): SizeGroupsResult {
  checkOptionKeys('medianSplit', options, optionKeys<MedianSplitOptions>({ reference: true, labels: true }));
  const fn = 'medianSplit';
  const reference = Array.from(options.reference ?? values).filter(
    (v): v is number => typeof v === 'number' && !Number.isNaN(v),
  );
  if (reference.length === 0) throw new RangeError(`${fn}: the reference has no values to take a median of`);
  reference.sort((a, b) => a - b);
  const middle = reference.length >> 1;
  const median =
    reference.length % 2 === 1
      ? (reference[middle] as number)
      : ((reference[middle - 1] as number) + (reference[middle] as number)) / 2;
  const labels = options.labels ? [...options.labels] : [`<= ${median}`, `> ${median}`];
  // "<= median" is group 0: values equal to the median go low, anything above it goes high.
  const result = assign(values, [median], labels, fn, (v, cut) => v > cut);
  return { ...result, breaks: [median] };
}

function defaultLabels(breaks: readonly number[]): string[] {
  const labels = [`under ${breaks[0]}`];
  for (let k = 1; k < breaks.length; k++) {
    const lower = breaks[k - 1] as number;
    const upper = breaks[k] as number;
    labels.push(Number.isInteger(lower) && Number.isInteger(upper) ? `${lower}–${upper - 1}` : `${lower} to under ${upper}`);
  }
  labels.push(`${breaks[breaks.length - 1]} and over`);
  return labels;
}

function assign(
  values: ArrayLike<number | null | undefined>,
  breaks: readonly number[],
  labels: readonly string[],
  fn: string,
  passes: (value: number, cut: number) => boolean = (value, cut) => value >= cut,
): SizeGroupsResult {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TypeError(`${fn}: values must be an array of numbers, got ${describeValue(values)}`);
  }
  const counts = labels.map(() => 0);
  let missing = 0;
  const groups: (string | null)[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissingValue(v)) {
      groups.push(null);
      missing++;
      continue;
    }
    if (typeof v !== 'number') {
      throw new TypeError(`${fn}: values[${i}] is ${describeValue(v)}, not a number`);
    }
    let k = 0;
    while (k < breaks.length && passes(v, breaks[k] as number)) k++;
    groups.push(labels[k] as string);
    counts[k] = (counts[k] as number) + 1;
  }
  return { groups, labels, counts, breaks: [...breaks], missing };
}
