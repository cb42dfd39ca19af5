import { columnCodes } from '../data/columnData';
import { assertLevel, checkOptionKeys, optionKeys } from '../internal/validate';
import { centredSums, crossTabulateLevels, levelRanks } from './crossTab';
import { isLikertColumn, readNumeric, resolveStarScheme, type NumericInput } from './internal';
import { correlationResult, pearson } from './pearson';
import type { PearsonResult } from './pearson';
import { averageRanks } from './ranks';
import type { StarScheme } from './significanceStars';

/** Options of {@link spearman}. */
export interface SpearmanOptions {
  /** Confidence level of the Fisher-z interval, strictly between 0 and 1; default 0.95. */
  level?: number;
  /** Star scheme for the p-value (see `significanceStars`); default `'default'`. */
  stars?: StarScheme;
}

/** Result of {@link spearman}: plain, JSON-serialisable data. */
export interface SpearmanResult {
  /** Spearman's rank correlation r_s in [−1, 1]; `NaN` when n < 3 or a variable is constant. */
  r: number;
  /** Number of complete pairs used. */
  n: number;
  /** Pairs dropped because x or y was missing (or a non-substantive answer). */
  nExcluded: number;
  /** Degrees of freedom n − 2 of the t approximation; `NaN` when n < 3. */
  df: number;
  /** t = r_s·√(df/(1 − r_s²)); ±Infinity when |r_s| = 1; `NaN` when r_s is. */
  t: number;
  /** Two-sided p-value from Student t with n − 2 df (an approximation); `NaN` when r_s is. */
  p: number;
  /** Significance marker for p under the chosen scheme; `''` when p is `NaN`. */
  stars: string;
  /** Approximate Fisher-z interval for ρ_s; `NaN` bounds when n ≤ 3 or r_s is `NaN`. */
  ci: { lower: number; upper: number; level: number; method: 'fisher-z' };
  method: 'spearman';
  /** Why the undefined fields are `NaN`, when they are. */
  reason?: string;
}

/**
 * Spearman's rank correlation with a two-sided t test, an approximate Fisher-z interval and
 * significance stars, with pairwise deletion of missing values (as {@link pearson}).
 *
 * The complete pairs are ranked within x and within y, ties getting the average of the ranks
 * they span (R's `rank`), and r_s is Pearson's r of the ranks:
 * r_s = Σ(Rx − R̄x)(Ry − R̄y) / √(Σ(Rx − R̄x)² · Σ(Ry − R̄y)²). With ties this differs from the
 * shortcut 1 − 6Σd²/(n³ − n), which only holds without ties.
 *
 * Test: t = r_s·√(df/(1 − r_s²)) with df = n − 2, and p = P(|T_df| ≥ |t|) from the tail
 * directly. This is the t approximation for every n, with or without ties: it equals R's
 * `cor.test(x, y, method = "spearman", exact = FALSE)` and
 * `psych::corr.test(x, y, method = "spearman")` (psych 2.2.9) to a relative 1e-13 or better in
 * the committed fixtures, down to p = 4e-94. Without `exact = FALSE` and without ties, R's
 * `cor.test` uses the exact null distribution (AS 89) for n < 1290, which gives a different p
 * for small n; with ties it falls back to this t approximation with a warning.
 *
 * Interval (n > 3): tanh(atanh(r_s) ∓ z_{1−α/2}/√(n − 3)). Fisher's standard error 1/√(n − 3)
 * belongs to Pearson's r under normality; for r_s it is only approximate (the true variance of
 * atanh(r_s) is somewhat larger, about 1.06/(n − 3), Fieller, Hartley & Pearson 1957), so the
 * interval is a little too narrow.
 *
 * Pairwise deletion: pair i is used only when both x[i] and y[i] are present; `null`,
 * `undefined` and `NaN` are missing, and for a LikertColumn so are non-substantive answers
 * ("Ved ikke"), missing and invalid codes. A column contributes `scale.codes[index]`, and only
 * the order of the codes matters.
 *
 * @param x - numbers (`null`/`undefined`/`NaN` for missing) or a coded LikertColumn
 * @param y - same length as `x`; numbers or a LikertColumn (mixing is allowed)
 * @param options - `level` (default 0.95) and `stars` scheme (default `'default'`)
 * @returns the rank correlation; with fewer than 3 complete pairs, or when x or y is constant
 *   over the complete pairs, `r`, `t`, `p` and the interval are `NaN`, `stars` is `''` and
 *   `reason` says why (data, not an error); with n = 3 only the interval is `NaN`
 * @throws RangeError when x and y differ in length, the level is outside (0, 1) or the star
 *   scheme is invalid; TypeError when a value is neither a finite number nor missing
 * @example
 * ```ts
 * spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]);
 * // { r: 0.8, n: 5, nExcluded: 0, df: 3, t: 2.3094010767585034, p: 0.10408803866182782,
 * //   stars: '',
 * //   ci: { lower: -0.27964004196935544, upper: 0.9861961933012714, level: 0.95,
 * //         method: 'fisher-z' },
 * //   method: 'spearman' }
 * // R: cor.test(1:5, c(2, 1, 4, 3, 5), method = "spearman", exact = FALSE)$p.value
 * //    0.10408803866182796
 * ```
 * @see R `cor.test(x, y, method = "spearman", exact = FALSE)` and
 *   `psych::corr.test(x, y, method = "spearman")`; Spearman (1904), American Journal of
 *   Psychology 15(1), 72–101; Fieller, Hartley & Pearson (1957), Biometrika 44, 470–481.
 */
export function spearman(
  x: NumericInput,
  y: NumericInput,
  options: SpearmanOptions = {}
): SpearmanResult {
  checkOptionKeys('spearman', options, optionKeys<SpearmanOptions>({ level: true, stars: true }));
  const fn = 'spearman';
  const { level = 0.95, stars = 'default' } = options;
  assertLevel(fn, level);
  resolveStarScheme(fn, stars);
  const sameLength = (a: number, b: number): void => {
    if (a !== b) {
      throw new RangeError(
        `${fn}: x and y must have the same length (one entry per respondent), got ${a} and ${b}`
      );
    }
  };
  let onRanks: PearsonResult;
  let nExcluded: number;
  if (isLikertColumn(x) && isLikertColumn(y)) {
    // Two coded columns: each level's average rank follows from the margins of the table of
    // complete pairs; doubled, the ranks are integers, so the cross-table sums are exact.
    sameLength(columnCodes(x).length, columnCodes(y).length);
    const table = crossTabulateLevels(x, y);
    const rankX = levelRanks(table, 'rows').map((rank) => 2 * rank);
    const rankY = levelRanks(table, 'columns').map((rank) => 2 * rank);
    const { sxx, syy, sxy } = centredSums(table, rankX, rankY);
    nExcluded = columnCodes(x).length - table.n;
    onRanks = correlationResult(table.n, nExcluded, sxx, syy, sxy, level, resolveStarScheme(fn, stars));
  } else {
    const xs = readNumeric(fn, x, 'x');
    const ys = readNumeric(fn, y, 'y');
    sameLength(xs.length, ys.length);
    const completeX: number[] = [];
    const completeY: number[] = [];
    for (let i = 0; i < xs.length; i++) {
      const xi = xs[i] as number;
      const yi = ys[i] as number;
      if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
      completeX.push(xi);
      completeY.push(yi);
    }
    // Pearson's r, t, p and interval on the ranks of the complete pairs.
    onRanks = pearson(averageRanks(completeX), averageRanks(completeY), { level, stars });
    nExcluded = xs.length - completeX.length;
  }
  const result: SpearmanResult = {
    r: onRanks.r,
    n: onRanks.n,
    nExcluded,
    df: onRanks.df,
    t: onRanks.t,
    p: onRanks.p,
    stars: onRanks.stars,
    ci: { lower: onRanks.ci.lower, upper: onRanks.ci.upper, level, method: 'fisher-z' },
    method: 'spearman',
  };
  if (onRanks.reason !== undefined) result.reason = onRanks.reason;
  return result;
}
