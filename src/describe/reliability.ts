import { assertLevel, checkOptionKeys, optionKeys } from '../internal/validate';
import type { Survey } from '../data/surveyObject';
import { cronbachAlpha, type CronbachAlphaResult } from '../inference/reliability';
import { mcdonaldOmega, type McdonaldOmegaResult } from '../inference/omega';
import { codeSpan, readScaleItems } from './scaleItems';

/** Options of {@link reliability}. */
export interface ReliabilityOptions {
  /** Confidence level of alpha's intervals, strictly between 0 and 1; default 0.95. */
  readonly level?: number;
  /**
   * Items (among `items`) that are worded the other way: keyed negatively, as
   * `psych::alpha(x, keys = …)`, and turned as (lowest + highest code) − code for the total
   * score. An item declared `reverse: true` in `survey()` is already turned; do not list it again.
   */
  readonly reverse?: readonly string[];
}

/** Result of {@link reliability}: plain, JSON-serialisable data. */
export interface ReliabilityResult {
  /** The items, in the order given. */
  readonly items: readonly string[];
  /** The reverse-keyed items. */
  readonly reverse: readonly string[];
  /** Respondents: all of the survey's, those who answered every item, and those who answered none. */
  readonly n: { readonly respondents: number; readonly complete: number; readonly none: number };
  /** Cronbach's alpha and its companions, as `psych::alpha`. */
  readonly alpha: CronbachAlphaResult;
  /** McDonald's omega total from a one-factor model, as `psych::omega(x, nfactors = 1)`. */
  readonly omega: McdonaldOmegaResult;
  readonly method: 'reliability';
}

/**
 * Reliability of a multi-item scale of a survey: Cronbach's alpha with its intervals, alpha if
 * an item is dropped and the item–total correlations ({@link cronbachAlpha}, as `psych::alpha`),
 * and McDonald's omega total ({@link mcdonaldOmega}, as `psych::omega(x, nfactors = 1)`).
 *
 * The items are read by their codes (the survey's coding, e.g. 1–4); "ved ikke", "ikke
 * relevant", blank and invalid answers are missing, and every pair of items is compared over the
 * respondents who answered both (psych's default `use = "pairwise"`). Weights are not used: the
 * statistics are those of the respondents as sampled, as in psych.
 *
 * @param s - the survey
 * @param items - ids of two or more of its items
 * @param options - `level` (default 0.95), `reverse` (item ids to key negatively)
 * @returns alpha and omega with the counts of respondents; their fields are `NaN` with a `reason`
 *   when an item has no variance or two items have fewer than 2 respondents in common
 * @throws TypeError when `s` is not a survey, `items` or `reverse` is not an array of ids, or for
 *   an unknown option; RangeError for fewer than 2 items, an unknown or repeated item, a reverse
 *   item not among `items`, reverse items on scales of different ranges, or a level outside (0, 1)
 * @example
 * ```ts
 * const r = reliability(s, ['q1', 'q2', 'q3', 'q4'], { reverse: ['q3'] });
 * r.alpha.rawAlpha;   // e.g. 0.81
 * r.omega.omegaTotal; // e.g. 0.83
 * ```
 * @see R `psych::alpha(x, keys = …)`, `psych::omega(x, nfactors = 1)` (psych 2.2.9)
 */
export function reliability(s: Survey, items: readonly string[], options: ReliabilityOptions = {}): ReliabilityResult {
  const fn = 'reliability';
  checkOptionKeys(fn, options, optionKeys<ReliabilityOptions>({ level: true, reverse: true }));
  const { level = 0.95 } = options;
  assertLevel(fn, level);
  const read = readScaleItems(fn, s, items, options.reverse, 2);
  let around: number | undefined;
  for (const at of read.reverse) {
    const span = codeSpan(read.scales[at] as never);
    if (around !== undefined && span !== around) {
      throw new RangeError(`${fn}: the reverse items are on scales of different ranges (lowest + highest code ${around} and ${span}); key items of one scale together`);
    }
    around = span;
  }
  let complete = 0;
  let none = 0;
  for (let r = 0; r < s.size; r++) {
    let answered = 0;
    for (const column of read.values) if (!Number.isNaN(column[r] as number)) answered++;
    if (answered === read.values.length) complete++;
    if (answered === 0) none++;
  }
  const names = [...read.ids];
  const reverse = [...read.reverse];
  return {
    items: names,
    reverse: reverse.map((at) => names[at] as string),
    n: { respondents: s.size, complete, none },
    alpha: cronbachAlpha(read.values, { level, names, reverse, ...(around === undefined ? {} : { reverseAround: around }) }),
    omega: mcdonaldOmega(read.values, { names, reverse }),
    method: 'reliability',
  };
}
