import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';

/** How a cell of a {@link suppressSmallCells} result is hidden: not at all, as small, or to protect a small one. */
export type SuppressionStatus = null | 'primary' | 'complementary';

/** One published cell: its count, or `null` when it is suppressed. */
export interface SuppressedCell {
  /** The count, or `null` when the cell is suppressed (the true value is not in the result). */
  value: number | null;
  /** `null` when shown; `'primary'` for a small count; `'complementary'` for a cell hidden to protect one. */
  suppressed: SuppressionStatus;
}

/** Options of {@link suppressSmallCells}. */
export interface SuppressSmallCellsOptions {
  /** Counts with 0 < count < suppressBelow are suppressed; a positive integer, default 3 (as `report`'s `suppressBelow`). */
  suppressBelow?: number;
  /** Also suppress cells with count 0 as primary; default `false` (a 0 is shown). */
  suppressZeros?: boolean;
  /** Whether the published table shows the row totals; default `true`. */
  rowTotals?: boolean;
  /** Whether the published table shows the column totals; default `true`. */
  columnTotals?: boolean;
}

/** Result of {@link suppressSmallCells}: plain, JSON-serialisable data, safe to publish. */
export interface SuppressSmallCellsResult {
  /** The table, row by row, with `value: null` for every suppressed cell. */
  cells: SuppressedCell[][];
  /** The published row totals; `[]` when row totals are not published (see the function). */
  rowTotals: number[];
  /** The published column totals; `[]` when column totals are not published. */
  columnTotals: number[];
  /** Number of primary suppressions (small counts). */
  primary: number;
  /** Number of complementary suppressions (cells hidden to protect the small ones). */
  complementary: number;
  /** The threshold used: counts below it were suppressed. */
  suppressBelow: number;
  method: 'small-cell-suppression';
}

/** Options of {@link auditSuppression}: which margins are published (both by default). */
export interface AuditSuppressionOptions {
  /** Whether the row totals are published; default `true`. */
  rowTotals?: boolean;
  /** Whether the column totals are published; default `true`. */
  columnTotals?: boolean;
}

/** Result of {@link auditSuppression}: plain, JSON-serialisable data. */
export interface AuditSuppressionResult {
  /** Suppressed cells whose value follows exactly from what is published, as [row, column], row by row. */
  recoverable: [number, number][];
  /** Number of suppressed cells audited. */
  suppressed: number;
  method: 'suppression-audit';
}

/** A count table: rows of non-negative integer counts, all of the same length. */
export type CountTable = readonly (readonly number[])[];

/** Which margins take part in the linear constraints. */
interface Margins {
  rows: boolean;
  columns: boolean;
}

/**
 * Finds the suppressed cells of a table that can be recovered exactly from the published cells
 * and margins.
 *
 * Each published total gives a linear equation in the suppressed cells of its line: their sum
 * equals the total minus the published cells of the line. A suppressed cell is recoverable
 * exactly when its unit vector lies in the row space of that system (some combination of the
 * equations isolates it). This is decided by Gauss–Jordan elimination in exact integer
 * arithmetic: each step replaces a row by a·row − b·pivot and divides out the gcd, so there is
 * no rounding (the constraint matrix is a bipartite incidence matrix, totally unimodular, so the
 * entries stay in {−1, 0, 1}). After elimination, a cell is recoverable iff its column is a
 * pivot column whose row has no other non-zero entry.
 *
 * With both margins published this is the graph condition of Cox (1980): in the bipartite graph
 * with rows and columns as vertices and suppressed cells as edges, a cell is recoverable iff its
 * edge is a bridge (lies on no cycle). "At least two suppressed cells in every line" is
 * therefore not enough: two blocks joined by one suppressed cell each have two per line, yet the
 * joining cell is a bridge.
 *
 * Only exact (linear) disclosure is audited. Bounds that follow from counts being non-negative
 * (interval disclosure, e.g. two suppressed cells in a line whose suppressed part sums to 0 or
 * 1) are not: keep `suppressZeros` off, or widen the threshold, if that matters.
 *
 * The margins are taken as given: in a table with a single row, published column totals equal
 * the cells and so reveal every suppressed cell, which the audit reports.
 *
 * @param table - the count table, rows of non-negative integers of equal length
 * @param suppressedMask - same shape; `true` where the cell is suppressed
 * @param options - `rowTotals` and `columnTotals`: whether each margin is published (default
 *   both)
 * @returns the recoverable cells as [row, column] pairs, row by row (empty when the
 *   suppression is safe), and the number of suppressed cells; never `NaN`
 * @throws TypeError when the table or mask is not an array of arrays or a mask entry is not a
 *   boolean; RangeError when the table is empty, rows differ in length, a count is not a
 *   non-negative integer, or the mask's shape differs from the table's
 * @example
 * ```ts
 * const table = [[5, 1, 7], [4, 6, 8]];
 * auditSuppression(table, [[false, true, false], [false, false, false]]);
 * // { recoverable: [[0, 1]], suppressed: 1, method: 'suppression-audit' }
 * auditSuppression(table, [[true, true, false], [true, true, false]]);
 * // { recoverable: [], suppressed: 4, method: 'suppression-audit' }
 * ```
 * @see Cox (1980), "Suppression methodology and statistical disclosure control", JASA 75(370),
 *   377–385; Hundepool et al. (2012), Statistical Disclosure Control, Wiley, ch. 4.
 */
export function auditSuppression(
  table: CountTable,
  suppressedMask: readonly (readonly boolean[])[],
  options: AuditSuppressionOptions = {}
): AuditSuppressionResult {
  checkOptionKeys('auditSuppression', options, optionKeys<AuditSuppressionOptions>({ rowTotals: true, columnTotals: true }));
  const fn = 'auditSuppression';
  const { rowTotals = true, columnTotals = true } = options;
  assertBoolean(fn, rowTotals, 'rowTotals');
  assertBoolean(fn, columnTotals, 'columnTotals');
  const { rows, columns } = readTable(fn, table);
  if (!Array.isArray(suppressedMask) || suppressedMask.length !== rows) {
    throw new RangeError(
      `${fn}: suppressedMask must be an array with one row per table row (${rows}), got ${describeValue(
        suppressedMask
      )}`
    );
  }
  const mask: boolean[][] = [];
  let suppressed = 0;
  for (let i = 0; i < rows; i++) {
    const row: unknown = suppressedMask[i];
    if (!Array.isArray(row) || row.length !== columns) {
      throw new RangeError(
        `${fn}: suppressedMask row ${i} must be an array of ${columns} booleans like the table's rows, got ${describeValue(
          row
        )}`
      );
    }
    const maskRow: boolean[] = [];
    for (let j = 0; j < columns; j++) {
      const flag: unknown = row[j];
      if (typeof flag !== 'boolean') {
        throw new TypeError(
          `${fn}: suppressedMask[${i}][${j}] (row ${i}, column ${j}) must be true or false, got ${describeValue(
            flag
          )}`
        );
      }
      if (flag) suppressed++;
      maskRow.push(flag);
    }
    mask.push(maskRow);
  }
  return {
    recoverable: recoverableCells(mask, { rows: rowTotals, columns: columnTotals }),
    suppressed,
    method: 'suppression-audit',
  };
}

/**
 * Suppresses ("diskretionerer") small counts in a table so that none of them can be read or
 * worked out from what is published, as the 2021 report does for cells under 3 municipalities.
 *
 * Primary suppression: every cell with 0 < count < threshold (and count = 0 as well with
 * `suppressZeros`). Complementary suppression: further cells are hidden until no suppressed
 * cell can be recovered exactly from the published cells and totals, as decided by
 * {@link auditSuppression}. The choice is greedy: while the audit finds a recoverable cell,
 * take the first one and hide the single shown cell that protects it, preferring non-zero
 * counts, then cells in the same row or column, then the smallest count, then the first in
 * reading order. When no single cell can protect it (with both margins, a lone suppressed cell
 * needs a cycle of at least four), the cheapest set of shown cells that closes such a cycle is
 * hidden (a shortest path in the row–column graph, by total count). The result is safe but not
 * guaranteed minimal.
 *
 * Margins: published row and column totals are constraints. In a table with a single row the
 * column totals are the cells themselves, and in a single column the row totals are; such a
 * margin is treated as not published and returned as `[]` (the only constraint left is the
 * other total). A margin switched off is also returned as `[]`, so the result can be rendered
 * as it is. The grand total is not returned: it would reveal a lone suppressed cell when no
 * margin is published.
 *
 * Suppressed cells are marked, not zeroed: their `value` is `null`, and the true count is kept
 * out of the result entirely, so a dashboard that renders the result cannot leak it. Keep the
 * input table if the true values are needed.
 *
 * Only exact disclosure is prevented; see {@link auditSuppression} for the bounds that
 * non-negativity can still give.
 *
 * @param table - counts, one array per row, rows of equal length: non-negative integers
 * @param options - `suppressBelow` (default 3), `suppressZeros` (default `false`), `rowTotals` and
 *   `columnTotals` (whether each margin is published; default both)
 * @returns the publishable table with the suppression pattern and counts of primary and
 *   complementary suppressions; no field is `NaN`
 * @throws TypeError when the table is not an array of arrays or an option has the wrong type;
 *   RangeError when the table is empty, rows differ in length, a count (named by row and
 *   column) is not a non-negative integer, or `suppressBelow` is not a positive integer
 * @example
 * ```ts
 * suppressSmallCells([[10, 2, 8], [7, 9, 6], [5, 8, 12]]);
 * // { cells: [[{ value: 10, suppressed: null }, { value: null, suppressed: 'primary' },
 * //            { value: null, suppressed: 'complementary' }],
 * //           [{ value: 7, suppressed: null }, { value: null, suppressed: 'complementary' },
 * //            { value: null, suppressed: 'complementary' }],
 * //           [{ value: 5, suppressed: null }, { value: 8, suppressed: null },
 * //            { value: 12, suppressed: null }]],
 * //   rowTotals: [20, 22, 25], columnTotals: [22, 19, 26], primary: 1, complementary: 3,
 * //   suppressBelow: 3, method: 'small-cell-suppression' }
 * ```
 * @see {@link auditSuppression}; Cox (1980), JASA 75(370), 377–385; Hundepool et al. (2012),
 *   Statistical Disclosure Control, Wiley, ch. 4 (tabular data, secondary suppression).
 */
export function suppressSmallCells(
  table: CountTable,
  options: SuppressSmallCellsOptions = {}
): SuppressSmallCellsResult {
  checkOptionKeys('suppressSmallCells', options, optionKeys<SuppressSmallCellsOptions>({ suppressBelow: true, suppressZeros: true, rowTotals: true, columnTotals: true }));
  const fn = 'suppressSmallCells';
  const { suppressBelow = 3, suppressZeros = false, rowTotals = true, columnTotals = true } = options;
  if (typeof suppressBelow !== 'number' || !Number.isInteger(suppressBelow) || suppressBelow < 1) {
    throw new RangeError(
      `${fn}: suppressBelow must be a positive integer (counts below it are suppressed, e.g. 3), got ${describeValue(
        suppressBelow
      )}`
    );
  }
  assertBoolean(fn, suppressZeros, 'suppressZeros');
  assertBoolean(fn, rowTotals, 'rowTotals');
  assertBoolean(fn, columnTotals, 'columnTotals');
  const { rows, columns } = readTable(fn, table);
  // A margin over a single line repeats the cells, so it cannot be published.
  const margins: Margins = { rows: rowTotals && columns > 1, columns: columnTotals && rows > 1 };
  const value = (i: number, j: number): number => (table[i] as readonly number[])[j] as number;

  const status: SuppressionStatus[][] = [];
  let primary = 0;
  for (let i = 0; i < rows; i++) {
    const row: SuppressionStatus[] = [];
    for (let j = 0; j < columns; j++) {
      const count = value(i, j);
      const small = count < suppressBelow && (count > 0 || suppressZeros);
      row.push(small ? 'primary' : null);
      if (small) primary++;
    }
    status.push(row);
  }

  const mask = status.map((row) => row.map((s) => s !== null));
  let complementary = 0;
  const hide = (i: number, j: number): void => {
    (mask[i] as boolean[])[j] = true;
    (status[i] as SuppressionStatus[])[j] = 'complementary';
    complementary++;
  };
  for (;;) {
    const exposed = recoverableCells(mask, margins);
    const target = exposed[0];
    if (target === undefined) break;
    const [ti, tj] = target;
    const single = protectingCell(mask, margins, target, value);
    if (single !== undefined) {
      hide(single[0], single[1]);
      continue;
    }
    const path = cheapestCycleCompletion(mask, target, value);
    if (path.length === 0) {
      // Unreachable: with margins over at least two lines, hiding everything is always safe.
      throw new Error(`${fn}: internal error, cannot protect cell (row ${ti}, column ${tj})`);
    }
    for (const [i, j] of path) hide(i, j);
  }

  const cells: SuppressedCell[][] = status.map((row, i) =>
    row.map((s, j) => ({ value: s === null ? value(i, j) : null, suppressed: s }))
  );
  const publishedRowTotals: number[] = [];
  if (margins.rows) {
    for (let i = 0; i < rows; i++) {
      let total = 0;
      for (let j = 0; j < columns; j++) total += value(i, j);
      publishedRowTotals.push(total);
    }
  }
  const publishedColumnTotals: number[] = [];
  if (margins.columns) {
    for (let j = 0; j < columns; j++) {
      let total = 0;
      for (let i = 0; i < rows; i++) total += value(i, j);
      publishedColumnTotals.push(total);
    }
  }
  return {
    cells,
    rowTotals: publishedRowTotals,
    columnTotals: publishedColumnTotals,
    primary,
    complementary,
    suppressBelow,
    method: 'small-cell-suppression',
  };
}

/** Throws a TypeError unless `value` is a boolean. */
function assertBoolean(fn: string, value: unknown, name: string): asserts value is boolean {
  if (typeof value !== 'boolean') {
    throw new TypeError(`${fn}: ${name} must be true or false, got ${describeValue(value)}`);
  }
}

/** Checks a count table (named by row and column in messages) and returns its shape. */
function readTable(fn: string, table: unknown): { rows: number; columns: number } {
  if (!Array.isArray(table)) {
    throw new TypeError(
      `${fn}: table must be an array of rows, each an array of counts, got ${describeValue(table)}`
    );
  }
  const rows = table.length;
  const first: unknown = table[0];
  if (rows === 0 || !Array.isArray(first) || first.length === 0) {
    throw new RangeError(`${fn}: table must have at least one row and one column`);
  }
  const columns = first.length;
  for (let i = 0; i < rows; i++) {
    const row: unknown = table[i];
    if (!Array.isArray(row)) {
      throw new TypeError(
        `${fn}: table row ${i} must be an array of counts, got ${describeValue(row)}`
      );
    }
    if (row.length !== columns) {
      throw new RangeError(
        `${fn}: every row must have ${columns} columns like row 0, but row ${i} has ${row.length}`
      );
    }
    for (let j = 0; j < columns; j++) {
      const count: unknown = row[j];
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        throw new RangeError(
          `${fn}: table[${i}][${j}] (row ${i}, column ${j}) must be a non-negative integer count, got ${describeValue(
            count
          )}`
        );
      }
    }
  }
  return { rows, columns };
}

/** Greatest common divisor of two non-negative integers. */
function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The suppressed cells that the published margins determine, row by row. Builds one equation
 * per published line that holds a suppressed cell (its suppressed cells sum to a known number)
 * and runs exact integer Gauss–Jordan elimination on it.
 */
function recoverableCells(
  mask: readonly (readonly boolean[])[],
  margins: Margins
): [number, number][] {
  const cells: [number, number][] = [];
  mask.forEach((row, i) => row.forEach((hidden, j) => hidden && cells.push([i, j])));
  const k = cells.length;
  if (k === 0) return [];
  const equations: number[][] = [];
  const rows = mask.length;
  const columns = (mask[0] as readonly boolean[]).length;
  if (margins.rows) {
    for (let i = 0; i < rows; i++) {
      const equation = cells.map(([ci]) => (ci === i ? 1 : 0));
      if (equation.includes(1)) equations.push(equation);
    }
  }
  if (margins.columns) {
    for (let j = 0; j < columns; j++) {
      const equation = cells.map(([, cj]) => (cj === j ? 1 : 0));
      if (equation.includes(1)) equations.push(equation);
    }
  }

  // Gauss–Jordan elimination over the integers (fraction-free, gcd-normalised rows).
  const pivotOfRow: number[] = [];
  let next = 0;
  for (let col = 0; col < k && next < equations.length; col++) {
    let found = -1;
    for (let r = next; r < equations.length; r++) {
      if ((equations[r] as number[])[col] !== 0) {
        found = r;
        break;
      }
    }
    if (found < 0) continue;
    [equations[next], equations[found]] = [
      equations[found] as number[],
      equations[next] as number[],
    ];
    const pivotRow = equations[next] as number[];
    const a = pivotRow[col] as number;
    for (let r = 0; r < equations.length; r++) {
      const row = equations[r] as number[];
      const b = row[col] as number;
      if (r === next || b === 0) continue;
      let divisor = 0;
      for (let c = 0; c < k; c++) {
        const entry = a * (row[c] as number) - b * (pivotRow[c] as number);
        if (!Number.isSafeInteger(entry)) {
          throw new Error('auditSuppression: internal error, integer elimination overflowed');
        }
        row[c] = entry;
        divisor = gcd(divisor, Math.abs(entry));
      }
      if (divisor > 1) for (let c = 0; c < k; c++) row[c] = (row[c] as number) / divisor;
    }
    pivotOfRow.push(col);
    next++;
  }

  const recoverable: [number, number][] = [];
  pivotOfRow.forEach((col, r) => {
    const row = equations[r] as number[];
    let others = 0;
    for (let c = 0; c < k; c++) if (c !== col && row[c] !== 0) others++;
    if (others === 0) recoverable.push(cells[col] as [number, number]);
  });
  return recoverable.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/**
 * The shown cell whose suppression makes `target` unrecoverable on its own, preferring
 * non-zero counts, then the target's row and column, then the smallest count, then reading
 * order; `undefined` when no single cell does it.
 */
function protectingCell(
  mask: boolean[][],
  margins: Margins,
  target: [number, number],
  value: (i: number, j: number) => number
): [number, number] | undefined {
  const [ti, tj] = target;
  const candidates: { i: number; j: number; key: number[] }[] = [];
  mask.forEach((row, i) =>
    row.forEach((hidden, j) => {
      if (hidden) return;
      const count = value(i, j);
      const inLines = i === ti || j === tj ? 0 : 1;
      candidates.push({ i, j, key: [count === 0 ? 1 : 0, inLines, count, i, j] });
    })
  );
  candidates.sort((p, q) => {
    for (let t = 0; t < p.key.length; t++) {
      const d = (p.key[t] as number) - (q.key[t] as number);
      if (d !== 0) return d;
    }
    return 0;
  });
  for (const { i, j } of candidates) {
    const row = mask[i] as boolean[];
    row[j] = true;
    const stillExposed = recoverableCells(mask, margins).some(([ri, rj]) => ri === ti && rj === tj);
    row[j] = false;
    if (!stillExposed) return [i, j];
  }
  return undefined;
}

/**
 * With both margins published, the cheapest set of shown cells whose suppression puts `target`
 * on a cycle of the row–column graph (so it is no longer a bridge): a shortest path from the
 * target's row to its column that avoids the target, where suppressed cells cost nothing and a
 * shown cell costs its count (a zero count costs more than all counts together, so zeros are
 * used only when nothing else will do). Ties go to the path with fewer new cells. Dijkstra's
 * algorithm on the complete bipartite graph (rows + columns vertices).
 */
function cheapestCycleCompletion(
  mask: boolean[][],
  target: [number, number],
  value: (i: number, j: number) => number
): [number, number][] {
  const rows = mask.length;
  const columns = (mask[0] as boolean[]).length;
  let everything = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) everything += value(i, j);
  const zeroCost = everything + 1;
  const vertices = rows + columns; // rows 0..rows−1, then columns
  const cost = new Array<number>(vertices).fill(Infinity);
  const added = new Array<number>(vertices).fill(Infinity);
  const previous = new Array<number>(vertices).fill(-1);
  const done = new Array<boolean>(vertices).fill(false);
  const [ti, tj] = target;
  cost[ti] = 0;
  added[ti] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < vertices; v++) {
      if (done[v] || cost[v] === Infinity) continue;
      if (
        u < 0 ||
        (cost[v] as number) < (cost[u] as number) ||
        (cost[v] === cost[u] && (added[v] as number) < (added[u] as number))
      ) {
        u = v;
      }
    }
    if (u < 0) break;
    done[u] = true;
    const neighbours = u < rows ? columns : rows;
    for (let w = 0; w < neighbours; w++) {
      const [i, j] = u < rows ? [u, w] : [w, u - rows];
      if (i === ti && j === tj) continue;
      const v = u < rows ? rows + w : w;
      if (done[v]) continue;
      const hidden = (mask[i] as boolean[])[j] as boolean;
      const count = value(i, j);
      const step = hidden ? 0 : count === 0 ? zeroCost : count;
      const newCost = (cost[u] as number) + step;
      const newAdded = (added[u] as number) + (hidden ? 0 : 1);
      if (
        newCost < (cost[v] as number) ||
        (newCost === cost[v] && newAdded < (added[v] as number))
      ) {
        cost[v] = newCost;
        added[v] = newAdded;
        previous[v] = u;
      }
    }
  }
  const path: [number, number][] = [];
  let v = rows + tj;
  if (cost[v] === Infinity) return path;
  while (v !== ti) {
    const u = previous[v] as number;
    const [i, j] = u < rows ? [u, v - rows] : [v, u - rows];
    if (!(mask[i] as boolean[])[j]) path.push([i, j]);
    v = u;
  }
  return path.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}
