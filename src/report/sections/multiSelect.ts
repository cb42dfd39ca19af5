/**
 * The `multiSelect` section: counts per option (rows) and group (columns) of a multi-select
 * question asked per group, small cells suppressed, with the row totals, the average per
 * option over the groups and the total number of ticks.
 */
import type { MultiSelectInput } from '../../describe/multiSelectInput';
import { multiSelectTable } from '../../describe/multiSelectTable';
import { columnsOf, type ColumnSpec } from '../columns';
import { nRangeNote } from '../reportText';
import { suppressSmallCells } from '../../inference/suppressSmallCells';
import type { ReportTable } from '../table';
import { skippedForSummary, table, type SectionContext } from './context';

/**
 * A row of the multi-select table: an option (or the totals row), its published count per
 * group (`null` where suppressed), and when the row totals are published its total and its
 * average over the groups (total / groups, so no more than the total tells).
 */
type MultiSelectRow = {
  option: string;
  [count: `count:${string}`]: number | null;
  total: number | null;
  average: number | null;
};

/**
 * Multi-select counts per group (columns) and option (rows), small cells suppressed as null.
 *
 * The average of an option over the groups (2021 §1.11: "cirka 38 kommuner" per focus area) is
 * its row total divided by the number of groups, and the total number of ticks (2021 Figur 3:
 * "N = 243") is the sum of the row totals; both follow from the published margins, so they
 * reveal no suppressed cell. They are shown only when the margins they follow from are
 * published (a table of one group publishes no row totals: its average would be its cell).
 */
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
  const groups = tally.groups.length;
  const withRowTotals = published.rowTotals.length > 0;
  const withColumnTotals = published.columnTotals.length > 0;
  const columns = columnsOf<MultiSelectRow>([
    { key: 'option', label: words.option, format: 'text' },
    ...tally.groups.map((group): ColumnSpec<MultiSelectRow> => ({ key: `count:${group}`, label: group, format: 'integer' })),
    ...(withRowTotals
      ? ([
          { key: 'total', label: words.total, format: 'integer' },
          { key: 'average', label: words.average, format: 'number', digits: 1 },
        ] as const)
      : []),
  ]);
  let ticks = 0;
  for (const row of tally.counts) for (const count of row) ticks += count;
  const margins = (total: number | null): Pick<MultiSelectRow, 'total' | 'average'> | Record<string, never> =>
    withRowTotals ? { total, average: total === null ? null : total / groups } : {};
  const rows = tally.options.map((option, i) => {
    const counts: Record<`count:${string}`, number | null> = {};
    tally.groups.forEach((group, j) => {
      counts[`count:${group}`] = (published.cells[i] as { value: number | null }[])[j]?.value ?? null;
    });
    return { option, ...counts, ...margins(withRowTotals ? (published.rowTotals[i] as number) : null) } as MultiSelectRow;
  });
  if (withColumnTotals) {
    const counts: Record<`count:${string}`, number | null> = {};
    tally.groups.forEach((group, j) => {
      counts[`count:${group}`] = published.columnTotals[j] as number;
    });
    // The grand total is the sum of the published column totals: it reveals nothing more.
    rows.push({ option: words.total, ...counts, ...margins(ticks) } as MultiSelectRow);
  }
  // With a margin published the number of ticks follows from it; in a 1 × 1 table it is the cell.
  const ticksPublished = withRowTotals || withColumnTotals || published.primary === 0;
  return [
    table('multiSelect', spec.title ?? words.multiSelect, columns, rows, [
      nRangeNote(tally.n),
      ticksPublished ? words.ticksNote(ticks) : null,
      withRowTotals ? words.averageNote(groups) : null,
      words.suppressionNote(published.suppressBelow, published.primary, published.complementary),
    ]),
  ];
}
