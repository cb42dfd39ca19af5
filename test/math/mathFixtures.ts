/**
 * Loader for test/fixtures/math/*.json (written by scripts/fixtures/math.R and
 * scripts/fixtures/math_mpmath.py) and a dispatcher from fixture names to the functions.
 * Shared by the tests in this folder and by scripts/math-accuracy.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  chiSquareCdf,
  fCdf,
  inverseRegularizedBeta,
  logBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
  studentTCdf,
  studentTQuantile,
} from '../../src/math';

export interface MathFixtureCase {
  fn: string;
  args: (string | boolean)[];
  call: string;
  /** R's value, 17 significant digits. */
  r: string;
  /** mpmath value at 60 digits rounded to the nearest double. */
  mp: string;
}

export interface MathFixtureFile {
  name: string;
  description: string;
  r_version: string;
  mpmath_version: string;
  cases: MathFixtureCase[];
}

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'math');

/** Parses a fixture number (R's "Inf", "-Inf", "NaN" included). */
export function parseNumber(text: string): number {
  if (text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (text === 'NaN' || text === 'NA') return Number.NaN;
  return Number(text);
}

export function loadMathFixtures(): MathFixtureFile[] {
  return readdirSync(FIXTURE_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const doc = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as Omit<MathFixtureFile, 'name'>;
      return { ...doc, name: file.replace(/\.json$/, '') };
    });
}

/** Evaluates our implementation at a fixture case. */
export function evaluate(testCase: MathFixtureCase): number {
  const numbers = testCase.args.map((arg) => (typeof arg === 'boolean' ? arg : parseNumber(arg)));
  const n = (i: number): number => numbers[i] as number;
  const flag = (i: number): boolean => numbers[i] as boolean;
  switch (testCase.fn) {
    case 'studentTCdf':
      return studentTCdf(n(0), n(1), flag(2));
    case 'studentTQuantile':
      return studentTQuantile(n(0), n(1), flag(2));
    case 'normalCdf':
      return normalCdf(n(0), flag(1));
    case 'normalQuantile':
      return normalQuantile(n(0), flag(1));
    case 'chiSquareCdf':
      return chiSquareCdf(n(0), n(1), flag(2));
    case 'regularizedGammaP':
      return regularizedGammaP(n(0), n(1));
    case 'regularizedGammaQ':
      return regularizedGammaQ(n(0), n(1));
    case 'fCdf':
      return fCdf(n(0), n(1), n(2), flag(3));
    case 'regularizedBeta':
      return regularizedBeta(n(0), n(1), n(2), flag(3));
    case 'inverseRegularizedBeta':
      return inverseRegularizedBeta(n(0), n(1), n(2), flag(3));
    case 'logGamma':
      return logGamma(n(0));
    case 'logBeta':
      return logBeta(n(0), n(1));
    default:
      throw new Error(`unknown fixture function ${testCase.fn}`);
  }
}

/**
 * Relative error, with the denominator floored at 1e-300 so that values that underflow in
 * double precision (the exact value is below 1e-300) are judged absolutely.
 */
export function fixtureError(actual: number, expected: number): number {
  if (Object.is(actual, expected)) return 0;
  if (Number.isNaN(actual) || Number.isNaN(expected)) return Number.POSITIVE_INFINITY;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) {
    return actual === expected ? 0 : Number.POSITIVE_INFINITY;
  }
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}

/** Regime label of a case, for one test per regime. */
export function regimeOf(testCase: MathFixtureCase): string {
  const a = testCase.args.map((arg) => (typeof arg === 'boolean' ? (arg ? 1 : 0) : parseNumber(arg)));
  const v = (i: number): number => a[i] ?? Number.NaN;
  const tail = (i: number): string => (v(i) === 1 ? 'lower tail' : 'upper tail');
  switch (testCase.fn) {
    case 'studentTCdf':
      return `df ${v(1) <= 30 ? '<= 30' : v(1) <= 4e5 ? 'in (30, 4e5]' : '> 4e5'}, |t| ${Math.abs(v(0)) <= 2 ? '<= 2' : '> 2'}, ${tail(2)}`;
    case 'studentTQuantile':
      return `df ${v(1) <= 30 ? '<= 30' : '> 30'}, p ${v(0) < 1e-10 ? '< 1e-10' : '>= 1e-10'}`;
    case 'chiSquareCdf':
      return `df ${v(1) <= 10 ? '<= 10' : '> 10'}, ${tail(2)}`;
    case 'fCdf':
      return `df2 ${v(2) <= 100 ? '<= 100' : '> 100'}, ${tail(3)}`;
    case 'regularizedBeta': {
      const big = Math.max(v(1), v(2));
      return `max(a, b) ${big < 1000 ? '< 1e3' : big < 1e6 ? 'in [1e3, 1e6)' : '>= 1e6'}, ${tail(3)}`;
    }
    case 'inverseRegularizedBeta': {
      const big = Math.max(v(1), v(2));
      return `max(a, b) ${big < 1000 ? '< 1e3' : big < 1e6 ? 'in [1e3, 1e6)' : '>= 1e6'}`;
    }
    default:
      return 'all';
  }
}
