import { describe, expect, it } from 'vitest';
import { scales } from '../../src/index';
import { summaryQuery } from '../../src/sql/index';

const nasty = ['a"b', "'; DROP TABLE x; --", '__proto__', '😀', 'new\nline', 'back\\slash'];
const definition = {
  id: 'id',
  items: nasty.map((column, i) => ({ id: `q${i}`, column, scale: scales.daDegree4 })),
  attributes: { 'reg"ion': 'category' as const, population: 'number' as const },
  weight: "w'eight",
};

/** The identifier `name` in double quotes with `"` doubled. */
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

describe('summaryQuery', () => {
  it('double-quotes every column name with its quotes doubled and puts no other text of the definition in the SQL', () => {
    const sql = summaryQuery(definition, { dialect: 'postgres', table: 'answers' });
    for (const column of nasty) expect(sql).toContain(`CAST(${ident(column)} AS TEXT)`);
    expect(sql).toContain('CAST("reg""ion" AS TEXT) AS "a0"');
    expect(sql).toContain(`CAST("w'eight" AS DOUBLE PRECISION) AS "w"`);
    // Outside quoted identifiers, the only text literals are likertkit's own part names and the
    // empty text a blank id is compared with.
    const literals = [...sql.replace(/"(?:[^"]|"")*"/g, '""').matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(new Set(literals)).toEqual(new Set(['respondents', 'item', 'attribute', 'noid', 'duplicate', 'badweight', '']));
    // No backslash escape is relied on: a backslash in a name stays one character of the identifier.
    expect(sql).toContain('"back\\slash"');
  });

  it('writes one SELECT per part joined by UNION ALL, grouped by the raw values', () => {
    const sql = summaryQuery(
      { id: 'id', items: [{ id: 'a', scale: scales.daDegree4 }, { id: 'b', scale: scales.daDegree4 }], attributes: { region: 'category' } },
      { dialect: 'duckdb', table: 't', by: 'region', pairs: [['a', 'b']] },
    );
    const parts = sql.split('\nUNION ALL\n');
    expect(parts).toHaveLength(7); // respondents, 2 items, 1 attribute, 1 pair, noid, duplicate
    expect(parts[0]).toMatch(/^WITH "src" AS MATERIALIZED \(SELECT NULLIF\(TRIM\(CAST\("id" AS VARCHAR\)\), ''\) AS "id", CAST\("region" AS VARCHAR\) AS "g", CAST\(NULL AS DOUBLE PRECISION\) AS "w", CAST\("a" AS VARCHAR\) AS "c0", CAST\("b" AS VARCHAR\) AS "c1", CAST\("region" AS VARCHAR\) AS "a0" FROM "t"\)\nSELECT 'respondents'/);
    expect(parts[1]).toMatch(/GROUP BY "g", "c0"$/);
    expect(parts[2]).toMatch(/GROUP BY "g", "c1"$/);
    expect(parts[3]).toMatch(/GROUP BY "a0"$/);
    expect(parts[4]).toMatch(/WHERE "c0" IS NOT NULL AND "c1" IS NOT NULL GROUP BY "c0", "c1"$/);
    expect(parts[6]).toMatch(/HAVING COUNT\(\*\) > 1$/);
    // Unweighted: no SUM at all.
    expect(sql).not.toContain('SUM(');
  });

  it('uses TEXT for postgres and VARCHAR for duckdb and ansi, and sums the weight when there is one', () => {
    const def = { id: 'id', items: [{ id: 'a', scale: scales.daDegree4 }], weight: 'w' };
    expect(summaryQuery(def, { dialect: 'postgres', table: 't' })).toContain('CAST("a" AS TEXT)');
    expect(summaryQuery(def, { dialect: 'ansi', table: 't' })).toContain('CAST("a" AS VARCHAR)');
    const sql = summaryQuery(def, { dialect: 'duckdb', table: 't' });
    expect(sql).toContain('SUM("w") AS "w", SUM("w" * "w") AS "ww", MAX("w") AS "wm"');
    expect(sql).toContain(`SELECT 'badweight'`);
  });

  it('quotes a table name as one identifier, a qualified name part by part, and inserts raw SQL only from { sql }', () => {
    const def = { id: 'id', items: [{ id: 'a', scale: scales.daDegree4 }] };
    expect(summaryQuery(def, { dialect: 'ansi', table: 'my.table' })).toContain('FROM "my.table")');
    expect(summaryQuery(def, { dialect: 'ansi', table: ['s"x', "'; DROP TABLE x; --"] })).toContain(`FROM "s""x"."'; DROP TABLE x; --")`);
    expect(summaryQuery(def, { dialect: 'duckdb', table: { sql: "read_parquet('x.parquet')" } })).toContain("FROM read_parquet('x.parquet'))");
  });

  it('refuses a NUL character in a name, an unknown dialect, option or item, and a numeric by', () => {
    const def = { id: 'id', items: [{ id: 'a', scale: scales.daDegree4 }], attributes: { size: 'number' as const } };
    expect(() => summaryQuery({ ...def, items: [{ id: 'a', column: 'x\u0000', scale: scales.daDegree4 }] }, { dialect: 'ansi', table: 't' })).toThrow(
      'summaryQuery: the column of item "a" "x\\u0000" contains a NUL character',
    );
    expect(() => summaryQuery(def, { dialect: 'mysql', table: 't' } as never)).toThrow("summaryQuery: dialect must be 'duckdb', 'postgres' or 'ansi', got \"mysql\"");
    expect(() => summaryQuery(def, { dialect: 'ansi', table: 't', pair: [] } as never)).toThrow('summaryQuery: unknown option "pair"; did you mean "pairs"?');
    expect(() => summaryQuery(def, { dialect: 'ansi', table: 't', pairs: [['a', 'z']] })).toThrow('summaryQuery: pairs[0][1] is "z", not an item id of the definition');
    expect(() => summaryQuery(def, { dialect: 'ansi', table: 't', by: 'size' })).toThrow('summaryQuery: by "size" is a numeric attribute; group it by size groups instead');
    expect(() => summaryQuery(def, { dialect: 'ansi', table: 't', by: 'region' })).toThrow('summaryQuery: by "region" is not a categorical attribute');
  });

  it('groups a size attribute by its raw text, asks the engine for its type, and writes no cut point or label', () => {
    const def = { id: 'id', items: [{ id: 'a', scale: scales.daDegree4 }], attributes: { size: { column: 'Ind"byggere', kind: 'number' as const } } };
    const by = { attribute: 'size', breaks: [-2.5, 0.1, 1e21], labels: ["'x", 'y', 'z', 'w'] };
    const pg = summaryQuery(def, { dialect: 'postgres', table: 't', by });
    expect(pg).toContain(`CAST("Ind""byggere" AS TEXT) AS "g", CAST(pg_typeof("Ind""byggere") AS TEXT) AS "gt"`);
    expect(pg).toContain(`SELECT 'bytype' AS "part", CAST(NULL AS INTEGER) AS "k", CAST(NULL AS TEXT) AS "g", MIN("gt") AS "x"`);
    expect(summaryQuery(def, { dialect: 'duckdb', table: 't', by })).toContain(`CAST("Ind""byggere" AS VARCHAR) AS "g", typeof("Ind""byggere") AS "gt"`);
    // Standard SQL has no type function: the column is read as text.
    expect(summaryQuery(def, { dialect: 'ansi', table: 't', by })).toContain(`CAST("Ind""byggere" AS VARCHAR) AS "g", CAST(NULL AS VARCHAR) AS "gt"`);
    for (const text of ["'x", '2.5', '1e+21', 'CASE', 'DOUBLE PRECISION) <']) expect(pg).not.toContain(text);
    // A categorical by has no type row.
    expect(summaryQuery({ ...def, attributes: { r: 'category' as const } }, { dialect: 'postgres', table: 't', by: 'r' })).not.toContain("'bytype'");
  });

  it('refuses a median split, saying to pass its cut point as breaks, and breaks that are not increasing', () => {
    const def = { id: 'id', items: [{ id: 'a', scale: scales.daDegree4 }], attributes: { size: 'number' as const, region: 'category' as const } };
    expect(() => summaryQuery(def, { dialect: 'ansi', table: 't', by: { attribute: 'size', split: 'median' } })).toThrow(
      "summaryQuery: by { attribute: \"size\", split: 'median' } needs the median of the data, which the query does not compute; find the cut point first",
    );
    expect(() => summaryQuery(def, { dialect: 'ansi', table: 't', by: { attribute: 'size', breaks: [10, 5] } })).toThrow(
      'summaryQuery: by: breaks must be finite and strictly increasing; breaks[1] is 5',
    );
    expect(() => summaryQuery(def, { dialect: 'ansi', table: 't', by: { attribute: 'region', breaks: [10] } })).toThrow(
      'summaryQuery: by.attribute "region" is not a numeric attribute of the definition',
    );
  });

  it("reads pairs as summarize does: 'all', a repeated pair once, and no item paired with itself", () => {
    const def = { id: 'id', items: ['a', 'b', 'c'].map((id) => ({ id, scale: scales.daDegree4 })) };
    const pairParts = (pairs: never) => summaryQuery(def, { dialect: 'ansi', table: 't', pairs }).split('\nUNION ALL\n').filter((p) => p.startsWith("SELECT 'pair'"));
    expect(pairParts('all' as never).map((p) => /GROUP BY ("c\d"), ("c\d")$/.exec(p)!.slice(1).join(' '))).toEqual(['"c0" "c1"', '"c0" "c2"', '"c1" "c2"']);
    expect(pairParts([['a', 'b'], ['b', 'a']] as never)).toHaveLength(1);
    expect(() => summaryQuery(def, { dialect: 'ansi', table: 't', pairs: [['c', 'c']] })).toThrow('summaryQuery: pairs[0] pairs "c" with itself; drop it');
  });

  it('reports definition problems in survey()\'s words and refuses duplicates: first', () => {
    expect(() => summaryQuery({ id: 'id', items: [] }, { dialect: 'ansi', table: 't' })).toThrow('items must be a non-empty array');
    expect(() => summaryQuery({ id: 'id', items: [{ id: 'a', scale: scales.daDegree4, revers: true }] } as never, { dialect: 'ansi', table: 't' })).toThrow(
      'unknown key "revers" in items[0]; did you mean "reverse"?',
    );
    expect(() => summaryQuery({ id: 'id', items: [{ id: 'a', scale: scales.daDegree4 }], duplicates: 'first' }, { dialect: 'ansi', table: 't' })).toThrow(
      "summaryQuery: duplicates: 'first' needs the order of the rows",
    );
  });
});
