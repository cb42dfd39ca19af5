/**
 * Size-group labels in the report's language. `sizeGroups` and `medianSplit` name their groups
 * in a fixed, plain form ("under 50000", "50000–99999", "100000 and over", "<= 44200"), which
 * is what summaries, SQL and group keys match on; a report prints those names in its own words
 * and with its locale's digit grouping. Internal: not re-exported from `src/index.ts`.
 */

import { formatNumber, type Lang } from './format';

/** A number as `String(number)` writes it (the form the default labels hold). */
const NUMBER = String.raw`(-?\d+(?:\.\d+)?(?:e[+-]\d+)?)`;

/**
 * The default label forms of `sizeGroups` and `medianSplit`, in the order they are tried; made
 * when called, so that importing the module does no work.
 */
const forms = (): readonly (readonly [RegExp, da: string, en: string])[] => [
  [new RegExp(`^under ${NUMBER}$`), 'under {0}', 'under {0}'],
  [new RegExp(`^${NUMBER}–${NUMBER}$`), '{0}–{1}', '{0}–{1}'],
  [new RegExp(`^${NUMBER} to under ${NUMBER}$`), '{0} til under {1}', '{0} to under {1}'],
  [new RegExp(`^${NUMBER} and over$`), '{0} og derover', '{0} and over'],
  [new RegExp(`^<= ${NUMBER}$`), 'højst {0}', 'at most {0}'],
  [new RegExp(`^> ${NUMBER}$`), 'over {0}', 'over {0}'],
];

/** A number of a label with as many decimals as it was written with (at most 10), in `locale`. */
function labelNumber(text: string, lang: Lang, locale: string | undefined): string {
  const value = Number(text);
  const decimals = text.includes('e') ? (Number.isInteger(value) ? 0 : 10) : (/\.(\d+)/.exec(text)?.[1] ?? '').length;
  return formatNumber(value, { lang, digits: Math.min(10, decimals), ...(locale === undefined ? {} : { locale }) });
}

/**
 * A default size-group label in `lang`, its numbers grouped as `locale` (default: that of
 * `lang`) writes them: "under 50000" is "under 50.000" in Danish and "under 50,000" in English;
 * "50000–99999" is "50.000–99.999" / "50,000–99,999"; "100000 and over" is "100.000 og
 * derover" / "100,000 and over"; a median split's "<= 44200" and "> 44200" are "højst 44.200"
 * and "over 44.200" / "at most 44,200" and "over 44,200". A label of any other form (one the
 * caller chose) is returned as it is.
 *
 * @param label - a group label as `sizeGroups` or `medianSplit` made it
 * @param lang - the report's language
 * @param locale - the locale of the numbers (default `'da-DK'` / `'en-US'` by `lang`)
 * @returns the label to print
 */
export function sizeGroupLabel(label: string, lang: Lang, locale?: string): string {
  for (const [form, da, en] of forms()) {
    const match = form.exec(label);
    if (match === null) continue;
    const numbers = match.slice(1).map((text) => labelNumber(text, lang, locale));
    return (lang === 'da' ? da : en).replace(/\{(\d)\}/g, (_, i: string) => numbers[Number(i)] as string);
  }
  return label;
}
