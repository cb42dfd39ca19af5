/**
 * Levenshtein edit distance between two strings (insertions, deletions and substitutions of
 * UTF-16 code units, each costing 1), computed with the two-row Wagner–Fischer dynamic
 * programme. Returns early with `limit + 1` once the distance is known to exceed `limit`.
 * Internal: used by `likert` to suggest the closest label for an unknown one.
 *
 * @param a - first string
 * @param b - second string
 * @param limit - the largest distance of interest (default: no limit)
 * @returns the distance, or `limit + 1` when it is larger than `limit`
 * @example
 * ```ts
 * levenshtein('i hoj grad', 'i høj grad'); // 1
 * levenshtein('kitten', 'sitting');        // 3
 * ```
 * @see Wagner, R. A. and Fischer, M. J. (1974). The string-to-string correction problem. JACM 21(1).
 */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (previous[j] as number) + 1;
      const insertion = (current[j - 1] as number) + 1;
      const d = Math.min(substitution, deletion, insertion);
      current[j] = d;
      if (d < rowMinimum) rowMinimum = d;
    }
    if (rowMinimum > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}
