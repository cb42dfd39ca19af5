/**
 * `likertkit/html`: the report as one styled, self-contained HTML document for the browser and
 * for print (A4). No dependency; figures are passed in as SVG (see `reportFigures` in
 * `likertkit/render`). The table fragments alone are `toHtml` in the core entry.
 *
 * @packageDocumentation
 */
export { toHtmlDocument } from '../report/document';
export type { ToHtmlDocumentOptions } from '../report/document';
