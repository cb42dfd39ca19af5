import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ss from 'simple-statistics';
import { afterAll, describe, expect, it } from 'vitest';
import {
  generatePeerData,
  LABEL_OF_CODE,
  REGIONS,
  surveyColumns,
  writeCsv,
  writePeerFiles,
} from '../../bench/peers/generate';
import { parseCsv } from '../../src/csv/index';
import { municipalities2020 } from '../../src/demo/index';
import { scales, survey } from '../../src/index';

const n = 20_000;
const items = 40;
const data = generatePeerData(n, items);
const work = mkdtempSync(join(tmpdir(), 'peers-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The substantive codes (1–4) of item j, NaN where blank or "Ved ikke". */
function substantive(j: number): number[] {
  return Array.from(data.codes.subarray(j * n, (j + 1) * n), (c) => (c >= 1 && c <= 4 ? c : NaN));
}

describe('the peer benchmark data generator', () => {
  it('gives the same data for the same seed and other data for another seed', () => {
    const again = generatePeerData(n, items);
    expect(Buffer.from(again.codes.buffer).equals(Buffer.from(data.codes.buffer))).toBe(true);
    expect(Buffer.from(again.region).equals(Buffer.from(data.region))).toBe(true);
    const other = generatePeerData(n, items, 1);
    expect(Buffer.from(other.codes.buffer).equals(Buffer.from(data.codes.buffer))).toBe(false);
  });

  it('writes codes 0 to 5 only, with about 2 % blank cells and 3 % "Ved ikke"', () => {
    const counts = [0, 0, 0, 0, 0, 0];
    for (const c of data.codes) counts[c]! += 1;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(n * items);
    // 800,000 cells: the binomial standard deviation of a 2 % share is 0.016 percentage points,
    // so ±0.2 points is more than ten of them.
    expect(Math.abs(counts[0]! / (n * items) - 0.02)).toBeLessThan(0.002);
    expect(Math.abs(counts[5]! / (n * items) - 0.03)).toBeLessThan(0.002);
    for (const level of [1, 2, 3, 4]) expect(counts[level]! / (n * items)).toBeGreaterThan(0.05);
  });

  it('places each respondent in a municipality: its population and its region belong together', () => {
    const frame = municipalities2020();
    for (let i = 0; i < n; i += 97) {
      const region = REGIONS[data.region[i]!]!;
      const matches = frame.filter((m) => m.population === data.population[i] && `Region ${m.region}` === region);
      expect(matches.length).toBeGreaterThan(0);
    }
  });

  it('draws the regions with unequal shares that follow the population', () => {
    const frame = municipalities2020();
    const total = frame.reduce((sum, m) => sum + m.population, 0);
    REGIONS.forEach((name, k) => {
      const expected = frame.filter((m) => `Region ${m.region}` === name).reduce((sum, m) => sum + m.population, 0) / total;
      const share = data.region.filter((r) => r === k).length / n;
      // sd of a share near 0.3 among 20,000 draws is 0.0032; 0.02 is six of them.
      expect(Math.abs(share - expected)).toBeLessThan(0.02);
    });
    const shares = REGIONS.map((_, k) => data.region.filter((r) => r === k).length / n);
    expect(Math.max(...shares) / Math.min(...shares)).toBeGreaterThan(2);
  });

  it('makes the items correlate through the latent factor, positively and well away from zero', () => {
    for (const [a, b] of [[0, 1], [0, 9], [8, 9], [19, 39]] as const) {
      const x = substantive(a);
      const y = substantive(b);
      const keep = x.map((v, i) => !Number.isNaN(v) && !Number.isNaN(y[i]!));
      const r = ss.sampleCorrelation(x.filter((_, i) => keep[i]), y.filter((_, i) => keep[i]));
      expect(r).toBeGreaterThan(0.05);
      expect(r).toBeLessThan(0.9);
    }
  });

  it('writes the binary files item by item, as numpy and R read them', () => {
    const files = writePeerFiles(data, join(work, 'bin'));
    const codes = readFileSync(files.codes);
    expect(codes.length).toBe(n * items);
    expect(new Int8Array(codes.buffer, codes.byteOffset, 3)).toEqual(data.codes.subarray(0, 3));
    expect(codes[5 * n + 7]).toBe(data.codes[5 * n + 7]);
    const population = readFileSync(files.population);
    expect(population.readDoubleLE(8 * 123)).toBe(data.population[123]);
    expect(JSON.parse(readFileSync(files.meta, 'utf8'))).toMatchObject({ respondents: n, items, labelOfCode: LABEL_OF_CODE });
  });

  it('writes a CSV whose cells are the labels of the codes, blank where the code is 0', () => {
    const small = generatePeerData(300, 5, 7);
    const path = join(work, 'small.csv');
    const bytes = writeCsv(small, path);
    const text = readFileSync(path);
    expect(bytes).toBe(text.length);
    const parsed = parseCsv(text);
    expect(parsed.rows).toHaveLength(300);
    parsed.rows.forEach((row, i) => {
      expect(row.id).toBe(String(i + 1));
      expect(row.region).toBe(REGIONS[small.region[i]!]);
      small.itemIds.forEach((id, j) => {
        const label = LABEL_OF_CODE[small.codes[j * 300 + i]!];
        if (label === null) expect(row[id] ?? '').toBe('');
        else expect(row[id]).toBe(label);
      });
    });
  });

  it('gives survey() columns that code back to the generated codes', () => {
    const small = generatePeerData(500, 3, 11);
    const s = survey({ columns: surveyColumns(small), id: 'id', items: small.itemIds.map((id) => ({ id, scale: scales.daDegree4 })) });
    const q2 = s.item('q2');
    const blanks = Array.from(small.codes.subarray(500, 1000)).filter((c) => c === 0).length;
    const dontKnow = Array.from(small.codes.subarray(500, 1000)).filter((c) => c === 5).length;
    expect(q2.n.missing).toBe(blanks);
    expect(q2.n.nonSubstantive).toBe(dontKnow);
    expect(q2.n.substantive).toBe(500 - blanks - dontKnow);
  });
});
