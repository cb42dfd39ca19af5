import { inverseRegularizedBeta, normalQuantile } from '../math';
import { assertLevel, checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { readNumeric, type NumericInput } from './internal';
import {
  completePairSums,
  covarianceToCorrelation,
  pairwiseCovariance,
  squaredMultipleCorrelations,
  total,
  trace,
  without,
  type Matrix,
} from './reliabilityMatrix';

/** Options of {@link cronbachAlpha}. */
export interface CronbachAlphaOptions {
  /** Confidence level of the Feldt and the asymptotic (Duhachek) intervals, strictly between 0 and 1; default 0.95. */
  readonly level?: number;
  /** Names of the items, in order (default `V1`, `V2`, … as psych). */
  readonly names?: readonly string[];
  /**
   * Zero-based positions of reverse-keyed items, as `psych::alpha(x, keys = …)`: their
   * covariances change sign, and their values are turned as `reverseAround − x` for the total
   * score and the item statistics.
   */
  readonly reverse?: readonly number[];
  /**
   * The sum min + max around which reverse-keyed values are turned; default the smallest plus
   * the largest value of all items (what psych does). A survey passes its scale's lowest plus
   * highest code.
   */
  readonly reverseAround?: number;
}

/** Alpha and its companions for one set of items (all items, or all but one). */
export interface AlphaStatistics {
  /** Cronbach's alpha from the covariances: k/(k − 1)·(1 − tr C / ΣC) (psych `raw_alpha`). */
  readonly rawAlpha: number;
  /** Standardised alpha from the correlations: k/(k − 1)·(1 − k / ΣR) (psych `std.alpha`). */
  readonly stdAlpha: number;
  /** Guttman's λ6: 1 − (k − Σ smc)/ΣR (psych `G6(smc)`); `NaN` when R is singular. */
  readonly g6: number;
  /** Mean inter-item correlation (ΣR − k)/(k(k − 1)) (psych `average_r`). */
  readonly averageR: number;
  /** Signal-to-noise ratio k·r̄/(1 − r̄) (psych `S/N`). */
  readonly signalNoise: number;
  /** Variance of the inter-item correlations (psych `var.r`); `NaN` with fewer than two pairs. */
  readonly varR: number;
  /** Median inter-item correlation (psych `med.r` / `median_r`). */
  readonly medianR: number;
}

/** Alpha if one item is dropped (a row of psych's `alpha.drop`). */
export interface AlphaDrop extends AlphaStatistics {
  /** The dropped item. */
  readonly item: string;
  /** Asymptotic standard error of `rawAlpha` (psych `alpha se`); `NaN` when n ≤ k or with 2 items. */
  readonly alphaSe: number;
}

/** Statistics of one item (a row of psych's `item.stats`). */
export interface AlphaItemStatistics {
  readonly item: string;
  /** Whether it was reverse-keyed. */
  readonly reversed: boolean;
  /** Respondents who answered it. */
  readonly n: number;
  /** Correlation of the item with the total score (psych `raw.r`). */
  readonly rawR: number;
  /** Item–total correlation from the correlation matrix, ΣR_i / √ΣR (psych `std.r`). */
  readonly stdR: number;
  /** The same, corrected for item overlap and reliability: smc on the diagonal (psych `r.cor`). */
  readonly rCor: number;
  /** Corrected item–total correlation: the item with the sum of the others (psych `r.drop`). */
  readonly rDrop: number;
  /** Mean of the item (after reverse keying). */
  readonly mean: number;
  /** Standard deviation of the item (divisor n − 1). */
  readonly sd: number;
}

/** An interval for alpha. */
export interface AlphaInterval {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

/** Result of {@link cronbachAlpha}: plain, JSON-serialisable data. */
export interface CronbachAlphaResult extends AlphaStatistics {
  /** Respondents (rows), answered or not: psych's n for the standard error and the Feldt interval. */
  readonly n: number;
  /** Items. */
  readonly k: number;
  /** Asymptotic standard error of `rawAlpha` (Duhachek & Iacobucci 2004; psych `ase`). */
  readonly ase: number;
  /** Mean and sd of the total score (each respondent's mean over the items they answered). */
  readonly mean: number;
  readonly sd: number;
  /** Feldt's interval from the F distribution with n − 1 and (n − 1)(k − 1) df (psych `feldt`). */
  readonly feldt: AlphaInterval;
  /** The asymptotic interval rawAlpha ± z·ase (psych prints it with z = 1.96 as "Duhachek"). */
  readonly duhachek: AlphaInterval;
  /** Alpha if each item is dropped (psych `alpha.drop`); empty with one item. */
  readonly drop: readonly AlphaDrop[];
  /** Statistics of each item (psych `item.stats`). */
  readonly items: readonly AlphaItemStatistics[];
  readonly method: 'cronbach-alpha';
  /** Why the fields are `NaN`, when they are. */
  readonly reason?: string;
}

/** Quantile of the F distribution with (d1, d2) df: from the beta quantile and its complement, each solved directly. */
function fQuantile(p: number, d1: number, d2: number): number {
  const x = inverseRegularizedBeta(p, d1 / 2, d2 / 2, true);
  const y = inverseRegularizedBeta(p, d2 / 2, d1 / 2, false);
  return (d2 * x) / (d1 * y);
}

function median(values: readonly number[]): number {
  const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 === 1 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

function sampleVariance(values: readonly number[]): number {
  const v = values.filter((x) => !Number.isNaN(x));
  if (v.length < 2) return NaN;
  let mean = 0;
  for (const x of v) mean += x;
  mean /= v.length;
  let ss = 0;
  for (const x of v) ss += (x - mean) * (x - mean);
  return ss / (v.length - 1);
}

/** Sum of all entries of C·C (= Σ_i (row sum of C's i-th row squared sums)). */
function totalOfSquare(c: Matrix): number {
  const k = c.length;
  let s = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let entry = 0;
      for (let m = 0; m < k; m++) entry += (c[i]![m] as number) * (c[m]![j] as number);
      s += entry;
    }
  }
  return s;
}

/** tr(C·C) = Σ_ij C_ij² for a symmetric C. */
function traceOfSquare(c: Matrix): number {
  let s = 0;
  for (const row of c) for (const v of row) s += v * v;
  return s;
}

/**
 * Alpha, standardised alpha, λ6, r̄, S/N and the asymptotic variance term Q of one covariance
 * matrix C and its correlation matrix R (psych's inner `alpha.1`).
 */
function alphaOf(c: Matrix, r: Matrix): AlphaStatistics & { q: number } {
  const k = c.length;
  const sumC = total(c);
  const trC = trace(c);
  const sumR = total(r);
  const rawAlpha = (1 - trC / sumC) * (k / (k - 1));
  const stdAlpha = (1 - k / sumR) * (k / (k - 1));
  const smc = squaredMultipleCorrelations(r);
  let sumSmc = 0;
  for (const v of smc) sumSmc += v;
  const g6 = 1 - (k - sumSmc) / sumR;
  const averageR = (sumR - k) / (k * (k - 1));
  const signalNoise = (k * averageR) / (1 - averageR);
  // Asymptotic variance of alpha (van Zyl, Neudecker & Nel 2000; Duhachek & Iacobucci 2004):
  // Q = 2k²/((k − 1)²(ΣC)³) · [ΣC·(tr C² + (tr C)²) − 2·tr C·Σ(C²)].
  const q = ((2 * k * k) / ((k - 1) * (k - 1) * sumC * sumC * sumC)) * (sumC * (traceOfSquare(c) + trC * trC) - 2 * trC * totalOfSquare(c));
  const lower: number[] = [];
  for (let i = 1; i < k; i++) for (let j = 0; j < i; j++) lower.push(r[i]![j] as number);
  return { rawAlpha, stdAlpha, g6, averageR, signalNoise, varR: sampleVariance(lower), medianR: median(lower), q };
}

/** Pearson correlation over the rows where both are present. */
function pairwiseCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { m, sxx, syy, sxy } = completePairSums(x, y);
  return m < 2 ? NaN : sxy / Math.sqrt(sxx * syy);
}

function meanSd(x: ArrayLike<number>): { mean: number; sd: number; n: number } {
  let n = 0;
  let s = 0;
  for (let r = 0; r < x.length; r++) {
    const v = x[r] as number;
    if (Number.isNaN(v)) continue;
    n++;
    s += v;
  }
  const mean = n > 0 ? s / n : NaN;
  let ss = 0;
  for (let r = 0; r < x.length; r++) {
    const v = x[r] as number;
    if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
  }
  return { mean, sd: n >= 2 ? Math.sqrt(ss / (n - 1)) : NaN, n };
}

/** The items read and keyed: values (NaN for missing), names, keys ±1. Shared with {@link mcdonaldOmega}. */
export interface KeyedItems {
  readonly columns: Float64Array[];
  readonly names: string[];
  readonly keys: number[];
  readonly n: number;
}

/** Reads and checks the items and the names / reverse options of the reliability functions. Internal. */
export function readItems(fn: string, items: readonly NumericInput[], names: readonly string[] | undefined, reverse: readonly number[] | undefined): KeyedItems {
  if (!Array.isArray(items)) throw new TypeError(`${fn}: items must be an array of item columns (arrays of numbers or LikertColumns), got ${describeValue(items)}`);
  if (items.length < 2) throw new RangeError(`${fn}: needs at least 2 items, got ${items.length}; pass two or more item columns`);
  const columns = items.map((item, i) => readNumeric(fn, item, `items[${i}]`));
  const n = (columns[0] as Float64Array).length;
  columns.forEach((c, i) => {
    if (c.length !== n) throw new RangeError(`${fn}: items[${i}] has ${c.length} values but items[0] has ${n}; give every item one value per respondent`);
  });
  if (names !== undefined) {
    if (!Array.isArray(names) || names.length !== items.length || names.some((v) => typeof v !== 'string')) {
      throw new TypeError(`${fn}: names must be an array of ${items.length} strings (one per item), got ${describeValue(names)}`);
    }
  }
  const keys = columns.map(() => 1);
  if (reverse !== undefined) {
    if (!Array.isArray(reverse)) throw new TypeError(`${fn}: reverse must be an array of zero-based item positions, got ${describeValue(reverse)}`);
    reverse.forEach((position, i) => {
      if (!Number.isInteger(position) || position < 0 || position >= items.length) {
        throw new RangeError(`${fn}: reverse[${i}] is ${describeValue(position)}, not the position of an item; use integers from 0 to ${items.length - 1}`);
      }
      keys[position] = -1;
    });
  }
  return { columns, names: names === undefined ? columns.map((_, i) => `V${i + 1}`) : [...names], keys, n };
}

/**
 * Cronbach's alpha of a set of items with the statistics `psych::alpha` reports: raw and
 * standardised alpha, Guttman's λ6, the average inter-item correlation, the signal-to-noise
 * ratio, the asymptotic standard error with its interval, Feldt's interval, alpha if an item is
 * dropped and the item–total correlations.
 *
 * With C the items' covariance matrix and R their correlation matrix, both pairwise (each pair
 * over the respondents who answered both, as psych's default `use = "pairwise"`), and k items:
 * raw α = k/(k − 1)·(1 − tr C/ΣC); standardised α = k/(k − 1)·(1 − k/ΣR);
 * r̄ = (ΣR − k)/(k(k − 1)); S/N = k·r̄/(1 − r̄); λ6 = 1 − (k − Σ smc_i)/ΣR with
 * smc_i = 1 − 1/(R⁻¹)_ii. The asymptotic variance is Q/n with
 * Q = 2k²/((k − 1)²(ΣC)³)·[ΣC·(tr C² + (tr C)²) − 2·tr C·Σ(C²)] and n the number of
 * respondents (rows). Feldt's interval is 1 − (1 − α)·F_{1−p/2} … 1 − (1 − α)·F_{p/2} with
 * F quantiles on n − 1 and (n − 1)(k − 1) df and p = 1 − level. The total score is each
 * respondent's mean over the items they answered; `rawR` correlates it with each item;
 * `rDrop` = (ΣC_i − C_ii)/√(C_ii·ΣC_{−i,−i}), the corrected item–total correlation.
 *
 * Reverse-keyed items (`reverse`) enter C and R with the opposite sign, and their values are
 * turned as `reverseAround − x`.
 *
 * @param items - two or more item columns of equal length: arrays of numbers (`null`,
 *   `undefined`, `NaN` for missing) or coded `LikertColumn`s (their codes; non-substantive
 *   answers are missing)
 * @param options - `level` (default 0.95), `names`, `reverse`, `reverseAround`
 * @returns the statistics; when an item has fewer than 2 values or no variance, or a pair of
 *   items has fewer than 2 respondents in common, every statistic is `NaN` and `reason` says
 *   which item (psych drops such an item with a warning; leave it out of `items` instead)
 * @throws TypeError for items that are not arrays of numbers, a bad `names`, or an unknown
 *   option; RangeError for fewer than 2 items, items of different lengths, a level outside
 *   (0, 1) or a `reverse` position that is not an item's
 * @example
 * ```ts
 * cronbachAlpha([[1, 2, 3, 4, 4], [2, 2, 3, 4, 3], [1, 3, 3, 4, 4]]).rawAlpha;
 * // 0.9320388349514563
 * // R: psych::alpha(data.frame(a = c(1,2,3,4,4), b = c(2,2,3,4,3), c = c(1,3,3,4,4)))$total$raw_alpha
 * //    0.93203883495145634
 * ```
 * @see R `psych::alpha(x)` (psych 2.2.9); Cronbach (1951); Feldt, Woodruff & Salih (1987);
 *   Duhachek & Iacobucci (2004), J. Applied Psychology 89, 792–808.
 */
export function cronbachAlpha(items: readonly NumericInput[], options: CronbachAlphaOptions = {}): CronbachAlphaResult {
  const fn = 'cronbachAlpha';
  checkOptionKeys(fn, options, optionKeys<CronbachAlphaOptions>({ level: true, names: true, reverse: true, reverseAround: true }));
  const { level = 0.95 } = options;
  assertLevel(fn, level);
  const { columns, names, keys, n } = readItems(fn, items, options.names, options.reverse);
  if (options.reverseAround !== undefined && !Number.isFinite(options.reverseAround)) {
    throw new TypeError(`${fn}: reverseAround must be a finite number (the lowest plus the highest code), got ${describeValue(options.reverseAround)}`);
  }
  const k = columns.length;
  const { covariance, count } = pairwiseCovariance(columns);
  const undefinedBecause = checkDefined(covariance, count, names);
  if (undefinedBecause !== undefined) return undefinedResult(n, k, level, names, keys, undefinedBecause);
  // Keyed covariance: C_ij·key_i·key_j.
  const c = covariance.map((row, i) => row.map((v, j) => v * (keys[i] as number) * (keys[j] as number)));
  const r = covarianceToCorrelation(c);
  const all = alphaOf(c, r);

  // The values with reverse-keyed items turned, for the total score and the item statistics.
  let around = options.reverseAround;
  if (around === undefined && keys.some((key) => key < 0)) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const column of columns) for (const v of column) if (!Number.isNaN(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    around = lo + hi;
  }
  const keyed = columns.map((column, i) => (keys[i] === 1 ? column : column.map((v) => (around as number) - v)));
  const scores = new Float64Array(n);
  for (let row = 0; row < n; row++) {
    let s = 0;
    let m = 0;
    for (const column of keyed) {
      const v = column[row] as number;
      if (!Number.isNaN(v)) { s += v; m++; }
    }
    scores[row] = m > 0 ? s / m : NaN;
  }
  const totalScore = meanSd(scores);

  // Alpha if item dropped. With 2 items what remains is one item: psych reports C_12/C_jj,
  // R_12 and smc for it (and no standard error).
  const drop: AlphaDrop[] = [];
  if (k > 2) {
    for (let i = 0; i < k; i++) {
      const { q, ...stats } = alphaOf(without(c, i), without(r, i));
      drop.push({ item: names[i] as string, ...stats, alphaSe: n > k ? Math.sqrt(q / n) : NaN });
    }
  } else {
    const r12 = r[0]![1] as number;
    for (let i = 0; i < 2; i++) {
      const other = 1 - i;
      drop.push({
        item: names[i] as string,
        rawAlpha: (c[0]![1] as number) / (c[other]![other] as number),
        stdAlpha: r12,
        g6: r12 * r12,
        averageR: r12,
        signalNoise: r12 / (1 - r12),
        alphaSe: NaN,
        varR: 0,
        medianR: r12,
      });
    }
  }

  // Item–total correlations from R (std.r), with smc on the diagonal (r.cor), and from C (r.drop).
  const sumR = total(r);
  const smc = squaredMultipleCorrelations(r);
  const rc = r.map((row, i) => row.map((v, j) => (i === j ? (smc[i] as number) : v)));
  const sumRc = total(rc);
  const sumC = total(c);
  const itemStats: AlphaItemStatistics[] = columns.map((_, i) => {
    let rowR = 0;
    let rowRc = 0;
    let rowC = 0;
    for (let j = 0; j < k; j++) {
      rowR += r[i]![j] as number;
      rowRc += rc[i]![j] as number;
      rowC += c[i]![j] as number;
    }
    const cii = c[i]![i] as number;
    // Sum of the covariance matrix without item i: ΣC − 2·(row sum of i) + C_ii.
    const rest = sumC - 2 * rowC + cii;
    const { mean, sd, n: answered } = meanSd(keyed[i] as Float64Array);
    return {
      item: names[i] as string,
      reversed: keys[i] === -1,
      n: answered,
      rawR: pairwiseCorrelation(scores, keyed[i] as Float64Array),
      stdR: rowR / Math.sqrt(sumR),
      rCor: rowRc / Math.sqrt(sumRc),
      rDrop: (rowC - cii) / Math.sqrt(cii * rest),
      mean,
      sd,
    };
  });

  const ase = Math.sqrt(all.q / n);
  const p = 1 - level;
  const df1 = n - 1;
  const df2 = (n - 1) * (k - 1);
  const feldt = {
    lower: 1 - (1 - all.rawAlpha) * fQuantile(1 - p / 2, df1, df2),
    upper: 1 - (1 - all.rawAlpha) * fQuantile(p / 2, df1, df2),
    level,
  };
  const z = normalQuantile(p / 2, false);
  const { q: _q, ...stats } = all;
  return {
    n,
    k,
    ...stats,
    ase,
    mean: totalScore.mean,
    sd: totalScore.sd,
    feldt,
    duhachek: { lower: all.rawAlpha - z * ase, upper: all.rawAlpha + z * ase, level },
    drop,
    items: itemStats,
    method: 'cronbach-alpha',
  };
}

/** Why the statistics are undefined (an item without 2 values or variance, a pair without 2 common respondents), or undefined. */
export function checkDefined(covariance: Matrix, count: Matrix, names: readonly string[]): string | undefined {
  const k = covariance.length;
  for (let i = 0; i < k; i++) {
    const v = covariance[i]![i] as number;
    if ((count[i]![i] as number) < 2) return `item "${names[i]}" has fewer than 2 answers`;
    if (!(v > 0)) return `item "${names[i]}" has no variance (every answer is the same)`;
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      if ((count[i]![j] as number) < 2 || !Number.isFinite(covariance[i]![j] as number)) {
        return `items "${names[j]}" and "${names[i]}" have fewer than 2 respondents in common`;
      }
    }
  }
  return undefined;
}

function undefinedResult(n: number, k: number, level: number, names: readonly string[], keys: readonly number[], reason: string): CronbachAlphaResult {
  const stats: AlphaStatistics = { rawAlpha: NaN, stdAlpha: NaN, g6: NaN, averageR: NaN, signalNoise: NaN, varR: NaN, medianR: NaN };
  return {
    n,
    k,
    ...stats,
    ase: NaN,
    mean: NaN,
    sd: NaN,
    feldt: { lower: NaN, upper: NaN, level },
    duhachek: { lower: NaN, upper: NaN, level },
    drop: names.map((item) => ({ item, ...stats, alphaSe: NaN })),
    items: names.map((item, i) => ({ item, reversed: keys[i] === -1, n: NaN, rawR: NaN, stdR: NaN, rCor: NaN, rDrop: NaN, mean: NaN, sd: NaN })),
    method: 'cronbach-alpha',
    reason,
  };
}
