/**
 * The dashboard's model, free of the DOM: read the CSV, build the survey once, and for a chosen
 * item group and region compute the chart rows, the Vega-Lite spec and the table. Imported by
 * main.ts in the browser and by the tests under Node.
 *
 * The CSV must have the layout of the demo survey (see generate-sample-csv.ts): a `kommunekode`
 * id, a `region` column, and answer columns `udfordring_<area>`, `behov_<area>` and
 * `mg_<group>_<topic>`.
 */
// Like the other examples, the page imports the library's source; in a project of your own the
// same names come from 'likertkit', 'likertkit/csv', 'likertkit/demo' and 'likertkit/vega-lite'.
import { agreementShare, scales, sizeGroups, survey } from '../../src/index';
import type { Scale, Survey } from '../../src/index';
import { parseCsv } from '../../src/csv/index';
import { demoFocusAreas, demoTargetGroups, demoTopics, municipalities2020 } from '../../src/demo/index';
import { seededRandom } from '../../src/demo/random';
import { divergingBars, divergingRows } from '../../src/vega-lite/index';
import type { DivergingRowsResult, VegaLiteSpec } from '../../src/vega-lite/index';

/** A group of items the user can pick (a block of the questionnaire). */
export interface ItemGroup {
  readonly id: string;
  readonly title: string;
  readonly items: readonly { readonly id: string; readonly label: string; readonly scale: Scale }[];
}

/** One line of the dashboard's table. */
export interface TableLine {
  readonly item: string;
  readonly label: string;
  /** Agreement (top-2) share of everyone who answered, "ved ikke" included, as the reports print it. */
  readonly agreement: number;
  /** Municipalities that answered the item ("ved ikke" included). */
  readonly n: number;
  /** Share answering "Ved ikke" / "Ikke relevant". */
  readonly nonSubstantive: number;
}

/** The filters the page offers: a region and a size group (null: all). */
export interface DashboardFilter {
  readonly region: string | null;
  readonly size: string | null;
}

/** The size groups of the 2021 report, by population, labelled as it prints them. */
export const SIZE_GROUPS = { breaks: [50_000, 100_000], labels: ['under 50.000', '50.000–99.999', '100.000 og derover'] } as const;

/** What the page draws for one choice of group and filter. */
export interface DashboardView {
  readonly respondents: number;
  readonly layout: DivergingRowsResult;
  readonly spec: VegaLiteSpec;
  readonly table: readonly TableLine[];
}

/** The item groups of the demo survey layout: challenges, needs, and one per target group. */
export function itemGroups(): ItemGroup[] {
  const areas = demoFocusAreas();
  const groups: ItemGroup[] = [
    {
      id: 'udfordring',
      title: 'Udfordringer pr. fokusområde',
      items: areas.map((a) => ({ id: `udfordring_${a.id}`, label: a.label, scale: scales.daChallenge4 })),
    },
    {
      id: 'behov',
      title: 'Behov for støtte pr. fokusområde',
      items: areas.map((a) => ({ id: `behov_${a.id}`, label: a.label, scale: scales.daDegree4 })),
    },
  ];
  for (const group of demoTargetGroups()) {
    groups.push({
      id: `mg_${group.id}`,
      title: `Målgruppe: ${group.label}`,
      items: demoTopics().map((t) => ({ id: `mg_${group.id}_${t.id}`, label: t.label, scale: scales.daChallenge4 })),
    });
  }
  return groups;
}

/** Reads CSV text of the demo layout into a coded survey holding every group's items. */
export function loadSurvey(text: string): Survey {
  const csv = parseCsv(text);
  const present = new Set(csv.columns);
  const items = itemGroups()
    .flatMap((g) => g.items)
    .filter((item) => present.has(item.id))
    .map((item) => ({ id: item.id, label: item.label, scale: item.scale }));
  if (items.length === 0) {
    throw new Error('The CSV has none of the demo survey columns (udfordring_…, behov_…, mg_…).');
  }
  return survey({
    rows: csv.rows,
    id: 'kommunekode',
    items,
    attributes: { region: 'category', indbyggere: 'number' },
    unknown: 'missing',
  });
}

/**
 * A synthetic survey of `size` respondents with the challenge and need items of the demo layout,
 * for measuring the recompute time on 10^5 or 10^6 respondents: each respondent is a random
 * municipality (region and population real), 2 % of the answers blank and 3 % "Ved ikke", the
 * rest drawn around a per-respondent tendency so that items correlate. Seeded: the same survey
 * on every run.
 */
export function syntheticSurvey(size: number, seed = 9): Survey {
  const random = seededRandom(seed);
  const places = municipalities2020();
  const items = itemGroups()
    .filter((g) => g.id === 'udfordring' || g.id === 'behov')
    .flatMap((g) => g.items);
  const ids = new Array<string>(size);
  const region = new Array<string>(size);
  const population = new Float64Array(size);
  const answers = items.map(() => new Array<number | string | null>(size));
  for (let r = 0; r < size; r++) {
    const place = places[Math.floor(random.uniform() * places.length)]!;
    ids[r] = String(r + 1);
    region[r] = place.region;
    population[r] = place.population;
    const tendency = random.uniform() * 2;
    for (const column of answers) {
      const u = random.uniform();
      if (u < 0.02) column[r] = null;
      else if (u < 0.05) column[r] = 'Ved ikke';
      else column[r] = 1 + Math.min(3, Math.floor(tendency + random.uniform() * 2));
    }
  }
  const columns: Record<string, ArrayLike<unknown>> = { id: ids, region, indbyggere: population };
  items.forEach((item, k) => {
    columns[item.id] = answers[k]!;
  });
  return survey({
    columns,
    id: 'id',
    items: items.map((item) => ({ id: item.id, label: item.label, scale: item.scale })),
    attributes: { region: 'category', indbyggere: 'number' },
  });
}

/** Each survey's size-group masks, made once: the filter is then one more mask for the engine. */
const sizeMasks = new WeakMap<Survey, Map<string, boolean[]>>();

/** The respondents of `s` that pass the filter (the survey itself when nothing is chosen). */
export function filterSurvey(s: Survey, filter: DashboardFilter): Survey {
  let subset = filter.region === null ? s : s.where('region', filter.region);
  if (filter.size !== null) {
    let masks = sizeMasks.get(subset);
    if (masks === undefined) {
      const { groups } = sizeGroups(subset.numeric('indbyggere'), SIZE_GROUPS);
      masks = new Map(SIZE_GROUPS.labels.map((label) => [label, groups.map((g) => g === label)]));
      sizeMasks.set(subset, masks);
    }
    const mask = masks.get(filter.size);
    if (mask === undefined) throw new Error(`Unknown size group ${filter.size}`);
    subset = subset.filter(mask);
  }
  return subset;
}

/** The regions present in the survey, sorted. */
export function regions(s: Survey): string[] {
  return [...new Set(s.category('region').filter((r): r is string => r !== null))].sort((a, b) => a.localeCompare(b, 'da'));
}

/** Computes the chart and the table for a group, for the respondents passing the filter. */
export function dashboardView(s: Survey, groupId: string, filter: DashboardFilter): DashboardView {
  const group = itemGroups().find((g) => g.id === groupId);
  if (group === undefined) throw new Error(`Unknown item group ${groupId}`);
  const subset = filterSurvey(s, filter);
  const where = [filter.region, filter.size].filter((part) => part !== null).join(', ');
  const known = new Set(s.items.map((i) => i.id));
  const inputs = group.items
    .filter((item) => known.has(item.id))
    .map((item) => ({ id: item.id, label: item.label, data: subset.item(item.id) }));
  const layout = divergingRows(inputs);
  const spec = divergingBars(inputs, {
    title: where === '' ? group.title : `${group.title} – ${where}`,
    text: { axis: 'Andel af dem, der har svaret', item: 'Spørgsmål', category: 'Svar', percent: 'Andel (%)', count: 'Antal' },
  });
  const table = layout.items.map(({ item, label }) => {
    const column = subset.item(item);
    const share = agreementShare(column);
    return {
      item,
      label,
      agreement: share.estimate,
      n: column.n.answered,
      nonSubstantive: column.n.nonSubstantive / column.n.answered,
    };
  });
  return { respondents: subset.size, layout, spec, table };
}
