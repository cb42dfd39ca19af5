import { agreementShare, codedMean, correlate, mergeSummaries, scales, summarize, survey } from 'likertkit';
import type { SurveySummary } from 'likertkit';

// Two shards of one survey, as two offices (or two database partitions) would hold them.
const items = [
  { id: 'challenge', scale: scales.daChallenge4 },
  { id: 'need', scale: scales.daDegree4 },
];
const shard = (rows: object[]) => survey({ rows, id: 'kode', items, attributes: { region: 'category' } });
const north = shard([
  { kode: '851', region: 'Nordjylland', challenge: 'Meget store udfordringer', need: 'I meget høj grad' },
  { kode: '849', region: 'Nordjylland', challenge: 'Ret store udfordringer', need: 'I høj grad' },
  { kode: '860', region: 'Nordjylland', challenge: 'Mindre udfordringer', need: 'Ved ikke' },
]);
const south = shard([
  { kode: '461', region: 'Syddanmark', challenge: 'Ret store udfordringer', need: 'I høj grad' },
  { kode: '561', region: 'Syddanmark', challenge: 'Slet ingen udfordringer', need: 'I mindre grad' },
  { kode: '607', region: 'Syddanmark', challenge: 'Ved ikke', need: 'Slet ikke' },
  { kode: '101', region: 'Hovedstaden', challenge: 'Mindre udfordringer', need: null },
]);

// Each shard is summarised where it lives; only the summaries travel, as JSON.
const options = { by: 'region', pairs: 'all' } as const;
const parts = [summarize(north, options), summarize(south, options)].map(
  (summary) => JSON.parse(JSON.stringify(summary)) as SurveySummary,
);
const all = mergeSummaries(parts[0]!, parts[1]!);

console.log(`respondents: ${all.respondents}`);
console.log(`challenge counts: ${JSON.stringify(all.items[0]!.counts)}`);
const share = agreementShare(all.items[0]!);
console.log(`challenge, ret/meget store: ${share.count} of ${share.n} = ${share.estimate.toFixed(3)}`);
console.log(`need, mean: ${codedMean(all.items[1]!).mean.toFixed(3)}`);
const table = correlate(all, { x: ['challenge', 'need'] });
console.log(`r = ${table.rows[0]!.r.toFixed(3)}, N = ${table.rows[0]!.n}`);
console.log(`regions: ${all.by!.groups.map((g) => `${g.value} ${g.respondents}`).join(', ')}`);
