/**
 * Writes the example figures of docs/reports.md (section "Figures") to docs/figures/*.svg, from
 * the demo report (synthetic answers, real municipalities): npx tsx scripts/docs-figures.ts
 *
 * The demo report is the one the figures tests use (test/helpers/demoReport.ts), so the SVGs
 * show the numbers those tests check.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderSvg } from '../src/render/index';
import { scales } from '../src/scale/presets';
import { countBars, divergingBars, groupMeans, meanDots, meanScatter, stackedBars } from '../src/vega-lite/index';
import type { VegaLiteSpec } from '../src/vega-lite/index';
import { demoReport, demoSurvey, tableById } from '../test/helpers/demoReport';

const out = join(import.meta.dirname, '..', 'docs', 'figures');
const result = demoReport('da');
const table = (id: string) => tableById(result, id);
const summary = table('summary');
const needs = demoSurvey.items.filter((i) => i.id.startsWith('behov_'));
const firstAreas = ['udfordring_tidlig', 'behov_tidlig', 'udfordring_eftervaern', 'behov_eftervaern', 'udfordring_psykisk', 'behov_psykisk'];

const figures: [file: string, title: string, spec: VegaLiteSpec][] = [
  ['stacked-bars.svg', table('distribution:Børn med handicap:daChallenge4').title,
    stackedBars(table('distribution:Børn med handicap:daChallenge4'), { lang: 'da', scale: scales.daChallenge4 })],
  // A focus area asked on two scales (a challenge and a need for support): a chart per scale.
  ['stacked-bars-two-scales.svg', table('distribution:tidlig').title,
    stackedBars(table('distribution:tidlig'), { lang: 'da', scale: [scales.daChallenge4, scales.daDegree4] })],
  ['diverging-bars.svg', 'Behov for støtte pr. fokusområde',
    divergingBars(needs.map((i) => ({ id: i.id, label: i.label.replace('Behov for støtte: ', ''), data: demoSurvey.item(i.id) })), { lang: 'da' })],
  ['count-bars.svg', table('multiSelect').title, countBars(table('multiSelect'), { lang: 'da' })],
  ['mean-dots.svg', 'Udfordring og behov for støtte pr. fokusområde (gennemsnit)',
    meanDots(summary, { lang: 'da', series: { behov: 'Behov for støtte' } })],
  ['means-by-region.svg', table('means:region').title, groupMeans(table('means:region'), { lang: 'da', items: firstAreas })],
  ['means-by-size.svg', table('means:size').title, groupMeans(table('means:size'), { lang: 'da', items: firstAreas })],
  ['mean-scatter.svg', 'Udfordring og behov for støtte pr. fokusområde',
    meanScatter({ pairs: table('pairs'), summary }, { lang: 'da', xTitle: 'Gennemsnit: udfordring', yTitle: 'Gennemsnit: behov for støtte' })],
];

for (const [file, title, spec] of figures) {
  const svg = await renderSvg(spec, { title, description: String(spec['description']), locale: 'da' });
  await writeFile(join(out, file), `${svg}\n`, 'utf8');
  console.log(`docs/figures/${file}: ${svg.length} characters`);
}
