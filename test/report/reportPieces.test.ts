import { describe, expect, it } from 'vitest';
import { demoFocusAreas, demoSupportForms, demoSurveyRows } from '../../src/demo/index';
import { survey } from '../../src/data/survey';
import { report, type ReportOptions, type ReportResult } from '../../src/report/report';
import { auditSuppression } from '../../src/inference/suppressSmallCells';
import type { ReportTable } from '../../src/report/table';
import { scales } from '../../src/scale/presets';
import { summarize } from '../../src/summary/summarize';
import { frame as frame2024, sample2024, REGIONS, COUNTS_2024, FRAME_COUNTS } from '../representativeness/fixtures2024';

const tableById = (r: ReportResult, id: string): ReportTable => {
  const found = r.tables.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no table ${id}; have ${r.tables.map((t) => t.id).join(', ')}`);
  return found;
};

// Five municipalities in two regions, two items: every count below is read off these rows.
//   id region  q1                 q2
//   1  Nord    I høj grad         Slet ikke
//   2  Nord    Slet ikke          Ved ikke
//   3  Nord    I meget høj grad   I høj grad
//   4  Syd     I mindre grad      (blank)
//   5  Syd     Ved ikke           I mindre grad
const small = survey({
  rows: [
    { id: '1', region: 'Nord', size: 12000, q1: 'I høj grad', q2: 'Slet ikke' },
    { id: '2', region: 'Nord', size: 61000, q1: 'Slet ikke', q2: 'Ved ikke' },
    { id: '3', region: 'Nord', size: 30000, q1: 'I meget høj grad', q2: 'I høj grad' },
    { id: '4', region: 'Syd', size: 140000, q1: 'I mindre grad', q2: null },
    { id: '5', region: 'Syd', size: 45000, q1: 'Ved ikke', q2: 'I mindre grad' },
  ],
  id: 'id',
  items: [
    { id: 'q1', scale: scales.daDegree4, label: 'Spørgsmål 1', group: 'g' },
    { id: 'q2', scale: scales.daDegree4, label: 'Spørgsmål 2', group: 'g' },
  ],
  attributes: { region: 'category', size: 'number' },
});

describe('report: per-group N in the tables of means', () => {
  const r = report(small, { sections: ['means'], sizeGroups: { attribute: 'size', breaks: [50000, 100000], labels: ['små', 'mellem', 'store'] } });

  it('gives each item the number of substantive answers per group as an n:<group> column', () => {
    const t = tableById(r, 'means:region');
    expect(t.columns.map((c) => [c.key, c.label, c.format])).toEqual([
      ['label', 'Spørgsmål', 'text'],
      ['mean:Nord', 'Nord', 'number'],
      ['mean:Syd', 'Syd', 'number'],
      ['n:Nord', 'N (Nord)', 'integer'],
      ['n:Syd', 'N (Syd)', 'integer'],
      ['n', 'N', 'integer'],
      ['p', 'p (ANOVA)', 'p'],
    ]);
    // q1: Nord answers 3, 1, 4 (all substantive), Syd 2 and "ved ikke"; q2: Nord 1, "ved ikke", 3; Syd blank and 2.
    expect(t.rows.map((row) => [row['n:Nord'], row['n:Syd'], row['n']])).toEqual([
      [3, 1, 4],
      [2, 1, 3],
    ]);
    expect(t.rows[0]!['mean:Nord']).toBeCloseTo((3 + 1 + 4) / 3, 14);
  });

  it('writes each group\'s N range over the items in the notes, as the 2021 report prints "Region Nordjylland (N) = 9–10"', () => {
    expect(tableById(r, 'means:region').notes).toContain('N pr. gruppe: Nord (N) = 2–3, Syd (N) = 1');
  });

  it('gives the size groups their N too, an empty group as 0', () => {
    const t = tableById(r, 'means:size');
    // Sizes 12000, 61000, 30000, 140000, 45000: små = {1, 3, 5}, mellem = {2}, store = {4}.
    // q1: små answers I høj grad, I meget høj grad, Ved ikke; mellem Slet ikke; store I mindre grad.
    // q2: små answers Slet ikke, I høj grad, I mindre grad; mellem Ved ikke; store blank.
    expect(t.rows.map((row) => [row['n:små'], row['n:mellem'], row['n:store']])).toEqual([
      [2, 1, 1],
      [3, 0, 0],
    ]);
    expect(t.notes).toContain('N pr. gruppe: små (N) = 2–3, mellem (N) = 0–1, store (N) = 0–1');
  });

  it('writes the note in English with lang: "en"', () => {
    const en = report(small, { sections: ['means'], lang: 'en' });
    expect(tableById(en, 'means:region').notes).toContain('N per group: Nord (N) = 2–3, Syd (N) = 1');
  });
});

describe('report: the stars option', () => {
  // Two items whose answers agree perfectly but for one: r is large, p small.
  const rows = Array.from({ length: 12 }, (_, i) => {
    const levels = ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'];
    const challenge = ['Slet ingen udfordringer', 'Mindre udfordringer', 'Ret store udfordringer', 'Meget store udfordringer'];
    return { id: String(i), x: challenge[i % 4], y: levels[i === 0 ? 1 : i % 4], n: i * 1000 };
  });
  const s = survey({
    rows,
    id: 'id',
    items: [
      { id: 'x', scale: scales.daChallenge4, group: 'A' },
      { id: 'y', scale: scales.daDegree4, group: 'A' },
    ],
    attributes: { n: 'number' },
  });
  const pairsOf = (options: ReportOptions): ReportTable => tableById(report(s, { sections: ['pairs', 'attributes'], ...options }), 'pairs');

  it('uses the reports\' scheme by default, with its legend', () => {
    const t = pairsOf({});
    const p = t.rows[0]!['p'] as number;
    expect(p).toBeLessThan(0.01);
    expect(t.rows[0]!['rStars']).toBe('***');
    expect(t.notes).toContain('*** p < 0,01, ** 0,01 <= p < 0,05, * 0,05 <= p < 0,1');
    expect(pairsOf({ stars: true })).toStrictEqual(t);
    expect(pairsOf({ stars: 'default' })).toStrictEqual(t);
  });

  it('leaves stars and legend out with stars: false, in the pairs and the attributes tables', () => {
    const r = report(s, { sections: ['pairs', 'attributes'], stars: false });
    for (const t of r.tables) {
      expect(t.notes.some((note) => note.includes('p<'))).toBe(false);
      for (const row of t.rows) {
        for (const [key, value] of Object.entries(row)) if (key.endsWith('Stars')) expect(value).toBe('');
      }
    }
    expect(tableById(r, 'pairs').rows[0]!['r']).toBe(pairsOf({}).rows[0]!['r']);
  });

  it("takes the APA scheme and writes its legend with decimal commas in Danish", () => {
    const t = pairsOf({ stars: 'apa' });
    const p = t.rows[0]!['p'] as number;
    expect(t.rows[0]!['rStars']).toBe(p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : '');
    expect(t.notes).toContain('*** p < 0,001, ** 0,001 <= p < 0,01, * 0,01 <= p < 0,05');
    const en = tableById(report(s, { sections: ['pairs'], stars: 'apa', lang: 'en' }), 'pairs');
    expect(en.notes).toContain('*** p<0.001, ** 0.001<=p<0.01, * 0.01<=p<0.05');
  });

  it('takes custom thresholds in any order', () => {
    const t = pairsOf({ stars: [{ below: 0.1, stars: '†' }, { below: 0.05, stars: '‡' }] });
    expect(t.rows[0]!['rStars']).toBe('‡');
    expect(t.notes).toContain('‡ p < 0,05, † 0,05 <= p < 0,1');
  });

  it.each<[string, unknown, RegExp]>([
    ['a number', 3, /^report: stars must be true, false, 'default', 'apa' or an array of \{ below, stars \}, got 3/],
    ['an unknown scheme name', 'stata', /^report: stars: unknown star scheme "stata"/],
    ['a threshold above 1', [{ below: 2, stars: '*' }], /^report: stars: star threshold 0 needs 'below' as a number in \(0, 1\]/],
    ['a threshold without stars', [{ below: 0.05 }], /^report: stars: star threshold 0 needs 'stars' as a string/],
    ['two equal thresholds', [{ below: 0.05, stars: '*' }, { below: 0.05, stars: '**' }], /^report: stars: two star thresholds share below = 0.05/],
  ])('rejects %s with a RangeError naming the option', (_, stars, message) => {
    expect(() => report(s, { stars: stars as never })).toThrow(RangeError);
    expect(() => report(s, { stars: stars as never })).toThrow(message);
  });
});

describe('report: the response-rate section (2024 Bilagstabel 1.1)', () => {
  const respondents = sample2024();
  const s = survey({
    rows: respondents.map((m) => ({ kode: m.code, region: m.region, population: m.population, q: 'I høj grad' })),
    id: 'kode',
    items: [{ id: 'q', scale: scales.daDegree4 }],
    attributes: { region: 'category', population: 'number' },
  });
  const frame = frame2024().map((m) => ({ region: m.region, population: m.population }));
  const r = report(s, { sections: ['responseRate'], frame, sizeGroups: { attribute: 'population', split: 'median', labels: ['små', 'store'] } });
  const t = tableById(r, 'responseRate');

  it('gives per region the frame\'s municipalities, the respondents and the rate, as the 2024 report prints 69, 65, 73, 68 and 91 %', () => {
    const regions = t.rows.filter((row) => row['variable'] === 'region');
    expect(regions.map((row) => row['category'])).toEqual(REGIONS);
    expect(regions.map((row) => row['frame'])).toEqual(FRAME_COUNTS);
    expect(regions.map((row) => row['responded'])).toEqual(COUNTS_2024);
    regions.forEach((row, i) => expect(row['rate']).toBe(COUNTS_2024[i]! / FRAME_COUNTS[i]!));
    // Whole percents half up, as printed: 20/29 = 69.0 %, 11/17 = 64.7 %, 16/22 = 72.7 %, 13/19 = 68.4 %, 10/11 = 90.9 %.
    expect(regions.map((row) => Math.floor((row['rate'] as number) * 100 + 0.5))).toEqual([69, 65, 73, 68, 91]);
  });

  it('splits the size groups at the median of the frame: 35 of 49 in both halves', () => {
    expect(t.rows.filter((row) => row['variable'] === 'population')).toEqual([
      { variable: 'population', category: 'små', frame: 49, responded: 35, rate: 35 / 49 },
      { variable: 'population', category: 'store', frame: 49, responded: 35, rate: 35 / 49 },
    ]);
    expect(t.notes).toContain('Grupperne af population er delt ved medianen i populationen (43.171,5)');
  });

  it('ends with the total, 70 of 98 (71 %)', () => {
    expect(t.rows[t.rows.length - 1]).toEqual({ variable: 'I alt', category: null, frame: 98, responded: 70, rate: 70 / 98 });
  });

  it('types its columns: counts as integers, the rate as a percent', () => {
    expect(t.columns.map((c) => [c.key, c.format])).toEqual([
      ['variable', 'text'],
      ['category', 'text'],
      ['frame', 'integer'],
      ['responded', 'integer'],
      ['rate', 'percent'],
    ]);
    expect(t.title).toBe('Svarprocent');
  });

  it('comes before the representativeness tables', () => {
    const full = report(s, { sections: ['representativeness', 'responseRate'], frame });
    expect(full.tables.map((x) => x.id)).toEqual(['responseRate', 'representativeness', 'representativeness:means']);
  });

  it('lists a respondent category the frame lacks with rate null and a warning', () => {
    const odd = survey({
      rows: [
        { id: '1', region: 'Nord', q: 'I høj grad' },
        { id: '2', region: 'Vest', q: 'I høj grad' },
      ],
      id: 'id',
      items: [{ id: 'q', scale: scales.daDegree4 }],
      attributes: { region: 'category' },
    });
    const result = report(odd, { sections: ['responseRate'], frame: [{ region: 'Nord' }, { region: 'Nord' }, { region: 'Syd' }] });
    expect(tableById(result, 'responseRate').rows).toEqual([
      { variable: 'region', category: 'Nord', frame: 2, responded: 1, rate: 0.5 },
      { variable: 'region', category: 'Syd', frame: 1, responded: 0, rate: 0 },
      { variable: 'region', category: 'Vest', frame: 0, responded: 1, rate: null },
      { variable: 'I alt', category: null, frame: 3, responded: 2, rate: 2 / 3 },
    ]);
    expect(result.warnings).toEqual([
      'responseRate: region "Vest" of 1 respondent is not in the frame; check its spelling in the survey and the frame',
    ]);
  });

  it('puts frame units and respondents without a value in a last, unnamed group', () => {
    const result = report(small, {
      sections: ['responseRate'],
      frame: [{ region: 'Nord' }, { region: null }, { region: 'Syd' }, { region: 'Nord' }, { region: 'Nord' }, { region: 'Syd' }],
    });
    expect(tableById(result, 'responseRate').rows).toEqual([
      { variable: 'region', category: 'Nord', frame: 3, responded: 3, rate: 1 },
      { variable: 'region', category: 'Syd', frame: 2, responded: 2, rate: 1 },
      { variable: 'region', category: null, frame: 1, responded: 0, rate: 0 },
      { variable: 'I alt', category: null, frame: 6, responded: 5, rate: 5 / 6 },
    ]);
  });

  it('refuses a size column of text in the frame, naming the cell and readFrame', () => {
    const frame = [{ region: 'Nord', size: '60.828' }];
    expect(() => report(small, { sections: ['responseRate'], frame, sizeGroups: { attribute: 'size', breaks: [50000] } })).toThrow(
      /^report: frame: "size" holds "60\.828" in row 0, which is not a number; read the frame with readFrame/,
    );
  });

  it('is left out without a frame, and from a summary with a warning', () => {
    expect(report(s, { sections: ['responseRate'] }).tables).toEqual([]);
    const fromSummary = report(summarize(s, { by: 'region' }), { sections: ['responseRate'], frame });
    expect(fromSummary.tables).toEqual([]);
    expect(fromSummary.warnings[0]).toMatch(/^responseRate: omitted, a summary holds no respondents' attribute values/);
  });
});

describe('report: the multi-select table\'s average and total ticks', () => {
  // Three focus areas, four municipalities each; 'x' ticked.
  //              A          B          C        row total  average
  //   Sparring   x x x x    x x x .    x x x x  11         11/3
  //   Kurser     x . . .    x x x x    x x x .   8          8/3
  //   Netværk    x x x .    x x x x    . . . .   7          7/3
  const ticks = (pattern: string): string[] => [...pattern].map((c) => (c === 'x' ? 'x' : ''));
  const questions = {
    A: { Sparring: ticks('xxxx'), Kurser: ticks('x...'), Netværk: ticks('xxx.') },
    B: { Sparring: ticks('xxx.'), Kurser: ticks('xxxx'), Netværk: ticks('xxxx') },
    C: { Sparring: ticks('xxxx'), Kurser: ticks('xxx.'), Netværk: ticks('....') },
  };
  const r = report(small, { sections: ['multiSelect'], multiSelect: { questions } });
  const t = tableById(r, 'multiSelect');

  it('adds the average count per option over the groups beside the row total', () => {
    expect(t.columns.map((c) => c.key)).toEqual(['option', 'count:A', 'count:B', 'count:C', 'total', 'average']);
    expect(t.columns.find((c) => c.key === 'average')).toEqual({ key: 'average', label: 'Gennemsnit', format: 'number', digits: 1 });
    expect(t.rows.slice(0, 3).map((row) => [row['option'], row['total'], row['average']])).toEqual([
      ['Sparring', 11, 11 / 3],
      ['Kurser', 8, 8 / 3],
      ['Netværk', 7, 7 / 3],
    ]);
  });

  it('gives the total number of ticks, 26, in the totals row and in a note', () => {
    const totals = t.rows[t.rows.length - 1]!;
    expect(totals['option']).toBe('I alt');
    expect([totals['count:A'], totals['count:B'], totals['count:C'], totals['total']]).toEqual([8, 11, 7, 26]);
    expect(totals['average']).toBe(26 / 3);
    expect(t.notes).toContain('Afkrydsninger i alt: N = 26');
    expect(t.notes).toContain('Gennemsnit: det gennemsnitlige antal afkrydsninger pr. gruppe (summen over de 3 grupper divideret med 3)');
  });

  it('keeps the suppression safe: no hidden cell follows from the cells, totals and averages shown', () => {
    // Kurser in A is 1 (< 3): hidden, and its partners with it.
    const counts = [
      [4, 3, 4],
      [1, 4, 3],
      [3, 4, 0],
    ];
    const body = t.rows.slice(0, 3);
    const mask = body.map((row) => ['A', 'B', 'C'].map((g) => row[`count:${g}`] === null));
    expect(mask[1]![0]).toBe(true);
    body.forEach((row, i) => ['A', 'B', 'C'].forEach((g, j) => { if (!mask[i]![j]) expect(row[`count:${g}`]).toBe(counts[i]![j]); }));
    // The averages are the row totals over 3, so they add no equation to the audit's.
    body.forEach((row) => expect((row['average'] as number) * 3).toBeCloseTo(row['total'] as number, 12));
    expect(auditSuppression(counts, mask).recoverable).toEqual([]);
  });

  it('shows no average and no row total for a single group, whose total would be its cell', () => {
    const one = tableById(report(small, { sections: ['multiSelect'], multiSelect: { questions: { A: questions.A } } }), 'multiSelect');
    expect(one.columns.map((c) => c.key)).toEqual(['option', 'count:A']);
    expect(one.rows.every((row) => !('average' in row))).toBe(true);
    expect(one.notes).toContain('Afkrydsninger i alt: N = 8');
  });

  it('counts every tick of the demo survey in its total, as the raw rows hold them', () => {
    const rows = demoSurveyRows({ seed: 2021 });
    const areas = demoFocusAreas();
    const forms = demoSupportForms();
    const demoQuestions = Object.fromEntries(
      areas.map((area) => [area.label, Object.fromEntries(forms.map((f) => [f.label, rows.map((row) => row[`stoette_${area.id}_${f.id}`])]))]),
    );
    const demo = survey({ rows, id: 'kommunekode', items: [{ id: `udfordring_${areas[0]!.id}`, scale: scales.daChallenge4 }] });
    const table = tableById(report(demo, { sections: ['multiSelect'], multiSelect: { questions: demoQuestions } }), 'multiSelect');
    let all = 0;
    for (const area of areas) for (const f of forms) all += rows.filter((row) => row[`stoette_${area.id}_${f.id}`] === 'x').length;
    expect(all).toBe(1078);
    expect(table.notes).toContain('Afkrydsninger i alt: N = 1.078'); // Danish grouping, as the tables print counts
    forms.forEach((f, i) => {
      const perOption = areas.reduce((sum, area) => sum + rows.filter((row) => row[`stoette_${area.id}_${f.id}`] === 'x').length, 0);
      expect(table.rows[i]!['average']).toBeCloseTo(perOption / areas.length, 12);
    });
  });
});

describe('report: grouped items', () => {
  it('gives a group on one scale one table with its items as rows, headed by the group label', () => {
    const r = report(small, { sections: ['distribution'], groupLabels: { g: 'Tidlig indsats' } });
    expect(r.tables.map((t) => t.id)).toEqual(['distribution:g:daDegree4']);
    expect(r.tables[0]!.title).toBe('Svarfordeling: Tidlig indsats');
    expect(r.tables[0]!.rows.map((row) => row['item'])).toEqual(['q1', 'q2']);
    // q1: 5 answered (I høj grad, Slet ikke, I meget høj grad, I mindre grad, Ved ikke).
    expect(r.tables[0]!.rows[0]!['share:Ved ikke']).toBe(1 / 5);
    // q2: 4 answered (Slet ikke, Ved ikke, I høj grad, I mindre grad).
    expect(r.tables[0]!.rows[1]!['share:Slet ikke']).toBe(1 / 4);
  });

  it('prints the group id as it is when it has no label, in English too', () => {
    const r = report(small, { sections: ['distribution'], lang: 'en' });
    expect(r.tables[0]!.title).toBe('Distribution of answers: g');
  });

  it.each<[string, unknown, RegExp]>([
    ['a group no item has', { h: 'H' }, /^report: groupLabels: "h" is not a group of the analysed items; the groups are "g"/],
    ['a label that is not a string', { g: 3 }, /^report: groupLabels\["g"\] must be a non-empty string, got 3/],
    ['an array', ['g'], /^report: groupLabels must be an object \{ \[group id\]: label \}/],
  ])('rejects groupLabels with %s', (_, groupLabels, message) => {
    expect(() => report(small, { groupLabels: groupLabels as never })).toThrow(RangeError);
    expect(() => report(small, { groupLabels: groupLabels as never })).toThrow(message);
  });
});

describe('report: numbered tables and the table of contents', () => {
  const frame = [12000, 61000, 30000, 8000, 140000, 45000, 52000, 20000].map((size, i) => ({ region: i < 4 ? 'Nord' : 'Syd', size }));
  const r = report(small, {
    frame,
    sizeGroups: { attribute: 'size', breaks: [50000, 100000] },
    multiSelect: { questions: { A: { Sparring: ['x', 'x', 'x', '', 'x'] }, B: { Sparring: ['x', 'x', 'x', 'x', ''] } } },
  });

  it('numbers every table from 1 in report order', () => {
    expect(r.tables.map((t) => t.number)).toEqual(r.tables.map((_, i) => i + 1));
  });

  it('lists each built section with its heading and its tables, in report order', () => {
    expect(r.contents.map((entry) => entry.section)).toEqual(['distribution', 'summary', 'attributes', 'means', 'multiSelect', 'responseRate', 'representativeness']);
    expect(r.contents.flatMap((entry) => entry.tables)).toEqual(r.tables.map((t) => t.id));
    expect(r.contents[0]).toEqual({ section: 'distribution', title: 'Svarfordelinger', tables: ['distribution:g:daDegree4'] });
    for (const entry of r.contents) expect(entry.tables).toEqual(r.sections[entry.section]);
    const en = report(small, { sections: ['summary'], lang: 'en' });
    expect(en.contents).toEqual([{ section: 'summary', title: 'Shares and means', tables: ['summary'] }]);
  });

  it('stays plain JSON', () => {
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });
});
