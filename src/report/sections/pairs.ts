/** The `pairs` section: the paired correlations (challenge vs need per focus area), with N and stars. */
import { correlate } from '../../describe/correlate';
import { columnsOf } from '../columns';
import { codingNote, nRangeNote } from '../reportText';
import type { ReportTable } from '../table';
import { cell, distinctScales, table, type SectionContext } from './context';
import { cellStars, starLegend } from './stars';

/** A row of the pairs table. */
type PairRow = {
  group: string | null;
  x: string;
  y: string;
  xLabel: string;
  yLabel: string;
  r: number | null;
  rStars: string;
  n: number;
  p: number | null;
};

/** The paired correlations, with N and stars (as the `stars` option says). */
export function pairTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  if (options.pairs.length === 0) return [];
  const result = correlate(ctx.summary ?? ctx.survey, {
    pairs: options.pairs,
    x: options.pairs.map(([x]) => x),
    level: options.level,
    ...(options.stars !== null ? { stars: options.stars } : {}),
  });
  const columns = columnsOf<PairRow>([
    { key: 'group', label: words.group, format: 'text' },
    { key: 'xLabel', label: words.pairX, format: 'text' },
    { key: 'yLabel', label: words.pairY, format: 'text' },
    { key: 'r', label: words.r, format: 'correlation', digits: 2 },
    { key: 'n', label: words.n, format: 'integer' },
    { key: 'p', label: words.p, format: 'p' },
  ]);
  const groupOf = (id: string): string | null => ctx.items.find((i) => i.id === id)?.group ?? null;
  const rows = result.rows.map((row): PairRow => {
    if (row.reason !== undefined) ctx.warnings.push(`pairs: r is undefined for ${row.x} and ${row.y}: ${row.reason}`);
    return {
      group: groupOf(row.x),
      x: row.x,
      y: row.y,
      xLabel: row.xLabel,
      yLabel: row.yLabel,
      r: cell(row.r),
      rStars: cellStars(options.stars, row.stars),
      n: row.n,
      p: cell(row.p),
    };
  });
  const scales = distinctScales(ctx.items.filter((i) => options.pairs.some(([x, y]) => i.id === x || i.id === y)));
  return [
    table('pairs', words.pairs, columns, rows, [
      nRangeNote(rows.map((r) => r.n)),
      words.pearson,
      ...(result.weighted === true ? [words.pearsonWeighted] : ctx.summary !== undefined && ctx.summary !== null && ctx.summary.weighted ? [words.pearsonSummaryUnweighted] : []),
      starLegend(options.lang, options.stars),
      ...scales.map((scale) => codingNote(options.lang, scale)),
    ]),
  ];
}
