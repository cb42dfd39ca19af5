import { describe, expect, it } from 'vitest';
import { isMissingValue, sourceFromColumns, sourceFromRows, sourceFromTable } from '../../src/data/source';

function* generate(rows: Record<string, unknown>[]): Generator<Record<string, unknown>> {
  yield* rows;
}

describe('reading rows', () => {
  const rows = [
    { id: 1, a: 'x', b: undefined },
    { id: 2, a: 'y' },
  ];

  for (const [kind, make] of [
    ['an array', () => rows],
    ['any other iterable (a generator)', () => generate(rows)],
  ] as const) {
    it(`reads the wanted columns from ${kind}`, () => {
      const source = sourceFromRows('t', make(), ['id', 'a', 'b', 'zz']);
      expect(source.length).toBe(2);
      expect(Array.from(source.column('id')!)).toEqual([1, 2]);
      expect(Array.from(source.column('a')!)).toEqual(['x', 'y']);
      // "b" exists (as a key) although every value is undefined; "zz" does not exist at all.
      expect(source.column('b')).toBeDefined();
      expect(source.column('zz')).toBeUndefined();
      expect(source.names).toEqual(expect.arrayContaining(['id', 'a', 'b']));
      expect(source.names).not.toContain('zz');
    });

    it(`rejects a row that is not an object in ${kind}, naming its position`, () => {
      const bad = [{ id: 1 }, 7 as unknown as Record<string, unknown>];
      const input = kind === 'an array' ? bad : generate(bad);
      expect(() => sourceFromRows('t', input, ['id'])).toThrow(/^t: row 1 is 7, not an object/);
    });
  }

  it('rejects rows that are not iterable', () => {
    expect(() => sourceFromRows('t', 5 as never, ['id'])).toThrow(/^t: rows must be an iterable of plain objects/);
  });
});

describe('reading columns', () => {
  it('rejects a column that is not an array', () => {
    expect(() => sourceFromColumns('t', { a: 5 as never })).toThrow(/^t: column "a" must be an array or typed array, got 5/);
    expect(() => sourceFromColumns('t', null as never)).toThrow(/^t: columns must be an object of arrays/);
  });

  it('has length 0 without columns', () => {
    expect(sourceFromColumns('t', {}).length).toBe(0);
  });
});

describe('reading an Arrow-like table', () => {
  it('rejects an object without numRows and getChild', () => {
    expect(() => sourceFromTable('t', { numRows: 1 } as never)).toThrow(/^t: table must be Arrow-like/);
  });

  it('reads each column once and caches it', () => {
    let reads = 0;
    const table = {
      numRows: 2,
      getChild: (name: string) => {
        reads++;
        return name === 'a' ? { get: (i: number) => i * 10 } : null;
      },
    };
    const source = sourceFromTable('t', table);
    expect(Array.from(source.column('a')!)).toEqual([0, 10]);
    source.column('a');
    expect(source.column('b')).toBeUndefined();
    expect(reads).toBe(2);
    expect(source.names).toEqual([]);
  });
});

describe('isMissingValue', () => {
  it('treats null, undefined, NaN, empty and white-space text as missing, and nothing else', () => {
    for (const v of [null, undefined, NaN, '', '  \t']) expect(isMissingValue(v)).toBe(true);
    for (const v of [0, 'x', false, {}, ' 0 ']) expect(isMissingValue(v)).toBe(false);
  });
});
