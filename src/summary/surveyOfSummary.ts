/**
 * A survey-shaped view of a summary for `report`, which resolves its options and reads item
 * metadata through the survey interface. Only the metadata is real: `size`, `items` (with
 * scales rebuilt from the summary's), `attributes`; every respondent-level method throws,
 * because a summary has no respondents. Internal: never handed to callers.
 */
import type { Survey, SurveyItem } from '../data/survey';
import { defineScale } from '../scale/defineScale';
import type { Scale } from '../scale/types';
import { itemSummaryTally, tallyCounts } from './source';
import type { ItemSummary, SummaryScale, SurveySummary } from './types';

/** The scale of a summarised item as a `Scale` (no aliases: the labels were coded already). */
export function scaleOfSummary(scale: SummaryScale): Scale {
  const made = defineScale({
    id: scale.id,
    levels: scale.levels,
    codes: scale.codes,
    agree: scale.agree,
    disagree: scale.disagree,
    neutral: scale.neutral,
    nonSubstantive: scale.nonSubstantive,
  });
  return scale.reversed === made.reversed ? made : { ...made, reversed: scale.reversed };
}

/** The survey-shaped view of `summary` (see the module comment). */
export function surveyOfSummary(fn: string, summary: SurveySummary): Survey {
  const unavailable = (what: string) => (): never => {
    throw new TypeError(`${fn}: ${what} needs the respondents, which a summary does not hold; pass the survey instead`);
  };
  const items: SurveyItem[] = summary.items.map((item: ItemSummary) => ({
    id: item.id,
    column: item.id,
    label: item.label,
    group: item.group,
    topic: item.topic,
    reverse: item.reverse,
    scale: scaleOfSummary(item.scale),
    n: tallyCounts(itemSummaryTally(item), item.scale.levels.length),
  }));
  const attributes: Record<string, 'number' | 'category'> = {};
  // Defined, not assigned: an attribute named "__proto__" is an own key like any other.
  const define = (name: string, kind: 'number' | 'category'): void => {
    Object.defineProperty(attributes, name, { value: kind, enumerable: true, writable: true, configurable: true });
  };
  for (const attribute of summary.attributes) define(attribute.name, 'category');
  // A size grouping's attribute is numeric in the survey; only its groups are in the summary.
  if (summary.by !== null && summary.by.sizeGroups !== null) define(summary.by.name, 'number');
  const view = {
    kind: 'survey',
    size: summary.respondents,
    ids: [],
    items,
    attributes,
    multiSelect: [],
    weights: null,
    duplicates: [],
    item: unavailable('item(id)'),
    numeric: unavailable('a numeric variable'),
    category: unavailable('a categorical variable'),
    filter: unavailable('filter'),
    where: unavailable('where'),
    withWeights: unavailable('withWeights'),
    recode: unavailable('recode'),
    collapse: unavailable('collapse'),
    combinations: unavailable('combinations'),
  };
  return view as unknown as Survey;
}
