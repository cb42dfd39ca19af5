/**
 * Weighted means of per-cell values over a domain with their design-based (linearisation)
 * variance, as R's `svymean(~y, design, na.rm = TRUE, deff = TRUE)`. The shares, coded means,
 * frequencies and group comparisons read their standard errors here. Internal.
 */
import { columnDesign, type ColumnDesign } from '../data/design';
import { designCovariance, designDegreesOfFreedom } from '../inference/designVariance';
import { checkPopulationSize } from '../internal/validate';
import type { QuasiBinomialFit } from '../inference/profileInterval';

/** A linearised estimate. Internal. */
export interface DesignEstimate {
  /** Σ_D w·y / Σ_D w over the domain D (cells whose value is not NaN). */
  readonly estimate: number;
  /** √V, V the design variance of the estimate; NaN when the domain's weights sum to 0. */
  readonly se: number;
  /** `degf` of the design cut to the domain (PSUs − strata among its units of nonzero weight). */
  readonly df: number;
  /** R's design effect: V over the variance of a simple random sample without replacement of the same size. */
  readonly deff: number;
  /** `nrow(design)` of the design cut to the domain, as `svyciprop(method = 'beta')` reads it. */
  readonly rows: number;
}

/**
 * The design of a column: its survey's (strata, clusters, fpc, calibration, and every unit of
 * the design, also outside a filter), or, for weights given otherwise, weights only over the
 * column's cells. `populationSize` adds a finite population correction to a design without one.
 */
export function designOf(fn: string, column: unknown, weights: Float64Array, ownWeights: boolean, populationSize: number | undefined): ColumnDesign {
  const found = ownWeights ? columnDesign(column) : undefined;
  const design: ColumnDesign = found ?? {
    info: { n: weights.length, strata: null, cluster: null, fpc: null, postStrata: [] },
    weights,
    unit: null,
  };
  if (populationSize === undefined) return design;
  if (design.info.fpc !== null) {
    throw new RangeError(`${fn}: the survey's design has its own fpc; leave out populationSize`);
  }
  if (design.info.strata !== null || design.info.cluster !== null) {
    throw new RangeError(`${fn}: populationSize applies to a design without strata or clusters; give the design an fpc column instead`);
  }
  checkPopulationSize(fn, populationSize, design.info.n);
  return { ...design, info: { ...design.info, fpc: new Float64Array(design.info.n).fill(populationSize) } };
}

/**
 * The linearised weighted mean of `values` (one per cell of the column; NaN: outside the
 * domain). With W = Σ_D w and ȳ the estimate, unit i's score is w_i (y_i − ȳ)/W in D and 0
 * elsewhere; V = designCovariance(scores). The design effect divides V by
 * s² (1/m − 1/W), s² = m/(m − 1) Σ_D w (y − ȳ)²/W over the m units of nonzero weight (R's
 * `deff = TRUE`, which needs weights on the population scale: with Σw = m it is infinite).
 */
export function designMean(values: Float64Array, cellWeights: Float64Array, design: ColumnDesign): DesignEstimate {
  const { info, unit } = design;
  let total = 0;
  let sum = 0;
  let rows = 0;
  for (let i = 0; i < values.length; i++) {
    const y = values[i] as number;
    if (Number.isNaN(y)) continue;
    rows++;
    total += cellWeights[i] as number;
    sum += (cellWeights[i] as number) * y;
  }
  const estimate = sum / total;
  const scores = new Float64Array(info.n);
  const members = new Uint8Array(info.n);
  const kept = new Uint8Array(info.n);
  let m = 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const y = values[i] as number;
    const w = cellWeights[i] as number;
    if (Number.isNaN(y)) continue;
    const u = unit === null ? i : (unit[i] as number);
    kept[u] = 1;
    if (w === 0) continue;
    scores[u] = (w * (y - estimate)) / total;
    members[u] = 1;
    m++;
    squares += w * (y - estimate) * (y - estimate);
  }
  const variance = total > 0 ? (designCovariance([scores], info, design.weights, keptRows(info, kept))[0] as number) : NaN;
  const srs = ((m / (m - 1)) * (squares / total) * (total - m)) / (total * m);
  return {
    estimate,
    se: Math.sqrt(variance),
    df: designDegreesOfFreedom(info, members),
    deff: total < m ? NaN : variance / srs,
    // A calibrated design keeps every unit when cut (R sets their weights to 0); otherwise the rows go.
    rows: info.postStrata.length > 0 ? info.n : rows,
  };
}

/**
 * The intercept of R's `svyglm(y ~ 1, design, family = quasibinomial)` and its design-based
 * standard error, fitted as R's `glm.fit` does (IRLS from μ₀ = (w y + ½)/(w + 1), stopping when
 * the deviance changes by less than 1e-8 relatively), with the prior weights w/mean(w) over
 * the design's `rows`. The score of unit i is (y_i − μ)/(μ(1 − μ)) · w̃_i / Σ w̃, w̃ the working
 * weights of the last iteration (R's `svy.varcoef`). `svyciprop(method = 'logit')` takes its
 * interval from these; following R's iterations exactly keeps its bounds to the last digits.
 * The fit also carries what `method = 'likelihood'` profiles: the naive variance 1/Σ w̃, the
 * deviance as a function of the intercept, and the dispersion.
 */
export function designLogit(values: Float64Array, cellWeights: Float64Array, design: ColumnDesign, rows: number): QuasiBinomialFit {
  let total = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) total += cellWeights[i] as number;
  const scale = rows / total;
  const cells: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number) && (cellWeights[i] as number) > 0) cells.push(i);
  const prior = (i: number): number => (cellWeights[i] as number) * scale;
  const deviance = (mu: number): number => {
    let dev = 0;
    for (const i of cells) dev += 2 * prior(i) * ((values[i] as number) === 1 ? Math.log(1 / mu) : Math.log(1 / (1 - mu)));
    return dev;
  };
  // glm.fit's start: per unit μ₀ = (w y + ½)/(w + 1), so η₀ differs by unit.
  const eta0 = new Float64Array(values.length);
  for (const i of cells) {
    const m = (prior(i) * (values[i] as number) + 0.5) / (prior(i) + 1);
    eta0[i] = Math.log(m / (1 - m));
  }
  let devOld = 0;
  for (const i of cells) {
    const mu = 1 / (1 + Math.exp(-(eta0[i] as number)));
    devOld += 2 * prior(i) * ((values[i] as number) === 1 ? Math.log(1 / mu) : Math.log(1 / (1 - mu)));
  }
  let beta = NaN;
  let working = new Float64Array(values.length);
  for (let iteration = 0; iteration < 25; iteration++) {
    let sw = 0;
    let swz = 0;
    working = new Float64Array(values.length);
    for (const i of cells) {
      const eta = iteration === 0 ? (eta0[i] as number) : beta;
      const mu = 1 / (1 + Math.exp(-eta));
      const d = mu * (1 - mu);
      const w = prior(i) * d;
      working[i] = w;
      sw += w;
      swz += w * (eta + ((values[i] as number) - mu) / d);
    }
    beta = swz / sw;
    const dev = deviance(1 / (1 + Math.exp(-beta)));
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-8) break;
    devOld = dev;
  }
  const mu = 1 / (1 + Math.exp(-beta));
  let sw = 0;
  for (const i of cells) sw += working[i] as number;
  const scores = new Float64Array(design.info.n);
  for (const i of cells) {
    const u = design.unit === null ? i : (design.unit[i] as number);
    scores[u] = ((((values[i] as number) - mu) / (mu * (1 - mu))) * (working[i] as number)) / sw;
  }
  // What the profile-likelihood interval needs: the deviance with R's inverse link
  // (exp(η)/(1 + exp(η)), clamped beyond |η| = 30 as R's C code), and the dispersion, R's
  // svyvar of svyglm's Pearson residuals (y − μ)/√(μ(1 − μ)) (survey's residuals.svyglm
  // divides the prior weights by the design's, which are the same here).
  const inverseLink = (eta: number): number => {
    const e = eta < -30 ? Number.EPSILON : eta > 30 ? 1 / Number.EPSILON : Math.exp(eta);
    return e / (1 + e);
  };
  const profileDeviance = (b: number): number => {
    const m = inverseLink(b);
    let dev = 0;
    for (const i of cells) dev += 2 * prior(i) * ((values[i] as number) === 1 ? Math.log(1 / m) : Math.log(1 / (1 - m)));
    return dev;
  };
  const fitted = inverseLink(beta);
  let weightSum = 0;
  let residualMean = 0;
  const pearson = cells.map((i) => ((values[i] as number) - fitted) / Math.sqrt(fitted * (1 - fitted)));
  cells.forEach((i, a) => {
    weightSum += cellWeights[i] as number;
    residualMean += (cellWeights[i] as number) * (pearson[a] as number);
  });
  residualMean /= weightSum;
  const m = cells.length;
  let dispersion = 0;
  cells.forEach((i, a) => {
    const r = (pearson[a] as number) - residualMean;
    dispersion += (cellWeights[i] as number) * ((r * r * m) / (m - 1));
  });
  const kept = new Uint8Array(design.info.n);
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) kept[design.unit === null ? i : (design.unit[i] as number)] = 1;
  return {
    coefficient: beta,
    se: Math.sqrt(designCovariance([scores], design.info, design.weights, keptRows(design.info, kept))[0] as number),
    naiveVariance: 1 / sw,
    rows,
    deviance: profileDeviance,
    dispersion: dispersion / weightSum,
  };
}

/**
 * The rows R keeps when it cuts a design to a domain: the domain's units (`kept`) for a design
 * without calibration, which `subset()` and `na.rm` drop the others from; every unit
 * (undefined) for a calibrated one, whose units outside keep weight 0.
 */
function keptRows(info: ColumnDesign['info'], kept: Uint8Array): Uint8Array | undefined {
  return info.postStrata.length > 0 ? undefined : kept;
}
