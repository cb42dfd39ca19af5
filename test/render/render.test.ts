import { beforeAll, describe, expect, it } from 'vitest';
import { likert } from '../../src/data/likert';
import { reportFigures, renderSvg } from '../../src/render/index';
import type { ReportResult } from '../../src/report/report';
import { scales } from '../../src/scale/presets';
import { divergingBars, meanDots, stackedBars } from '../../src/vega-lite/index';
import { demoReport, printedCell, tableById } from '../helpers/demoReport';
import { axisLabels, markTexts, parseXml, textOf, walk, type XmlElement } from './svgXml';

const rep = (...pairs: [string | null, number][]): (string | null)[] =>
  pairs.flatMap(([label, times]) => Array.from({ length: times }, () => label));
const sorted = (list: readonly string[]): string[] => [...list].sort();

// Hand-counted as in test/vega-lite/figures.test.ts: 98 answered; 41 / 46 / 10 / 1 / 2 percent.
const tabel21 = likert(
  rep(['I meget høj grad', 40], ['I høj grad', 45], ['I mindre grad', 10], ['Slet ikke', 1], ['Ved ikke', 2]),
  scales.daDegree4,
);

let result: ReportResult;
let figures: Map<string, string>;
const svgOf = (id: string): XmlElement => parseXml(figures.get(id)!);

beforeAll(async () => {
  result = demoReport('da');
  figures = await reportFigures(result, { lang: 'da' });
}, 120_000);

describe('reportFigures on the demo report', () => {
  it('gives a figure to the distribution, summary, pairs, means and multi-select tables, in report order', () => {
    const expected = result.tables
      .map((t) => t.id)
      .filter((id) => id.startsWith('distribution:') || ['summary', 'pairs', 'means:region', 'means:size', 'multiSelect'].includes(id));
    expect([...figures.keys()]).toEqual(expected);
  });

  it('writes well-formed SVG documents with the table title as <title> and a <desc> with the notes', () => {
    for (const [id, svg] of figures) {
      const root = parseXml(svg);
      const table = tableById(result, id);
      expect(root.name).toBe('svg');
      expect(root.attributes['xmlns']).toBe('http://www.w3.org/2000/svg');
      expect(root.attributes['role']).toBe('img');
      const [title, desc] = root.children as XmlElement[];
      expect(title!.name).toBe('title');
      expect(textOf(title!)).toBe(table.title);
      expect(desc!.name).toBe('desc');
      for (const note of table.notes) expect(textOf(desc!)).toContain(note);
    }
  });

  it('prints on each stacked bar chart exactly the distribution table\'s percents of 3 and more', () => {
    for (const table of result.tables.filter((t) => t.id.startsWith('distribution:'))) {
      const expected: string[] = [];
      for (const row of table.rows) {
        for (const column of table.columns.filter((c) => c.key.startsWith('share:'))) {
          const printed = printedCell(table, row, column.key);
          if (Number(printed) >= 3) expected.push(printed);
        }
      }
      expect(sorted(markTexts(svgOf(table.id)))).toEqual(sorted(expected));
    }
  });

  it('draws a focus area asked on two scales as a chart per scale, each with a legend of its own scale\'s categories', () => {
    const table = tableById(result, 'distribution:tidlig');
    const root = svgOf('distribution:tidlig');
    const legends: string[] = [];
    for (const [element, ancestors] of walk(root)) {
      const group = ancestors[ancestors.length - 1];
      if (element.name === 'text' && /\brole-legend-label\b/.test(group?.attributes['class'] ?? '')) legends.push(textOf(element));
    }
    // Each row's categories are its cells that are not null, the highest level first.
    const own = (r: (typeof table.rows)[number]): string[] =>
      table.columns.filter((c) => c.key.startsWith('share:') && r[c.key] !== null).map((c) => c.label);
    expect(legends).toEqual([...own(table.rows[0]!), ...own(table.rows[1]!)]);
    expect(legends).toEqual([
      'Meget store udfordringer', 'Ret store udfordringer', 'Mindre udfordringer', 'Slet ingen udfordringer', 'Ved ikke',
      'I meget høj grad', 'I høj grad', 'I mindre grad', 'Slet ikke', 'Ved ikke', 'Ikke relevant',
    ]);
  });

  it('prints on the count bars the multi-select table\'s totals', () => {
    const table = tableById(result, 'multiSelect');
    const expected = table.rows.filter((r) => r['option'] !== 'I alt').map((r) => printedCell(table, r, 'total'));
    expect(markTexts(svgOf('multiSelect'))).toEqual(expected);
  });

  it('prints on the dot plot the summary table\'s means of the two-item groups', () => {
    const table = tableById(result, 'summary');
    const counts = new Map<unknown, number>();
    for (const r of table.rows) counts.set(r['group'], (counts.get(r['group']) ?? 0) + 1);
    const expected = table.rows.filter((r) => counts.get(r['group']) === 2).map((r) => printedCell(table, r, 'mean'));
    expect(expected).toHaveLength(18);
    expect(sorted(markTexts(svgOf('summary')))).toEqual(sorted(expected));
  });

  it('prints on the means-by-group panels every mean of the means tables', () => {
    for (const id of ['means:region', 'means:size']) {
      const table = tableById(result, id);
      const expected = table.rows.flatMap((r) =>
        table.columns.filter((c) => c.key.startsWith('mean:') && r[c.key] !== null).map((c) => printedCell(table, r, c.key)),
      );
      expect(sorted(markTexts(svgOf(id)))).toEqual(sorted(expected));
    }
  });

  it('names each point of the scatter after its pair', () => {
    const pairs = tableById(result, 'pairs');
    expect(sorted(markTexts(svgOf('pairs')))).toEqual(sorted(pairs.rows.map((r) => String(r['xLabel']))));
  });

  it('throws for something that is not a report and for a misspelt option', async () => {
    await expect(reportFigures({} as never)).rejects.toThrow(/^reportFigures: result must be a report/);
    await expect(reportFigures(result, { lng: 'da' } as never)).rejects.toThrow('reportFigures: unknown option "lng"; did you mean "lang"?');
    await expect(reportFigures(result, { lang: 'de' as never })).rejects.toThrow(RangeError);
  });
});

describe('renderSvg', () => {
  it('draws the diverging bars of Tabel 2.1 with the labels 41 / 46 / 10 / 1 and the 2 of "ved ikke" apart', async () => {
    const svg = await renderSvg(divergingBars([{ id: 'q', label: 'Tabel 2.1', data: tabel21 }], { minLabel: 1 }), {
      title: 'Tabel 2.1',
      description: 'Svarfordeling i procent af dem, der har svaret.',
    });
    expect(sorted(markTexts(parseXml(svg)))).toEqual(sorted(['41', '46', '10', '1', '2']));
  });

  it('formats the axes in Danish by default and in English on request', async () => {
    const spec = meanDots([{ row: 'A', series: 'x', mean: 2.5 }], { domain: [1, 4] });
    const da = axisLabels(parseXml(await renderSvg(spec, { title: 't', description: 'd' })));
    const en = axisLabels(parseXml(await renderSvg(spec, { title: 't', description: 'd', locale: 'en' })));
    expect(da).toContain('1,5');
    expect(en).toContain('1.5');
  });

  it('escapes the title and description and keeps the SVG well-formed', async () => {
    const svg = await renderSvg(stackedBars([tabel21]), { title: 'A & B <C>', description: '"quoted" & more' });
    const root = parseXml(svg);
    expect(textOf(root.children[0] as XmlElement)).toBe('A & B <C>');
    expect(textOf(root.children[1] as XmlElement)).toBe('"quoted" & more');
  });

  it('renders without touching the network: no external href, font or image in the SVG', async () => {
    const svg = await renderSvg(stackedBars([tabel21]), { title: 't', description: 'd' });
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
    expect(svg).not.toMatch(/<image\b|@font-face|@import/);
  });

  it('rejects a missing title or description, a misspelt option, an unknown locale and a spec that is not an object', async () => {
    const spec = stackedBars([tabel21]);
    await expect(renderSvg(spec, { description: 'd' } as never)).rejects.toThrow(/^renderSvg: title must be a non-empty string/);
    await expect(renderSvg(spec, { title: 't', description: ' ' })).rejects.toThrow(/^renderSvg: description must be a non-empty string/);
    await expect(renderSvg(spec, { title: 't', description: 'd', local: 'da' } as never)).rejects.toThrow('renderSvg: unknown option "local"; did you mean "locale"?');
    await expect(renderSvg(spec, { title: 't', description: 'd', locale: 'sv' as never })).rejects.toThrow(/unknown locale "sv"/);
    await expect(renderSvg('x' as never, { title: 't', description: 'd' })).rejects.toThrow(TypeError);
  });
});

describe('parseXml (the test helper itself)', () => {
  it('refuses tags closed out of order, unclosed tags, a bare & and two roots', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/closes/);
    expect(() => parseXml('<a><b></b>')).toThrow(/never closed/);
    expect(() => parseXml('<a>x & y</a>')).toThrow(/bare &/);
    expect(() => parseXml('<a/><b/>')).toThrow(/second root/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/repeated/);
    expect(textOf(parseXml('<a>x &amp; &#229;</a>'))).toBe('x & å');
  });
});

describe('reportFigures with translateLabels', () => {
  it('prints the built-in scales’ labels in English in an English report, as its tables do', async () => {
    const result = demoReport('en');
    const plain = await reportFigures(result, { lang: 'en' });
    const translated = await reportFigures(result, { lang: 'en', translateLabels: true });
    const all = (figures: Map<string, string>): string => [...figures.values()].join('\n');
    // Without the option the Danish labels stand as the tables hold them; with it, none is left.
    expect(all(plain)).toContain('I høj grad');
    expect(all(translated)).not.toContain('I høj grad');
    expect(all(translated)).not.toContain('Meget store udfordringer');
    expect(all(translated)).toContain('To a high degree');
    expect([...translated.keys()]).toEqual([...plain.keys()]);
  }, 120_000);
});
