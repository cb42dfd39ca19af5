import { freezeScale, ownLookup } from './defineScale';
import type { Scale } from './types';

/** Suffix added to the id of a reversed scale. */
const REVERSED_SUFFIX = ':reversed';

/**
 * Reverses a scale, for coding negatively worded items ("I hvilken grad er det let …" next to
 * "… svært …") so that a high code means the same thing on every item.
 *
 * The levels are listed in the opposite order, so the old top level becomes the lowest. The
 * codes are mirrored around the middle of their range, \(c'_j = c_0 + c_{k-1} - c_{k-1-j}\):
 * with the default codes 1…k the old top level gets 1 and the old bottom level gets k. Mirroring
 * (rather than reusing the codes in the new order) is an affine map of the values, so means
 * reflect and a Pearson r changes only its sign, also for unevenly spaced codes.
 * `agree` and `disagree` swap, `neutral`, the non-substantive answers and the aliases stay, the
 * category indices of the levels run the other way (`lookup` follows), `reversed` flips and the
 * id gains (or loses) the suffix `:reversed`. Reversing twice gives back a scale equal to the
 * original (`toEqual`), exactly so when the codes are integers (or other values whose sums are
 * exact in binary floating point).
 *
 * @param scale - the scale to reverse, from {@link defineScale} or {@link scales}
 * @returns a new deep-frozen scale; the input is not changed
 * @example
 * ```ts
 * const r = reverseScale(scales.daDegree4);
 * r.id;      // 'daDegree4:reversed'
 * r.levels;  // ['I meget høj grad', 'I høj grad', 'I mindre grad', 'Slet ikke']
 * r.codes;   // [1, 2, 3, 4]   ('I meget høj grad' now codes 1)
 * r.agree;   // ['I mindre grad', 'Slet ikke']
 * reverseScale(r).id; // 'daDegree4'
 * ```
 * @see {@link likert} with `{ reverse: true }`, which codes against the reversed scale
 */
export function reverseScale<L extends string, N extends string>(scale: Scale<L, N>): Scale<L, N> {
  const k = scale.levels.length;
  const first = scale.codes[0] as number;
  const last = scale.codes[k - 1] as number;
  const span = first + last;
  const codes = scale.codes.map((_, j) => {
    // Pin the ends so that they stay exact; mirror the inner codes.
    if (j === 0) return first;
    if (j === k - 1) return last;
    return span - (scale.codes[k - 1 - j] as number);
  });
  const levels = [...scale.levels].reverse();
  const byNewOrder = (a: L, b: L): number => levels.indexOf(a) - levels.indexOf(b);
  const entries = Object.entries(scale.lookup).map(
    ([key, index]): [string, number] => [key, index < k ? k - 1 - index : index],
  );
  const id = scale.reversed
    ? scale.id.endsWith(REVERSED_SUFFIX)
      ? scale.id.slice(0, -REVERSED_SUFFIX.length)
      : scale.id
    : `${scale.id}${REVERSED_SUFFIX}`;
  return freezeScale<L, N>({
    id,
    levels,
    codes,
    agree: [...scale.disagree].sort(byNewOrder),
    disagree: [...scale.agree].sort(byNewOrder),
    neutral: scale.neutral,
    nonSubstantive: [...scale.nonSubstantive],
    aliases: { ...scale.aliases },
    categories: [...levels, ...scale.nonSubstantive],
    lookup: ownLookup(entries),
    reversed: !scale.reversed,
  });
}
