import { describeValue } from '../internal/validate';
import type { DivergingSide } from './divergingRows';

// Anchors from ColorBrewer's RdBu scheme (Cynthia A. Brewer, colorbrewer2.org): the darkest and
// the lightest tone on each side, so that the extreme levels are the most saturated.
const DISAGREE_EXTREME = '#b2182b';
const DISAGREE_INNER = '#f4a582';
const AGREE_INNER = '#92c5de';
const AGREE_EXTREME = '#2166ac';
const NEUTRAL = '#d9d9d9';
const APART_FIRST = '#8c8c8c';
const APART_LAST = '#c8c8c8';

/** Parses `#rrggbb` into its three channels. */
function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** The colour a fraction `t` of the way from `from` to `to`, in RGB, as `#rrggbb`. */
function mix(from: string, to: string, t: number): string {
  const a = channels(from);
  const b = channels(to);
  return `#${a
    .map((value, i) => Math.round(value + ((b[i] as number) - value) * t).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** `count` evenly spaced colours from `from` to `to`; a single colour takes the midpoint. */
function ramp(from: string, to: string, count: number): string[] {
  if (count === 1) return [mix(from, to, 0.5)];
  return Array.from({ length: count }, (_, i) => mix(from, to, i / (count - 1)));
}

/**
 * Colours for the categories of a diverging chart, from a red–blue diverging scheme: the
 * disagreeing levels in reds (darkest for the most extreme level), a light grey for the neutral
 * level, the agreeing levels in blues (darkest for the most extreme), and greys for answers shown
 * apart ("Ved ikke"). Within a side, colours are evenly spaced in RGB between the scheme's
 * lightest and darkest tone, so any number of levels gets distinct colours.
 *
 * @param categories - categories in display order with their sides, as `divergingRows` returns them
 * @returns one `#rrggbb` colour per category, in the same order
 * @throws TypeError when `categories` is not an array of `{ category, side }`
 * @example
 * divergingPalette([
 *   { category: 'Slet ikke', side: 'disagree' }, { category: 'I mindre grad', side: 'disagree' },
 *   { category: 'I høj grad', side: 'agree' }, { category: 'I meget høj grad', side: 'agree' },
 *   { category: 'Ved ikke', side: 'apart' },
 * ]);
 * // ['#b2182b', '#f4a582', '#92c5de', '#2166ac', '#aaaaaa']
 * @see Brewer, C. A., ColorBrewer 2.0, https://colorbrewer2.org (scheme RdBu)
 */
export function divergingPalette(
  categories: readonly { readonly category: string; readonly side: DivergingSide }[],
): string[] {
  if (!Array.isArray(categories)) {
    throw new TypeError(`divergingPalette: categories must be an array of { category, side }, got ${describeValue(categories)}`);
  }
  const count = (side: DivergingSide): number => categories.filter((c) => c.side === side).length;
  const disagree = ramp(DISAGREE_EXTREME, DISAGREE_INNER, count('disagree'));
  const agree = ramp(AGREE_INNER, AGREE_EXTREME, count('agree'));
  const apart = ramp(APART_FIRST, APART_LAST, count('apart'));
  const used: Record<DivergingSide, number> = { disagree: 0, neutral: 0, agree: 0, apart: 0 };
  return categories.map((c) => {
    const side: DivergingSide = c.side;
    if (!(side in used)) {
      throw new TypeError(`divergingPalette: unknown side ${describeValue(side)} for '${String(c.category)}'`);
    }
    const i = used[side]++;
    switch (side) {
      case 'disagree':
        return disagree[i] as string;
      case 'agree':
        return agree[i] as string;
      case 'apart':
        return apart[i] as string;
      default:
        return NEUTRAL;
    }
  });
}

/**
 * Colours of the categories of several scales drawn together (a table of items on two scales):
 * each scale's categories get {@link divergingPalette}'s colours for their own positions, so the
 * extreme levels of both scales are the darkest and "Ved ikke" is grey on both; a category two
 * scales share keeps the colour of the first. `colors` replaces the palette for the categories
 * it names. Internal: `likertkit/vega-lite` does not re-export it.
 */
export function paletteByPart(
  parts: readonly { readonly categories: readonly { readonly category: string; readonly side: DivergingSide }[] }[],
  colors: Readonly<Record<string, string>> | undefined,
): Map<string, string> {
  const colorOf = new Map<string, string>();
  for (const part of parts) {
    const palette = divergingPalette(part.categories);
    part.categories.forEach((c, i) => {
      if (!colorOf.has(c.category)) colorOf.set(c.category, colors?.[c.category] ?? (palette[i] as string));
    });
  }
  return colorOf;
}
