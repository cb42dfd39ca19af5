/**
 * Writes examples/export/survey-export.csv: the demo survey shaped as a SurveyXact/Enalyzer
 * export is shaped, for the guide "From an export to a report" (docs/from-export-to-report.md).
 *
 * What makes it real-shaped: `;` as the delimiter, a UTF-8 byte order mark, CRLF line ends,
 * question texts as headers, Danish labels, "Region Hovedstaden" rather than the frame's
 * "Hovedstaden", populations with thousands dots ("632.340"), a tick-box block (one column per
 * option, "1" when ticked and blank otherwise), and a free-text comment column.
 *
 * The answers are the demo survey's SYNTHETIC answers (seed 2021); nothing here is a real
 * survey result. Run: npx tsx scripts/make-export-example.ts
 */
import { writeFileSync } from 'node:fs';
import { demoFocusAreas, demoSupportForms, demoSurveyRows } from '../src/demo';

const areas = demoFocusAreas().slice(0, 4);
const forms = demoSupportForms();
const rows = demoSurveyRows();

const challengeHeader = (label: string): string => `I hvilken grad oplever kommunen udfordringer med: ${label}`;
const needHeader = (label: string): string => `I hvilken grad har kommunen behov for støtte til: ${label}`;
const formHeader = (label: string): string => `Hvilke former for støtte vil kommunen efterspørge? - ${label}`;
const comments = [
  'Vi mangler især hænder i myndighedsafdelingen',
  'Svært at rekruttere erfarne socialrådgivere; "tidlig indsats" prioriteres i 2022',
  'Ingen yderligere kommentarer',
  'Samarbejdet med regionen om børn med psykiske vanskeligheder kan styrkes',
];

const header = [
  'Respondent ID',
  'Kommune',
  'Region',
  'Indbyggere',
  ...areas.flatMap((area) => [challengeHeader(area.label), needHeader(area.label)]),
  ...forms.map((form) => formHeader(form.label)),
  'Kommentarer',
];

/** Quotes a field when it holds the delimiter, a quote or a line break (RFC 4180). */
function field(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** "632340" → "632.340", as Danish exports print a population. */
function danishThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const lines = [header.map(field).join(';')];
rows.forEach((row, i) => {
  const cells = [
    row.kommunekode,
    row.kommune,
    `Region ${row.region}`,
    danishThousands(row.indbyggere),
    ...areas.flatMap((area) => [row[`udfordring_${area.id}`] ?? '', row[`behov_${area.id}`] ?? '']),
    // The tick-box block of the first focus area: "1" when ticked, blank otherwise.
    ...forms.map((form) => (row[`stoette_${areas[0]!.id}_${form.id}`] === 'x' ? '1' : '')),
    // Free text, as comment boxes hold it: different in every answer.
    i % 7 === 0 ? `${comments[(i / 7) % comments.length] as string} (${row.kommune})` : '',
  ];
  lines.push(cells.map(field).join(';'));
});

const out = new URL('../examples/export/survey-export.csv', import.meta.url);
writeFileSync(out, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
console.log(`wrote ${out.pathname}: ${rows.length} respondents, ${header.length} columns`);
