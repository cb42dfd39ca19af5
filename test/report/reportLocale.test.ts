import { describe, expect, it } from 'vitest';
import { scales, survey } from '../../src/index';
import { report } from '../../src/report/report';
import { starLegend } from '../../src/report/reportText';
import { sizeGroupLabel } from '../../src/report/sizeGroupLabel';
import { summarize } from '../../src/summary/summarize';

describe('sizeGroupLabel', () => {
  it('writes the 2021 report size groups in Danish with thousands dots', () => {
    expect(sizeGroupLabel('under 50000', 'da')).toBe('under 50.000');
    expect(sizeGroupLabel('50000–99999', 'da')).toBe('50.000–99.999');
    expect(sizeGroupLabel('100000 and over', 'da')).toBe('100.000 og derover');
  });

  it('writes them in English with thousands commas', () => {
    expect(sizeGroupLabel('under 50000', 'en')).toBe('under 50,000');
    expect(sizeGroupLabel('50000–99999', 'en')).toBe('50,000–99,999');
    expect(sizeGroupLabel('100000 and over', 'en')).toBe('100,000 and over');
  });

  it('writes median-split halves in words: højst / over, at most / over', () => {
    expect(sizeGroupLabel('<= 44200', 'da')).toBe('højst 44.200');
    expect(sizeGroupLabel('> 44200', 'da')).toBe('over 44.200');
    expect(sizeGroupLabel('<= 44200', 'en')).toBe('at most 44,200');
    expect(sizeGroupLabel('> 44200.5', 'en')).toBe('over 44,200.5');
  });

  it('writes non-integer bounds with the decimals they have', () => {
    expect(sizeGroupLabel('0.5 to under 2.25', 'da')).toBe('0,5 til under 2,25');
    expect(sizeGroupLabel('0.5 to under 2.25', 'en')).toBe('0.5 to under 2.25');
  });

  it('groups the numbers as the locale does', () => {
    expect(sizeGroupLabel('100000 and over', 'en', 'en-IN')).toBe('1,00,000 and over');
    expect(sizeGroupLabel('-10000–-1', 'da', 'de-DE')).toBe('-10.000–-1');
  });

  it('returns a label of any other form as it is', () => {
    expect(sizeGroupLabel('Små kommuner', 'da')).toBe('Små kommuner');
    expect(sizeGroupLabel('under 50.000', 'en')).toBe('under 50.000');
    expect(sizeGroupLabel('under fifty', 'da')).toBe('under fifty');
  });
});

describe('starLegend', () => {
  it('writes the reports scheme in English as the 2021 report defines it', () => {
    expect(starLegend('en')).toBe('*** p<0.01, ** 0.01<=p<0.05, * 0.05<=p<0.1');
  });

  it('writes it in Danish with decimal commas and spaced operators', () => {
    expect(starLegend('da')).toBe('*** p < 0,01, ** 0,01 <= p < 0,05, * 0,05 <= p < 0,1');
  });

  it('writes the APA scheme and a custom scheme given in any order', () => {
    const apa = [
      { below: 0.001, stars: '***' },
      { below: 0.01, stars: '**' },
      { below: 0.05, stars: '*' },
    ];
    expect(starLegend('en', apa)).toBe('*** p<0.001, ** 0.001<=p<0.01, * 0.01<=p<0.05');
    expect(starLegend('da', [{ below: 0.1, stars: '†' }, { below: 0.05, stars: '*' }])).toBe('* p < 0,05, † 0,05 <= p < 0,1');
  });

  it('writes the thresholds in another locale when given one', () => {
    expect(starLegend('en', undefined, 'de-DE')).toBe('*** p<0,01, ** 0,01<=p<0,05, * 0,05<=p<0,1');
  });
});

describe('report wording of size groups and stars', () => {
  // Six municipalities: two under 50,000, two from 50,000 to 99,999, two of 100,000 and over.
  const rows = [
    { id: '1', pop: 20000, a: 'I høj grad', b: 'Slet ikke' },
    { id: '2', pop: 45000, a: 'Slet ikke', b: 'I høj grad' },
    { id: '3', pop: 50000, a: 'I mindre grad', b: 'I mindre grad' },
    { id: '4', pop: 99999, a: 'I meget høj grad', b: 'I høj grad' },
    { id: '5', pop: 100000, a: 'I høj grad', b: 'I meget høj grad' },
    { id: '6', pop: 632340, a: 'Slet ikke', b: 'I mindre grad' },
  ];
  const s = survey({
    rows,
    id: 'id',
    items: [
      { id: 'a', scale: scales.daDegree4 },
      { id: 'b', scale: scales.daDegree4 },
    ],
    attributes: { pop: 'number' },
  });
  const sizes = { attribute: 'pop', breaks: [50000, 100000] } as const;
  const groupHeaders = (lang: 'da' | 'en', input: typeof s | ReturnType<typeof summarize> = s, grouping: object = sizes) => {
    const table = report(input as never, { sections: ['means'], by: [], sizeGroups: grouping as never, lang }).tables[0]!;
    return table.columns.filter((c) => c.key.startsWith('mean:')).map((c) => c.label);
  };

  it('heads the Danish size-group columns "under 50.000 | 50.000–99.999 | 100.000 og derover"', () => {
    expect(groupHeaders('da')).toEqual(['under 50.000', '50.000–99.999', '100.000 og derover']);
  });

  it('heads the English size-group columns "under 50,000 | 50,000–99,999 | 100,000 and over"', () => {
    expect(groupHeaders('en')).toEqual(['under 50,000', '50,000–99,999', '100,000 and over']);
  });

  it('keeps the group keys of the rows as sizeGroups names them', () => {
    const table = report(s, { sections: ['means'], by: [], sizeGroups: sizes }).tables[0]!;
    // Item a: under 50000 has 3 and 1, so its mean is 2 (codes: Slet ikke 1 … I meget høj grad 4).
    expect(table.rows[0]!['mean:under 50000']).toBe(2);
  });

  it('words a summary grouped by size groups as it words a survey', () => {
    const summary = summarize(s, { by: sizes });
    expect(groupHeaders('da', summary)).toEqual(['under 50.000', '50.000–99.999', '100.000 og derover']);
  });

  it('words a median split with the median in the locale (median of the six is (50000 + 99999) / 2)', () => {
    expect(groupHeaders('da', s, { attribute: 'pop', split: 'median' })).toEqual(['højst 74.999,5', 'over 74.999,5']);
  });

  it('prints labels the caller gave as they are', () => {
    expect(groupHeaders('en', s, { ...sizes, labels: ['small', 'medium', 'large'] })).toEqual(['small', 'medium', 'large']);
  });

  it('prints the star legend of the correlation tables in the report language', () => {
    const da = report(s, { sections: ['attributes'] }).tables[0]!;
    const en = report(s, { sections: ['attributes'], lang: 'en' }).tables[0]!;
    expect(da.notes).toContain('*** p < 0,01, ** 0,01 <= p < 0,05, * 0,05 <= p < 0,1');
    expect(en.notes).toContain('*** p<0.01, ** 0.01<=p<0.05, * 0.05<=p<0.1');
  });
});
