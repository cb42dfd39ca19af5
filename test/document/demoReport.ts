/**
 * The demo report, as `npm run demo` builds it (examples/demo.ts, step 10): 95 synthetic answers
 * from the real 98 municipalities, by region and size group, with the multi-select table and the
 * representativeness check against the frame. Shared by the document tests and the screenshot
 * script.
 */
import { report, scales, survey, type ReportResult } from '../../src/index';
import { demoFocusAreas, demoSupportForms, demoSurveyRows, demoTargetGroups, demoTopics, municipalities2020 } from '../../src/demo/index';

/** Builds the demo report in Danish (or English). */
export function demoReport(lang: 'da' | 'en' = 'da'): ReportResult {
  const rows = demoSurveyRows({ seed: 2021 });
  const frame = municipalities2020();
  const areas = demoFocusAreas();
  const groups = demoTargetGroups();
  const topics = demoTopics();
  const s = survey({
    rows,
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
  const forms = demoSupportForms();
  const questions = Object.fromEntries(
    areas.map((area) => [area.label, Object.fromEntries(forms.map((f) => [f.label, rows.map((r) => r[`stoette_${area.id}_${f.id}`])]))]),
  );
  const sizeLabels = ['under 50.000', '50.000–99.999', '100.000 og derover'];
  return report(s, {
    title: 'Udfordringer på det specialiserede børneområde (demo, syntetiske svar)',
    lang,
    items: [...areas.map((a) => `udfordring_${a.id}`), ...areas.map((a) => `behov_${a.id}`)],
    groupLabels: Object.fromEntries(areas.map((a) => [a.id, a.label])),
    by: ['region'],
    sizeGroups: { attribute: 'indbyggere', breaks: [50000, 100000], labels: sizeLabels },
    multiSelect: { title: 'Ønskede former for støtte', questions },
    frame: frame.map((m) => ({ region: m.region, indbyggere: m.population })),
  });
}
