import { columnCodes, columnWeights } from './columnData';
import type { ColumnCounts, LikertColumn } from './types';

/**
 * The column restricted to the respondents at `rows` (in that order), with its counts
 * recomputed; a column's weights, when it carries them, are restricted the same way. Internal:
 * used by survey filters and group comparisons.
 */
export function subsetColumn(column: LikertColumn, rows: ArrayLike<number>): LikertColumn {
  const levelCount = column.scale.levels.length;
  // Read the arrays once: a survey's columns hand out copies through their getters.
  const source = columnCodes(column);
  const sourceWeights = columnWeights(column);
  const codes = new Int8Array(rows.length);
  let substantive = 0;
  let nonSubstantive = 0;
  let missing = 0;
  let invalid = 0;
  for (let j = 0; j < rows.length; j++) {
    const c = source[rows[j] as number] as number;
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
  const weights = sourceWeights === undefined ? undefined : Float64Array.from(rows, (row) => sourceWeights[row] as number);
  return Object.freeze({
    kind: 'likert-column' as const,
    scale: column.scale,
    codes,
    n: Object.freeze(n),
    ...(column.label === undefined ? {} : { label: column.label }),
    ...(weights === undefined ? {} : { weights }),
  });
}
