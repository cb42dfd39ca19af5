/**
 * Numeric respondent ids (a Float64Array, another typed array, or an array of numbers only) are
 * checked as doubles and turned into text only when `survey.ids` is read. These tests hold that
 * path to the text path: the same ids with one extra row whose id is text (which sends the whole
 * column through the text path) must give the same issues, ids and resolved duplicates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeSurvey, scales, survey } from '../../src/index';

const items = [{ id: 'q', scale: scales.daDegree4 }] as const;
const answers = (n: number): string[] => Array.from({ length: n }, () => 'I høj grad');

/** Doubles that collide often: small integers, -0, halves, huge integers, tiny values, the extremes, NaN, ±Infinity. */
const idValue = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(-0, 0.5, 2.5, 1e-7, 2.5e-9, 2 ** 53, 2 ** 53 + 2, 1e21, -1e300) },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
  { weight: 2, arbitrary: fc.double({ noNaN: true }) },
);

/** Names of the id column, prototype-named ones among them (each an own key of `columns`). */
const idNames = fc.constantFrom('id', '__proto__', 'constructor', 'toString', 'hasOwnProperty');

function read(id: ArrayLike<unknown>, n: number, duplicates: 'error' | 'first' | 'last', name = 'id') {
  return safeSurvey({ columns: { [name]: id, q: answers(n) }, id: name, items, duplicates });
}

describe('survey() with numeric respondent ids', () => {
  it('gives the issues, ids and duplicates of the text path, for any doubles and duplicates policy', () => {
    fc.assert(
      fc.property(fc.array(idValue, { minLength: 1, maxLength: 60 }), fc.constantFrom('error', 'first', 'last'), fc.boolean(), idNames, (values, policy, sorted, name) => {
        const ids = sorted ? [...values].sort((a, b) => a - b) : values;
        const numeric = read(Float64Array.from(ids), ids.length, policy, name);
        const plain = read(ids, ids.length, policy, name);
        // 'text-id' has no digits, so it never equals a number's key.
        const text = read([...ids, 'text-id'], ids.length + 1, policy, name);
        for (const result of [numeric, plain]) {
          expect(result.ok).toBe(text.ok);
          if (!result.ok && !text.ok) {
            const shown = (r: typeof result) => r.issues.map((i) => ({ ...i, values: i.kind === 'bad-id' ? undefined : i.values }));
            expect(shown(result)).toEqual(shown(text));
          }
          if (result.ok && text.ok) {
            expect(result.survey.ids).toEqual(text.survey.ids.slice(0, -1));
            expect(result.survey.duplicates).toEqual(text.survey.duplicates);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('holds consecutive ids as a run: the same ids as the text path, subsets and filters alike, the caller\'s array not held', () => {
    const starts = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom(-0, 0.5, -2.25, 2 ** 53 - 5, 2 ** 53, 1e21, 1e-7));
    fc.assert(
      fc.property(starts, fc.integer({ min: 1, max: 40 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (start, n, keep) => {
        const values = Array.from({ length: n }, (_, i) => start + i);
        const id = Float64Array.from(values);
        // Beyond 2^53 start + i repeats (2^53 + 1 rounds to 2^53): both paths keep the first.
        const numeric = survey({ columns: { id, q: answers(n) }, id: 'id', items, duplicates: 'first' });
        const text = read([...values, 'text-id'], n + 1, 'first');
        if (!text.ok) throw new Error('the text path keeps the first of repeated ids');
        expect(numeric.duplicates).toEqual(text.survey.duplicates);
        id[0] = 12345.5;
        expect(numeric.ids).toEqual(text.survey.ids.slice(0, -1));
        const kept = (i: number) => keep[i] === true;
        expect(numeric.filter(kept).ids).toEqual(text.survey.ids.slice(0, -1).filter((_, i) => kept(i)));
      }),
      { numRuns: 300 },
    );
  });

  it('counts -0 and 0 as one id, and writes integers beyond 2^53 and tiny values in full', () => {
    const result = safeSurvey({ columns: { id: new Float64Array([0, 5, -0]), q: answers(3) }, id: 'id', items });
    if (result.ok) throw new Error('expected a repeated id');
    expect(result.issues.map((i) => [i.kind, i.values, i.rows])).toEqual([['duplicate-id', ['0'], [0, 2]]]);
    const s = survey({ columns: { id: [2 ** 53 + 2, 2.5e-9, -7], q: answers(3) }, id: 'id', items });
    expect(s.ids).toEqual(['9007199254740994', '0.0000000025', '-7']);
  });

  it('reads Int32Array and Uint8Array ids, and keeps its own copy of the caller\'s array', () => {
    const id = new Int32Array([30, 10, 20]);
    const s = survey({ columns: { id, q: answers(3) }, id: 'id', items });
    id[0] = 99;
    expect(s.ids).toEqual(['30', '10', '20']);
    expect(survey({ columns: { id: new Uint8Array([1, 2]), q: answers(2) }, id: 'id', items }).ids).toEqual(['1', '2']);
  });

  it('keeps its own copy of non-consecutive ids from a Float64Array or an array of numbers', () => {
    const typed = new Float64Array([4, 8, 15]);
    const plain = [16, 23, 42];
    const a = survey({ columns: { id: typed, q: answers(3) }, id: 'id', items });
    const b = survey({ columns: { id: plain, q: answers(3) }, id: 'id', items });
    typed[1] = 4;
    plain[2] = 16;
    expect(a.ids).toEqual(['4', '8', '15']);
    expect(b.ids).toEqual(['16', '23', '42']);
  });

  it('does not take a run that is consecutive only to the eye: 1, 2, 3.0000000000000004', () => {
    const s = survey({ columns: { id: new Float64Array([1, 2, 3.0000000000000004]), q: answers(3) }, id: 'id', items });
    expect(s.ids).toEqual(['1', '2', '3.0000000000000004']);
  });

  it('holds the ids it checked, when the caller\'s array answers differently on a later read', () => {
    // Each element answers its first three reads (is it a BigInt; is it a number; its value)
    // with the real id and later reads with 7, a repeat of the others: a survey reading the
    // column again would hold ids it never checked for repeats.
    const shifty = (values: number[]): number[] => {
      const out: number[] = new Array<number>(values.length);
      values.forEach((value, i) => {
        let reads = 0;
        Object.defineProperty(out, i, { get: () => (reads++ < 3 ? value : 7), enumerable: true });
      });
      return out;
    };
    for (const values of [
      [10, 12, 14],
      [10, 11, 12],
    ]) {
      const s = survey({ columns: { id: shifty(values), q: answers(3) }, id: 'id', items });
      expect(s.ids).toEqual(values.map(String));
    }
  });

  it('reports a missing (NaN) and a non-finite id by row, as for an array', () => {
    const result = safeSurvey({ columns: { id: new Float64Array([1, Number.NaN, Number.POSITIVE_INFINITY, 4]), q: answers(4) }, id: 'id', items });
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((i) => [i.kind, i.rows])).toEqual([
      ['bad-id', [2]],
      ['missing-id', [1]],
    ]);
  });

  it('keeps the first or last of repeated numeric ids, with the text of the id in duplicates', () => {
    const id = new Float64Array([3, 1, 3, 2, 1.5, 1.5]);
    const first = survey({ columns: { id, q: answers(6) }, id: 'id', items, duplicates: 'first' });
    expect(first.ids).toEqual(['3', '1', '2', '1.5']);
    expect(first.duplicates).toEqual([
      { id: '3', rows: [0, 2], kept: 0 },
      { id: '1.5', rows: [4, 5], kept: 4 },
    ]);
    const last = survey({ columns: { id, q: answers(6) }, id: 'id', items, duplicates: 'last' });
    expect(last.ids).toEqual(['1', '3', '2', '1.5']);
  });
});
