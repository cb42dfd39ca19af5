/**
 * The `responseRate` section (the 2024 report's Bilagstabel 1.1): per category of each frame
 * variable (region, size group) the units in the population frame, the respondents among them
 * and the response rate, with the total.
 */
import { describeCell, readCategoryKey } from '../../data/keys';
import { isMissingValue } from '../../data/missing';
import { medianSplit, sizeGroups, type SizeGrouping, type SizeGroupsResult } from '../../data/sizeGroups';
import { sizeGroupLabel } from '../sizeGroupLabel';
import { columnsOf } from '../columns';
import { asOptionError, optionError } from '../reportOptions';
import type { ReportTable } from '../table';
import { table, type SectionContext } from './context';
import { representativenessVariables } from './representativeness';

/** A row of the response-rate table; the last row is the total (category `null`). */
type ResponseRateRow = {
  variable: string;
  category: string | null;
  frame: number;
  responded: number;
  /** responded / frame; `null` for a category with no unit in the frame. */
  rate: number | null;
};

/** Counts per category: frame units and respondents, categories in order of first appearance. */
class Tally {
  readonly order: (string | null)[] = [];
  readonly frame = new Map<string | null, number>();
  readonly responded = new Map<string | null, number>();

  add(which: 'frame' | 'responded', category: string | null): void {
    if (!this.frame.has(category) && !this.responded.has(category)) this.order.push(category);
    const counts = this[which];
    counts.set(category, (counts.get(category) ?? 0) + 1);
    if (which === 'frame' && !this.responded.has(category)) this.responded.set(category, 0);
    if (which === 'responded' && !this.frame.has(category)) this.frame.set(category, 0);
  }
}

function rowsOf(variable: string, tally: Tally): ResponseRateRow[] {
  // Units without a value (null) come last, after the named categories.
  const order = [...tally.order.filter((c) => c !== null), ...tally.order.filter((c) => c === null)];
  return order.map((category) => {
    const frame = tally.frame.get(category) ?? 0;
    const responded = tally.responded.get(category) ?? 0;
    return { variable, category, frame, responded, rate: frame === 0 ? null : responded / frame };
  });
}

/**
 * A frame cell of the size column: a finite number, or null when missing. Text is refused, as
 * `representativeness` refuses it: "60.828" may be 60828 or 60.828, which `readFrame` decides.
 */
function frameNumber(value: unknown, column: string, row: number): number | null {
  if (isMissingValue(value)) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw optionError(
      `frame: "${column}" holds ${describeCell(value)} in row ${row}, which is not a number; read the frame with readFrame, which types its numeric columns`,
    );
  }
  return value;
}

/** The rows of a categorical variable: the frame's column against the survey's attribute. */
function categoricalRows(ctx: SectionContext, frame: readonly Record<string, unknown>[], name: string): ResponseRateRow[] {
  const tally = new Tally();
  frame.forEach((unit, i) => {
    const key = readCategoryKey(unit[name]);
    if (key === undefined) {
      throw optionError(`frame: "${name}" holds ${describeCell(unit[name])} in row ${i}, which is not a category; convert it to text or a number`);
    }
    tally.add('frame', key);
  });
  for (const value of ctx.survey.category(name)) tally.add('responded', value);
  return rowsOf(name, tally);
}

/** The rows of a size grouping: frame and respondents cut at the same points (a median of the frame's). */
function sizeRows(ctx: SectionContext, frame: readonly Record<string, unknown>[], grouping: SizeGrouping): { rows: ResponseRateRow[]; median: number | null } {
  const name = grouping.attribute;
  const frameValues = frame.map((unit, i) => frameNumber(unit[name], name, i));
  const respondents = Array.from(ctx.survey.numeric(name), (v) => (Number.isNaN(v) ? null : v));
  const cut = (values: readonly (number | null)[]): SizeGroupsResult =>
    asOptionError('sizeGroups', () =>
      'breaks' in grouping
        ? sizeGroups(values, { breaks: grouping.breaks, ...(grouping.labels !== undefined ? { labels: grouping.labels } : {}) })
        : medianSplit(values, { reference: grouping.reference ?? frameValues, ...(grouping.labels !== undefined ? { labels: grouping.labels } : {}) }),
    );
  const inFrame = cut(frameValues);
  const tally = new Tally();
  // Every group is listed, in size order, even one without units.
  for (const label of inFrame.labels) {
    tally.order.push(label);
    tally.frame.set(label, 0);
    tally.responded.set(label, 0);
  }
  for (const group of inFrame.groups) tally.add('frame', group);
  for (const group of cut(respondents).groups) tally.add('responded', group);
  return { rows: rowsOf(name, tally), median: 'breaks' in grouping ? null : (inFrame.breaks[0] as number) };
}

/**
 * The response-rate table: for each categorical variable the frame and the survey share
 * (those of the representativeness section) and for the size grouping (`sizeGroups`, when the
 * frame has its column), per category the frame's units, the respondents and the rate
 * respondents / units, then the total. Respondents are counted by their own attribute values
 * (as the representativeness table counts them); a category no frame unit has gets rate `null`
 * and a warning. Id `responseRate`.
 */
export function responseRateTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  const frame = options.frame;
  if (frame === undefined) return [];
  if (ctx.summary !== null) {
    ctx.warnings.push('responseRate: omitted, a summary holds no respondents\' attribute values; report the survey for this section');
    return [];
  }
  const first = frame[0];
  if (first === undefined) return [];
  const categorical = representativenessVariables(ctx)
    .map((spec) => (typeof spec === 'string' ? { name: spec, kind: undefined } : spec))
    .filter((spec) => spec.kind !== 'numeric' && ctx.survey.attributes[spec.name] === 'category' && spec.name in first)
    .map((spec) => spec.name);
  const size = options.sizeGroups !== undefined && options.sizeGroups.attribute in first ? options.sizeGroups : undefined;
  if (categorical.length === 0 && size === undefined) return [];

  const rows: ResponseRateRow[] = [];
  for (const name of categorical) rows.push(...categoricalRows(ctx, frame, name));
  let median: number | null = null;
  if (size !== undefined) {
    const built = sizeRows(ctx, frame, size);
    // Default size-group labels print in the report's words and digit grouping ("under 50.000").
    const label = (category: string | null): string | null =>
      category === null || size.labels !== undefined ? category : sizeGroupLabel(category, options.lang);
    rows.push(...built.rows.map((row) => ({ ...row, category: label(row.category) })));
    median = built.median;
  }
  for (const row of rows) {
    if (row.frame === 0 && row.responded > 0) {
      ctx.warnings.push(`responseRate: ${row.variable} ${JSON.stringify(row.category)} of ${row.responded} respondent${row.responded === 1 ? '' : 's'} is not in the frame; check its spelling in the survey and the frame`);
    }
  }
  rows.push({ variable: words.total, category: null, frame: frame.length, responded: ctx.survey.size, rate: ctx.survey.size / frame.length });
  return [
    table(
      'responseRate',
      words.responseRate,
      columnsOf<ResponseRateRow>([
        { key: 'variable', label: words.variable, format: 'text' },
        { key: 'category', label: words.category, format: 'text' },
        { key: 'frame', label: words.frameUnits, format: 'integer' },
        { key: 'responded', label: words.responded, format: 'integer' },
        { key: 'rate', label: words.rate, format: 'percent' },
      ]),
      rows,
      [words.responseRateNote, median !== null && size !== undefined ? words.medianNote(size.attribute, median) : null],
    ),
  ];
}
