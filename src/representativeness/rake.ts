import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { assertPopulationCoversSample, categorySums, marginReport, summariseWeights, zeroTargetWarnings } from './weightDiagnostics';
import type { WeightingResult } from './weightDiagnostics';
import { buildMargin, openSample, readTargets } from './weightsInput';
import type { Margin, WeightingSample, WeightingTargets } from './weightsInput';

/** Options of {@link rake}. */
export interface RakeOptions {
  /**
   * Population shares per variable: `{ region: { Hovedstaden: 0.296, … }, size: { … } }`, or a
   * `PopulationTargets` object (`{ size?, variables: { region: { kind: 'categorical', shares } } }`).
   * Each variable's shares must sum to 1 (within 1e-9; they are then normalised exactly).
   * Numeric targets (`{ mean }`) are not raked on: raking here matches category shares only.
   */
  readonly targets: WeightingTargets;
  /** The variables to rake on, in the order they are adjusted; default: every categorical variable of `targets`. */
  readonly variables?: readonly string[];
  /** Cap on the full adjustment cycles (default 100). */
  readonly maxIterations?: number;
  /** Converged when max |achieved − target share| over all margins < tolerance (default 1e-10). */
  readonly tolerance?: number;
  /**
   * Bounds on the weights relative to their mean, e.g. `{ lower: 0.3, upper: 3 }`: after each
   * cycle the weights are clipped to [lower·mean, upper·mean] and raking goes on until the
   * margins are met within the bounds (or the cap is hit). Trimming can make exact margins
   * impossible; the result then says `converged: false` with a warning.
   */
  readonly trim?: { readonly lower?: number; readonly upper?: number };
  /** Base (design) weights, one per respondent, or a column name; default: a Survey's own weights, else 1; `null` ignores them. */
  readonly baseWeights?: ArrayLike<number> | string | null;
  /** `'sample'` (default without `populationSize`): weights sum to n. `'population'`: they sum to N. */
  readonly scale?: 'sample' | 'population';
  /** The population size N for `scale: 'population'` (default: the targets' size). */
  readonly populationSize?: number;
  /** For rows and columns: the respondent id column, copied into the result's `ids`. */
  readonly id?: string;
}

/** Result of {@link rake}: the weights and their diagnostics. */
export interface RakeResult extends WeightingResult {
  readonly method: 'raking';
  /** The variables raked on, in order. */
  readonly variables: string[];
  /**
   * Each respondent's category per variable (in `variables` order), kept so that
   * `s.withWeights(result)` gives the variance of the raked design (as R's `svymean` on a
   * `rake`-d design), not of fixed weights.
   */
  readonly calibration: {
    readonly method: 'raking';
    readonly groups: readonly (readonly number[])[];
    /**
     * Only when the raking stopped before converging: per margin, the weights right after that
     * margin was met in the last cycle (on the final scale). R's `svyrecvar` takes each margin's
     * calibration residuals with these (its `attr(margin, "weights")`); once the raking has
     * converged they equal the final weights to within the tolerance, and are left out (a
     * loose `tolerance` therefore also leaves them out). With `trim`, they are the weights before
     * the last clipping (R's `rake` does not trim; `trimWeights` keeps the raking's margins).
     */
    readonly marginWeights?: readonly (readonly number[])[];
  };
}

/** Rounds of re-clipping after a trim (the mean moves when weights are clipped). */
const TRIM_ROUNDS = 100;
/** A weight within this relative distance of a bound counts as held at the bound. */
const AT_BOUND = 1e-9;

/**
 * Raking weights (iterative proportional fitting): weights whose weighted shares match the
 * population shares of several categorical variables at once, e.g. region and size group,
 * when only each variable's own distribution (not their cross-table) is known.
 *
 * Algorithm (Deming & Stephan 1940): start from the base weights d_i (1 by default), scaled to
 * sum to n. One cycle post-stratifies on each variable in turn: for variable v with categories
 * c, target shares P_c and current category sums S_c = Σ_{i∈c} w_i, every respondent in c is
 * multiplied by P_c · n / S_c. After each cycle the gap max_v max_c |S_c/Σw − P_c| is compared
 * with `tolerance`; cycles repeat until it is below (converged) or `maxIterations` is reached.
 * Finally the weights are rescaled to sum to n (`scale: 'sample'`) or N (`'population'`). With
 * one variable the result equals {@link postStratify}'s. When it converges, the limit is the
 * set of weights closest to the base weights, in the raking (multiplicative) distance, that
 * meets every margin; it does not depend on the order of the variables.
 *
 * Trimming (`trim: { lower, upper }`): after each cycle, weights are clipped to
 * [lower·m, upper·m], m the mean weight (re-clipped until m settles), and raking continues until
 * the margins are met and no weight is outside the bounds. Bounds that are too tight make exact
 * margins impossible: then `converged` is false and a warning says so; `trimmed` counts the
 * weights held at a bound.
 *
 * Not converging is reported, not thrown: `converged: false`, a warning, and the last weights
 * (their achieved margins are in `margins`). Numeric margins (a population mean) are out of
 * scope: only category shares are raked on.
 *
 * With a survey as the sample, `s.withWeights(rake(s, …))` gives the weighted survey. Or use
 * the weights as a column (`survey({ rows: rows.map((r, i) => ({ ...r, w: result.weights[i] })), weight: 'w', … })`)
 * or pass them to a describe function: `agreementShare(s.item('q1'), { weights: result.weights })`.
 *
 * @param sample - rows (one object per respondent), columns (one array per variable) or a `Survey`
 * @param options - targets, variables, maxIterations, tolerance, trim, baseWeights, scale, populationSize, id
 * @returns weights (input order), iterations, converged, maxGap, margins (target, achieved and
 *   unweighted share per category), Kish's designEffect and nEffective, min, max, mean, trimmed, warnings
 * @throws RangeError naming the rows of respondents with a missing value, sample categories not in
 *   the targets, target categories with a positive share but no respondents, shares not summing
 *   to 1, a variable without targets or with numeric targets, a populationSize below n, and bad
 *   options; TypeError for
 *   inputs of the wrong type
 * @example
 * const rows = [
 *   { region: 'Hovedstaden', size: 'large' }, { region: 'Hovedstaden', size: 'small' },
 *   { region: 'Hovedstaden', size: 'small' }, { region: 'Sjælland', size: 'large' },
 *   { region: 'Sjælland', size: 'small' },
 * ];
 * const r = rake(rows, {
 *   targets: { region: { Hovedstaden: 0.5, Sjælland: 0.5 }, size: { large: 0.5, small: 0.5 } },
 * });
 * r.weights
 * // [1.0355339059094983, 0.7322330470220119, 0.7322330470220119, 1.4644660940905012, 1.0355339059559767]
 * r.iterations   // 7
 * r.converged    // true
 * r.designEffect // 1.0723304703431185
 * // Attach them: survey({ rows: rows.map((row, i) => ({ ...row, w: r.weights[i] })), weight: 'w', … })
 * @see Deming, W. E. & Stephan, F. F. (1940). On a least squares adjustment of a sampled
 *   frequency table when the expected marginal totals are known. Ann. Math. Statist. 11(4), 427–444.
 *   R: `survey::rake(design, list(~region, ~size), list(regionTable, sizeTable))`, `survey::postStratify`.
 */
export function rake(sample: WeightingSample, options: RakeOptions): RakeResult {
  const fn = 'rake';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options { targets } are required, got ${describeValue(options)}`);
  }
  checkOptionKeys(
    fn,
    options,
    optionKeys<RakeOptions>({
      targets: true,
      variables: true,
      maxIterations: true,
      tolerance: true,
      trim: true,
      baseWeights: true,
      scale: true,
      populationSize: true,
      id: true,
    }),
  );
  const maxIterations = options.maxIterations ?? 100;
  if (typeof maxIterations !== 'number' || !Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`${fn}: maxIterations must be a positive integer, got ${describeValue(maxIterations)}`);
  }
  const tolerance = options.tolerance ?? 1e-10;
  if (typeof tolerance !== 'number' || !(tolerance > 0) || !Number.isFinite(tolerance)) {
    throw new RangeError(`${fn}: tolerance must be a positive number (e.g. 1e-10), got ${describeValue(tolerance)}`);
  }
  const bounds = readTrim(fn, options.trim);

  const read = readTargets(fn, options.targets);
  const warnings: string[] = [];
  let variables: string[];
  if (options.variables !== undefined) {
    if (!Array.isArray(options.variables) || options.variables.length === 0 || !options.variables.every((v) => typeof v === 'string')) {
      throw new TypeError(`${fn}: variables must be a non-empty array of variable names, got ${describeValue(options.variables)}`);
    }
    variables = [...options.variables];
    const repeated = variables.filter((v, k) => variables.indexOf(v) !== k);
    if (repeated.length > 0) throw new RangeError(`${fn}: variables names "${repeated[0]}" twice`);
    for (const v of variables) {
      if (read.numeric.includes(v)) {
        throw new RangeError(`${fn}: the target for "${v}" is numeric (a mean); raking here matches category shares only: group "${v}" into categories (sizeGroups) and give their shares`);
      }
      if (!read.categorical.has(v)) {
        throw new RangeError(`${fn}: no targets for "${v}"; the targets have ${[...read.categorical.keys()].map((k) => `"${k}"`).join(', ') || 'no categorical variables'}`);
      }
    }
  } else {
    variables = [...read.categorical.keys()];
    if (variables.length === 0) throw new RangeError(`${fn}: the targets have no categorical variables to rake on`);
    if (read.numeric.length > 0) {
      warnings.push(`${fn}: numeric targets (${read.numeric.map((v) => `"${v}"`).join(', ')}) are not raked on; only category shares are`);
    }
  }

  const { reader, n, base, scale, total } = openSample(fn, sample, variables, options, read.size);
  assertPopulationCoversSample(fn, options.populationSize, n);
  if (scale === 'population' && options.populationSize === undefined) assertPopulationCoversSample(fn, total, n, "the targets' population size");
  const margins = variables.map((v) =>
    buildMargin(fn, v, read.categorical.get(v) as { categories: string[]; shares: Float64Array }, reader.values(v), base, reader.ids),
  );
  warnings.push(...zeroTargetWarnings(fn, margins));

  // Work on the sample scale (Σw = n, mean 1) and rescale at the end.
  const weights = new Float64Array(n);
  let baseTotal = 0;
  for (let i = 0; i < n; i++) baseTotal += base[i] as number;
  for (let i = 0; i < n; i++) weights[i] = ((base[i] as number) * n) / baseTotal;

  let iterations = 0;
  let converged = false;
  let everClipped = false;
  let gap = Infinity;
  // The weights each margin leaves in the last possible cycle, for the variance of a raking
  // that stops there unconverged.
  let lastCycle: Float64Array[] | null = null;
  while (iterations < maxIterations) {
    iterations++;
    const last = iterations === maxIterations;
    if (last) lastCycle = [];
    for (const margin of margins) {
      adjustToMargin(fn, margin, weights, n);
      if (last) lastCycle!.push(Float64Array.from(weights));
    }
    if (bounds !== null && clipToBounds(weights, bounds)) everClipped = true;
    gap = marginReport(margins, weights).maxGap;
    if (gap < tolerance) {
      converged = true;
      break;
    }
  }

  let weightTotal = 0;
  for (let i = 0; i < n; i++) weightTotal += weights[i] as number;
  const factor = total / weightTotal;
  for (let i = 0; i < n; i++) weights[i]! *= factor;

  const trimmed = bounds !== null && everClipped ? countAtBounds(weights, bounds) : 0;
  if (!converged) {
    const why =
      bounds !== null && everClipped
        ? `; the trimming bounds [${bounds.lower}, ${bounds.upper}] × mean keep the margins from being met (${trimmed} weight${trimmed === 1 ? '' : 's'} at a bound): widen them or drop trim`
        : '; the margins may be inconsistent with the sample (e.g. empty cells in the cross-table): raise maxIterations, merge small categories, or check the targets';
    warnings.push(`${fn}: did not converge in ${iterations} iteration${iterations === 1 ? '' : 's'}: the largest gap between achieved and target share is ${gap}${why}`);
  }
  const { rows, maxGap } = marginReport(margins, weights);
  return {
    method: 'raking',
    variables,
    weights: Array.from(weights),
    ...(reader.ids !== undefined ? { ids: [...reader.ids] } : {}),
    scale,
    ...summariseWeights(weights),
    iterations,
    converged,
    maxGap,
    margins: rows,
    trimmed,
    warnings,
    calibration: {
      method: 'raking',
      groups: margins.map((m) => Array.from(m.index)),
      ...(!converged && lastCycle !== null ? { marginWeights: lastCycle.map((w) => Array.from(w, (v) => v * factor)) } : {}),
    },
  };
}

/**
 * One post-stratification step: multiplies every respondent in category c by P_c · n / S_c, so
 * the category sums become P_c · n.
 */
function adjustToMargin(fn: string, margin: Margin, weights: Float64Array, n: number): void {
  const sums = categorySums(margin, weights);
  const factors = new Float64Array(sums.length);
  for (let c = 0; c < sums.length; c++) {
    const target = (margin.shares[c] as number) * n;
    const sum = sums[c] as number;
    if (sum === 0 && target > 0) {
      // Only possible when a zero target elsewhere has zeroed every respondent of this category.
      throw new RangeError(
        `${fn}: "${margin.categories[c]}" of "${margin.variable}" has a positive target share, but all its respondents got weight 0 from another margin's zero target; these targets cannot be met`,
      );
    }
    factors[c] = sum === 0 ? 0 : target / sum;
  }
  for (let i = 0; i < weights.length; i++) weights[i]! *= factors[margin.index[i] as number] as number;
}

/**
 * Clips the weights to [lower·m, upper·m] with m their mean, re-clipping while m moves.
 * Zero weights stay zero. Returns whether any weight was changed.
 */
function clipToBounds(weights: Float64Array, bounds: { lower: number; upper: number }): boolean {
  const n = weights.length;
  let changedAny = false;
  for (let round = 0; round < TRIM_ROUNDS; round++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += weights[i] as number;
    const mean = sum / n;
    const lo = bounds.lower * mean;
    const hi = bounds.upper * mean;
    let largestChange = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i] as number;
      if (w === 0) continue;
      const clipped = w < lo ? lo : w > hi ? hi : w;
      if (clipped !== w) {
        weights[i] = clipped;
        largestChange = Math.max(largestChange, Math.abs(clipped - w) / mean);
      }
    }
    if (largestChange === 0) break;
    changedAny = true;
    if (largestChange < 1e-15) break;
  }
  return changedAny;
}

/** Weights within a relative 1e-9 of a bound (relative to the mean), zero weights left out. */
function countAtBounds(weights: Float64Array, bounds: { lower: number; upper: number }): number {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] as number;
  const mean = sum / n;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const ratio = (weights[i] as number) / mean;
    if (ratio === 0) continue;
    if (ratio <= bounds.lower * (1 + AT_BOUND) || ratio >= bounds.upper * (1 - AT_BOUND)) count++;
  }
  return count;
}

function readTrim(fn: string, trim: unknown): { lower: number; upper: number } | null {
  if (trim === undefined) return null;
  if (trim === null || typeof trim !== 'object') {
    throw new TypeError(`${fn}: trim must be { lower?, upper? } (bounds relative to the mean weight), got ${describeValue(trim)}`);
  }
  checkOptionKeys(`${fn}: trim`, trim, ['lower', 'upper']);
  const { lower = 0, upper = Infinity } = trim as { lower?: unknown; upper?: unknown };
  if (typeof lower !== 'number' || !(lower >= 0 && lower <= 1)) {
    throw new RangeError(`${fn}: trim.lower must be a number in [0, 1] (a fraction of the mean weight), got ${describeValue(lower)}`);
  }
  if (typeof upper !== 'number' || !(upper >= 1)) {
    throw new RangeError(`${fn}: trim.upper must be a number >= 1 (a multiple of the mean weight), got ${describeValue(upper)}`);
  }
  if (lower === 1 && upper === 1) {
    throw new RangeError(`${fn}: trim { lower: 1, upper: 1 } would force equal weights; widen at least one bound`);
  }
  return { lower, upper };
}
