/**
 * The HTML document that `likertkit report --format html` writes and `--format pdf` prints: the
 * report through `toHtmlDocument`, with its figures when the rendering entry is there.
 */
import type { Lang } from '../report/format';
import { toHtmlDocument } from '../report/document';
import type { ReportResult } from '../report/report';

/**
 * The report's figures as SVG markup per table id, or `undefined` while the CLI has no renderer.
 *
 * LEAD: once `likertkit/render` is merged, connect it here, e.g.
 * `const { reportFigures } = await import('../render/index'); return reportFigures(result, { lang });`
 * (a dynamic import, so that the CLI loads vega only for html and pdf output).
 *
 * @param result - the report
 * @param lang - the report's language
 * @returns the figures, or `undefined` for a document without figures
 */
export async function reportFiguresForCli(result: ReportResult, lang: Lang): Promise<ReadonlyMap<string, string> | undefined> {
  void result;
  void lang;
  return undefined;
}

/**
 * The report as a styled, self-contained HTML document, with figures when they can be rendered.
 *
 * @param result - the report from `report()`
 * @param lang - its language
 * @param translateLabels - translate the built-in scales' labels (English reports)
 * @returns the whole HTML document
 */
export async function reportDocument(result: ReportResult, lang: Lang, translateLabels: boolean): Promise<string> {
  const figures = await reportFiguresForCli(result, lang);
  return toHtmlDocument(result, { lang, translateLabels, ...(figures !== undefined && { figures }) });
}
