/**
 * Writes public/demo-survey.csv, the sample the dashboard loads, from the demo survey:
 *   npx tsx examples/dashboard/generate-sample-csv.ts
 *
 * The municipalities are real (the 98 of 2020, Statistics Denmark); every answer is SYNTHETIC,
 * drawn by the seeded generator in src/demo (seed 2021, 95 respondents), so the file is the same
 * on every run. Semicolon-separated, as Danish exports are; fields quoted where they need it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoSurveyRows } from '../../src/demo/index';

/** One CSV field: empty for null, quoted when it holds the delimiter, a quote or a line break. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The demo survey as CSV text, header first, CRLF line ends. */
export function demoSurveyCsv(): string {
  const rows = demoSurveyRows({ seed: 2021 });
  const columns = Object.keys(rows[0] as object);
  const lines = [columns.map(field).join(';')];
  for (const row of rows) {
    lines.push(columns.map((c) => field((row as Record<string, unknown>)[c])).join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(new URL('./public/demo-survey.csv', import.meta.url));
  writeFileSync(target, demoSurveyCsv());
  console.log(`wrote ${target}`);
}
