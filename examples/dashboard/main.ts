/// <reference lib="dom" />
/**
 * The dashboard page: loads public/demo-survey.csv (or a file the user picks), and on every
 * change of group, region or size group recomputes the chart rows, the Vega-Lite spec and the
 * table with likertkit, in the browser, and shows how long the recompute took. With
 * `?synthetic=100000` in the address it makes a seeded synthetic survey of that many respondents
 * instead (the browser benchmark, bench/dashboard.bench.ts, uses this).
 */
import { roundPercent } from '../../src/index';
import type { Survey } from '../../src/index';
import { drawDivergingChart } from './chart';
import { dashboardView, itemGroups, loadSurvey, regions, SIZE_GROUPS, syntheticSurvey } from './model';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const groupSelect = $<HTMLSelectElement>('group');
const regionSelect = $<HTMLSelectElement>('region');
const sizeSelect = $<HTMLSelectElement>('size');
const recompute = $<HTMLParagraphElement>('recompute');
const milliseconds = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const fileInput = $<HTMLInputElement>('file');
const status = $<HTMLParagraphElement>('status');

let current: Survey | null = null;
/** Redraws so far, on #recompute as data-count, so that a test can wait for a redraw whatever its time. */
let redraws = 0;

const percent = (share: number): string => (Number.isNaN(share) ? '–' : `${roundPercent(share)} %`);

function cell(tag: 'td' | 'th', text: string, numeric = false): HTMLTableCellElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (numeric) node.className = 'num';
  return node;
}

function redraw(): void {
  if (current === null) return;
  const region = regionSelect.value === '' ? null : regionSelect.value;
  const size = sizeSelect.value === '' ? null : sizeSelect.value;
  const started = performance.now();
  const view = dashboardView(current, groupSelect.value, { region, size });
  const took = performance.now() - started;
  drawDivergingChart($('chart'), view.layout);

  const table = $<HTMLTableElement>('table');
  const caption = document.createElement('caption');
  caption.textContent = `Andel "i høj grad" / "store udfordringer" (top-2) af alle, der har svaret – ${view.respondents} kommuner`;
  const head = document.createElement('tr');
  head.append(cell('th', 'Spørgsmål'), cell('th', 'Enighed (top-2)', true), cell('th', 'N', true), cell('th', 'Ved ikke m.m.', true));
  const rows = view.table.map((line) => {
    const tr = document.createElement('tr');
    tr.dataset.item = line.item;
    tr.append(
      cell('td', line.label),
      cell('td', percent(line.agreement), true),
      cell('td', String(line.n), true),
      cell('td', percent(line.nonSubstantive), true),
    );
    return tr;
  });
  table.replaceChildren(caption, head, ...rows);
  $('spec').textContent = JSON.stringify(view.spec, null, 2);
  recompute.dataset.ms = String(took);
  recompute.dataset.count = String(++redraws);
  recompute.textContent = `Genberegnet på ${milliseconds.format(took)} ms (filter, andele og diagram for ${current.size.toLocaleString('da-DK')} besvarelser).`;
  status.className = '';
  const where = [region === null ? '' : ` i ${region}`, size === null ? '' : ` (${size} indbyggere)`].join('');
  status.textContent = `${view.respondents.toLocaleString('da-DK')} ${current.size > 98 ? 'besvarelser' : 'kommuner'}${where}.`;
  document.body.dataset.ready = 'true';
}

function use(text: string): void {
  show(loadSurvey(text));
}

function show(s: Survey): void {
  current = s;
  const chosen = regionSelect.value;
  regionSelect.replaceChildren(new Option('Alle regioner', ''), ...regions(current).map((r) => new Option(r, r)));
  regionSelect.value = regions(current).includes(chosen) ? chosen : '';
  redraw();
}

function fail(error: unknown): void {
  status.className = 'error';
  status.textContent = error instanceof Error ? error.message : String(error);
}

groupSelect.replaceChildren(...itemGroups().map((g) => new Option(g.title, g.id)));
groupSelect.addEventListener('change', redraw);
regionSelect.addEventListener('change', redraw);
sizeSelect.replaceChildren(new Option('Alle størrelser', ''), ...SIZE_GROUPS.labels.map((label) => new Option(label, label)));
sizeSelect.addEventListener('change', redraw);
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file !== undefined) file.text().then(use).catch(fail);
});

const synthetic = Number(new URLSearchParams(location.search).get('synthetic') ?? '0');
if (Number.isSafeInteger(synthetic) && synthetic > 0) {
  const started = performance.now();
  const s = syntheticSurvey(synthetic);
  document.body.dataset.loadMs = String(performance.now() - started);
  groupSelect.value = 'udfordring';
  show(s);
} else fetch(new URL('demo-survey.csv', document.baseURI))
  .then((response) => {
    if (!response.ok) throw new Error(`demo-survey.csv: HTTP ${response.status}`);
    return response.text();
  })
  .then(use)
  .catch(fail);
