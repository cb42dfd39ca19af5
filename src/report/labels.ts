/**
 * Danish and English labels of the built-in scales' answer categories.
 */

import { normalizeLabel } from '../scale/normalizeLabel';
import type { Scale } from '../scale/types';
import type { Lang } from './format';

/**
 * Pairs `[Danish, English]` for every category of the Danish built-in scales. The English side
 * is what a Danish label becomes in English output; for the agreement and satisfaction scales
 * it is the label of the corresponding English built-in scale (`agree5`, `satisfaction5`).
 */
const PAIRS: readonly (readonly [da: string, en: string])[] = [
  // daDegree4 and daDegree5
  ['Slet ikke', 'Not at all'],
  ['I mindre grad', 'To a lesser degree'],
  ['I meget lav grad', 'To a very low degree'],
  ['I lav grad', 'To a low degree'],
  ['I nogen grad', 'To some degree'],
  ['I høj grad', 'To a high degree'],
  ['I meget høj grad', 'To a very high degree'],
  ['Ved ikke', "Don't know"],
  ['Ikke relevant', 'Not relevant'],
  // daChallenge4
  ['Slet ingen udfordringer', 'No challenges at all'],
  ['Mindre udfordringer', 'Minor challenges'],
  ['Ret store udfordringer', 'Fairly large challenges'],
  ['Meget store udfordringer', 'Very large challenges'],
  // daAgree5 ↔ agree5 (agree4 is a subset)
  ['Helt uenig', 'Strongly disagree'],
  ['Overvejende uenig', 'Disagree'],
  ['Hverken enig eller uenig', 'Neither agree nor disagree'],
  ['Overvejende enig', 'Agree'],
  ['Helt enig', 'Strongly agree'],
  // daSatisfaction5 ↔ satisfaction5
  ['Meget utilfreds', 'Very dissatisfied'],
  ['Utilfreds', 'Dissatisfied'],
  ['Hverken tilfreds eller utilfreds', 'Neither satisfied nor dissatisfied'],
  ['Tilfreds', 'Satisfied'],
  ['Meget tilfreds', 'Very satisfied'],
];

/**
 * English labels with no Danish scale of their own that still have a Danish wording: the levels
 * of the English `degree4` scale, which say "extent" where the Danish scales say "grad".
 */
const EXTRA_EN_TO_DA: readonly (readonly [en: string, da: string])[] = [
  ['To a small extent', 'I mindre grad'],
  ['To a large extent', 'I høj grad'],
  ['To a very large extent', 'I meget høj grad'],
  ['Neither agree or disagree', 'Hverken enig eller uenig'],
  ['Dont know', 'Ved ikke'],
  ['Do not know', 'Ved ikke'],
];

/** Builds the lookup for one direction, keyed by the normalised source label. */
function lookupFor(lang: Lang): Map<string, string> {
  const map = new Map<string, string>();
  for (const [da, en] of PAIRS) {
    if (lang === 'en') map.set(normalizeLabel(da), en);
    else map.set(normalizeLabel(en), da);
  }
  if (lang === 'da') for (const [en, da] of EXTRA_EN_TO_DA) map.set(normalizeLabel(en), da);
  // Danish aliases with "oe" for "ø".
  if (lang === 'en') {
    map.set(normalizeLabel('I hoej grad'), 'To a high degree');
    map.set(normalizeLabel('I meget hoej grad'), 'To a very high degree');
  }
  return map;
}

/**
 * Translates an answer label of a built-in scale into Danish or English: `'en'` turns a Danish
 * label into English, `'da'` an English one into Danish. Labels are matched as the scales match
 * them (case, spacing, quotes and Unicode forms do not matter, see `normalizeLabel`), and the
 * translation is returned in its canonical spelling. A label that has no translation (a label
 * already in the target language, or one of a custom scale) is returned unchanged.
 *
 * @param label - an answer label, e.g. `'I høj grad'`
 * @param lang - the language wanted
 * @returns the translated label, or `label` itself when there is none
 * @throws RangeError for an unknown lang
 * @example
 * ```ts
 * translateLabel('I høj grad', 'en');        // 'To a high degree'
 * translateLabel('i meget høj grad', 'en');  // 'To a very high degree'
 * translateLabel("Don't know", 'da');        // 'Ved ikke'
 * translateLabel('To a large extent', 'da'); // 'I høj grad'
 * translateLabel('Måske', 'en');             // 'Måske'
 * ```
 */
export function translateLabel(label: string, lang: Lang): string {
  if (lang !== 'da' && lang !== 'en') {
    throw new RangeError(`translateLabel: unknown lang ${JSON.stringify(lang)}; use 'da' or 'en'`);
  }
  if (typeof label !== 'string') return label;
  return lookupFor(lang).get(normalizeLabel(label)) ?? label;
}

/**
 * The labels of every answer category of a scale in Danish or English, in category index order
 * (the substantive levels lowest first, then the non-substantive answers), through
 * {@link translateLabel}. Labels of custom scales without a translation are kept as they are.
 *
 * @param scale - a scale, e.g. `scales.daDegree4`
 * @param lang - the language wanted
 * @returns one label per category of the scale
 * @throws RangeError for an unknown lang
 * @example
 * ```ts
 * scaleLabels(scales.daDegree4, 'en');
 * // ['Not at all', 'To a lesser degree', 'To a high degree', 'To a very high degree',
 * //  "Don't know", 'Not relevant']
 * scaleLabels(scales.agree4, 'da');
 * // ['Helt uenig', 'Overvejende uenig', 'Overvejende enig', 'Helt enig', 'Ved ikke']
 * ```
 */
export function scaleLabels(scale: Pick<Scale, 'categories'>, lang: Lang): string[] {
  if (lang !== 'da' && lang !== 'en') {
    throw new RangeError(`scaleLabels: unknown lang ${JSON.stringify(lang)}; use 'da' or 'en'`);
  }
  const lookup = lookupFor(lang);
  return scale.categories.map((label) => lookup.get(normalizeLabel(label)) ?? label);
}
