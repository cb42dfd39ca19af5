/**
 * Ranking helpers shared by rank-based statistics. Internal: never re-exported from
 * `src/index.ts`.
 */

/**
 * Ranks of `values` (1 = smallest) with ties given the average of the ranks they span, as R's
 * `rank(x, ties.method = "average")`. Every rank is an integer or a half-integer, so it is exact
 * in binary64. The values must not contain `NaN`.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (values[a] as number) - (values[b] as number)
  );
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    // [start, end) is a run of tied values in sorted order; they share the mean of ranks
    // start + 1 … end, which is (start + 1 + end) / 2.
    let end = start + 1;
    const value = values[order[start] as number] as number;
    while (end < n && values[order[end] as number] === value) end++;
    const shared = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = shared;
    start = end;
  }
  return ranks;
}
