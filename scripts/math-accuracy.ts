/**
 * Prints, per function, the worst relative error of src/math over all fixtures in
 * test/fixtures/math (against the 60-digit mpmath value "mp"), where it occurs, and how far
 * R's own value is from "mp" at its worst.
 *
 * Run: npx tsx scripts/math-accuracy.ts
 */
import { evaluate, fixtureError, loadMathFixtures, parseNumber } from '../test/math/mathFixtures';

interface Worst {
  count: number;
  error: number;
  call: string;
  got: number;
  expected: number;
  rError: number;
  rCall: string;
}

const worstByFunction = new Map<string, Worst>();
for (const file of loadMathFixtures()) {
  for (const testCase of file.cases) {
    const expected = parseNumber(testCase.mp);
    const got = evaluate(testCase);
    const error = fixtureError(got, expected);
    const rError = fixtureError(parseNumber(testCase.r), expected);
    const entry = worstByFunction.get(testCase.fn) ?? {
      count: 0, error: -1, call: '', got: 0, expected: 0, rError: -1, rCall: '',
    };
    entry.count += 1;
    if (error > entry.error) {
      Object.assign(entry, { error, call: testCase.call, got, expected });
    }
    if (rError > entry.rError) {
      entry.rError = rError;
      entry.rCall = testCase.call;
    }
    worstByFunction.set(testCase.fn, entry);
  }
}

console.log('worst relative error against mpmath (60 digits), per function');
for (const [fn, w] of [...worstByFunction].sort()) {
  console.log(
    `${fn.padEnd(24)} n=${String(w.count).padStart(4)}  likertkit ${w.error.toExponential(2)} at ${w.call}` +
      ` (got ${w.got}, exact ${w.expected})`,
  );
  console.log(`${''.padEnd(24)}         R itself ${w.rError.toExponential(2)} at ${w.rCall}`);
}
