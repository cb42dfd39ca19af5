/**
 * Joint counts of the levels of two items from one bitset per level: the JavaScript kernel
 * (the WebAssembly one is `joint` in kernel.wat) and the bitsets it reads. `summarize` forms the
 * joint counts of its pairs with them. Internal: never re-exported from `src/index.ts`.
 */

/** One bitset of `words` words per level (level i at i·words) of the survey's cells of `base`. */
export function levelPlanes(base: Int8Array, rows: Int32Array | null, size: number, k: number, words: number): Int32Array {
  const planes = new Int32Array(words * k);
  for (let r = 0; r < size; r++) {
    const code = base[rows === null ? r : (rows[r] as number)] as number;
    // Levels are 0 … k − 1; the unsigned comparison also drops missing and invalid (< 0).
    if ((code >>> 0) < k) planes[code * words + (r >>> 5)]! |= 1 << (r & 31);
  }
  return planes;
}

/**
 * The rows × columns table Σ_w popcount(a_i ∧ b_j) of the level planes `a` (`rows` bitsets of
 * `words` words) and `b` (`columns` of them), in JavaScript, where the WebAssembly kernel is unavailable. The popcount is the SWAR one: pairs, nibbles, then bytes, whose four
 * counts (each ≤ 8) are added up across up to 31 words before they are folded. Up to 5
 * columns (the usual scales) the columns' words are held in locals, five popcounts per level.
 */
export function jointCounts(a: Int32Array, b: Int32Array, words: number, rows: number, columns: number): number[] {
  const cellCount = rows * columns;
  const counts = new Float64Array(cellCount);
  const narrow = columns <= 5;
  const stride = narrow ? 5 : columns;
  const bytes = new Int32Array(rows * stride);
  for (let start = 0; start < words; start += 31) {
    const end = Math.min(words, start + 31);
    bytes.fill(0);
    if (narrow) fiveColumns(a, b, words, start, end, rows, columns, bytes);
    else {
      for (let w = start; w < end; w++) {
        for (let i = 0; i < rows; i++) {
          const ai = a[i * words + w] as number;
          if (ai === 0) continue;
          for (let j = 0; j < columns; j++) bytes[i * stride + j]! += byteCounts(ai & (b[j * words + w] as number));
        }
      }
    }
    // Each byte holds at most 31 · 8 = 248, so no carry reached its neighbour; their sum can
    // pass 255, so the four bytes are added one by one.
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) {
        const x = bytes[i * stride + j] as number;
        counts[i * columns + j]! += (x & 0xff) + ((x >>> 8) & 0xff) + ((x >>> 16) & 0xff) + (x >>> 24);
      }
    }
  }
  return Array.from(counts);
}

/** The set bits of each byte of `v`, in that byte (the first two steps of the SWAR popcount). */
function byteCounts(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (v + (v >>> 4)) & 0x0f0f0f0f;
}

/** {@link jointCounts}' words `start` … `end` − 1 for at most five columns, into `bytes` (stride 5). */
function fiveColumns(a: Int32Array, b: Int32Array, words: number, start: number, end: number, rows: number, columns: number, bytes: Int32Array): void {
  for (let w = start; w < end; w++) {
    // Columns past the last are 0 words: their popcounts add nothing.
    const b0 = b[w] as number;
    const b1 = columns > 1 ? (b[words + w] as number) : 0;
    const b2 = columns > 2 ? (b[2 * words + w] as number) : 0;
    const b3 = columns > 3 ? (b[3 * words + w] as number) : 0;
    const b4 = columns > 4 ? (b[4 * words + w] as number) : 0;
    for (let i = 0; i < rows; i++) {
      const ai = a[i * words + w] as number;
      if (ai === 0) continue;
      const o = i * 5;
      bytes[o]! += byteCounts(ai & b0);
      bytes[o + 1]! += byteCounts(ai & b1);
      bytes[o + 2]! += byteCounts(ai & b2);
      bytes[o + 3]! += byteCounts(ai & b3);
      bytes[o + 4]! += byteCounts(ai & b4);
    }
  }
}
