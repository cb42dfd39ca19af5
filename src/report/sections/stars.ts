/**
 * The star scheme of the report's correlation tables: the stars of a correlation cell and the
 * legend under the table. Internal.
 */
import { resolveStarScheme } from '../../inference/internal';
import type { StarScheme } from '../../inference/significanceStars';
import type { Lang } from '../format';
import { STAR_LEGEND } from '../reportText';

/** A threshold as the legend writes it: "0.05", Danish "0,05". */
function thresholdText(lang: Lang, value: number): string {
  const text = String(value);
  return lang === 'da' ? text.replace('.', ',') : text;
}

/**
 * The legend of a star scheme in the reports' form, most stars first:
 * "*** p<0.001, ** 0.001<=p<0.01, * 0.01<=p<0.05"; the reports' own scheme is the report's
 * `STAR_LEGEND`; null when stars are off.
 */
export function starLegend(lang: Lang, scheme: StarScheme | null): string | null {
  if (scheme === null) return null;
  if (scheme === 'default') return STAR_LEGEND;
  const thresholds = [...resolveStarScheme('report', scheme)].sort((a, b) => a.below - b.below);
  return thresholds
    .map((t, i) => {
      const lower = i === 0 ? '' : `${thresholdText(lang, (thresholds[i - 1] as { below: number }).below)}<=`;
      return `${t.stars} ${lower}p<${thresholdText(lang, t.below)}`;
    })
    .join(', ');
}

/** The stars of a cell: as the test gave them, or '' when stars are off. */
export function cellStars(scheme: StarScheme | null, stars: string): string {
  return scheme === null ? '' : stars;
}
