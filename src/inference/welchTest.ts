import { studentTCdf, studentTQuantile } from '../math';
import { assertLevel, checkOptionKeys, optionKeys } from '../internal/validate';
import { checkMeanSummary } from './internal';
import type { MeanSummary } from './meanInterval';

/** Options of {@link welchTTest}. */
export interface WelchTTestOptions {
  /** Confidence level of the interval, strictly between 0 and 1; default 0.95. */
  readonly level?: number;
}

/** Result of {@link welchTTest}: plain, JSON-serialisable data. */
export interface WelchTTestResult {
  /** Difference of the means, x̄ − ȳ; `NaN` when a sample is empty. */
  readonly estimate: number;
  /** Standard error of the difference, √(s_x²/n_x + s_y²/n_y); `NaN` when a sample has n < 2. */
  readonly se: number;
  /** t = estimate / se; `NaN` when se is undefined or 0. */
  readonly t: number;
  /** Welch–Satterthwaite degrees of freedom; `NaN` when se is undefined or 0. */
  readonly df: number;
  /** Two-sided p-value; `NaN` when t is. */
  readonly p: number;
  /** Interval estimate ± t(1 − α/2, df)·se; bounds `NaN` when t is. */
  readonly ci: { readonly lower: number; readonly upper: number; readonly level: number; readonly method: 'welch' };
  /** Why the undefined fields are `NaN`, when they are. */
  readonly reason?: string;
}

/**
 * Welch's two-sample t test of the difference of two means from their summaries, as R's
 * `t.test(x, y)` (unequal variances).
 *
 * With v_x = s_x²/n_x and v_y = s_y²/n_y (the squared standard errors of the means):
 * se = √(v_x + v_y), t = (x̄ − ȳ)/se, and the Welch–Satterthwaite degrees of freedom
 * df = (v_x + v_y)² / (v_x²/(n_x − 1) + v_y²/(n_y − 1)). The two-sided p-value is
 * 2·P(T_df ≥ |t|), taken from the upper tail so that tiny p-values keep their digits; the
 * interval is (x̄ − ȳ) ± t(1 − α/2, df)·se.
 *
 * @param x - the first sample's summary `{ mean, sd, n }` (sd with divisor n − 1)
 * @param y - the second sample's summary
 * @param options - `level` (default 0.95)
 * @returns the test; with a sample of n < 2 everything but `estimate` is `NaN`, and with both
 *   standard deviations 0 `t`, `df`, `p` and the bounds are `NaN`; `reason` says why
 * @throws RangeError when an n is not a non-negative integer, an sd is negative or the level is
 *   outside (0, 1); TypeError when a summary is not an object, or a mean (n ≥ 1) or an sd (n ≥ 2)
 *   is not a finite number, or for an unknown option
 * @example
 * ```ts
 * // x = c(2, 4, 1, 4), y = c(3, 1, 1, 2)
 * welchTTest({ mean: 2.75, sd: 1.5, n: 4 }, { mean: 1.75, sd: 0.9574271077563381, n: 4 });
 * // { estimate: 1, se: 0.8897565210026093, t: 1.1239029738980328, df: 5.096470588235293,
 * //   p: 0.3111868424511919,
 * //   ci: { lower: -1.274231232129309, upper: 3.274231232129309, level: 0.95, method: 'welch' } }
 * // R: t.test(x, y) gives t = 1.1239, df = 5.0965, p-value = 0.3112
 * ```
 * @see R `t.test(x, y, conf.level = level)`; Welch (1947), Biometrika 34, 28–35;
 *   Satterthwaite (1946), Biometrics Bulletin 2, 110–114.
 */
export function welchTTest(x: MeanSummary, y: MeanSummary, options: WelchTTestOptions = {}): WelchTTestResult {
  const fn = 'welchTTest';
  checkOptionKeys(fn, options, optionKeys<WelchTTestOptions>({ level: true }));
  const level = options.level ?? 0.95;
  assertLevel(fn, level);
  checkMeanSummary(fn, x, 'x');
  checkMeanSummary(fn, y, 'y');
  const estimate = x.mean - y.mean;
  const undefinedTest = (se: number, reason: string): WelchTTestResult => ({
    estimate,
    se,
    t: NaN,
    df: NaN,
    p: NaN,
    ci: { lower: NaN, upper: NaN, level, method: 'welch' },
    reason,
  });
  if (x.n < 2 || y.n < 2) return undefinedTest(NaN, 'a sample has fewer than 2 observations: its variance is undefined');
  const varianceX = (x.sd * x.sd) / x.n; // squared standard error of each mean
  const varianceY = (y.sd * y.sd) / y.n;
  const seSquared = varianceX + varianceY;
  if (seSquared === 0) return undefinedTest(0, 'both samples are constant: the standard error is 0');
  const se = Math.sqrt(seSquared);
  // Welch–Satterthwaite degrees of freedom.
  const df = (seSquared * seSquared) / ((varianceX * varianceX) / (x.n - 1) + (varianceY * varianceY) / (y.n - 1));
  const t = estimate / se;
  const p = Math.min(1, 2 * studentTCdf(Math.abs(t), df, false));
  const critical = studentTQuantile((1 - level) / 2, df, false);
  return {
    estimate,
    se,
    t,
    df,
    p,
    ci: { lower: estimate - critical * se, upper: estimate + critical * se, level, method: 'welch' },
  };
}
