/**
 * The HTML document that `likertkit report --format html` writes and `--format pdf` prints: the
 * report through `toHtmlDocument`, with its figures rendered by `likertkit/render`.
 */
import type { Lang } from '../report/format';
import { toHtmlDocument } from '../report/document';
import type { ReportResult } from '../report/report';

/**
 * The report's figures as SVG markup per table id, rendered by `likertkit/render` (vega and
 * vega-lite), which is imported only here, so that the CLI loads them for html and pdf output
 * alone.
 *
 * @param result - the report
 * @param lang - the report's language
 * @param translateLabels - print the built-in scales' labels in `lang` (as the tables do)
 * @returns the figures
 */
export async function reportFiguresForCli(result: ReportResult, lang: Lang, translateLabels = false): Promise<ReadonlyMap<string, string>> {
  const { reportFigures } = await import('../render/index');
  return reportFigures(result, { lang, translateLabels });
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
  const figures = await reportFiguresForCli(result, lang, translateLabels);
  return toHtmlDocument(result, { lang, translateLabels, figures });
}
