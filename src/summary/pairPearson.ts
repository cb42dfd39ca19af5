/**
 * Pearson's r from a pair summary's joint counts: the same cross-table sums and the same
 * `correlationResult` as `pearson` on the two coded columns, so the figures are identical.
 * Internal: reached through `pearson(pair)` and `correlate(summary, …)`.
 */
import { centredSums, integerScores, type LevelCrossTable } from '../inference/crossTab';
import { resolveStarScheme } from '../inference/internal';
import { correlationResult, type PearsonOptions, type PearsonResult } from '../inference/pearson';
import type { StarThreshold } from '../inference/significanceStars';
import { assertLevel, checkOptionKeys, optionKeys } from '../internal/validate';
import type { PairSummary } from './types';
import { assertPairSummary } from './validateSummary';

/** `pearson(pair, options)`: checks its input and options, then {@link pairCorrelation}. */
export function pairPearson(fn: string, pair: PairSummary, options: PearsonOptions): PearsonResult {
  checkOptionKeys(fn, options, optionKeys<PearsonOptions>({ level: true, stars: true }));
  assertPairSummary(fn, pair);
  const { level = 0.95, stars = 'default' } = options;
  assertLevel(fn, level);
  return pairCorrelation(pair, level, resolveStarScheme(fn, stars));
}

/** The correlation of a checked pair summary. */
export function pairCorrelation(pair: PairSummary, level: number, thresholds: readonly StarThreshold[]): PearsonResult {
  const counts = Int32Array.from(pair.counts);
  let n = 0;
  for (let k = 0; k < counts.length; k++) n += counts[k] as number;
  const table: LevelCrossTable = { counts, rows: pair.rows, columns: pair.columns, n };
  const excluded = pair.respondents - n;
  if (integerScores(pair.xCodes) && integerScores(pair.yCodes)) {
    const { sxx, syy, sxy } = centredSums(table, pair.xCodes, pair.yCodes);
    return correlationResult(n, excluded, sxx, syy, sxy, level, thresholds);
  }
  // Non-integer codes: two-pass over the cells (means first, then centred sums).
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < pair.rows; i++) {
    for (let j = 0; j < pair.columns; j++) {
      const c = counts[i * pair.columns + j] as number;
      sumX += c * (pair.xCodes[i] as number);
      sumY += c * (pair.yCodes[j] as number);
    }
  }
  const mx = sumX / n;
  const my = sumY / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < pair.rows; i++) {
    const dx = (pair.xCodes[i] as number) - mx;
    for (let j = 0; j < pair.columns; j++) {
      const c = counts[i * pair.columns + j] as number;
      const dy = (pair.yCodes[j] as number) - my;
      sxx += c * dx * dx;
      syy += c * dy * dy;
      sxy += c * dx * dy;
    }
  }
  return correlationResult(n, excluded, sxx, syy, sxy, level, thresholds);
}
