import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import {
  suppressSmallCells,
  type SuppressSmallCellsOptions,
  type SuppressionStatus,
} from '../../src/inference/suppressSmallCells';

interface SuppressionCase {
  name: string;
  table: number[][];
  options: SuppressSmallCellsOptions;
  status: SuppressionStatus[][];
  rowTotals: number[];
  columnTotals: number[];
  reasoning: string;
}

/**
 * test/fixtures/inference/suppression.json: patterns worked out by hand from the rule that
 * suppressSmallCells documents (R's sdcTable, the reference implementation of secondary
 * suppression, is not installed; each case carries its working in "reasoning").
 */
const fixture = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'inference', 'suppression.json'), 'utf8'),
) as { cases: SuppressionCase[] };

describe('suppressSmallCells against the hand-derived fixture', () => {
  for (const testCase of fixture.cases) {
    it(testCase.name, () => {
      const result = suppressSmallCells(testCase.table, testCase.options);
      expect(result.cells.map((row) => row.map((cell) => cell.suppressed))).toEqual(testCase.status);
      // Shown cells carry their count; suppressed ones carry null, never the count.
      result.cells.forEach((row, i) =>
        row.forEach((cell, j) => {
          expect(cell.value).toBe(cell.suppressed === null ? testCase.table[i]![j] : null);
        }),
      );
      const flat = testCase.status.flat();
      expect(result.primary).toBe(flat.filter((s) => s === 'primary').length);
      expect(result.complementary).toBe(flat.filter((s) => s === 'complementary').length);
      expect(result.rowTotals).toEqual(testCase.rowTotals);
      expect(result.columnTotals).toEqual(testCase.columnTotals);
    });
  }
});
