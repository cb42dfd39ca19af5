/**
 * The demo report, as `npm run demo` builds it (examples/demo.ts, step 10): 95 synthetic answers
 * from the real 98 municipalities, by region and size group, with the multi-select table and the
 * representativeness check against the frame. Shared by the document tests and the screenshot
 * script; the survey is the figures tests' (test/helpers/demoReport.ts).
 */
import { demoFocusAreas, municipalities2020 } from '../../src/demo/index';
import { report, type ReportResult } from '../../src/index';
import { demoSurvey, multiSelectQuestions } from '../helpers/demoReport';

/** Builds the demo report in Danish (or English). */
export function demoReport(lang: 'da' | 'en' = 'da'): ReportResult {
  const areas = demoFocusAreas();
  return report(demoSurvey, {
    title: 'Udfordringer på det specialiserede børneområde (demo, syntetiske svar)',
    lang,
    items: [...areas.map((a) => `udfordring_${a.id}`), ...areas.map((a) => `behov_${a.id}`)],
    groupLabels: Object.fromEntries(areas.map((a) => [a.id, a.label])),
    by: ['region'],
    sizeGroups: { attribute: 'indbyggere', breaks: [50000, 100000], labels: ['under 50.000', '50.000–99.999', '100.000 og derover'] },
    multiSelect: { title: 'Ønskede former for støtte', questions: multiSelectQuestions },
    frame: municipalities2020().map((m) => ({ region: m.region, indbyggere: m.population })),
  });
}
