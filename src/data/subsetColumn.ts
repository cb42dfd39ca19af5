import type { ColumnCounts, LikertColumn } from './types';

/**
 * The column restricted to the respondents at `rows` (in that order), with its counts
 * recomputed; a column's weights, when it carries them, are restricted the same way. Internal:
 * used by survey filters and group comparisons.
 */
export function subsetColumn(column: LikertColumn, rows: readonly number[]): LikertColumn {
  const levelCount = column.scale.levels.length;
  const codes = new Int8Array(rows.length);
  let substantive = 0;
  let nonSubstantive = 0;
  let missing = 0;
  let invalid = 0;
  for (let j = 0; j < rows.length; j++) {
    const c = column.codes[rows[j] as number] as number;
    codes[j] = c;
    if (c >= levelCount) nonSubstantive++;
    else if (c >= 0) substantive++;
    else if (c === -1) missing++;
    else invalid++;
  }
  const n: ColumnCounts = {
    total: rows.length,
    answered: substantive + nonSubstantive,
    substantive,
    missing,
    invalid,
    nonSubstantive,
  };
  const weights = column.weights === undefined ? undefined : Float64Array.from(rows, (row) => column.weights?.[row] as number);
  return Object.freeze({
    kind: 'likert-column' as const,
    scale: column.scale,
    codes,
    n: Object.freeze(n),
    ...(column.label === undefined ? {} : { label: column.label }),
    ...(weights === undefined ? {} : { weights }),
  });
}
