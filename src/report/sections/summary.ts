/** The `summary` section: agreement share and coded mean per item, with intervals and N. */
import { agreementShare } from '../../describe/agreementShare';
import { codedMean } from '../../describe/codedMean';
import { columnsOf } from '../columns';
import { codingNote, intervalNote, nRangeNote, shareNote } from '../reportText';
import type { ReportTable } from '../table';
import { cell, distinctScales, itemInput, table, type SectionContext } from './context';

/** A row of the summary table. */
type SummaryRow = {
  item: string;
  label: string;
  group: string | null;
  share: number | null;
  shareLower: number | null;
  shareUpper: number | null;
  count: number;
  n: number;
  mean: number | null;
  meanLower: number | null;
  meanUpper: number | null;
  nMean: number;
};

/** The summary table: agreement share and coded mean with intervals and N, per item. */
export function summaryTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  if (ctx.items.length === 0) return [];
  const columns = columnsOf<SummaryRow>([
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
  ]);
  // How a weighted survey's intervals were found: by linearisation over its design, or (from a
  // summary, which holds tallies only) by Kish's effective n.
  let variance: 'linearization' | 'kish' | undefined;
  const rows = ctx.items.map((item): SummaryRow => {
    const column = itemInput(ctx, item.id);
    const share = agreementShare(column, { ci: options.ci, level: options.level, denominator: options.denominator });
    variance ??= share.variance;
    const mean = codedMean(column, { level: options.level });
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
      nRangeNote(rows.map((r) => r.n)),
      words.summaryN,
      ...scales.map((scale) => shareNote(options.lang, scale, options.denominator)),
      ...scales.map((scale) => codingNote(options.lang, scale)),
      intervalNote(options.lang, options.level, options.ci),
      ...(variance === 'linearization' ? [words.varianceDesign] : variance === 'kish' ? [words.varianceKish] : []),
    ]),
  ];
}
