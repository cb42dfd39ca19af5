/**
 * The Danish and English wording of the one-call report's titles, headers and notes.
 * Internal: never re-exported from `src/index.ts`. The report's own words are translated, and
 * in English notes the labels of the built-in scales too (`translateLabel`); item labels, group
 * names and other answer labels are printed as the survey spells them.
 */
import type { Scale } from '../scale/types';
import type { StarThreshold } from '../inference/significanceStars';
import { formatNumber, type Lang } from './format';
import { translateLabel } from './labels';
import type { ReportSection } from './reportOptions';

/** An answer label as an English note or title prints it: the built-in scales' labels translated. */
export function noteLabel(lang: Lang, label: string): string {
  return lang === 'en' ? translateLabel(label, 'en') : label;
}


/** Formats a proportion such as 0.95 as "95 %" (Danish) or "95%" (English), for notes only. */
function levelText(lang: Lang, level: number): string {
  const percent = Number((level * 100).toPrecision(12));
  return lang === 'da' ? `${String(percent).replace('.', ',')} %` : `${percent}%`;
}

/** A range of counts: "85–92", or "92" when all are equal; null for no counts. */
export function countRange(counts: readonly number[]): string | null {
  if (counts.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const count of counts) {
    if (count < min) min = count;
    if (count > max) max = count;
  }
  return min === max ? `${min}` : `${min}–${max}`;
}

/** A range of counts as the reports print it: "N = 85–92", or "N = 92" when all are equal. */
export function nRangeNote(counts: readonly number[]): string | null {
  const range = countRange(counts);
  return range === null ? null : `N = ${range}`;
}

/**
 * Each group's N over the items of a table, as the 2021 report prints it under its tables of
 * means ("Region Nordjylland (N) = 9–10"): "N pr. gruppe: Hovedstaden (N) = 27–29, …".
 */
export function groupNNote(words: ReportWords, groups: readonly (readonly [string, readonly number[]])[]): string | null {
  const parts: string[] = [];
  for (const [group, counts] of groups) {
    const range = countRange(counts);
    if (range !== null) parts.push(`${group} (N) = ${range}`);
  }
  return parts.length === 0 ? null : `${words.nPerGroup}: ${parts.join(', ')}`;
}

/** The reports' star scheme (`significanceStars(p, 'default')`), smallest threshold first. */
const DEFAULT_STARS: readonly StarThreshold[] = [
  { below: 0.01, stars: '***' },
  { below: 0.05, stars: '**' },
  { below: 0.1, stars: '*' },
];

/**
 * The star legend of a scheme, each marker with its interval of p (strict `<` at each
 * threshold, as `significanceStars` counts): English "*** p<0.01, ** 0.01<=p<0.05,
 * * 0.05<=p<0.1" as the 2021 report defines it; Danish with decimal commas and spaced
 * operators, "*** p < 0,01, ** 0,01 <= p < 0,05, * 0,05 <= p < 0,1". Thresholds print with the
 * decimals they have (0.1 as "0,1"), in `locale` (default: that of `lang`).
 */
export function starLegend(lang: Lang, scheme: readonly StarThreshold[] = DEFAULT_STARS, locale?: string): string {
  const sorted = [...scheme].sort((a, b) => a.below - b.below);
  const number = (value: number): string => noteNumber(value, lang, locale);
  const op = (symbol: string): string => (lang === 'da' ? ` ${symbol} ` : symbol);
  return sorted
    .map((t, i) => {
      const upper = `p${op('<')}${number(t.below)}`;
      return `${t.stars} ${i === 0 ? upper : `${number((sorted[i - 1] as StarThreshold).below)}${op('<=')}${upper}`}`;
    })
    .join(', ');
}

/**
 * A number in a note or legend as the tables print numbers: grouped, in `locale` (default: that
 * of `lang`), with the decimals it has (up to 10): 1078 → "1.078", 43171.5 → "43.171,5", 0.1 → "0,1".
 */
function noteNumber(value: number, lang: Lang, locale?: string): string {
  return formatNumber(value, { lang, locale, digits: Math.min(10, (/\.(\d+)$/.exec(String(value))?.[1] ?? '').length) });
}

/** Lists labels as 'a', 'b' og 'c' / 'a', 'b' and 'c'. */
function quotedList(lang: Lang, labels: readonly string[]): string {
  const quoted = labels.map((label) => `'${noteLabel(lang, label)}'`);
  if (quoted.length <= 1) return quoted.join('');
  const last = quoted[quoted.length - 1] as string;
  return `${quoted.slice(0, -1).join(', ')} ${lang === 'da' ? 'og' : 'and'} ${last}`;
}

/**
 * The coding of a scale as the reports write it, highest level first:
 * "Meget store udfordringer = 4, …, Slet ingen udfordringer = 1; 'Ved ikke' er udeladt af gennemsnit".
 */
export function codingNote(lang: Lang, scale: Scale): string {
  const parts: string[] = [];
  for (let i = scale.levels.length - 1; i >= 0; i--) {
    parts.push(`${noteLabel(lang, scale.levels[i] as string)} = ${String(scale.codes[i])}`);
  }
  let note = parts.join(', ');
  if (scale.nonSubstantive.length > 0) {
    const list = quotedList(lang, scale.nonSubstantive);
    const plural = scale.nonSubstantive.length > 1;
    note +=
      lang === 'da'
        ? `; ${list} er udeladt af gennemsnit`
        : `; ${list} ${plural ? 'are' : 'is'} left out of means`;
  }
  return note;
}

/** The share definition: which levels count as agreement, and the denominator. */
export function shareNote(
  lang: Lang,
  scale: Scale,
  denominator: 'answered' | 'substantive',
): string {
  const levels = quotedList(lang, [...scale.agree].reverse());
  if (lang === 'da') {
    const base =
      denominator === 'answered'
        ? "af dem, der har besvaret spørgsmålet ('ved ikke' medregnet)"
        : "af de substantielle svar ('ved ikke' udeladt)";
    return `Andel: ${levels} ${base}`;
  }
  const base =
    denominator === 'answered'
      ? "of those who answered the question ('don't know' included)"
      : "of the substantive answers ('don't know' left out)";
  return `Share: ${levels} ${base}`;
}

const PROPORTION_METHOD_NAMES: Readonly<Record<string, string>> = {
  wald: 'Wald',
  wilson: 'Wilson',
  'agresti-coull': 'Agresti–Coull',
  'clopper-pearson': 'Clopper–Pearson',
  jeffreys: 'Jeffreys',
};

/** The interval methods of the summary table. */
export function intervalNote(lang: Lang, level: number, method: string): string {
  const name = PROPORTION_METHOD_NAMES[method] ?? method;
  return lang === 'da'
    ? `${levelText(lang, level)}-konfidensintervaller: ${name} for andele, t-fordeling for gennemsnit`
    : `${levelText(lang, level)} confidence intervals: ${name} for shares, t distribution for means`;
}

/** The interval method of the representativeness tables. */
export function representativenessIntervalNote(
  lang: Lang,
  level: number,
  method: string,
  distribution: 'normal' | 't',
  finiteCorrection: boolean,
): string {
  const name = PROPORTION_METHOD_NAMES[method] ?? method;
  const mean = distribution === 'normal' ? (lang === 'da' ? 'normalfordeling' : 'normal') : 't';
  if (lang === 'da') {
    const fpc = finiteCorrection ? 'med endelighedskorrektion' : 'uden endelighedskorrektion';
    return `${levelText(lang, level)}-intervaller: ${name} for andele, ${mean} for gennemsnit, ${fpc}`;
  }
  const fpc = finiteCorrection ? 'with finite population correction' : 'without finite population correction';
  return `${levelText(lang, level)} intervals: ${name} for shares, ${mean} for means, ${fpc}`;
}

/** Every fixed word of the report, in one language. */
export interface ReportWords {
  readonly title: string;
  readonly item: string;
  readonly group: string;
  readonly n: string;
  readonly total: string;
  readonly distribution: (group: string | null) => string;
  readonly roundingHalfUp: string;
  readonly roundingLargestRemainder: string;
  readonly distributionBase: string;
  readonly summary: string;
  readonly share: string;
  readonly shareLower: string;
  readonly shareUpper: string;
  readonly mean: string;
  readonly meanLower: string;
  readonly meanUpper: string;
  readonly nMean: string;
  readonly summaryN: string;
  readonly pairs: string;
  readonly pairX: string;
  readonly pairY: string;
  readonly r: string;
  readonly p: string;
  readonly pearson: string;
  /** The note of a pairs table whose correlations are weighted, with a design-based test. */
  readonly pearsonWeighted: string;
  /** The note of a pairs table of a weighted summary, whose pair counts are unweighted. */
  readonly pearsonSummaryUnweighted: string;
  /** The note of a summary table of a weighted survey: design-based standard errors. */
  readonly varianceDesign: string;
  /** The note of a summary table of a weighted summary: Kish's effective sample size. */
  readonly varianceKish: string;
  readonly attributes: string;
  readonly attributesN: string;
  readonly meansBy: (attribute: string) => string;
  readonly meansBySize: (attribute: string) => string;
  readonly anovaP: string;
  readonly anovaNote: string;
  /** The p column of a means table of a weighted survey: the design-based Wald test. */
  readonly waldP: string;
  /** The note of a means table of a weighted survey: the design-based Wald test of the group means. */
  readonly waldNote: string;
  /** The note of a means table of a weighted summary, whose ANOVA is of the unweighted answers. */
  readonly anovaSummaryUnweighted: string;
  readonly meansNote: string;
  readonly ranking: (top: number) => string;
  readonly rank: string;
  readonly topics: (top: number) => string;
  readonly topic: string;
  readonly inTop: string;
  readonly groupsRanked: string;
  readonly rankingNote: (by: 'agreement' | 'mean') => string;
  readonly multiSelect: string;
  readonly option: string;
  readonly suppressionNote: (threshold: number, primary: number, complementary: number) => string;
  readonly representativenessShares: string;
  readonly representativenessMeans: string;
  readonly variable: string;
  readonly category: string;
  readonly population: string;
  readonly sample: string;
  readonly lower: string;
  readonly upper: string;
  readonly covered: string;
  readonly verdict: (representative: boolean) => string;
  /** "Tabel 3" / "Table 3". */
  readonly tableNumber: (n: number) => string;
  /** The heading of each section in the table of contents. */
  readonly sectionTitles: Readonly<Record<ReportSection, string>>;
  readonly mixedScales: string;
  readonly nPerGroup: string;
  readonly groupN: (group: string) => string;
  readonly average: string;
  readonly averageNote: (groups: number) => string;
  readonly ticksNote: (ticks: number) => string;
  readonly responseRate: string;
  readonly frameUnits: string;
  readonly responded: string;
  readonly rate: string;
  readonly responseRateNote: string;
  readonly medianNote: (attribute: string, median: number) => string;
}

const DA: ReportWords = {
  title: 'Rapport',
  item: 'Spørgsmål',
  group: 'Gruppe',
  n: 'N',
  total: 'I alt',
  distribution: (group) => (group === null ? 'Svarfordeling' : `Svarfordeling: ${group}`),
  roundingHalfUp: 'Procenter er afrundet til hele tal (halv op) og summer derfor ikke altid til 100',
  roundingLargestRemainder: 'Procenter er afrundet til hele tal efter største brøkdels metode, så hver række summer til 100',
  distributionBase: "Procent af dem, der har besvaret spørgsmålet ('ved ikke' og 'ikke relevant' medregnet)",
  summary: 'Andele og gennemsnit pr. spørgsmål',
  share: 'Andel',
  shareLower: 'Andel, nedre',
  shareUpper: 'Andel, øvre',
  mean: 'Gennemsnit',
  meanLower: 'Gennemsnit, nedre',
  meanUpper: 'Gennemsnit, øvre',
  nMean: 'N (gennemsnit)',
  summaryN: "N er antal svar ('ved ikke' medregnet); N (gennemsnit) er antal substantielle svar",
  pairs: 'Sammenhæng mellem parrede spørgsmål (Pearsons r)',
  pairX: 'Spørgsmål 1',
  pairY: 'Spørgsmål 2',
  r: 'r',
  p: 'p',
  pearson: "Pearsons korrelationskoefficient, parvis udeladelse; 'ved ikke' indgår ikke",
  pearsonWeighted: 'Korrelationerne er vægtede; p-værdierne er designbaserede (hældningens test i en vægtet regression)',
  pearsonSummaryUnweighted: 'Korrelationerne er uvægtede: et sammendrag rummer kun antal respondenter pr. par af svar',
  varianceDesign: 'Vægtede andele og gennemsnit; standardfejlene er designbaserede (linearisering, som R-pakken survey)',
  varianceKish: 'Vægtede andele og gennemsnit; intervallerne bygger på Kishs effektive stikprøvestørrelse, da et sammendrag ikke rummer designet',
  attributes: 'Sammenhæng med baggrundsvariable (Pearsons r)',
  attributesN: 'N',
  meansBy: (attribute) => `Gennemsnit fordelt på ${attribute}`,
  meansBySize: (attribute) => `Gennemsnit fordelt på størrelse (${attribute})`,
  anovaP: 'p (ANOVA)',
  anovaNote: 'p: envejs-variansanalyse (ANOVA) af forskellen mellem grupperne',
  waldP: 'p (Wald)',
  waldNote: 'p: designbaseret Wald-test af forskellen mellem de vægtede gruppegennemsnit (som regTermTest(svyglm(…)) i R-pakken survey)',
  anovaSummaryUnweighted: 'p: envejs-variansanalyse (ANOVA) af de uvægtede svar, da et sammendrag ikke rummer designet',
  meansNote: 'Gennemsnit af de kodede svar',
  ranking: (top) => `De ${top} største pr. gruppe`,
  rank: 'Placering',
  topics: (top) => `Hvor ofte hvert emne er blandt de ${top} største`,
  topic: 'Emne',
  inTop: 'Blandt de største',
  groupsRanked: 'Grupper',
  rankingNote: (by) =>
    by === 'agreement' ? 'Rangordnet efter andel; delte placeringer får samme plads' : 'Rangordnet efter gennemsnit; delte placeringer får samme plads',
  multiSelect: 'Flervalg',
  option: 'Svarmulighed',
  suppressionNote: (threshold, primary, complementary) =>
    `Celler med færre end ${threshold} er diskretioneret (–): ${primary} små celler og ${complementary} yderligere, så ingen kan genberegnes af totalerne`,
  representativenessShares: 'Repræsentativitet: fordeling',
  representativenessMeans: 'Repræsentativitet: gennemsnit',
  variable: 'Variabel',
  category: 'Kategori',
  population: 'Population',
  sample: 'Stikprøve',
  lower: 'Nedre',
  upper: 'Øvre',
  covered: 'Inden for intervallet',
  verdict: (representative) =>
    representative
      ? 'Alle populationsværdier ligger inden for stikprøvens interval'
      : 'Ikke alle populationsværdier ligger inden for stikprøvens interval',
  tableNumber: (n) => `Tabel ${n}`,
  sectionTitles: {
    distribution: 'Svarfordelinger',
    summary: 'Andele og gennemsnit',
    pairs: 'Sammenhænge mellem parrede spørgsmål',
    attributes: 'Sammenhænge med baggrundsvariable',
    means: 'Gennemsnit fordelt på grupper',
    ranking: 'De største udfordringer',
    multiSelect: 'Flervalg',
    responseRate: 'Svarprocent',
    representativeness: 'Repræsentativitet',
  },
  mixedScales: 'Spørgsmålene har hver sin skala; – står ved svarmuligheder fra et andet spørgsmåls skala',
  nPerGroup: 'N pr. gruppe',
  groupN: (group) => `N (${group})`,
  average: 'Gennemsnit',
  averageNote: (groups) => `Gennemsnit: det gennemsnitlige antal afkrydsninger pr. gruppe (summen over de ${groups} grupper divideret med ${groups})`,
  ticksNote: (ticks) => `Afkrydsninger i alt: N = ${noteNumber(ticks, 'da')}`,
  responseRate: 'Svarprocent',
  frameUnits: 'Antal i populationen',
  responded: 'Besvaret',
  rate: 'Svarprocent',
  responseRateNote: 'Svarprocent: antal besvarelser divideret med antal enheder i populationen',
  medianNote: (attribute, median) => `Grupperne af ${attribute} er delt ved medianen i populationen (${noteNumber(median, 'da')})`,
};

const EN: ReportWords = {
  title: 'Report',
  item: 'Question',
  group: 'Group',
  n: 'N',
  total: 'Total',
  distribution: (group) => (group === null ? 'Distribution of answers' : `Distribution of answers: ${group}`),
  roundingHalfUp: 'Percentages are rounded half up to whole numbers and may not sum to 100',
  roundingLargestRemainder: 'Percentages are rounded to whole numbers by the largest-remainder method, so each row sums to 100',
  distributionBase: "Percent of those who answered the question ('don't know' and 'not relevant' included)",
  summary: 'Shares and means per question',
  share: 'Share',
  shareLower: 'Share, lower',
  shareUpper: 'Share, upper',
  mean: 'Mean',
  meanLower: 'Mean, lower',
  meanUpper: 'Mean, upper',
  nMean: 'N (mean)',
  summaryN: "N is the number of answers ('don't know' included); N (mean) the number of substantive answers",
  pairs: 'Correlation between paired questions (Pearson r)',
  pairX: 'Question 1',
  pairY: 'Question 2',
  r: 'r',
  p: 'p',
  pearson: "Pearson correlation, pairwise deletion; 'don't know' is left out",
  pearsonWeighted: 'The correlations are weighted; the p-values are design-based (the slope test of a weighted regression)',
  pearsonSummaryUnweighted: 'The correlations are unweighted: a summary holds only the respondent counts of each pair of answers',
  varianceDesign: 'Weighted shares and means; the standard errors are design-based (linearisation, as in the R package survey)',
  varianceKish: "Weighted shares and means; the intervals use Kish's effective sample size, as a summary does not hold the design",
  attributes: 'Correlation with background variables (Pearson r)',
  attributesN: 'N',
  meansBy: (attribute) => `Means by ${attribute}`,
  meansBySize: (attribute) => `Means by size group (${attribute})`,
  anovaP: 'p (ANOVA)',
  anovaNote: 'p: one-way analysis of variance (ANOVA) of the difference between the groups',
  waldP: 'p (Wald)',
  waldNote: 'p: design-based Wald test of the difference between the weighted group means (as regTermTest(svyglm(…)) in the R package survey)',
  anovaSummaryUnweighted: 'p: one-way analysis of variance (ANOVA) of the unweighted answers, as a summary does not hold the design',
  meansNote: 'Means of the coded answers',
  ranking: (top) => `The ${top} largest per group`,
  rank: 'Rank',
  topics: (top) => `How often each topic is among the ${top} largest`,
  topic: 'Topic',
  inTop: 'Among the largest',
  groupsRanked: 'Groups',
  rankingNote: (by) =>
    by === 'agreement' ? 'Ranked by share; ties share a rank' : 'Ranked by mean; ties share a rank',
  multiSelect: 'Multiple choice',
  option: 'Option',
  suppressionNote: (threshold, primary, complementary) =>
    `Cells under ${threshold} are suppressed (–): ${primary} small cells and ${complementary} more, so that none can be recovered from the totals`,
  representativenessShares: 'Representativeness: distribution',
  representativenessMeans: 'Representativeness: means',
  variable: 'Variable',
  category: 'Category',
  population: 'Population',
  sample: 'Sample',
  lower: 'Lower',
  upper: 'Upper',
  covered: 'Inside the interval',
  verdict: (representative) =>
    representative
      ? 'Every population value lies inside the sample interval'
      : 'Not every population value lies inside the sample interval',
  tableNumber: (n) => `Table ${n}`,
  sectionTitles: {
    distribution: 'Distributions of answers',
    summary: 'Shares and means',
    pairs: 'Correlations between paired questions',
    attributes: 'Correlations with background variables',
    means: 'Means by group',
    ranking: 'The largest challenges',
    multiSelect: 'Multiple choice',
    responseRate: 'Response rate',
    representativeness: 'Representativeness',
  },
  mixedScales: 'Each question has its own scale; – marks an answer category of another question\'s scale',
  nPerGroup: 'N per group',
  groupN: (group) => `N (${group})`,
  average: 'Average',
  averageNote: (groups) => `Average: the mean number of ticks per group (the sum over the ${groups} groups divided by ${groups})`,
  ticksNote: (ticks) => `Ticks in total: N = ${noteNumber(ticks, 'en')}`,
  responseRate: 'Response rate',
  frameUnits: 'Units in the population',
  responded: 'Responded',
  rate: 'Response rate',
  responseRateNote: 'Response rate: responses divided by the units of the population',
  medianNote: (attribute, median) => `The groups of ${attribute} are split at the population median (${noteNumber(median, 'en')})`,
};

/** The words of the report in `lang`. */
export function reportWords(lang: Lang): ReportWords {
  return lang === 'da' ? DA : EN;
}
