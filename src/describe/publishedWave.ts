import type { Survey } from '../data/survey';
import { columnCodes } from '../data/columnData';
import { compareProportions } from '../inference/compareProportions';
import { proportionInterval, type ProportionMethod } from '../inference/proportionInterval';
import { publishedProportion } from '../inference/published';
import { welchTTest } from '../inference/welchTest';
import { normalizeLabel } from '../scale/normalizeLabel';
import { describeValue } from '../internal/validate';
import type { LikertColumn } from '../data/types';
import { normalCdf, normalQuantile } from '../math';
import { codedMean } from './codedMean';
import { designLogit, designMean, designOf, logitInterval } from './designEstimate';
import { resolveWeights } from './weights';
import type { CompareWavesRow } from './compareWaves';
import { reaches } from './compareGroups';

/** One item's published figures in an earlier wave (no microdata). */
export interface PublishedWaveItem {
  /** The share as printed: a rounded percent of n (decimals default 0). */
  readonly share?: { readonly percent: number; readonly n: number; readonly decimals?: number };
  /**
   * The answer labels the published share counted, in the published wave's wording; default the
   * agreement levels of the survey's scale. Labels not on the survey's scale are translated by
   * the wave's `harmonise` map.
   */
  readonly labels?: readonly string[];
  /** The coded mean as published; without `sd` the mean change has no test. */
  readonly mean?: { readonly mean: number; readonly sd?: number; readonly n: number };
}

/** An earlier wave known only from its published figures, for `compareWaves(published, survey)`. */
export interface PublishedWave {
  readonly kind: 'published-wave';
  /** Item id (as in the survey) → published figures. */
  readonly items: Readonly<Record<string, PublishedWaveItem>>;
  /**
   * Harmonisation of wordings: published label → the survey scale's label, e.g.
   * `{ 'Ret store udfordringer': 'I høj grad', 'Meget store udfordringer': 'I meget høj grad' }`.
   */
  readonly harmonise?: Readonly<Record<string, string>>;
}

/** True for a {@link PublishedWave}. Internal. */
export function isPublishedWave(value: unknown): value is PublishedWave {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'published-wave';
}

/** Extra fields of a compareWaves row against a published wave. */
export interface PublishedWaveComparison {
  /** The counts consistent with the rounded percent, and the range of the share test's p over them. */
  readonly counts: { readonly lower: number; readonly upper: number };
  readonly p: { readonly lower: number; readonly upper: number };
  /** The survey's labels the share counts, after harmonisation. */
  readonly labels: readonly string[];
}

/** The normal test and interval of a change d with standard error se (weighted waves). Internal. */
export function designChange(difference: number, se: number, level: number): CompareWavesRow['mean'] {
  const z = normalQuantile((1 - level) / 2, false);
  const t = difference / se;
  const row = {
    difference,
    t,
    df: Infinity,
    p: Number.isNaN(t) ? NaN : 2 * normalCdf(-Math.abs(t)),
    ci: { lower: difference - z * se, upper: difference + z * se, level, method: 'normal' as const },
  };
  if (Number.isNaN(difference)) return { ...row, reason: 'a wave has nobody in the denominator' };
  if (!(se > 0)) return { ...row, reason: 'the standard error of the change is 0 or undefined' };
  return row;
}

/**
 * compareWaves(a, b) when wave a is a published wave: b's share of the harmonised labels against
 * the published percent (the z test at the consistent count nearest percent·n/100, with the p
 * range over every consistent count), and b's coded mean against the published mean (Welch, when
 * the published sd is given). A weighted wave b enters with its weighted share and mean and their
 * design-based se (R's `svymean`), the published wave as a simple random sample
 * (√(p(1 − p)/N), sd/√n), and a change d is tested by z = d/√(se_b² + se_a²), as compareWaves
 * tests two weighted waves. Internal: reached through compareWaves.
 */
export function compareWithPublishedWave(
  fn: string,
  a: PublishedWave,
  b: Survey,
  ids: readonly string[] | undefined,
  denominator: 'answered' | 'substantive',
  ciMethod: ProportionMethod,
  level: number,
  minDifference: number,
  weighted = false,
): (CompareWavesRow & { published: PublishedWaveComparison | null })[] {
  if (a.items === null || typeof a.items !== 'object') {
    throw new TypeError(`${fn}: a published wave needs items: { [item id]: { share?, mean?, labels? } }, got ${describeValue(a.items)}`);
  }
  const harmonise = new Map(Object.entries(a.harmonise ?? {}).map(([from, to]) => [normalizeLabel(from), to]));
  const chosen = ids ?? Object.keys(a.items).filter((id) => b.items.some((item) => item.id === id));
  return chosen.map((id) => {
    const figures = a.items[id];
    const meta = b.items.find((item) => item.id === id);
    if (figures === undefined || meta === undefined) {
      throw new RangeError(`${fn}: item "${id}" is not in ${figures === undefined ? 'the published wave' : 'wave b'}; choose items present in both waves`);
    }
    const scale = meta.scale;
    const byLabel = new Map(scale.levels.map((label, index) => [normalizeLabel(label), index]));
    const labels = (figures.labels ?? scale.agree).map((label) => {
      const direct = byLabel.get(normalizeLabel(label));
      if (direct !== undefined) return direct;
      const mapped = harmonise.get(normalizeLabel(label));
      const index = mapped === undefined ? undefined : byLabel.get(normalizeLabel(mapped));
      if (index === undefined) {
        throw new RangeError(
          `${fn}: the published label "${label}" of item "${id}" is not a level of its scale in wave b${mapped === undefined ? '' : ` (harmonised to "${mapped}")`}; add it to the wave's harmonise map`,
        );
      }
      return index;
    });
    const counted = new Set(labels);
    const column = b.item(id);
    const codes = columnCodes(column);
    const k = scale.levels.length;
    let count = 0;
    let n = 0;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      if (code < 0 || (denominator === 'substantive' && code >= k)) continue;
      n++;
      if (counted.has(code)) count++;
    }
    const ci = proportionInterval(count, n, { method: ciMethod, level });
    const meanB = codedMean(column, weighted ? { level } : { weights: null });
    let shareB: CompareWavesRow['b']['share'] = { estimate: n === 0 ? NaN : count / n, count, n, ci: { lower: ci.lower, upper: ci.upper, method: ciMethod, level } };
    if (weighted) shareB = weightedShare(fn, column, codes, counted, denominator === 'answered' ? Infinity : k, count, n, level);

    // Published share: the consistent counts; the test at the one nearest percent·n/100.
    let shareA: CompareWavesRow['a']['share'] = { estimate: NaN, count: NaN, n: 0, ci: { lower: NaN, upper: NaN, method: ciMethod, level } };
    let change: CompareWavesRow['share'] = { difference: NaN, ci: { lower: NaN, upper: NaN, level, method: 'newcombe' }, z: NaN, p: NaN, reason: 'the published wave gives no share for this item' };
    let published: PublishedWaveComparison | null = null;
    if (figures.share !== undefined) {
      const range = publishedProportion(figures.share, { method: ciMethod, level });
      if (!range.consistent) {
        change = { ...change, reason: range.reason as string };
      } else {
        const target = (range.percent * range.n) / 100;
        const x = Math.min(range.counts.upper, Math.max(range.counts.lower, Math.round(target)));
        const atX = proportionInterval(x, range.n, { method: ciMethod, level });
        shareA = { estimate: range.percent / 100, count: x, n: range.n, ci: { lower: atX.lower, upper: atX.upper, method: ciMethod, level } };
        // The change at count xa of the published wave: pooled z (prop.test) unweighted; with a
        // weighted b, z on the sum of b's design variance and a's binomial one.
        const testAt = (xa: number): CompareWavesRow['share'] => {
          if (!weighted) {
            const test = compareProportions(count, n, xa, range.n, { level });
            return { difference: test.difference, ci: { ...test.ci }, z: test.z, p: test.p, ...(test.reason === undefined ? {} : { reason: test.reason }) };
          }
          const pa = xa / range.n;
          const test = designChange(shareB.estimate - pa, Math.hypot(shareB.se as number, Math.sqrt((pa * (1 - pa)) / range.n)), level);
          return { difference: test.difference, ci: { ...test.ci, method: 'normal' }, z: test.t, p: test.p, ...(test.reason === undefined ? {} : { reason: test.reason }) };
        };
        change = testAt(x);
        let pLow = Infinity;
        let pHigh = -Infinity;
        for (let xa = range.counts.lower; xa <= range.counts.upper; xa++) {
          const p = testAt(xa).p;
          if (Number.isNaN(p)) continue;
          pLow = Math.min(pLow, p);
          pHigh = Math.max(pHigh, p);
        }
        published = {
          counts: { ...range.counts },
          p: pLow === Infinity ? { lower: NaN, upper: NaN } : { lower: pLow, upper: pHigh },
          labels: labels.map((index) => scale.levels[index] as string),
        };
      }
    }

    const meanA = figures.mean === undefined ? { mean: NaN, sd: NaN, n: 0 } : { mean: figures.mean.mean, sd: figures.mean.sd ?? NaN, n: figures.mean.n };
    let mean: CompareWavesRow['mean'];
    if (figures.mean === undefined || figures.mean.sd === undefined) {
      mean = {
        difference: meanB.mean - meanA.mean,
        t: NaN,
        df: NaN,
        p: NaN,
        ci: { lower: NaN, upper: NaN, level, method: 'welch' },
        reason: figures.mean === undefined ? 'the published wave gives no mean for this item' : 'the published wave gives no sd: the mean change has no test',
      };
    } else if (weighted) {
      mean = designChange(meanB.mean - meanA.mean, Math.hypot(meanB.se, meanA.sd / Math.sqrt(meanA.n)), level);
    } else {
      const test = welchTTest({ mean: meanB.mean, sd: meanB.sd, n: meanB.n }, meanA, { level });
      mean = { difference: test.estimate, t: test.t, df: test.df, p: test.p, ci: { ...test.ci }, ...(test.reason === undefined ? {} : { reason: 'a wave has fewer than 2 substantive answers, or both are constant' }) };
    }
    return {
      item: id,
      label: meta.label,
      a: { share: shareA, mean: meanA },
      b: { share: shareB, mean: { mean: meanB.mean, sd: meanB.sd, n: meanB.n, ...(weighted ? { se: meanB.se } : {}) } },
      share: change,
      mean,
      flagged: reaches(change.difference, minDifference),
      published,
    };
  });
}

/**
 * A weighted wave b's share of the counted levels among the codes below `end` (all answers, or
 * the substantive ones), linearised over b's design (R's `svymean(~agree, design, na.rm =
 * TRUE)`), with svyciprop's logit interval fitted as `agreementShare` fits it (the `ci` option
 * names the published wave's interval; a weighted b's is always this design-based one).
 */
function weightedShare(
  fn: string,
  column: LikertColumn,
  codes: Int8Array,
  counted: ReadonlySet<number>,
  end: number,
  count: number,
  n: number,
  level: number,
): CompareWavesRow['b']['share'] {
  const cellWeights = resolveWeights(fn, column, undefined) ?? new Float64Array(codes.length).fill(1);
  const values = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    values[i] = code >= 0 && code < end ? (counted.has(code) ? 1 : 0) : NaN;
  }
  const design = designOf(fn, column, cellWeights, true, undefined);
  const found = designMean(values, cellWeights, design);
  let lower = NaN;
  let upper = NaN;
  if (found.estimate > 0 && found.estimate < 1 && found.se > 0 && found.df > 0) {
    ({ lower, upper } = logitInterval(designLogit(values, cellWeights, design, found.rows), found.df, level));
  } else if (found.se === 0) {
    lower = found.estimate;
    upper = found.estimate;
  }
  const reason = Number.isNaN(lower) && !Number.isNaN(found.estimate)
    ? found.estimate === 0 || found.estimate === 1
      ? `the logit interval is undefined for a share of ${found.estimate}`
      : `the design has ${found.df} degrees of freedom or no standard error`
    : undefined;
  return { estimate: found.estimate, count, n, se: found.se, ci: { lower, upper, method: 'logit', level, ...(reason === undefined ? {} : { reason }) } };
}
