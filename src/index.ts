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
export { safeSurvey, survey, SurveyInputError } from './data/survey';
export type {
  AttributeDefinition,
  DuplicateId,
  SafeSurveyResult,
  Survey,
  SurveyDefinition,
  SurveyDesignDefinition,
  SurveyIssue,
  SurveyItem,
  SurveyItemDefinition,
  SurveyMultiSelect,
  SurveyMultiSelectColumns,
  SurveyMultiSelectDefinition,
  SurveyMultiSelectSeparated,
  SurveyWeights,
} from './data/survey';
export type { CollapseOptions, CombinationsOptions, RecodeOptions, UnmappedPolicy } from './data/derive';
export type { ArrowLikeTable } from './data/source';
export { isMissingValue } from './data/missing';
export { categoryKey } from './data/keys';
export { decodeText, DecodeInputError } from './data/decode';
export type { DecodeIssue, DecodeIssueKind, DecodeTextOptions, DecodeTextResult } from './data/decode';
export { readFrame } from './data/frame';
export type { FrameColumn, FrameColumnKind, ReadFrameOptions, ReadFrameResult } from './data/frame';
export type { DecimalMark, ThousandsMark } from './data/number';
export { medianSplit, sizeGroups } from './data/sizeGroups';
export type {
  GroupByBreaks,
  GroupByMedian,
  MedianSplitOptions,
  SizeGrouping,
  SizeGroupsOptions,
  SizeGroupsResult,
} from './data/sizeGroups';

// inference/
export { proportionInterval } from './inference/proportionInterval';
export type {
  ProportionIntervalOptions,
  ProportionIntervalResult,
  ProportionMethod,
} from './inference/proportionInterval';
export { meanInterval } from './inference/meanInterval';
export type { MeanIntervalOptions, MeanIntervalResult, MeanSummary } from './inference/meanInterval';
export { welchTTest } from './inference/welchTest';
export { surveyProportionInterval } from './inference/surveyProportion';
export type { SurveyProportionIntervalOptions, SurveyProportionIntervalResult, SurveyProportionMethod } from './inference/surveyProportion';
export type { WelchTTestOptions, WelchTTestResult } from './inference/welchTest';
export { oneSampleTTest } from './inference/oneSampleTest';
export type { OneSampleTTestOptions, OneSampleTTestResult } from './inference/oneSampleTest';
export { significanceStars } from './inference/significanceStars';
export type { StarScheme, StarThreshold } from './inference/significanceStars';
export type { NumericInput } from './inference/internal';
export { pearson } from './inference/pearson';
export type { PearsonOptions, PearsonResult, PublishedCorrelation } from './inference/pearson';
export { chiSquareGoodnessOfFit } from './inference/chiSquareGoodnessOfFit';
export type {
  ChiSquareGoodnessOfFitOptions,
  ChiSquareGoodnessOfFitResult,
} from './inference/chiSquareGoodnessOfFit';
export { oneWayAnova, oneWayAnovaOfCounts } from './inference/oneWayAnova';
export type { OneWayAnovaGroup, OneWayAnovaOptions, OneWayAnovaResult } from './inference/oneWayAnova';
export { compareProportions } from './inference/compareProportions';
export type { CompareProportionsOptions, CompareProportionsResult } from './inference/compareProportions';
export { spearman } from './inference/spearman';
export type { SpearmanOptions, SpearmanResult } from './inference/spearman';
export { adjustPValues } from './inference/adjustPValues';
export type { AdjustPValuesMethod, AdjustPValuesResult } from './inference/adjustPValues';
export { chiSquareIndependence } from './inference/chiSquareIndependence';
export type {
  ChiSquareIndependenceOptions,
  ChiSquareIndependenceResult,
} from './inference/chiSquareIndependence';
export { weightedPearson } from './inference/weightedPearson';
export type { WeightedPearsonOptions, WeightedPearsonResult } from './inference/weightedPearson';
export { raoScottTest } from './inference/raoScott';
export type { RaoScottTestOptions, RaoScottTestResult } from './inference/raoScott';
export { designWaldTest } from './inference/designWaldTest';
export type { DesignWaldTestGroup, DesignWaldTestOptions, DesignWaldTestResult } from './inference/designWaldTest';
export type { DesignInfo, LonelyPsu } from './inference/designVariance';

// describe/
export { frequencies } from './describe/frequencies';
export type { FrequenciesOptions, FrequenciesResult, FrequencyRow } from './describe/frequencies';
export { agreementShare, disagreementShare } from './describe/agreementShare';
export type { AgreementShareOptions, AgreementShareResult } from './describe/agreementShare';
export { codedMean } from './describe/codedMean';
export type { CodedMeanOptions, CodedMeanResult } from './describe/codedMean';
export { correlate } from './describe/correlate';
export type { CorrelateOptions, CorrelateResult, CorrelationMatrix, CorrelationRow } from './describe/correlate';
export { compareGroups } from './describe/compareGroups';
export type {
  CompareGroupsOptions,
  CompareGroupsResult,
  CompareGroupsRow,
  GroupAgreementTest,
  GroupBy,
  GroupMean,
  GroupMeansTest,
  GroupShare,
  PearsonAgreementTest,
  RaoScottAgreementTest,
} from './describe/compareGroups';
export { compareWaves } from './describe/compareWaves';
export type { CompareWavesOptions, CompareWavesResult, CompareWavesRow, WaveSummary } from './describe/compareWaves';
export type { PublishedWave, PublishedWaveComparison, PublishedWaveItem } from './describe/publishedWave';
export { rankItems } from './describe/rankItems';
export type { RankedItem, RankItemsOptions, RankItemsResult, TopicCount } from './describe/rankItems';
export { multiSelect, MultiSelectInputError } from './describe/multiSelect';
export type {
  MultiSelectBadValue,
  MultiSelectBlank,
  MultiSelectCellCounts,
  MultiSelectCellValue,
  MultiSelectCodingOptions,
  MultiSelectColumns,
  MultiSelectCombination,
  MultiSelectInput,
  MultiSelectOptionRow,
  MultiSelectOptions,
  MultiSelectPerRespondentRow,
  MultiSelectResult,
  MultiSelectSeparated,
} from './describe/multiSelect';
export { multiSelectTable } from './describe/multiSelectTable';
export type {
  MultiSelectTableAverage,
  MultiSelectTableOptions,
  MultiSelectTableResult,
} from './describe/multiSelectTable';
export { mergeInformants } from './describe/mergeInformants';
export type {
  InformantId,
  InformantSource,
  MergeInformantsOptions,
  MergeInformantsResult,
} from './describe/mergeInformants';

// representativeness/
export { defineTargets, targetsFromFrame } from './representativeness/populationTargets';
export type {
  CategoricalTarget,
  DefineTargetsOptions,
  DefineTargetsResult,
  NumericTarget,
  PopulationTargets,
  TargetInput,
  TargetsFromFrameOptions,
  TargetsFromFrameResult,
  VariableKind,
  VariableSpec,
  VariableTarget,
} from './representativeness/populationTargets';
export { representativeness } from './representativeness/representativeness';
export type {
  RepresentativenessOptions,
  RepresentativenessResult,
  RepresentativenessRow,
  RepresentativenessSample,
  RepresentativenessTest,
  RepresentativenessVariable,
} from './representativeness/representativeness';
export { responseRates } from './representativeness/responseRates';
export type {
  ResponseRateCounts,
  ResponseRateGroup,
  ResponseRateGrouping,
  ResponseRatesOptions,
  ResponseRatesResult,
} from './representativeness/responseRates';
export { postStratify } from './representativeness/postStratify';
export type { PostStratifyOptions, PostStratifyResult } from './representativeness/postStratify';
export { rake } from './representativeness/rake';
export type { RakeOptions, RakeResult } from './representativeness/rake';
export { weightDiagnostics } from './representativeness/weightDiagnostics';
export type {
  WeightDiagnosticsResult,
  WeightingMargin,
  WeightingResult,
} from './representativeness/weightDiagnostics';
export type { CategoricalShares, WeightingSample, WeightingTargets } from './representativeness/weightsInput';

// report/
export { largestRemainder, roundHalfUp, roundPercent } from './report/rounding';
export type { LargestRemainderOptions } from './report/rounding';
export type { ColumnFormat, ReportColumn, ReportTable, ReportValue } from './report/table';
export {
  columnAlign,
  formatCell,
  formatCorrelation,
  formatNumber,
  formatP,
  formatPercent,
} from './report/format';
export type {
  FormatCellOptions,
  FormatCorrelationOptions,
  FormatNumberOptions,
  FormatPercentOptions,
  FormatPOptions,
  Lang,
  PercentStyle,
  PStyle,
  RenderableReport,
  RenderNumberOptions,
  RenderOptions,
} from './report/format';
export { scaleLabels, translateLabel } from './report/labels';
export { verbalFraction } from './report/verbalFraction';
export type { VerbalFractionOptions } from './report/verbalFraction';
export { toMarkdown } from './report/markdown';
export type { ToMarkdownOptions } from './report/markdown';
export { toHtml } from './report/html';
export type { ToHtmlOptions } from './report/html';
export { displayTable } from './report/display';
export type { DisplayRow, DisplayTableOptions, JupyterMimeBundle, TableDisplay } from './report/display';
export { report } from './report/report';
export type {
  ReportContentsEntry,
  ReportCounts,
  ReportItemSelector,
  ReportMultiSelect,
  ReportOptions,
  ReportPairs,
  ReportRepresentativeness,
  ReportResult,
  ReportSection,
} from './report/report';
export { auditSuppression, suppressSmallCells } from './inference/suppressSmallCells';
export type {
  AuditSuppressionOptions,
  AuditSuppressionResult,
  CountTable,
  SuppressedCell,
  SuppressionStatus,
  SuppressSmallCellsOptions,
  SuppressSmallCellsResult,
} from './inference/suppressSmallCells';

// Mergeable survey summaries (issue 9).
export { summarize } from './summary/summarize';
export type { SummarizeOptions, SummarizeResult } from './summary/summarize';
export { mergeSummaries } from './summary/mergeSummaries';
export type { MergeSummariesResult } from './summary/mergeSummaries';
export type {
  AttributeSummary,
  BySummary,
  GroupSummary,
  ItemSummary,
  PairSummary,
  SummaryItemWeights,
  SummaryScale,
  SummarySum,
  SurveySummary,
} from './summary/types';
