import type { DesignInfo } from '../../src/inference/designVariance';

/** A design as the R generators write it (scripts/fixtures/design-common.R): null (read as NaN) for absent parts. */
export interface DesignJson {
  strata: number[] | number;
  cluster: number[] | number;
  fpc: number[] | number;
  /** Calibration partitions (0-based group per unit), [] when none. */
  postStrata: number[][];
  /** Whether postStrata are the margins of one rake(). */
  raking: boolean;
}

/** The fixture's design of n units. */
export function designOf(json: DesignJson, n: number): DesignInfo {
  const ints = (v: number[] | number): Int32Array | null => (Array.isArray(v) ? Int32Array.from(v) : null);
  return {
    n,
    strata: ints(json.strata),
    cluster: ints(json.cluster),
    fpc: Array.isArray(json.fpc) ? Float64Array.from(json.fpc) : null,
    postStrata: json.postStrata.map((groups) => Int32Array.from(groups)),
    ...(json.raking ? { raking: true } : {}),
  };
}

/** The design kinds the generators draw. */
export const designKinds = ['weights', 'strata', 'strata-fpc', 'clusters', 'strata-clusters', 'strata-clusters-fpc', 'poststrat', 'clusters-poststrat', 'raked'];

/** A respondent of a designed survey as the describe generators write it (design-variance.R, design-groups.R). */
export interface DesignedRow {
  id: string;
  /** The item's label, '' for a blank. */
  q: string;
  stratum: string;
  psu: string;
  /** The stratum's population size in PSUs; NaN (null in the file) without an fpc. */
  fpc: number;
  w: number;
  /** Calibration variables: g1 (post-stratification and raking), g2 (raking). */
  g1: string;
  g2: string;
  /** '1' for the respondents of subset(design, sub == 1). */
  sub: string;
}
