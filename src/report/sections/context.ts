/**
 * What every section builder of the one-call report shares: its input, and the small helpers
 * that turn statistics into table cells. Internal: `report` and the section files use it.
 * Every builder returns the tables it can make (possibly none) and adds its warnings to a
 * list; none throws for "not applicable".
 */
import type { Survey, SurveyItem } from '../../data/survey';
import type { LikertColumn } from '../../data/types';
import type { Scale } from '../../scale/types';
import type { ItemSummary, SurveySummary } from '../../summary/types';
import type { ResolvedReportOptions } from '../reportOptions';
import type { ReportWords } from '../reportText';
import type { TableRow } from '../columns';
import type { ReportColumn, ReportTable } from '../table';

/** What every section builder receives. */
export interface SectionContext {
  /** The survey, or for a report of a summary its survey-shaped view (metadata only). */
  readonly survey: Survey;
  /** The summary a report is made from, or null for a survey. */
  readonly summary: SurveySummary | null;
  readonly options: ResolvedReportOptions;
  readonly words: ReportWords;
  /** The analysed items, in survey order. */
  readonly items: readonly SurveyItem[];
  readonly warnings: string[];
}

/** A section builder: the tables of one section (none when its input is absent). */
export type SectionBuilder = (ctx: SectionContext) => ReportTable[];

/** A finite number, or null (NaN and ±Infinity do not survive JSON, and print as a dash). */
export function cell(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** A report table; notes that are null (nothing to say) are left out. */
export function table(
  id: string,
  title: string,
  columns: readonly ReportColumn[],
  rows: readonly TableRow[],
  notes: readonly (string | null)[],
): ReportTable {
  return {
    kind: 'report-table',
    id,
    title,
    columns,
    rows,
    notes: notes.filter((note): note is string => note !== null),
  };
}

/** The input of the single-item statistics: the summary's item, or the survey's column. */
export function itemInput(ctx: SectionContext, id: string): LikertColumn | ItemSummary {
  if (ctx.summary === null) return ctx.survey.item(id);
  return ctx.summary.items.find((item) => item.id === id) as ItemSummary;
}

/** Whether a section that needs the respondents is skipped for a summary (with a warning). */
export function skippedForSummary(ctx: SectionContext, section: string, why: string): boolean {
  if (ctx.summary === null) return false;
  ctx.warnings.push(`${section}: omitted, a summary holds no ${why}; report the survey for this section`);
  return true;
}

/** The distinct scales of some items, in order of first appearance. */
export function distinctScales(items: readonly SurveyItem[]): Scale[] {
  const scales: Scale[] = [];
  for (const item of items) {
    if (!scales.some((s) => s.id === item.scale.id)) scales.push(item.scale);
  }
  return scales;
}

/** Items grouped by `group` (null for ungrouped), groups in order of first appearance. */
export function itemsByGroup(items: readonly SurveyItem[]): [string | null, SurveyItem[]][] {
  const groups = new Map<string | null, SurveyItem[]>();
  for (const item of items) {
    const members = groups.get(item.group) ?? [];
    members.push(item);
    groups.set(item.group, members);
  }
  return [...groups.entries()];
}

/** The printed name of an item group: its label from `groupLabels`, or its id as it is. */
export function groupName(ctx: SectionContext, group: string | null): string | null {
  if (group === null) return null;
  return ctx.options.groupLabels[group] ?? group;
}
