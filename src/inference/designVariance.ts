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
  /**
   * What a stratum with a single PSU adds, as R's `options(survey.lonely.psu)`: `'fail'`
   * (default) throws; `'remove'` and `'certainty'` add nothing; `'adjust'` centres its PSU total
   * on the grand mean of the PSU totals; `'average'` gives it the mean contribution of the other
   * strata, as `designCovariance` computes it.
   */
  readonly lonelyPsu?: LonelyPsu;
  /**
   * As R's `options(survey.adjust.domain.lonely = TRUE)`: a stratum with several PSUs of which
   * the domain touches one is treated by `lonelyPsu` too (`'adjust'` and `'average'` only, as R).
   * Absent or false: such a stratum is an ordinary one (its other PSUs total 0).
   */
  readonly adjustDomainLonely?: boolean;
}

/** The treatments of a stratum with a single PSU, as R's `options(survey.lonely.psu)`. */
export type LonelyPsu = 'fail' | 'remove' | 'adjust' | 'average' | 'certainty';

/** The values of {@link LonelyPsu}, in R's order of documentation. */
export const LONELY_PSU: readonly LonelyPsu[] = ['fail', 'remove', 'adjust', 'average', 'certainty'];

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
 * A lonely stratum (n_h = 1 and N_h > 1) is treated by `design.lonelyPsu`, as R's
 * `options(survey.lonely.psu)`: `'fail'` throws; `'remove'` and `'certainty'` add 0 for it;
 * `'adjust'` adds (1 − f_h)(t_c − ḡ)(t_c − ḡ)ᵀ, ḡ = Σ_c t_c / Σ_h n_h the grand mean of the PSU
 * totals over the strata in the rows; `'average'` leaves it out and multiplies V by H/(H − L),
 * H the strata in the rows and L the lonely ones among them (NaN when all are lonely). With
 * `design.adjustDomainLonely`, a stratum of n_h ≥ 2 PSUs whose rows hold one PSU is lonely too
 * for `'adjust'` (centred on ḡ, scaled by (1 − f_h) n_h/(n_h − 1), the absent PSUs totalling 0)
 * and `'average'`.
 *
 * `domain` marks the units of the estimate's domain (its rows: in a subset, with a value). R
 * keeps only those when it cuts a design without calibration to the domain (so a stratum
 * without them is not counted in H, Σ_h n_h, nor checked for a lonely PSU, and a PSU without
 * them is absent), and keeps every unit of a calibrated design, whose units outside keep weight
 * 0: `domain` is not used then. Without `domain`, every unit is kept.
 *
 * @param scores - k arrays of n scores each
 * @param design - the design (strata, clusters, fpc, calibration, lonely PSUs)
 * @param weights - the final weights w_i, used by the calibration residuals
 * @param domain - optional, one per unit: nonzero for the units of the domain's rows
 * @returns the k×k covariance, row-major; NaN for a design of a single PSU without strata under
 *   `'fail'`
 * @throws RangeError when an array's length is not n, a cluster appears in two strata, or a
 *   stratum of the rows has a single PSU under `lonelyPsu: 'fail'` (R's default
 *   `options(survey.lonely.psu = "fail")`)
 * @example
 * ```ts
 * // Strata 0, 0, 1 (stratum 1 is lonely), z = 1, 3, 4: stratum 0 adds 2·2 = 4; with 'adjust'
 * // stratum 1 adds (4 − 8/3)² = 16/9; with 'average' V = 4 · 2/1.
 * const design = { n: 3, strata: Int32Array.from([0, 0, 1]), cluster: null, fpc: null, postStrata: [] };
 * const z = [Float64Array.from([1, 3, 4])];
 * designCovariance(z, { ...design, lonelyPsu: 'adjust' }, new Float64Array(3).fill(1)); // Float64Array [5.777777777777779]
 * designCovariance(z, { ...design, lonelyPsu: 'average' }, new Float64Array(3).fill(1)); // Float64Array [8]
 * ```
 * @see R: `survey:::svyrecvar(x, clusters, strata, fpc, postStrata)` (`onestage`, `onestrat`;
 *   survey ≥ 4.4 for the grand mean of `'adjust'`, earlier versions centre on 0); Wolter (2007),
 *   Introduction to Variance Estimation, ch. 6.
 */
export function designCovariance(scores: readonly Float64Array[], design: DesignInfo, weights: Float64Array, domain?: ArrayLike<number | boolean>): Float64Array {
  const fn = 'designCovariance';
  const { n, strata, cluster, fpc, postStrata } = design;
  // The rows R keeps: the domain's, or every unit of a calibrated design.
  const rows = postStrata.length > 0 ? undefined : domain;
  const lonely = design.lonelyPsu ?? 'fail';
  if (!LONELY_PSU.includes(lonely)) {
    throw new RangeError(`${fn}: lonelyPsu must be one of ${LONELY_PSU.map((m) => `'${m}'`).join(', ')}, got ${JSON.stringify(lonely)}`);
  }
  const k = scores.length;
  for (const [name, a] of [['weights', weights], ['strata', strata], ['cluster', cluster], ['fpc', fpc], ['rows', rows ?? null], ...postStrata.map((p, j) => [`postStrata[${j}]`, p] as const), ...scores.map((s, j) => [`scores[${j}]`, s] as const)] as const) {
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

  // PSUs: index per unit, their stratum, and per stratum the count n_h; which PSUs hold rows.
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
  const psuInRows = new Uint8Array(C);
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
    if (rows === undefined || rows[i]) psuInRows[c] = 1;
    for (let j = 0; j < k; j++) totals[c * k + j]! += z[j]![i] as number;
  }
  // Per stratum: the PSUs holding rows (0: the stratum is not in the domain's rows).
  const psusInRows = new Float64Array(H);
  for (let c = 0; c < C; c++) if (psuInRows[c] === 1) psusInRows[psuStratum[c] as number]! += 1;

  // Per stratum: the mean of the PSU totals.
  const means = new Float64Array(H * k);
  for (let c = 0; c < C; c++) {
    const h = psuStratum[c] as number;
    if (h < 0) continue;
    for (let j = 0; j < k; j++) means[h * k + j]! += (totals[c * k + j] as number) / (nPsu[h] as number);
  }

  // Per stratum its scale (1 − f_h) n_h/(n_h − 1), and whether it is lonely (centred on ḡ under 'adjust').
  const scale = new Float64Array(H);
  const onGrandMean = new Uint8Array(H);
  let strataInRows = 0;
  let lonelyLeftOut = 0;
  let psusOfStrata = 0;
  for (let h = 0; h < H; h++) {
    const m = nPsu[h] as number;
    if (psusInRows[h] === 0) continue;
    strataInRows++;
    psusOfStrata += m;
    const N = popSize[h] as number;
    const f = N === Infinity ? 1 : (N - m) / N;
    if (m < 2 && N > 1) {
      // A lonely PSU (R's onestrat: a stratum sampled in full, N_h = 1, is no lonely one).
      if (lonely === 'fail') {
        // One unit and no strata: nothing to estimate a variance from (NaN, not an error).
        if (strata === null) scale[h] = NaN;
        else {
          throw new RangeError(
            `${fn}: stratum ${h} has only one PSU, so its variance cannot be estimated (R: "Stratum (${h}) has only one PSU at stage 1"); merge it with another stratum, or say how to treat it with design.lonelyPsu: 'remove', 'adjust', 'average' or 'certainty' (R's options(survey.lonely.psu))`,
          );
        }
      } else if (lonely === 'adjust') {
        scale[h] = f;
        onGrandMean[h] = 1;
      } else if (lonely === 'average') lonelyLeftOut++;
      continue;
    }
    if (design.adjustDomainLonely === true && m >= 2 && psusInRows[h] === 1 && (lonely === 'adjust' || lonely === 'average')) {
      // Lonely in the domain only; as R's default (C++) code, a census stratum counts here too.
      if (lonely === 'average') {
        lonelyLeftOut++;
        continue;
      }
      onGrandMean[h] = 1;
    }
    // R's onestrat: a stratum sampled in full adds nothing.
    if (f < 1e-7) continue;
    scale[h] = (f * m) / (m - 1);
  }
  // ḡ: the grand mean of the PSU totals over the strata of the rows.
  const grand = new Float64Array(k);
  for (let c = 0; c < C; c++) {
    const h = psuStratum[c] as number;
    if (h < 0 || psusInRows[h] === 0) continue;
    for (let j = 0; j < k; j++) grand[j]! += (totals[c * k + j] as number) / psusOfStrata;
  }

  const V = new Float64Array(k * k);
  const d = new Float64Array(k);
  for (let c = 0; c < C; c++) {
    const h = psuStratum[c] as number;
    if (h < 0 || scale[h] === 0) continue;
    const centre = onGrandMean[h] === 1 ? grand : means.subarray(h * k, h * k + k);
    for (let j = 0; j < k; j++) d[j] = (totals[c * k + j] as number) - (centre[j] as number);
    for (let a = 0; a < k; a++) {
      for (let b = a; b < k; b++) V[a * k + b]! += (scale[h] as number) * (d[a] as number) * (d[b] as number);
    }
  }
  // 'average': each lonely stratum is given the mean contribution of the others.
  const average = lonelyLeftOut === 0 ? 1 : strataInRows === lonelyLeftOut ? NaN : strataInRows / (strataInRows - lonelyLeftOut);
  for (let a = 0; a < k; a++) for (let b = a; b < k; b++) V[a * k + b]! *= average;
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
