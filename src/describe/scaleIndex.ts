import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { surveyWithNumber, type Survey } from '../data/surveyObject';
import { codeSpan, readScaleItems } from './scaleItems';

/** Options of {@link scaleIndex}. */
export interface ScaleIndexOptions {
  /**
   * Fewest items a respondent must have answered (substantively) to get an index; default all of
   * them. Fewer answered items give a missing index.
   */
  readonly minAnswered?: number;
  /**
   * Items (among `items`) worded the other way: their code c counts as (lowest + highest code of
   * the item's scale) − c. An item declared `reverse: true` in `survey()` is already turned.
   */
  readonly reverse?: readonly string[];
}

/** Result of {@link scaleIndex}. */
export interface ScaleIndexResult<I extends string = string> {
  /** A new survey with the numeric attribute `name` (the given survey is unchanged). */
  readonly survey: Survey<I>;
  readonly name: string;
  readonly items: readonly string[];
  readonly reverse: readonly string[];
  readonly minAnswered: number;
  /**
   * Respondents: `total` = `scored` + `missing`; `missing` are those who answered fewer than
   * `minAnswered` items.
   */
  readonly n: { readonly total: number; readonly scored: number; readonly missing: number };
  /** How many respondents answered 0, 1, …, k of the items (length k + 1, summing to `total`). */
  readonly answered: readonly number[];
  readonly method: 'item-mean';
}

/**
 * An index of a multi-item scale as a new numeric attribute: each respondent's mean code over
 * the items they answered, when they answered at least `minAnswered` of them.
 *
 * index = (1/m)·Σ c′_j over the m answered items, c′_j = c_j for an ordinary item and
 * (min + max) − c_j for a reverse item (min and max the lowest and highest code of its scale);
 * missing (NaN) when m < minAnswered. "Ved ikke", "ikke relevant", blank and invalid answers are
 * not answered. The new survey keeps the respondents, weights and everything else of `s`, so the
 * index can be described, correlated and compared as any numeric attribute.
 *
 * @param s - the survey
 * @param name - name of the new attribute; must not be an item, attribute or question of `s`
 * @param items - ids of one or more of its items
 * @param options - `minAnswered` (default all items), `reverse` (item ids to turn)
 * @returns the new survey, with counts that account for every respondent
 * @throws TypeError when `s` is not a survey, `name` is not text, `items`/`reverse` are not
 *   arrays of ids, or for an unknown option; RangeError for an unknown or repeated item, a
 *   reverse item not among `items`, a `minAnswered` that is not an integer from 1 to the number
 *   of items, or a `name` already in use
 * @example
 * ```ts
 * const { survey: s2, n } = scaleIndex(s, 'challenge', ['q1', 'q2', 'q3'], { minAnswered: 2, reverse: ['q3'] });
 * s2.numeric('challenge'); // Float64Array [2.5, 3, NaN, …]
 * n;                       // { total: 98, scored: 95, missing: 3 }
 * ```
 * @see R `rowMeans(x, na.rm = TRUE)` with `ifelse(rowSums(!is.na(x)) >= minAnswered, …, NA)`;
 *   `psych::scoreItems(keys, x, totals = FALSE, impute = "none")` for the mean with keys.
 */
export function scaleIndex<I extends string>(s: Survey<I>, name: string, items: readonly string[], options: ScaleIndexOptions = {}): ScaleIndexResult<I> {
  const fn = 'scaleIndex';
  checkOptionKeys(fn, options, optionKeys<ScaleIndexOptions>({ minAnswered: true, reverse: true }));
  if (typeof name !== 'string' || name.trim() === '') throw new TypeError(`${fn}: name must be a non-empty string (the new attribute's name), got ${describeValue(name)}`);
  const read = readScaleItems(fn, s as Survey, items, options.reverse, 1);
  const k = read.ids.length;
  const minAnswered = options.minAnswered ?? k;
  if (!Number.isInteger(minAnswered) || minAnswered < 1 || minAnswered > k) {
    throw new RangeError(`${fn}: minAnswered is ${describeValue(minAnswered)}; use an integer from 1 to ${k} (the number of items)`);
  }
  const turned = read.values.map((column, j) => {
    if (!read.reverse.includes(j)) return column;
    const span = codeSpan(read.scales[j] as never);
    return column.map((c) => span - c);
  });
  const index = new Float64Array(s.size);
  const answered = new Array<number>(k + 1).fill(0);
  let scored = 0;
  for (let r = 0; r < s.size; r++) {
    let sum = 0;
    let m = 0;
    for (const column of turned) {
      const c = column[r] as number;
      if (Number.isNaN(c)) continue;
      sum += c;
      m++;
    }
    answered[m] = (answered[m] as number) + 1;
    if (m >= minAnswered) {
      index[r] = sum / m;
      scored++;
    } else index[r] = NaN;
  }
  const ids = [...read.ids];
  return {
    survey: surveyWithNumber(fn, s, name, index),
    name,
    items: ids,
    reverse: read.reverse.map((j) => ids[j] as string),
    minAnswered,
    n: { total: s.size, scored, missing: s.size - scored },
    answered,
    method: 'item-mean',
  };
}
