import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/csv/index';
import { readFrame, representativeness, scales, survey, targetsFromFrame } from '../../src/index';

const text = readFileSync(new URL('../../data/dk-municipalities-2020.csv', import.meta.url), 'utf8');
const textFrame = parseCsv(text).rows as Record<string, string | null>[];
// The first 70 municipalities of the shipped frame answer; their populations are numbers.
const sampleRows: Record<string, string | null>[] = textFrame.slice(0, 70).map((row) => ({ ...row, q: "Slet ikke" }));
const sample = survey({
  rows: sampleRows,
  id: 'code',
  items: [{ id: 'q', scale: scales.daDegree4 }],
  attributes: { population: 'number', region: 'category' },
});

describe('representativeness against a frame read from CSV text', () => {
  it('refuses a numeric survey attribute against the text population column of the shipped frame', () => {
    expect(() => representativeness({ sample, population: textFrame, variables: ['population'] })).toThrow(
      /^representativeness: "population" holds numbers in the sample but text in the population frame \(column "population": "632340" \(row 0\), "104305" \(row 1\), "48602" \(row 2\)\); type the frame with readFrame\(rows\)/,
    );
  });

  it('refuses the same for a sample of rows whose population cells are numbers', () => {
    const rows = sampleRows.map((row) => ({ ...row, population: Number(row['population']) }));
    expect(() => representativeness({ sample: rows, population: textFrame, variables: ['population'] })).toThrow(TypeError);
  });

  it('compares the means once the frame is typed with readFrame', () => {
    const { rows: frame } = readFrame(textFrame);
    const result = representativeness({ sample, population: frame, variables: ['population', 'region'] });
    const mean = result.rows.find((row) => row.variable === 'population')!;
    expect(mean.kind).toBe('numeric');
    // data/README.md: the 98 populations sum to 5,822,679, so the frame mean is 5822679 / 98.
    expect(mean.population).toBeCloseTo(5822679 / 98, 9);
    expect(result.rows.filter((row) => row.variable === 'region')).toHaveLength(5);
  });

  it('still compares text categories against a categorical survey attribute', () => {
    const result = representativeness({ sample, population: textFrame, variables: ['region'] });
    expect(result.rows.map((row) => row.category)).toEqual(['Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland']);
  });

  it('suggests readFrame when a variable declared numeric holds text in the frame', () => {
    expect(() => targetsFromFrame(textFrame, { variables: [{ name: 'population', kind: 'numeric' }] })).toThrow(/readFrame\(rows\) types a frame read from CSV text/);
  });
});

describe('targetsFromFrame on numbers held as text', () => {
  it('warns that a text column of numbers is read as categories and suggests readFrame', () => {
    const targets = targetsFromFrame(textFrame, { variables: ['population'] });
    expect(targets.variables['population']!.kind).toBe('categorical');
    expect(targets.warnings).toEqual([
      expect.stringMatching(/^targetsFromFrame: "population" holds numbers as text \("632340" \(row 0\), "104305" \(row 1\), "48602" \(row 2\)\), so it is read as categories; type the frame with readFrame\(rows\)/),
    ]);
  });

  it('does not warn for text categories or once the kind is declared', () => {
    expect(targetsFromFrame(textFrame, { variables: ['region'] }).warnings).toBeUndefined();
    expect(targetsFromFrame(textFrame, { variables: [{ name: 'code', kind: 'categorical' }] }).warnings).toBeUndefined();
  });
});
