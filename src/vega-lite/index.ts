/**
 * `likertkit/vega-lite`: agreement distributions as charts for dashboards. A separate entry
 * point with no dependencies: {@link divergingBars} writes a Vega-Lite v5 specification (plain
 * JSON, render it with `vega-embed` or any Vega-Lite runtime) and {@link divergingRows} gives
 * the same layout as tidy rows with precomputed offsets for Observable Plot, ECharts or an SVG
 * drawn by hand. It imports only the describe, data, scale and rounding modules of the library.
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
  type DivergingBarsDatum,
  type DivergingBarsOptions,
  type DivergingBarsText,
  type VegaLiteSpec,
} from './divergingBars';
export { divergingPalette } from './divergingPalette';
