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
import { agreementShare, scales, survey } from '../../src/index';
import type { Scale, Survey } from '../../src/index';
import { parseCsv } from '../../src/csv/index';
import { demoFocusAreas, demoTargetGroups, demoTopics } from '../../src/demo/index';
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

/** What the page draws for one choice of group and region. */
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
    attributes: { region: 'category' },
    unknown: 'missing',
  });
}

/** The regions present in the survey, sorted. */
export function regions(s: Survey): string[] {
  return [...new Set(s.category('region').filter((r): r is string => r !== null))].sort((a, b) => a.localeCompare(b, 'da'));
}

/** Computes the chart and the table for a group, optionally restricted to one region. */
export function dashboardView(s: Survey, groupId: string, region: string | null): DashboardView {
  const group = itemGroups().find((g) => g.id === groupId);
  if (group === undefined) throw new Error(`Unknown item group ${groupId}`);
  const subset = region === null ? s : s.where('region', region);
  const known = new Set(s.items.map((i) => i.id));
  const inputs = group.items
    .filter((item) => known.has(item.id))
    .map((item) => ({ id: item.id, label: item.label, data: subset.item(item.id) }));
  const layout = divergingRows(inputs);
  const spec = divergingBars(inputs, {
    title: region === null ? group.title : `${group.title} – ${region}`,
    text: { axis: 'Andel af substantielle svar', item: 'Spørgsmål', category: 'Svar', percent: 'Andel (%)', count: 'Antal' },
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
