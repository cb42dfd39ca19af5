/**
 * The byte reader of `surveyFromCsv`: data records split on the file's bytes, for encodings in
 * which the delimiter, the quote and the line ends are single bytes that occur nowhere else
 * (UTF-8 and windows-1252). A cell whose exact bytes its column has seen before is coded by the
 * dictionary index of that spelling, without decoding it or making a string; any other cell is
 * decoded alone and coded through the text path, so the result is the text reader's by
 * construction. Records the byte reader does not handle (a quote, an empty line, the wrong
 * number of fields) go to the text reader. Internal.
 */

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Longest spelling (bytes) a column keeps; longer cells are decoded every time. */
export const LONGEST_SPELLING = 64;

/** Most byte spellings a column keeps. */
export const MOST_SPELLINGS = 256;

/** Slots of the table of long spellings (a power of two). */
const SLOTS = 64;

/** The slot of a spelling's (or a cell's) first four bytes, read as a little-endian int32. */
function slotOf(word: number): number {
  return Math.imul(word, 0x9e3779b1) >>> 26; // Fibonacci hashing to 6 bits (64 slots)
}

/**
 * The byte spellings of the kept columns: the raw bytes of cells seen before, each with its
 * column's dictionary index, in flat typed arrays shared by all columns (so that the reading
 * loop holds them in locals). A spelling of four bytes or more is kept as the int32 words at
 * offsets 0, 4, 8, … and `length − 4` (the last word overlaps the one before), found by the
 * slot of its first word; a shorter one by its first byte. A cell at `at` matches a spelling of
 * length `len` when the byte at `at + len` ends a field (delimiter, CR or LF) and its words (or
 * bytes) are the spelling's. A spelling never holds a delimiter, a quote or a line end (it
 * comes from a cell that the scan cut at the first of those), so a match is exactly that cell.
 */
export class ByteSpellings {
  /** 1 for a kept column whose cells are looked up, 0 for a column not kept or given up. */
  readonly active: Uint8Array;
  /** Dictionary index of each column's empty cell, -1 until one is seen. */
  readonly empty: Int32Array;
  /** Entry + 1 of the first long spelling in each column's slots (`column × SLOTS + slot`), 0 for none. */
  readonly slot: Int32Array;
  /** Entry + 1 of the first short spelling by column and first byte (`column × 256 + byte`). */
  readonly first: Int32Array;
  next: Int32Array<ArrayBuffer> = new Int32Array(64);
  length: Int32Array<ArrayBuffer> = new Int32Array(64);
  index: Int32Array<ArrayBuffer> = new Int32Array(64);
  /** Where the entry's words (long) or bytes (short) start in `words`. */
  start: Int32Array<ArrayBuffer> = new Int32Array(64);
  /** The words of long spellings; a short spelling's bytes, one per element. */
  words: Int32Array<ArrayBuffer> = new Int32Array(1024);
  /** Changes whenever an array above is replaced by a larger one. */
  version = 0;
  private readonly counts: Int32Array;
  private entries = 0;
  private used = 0;

  /** For a record of `width` fields; `kept[f]` says whether field f is read. */
  constructor(kept: readonly boolean[]) {
    const width = kept.length;
    this.active = Uint8Array.from(kept, (k) => (k ? 1 : 0));
    this.empty = new Int32Array(width).fill(-1);
    this.slot = new Int32Array(width * SLOTS);
    this.first = new Int32Array(width * 256);
    this.counts = new Int32Array(width);
  }

  /** Stops looking up column `f`: its cells are decoded from now on. */
  retire(f: number): void {
    this.active[f] = 0;
    this.empty[f] = -1;
  }

  /** Adds the bytes `buf[from, to)` of a cell of column `f` that was not found, with its dictionary index (-1: none). */
  add(f: number, buf: Uint8Array, from: number, to: number, dictionaryIndex: number): void {
    // A column of ids or free text fills its share: its cells are then decoded without a look-up.
    if (dictionaryIndex < 0 || (this.counts[f] as number) >= MOST_SPELLINGS) {
      this.retire(f);
      return;
    }
    const length = to - from;
    if (length === 0) {
      this.empty[f] = dictionaryIndex;
      return;
    }
    if (length > LONGEST_SPELLING) return;
    this.counts[f] = (this.counts[f] as number) + 1;
    const e = this.entries++;
    if (e === this.next.length) {
      const widen = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(2 * a.length);
        b.set(a);
        return b;
      };
      this.next = widen(this.next);
      this.start = widen(this.start);
      this.length = widen(this.length);
      this.index = widen(this.index);
      this.version++;
    }
    if (this.used + length > this.words.length) {
      const grown = new Int32Array(2 * (this.used + length));
      grown.set(this.words.subarray(0, this.used));
      this.words = grown;
      this.version++;
    }
    this.start[e] = this.used;
    this.length[e] = length;
    this.index[e] = dictionaryIndex;
    let head: Int32Array;
    let key: number;
    if (length >= 4) {
      const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      const count = (length + 3) >> 2;
      for (let k = 0; k < count; k++) this.words[this.used + k] = view.getInt32(from + Math.min(4 * k, length - 4), true);
      head = this.slot;
      key = f * SLOTS + slotOf(this.words[this.used] as number);
      this.used += count;
    } else {
      for (let k = 0; k < length; k++) this.words[this.used + k] = buf[from + k] as number;
      this.used += length;
      head = this.first;
      key = f * 256 + (buf[from] as number);
    }
    // Appended at the end of its chain, so that the spellings seen first are tried first.
    this.next[e] = 0;
    let last = head[key] as number;
    if (last === 0) {
      head[key] = e + 1;
    } else {
      while (this.next[last - 1] !== 0) last = this.next[last - 1] as number;
      this.next[last - 1] = e + 1;
    }
  }
}

/** What {@link byteRecords} hands back to its caller, reused from record to record. */
export interface ByteRecordSink {
  /**
   * Codes the record's cells: `found[f]` is the dictionary index of field f, or -1 for a cell
   * to decode from `buf[from[f], to[f])`. The record starts at `buf[start]`, on `line`.
   */
  record(buf: Uint8Array, found: Int32Array, from: Int32Array, to: Int32Array, line: number, start: number): void;
  /**
   * Reads the records from `at` with the text reader (the record at `at` is one the byte
   * reader does not handle); returns the byte offset where it stopped, or `at` when the
   * record at `at` needs more bytes than `buf` holds.
   */
  slow(buf: Uint8Array, at: number, end: number, final: boolean): number;
  /** Validates the bytes `buf[from, to)` of a field that is not kept (the record starts at `at`, on `line`); throws when they do not decode. */
  check(buf: Uint8Array, from: number, to: number, at: number, line: number): void;
  /** The line of the record at the next byte, as the text reader left it. */
  line: number;
}

/**
 * Reads the data records of `buf[at, end)` whose fields are all unquoted and on one line: the
 * fields are cut at the delimiter, each kept field looked up among its column's byte spellings.
 * Any other record goes to `sink.slow`. `kept[f]` is 1 for a field that is read (its bytes are
 * validated by the decoding of its cell), 0 for one that is not (validated by `sink.check`
 * when it holds a byte outside ASCII or a NUL). Returns where the unread bytes start (a record
 * that may go on in bytes still to come). Linear in the bytes read.
 */
export function byteRecords(
  buf: Uint8Array,
  at: number,
  end: number,
  delimiter: number,
  width: number,
  tables: ByteSpellings,
  kept: Uint8Array,
  sink: ByteRecordSink,
  final: boolean,
  found: Int32Array,
  from: Int32Array,
  to: Int32Array,
): number {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const { active, empty, slot, first } = tables;
  let { next, length: lengths, index: indices, start: starts, words } = tables;
  let version = tables.version;
  let pos = at;
  records: while (pos < end) {
    const line = sink.line;
    const head = buf[pos] as number;
    if (head === LF || head === CR) {
      const next = sink.slow(buf, pos, end, final);
      if (next === pos) return pos;
      pos = next;
      continue;
    }
    let i = pos;
    let recordEnd = -1;
    for (let f = 0; f < width; f++) {
      let index = -1;
      let stop = -1;
      if (active[f] === 1) {
        const b0 = i < end ? (buf[i] as number) : -1;
        if (b0 === delimiter || b0 === LF || b0 === CR) {
          const e = empty[f] as number;
          if (e >= 0) {
            index = e;
            stop = i;
          }
        } else if (b0 >= 0) {
          if (i + 4 <= end) {
            const w0 = view.getInt32(i, true);
            for (let k = slot[f * SLOTS + slotOf(w0)] as number; k !== 0; k = next[k - 1] as number) {
              const ws = starts[k - 1] as number;
              if (words[ws] !== w0) continue;
              const length = lengths[k - 1] as number;
              const t = i + length;
              if (t >= end) continue;
              const c = buf[t] as number;
              if (c !== delimiter && c !== LF && c !== CR) continue;
              const lastWord = ((length + 3) >> 2) - 1;
              let w = 1;
              while (w < lastWord && view.getInt32(i + 4 * w, true) === words[ws + w]) w++;
              if (w >= lastWord && (lastWord === 0 || view.getInt32(t - 4, true) === words[ws + lastWord])) {
                index = indices[k - 1] as number;
                stop = t;
                break;
              }
            }
          }
          if (stop === -1) {
            for (let k = first[f * 256 + b0] as number; k !== 0; k = next[k - 1] as number) {
              const length = lengths[k - 1] as number;
              const t = i + length;
              if (t >= end) continue;
              const c = buf[t] as number;
              if (c !== delimiter && c !== LF && c !== CR) continue;
              const s = (starts[k - 1] as number) - i;
              let j = i + 1;
              while (j < t && buf[j] === words[s + j]) j++;
              if (j === t) {
                index = indices[k - 1] as number;
                stop = t;
                break;
              }
            }
          }
        }
      }
      if (stop === -1) {
        let j = i;
        let odd = false;
        while (j < end) {
          const c = buf[j] as number;
          if (c === delimiter || c === LF || c === CR || c === QUOTE) break;
          if (c >= 0x80 || c === 0) odd = true;
          j++;
        }
        if (j >= end) {
          // The record goes on in bytes still to come, or ends the input without a line end.
          if (!final) return pos;
          const next = sink.slow(buf, pos, end, final);
          if (next === pos) return pos;
          pos = next;
          continue records;
        }
        if (buf[j] === QUOTE) {
          const next = sink.slow(buf, pos, end, final);
          if (next === pos) return pos;
          pos = next;
          continue records;
        }
        stop = j;
        // A field nobody reads is still validated, as decoding the whole file would.
        if (odd && kept[f] === 0) sink.check(buf, i, j, pos, line);
      }
      found[f] = index;
      if (index < 0) {
        from[f] = i;
        to[f] = stop;
      }
      const c = buf[stop] as number;
      if (f < width - 1) {
        if (c !== delimiter) {
          // Too few fields: the text reader reports the record.
          const next = sink.slow(buf, pos, end, final);
          if (next === pos) return pos;
          pos = next;
          continue records;
        }
        i = stop + 1;
      } else {
        if (c === delimiter) {
          const next = sink.slow(buf, pos, end, final);
          if (next === pos) return pos;
          pos = next;
          continue records;
        }
        if (c === CR) {
          // A CR at the end may be the first half of a CRLF still to come.
          if (stop + 1 >= end && !final) return pos;
          recordEnd = buf[stop + 1] === LF ? stop + 2 : stop + 1;
        } else {
          recordEnd = stop + 1;
        }
      }
    }
    sink.record(buf, found, from, to, line, pos);
    if (tables.version !== version) {
      ({ next, length: lengths, index: indices, start: starts, words } = tables);
      version = tables.version;
    }
    sink.line = line + 1;
    pos = recordEnd;
  }
  return pos;
}
