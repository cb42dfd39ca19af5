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
