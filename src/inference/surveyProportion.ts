import { inverseRegularizedBeta, normalQuantile, studentTQuantile } from '../math';
import { assertLevel, assertOneOf, checkOptionKeys, describeValue, optionKeys } from '../internal/validate';

/**
 * The interval methods of {@link surveyProportionInterval}, R's `svyciprop(method = …)` from an
 * estimate and its standard error. svyciprop's fourth, `'likelihood'`, profiles the
 * respondents' answers, so only `agreementShare` / `disagreementShare` on a survey's column
 * give it.
 */
export type SurveyProportionMethod = 'logit' | 'beta' | 'mean';

/** The methods, listed once. Internal. */
export const SURVEY_PROPORTION_METHODS: readonly SurveyProportionMethod[] = ['logit', 'beta', 'mean'];

/** Options of {@link surveyProportionInterval}. */
export interface SurveyProportionIntervalOptions {
  /** `'logit'` (default), `'beta'` (Korn–Graubard) or `'mean'` (Wald), as `svyciprop`. */
  readonly method?: SurveyProportionMethod;
  /** Confidence level strictly between 0 and 1; default 0.95. */
  readonly level?: number;
  /** The design's degrees of freedom (`degf(design)`); default `Infinity` (normal quantiles). */
  readonly df?: number;
  /** For `'beta'`: the rows of the design (`nrow(design)`), whose n − 1 sets the t quantile of the effective n; default `Infinity`. */
  readonly rows?: number;
}

/** Result of {@link surveyProportionInterval}: plain data. */
export interface SurveyProportionIntervalResult {
  readonly lower: number;
  readonly upper: number;
  readonly method: SurveyProportionMethod;
  readonly level: number;
  /** Why the bounds are `NaN`, when they are. */
  readonly reason?: string;
}

/** The 1 − α/2 quantile of Student t with df degrees of freedom (normal when df is infinite). */
function criticalValue(alpha: number, df: number): number {
  return df === Infinity ? normalQuantile(alpha / 2, false) : studentTQuantile(alpha / 2, df, false);
}

/**
 * A confidence interval for a proportion estimated from a complex sample, from its estimate and
 * its design-based standard error, as R's `survey::svyciprop`.
 *
 * With p the estimate, se its standard error, t = t_{1−α/2, df}:
 * - `'logit'`: expit(logit p ± t · se / (p(1 − p))), the Wald interval of the intercept of
 *   `svyglm(y ~ 1, family = quasibinomial)`, whose standard error is se/(p(1 − p));
 * - `'mean'`: p ± t · se;
 * - `'beta'` (Korn & Graubard 1998): the effective sample size n* = p(1 − p)/se² ·
 *   (t_{α/2, rows − 1} / t_{α/2, df})², then the Clopper–Pearson bounds
 *   B⁻¹(α/2; n*p, n*(1 − p) + 1) and B⁻¹(1 − α/2; n*p + 1, n*(1 − p)).
 *
 * @param estimate - the proportion, in [0, 1]
 * @param se - its standard error (≥ 0)
 * @param options - method, level, df, rows
 * @returns the bounds; both equal to the estimate when se is 0 (a census); `NaN` with a `reason`
 *   when they are undefined (se NaN, df ≤ 0, or for `'logit'` and `'beta'` an estimate of 0 or 1)
 * @throws RangeError for an estimate outside [0, 1], a negative se, a bad level, method, df or rows
 * @example
 * surveyProportionInterval(0.4, 0.05, { method: 'logit', df: 49 })
 * // { lower: 0.3048883966854634, upper: 0.5032990520308046, method: 'logit', level: 0.95 }
 * // R: plogis(qlogis(0.4) + c(-1, 1) * qt(0.975, 49) * 0.05 / 0.24) gives 0.30488839668546341 0.50329905203080461
 * @see R: `survey::svyciprop(~y, design, method = 'logit' | 'beta' | 'mean', df = degf(design))`;
 *   Korn, E. L. & Graubard, B. I. (1998), Confidence intervals for proportions with small
 *   expected number of positive counts estimated from survey data, Survey Methodology 24, 193–201.
 */
export function surveyProportionInterval(estimate: number, se: number, options: SurveyProportionIntervalOptions = {}): SurveyProportionIntervalResult {
  const fn = 'surveyProportionInterval';
  checkOptionKeys(fn, options, optionKeys<SurveyProportionIntervalOptions>({ method: true, level: true, df: true, rows: true }));
  const { method = 'logit', level = 0.95, df = Infinity, rows = Infinity } = options;
  if ((method as string) === 'likelihood') {
    throw new RangeError(`${fn}: method 'likelihood' profiles the respondents' answers, which an estimate and its se do not carry; use agreementShare(column, { ci: 'likelihood' }) on the survey's column, or one of 'logit', 'beta', 'mean' here`);
  }
  assertOneOf(fn, method, SURVEY_PROPORTION_METHODS, 'method');
  assertLevel(fn, level);
  if (!(estimate >= 0 && estimate <= 1)) throw new RangeError(`${fn}: estimate must be a proportion in [0, 1], got ${describeValue(estimate)}`);
  if (!(se >= 0) && !Number.isNaN(se)) throw new RangeError(`${fn}: se must be a number >= 0, got ${describeValue(se)}`);
  for (const [name, value] of [['df', df], ['rows', rows]] as const) {
    if (typeof value !== 'number' || Number.isNaN(value)) throw new RangeError(`${fn}: ${name} must be a number (Infinity for none), got ${describeValue(value)}`);
  }
  const alpha = 1 - level;
  const undefinedBy = (reason: string): SurveyProportionIntervalResult => ({ lower: NaN, upper: NaN, method, level, reason });
  if (!(df > 0)) return undefinedBy(`the design has ${df} degrees of freedom`);
  if (Number.isNaN(se)) return undefinedBy('the standard error is undefined');
  const t = criticalValue(alpha, df);
  if (method === 'mean') return { lower: estimate - t * se, upper: estimate + t * se, method, level };
  if (estimate === 0 || estimate === 1) {
    return undefinedBy(`the ${method} interval is undefined for an estimate of ${estimate} (R's svyciprop gives none either); use method 'mean'`);
  }
  // No sampling variance (a census): the interval is the estimate.
  if (se === 0) return { lower: estimate, upper: estimate, method, level };
  if (method === 'logit') {
    const centre = Math.log(estimate / (1 - estimate));
    const half = (t * se) / (estimate * (1 - estimate));
    return { lower: 1 / (1 + Math.exp(-(centre - half))), upper: 1 / (1 + Math.exp(-(centre + half))), method, level };
  }
  // Korn–Graubard: the effective n of the design, scaled by the ratio of t quantiles.
  const ratio = criticalValue(alpha, rows - 1) / t;
  const nEffective = ((estimate * (1 - estimate)) / (se * se)) * ratio * ratio;
  const x = nEffective * estimate;
  return {
    lower: inverseRegularizedBeta(alpha / 2, x, nEffective - x + 1),
    upper: inverseRegularizedBeta(1 - alpha / 2, x + 1, nEffective - x),
    method,
    level,
  };
}
