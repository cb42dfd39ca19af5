import type { DesignInfo } from '../../src/inference/designVariance';

/** A design as the R generators write it (scripts/fixtures/design-common.R): null for absent parts. */
export interface DesignJson {
  strata: number[] | number;
  cluster: number[] | number;
  fpc: number[] | number;
}

/** The fixture's design (readFixture turns JSON null into NaN). */
export function designOf(json: DesignJson, n: number): DesignInfo {
  const ints = (v: number[] | number): Int32Array | null => (Array.isArray(v) ? Int32Array.from(v) : null);
  return {
    n,
    strata: ints(json.strata),
    cluster: ints(json.cluster),
    fpc: Array.isArray(json.fpc) ? Float64Array.from(json.fpc) : null,
    postStrata: [],
  };
}

