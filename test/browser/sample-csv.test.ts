import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoSurveyCsv } from '../../examples/dashboard/generate-sample-csv';
import { dashboardView, itemGroups, loadSurvey, regions } from '../../examples/dashboard/model';

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
    const all = dashboardView(s, 'behov', null);
    const north = dashboardView(s, 'behov', 'Nordjylland');
    expect(all.respondents).toBe(95);
    expect(north.respondents).toBe(11);
    expect(north.table.every((line) => line.n <= 11)).toBe(true);
    expect(north.spec.title).toBe('Behov for støtte pr. fokusområde – Nordjylland');
  });

  it('rejects a CSV without the demo columns and an unknown group', () => {
    expect(() => loadSurvey('a;b\r\n1;2\r\n')).toThrow(/none of the demo survey columns/);
    expect(() => dashboardView(loadSurvey(committed), 'nope', null)).toThrow(/Unknown item group/);
  });
});
