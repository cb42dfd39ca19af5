/** The `ranking` section: the top items per group and how often each topic is among them. */
import type { SurveyItem } from '../../data/survey';
import { rankItems } from '../../describe/rankItems';
import { columnsOf, type ColumnSpec } from '../columns';
import { codingNote, nRangeNote, shareNote } from '../reportText';
import type { ReportTable } from '../table';
import { cell, table, type SectionContext } from './context';

/** A row of the ranking: a group's item at its rank, with the value ranked by and N. */
type RankingRow = {
  group: string;
  rank: number;
  item: string;
  label: string;
  topic: string | null;
  value: number | null;
  n: number;
};

/** A row of the topic count: how often a topic is among the groups' top items. */
type TopicRow = { topic: string; inTop: number; groups: number; share: number | null };

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
  const valueColumn: ColumnSpec<RankingRow> =
    options.rankBy === 'agreement'
      ? { key: 'value', label: words.share, format: 'percent' }
      : { key: 'value', label: words.mean, format: 'number', digits: 2 };
  const rows: RankingRow[] = [];
  for (const group of ranking.groups) {
    for (const item of group.items) {
      rows.push({ group: group.group, rank: item.rank, item: item.item, label: item.label, topic: item.topic, value: cell(item.value), n: item.n });
    }
  }
  const topicRows = ranking.topics.map((t): TopicRow => ({ topic: t.topic, inTop: t.inTop, groups: t.groups, share: cell(t.share) }));
  const notes = [
    nRangeNote(rows.map((r) => r.n)),
    words.rankingNote(options.rankBy),
    options.rankBy === 'agreement'
      ? shareNote(options.lang, (topical[0] as SurveyItem).scale, options.denominator)
      : codingNote(options.lang, (topical[0] as SurveyItem).scale),
  ];
  const tables = [
    table(
      'ranking',
      words.ranking(options.top),
      columnsOf<RankingRow>([
        { key: 'group', label: words.group, format: 'text' },
        { key: 'rank', label: words.rank, format: 'integer' },
        { key: 'label', label: words.item, format: 'text' },
        valueColumn,
        { key: 'n', label: words.n, format: 'integer' },
      ]),
      rows,
      notes,
    ),
  ];
  if (topicRows.length > 0) {
    tables.push(
      table(
        'ranking:topics',
        words.topics(options.top),
        columnsOf<TopicRow>([
          { key: 'topic', label: words.topic, format: 'text' },
          { key: 'inTop', label: words.inTop, format: 'integer' },
          { key: 'groups', label: words.groupsRanked, format: 'integer' },
        ]),
        topicRows,
        [],
      ),
    );
  }
  return tables;
}
