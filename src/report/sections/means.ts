/** The `means` section: coded means per group of a categorical attribute and per size group. */
import type { Survey, SurveyItem } from '../../data/survey';
import type { SizeGrouping } from '../../data/sizeGroups';
import { sizeGroupLabel } from '../sizeGroupLabel';
import { compareGroups, type CompareGroupsResult, type GroupBy } from '../../describe/compareGroups';
import { summarize } from '../../summary/summarize';
import type { BySummary, SurveySummary } from '../../summary/types';
import { columnsOf, type ColumnSpec } from '../columns';
import { asOptionError } from '../reportOptions';
import { codingNote, groupNNote, nRangeNote } from '../reportText';
import type { ReportTable } from '../table';
import { cell, distinctScales, table, type SectionContext } from './context';

/**
 * A row of a table of means: an item, its mean and N per group, its N over all groups and the
 * ANOVA p. `n:<group>` is the number of the group's substantive answers to the item (0 when
 * the group gave none), so that the group's N over the table's items is a range ("9–10").
 */
type MeansRow = {
  item: string;
  label: string;
  group: string | null;
  [mean: `mean:${string}`]: number | null;
  [n: `n:${string}`]: number;
  n: number;
  p: number | null;
};

/**
 * The survey's item tallies per group of `by`, made once for a whole table of means: every
 * `compareGroups` on a survey resolves the grouping and gathers each group's respondents
 * again (arrays as long as the survey, per item), which on a large survey holds hundreds of
 * megabytes at once; from the tallies it gives the same groups, means and ANOVA. A weighted
 * survey, and a grouping that `summarize` refuses, keep the survey (and its exact errors).
 */
function groupedTallies(survey: Survey, by: GroupBy): Survey | SurveySummary {
  if (typeof by !== 'string' && (by === null || typeof by !== 'object' || Array.isArray(by))) return survey;
  if (survey.weights !== null) return survey;
  try {
    return summarize(survey, { by: by as string | SizeGrouping });
  } catch {
    return survey;
  }
}

/**
 * One table of means by a grouping (a categorical attribute or size groups), with ANOVA p.
 * Columns: the item, the mean per group, the N per group (`n:<group>`, "N (Nordjylland)"), the
 * item's N and p; the notes give each group's N over the items as the 2021 report prints it
 * ("Nordjylland (N) = 9–10").
 */
function meansTable(ctx: SectionContext, id: string, title: string, by: GroupBy, option: string): ReportTable {
  const { words, options } = ctx;
  // Size groups named by sizeGroups/medianSplit print in the report's words and digit grouping.
  const sizeLabel = (group: string): string =>
    option === 'sizeGroups' && (by as SizeGrouping).labels === undefined ? sizeGroupLabel(group, options.lang) : group;
  const input = ctx.summary ?? groupedTallies(ctx.survey, by);
  const results: CompareGroupsResult[] = ctx.items.map((item) =>
    asOptionError(option, () =>
      compareGroups(input, item.id, { by, level: options.level, ci: options.ci, denominator: options.denominator }),
    ),
  );
  // Which test the p column holds: the design-based Wald test on a weighted survey, else the ANOVA
  // (of the unweighted answers, which a weighted summary's note says).
  const design = results.some((result) => result.anova.method === 'design-wald');
  const weightedSummary = !design && ctx.summary !== null && ctx.summary.weighted;
  const groups: string[] = [];
  for (const result of results) {
    for (const row of result.groups) if (!groups.includes(row.group)) groups.push(row.group);
  }
  const columns = columnsOf<MeansRow>([
    { key: 'label', label: words.item, format: 'text' },
    ...groups.map((group): ColumnSpec<MeansRow> => ({ key: `mean:${group}`, label: sizeLabel(group), format: 'number', digits: 2 })),
    ...groups.map((group): ColumnSpec<MeansRow> => ({ key: `n:${group}`, label: words.groupN(sizeLabel(group)), format: 'integer' })),
    { key: 'n', label: words.n, format: 'integer' },
    { key: 'p', label: design ? words.waldP : words.anovaP, format: 'p' },
  ]);
  const undefinedAnova = new Map<string, string[]>(); // reason → items, reported once per reason
  const rows = results.map((result, index): MeansRow => {
    const item = ctx.items[index] as SurveyItem;
    const reason = result.anova.reason;
    if (reason !== undefined) undefinedAnova.set(reason, [...(undefinedAnova.get(reason) ?? []), item.id]);
    const row: MeansRow = { item: item.id, label: item.label, group: item.group, n: result.anova.n, p: cell(result.anova.p) };
    for (const group of groups) {
      const found = result.groups.find((g) => g.group === group);
      row[`mean:${group}`] = found === undefined ? null : cell(found.mean.mean);
      row[`n:${group}`] = found === undefined ? 0 : found.mean.n;
    }
    // Field order as before: the groups' values, then N and p.
    const { n, p, ...rest } = row;
    return { ...rest, n, p } as MeansRow;
  });
  for (const [reason, items] of undefinedAnova) {
    const shown = items.slice(0, 5).join(', ') + (items.length > 5 ? `, … (${items.length} items)` : '');
    ctx.warnings.push(`${id}: ${design ? 'the Wald test' : 'ANOVA'} is undefined for ${shown}: ${reason}`);
  }
  return table(id, title, columns, rows, [
    nRangeNote(rows.map((r) => r.n)),
    // Categories in code-unit order, so that a survey and its summary (whose group columns may
    // come in another order) write the same note; size groups in size order.
    groupNNote(
      words,
      (typeof by === 'string' ? [...groups].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : groups).map(
        (group) => [sizeLabel(group), rows.map((r) => r[`n:${group}`] as number)] as const,
      ),
    ),
    words.meansNote,
    ...distinctScales(ctx.items).map((scale) => codingNote(options.lang, scale)),
    design ? words.waldNote : weightedSummary ? words.anovaSummaryUnweighted : words.anovaNote,
  ]);
}

/** Means by each categorical attribute of `by`, then by size group. */
export function meansTables(ctx: SectionContext): ReportTable[] {
  if (ctx.items.length === 0) return [];
  const { words, options } = ctx;
  const tables: ReportTable[] = [];
  for (const attribute of options.by) {
    if (ctx.summary !== null && (ctx.summary.by === null || ctx.summary.by.name !== attribute || ctx.summary.by.sizeGroups !== null)) {
      ctx.warnings.push(`means:${attribute}: omitted, the summary is not grouped by "${attribute}"; make it with summarize(s, { by: '${attribute}' })`);
      continue;
    }
    // An attribute with fewer than two groups has nothing to compare: one warning, no table.
    const groups =
      ctx.summary === null
        ? new Set(ctx.survey.category(attribute).filter((value) => value !== null))
        : new Set((ctx.summary.by as BySummary).groups.filter((g) => g.respondents > 0).map((g) => g.value));
    if (groups.size < 2) {
      ctx.warnings.push(`means:${attribute}: skipped, "${attribute}" has ${groups.size} group${groups.size === 1 ? '' : 's'}; means need at least 2`);
      continue;
    }
    tables.push(meansTable(ctx, `means:${attribute}`, words.meansBy(attribute), attribute, 'by'));
  }
  const size: SizeGrouping | undefined = options.sizeGroups;
  if (size !== undefined) {
    tables.push(meansTable(ctx, 'means:size', words.meansBySize(size.attribute), size, 'sizeGroups'));
  }
  return tables;
}
