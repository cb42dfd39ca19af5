import { describe, expect, it } from 'vitest';
import { suppressSmallCells, type SuppressSmallCellsResult } from '../../src/inference/suppressSmallCells';

/** [row, column] of the complementary suppressions, row by row. */
function complementary(result: SuppressSmallCellsResult): [number, number][] {
  const out: [number, number][] = [];
  result.cells.forEach((row, i) => row.forEach((cell, j) => cell.suppressed === 'complementary' && out.push([i, j])));
  return out;
}

// These pin the preferences that suppressSmallCells documents, with tables small enough to work
// out by hand; scripts/mutation-check.ts flips each preference and expects a test here to fail.
describe('suppressSmallCells tie-breaks', () => {
  it('protects a small cell with a non-zero count rather than a zero in its row', () => {
    // Only row totals are published, so only a shown cell in row 0 can protect the 1 at (0, 0).
    // Candidates by the documented order: non-zero first, then in the target's lines, then the
    // smallest count: (1, 0) = 4 comes first but does not protect (row 0 would still give the 1),
    // then (0, 2) = 5 does. The 0 at (0, 1) would protect too, but zeros come last.
    const result = suppressSmallCells(
      [
        [1, 0, 5, 9],
        [4, 4, 4, 4],
      ],
      { columnTotals: false },
    );
    expect(complementary(result)).toEqual([[0, 2]]);
    expect(result.cells[0]![1]).toEqual({ value: 0, suppressed: null });
  });

  it('closes the cycle around a lone small cell through non-zero counts, even when a path through a 0 has a smaller sum', () => {
    // Both margins: the 1 at (0, 0) needs a cycle of hidden cells. Through the 0 at (0, 1):
    // (0,1), (1,1), (1,0) sums to 0 + 5 + 5 = 10, but a zero costs more than all counts together.
    // The cheapest cycle without zeros: (0,2), (2,2), (2,0) = 5 + 5 + 5 = 15 (against
    // (0,2), (1,2), (1,0) = 5 + 9 + 5 = 19).
    const result = suppressSmallCells([
      [1, 0, 5],
      [5, 5, 9],
      [5, 7, 5],
    ]);
    expect(complementary(result)).toEqual([
      [0, 2],
      [2, 0],
      [2, 2],
    ]);
    expect(result.cells[0]![1]).toEqual({ value: 0, suppressed: null });
  });

  it('on a full tie of cost and cell count keeps the cycle through the first column and row reached', () => {
    // Both margins; every 4-cycle around the 1 at (0, 0) costs 5 + 5 + 5 with three new cells.
    // The shortest-path search visits column 1 before column 2 (same cost, lower index), reaches
    // rows 1 and 2 from column 1 first, and keeps the first path on a tie: (0,1), (1,1), (1,0).
    const result = suppressSmallCells([
      [1, 5, 5],
      [5, 5, 5],
      [5, 5, 5],
    ]);
    expect(complementary(result)).toEqual([
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });

  it('tries the shown cells in the small cell\'s own row and column before the others', () => {
    // Primaries (< 3): (0,0), (1,0), (1,1), (2,1), (2,3). Target (0,0): of its row and column
    // (2,0) = 7 fails (row 0 still gives it), (0,1) = 8 closes the cycle 00–01–11–10: hidden.
    // Target (2,1), recoverable through column 3: in its lines (2,2) = 6 fails (column 2 alone
    // gives it), (2,0) = 7 puts it on the cycle 10–11–21–20: hidden, although (1,3) = 5 outside
    // its lines would have done and protected (2,3) as well. Target (2,3): (1,3) = 5 closes
    // 11–13–23–21. So three complementary cells where two would do: the greedy order is
    // documented as safe, not minimal.
    const result = suppressSmallCells([
      [1, 8, 9, 8],
      [1, 2, 5, 5],
      [7, 1, 6, 2],
    ]);
    expect(complementary(result)).toEqual([
      [0, 1],
      [1, 3],
      [2, 0],
    ]);
    expect(result.complementary).toBe(3);
  });
});

