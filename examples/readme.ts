import { readFileSync } from 'node:fs';
import { agreementShare, codedMean, pearson, readFrame, representativeness, scales, survey } from 'likertkit';
import { parseCsv } from 'likertkit/csv';

// A SurveyXact-style export: ";", byte order mark, CRLF, question texts as headers,
// "Region Hovedstaden", populations written "632.340". Bytes in: the encoding is checked.
const csv = parseCsv(readFileSync('examples/export/survey-export.csv'), { source: 'survey-export.csv' });
const s = survey({
  rows: csv.rows,
  id: 'Respondent ID',
  items: [
    { id: 'challenge', column: 'I hvilken grad oplever kommunen udfordringer med: Tidlig indsats og forebyggelse', scale: scales.daChallenge4 },
    { id: 'need', column: 'I hvilken grad har kommunen behov for støtte til: Tidlig indsats og forebyggelse', scale: scales.daDegree4 },
  ],
  attributes: { region: { column: 'Region', kind: 'category' }, population: { column: 'Indbyggere', kind: 'number' } },
  decimal: ',', // "632.340" is 632340; without it likertkit refuses to guess
});
console.log(s.size, s.item('challenge').n);

const share = agreementShare(s.item('challenge')); // "ret store" + "meget store", of all who answered
console.log(share.count, share.n, share.estimate.toFixed(3), share.ci.lower.toFixed(3), share.ci.upper.toFixed(3));
const mean = codedMean(s.item('challenge')); // coded 1-4, "ved ikke" left out
console.log(mean.n, mean.mean.toFixed(3), mean.ci.lower.toFixed(3), mean.ci.upper.toFixed(3));
const r = pearson(s.item('challenge'), s.item('need')); // pairwise deletion, two-sided p, stars
console.log(r.n, r.r.toFixed(3), r.p.toPrecision(3), r.stars);

// Against all 98 municipalities (Statistics Denmark, 1 January 2020), in the frame's region names.
const frame = readFrame(parseCsv(readFileSync('data/dk-municipalities-2020.csv')).rows);
const regions = ['Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland'];
const sample = s.recode('region', Object.fromEntries(regions.map((name) => [`Region ${name}`, name])));
const check = representativeness({ sample, population: frame.rows, variables: ['region', 'population'] });
for (const row of check.rows) {
  console.log(row.category ?? row.variable, row.population.toFixed(3), row.sample.toFixed(3), `[${row.lower.toFixed(3)}, ${row.upper.toFixed(3)}]`, row.covered);
}
console.log('representative:', check.representative);
