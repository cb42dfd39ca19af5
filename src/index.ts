/**
 * likertkit: typed, exact analysis of Likert-scale surveys.
 *
 * @packageDocumentation
 */

// scale/
export { defineScale } from './scale/defineScale';
export type { DefineScaleOptions } from './scale/defineScale';
export { normalizeLabel } from './scale/normalizeLabel';
export { scales } from './scale/presets';
export { reverseScale } from './scale/reverseScale';
export type { Scale, ScaleLabel, ScaleLevel } from './scale/types';

// data/
export { likert, safeLikert } from './data/likert';
export type { LikertOptions, LikertResponses, SafeLikertResult } from './data/likert';
export { LikertInputError } from './data/errors';
export type { LikertUnknownValue } from './data/errors';
export { INVALID, MISSING } from './data/types';
export type { ColumnCounts, LikertColumn } from './data/types';

// inference/
export { proportionInterval } from './inference/proportionInterval';
export type {
  ProportionIntervalOptions,
  ProportionIntervalResult,
  ProportionMethod,
} from './inference/proportionInterval';
export { meanInterval } from './inference/meanInterval';
export type { MeanIntervalOptions, MeanIntervalResult, MeanSummary } from './inference/meanInterval';
export { significanceStars } from './inference/significanceStars';
export type { StarScheme, StarThreshold } from './inference/significanceStars';
export { pearson } from './inference/pearson';
export type { PearsonOptions, PearsonResult } from './inference/pearson';
export { chiSquareGoodnessOfFit } from './inference/chiSquareGoodnessOfFit';
export type {
  ChiSquareGoodnessOfFitOptions,
  ChiSquareGoodnessOfFitResult,
} from './inference/chiSquareGoodnessOfFit';
export { oneWayAnova } from './inference/oneWayAnova';
export type { OneWayAnovaGroup, OneWayAnovaOptions, OneWayAnovaResult } from './inference/oneWayAnova';
export { compareProportions } from './inference/compareProportions';
export type { CompareProportionsOptions, CompareProportionsResult } from './inference/compareProportions';

// describe/
export { frequencies } from './describe/frequencies';
export type { FrequenciesResult, FrequencyRow } from './describe/frequencies';
export { agreementShare, disagreementShare } from './describe/agreementShare';
export type { AgreementShareOptions, AgreementShareResult } from './describe/agreementShare';
export { codedMean } from './describe/codedMean';
export type { CodedMeanOptions, CodedMeanResult } from './describe/codedMean';

// report/
export { largestRemainder, roundHalfUp, roundPercent } from './report/rounding';
export type { LargestRemainderOptions } from './report/rounding';
