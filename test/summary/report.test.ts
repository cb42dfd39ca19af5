import { describe, expect, it } from 'vitest';
import { demoFocusAreas, demoSurveyRows, demoTargetGroups, demoTopics } from '../../src/demo';
import { survey } from '../../src/data/survey';
import { report } from '../../src/report/report';
import { scales } from '../../src/scale/presets';
import { mergeSummaries } from '../../src/summary/mergeSummaries';
import { summarize } from '../../src/summary/summarize';

const rows = demoSurveyRows({ seed: 2021 });
const s = survey({
  rows,
  id: 'kommunekode',
  items: [
    ...demoFocusAreas().flatMap((area) => [
      { id: `udfordring_${area.id}`, scale: scales.daChallenge4, label: area.label, group: area.id },
      { id: `behov_${area.id}`, scale: scales.daDegree4, label: `Behov for støtte: ${area.label}`, group: area.id },
    ]),
    ...demoTargetGroups().flatMap((g) =>
      demoTopics().map((t) => ({ id: `mg_${g.id}_${t.id}`, scale: scales.daChallenge4, label: t.label, group: g.label, topic: t.label })),
    ),
  ],
  attributes: { region: 'category', indbyggere: 'number' },
});
const sections = ['distribution', 'summary', 'pairs', 'means', 'ranking'] as const;

describe('report of a summary', () => {
  it('builds the distribution, summary, pairs, means and ranking tables exactly as from the survey', () => {
    const half = s.size >> 1;
    const first = s.filter((i) => i < half);
    const second = s.filter((i) => i >= half);
    const options = { by: 'region', pairs: 'all' } as const;
    const merged = mergeSummaries(summarize(second, options), summarize(first, options));
    const fromSummary = report(merged, { sections: [...sections], by: ['region'] });
    const fromSurvey = report(s, { sections: [...sections], by: ['region'] });
    // Group columns may come in another order (the merge order); the tables' rows and values may not.
    const sorted = (r: typeof fromSurvey) => r.tables.map((t) => ({ ...t, columns: [...t.columns].sort((a, b) => (a.key < b.key ? -1 : 1)) }));
    expect(sorted(fromSummary)).toEqual(sorted(fromSurvey));
    expect(fromSummary.n).toEqual(fromSurvey.n);
  });

  it('omits means for a grouping the summary lacks with a warning, and refuses numeric attributes it cannot hold', () => {
    const summary = summarize(s, { pairs: 'all' });
    const r = report(summary, { sections: ['means'] });
    expect(r.tables).toEqual([]);
    expect(r.warnings).toContain('means:region: omitted, the summary is not grouped by "region"; make it with summarize(s, { by: \'region\' })');
    expect(() => report(summary, { numericAttributes: ['indbyggere'] })).toThrow(/^report: numericAttributes: "indbyggere" is not a numeric attribute/);
  });

  it('leaves out an attributes section asked for by name with a warning, since a summary holds no numeric attributes', () => {
    const r = report(summarize(s), { sections: ['summary', 'attributes'] });
    expect(r.tables.map((t) => t.id)).toEqual(['summary']);
    expect(r.warnings).toContain('attributes: omitted, a summary holds no numeric attributes; report the survey for this section');
  });

  it('keeps an attribute named "__proto__" when the report is made from a summary', () => {
    const protoRows = JSON.parse('[{"id":"1","__proto__":"a","q":"I høj grad"},{"id":"2","__proto__":"b","q":"Slet ikke"},{"id":"3","__proto__":"a","q":"I mindre grad"}]') as Record<string, unknown>[];
    const proto = survey({ rows: protoRows, id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], attributes: JSON.parse('{"__proto__":"category"}') as Record<string, 'category'> });
    const fromSurvey = report(proto, { by: ['__proto__'], sections: ['means'] });
    const fromSummary = report(summarize(proto, { by: '__proto__' }), { by: ['__proto__'], sections: ['means'] });
    expect(fromSummary.tables.map((t) => t.id)).toEqual(['means:__proto__']);
    expect(fromSummary.tables).toEqual(fromSurvey.tables);
  });
});
