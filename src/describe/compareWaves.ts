import type { Survey } from '../data/survey';
import { compareProportions } from '../inference/compareProportions';
import type { ProportionMethod } from '../inference/proportionInterval';
import { welchTTest } from '../inference/welchTest';
import type { SurveyProportionMethod } from '../inference/surveyProportion';
import type { Scale } from '../scale/types';
import { assertLevel, assertOneOf, describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { agreementShare } from './agreementShare';
import { codedMean } from './codedMean';
import { assertMinDifference, reaches } from './compareGroups';
import { compareWithPublishedWave, designChange, isPublishedWave, type PublishedWave, type PublishedWaveComparison } from './publishedWave';

/** Options of {@link compareWaves}. */
export interface CompareWavesOptions {
  /** The items to compare (default: every item present in both waves, in the order of wave a). */
  readonly items?: readonly string[];
  /** Denominator of the agreement shares: `'answered'` (default) or `'substantive'`. */
  readonly denominator?: 'answered' | 'substantive';
  /** Interval method of each wave's share (default `'wilson'`). */
  readonly ci?: ProportionMethod;
  /** Confidence level of every interval (default 0.95). */
  readonly level?: number;
  /** An item is flagged when its share changed by at least this (default 0.10). */
  readonly minDifference?: number;
  /**
   * `null` compares the unweighted answers (as before weights were design-based). Default: a
   * wave that carries weights (or a design) is estimated with them, and the changes are tested
   * with the design-based standard errors of the two independent waves.
   */
  readonly weights?: null;
}

/** One wave's share and mean of an item. */
export interface WaveSummary {
  readonly share: {
    /** NaN when n = 0. */
    readonly estimate: number;
    readonly count: number;
    readonly n: number;
    readonly ci: { readonly lower: number; readonly upper: number; readonly method: ProportionMethod | SurveyProportionMethod | 'likelihood'; readonly level: number };
    /** Weighted wave only: the design-based standard error (`SE(svymean(…))`). */
    readonly se?: number;
  };
  readonly mean: {
    /** Weighted wave only: the design-based standard error (`SE(svymean(…))`). */
    readonly se?: number;
    /** NaN when n = 0. */
    readonly mean: number;
    /** NaN when n < 2. */
    readonly sd: number;
    readonly n: number;
  };
}

/** One item's row in a {@link CompareWavesResult}. */
export interface CompareWavesRow {
  readonly item: string;
  readonly label: string;
  readonly a: WaveSummary;
  readonly b: WaveSummary;
  /** Change in the agreement share, b − a, with Newcombe's interval and the pooled z test. */
  readonly share: {
    /** NaN when a wave has nobody in the denominator. */
    readonly difference: number;
    /** `'newcombe'` unweighted; `'normal'` (d ± z·√(se_a² + se_b²)) when a wave is weighted. */
    readonly ci: { readonly lower: number; readonly upper: number; readonly level: number; readonly method: 'newcombe' | 'normal' };
    /** NaN when the pooled share is 0 or 1. */
    readonly z: number;
    readonly p: number;
    readonly reason?: string;
  };
  /** Change in the coded mean, b − a, with the Welch t test and interval. */
  readonly mean: {
    /** NaN when a wave has no substantive answer. */
    readonly difference: number;
    /** NaN when a wave has fewer than 2 substantive answers or both are constant. */
    readonly t: number;
    /** Welch–Satterthwaite degrees of freedom. */
    readonly df: number;
    readonly p: number;
    /** `'welch'` unweighted; `'normal'` (design-based, df = Infinity) when a wave is weighted. */
    readonly ci: { readonly lower: number; readonly upper: number; readonly level: number; readonly method: 'welch' | 'normal' };
    readonly reason?: string;
  };
  /** |share difference| >= minDifference (rounding tolerance 1e-12); false when it is NaN. */
  readonly flagged: boolean;
  /** Against a published wave a: its count range and the range of the share test's p (null without a share). */
  readonly published?: PublishedWaveComparison | null;
}

/** Result of {@link compareWaves}: plain data. */
export interface CompareWavesResult {
  readonly rows: readonly CompareWavesRow[];
  readonly denominator: 'answered' | 'substantive';
  readonly minDifference: number;
  readonly level: number;
  readonly method: 'wave-comparison';
}

/**
 * Compares two waves of the same survey item by item: agreement shares and coded means in each
 * wave, and their changes (wave b − wave a) with intervals and tests.
 *
 * - Share change: d = p̂_b − p̂_a with Newcombe's hybrid score interval and the pooled
 *   two-proportion z test (`compareProportions(x_b, n_b, x_a, n_a)`).
 * - Mean change: Welch's t test, as R's `t.test(x_b, x_a)`: se = √(s_b²/n_b + s_a²/n_a),
 *   t = (x̄_b − x̄_a)/se, df = se⁴ / ((s_b²/n_b)²/(n_b − 1) + (s_a²/n_a)²/(n_a − 1)), two-sided
 *   p = 2·P(T_df ≥ |t|) taken from the upper tail, interval d ± t(1 − α/2, df)·se.
 * - `flagged` when |d| >= `minDifference` (default 0.10), with the same 1e-12 rounding tolerance
 *   as `compareGroups`.
 *
 * Items are matched by id. An item is compared only when both waves code it on the same scale:
 * the same levels, codes, agreement levels and non-substantive labels, in the same order (the
 * scale's id and aliases may differ). The waves are independent samples.
 *
 * Weighted waves (a survey with weights or a design; `weights: null` turns this off): each
 * wave's share and mean are the weighted ones with their design-based se (as `agreementShare`
 * and `codedMean` give them, R's `svymean`), and a change d = b − a is tested with
 * se = √(se_a² + se_b²): z = d/se, p = 2Φ(−|z|), interval d ± z_{1−α/2}·se (the `t` field holds
 * z and `df` is Infinity).
 *
 * @param a - the earlier wave (the baseline): a survey, or a {@link PublishedWave} of its published
 *   figures (`{ kind: 'published-wave', items: { [id]: { share?: { percent, n, decimals? }, labels?,
 *   mean?: { mean, sd?, n } } }, harmonise? }`): b's share of the harmonised labels is tested
 *   against the published percent at the consistent count nearest percent·n/100 (each row's
 *   `published` gives the count range and the p range over it), the mean by Welch when the sd is given;
 *   a weighted b is tested by z on its design-based se and the published wave's binomial one
 *   (its share's interval is then svyciprop's logit one; `ci` names the published wave's)
 * @param b - the later wave
 * @param options - `items`, `denominator`, `ci`, `level`, `minDifference`
 * @returns one row per item; NaN fields as described on {@link CompareWavesRow}, each with a `reason`
 * @throws RangeError naming the item when its scales differ between the waves, when a chosen item
 *   is missing from a wave, or for a bad option; TypeError when a wave is not a survey
 * @example
 * ```ts
 * // wave a: q answered 'I høj grad', 'Slet ikke', 'Slet ikke', 'I mindre grad'
 * // wave b: q answered 'I høj grad', 'I meget høj grad', 'Slet ikke', 'I høj grad'
 * const r = compareWaves(a, b).rows[0];
 * r.share.difference // 0.5   (0.75 − 0.25)
 * r.flagged          // true
 * r.mean.difference  // 1     (2.75 − 1.75)
 * r.mean.df          // 5.601659751037346  (Welch)
 * r.mean.p           // 0.2559745009383109
 * ```
 * @see R `t.test(x_b, x_a)` (Welch), `prop.test(c(x_b, x_a), c(n_b, n_a), correct = FALSE)`;
 *   Newcombe (1998), Statistics in Medicine 17, 873–890; Welch (1947), Biometrika 34, 28–35.
 */
export function compareWaves<I extends string>(
  a: Survey<I> | PublishedWave,
  b: Survey<I>,
  options: CompareWavesOptions = {},
): CompareWavesResult {
  checkOptionKeys('compareWaves', options, optionKeys<CompareWavesOptions>({ items: true, denominator: true, ci: true, level: true, minDifference: true, weights: true }));
  const fn = 'compareWaves';
  for (const [name, wave] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (name === 'a' && isPublishedWave(wave)) continue;
    if (wave === null || typeof wave !== 'object' || wave.kind !== 'survey') {
      throw new TypeError(`${fn}: wave ${name} must be a survey made by survey(), got ${describeValue(wave)}`);
    }
  }
  const denominator = options.denominator ?? 'answered';
  assertOneOf(fn, denominator, ['answered', 'substantive'] as const, 'denominator');
  const level = options.level ?? 0.95;
  assertLevel(fn, level);
  const minDifference = options.minDifference ?? 0.1;
  assertMinDifference(fn, minDifference);
  if (options.weights !== undefined && options.weights !== null) {
    throw new TypeError(`${fn}: weights can only be null (compare the unweighted answers); the waves' own weights are used otherwise`);
  }
  // Wave a known only from its published figures (see publishedWave.ts).
  if (isPublishedWave(a)) {
    if (options.items !== undefined && !Array.isArray(options.items)) {
      throw new TypeError(`${fn}: items must be an array of item ids, got ${describeValue(options.items)}`);
    }
    const weighted = options.weights === undefined && b.weights !== null;
    const rows = compareWithPublishedWave(fn, a, b, options.items, denominator, options.ci ?? 'wilson', level, minDifference, weighted);
    return { rows, denominator, minDifference, level, method: 'wave-comparison' };
  }
  const useWeights = options.weights === undefined && (a.weights !== null || b.weights !== null);
  // Unweighted: the z test and the Welch t work on counts and plain means.
  const shareOptions = useWeights
    ? ({ denominator, level, ...(options.ci === undefined ? {} : { ci: options.ci }) } as const)
    : ({ denominator, ci: options.ci ?? 'wilson', level, weights: null } as const);

  const itemsA = new Map(a.items.map((it) => [it.id as string, it]));
  const itemsB = new Map(b.items.map((it) => [it.id as string, it]));
  let ids: string[];
  if (options.items !== undefined) {
    if (!Array.isArray(options.items)) {
      throw new TypeError(`${fn}: items must be an array of item ids, got ${describeValue(options.items)}`);
    }
    ids = [...options.items];
    for (const id of ids) {
      const missing = [itemsA.has(id) ? '' : 'a', itemsB.has(id) ? '' : 'b'].filter(Boolean);
      if (missing.length > 0) {
        throw new RangeError(`${fn}: item "${id}" is not in wave ${missing.join(' or ')}; choose items present in both waves`);
      }
    }
  } else {
    ids = [...itemsA.keys()].filter((id) => itemsB.has(id));
  }

  const rows = ids.map((id): CompareWavesRow => {
    const metaA = itemsA.get(id) as (typeof a.items)[number];
    const metaB = itemsB.get(id) as (typeof b.items)[number];
    const difference = scaleDifference(metaA.scale, metaB.scale);
    if (difference !== null) {
      throw new RangeError(
        `${fn}: item "${id}" is coded on different scales in the two waves (${difference}); recode one wave or leave the item out with options.items`,
      );
    }
    const columnA = a.item(id as I);
    const columnB = b.item(id as I);
    const shareA = agreementShare(columnA, shareOptions);
    const shareB = agreementShare(columnB, shareOptions);
    const meanA = codedMean(columnA, useWeights ? { level } : { weights: null });
    const meanB = codedMean(columnB, useWeights ? { level } : { weights: null });
    const wave = (share: typeof shareA, mean: typeof meanA): WaveSummary => ({
      share: { estimate: share.estimate, count: share.count, n: share.n, ci: { ...share.ci }, ...(share.se === undefined ? {} : { se: share.se }) },
      mean: { mean: mean.mean, sd: mean.sd, n: mean.n, ...(mean.variance === 'linearization' ? { se: mean.se } : {}) },
    });
    if (useWeights) {
      // Independent waves: the variance of b − a is the sum of the waves' design variances.
      const seOf = (x: { se?: number }, weighted: boolean, fallback: number): number => (weighted ? (x.se as number) : fallback);
      const shareSe = Math.hypot(seOf(shareB, shareB.se !== undefined, unweightedShareSe(shareB)), seOf(shareA, shareA.se !== undefined, unweightedShareSe(shareA)));
      const meanSe = Math.hypot(meanB.se, meanA.se);
      const shareChange = designChange(shareB.estimate - shareA.estimate, shareSe, level);
      const meanChange = designChange(meanB.mean - meanA.mean, meanSe, level);
      return {
        item: id,
        label: metaB.label,
        a: wave(shareA, meanA),
        b: wave(shareB, meanB),
        share: { difference: shareChange.difference, ci: { ...shareChange.ci, method: 'normal' as const }, z: shareChange.t, p: shareChange.p, ...(shareChange.reason === undefined ? {} : { reason: shareChange.reason }) },
        mean: meanChange,
        flagged: reaches(shareChange.difference, minDifference),
      };
    }
    const change = compareProportions(shareB.count, shareB.n, shareA.count, shareA.n, { level });
    return {
      item: id,
      label: metaB.label,
      a: wave(shareA, meanA),
      b: wave(shareB, meanB),
      share: {
        difference: change.difference,
        ci: { ...change.ci },
        z: change.z,
        p: change.p,
        ...(change.reason === undefined ? {} : { reason: change.reason }),
      },
      mean: welch(meanB, meanA, level),
      flagged: reaches(change.difference, minDifference),
    };
  });
  return { rows, denominator, minDifference, level, method: 'wave-comparison' };
}

/** An unweighted wave's se of its share, √(p(1 − p)/n), when only the other wave is weighted. */
function unweightedShareSe(share: { estimate: number; n: number }): number {
  return Math.sqrt((share.estimate * (1 - share.estimate)) / share.n);
}

/** Welch's t test of wave b − wave a (R's t.test(x_b, x_a)), with the reasons worded for waves. */
function welch(
  x: { mean: number; sd: number; n: number },
  y: { mean: number; sd: number; n: number },
  level: number,
): CompareWavesRow['mean'] {
  const test = welchTTest(x, y, { level });
  const row = { difference: test.estimate, t: test.t, df: test.df, p: test.p, ci: { ...test.ci } };
  if (test.reason === undefined) return row;
  const reason =
    x.n < 2 || y.n < 2
      ? 'a wave has fewer than 2 substantive answers: its variance is undefined'
      : 'both waves are constant: the standard error is 0';
  return { ...row, reason };
}

/** Describes how two scales differ in what compareWaves relies on, or null when they agree. */
function scaleDifference(a: Scale, b: Scale): string | null {
  const same = (x: readonly (string | number)[], y: readonly (string | number)[]): boolean =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  const show = (x: readonly (string | number)[]): string => `[${x.map((v) => (typeof v === 'string' ? `"${v}"` : v)).join(', ')}]`;
  const parts: [string, readonly (string | number)[], readonly (string | number)[]][] = [
    ['levels', a.levels, b.levels],
    ['codes', a.codes, b.codes],
    ['agree levels', a.agree, b.agree],
    ['non-substantive labels', a.nonSubstantive, b.nonSubstantive],
  ];
  for (const [what, x, y] of parts) {
    if (!same(x, y)) return `${what} ${show(x)} in wave a, ${show(y)} in wave b`;
  }
  return null;
}
