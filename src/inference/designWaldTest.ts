import { fCdf } from '../math';
import { checkOptionKeys, optionKeys } from '../internal/validate';
import { designCovariance, designDegreesOfFreedom, type DesignInfo } from './designVariance';
import { readNumericView, type NumericInput } from './internal';
import { checkDesign, checkDomain, checkWeights, weightsOnlyDesign } from './weightedPearson';

/** Options of {@link designWaldTest}. */
export interface DesignWaldTestOptions {
  /**
   * The sampling design over the same units as the values, groups and weights; default: none,
   * i.e. R's `svydesign(ids = ~1, weights = ~w)`.
   */
  readonly design?: DesignInfo;
  /**
   * A domain (R's `subset(design, …)`): one entry per unit, truthy for the units of the domain.
   * The units outside leave the means but stay in the design (PSUs, strata, calibration).
   */
  readonly domain?: ArrayLike<number | boolean>;
}

/** One group of a {@link DesignWaldTestResult}. */
export interface DesignWaldTestGroup {
  /** The group's code, as given. */
  readonly group: number;
  /** Units of the group with a value (in the domain), zero weights included. */
  readonly n: number;
  /** Σw over them. */
  readonly weight: number;
  /** The weighted mean Σwy/Σw. */
  readonly mean: number;
}

/** Result of {@link designWaldTest}: plain, JSON-serialisable data. */
export interface DesignWaldTestResult {
  /** Units in the domain with a value and a group. */
  readonly n: number;
  /** Units with the value or the group missing, or outside the domain. */
  readonly nExcluded: number;
  /** The groups with a positive weight, in ascending order of their codes; the first is the reference. */
  readonly groups: readonly DesignWaldTestGroup[];
  /** The Wald statistic W = d′V⁻¹d. */
  readonly wald: number;
  /** F = W/(k − 1). */
  readonly f: number;
  /** k − 1, k the groups with a positive weight. */
  readonly df1: number;
  /** The residual degrees of freedom of svyglm: degf + 1 − k. */
  readonly df2: number;
  /** P(F_{df1, df2} ≥ f). */
  readonly p: number;
  readonly method: 'design-wald';
  /** Why the undefined fields are `NaN`, when they are. */
  readonly reason?: string;
}

/**
 * A contrast is taken as linearly dependent on the contrasts before it when the part of its
 * variance they leave is below this fraction of its variance (about 12 digits lost); R's `solve`
 * stops at a reciprocal condition number below 2.2e-16, and between the two its F is rounding.
 */
const SINGULAR_TOLERANCE = 1e-12;

/**
 * The design-based Wald test that k domain means are equal, as R's
 * `regTermTest(svyglm(y ~ g, design), ~g)` (method `"Wald"`).
 *
 * Over the units with a value and a group (in the domain), with weighted group means ȳ_j and
 * group weights W_j, the contrasts d_j = ȳ_j − ȳ_1 (j = 2…k; group 1 the lowest code, svyglm's
 * treatment coding) have the design covariance V of their linearised scores (unit i of group j:
 * w_i (y_i − ȳ_j)/W_j; of group 1: −w_i (y_i − ȳ_1)/W_1, as svyglm's sandwich over `svyrecvar`).
 * W = d′V⁻¹d, F = W/(k − 1) on k − 1 and degf + 1 − k degrees of freedom (svyglm's
 * `df.residual`, degf the PSUs minus the strata among the test's units of positive weight). W
 * does not depend on which group is the reference.
 *
 * @param values - the outcome per unit (coded answers): finite numbers, or missing
 *   (`null`/`undefined`/`NaN`)
 * @param groups - the group code per unit (any finite numbers), or missing
 * @param weights - one non-negative finite weight per unit
 * @param options - `design` (default: weights only), `domain` (a subset, as R's `subset()`)
 * @returns the test; `f`, `p` (and `wald`) are `NaN` with a `reason` for fewer than 2 groups with
 *   a positive weight, or a singular V (no variance within the groups, or fewer PSUs than
 *   groups); `p` alone is `NaN` with a `reason` when df2 < 1
 * @throws RangeError when the lengths differ, a weight is negative or the design does not fit
 *   (from `designCovariance`: a stratum with one PSU); TypeError for a value or group code
 *   that is not a finite number or missing, or an unknown option
 * @example
 * ```ts
 * designWaldTest([1, 2, 3, 2, 4, 3, 4, 4], [0, 0, 0, 0, 1, 1, 1, 1], [1, 2, 1, 2, 1, 1, 2, 1]);
 * // { n: 8, nExcluded: 0, groups: [{ group: 0, n: 4, weight: 6, mean: 2 },
 * //   { group: 1, n: 4, weight: 5, mean: 3.8 }], df1: 1, df2: 6, method: 'design-wald',
 * //   wald: 31.23775710088148, f: 31.23775710088148, p: 0.0013948289309402176 }
 * // R: regTermTest(svyglm(y ~ g, svydesign(ids = ~1, weights = ~w, data = d)), ~g) with g a
 * // factor gives F = 31.23776 on 1 and 6 df: p = 0.0013948 (F 31.237757100881502, p 0.001394828930940215)
 * ```
 * @see R `survey::regTermTest(svyglm(y ~ g, design), ~g)`, `svy.varcoef`; Lumley (2010),
 *   Complex Surveys, ch. 5.
 */
export function designWaldTest(
  values: NumericInput,
  groups: ArrayLike<number | null | undefined>,
  weights: ArrayLike<number>,
  options: DesignWaldTestOptions = {},
): DesignWaldTestResult {
  const fn = 'designWaldTest';
  checkOptionKeys(fn, options, optionKeys<DesignWaldTestOptions>({ design: true, domain: true }));
  const ys = readNumericView(fn, values, 'values');
  const gs = readNumericView(fn, groups, 'groups');
  const size = ys.length;
  if (gs.length !== size) {
    throw new RangeError(`${fn}: values and groups must have the same length (one entry per unit), got ${size} and ${gs.length}`);
  }
  const w = checkWeights(fn, weights, size);
  const design = options.design ?? weightsOnlyDesign(size);
  checkDesign(fn, design, size);
  const domain = checkDomain(fn, options.domain, size);

  // Per group (by code): units, Σw and Σwy over the units with a value and a group.
  const used = new Uint8Array(size);
  const byCode = new Map<number, { n: number; weight: number; sum: number }>();
  let n = 0;
  for (let i = 0; i < size; i++) {
    const y = ys[i] as number;
    const g = gs[i] as number;
    if (Number.isNaN(y) || Number.isNaN(g) || (domain !== null && !domain[i])) continue;
    used[i] = 1;
    n++;
    let cell = byCode.get(g);
    if (cell === undefined) byCode.set(g, (cell = { n: 0, weight: 0, sum: 0 }));
    cell.n++;
    cell.weight += w[i] as number;
    cell.sum += (w[i] as number) * y;
  }
  // Groups with a positive weight, lowest code first (svyglm drops a level without weight as aliased).
  const codes = [...byCode.keys()].filter((g) => (byCode.get(g) as { weight: number }).weight > 0).sort((a, b) => a - b);
  const index = new Map(codes.map((g, j) => [g, j]));
  const k = codes.length;
  const means = codes.map((g) => {
    const cell = byCode.get(g) as { weight: number; sum: number };
    return cell.sum / cell.weight;
  });
  // A second pass corrects the means for the rounding of the first.
  const correction = new Float64Array(k);
  for (let i = 0; i < size; i++) {
    if (used[i] === 0) continue;
    const j = index.get(gs[i] as number);
    if (j !== undefined) correction[j]! += (w[i] as number) * ((ys[i] as number) - (means[j] as number));
  }
  codes.forEach((g, j) => {
    means[j] = (means[j] as number) + (correction[j] as number) / (byCode.get(g) as { weight: number }).weight;
  });
  const groupRows = codes.map((g, j) => {
    const cell = byCode.get(g) as { n: number; weight: number };
    return { group: g, n: cell.n, weight: cell.weight, mean: means[j] as number };
  });
  const members = new Uint8Array(size);
  for (let i = 0; i < size; i++) if (used[i] === 1 && (w[i] as number) > 0) members[i] = 1;
  const df1 = Math.max(k - 1, 0);
  const df2 = designDegreesOfFreedom(design, members) + 1 - k;
  const base = { n, nExcluded: size - n, groups: groupRows, df1, df2, method: 'design-wald' as const };
  const undefinedResult = (reason: string): DesignWaldTestResult => ({ ...base, wald: NaN, f: NaN, p: NaN, reason });
  if (k < 2) return undefinedResult(`a test of equal means needs at least 2 groups with answers, got ${k}`);

  // Scores of the contrasts ȳ_j − ȳ_1, j = 2…k.
  const m = k - 1;
  const scores = Array.from({ length: m }, () => new Float64Array(size));
  for (let i = 0; i < size; i++) {
    if (members[i] === 0) continue;
    const j = index.get(gs[i] as number) as number;
    const z = ((w[i] as number) * ((ys[i] as number) - (means[j] as number))) / (groupRows[j] as { weight: number }).weight;
    if (j === 0) for (let c = 0; c < m; c++) (scores[c] as Float64Array)[i] = -z;
    else (scores[j - 1] as Float64Array)[i] = z;
  }
  // The domain's rows (svyglm drops units without a value or a group, subset() the units
  // outside): they decide which strata count for the lonely-PSU rules.
  const V = designCovariance(scores, design, w, used);
  const d = Float64Array.from({ length: m }, (_, c) => (means[c + 1] as number) - (means[0] as number));

  // W = d′V⁻¹d through the Cholesky factor V = LLᵀ: W = |L⁻¹d|².
  const L = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = V[a * m + b] as number;
      for (let c = 0; c < b; c++) sum -= (L[a * m + c] as number) * (L[b * m + c] as number);
      if (a === b) {
        if (!(sum > SINGULAR_TOLERANCE * (V[a * m + a] as number)) || !(sum > 0)) {
          const zero = V.every((v) => v === 0);
          return undefinedResult(
            zero
              ? 'the answers do not vary within any group, so the group means have no design variance'
              : 'the design covariance of the group differences is singular (groups without variance within them, or fewer PSUs than groups); merge groups or test fewer',
          );
        }
        L[a * m + a] = Math.sqrt(sum);
      } else L[a * m + b] = sum / (L[b * m + b] as number);
    }
  }
  let wald = 0;
  const solved = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    let sum = d[a] as number;
    for (let c = 0; c < a; c++) sum -= (L[a * m + c] as number) * (solved[c] as number);
    solved[a] = sum / (L[a * m + a] as number);
    wald += (solved[a] as number) * (solved[a] as number);
  }
  const f = wald / m;
  if (!(df2 >= 1)) {
    return { ...base, wald, f, p: NaN, reason: `the design leaves ${df2} denominator degrees of freedom (PSUs − strata + 1 − groups); the F test needs at least 1` };
  }
  return { ...base, wald, f, p: fCdf(f, m, df2, false) };
}
