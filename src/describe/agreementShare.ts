import type { LikertColumn } from '../data/types';
import { proportionInterval } from '../inference/proportionInterval';
import type { ProportionMethod } from '../inference/proportionInterval';
import { assertOneOf } from '../internal/validate';
import { assertLikertColumn } from './assertColumn';
import { countCategories } from './frequencies';

/** Options of {@link agreementShare} and {@link disagreementShare}. */
export interface AgreementShareOptions {
  /**
   * `'answered'` (default): share of everyone who answered, "ved ikke" included, as the
   * reports print it. `'substantive'`: share of the substantive answers only.
   */
  readonly denominator?: 'answered' | 'substantive';
  /** Interval method (default `'wilson'`). */
  readonly ci?: ProportionMethod;
  /** Confidence level (default 0.95). */
  readonly level?: number;
  /** Population size N for the finite population correction (e.g. 98 municipalities). */
  readonly populationSize?: number;
}

/** Result of {@link agreementShare} / {@link disagreementShare}: plain data. */
export interface AgreementShareResult<L extends string = string> {
  /** `count / n`; NaN when n = 0. */
  readonly estimate: number;
  /** Respondents giving one of `levels`. */
  readonly count: number;
  /** The denominator actually used. */
  readonly n: number;
  readonly denominator: 'answered' | 'substantive';
  /** The levels counted (the scale's `agree` or `disagree` levels). */
  readonly levels: readonly L[];
  readonly ci: {
    readonly lower: number;
    readonly upper: number;
    readonly method: ProportionMethod;
    readonly level: number;
  };
  /** `'top-box'` for agreement, `'bottom-box'` for disagreement. */
  readonly method: 'top-box' | 'bottom-box';
  /** Set when the estimate is undefined (nobody in the denominator). */
  readonly reason?: string;
}

/**
 * The share of respondents answering one of the scale's agreement levels (top box): for the
 * Danish degree scale, "i høj grad" or "i meget høj grad".
 *
 * estimate = (number choosing an `agree` level) / denominator, where the denominator is by
 * default everyone who answered ("ved ikke" included), or with `denominator: 'substantive'`
 * only those who chose a level of the scale. The interval is {@link proportionInterval}'s,
 * Wilson by default.
 *
 * @param column - a column made by `likert`
 * @param options - denominator, interval method, level, population size
 * @returns estimate, count, n and interval; estimate and bounds are NaN with a `reason` when n = 0
 * @throws TypeError for a non-column; RangeError for a bad level, method, denominator or populationSize
 * @example
 * const col = likert(['I høj grad', 'I meget høj grad', 'Slet ikke', 'Ved ikke'], scales.daDegree4);
 * agreementShare(col).estimate                               // 0.5  (2 of 4 answered)
 * agreementShare(col, { denominator: 'substantive' }).estimate // 0.6666666666666666
 * @see Agresti & Coull (1998); R: `prop.test(x, n, correct = FALSE)$conf.int` for the Wilson interval
 */
export function agreementShare<L extends string, N extends string>(
  column: LikertColumn<L, N>,
  options: AgreementShareOptions = {},
): AgreementShareResult<L> {
  assertLikertColumn('agreementShare', column);
  return boxShare('agreementShare', column, column.scale.agree, 'top-box', options);
}

/**
 * The share of respondents answering one of the scale's disagreement levels (bottom box):
 * for the Danish degree scale, "slet ikke" or "i mindre grad". Same options, denominator rules
 * and interval as {@link agreementShare}.
 *
 * @param column - a column made by `likert`
 * @param options - denominator, interval method, level, population size
 * @returns estimate, count, n and interval; NaN with a `reason` when n = 0
 * @throws TypeError for a non-column; RangeError for a bad option
 * @example
 * const col = likert(['I høj grad', 'Slet ikke', 'I mindre grad', 'Ved ikke'], scales.daDegree4);
 * disagreementShare(col).estimate // 0.5
 */
export function disagreementShare<L extends string, N extends string>(
  column: LikertColumn<L, N>,
  options: AgreementShareOptions = {},
): AgreementShareResult<L> {
  assertLikertColumn('disagreementShare', column);
  return boxShare('disagreementShare', column, column.scale.disagree, 'bottom-box', options);
}

function boxShare<L extends string, N extends string>(
  fn: string,
  column: LikertColumn<L, N>,
  levels: readonly L[],
  method: 'top-box' | 'bottom-box',
  options: AgreementShareOptions,
): AgreementShareResult<L> {
  const denominator = options.denominator ?? 'answered';
  assertOneOf(fn, denominator, ['answered', 'substantive'] as const, 'denominator');
  const { scale, codes } = column;
  const counts = countCategories(codes, scale.categories.length);
  let count = 0;
  for (const level of levels) count += counts[scale.levels.indexOf(level)] ?? 0;
  const n = denominator === 'answered' ? column.n.answered : column.n.substantive;

  let interval;
  try {
    interval = proportionInterval(count, n, {
      method: options.ci ?? 'wilson',
      level: options.level ?? 0.95,
      ...(options.populationSize === undefined ? {} : { populationSize: options.populationSize }),
    });
  } catch (error) {
    // Re-label argument errors so the message names the function the caller used.
    if (error instanceof Error) error.message = error.message.replace(/^proportionInterval/, fn);
    throw error;
  }
  const result: AgreementShareResult<L> = {
    estimate: n === 0 ? NaN : count / n,
    count,
    n,
    denominator,
    levels: levels.slice(),
    ci: { lower: interval.lower, upper: interval.upper, method: interval.method, level: interval.level },
    method,
  };
  return n === 0 ? { ...result, reason: `no ${denominator} responses` } : result;
}
