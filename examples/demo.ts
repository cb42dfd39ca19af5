/**
 * The main job on the embedded demo data: npm run demo
 *
 * The frame is real (the 98 Danish municipalities, Statistics Denmark, 1 January 2020); the
 * answers are SYNTHETIC, drawn by a seeded generator shipped in src/demo.
 */
import {
  agreementShare,
  codedMean,
  compareGroups,
  correlate,
  frequencies,
  likert,
  multiSelectTable,
  pearson,
  rake,
  rankItems,
  report,
  toMarkdown,
  representativeness,
  responseRates,
  roundHalfUp,
  roundPercent,
  scales,
  sizeGroups,
  suppressSmallCells,
  survey,
  targetsFromFrame,
} from '../src/index';
import {
  demoFocusAreas,
  demoSupportForms,
  demoSurveyRows,
  demoTargetGroups,
  demoTopics,
  municipalities2020,
} from '../src/demo/index';

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
console.log();

// ---------------------------------------------------------------------------------------------
// The survey model: all items coded once, with region and size as attributes.

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

// 4. Challenge vs need for support, per focus area, with N and stars.
const challengeIds = areas.map((a) => `udfordring_${a.id}`);
const needIds = areas.map((a) => `behov_${a.id}`);
const paired = correlate(s, { x: challengeIds, y: needIds, pairs: 'group' });
console.log('Correlation between the size of the challenge and the need for support, per focus area (Pearson):');
for (const row of paired.rows) {
  console.log(`  ${pad(row.xLabel, 46)} ${lpad(`${num(row.r)}${row.stars}`, 8)}  N = ${row.n}`);
}
const sizeCorr = correlate(s, { x: challengeIds, y: ['indbyggere', 'socioIndeks'] });
console.log('Correlation of each challenge with municipality size and the (synthetic) socio-economic index:');
for (const area of areas) {
  const [bySize, bySocio] = ['indbyggere', 'socioIndeks'].map((y) => sizeCorr.rows.find((r) => r.x === `udfordring_${area.id}` && r.y === y)!);
  console.log(`  ${pad(area.label, 46)} size ${lpad(`${num(bySize!.r)}${bySize!.stars}`, 8)}   index ${lpad(`${num(bySocio!.r)}${bySocio!.stars}`, 8)}`);
}
console.log(`  N = ${Math.min(paired.nRange.min, sizeCorr.nRange.min)}–${Math.max(paired.nRange.max, sizeCorr.nRange.max)}. *** p < 0.01, ** p < 0.05, * p < 0.1`);
console.log();

// 5. Means by region and by size group, with one-way ANOVA p.
const item = `udfordring_${areas[1]!.id}`;
for (const [title, by] of [
  ['region', 'region'],
  ['size group', { attribute: 'indbyggere', breaks: [50000, 100000], labels: ['under 50.000', '50.000–99.999', '100.000 og derover'] }],
] as const) {
  const g = compareGroups(s, item, { by });
  console.log(`Mean (1–4) and top-2 share by ${title}: ${g.label}`);
  for (const row of g.groups) {
    console.log(`  ${pad(row.group, 22)} mean ${num(row.mean.mean)}  share ${lpad(pct(row.share.estimate), 5)}  N = ${row.n}${row.flagged ? '  (>= 10 points from overall)' : ''}`);
  }
  console.log(`  ANOVA F(${g.anova.df1}, ${g.anova.df2}) = ${num(g.anova.f)}, p = ${num(g.anova.p, 3)}; chi-square p for the top-2 shares = ${num(g.chiSquare.p, 3)}`);
}
console.log();

// 6. The three largest challenges for each target group, and how often each topic is among them.
const ranking = rankItems(s, { items: groups.flatMap((g) => topics.map((t) => `mg_${g.id}_${t.id}`)), top: 3 });
console.log('Top 3 challenges per target group (share answering "ret store" or "meget store"):');
for (const group of ranking.groups) {
  console.log(`  ${pad(group.group, 34)} ${group.items.map((i) => `${i.rank}. ${i.label} (${pct(i.value)})`).join('; ')}`);
}
for (const topic of ranking.topics) {
  console.log(`  ${pad(topic.topic, 34)} among the top 3 for ${topic.inTop} of ${topic.groups} target groups`);
}
console.log();

// 7. Multi-select: forms of support per focus area, cells under 3 municipalities suppressed.
const forms = demoSupportForms();
const questions = Object.fromEntries(
  areas.map((area) => [area.label, Object.fromEntries(forms.map((f) => [f.label, rows.map((r) => r[`stoette_${area.id}_${f.id}`])]))]),
);
const tally = multiSelectTable(questions);
const suppressed = suppressSmallCells(tally.counts, { suppressBelow: 3 });
console.log('Municipalities asking for each form of support, per focus area (cells under 3 suppressed: "–"):');
console.log(`  ${pad('', 28)} ${tally.groups.map((_, j) => lpad(`F${j + 1}`, 4)).join('')}   mean`);
tally.options.forEach((option, i) => {
  const cells = suppressed.cells[i]!.map((c) => lpad(c.value === null ? '–' : String(c.value), 4)).join('');
  console.log(`  ${pad(option, 28)} ${cells}   ${num(tally.average[i]!.meanCount, 1)}`);
});
console.log(`  F1–F${tally.groups.length}: ${tally.groups.join('; ')}.`);
console.log(`  ${suppressed.primary} cells under 3 and ${suppressed.complementary} more so that none can be recovered from the totals.`);
console.log();

// 8. Do the responding municipalities stand for all 98?
const sizeLabels = ['under 50.000', '50.000–99.999', '100.000 og derover'];
const sizeOf = (population: number): string =>
  sizeGroups([population], { breaks: [50000, 100000], labels: sizeLabels }).groups[0]!;
const frameRows = frame.map((m) => ({ ...m, size: sizeOf(m.population) }));
const sampleRows = rows.map((r) => ({ code: r.kommunekode, region: r.region, population: r.indbyggere, size: sizeOf(r.indbyggere) }));
const check = representativeness({ sample: sampleRows, population: frameRows, variables: ['region', 'population'] });
console.log('Representativeness: respondents vs all 98 municipalities (95 % Wald intervals, no finite population correction):');
for (const row of check.rows) {
  const label = row.category ?? 'mean population';
  const show = (x: number): string => (row.category === null ? Math.round(x).toLocaleString('da-DK') : pct(x));
  console.log(
    `  ${pad(label, 18)} population ${lpad(show(row.population), 7)}  sample ${lpad(show(row.sample), 7)}  interval ${show(row.lower)}–${show(row.upper)}  ${row.covered ? 'covered' : 'NOT covered'}`,
  );
}
console.log(`  Verdict: ${check.representative ? 'every population value lies inside its interval' : 'some population values fall outside their intervals'}.`);

const rates = responseRates(frameRows, rows.map((r) => r.kommunekode), { id: 'code', by: ['region', { attribute: 'population', breaks: [50000, 100000], labels: sizeLabels }] });
console.log(`Response rates: ${rates.overall.responded} of ${rates.overall.frame} (${pct(rates.overall.rate)}) overall;`);
for (const g of rates.groups) console.log(`  ${pad(String(g.group), 20)} ${lpad(String(g.responded), 3)} of ${lpad(String(g.frame), 3)}  ${lpad(pct(g.rate), 5)}`);

// 9. Raking to the frame's region and size-group margins, and what it changes.
const weighting = rake(sampleRows, { targets: targetsFromFrame(frameRows, { variables: ['region', 'size'] }), id: 'code' });
console.log(
  `Raking on region × size group: ${weighting.converged ? 'converged' : 'did not converge'} in ${weighting.iterations} iterations; weights ${num(weighting.min)}–${num(weighting.max)}, design effect ${num(weighting.designEffect, 3)}, effective n ${num(weighting.nEffective, 1)}.`,
);
console.log('Top-2 share before and after weighting:');
for (const area of areas.slice(0, 4)) {
  const column = s.item(`udfordring_${area.id}`);
  const before = agreementShare(column);
  const after = agreementShare(column, { weights: weighting.weights });
  console.log(`  ${pad(area.label, 46)} ${lpad(pct(before.estimate), 5)} → ${lpad(pct(after.estimate), 5)}`);
}

// 10. The whole analysis in one call: report() gives plain tables; toMarkdown renders them.
console.log();
console.log('='.repeat(100));
console.log('The full report (report() rendered with toMarkdown, in Danish):');
console.log();
const full = report(s, {
  title: 'Udfordringer på det specialiserede børneområde (demo, syntetiske svar)',
  items: [...challengeIds, ...needIds],
  // The focus areas' names head their tables ("Svarfordeling: Tidlig indsats og forebyggelse").
  groupLabels: Object.fromEntries(areas.map((a) => [a.id, a.label])),
  by: ['region'],
  sizeGroups: { attribute: 'indbyggere', breaks: [50000, 100000], labels: sizeLabels },
  multiSelect: { title: 'Ønskede former for støtte', questions },
  frame: frame.map((m) => ({ region: m.region, indbyggere: m.population })),
});
console.log(toMarkdown(full));
