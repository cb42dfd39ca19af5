import { checkOptionKeys, optionKeys } from '../internal/validate';
import { municipalities2020 } from './municipalities';
import { seededRandom } from './random';
import type { Random } from './random';

/** A focus area of the demo survey: one challenge item and one need-for-support item. */
export interface DemoFocusArea {
  /** Short id used in the column names `udfordring_<id>` and `behov_<id>`. */
  readonly id: string;
  /** Danish label, as a report would print it. */
  readonly label: string;
}

/** The nine focus areas of the demo survey (modelled on the 2021 report's structure). */
export function demoFocusAreas(): DemoFocusArea[] {
  return [
    { id: 'tidlig', label: 'Tidlig indsats og forebyggelse' },
    { id: 'sagsbehandling', label: 'Sagsbehandling og myndighedsarbejde' },
    { id: 'anbringelse', label: 'Anbringelser uden for hjemmet' },
    { id: 'eftervaern', label: 'Efterværn for unge over 18 år' },
    { id: 'handicap', label: 'Børn og unge med handicap' },
    { id: 'psykisk', label: 'Børn og unge med psykiske vanskeligheder' },
    { id: 'rekruttering', label: 'Rekruttering og fastholdelse af medarbejdere' },
    { id: 'oekonomi', label: 'Økonomi og styring' },
    { id: 'samarbejde', label: 'Tværfagligt samarbejde' },
  ];
}

/** A target group (målgruppe) of the demo survey, asked about the same topics. */
export interface DemoTargetGroup {
  /** Short id used in the column names `mg_<group>_<topic>`. */
  readonly id: string;
  readonly label: string;
}

/** The six target groups of the demo survey. */
export function demoTargetGroups(): DemoTargetGroup[] {
  return [
    { id: 'handicap', label: 'Børn med handicap' },
    { id: 'udsatte', label: 'Børn i udsatte familier' },
    { id: 'anbragte', label: 'Anbragte børn og unge' },
    { id: 'psykisk', label: 'Børn med psykiske vanskeligheder' },
    { id: 'kriminalitet', label: 'Unge i risiko for kriminalitet' },
    { id: 'skole', label: 'Børn med skolefravær' },
  ];
}

/** The topics asked for every target group (`mg_<group>_<topic>`), and their level. */
export function demoTopics(): DemoFocusArea[] {
  return [
    { id: 'opsporing', label: 'Tidlig opsporing' },
    { id: 'tilbud', label: 'Adgang til de rette tilbud' },
    { id: 'kompetencer', label: 'Medarbejdernes kompetencer' },
    { id: 'foraeldre', label: 'Samarbejde med forældre' },
    { id: 'overgange', label: 'Overgange mellem tilbud' },
    { id: 'viden', label: 'Viden om virkningsfulde indsatser' },
  ];
}

/** The forms of support in the multi-select question asked per focus area (`stoette_<area>_<form>`). */
export function demoSupportForms(): DemoFocusArea[] {
  return [
    { id: 'vejledning', label: 'Faglig vejledning' },
    { id: 'kompetence', label: 'Kompetenceudvikling' },
    { id: 'sparring', label: 'Sparring i konkrete sager' },
    { id: 'netvaerk', label: 'Netværk med andre kommuner' },
    { id: 'redskaber', label: 'Redskaber og materialer' },
  ];
}

/** Options of {@link demoSurveyRows}. */
export interface DemoSurveyOptions {
  /** Seed of the generator (default 2021). The same seed always gives the same rows. */
  readonly seed?: number;
  /** How many of the 98 municipalities respond (default 95, the 2021 report's 97 %). */
  readonly respondents?: number;
}

/**
 * One responding municipality in the demo survey: the real frame columns (`kommunekode`,
 * `kommune`, `region`, `indbyggere`) plus SYNTHETIC answers and a SYNTHETIC socio-economic
 * index. Answer columns hold labels exactly as a CSV export would, or `null` when skipped.
 */
export type DemoSurveyRow = {
  readonly kommunekode: string;
  readonly kommune: string;
  readonly region: string;
  readonly indbyggere: number;
  readonly socioIndeks: number;
} & Readonly<Record<`udfordring_${string}` | `behov_${string}` | `mg_${string}` | `stoette_${string}`, string | null>>;

const challengeLabels = [
  'Slet ingen udfordringer',
  'Mindre udfordringer',
  'Ret store udfordringer',
  'Meget store udfordringer',
] as const;
const degreeLabels = ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'] as const;

/** Maps a latent score to one of four ordered labels by fixed cut points. */
function ordinal<T>(latent: number, labels: readonly [T, T, T, T]): T {
  if (latent < -0.9) return labels[0];
  if (latent < 0.1) return labels[1];
  if (latent < 1.0) return labels[2];
  return labels[3];
}

/** Occasionally replaces an answer with "Ved ikke", a blank, or a re-spelled label. */
function noisy(label: string, random: Random, dontKnow: string): string | null {
  const u = random.uniform();
  if (u < 0.05) return dontKnow;
  if (u < 0.065) return null;
  if (u < 0.08) return ` ${label.toLowerCase()}  `; // as typed by hand: case and spaces differ
  return label;
}

/**
 * Builds the demo survey: the real 98 Danish municipalities (Statistics Denmark, 1 January 2020)
 * with SYNTHETIC answers from a seeded generator, shaped like the 2021 survey of challenges in
 * the specialised social area for children. For each of nine focus areas a municipality rates
 * the size of its challenges ("Slet ingen … Meget store udfordringer", or "Ved ikke") and its
 * need for support ("Slet ikke … I meget høj grad", "Ved ikke", "Ikke relevant").
 *
 * The answers come from a latent model: a municipality-wide strain, a per-area level, a small
 * size effect (smaller municipalities report slightly larger challenges) and noise; the need
 * for support follows the challenge with noise, so the two correlate positively. A few answers
 * are "Ved ikke", blank or typed in another case, as real exports are. None of the answers are
 * real survey results.
 *
 * Two further blocks: for each of six target groups (`demoTargetGroups`) the same six topics
 * (`demoTopics`) rated on the challenge scale (`mg_<group>_<topic>`), with early detection
 * ("opsporing") the largest challenge in most groups; and per focus area a multi-select question
 * "which forms of support would help?" (`stoette_<area>_<form>`: 'x' ticked, '' not ticked,
 * null when the municipality skipped the question), where few municipalities tick some forms.
 *
 * @param options - seed and number of respondents
 * @returns one plain row per responding municipality, in frame order
 * @example
 * const rows = demoSurveyRows();
 * rows.length          // 95
 * rows[0]!.kommune     // a municipality name (which ones respond depends on the seed)
 */
export function demoSurveyRows(options: DemoSurveyOptions = {}): DemoSurveyRow[] {
  checkOptionKeys('demoSurveyRows', options, optionKeys<DemoSurveyOptions>({ seed: true, respondents: true }));
  const seed = options.seed ?? 2021;
  const respondents = options.respondents ?? 95;
  const frame = municipalities2020();
  if (!Number.isInteger(respondents) || respondents < 1 || respondents > frame.length) {
    throw new RangeError(
      `demoSurveyRows: respondents must be an integer from 1 to ${frame.length}, got ${String(respondents)}`,
    );
  }
  const random = seededRandom(seed);

  // Choose the non-respondents by a partial Fisher–Yates shuffle of the frame positions.
  const positions = frame.map((_, i) => i);
  for (let i = 0; i < frame.length - respondents; i++) {
    const j = i + Math.floor(random.uniform() * (frame.length - i));
    [positions[i], positions[j]] = [positions[j] as number, positions[i] as number];
  }
  const dropped = new Set(positions.slice(0, frame.length - respondents));

  const areas = demoFocusAreas();
  const areaLevel = areas.map(() => 0.8 * random.normal());
  const targetGroups = demoTargetGroups();
  const topics = demoTopics();
  const topicLevel = [0.9, 0.3, 0.1, -0.4, 0.2, 0.0];
  const groupLevel = targetGroups.map(() => 0.5 * random.normal());
  const interaction = targetGroups.map(() => topics.map(() => 0.35 * random.normal()));
  const forms = demoSupportForms();
  const formRate = [0.55, 0.45, 0.3, 0.08, 0.03];
  const rows: DemoSurveyRow[] = [];
  frame.forEach((municipality, index) => {
    const strain = random.normal();
    const logSize = Math.log10(municipality.population) - 4.6; // about 0 at 40,000 inhabitants
    const socioIndeks = Math.round((1 + 0.12 * random.normal() - 0.05 * logSize) * 1000) / 1000;
    const row: Record<string, string | number | null> = {
      kommunekode: municipality.code,
      kommune: municipality.name,
      region: municipality.region,
      indbyggere: municipality.population,
      socioIndeks,
    };
    areas.forEach((area, a) => {
      const challenge = 0.55 * strain + (areaLevel[a] as number) - 0.35 * logSize + 0.7 * random.normal();
      const need = 0.75 * challenge + 0.6 * random.normal() - 0.2;
      row[`udfordring_${area.id}`] = noisy(ordinal(challenge, challengeLabels), random, 'Ved ikke');
      const needLabel = random.uniform() < 0.02 ? 'Ikke relevant' : ordinal(need, degreeLabels);
      row[`behov_${area.id}`] = noisy(needLabel, random, 'Ved ikke');
      const skipped = random.uniform() < 0.05;
      forms.forEach((form, f) => {
        const ticked = random.uniform() < (formRate[f] as number) * (challenge > 0 ? 1.3 : 0.7);
        row[`stoette_${area.id}_${form.id}`] = skipped ? null : ticked ? 'x' : '';
      });
    });
    targetGroups.forEach((group, g) => {
      topics.forEach((topic, t) => {
        const latent =
          0.4 * strain + (groupLevel[g] as number) + (topicLevel[t] as number) + (interaction[g]?.[t] as number) + 0.8 * random.normal();
        row[`mg_${group.id}_${topic.id}`] = noisy(ordinal(latent, challengeLabels), random, 'Ved ikke');
      });
    });
    if (!dropped.has(index)) rows.push(row as DemoSurveyRow);
  });
  return rows;
}
