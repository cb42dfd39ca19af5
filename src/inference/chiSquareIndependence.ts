import { chiSquareCdf } from '../math';
import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';

/** Options of {@link chiSquareIndependence}. */
export interface ChiSquareIndependenceOptions {
  /**
   * Apply Yates' continuity correction to a 2 × 2 table (ignored for larger tables, as in R);
   * default `false`. Note that R's `chisq.test` defaults to `correct = TRUE`.
   */
  correct?: boolean;
}

/** Result of {@link chiSquareIndependence}: plain, JSON-serialisable data. */
export interface ChiSquareIndependenceResult {
  /** Pearson's X² = Σ (|O − E| − c)² / E, with c the continuity correction (usually 0). */
  statistic: number;
  /** Degrees of freedom (r − 1)(c − 1). */
  df: number;
  /** Upper-tail p-value P(χ²_df ≥ X²), computed from the tail directly. */
  p: number;
  /** Total count. */
  n: number;
  /** Expected counts under independence, E_ij = (row total i)(column total j) / n. */
  expected: number[][];
  /** Smallest expected count. */
  minExpected: number;
  /**
   * The continuity correction c subtracted from every |O − E|: 0 unless `correct: true` on a
   * 2 × 2 table, where it is min(0.5, min |O − E|) as in R.
   */
  correction: number;
  method: 'pearson-chi-square-independence';
  /** Why the statistic and p are NaN: a row or column of the table with a total of 0. */
  reason?: string;
  /** Set when an expected count is below 5, where the chi-square approximation is doubtful. */
  warning?: string;
}

/**
 * Pearson's chi-square test of independence of the rows and columns of an r × c count table.
 *
 * Under independence the expected counts are E_ij = R_i·C_j / n (row total × column total /
 * grand total). The statistic X² = Σ_ij (O_ij − E_ij)² / E_ij is referred to the chi-square
 * distribution with (r − 1)(c − 1) degrees of freedom; p is its upper tail, computed directly.
 *
 * With `correct: true` and a 2 × 2 table, Yates' continuity correction is applied as R does:
 * X² = Σ (|O − E| − c)² / E with c = min(0.5, min_ij |O − E|), so that the correction never
 * overshoots (c = 0 when O = E). For larger tables `correct` is ignored, again as R.
 *
 * A `warning` is set when some expected count is below 5 (Cochran's rule); the test is still
 * computed. A table with an empty row or column (0/0 in the statistic) gives `NaN`, as R does,
 * with a `reason` naming the empty lines to drop.
 *
 * @param table - counts, one array per row, all rows of the same length: non-negative
 *   integers, at least 2 rows and 2 columns
 * @param options - `correct` (default `false`): Yates' correction for a 2 × 2 table
 * @returns the test; `statistic` and `p` are `NaN` with a `reason` when a row or column total is 0
 * @throws TypeError when `table` is not an array of arrays; RangeError when it has fewer than
 *   2 rows or 2 columns, rows of different lengths, or a count that is not a non-negative integer
 * @example
 * ```ts
 * chiSquareIndependence([[12, 5], [7, 16]]);
 * // { statistic: 6.319891801114041, df: 1, p: 0.011939091377912249, n: 40,
 * //   expected: [[8.075, 8.925], [10.925, 12.075]], minExpected: 8.075, correction: 0,
 * //   method: 'pearson-chi-square-independence' }
 * ```
 * @see R `chisq.test(m, correct = FALSE)`; Pearson (1900), Philosophical Magazine 50(302),
 *   157–175; Yates (1934), Supplement to JRSS 1(2), 217–235; Cochran (1954), Biometrics 10(4),
 *   417–451. For weighted or complex samples: {@link raoScottTest} (as `svychisq`).
 */
export function chiSquareIndependence(
  table: readonly (readonly number[])[],
  options: ChiSquareIndependenceOptions = {}
): ChiSquareIndependenceResult {
  checkOptionKeys('chiSquareIndependence', options, optionKeys<ChiSquareIndependenceOptions>({ correct: true }));
  const fn = 'chiSquareIndependence';
  const { correct = false } = options;
  if (typeof correct !== 'boolean') {
    throw new TypeError(`${fn}: correct must be true or false, got ${describeValue(correct)}`);
  }
  if (!Array.isArray(table) || !table.every((row) => Array.isArray(row))) {
    throw new TypeError(
      `${fn}: table must be an array of rows, each an array of counts, got ${describeValue(table)}`
    );
  }
  const rows = table.length;
  const columns = rows > 0 ? (table[0] as readonly number[]).length : 0;
  if (rows < 2 || columns < 2) {
    throw new RangeError(
      `${fn}: a test of independence needs at least 2 rows and 2 columns, got ${rows} × ${columns}; for a single row or column use chiSquareGoodnessOfFit`
    );
  }
  const rowTotals = new Array<number>(rows).fill(0);
  const columnTotals = new Array<number>(columns).fill(0);
  for (let i = 0; i < rows; i++) {
    const row = table[i] as readonly number[];
    if (row.length !== columns) {
      throw new RangeError(
        `${fn}: every row must have ${columns} columns like row 0, but row ${i} has ${row.length}`
      );
    }
    for (let j = 0; j < columns; j++) {
      const count = row[j];
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        throw new RangeError(
          `${fn}: table[${i}][${j}] (row ${i}, column ${j}) must be a non-negative integer count, got ${describeValue(
            count
          )}`
        );
      }
      rowTotals[i] = (rowTotals[i] as number) + count;
      columnTotals[j] = (columnTotals[j] as number) + count;
    }
  }
  const emptyRows = rowTotals.flatMap((total, i) => (total === 0 ? [i] : []));
  const emptyColumns = columnTotals.flatMap((total, j) => (total === 0 ? [j] : []));
  let n = 0;
  for (const total of rowTotals) n += total;
  if (emptyRows.length > 0 || emptyColumns.length > 0) {
    // An empty row or column makes expected counts 0 and X² undefined (R: X-squared = NaN). A
    // dashboard filter can empty a row, so this is data, not a mistake: NaN with a reason.
    const parts: string[] = [];
    if (emptyRows.length > 0) parts.push(`row${emptyRows.length > 1 ? 's' : ''} ${emptyRows.join(', ')}`);
    if (emptyColumns.length > 0) parts.push(`column${emptyColumns.length > 1 ? 's' : ''} ${emptyColumns.join(', ')}`);
    const plural = emptyRows.length + emptyColumns.length > 1;
    return {
      statistic: NaN,
      df: (rows - 1) * (columns - 1),
      p: NaN,
      n,
      expected: rowTotals.map((r) => columnTotals.map((c) => (n === 0 ? NaN : (r * c) / n))),
      minExpected: n === 0 ? NaN : 0,
      correction: 0,
      method: 'pearson-chi-square-independence',
      reason: `${parts.join(' and ')} of the table ${plural ? 'have' : 'has'} a total of 0, so the expected counts there are 0; drop ${plural ? 'them' : 'it'} to test the rest`,
    };
  }

  // Expected counts E_ij = R_i · C_j / n (the product first, as R's outer(sr, sc) / n).
  const expected: number[][] = [];
  let minExpected = Infinity;
  for (let i = 0; i < rows; i++) {
    const expectedRow: number[] = [];
    for (let j = 0; j < columns; j++) {
      const e = ((rowTotals[i] as number) * (columnTotals[j] as number)) / n;
      expectedRow.push(e);
      if (e < minExpected) minExpected = e;
    }
    expected.push(expectedRow);
  }

  // Yates: c = min(0.5, min |O − E|) for a 2 × 2 table when asked, as R's chisq.test.
  let correction = 0;
  if (correct && rows === 2 && columns === 2) {
    correction = 0.5;
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        const deviation = Math.abs(
          ((table[i] as readonly number[])[j] as number) - ((expected[i] as number[])[j] as number)
        );
        correction = Math.min(correction, deviation);
      }
    }
  }

  // X² summed column by column, the order R's sum() takes over a matrix.
  let statistic = 0;
  for (let j = 0; j < columns; j++) {
    for (let i = 0; i < rows; i++) {
      const e = (expected[i] as number[])[j] as number;
      const deviation = Math.abs(((table[i] as readonly number[])[j] as number) - e) - correction;
      statistic += (deviation * deviation) / e;
    }
  }
  const df = (rows - 1) * (columns - 1);
  const p = chiSquareCdf(statistic, df, false);
  const result: ChiSquareIndependenceResult = {
    statistic,
    df,
    p,
    n,
    expected,
    minExpected,
    correction,
    method: 'pearson-chi-square-independence',
  };
  if (minExpected < 5) {
    let below = 0;
    for (const expectedRow of expected) for (const e of expectedRow) if (e < 5) below++;
    result.warning = `${fn}: ${below} of ${
      rows * columns
    } expected counts are below 5 (smallest ${minExpected}); the chi-square approximation may be inaccurate — merge sparse categories or use an exact test`;
  }
  return result;
}
