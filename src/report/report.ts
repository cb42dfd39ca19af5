/**
 * The one-call report: the analysis the 2021 report on the specialised social area for children
 * is made of, for any survey whose items carry groups, as plain tables.
 */
import type { Survey } from '../data/survey';
import { surveyOfSummary } from '../summary/surveyOfSummary';
import type { SurveySummary } from '../summary/types';
import { assertSurveySummary, isSurveySummary } from '../summary/validateSummary';
import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import {
  REPORT_SECTIONS,
  resolveReportOptions,
  type ReportOptions,
  type ReportSection,
} from './reportOptions';
import type { SectionBuilder, SectionContext } from './sections/context';
import { attributeTables } from './sections/attributes';
import { distributionTables } from './sections/distribution';
import { meansTables } from './sections/means';
import { multiSelectTables } from './sections/multiSelect';
import { pairTables } from './sections/pairs';
import { rankingTables } from './sections/ranking';
import { representativenessTables } from './sections/representativeness';
import { responseRateTables } from './sections/responseRate';
import { summaryTables } from './sections/summary';
import type { Lang } from './format';
import { reportWords } from './reportText';
import type { ReportTable } from './table';

export type {
  ReportItemSelector,
  ReportMultiSelect,
  ReportOptions,
  ReportPairs,
  ReportRepresentativeness,
  ReportSection,
} from './reportOptions';

/** Counts behind a {@link ReportResult}. */
export interface ReportCounts {
  /** Respondents in the survey (rows after duplicate handling). */
  readonly respondents: number;
  /** Items analysed. */
  readonly items: number;
  /** Distinct item groups among the analysed items (ungrouped items not counted). */
  readonly groups: number;
  /** Item pairs correlated in the `pairs` table. */
  readonly pairs: number;
  /** Units in the population frame, when one was given. */
  readonly frame?: number;
}

/** One entry of a report's table of contents: a built section, its heading and its tables. */
export interface ReportContentsEntry {
  readonly section: ReportSection;
  /** The section's heading in the report's language ("Svarfordelinger" / "Distributions of answers"). */
  readonly title: string;
  /** The ids of the section's tables, in report order (each table's `number` gives "Tabel n"). */
  readonly tables: string[];
}

/** Result of {@link report}: plain, JSON-serialisable data (a `JSON.parse(JSON.stringify(r))` equals it). */
export interface ReportResult {
  readonly kind: 'report';
  readonly title: string;
  /** Language of titles and notes. */
  readonly lang: Lang;
  /** The tables, in report order (see {@link ReportSection}); undefined statistics are `null`. */
  readonly tables: ReportTable[];
  /** The table ids each built section produced, in report order (sections without tables are absent). */
  readonly sections: Partial<Record<ReportSection, string[]>>;
  /** The table of contents: one entry per built section, in report order. */
  readonly contents: ReportContentsEntry[];
  readonly n: ReportCounts;
  /** Statistics that are undefined for the data (zero variance, a group without answers) and notes passed on. */
  readonly warnings: string[];
  readonly method: 'likert-report';
}

/**
 * Builds the tables of a Likert survey report in one call: the analysis of the 2021 report on
 * the specialised social area for children (98 municipalities), for any survey.
 *
 * Sections, in the order of the tables (each skipped, without an error, when its input is
 * absent):
 *
 * - `distribution`: per item group, a row per item with the share of those who answered giving
 *   each answer category, highest level first, "ved ikke" and "ikke relevant" included, and N;
 *   headed by the group's label (`groupLabels`, else its id). A group asked on two scales (a
 *   challenge and a need for support) is one table whose columns hold both scales' categories,
 *   `null` where a category is not on the item's scale; ids `distribution:<group>:<scale id>`
 *   for a group on one scale, `distribution:<group>` for a group on several, and
 *   `distribution:<scale id>` per scale for ungrouped items. Shares are unrounded 0–1 values
 *   with `rounding: 'half-up'` (a renderer prints them as whole percents, half up); with
 *   `'largest-remainder'` they are the apportioned whole percents as shares (34 % → 0.34), so
 *   that each row sums to exactly 100.
 * - `summary`: per item, the agreement share (top box over the `denominator`) with its interval
 *   (`ci`, Wilson by default) and N, and the coded mean with its t interval and N; id `summary`.
 * - `pairs`: Pearson r, N, p and stars for item pairs (`pairs`: by default the groups that hold
 *   exactly two items on different scales, such as a challenge and a need for support); id
 *   `pairs`.
 * - `attributes`: r with stars and N of every item with each numeric attribute; id `attributes`.
 * - `means`: coded means per group of each categorical attribute in `by` (ids `means:<name>`)
 *   and per size group (`sizeGroups`, id `means:size`), with each group's N per item
 *   (`n:<group>` columns), the item's N and the one-way ANOVA p; a note gives each group's N
 *   over the items as the 2021 report prints it ("Nordjylland (N) = 9–10").
 * - `ranking`: the `top` items per group among items that carry a topic, and how often each
 *   topic is among them; ids `ranking` and `ranking:topics`.
 * - `multiSelect`: counts per option (rows) and group (columns) of `multiSelect.questions`, with
 *   the row and column totals, the average count per option over the groups (`average`) and the
 *   total number of ticks (the totals row's `total`, and a note "N = 243"); counts with
 *   0 < count < `suppressBelow` (3) and the cells that would reveal them are `null`; id
 *   `multiSelect`.
 * - `responseRate`: given a `frame`, per category of each categorical variable of the
 *   representativeness section and of the size groups, the frame's units, the respondents and
 *   the rate respondents / units, then the total (the 2024 report's Bilagstabel 1.1); id
 *   `responseRate`.
 * - `representativeness`: given a `frame` or `targets`, sample vs population per category share
 *   (id `representativeness`) and per numeric mean (id `representativeness:means`) with Wald
 *   intervals by default, and the verdict in the notes.
 *
 * Every table's notes say what the reports print under it: the N range ("N = 85–92"), the
 * coding ("Meget store udfordringer = 4, …, Slet ingen udfordringer = 1; 'Ved ikke' er udeladt af
 * gennemsnit"), the star legend (`*** p<0.01, ** 0.01<=p<0.05, * 0.05<=p<0.1`) and the interval
 * method; `stars: false` leaves stars and legend out, `'apa'` or custom thresholds change them.
 * Tables hold raw numbers (shares 0–1, r, p); `toMarkdown` / `toHtml` format them. Every table
 * carries its `number` ("Tabel 3", from 1 in report order), and `contents` lists the built
 * sections with their headings and table ids, for a table of contents.
 * A statistic that is undefined for the data is `null` in its cell, with a warning.
 *
 * From a summary (`summarize(s, { by, pairs })`) the sections `distribution`, `summary`,
 * `pairs` (the pairs must be in the summary), `ranking`, `means` (for the summary's own `by`
 * only) and the categorical rows of `representativeness` are built, equal to the survey's;
 * `attributes` (numeric attributes) and `multiSelect` need the respondents and are omitted with a
 * warning, as are `means` tables for another grouping. The groups of a `means` table from a
 * summary come in the summary's order (code-unit order of the values; size groups in their
 * labels' order), from a survey in order of first appearance.
 *
 * @param input - a survey from `survey()` (items may carry `group` and `topic`), or a summary
 * @param options - sections, items, level, interval method, denominator, rounding, pairs,
 *   numeric attributes, `by`, `sizeGroups`, `top`, `multiSelect`, `suppressBelow`, `frame` or
 *   `targets`, `stars`, `groupLabels`, `lang` (`'da'` default, `'en'`) and `title`; see
 *   {@link ReportOptions}
 * @returns the numbered tables, the table ids per section, the contents, counts and warnings;
 *   never `NaN` (undefined values are `null`)
 * @throws RangeError whose message starts with "report:" for a bad option: an unknown section,
 *   item, attribute or language, a level outside (0, 1), unpairable `pairs`, bad `sizeGroups`
 *   breaks, both `frame` and `targets`, representativeness variables the frame lacks, a bad
 *   `stars` scheme, or `groupLabels` naming a group no analysed item has;
 *   TypeError when `survey` is not a survey; the errors of `multiSelectTable` for bad
 *   multi-select data
 * @example
 * ```ts
 * const s = survey({
 *   rows: [
 *     { id: '1', region: 'Nord', u: 'Meget store udfordringer', b: 'I høj grad' },
 *     { id: '2', region: 'Nord', u: 'Mindre udfordringer', b: 'Slet ikke' },
 *     { id: '3', region: 'Syd', u: 'Ret store udfordringer', b: 'I meget høj grad' },
 *     { id: '4', region: 'Syd', u: 'Ved ikke', b: 'I mindre grad' },
 *   ],
 *   id: 'id',
 *   items: [
 *     { id: 'u', scale: scales.daChallenge4, label: 'Udfordring', group: 'A' },
 *     { id: 'b', scale: scales.daDegree4, label: 'Behov', group: 'A' },
 *   ],
 *   attributes: { region: 'category' },
 * });
 * const r = report(s);
 * r.tables.map((t) => t.id);
 * // ['distribution:A', 'summary', 'pairs', 'means:region']
 * r.tables.map((t) => t.number);                          // [1, 2, 3, 4]
 * r.tables[0].rows[0]['share:Meget store udfordringer']; // 0.25 (1 of the 4 who answered)
 * r.tables[0].rows[1]['share:Meget store udfordringer']; // null (not on the need scale)
 * r.tables[0].notes[0];                                   // 'N = 4'
 * r.tables[2].rows[0];
 * // { group: 'A', x: 'u', y: 'b', xLabel: 'Udfordring', yLabel: 'Behov',
 * //   r: 0.6546536707079772, rStars: '', n: 3, p: 0.5456289483429898 }
 * ```
 * @see {@link ReportTable} for the table model; R: `likert::likert`, `psych::corr.test`,
 *   `oneway.test(var.equal = TRUE)` for the statistics behind the tables
 */
export function report(input: Survey | SurveySummary, options: ReportOptions = {}): ReportResult {
  checkOptionKeys('report', options, optionKeys<ReportOptions>({ title: true, lang: true, sections: true, items: true, level: true, ci: true, denominator: true, rounding: true, pairs: true, numericAttributes: true, by: true, sizeGroups: true, top: true, rankBy: true, multiSelect: true, suppressBelow: true, frame: true, targets: true, representativeness: true, stars: true, groupLabels: true }));
  const summary = isSurveySummary(input) ? input : null;
  if (summary !== null) assertSurveySummary('report', summary);
  else if (input === null || typeof input !== 'object' || (input as { kind?: unknown }).kind !== 'survey') {
    throw new TypeError(`report: survey must be a survey from survey() or a summary from summarize(), got ${describeValue(input)}`);
  }
  const survey = summary === null ? (input as Survey) : surveyOfSummary('report', summary);
  const resolved = resolveReportOptions(survey, options);
  const words = reportWords(resolved.lang);
  const items = survey.items.filter((item) => resolved.items.includes(item.id));
  const ctx: SectionContext = { survey, summary, options: resolved, words, items, warnings: [] };
  const builders: Record<ReportSection, SectionBuilder> = {
    distribution: distributionTables,
    summary: summaryTables,
    pairs: pairTables,
    attributes: attributeTables,
    means: meansTables,
    ranking: rankingTables,
    multiSelect: multiSelectTables,
    responseRate: responseRateTables,
    representativeness: representativenessTables,
  };
  const tables: ReportTable[] = [];
  const sections: Partial<Record<ReportSection, string[]>> = {};
  const contents: ReportContentsEntry[] = [];
  for (const section of REPORT_SECTIONS) {
    if (!resolved.sections.has(section)) continue;
    const built = builders[section](ctx);
    if (built.length === 0) continue;
    const ids = built.map((t) => t.id);
    sections[section] = ids;
    contents.push({ section, title: words.sectionTitles[section], tables: [...ids] });
    // Tables are numbered from 1 in report order ("Tabel 3").
    for (const t of built) tables.push({ ...t, number: tables.length + 1 });
  }
  const groups = new Set(items.map((i) => i.group).filter((g) => g !== null));
  return {
    kind: 'report',
    title: resolved.title ?? words.title,
    lang: resolved.lang,
    tables,
    sections,
    contents,
    n: {
      respondents: survey.size,
      items: items.length,
      groups: groups.size,
      pairs: resolved.sections.has('pairs') ? resolved.pairs.length : 0,
      ...(resolved.frame !== undefined ? { frame: resolved.frame.length } : {}),
    },
    warnings: ctx.warnings,
    method: 'likert-report',
  };
}
