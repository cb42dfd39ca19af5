import type { Survey } from '../data/surveyObject';
import { categoryKey } from '../data/keys';
import { INVALID, MISSING } from '../data/types';
import { chiSquareIndependence, type ChiSquareIndependenceResult } from '../inference/chiSquareIndependence';
import { fisherExact, type FisherExactResult } from '../inference/fisherExact';
import { raoScottTest, type RaoScottTestResult } from '../inference/raoScott';
import { columnDesign } from '../data/design';
import { assertOneOf, checkOptionKeys, describeValue, optionKeys } from '../internal/validate';

/** Options of {@link crosstab}. */
export interface CrosstabOptions {
  /**
   * Which answers of an item enter the shares and the test: `'substantive'` (default: the
   * scale's levels; "ved ikke" / "ikke relevant" are counted and shown but left out) or
   * `'answered'` (the non-substantive answers as categories of their own). Missing and invalid
   * cells are always shown and always left out.
   */
  include?: 'substantive' | 'answered';
  /**
   * The categories of a nominal (categorical attribute) row variable, in display order. Every
   * value must be listed; default: the categories in order of first appearance.
   */
  rowLevels?: readonly string[];
  /** The same for the column variable. */
  columnLevels?: readonly string[];
  /**
   * Yates' continuity correction of a 2 × 2 chi-square test; default `true`, as R's
   * `chisq.test`.
   */
  correct?: boolean;
  /**
   * Fisher's exact test: `'auto'` (default) when an expected count is below 5 (Cochran's rule),
   * `true` always, `false` never. An r × c table with more than `maxTables` tables with its
   * margins is not tested exactly (`fisherSkipped` says so).
   */
  exact?: 'auto' | boolean;
  /** Passed to `fisherExact`; default 1 000 000. */
  maxTables?: number;
}

/** One category of a crosstab's row or column variable. */
export interface CrosstabLevel {
  /** The label (an item's scale label or an attribute's category); `null` for missing cells. */
  label: string | null;
  /**
   * `'level'` (a substantive level or a nominal category), `'nonSubstantive'` ("ved ikke"),
   * `'invalid'` (an unknown label kept as invalid) or `'missing'` (an empty cell).
   */
  kind: 'level' | 'nonSubstantive' | 'invalid' | 'missing';
  /** Whether the category enters the shares and the test. */
  analysed: boolean;
}

/** Result of {@link crosstab}: plain, JSON-serialisable data. */
export interface CrosstabResult {
  /** The row variable: its name and whether it is a Likert item or a categorical attribute. */
  row: { name: string; source: 'item' | 'attribute' };
  column: { name: string; source: 'item' | 'attribute' };
  /** Every category of the row variable, missing ones last (as R's `table(useNA = "ifany")`). */
  rowLevels: CrosstabLevel[];
  columnLevels: CrosstabLevel[];
  /** Counts of every respondent, `counts[i][j]` for rowLevels[i] × columnLevels[j]. */
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  n: {
    /** Every respondent of the survey: the sum of `counts`. */
    total: number;
    /** Respondents in an analysed row and an analysed column: the sum of `table`. */
    analysed: number;
    /** total − analysed. */
    excluded: number;
  };
  /** The analysed part of `counts` (analysed rows × analysed columns). */
  table: number[][];
  /** `table[i][j]` / its row total; `NaN` in a row with a total of 0. */
  rowShares: number[][];
  /** `table[i][j]` / its column total; `NaN` in a column with a total of 0. */
  columnShares: number[][];
  /**
   * Chi-square test of independence of `table` without its empty rows and columns; `null`
   * (with `reason`) when fewer than 2 × 2 remain or the survey is weighted.
   */
  chiSquare: ChiSquareIndependenceResult | null;
  /** Fisher's exact test of the same table, when asked for or when `exact: 'auto'` chose it. */
  fisher: FisherExactResult | null;
  /**
   * On a weighted survey: the design-based test of independence of the analysed table (Rao–Scott
   * second-order F, as `survey::svychisq(~row + column, design)`, with the first-order X² beside
   * it), on the survey's design, a filtered survey as R's `subset()`; `null` on an unweighted one.
   */
  raoScott: RaoScottTestResult | null;
  /**
   * On a weighted survey: the analysed table of summed weights (`svytable(~row + column,
   * design)`) and its row and column shares (`prop.table(tab, 1)`, `prop.table(tab, 2)`), which
   * estimate the population's shares; `counts`, `table` and the unweighted shares stay the
   * respondents'. `null` on an unweighted survey.
   */
  weighted: { table: number[][]; rowTotals: number[]; columnTotals: number[]; total: number; rowShares: number[][]; columnShares: number[][] } | null;
  /** Why `fisher` is null although `exact` asked for it (too many tables to enumerate). */
  fisherSkipped?: string;
  method: 'crosstab';
  /** Why the tests are null, when they are. */
  reason?: string;
}

interface Variable {
  readonly name: string;
  readonly source: 'item' | 'attribute';
  readonly levels: CrosstabLevel[];
  /** The level index of each respondent. */
  readonly index: Int32Array;
}

/**
 * A crosstab of two variables of a survey, each a Likert item or a nominal (categorical)
 * attribute: counts of every respondent, row and column shares, and the chi-square (and, for
 * small tables, Fisher's exact) test of independence.
 *
 * Every respondent is in exactly one cell: an item's categories are its scale levels, then its
 * non-substantive answers, then "invalid" and "missing" when they occur; an attribute's are its
 * categories (in `rowLevels` / `columnLevels` order when given), then "missing" when it occurs,
 * as R's `table(x, y, useNA = "ifany")` shows them. Shares and tests read the analysed part:
 * substantive levels (or every answer with `include: 'answered'`) and every category of an
 * attribute. Nominal attributes are never treated as ordered: there is no mean, only counts.
 *
 * Shares: row share n_ij / n_i· and column share n_ij / n_·j. Test: Pearson's
 * X² = Σ (|O − E| − c)² / E with E = n_i· n_·j / n, c Yates' correction for 2 × 2 (default, as
 * `chisq.test`), on the analysed table without its empty rows and columns; Fisher's exact test
 * as `fisher.test` when an expected count is below 5 (or when asked).
 *
 * Weighted surveys: the counts are respondents; the unweighted tests are left out (they would
 * mislead) and `raoScott` holds the design-based test (Rao–Scott, as `svychisq`) on the survey's
 * design.
 *
 * @param s - a survey
 * @param rowVariable - an item id or a categorical attribute
 * @param columnVariable - an item id or a categorical attribute
 * @param options - `include`, `rowLevels`, `columnLevels`, `correct`, `exact`, `maxTables`
 * @returns the crosstab; `chiSquare` is null with a `reason` when fewer than 2 analysed rows or
 *   columns hold respondents
 * @throws RangeError for an unknown variable, a numeric attribute (group it first, e.g. with
 *   `sizeGroups` or `recode`), a category missing from `rowLevels`/`columnLevels`, or a bad option
 * @example
 * ```ts
 * // 40 respondents: role Leder / Medarbejder × yes Ja / Nej, no missing answers
 * const t = crosstab(s, 'role', 'yes');
 * t.counts;       // [[12, 5], [7, 16]]
 * t.rowShares;    // [[0.7058823529411765, 0.29411764705882354], [0.30434782608695654, 0.6956521739130435]]
 * t.chiSquare.p;  // 0.02825752852636129 (Yates, as chisq.test(matrix(c(12, 7, 5, 16), 2)))
 * t.fisher;       // null: every expected count is 5 or more
 * ```
 * @see R `table(x, y, useNA = "ifany")`, `prop.table(tab, 1)`, `chisq.test(tab)`,
 *   `fisher.test(tab)`
 */
export function crosstab(
  s: Survey,
  rowVariable: string,
  columnVariable: string,
  options: CrosstabOptions = {},
): CrosstabResult {
  const fn = 'crosstab';
  checkOptionKeys(
    fn,
    options,
    optionKeys<CrosstabOptions>({ include: true, rowLevels: true, columnLevels: true, correct: true, exact: true, maxTables: true }),
  );
  const { include = 'substantive', correct = true, exact = 'auto', maxTables = 1_000_000 } = options;
  assertOneOf(fn, include, ['substantive', 'answered'], 'include');
  if (typeof correct !== 'boolean') throw new TypeError(`${fn}: correct must be true or false, got ${describeValue(correct)}`);
  if (exact !== 'auto' && typeof exact !== 'boolean') {
    throw new TypeError(`${fn}: exact must be 'auto', true or false, got ${describeValue(exact)}`);
  }
  const row = readVariable(fn, s, rowVariable, include, options.rowLevels, 'rowLevels');
  const column = readVariable(fn, s, columnVariable, include, options.columnLevels, 'columnLevels');

  const r = row.levels.length;
  const c = column.levels.length;
  const counts = Array.from({ length: r }, () => new Array<number>(c).fill(0));
  for (let k = 0; k < s.size; k++) {
    const line = counts[row.index[k] as number] as number[];
    const j = column.index[k] as number;
    line[j] = (line[j] as number) + 1;
  }
  const rowTotals = counts.map((line) => line.reduce((a, b) => a + b, 0));
  const columnTotals = column.levels.map((_, j) => counts.reduce((a, line) => a + (line[j] as number), 0));
  const analysedRows = row.levels.flatMap((level, i) => (level.analysed ? [i] : []));
  const analysedColumns = column.levels.flatMap((level, j) => (level.analysed ? [j] : []));
  const table = analysedRows.map((i) => analysedColumns.map((j) => (counts[i] as number[])[j] as number));
  const tableRowTotals = table.map((line) => line.reduce((a, b) => a + b, 0));
  const tableColumnTotals = analysedColumns.map((_, j) => table.reduce((a, line) => a + (line[j] as number), 0));
  const analysed = tableRowTotals.reduce((a, b) => a + b, 0);
  const rowShares = table.map((line, i) => line.map((count) => count / (tableRowTotals[i] as number)));
  const columnShares = table.map((line) => line.map((count, j) => count / (tableColumnTotals[j] as number)));

  const result: CrosstabResult = {
    row: { name: row.name, source: row.source },
    column: { name: column.name, source: column.source },
    rowLevels: row.levels,
    columnLevels: column.levels,
    counts,
    rowTotals,
    columnTotals,
    n: { total: s.size, analysed, excluded: s.size - analysed },
    table,
    rowShares,
    columnShares,
    chiSquare: null,
    fisher: null,
    raoScott: null,
    weighted: null,
    method: 'crosstab',
  };

  // A weighted survey: the design-based test (svychisq) on the analysed cells, each respondent
  // placed at its unit of the survey's design, the units outside a filter left in the design.
  if (s.weights !== null) {
    result.weighted = weightedTable(row, column, analysedRows, analysedColumns, s.weights);
    const first = s.items[0];
    const design = first === undefined ? undefined : columnDesign(s.item(first.id));
    const units = design?.info.n ?? s.size;
    const unit = design?.unit ?? null;
    const a = new Array<number | null>(units).fill(null);
    const b = new Array<number | null>(units).fill(null);
    const domain = new Uint8Array(units);
    for (let k = 0; k < s.size; k++) {
      const u = unit === null ? k : (unit[k] as number);
      domain[u] = 1;
      const i = row.index[k] as number;
      const j = column.index[k] as number;
      if ((row.levels[i] as CrosstabLevel).analysed && (column.levels[j] as CrosstabLevel).analysed) {
        a[u] = i;
        b[u] = j;
      }
    }
    result.raoScott = raoScottTest(a, b, design?.weights ?? s.weights, design === undefined ? {} : { design: design.info, domain });
    if (result.raoScott.reason !== undefined) result.reason = result.raoScott.reason;
    return result;
  }
  // The test table: analysed rows and columns that hold respondents (R: chisq.test of
  // tab[rowSums(tab) > 0, colSums(tab) > 0]).
  const testRows = table.flatMap((_, i) => ((tableRowTotals[i] as number) > 0 ? [i] : []));
  const testColumns = tableColumnTotals.flatMap((total, j) => (total > 0 ? [j] : []));
  if (testRows.length < 2 || testColumns.length < 2) {
    result.reason = `a test of independence needs at least 2 rows and 2 columns with respondents, got ${testRows.length} × ${testColumns.length}`;
    return result;
  }
  const testTable = testRows.map((i) => testColumns.map((j) => (table[i] as number[])[j] as number));
  const chiSquare = chiSquareIndependence(testTable, { correct });
  result.chiSquare = chiSquare;
  if (exact === true || (exact === 'auto' && chiSquare.minExpected < 5)) {
    try {
      result.fisher = fisherExact(testTable, { maxTables });
    } catch (error) {
      if (!(error instanceof RangeError) || !error.message.startsWith('fisherExact: more than')) throw error;
      result.fisherSkipped = error.message;
    }
  }
  return result;
}

/** The analysed cells' summed weights and their shares by row and by column (NaN in a row or column whose weights sum to 0). */
function weightedTable(row: Variable, column: Variable, rows: readonly number[], columns: readonly number[], weights: ArrayLike<number>): NonNullable<CrosstabResult['weighted']> {
  const rowAt = new Int32Array(row.levels.length).fill(-1);
  rows.forEach((i, a) => (rowAt[i] = a));
  const columnAt = new Int32Array(column.levels.length).fill(-1);
  columns.forEach((j, b) => (columnAt[j] = b));
  const table = rows.map(() => new Array<number>(columns.length).fill(0));
  for (let k = 0; k < row.index.length; k++) {
    const a = rowAt[row.index[k] as number] as number;
    const b = columnAt[column.index[k] as number] as number;
    if (a >= 0 && b >= 0) (table[a] as number[])[b]! += weights[k] as number;
  }
  const rowTotals = table.map((line) => line.reduce((x, y) => x + y, 0));
  const columnTotals = columns.map((_, b) => table.reduce((x, line) => x + (line[b] as number), 0));
  return {
    table,
    rowTotals,
    columnTotals,
    total: rowTotals.reduce((x, y) => x + y, 0),
    rowShares: table.map((line, a) => line.map((v) => v / (rowTotals[a] as number))),
    columnShares: table.map((line) => line.map((v, b) => v / (columnTotals[b] as number))),
  };
}

function readVariable(
  fn: string,
  s: Survey,
  name: string,
  include: 'substantive' | 'answered',
  levelsOption: readonly string[] | undefined,
  optionName: string,
): Variable {
  if (typeof name !== 'string') throw new TypeError(`${fn}: a variable must be named by a string, got ${describeValue(name)}`);
  const item = s.items.find((candidate) => candidate.id === name);
  if (item !== undefined) {
    if (levelsOption !== undefined) {
      throw new RangeError(`${fn}: ${optionName} orders a categorical attribute; "${name}" is an item, whose levels are its scale's`);
    }
    const scale = item.scale;
    const codes = s.item(name).codes;
    const levels: CrosstabLevel[] = [
      ...scale.levels.map((label): CrosstabLevel => ({ label, kind: 'level', analysed: true })),
      ...scale.nonSubstantive.map((label): CrosstabLevel => ({ label, kind: 'nonSubstantive', analysed: include === 'answered' })),
    ];
    let invalid = -1;
    let missing = -1;
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] === INVALID && invalid < 0) invalid = 0;
      if (codes[i] === MISSING && missing < 0) missing = 0;
    }
    if (invalid === 0) invalid = levels.push({ label: 'invalid', kind: 'invalid', analysed: false }) - 1;
    if (missing === 0) missing = levels.push({ label: null, kind: 'missing', analysed: false }) - 1;
    const index = new Int32Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      index[i] = code === MISSING ? missing : code === INVALID ? invalid : code;
    }
    return { name, source: 'item', levels, index };
  }
  const kind = s.attributes[name];
  if (kind === undefined) {
    const known = [...s.items.map((candidate) => candidate.id), ...Object.keys(s.attributes)];
    throw new RangeError(`${fn}: "${name}" is neither an item nor an attribute of the survey; use one of ${known.map((k) => `"${k}"`).join(', ')}`);
  }
  if (kind === 'number') {
    throw new RangeError(`${fn}: "${name}" is a numeric attribute; group it into categories first (e.g. sizeGroups, or a categorical attribute of its own)`);
  }
  const values = s.category(name);
  const order: string[] = [];
  const position = new Map<string, number>();
  if (levelsOption !== undefined) {
    if (!Array.isArray(levelsOption)) throw new TypeError(`${fn}: ${optionName} must be an array of categories, got ${describeValue(levelsOption)}`);
    levelsOption.forEach((value, i) => {
      const key = typeof value === 'string' ? categoryKey(value) : null;
      if (key === null || position.has(key)) {
        throw new RangeError(`${fn}: ${optionName}[${i}] must be a distinct, non-empty category, got ${describeValue(value)}`);
      }
      position.set(key, order.length);
      order.push(key);
    });
  }
  const index = new Int32Array(values.length);
  let missing = -1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string | null;
    if (value === null) {
      index[i] = -1;
      missing = 0;
      continue;
    }
    let at = position.get(value);
    if (at === undefined) {
      if (levelsOption !== undefined) {
        throw new RangeError(`${fn}: "${name}" has the category ${JSON.stringify(value)} (respondent ${i}) which ${optionName} does not list; add it, or recode it`);
      }
      at = order.length;
      position.set(value, at);
      order.push(value);
    }
    index[i] = at;
  }
  const levels: CrosstabLevel[] = order.map((label) => ({ label, kind: 'level', analysed: true }));
  if (missing === 0) {
    missing = levels.push({ label: null, kind: 'missing', analysed: false }) - 1;
    for (let i = 0; i < index.length; i++) if (index[i] === -1) index[i] = missing;
  }
  return { name, source: 'attribute', levels, index };
}
