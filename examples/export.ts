/**
 * From an export to a report: a SurveyXact/Enalyzer-shaped export (`;`, byte order mark, CRLF,
 * question texts as headers, "Region Hovedstaden", populations with thousands dots, a tick-box
 * block and a comment column) read through the library, analysed and checked against all 98
 * municipalities. This is the script docs/from-export-to-report.md walks through; run it with
 * `npx tsx examples/export.ts`. The answers are SYNTHETIC (see scripts/make-export-example.ts).
 */
import { readFileSync } from 'node:fs';
import { readFrame, report, safeSurvey, scales, survey, toMarkdown, type SurveyDefinition } from 'likertkit';
import { parseCsv } from 'likertkit/csv';

const here = (path: string): URL => new URL(path, import.meta.url);

// 1. Bytes in: parseCsv decodes them (the byte order mark says UTF-8; without one the bytes must
//    be valid UTF-8, or pass { encoding: 'windows-1252' }), finds the ";" and keeps every line.
const csv = parseCsv(readFileSync(here('export/survey-export.csv')), { source: 'survey-export.csv' });
console.log(`${csv.rowCount} rows, ${csv.columns.length} columns, delimiter "${csv.delimiter}", ${csv.encoding}, data from line ${csv.lines[0]} to ${csv.lines.at(-1)}`);

// 2. The survey: items by their question texts, attributes under the frame's names, the tick-box
//    block as one multi-select question. The comment column is simply not declared.
const challenge = 'I hvilken grad oplever kommunen udfordringer med: ';
const need = 'I hvilken grad har kommunen behov for støtte til: ';
const areas = {
  tidlig: 'Tidlig indsats og forebyggelse',
  sagsbehandling: 'Sagsbehandling og myndighedsarbejde',
  anbringelse: 'Anbringelser uden for hjemmet',
  eftervaern: 'Efterværn for unge over 18 år',
};
const forms = ['Faglig vejledning', 'Kompetenceudvikling', 'Sparring i konkrete sager', 'Netværk med andre kommuner', 'Redskaber og materialer'];
const definition = {
  rows: csv.rows,
  id: 'Respondent ID',
  items: Object.entries(areas).flatMap(([id, label]) => [
    { id: `udfordring_${id}`, column: challenge + label, scale: scales.daChallenge4, label: `Udfordringer: ${label}`, group: label },
    { id: `behov_${id}`, column: need + label, scale: scales.daDegree4, label: `Behov for støtte: ${label}`, group: label },
  ]),
  attributes: {
    region: { column: 'Region', kind: 'category' },
    population: { column: 'Indbyggere', kind: 'number' },
  },
  multiSelect: [
    {
      id: 'støtte',
      columns: Object.fromEntries(forms.map((form) => [form, `Hvilke former for støtte vil kommunen efterspørge? - ${form}`])),
      // The export writes "1" for a ticked box and leaves the others blank.
      blank: 'not-ticked',
    },
  ],
} satisfies SurveyDefinition;

// Populations are "632.340": with only such values the decimal mark cannot be told (632340 or
// 632.34?), so likertkit refuses to guess and says which option to pass.
const guess = safeSurvey(definition);
if (!guess.ok) console.log(`Without decimal: ${guess.issues.map((issue) => `${issue.kind}: ${issue.message}`).join('\n')}`);

const raw = survey({ ...definition, decimal: ',' });
// The export says "Region Hovedstaden", the frame "Hovedstaden": recode to the frame's names.
const s = raw.recode('region', Object.fromEntries(raw.category('region').filter((r) => r !== null).map((r) => [r, r.replace(/^Region /, '')])));
console.log(`\n${s.size} respondents, ${s.items.length} items; regions: ${[...new Set(s.category('region'))].join(', ')}`);

// 3. The frame: the 98 municipalities, numbers typed by the same reader (population is a number).
const frameCsv = parseCsv(readFileSync(here('../data/dk-municipalities-2020.csv')), { source: 'dk-municipalities-2020.csv' });
const frame = readFrame(frameCsv.rows);
console.log(`Frame: ${frame.rows.length} municipalities; ${frame.columns.map((c) => `${c.name} (${c.kind})`).join(', ')}`);

// 4. The report: shares, means, pairs, groups, the multi-select tally and the representativeness check.
const result = report(s, {
  title: 'Udfordringer på børneområdet (eksport, syntetiske svar)',
  multiSelect: { questions: ['støtte'] },
  frame: frame.rows,
  representativeness: { variables: ['region', 'population'] },
  sizeGroups: { attribute: 'population', breaks: [50_000, 100_000] },
});
const wanted = new Set(['summary', 'multiSelect', 'representativeness-region', 'representativeness-population', 'representativeness']);
const shown = { ...result, tables: result.tables.filter((table) => wanted.has(table.id) || table.id.startsWith('representativeness')) };
console.log(`\n${toMarkdown(shown)}`);
for (const warning of result.warnings ?? []) console.log(`warning: ${typeof warning === 'string' ? warning : JSON.stringify(warning)}`);
