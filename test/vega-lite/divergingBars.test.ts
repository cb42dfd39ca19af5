import { describe, expect, it } from 'vitest';
import { likert } from '../../src/data/likert';
import { frequencies } from '../../src/describe/frequencies';
import { scales } from '../../src/scale/presets';
import { divergingBars, divergingPalette, divergingRows, VEGA_LITE_SCHEMA } from '../../src/vega-lite/index';

const rep = (...pairs: [string | null, number][]): (string | null)[] =>
  pairs.flatMap(([label, times]) => Array.from({ length: times }, () => label));

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => {
  expect(typeof value).toBe('object');
  expect(value).not.toBeNull();
  return value as Json;
};

const challenge = likert(
  rep(['Slet ingen udfordringer', 2], ['Mindre udfordringer', 3], ['Ret store udfordringer', 4], ['Meget store udfordringer', 1], ['Ved ikke', 2]),
  scales.daChallenge4,
);
const need = likert(
  rep(['Slet ikke', 1], ['I mindre grad', 1], ['I høj grad', 5], ['I meget høj grad', 3], ['Ikke relevant', 1]),
  scales.daDegree4,
);
const items = [
  { id: 'c', label: 'Udfordringer', data: challenge },
  { id: 'n', label: 'Behov', data: need },
];

/** Checks one encoding channel: a field of a known Vega-Lite type. */
const expectField = (channel: unknown, field: string, type?: string): void => {
  const c = obj(channel);
  expect(c.field).toBe(field);
  if (type !== undefined) expect(c.type).toBe(type);
};

describe('divergingBars', () => {
  it('writes a Vega-Lite v5 spec with the schema address and the rows inline', () => {
    const spec = divergingBars(items);
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(VEGA_LITE_SCHEMA).toBe(spec.$schema);
    const values = obj(spec.data).values as Json[];
    expect(values).toHaveLength(divergingRows(items).rows.length);
    expect(values[0]).toMatchObject({ item: 'n', label: 'Behov', category: 'Slet ikke', kind: 'level' });
  });

  it('is JSON-serialisable: stringify and parse give the same object, with NaN written as null', () => {
    const empty = likert([null], scales.daDegree4); // nobody answered: every share is NaN
    const spec = divergingBars([...items, { id: 'e', data: empty }], { title: 'Demo' });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    const values = obj(spec.data).values as Json[];
    const emptyLevel = values.find((v) => v.item === 'e' && v.kind === 'level')!;
    expect(emptyLevel.share).toBeNull();
    expect(emptyLevel.percent).toBeNull();
    expect(emptyLevel.agreement).toBeNull();
  });

  it('draws ranged bars from the precomputed offsets, with a rule at zero, in the diverging panel', () => {
    const spec = divergingBars(items);
    const panels = spec.hconcat as Json[];
    expect(panels).toHaveLength(2);
    const layer = panels[0]!.layer as Json[];
    const bars = layer[0]!;
    expect(obj(bars.mark).type).toBe('bar');
    expect(bars.transform).toEqual([{ filter: "datum.side !== 'apart'" }]);
    const enc = obj(bars.encoding);
    expectField(enc.x, 'start', 'quantitative');
    expectField(enc.x2, 'end');
    expectField(enc.y, 'label', 'nominal');
    expectField(enc.color, 'category', 'nominal');
    expect(obj(obj(enc.x).scale).domain).toEqual([-0.8, 0.8]); // 'fit': need's agreement reaches 0.8
    const tooltip = enc.tooltip as Json[];
    expect(tooltip.map((t) => t.field)).toEqual(['label', 'category', 'percent', 'count', 'n']);
    expect(obj(layer[1]!.mark).type).toBe('text');
    expectField(obj(layer[1]!.encoding).text, 'text', 'nominal');
    expect(obj(layer[2]!.mark).type).toBe('rule');
    expectField(obj(layer[2]!.encoding).x, 'zero', 'quantitative');
  });

  it('orders the y axis by agreement share, highest at the top', () => {
    // need: 8 of 10 agree; challenge: 5 of 10.
    const spec = divergingBars(items);
    const enc = obj(obj((obj((spec.hconcat as Json[])[0]).layer as Json[])[0]).encoding);
    expect(obj(enc.y).sort).toEqual(['Behov', 'Udfordringer']);
  });

  it('shows the non-substantive answers in a separate bar panel to the right, sharing the items', () => {
    const spec = divergingBars(items);
    const [apart, apartLabels] = (spec.hconcat as Json[])[1]!.layer as Json[];
    expect(apart!.transform).toEqual([{ filter: "datum.side === 'apart'" }]);
    expect(obj(apart!.mark).type).toBe('bar');
    expect(obj(apartLabels!.mark).type).toBe('text');
    const enc = obj(apart!.encoding);
    expectField(enc.x, 'start', 'quantitative');
    expectField(enc.x2, 'end');
    expect(obj(enc.y).axis).toBeNull();
    expect(obj(obj(enc.x).axis).title).toBe('Ved ikke / Ikke relevant');
    expect(spec.resolve).toEqual({ scale: { y: 'shared', color: 'shared', x: 'independent' } });
  });

  it('leaves out the separate panel when no scale has non-substantive answers', () => {
    const col = likert(['I høj grad', 'I nogen grad'], scales.daDegree5);
    expect(divergingBars([col]).hconcat as Json[]).toHaveLength(1);
  });

  it('colours the categories from the diverging palette, in category order, overridable', () => {
    const only = likert(rep(['Slet ikke', 1], ['I høj grad', 2], ['Ved ikke', 1]), scales.daDegree4);
    const colorOf = (spec: Json): Json => obj(obj(obj((obj((spec.hconcat as Json[])[0]).layer as Json[])[0]).encoding).color);
    const one = colorOf(divergingBars([only], { colors: { 'Ved ikke': '#000000' } }));
    const { categories } = divergingRows([only]);
    expect(obj(one.scale).domain).toEqual(categories.map((c) => c.category));
    expect(obj(one.scale).range).toEqual(divergingPalette(categories).map((c, i) => (categories[i]!.category === 'Ved ikke' ? '#000000' : c)));
  });

  it('colours items on two scales by each category\'s position on its own scale, the legend listing both', () => {
    const color = obj(obj(obj((obj((divergingBars(items, { colors: { 'Ved ikke': '#000000' } }).hconcat as Json[])[0]).layer as Json[])[0]).encoding).color);
    // The need item comes first (agreement 8/11 against 5/12), then the challenge item's levels.
    expect(obj(color.scale).domain).toEqual([
      'Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad', 'Ved ikke', 'Ikke relevant',
      'Slet ingen udfordringer', 'Mindre udfordringer', 'Ret store udfordringer', 'Meget store udfordringer',
    ]);
    // RdBu anchors for both scales' four levels alike; the second grey of the need scale.
    expect(obj(color.scale).range).toEqual([
      '#b2182b', '#f4a582', '#92c5de', '#2166ac', '#000000', '#c8c8c8',
      '#b2182b', '#f4a582', '#92c5de', '#2166ac',
    ]);
  });

  it("fits the axis to the data in tenths, symmetric around zero, or spans ±100 % under domain: 'full'", () => {
    const mild = likert(rep(['I mindre grad', 1], ['I høj grad', 1]), scales.daDegree4);
    const xDomain = (spec: Json): unknown =>
      obj(obj(obj(obj((obj((spec.hconcat as Json[])[0]).layer as Json[])[0]).encoding).x).scale).domain;
    expect(xDomain(divergingBars([mild]))).toEqual([-0.5, 0.5]);
    expect(xDomain(divergingBars([mild], { domain: 'full' }))).toEqual([-1, 1]);
    expect(xDomain(divergingBars([]))).toEqual([-1, 1]);
  });

  it('uses the item keys on the y axis when two items share a label', () => {
    const spec = divergingBars([
      { id: 'a', label: 'Same', data: need },
      { id: 'b', label: 'Same', data: challenge },
    ]);
    const y = obj(obj(obj((obj((spec.hconcat as Json[])[0]).layer as Json[])[0]).encoding).y);
    expect(y.field).toBe('item');
    expect(y.sort).toEqual(['a', 'b']);
  });

  it('applies title, sizes and text', () => {
    const spec = divergingBars([frequencies(need)], {
      title: 'Behov for støtte',
      width: 300,
      apartWidth: 60,
      step: 20,
      text: { axis: 'Andel', count: 'Antal' },
      scale: scales.daDegree4,
    });
    expect(spec.title).toBe('Behov for støtte');
    const [main, apart] = spec.hconcat as Json[];
    expect(main!.width).toBe(300);
    expect(main!.height).toEqual({ step: 20 });
    expect(apart!.width).toBe(60);
    const enc = obj(obj((main!.layer as Json[])[0]).encoding);
    expect(obj(obj(enc.x).axis).title).toBe('Andel');
    expect((enc.tooltip as Json[])[3]!.title).toBe('Antal');
    expect('title' in divergingBars([need])).toBe(false);
  });

  it('throws for a size that is not a positive number and for an unknown domain', () => {
    expect(() => divergingBars(items, { width: 0 })).toThrow(/^divergingBars: width must be a positive number/);
    expect(() => divergingBars(items, { step: Number.NaN })).toThrow(RangeError);
    expect(() => divergingBars(items, { domain: 'auto' as never })).toThrow(/unknown domain/);
  });
});

describe('divergingPalette', () => {
  it('gives reds to disagreeing levels, blues to agreeing ones, grey to neutral and apart answers', () => {
    expect(
      divergingPalette([
        { category: 'Slet ikke', side: 'disagree' },
        { category: 'I mindre grad', side: 'disagree' },
        { category: 'I høj grad', side: 'agree' },
        { category: 'I meget høj grad', side: 'agree' },
        { category: 'Ved ikke', side: 'apart' },
      ]),
    ).toEqual(['#b2182b', '#f4a582', '#92c5de', '#2166ac', '#aaaaaa']);
  });

  it('gives the neutral level a light grey and distinct colours for many levels', () => {
    const sides = ['disagree', 'disagree', 'disagree', 'neutral', 'agree', 'agree', 'agree'] as const;
    const colours = divergingPalette(sides.map((side, i) => ({ category: String(i), side })));
    expect(colours[3]).toBe('#d9d9d9');
    expect(new Set(colours).size).toBe(7);
    expect(colours.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
  });

  it('throws for input that is not an array of categories with known sides', () => {
    expect(() => divergingPalette('x' as never)).toThrow(TypeError);
    expect(() => divergingPalette([{ category: 'a', side: 'left' as never }])).toThrow(/unknown side "left"/);
  });
});
