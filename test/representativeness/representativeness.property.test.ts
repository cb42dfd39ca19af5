import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProportionMethod } from '../../src/inference/proportionInterval';
import { representativeness } from '../../src/representativeness/representativeness';

const CATEGORIES = ['A', 'B', 'C', 'D'] as const;
const methods: ProportionMethod[] = ['wald', 'wilson', 'agresti-coull', 'clopper-pearson', 'jeffreys'];

/** A sample of 1–80 respondents over four categories, and population shares over them. */
const scenario = fc.record({
  answers: fc.array(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 80 }),
  weights: fc.tuple(...CATEGORIES.map(() => fc.integer({ min: 1, max: 50 }))),
  method: fc.constantFrom(...methods),
});

function run(answers: readonly string[], weights: readonly number[], method: ProportionMethod, level = 0.95) {
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = Object.fromEntries(CATEGORIES.map((c, k) => [c, (weights[k] as number) / total]));
  // Make the shares sum to 1 exactly enough for the 1e-9 check.
  return representativeness({ sample: answers.map((r) => ({ r })), targets: { r: shares }, variables: ['r'], method, level });
}

describe('representativeness properties', () => {
  it('sample shares sum to 1 and population categories are never dropped', () => {
    fc.assert(
      fc.property(scenario, ({ answers, weights, method }) => {
        const result = run(answers, weights, method);
        expect(result.rows).toHaveLength(CATEGORIES.length);
        const sum = result.rows.reduce((a, r) => a + r.sample, 0);
        expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it('every interval contains its sample share and lies in [0, 1]', () => {
    fc.assert(
      fc.property(scenario, ({ answers, weights, method }) => {
        for (const row of run(answers, weights, method).rows) {
          expect(row.lower).toBeGreaterThanOrEqual(0);
          expect(row.upper).toBeLessThanOrEqual(1);
          expect(row.lower).toBeLessThanOrEqual(row.sample + 1e-12);
          expect(row.upper).toBeGreaterThanOrEqual(row.sample - 1e-12);
          expect(row.gap).toBe(row.sample - row.population);
          expect(row.covered).toBe(row.lower <= row.population && row.population <= row.upper);
        }
      }),
    );
  });

  it('coverage is monotone in the level: covered at 90 % implies covered at 95 % and 99 %', () => {
    fc.assert(
      fc.property(scenario, ({ answers, weights, method }) => {
        const at90 = run(answers, weights, method, 0.9).rows;
        const at95 = run(answers, weights, method, 0.95).rows;
        const at99 = run(answers, weights, method, 0.99).rows;
        at90.forEach((row, k) => {
          if (row.covered) expect(at95[k]!.covered).toBe(true);
          if (at95[k]!.covered) expect(at99[k]!.covered).toBe(true);
        });
      }),
    );
  });

  it('representative is true exactly when every row is covered', () => {
    fc.assert(
      fc.property(scenario, ({ answers, weights, method }) => {
        const result = run(answers, weights, method);
        expect(result.representative).toBe(result.rows.every((r) => r.covered));
      }),
    );
  });

  it('the mean interval contains the sample mean and widens with the level', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 60 }), fc.integer({ min: 0, max: 1000 }), (xs, mu) => {
        const sample = xs.map((x) => ({ x }));
        const r90 = representativeness({ sample, targets: { x: { mean: mu } }, variables: ['x'], level: 0.9 }).rows[0]!;
        const r95 = representativeness({ sample, targets: { x: { mean: mu } }, variables: ['x'] }).rows[0]!;
        expect(r95.lower).toBeLessThanOrEqual(r95.sample);
        expect(r95.upper).toBeGreaterThanOrEqual(r95.sample);
        if (r90.covered) expect(r95.covered).toBe(true);
      }),
    );
  });
});
