import { categoryKey } from '../data/keys';
import { isMissingValue } from '../data/missing';
import { medianSplit, sizeGroups, type GroupByBreaks, type GroupByMedian, type SizeGrouping } from '../data/sizeGroups';
import type { Survey } from '../data/survey';
import { chiSquareIndependence } from '../inference/chiSquareIndependence';
import { oneWayAnovaOfCounts, type OneWayAnovaResult } from '../inference/oneWayAnova';
import type { ProportionMethod } from '../inference/proportionInterval';
import { assertOneOf, describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { agreementShare } from './agreementShare';
import { codedMean } from './codedMean';
import { frequencies } from './frequencies';
import { subsetColumn } from '../data/subsetColumn';
import { attachSubsetDesign, columnDesign } from '../data/design';
import { columnCodes } from '../data/columnData';
import { designWaldTest } from '../inference/designWaldTest';
import { raoScottTest } from '../inference/raoScott';
import type { SurveyProportionMethod } from '../inference/surveyProportion';
import type { LikertColumn } from '../data/types';
import { addItems, emptyItem } from '../summary/mergeSummaries';
import type { BySummary, ItemSummary, SurveySummary } from '../summary/types';
import { assertSurveySummary, isSurveySummary } from '../summary/validateSummary';

/**
 * Absolute tolerance used when a difference in shares is compared with `minDifference`.
 *
 * Shares are ratios of counts, and their difference is rounded: 0.3 − 0.2 is
 * 0.09999999999999998 in binary64, which must still count as "10 points". Two shares whose
 * denominators are both at most 10⁶ and that truly differ do so by at least 1/(n₁n₂) ≥ 1e-12,
 * so this tolerance cannot merge two genuinely different values of survey size.
 * Internal.
 */
export const DIFFERENCE_TOLERANCE = 1e-12;

/** Whether |difference| reaches `minDifference`, allowing for rounding (see {@link DIFFERENCE_TOLERANCE}). Internal. */
export function reaches(difference: number, minDifference: number): boolean {
  return Number.isFinite(difference) && Math.abs(difference) >= minDifference - DIFFERENCE_TOLERANCE;
}

/** Throws unless `value` is a finite number >= 0 (a difference in shares such as 0.10). Internal. */
export function assertMinDifference(fn: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `${fn}: minDifference must be a finite number >= 0, a difference in shares (0.10 for 10 percentage points), got ${describeValue(value)}`,
    );
  }
}

/**
 * How respondents are grouped: the name of a categorical attribute (`'region'`), size groups by
 * fixed cut points, a median split, or one label per respondent (`null` for no group).
 */
export type GroupBy = string | SizeGrouping | readonly (string | null)[];

/** Options of {@link compareGroups}. */
export interface CompareGroupsOptions {
  /** The grouping (required). */
  readonly by: GroupBy;
  /** Denominator of the agreement shares, as in `agreementShare`: `'answered'` (default) or `'substantive'`. */
  readonly denominator?: 'answered' | 'substantive';
  /** Interval method of the shares (default as `agreementShare`: `'wilson'` unweighted, `'logit'` weighted). */
  readonly ci?: ProportionMethod | SurveyProportionMethod | 'likelihood';
  /** Confidence level of the share and mean intervals (default 0.95). */
  readonly level?: number;
  /**
   * On a weighted survey: `'linearization'` (default: design-based se per group, and the
   * design-based Wald and Rao–Scott tests) or `'kish'` (as `agreementShare`; the tests are then the
   * ANOVA and Pearson test of the unweighted answers).
   */
  readonly variance?: 'linearization' | 'kish';
  /** A group is flagged when its share differs from the overall share by at least this (default 0.10). */
  readonly minDifference?: number;
  /**
   * Group order. Listed groups come first in this order (a listed group nobody belongs to is
   * reported with n = 0); groups found in the data but not listed follow in order of first
   * appearance (from a summary: in the summary's order, code-unit order of the values).
   */
  readonly order?: readonly string[];
}

/** An interval of a share, as `agreementShare` gives it. */
export interface GroupShare {
  /** count / n; NaN when n = 0. */
  readonly estimate: number;
  readonly count: number;
  readonly n: number;
  readonly ci: { readonly lower: number; readonly upper: number; readonly method: ProportionMethod | SurveyProportionMethod | 'likelihood'; readonly level: number };
  /** Weighted survey only: the design-based standard error (as `svyby(~agree, ~group, design, svymean)`). */
  readonly se?: number;
  /** Why the estimate is NaN, when it is. */
  readonly reason?: string;
}

/** A coded mean with its t interval, as `codedMean` gives it. */
export interface GroupMean {
  /** NaN when n = 0. */
  readonly mean: number;
  /** NaN when n < 2. */
  readonly sd: number;
  /** Substantive answers. */
  readonly n: number;
  /** NaN bounds when n < 2. */
  readonly ci: { readonly lower: number; readonly upper: number; readonly level: number };
  /** Weighted survey only: the design-based standard error (as `svyby(~item, ~group, design, svymean)`). */
  readonly se?: number;
  /** Why the mean or its interval is NaN, when they are. */
  readonly reason?: string;
}

/** One group's row in a {@link CompareGroupsResult}. */
export interface CompareGroupsRow {
  readonly group: string;
  /** Respondents in the group who answered the item ("ved ikke" included). */
  readonly n: number;
  readonly share: GroupShare;
  readonly mean: GroupMean;
  /** share − overall share; NaN when the group has no one in the denominator. */
  readonly gap: number;
  /** |gap| >= minDifference (with a rounding tolerance of 1e-12); false when gap is NaN. */
  readonly flagged: boolean;
}

/**
 * The test of equal coded means in a {@link CompareGroupsResult}: an ANOVA or, on a weighted
 * survey, the design-based Wald test.
 */
export interface GroupMeansTest {
  /** `'anova'`: one-way ANOVA of the unweighted coded answers; `'design-wald'`: design-based Wald F. */
  readonly method: 'anova' | 'design-wald';
  /** F; NaN with a `reason` when undefined. */
  readonly f: number;
  /** k − 1, k the groups with substantive answers. */
  readonly df1: number;
  /** `'anova'`: n − k; `'design-wald'`: the design's degrees of freedom + 1 − k (svyglm's `df.residual`). */
  readonly df2: number;
  readonly p: number;
  /** Substantive answers of respondents with a group. */
  readonly n: number;
  readonly reason?: string;
}

/** Pearson's chi-square test of agreement × group (unweighted). */
export interface PearsonAgreementTest {
  readonly method: 'pearson';
  /** X². */
  readonly statistic: number;
  /** (k − 1). */
  readonly df: number;
  readonly p: number;
  /** Respondents in the denominator with a group. */
  readonly n: number;
  /** The smallest expected count. */
  readonly minExpected: number;
  readonly warning?: string;
  readonly reason?: string;
}

/** The Rao–Scott test of agreement × group on a weighted survey's design (as `svychisq`). */
export interface RaoScottAgreementTest {
  readonly method: 'rao-scott';
  /** The second-order Rao–Scott F = X²/tr Δ. */
  readonly statistic: number;
  /** Its numerator degrees of freedom d = (tr Δ)²/tr Δ² (not an integer in general). */
  readonly df: number;
  /** Its denominator degrees of freedom d·ν, ν the design's degrees of freedom. */
  readonly ddf: number;
  readonly p: number;
  /** Respondents in the denominator with a group. */
  readonly n: number;
  /** Pearson's X² of the weighted table scaled to the design's units (svychisq's first step). */
  readonly chisq: number;
  readonly reason?: string;
}

/** The agreement test of a {@link CompareGroupsResult}; `method` tells which. */
export type GroupAgreementTest = PearsonAgreementTest | RaoScottAgreementTest;

/** Result of {@link compareGroups}: plain data. */
export interface CompareGroupsResult {
  readonly item: string;
  readonly label: string;
  /** A description of the grouping (`'region'`, `'population: breaks 50000, 100000'`, …). */
  readonly by: string;
  readonly groups: readonly CompareGroupsRow[];
  /** All respondents that have a group, taken together. */
  readonly overall: { readonly n: number; readonly share: GroupShare; readonly mean: GroupMean };
  /** Respondents that answered the item (with a group). */
  readonly n: number;
  /** Respondents (answering or not) that have no group. */
  readonly nWithoutGroup: number;
  /**
   * The test of equal coded means across the groups; NaN `f` and `p` with a `reason` when
   * undefined. `method` says which: `'anova'` (an unweighted survey, a summary, or
   * `variance: 'kish'`), the one-way ANOVA as `oneway.test(v ~ g, var.equal = TRUE)`; or
   * `'design-wald'` (a weighted survey), the design-based Wald F as
   * `regTermTest(svyglm(code ~ g, design), ~g)`.
   */
  readonly anova: GroupMeansTest;
  /**
   * The test of independence of agreement (agree vs. not, over the denominator) × group, over
   * the groups with someone in the denominator; NaN with a `reason` when undefined. `method`
   * says which: `'pearson'` (unweighted, a summary, or `variance: 'kish'`), Pearson's X² as
   * `chisq.test(…, correct = FALSE)`; or `'rao-scott'` (a weighted survey), the second-order
   * Rao–Scott F as `svychisq(~agree + g, design)`.
   */
  readonly chiSquare: GroupAgreementTest;
  readonly minDifference: number;
  /** Largest minus smallest group share; NaN when fewer than 2 groups have a share. */
  readonly maxDifference: number;
  /** maxDifference >= minDifference (same tolerance as `flagged`). */
  readonly differs: boolean;
  readonly denominator: 'answered' | 'substantive';
  readonly method: 'group-comparison';
}

/**
 * Compares one item across groups of respondents (regions, roles, size groups): agreement share
 * and coded mean per group, each group's gap to the overall share, a flag for gaps of at least
 * 10 percentage points, and tests of whether the groups differ.
 *
 * - Per group: the agreement share (top box) over the `denominator` with its interval, as
 *   `agreementShare`, and the coded mean with its t interval, as `codedMean`.
 * - Overall: the same over every respondent that has a group (respondents without a group are
 *   counted in `nWithoutGroup` and left out everywhere), so that the group shares weighted by
 *   their denominators average to the overall share.
 * - gap = share − overall share; `flagged` when |gap| >= `minDifference` (default 0.10, the 2024
 *   report's "at least 10 percentage points"). The comparison allows an absolute 1e-12 for
 *   rounding, so that a difference that is exactly 10 points in counts (0.3 − 0.2, computed as
 *   0.09999999999999998) is flagged. `maxDifference` = largest − smallest group share, and
 *   `differs` = maxDifference >= minDifference under the same rule.
 * - ANOVA: F = (SS_between/(k − 1)) / (SS_within/(n − k)) on the coded values of the substantive
 *   answers (`oneWayAnovaOfCounts` on each group's counts).
 * - Chi-square: X² over the k × 2 table (agree, not agree) of the respondents in the denominator,
 *   with (k − 1) degrees of freedom, without continuity correction (`chiSquareIndependence`);
 *   its warning when an expected count is below 5 is passed on.
 *
 * Groups come in the order of the size-group labels for `breaks` and median splits (empty
 * groups included), else in order of first appearance in a survey and in the summary's order
 * (code-unit order of the values, however the summary was made or merged) in a summary;
 * `order` forces one. With a weighted
 * survey the shares and means are weighted, as `agreementShare` and `codedMean` give them for
 * the same respondents (so the overall share agrees with theirs).
 *
 * Tests on a weighted survey (with the default `variance: 'linearization'`), on its design
 * (strata, clusters, fpc, calibration; a filtered survey as R's `subset()`), with the groups
 * coded in code-unit order of their labels:
 * - `anova` is the design-based Wald test of equal group means (`method: 'design-wald'`,
 *   `designWaldTest`): d the k − 1 differences ȳ_j − ȳ_1 of the weighted coded means, V their
 *   linearised design covariance, F = d′V⁻¹d/(k − 1) on k − 1 and degf + 1 − k degrees of
 *   freedom, as `regTermTest(svyglm(code ~ g, subset(design, !is.na(code) & !is.na(g))), ~g)`.
 * - `chiSquare` is the Rao–Scott second-order test of agree × group (`method: 'rao-scott'`,
 *   `raoScottTest`): F = X²/tr Δ on d and d·ν degrees of freedom, as
 *   `svychisq(~agree + g, design)` with agree NA outside the denominator and g NA without a group.
 * With `variance: 'kish'`, on an unweighted survey and on a summary (which holds tallies, not the
 * design) they are the ANOVA (`method: 'anova'`) and Pearson test (`method: 'pearson'`) of the
 * unweighted answers.
 *
 * @param survey - the survey, or a summary made by `summarize(s, { by })` with the same `by`
 *   (then the ANOVA runs on the coded values rebuilt from each group's counts)
 * @param item - the item's id
 * @param options - `by` (required), `denominator`, `ci`, `level`, `variance`, `minDifference`, `order`
 * @returns one row per group, the overall share and mean, the test of the means and the test of
 *   agreement. A group with nobody in the denominator has NaN share and gap; mean is NaN for
 *   n = 0 and sd and interval for n < 2. Groups without substantive answers are left out of the
 *   tests. `anova` `f`/`p` are NaN with a `reason` for fewer than 2 groups, no within-group
 *   degrees of freedom or no variance at all (design-wald: a singular V, e.g. groups without
 *   variance or fewer PSUs than groups; p alone when df2 < 1); chi-square fields are NaN with a
 *   `reason` for fewer than 2 groups with answers, or when everyone or no one agrees.
 * @throws RangeError for an unknown item or attribute, group labels of the wrong length, or a
 *   bad option (denominator, level, method, minDifference, breaks); TypeError for a `by` of the
 *   wrong shape
 * @example
 * ```ts
 * const s = survey({
 *   rows: [
 *     { kode: '1', region: 'Nord', q: 'I høj grad' },
 *     { kode: '2', region: 'Nord', q: 'Slet ikke' },
 *     { kode: '3', region: 'Syd', q: 'I meget høj grad' },
 *     { kode: '4', region: 'Syd', q: 'I høj grad' },
 *   ],
 *   id: 'kode', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: { region: 'category' },
 * });
 * const r = compareGroups(s, 'q', { by: 'region' });
 * r.groups.map((g) => [g.group, g.share.estimate, g.gap, g.flagged]);
 * // [['Nord', 0.5, -0.25, true], ['Syd', 1, 0.25, true]]
 * r.maxDifference // 0.5
 * r.anova         // { method: 'anova', f: 1.8, df1: 1, df2: 2, p: 0.3117527983883147, n: 4 }
 *
 * // The same survey with a weight column w = 1, 2, 1, 3: the design-based tests.
 * const w = compareGroups(weightedSurvey, 'q', { by: 'region' });
 * w.anova         // { method: 'design-wald', f: 4.04020725388601, df1: 1, df2: 2, p: 0.1821457746635827, n: 4 }
 * w.chiSquare     // { method: 'rao-scott', statistic: 2.5373844121532363, df: 1, ddf: 3,
 *                 //   p: 0.20942683158454575, n: 4, chisq: 2.1333333333333337 }
 * // R (svydesign(ids = ~1, weights = ~w)): regTermTest(svyglm(code ~ region, design), ~region)
 * // F 4.040207253885998, p 0.18214577466358303; svychisq(~agree + region, design) F 2.5373844121532372,
 * // ndf 1, ddf 3, p 0.20942683158454523
 * ```
 * @see R `prop.test(x, n, correct = FALSE)` (Wilson per group), `oneway.test(v ~ g, var.equal = TRUE)`,
 *   `chisq.test(table(agree, group), correct = FALSE)`; weighted: `svyby(~agree, ~g, design, svymean)`,
 *   `regTermTest(svyglm(code ~ g, design), ~g)`, `svychisq(~agree + g, design)`
 */
export function compareGroups<I extends string>(
  survey: Survey<I> | SurveySummary,
  item: I,
  options: CompareGroupsOptions,
): CompareGroupsResult {
  checkOptionKeys('compareGroups', options, optionKeys<CompareGroupsOptions>({ by: true, denominator: true, ci: true, level: true, variance: true, minDifference: true, order: true }));
  const fn = 'compareGroups';
  const summary = isSurveySummary(survey) ? survey : null;
  if (summary !== null) assertSurveySummary(fn, summary);
  else if (survey === null || typeof survey !== 'object' || (survey as Survey<I>).kind !== 'survey') {
    throw new TypeError(`${fn}: expected a survey made by survey() or a summary made by summarize(s, { by }), got ${describeValue(survey)}`);
  }
  if (options === null || typeof options !== 'object' || options.by === undefined) {
    throw new TypeError(`${fn}: options.by is required: an attribute name, { attribute, breaks }, { attribute, split: 'median' } or one label per respondent`);
  }
  const denominator = options.denominator ?? 'answered';
  assertOneOf(fn, denominator, ['answered', 'substantive'] as const, 'denominator');
  const minDifference = options.minDifference ?? 0.1;
  assertMinDifference(fn, minDifference);
  const level = options.level ?? 0.95;
  const variance = options.variance === undefined ? {} : { variance: options.variance };
  const shareOptions = { denominator, ...(options.ci === undefined ? {} : { ci: options.ci }), level, ...variance } as const;

  const items = (summary ?? (survey as Survey<I>)).items as readonly { readonly id: string; readonly label: string }[];
  const meta = items.find((it) => it.id === item);
  if (meta === undefined) {
    throw new RangeError(`${fn}: no item "${item}"; the items are ${items.map((it) => `"${it.id}"`).join(', ')}`);
  }

  // Order: forced order first, then the grouping's own labels, then first appearance.
  const order: string[] = [];
  const seen = new Set<string>();
  const add = (label: string): void => {
    if (!seen.has(label)) {
      seen.add(label);
      order.push(label);
    }
  };
  if (options.order !== undefined) {
    if (!Array.isArray(options.order) || !options.order.every((g) => typeof g === 'string')) {
      throw new TypeError(`${fn}: order must be an array of group labels, got ${describeValue(options.order)}`);
    }
    // Read as the groups are (category keys), so an NFD or padded label finds its group.
    for (const label of options.order) {
      const key = categoryKey(label);
      if (key !== null) add(key);
    }
  }

  const summarise = (input: LikertColumn | ItemSummary) => {
    const share = agreementShare(input, shareOptions);
    const mean = codedMean(input, { level, ...variance });
    return {
      n: share.denominator === 'answered' ? share.n : answeredOf(input),
      share: {
        estimate: share.estimate,
        count: share.count,
        n: share.n,
        ci: { ...share.ci },
        ...(share.variance === 'linearization' ? { se: share.se as number } : {}),
        ...(share.reason === undefined ? {} : { reason: share.reason }),
      },
      mean: {
        mean: mean.mean,
        sd: mean.sd,
        n: mean.n,
        ci: { lower: mean.ci.lower, upper: mean.ci.upper, level: mean.ci.level },
        ...(mean.variance === 'linearization' ? { se: mean.se } : {}),
        ...(mean.reason === undefined ? {} : { reason: mean.reason }),
      },
    };
  };

  let overallInput: LikertColumn | ItemSummary;
  let inputOf: (group: string) => LikertColumn | ItemSummary;
  let nWithoutGroup = 0;
  let anovaResult: OneWayAnovaResult | null = null;
  // A weighted survey with design-based variances: the tests on its design, once the rows are known.
  let designTests: ((rows: readonly CompareGroupsRow[]) => Pick<CompareGroupsResult, 'anova' | 'chiSquare'>) | null = null;
  if (summary !== null) {
    const by = summaryBy(fn, summary, options.by);
    by.sizeGroups?.forEach(add);
    for (const g of by.groups) add(g.value);
    nWithoutGroup = by.ungrouped;
    const itemIndex = summary.items.findIndex((it) => it.id === item);
    const byGroup = new Map(by.groups.map((g) => [g.value, g.items[itemIndex] as ItemSummary]));
    const template = summary.items[itemIndex] as ItemSummary;
    const empty = emptyItem(template);
    inputOf = (group) => byGroup.get(group) ?? empty;
    overallInput = by.groups.reduce((sum, g) => addItems(sum, g.items[itemIndex] as ItemSummary), empty);
    anovaResult = anovaOfCounts(by.groups.map((g) => ({ group: g.value, cells: g.items[itemIndex] as ItemSummary })));
  } else {
    const s = survey as Survey<I>;
    const column = s.item(item);
    const grouping = resolveGroups(fn, s, options.by);
    grouping.labels.forEach(add);
    for (const g of grouping.groups) {
      if (g === null) nWithoutGroup++;
      else add(g);
    }
    // Split the codes by group in one pass.
    const members = new Map<string, number[]>(order.map((g) => [g, []]));
    const grouped: number[] = [];
    grouping.groups.forEach((g, i) => {
      if (g === null) return;
      (members.get(g) as number[]).push(i);
      grouped.push(i);
    });
    // Each group keeps the survey's whole design (R's svyby: a subset() per group).
    overallInput = attachSubsetDesign(column, subsetColumn(column, grouped), grouped);
    inputOf = (group) => attachSubsetDesign(column, subsetColumn(column, members.get(group) as number[]), members.get(group) as number[]);
    if (s.weights !== null && options.variance !== 'kish') {
      designTests = (rows) => testsOnDesign(column, grouping.groups, denominator, rows);
    } else {
      anovaResult = anovaOfCounts(
        [...members].map(([group, rows]) => {
          const sub = subsetColumn(column, rows);
          const counts = frequencies(sub, { weights: null }).rows.map((row) => row.count);
          return { group, cells: { scale: { codes: sub.scale.codes }, counts } };
        }),
      );
    }
  }

  const overall = summarise(overallInput);
  const rows: CompareGroupsRow[] = order.map((group) => {
    const parts = summarise(inputOf(group));
    const gap = parts.share.n === 0 ? NaN : parts.share.estimate - overall.share.estimate;
    return { group, ...parts, gap, flagged: reaches(gap, minDifference) };
  });

  // Largest minus smallest share among groups that have one.
  let largest = -Infinity;
  let smallest = Infinity;
  let withShare = 0;
  for (const row of rows) {
    if (row.share.n === 0) continue;
    withShare++;
    largest = Math.max(largest, row.share.estimate);
    smallest = Math.min(smallest, row.share.estimate);
  }
  const maxDifference = withShare >= 2 ? largest - smallest : NaN;

  const tests = designTests?.(rows) ?? { anova: anovaTest(anovaResult as OneWayAnovaResult), chiSquare: agreementTest(rows) };

  return {
    item: meta.id,
    label: meta.label,
    by: describeBy(options.by),
    groups: rows,
    overall,
    n: overall.n,
    nWithoutGroup,
    anova: tests.anova,
    chiSquare: tests.chiSquare,
    minDifference,
    maxDifference,
    differs: reaches(maxDifference, minDifference),
    denominator,
    method: 'group-comparison',
  };
}

/** The one-way ANOVA as a {@link GroupMeansTest}. */
function anovaTest(result: OneWayAnovaResult): GroupMeansTest {
  return {
    method: 'anova',
    f: result.f,
    df1: result.df1,
    df2: result.df2,
    p: result.p,
    n: result.n,
    ...(result.reason === undefined ? {} : { reason: result.reason }),
  };
}

/**
 * Why agreement × group cannot be tested, from the rows' unweighted counts over the
 * denominator (groups with someone in it, and whether agreement varies); null when it can.
 */
function untestableAgreement(rows: readonly CompareGroupsRow[]): { reason: string; groups: number; n: number } | null {
  let groups = 0;
  let agree = 0;
  let total = 0;
  for (const row of rows) {
    if (row.share.n === 0) continue;
    groups++;
    agree += row.share.count;
    total += row.share.n;
  }
  const reason =
    groups < 2
      ? 'fewer than 2 groups with answers'
      : agree === 0
        ? 'no respondent agrees: agreement does not vary'
        : agree === total
          ? 'every respondent agrees: agreement does not vary'
          : null;
  return reason === null ? null : { reason, groups, n: total };
}

/** The chi-square test over the groups × (agree, not agree) table; NaN with a reason when undefined. */
function agreementTest(rows: readonly CompareGroupsRow[]): PearsonAgreementTest {
  const untestable = untestableAgreement(rows);
  if (untestable !== null) {
    return { method: 'pearson', statistic: NaN, df: Math.max(untestable.groups - 1, 0), p: NaN, n: untestable.n, minExpected: NaN, reason: untestable.reason };
  }
  const table: number[][] = [];
  // Groups in code-unit order of their labels, so that any order of the rows (a merged summary
  // lists its groups in merge order) gives the same sums in the same order.
  const sorted = [...rows].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  for (const row of sorted) {
    if (row.share.n === 0) continue; // no one in the denominator: an empty row carries nothing
    table.push([row.share.count, row.share.n - row.share.count]);
  }
  const test = chiSquareIndependence(table, { correct: false });
  return {
    method: 'pearson',
    statistic: test.statistic,
    df: test.df,
    p: test.p,
    n: test.n,
    minExpected: test.minExpected,
    ...(test.warning === undefined ? {} : { warning: test.warning }),
  };
}

/**
 * The design-based tests of a weighted survey's column: each respondent placed at its unit of
 * the survey's design (the units outside a filter stay in the design, as R's `subset()`), the
 * groups coded in code-unit order of their labels (so that `order` cannot change the result).
 * Means: `designWaldTest` of the coded substantive answers, as
 * `regTermTest(svyglm(code ~ g, subset(design, !is.na(code) & !is.na(g))), ~g)`. Agreement:
 * `raoScottTest` of agree (1/0 over the denominator) × group, as `svychisq(~agree + g, design)`.
 */
function testsOnDesign(
  column: LikertColumn,
  groups: readonly (string | null)[],
  denominator: 'answered' | 'substantive',
  rows: readonly CompareGroupsRow[],
): Pick<CompareGroupsResult, 'anova' | 'chiSquare'> {
  const found = columnDesign(column);
  const codes = columnCodes(column);
  const cells = codes.length;
  const units = found?.info.n ?? cells;
  const unit = found?.unit ?? null;
  const weights = found?.weights ?? column.weights ?? new Float64Array(cells).fill(1);
  const labels = [...new Set(groups.filter((g): g is string => g !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const groupCode = new Map(labels.map((label, j) => [label, j]));
  const { scale } = column;
  const levels = scale.levels.length;
  const denominatorEnd = denominator === 'answered' ? scale.categories.length : levels;
  const agrees = new Uint8Array(scale.categories.length);
  for (const level of scale.agree) agrees[scale.levels.indexOf(level)] = 1;
  const value = new Array<number | null>(units).fill(null);
  const agree = new Array<number | null>(units).fill(null);
  const group = new Array<number | null>(units).fill(null);
  const domain = new Uint8Array(units);
  for (let i = 0; i < cells; i++) {
    const u = unit === null ? i : (unit[i] as number);
    domain[u] = 1;
    const label = groups[i] as string | null;
    if (label !== null) group[u] = groupCode.get(label) as number;
    const c = codes[i] as number;
    if (c >= 0 && c < levels) value[u] = scale.codes[c] as number;
    if (c >= 0 && c < denominatorEnd) agree[u] = agrees[c] as number;
  }
  const options = found === undefined ? {} : { design: found.info, domain };
  const wald = designWaldTest(value, group, weights, options);
  const anova: GroupMeansTest = {
    method: 'design-wald',
    f: wald.f,
    df1: wald.df1,
    df2: wald.df2,
    p: wald.p,
    n: wald.n,
    ...(wald.reason === undefined ? {} : { reason: wald.reason }),
  };
  const untestable = untestableAgreement(rows);
  if (untestable !== null) {
    const { reason, n } = untestable;
    return { anova, chiSquare: { method: 'rao-scott', statistic: NaN, df: NaN, ddf: NaN, p: NaN, n, chisq: NaN, reason } };
  }
  const rs = raoScottTest(agree, group, weights, options);
  return {
    anova,
    chiSquare: {
      method: 'rao-scott',
      statistic: rs.f,
      df: rs.ndf,
      ddf: rs.ddf,
      p: rs.pF,
      n: rs.n,
      chisq: rs.chisq,
      ...(rs.reason === undefined ? {} : { reason: rs.reason }),
    },
  };
}

/** A grouping resolved to one label per respondent. Internal. */
export interface ResolvedGroups {
  /** One label per respondent, null for no group. */
  readonly groups: readonly (string | null)[];
  /** Labels in their own order (size groups), possibly with no members; empty otherwise. */
  readonly labels: readonly string[];
  /** The cut points of a size grouping; null otherwise. */
  readonly breaks: readonly number[] | null;
}

/** Resolves `by` against `survey` (shared with `summarize`). Internal. */
export function resolveGroups<I extends string>(fn: string, survey: Survey<I>, by: GroupBy): ResolvedGroups {
  const attributeKind = (name: string, kind: 'number' | 'category'): void => {
    if (survey.attributes[name] !== kind) {
      const known = Object.entries(survey.attributes)
        .filter(([, k]) => k === kind)
        .map(([n]) => `"${n}"`);
      throw new RangeError(
        `${fn}: "${name}" is not a ${kind === 'number' ? 'numeric' : 'categorical'} attribute of the survey; ${kind === 'number' ? 'numeric' : 'categorical'} attributes: ${known.join(', ') || 'none'}`,
      );
    }
  };
  if (typeof by === 'string') {
    attributeKind(by, 'category');
    return { groups: survey.category(by), labels: [], breaks: null };
  }
  if (Array.isArray(by)) {
    if (by.length !== survey.size) {
      throw new RangeError(`${fn}: by has ${by.length} group labels, but the survey has ${survey.size} respondents; give one label (or null) per respondent`);
    }
    // Labels are category keys, as the survey's own categories are: a blank label is missing,
    // " Nord" and "Nord" (or an NFD and an NFC spelling) are one group.
    const groups = by.map((g: unknown, i) => {
      if (isMissingValue(g)) return null;
      if (typeof g !== 'string') throw new TypeError(`${fn}: by[${i}] must be a string label or null, got ${describeValue(g)}`);
      return categoryKey(g);
    });
    return { groups, labels: [], breaks: null };
  }
  if (by !== null && typeof by === 'object' && typeof (by as GroupByBreaks).attribute === 'string') {
    const spec = by as GroupByBreaks | GroupByMedian;
    attributeKind(spec.attribute, 'number');
    const values = survey.numeric(spec.attribute);
    const relabel = (error: unknown): never => {
      if (error instanceof Error) error.message = error.message.replace(/^(sizeGroups|medianSplit)/, fn);
      throw error;
    };
    try {
      if ('split' in spec) {
        if (spec.split !== 'median') throw new RangeError(`${fn}: split must be 'median', got ${describeValue(spec.split)}`);
        const result = medianSplit(values, {
          ...(spec.reference === undefined ? {} : { reference: spec.reference }),
          ...(spec.labels === undefined ? {} : { labels: spec.labels }),
        });
        return { groups: result.groups, labels: result.labels, breaks: result.breaks };
      }
      if ('breaks' in spec) {
        const result = sizeGroups(values, { breaks: spec.breaks, ...(spec.labels === undefined ? {} : { labels: spec.labels }) });
        return { groups: result.groups, labels: result.labels, breaks: result.breaks };
      }
    } catch (error) {
      return relabel(error);
    }
  }
  throw new TypeError(
    `${fn}: by must be a categorical attribute name, { attribute, breaks }, { attribute, split: 'median' } or one label per respondent; got ${describeValue(by)}`,
  );
}

/** A description of a grouping, as `CompareGroupsResult.by` gives it. Internal. */
export function describeBy(by: GroupBy): string {
  if (typeof by === 'string') return by;
  if (Array.isArray(by)) return 'labels';
  const spec = by as GroupByBreaks | GroupByMedian;
  if ('split' in spec) return `${spec.attribute}: median split`;
  return `${spec.attribute}: breaks ${spec.breaks.join(', ')}`;
}

/** Respondents who answered: a column's `n.answered`, an item summary's counts added. */
function answeredOf(input: LikertColumn | ItemSummary): number {
  if (input.kind === 'likert-column') return input.n.answered;
  let answered = 0;
  for (const c of input.counts) answered += c;
  return answered;
}

/**
 * The summary's grouping, checked against the `by` asked for: the same attribute, and for size
 * groups the same cut points (and labels, when given).
 */
function summaryBy(fn: string, summary: SurveySummary, by: GroupBy): BySummary {
  const made = summary.by;
  const asked = describeBy(by);
  const fail = (why: string): never => {
    throw new RangeError(`${fn}: the summary ${why}, but by is ${JSON.stringify(asked)}; make the summary with summarize(s, { by }) using the same by`);
  };
  if (made === null) return fail('has no grouping');
  if (Array.isArray(by)) return fail(`is grouped by "${made.name}"; labels per respondent cannot be matched`);
  if (typeof by === 'string') {
    if (made.name !== by || made.sizeGroups !== null) fail(`is grouped by ${made.sizeGroups === null ? '' : 'size groups of '}"${made.name}"`);
    return made;
  }
  const spec = by as GroupByBreaks | GroupByMedian;
  if (made.name !== spec.attribute || made.sizeGroups === null) fail(`is grouped by ${made.sizeGroups === null ? '' : 'size groups of '}"${made.name}"`);
  if ('breaks' in spec && JSON.stringify(made.breaks) !== JSON.stringify(spec.breaks)) fail(`cuts "${made.name}" at ${JSON.stringify(made.breaks)}`);
  if ('split' in spec && (made.breaks === null || made.breaks.length !== 1)) fail(`does not split "${made.name}" at a median`);
  if (spec.labels !== undefined && JSON.stringify(made.sizeGroups) !== JSON.stringify(spec.labels)) fail(`labels its size groups ${JSON.stringify(made.sizeGroups)}`);
  return made;
}

/**
 * The one-way ANOVA of the coded substantive answers from each group's category counts
 * with the groups in code-unit order of their labels and each group's values lowest level
 * first: a survey and a summary of it (merged in any order) give the same sums in the same
 * order, hence the same F and p. Groups with no substantive answer add nothing.
 */
function anovaOfCounts(
  groups: readonly { readonly group: string; readonly cells: { readonly scale: { readonly codes: readonly number[] }; readonly counts: readonly number[] } }[],
): OneWayAnovaResult {
  const sorted = [...groups].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return oneWayAnovaOfCounts(sorted.map(({ group, cells }) => ({ group, values: cells.scale.codes, counts: cells.counts.slice(0, cells.scale.codes.length) })));
}
