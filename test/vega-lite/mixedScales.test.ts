/**
 * A distribution table of items on two scales, written by hand as report() writes the demo's
 * focus areas: one column per category of either scale, null where a category is not on the
 * row's scale. Every expected label below is worked out by hand from the counts.
 */
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../src/report/table';
import { scales } from '../../src/scale/presets';
import { divergingRows, stackedBarRows, stackedBars } from '../../src/vega-lite/index';

type Json = Record<string, unknown>;
const values = (spec: Json): Json[] => (spec.data as { values: Json[] }).values;

const CHALLENGE = ['Meget store udfordringer', 'Ret store udfordringer', 'Mindre udfordringer', 'Slet ingen udfordringer'];
const NEED = ['I meget høj grad', 'I høj grad', 'I mindre grad', 'Slet ikke'];
const ALL = [...CHALLENGE, ...NEED, 'Ved ikke', 'Ikke relevant'];

/** A row from counts by category (absent: null, not on the row's scale); shares of N. */
function row(item: string, label: string, counts: Readonly<Record<string, number>>): Record<string, string | number | null> {
  const n = Object.values(counts).reduce((a, b) => a + b, 0);
  const out: Record<string, string | number | null> = { item, label, n };
  for (const c of ALL) {
    out[`share:${c}`] = c in counts ? (counts[c] as number) / n : null;
    out[`count:${c}`] = c in counts ? (counts[c] as number) : null;
  }
  return out;
}

// Challenge: 10 + 5 + 3 + 2 + 0 = 20 answered → 50, 25, 15, 10 and 0 percent.
// Need: 1 + 2 + 3 + 1 + 1 + 0 = 8 answered → 1/8 = 12.5 → 13 (half up), 25, 37.5 → 38, 13, 13, 0.
const mixed: ReportTable = Object.freeze<ReportTable>({
  kind: 'report-table',
  id: 'distribution:test',
  title: 'Svarfordeling: test',
  columns: [
    { key: 'label', label: 'Spørgsmål', format: 'text' },
    ...ALL.map((c) => ({ key: `share:${c}`, label: c, format: 'percent' as const })),
    { key: 'n', label: 'N', format: 'integer' },
  ],
  rows: [
    row('udfordring', 'Udfordring', {
      'Meget store udfordringer': 10,
      'Ret store udfordringer': 5,
      'Mindre udfordringer': 3,
      'Slet ingen udfordringer': 2,
      'Ved ikke': 0,
    }),
    row('behov', 'Behov', { 'I meget høj grad': 1, 'I høj grad': 2, 'I mindre grad': 3, 'Slet ikke': 1, 'Ved ikke': 1, 'Ikke relevant': 0 }),
  ],
  notes: [],
});

const labelsOf = (rows: readonly { item: string; category: string; text: string }[], item: string): [string, string][] =>
  rows.filter((r) => r.item === item).map((r) => [r.category, r.text]);

describe('stackedBarRows of a distribution table of two scales', () => {
  it('gives each bar only its own scale\'s categories, labelled with the hand-computed percents', () => {
    const { rows } = stackedBarRows(mixed);
    expect(labelsOf(rows, 'udfordring')).toEqual([
      ['Meget store udfordringer', '50'],
      ['Ret store udfordringer', '25'],
      ['Mindre udfordringer', '15'],
      ['Slet ingen udfordringer', '10'],
      ['Ved ikke', '0'],
    ]);
    expect(labelsOf(rows, 'behov')).toEqual([
      ['I meget høj grad', '13'],
      ['I høj grad', '25'],
      ['I mindre grad', '38'],
      ['Slet ikke', '13'],
      ['Ved ikke', '13'],
      ['Ikke relevant', '0'],
    ]);
  });

  it('lays each bar end to end from 0 to 1 and puts the items of each scale in a part of their own', () => {
    const layout = stackedBarRows(mixed);
    for (const item of ['udfordring', 'behov']) {
      const segs = layout.rows.filter((r) => r.item === item);
      expect(segs[0]!.start).toBe(0);
      for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBe(segs[i - 1]!.end);
      expect(Math.abs(segs[segs.length - 1]!.end - 1)).toBeLessThan(1e-12);
    }
    expect(layout.parts.map((p) => p.items)).toEqual([['udfordring'], ['behov']]);
    expect(layout.parts[0]!.categories.map((c) => c.category)).toEqual([...CHALLENGE, 'Ved ikke']);
    expect(layout.parts[1]!.categories.map((c) => c.category)).toEqual([...NEED, 'Ved ikke', 'Ikke relevant']);
    expect(layout.rows.map((r) => r.part)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(layout.categories.map((c) => c.category)).toEqual([...CHALLENGE, 'Ved ikke', ...NEED, 'Ikke relevant']);
  });

  it('takes both scales, each row the one whose categories it has, and throws when a row fits none', () => {
    const both = stackedBarRows(mixed, { scale: [scales.daChallenge4, scales.daDegree4] });
    expect(both.rows).toEqual(stackedBarRows(mixed).rows);
    expect(() => stackedBarRows(mixed, { scale: scales.daDegree4 })).toThrow(
      /^stackedBarRows: the categories of row 1 of table 'distribution:test' \(Meget store udfordringer, .*, Ved ikke\) are not those of scale 'daDegree4'/,
    );
    expect(() => stackedBarRows(mixed, { scale: [scales.daChallenge4] })).toThrow(/row 2 of table 'distribution:test'/);
  });

  it('draws a row nobody answered with the categories of the row before it, without labels', () => {
    const empty = { ...row('tom', 'Tom', {}), n: 0 };
    const table: ReportTable = { ...mixed, rows: [...mixed.rows, empty] };
    const segs = stackedBarRows(table).rows.filter((r) => r.item === 'tom');
    expect(segs.map((r) => [r.category, r.text, r.part, r.end - r.start])).toEqual([
      ['I meget høj grad', '', 1, 0],
      ['I høj grad', '', 1, 0],
      ['I mindre grad', '', 1, 0],
      ['Slet ikke', '', 1, 0],
      ['Ved ikke', '', 1, 0],
      ['Ikke relevant', '', 1, 0],
    ]);
  });
});

describe('stackedBars of a distribution table of two scales', () => {
  const spec = stackedBars(mixed, { lang: 'da', minLabel: 0 });
  const charts = spec.vconcat as Json[];

  it('stacks a chart per scale, each with its own data, categories and legend, the axis title under the last', () => {
    expect(charts).toHaveLength(2);
    expect(spec.resolve).toEqual({ scale: { color: 'independent', y: 'independent' }, legend: { color: 'independent' } });
    const colorOf = (chart: Json): Json => ((chart.layer as Json[])[0]!.encoding as Json).color as Json;
    expect((colorOf(charts[0]!).scale as Json).domain).toEqual([...CHALLENGE, 'Ved ikke']);
    expect((colorOf(charts[1]!).scale as Json).domain).toEqual([...NEED, 'Ved ikke', 'Ikke relevant']);
    const title = (chart: Json): unknown => ((((chart.layer as Json[])[0]!.encoding as Json).x as Json).axis as Json).title;
    expect([title(charts[0]!), title(charts[1]!)]).toEqual([null, 'Procent af dem, der har svaret']);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('labels each chart\'s segments with the hand-computed percents and no segment for a null cell', () => {
    expect(values(charts[0]!).map((v) => v.text)).toEqual(['50', '25', '15', '10', '0']);
    expect(values(charts[1]!).map((v) => v.text)).toEqual(['13', '25', '38', '13', '13', '0']);
  });

  it('colours both scales alike by position: the extreme levels darkest, "Ved ikke" grey on both', () => {
    // RdBu anchors (see divergingPalette): #2166ac and #92c5de for the two upper levels,
    // #f4a582 and #b2182b for the two lower; the first grey answer of a part #aaaaaa, the next #c8c8c8.
    const range = (chart: Json): unknown => ((((chart.layer as Json[])[0]!.encoding as Json).color as Json).scale as Json).range;
    expect(range(charts[0]!)).toEqual(['#2166ac', '#92c5de', '#f4a582', '#b2182b', '#aaaaaa']);
    expect(range(charts[1]!)).toEqual(['#2166ac', '#92c5de', '#f4a582', '#b2182b', '#aaaaaa', '#c8c8c8']);
  });

  it('stays one chart for a table on one scale', () => {
    const one: ReportTable = { ...mixed, rows: [mixed.rows[0]!] };
    const single = stackedBars(one);
    expect(single.vconcat).toBeUndefined();
    expect((single.layer as Json[]).map((l) => (l.mark as Json).type)).toEqual(['bar', 'text']);
  });
});

describe('divergingRows of a distribution table of two scales', () => {
  it('lays out each row with its own scale\'s categories, of those who answered', () => {
    const { rows } = divergingRows(mixed, { sort: 'input' });
    expect(labelsOf(rows, 'udfordring').map(([c]) => c)).toEqual([...[...CHALLENGE].reverse(), 'Ved ikke']);
    expect(labelsOf(rows, 'behov')).toEqual([
      ['Slet ikke', '13'],
      ['I mindre grad', '38'],
      ['I høj grad', '25'],
      ['I meget høj grad', '13'],
      ['Ved ikke', '13'],
      ['Ikke relevant', '0'],
    ]);
    // Need: the disagreeing levels 1/8 + 3/8 end at zero.
    const at = (item: string, c: string) => rows.find((r) => r.item === item && r.category === c)!;
    expect(at('behov', 'Slet ikke').start).toBe(-0.5);
    expect(at('behov', 'I mindre grad').end).toBe(0);
    expect(at('udfordring', 'Slet ingen udfordringer').start).toBe(-0.25);
  });
});
