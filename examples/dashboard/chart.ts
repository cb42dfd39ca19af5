/// <reference lib="dom" />
/**
 * Draws the rows of `divergingRows` as an SVG diverging stacked bar chart, by hand and without
 * a charting library: one band per item, one rect per segment at its precomputed start and end,
 * a line at zero, and the non-substantive answers in a panel of their own on the right.
 */
import { divergingPalette } from '../../src/vega-lite/index';
import type { DivergingRowsResult } from '../../src/vega-lite/index';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Renders the layout into `target`, replacing what was there. */
export function drawDivergingChart(target: Element, layout: DivergingRowsResult): void {
  const labelWidth = 290;
  const mainWidth = 420;
  const gap = 24;
  const apartWidth = 90;
  const band = 26;
  const top = 8;
  const legendHeight = 46;
  const hasApart = layout.categories.some((c) => c.side === 'apart');
  const width = labelWidth + mainWidth + (hasApart ? gap + apartWidth : 0) + 10;
  const height = top + layout.items.length * band + 24 + legendHeight;
  const reach = Math.max(0.1, Math.min(1, Math.ceil(Math.max(-layout.min, layout.max) * 10 - 1e-9) / 10));
  const apartReach = Math.max(0.1, Math.min(1, Math.ceil(layout.apartMax * 10 - 1e-9) / 10));
  const x = (v: number): number => labelWidth + ((v + reach) / (2 * reach)) * mainWidth;
  const xApart = (v: number): number => labelWidth + mainWidth + gap + (v / apartReach) * apartWidth;
  const colours = new Map(layout.categories.map((c, i) => [c.category, divergingPalette(layout.categories)[i] as string]));

  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'data-testid': 'diverging-chart' });
  const order = new Map(layout.items.map((item, i) => [item.item, i]));
  layout.items.forEach((item, i) => {
    svg.append(el('text', { x: labelWidth - 8, y: top + i * band + band / 2 + 4, 'text-anchor': 'end' }, item.label));
  });
  for (const row of layout.rows) {
    if (!(row.end > row.start)) continue;
    const i = order.get(row.item) as number;
    const apart = row.side === 'apart';
    const x0 = apart ? xApart(row.start) : x(row.start);
    const x1 = apart ? xApart(row.end) : x(row.end);
    const rect = el('rect', {
      class: apart ? 'bar apart' : 'bar',
      x: x0,
      y: top + i * band + 3,
      width: Math.max(0, x1 - x0),
      height: band - 6,
      fill: colours.get(row.category) ?? '#999999',
      'data-item': row.item,
      'data-category': row.category,
    });
    rect.append(el('title', {}, `${row.label}\n${row.category}: ${row.percent} % (${row.count} af ${row.n})`));
    svg.append(rect);
  }
  const axisY = top + layout.items.length * band;
  svg.append(el('line', { x1: x(0), x2: x(0), y1: top, y2: axisY, stroke: '#444' }));
  for (const tick of [-reach, -reach / 2, 0, reach / 2, reach]) {
    svg.append(el('text', { x: x(tick), y: axisY + 14, 'text-anchor': 'middle' }, `${Math.round(Math.abs(tick) * 100)} %`));
  }
  if (hasApart) {
    svg.append(el('text', { x: xApart(0), y: axisY + 14 }, '0 %'));
    svg.append(el('text', { x: xApart(apartReach), y: axisY + 14, 'text-anchor': 'end' }, `${Math.round(apartReach * 100)} %`));
  }
  let lx = labelWidth;
  let ly = axisY + 34;
  for (const c of layout.categories) {
    const w = 18 + c.category.length * 6.5 + 14;
    if (lx + w > width) {
      lx = labelWidth;
      ly += 16;
    }
    svg.append(el('rect', { x: lx, y: ly - 10, width: 12, height: 12, fill: colours.get(c.category) ?? '#999' }));
    svg.append(el('text', { x: lx + 16, y: ly }, c.category));
    lx += w;
  }
  target.replaceChildren(svg);
}
