import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiSelect } from '../../src/describe/multiSelect';
import { mergeInformants, type InformantSource } from '../../src/describe/mergeInformants';

describe('mergeInformants', () => {
  const leader = Object.freeze({
    ids: Object.freeze(['101', '147', '151']),
    input: Object.freeze({ Sparring: ['x', '', null], Kurser: ['', '', null] }),
  });
  const caseworker = Object.freeze({
    ids: Object.freeze(['151', '101', '153']),
    input: Object.freeze({ Kurser: ['x', 'x', 0], Sparring: [null, '', 'x'] }),
  });

  it('ticks an option when either informant ticked it', () => {
    const m = mergeInformants(leader, caseworker);
    expect(m.ids).toEqual(['101', '147', '151', '153']);
    expect(m.input).toEqual({
      Sparring: [true, null, null, true],
      Kurser: [true, null, true, false],
    });
  });

  it('is missing only where both informants are missing', () => {
    const m = mergeInformants(
      { ids: [1], input: { A: [null], B: [0] } },
      { ids: [1], input: { A: [null], B: [null] } },
    );
    expect(m.input).toEqual({ A: [null], B: [false] });
  });

  it('passes ids found in one source through and counts the overlap', () => {
    const m = mergeInformants(leader, caseworker);
    expect({ merged: m.merged, onlyA: m.onlyA, onlyB: m.onlyB }).toEqual({ merged: 2, onlyA: 1, onlyB: 1 });
    expect(m.method).toBe('any-informant');
  });

  it('gives an input multiSelect reads with its defaults', () => {
    const r = multiSelect(mergeInformants(leader, caseworker).input);
    expect(r.n).toEqual({ total: 4, answered: 3, missing: 1 });
    expect(r.options.map((o) => o.count)).toEqual([2, 2]);
  });

  it('merges separated text inputs too', () => {
    const m = mergeInformants(
      { ids: ['a'], input: { column: ['Sparring'], separator: ';' } },
      { ids: ['a'], input: { column: ['Kurser'], separator: ';' } },
      { options: ['Sparring', 'Kurser', 'Netværk'] },
    );
    expect(m.input).toEqual({ Sparring: [true], Kurser: [true], Netværk: [false] });
  });

  it('handles two empty sources', () => {
    const m = mergeInformants({ ids: [], input: { A: [] } }, { ids: [], input: { A: [] } });
    expect(m).toEqual({ input: { A: [] }, ids: [], merged: 0, onlyA: 0, onlyB: 0, method: 'any-informant' });
  });

  it('rejects duplicate ids, listing them with their rows', () => {
    expect(() => mergeInformants({ ids: ['1', '2', '1'], input: { A: [1, 1, 1] } }, { ids: [], input: { A: [] } })).toThrow(
      /^mergeInformants: a.ids must be unique, but 1 id occurs more than once: "1" \(rows 0, 2\)/,
    );
  });

  it('rejects ids that do not match the rows', () => {
    expect(() => mergeInformants({ ids: ['1'], input: { A: [1, 1] } }, { ids: [], input: { A: [] } })).toThrow(
      /^mergeInformants: a.ids has 1 ids but a.input has 2 rows/,
    );
  });

  it('rejects sources with different options, naming the source', () => {
    expect(() => mergeInformants({ ids: [1], input: { A: [1] } }, { ids: [1], input: { B: [1] } })).toThrow(
      /^mergeInformants \(a\): the option columns do not match the options \(no column for "B"\)/,
    );
  });
});

/** A random source over options A, B, C with unique ids drawn from 0…14. */
const sourceArb: fc.Arbitrary<InformantSource> = fc
  .uniqueArray(fc.integer({ min: 0, max: 14 }), { maxLength: 15 })
  .chain((ids) =>
    fc
      .tuple(
        ...['A', 'B', 'C'].map(() =>
          fc.array(fc.constantFrom(1, 0, null), { minLength: ids.length, maxLength: ids.length }),
        ),
      )
      .map(([a = [], b = [], c = []]) => ({ ids, input: { A: a, B: b, C: c } })),
  );

/** Per id, per option: true/false/null, for order-independent comparison. */
function byId(result: ReturnType<typeof mergeInformants>): Map<string | number, (boolean | null)[]> {
  const map = new Map<string | number, (boolean | null)[]>();
  result.ids.forEach((id, r) => map.set(id, Object.values(result.input).map((col) => col[r] as boolean | null)));
  return map;
}

/** Ticks of each option among the given ids in a source. */
function ticksOn(source: InformantSource, ids: Set<string | number>): number[] {
  const input = source.input as Record<string, ArrayLike<unknown>>;
  return ['A', 'B', 'C'].map((option) => {
    let count = 0;
    for (let i = 0; i < source.ids.length; i++) {
      if (ids.has(source.ids[i] as number) && input[option]?.[i] === 1) count++;
    }
    return count;
  });
}

describe('mergeInformants properties', () => {
  it('on shared ids, each merged count lies between the larger source count and their sum', () => {
    fc.assert(
      fc.property(sourceArb, sourceArb, (a, b) => {
        const m = mergeInformants(a, b);
        const idsB = new Set(Array.from(b.ids));
        const shared = new Set(Array.from(a.ids).filter((id) => idsB.has(id)));
        const countA = ticksOn(a, shared);
        const countB = ticksOn(b, shared);
        const merged = byId(m);
        return ['A', 'B', 'C'].every((_, j) => {
          let count = 0;
          for (const id of shared) if (merged.get(id)?.[j] === true) count++;
          const lo = Math.max(countA[j] as number, countB[j] as number);
          return count >= lo && count <= (countA[j] as number) + (countB[j] as number);
        });
      }),
    );
  });

  it('merging a source with itself is the identity', () => {
    fc.assert(
      fc.property(sourceArb, (a) => {
        const self = mergeInformants(a, a);
        const alone = mergeInformants(a, { ids: [], input: { A: [], B: [], C: [] } });
        const input = a.input as Record<string, (number | null)[]>;
        const expected = Object.fromEntries(
          Object.entries(input).map(([k, col]) => [k, col.map((v) => (v === null ? null : v === 1))]),
        );
        return (
          JSON.stringify(self.input) === JSON.stringify(expected) &&
          JSON.stringify(self.ids) === JSON.stringify(Array.from(a.ids)) &&
          JSON.stringify(alone.input) === JSON.stringify(expected) &&
          self.merged === a.ids.length
        );
      }),
    );
  });

  it('merging is commutative (per id)', () => {
    fc.assert(
      fc.property(sourceArb, sourceArb, (a, b) => {
        const ab = mergeInformants(a, b);
        const ba = mergeInformants(b, a);
        const x = byId(ab);
        const y = byId(ba);
        if (x.size !== y.size || ab.merged !== ba.merged || ab.onlyA !== ba.onlyB) return false;
        for (const [id, row] of x) if (JSON.stringify(row) !== JSON.stringify(y.get(id))) return false;
        return true;
      }),
    );
  });
});
