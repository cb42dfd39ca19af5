import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { assertPopulationCoversSample, marginReport, summariseWeights, zeroTargetWarnings } from './weightDiagnostics';
import type { WeightingResult } from './weightDiagnostics';
import { buildMargin, openSample, readTargets } from './weightsInput';
import type { CategoricalShares, WeightingSample, WeightingTargets } from './weightsInput';

/** Options of {@link postStratify}. */
export interface PostStratifyOptions {
  /** The categorical variable to weight on: a column of the rows/columns, or a survey's categorical attribute. */
  readonly variable: string;
  /**
   * Population shares of its categories: `{ Hovedstaden: 0.296, … }`, or targets for several
   * variables (`{ region: { … }, … }` or a `PopulationTargets` object) from which `variable`'s
   * are taken. Shares must sum to 1 (within 1e-9; they are then normalised exactly).
   */
  readonly targets: CategoricalShares | WeightingTargets;
  /**
   * `'sample'` (default without `populationSize`): weights sum to the sample size n, so their
   * mean is 1. `'population'` (default with `populationSize`): weights sum to N, so each is the
   * number of population units a respondent stands for (N_h / n_h), as R's `postStratify` gives.
   */
  readonly scale?: 'sample' | 'population';
  /** The population size N (e.g. 98 municipalities); default for `'population'`: the targets' size. */
  readonly populationSize?: number;
  /**
   * Base (design) weights, one per respondent, or a column name (rows and columns only).
   * Default: a Survey's own weights, else 1 each; `null` ignores a survey's weights.
   */
  readonly baseWeights?: ArrayLike<number> | string | null;
  /** For rows and columns: the respondent id column, copied into the result's `ids`. */
  readonly id?: string;
}

/** Result of {@link postStratify}: the weights and their diagnostics. */
export interface PostStratifyResult extends WeightingResult {
  readonly method: 'post-stratification';
  /**
   * Each respondent's cell (index into the variable's categories in `margins` order), kept so
   * that `s.withWeights(result)` gives the variance of the post-stratified design (as R's
   * `svymean` on a `postStratify`-ed design), not of fixed weights.
   */
  readonly calibration: { readonly method: 'post-stratification'; readonly groups: readonly (readonly number[])[] };
}

/**
 * Post-stratification weights on one categorical variable: every respondent in cell h gets the
 * weight that makes the weighted cell shares equal the population shares.
 *
 * With population shares P_h (so N_h = P_h N), respondents' base weights d_i (1 by default) and
 * D_h = Σ_{i∈h} d_i, respondent i in cell h gets
 *
 *   w_i = d_i · P_h · T / D_h,
 *
 * where T is the total the weights sum to: n under `scale: 'sample'` (mean weight 1) or N under
 * `scale: 'population'`. Without base weights and with T = N this is N_h / n_h, the number of
 * population units a respondent stands for — the weights R's `survey::postStratify` gives. The
 * two scales differ only by the constant factor N / n, so weighted shares and means are the same.
 *
 * With a survey as the sample, `s.withWeights(postStratify(s, …))` gives the weighted survey
 * (its ids are checked against the result's). Otherwise attach the weights as a column,
 * `survey({ rows: rows.map((r, i) => ({ ...r, w: result.weights[i] })), weight: 'w', … })`, or
 * pass them directly: `agreementShare(s.item('q1'), { weights: result.weights })`.
 *
 * @param sample - rows (one object per respondent), columns (one array per variable) or a `Survey`
 * @param options - variable, targets, scale, populationSize, baseWeights, id
 * @returns weights (input order), margins (target, achieved, unweighted share per category),
 *   Kish's designEffect and nEffective, min, max, mean, `iterations: 1`, `converged: true`, warnings
 * @throws RangeError naming the rows of respondents with a missing value, sample categories not in
 *   the targets, target categories with a positive share but no respondents, shares not summing
 *   to 1, and bad base weights, scale or populationSize (also a populationSize below n); TypeError
 *   for inputs of the wrong type
 * @example
 * const rows = [
 *   { region: 'Hovedstaden' }, { region: 'Hovedstaden' }, { region: 'Hovedstaden' }, { region: 'Sjælland' },
 * ];
 * const r = postStratify(rows, { variable: 'region', targets: { Hovedstaden: 0.5, Sjælland: 0.5 } });
 * r.weights      // [0.6666666666666666, 0.6666666666666666, 0.6666666666666666, 2]
 * r.designEffect // 1.3333333333333333
 * postStratify(rows, { variable: 'region', targets: { Hovedstaden: 0.5, Sjælland: 0.5 }, populationSize: 10 }).weights
 * // [1.6666666666666667, 1.6666666666666667, 1.6666666666666667, 5]   (N_h / n_h)
 * @see R: `survey::postStratify(design, ~region, population)`; Holt, D. & Smith, T. M. F. (1979),
 *   Post stratification, JRSS A 142(1), 33–46. {@link rake} for several margins.
 */
export function postStratify(sample: WeightingSample, options: PostStratifyOptions): PostStratifyResult {
  const fn = 'postStratify';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options { variable, targets } are required, got ${describeValue(options)}`);
  }
  checkOptionKeys(
    fn,
    options,
    optionKeys<PostStratifyOptions>({ variable: true, targets: true, scale: true, populationSize: true, baseWeights: true, id: true }),
  );
  const { variable } = options;
  if (typeof variable !== 'string' || variable === '') {
    throw new TypeError(`${fn}: variable must name a categorical variable, got ${describeValue(variable)}`);
  }
  const target = pickTarget(fn, variable, options.targets);
  const { reader, n, base, scale, total } = openSample(fn, sample, [variable], options, target.size);
  assertPopulationCoversSample(fn, options.populationSize, n);
  if (scale === 'population' && options.populationSize === undefined) assertPopulationCoversSample(fn, total, n, "the targets' population size");
  const margin = buildMargin(fn, variable, target.shares, reader.values(variable), base, reader.ids);

  // w_i = d_i · P_h · T / D_h with D_h the base weight in cell h.
  const cellBase = new Float64Array(margin.categories.length);
  for (let i = 0; i < n; i++) cellBase[margin.index[i] as number]! += base[i] as number;
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = margin.index[i] as number;
    const share = margin.shares[h] as number;
    // A cell with target share 0 (or whose base weights are all 0) gets weight 0, not 0/0.
    weights[i] = share === 0 || cellBase[h] === 0 ? 0 : ((base[i] as number) * share * total) / (cellBase[h] as number);
  }

  const { rows, maxGap } = marginReport([margin], weights);
  const result: PostStratifyResult = {
    method: 'post-stratification',
    weights: Array.from(weights),
    ...(reader.ids !== undefined ? { ids: [...reader.ids] } : {}),
    scale,
    ...summariseWeights(weights),
    iterations: 1,
    converged: true,
    maxGap,
    margins: rows,
    trimmed: 0,
    warnings: zeroTargetWarnings(fn, [margin]),
    calibration: { method: 'post-stratification', groups: [Array.from(margin.index)] },
  };
  return result;
}

/**
 * The targets of `variable`: either `targets` itself (plain shares of one variable) or its entry
 * in multi-variable targets.
 */
function pickTarget(
  fn: string,
  variable: string,
  targets: unknown,
): { shares: { categories: string[]; shares: Float64Array }; size: number | undefined } {
  if (targets === null || typeof targets !== 'object' || Array.isArray(targets)) {
    throw new TypeError(`${fn}: targets must be an object of shares such as { Hovedstaden: 0.296, … }, got ${describeValue(targets)}`);
  }
  const values = Object.values(targets as Record<string, unknown>);
  const flat = values.length > 0 && values.every((v) => typeof v === 'number');
  const read = readTargets(fn, flat ? { [variable]: targets } : targets);
  const shares = read.categorical.get(variable);
  if (shares === undefined) {
    if (read.numeric.includes(variable)) {
      throw new RangeError(`${fn}: the target for "${variable}" is numeric (a mean); post-stratification needs category shares`);
    }
    const known = [...read.categorical.keys()].map((k) => `"${k}"`).join(', ');
    throw new RangeError(`${fn}: the targets have no shares for "${variable}"${known ? `; they have ${known}` : ''}`);
  }
  return { shares, size: read.size };
}
