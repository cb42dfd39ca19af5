import { report, scales, survey, type ReportResult } from '../../src/index';
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
