import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likert } from '../../src/data/likert';
import { frequencies } from '../../src/describe/frequencies';
import { scales } from '../../src/scale/presets';
import {
  countBars,
  divergingBars,
  divergingRows,
  groupMeans,
  meanDots,
  meanScatter,
  stackedBarRows,
  stackedBars,
} from '../../src/vega-lite/index';
import { demoReport, demoSurvey, printedCell, tableById } from '../helpers/demoReport';

type Json = Record<string, unknown>;
const values = (spec: Json): Json[] => (spec.data as { values: Json[] }).values;

const sorted = (list: readonly string[]): string[] => [...list].sort();

const rep = (...pairs: [string | null, number][]): (string | null)[] =>
  pairs.flatMap(([label, times]) => Array.from({ length: times }, () => label));

// A distribution like the 2021 report's Tabel 2.1, hand-counted: 98 answered, 96 substantive.
// Of those who answered: 40/98 = 40.8 % → 41, 45/98 = 45.9 % → 46, 10/98 = 10.2 % → 10,
// 1/98 → 1, 2/98 → 2. Of the substantive answers: 40/96 = 41.7 % → 42, 45/96 = 46.9 % → 47,
// 10/96 = 10.4 % → 10.
const tabel21 = likert(
  rep(['I meget høj grad', 40], ['I høj grad', 45], ['I mindre grad', 10], ['Slet ikke', 1], ['Ved ikke', 2], [null, 3]),
  scales.daDegree4,
);

const result = demoReport('da');
const distributionTables = result.tables.filter((t) => t.id.startsWith('distribution:'));

describe('stackedBarRows and stackedBars', () => {
  it('labels every segment with the whole percent of those who answered: 41 / 46 / 10 / 1 / 2 for Tabel 2.1', () => {
    const { rows } = stackedBarRows([tabel21]);
    expect(rows.map((r) => [r.category, r.text, r.n])).toEqual([
      ['I meget høj grad', '41', 98],
      ['I høj grad', '46', 98],
      ['I mindre grad', '10', 98],
      ['Slet ikke', '1', 98],
      ['Ved ikke', '2', 98],
      ['Ikke relevant', '0', 98],
    ]);
  });

  it('lays the segments end to end from 0 to 1, highest level first, "ved ikke" in the bar', () => {
    const { rows, categories } = stackedBarRows([tabel21]);
    expect(categories.map((c) => c.side)).toEqual(['agree', 'agree', 'disagree', 'disagree', 'apart', 'apart']);
    expect(rows[0]!.start).toBe(0);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.start).toBe(rows[i - 1]!.end);
    expect(Math.abs(rows[rows.length - 1]!.end - 1)).toBeLessThan(1e-12);
  });

  it('prints in every label the cell of the demo report\'s distribution table, for every table and row', () => {
    let checked = 0;
    for (const table of distributionTables) {
      const { rows } = stackedBarRows(table, { scale: [scales.daChallenge4, scales.daDegree4] });
      for (const seg of rows) {
        const row = table.rows.find((r) => r['item'] === seg.item)!;
        expect(seg.text).toBe(printedCell(table, row, `share:${seg.category}`));
        checked++;
      }
      // Every cell with a number has its segment, and no segment stands for a null cell.
      for (const row of table.rows) {
        const cells = table.columns.filter((c) => c.key.startsWith('share:') && row[c.key] !== null).map((c) => c.key.slice(6));
        expect(sorted(rows.filter((r) => r.item === row['item']).map((r) => r.category))).toEqual(sorted(cells));
      }
    }
    // 9 focus-area tables of a challenge (5 categories) and a need item (6), 6 target-group
    // tables of 6 challenge items: 9 × 11 + 6 × 30 = 279.
    expect(checked).toBe(279);
  });

  it('draws each focus area\'s challenge and need item of the demo report as a chart per scale', () => {
    const table = tableById(result, 'distribution:tidlig');
    const layout = stackedBarRows(table);
    expect(layout.parts.map((p) => p.items)).toEqual([['udfordring_tidlig'], ['behov_tidlig']]);
    const spec = stackedBars(table, { lang: 'da' });
    const charts = spec.vconcat as Json[];
    expect(charts).toHaveLength(2);
    expect(values(charts[0]!).every((v) => v.item === 'udfordring_tidlig')).toBe(true);
    expect(values(charts[1]!).every((v) => v.item === 'behov_tidlig')).toBe(true);
  });

  it('gives the same labels from the survey\'s columns as from the report table', () => {
    const table = tableById(result, 'distribution:Børn med handicap:daChallenge4');
    const columns = table.rows.map((r) => ({ id: String(r['item']), label: String(r['label']), data: demoSurvey.item(String(r['item'])) }));
    const fromColumns = stackedBarRows(columns).rows.map((r) => [r.item, r.category, r.text]);
    const fromTable = stackedBarRows(table, { scale: scales.daChallenge4 }).rows.map((r) => [r.item, r.category, r.text]);
    expect(fromColumns).toEqual(fromTable);
  });

  it('finds "Ved ikke" and "Ikke relevant" by name in a table given without its scales', () => {
    const table = tableById(result, 'distribution:tidlig');
    const apart = stackedBarRows(table).parts.map((p) => p.categories.filter((c) => c.side === 'apart').map((c) => c.category));
    expect(apart).toEqual([['Ved ikke'], ['Ved ikke', 'Ikke relevant']]);
  });

  it('draws bars from the precomputed offsets and labels only segments of at least minLabel percent', () => {
    const spec = stackedBars([tabel21], { lang: 'en', minLabel: 5, title: 'Tabel 2.1' });
    const [bars, labels] = spec.layer as Json[];
    expect((bars!.mark as Json).type).toBe('bar');
    expect(((bars!.encoding as Json).x as Json).field).toBe('start');
    expect(((bars!.encoding as Json).x2 as Json).field).toBe('end');
    expect(labels!.transform).toEqual([{ filter: 'datum.percent >= 5' }]);
    expect(((labels!.encoding as Json).text as Json).field).toBe('text');
    expect(spec.title).toBe('Tabel 2.1');
    expect((((bars!.encoding as Json).x as Json).axis as Json).title).toBe('Percent of those who answered');
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('writes white labels on the dark ends of the palette and dark ones on the light middle', () => {
    const ink = Object.fromEntries(values(stackedBars([tabel21])).map((v) => [v.category, v.ink]));
    expect(ink['I meget høj grad']).toBe('#ffffff'); // #2166ac
    expect(ink['I høj grad']).toBe('#1a1a1a'); // #92c5de
  });

  it('keeps the table order, or sorts by agreement', () => {
    const low = likert(rep(['I høj grad', 1], ['Slet ikke', 3]), scales.daDegree4);
    const high = likert(rep(['I høj grad', 3], ['Slet ikke', 1]), scales.daDegree4);
    expect(stackedBarRows([{ id: 'low', data: low }, { id: 'high', data: high }]).items.map((i) => i.item)).toEqual(['low', 'high']);
    expect(stackedBarRows([{ id: 'low', data: low }, { id: 'high', data: high }], { sort: 'agreement' }).items.map((i) => i.item)).toEqual(['high', 'low']);
  });

  it('throws for a table without share columns, a scale that does not fit, bad sizes and an unknown lang', () => {
    expect(() => stackedBarRows(tableById(result, 'summary'))).toThrow(/^stackedBarRows: table 'summary' has no share:<category> columns/);
    expect(() => stackedBarRows(tableById(result, 'distribution:Børn med handicap:daChallenge4'), { scale: scales.daDegree4 })).toThrow(
      /^stackedBarRows: the categories of row 1 of table 'distribution:Børn med handicap:daChallenge4' \(.*\) are not those of scale 'daDegree4'/,
    );
    expect(() => stackedBarRows(tableById(result, 'distribution:tidlig'), { scale: scales.daChallenge4 })).toThrow(/row 2 of table 'distribution:tidlig'/);
    expect(() => stackedBars([tabel21], { width: -1 })).toThrow(/^stackedBars: width must be a positive number/);
    expect(() => stackedBars([tabel21], { minLabel: -1 })).toThrow(/minLabel/);
    expect(() => stackedBars([tabel21], { lang: 'de' as never })).toThrow(/unknown lang "de"/);
  });

  it('property: segments of every bar sum to 1 and every label is the half-up percent of its count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 80 }), (codes) => {
        const labels = [...scales.daDegree4.levels, ...scales.daDegree4.nonSubstantive];
        const col = likert(codes.map((c) => labels[c]), scales.daDegree4);
        const { rows } = stackedBarRows([col]);
        const total = rows.reduce((s, r) => s + (r.end - r.start), 0);
        // Whole percent half up, by integer arithmetic: floor((200·count + n) / (2n)).
        const halfUp = (count: number, n: number): number => Math.floor((200 * count + n) / (2 * n));
        return Math.abs(total - 1) < 1e-12 && rows.every((r) => r.text === String(halfUp(r.count, codes.length)));
      }),
    );
  });
});

describe('divergingBars, labelled as the table', () => {
  it('labels Tabel 2.1 with 41 / 46 / 10 (of those who answered), not 42 / 47 / 10', () => {
    const texts = (rows: readonly { category: string; text: string }[]): string[] =>
      ['I meget høj grad', 'I høj grad', 'I mindre grad'].map((c) => rows.find((r) => r.category === c)!.text);
    expect(texts(divergingRows([tabel21]).rows)).toEqual(['41', '46', '10']);
    expect(texts(divergingRows([tabel21], { denominator: 'substantive' }).rows)).toEqual(['42', '47', '10']);
  });

  it('splits the substantive answers around zero and lays the non-substantive ones apart, all of those who answered', () => {
    const { rows } = divergingRows([tabel21]);
    const at = (c: string) => rows.find((r) => r.category === c)!;
    expect(at('I mindre grad').end).toBe(0);
    expect(Math.abs(at('Slet ikke').start - -11 / 98)).toBeLessThan(1e-12);
    expect(Math.abs(at('I meget høj grad').end - 85 / 98)).toBeLessThan(1e-12);
    expect(at('Ved ikke').side).toBe('apart');
    expect(at('Ved ikke').start).toBe(0);
    expect(Math.abs(at('Ved ikke').end - 2 / 98)).toBeLessThan(1e-12);
  });

  it('prints in every label of a distribution table\'s chart the table\'s cell, a table of two scales included', () => {
    for (const id of ['distribution:tidlig', 'distribution:Børn med handicap:daChallenge4']) {
      const table = tableById(result, id);
      const data = values(divergingBars(table, { scale: [scales.daChallenge4, scales.daDegree4] }));
      for (const v of data) {
        const row = table.rows.find((r) => r['item'] === v.item)!;
        expect(v.text).toBe(printedCell(table, row, `share:${String(v.category)}`));
      }
      const cells = table.rows.flatMap((r) => table.columns.filter((c) => c.key.startsWith('share:') && r[c.key] !== null));
      expect(data).toHaveLength(cells.length);
    }
  });

  it('has a text layer on both panels, filtered at minLabel, and Danish words by default', () => {
    const spec = divergingBars([tabel21], { minLabel: 2 });
    const [main, apart] = spec.hconcat as Json[];
    const text = (main!.layer as Json[])[1]!;
    expect((text.mark as Json).type).toBe('text');
    expect((text.transform as Json[])[1]).toEqual({ filter: 'datum.percent >= 2' });
    expect(((apart!.layer as Json[])[1]!.mark as Json).type).toBe('text');
    const x = (((main!.layer as Json[])[0]!.encoding as Json).x as Json).axis as Json;
    expect(x.title).toBe('Andel af dem, der har svaret');
    expect(() => divergingRows([tabel21], { denominator: 'all' as never })).toThrow(/^divergingRows: unknown denominator "all"/);
  });

  it('takes a frequency table with the same result as its column', () => {
    expect(divergingRows([{ data: frequencies(tabel21), scale: scales.daDegree4 }]).rows).toEqual(divergingRows([tabel21]).rows);
  });
});

describe('countBars', () => {
  const table = tableById(result, 'multiSelect');

  it('draws one bar per option in the table\'s order, labelled with its total, without the totals row', () => {
    const data = values(countBars(table));
    const options = table.rows.filter((r) => r['option'] !== 'I alt');
    expect(data.map((d) => d.label)).toEqual(options.map((r) => r['option']));
    expect(data.map((d) => d.text)).toEqual(options.map((r) => printedCell(table, r, 'total')));
  });

  it('draws the ticks of the total column, not the new average column, and leaves out the totals row of ticks', () => {
    expect(table.columns.map((c) => c.key)).toContain('average');
    const data = values(countBars(table));
    const options = table.rows.filter((r) => r['option'] !== 'I alt');
    expect(data.map((d) => d.count)).toEqual(options.map((r) => r['total']));
    // Each option's average over the questions differs from its total, so the two cannot be confused.
    for (const r of options) expect(r['average']).not.toBe(r['total']);
    expect(data.some((d) => d.label === 'I alt')).toBe(false);
    expect(JSON.stringify(countBars(table))).not.toContain('average');
  });

  it('draws one question\'s column on request, a suppressed cell as "–" without a bar', () => {
    const key = table.columns.find((c) => c.key.startsWith('count:'))!.key;
    const data = values(countBars(table, { column: key }));
    const options = table.rows.filter((r) => r['option'] !== 'I alt');
    expect(data.map((d) => d.text)).toEqual(options.map((r) => printedCell(table, r, key)));
    const suppressed = values(countBars([{ label: 'a', count: null }, { label: 'b', count: 1234 }], { lang: 'da' }));
    expect(suppressed.map((d) => [d.text, d.count, d.at])).toEqual([['–', null, 0], ['1.234', 1234, 1234]]);
  });

  it('throws for a column the table lacks and for a negative count', () => {
    expect(() => countBars(table, { column: 'count:Nope' })).toThrow(/^countBars: table 'multiSelect' has no column 'count:Nope'/);
    expect(() => countBars([{ label: 'a', count: -1 }])).toThrow(/^countBars: the count of bar 1/);
    expect(() => countBars('x' as never)).toThrow(TypeError);
  });
});

describe('meanDots', () => {
  const summary = tableById(result, 'summary');

  it('draws the two means of each two-item group, labelled as the summary table prints them', () => {
    const data = values(meanDots(summary));
    expect(data).toHaveLength(18); // 9 focus areas × challenge and need; the 6-item target groups are left out
    for (const d of data) {
      const row = summary.rows.find((r) => r['group'] !== undefined && r['mean'] === d.mean && (d.series === 'Udfordring') === String(r['item']).startsWith('udfordring_'))!;
      expect(d.text).toBe(printedCell(summary, row, 'mean'));
    }
    expect([...new Set(data.map((d) => d.series))]).toEqual(['Udfordring', 'Behov']);
  });

  it('names the series as asked, and takes means directly (English decimals, nulls kept out)', () => {
    expect(new Set(values(meanDots(summary, { series: { behov: 'Behov for støtte' } })).map((d) => d.series))).toEqual(new Set(['Udfordring', 'Behov for støtte']));
    const data = values(meanDots([{ row: 'A', series: 'x', mean: 2.125 }, { row: 'A', series: 'y', mean: null }], { lang: 'en' }));
    expect(data.map((d) => d.text)).toEqual(['2.13', '']); // 2.125 half up
    expect(() => meanDots([{ row: 'A', series: 'x', mean: '2' as never }])).toThrow(/^meanDots: the mean at position 1/);
    expect(() => meanDots([], { domain: [4, 1] })).toThrow(/domain/);
  });
});

describe('groupMeans', () => {
  it('draws every item\'s mean in every group, labelled as the means table prints it', () => {
    for (const id of ['means:region', 'means:size']) {
      const table = tableById(result, id);
      const data = values(groupMeans(table));
      const groups = table.columns.filter((c) => c.key.startsWith('mean:'));
      expect(data).toHaveLength(table.rows.length * groups.length);
      for (const d of data) {
        const row = table.rows.find((r) => r['item'] === d.item)!;
        expect(d.text).toBe(printedCell(table, row, `mean:${String(d.group)}`));
      }
    }
  });

  it('makes a panel of every mean:<group> column only, not of the n:<group> columns, and takes N from n:<group>', () => {
    const table = tableById(result, 'means:region');
    const nColumns = table.columns.filter((c) => c.key.startsWith('n:'));
    expect(nColumns.length).toBeGreaterThan(0);
    const spec = groupMeans(table);
    const groups = [...new Set(values(spec).map((d) => d.group))];
    expect(groups).toEqual(table.columns.filter((c) => c.key.startsWith('mean:')).map((c) => c.key.slice(5)));
    expect(groups).toEqual(nColumns.map((c) => c.key.slice(2)));
    for (const d of values(spec)) {
      const row = table.rows.find((r) => r['item'] === d.item)!;
      expect(d.n).toBe(row[`n:${String(d.group)}`]);
    }
  });

  it('keeps the items asked for, gives repeated labels their group, and throws for an unknown item', () => {
    const table = tableById(result, 'means:region');
    const data = values(groupMeans(table, { items: ['udfordring_tidlig', 'behov_tidlig'] }));
    expect([...new Set(data.map((d) => d.item))]).toEqual(['udfordring_tidlig', 'behov_tidlig']);
    const all = values(groupMeans(table));
    expect(all.find((d) => d.item === 'mg_handicap_opsporing')!.label).toBe('Tidlig opsporing (Børn med handicap)');
    expect(() => groupMeans(table, { items: ['nope'] })).toThrow(/^groupMeans: item 'nope' is not a row of table 'means:region'/);
    expect(() => groupMeans(tableById(result, 'summary'))).toThrow(/no mean:<group> columns/);
  });
});

describe('meanScatter', () => {
  it('puts one point per pair at the two means of the summary table, with the printed means', () => {
    const pairs = tableById(result, 'pairs');
    const summary = tableById(result, 'summary');
    const data = values(meanScatter({ pairs, summary }));
    expect(data).toHaveLength(pairs.rows.length);
    data.forEach((d, i) => {
      const pair = pairs.rows[i]!;
      const x = summary.rows.find((r) => r['item'] === pair['x'])!;
      const y = summary.rows.find((r) => r['item'] === pair['y'])!;
      expect(d.label).toBe(pair['xLabel']);
      expect(d.xText).toBe(printedCell(summary, x, 'mean'));
      expect(d.yText).toBe(printedCell(summary, y, 'mean'));
    });
  });

  it('takes points directly and throws for a coordinate that is not a number', () => {
    expect(values(meanScatter([{ label: 'a', x: 1.005, y: null }]))[0]).toEqual({ label: 'a', x: 1.005, y: null, xText: '1,01', yText: '' });
    expect(() => meanScatter([{ label: 'a', x: 'x' as never, y: 1 }])).toThrow(/^meanScatter: x of point 1/);
    expect(() => meanScatter({} as never)).toThrow(TypeError);
  });
});
