/**
 * The star scheme of the report's correlation tables: the stars of a correlation cell and the
 * legend under the table. Internal.
 */
import { resolveStarScheme } from '../../inference/internal';
import type { StarScheme } from '../../inference/significanceStars';
import type { Lang } from '../format';
import { starLegend as legendOf } from '../reportText';

/**
 * The legend of a star scheme in the reports' form, most stars first, in the report's language
 * (Danish decimal commas: "*** p < 0,01, ** 0,01 <= p < 0,05, * 0,05 <= p < 0,1"); null when
 * stars are off.
 */
export function starLegend(lang: Lang, scheme: StarScheme | null): string | null {
  if (scheme === null) return null;
  return scheme === 'default' ? legendOf(lang) : legendOf(lang, resolveStarScheme('report', scheme));
}

/** The stars of a cell: as the test gave them, or '' when stars are off. */
export function cellStars(scheme: StarScheme | null, stars: string): string {
  return scheme === null ? '' : stars;
}
