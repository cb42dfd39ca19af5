/**
 * The WebAssembly form of the byte reader (kernel: scan.wat, bytes: scan.wasm.ts): the records
 * of a buffer split 16 bytes per step, and each cell of a looked-up column found among the byte
 * spellings its column has seen, in a hash table in the module's memory. It hands back a batch
 * of records at a time: per column, the dictionary index of each record's cell (or -1 for a
 * cell the caller decodes) and the code byte the caller gave its spelling (a Likert code, so
 * that an item column's codes are copied, not looked up again), and where every field ends. What it does not read (a quote, an
 * empty line, the wrong number of fields) it leaves to the caller's text reader, exactly as
 * {@link byteRecords} does; so its results are the text reader's by construction. Null where
 * WebAssembly or its SIMD instructions are unavailable. Internal.
 */
import { compileBase64 } from '../internal/wasm';
import { scanBase64 } from './scan.wasm';

interface ScanExports {
  readonly memory: WebAssembly.Memory;
  readonly setup: (
    table: number, slots: number, kinds: number, firsts: number, unknown: number,
    narrow: number, ends: number, codes: number, width: number, batch: number, delimiter: number,
    coded: number, tallies: number, numbers: number, small: number,
  ) => void;
  readonly scan: (at: number, end: number, final: number, limit: number) => number;
  readonly add: (column: number, at: number, length: number, index: number, code: number) => number;
  readonly stop: WebAssembly.Global;
  readonly why: WebAssembly.Global;
}

/** A scan stopped at the end of the bytes, or before a record that may go on in bytes still to come. */
export const STOP_END = 0;
/** A scan stopped before a record the text reader reads. */
export const STOP_SLOW = 1;
/** A scan stopped with its batch full. */
export const STOP_FULL = 2;

/** The code of a cell that spells a number in plain digits, whose value is in {@link WasmRecords.columnNumbers}. */
export const DIGITS = -3;

/** Slots of the spelling table (a power of two; it is never more than half full). */
const SLOTS = 8192;
/** Bytes after the buffer that the kernel may read (set to LF). */
const PADDING = 64;

/** The compiled module (null: unavailable), made on first use. Module-private. */
let compiled: WebAssembly.Module | null | undefined;

function compile(): WebAssembly.Module | null {
  if (compiled === undefined) compiled = compileBase64(scanBase64);
  return compiled;
}

function align(n: number): number {
  return (n + 15) & ~15;
}

/** One reading's instance of the kernel: its own memory, spelling table and outputs. */
export class WasmRecords {
  /** Most records one scan reads. */
  readonly batch: number;
  /** Where the bytes of the buffer start in the module's memory. */
  readonly base: number;
  private readonly exports: ScanExports;
  private readonly width: number;
  private readonly kindsAt: number;
  private readonly unknownAt: number;
  private readonly narrowAt: number;
  private readonly endsAt: number;
  private readonly codesAt: number;
  private readonly codedAt: number;
  private readonly talliesAt: number;
  private readonly numbersAt: number;
  private readonly smallAt: number;
  /** Views of the outputs, remade when the memory grows. */
  kinds!: Uint8Array;
  unknown!: Int32Array;
  narrow!: Uint8Array;
  ends!: Int32Array;
  codes!: Int16Array;
  coded!: Int8Array;
  tallies!: Int32Array;
  numbers!: Float64Array;
  small!: Uint8Array;
  private bytes!: Uint8Array;
  private source: Uint8Array = new Uint8Array(0);
  /** How many bytes of the loaded buffer are in the module's memory. */
  loaded = 0;

  /**
   * A reader for records of `width` fields (`kept[f]`: field f is read and looked up), or null
   * where the kernel cannot run.
   */
  static create(kept: readonly boolean[], delimiter: number): WasmRecords | null {
    const module = compile();
    if (module === null) return null;
    try {
      return new WasmRecords(new WebAssembly.Instance(module, {}).exports as unknown as ScanExports, kept, delimiter);
    } catch {
      return null;
    }
  }

  private constructor(exports: ScanExports, kept: readonly boolean[], delimiter: number) {
    this.exports = exports;
    const width = kept.length;
    this.width = width;
    // About a megabyte of field ends per batch, whatever the width.
    this.batch = Math.max(64, Math.min(4096, Math.floor((1 << 18) / Math.max(1, width))));
    const table = 512;
    this.kindsAt = table + SLOTS * 48;
    // Each column's first spelling of each length 0 … 32, in slots of 48 bytes.
    const firstsAt = align(this.kindsAt + width);
    this.unknownAt = firstsAt + 33 * 48 * width;
    this.narrowAt = this.unknownAt + 4 * width;
    this.endsAt = align(this.narrowAt + width);
    this.codesAt = this.endsAt + 4 * this.batch * (width + 1);
    this.codedAt = align(this.codesAt + 2 * width * this.batch);
    this.talliesAt = align(this.codedAt + width * this.batch);
    this.numbersAt = align(this.talliesAt + 4 * 256 * width);
    this.smallAt = align(this.numbersAt + 8 * width * this.batch);
    this.base = align(this.smallAt + width * this.batch);
    this.reserve(this.base + PADDING);
    exports.setup(
      table, SLOTS, this.kindsAt, firstsAt, this.unknownAt, this.narrowAt, this.endsAt, this.codesAt, width, this.batch, delimiter,
      this.codedAt, this.talliesAt, this.numbersAt, this.smallAt,
    );
    for (let f = 0; f < width; f++) this.kinds[f] = kept[f] === true ? 1 : 0;
  }

  private reserve(bytes: number): void {
    const memory = this.exports.memory;
    if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
    const buffer = memory.buffer;
    // The views stay valid until the memory grows (growing replaces its buffer).
    if (this.bytes?.buffer === buffer) return;
    this.kinds = new Uint8Array(buffer, this.kindsAt, this.width);
    this.unknown = new Int32Array(buffer, this.unknownAt, this.width);
    this.narrow = new Uint8Array(buffer, this.narrowAt, this.width);
    this.ends = new Int32Array(buffer, this.endsAt, this.batch * (this.width + 1));
    this.codes = new Int16Array(buffer, this.codesAt, this.width * this.batch);
    this.coded = new Int8Array(buffer, this.codedAt, this.width * this.batch);
    this.tallies = new Int32Array(buffer, this.talliesAt, 256 * this.width);
    this.numbers = new Float64Array(buffer, this.numbersAt, this.width * this.batch);
    this.small = new Uint8Array(buffer, this.smallAt, this.width * this.batch);
    this.bytes = new Uint8Array(buffer);
  }

  /**
   * Copies `buf[0, upTo)` into the module's memory, where the next scans read it (offsets as in
   * `buf`); {@link extend} copies more of it.
   */
  load(buf: Uint8Array, upTo = buf.length): void {
    this.reserve(this.base + buf.length + PADDING);
    this.source = buf;
    this.loaded = 0;
    this.extend(upTo);
  }

  /**
   * Copies the loaded buffer's bytes from {@link loaded} up to `upTo` after those already there.
   * Copied just before they are scanned, the bytes are still in the cache when the kernel reads them.
   */
  extend(upTo: number): void {
    const to = Math.min(upTo, this.source.length);
    this.bytes.set(this.source.subarray(this.loaded, to), this.base + this.loaded);
    this.bytes.fill(10, this.base + to, this.base + to + PADDING);
    this.loaded = to;
  }

  /**
   * Reads at most `limit` (≤ {@link batch}) records from `at` up to `end` (offsets in the loaded
   * buffer); returns how many, with {@link stop} and {@link why} telling where and why it stopped.
   */
  scan(at: number, end: number, final: boolean, limit: number): number {
    return this.exports.scan(this.base + at, this.base + end, final ? 1 : 0, Math.min(limit, this.batch));
  }

  /** The offset in the buffer where the last scan stopped. */
  get stop(): number {
    return (this.exports.stop.value as number) - this.base;
  }

  /** Why the last scan stopped. */
  get why(): number {
    return this.exports.why.value as number;
  }

  /** Where field `f` of record `r` of the last scan starts (an offset in the buffer). */
  fieldStart(r: number, f: number): number {
    return (this.ends[r * (this.width + 1) + f] as number) + 1 - this.base;
  }

  /** Where it ends (the offset of the byte that ends it). */
  fieldEnd(r: number, f: number): number {
    return (this.ends[r * (this.width + 1) + f + 1] as number) - this.base;
  }

  /** Column `f`'s codes of the last scan's `count` records. */
  columnCodes(f: number, count: number): Int16Array {
    const codes = this.codes.subarray(f * this.batch, f * this.batch + count);
    // A narrow column's indices are only in small (the kernel writes them once).
    if (this.narrow[f] === 1) codes.set(this.columnSmall(f, count));
    return codes;
  }

  /**
   * Column `f`'s dictionary indices of the last scan's `count` records, for a looked-up column
   * whose every cell was found (unknown 0): as bytes where every index is below 256, else as
   * {@link columnCodes}.
   */
  columnIndices(f: number, count: number): Uint8Array | Int16Array {
    return this.narrow[f] === 1 ? this.columnSmall(f, count) : this.codes.subarray(f * this.batch, f * this.batch + count);
  }

  /**
   * Column `f`'s code bytes of the last scan's `count` records (as signed bytes): the `code`
   * its spelling was added with, for each cell {@link columnCodes} found.
   */
  columnCoded(f: number, count: number): Int8Array {
    return this.coded.subarray(f * this.batch, f * this.batch + count);
  }

  /** Column `f`'s dictionary indices of the last scan's `count` records as bytes (the low byte of each). */
  private columnSmall(f: number, count: number): Uint8Array {
    return this.small.subarray(f * this.batch, f * this.batch + count);
  }

  /**
   * How many cells of column `f` have each code byte (entry `code & 255`), over the scans whose
   * every cell of the column was found (unknown 0) while it was looked up.
   */
  tallyOf(f: number): Int32Array {
    return this.tallies.subarray(256 * f, 256 * f + 256);
  }

  /**
   * Column `f`'s numbers of the last scan's `count` records: the value of each cell whose code
   * is {@link DIGITS} (anything for the others).
   */
  columnNumbers(f: number, count: number): Float64Array {
    return this.numbers.subarray(f * this.batch, f * this.batch + count);
  }

  /** Column `f`'s cells are decoded from now on. */
  retire(f: number): void {
    if (this.kinds[f] === 1) this.kinds[f] = 2;
  }

  /**
   * Column `f` (kept, and not looked up) is read as plain digits where it can from now on
   * (`on`), or decoded (`!on`): a cell of 1 to 15 ASCII digits without a leading zero gets the
   * code {@link DIGITS} and its value, any other the code -1.
   */
  digits(f: number, on: boolean): void {
    if (this.kinds[f] !== 0 && this.kinds[f] !== 1) this.kinds[f] = on ? 3 : 2;
  }

  /**
   * Adds the bytes of the buffer at `[from, to)` as a spelling of column `f`, with its
   * dictionary index and code byte (see {@link columnCoded}): 1 when added, 2 when the column had
   * it, 0 when it is not kept (too long, or the table is half full).
   */
  add(f: number, from: number, to: number, index: number, code = 0): number {
    return this.exports.add(f, this.base + from, to - from, index, code);
  }
}
