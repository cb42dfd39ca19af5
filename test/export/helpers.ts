import { report, scales, survey, type ReportResult, type ReportTable, type ReportValue } from '../../src/index';
import { demoFocusAreas, demoSurveyRows } from '../../src/demo/index';

/**
 * The demo report: the synthetic answers of the 2021-shaped demo survey (seed 2021), with the
 * focus areas as item groups, region and size groups. Shared by the export tests.
 */
export function demoReport(lang: 'da' | 'en' = 'da'): ReportResult {
  const s = survey({
    rows: demoSurveyRows({ seed: 2021 }),
    id: 'kommunekode',
    items: demoFocusAreas().flatMap((a) => [
      { id: `udfordring_${a.id}`, scale: scales.daChallenge4, label: `Udfordring: ${a.label}`, group: a.id },
      { id: `behov_${a.id}`, scale: scales.daDegree4, label: `Behov: ${a.label}`, group: a.id },
    ]),
    attributes: { region: 'category', indbyggere: 'number', socioIndeks: 'number' },
  });
  return report(s, { lang, by: ['region'], sizeGroups: { attribute: 'indbyggere', breaks: [50000, 100000] } });
}

/** One column of a table as the exports write it. */
export interface ExpectedColumn {
  readonly header: string;
  readonly value: (row: Readonly<Record<string, ReportValue>>) => ReportValue;
  readonly format: string;
  readonly digits: number;
}

/**
 * What a table's columns become in a sheet or CSV file, written out here independently of the
 * exporter: each column as it is, a correlation column followed by its stars column.
 */
export function expectedColumns(table: ReportTable, lang: 'da' | 'en'): ExpectedColumn[] {
  return table.columns.flatMap((c) => {
    const digits = c.digits ?? (c.format === 'number' || c.format === 'correlation' ? 2 : c.format === 'p' ? 3 : 0);
    const main: ExpectedColumn = { header: c.label, value: (row) => (Object.hasOwn(row, c.key) ? (row[c.key] ?? null) : null), format: c.format, digits };
    if (c.format !== 'correlation') return [main];
    const stars: ExpectedColumn = {
      header: `${c.label} (${lang === 'da' ? 'signifikans' : 'significance'})`,
      value: (row) => (row[`${c.key}Stars`] || null) as ReportValue,
      format: 'text',
      digits: 0,
    };
    return [main, stars];
  });
}
