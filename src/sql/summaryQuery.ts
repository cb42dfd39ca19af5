import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type { SizeGrouping } from '../data/sizeGroups';
import { readPlan, type PlanBy, type SummaryDefinition, type SummaryPair } from './plan';
import { quoteIdentifier } from './quote';

/** The SQL dialects `summaryQuery` writes. */
export type SqlDialect = 'duckdb' | 'postgres' | 'ansi';

/**
 * The table the query reads: a table name (one identifier, quoted as it is, so `"my.table"` is
 * a table whose name holds a dot), a qualified name as its parts (`['schema', 'table']` →
 * `"schema"."table"`), or, only when asked for explicitly, raw SQL as the source, inserted
 * after `FROM` as it is: a table function (`{ sql: "read_parquet('survey.parquet')" }`) or a
 * parenthesised query with an alias (`{ sql: '(SELECT * FROM answers WHERE wave = 2) AS t' }`).
 */
export type SummaryTable = string | readonly string[] | { readonly sql: string };

/** Options of {@link summaryQuery}. */
export interface SummaryQueryOptions {
  /** `'duckdb'`, `'postgres'` or `'ansi'` (standard SQL with double-quoted names, for a warehouse or Trino). */
  readonly dialect: SqlDialect;
  /** The table or source to read; see {@link SummaryTable}. */
  readonly table: SummaryTable;
  /**
   * A categorical attribute to split the item tallies by, or size groups of a numeric
   * attribute with fixed cut points (`{ attribute: 'population', breaks: [50000, 100000] }`).
   * A median split is refused: pass its cut point as `breaks`.
   */
  readonly by?: string | SizeGrouping;
  /** Pairs of item ids whose joint counts are wanted, or `'all'` for every unordered pair (as `summarize`). */
  readonly pairs?: readonly SummaryPair[] | 'all';
}

/** The text type of each dialect (ANSI's `VARCHAR` is also Trino's and DuckDB's). */
const TEXT: Record<SqlDialect, string> = { duckdb: 'VARCHAR', postgres: 'TEXT', ansi: 'VARCHAR' };

/**
 * Writes the SQL that computes a survey summary inside an SQL engine: one query whose result
 * rows {@link summaryFromRows} turns into the `SurveySummary` that `summarize` gives in memory.
 *
 * The engine does the scanning and the counting; likertkit does the coding. Every column is
 * cast to text and grouped by its raw value: per item the cells per distinct answer (and per
 * group of `by`), per pair the cells per distinct pair of answers, per categorical attribute
 * the respondents per distinct value, with `SUM(w)`, `SUM(w * w)` and `MAX(w)` beside each count
 * when the definition has a weight. `summaryFromRows` then codes each distinct raw answer with likertkit's
 * own `likert` (the same normalisation, aliases, numeric codes, missing rule and unknown policy
 * as `survey()`) and adds the counts. Coding in SQL instead would mean rewriting
 * `normalizeLabel` (Unicode NFKC, JavaScript's white space, typographic quotes, invisible
 * characters) three times, in three dialects whose string functions differ; grouping by the
 * raw text is exact by construction and costs one result row per distinct spelling, which for
 * survey answers is a few dozen per item however many respondents there are.
 *
 * Result columns, in every dialect: `part` (`'respondents'`, `'item'`, `'attribute'`, `'pair'`,
 * `'noid'`, `'duplicate'`, `'badweight'`, and `'bytype'` for size groups), `k` (the item,
 * attribute or pair position), `g` (the raw `by` value), `x`, `y` (raw values; the type name in
 * the `'bytype'` row), `n` (a count), `w`, `ww` and `wm` (Σw, Σw² and the largest w, or NULL
 * when unweighted).
 *
 * With `by` as size groups (`{ attribute, breaks, labels? }`), the numeric attribute is not cut
 * in the engine: it is grouped by its raw value cast to text like a categorical one, and the query
 * also returns the engine's name of the column's type (DuckDB's `typeof`, PostgreSQL's
 * `pg_typeof`; not asked in `'ansi'`). `summaryFromRows` then reads each distinct value with
 * likertkit's own number parser, with the definition's `decimal` and `thousands`, exactly as
 * `survey()` reads that attribute (Danish `'104.305'` is 104305 under `thousands: '.'`, a column
 * that reads two ways under `'auto'` is refused), and assigns the groups with the half-open rule
 * of `sizeGroups` (breaks[k−1] <= v < breaks[k]). An engine's own cast would read `'1.234'` as
 * 1.234, fail on `'1.234,5'` and put NaN in the last group. The result has one row per distinct
 * value of the attribute and answer of each item: a municipality population has about a hundred
 * distinct values, which is cheap, but a continuous attribute with many thousands of distinct
 * values (an income in kroner) multiplies the rows by that many; floor it in a view to a step
 * that divides every break (`FLOOR(income / 1000) * 1000`), or cut it there into a categorical
 * column and pass that as `by`. In `'ansi'`, where the type is not known, a column the warehouse
 * holds as a number is read as text with a decimal point: give it `decimal: '.'` (or `'auto'`).
 * A median split needs the data's median and is refused: compute it first and pass it as
 * `breaks: [median]`.
 *
 * Names are always quoted: identifiers in double quotes with `"` doubled, and no label or other
 * text of the definition is ever written into the SQL. The weight is cast to `DOUBLE PRECISION`,
 * so it must be a numeric column (or text the engine reads as a number).
 *
 * Respondent ids are checked as the engine holds them: NULL is a missing id, equal text a
 * repeated one (ids that differ only in surrounding white space or Unicode form are not found
 * repeated, as `survey()` would find them). `duplicates: 'first'` or `'last'` need a row order
 * that a table does not have and are refused.
 *
 * @param definition - what `survey()` takes, without the data
 * @param options - `dialect`, `table`, `by` and `pairs`; see {@link SummaryQueryOptions}
 * @returns the SQL text of one query
 * @throws TypeError when the definition has a problem (in `survey()`'s words), an option has
 *   the wrong type or is unknown, `by` is a median split, or the definition asks for
 *   `duplicates: 'first' | 'last'`
 * @throws RangeError when `by` is not a categorical attribute nor size groups of a numeric one,
 *   its breaks are not finite and increasing, a pair names an unknown item, or an item is
 *   paired with itself
 * @example
 * ```ts
 * const sql = summaryQuery(
 *   { id: 'kode', items: [{ id: 'q1', scale: scales.daDegree4 }], attributes: { region: 'category' } },
 *   { dialect: 'postgres', table: ['public', 'answers'], by: 'region' },
 * );
 * // WITH "src" AS (SELECT CAST("kode" AS TEXT) AS "id", CAST("region" AS TEXT) AS "g", … FROM "public"."answers") SELECT …
 * ```
 * @see {@link summaryFromRows}
 */
export function summaryQuery(definition: SummaryDefinition, options: SummaryQueryOptions): string {
  const fn = 'summaryQuery';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object { dialect, table, by?, pairs? }, got ${describeValue(options)}`);
  }
  checkOptionKeys(fn, options, optionKeys<SummaryQueryOptions>({ dialect: true, table: true, by: true, pairs: true }));
  const { dialect, table } = options;
  if (dialect !== 'duckdb' && dialect !== 'postgres' && dialect !== 'ansi') {
    throw new TypeError(`${fn}: dialect must be 'duckdb', 'postgres' or 'ansi', got ${describeValue(dialect)}`);
  }
  const plan = readPlan(fn, definition, options.by, options.pairs);
  const text = TEXT[dialect];
  const from = tableSql(fn, table);
  const q = (name: string, role: string): string => quoteIdentifier(fn, name, role);
  const asText = (column: string, role: string): string => `CAST(${q(column, role)} AS ${text})`;
  const nullText = `CAST(NULL AS ${text})`;
  const nullNumber = 'CAST(NULL AS DOUBLE PRECISION)';

  // The source: every column read once, cast, under a name of likertkit's own.
  // An id that is blank (or only spaces) is a missing id, and ids compare trimmed, as in survey().
  const select: string[] = [`NULLIF(TRIM(${asText(plan.idColumn, 'the id column')}), '') AS "id"`];
  select.push(`${plan.by === null ? nullText : asText(plan.by.column, `the column of by "${plan.by.name}"`)} AS "g"`);
  const sized = plan.by !== null && plan.by.kind === 'size';
  if (sized) select.push(`${typeSql(dialect, q((plan.by as PlanBy).column, `the column of by "${(plan.by as PlanBy).name}"`), text, nullText)} AS "gt"`);
  select.push(`${plan.weight === null ? nullNumber : `CAST(${q(plan.weight, 'the weight column')} AS DOUBLE PRECISION)`} AS "w"`);
  plan.items.forEach((item, i) => select.push(`${asText(item.column ?? item.id, `the column of item "${item.id}"`)} AS "c${i}"`));
  plan.attributes.forEach((a, i) => select.push(`${asText(a.column, `the column of attribute "${a.name}"`)} AS "a${i}"`));

  const noSums = `${nullNumber} AS "w", ${nullNumber} AS "ww", ${nullNumber} AS "wm"`;
  const sums = plan.weight === null ? noSums : `SUM("w") AS "w", SUM("w" * "w") AS "ww", MAX("w") AS "wm"`;
  const row = (part: string, k: number | null, g: string, x: string, y: string, n: string, weighted: string): string =>
    `SELECT '${part}' AS "part", ${k === null ? 'CAST(NULL AS INTEGER)' : `CAST(${k} AS INTEGER)`} AS "k", ${g} AS "g", ${x} AS "x", ${y} AS "y", ${n} AS "n", ${weighted} FROM "src"`;
  const count = 'COUNT(*)';
  const parts: string[] = [
    `${row('respondents', null, '"g"', nullText, nullText, count, sums)} GROUP BY "g"`,
    ...plan.items.map((_, i) => `${row('item', i, '"g"', `"c${i}"`, nullText, count, sums)} GROUP BY "g", "c${i}"`),
    ...plan.attributes.map((_, i) => `${row('attribute', i, nullText, `"a${i}"`, nullText, count, sums)} GROUP BY "a${i}"`),
    ...plan.pairs.map(
      ([x, y], p) =>
        `${row('pair', p, nullText, `"c${x}"`, `"c${y}"`, count, noSums)} WHERE "c${x}" IS NOT NULL AND "c${y}" IS NOT NULL GROUP BY "c${x}", "c${y}"`,
    ),
    row('noid', null, nullText, nullText, nullText, 'COUNT(*) - COUNT("id")', noSums),
    `${row('duplicate', null, nullText, '"id"', nullText, count, noSums)} WHERE "id" IS NOT NULL GROUP BY "id" HAVING COUNT(*) > 1`,
  ];
  // The engine's type of the size attribute: a number column reaches survey() as numbers, a text one as text.
  if (sized) parts.push(row('bytype', null, nullText, 'MIN("gt")', nullText, 'COUNT(*)', noSums));
  if (plan.weight !== null) {
    // A weight must be a finite number >= 0. NaN passes `>= 0` in DuckDB and PostgreSQL (both
    // order NaN above every number), so the upper bound is what keeps NaN and ±Infinity out.
    parts.push(row('badweight', null, nullText, nullText, nullText, 'COUNT(*) - COUNT(CASE WHEN "w" >= 0 AND "w" <= 1.7976931348623157e308 THEN 1 END)', noSums));
  }
  // DuckDB would otherwise inline the source into every part and scan a CSV file once per part;
  // PostgreSQL materialises a CTE used more than once by itself, and ANSI SQL has no such hint.
  const materialized = dialect === 'duckdb' ? ' MATERIALIZED' : '';
  return `WITH "src" AS${materialized} (SELECT ${select.join(', ')} FROM ${from})\n${parts.join('\nUNION ALL\n')}`;
}

/**
 * The engine's name of a column's type, as text: DuckDB's `typeof` (`'VARCHAR'`, `'DOUBLE'`,
 * `'DECIMAL(18,3)'`, …), PostgreSQL's `pg_typeof` (`'text'`, `'integer'`, `'double
 * precision'`, …); standard SQL has no such function, so `'ansi'` gives NULL and the column is
 * read as text.
 */
function typeSql(dialect: SqlDialect, column: string, text: string, nullText: string): string {
  if (dialect === 'duckdb') return `typeof(${column})`;
  if (dialect === 'postgres') return `CAST(pg_typeof(${column}) AS ${text})`;
  return nullText;
}

/** The FROM clause of a {@link SummaryTable}. */
export function tableSql(fn: string, table: unknown): string {
  if (typeof table === 'string') return quoteIdentifier(fn, table, 'table');
  if (Array.isArray(table)) {
    if (table.length === 0) throw new TypeError(`${fn}: table as name parts needs at least one part, e.g. ['schema', 'table']`);
    return table.map((part: unknown, i) => {
      if (typeof part !== 'string') throw new TypeError(`${fn}: table[${i}] must be a string, got ${describeValue(part)}`);
      return quoteIdentifier(fn, part, `table[${i}]`);
    }).join('.');
  }
  if (table !== null && typeof table === 'object') {
    checkOptionKeys(fn, table, ['sql']);
    const sql = (table as { sql?: unknown }).sql;
    if (typeof sql !== 'string' || sql.trim() === '') {
      throw new TypeError(`${fn}: table { sql } must hold the SQL of a source, e.g. { sql: "read_parquet('survey.parquet')" }, got ${describeValue(sql)}`);
    }
    return sql;
  }
  throw new TypeError(`${fn}: table must be a table name, its parts ['schema', 'table'] or { sql }, got ${describeValue(table)}`);
}
