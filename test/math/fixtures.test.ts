import { describe, expect, it } from 'vitest';

import {
  evaluate,
  fixtureError,
  loadMathFixtures,
  parseNumber,
  regimeOf,
  type MathFixtureCase,
} from './mathFixtures';

/**
 * Every point of test/fixtures/math/*.json, against "mp" (mpmath at 60 digits, rounded to a
 * double; see scripts/fixtures/math_mpmath.py). "r" holds the R value and the R call that
 * produced it (scripts/fixtures/math.R, R 4.2.2).
 */
const TOLERANCE = 1e-12;

for (const file of loadMathFixtures()) {
  describe(`fixture ${file.name} (${file.r_version}, mpmath ${file.mpmath_version})`, () => {
    const groups = new Map<string, MathFixtureCase[]>();
    for (const testCase of file.cases) {
      const key = `${testCase.fn}: ${regimeOf(testCase)}`;
      const list = groups.get(key) ?? [];
      list.push(testCase);
      groups.set(key, list);
    }
    for (const [key, cases] of groups) {
      it(`${key} agrees with mpmath to 1e-12 at all ${cases.length} points`, () => {
        let worst = -1;
        let worstCase: MathFixtureCase | undefined;
        let worstGot = 0;
        for (const testCase of cases) {
          const got = evaluate(testCase);
          const error = fixtureError(got, parseNumber(testCase.mp));
          if (!(error <= worst)) {
            worst = error;
            worstCase = testCase;
            worstGot = got;
          }
        }
        const message = `worst relative error ${worst.toExponential(2)} at ${worstCase?.call}: got ${worstGot}, exact ${worstCase?.mp}, R ${worstCase?.r}`;
        expect(worst, message).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  });
}
