import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type { ReportTable } from '../report/table';
import {
  cellNumber,
  chartLang,
  decimalLabel,
  isReportTable,
  jsonSafe,
  OKABE_ITO,
  pixels,
  VEGA_LITE_SCHEMA,
  type ChartLang,
  type VegaLiteSpec,
} from './chartParts';

/** Options of {@link groupMeans}. */
export interface GroupMeansOptions {
  /** Language of the axis title, decimal mark and tooltips (`'da'` default, `'en'`). */
  readonly lang?: ChartLang;
  /** Chart title (none by default). */
  readonly title?: string;
  /** Item ids (the table's `item` values) to draw, in the table's order (default: every row). */
  readonly items?: readonly string[];
  /** Decimals of the labels (default: the table's mean columns, else 2). */
  readonly digits?: number;
  /** Extent of the mean axis (default `[1, 4]`, widened to take every mean). */
  readonly domain?: readonly [number, number];
  /** Width of one group's panel in pixels (default 110). */
  readonly panelWidth?: number;
  /** Height of one item's band in pixels (default 22). */
  readonly step?: number;
  /** Axis title (default `'Gennemsnit'` / `'Mean'`). */
  readonly axisTitle?: string;
}

/** One data value of a {@link groupMeans} spec: one item's mean in one group. */
export interface GroupMeanDatum {
  readonly item: string;
  readonly label: string;
  readonly group: string;
  readonly mean: number | null;
  readonly n: number | null;
  /** The label as printed: the mean rounded half up, with the language's decimal mark. */
  readonly text: string;
  readonly rowOrder: number;
  readonly groupOrder: number;
}

const FN = 'groupMeans';

/**
 * Builds a Vega-Lite v5 chart of coded means by group (region, size group): one panel per group
 * side by side, one line per item, a dot at the item's mean in that group labelled with the mean
 * as the table prints it (rounded half up, "2,85" in Danish). The panels share the item axis, so
 * a line reads across the groups as a row of the table does. Group colours are Okabe–Ito's,
 * colour-blind safe.
 *
 * @param table - a means table of `report()` (ids `means:<attribute>` and `means:size`: columns
 *   `mean:<group>`, rows with `item`, `label` and `n:<group>`)
 * @param options - language, title, the items to draw, decimals, axis extent and sizes
 * @returns the spec (plain JSON, one value per item and group under `data.values`; an undefined
 *   mean is null, drawn without dot or label)
 * @throws TypeError when `table` is not a report table; RangeError for a table without
 *   `mean:` columns, an unknown item, digits outside 0–10, a bad domain, a size that is not
 *   positive or an unknown `lang`
 * @example
 * const r = report(s, { sections: ['means'], by: ['region'] });
 * const spec = groupMeans(r.tables[0], { items: ['udfordring_tidlig', 'behov_tidlig'] });
 * spec.facet.column.field; // 'group'
 * @see https://vega.github.io/vega-lite/docs/facet.html
 */
export function groupMeans(table: ReportTable, options: GroupMeansOptions = {}): VegaLiteSpec {
  checkOptionKeys(FN, options, optionKeys<GroupMeansOptions>({ lang: true, title: true, items: true, digits: true, domain: true, panelWidth: true, step: true, axisTitle: true }));
  const lang = chartLang(FN, options.lang);
  const panelWidth = pixels(FN, options.panelWidth, 'panelWidth', 110);
  const step = pixels(FN, options.step, 'step', 22);
  if (!isReportTable(table)) {
    throw new TypeError(`${FN}: table must be a means table of report() (id 'means:…'), got ${describeValue(table)}`);
  }
  const meanColumns = table.columns.filter((c) => c.key.startsWith('mean:'));
  if (meanColumns.length === 0) {
    throw new RangeError(`${FN}: table '${table.id}' has no mean:<group> columns; pass a means table of report() (id 'means:…')`);
  }
  const digits = options.digits ?? meanColumns[0]?.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new RangeError(`${FN}: digits must be an integer 0–10, got ${describeValue(digits)}`);
  }
  let rows = table.rows;
  if (options.items !== undefined) {
    const known = new Set(rows.map((r) => r['item']));
    const missing = options.items.find((id) => !known.has(id));
    if (missing !== undefined) {
      throw new RangeError(`${FN}: item '${missing}' is not a row of table '${table.id}'; use the rows' item ids`);
    }
    const wanted = new Set(options.items);
    rows = rows.filter((r) => wanted.has(r['item'] as string));
  }
  const groups = meanColumns.map((c) => c.key.slice('mean:'.length));
  // The line's text: the item's label; where two rows share one (the same topic in several
  // target groups), the label with its group; the item id as the last resort.
  const plain = rows.map((r, i) => (typeof r['label'] === 'string' ? r['label'] : `Item ${i + 1}`));
  const repeated = (list: readonly string[], i: number): boolean => list.indexOf(list[i] as string) !== list.lastIndexOf(list[i] as string);
  const withGroup = plain.map((label, i) =>
    repeated(plain, i) && typeof rows[i]!['group'] === 'string' ? `${label} (${rows[i]!['group'] as string})` : label,
  );
  const labels = withGroup.map((label, i) => (repeated(withGroup, i) ? String(rows[i]!['item'] ?? label) : label));
  const values: GroupMeanDatum[] = [];
  rows.forEach((row, rowOrder) => {
    groups.forEach((group, groupOrder) => {
      const mean = cellNumber(row[`mean:${group}`]);
      values.push(
        jsonSafe({
          item: typeof row['item'] === 'string' ? row['item'] : String(labels[rowOrder]),
          label: labels[rowOrder] as string,
          group,
          mean,
          n: cellNumber(row[`n:${group}`]),
          text: decimalLabel(mean, digits, lang),
          rowOrder,
          groupOrder,
        }) as GroupMeanDatum,
      );
    });
  });
  const finite = values.map((v) => v.mean).filter((v): v is number => v !== null);
  const domain = options.domain ?? [Math.min(1, Math.floor(Math.min(...finite, 1))), Math.max(4, Math.ceil(Math.max(...finite, 4)))];
  if (!Array.isArray(domain) || domain.length !== 2 || !(domain[0] < domain[1])) {
    throw new RangeError(`${FN}: domain must be [low, high] with low < high, got ${describeValue(domain)}`);
  }
  const words = lang === 'da' ? { axis: 'Gennemsnit', item: 'Spørgsmål', group: 'Gruppe' } : { axis: 'Mean', item: 'Item', group: 'Group' };
  const y = {
    field: 'label',
    type: 'nominal',
    sort: labels,
    title: null,
    axis: { labelLimit: 260 },
  };
  const x = { field: 'mean', type: 'quantitative', scale: { domain: [domain[0], domain[1]] }, axis: { title: options.axisTitle ?? words.axis, tickCount: 3 } };
  const color = {
    field: 'group',
    type: 'nominal',
    scale: { domain: groups, range: groups.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]) },
    legend: null,
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description:
      lang === 'da'
        ? `Gennemsnit pr. spørgsmål fordelt på ${groups.join(', ')}.`
        : `Means per item by group: ${groups.join(', ')}.`,
    ...(options.title === undefined ? {} : { title: options.title }),
    data: { values },
    facet: { column: { field: 'group', type: 'nominal', sort: groups, header: { title: null, labelFontWeight: 'bold' } } },
    spacing: 8,
    spec: {
      width: panelWidth,
      height: { step },
      transform: [{ filter: 'isValid(datum.mean)' }],
      layer: [
        {
          mark: { type: 'point', filled: true, size: 50, opacity: 1 },
          encoding: {
            y,
            x,
            color,
            tooltip: [
              { field: 'label', type: 'nominal', title: words.item },
              { field: 'group', type: 'nominal', title: words.group },
              { field: 'text', type: 'nominal', title: words.axis },
              { field: 'n', type: 'quantitative', title: 'N' },
            ],
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 6, baseline: 'middle', fontSize: 9 },
          encoding: { y, x, text: { field: 'text', type: 'nominal' } },
        },
      ],
    },
    resolve: { scale: { y: 'shared', x: 'shared' } },
    config: { view: { stroke: '#dddddd' }, axis: { grid: false } },
  };
}
