import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { MISSING_DASH, type Lang } from './format';

/** Options of {@link verbalFraction}. */
export interface VerbalFractionOptions {
  /** Language of the words, `'da'` (default) or `'en'`. */
  readonly lang?: Lang;
  /**
   * How far from its fraction a share may lie and still be "cirka" / "about" it, in [0, 0.05];
   * default 0.01 (one percentage point).
   */
  readonly tolerance?: number;
}

/** Denominators of the simple fractions, simplest first (1 gives "ingen" and "alle"). */
const DENOMINATORS = [1, 2, 3, 4, 10] as const;

/** Distances closer than this are equal: 19/60 lies as far from 3/10 as from 1/3. */
const EPSILON = 1e-12;

/** The fractions with a word of their own; other tenths are "k ud af 10" / "k in 10". */
const WORDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  da: {
    '0/1': 'ingen',
    '1/1': 'alle',
    '1/2': 'halvdelen',
    '1/3': 'hver tredje',
    '2/3': 'to ud af tre',
    '1/4': 'hver fjerde',
    '3/4': 'tre ud af fire',
    '1/10': 'hver tiende',
  },
  en: {
    '0/1': 'none',
    '1/1': 'all',
    '1/2': 'half',
    '1/3': 'one in three',
    '2/3': 'two in three',
    '1/4': 'one in four',
    '3/4': 'three in four',
  },
};

/** The qualifiers: within the tolerance, below it, above it, and near none or all. */
const QUALIFIERS: Readonly<Record<Lang, readonly [about: string, under: string, over: string, almost: string]>> = {
  da: ['cirka', 'knap', 'godt', 'næsten'],
  en: ['about', 'just under', 'just over', 'almost'],
};

/**
 * A share in words, as the 2024/25 report writes its findings: "knap 8 ud af 10", "godt hver
 * tredje", "cirka halvdelen" (English: "just under 8 in 10", "just over one in three", "about
 * half").
 *
 * The rule:
 *
 * 1. The fraction is the nearest of the simple fractions 0, 1, the halves, thirds, quarters and
 *    tenths (0, 1/10, 1/4, 1/3, …, 1). A share exactly between two takes the one with the
 *    smaller denominator (0.45 is nearer neither 4/10 nor 1/2 and takes 1/2; 0.05 takes 0).
 * 2. A share equal to its fraction is written bare: "halvdelen", "hver tredje", "7 ud af 10",
 *    "ingen", "alle".
 * 3. Near 0 or 1 but not on it: "næsten ingen", "næsten alle" ("almost none", "almost all").
 * 4. Otherwise, within `tolerance` of the fraction (at most 1 percentage point by default, the
 *    bound included): "cirka" ("about"); further below it: "knap" ("just under"); further
 *    above it: "godt" ("just over"). By rule 1 no share lies more than 0.05 from its fraction.
 *
 * Distances closer than 1e-12 count as equal, so that 0.49 (stored as 0.48999…) is within one
 * point of one half. The share is the unrounded one: 0.796 is "knap 8 ud af 10".
 *
 * @param share - a share in [0, 1], e.g. 55 / 70 (or `null`/`NaN` when there is none)
 * @param options - `lang` (default `'da'`) and `tolerance` (default 0.01)
 * @returns the words, lower case; "–" for `null`, `undefined` and `NaN`
 * @throws TypeError when share is neither a number nor null/undefined; RangeError for a share
 *   outside [0, 1], an unknown lang or a tolerance outside [0, 0.05]
 * @example
 * ```ts
 * verbalFraction(0.78);                  // 'knap 8 ud af 10'
 * verbalFraction(0.35);                  // 'godt hver tredje'
 * verbalFraction(0.505);                 // 'cirka halvdelen'
 * verbalFraction(0.78, { lang: 'en' });  // 'just under 8 in 10'
 * verbalFraction(0.35, { lang: 'en' });  // 'just over one in three'
 * ```
 */
export function verbalFraction(share: number | null | undefined, options: VerbalFractionOptions = {}): string {
  const fn = 'verbalFraction';
  checkOptionKeys(fn, options, optionKeys<VerbalFractionOptions>({ lang: true, tolerance: true }));
  const lang = options.lang ?? 'da';
  if (lang !== 'da' && lang !== 'en') {
    throw new RangeError(`${fn}: unknown lang ${describeValue(lang)}; use 'da' or 'en'`);
  }
  const tolerance = options.tolerance ?? 0.01;
  if (typeof tolerance !== 'number' || !(tolerance >= 0 && tolerance <= 0.05)) {
    throw new RangeError(`${fn}: tolerance must be a number from 0 to 0.05, got ${describeValue(tolerance)}`);
  }
  if (share === null || share === undefined || Number.isNaN(share)) return MISSING_DASH;
  if (typeof share !== 'number') {
    throw new TypeError(`${fn}: share must be a number in [0, 1] or null, got ${describeValue(share)}`);
  }
  if (!(share >= 0 && share <= 1)) {
    throw new RangeError(`${fn}: share must be in [0, 1], got ${describeValue(share)}; give a share, not a percentage`);
  }
  let numerator = 0;
  let denominator = 1;
  let distance = Infinity;
  for (const d of DENOMINATORS) {
    for (let k = 0; k <= d; k++) {
      const gap = Math.abs(share - k / d);
      // Strictly nearer only: a tie, or an equal fraction (2/4, 5/10), keeps the simpler one.
      if (gap < distance - EPSILON) [numerator, denominator, distance] = [k, d, gap];
    }
  }
  const words = WORDS[lang][`${numerator}/${denominator}`] ?? `${numerator} ${lang === 'da' ? 'ud af' : 'in'} 10`;
  if (distance <= EPSILON) return words;
  const [about, under, over, almost] = QUALIFIERS[lang];
  const qualifier =
    denominator === 1 ? almost : distance <= tolerance + EPSILON ? about : share < numerator / denominator ? under : over;
  return `${qualifier} ${words}`;
}
