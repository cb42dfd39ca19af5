/** The `distribution` section: every answer category of every item, in whole percent. */
import { frequencies } from '../../describe/frequencies';
import type { SurveyItem } from '../../data/survey';
import type { Scale } from '../../scale/types';
import { columnsOf, type ColumnSpec } from '../columns';
import { nRangeNote } from '../reportText';
import { largestRemainder } from '../rounding';
import type { ReportTable } from '../table';
import { cell, distinctScales, groupName, itemInput, itemsByGroup, table, type SectionContext } from './context';

/** A row of a distribution table: an item, its share and count per answer category, and N. */
type DistributionRow = {
  item: string;
  label: string;
  n: number;
  [share: `share:${string}`]: number | null;
  [count: `count:${string}`]: number | null;
};

/** Answer categories in report order: highest level first, then the non-substantive answers. */
function reportCategoryOrder(scale: Scale): number[] {
  const k = scale.levels.length;
  const order: number[] = [];
  for (let i = k - 1; i >= 0; i--) order.push(i);
  for (let i = k; i < scale.categories.length; i++) order.push(i);
  return order;
}

/**
 * The answer categories of a table's columns: each scale's levels, highest first, scale after
 * scale, then every non-substantive answer once ("Ved ikke" shared by both scales of a focus
 * area). A label two scales share is one column.
 */
function tableCategories(scales: readonly Scale[]): string[] {
  const levels: string[] = [];
  const other: string[] = [];
  for (const scale of scales) {
    for (const index of reportCategoryOrder(scale)) {
      const label = scale.categories[index] as string;
      const list = index < scale.levels.length ? levels : other;
      if (!levels.includes(label) && !other.includes(label)) list.push(label);
    }
  }
  return [...levels, ...other];
}

/** One item's row: its own categories' shares and counts, null for another scale's categories. */
function distributionRow(ctx: SectionContext, item: SurveyItem, categories: readonly string[]): DistributionRow {
  const freq = frequencies(itemInput(ctx, item.id));
  // Largest remainder apportions whole percents (stored as shares: 34 % → 0.34) so a row sums to 100.
  const shown =
    ctx.options.rounding === 'largest-remainder' && freq.n.answered > 0
      ? largestRemainder(freq.rows.map((r) => r.weight)).map((pct) => pct / 100)
      : freq.rows.map((r) => r.share);
  const cells: Record<`share:${string}` | `count:${string}`, number | null> = {};
  for (const label of categories) {
    const index = item.scale.categories.indexOf(label);
    cells[`share:${label}`] = index < 0 ? null : cell(shown[index] as number);
    cells[`count:${label}`] = index < 0 ? null : (freq.rows[index] as { count: number }).count;
  }
  return { item: item.id, label: item.label, ...cells, n: freq.n.answered };
}

/**
 * One table per item group, a row per item and a column per answer category (share of those
 * who answered, "ved ikke" and "ikke relevant" included), headed by the group's label. A group
 * asked on two scales (a challenge and a need for support) is one table whose columns hold
 * both scales' categories; ids `distribution:<group>:<scale id>` for a group on one scale,
 * `distribution:<group>` for a group on several. Ungrouped items get a table per scale,
 * `distribution:<scale id>`.
 */
export function distributionTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  const tables: ReportTable[] = [];
  for (const [group, members] of itemsByGroup(ctx.items)) {
    const scales = distinctScales(members);
    // Ungrouped items have nothing in common but their scale: one table per scale.
    const parts: [string, SurveyItem[], Scale[]][] =
      group !== null
        ? [[scales.length === 1 ? `distribution:${group}:${(scales[0] as Scale).id}` : `distribution:${group}`, members, scales]]
        : scales.map((scale) => [`distribution:${scale.id}`, members.filter((m) => m.scale.id === scale.id), [scale]]);
    for (const [id, items, partScales] of parts) {
      const categories = tableCategories(partScales);
      const columns = columnsOf<DistributionRow>([
        { key: 'label', label: words.item, format: 'text' },
        ...categories.map((label): ColumnSpec<DistributionRow> => ({ key: `share:${label}`, label, format: 'percent' })),
        { key: 'n', label: words.n, format: 'integer' },
      ]);
      const rows = items.map((item) => distributionRow(ctx, item, categories));
      tables.push(
        table(id, words.distribution(groupName(ctx, group)), columns, rows, [
          nRangeNote(rows.map((r) => r.n)),
          words.distributionBase,
          options.rounding === 'half-up' ? words.roundingHalfUp : words.roundingLargestRemainder,
          partScales.length > 1 ? words.mixedScales : null,
        ]),
      );
    }
  }
  return tables;
}
