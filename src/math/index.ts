/**
 * Internal barrel of the special functions in `math/` (not the public package entry).
 *
 * @module
 */

export { logGamma, logBeta, regularizedGammaP, regularizedGammaQ } from './gamma';
export { regularizedBeta, inverseRegularizedBeta } from './beta';
export { normalCdf, normalQuantile } from './normal';
export { studentTCdf, studentTQuantile } from './studentT';
export { chiSquareCdf } from './chiSquare';
export { fCdf } from './fisherF';
