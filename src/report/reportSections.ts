/**
 * The table builders of the one-call report, one per section. Internal: `report` calls them.
 * Every builder returns the tables it can make (possibly none) and adds its warnings to a list;
 * none throws for "not applicable".
 */
import type { Survey, SurveyItem } from '../data/survey';
import type { LikertColumn } from '../data/types';
import type { BySummary, ItemSummary, SurveySummary } from '../summary/types';
import { agreementShare } from '../describe/agreementShare';
import { codedMean } from '../describe/codedMean';
import { compareGroups, type CompareGroupsResult, type GroupBy } from '../describe/compareGroups';
import { correlate } from '../describe/correlate';
import { frequencies } from '../describe/frequencies';
import type { MultiSelectInput } from '../describe/multiSelectInput';
import { multiSelectTable } from '../describe/multiSelectTable';
import { rankItems } from '../describe/rankItems';
import { representativeness, type RepresentativenessRow } from '../representativeness/representativeness';
import type { VariableSpec } from '../representativeness/internal';
import type { Scale } from '../scale/types';
import type { SizeGrouping } from '../data/sizeGroups';
import { asOptionError, type ResolvedReportOptions } from './reportOptions';
import { sizeGroupLabel } from './sizeGroupLabel';
import {
  codingNote,
  intervalNote,
  nRangeNote,
  representativenessIntervalNote,
  noteLabel,
  shareNote,
  starLegend,
  type ReportWords,
} from './reportText';
import { largestRemainder } from './rounding';
import { suppressSmallCells } from './suppress';
import { summarize } from '../summary/summarize';
import type { ReportColumn, ReportTable, ReportValue } from './table';

type Row = Record<string, ReportValue>;

/** The input of the single-item statistics: the summary's item, or the survey's column. */
function itemInput(ctx: SectionContext, id: string): LikertColumn | ItemSummary {
  if (ctx.summary === null) return ctx.survey.item(id);
  return ctx.summary.items.find((item) => item.id === id) as ItemSummary;
}

/** Whether a section that needs the respondents is skipped for a summary (with a warning). */
function skippedForSummary(ctx: SectionContext, section: string, why: string): boolean {
  if (ctx.summary === null) return false;
  ctx.warnings.push(`${section}: omitted, a summary holds no ${why}; report the survey for this section`);
  return true;
}

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

/** A finite number, or null (NaN and ±Infinity do not survive JSON, and print as a dash). */
export function cell(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function table(
  id: string,
  title: string,
  columns: readonly ReportColumn[],
  rows: readonly Row[],
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

/** The distinct scales of some items, in order of first appearance. */
function distinctScales(items: readonly SurveyItem[]): Scale[] {
  const scales: Scale[] = [];
  for (const item of items) {
    if (!scales.some((s) => s.id === item.scale.id)) scales.push(item.scale);
  }
  return scales;
}

/** Items grouped by `group` (null for ungrouped), groups in order of first appearance. */
function itemsByGroup(items: readonly SurveyItem[]): [string | null, SurveyItem[]][] {
  const groups = new Map<string | null, SurveyItem[]>();
  for (const item of items) {
    const members = groups.get(item.group) ?? [];
    members.push(item);
    groups.set(item.group, members);
  }
  return [...groups.entries()];
}

/** Answer categories in report order: highest level first, then the non-substantive answers. */
function reportCategoryOrder(scale: Scale): number[] {
  const k = scale.levels.length;
  const order: number[] = [];
  for (let i = k - 1; i >= 0; i--) order.push(i);
  for (let i = k; i < scale.categories.length; i++) order.push(i);
  return order;
}

/**
 * Distribution tables: one per group and scale, a row per item, a column per answer category
 * (share of those who answered, "ved ikke" and "ikke relevant" included).
 */
export function distributionTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  const tables: ReportTable[] = [];
  for (const [group, members] of itemsByGroup(ctx.items)) {
    const scales = distinctScales(members);
    for (const scale of scales) {
      const scaleItems = members.filter((m) => m.scale.id === scale.id);
      const order = reportCategoryOrder(scale);
      const columns: ReportColumn[] = [
        { key: 'label', label: words.item, format: 'text' },
        ...order.map((index) => ({
          key: `share:${scale.categories[index] as string}`,
          label: scale.categories[index] as string,
          format: 'percent' as const,
        })),
        { key: 'n', label: words.n, format: 'integer' },
      ];
      const counts: number[] = [];
      const rows = scaleItems.map((item) => {
        const freq = frequencies(itemInput(ctx, item.id));
        counts.push(freq.n.answered);
        const shares = freq.rows.map((r) => r.share);
        // Largest remainder apportions whole percents (stored as shares: 34 % → 0.34) so a row sums to 100.
        const shown =
          options.rounding === 'largest-remainder' && freq.n.answered > 0
            ? largestRemainder(freq.rows.map((r) => r.weight)).map((pct) => pct / 100)
            : shares;
        const row: Row = { item: item.id, label: item.label };
        for (const index of order) {
          const label = scale.categories[index] as string;
          row[`share:${label}`] = cell(shown[index] as number);
          row[`count:${label}`] = (freq.rows[index] as { count: number }).count;
        }
        row['n'] = freq.n.answered;
        return row;
      });
      const id = group === null ? `distribution:${scale.id}` : `distribution:${group}:${scale.id}`;
      // A group asked on two scales (challenge and need) gets two tables: the scale tells them apart.
      const title =
        scales.length > 1
          ? `${words.distribution(group)} (${noteLabel(options.lang, scale.levels[0] as string)} – ${noteLabel(options.lang, scale.levels[scale.levels.length - 1] as string)})`
          : words.distribution(group);
      tables.push(
        table(id, title, columns, rows, [
          nRangeNote(counts),
          words.distributionBase,
          options.rounding === 'half-up' ? words.roundingHalfUp : words.roundingLargestRemainder,
        ]),
      );
    }
  }
  return tables;
}

/** The summary table: agreement share and coded mean with intervals and N, per item. */
export function summaryTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  if (ctx.items.length === 0) return [];
  const columns: ReportColumn[] = [
    { key: 'label', label: words.item, format: 'text' },
    { key: 'group', label: words.group, format: 'text' },
    { key: 'share', label: words.share, format: 'percent' },
    { key: 'shareLower', label: words.shareLower, format: 'percent' },
    { key: 'shareUpper', label: words.shareUpper, format: 'percent' },
    { key: 'n', label: words.n, format: 'integer' },
    { key: 'mean', label: words.mean, format: 'number', digits: 2 },
    { key: 'meanLower', label: words.meanLower, format: 'number', digits: 2 },
    { key: 'meanUpper', label: words.meanUpper, format: 'number', digits: 2 },
    { key: 'nMean', label: words.nMean, format: 'integer' },
  ];
  const counts: number[] = [];
  const rows = ctx.items.map((item) => {
    const column = itemInput(ctx, item.id);
    const share = agreementShare(column, { ci: options.ci, level: options.level, denominator: options.denominator });
    const mean = codedMean(column, { level: options.level });
    counts.push(share.n);
    return {
      item: item.id,
      label: item.label,
      group: item.group,
      share: cell(share.estimate),
      shareLower: cell(share.ci.lower),
      shareUpper: cell(share.ci.upper),
      count: share.count,
      n: share.n,
      mean: cell(mean.mean),
      meanLower: cell(mean.ci.lower),
      meanUpper: cell(mean.ci.upper),
      nMean: mean.n,
    };
  });
  const scales = distinctScales(ctx.items);
  return [
    table('summary', words.summary, columns, rows, [
      nRangeNote(counts),
      words.summaryN,
      ...scales.map((scale) => shareNote(options.lang, scale, options.denominator)),
      ...scales.map((scale) => codingNote(options.lang, scale)),
      intervalNote(options.lang, options.level, options.ci),
    ]),
  ];
}

/** The paired correlations (challenge vs need per focus area), with N and stars. */
export function pairTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  if (options.pairs.length === 0) return [];
  const result = correlate(ctx.summary ?? ctx.survey, { pairs: options.pairs, x: options.pairs.map(([x]) => x), level: options.level });
  const columns: ReportColumn[] = [
    { key: 'group', label: words.group, format: 'text' },
    { key: 'xLabel', label: words.pairX, format: 'text' },
    { key: 'yLabel', label: words.pairY, format: 'text' },
    { key: 'r', label: words.r, format: 'correlation', digits: 2 },
    { key: 'n', label: words.n, format: 'integer' },
    { key: 'p', label: words.p, format: 'p' },
  ];
  const groupOf = (id: string): string | null => ctx.items.find((i) => i.id === id)?.group ?? null;
  const rows = result.rows.map((row) => {
    if (row.reason !== undefined) ctx.warnings.push(`pairs: r is undefined for ${row.x} and ${row.y}: ${row.reason}`);
    return {
      group: groupOf(row.x),
      x: row.x,
      y: row.y,
      xLabel: row.xLabel,
      yLabel: row.yLabel,
      r: cell(row.r),
      rStars: row.stars,
      n: row.n,
      p: cell(row.p),
    };
  });
  const scales = distinctScales(ctx.items.filter((i) => options.pairs.some(([x, y]) => i.id === x || i.id === y)));
  return [
    table('pairs', words.pairs, columns, rows, [
      nRangeNote(rows.map((r) => r.n)),
      words.pearson,
      starLegend(options.lang),
      ...scales.map((scale) => codingNote(options.lang, scale)),
    ]),
  ];
}

/** Correlations of every item with the numeric attributes: r with stars and N per attribute. */
export function attributeTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  const attributes = options.numericAttributes;
  // A summary holds no numeric attributes (a size grouping's attribute only as its groups), so
  // a section asked for by name is left out with a warning, whatever attributes are listed.
  if (ctx.summary !== null && options.sectionsGiven && skippedForSummary(ctx, 'attributes', 'numeric attributes')) return [];
  if (attributes.length === 0 || ctx.items.length === 0) return [];
  if (skippedForSummary(ctx, 'attributes', 'numeric attributes')) return [];
  const result = correlate(ctx.survey, { x: ctx.items.map((i) => i.id), y: [...attributes], level: options.level });
  const columns: ReportColumn[] = [{ key: 'label', label: words.item, format: 'text' }];
  for (const attribute of attributes) {
    columns.push({ key: `r:${attribute}`, label: attribute, format: 'correlation', digits: 2 });
    columns.push({ key: `n:${attribute}`, label: `${words.attributesN} (${attribute})`, format: 'integer' });
  }
  const counts: number[] = [];
  const rows = ctx.items.map((item) => {
    const row: Row = { item: item.id, label: item.label, group: item.group };
    for (const attribute of attributes) {
      const found = result.rows.find((r) => r.x === item.id && r.y === attribute);
      /* c8 ignore next */
      if (found === undefined) continue;
      if (found.reason !== undefined) {
        ctx.warnings.push(`attributes: r is undefined for ${item.id} and ${attribute}: ${found.reason}`);
      }
      row[`r:${attribute}`] = cell(found.r);
      row[`r:${attribute}Stars`] = found.stars;
      row[`n:${attribute}`] = found.n;
      row[`p:${attribute}`] = cell(found.p);
      counts.push(found.n);
    }
    return row;
  });
  return [
    table('attributes', words.attributes, columns, rows, [
      nRangeNote(counts),
      words.pearson,
      starLegend(options.lang),
      ...distinctScales(ctx.items).map((scale) => codingNote(options.lang, scale)),
    ]),
  ];
}

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

/** One table of means by a grouping (a categorical attribute or size groups), with ANOVA p. */
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
  const groups: string[] = [];
  for (const result of results) {
    for (const row of result.groups) if (!groups.includes(row.group)) groups.push(row.group);
  }
  const columns: ReportColumn[] = [
    { key: 'label', label: words.item, format: 'text' },
    ...groups.map((group) => ({ key: `mean:${group}`, label: sizeLabel(group), format: 'number' as const, digits: 2 })),
    { key: 'n', label: words.n, format: 'integer' },
    { key: 'p', label: words.anovaP, format: 'p' },
  ];
  const counts: number[] = [];
  const undefinedAnova = new Map<string, string[]>(); // reason → items, reported once per reason
  const rows = results.map((result, index) => {
    const item = ctx.items[index] as SurveyItem;
    const reason = result.anova.reason;
    if (reason !== undefined) undefinedAnova.set(reason, [...(undefinedAnova.get(reason) ?? []), item.id]);
    const row: Row = { item: item.id, label: item.label, group: item.group };
    for (const group of groups) {
      const found = result.groups.find((g) => g.group === group);
      row[`mean:${group}`] = found === undefined ? null : cell(found.mean.mean);
      row[`n:${group}`] = found === undefined ? 0 : found.mean.n;
    }
    row['n'] = result.anova.n;
    row['p'] = cell(result.anova.p);
    counts.push(result.anova.n);
    return row;
  });
  for (const [reason, items] of undefinedAnova) {
    const shown = items.slice(0, 5).join(', ') + (items.length > 5 ? `, … (${items.length} items)` : '');
    ctx.warnings.push(`${id}: ANOVA is undefined for ${shown}: ${reason}`);
  }
  return table(id, title, columns, rows, [
    nRangeNote(counts),
    words.meansNote,
    ...distinctScales(ctx.items).map((scale) => codingNote(options.lang, scale)),
    words.anovaNote,
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

/** The top items per group (among items that carry a topic) and how often each topic is on top. */
export function rankingTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  const topical = ctx.items.filter((item) => item.topic !== null);
  if (topical.length === 0) return [];
  const ranking = rankItems(ctx.summary ?? ctx.survey, {
    items: topical.map((i) => i.id),
    top: options.top,
    rankBy: options.rankBy,
    denominator: options.denominator,
  });
  const valueColumn: ReportColumn =
    options.rankBy === 'agreement'
      ? { key: 'value', label: words.share, format: 'percent' }
      : { key: 'value', label: words.mean, format: 'number', digits: 2 };
  const rows: Row[] = [];
  for (const group of ranking.groups) {
    for (const item of group.items) {
      rows.push({ group: group.group, rank: item.rank, item: item.item, label: item.label, topic: item.topic, value: cell(item.value), n: item.n });
    }
  }
  const topicRows: Row[] = ranking.topics.map((t) => ({ topic: t.topic, inTop: t.inTop, groups: t.groups, share: cell(t.share) }));
  const notes = [
    nRangeNote(rows.map((r) => r['n'] as number)),
    words.rankingNote(options.rankBy),
    options.rankBy === 'agreement'
      ? shareNote(options.lang, (topical[0] as SurveyItem).scale, options.denominator)
      : codingNote(options.lang, (topical[0] as SurveyItem).scale),
  ];
  const tables = [
    table(
      'ranking',
      words.ranking(options.top),
      [
        { key: 'group', label: words.group, format: 'text' },
        { key: 'rank', label: words.rank, format: 'integer' },
        { key: 'label', label: words.item, format: 'text' },
        valueColumn,
        { key: 'n', label: words.n, format: 'integer' },
      ],
      rows,
      notes,
    ),
  ];
  if (topicRows.length > 0) {
    tables.push(
      table(
        'ranking:topics',
        words.topics(options.top),
        [
          { key: 'topic', label: words.topic, format: 'text' },
          { key: 'inTop', label: words.inTop, format: 'integer' },
          { key: 'groups', label: words.groupsRanked, format: 'integer' },
        ],
        topicRows,
        [],
      ),
    );
  }
  return tables;
}

/** Multi-select counts per group (columns) and option (rows), small cells suppressed as null. */
export function multiSelectTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  const spec = options.multiSelect;
  if (spec === undefined) return [];
  if (skippedForSummary(ctx, 'multiSelect', 'multi-select questions')) return [];
  const byId = Array.isArray(spec.questions) || Object.values(spec.questions).every((q) => typeof q === 'string');
  const tally = byId
    ? multiSelectTable(ctx.survey, spec.questions as Readonly<Record<string, string>> | readonly string[], spec.coding)
    : multiSelectTable(spec.questions as Readonly<Record<string, MultiSelectInput>>, spec.coding);
  // Respondents who ticked nothing and were counted as not answering are never dropped silently.
  for (const warning of tally.warnings) ctx.warnings.push(`multiSelect: ${warning}`);
  const published = suppressSmallCells(tally.counts, { suppressBelow: options.suppressBelow });
  const columns: ReportColumn[] = [
    { key: 'option', label: words.option, format: 'text' },
    ...tally.groups.map((group) => ({ key: `count:${group}`, label: group, format: 'integer' as const })),
  ];
  const withRowTotals = published.rowTotals.length > 0;
  if (withRowTotals) columns.push({ key: 'total', label: words.total, format: 'integer' });
  const rows: Row[] = tally.options.map((option, i) => {
    const row: Row = { option };
    tally.groups.forEach((group, j) => {
      row[`count:${group}`] = (published.cells[i] as { value: number | null }[])[j]?.value ?? null;
    });
    if (withRowTotals) row['total'] = published.rowTotals[i] as number;
    return row;
  });
  if (published.columnTotals.length > 0) {
    const totals: Row = { option: words.total };
    tally.groups.forEach((group, j) => {
      totals[`count:${group}`] = published.columnTotals[j] as number;
    });
    if (withRowTotals) totals['total'] = null; // the grand total could reveal a lone suppressed cell
    rows.push(totals);
  }
  return [
    table('multiSelect', spec.title ?? words.multiSelect, columns, rows, [
      nRangeNote(tally.n),
      words.suppressionNote(published.suppressBelow, published.primary, published.complementary),
    ]),
  ];
}

/** Default representativeness variables: names both the survey's attributes and the population know. */
function defaultVariables(ctx: SectionContext): string[] {
  const { options } = ctx;
  let known: string[];
  if (options.frame !== undefined) {
    const first = options.frame[0];
    known = first === undefined ? [] : Object.keys(first);
  } else {
    const targets = options.targets as Record<string, unknown>;
    const inner = targets['variables'];
    known = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.keys(inner) : Object.keys(targets);
  }
  if (options.representativeness.sample !== undefined) return known;
  // A summary holds categorical attributes only.
  if (ctx.summary !== null) return known.filter((name) => ctx.survey.attributes[name] === 'category');
  return known.filter((name) => ctx.survey.attributes[name] !== undefined);
}

/** The representativeness tables: category shares and numeric means, sample vs population. */
export function representativenessTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  if (options.frame === undefined && options.targets === undefined) return [];
  const spec = options.representativeness;
  const variables: readonly VariableSpec[] = spec.variables ?? defaultVariables(ctx);
  if (variables.length === 0) {
    ctx.warnings.push(
      'representativeness: no variable is named by both the survey attributes and the frame or targets; give representativeness.variables',
    );
    return [];
  }
  const result = asOptionError('representativeness', () =>
    representativeness({
      sample: spec.sample ?? ctx.summary ?? ctx.survey,
      ...(options.frame !== undefined ? { population: options.frame } : { targets: options.targets }),
      variables,
      level: options.level,
      ...(spec.method !== undefined ? { method: spec.method } : {}),
      ...(spec.distribution !== undefined ? { distribution: spec.distribution } : {}),
      ...(spec.populationSize !== undefined ? { populationSize: spec.populationSize } : {}),
    }),
  );
  // representativeness() already starts its warnings with its name.
  for (const warning of result.warnings) ctx.warnings.push(warning);
  const notes = [
    representativenessIntervalNote(
      options.lang,
      result.level,
      result.method,
      result.distribution,
      result.populationSize !== undefined,
    ),
    words.verdict(result.representative),
  ];
  const toRow = (row: RepresentativenessRow): Row => ({
    variable: row.variable,
    category: row.category,
    population: cell(row.population),
    sample: cell(row.sample),
    lower: cell(row.lower),
    upper: cell(row.upper),
    covered: row.covered,
    n: row.n,
    ...(row.count !== undefined ? { count: row.count } : {}),
  });
  const tables: ReportTable[] = [];
  const shares = result.rows.filter((r) => r.kind === 'categorical');
  if (shares.length > 0) {
    tables.push(
      table(
        'representativeness',
        words.representativenessShares,
        [
          { key: 'variable', label: words.variable, format: 'text' },
          { key: 'category', label: words.category, format: 'text' },
          { key: 'population', label: words.population, format: 'percent' },
          { key: 'sample', label: words.sample, format: 'percent' },
          { key: 'lower', label: words.lower, format: 'percent' },
          { key: 'upper', label: words.upper, format: 'percent' },
          { key: 'covered', label: words.covered, format: 'text' },
        ],
        shares.map(toRow),
        [nRangeNote(shares.map((r) => r.n)), ...notes],
      ),
    );
  }
  const means = result.rows.filter((r) => r.kind === 'numeric');
  if (means.length > 0) {
    // Large magnitudes (inhabitants) print without decimals, small ones (an index) with two.
    const digits = means.every((r) => Math.abs(r.population) >= 100) ? 0 : 2;
    tables.push(
      table(
        'representativeness:means',
        words.representativenessMeans,
        [
          { key: 'variable', label: words.variable, format: 'text' },
          { key: 'population', label: words.population, format: 'number', digits },
          { key: 'sample', label: words.sample, format: 'number', digits },
          { key: 'lower', label: words.lower, format: 'number', digits },
          { key: 'upper', label: words.upper, format: 'number', digits },
          { key: 'covered', label: words.covered, format: 'text' },
        ],
        means.map(toRow),
        [nRangeNote(means.map((r) => r.n)), ...notes],
      ),
    );
  }
  return tables;
}
