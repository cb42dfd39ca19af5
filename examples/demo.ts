/**
 * The main job on the embedded demo data: npm run demo
 *
 * The frame is real (the 98 Danish municipalities, Statistics Denmark, 1 January 2020); the
 * answers are SYNTHETIC, drawn by a seeded generator shipped in src/demo.
 */
import {
  agreementShare,
  codedMean,
  frequencies,
  likert,
  pearson,
  roundHalfUp,
  roundPercent,
  scales,
} from '../src/index';
import { demoFocusAreas, demoSurveyRows, municipalities2020 } from '../src/demo/index';

const rows = demoSurveyRows({ seed: 2021 });
const frame = municipalities2020();
const areas = demoFocusAreas();

const pct = (share: number): string => (Number.isNaN(share) ? '–' : `${roundPercent(share)} %`);
const num = (x: number, digits = 2): string => (Number.isNaN(x) ? '–' : roundHalfUp(x, digits).toFixed(digits));
const pad = (s: string, width: number): string => s.padEnd(width);
const lpad = (s: string, width: number): string => s.padStart(width);

console.log('likertkit demo: challenges in the specialised social area for children');
console.log('NOTE: the municipalities are real (98, Statistics Denmark 2020); every answer is SYNTHETIC.');
console.log(`Respondents: ${rows.length} of ${frame.length} municipalities (${pct(rows.length / frame.length)}).`);
console.log();

// 1. One item in full: the distribution over every answer category.
const first = areas[0]!;
const challenge = likert(rows.map((r) => r[`udfordring_${first.id}`]), scales.daChallenge4);
const freq = frequencies(challenge);
console.log(`"I hvilken grad oplever kommunen udfordringer med: ${first.label}?"`);
for (const row of freq.rows) {
  console.log(`  ${pad(row.label, 28)} ${lpad(String(row.count), 3)}  ${lpad(pct(row.share), 5)}`);
}
const { n } = freq;
console.log(
  `  answered ${n.answered} (substantive ${n.substantive}, non-substantive ${n.nonSubstantive}), missing ${n.missing}, invalid ${n.invalid}; total ${n.total}`,
);
console.log();

// 2. Every focus area: top-2 share (of those who answered, "ved ikke" included) and 1–4 mean.
console.log('Share answering "ret store" or "meget store udfordringer" (95 % Wilson interval), and mean on 1–4:');
console.log(`  ${pad('Focus area', 46)} ${lpad('Share', 6)}  ${pad('95 % CI', 11)} ${lpad('Mean', 5)}  ${pad('95 % CI', 11)}  N`);
for (const area of areas) {
  const column = likert(rows.map((r) => r[`udfordring_${area.id}`]), scales.daChallenge4);
  const share = agreementShare(column);
  const mean = codedMean(column);
  console.log(
    `  ${pad(area.label, 46)} ${lpad(pct(share.estimate), 6)}  ${pad(`${roundPercent(share.ci.lower)}–${pct(share.ci.upper)}`, 11)} ${lpad(num(mean.mean), 5)}  ${pad(`${num(mean.ci.lower)}–${num(mean.ci.upper)}`, 11)}  ${share.n}`,
  );
}
console.log('  Coding: Meget store udfordringer = 4 … Slet ingen udfordringer = 1; "Ved ikke" left out of means.');
console.log();

// 3. Challenge vs need for support in one area, with N and stars.
const need = likert(rows.map((r) => r[`behov_${first.id}`]), scales.daDegree4);
const r = pearson(challenge, need);
console.log(`Correlation, challenge vs need for support (${first.label}):`);
console.log(`  r = ${num(r.r)}${r.stars}  (N = ${r.n}, t = ${num(r.t)}, df = ${r.df}, p = ${r.p.toExponential(2)}, 95 % CI ${num(r.ci.lower)} to ${num(r.ci.upper)})`);
console.log('  *** p < 0.01, ** p < 0.05, * p < 0.1');
