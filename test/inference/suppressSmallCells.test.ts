import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditSuppression,
  suppressSmallCells,
  type SuppressSmallCellsResult,
} from '../../src/inference/suppressSmallCells';

/** Deep-freezes a table so that any mutation by the function under test throws. */
function frozen<T>(rows: T[][]): readonly (readonly T[])[] {
  return Object.freeze(rows.map((row) => Object.freeze(row.slice())));
}

/** The suppression pattern of a result, as a mask. */
function maskOf(result: SuppressSmallCellsResult): boolean[][] {
  return result.cells.map((row) => row.map((cell) => cell.suppressed !== null));
}

/** [row, column] of the cells with the given status. */
function cellsWith(
  result: SuppressSmallCellsResult,
  status: 'primary' | 'complementary'
): [number, number][] {
  const out: [number, number][] = [];
  result.cells.forEach((row, i) =>
    row.forEach((cell, j) => cell.suppressed === status && out.push([i, j]))
  );
  return out;
}

/** The margins the result publishes, for auditing it. */
function publishedMargins(result: SuppressSmallCellsResult): {
  rowTotals: boolean;
  columnTotals: boolean;
} {
  return { rowTotals: result.rowTotals.length > 0, columnTotals: result.columnTotals.length > 0 };
}

// A 2021-style table: municipalities asking for each form of support (columns: guidance,
// courses, networks, tools, sparring, other) per focus area (9 rows), with a few 1s and 2s
// and one 0. Made-up counts of the report's shape.
const focusAreas = frozen([
  [34, 21, 15, 28, 19, 4],
  [29, 18, 12, 25, 22, 2],
  [17, 9, 7, 14, 11, 1],
  [22, 14, 10, 19, 16, 3],
  [12, 8, 5, 9, 7, 0],
  [41, 26, 19, 33, 30, 5],
  [25, 30, 21, 16, 18, 6],
  [19, 12, 23, 11, 15, 4],
  [15, 6, 4, 13, 10, 2],
]);

describe('suppressSmallCells on a 2021-style table', () => {
  const result = suppressSmallCells(focusAreas);

  it('suppresses exactly the counts 1 and 2 as primary and shows the 0', () => {
    expect(cellsWith(result, 'primary')).toEqual([
      [1, 5],
      [2, 5],
      [8, 5],
    ]);
    expect(result.primary).toBe(3);
    expect(result.cells[4]?.[5]).toEqual({ value: 0, suppressed: null });
  });

  it('hides the cheapest cells that put every small cell on a cycle: column 2 of rows 1, 2 and 8', () => {
    // Rows 1, 2 and 8 each hold one small cell in column 5, so each needs a partner in its row,
    // and the partners must share a column: 12 + 7 + 4 are the smallest such counts.
    expect(cellsWith(result, 'complementary')).toEqual([
      [1, 2],
      [2, 2],
      [8, 2],
    ]);
    expect(result.complementary).toBe(3);
  });

  it('leaves no suppressed cell recoverable from the published totals', () => {
    expect(auditSuppression(focusAreas, maskOf(result)).recoverable).toEqual([]);
  });

  it('publishes both margins with their true totals', () => {
    expect(result.rowTotals).toEqual([121, 108, 59, 84, 41, 154, 116, 84, 50]);
    expect(result.columnTotals).toEqual([214, 144, 116, 168, 148, 27]);
  });

  it('puts null, never the true count, in every suppressed cell', () => {
    for (const row of result.cells) {
      for (const cell of row) {
        expect(Object.keys(cell).sort()).toEqual(['suppressed', 'value']);
        if (cell.suppressed !== null) expect(cell.value).toBeNull();
      }
    }
  });

  it('returns plain JSON data with the threshold and the method', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.suppressBelow).toBe(3);
    expect(result.method).toBe('small-cell-suppression');
  });
});

describe('auditSuppression', () => {
  // Two 2 × 2 blocks of suppressed cells (rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3)
  // joined by one suppressed cell (0, 2): every row and column holds at least 2 suppressed
  // cells, yet (0, 2) lies on no cycle, so it is a bridge and the margins give it away.
  const table = frozen([
    [4, 7, 2, 9],
    [6, 5, 8, 3],
    [9, 3, 6, 7],
    [2, 8, 5, 4],
  ]);
  const twoPerLine = frozen([
    [true, true, true, false],
    [true, true, false, false],
    [false, false, true, true],
    [false, false, true, true],
  ]);

  it('catches the bridge that the "2 suppressed cells per line" rule misses', () => {
    for (const row of twoPerLine) expect(row.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    for (let j = 0; j < 4; j++)
      expect(twoPerLine.filter((row) => row[j]).length).toBeGreaterThanOrEqual(2);
    expect(auditSuppression(table, twoPerLine)).toEqual({
      recoverable: [[0, 2]],
      suppressed: 9,
      method: 'suppression-audit',
    });
  });

  it('is right about the bridge: rows 0–1 minus columns 0–1 of the published data give its value', () => {
    const rowTotal = (i: number) => (table[i] as number[]).reduce((a, b) => a + b, 0);
    const columnTotal = (j: number) => table.reduce((a, row) => a + (row[j] as number), 0);
    const shown = (i: number, j: number) => (twoPerLine[i]?.[j] ? 0 : (table[i]?.[j] as number));
    // Suppressed part of rows 0 and 1 = block cells + (0, 2); of columns 0 and 1 = block cells.
    const suppressedInRows =
      rowTotal(0) + rowTotal(1) - [0, 1, 2, 3].reduce((a, j) => a + shown(0, j) + shown(1, j), 0);
    const suppressedInColumns =
      columnTotal(0) +
      columnTotal(1) -
      [0, 1, 2, 3].reduce((a, i) => a + shown(i, 0) + shown(i, 1), 0);
    expect(suppressedInRows - suppressedInColumns).toBe(table[0]?.[2]);
  });

  it('finds nothing recoverable once the bridge is closed into a cycle', () => {
    const closed = twoPerLine.map((row) => row.slice());
    // (1, 2) closes the cycle (0, 2)–(1, 2)–(1, 0)–(0, 0) through the former bridge.
    (closed[1] as boolean[])[2] = true;
    expect(auditSuppression(table, closed).recoverable).toEqual([]);
  });

  it('reports a lone suppressed cell in a line as recoverable', () => {
    expect(
      auditSuppression(
        [
          [5, 1, 7],
          [4, 6, 8],
        ],
        [
          [false, true, false],
          [false, false, false],
        ]
      ).recoverable
    ).toEqual([[0, 1]]);
  });

  it('with only row totals published, a cell is recoverable exactly when it is alone in its row', () => {
    const mask = [
      [true, false, false],
      [true, true, false],
    ];
    const t = [
      [1, 4, 5],
      [2, 2, 9],
    ];
    expect(auditSuppression(t, mask, { rowTotals: true, columnTotals: false }).recoverable).toEqual(
      [[0, 0]]
    );
    expect(auditSuppression(t, mask, { rowTotals: false, columnTotals: true }).recoverable).toEqual(
      [[1, 1]]
    );
  });

  it('finds nothing recoverable when no margin is published', () => {
    expect(
      auditSuppression([[1, 5]], [[true, false]], { rowTotals: false, columnTotals: false })
        .recoverable
    ).toEqual([]);
  });

  it('counts a published column total in a single-row table as revealing the cell', () => {
    expect(auditSuppression([[1, 5, 7]], [[true, true, false]]).recoverable).toEqual([
      [0, 0],
      [0, 1],
    ]);
    expect(
      auditSuppression([[1, 5, 7]], [[true, true, false]], { columnTotals: false }).recoverable
    ).toEqual([]);
  });

  it('audits an empty mask as safe', () => {
    expect(auditSuppression([[1, 2]], [[false, false]])).toEqual({
      recoverable: [],
      suppressed: 0,
      method: 'suppression-audit',
    });
  });

  it('rejects a mask whose shape differs from the table', () => {
    expect(() => auditSuppression([[1, 2]], [[true]])).toThrow(
      /^auditSuppression: suppressedMask row 0 must be an array of 2 booleans/
    );
    expect(() => auditSuppression([[1, 2]], [])).toThrow(RangeError);
  });

  it('rejects a mask entry that is not a boolean, naming row and column', () => {
    expect(() => auditSuppression([[1, 2]], [[true, 1 as unknown as boolean]])).toThrow(
      /^auditSuppression: suppressedMask\[0\]\[1\] \(row 0, column 1\) must be true or false/
    );
  });
});

describe('suppressSmallCells', () => {
  it('suppresses all four cells of a 2 × 2 table with one small count (a lone cell needs a 4-cycle)', () => {
    const result = suppressSmallCells([
      [10, 20],
      [30, 1],
    ]);
    expect(result.primary).toBe(1);
    expect(result.complementary).toBe(3);
    expect(result.cells.flat().every((cell) => cell.value === null)).toBe(true);
  });

  it('suppresses nothing when no count is small', () => {
    const result = suppressSmallCells([
      [3, 4],
      [5, 0],
    ]);
    expect(result.primary + result.complementary).toBe(0);
    expect(result.cells).toEqual([
      [
        { value: 3, suppressed: null },
        { value: 4, suppressed: null },
      ],
      [
        { value: 5, suppressed: null },
        { value: 0, suppressed: null },
      ],
    ]);
  });

  it('hides a zero only when a small count has no other partner in its line', () => {
    // Row 0's only non-zero count is the 2: any cycle through it must use a 0 of row 0.
    const table = frozen([
      [0, 0, 2, 0],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
    ]);
    const result = suppressSmallCells(table);
    const complementary = cellsWith(result, 'complementary');
    expect(complementary.filter(([i, j]) => table[i]?.[j] === 0)).toHaveLength(1);
    expect(auditSuppression(table, maskOf(result)).recoverable).toEqual([]);
  });

  it('suppresses zeros as primary when suppressZeros is set', () => {
    const result = suppressSmallCells(
      [
        [0, 5, 6],
        [7, 8, 9],
        [4, 6, 8],
      ],
      { suppressZeros: true }
    );
    expect(cellsWith(result, 'primary')).toEqual([[0, 0]]);
    expect(result.complementary).toBe(3);
  });

  it('uses the given threshold: counts below it are primary, counts equal to it are not', () => {
    const result = suppressSmallCells(
      [
        [4, 5, 20],
        [30, 40, 50],
        [31, 41, 51],
      ],
      { suppressBelow: 5 }
    );
    expect(cellsWith(result, 'primary')).toEqual([[0, 0]]);
    expect(result.suppressBelow).toBe(5);
  });

  it('with no margin published, suppresses only the small cells', () => {
    const result = suppressSmallCells(
      [
        [1, 5],
        [6, 7],
      ],
      { rowTotals: false, columnTotals: false }
    );
    expect(result.primary).toBe(1);
    expect(result.complementary).toBe(0);
    expect(result.rowTotals).toEqual([]);
    expect(result.columnTotals).toEqual([]);
  });

  it('with only row totals published, hides the smallest other cell of the row', () => {
    const result = suppressSmallCells(
      [
        [1, 9, 5],
        [8, 6, 7],
      ],
      { columnTotals: false }
    );
    expect(cellsWith(result, 'complementary')).toEqual([[0, 2]]);
    expect(result.rowTotals).toEqual([15, 21]);
    expect(result.columnTotals).toEqual([]);
  });

  it('treats a single-row table as constrained by its row total only and publishes no column totals', () => {
    const result = suppressSmallCells([[7, 2, 9, 4]]);
    expect(cellsWith(result, 'primary')).toEqual([[0, 1]]);
    expect(cellsWith(result, 'complementary')).toEqual([[0, 3]]);
    expect(result.rowTotals).toEqual([22]);
    expect(result.columnTotals).toEqual([]);
  });

  it('treats a single-column table as constrained by its column total only and publishes no row totals', () => {
    const result = suppressSmallCells([[7], [1], [9], [4]]);
    expect(cellsWith(result, 'complementary')).toEqual([[3, 0]]);
    expect(result.rowTotals).toEqual([]);
    expect(result.columnTotals).toEqual([21]);
  });

  it('suppresses a 1 × 1 table with a small count as primary only and publishes no totals', () => {
    const result = suppressSmallCells([[2]]);
    expect(result.cells).toEqual([[{ value: null, suppressed: 'primary' }]]);
    expect(result.rowTotals).toEqual([]);
    expect(result.columnTotals).toEqual([]);
    expect(result.complementary).toBe(0);
  });

  it('rejects a count that is not a non-negative integer, naming its row and column', () => {
    expect(() =>
      suppressSmallCells([
        [1, 2],
        [3, 1.5],
      ])
    ).toThrow(
      /^suppressSmallCells: table\[1\]\[1\] \(row 1, column 1\) must be a non-negative integer count, got 1.5/
    );
    expect(() => suppressSmallCells([[1, -2]])).toThrow(RangeError);
    expect(() => suppressSmallCells([[1, null as unknown as number]])).toThrow(/row 0, column 1/);
  });

  it('rejects rows of different lengths and an empty table', () => {
    expect(() => suppressSmallCells([[1, 2], [3]])).toThrow(
      /^suppressSmallCells: every row must have 2 columns like row 0, but row 1 has 1/
    );
    expect(() => suppressSmallCells([])).toThrow(
      /^suppressSmallCells: table must have at least one row and one column/
    );
    expect(() => suppressSmallCells('1,2' as unknown as number[][])).toThrow(TypeError);
    expect(() => suppressSmallCells([[1, 2], 3 as unknown as number[]])).toThrow(
      /^suppressSmallCells: table row 1 must be an array of counts/
    );
  });

  it('rejects a threshold that is not a positive integer and options of the wrong type', () => {
    expect(() => suppressSmallCells([[1]], { suppressBelow: 0 })).toThrow(
      /^suppressSmallCells: suppressBelow must be a positive integer/
    );
    expect(() => suppressSmallCells([[1]], { suppressBelow: 2.5 })).toThrow(RangeError);
    expect(() => suppressSmallCells([[1]], { rowTotals: 'yes' as unknown as boolean })).toThrow(
      /^suppressSmallCells: rowTotals must be true or false/
    );
  });
});

describe('suppressSmallCells properties', () => {
  const tables = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
    .chain(([rows, columns]) =>
      fc.array(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: columns, maxLength: columns }),
        {
          minLength: rows,
          maxLength: rows,
        }
      )
    );
  const options = fc.record({
    suppressBelow: fc.integer({ min: 1, max: 5 }),
    suppressZeros: fc.boolean(),
    rowTotals: fc.boolean(),
    columnTotals: fc.boolean(),
  });

  it('leaves nothing recoverable, shows no small count, marks exactly the small counts primary and never leaks a suppressed value', () => {
    fc.assert(
      fc.property(tables, options, (table, opts) => {
        const input = frozen(table);
        const result = suppressSmallCells(input, opts);
        const audit = auditSuppression(input, maskOf(result), publishedMargins(result));
        expect(audit.recoverable).toEqual([]);
        let primary = 0;
        let complementary = 0;
        result.cells.forEach((row, i) =>
          row.forEach((cell, j) => {
            const count = input[i]?.[j] as number;
            const small = count < opts.suppressBelow && (count > 0 || opts.suppressZeros);
            expect(cell.suppressed === 'primary').toBe(small);
            // Sanity: a complementary cell was not small, i.e. shown before the second pass.
            if (cell.suppressed === 'complementary') expect(small).toBe(false);
            if (cell.suppressed === null) expect(cell.value).toBe(count);
            else expect(cell.value).toBeNull();
            if (cell.suppressed === 'primary') primary++;
            if (cell.suppressed === 'complementary') complementary++;
          })
        );
        expect(result.primary).toBe(primary);
        expect(result.complementary).toBe(complementary);
        // Margins are published as asked, except over a single line, where they repeat cells.
        expect(result.rowTotals.length > 0).toBe(
          opts.rowTotals && (table[0] as number[]).length > 1
        );
        expect(result.columnTotals.length > 0).toBe(opts.columnTotals && table.length > 1);
      }),
      { numRuns: 300 }
    );
  });
});

describe('auditSuppression properties', () => {
  const masks = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
    .chain(([rows, columns]) =>
      fc.array(fc.array(fc.boolean(), { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      })
    );

  /** Cox's criterion, independently: (i, j) is a bridge of the row–column graph of the mask. */
  function isBridge(mask: boolean[][], i: number, j: number): boolean {
    const rows = mask.length;
    const columns = (mask[0] as boolean[]).length;
    // Breadth-first search from row i without the edge (i, j); a bridge leaves column j unreached.
    const seen = new Set<number>([i]);
    const queue = [i];
    while (queue.length > 0) {
      const u = queue.shift() as number;
      const neighbours: number[] = [];
      if (u < rows) {
        for (let c = 0; c < columns; c++) {
          if (mask[u]?.[c] && !(u === i && c === j)) neighbours.push(rows + c);
        }
      } else {
        for (let r = 0; r < rows; r++) {
          if (mask[r]?.[u - rows] && !(r === i && u - rows === j)) neighbours.push(r);
        }
      }
      for (const v of neighbours) {
        if (!seen.has(v)) {
          seen.add(v);
          queue.push(v);
        }
      }
    }
    return !seen.has(rows + j);
  }

  it('with both margins, finds exactly the suppressed cells that are bridges of the row–column graph', () => {
    fc.assert(
      fc.property(masks, (mask) => {
        const table = mask.map((row) => row.map(() => 1));
        const expected: [number, number][] = [];
        mask.forEach((row, i) =>
          row.forEach((hidden, j) => hidden && isBridge(mask, i, j) && expected.push([i, j]))
        );
        expect(auditSuppression(table, mask).recoverable).toEqual(expected);
      }),
      { numRuns: 300 }
    );
  });

  it('with row totals only, finds exactly the suppressed cells alone in their row', () => {
    fc.assert(
      fc.property(masks, (mask) => {
        const table = mask.map((row) => row.map(() => 1));
        const expected: [number, number][] = [];
        mask.forEach((row, i) =>
          row.forEach(
            (hidden, j) => hidden && row.filter(Boolean).length === 1 && expected.push([i, j])
          )
        );
        expect(auditSuppression(table, mask, { columnTotals: false }).recoverable).toEqual(
          expected
        );
      })
    );
  });
});
