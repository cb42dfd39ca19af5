/// <reference lib="dom" />
/**
 * The dashboard page: loads public/demo-survey.csv (or a file the user picks), and on every
 * change of group or region recomputes the chart rows, the Vega-Lite spec and the table with
 * likertkit, in the browser.
 */
import { roundPercent } from '../../src/index';
import type { Survey } from '../../src/index';
import { drawDivergingChart } from './chart';
import { dashboardView, itemGroups, loadSurvey, regions } from './model';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const groupSelect = $<HTMLSelectElement>('group');
const regionSelect = $<HTMLSelectElement>('region');
const fileInput = $<HTMLInputElement>('file');
const status = $<HTMLParagraphElement>('status');

let current: Survey | null = null;

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
  const view = dashboardView(current, groupSelect.value, region);
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
  status.className = '';
  status.textContent = `${view.respondents} kommuner${region === null ? '' : ` i ${region}`}.`;
  document.body.dataset.ready = 'true';
}

function use(text: string): void {
  current = loadSurvey(text);
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
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file !== undefined) file.text().then(use).catch(fail);
});

fetch(new URL('demo-survey.csv', document.baseURI))
  .then((response) => {
    if (!response.ok) throw new Error(`demo-survey.csv: HTTP ${response.status}`);
    return response.text();
  })
  .then(use)
  .catch(fail);
