import { describe, expect, it } from 'vitest';
import { postStratify } from '../../src/index';

const rows = [
  { region: 'A', w: '1,5' },
  { region: 'A', w: '0,5' },
  { region: 'B', w: '1' },
];
const targets = { A: 0.5, B: 0.5 };

describe('postStratify base weights given as text', () => {
  it('reads decimal commas with the one number parser', () => {
    // Cell A: base weights 1.5 and 0.5 (D = 2), cell B: 1 (D = 1); T = n = 3.
    // w = d · P · T / D: 1.5 · 0.5 · 3 / 2 = 1.125, 0.5 · 0.5 · 3 / 2 = 0.375, 1 · 0.5 · 3 / 1 = 1.5.
    const result = postStratify(rows, { variable: 'region', targets, baseWeights: 'w' });
    expect(Array.from(result.weights)).toEqual([1.125, 0.375, 1.5]);
  });

  it('refuses Infinity and 1e400 as base weights, naming value and row', () => {
    const bad = [{ region: 'A', w: 'Infinity' }, { region: 'B', w: '1e400' }];
    expect(() => postStratify(bad, { variable: 'region', targets, baseWeights: 'w' })).toThrow(
      /^postStratify: 2 base weights are not a finite number >= 0: "Infinity" \(row 0\), "1e400" \(row 1\)/,
    );
  });
});
