/**
 * likertkit/reliability: reliability of multi-item scales (Cronbach's alpha and McDonald's
 * omega, as R's psych) and the scale index as a new numeric attribute of a survey.
 *
 * @packageDocumentation
 */

export { cronbachAlpha } from '../inference/reliability';
export type {
  AlphaDrop,
  AlphaInterval,
  AlphaItemStatistics,
  AlphaStatistics,
  CronbachAlphaOptions,
  CronbachAlphaResult,
} from '../inference/reliability';
export { mcdonaldOmega } from '../inference/omega';
export type { McdonaldOmegaOptions, McdonaldOmegaResult } from '../inference/omega';
export { reliability } from '../describe/reliability';
export type { ReliabilityOptions, ReliabilityResult } from '../describe/reliability';
export { scaleIndex } from '../describe/scaleIndex';
export type { ScaleIndexOptions, ScaleIndexResult } from '../describe/scaleIndex';
export { polychoric, polychoricMatrix } from '../inference/polychoric';
export type { PolychoricMatrixOptions, PolychoricMatrixResult, PolychoricOptions, PolychoricResult } from '../inference/polychoric';
