import { describe, expect, it } from 'vitest';
import { verbalFraction } from '../../src/report/verbalFraction';

// Each row: share, Danish words, English words. Typed by hand from the rule in the TSDoc:
// nearest of 0, 1, halves, thirds, quarters and tenths (ties to the smaller denominator), bare
// when equal, "næsten" near 0 and 1, "cirka" within 0.01, else "knap" below and "godt" above.
const table: readonly (readonly [number, string, string])[] = [
  // 0 and 1, and near them; 0.05 lies as far from 0 as from 1/10 and takes 0.
  [0, 'ingen', 'none'],
  [0.001, 'næsten ingen', 'almost none'],
  [0.05, 'næsten ingen', 'almost none'],
  [0.0501, 'knap hver tiende', 'just under 1 in 10'],
  [0.1, 'hver tiende', '1 in 10'],
  [0.11, 'cirka hver tiende', 'about 1 in 10'],
  [0.1101, 'godt hver tiende', 'just over 1 in 10'],
  [0.95, 'næsten alle', 'almost all'],
  [0.9499, 'godt 9 ud af 10', 'just over 9 in 10'],
  [0.999, 'næsten alle', 'almost all'],
  [1, 'alle', 'all'],
  // Tenths and the tolerance of one percentage point, the bound included.
  [0.8, '8 ud af 10', '8 in 10'],
  [0.79, 'cirka 8 ud af 10', 'about 8 in 10'],
  [0.7899, 'knap 8 ud af 10', 'just under 8 in 10'],
  [0.78, 'knap 8 ud af 10', 'just under 8 in 10'],
  [0.81, 'cirka 8 ud af 10', 'about 8 in 10'],
  [0.8101, 'godt 8 ud af 10', 'just over 8 in 10'],
  [0.2, '2 ud af 10', '2 in 10'],
  [0.7, '7 ud af 10', '7 in 10'],
  // Halves: 0.45 and 0.55 are as far from 1/2 as from 4/10 and 6/10 and take 1/2.
  [0.5, 'halvdelen', 'half'],
  [35 / 70, 'halvdelen', 'half'],
  [0.49, 'cirka halvdelen', 'about half'],
  [0.51, 'cirka halvdelen', 'about half'],
  [0.4899, 'knap halvdelen', 'just under half'],
  [0.5101, 'godt halvdelen', 'just over half'],
  [0.45, 'knap halvdelen', 'just under half'],
  [0.4499, 'godt 4 ud af 10', 'just over 4 in 10'],
  [0.55, 'godt halvdelen', 'just over half'],
  [0.5501, 'knap 6 ud af 10', 'just under 6 in 10'],
  // Thirds: 19/60 lies midway between 3/10 and 1/3, 11/30 midway between 1/3 and 4/10.
  [1 / 3, 'hver tredje', 'one in three'],
  [7 / 21, 'hver tredje', 'one in three'],
  [0.34, 'cirka hver tredje', 'about one in three'],
  [0.35, 'godt hver tredje', 'just over one in three'],
  [0.32, 'knap hver tredje', 'just under one in three'],
  [19 / 60, 'knap hver tredje', 'just under one in three'],
  [0.3166, 'godt 3 ud af 10', 'just over 3 in 10'],
  [11 / 30, 'godt hver tredje', 'just over one in three'],
  [0.3667, 'knap 4 ud af 10', 'just under 4 in 10'],
  [2 / 3, 'to ud af tre', 'two in three'],
  [0.65, 'knap to ud af tre', 'just under two in three'],
  [0.68, 'godt to ud af tre', 'just over two in three'],
  [41 / 60, 'godt to ud af tre', 'just over two in three'],
  [0.6834, 'knap 7 ud af 10', 'just under 7 in 10'],
  // Quarters: 0.225 midway between 2/10 and 1/4, 0.275 between 1/4 and 3/10.
  [0.25, 'hver fjerde', 'one in four'],
  [0.24, 'cirka hver fjerde', 'about one in four'],
  [0.225, 'knap hver fjerde', 'just under one in four'],
  [0.2249, 'godt 2 ud af 10', 'just over 2 in 10'],
  [0.275, 'godt hver fjerde', 'just over one in four'],
  [0.2751, 'knap 3 ud af 10', 'just under 3 in 10'],
  [0.75, 'tre ud af fire', 'three in four'],
  [0.76, 'cirka tre ud af fire', 'about three in four'],
  [0.725, 'knap tre ud af fire', 'just under three in four'],
  [0.7249, 'godt 7 ud af 10', 'just over 7 in 10'],
];

describe('verbalFraction', () => {
  it.each(table)('writes %d as "%s" in Danish', (share, da) => {
    expect(verbalFraction(share)).toBe(da);
    expect(verbalFraction(share, { lang: 'da' })).toBe(da);
  });

  it.each(table)('writes %d as the English words of the same rule', (share, _da, en) => {
    expect(verbalFraction(share, { lang: 'en' })).toBe(en);
  });

  it('widens or narrows "cirka" with the tolerance', () => {
    expect(verbalFraction(0.47, { tolerance: 0.03 })).toBe('cirka halvdelen');
    expect(verbalFraction(0.47, { tolerance: 0.02 })).toBe('knap halvdelen');
    expect(verbalFraction(0.501, { tolerance: 0 })).toBe('godt halvdelen');
    expect(verbalFraction(0.45, { tolerance: 0.05 })).toBe('cirka halvdelen');
  });

  it('prints a missing share as an en dash', () => {
    expect(verbalFraction(null)).toBe('–');
    expect(verbalFraction(undefined, { lang: 'en' })).toBe('–');
    expect(verbalFraction(NaN)).toBe('–');
  });

  it('rejects a share outside [0, 1], saying that it wants a share and not a percentage', () => {
    expect(() => verbalFraction(78)).toThrow(/^verbalFraction: share must be in \[0, 1\], got 78; give a share, not a percentage/);
    expect(() => verbalFraction(-0.01)).toThrow(RangeError);
    expect(() => verbalFraction(Infinity)).toThrow(RangeError);
    expect(() => verbalFraction('0.5' as never)).toThrow(/^verbalFraction: share must be a number/);
  });

  it('rejects an unknown lang, a bad tolerance and a misspelt option, naming itself', () => {
    expect(() => verbalFraction(0.5, { lang: 'de' as never })).toThrow(/^verbalFraction: unknown lang "de"/);
    expect(() => verbalFraction(0.5, { tolerance: 0.06 })).toThrow(/^verbalFraction: tolerance must be a number from 0 to 0.05, got 0.06/);
    expect(() => verbalFraction(0.5, { tolerance: -0.01 })).toThrow(RangeError);
    expect(() => verbalFraction(0.5, { tolerence: 0.02 } as never)).toThrow(/^verbalFraction: unknown option "tolerence"; did you mean "tolerance"\?/);
  });
});
