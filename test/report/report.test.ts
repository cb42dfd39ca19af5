import { describe, expect, it } from 'vitest';
import {
  demoFocusAreas,
  demoSupportForms,
  demoSurveyRows,
  demoTargetGroups,
  demoTopics,
  municipalities2020,
} from '../../src/demo/index';
import { scales, survey } from '../../src/index';
import { report, type ReportOptions, type ReportResult } from '../../src/report/report';
import type { ReportTable } from '../../src/report/table';

// The demo survey, built as examples/demo.ts builds it. Every expected count below is
// computed from the raw rows, independently of the library.
const rows = demoSurveyRows({ seed: 2021 });
const areas = demoFocusAreas();
const groups = demoTargetGroups();
const topics = demoTopics();
const forms = demoSupportForms();
const frame = municipalities2020();

const demo = survey({
  rows,
  id: 'kommunekode',
  items: [
    ...areas.flatMap((area) => [
      { id: `udfordring_${area.id}`, scale: scales.daChallenge4, label: area.label, group: area.id },
      { id: `behov_${area.id}`, scale: scales.daDegree4, label: `Behov for støtte: ${area.label}`, group: area.id },
    ]),
    ...groups.flatMap((g) =>
      topics.map((t) => ({ id: `mg_${g.id}_${t.id}`, scale: scales.daChallenge4, label: t.label, group: g.label, topic: t.label })),
    ),
  ],
  attributes: { region: 'category', indbyggere: 'number', socioIndeks: 'number' },
});

const multiSelectQuestions = Object.fromEntries(
  areas.map((area) => [area.label, Object.fromEntries(forms.map((f) => [f.label, rows.map((r) => r[`stoette_${area.id}_${f.id}`])]))]),
);
const sizeLabels = ['under 50.000', '50.000–99.999', '100.000 og derover'];

const fullOptions: ReportOptions = {
  sizeGroups: { attribute: 'indbyggere', breaks: [50000, 100000], labels: sizeLabels },
  by: ['region'],
  multiSelect: { title: 'Ønskede former for støtte', questions: multiSelectQuestions },
  frame: frame.map((m) => ({ region: m.region, indbyggere: m.population })),
};

// --- independent helpers on raw labels -----------------------------------------------------
const norm = (v: unknown): string => String(v).trim().replace(/\s+/g, ' ').toLowerCase();
const isAnswered = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const isSubstantive = (v: unknown): boolean =>
  isAnswered(v) && norm(v) !== 'ved ikke' && norm(v) !== 'ikke relevant';
const raw = (column: string): unknown[] => rows.map((r) => (r as Record<string, unknown>)[column]);
const answered = (column: string): number => raw(column).filter(isAnswered).length;
const rangeNote = (counts: number[]): string => {
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return min === max ? `N = ${min}` : `N = ${min}–${max}`;
};
const tableById = (r: ReportResult, id: string): ReportTable => {
  const found = r.tables.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no table ${id}; have ${r.tables.map((t) => t.id).join(', ')}`);
  return found;
};

describe('report on the demo survey', () => {
  const result = report(demo, fullOptions);

  it('returns plain report data with method, title in Danish and respondent counts', () => {
    expect(result.kind).toBe('report');
    expect(result.method).toBe('likert-report');
    expect(result.title).toBe('Rapport');
    expect(result.lang).toBe('da');
    expect(result.n).toEqual({
      respondents: rows.length,
      items: areas.length * 2 + groups.length * topics.length,
      groups: areas.length + groups.length,
      pairs: areas.length,
      frame: 98,
    });
  });

  it('holds every table with a stable id, in report order', () => {
    const expected = [
      // A focus area asks on two scales: one table with both items as rows.
      ...areas.map((a) => `distribution:${a.id}`),
      ...groups.map((g) => `distribution:${g.label}:daChallenge4`),
      'summary',
      'pairs',
      'attributes',
      'means:region',
      'means:size',
      'ranking',
      'ranking:topics',
      'multiSelect',
      'responseRate',
      'representativeness',
      'representativeness:means',
    ];
    expect(result.tables.map((t) => t.id)).toEqual(expected);
    expect(result.sections.summary).toEqual(['summary']);
    expect(result.sections.means).toEqual(['means:region', 'means:size']);
    for (const t of result.tables) {
      expect(t.kind).toBe('report-table');
      expect(t.title.length).toBeGreaterThan(0);
      for (const row of t.rows) for (const c of t.columns) expect(c.key in row).toBe(true);
    }
  });

  it('survives a JSON round trip unchanged (no NaN, no undefined, no class instances)', () => {
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
  });

  it('gives each distribution row the share of those who answered in every category, "ved ikke" included', () => {
    const area = areas[0]!;
    const column = `udfordring_${area.id}`;
    const t = tableById(result, `distribution:${area.id}`);
    // Both scales' levels, highest first, then each non-substantive answer once.
    expect(t.columns.map((c) => c.label)).toEqual([
      'Spørgsmål',
      'Meget store udfordringer',
      'Ret store udfordringer',
      'Mindre udfordringer',
      'Slet ingen udfordringer',
      'I meget høj grad',
      'I høj grad',
      'I mindre grad',
      'Slet ikke',
      'Ved ikke',
      'Ikke relevant',
      'N',
    ]);
    expect(t.rows.map((r) => r['item'])).toEqual([column, `behov_${area.id}`]);
    const row = t.rows[0]!;
    // The challenge item has no share in the need scale's categories.
    for (const label of ['I meget høj grad', 'I høj grad', 'I mindre grad', 'Slet ikke', 'Ikke relevant']) {
      expect(row[`share:${label}`]).toBeNull();
      expect(row[`count:${label}`]).toBeNull();
    }
    expect(t.rows[1]!['share:Meget store udfordringer']).toBeNull();
    const need = `behov_${area.id}`;
    const dontKnow = raw(need).filter((v) => isAnswered(v) && norm(v) === 'ved ikke').length;
    expect(t.rows[1]!['count:Ved ikke']).toBe(dontKnow);
    expect(t.rows[1]!['share:Ved ikke']).toBeCloseTo(dontKnow / answered(need), 14);
    expect(t.notes).toContain('Spørgsmålene har hver sin skala; – står ved svarmuligheder fra et andet spørgsmåls skala');
    const n = answered(column);
    expect(row['n']).toBe(n);
    for (const label of scales.daChallenge4.categories) {
      const count = raw(column).filter((v) => isAnswered(v) && norm(v) === norm(label)).length;
      expect(row[`count:${label}`]).toBe(count);
      expect(row[`share:${label}`]).toBeCloseTo(count / n, 14);
    }
  });

  it('writes the N range of each distribution table from the raw answers', () => {
    for (const area of areas) {
      const both = tableById(result, `distribution:${area.id}`);
      expect(both.notes[0]).toBe(rangeNote([answered(`udfordring_${area.id}`), answered(`behov_${area.id}`)]));
    }
    const g = groups[0]!;
    const t = tableById(result, `distribution:${g.label}:daChallenge4`);
    expect(t.notes[0]).toBe(rangeNote(topics.map((topic) => answered(`mg_${g.id}_${topic.id}`))));
    expect(t.rows).toHaveLength(topics.length);
  });

  it('writes the summary N range, the coding and the interval method as the reports do', () => {
    const t = tableById(result, 'summary');
    const counts = demo.items.map((item) => answered(item.column));
    expect(t.notes[0]).toBe(rangeNote(counts));
    expect(t.notes).toContain(
      "Meget store udfordringer = 4, Ret store udfordringer = 3, Mindre udfordringer = 2, Slet ingen udfordringer = 1; 'Ved ikke' er udeladt af gennemsnit",
    );
    expect(t.notes).toContain(
      "I meget høj grad = 4, I høj grad = 3, I mindre grad = 2, Slet ikke = 1; 'Ved ikke' og 'Ikke relevant' er udeladt af gennemsnit",
    );
    expect(t.notes).toContain('95 %-konfidensintervaller: Wilson for andele, t-fordeling for gennemsnit');
    expect(t.rows).toHaveLength(demo.items.length);
  });

  it('gives each summary row the top-2 share over those who answered and the mean over the substantive answers', () => {
    const t = tableById(result, 'summary');
    const column = `udfordring_${areas[2]!.id}`;
    const row = t.rows.find((r) => r['item'] === column)!;
    const values = raw(column);
    const top2 = values.filter((v) => isAnswered(v) && ['meget store udfordringer', 'ret store udfordringer'].includes(norm(v))).length;
    expect(row['n']).toBe(answered(column));
    expect(row['share']).toBeCloseTo(top2 / answered(column), 14);
    const codes: Record<string, number> = {
      'slet ingen udfordringer': 1,
      'mindre udfordringer': 2,
      'ret store udfordringer': 3,
      'meget store udfordringer': 4,
    };
    const coded = values.filter(isSubstantive).map((v) => codes[norm(v)]!);
    expect(row['nMean']).toBe(coded.length);
    expect(row['mean']).toBeCloseTo(coded.reduce((a, b) => a + b, 0) / coded.length, 12);
    expect(row['shareLower'] as number).toBeLessThan(row['share'] as number);
    expect(row['meanUpper'] as number).toBeGreaterThan(row['mean'] as number);
  });

  it('pairs each challenge with the need for support of its focus area, with N per pair and stars', () => {
    const t = tableById(result, 'pairs');
    expect(t.rows.map((r) => [r['x'], r['y']])).toEqual(areas.map((a) => [`udfordring_${a.id}`, `behov_${a.id}`]));
    const counts = areas.map((a) => {
      const x = raw(`udfordring_${a.id}`);
      const y = raw(`behov_${a.id}`);
      return x.filter((v, i) => isSubstantive(v) && isSubstantive(y[i])).length;
    });
    expect(t.rows.map((r) => r['n'])).toEqual(counts);
    expect(t.notes[0]).toBe(rangeNote(counts));
    expect(t.notes).toContain('*** p < 0,01, ** 0,01 <= p < 0,05, * 0,05 <= p < 0,1');
    for (const row of t.rows) {
      const p = row['p'] as number;
      const stars = p < 0.01 ? '***' : p < 0.05 ? '**' : p < 0.1 ? '*' : '';
      expect(row['rStars']).toBe(stars);
      expect(row['r'] as number).toBeGreaterThan(0); // the demo's need follows the challenge
    }
  });

  it('correlates every item with every numeric attribute', () => {
    const t = tableById(result, 'attributes');
    expect(t.rows).toHaveLength(demo.items.length);
    expect(t.columns.map((c) => c.key)).toEqual(['label', 'r:indbyggere', 'n:indbyggere', 'r:socioIndeks', 'n:socioIndeks']);
    const counts = demo.items.map((item) => raw(item.column).filter(isSubstantive).length);
    expect(t.rows.map((r) => r['n:indbyggere'])).toEqual(counts);
    expect(t.notes[0]).toBe(rangeNote(counts));
  });

  it('gives means by region and by size group with the ANOVA p and N', () => {
    const byRegion = tableById(result, 'means:region');
    const regions = [...new Set(rows.map((r) => r.region))];
    expect(byRegion.columns.filter((c) => c.key.startsWith('mean:')).map((c) => c.label).sort()).toEqual([...regions].sort());
    const first = byRegion.rows[0]!;
    expect(first['n']).toBe(raw(demo.items[0]!.column).filter(isSubstantive).length);
    expect(first['p'] as number).toBeGreaterThan(0);
    expect(first['p'] as number).toBeLessThanOrEqual(1);
    const bySize = tableById(result, 'means:size');
    expect(bySize.columns.map((c) => c.label)).toEqual(['Spørgsmål', ...sizeLabels, ...sizeLabels.map((l) => `N (${l})`), 'N', 'p (ANOVA)']);
    // The mean of the small municipalities, recomputed from the raw rows.
    const column = demo.items[0]!.column;
    const codes: Record<string, number> = { 'slet ingen udfordringer': 1, 'mindre udfordringer': 2, 'ret store udfordringer': 3, 'meget store udfordringer': 4 };
    const small = rows.filter((r) => r.indbyggere < 50000 && isSubstantive(r[column as `udfordring_${string}`]));
    const mean = small.reduce((sum, r) => sum + codes[norm(r[column as `udfordring_${string}`])]!, 0) / small.length;
    expect(bySize.rows[0]![`mean:${sizeLabels[0]}`]).toBeCloseTo(mean, 12);
  });

  it('lists the top 3 topics per target group, and how often each topic is on top', () => {
    const t = tableById(result, 'ranking');
    for (const g of groups) {
      const listed = t.rows.filter((r) => r['group'] === g.label);
      expect(listed.length).toBeGreaterThanOrEqual(3);
      expect(listed.every((r) => (r['rank'] as number) <= 3)).toBe(true);
    }
    const topicTable = tableById(result, 'ranking:topics');
    expect(topicTable.rows).toHaveLength(topics.length);
  });

  it('suppresses multi-select counts under 3 as null, and never shows a small count', () => {
    const t = tableById(result, 'multiSelect');
    expect(t.title).toBe('Ønskede former for støtte');
    let smallCells = 0;
    forms.forEach((form, i) => {
      const row = t.rows[i]!;
      expect(row['option']).toBe(form.label);
      for (const area of areas) {
        const count = raw(`stoette_${area.id}_${form.id}`).filter((v) => v === 'x').length;
        const shown = row[`count:${area.label}`];
        if (count > 0 && count < 3) {
          smallCells++;
          expect(shown).toBeNull();
        } else if (shown !== null) {
          expect(shown).toBe(count);
        }
      }
    });
    expect(smallCells).toBeGreaterThan(0); // the demo has rare forms of support
    expect(t.notes.some((note) => note.startsWith('Celler med færre end 3 er diskretioneret'))).toBe(true);
    // multiSelectTable's default: a municipality that ticked nothing has not answered.
    const answeredPerArea = areas.map(
      (a) => rows.filter((r) => forms.some((f) => r[`stoette_${a.id}_${f.id}`] === 'x')).length,
    );
    expect(t.notes[0]).toBe(rangeNote(answeredPerArea));
  });

  it('compares the respondents with the 98 municipalities, with Wald intervals from unrounded shares', () => {
    const t = tableById(result, 'representativeness');
    const hovedstaden = t.rows.find((r) => r['category'] === 'Region Hovedstaden' || r['category'] === 'Hovedstaden')!;
    const name = hovedstaden['category'];
    const x = rows.filter((r) => r.region === name).length;
    const n = rows.length;
    const p = x / n;
    const half = 1.959963984540054 * Math.sqrt((p * (1 - p)) / n);
    expect(hovedstaden['sample']).toBeCloseTo(p, 14);
    expect(hovedstaden['lower']).toBeCloseTo(p - half, 12);
    expect(hovedstaden['population']).toBeCloseTo(frame.filter((m) => m.region === name).length / 98, 14);
    expect(t.notes).toContain('95 %-intervaller: Wald for andele, normalfordeling for gennemsnit, uden endelighedskorrektion');
    const means = tableById(result, 'representativeness:means');
    expect(means.rows[0]!['population']).toBeCloseTo(frame.reduce((s, m) => s + m.population, 0) / 98, 8);
    expect(means.columns[1]!.digits).toBe(0);
  });
});

describe('report options', () => {
  it('writes titles and notes in English with lang: "en"', () => {
    const r = report(demo, { lang: 'en', sections: ['summary', 'pairs', 'distribution'] });
    expect(r.title).toBe('Report');
    expect(tableById(r, 'summary').title).toBe('Shares and means per question');
    expect(tableById(r, 'pairs').title).toBe('Correlation between paired questions (Pearson r)');
    expect(tableById(r, 'summary').notes).toContain(
      // English notes name the built-in scales' levels in English (src/report/labels.ts).
      "Very large challenges = 4, Fairly large challenges = 3, Minor challenges = 2, No challenges at all = 1; 'Don't know' is left out of means",
    );
    expect(tableById(r, 'summary').notes).toContain('95% confidence intervals: Wilson for shares, t distribution for means');
    expect(tableById(r, `distribution:${areas[0]!.id}`).title).toBe(`Distribution of answers: ${areas[0]!.id}`);
    expect(tableById(r, `distribution:${groups[0]!.label}:daChallenge4`).title).toBe(`Distribution of answers: ${groups[0]!.label}`);
  });

  it('writes every title in the chosen language', () => {
    const da = report(demo, fullOptions);
    const en = report(demo, { ...fullOptions, lang: 'en', multiSelect: { questions: multiSelectQuestions } });
    expect(en.tables.map((t) => t.id)).toEqual(da.tables.map((t) => t.id));
    expect(tableById(en, 'ranking').title).toBe('The 3 largest per group');
    expect(tableById(da, 'ranking').title).toBe('De 3 største pr. gruppe');
    expect(tableById(en, 'means:region').title).toBe('Means by region');
    expect(tableById(da, 'means:size').title).toBe('Gennemsnit fordelt på størrelse (indbyggere)');
    en.tables.forEach((t, i) => {
      const twin = da.tables[i]!;
      if (!t.id.startsWith('distribution:')) expect(t.title).not.toBe(twin.title);
      expect(t.notes.join(' ')).not.toMatch(/ er udeladt af gennemsnit|konfidensintervaller|diskretioneret/);
    });
  });

  it('writes Danish titles by default', () => {
    const r = report(demo, { sections: ['summary', 'pairs', 'distribution'] });
    expect(tableById(r, 'summary').title).toBe('Andele og gennemsnit pr. spørgsmål');
    expect(tableById(r, 'pairs').title).toBe('Sammenhæng mellem parrede spørgsmål (Pearsons r)');
    expect(tableById(r, `distribution:${areas[0]!.id}`).title).toBe(`Svarfordeling: ${areas[0]!.id}`);
    expect(tableById(r, `distribution:${groups[0]!.label}:daChallenge4`).title).toBe(`Svarfordeling: ${groups[0]!.label}`);
  });

  it('builds only the sections asked for, and takes a custom title', () => {
    const r = report(demo, { sections: ['summary'], title: 'Udfordringer 2021' });
    expect(r.title).toBe('Udfordringer 2021');
    expect(r.tables.map((t) => t.id)).toEqual(['summary']);
    expect(r.n.pairs).toBe(0);
  });

  it('rounds distributions by largest remainder so that every row sums to 100', () => {
    const r = report(demo, { sections: ['distribution'], rounding: 'largest-remainder' });
    for (const t of r.tables) {
      expect(t.notes).toContain('Procenter er afrundet til hele tal efter største brøkdels metode, så hver række summer til 100');
      for (const row of t.rows) {
        const percents = t.columns.filter((c) => c.format === 'percent').map((c) => (row[c.key] as number) * 100);
        expect(percents.every((p) => Math.abs(p - Math.round(p)) < 1e-9)).toBe(true);
        expect(Math.round(percents.reduce((a, b) => a + b, 0))).toBe(100);
      }
    }
  });

  it('pairs by explicit prefixes exactly as the automatic pairing does', () => {
    const auto = report(demo, { sections: ['pairs'] });
    const explicit = report(demo, { sections: ['pairs'], pairs: { x: { prefix: 'udfordring_' }, y: { prefix: 'behov_' } } });
    expect(explicit.tables).toStrictEqual(auto.tables);
    const listed = report(demo, { sections: ['pairs'], pairs: { x: [`udfordring_${areas[0]!.id}`], y: [`behov_${areas[0]!.id}`] } });
    expect(tableById(listed, 'pairs').rows).toHaveLength(1);
  });

  it("leaves the paired correlations out with pairs: 'none'", () => {
    const r = report(demo, { sections: ['pairs', 'summary'], pairs: 'none' });
    expect(r.tables.map((t) => t.id)).toEqual(['summary']);
  });

  it('restricts every table to the chosen items', () => {
    const items = [`udfordring_${areas[0]!.id}`, `behov_${areas[0]!.id}`];
    const r = report(demo, { items, by: [], numericAttributes: ['socioIndeks'] });
    expect(r.tables.map((t) => t.id)).toEqual([
      `distribution:${areas[0]!.id}`,
      'summary',
      'pairs',
      'attributes',
    ]);
    expect(tableById(r, 'attributes').columns.map((c) => c.key)).toEqual(['label', 'r:socioIndeks', 'n:socioIndeks']);
  });

  it('splits size groups at the median', () => {
    const r = report(demo, { sections: ['means'], by: [], sizeGroups: { attribute: 'indbyggere', split: 'median' } });
    expect(r.tables.map((t) => t.id)).toEqual(['means:size']);
    expect(r.tables[0]!.columns.filter((c) => c.key.startsWith('mean:'))).toHaveLength(2);
  });

  it('compares with targets instead of a frame', () => {
    const shares: Record<string, number> = {};
    for (const m of frame) shares[m.region] = (shares[m.region] ?? 0) + 1 / 98;
    const r = report(demo, { sections: ['representativeness'], targets: { region: shares } });
    expect(r.tables.map((t) => t.id)).toEqual(['representativeness']);
    expect(r.tables[0]!.rows).toHaveLength(Object.keys(shares).length);
  });

  it('warns, without a table, when the frame shares no variable with the survey', () => {
    const r = report(demo, { sections: ['representativeness'], frame: [{ kode: '101' }] });
    expect(r.tables).toEqual([]);
    expect(r.warnings[0]).toMatch(/^representativeness: no variable/);
  });

  it('reads options without mutating them (frozen options work)', () => {
    const options = Object.freeze({ by: Object.freeze(['region']), sections: Object.freeze(['means'] as const) });
    expect(() => report(demo, options)).not.toThrow();
  });

  it('ranks by mean over the substantive answers on request', () => {
    const r = report(demo, { sections: ['ranking'], rankBy: 'mean', denominator: 'substantive', top: 1 });
    const t = tableById(r, 'ranking');
    expect(t.columns.find((c) => c.key === 'value')!.format).toBe('number');
    expect(t.notes).toContain('Rangordnet efter gennemsnit; delte placeringer får samme plads');
    for (const g of groups) expect(t.rows.filter((row) => row['group'] === g.label && row['rank'] === 1).length).toBeGreaterThanOrEqual(1);
  });

  it('passes the representativeness methods on and writes the notes in English', () => {
    const sample = rows.map((row) => ({ region: row.region, population: row.indbyggere }));
    const r = report(demo, {
      lang: 'en',
      sections: ['representativeness', 'multiSelect'],
      frame: frame.map((m) => ({ region: m.region, population: m.population })),
      multiSelect: { questions: multiSelectQuestions },
      suppressBelow: 5,
      representativeness: { sample, method: 'wilson', distribution: 't', populationSize: 98, variables: ['region', 'population'] },
    });
    expect(r.tables.map((t) => t.id)).toEqual(['multiSelect', 'representativeness', 'representativeness:means']);
    expect(tableById(r, 'representativeness').notes).toContain(
      '95% intervals: Wilson for shares, t for means, with finite population correction',
    );
    expect(tableById(r, 'representativeness').title).toBe('Representativeness: distribution');
    expect(tableById(r, 'multiSelect').title).toBe('Multiple choice');
    expect(tableById(r, 'multiSelect').notes.filter((note) => /^Cells under 5 are suppressed/.test(note))).toHaveLength(1);
  });

  it('reads the variables of prepared targets, and says when the sample is not representative', () => {
    const r = report(demo, {
      lang: 'en',
      sections: ['representativeness'],
      targets: { variables: { socioIndeks: { kind: 'numeric', mean: 5 } } },
    });
    const t = tableById(r, 'representativeness:means');
    expect(t.columns[1]!.digits).toBe(2);
    expect(t.rows[0]!['covered']).toBe(false);
    expect(t.notes).toContain('Not every population value lies inside the sample interval');
    const da = report(demo, { sections: ['representativeness'], targets: { socioIndeks: { mean: 5 } } });
    expect(tableById(da, 'representativeness:means').notes).toContain('Ikke alle populationsværdier ligger inden for stikprøvens interval');
  });

  it('warns when the frame is empty', () => {
    const r = report(demo, { sections: ['representativeness'], frame: [] });
    expect(r.tables).toEqual([]);
    expect(r.warnings).toHaveLength(1);
  });

  it.each<[string, ReportOptions]>([
    ['level outside (0, 1)', { level: 1.5 }],
    ['an unknown section', { sections: ['everything' as never] }],
    ['an unknown language', { lang: 'fr' as never }],
    ['an unknown interval method', { ci: 'exact' as never }],
    ['an unknown rounding', { rounding: 'bankers' as never }],
    ['an unknown item', { items: ['q99'] }],
    ['a prefix no item has', { pairs: { x: { prefix: 'nope_' }, y: { prefix: 'behov_' } } }],
    ['x items without a partner', { pairs: { x: { prefix: 'udfordring_' }, y: { prefix: 'mg_' } } }],
    ['a pairs value that is not an option', { pairs: 'all' as never }],
    ['a numeric attribute in by', { by: ['indbyggere'] }],
    ['a categorical attribute as numeric', { numericAttributes: ['region'] }],
    ['size groups on a categorical attribute', { sizeGroups: { attribute: 'region', breaks: [1] } }],
    ['size-group breaks out of order', { sections: ['means'], by: [], sizeGroups: { attribute: 'indbyggere', breaks: [100000, 50000] } }],
    ['a top of 0', { top: 0 }],
    ['a suppression threshold of 1.5', { suppressBelow: 1.5 }],
    ['both frame and targets', { frame: [], targets: {} }],
    ['an empty multi-select', { multiSelect: { questions: {} } }],
    ['representativeness variables the frame lacks', { sections: ['representativeness'], frame: [{ x: 1 }], representativeness: { variables: ['region'] } }],
    ['options that are not an object', 'all' as never],
    ['a title that is not a string', { title: 3 as never }],
    ['items that are not an array', { items: 'q1' as never }],
    ['an empty prefix', { pairs: { x: { prefix: '' }, y: { prefix: 'behov_' } } }],
    ['an empty x list', { pairs: { x: [], y: { prefix: 'behov_' } } }],
    ['an x item outside the analysed items', { pairs: { x: ['nope'], y: { prefix: 'behov_' } } }],
    ['size groups that are not an object', { sizeGroups: 'indbyggere' as never }],
    ['a multi-select that is not an object', { multiSelect: [] as never }],
    ['a multi-select title that is not a string', { multiSelect: { title: 1 as never, questions: multiSelectQuestions } }],
    ['a frame that is not iterable', { frame: 5 as never }],
    ['targets that are not an object', { targets: 'x' as never }],
    ['representativeness that is not an object', { representativeness: 'x' as never }],
  ])('throws a RangeError starting with "report:" for %s', (_, options) => {
    expect(() => report(demo, options)).toThrow(RangeError);
    expect(() => report(demo, options)).toThrow(/^report: /);
  });

  it('throws a TypeError for something that is not a survey', () => {
    expect(() => report({} as never)).toThrow(/^report: survey must be a survey/);
  });
});

describe('report on a survey without groups', () => {
  const plain = survey({
    rows: [
      { id: '1', q1: 'Strongly agree', q2: 'Agree' },
      { id: '2', q1: 'Disagree', q2: "Don't know" },
      { id: '3', q1: 'Agree', q2: 'Agree' },
      { id: '4', q1: null, q2: 'Strongly disagree' },
    ],
    id: 'id',
    items: [
      { id: 'q1', scale: scales.agree5, label: 'Question 1' },
      { id: 'q2', scale: scales.agree5, label: 'Question 2' },
    ],
  });

  it('gives only the applicable tables: the distribution and the summary', () => {
    const r = report(plain, {
      multiSelect: undefined,
      lang: 'en',
    });
    expect(r.tables.map((t) => t.id)).toEqual(['distribution:agree5', 'summary']);
    expect(r.n).toEqual({ respondents: 4, items: 2, groups: 0, pairs: 0 });
    expect(r.warnings).toEqual([]);
    const distribution = r.tables[0]!;
    expect(distribution.title).toBe('Distribution of answers');
    expect(distribution.notes[0]).toBe('N = 3–4');
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });

  it('refuses to pair items that have no group', () => {
    expect(() => report(plain, { pairs: { x: ['q1'], y: ['q2'] } })).toThrow(/^report: pairs: item "q1" has no group/);
  });

  it('turns undefined statistics into null cells with a warning instead of throwing', () => {
    const constant = survey({
      rows: [
        { id: '1', g: 'A', a: 'I høj grad', b: 'Mindre udfordringer' },
        { id: '2', g: 'A', a: 'I høj grad', b: 'Ret store udfordringer' },
        { id: '3', g: 'B', a: 'I høj grad', b: 'Ved ikke' },
      ],
      id: 'id',
      items: [
        { id: 'a', scale: scales.daDegree4, group: 'x' },
        { id: 'b', scale: scales.daChallenge4, group: 'x' },
      ],
      attributes: { g: 'category' },
    });
    const r = report(constant);
    const pairs = tableById(r, 'pairs');
    expect(pairs.rows[0]!['r']).toBeNull();
    expect(r.warnings.some((w) => w.startsWith('pairs: r is undefined for a and b'))).toBe(true);
    expect(r.warnings.some((w) => w.startsWith('means:g: ANOVA is undefined'))).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });
});

describe('report TSDoc example', () => {
  it('gives the output the example shows', () => {
    const s = survey({
      rows: [
        { id: '1', region: 'Nord', u: 'Meget store udfordringer', b: 'I høj grad' },
        { id: '2', region: 'Nord', u: 'Mindre udfordringer', b: 'Slet ikke' },
        { id: '3', region: 'Syd', u: 'Ret store udfordringer', b: 'I meget høj grad' },
        { id: '4', region: 'Syd', u: 'Ved ikke', b: 'I mindre grad' },
      ],
      id: 'id',
      items: [
        { id: 'u', scale: scales.daChallenge4, label: 'Udfordring', group: 'A' },
        { id: 'b', scale: scales.daDegree4, label: 'Behov', group: 'A' },
      ],
      attributes: { region: 'category' },
    });
    const r = report(s);
    expect(r.tables.map((t) => t.id)).toEqual(['distribution:A', 'summary', 'pairs', 'means:region']);
    expect(r.tables.map((t) => t.number)).toEqual([1, 2, 3, 4]);
    expect(r.tables[0]!.rows[0]!['share:Meget store udfordringer']).toBe(0.25);
    expect(r.tables[0]!.rows[1]!['share:Meget store udfordringer']).toBeNull();
    expect(r.tables[0]!.notes[0]).toBe('N = 4');
    // Pairs with both answers substantive: (4, 3), (2, 1), (3, 4); R: cor.test(c(4, 2, 3), c(3, 1, 4))
    // gives r = 0.6546537, p = 0.5456.
    expect(r.tables[2]!.rows[0]).toEqual({
      group: 'A',
      x: 'u',
      y: 'b',
      xLabel: 'Udfordring',
      yLabel: 'Behov',
      r: expect.closeTo(0.6546536707079772, 14),
      rStars: '',
      n: 3,
      p: expect.closeTo(0.5456289483429898, 12),
    });
  });
});

describe('report with attributes that separate nothing', () => {
  it('skips a categorical attribute with a single group, with one warning instead of one per item', () => {
    const s = survey({
      columns: {
        id: [1, 2, 3, 4],
        q1: ['I høj grad', 'Slet ikke', 'I mindre grad', 'I høj grad'],
        q2: ['Slet ikke', 'Slet ikke', 'I høj grad', 'I meget høj grad'],
        region: ['Sjælland', 'Sjælland', 'Sjælland', 'Sjælland'],
        tick: ['x', null, 'x', null],
      },
      id: 'id',
      items: [
        { id: 'q1', scale: scales.daDegree4 },
        { id: 'q2', scale: scales.daDegree4 },
      ],
      attributes: { region: 'category', tick: 'category' },
    });
    const result = report(s, { sections: ['means'] });
    expect(result.tables).toEqual([]);
    expect(result.warnings).toEqual([
      'means:region: skipped, "region" has 1 group; means need at least 2',
      'means:tick: skipped, "tick" has 1 group; means need at least 2',
    ]);
  });
});
