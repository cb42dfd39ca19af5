/**
 * The demo report of the figures tests: the demo survey built as examples/demo.ts builds it, and
 * its report with every section that has a figure. Shared by test/vega-lite and test/render.
 */
import {
  demoFocusAreas,
  demoSupportForms,
  demoSurveyRows,
  demoTargetGroups,
  demoTopics,
  municipalities2020,
} from '../../src/demo/index';
import { formatCell, report, scales, survey } from '../../src/index';
import type { ReportResult } from '../../src/report/report';
import type { ReportTable } from '../../src/report/table';

export const demoRows = demoSurveyRows({ seed: 2021 });
const areas = demoFocusAreas();
const groups = demoTargetGroups();
const topics = demoTopics();
const forms = demoSupportForms();

export const demoSurvey = survey({
  rows: demoRows,
  id: 'kommunekode',
  items: [
    ...areas.flatMap((area) => [
      { id: `udfordring_${area.id}`, scale: scales.daChallenge4, label: area.label, group: area.id },
      { id: `behov_${area.id}`, scale: scales.daDegree4, label: `Behov for støtte: ${area.label}`, group: area.id },
    ]),
    ...groups.flatMap((g) =>
      topics.map((t) => ({ id: `mg_${g.id}_${t.id}`, scale: scales.daChallenge4, label: t.label, group: g.label, topic: t.label })),
    ),
  ],
  attributes: { region: 'category', indbyggere: 'number', socioIndeks: 'number' },
});

/** The multi-select questions of the demo survey: per focus area, the ticks of each form of support. */
export const multiSelectQuestions = Object.fromEntries(
  areas.map((area) => [
    area.label,
    Object.fromEntries(forms.map((f) => [f.label, demoRows.map((r) => (r as Record<string, unknown>)[`stoette_${area.id}_${f.id}`])])),
  ]),
);

/** The demo report in Danish (or English), with distribution, summary, pairs, means and multi-select tables. */
export function demoReport(lang: 'da' | 'en' = 'da'): ReportResult {
  return report(demoSurvey, {
    lang,
    sections: ['distribution', 'summary', 'pairs', 'means', 'multiSelect'],
    sizeGroups: { attribute: 'indbyggere', breaks: [50000, 100000], labels: ['under 50.000', '50.000–99.999', '100.000 og derover'] },
    by: ['region'],
    multiSelect: { title: 'Ønskede former for støtte', questions: multiSelectQuestions },
  });
}

export const demoFrame = municipalities2020();

export function tableById(result: ReportResult, id: string): ReportTable {
  const found = result.tables.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no table ${id}; have ${result.tables.map((t) => t.id).join(', ')}`);
  return found;
}

/**
 * A cell as the report's own renderer prints it (formatCell, the code behind toMarkdown and
 * toHtml), without the percent sign a chart's axis carries instead: "41 pct." → "41".
 */
export function printedCell(table: ReportTable, row: ReportTable['rows'][number], key: string, lang: 'da' | 'en' = 'da'): string {
  const column = table.columns.find((c) => c.key === key);
  if (column === undefined) throw new Error(`table ${table.id} has no column ${key}`);
  return formatCell(row, column, { lang }).replace(/\s*(pct\.|%)$/, '').trim();
}
