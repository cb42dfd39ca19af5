/**
 * Reproduces the representativeness table of the 2024/25 survey on holistic interventions
 * (70 of 98 municipalities): population share, sample share and a 95 % Wald interval per
 * region, rounded half up to whole percent. Run: npx tsx examples/representativeness-2024.ts
 *
 * The published counts: 20, 11, 16, 13 and 10 respondents out of 29, 17, 22, 19 and 11
 * municipalities (Hovedstaden, Sjælland, Syddanmark, Midtjylland, Nordjylland). The report's
 * intervals are 18–39 %, 7–24 %, 13–33 %, 9–28 % and 6–22 %, all covering the population share.
 */
import { defineTargets, representativeness, responseRates, roundPercent } from 'likertkit';
import { municipalities2020 } from 'likertkit/demo';

const respondents = { Hovedstaden: 20, Sjælland: 11, Syddanmark: 16, Midtjylland: 13, Nordjylland: 10 };
const sample = Object.entries(respondents).flatMap(([region, count]) =>
  Array.from({ length: count }, () => ({ region })),
);

// The published shares 30 + 17 + 22 + 19 + 11 % sum to 99 %: rescale them, with a warning.
const targets = defineTargets({
  size: 98,
  variables: { region: { Hovedstaden: 0.3, Sjælland: 0.17, Syddanmark: 0.22, Midtjylland: 0.19, Nordjylland: 0.11 } },
  rescale: true,
});
const table = representativeness({ sample, targets, variables: ['region'] });

console.log('Region        Population  Sample  95 % interval  Covered');
for (const row of table.rows) {
  console.log(
    `${String(row.category).padEnd(13)} ${`${roundPercent(row.population)} %`.padStart(10)}  ${`${roundPercent(row.sample)} %`.padStart(6)}  ${`${roundPercent(row.lower)}–${roundPercent(row.upper)} %`.padStart(13)}  ${row.covered ? 'yes' : 'no'}`,
  );
}
console.log(`Representative: ${table.representative}. ${targets.warnings?.[0] ?? ''}`);

// Response rates by region from the real frame (Bilagstabel 1.1 uses the 2024 frame; the
// regional counts of municipalities are the same).
const frame = municipalities2020();
const perRegion = Object.fromEntries(Object.keys(respondents).map((r) => [r, frame.filter((m) => m.region === r)]));
const answered = Object.entries(respondents).flatMap(([region, count]) => perRegion[region]!.slice(0, count).map((m) => m.code));
const rates = responseRates(frame, answered, { id: 'code', by: ['region'] });
console.log(`Response rate: ${roundPercent(rates.overall.rate)} % overall; ${rates.groups.map((g) => `${g.group} ${roundPercent(g.rate)} %`).join(', ')}`);
