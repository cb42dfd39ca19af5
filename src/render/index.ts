/**
 * `likertkit/render`: the figures of `likertkit/vega-lite` as SVG, rendered by the real `vega`
 * and `vega-lite` packages (dependencies of this entry point only; the core entry has none).
 * Headless and offline: no browser, canvas or network. {@link renderSvg} renders one spec with
 * an accessible `<title>` and `<desc>` and Danish (or English) number formats on the axes;
 * {@link reportFigures} renders the figure of every report table that has one, for the HTML and
 * PDF report.
 *
 * @packageDocumentation
 */
export { renderSvg, type RenderSvgOptions } from './svg';
export { reportFigures, type ReportFiguresOptions } from './reportFigures';
