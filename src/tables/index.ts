/**
 * likertkit/tables: crosstabs of nominal and ordinal variables, Fisher's exact test, and tests
 * on published figures (rounded percentages and N). Its own entry point so that none of it
 * weighs on the core bundle.
 *
 * @packageDocumentation
 */

export { fisherExact } from '../inference/fisherExact';
export type { FisherAlternative, FisherExactOptions, FisherExactResult } from '../inference/fisherExact';
export { crosstab } from '../describe/crosstab';
export type { CrosstabLevel, CrosstabOptions, CrosstabResult } from '../describe/crosstab';
export { comparePublishedProportions, publishedProportion } from '../inference/published';
export type {
  ComparePublishedProportionsOptions,
  ComparePublishedProportionsResult,
  PublishedPercent,
  PublishedProportionOptions,
  PublishedProportionResult,
} from '../inference/published';
export { crosstabTable } from '../report/crosstabTable';
export type { CrosstabTableOptions } from '../report/crosstabTable';
