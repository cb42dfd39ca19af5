/**
 * PLACEHOLDER until r12-design's src/inference/designVariance.ts is copied here: the interface
 * the design engineer announced, with a minimal one-stage linearisation (strata, clusters, fpc;
 * no calibration) so that weightedPearson and raoScott can be tested. Internal.
 */

/** A survey design as the variance reads it (see r12-design for the real documentation). */
export interface DesignInfo {
  readonly n: number;
  readonly strata: Int32Array | null;
  readonly cluster: Int32Array | null;
  readonly fpc: Float64Array | null;
  readonly postStrata: readonly Int32Array[];
}

/** k×k design covariance (row-major) of the totals Σ_i scores[j][i], as survey::svyrecvar (one stage). */
export function designCovariance(scores: readonly Float64Array[], design: DesignInfo, weights: Float64Array): Float64Array {
  void weights;
  if (design.postStrata.length > 0) throw new RangeError('designCovariance: placeholder without calibration');
  const k = scores.length;
  const n = design.n;
  const out = new Float64Array(k * k);
  const stratumOf = (i: number): number => (design.strata === null ? 0 : (design.strata[i] as number));
  const psuOf = (i: number): number => (design.cluster === null ? i : (design.cluster[i] as number));
  const byStratum = new Map<number, Map<number, Float64Array>>();
  const popOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const h = stratumOf(i);
    let psus = byStratum.get(h);
    if (psus === undefined) byStratum.set(h, (psus = new Map()));
    const c = psuOf(i);
    let total = psus.get(c);
    if (total === undefined) psus.set(c, (total = new Float64Array(k)));
    for (let j = 0; j < k; j++) total[j] = (total[j] as number) + ((scores[j] as Float64Array)[i] as number);
    if (design.fpc !== null) popOf.set(h, design.fpc[i] as number);
  }
  for (const [h, psus] of byStratum) {
    const m = psus.size;
    if (m < 2) continue;
    const f = design.fpc === null ? 1 : ((popOf.get(h) as number) - m) / (popOf.get(h) as number);
    const mean = new Float64Array(k);
    for (const total of psus.values()) for (let j = 0; j < k; j++) mean[j] = (mean[j] as number) + (total[j] as number) / m;
    const scale = (f * m) / (m - 1);
    for (const total of psus.values()) {
      for (let a = 0; a < k; a++) {
        const da = (total[a] as number) - (mean[a] as number);
        for (let b = 0; b < k; b++) out[a * k + b] = (out[a * k + b] as number) + scale * da * ((total[b] as number) - (mean[b] as number));
      }
    }
  }
  return out;
}

/** survey::degf: number of PSUs − number of strata. */
export function designDegreesOfFreedom(design: DesignInfo): number {
  const psus = new Set<number>();
  const strata = new Set<number>();
  for (let i = 0; i < design.n; i++) {
    psus.add(design.cluster === null ? i : (design.cluster[i] as number));
    strata.add(design.strata === null ? 0 : (design.strata[i] as number));
  }
  return psus.size - strata.size;
}
