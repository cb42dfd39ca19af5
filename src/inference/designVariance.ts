/**
 * Design-based variance by Taylor linearisation, as R's `survey` package computes it
 * (`svyrecvar`, `onestage`, `onestrat`). Internal module: the describe functions and the
 * weighted tests build their influence scores and call {@link designCovariance}.
 */

/** The sampling design of n units; arrays have one entry per unit (respondent). */
export interface DesignInfo {
  readonly n: number;
  /** Stratum index per unit (0..H-1), or null for one stratum. */
  readonly strata: Int32Array | null;
  /** Cluster (PSU) index per unit, unique across strata, or null when each unit is its own PSU. */
  readonly cluster: Int32Array | null;
  /** Per unit: the population size N_h of its stratum (in PSUs) — or null for no fpc. */
  readonly fpc: Float64Array | null;
  /** Calibration: a list of post-stratification partitions (group index per unit) applied in order, as survey::svyrecvar's postStrata; empty when none. */
  readonly postStrata: readonly Int32Array[];
  /**
   * True when `postStrata` are the margins of one raking (R's `rake`, class "raking" in
   * `svyrecvar`): the residuals are then taken by ten sweeps over the margins with unweighted
   * group means of z/w, as R does. Absent or false: each partition is one `postStratify`.
   */
  readonly raking?: boolean;
  /**
   * A raking stopped before it converged: per margin (as `postStrata`), the weights that margin
   * left in the last cycle, with which R's `svyrecvar` takes that margin's residuals. Absent:
   * the final weights for every margin (a converged raking, where they agree).
   */
  readonly marginWeights?: readonly Float64Array[];
}

/** Sweeps over the margins of a raking when taking calibration residuals (R's fixed 10). */
const RAKING_SWEEPS = 10;

/**
 * k×k design covariance (row-major Float64Array) of the totals Σ_i z_ij, where `scores[j][i]`
 * = weight_i × influence value of unit i for estimate j (units outside a subset have 0).
 *
 * Calibration first (R's `svyrecvar` with `postStrata`): for a post-stratification with groups g
 * and weights w after it, z_i ← z_i − w_i · Σ_{g} z / Σ_{g} w (the residual of the weighted group
 * mean); for a raking, ten sweeps over its margins of z_i ← z_i − w_i · mean_{g}(z/w)
 * (unweighted group mean of z/w, as R's `ave`), w the margin's own weights of the last cycle
 * where given (`marginWeights`, an unconverged raking), else the final weights. Then, per stratum h with n_h PSUs (counted over the whole
 * design), PSU totals t_c = Σ_{i∈c} z_i, their mean t̄_h and
 *
 *   V = Σ_h (1 − f_h) · n_h/(n_h − 1) · Σ_{c∈h} (t_c − t̄_h)(t_c − t̄_h)ᵀ,
 *
 * with f_h = n_h/N_h under a finite population correction (0 without one, or when N_h = ∞). A
 * stratum whose f_h is 1 (a census) adds nothing.
 *
 * @param scores - k arrays of n scores each
 * @param design - the design (strata, clusters, fpc, calibration)
 * @param weights - the final weights w_i, used by the calibration residuals
 * @returns the k×k covariance, row-major; NaN for a design of a single PSU without strata
 * @throws RangeError when an array's length is not n, a cluster appears in two strata, or one of
 *   several strata has a single PSU (R's default `options(survey.lonely.psu = "fail")`)
 * @see R: `survey:::svyrecvar(x, clusters, strata, fpc, postStrata)`; Wolter (2007), Introduction
 *   to Variance Estimation, ch. 6.
 */
export function designCovariance(scores: readonly Float64Array[], design: DesignInfo, weights: Float64Array): Float64Array {
  const fn = 'designCovariance';
  const { n, strata, cluster, fpc, postStrata } = design;
  const k = scores.length;
  for (const [name, a] of [['weights', weights], ['strata', strata], ['cluster', cluster], ['fpc', fpc], ...postStrata.map((p, j) => [`postStrata[${j}]`, p] as const), ...scores.map((s, j) => [`scores[${j}]`, s] as const)] as const) {
    if (a !== null && a.length !== n) throw new RangeError(`${fn}: ${name} has ${a.length} entries, the design ${n} units; give one per unit`);
  }
  const z = scores.map((s) => Float64Array.from(s));

  // Calibration residuals, in the order the calibrations were applied.
  const sweeps = design.raking === true ? RAKING_SWEEPS : 1;
  const marginWeights = design.raking === true ? design.marginWeights : undefined;
  if (marginWeights !== undefined && (marginWeights.length !== postStrata.length || marginWeights.some((w) => w.length !== n))) {
    throw new RangeError(`${fn}: marginWeights must have one array of ${n} weights per margin (${postStrata.length})`);
  }
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (const [margin, groups] of postStrata.entries()) {
      const own = marginWeights?.[margin] ?? weights;
      let G = 0;
      for (let i = 0; i < n; i++) G = Math.max(G, (groups[i] as number) + 1);
      for (const zj of z) {
        const num = new Float64Array(G);
        const den = new Float64Array(G);
        for (let i = 0; i < n; i++) {
          const g = groups[i] as number;
          const w = own[i] as number;
          if (design.raking === true) {
            // ave(z/w): unweighted mean over the group's units (a zero weight adds 0/… skipped).
            if (w !== 0) num[g]! += (zj[i] as number) / w;
            den[g]! += 1;
          } else {
            num[g]! += zj[i] as number;
            den[g]! += w;
          }
        }
        for (let i = 0; i < n; i++) {
          const g = groups[i] as number;
          if (den[g] !== 0) zj[i]! -= (own[i] as number) * ((num[g] as number) / (den[g] as number));
        }
      }
    }
  }

  // PSUs: index per unit, their stratum, and per stratum the count n_h.
  let H = 1;
  if (strata !== null) for (let i = 0; i < n; i++) H = Math.max(H, (strata[i] as number) + 1);
  let C = n;
  if (cluster !== null) {
    C = 0;
    for (let i = 0; i < n; i++) C = Math.max(C, (cluster[i] as number) + 1);
  }
  const psuStratum = new Int32Array(C).fill(-1);
  const nPsu = new Float64Array(H);
  const popSize = new Float64Array(H).fill(Infinity);
  const totals = new Float64Array(C * k);
  for (let i = 0; i < n; i++) {
    const c = cluster === null ? i : (cluster[i] as number);
    const h = strata === null ? 0 : (strata[i] as number);
    if (psuStratum[c] === -1) {
      psuStratum[c] = h;
      nPsu[h]! += 1;
    } else if (psuStratum[c] !== h) {
      throw new RangeError(`${fn}: cluster ${c} has units in strata ${psuStratum[c]} and ${h}; a cluster must lie within one stratum`);
    }
    if (fpc !== null) popSize[h] = fpc[i] as number;
    for (let j = 0; j < k; j++) totals[c * k + j]! += z[j]![i] as number;
  }

  // Per stratum: centre the PSU totals on their mean and scale by (1 − f_h) n_h/(n_h − 1).
  const means = new Float64Array(H * k);
  for (let c = 0; c < C; c++) {
    const h = psuStratum[c] as number;
    if (h < 0) continue;
    for (let j = 0; j < k; j++) means[h * k + j]! += (totals[c * k + j] as number) / (nPsu[h] as number);
  }
  const scale = new Float64Array(H);
  for (let h = 0; h < H; h++) {
    const m = nPsu[h] as number;
    if (m === 0) continue;
    const f = popSize[h] === Infinity ? 1 : ((popSize[h] as number) - m) / (popSize[h] as number);
    // R's onestrat: a stratum sampled in full adds nothing, checked before the lonely PSU.
    if (f < 1e-7) continue;
    // One unit and no strata: nothing to estimate a variance from (NaN, not an error).
    if (m === 1 && strata === null) scale[h] = NaN;
    else if (m === 1) {
      throw new RangeError(`${fn}: stratum ${h} has only one PSU, so its variance cannot be estimated (R: "Stratum (${h}) has only one PSU at stage 1"); merge it with another stratum`);
    }
    else scale[h] = (f * m) / (m - 1);
  }
  const V = new Float64Array(k * k);
  const d = new Float64Array(k);
  for (let c = 0; c < C; c++) {
    const h = psuStratum[c] as number;
    if (h < 0 || scale[h] === 0) continue;
    for (let j = 0; j < k; j++) d[j] = (totals[c * k + j] as number) - (means[h * k + j] as number);
    for (let a = 0; a < k; a++) {
      for (let b = a; b < k; b++) V[a * k + b]! += (scale[h] as number) * (d[a] as number) * (d[b] as number);
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) V[a * k + b] = V[b * k + a] as number;
  return V;
}

/**
 * The design's residual degrees of freedom as `survey::degf`: (number of PSUs) − (number of
 * strata), counting only units in `members` when given (R counts the units of nonzero weight,
 * so a subset's degrees of freedom are those of the PSUs and strata it touches).
 *
 * @param design - the design
 * @param members - optional, one per unit: nonzero for the units that count
 * @returns the degrees of freedom (n − 1 for a simple random sample of n)
 * @see R: `survey::degf(design)`
 */
export function designDegreesOfFreedom(design: DesignInfo, members?: ArrayLike<number | boolean>): number {
  const psus = new Set<number>();
  const strata = new Set<number>();
  for (let i = 0; i < design.n; i++) {
    if (members !== undefined && !members[i]) continue;
    psus.add(design.cluster === null ? i : (design.cluster[i] as number));
    strata.add(design.strata === null ? 0 : (design.strata[i] as number));
  }
  return psus.size - strata.size;
}
