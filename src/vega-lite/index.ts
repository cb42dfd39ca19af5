/**
 * `likertkit/vega-lite`: the figures of the reports as charts. A separate entry point with no
 * dependencies: each builder writes a Vega-Lite v5 specification (plain JSON; render it with
 * `vega-embed`, any Vega-Lite runtime, or to SVG with `likertkit/render`), and the `…Rows`
 * functions give the same layouts as tidy rows for Observable Plot, ECharts or an SVG drawn by
 * hand. The builders take the statistics explicitly: a report table of `report()` or the
 * columns and numbers themselves; every number a chart prints is the number its table prints
 * (shares as whole percents rounded half up, means to the table's decimals).
 *
 * - {@link stackedBars} / {@link stackedBarRows}: 100 % stacked bars of every answer category
 *   (the distribution tables).
 * - {@link divergingBars} / {@link divergingRows}: diverging bars around the neutral point,
 *   non-substantive answers apart.
 * - {@link countBars}: ticks per option of a multi-select question.
 * - {@link meanDots}: two means per focus area (challenge vs need).
 * - {@link groupMeans}: means by region or size group.
 * - {@link meanScatter}: a scatter of two means.
 *
 * It imports only the describe, data, scale and rounding modules of the library.
 *
 * @packageDocumentation
 */
export {
  divergingRows,
  type DivergingInput,
  type DivergingItem,
  type DivergingRow,
  type DivergingRowsOptions,
  type DivergingRowsResult,
  type DivergingSide,
} from './divergingRows';
export {
  divergingBars,
  VEGA_LITE_SCHEMA,
  type ChartLang,
  type DivergingBarsDatum,
  type DivergingBarsOptions,
  type DivergingBarsText,
  type VegaLiteSpec,
} from './divergingBars';
export { divergingPalette } from './divergingPalette';
export {
  stackedBarRows,
  stackedBars,
  type StackedBarPart,
  type StackedBarRow,
  type StackedBarRowsOptions,
  type StackedBarRowsResult,
  type StackedBarsOptions,
} from './stackedBars';
export { countBars, type CountBarDatum, type CountBarInput, type CountBarsOptions } from './countBars';
export { meanDots, type MeanDotDatum, type MeanDotInput, type MeanDotsOptions } from './meanDots';
export { groupMeans, type GroupMeanDatum, type GroupMeansOptions } from './groupMeans';
export {
  meanScatter,
  type MeanScatterOptions,
  type ScatterDatum,
  type ScatterPoint,
  type ScatterTables,
} from './meanScatter';
export { OKABE_ITO } from './chartParts';
