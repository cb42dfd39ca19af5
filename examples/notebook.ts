/**
 * A notebook-style script: run it with `npx tsx examples/notebook.ts`, or paste the cells into
 * a Deno Jupyter notebook (see docs/notebooks.md). Each "cell" ends with a value worth looking at.
 */
import { correlate, displayTable, report, scales, survey } from 'likertkit';
import { demoFocusAreas, demoSurveyRows } from 'likertkit/demo';

// Cell 1: the data (real municipalities, synthetic answers) as a survey.
const areas = demoFocusAreas().slice(0, 3);
const s = survey({
  rows: demoSurveyRows(),
  id: 'kommunekode',
  items: areas.flatMap((a) => [
    { id: `udfordring_${a.id}`, scale: scales.daChallenge4, label: a.label, group: a.label },
    { id: `behov_${a.id}`, scale: scales.daDegree4, label: `Behov: ${a.label}`, group: a.label },
  ]),
  attributes: { region: 'category', indbyggere: 'number' },
});
console.log(`${s.size} respondents, ${s.items.length} items`);

// Cell 2: a correlation table as plain rows: console.table shows them as a grid.
const pairs = correlate(s, { x: areas.map((a) => `udfordring_${a.id}`), y: areas.map((a) => `behov_${a.id}`), pairs: 'group' });
console.table(pairs.rows.map((row) => ({ area: row.xLabel, r: Number(row.r.toFixed(2)), stars: row.stars, N: row.n })));

// Cell 3: a report table wrapped for display: Markdown in a terminal, HTML in Jupyter.
const summary = report(s, { sections: ['summary'], lang: 'en' }).tables[0]!;
const shown = displayTable(summary, { lang: 'en' });
console.log(String(shown));
const bundle = (shown as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for('Jupyter.display')]!();
console.log(`Jupyter MIME types: ${Object.keys(bundle).join(', ')}`);
