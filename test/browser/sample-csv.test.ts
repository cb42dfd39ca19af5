import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoSurveyCsv } from '../../examples/dashboard/generate-sample-csv';
import { dashboardView, filterSurvey, itemGroups, loadSurvey, regions, syntheticSurvey } from '../../examples/dashboard/model';

const committed = readFileSync(new URL('../../examples/dashboard/public/demo-survey.csv', import.meta.url), 'utf8');

describe('examples/dashboard sample data and model', () => {
  it('commits exactly the CSV that generate-sample-csv.ts writes from the demo survey', () => {
    expect(committed).toBe(demoSurveyCsv());
  });

  it('reads every item of every group from the sample, with the five regions', () => {
    const s = loadSurvey(committed);
    expect(s.size).toBe(95);
    expect(s.items).toHaveLength(itemGroups().reduce((sum, g) => sum + g.items.length, 0));
    expect(regions(s)).toEqual(['Hovedstaden', 'Midtjylland', 'Nordjylland', 'Sjælland', 'Syddanmark']);
  });

  it('narrows the view to the chosen region', () => {
    const s = loadSurvey(committed);
    const all = dashboardView(s, 'behov', { region: null, size: null });
    const north = dashboardView(s, 'behov', { region: 'Nordjylland', size: null });
    expect(all.respondents).toBe(95);
    expect(north.respondents).toBe(11);
    expect(north.table.every((line) => line.n <= 11)).toBe(true);
    expect(north.spec.title).toBe('Behov for støtte pr. fokusområde – Nordjylland');
  });

  it('combines the region and size-group filters, as a plain reading of the CSV counts them', () => {
    // The expected figures come from splitting the committed CSV by hand (no field used here
    // holds a quote or a semicolon), not from likertkit.
    const [header, ...lines] = committed.trim().split(/\r\n/);
    const names = header!.split(';');
    const at = (name: string): number => names.indexOf(name);
    const cells = lines.map((line) => line.split(';'));
    const chosen = cells.filter((c) => c[at('region')] === 'Nordjylland' && Number(c[at('indbyggere')]) >= 50_000 && Number(c[at('indbyggere')]) < 100_000);
    const answered = chosen.filter((c) => c[at('behov_tidlig')]!.trim() !== '');
    const agree = answered.filter((c) => ['i høj grad', 'i meget høj grad'].includes(c[at('behov_tidlig')]!.trim().toLowerCase()));

    const view = dashboardView(loadSurvey(committed), 'behov', { region: 'Nordjylland', size: '50.000–99.999' });
    expect(view.respondents).toBe(chosen.length);
    expect(view.respondents).toBe(2); // Frederikshavn and Hjørring
    const line = view.table.find((l) => l.item === 'behov_tidlig')!;
    expect(line.n).toBe(answered.length);
    expect(line.agreement).toBe(agree.length / answered.length);
    expect(view.spec.title).toBe('Behov for støtte pr. fokusområde – Nordjylland, 50.000–99.999');
    expect(filterSurvey(loadSurvey(committed), { region: null, size: '100.000 og derover' }).size).toBe(
      cells.filter((c) => Number(c[at('indbyggere')]) >= 100_000).length,
    );
    expect(() => filterSurvey(loadSurvey(committed), { region: null, size: 'kæmpestor' })).toThrow(/Unknown size group/);
  });

  it('makes a seeded synthetic survey of any size for the browser benchmark', () => {
    const a = syntheticSurvey(2000);
    const b = syntheticSurvey(2000);
    expect(a.size).toBe(2000);
    expect(a.items.map((i) => i.id)).toEqual(itemGroups().filter((g) => g.id === 'udfordring' || g.id === 'behov').flatMap((g) => g.items.map((i) => i.id)));
    expect(a.item('behov_tidlig').codes).toEqual(b.item('behov_tidlig').codes);
    const n = a.item('behov_tidlig').n;
    // 2 % blank and 3 % "Ved ikke" by construction: well inside these bounds for 2000 draws.
    expect(n.missing / n.total).toBeGreaterThan(0.01);
    expect(n.missing / n.total).toBeLessThan(0.03);
    expect(n.nonSubstantive / n.total).toBeGreaterThan(0.015);
    expect(n.nonSubstantive / n.total).toBeLessThan(0.045);
  });

  it('rejects a CSV without the demo columns and an unknown group', () => {
    expect(() => loadSurvey('a;b\r\n1;2\r\n')).toThrow(/none of the demo survey columns/);
    expect(() => dashboardView(loadSurvey(committed), 'nope', { region: null, size: null })).toThrow(/Unknown item group/);
  });
});
