import type { CrosstabResult } from '../describe/crosstab';
import { assertOneOf, checkOptionKeys, optionKeys } from '../internal/validate';
import { formatNumber, formatP, type Lang } from './format';
import { translateLabel } from './labels';
import type { ReportColumn, ReportTable, ReportValue } from './table';

/** Options of {@link crosstabTable}. */
export interface CrosstabTableOptions {
  /** What the cells hold: `'counts'`, `'rowShares'` (default) or `'columnShares'`. */
  values?: 'counts' | 'rowShares' | 'columnShares';
  /** Language of the headers and notes; default `'da'`. */
  lang?: Lang;
}

/**
 * A crosstab as a report table: one row per analysed row category, one column per analysed
 * column category, then the row's N; the notes give the test (chi-square, and Fisher's exact
 * test when the crosstab ran it; on a weighted survey the design-based Rao–Scott test, with
 * the weighted shares in the cells) and the respondents left out.
 *
 * @param result - a {@link crosstab} result
 * @param options - `values` (default `'rowShares'`) and `lang` (default `'da'`)
 * @returns a `ReportTable` for `toMarkdown`, `toHtml`, `toCsv`
 * @throws RangeError for a bad option
 * @example
 * ```ts
 * crosstabTable(crosstab(s, 'role', 'yes'), { lang: 'en' }).notes;
 * // ['Chi-square test of independence: χ² = 4.81, df = 1, p = .028', 'N = 40']
 * ```
 */
export function crosstabTable(result: CrosstabResult, options: CrosstabTableOptions = {}): ReportTable {
  const fn = 'crosstabTable';
  checkOptionKeys(fn, options, optionKeys<CrosstabTableOptions>({ values: true, lang: true }));
  const { values = 'rowShares', lang = 'da' } = options;
  assertOneOf(fn, values, ['counts', 'rowShares', 'columnShares'], 'values');
  assertOneOf(fn, lang, ['da', 'en'], 'lang');
  const rowLabels = result.rowLevels.filter((level) => level.analysed).map((level) => translateLabel(level.label ?? '', lang));
  const columnLabels = result.columnLevels.filter((level) => level.analysed).map((level) => translateLabel(level.label ?? '', lang));
  const columns: ReportColumn[] = [
    { key: 'category', label: result.row.name, format: 'text' },
    ...columnLabels.map((label, j): ReportColumn => ({ key: `c${j}`, label, format: values === 'counts' ? 'integer' : 'percent' })),
    { key: 'n', label: 'N', format: 'integer' },
  ];
  // A weighted survey's shares are the weighted ones (svytable's); counts stay the respondents'.
  const shares = result.weighted ?? result;
  const cells = values === 'counts' ? result.table : values === 'rowShares' ? shares.rowShares : shares.columnShares;
  const rows = rowLabels.map((label, i) => {
    const row: Record<string, ReportValue> = { category: label };
    (cells[i] as number[]).forEach((value, j) => {
      row[`c${j}`] = Number.isNaN(value) ? null : value;
    });
    row.n = (result.table[i] as number[]).reduce((a, b) => a + b, 0);
    return row;
  });
  const notes: string[] = [];
  const p = (value: number) => formatP(value, { lang });
  if (result.chiSquare !== null) {
    const { statistic, df } = result.chiSquare;
    const name = lang === 'da' ? 'Chi²-test for uafhængighed' : 'Chi-square test of independence';
    notes.push(`${name}: χ² = ${formatNumber(statistic, { lang, digits: 2 })}, df = ${df}, p = ${p(result.chiSquare.p)}`);
  } else if (result.raoScott !== null && result.reason === undefined) {
    const { f, ndf, ddf, pF } = result.raoScott;
    const name = lang === 'da' ? 'Rao–Scott-test for uafhængighed (designbaseret)' : 'Rao–Scott test of independence (design-based)';
    const df = (v: number) => (Number.isInteger(v) ? String(v) : formatNumber(v, { lang, digits: 2 }));
    notes.push(`${name}: F = ${formatNumber(f, { lang, digits: 2 })}, df = ${df(ndf)}; ${df(ddf)}, p = ${p(pF)}`);
  } else if (result.reason !== undefined) {
    notes.push(lang === 'da' ? `Ingen test: ${result.reason}` : `No test: ${result.reason}`);
  }
  if (result.fisher !== null) {
    notes.push(`${lang === 'da' ? 'Fishers eksakte test' : "Fisher's exact test"}: p = ${p(result.fisher.p)}`);
  }
  if (result.weighted !== null) {
    notes.push(
      values === 'counts'
        ? lang === 'da'
          ? 'Antal besvarelser, uvægtet; testen er designbaseret'
          : 'Unweighted counts of respondents; the test is design-based'
        : lang === 'da'
          ? 'Andelene er vægtede; N er antal besvarelser'
          : 'The shares are weighted; N counts respondents',
    );
  }
  const excluded = result.n.excluded;
  notes.push(
    excluded === 0
      ? `N = ${result.n.analysed}`
      : lang === 'da'
        ? `N = ${result.n.analysed} (${excluded} uden svar, "ved ikke" eller ugyldigt svar er ikke med)`
        : `N = ${result.n.analysed} (${excluded} without an answer, "don't know" or an invalid answer left out)`,
  );
  return {
    kind: 'report-table',
    id: `crosstab-${result.row.name}-${result.column.name}`,
    title: `${result.row.name} × ${result.column.name}`,
    columns,
    rows,
    notes,
  };
}
