/** The `attributes` section: r with stars and N of every item with each numeric attribute. */
import { correlate } from '../../describe/correlate';
import { columnsOf, type ColumnSpec } from '../columns';
import { codingNote, nRangeNote } from '../reportText';
import type { ReportTable } from '../table';
import { cell, distinctScales, skippedForSummary, table, type SectionContext } from './context';
import { cellStars, starLegend } from './stars';

/** A row of the attributes table: an item, and r, its stars, N and p per attribute. */
type AttributeRow = {
  item: string;
  label: string;
  group: string | null;
  /** r per attribute, and under `r:<attribute>Stars` its stars (the one key pattern holds both). */
  [r: `r:${string}`]: number | string | null;
  [n: `n:${string}`]: number;
  [p: `p:${string}`]: number | null;
};

/** Correlations of every item with the numeric attributes: r with stars and N per attribute. */
export function attributeTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  const attributes = options.numericAttributes;
  // A summary holds no numeric attributes (a size grouping's attribute only as its groups), so
  // a section asked for by name is left out with a warning, whatever attributes are listed.
  if (ctx.summary !== null && options.sectionsGiven && skippedForSummary(ctx, 'attributes', 'numeric attributes')) return [];
  if (attributes.length === 0 || ctx.items.length === 0) return [];
  if (skippedForSummary(ctx, 'attributes', 'numeric attributes')) return [];
  const result = correlate(ctx.survey, {
    x: ctx.items.map((i) => i.id),
    y: [...attributes],
    level: options.level,
    ...(options.stars !== null ? { stars: options.stars } : {}),
  });
  const columns = columnsOf<AttributeRow>([
    { key: 'label', label: words.item, format: 'text' },
    ...attributes.flatMap((attribute): ColumnSpec<AttributeRow>[] => [
      { key: `r:${attribute}`, label: attribute, format: 'correlation', digits: 2 },
      { key: `n:${attribute}`, label: `${words.attributesN} (${attribute})`, format: 'integer' },
    ]),
  ]);
  const counts: number[] = [];
  const rows = ctx.items.map((item) => {
    const row: AttributeRow = { item: item.id, label: item.label, group: item.group };
    for (const attribute of attributes) {
      const found = result.rows.find((r) => r.x === item.id && r.y === attribute);
      /* c8 ignore next */
      if (found === undefined) continue;
      if (found.reason !== undefined) {
        ctx.warnings.push(`attributes: r is undefined for ${item.id} and ${attribute}: ${found.reason}`);
      }
      row[`r:${attribute}`] = cell(found.r);
      row[`r:${attribute}Stars`] = cellStars(options.stars, found.stars);
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
      starLegend(options.lang, options.stars),
      ...distinctScales(ctx.items).map((scale) => codingNote(options.lang, scale)),
    ]),
  ];
}
