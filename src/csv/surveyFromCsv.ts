import { asBytes, decodeBytes, DecodeInputError, decodeWindows1252 } from '../data/decode';
import { safeLikertDictionary, type LikertOptions, type SafeLikertResult } from '../data/likert';
import { isMissingValue } from '../data/missing';
import { SurveyInputError, safeSurveyFromSource, type DictionarySource, type SurveyDefinition, type SurveyIssue } from '../data/survey';
import type { Survey } from '../data/surveyObject';
import { MISSING } from '../data/types';
import { describeValue } from '../internal/validate';
import { ByteSpellings, byteRecords, LONGEST_SPELLING, MOST_SPELLINGS, type ByteRecordSink } from './byteRecords';
import { DIGITS, STOP_END, STOP_FULL, WasmRecords } from './wasmRecords';
import { CsvInputError, type CsvIssue } from './CsvInputError';
import {
  countBreaks,
  decodeFailure,
  detectDelimiter,
  noteRecordIssues,
  readCsvOptions,
  readHeader,
  RecordSampler,
  skipsRecord,
  splitRecords,
  type CheckedCsvOptions,
  type CsvDelimiter,
  type ParseCsvOptions,
  type RawRecord,
} from './parseCsv';

/** A scale, as the coder of `survey()` takes it. */
type Scale = Parameters<typeof safeLikertDictionary>[2];

/** What {@link surveyFromCsv} reads: text, bytes, or a stream of byte (or text) chunks. */
export type CsvInput = string | Uint8Array | ArrayBuffer | AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array>;

/** A survey definition without its data: what `survey()` takes, minus `rows`, `columns`, `table` and `survey`. */
export type SurveyCsvDefinition<I extends string = string> = Omit<SurveyDefinition<I>, 'rows' | 'columns' | 'table' | 'survey'>;

/** Options of {@link surveyFromCsv}: those of `parseCsv`. */
export type SurveyFromCsvOptions = ParseCsvOptions;

/** What the CSV reading found, beside the survey (as `parseCsv` reports it). */
export interface SurveyCsvInfo {
  /** The trimmed header names, in file order. */
  readonly columns: string[];
  /** The delimiter used (given or detected). */
  readonly delimiter: CsvDelimiter;
  /** The canonical name of the encoding used, or `'text'` for text input. */
  readonly encoding: string;
  /** Data records read (the rows `survey()` saw). */
  readonly rowCount: number;
  /** `lines[i]`: the 1-based line on which data row `i` starts. */
  readonly lines: number[];
  /** Ragged records and quoting problems, with their lines (as `parseCsv`'s `issues`). */
  readonly issues: CsvIssue[];
}

/** Result of {@link safeSurveyFromCsv}. */
export type SafeSurveyFromCsvResult<I extends string = string> =
  | { readonly ok: true; readonly survey: Survey<I>; readonly csv: SurveyCsvInfo }
  | { readonly ok: false; readonly issues: readonly SurveyIssue[]; readonly csv: SurveyCsvInfo };

/** Distinct spellings a column keeps in dictionary form before it holds its cells directly. */
const DICTIONARY_LIMIT = 4096;

/**
 * Which byte reader reads UTF-8 and windows-1252 records: the WebAssembly kernel where it can
 * run, else the JavaScript one; and how many item columns were handed to the survey with the
 * codes made while reading (so that the tests can tell that path was taken). Internal: the
 * tests set `'js'` to hold the JavaScript reader to the same results; nothing else changes it.
 */
export const byteReader: { kernel: 'wasm' | 'js'; codedColumns: number } = { kernel: 'wasm', codedColumns: 0 };

/** Bytes of a whole-bytes input decoded at a time. */
const SLICE = 1 << 20;
/** Bytes the byte reader copies into the kernel's memory at a time. */
const PIECE = 1 << 17;

/**
 * The number the bytes `buf[from, to)` spell in plain digits: 1 to 15 ASCII digits, with no
 * leading zero unless it is the one digit "0", so that `String(value)` gives the cell back
 * exactly (and every partial sum is below 2^53, so the value is exact). -1 for any other cell.
 */
function canonicalDigitBytes(buf: Uint8Array, from: number, to: number): number {
  const length = to - from;
  if (length < 1 || length > 15 || (buf[from] === 48 && length > 1)) return -1;
  let value = 0;
  for (let k = from; k < to; k++) {
    const d = (buf[k] as number) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** {@link canonicalDigitBytes} for the characters `text[from, to)`. */
function canonicalDigitText(text: string, from: number, to: number): number {
  const length = to - from;
  if (length < 1 || length > 15 || (text.charCodeAt(from) === 48 && length > 1)) return -1;
  let value = 0;
  for (let k = from; k < to; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * One column of the file as it is read: the cells of the rows so far, either as indices into the
 * distinct spellings seen (a column of answers holds a handful) or, once it has many, directly.
 * A cell holds `null` where `parseCsv` gives `null` (empty, blank, or missing from a short record).
 */
class CellColumn {
  /**
   * A column read only as numbers or ids holds its cells as doubles while every cell is a
   * number in plain digits ({@link canonicalDigitBytes}); null in every other column, and from the
   * first cell that is not. Such a cell reads as the same number, and as the same id text, as
   * its string does.
   */
  private digits: Float64Array | null;
  /** Spelling → index into `values`; null once the column holds its cells directly. */
  private dictionary: Map<string, number> | null = new Map();
  /** Distinct cells (index 0 is null), or every cell once the dictionary is dropped. */
  values: (string | null)[] = [null];
  indices: Uint8Array | Uint16Array | Uint32Array = new Uint8Array(1024);
  length = 0;
  /** The raw spelling of each dictionary entry, by index (index 0, a missing field, has none). */
  private spellings: string[] = [''];
  /** Dictionary indices by spelling length, so that a cell is found without cutting it out. */
  private byLength: number[][] = [];
  /**
   * The distinct cells of the dictionary the column had before it dropped it (empty until
   * then), so that an index the byte reader found among its spellings still names its cell.
   */
  private formerValues: readonly (string | null)[] = [];
  /**
   * The scale an item column's cells are coded with as they are read (the first item that
   * reads the column; null for other columns, and from the first problem on): each distinct
   * spelling is coded once, and the kernel copies the codes of the cells it finds.
   */
  private coder: { readonly scale: Scale; readonly reverse: boolean } | null;
  /** The Likert code of each dictionary index, for the first `classified` of them. */
  private classes = new Int8Array(16);
  private classified = 0;
  /** The Likert codes of the first `codedRows` cells. */
  private likertCodes = new Int8Array(0);
  private codedRows = 0;
  /** How many of those cells have each code (by its byte, `code & 255`). */
  private readonly tallies = new Float64Array(256);

  constructor(digits: boolean, coder: { readonly scale: Scale; readonly reverse: boolean } | null = null) {
    this.digits = digits ? new Float64Array(1024) : null;
    this.coder = digits ? null : coder;
  }

  /** True while the cells are coded as they are read. */
  get coding(): boolean {
    return this.coder !== null && this.dictionary !== null;
  }

  /**
   * The Likert code of dictionary index `index` (0 once the column is not coding). The spellings
   * not yet coded are coded together, by the coder `survey()` uses (with `unknown: 'missing'`,
   * so an unknown label is coded, as there, and reported at the end).
   */
  codeOf(index: number): number {
    if (index >= this.classified && this.coding) {
      const coder = this.coder as { readonly scale: Scale; readonly reverse: boolean };
      const fresh = this.values.slice(this.classified);
      let result: SafeLikertResult | undefined;
      try {
        result = safeLikertDictionary(fresh, Uint32Array.from(fresh, (_, k) => k), coder.scale, { unknown: 'missing', reverse: coder.reverse });
      } catch {
        result = undefined;
      }
      if (result === undefined || !result.ok) {
        // A scale or option survey() reports: the column is coded there, from its dictionary.
        this.coder = null;
        return 0;
      }
      if (this.values.length > this.classes.length) {
        const grown = new Int8Array(Math.max(2 * this.classes.length, this.values.length));
        grown.set(this.classes);
        this.classes = grown;
      }
      this.classes.set(result.column.codes, this.classified);
      this.classified = this.values.length;
    }
    return this.coding ? (this.classes[index] as number) : 0;
  }

  /** Room for `rows` coded cells. */
  private reserveCodes(rows: number): void {
    if (rows <= this.likertCodes.length) return;
    const grown = new Int8Array(Math.max(2 * this.likertCodes.length, rows, 1024));
    grown.set(this.likertCodes.subarray(0, this.codedRows));
    this.likertCodes = grown;
  }

  /** Codes the cells added since the last coded one (by the text reader or one at a time). */
  private codeRest(): void {
    if (!this.coding || this.codedRows === this.length) return;
    this.reserveCodes(this.length);
    const codes = this.likertCodes;
    const tallies = this.tallies;
    const indices = this.indices;
    for (let i = this.codedRows; i < this.length; i++) {
      const code = this.codeOf(indices[i] as number);
      if (!this.coding) return;
      codes[i] = code;
      tallies[code & 255] = (tallies[code & 255] as number) + 1;
    }
    this.codedRows = this.length;
  }

  /**
   * Adds cells by their dictionary indices with their Likert codes (`codes[k]` is
   * {@link codeOf} of `indices[k]`, as the kernel copied it). The kernel counts these cells;
   * its counts join the column's with {@link addTallies} at the end.
   */
  pushCoded(indices: Uint8Array | Int16Array, codes: Int8Array): void {
    this.codeRest();
    this.pushIndices(indices);
    if (!this.coding) return;
    this.reserveCodes(this.length);
    this.likertCodes.set(codes, this.codedRows);
    this.codedRows = this.length;
  }

  /** Adds the counts of codes (by code byte) that the kernel made of {@link pushCoded}'s cells. */
  addTallies(counts: Int32Array): void {
    for (let b = 0; b < 256; b++) this.tallies[b] = (this.tallies[b] as number) + (counts[b] as number);
  }

  /**
   * The item column coded against `scale`, exactly as `safeLikertDictionary(values, indices,
   * scale, options)` codes it, from the codes made while reading; undefined when they are not
   * those (another scale or direction, a column that stopped coding) or an unknown label is to
   * be reported (that path lists its rows).
   */
  likert(scale: Scale, options: LikertOptions): SafeLikertResult | undefined {
    this.codeRest();
    if (!this.coding) return undefined;
    const values = this.values;
    // The distinct values coded as survey() codes them (it throws here as it would there).
    const distinct = safeLikertDictionary(values, Uint32Array.from(values, (_, k) => k), scale, options);
    if (!distinct.ok) return undefined;
    const classes = distinct.column.codes;
    for (let k = 0; k < classes.length; k++) if (classes[k] !== this.codeOf(k)) return undefined;
    const k = distinct.column.scale.levels.length;
    let substantive = 0;
    let nonSubstantive = 0;
    let missing = 0;
    let invalid = 0;
    for (let b = 0; b < 256; b++) {
      const count = this.tallies[b] as number;
      const code = (b << 24) >> 24;
      if (code >= 0) {
        if (code < k) substantive += count;
        else nonSubstantive += count;
      } else if (code === MISSING) {
        missing += count;
      } else {
        invalid += count;
      }
    }
    const n = this.length;
    // Every cell counted once, or the column is coded again from its dictionary.
    if (substantive + nonSubstantive + missing + invalid !== n || this.codedRows !== n) return undefined;
    const { label } = distinct.column;
    byteReader.codedColumns++;
    return {
      ok: true,
      column: Object.freeze({
        kind: 'likert-column',
        scale: distinct.column.scale,
        codes: this.likertCodes.slice(0, n),
        n: Object.freeze({ total: n, answered: substantive + nonSubstantive, substantive, missing, invalid, nonSubstantive }),
        ...(label === undefined ? {} : { label }),
      }),
    };
  }

  /** True while the cells are held as doubles. */
  get numeric(): boolean {
    return this.digits !== null;
  }

  /** Adds a cell of plain digits as its number; false (nothing added) for any other cell. */
  private pushNumber(value: number): boolean {
    if (value < 0) {
      this.leaveDigits();
      return false;
    }
    let digits = this.digits as Float64Array;
    if (this.length === digits.length) {
      const next = new Float64Array(2 * digits.length);
      next.set(digits);
      this.digits = digits = next;
    }
    digits[this.length++] = value;
    return true;
  }

  /**
   * Adds the bytes `buf[from, to)` as a number when they are plain digits (and the column holds
   * numbers); false, with nothing added, otherwise.
   */
  pushDigitBytes(buf: Uint8Array, from: number, to: number): boolean {
    return this.digits !== null && this.pushNumber(canonicalDigitBytes(buf, from, to));
  }

  /**
   * Adds cells of plain digits by their numbers (as the kernel read them: each is
   * {@link canonicalDigitBytes} of its cell); false, with nothing added, once the column holds text.
   */
  pushNumbers(values: Float64Array): boolean {
    let digits = this.digits;
    if (digits === null) return false;
    if (this.length + values.length > digits.length) {
      const next = new Float64Array(Math.max(2 * digits.length, this.length + values.length));
      next.set(digits.subarray(0, this.length));
      this.digits = digits = next;
    }
    digits.set(values, this.length);
    this.length += values.length;
    return true;
  }

  /** Adds one cell of plain digits by its number; false, with nothing added, once the column holds text. */
  pushDigitValue(value: number): boolean {
    return this.digits !== null && this.pushNumber(value);
  }

  /** The cells held so far as text, the column from now on held as other columns are. */
  private leaveDigits(): void {
    const digits = this.digits as Float64Array;
    const count = this.length;
    this.digits = null;
    this.length = 0;
    for (let i = 0; i < count; i++) this.push(String(digits[i] as number));
  }

  /**
   * Adds the cell `text[start, end)`. A spelling already seen is found by comparing it in
   * place (`startsWith` at `start`, among the spellings of that length), so the common cell
   * costs no new string and no hashing.
   */
  pushRange(text: string, start: number, end: number): void {
    if (this.digits !== null && this.pushNumber(canonicalDigitText(text, start, end))) return;
    if (this.dictionary !== null) {
      const candidates = this.byLength[end - start];
      if (candidates !== undefined) {
        for (let k = 0; k < candidates.length; k++) {
          const index = candidates[k] as number;
          if (text.startsWith(this.spellings[index] as string, start)) {
            if (this.length === this.indices.length) this.grow(index);
            this.indices[this.length++] = index;
            return;
          }
        }
      }
    }
    this.push(text.slice(start, end));
  }

  /**
   * Adds a cell by its dictionary index (one the byte reader found among its byte spellings),
   * also after the column dropped its dictionary: the index then names a cell of the former one.
   */
  pushIndex(index: number): void {
    if (this.dictionary === null) {
      this.values.push(this.formerValues[index] as string | null);
      this.length++;
      return;
    }
    if (this.length === this.indices.length) this.grow(index);
    this.indices[this.length++] = index;
  }

  /**
   * Adds cells by their dictionary indices (as {@link pushIndex} does one at a time): each is
   * an index of a spelling this column has, so the index array's width already holds it.
   */
  pushIndices(indices: Uint8Array | Int16Array): void {
    const count = indices.length;
    if (this.dictionary === null) {
      for (let k = 0; k < count; k++) this.values.push(this.formerValues[indices[k] as number] as string | null);
      this.length += count;
      return;
    }
    if (this.length + count > this.indices.length) {
      const size = Math.max(2 * this.indices.length, this.length + count);
      const next = this.indices instanceof Uint8Array ? new Uint8Array(size) : new Uint16Array(size);
      next.set(this.indices.subarray(0, this.length));
      this.indices = next;
    }
    this.indices.set(indices, this.length);
    this.length += count;
  }

  /** The dictionary index of the last cell added, or -1 once the cells are held directly. */
  lastIndex(): number {
    return this.dictionary === null || this.digits !== null ? -1 : (this.indices[this.length - 1] as number);
  }

  push(raw: string | undefined): void {
    if (this.digits !== null && this.pushNumber(raw === undefined ? -1 : canonicalDigitText(raw, 0, raw.length))) return;
    const dictionary = this.dictionary;
    if (dictionary === null) {
      this.values.push(raw === undefined || isMissingValue(raw) ? null : raw);
      this.length++;
      return;
    }
    let index = 0;
    if (raw !== undefined) {
      const known = dictionary.get(raw);
      if (known === undefined) {
        index = this.values.length;
        if (index >= DICTIONARY_LIMIT) {
          this.dropDictionary();
          this.push(raw);
          return;
        }
        this.values.push(isMissingValue(raw) ? null : raw);
        this.spellings.push(raw);
        (this.byLength[raw.length] ??= []).push(index);
        dictionary.set(raw, index);
      } else {
        index = known;
      }
    }
    if (this.length === this.indices.length || (index > 255 && this.indices instanceof Uint8Array)) this.grow(index);
    this.indices[this.length++] = index;
  }

  private grow(index: number): void {
    const size = this.length === this.indices.length ? this.indices.length * 2 : this.indices.length;
    const wide = index > 255 || !(this.indices instanceof Uint8Array);
    const next = wide ? new Uint16Array(size) : new Uint8Array(size);
    next.set(this.indices.subarray(0, this.length));
    this.indices = next;
  }

  private dropDictionary(): void {
    this.formerValues = this.values;
    const cells = new Array<string | null>(this.length);
    for (let i = 0; i < this.length; i++) cells[i] = this.values[this.indices[i] as number] as string | null;
    this.values = cells;
    this.dictionary = null;
    this.spellings = [];
    this.byLength = [];
    this.indices = new Uint8Array(0);
  }

  /** Every cell, one per row. */
  cells(): ArrayLike<string | number | null> {
    if (this.digits !== null) return this.digits.subarray(0, this.length);
    if (this.dictionary === null) return this.values;
    const cells = new Array<string | null>(this.length);
    for (let i = 0; i < this.length; i++) cells[i] = this.values[this.indices[i] as number] as string | null;
    return cells;
  }

  /** The dictionary form, or undefined once the cells are held directly. */
  coded(): ReturnType<DictionarySource['dictionary']> {
    if (this.dictionary === null || this.digits !== null) return undefined;
    return { values: this.values, indices: this.indices.subarray(0, this.length), likert: (scale, options) => this.likert(scale, options) };
  }
}

/**
 * Splits the records of `text` that hold no quote, each on one line, with the delimiter found
 * by `indexOf` and the wanted fields compared in place; any other record (a quote, an empty
 * line, the wrong number of fields, a line end still to come) goes to `splitRecords`, from its
 * start to the end of the text, so that every record is read exactly as `parseCsv` reads it.
 * Returns where the unread text starts and the line it starts on.
 */
function fastRecords(
  text: string,
  delimiterChar: string,
  width: number,
  columnAt: readonly (CellColumn | undefined)[],
  visit: (record: RawRecord) => void,
  record: (line: number) => void,
  startLine: number,
  final: boolean,
): { consumed: number; line: number } {
  const n = text.length;
  const bounds = new Int32Array(2 * width + 2);
  let i = 0;
  let line = startLine;
  let nextLf = -2;
  let nextCr = -2;
  let nextQuote = -2;
  const generic = (from: number): { consumed: number; line: number } => {
    const done = splitRecords(from === 0 ? text : text.slice(from), delimiterChar, visit, line, final);
    return { consumed: from + done.consumed, line: done.line };
  };
  while (i < n) {
    if (nextLf !== -1 && nextLf < i) nextLf = text.indexOf('\n', i);
    if (nextCr !== -1 && nextCr < i) nextCr = text.indexOf('\r', i);
    if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
    const end = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
    // No line end yet, a quote in the record, an empty line: the exact reader decides.
    if (end === -1 || end === i || (nextQuote !== -1 && nextQuote < end)) return end === -1 && !final ? { consumed: i, line } : generic(i);
    let terminator = 1;
    if (end === nextCr) {
      if (end + 1 >= n && !final) return { consumed: i, line };
      if (text.charCodeAt(end + 1) === 10) terminator = 2;
    }
    let count = 0;
    let from = i;
    for (;;) {
      let to = text.indexOf(delimiterChar, from);
      if (to === -1 || to > end) to = end;
      if (count <= width) {
        bounds[2 * count] = from;
        bounds[2 * count + 1] = to;
      }
      count++;
      if (to === end) break;
      from = to + 1;
    }
    if (count !== width) {
      // A ragged record: read by the exact reader, which reports it.
      splitRecords(text.slice(i, end + terminator), delimiterChar, visit, line, true);
    } else {
      for (let f = 0; f < width; f++) columnAt[f]?.pushRange(text, bounds[2 * f] as number, bounds[2 * f + 1] as number);
      record(line);
    }
    line++;
    i = end + terminator;
  }
  return { consumed: n, line };
}

/** Line ends in `text` (CRLF, LF and a lone CR once each), found with `indexOf`. */
function lineEnds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) count++;
  return count;
}

/** The error for bytes that are not valid in `encoding`, in the chunk starting at `offset` (on `line`). */
function encodingFailure(fn: string, source: string, encoding: string, offset: number, line: number): CsvInputError {
  return new CsvInputError(`${fn}: ${source} is not valid ${encoding} after byte offset ${offset} (line ${line}); pass encoding: 'windows-1252' (Excel's Danish exports) or the file's own encoding`, [
    { kind: 'encoding', row: line, message: `is not valid ${encoding} after byte offset ${offset}`, offset },
  ]);
}

/** The error for a NUL character on `line`. */
function nulFailure(fn: string, source: string, line: number): CsvInputError {
  return new CsvInputError(`${fn}: ${source} holds a NUL character (line ${line}); a file full of NULs is usually UTF-16 without a byte order mark: pass encoding: 'utf-16le' (or 'utf-16be'), or remove the NUL bytes`, [
    { kind: 'nul', row: line, message: 'holds a NUL character' },
  ]);
}

/**
 * What the byte reader and {@link textPieces} tell each other: whether the byte reader has
 * taken over (then UTF-8 chunks are not decoded: the byte reader validates every cell it has
 * not seen before, and windows-1252 chunks are only checked for NUL), each chunk's bytes with
 * the byte offset and line it starts on, and how to fail as the chunk-by-chunk decoding fails.
 */
interface ByteHooks {
  bytesWanted(): boolean;
  /** `last`: the decoder's final call at the end of the input (its bytes are empty). */
  onBytes(bytes: Uint8Array, offset: number, line: number, last: boolean): void;
  /** Set by textPieces: throws `error`, or for whole bytes the one-shot decoder's exact error. */
  fail?: (error: CsvInputError) => never;
}

/** A chunk as textPieces decoded it: where it starts (byte offset and line) and its length. */
interface ChunkSpan {
  readonly offset: number;
  readonly line: number;
  readonly length: number;
  /** The decoder's final call at the end of the input. */
  readonly last: boolean;
}

/** Line ends in `bytes` (CRLF, LF and a lone CR once each; a CR at the end counts), found with `indexOf`. */
function byteLineEnds(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) count++;
  for (let at = bytes.indexOf(13); at !== -1; at = bytes.indexOf(13, at + 1)) if (bytes[at + 1] !== 10) count++;
  return count;
}

/** UTF-8 bytes of the first `count` characters of `text`. */
function utf8Length(text: string, count: number): number {
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < count) {
      bytes += 4;
      k++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Pieces of text from any {@link CsvInput}, decoded chunk by chunk. Each chunk of bytes, once
 * decoded (so known to be valid, without NUL), is also handed to `onBytes`; while `bytesWanted()`
 * holds, windows-1252 bytes are only checked for NUL and their text is not made.
 */
async function* textPieces(
  fn: string,
  input: CsvInput,
  encodingOption: string | undefined,
  source: string,
  setEncoding: (name: string) => void,
  hooks?: ByteHooks,
): AsyncGenerator<string> {
  if (typeof input === 'string') {
    if (encodingOption !== undefined) {
      throw new TypeError(
        `${fn}: encoding applies to bytes, but the input is already text; pass the file's bytes (e.g. createReadStream(file)) to decode them as ${JSON.stringify(encodingOption)}`,
      );
    }
    setEncoding('text');
    yield input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return;
  }
  const whole = asBytes(input);
  let chunks: AsyncIterable<Uint8Array | string>;
  if (whole !== undefined) {
    chunks = (async function* () {
      for (let start = 0; start < whole.length; start += SLICE) yield whole.subarray(start, Math.min(start + SLICE, whole.length));
    })();
  } else if (input !== null && typeof input === 'object' && typeof (input as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    chunks = input as AsyncIterable<Uint8Array | string>;
  } else if (input !== null && typeof input === 'object' && typeof (input as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (input as ReadableStream<Uint8Array>).getReader();
    chunks = (async function* () {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    })();
  } else {
    throw new TypeError(
      `${fn}: input must be CSV text, bytes (Uint8Array, ArrayBuffer), an async iterable of chunks (e.g. fs.createReadStream(file)) or a ReadableStream, got ${describeValue(input)}`,
    );
  }

  let decoder: InstanceType<typeof TextDecoder> | null = null;
  let single = false;
  let head = new Uint8Array(0);
  let offset = 0;
  let line = 1;
  let lastWasCr = false;
  let textMode: boolean | undefined;
  const failStream = (error: unknown): never => {
    // Whole bytes: the one-shot decoder gives the exact offset and line of the problem.
    if (whole !== undefined) {
      try {
        decodeBytes(fn, whole, { encoding: encodingOption, source });
      } catch (exact) {
        if (exact instanceof DecodeInputError) throw decodeFailure(fn, source, exact);
        throw exact;
      }
    }
    throw error;
  };
  if (hooks !== undefined) hooks.fail = (error) => failStream(error);
  const start = (bytes: Uint8Array): Uint8Array => {
    let chosen = encodingOption ?? 'utf-8';
    let bom = 0;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bom = 3;
      chosen = 'utf-8';
    } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      bom = 2;
      chosen = 'utf-16le';
    } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      bom = 2;
      chosen = 'utf-16be';
    }
    try {
      decoder = new TextDecoder(chosen, { fatal: true, ignoreBOM: true });
    } catch {
      throw new RangeError(
        `${fn}: unknown encoding ${JSON.stringify(chosen)}; pass a WHATWG encoding label such as 'utf-8', 'windows-1252', 'utf-16le' or 'utf-16be'`,
      );
    }
    single = decoder.encoding === 'windows-1252';
    setEncoding(decoder.encoding);
    offset = bom;
    return bytes.subarray(bom);
  };
  /** Decodes bytes after the start; NUL and undecodable bytes are errors naming offset and line. */
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    const d = decoder as InstanceType<typeof TextDecoder>;
    if (hooks !== undefined && hooks.bytesWanted() && (!single || bytes.indexOf(0) === -1)) {
      // windows-1252 maps every byte but NUL to a character, and the byte reader validates
      // UTF-8 cell by cell: it needs no text.
      hooks.onBytes(bytes, offset, line, !stream);
      offset += bytes.length;
      if (bytes.length > 0) {
        line += byteLineEnds(bytes) - (lastWasCr && bytes[0] === 10 ? 1 : 0);
        lastWasCr = bytes[bytes.length - 1] === 13;
      }
      return '';
    }
    const startOffset = offset;
    const startLine = line;
    let text: string;
    try {
      text = single ? decodeWindows1252(bytes) : d.decode(bytes, { stream });
    } catch (error) {
      return failStream(encodingFailure(fn, source, d.encoding, offset, line));
    }
    const nul = text.indexOf('\u0000');
    if (nul !== -1) {
      const at = line + countBreaks(text, 0, nul) - (lastWasCr && text.charCodeAt(0) === 10 ? 1 : 0);
      return failStream(nulFailure(fn, source, at));
    }
    offset += bytes.length;
    if (text.length > 0) {
      line += lineEnds(text) - (lastWasCr && text.charCodeAt(0) === 10 ? 1 : 0);
      lastWasCr = text.charCodeAt(text.length - 1) === 13;
    }
    hooks?.onBytes(bytes, startOffset, startLine, !stream);
    return text;
  };

  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      if (textMode === false) throw new TypeError(`${fn}: the input's chunks must all be bytes or all be text, got text after bytes`);
      if (textMode === undefined) {
        setEncoding('text');
        textMode = true;
        yield chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      } else {
        yield chunk;
      }
      continue;
    }
    const bytes = asBytes(chunk);
    if (bytes === undefined || textMode === true) {
      throw new TypeError(`${fn}: every chunk of the input must be a Uint8Array (or all must be text), got ${describeValue(chunk)}`);
    }
    textMode = false;
    if (decoder === null) {
      // The byte order mark needs the first three bytes, which a stream may give one at a time.
      const joined = new Uint8Array(head.length + bytes.length);
      joined.set(head);
      joined.set(bytes, head.length);
      if (joined.length < 3) {
        head = joined;
        continue;
      }
      yield decode(start(joined), true);
      continue;
    }
    yield decode(bytes, true);
  }
  if (textMode === true) return;
  if (decoder === null) {
    if (head.length === 0 && textMode === undefined) {
      setEncoding(encodingOption === undefined ? 'utf-8' : new TextDecoder(encodingOption).encoding);
      return;
    }
    yield decode(start(head), true);
  }
  yield decode(new Uint8Array(0), false);
}

/**
 * Reads a CSV file straight into a coded survey, chunk by chunk: the same survey, issues and
 * errors as `survey({ rows: parseCsv(input, options).rows, …definition })`, without ever
 * holding the file's text or one object per row.
 *
 * The input is text, bytes (`Uint8Array`, `ArrayBuffer`), an async iterable of byte chunks (a
 * Node `fs.createReadStream(file)`) or a web `ReadableStream<Uint8Array>` (`(await
 * fetch(url)).body`). Bytes are decoded as `parseCsv` decodes them (byte order mark, then
 * `options.encoding`, else strict UTF-8; `'windows-1252'` for Excel's Danish exports), records
 * are split by the same RFC 4180 reader, fields and quotes may span chunk boundaries, and the
 * delimiter is detected from the same first records. Each cell is kept as it arrives: item
 * columns as small indices into their distinct spellings (each spelling coded once), other
 * columns as their cells; columns the definition does not name are not kept.
 *
 * @param input - the CSV file: text, bytes, an async iterable of chunks, or a ReadableStream
 * @param definition - what `survey()` takes, without the data: `id`, `items`, `attributes`, …
 * @param options - as for `parseCsv`: `delimiter`, `encoding`, `source`, `strict`, `skipEmptyLines`
 * @returns the survey
 * @throws CsvInputError as `parseCsv` throws (undecodable bytes, a NUL, a bad header, and with
 *   `strict` any ragged record or quoting problem)
 * @throws SurveyInputError listing every problem `survey()` would list, rows numbered as there
 *   (0-based data rows; `safeSurveyFromCsv` gives each row's line)
 * @example
 * ```ts
 * const s = await surveyFromCsv(createReadStream('svar.csv'), {
 *   id: 'kode',
 *   items: [{ id: 'q1', scale: scales.daDegree4 }],
 *   attributes: { region: 'category' },
 * }, { source: 'svar.csv' });
 * s.item('q1').n; // { total: 98, answered: 95, … }
 * ```
 */
export function surveyFromCsv<const I extends string>(
  input: CsvInput,
  definition: SurveyCsvDefinition<I>,
  options?: SurveyFromCsvOptions,
): Promise<Survey<I>> {
  // Options are checked at once (a misspelt key throws here); the data then arrive as they come.
  const checked = readCsvOptions('surveyFromCsv', options);
  return readCsvSurvey('surveyFromCsv', input, definition, checked).then((result) => {
    if (!result.ok) throw new SurveyInputError(result.issues, 'surveyFromCsv');
    return result.survey;
  });
}

/**
 * Like {@link surveyFromCsv}, but returns the survey's problems as data, with what the CSV
 * reading found (the ragged records and quoting problems `parseCsv` reports, each row's line).
 *
 * @param input - as for {@link surveyFromCsv}
 * @param definition - as for {@link surveyFromCsv}
 * @param options - as for {@link surveyFromCsv}
 * @returns `{ ok: true, survey, csv }` or `{ ok: false, issues, csv }`
 * @throws CsvInputError and TypeError as {@link surveyFromCsv}
 * @example
 * ```ts
 * const result = await safeSurveyFromCsv('id;q\n1;Maybe\n', { id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }] });
 * result.ok; // false
 * result.csv.lines; // [2]
 * ```
 */
export function safeSurveyFromCsv<const I extends string>(
  input: CsvInput,
  definition: SurveyCsvDefinition<I>,
  options?: SurveyFromCsvOptions,
): Promise<SafeSurveyFromCsvResult<I>> {
  const checked = readCsvOptions('safeSurveyFromCsv', options);
  return readCsvSurvey('safeSurveyFromCsv', input, definition, checked);
}

async function readCsvSurvey<I extends string>(
  fn: string,
  input: CsvInput,
  definition: SurveyCsvDefinition<I>,
  opts: CheckedCsvOptions,
): Promise<SafeSurveyFromCsvResult<I>> {
  const { skip, source } = opts;
  if (definition === null || typeof definition !== 'object') {
    throw new TypeError(`${fn}: expected a definition object { id, items, attributes? }, got ${describeValue(definition)}`);
  }

  // The columns the definition reads (unknown names are reported by the survey reader).
  const wanted = new Set<string>();
  // Columns read only as ids, numbers or weights may hold their cells as doubles (CellColumn's
  // digits); a column that is also read as text (an item, a category, a multi-select answer) never does.
  const numericUse = new Set<string>();
  const textUse = new Set<string>();
  /** The scale and direction of the first item that reads each column, which codes it as it is read. */
  const coders = new Map<string, { scale: Scale; reverse: boolean }>();
  const d = definition as SurveyDefinition<I>;
  if (typeof d.id === 'string') {
    wanted.add(d.id);
    numericUse.add(d.id);
  }
  if (Array.isArray(d.items)) {
    for (const item of d.items) {
      if (item === null || typeof item !== 'object') continue;
      const name = item.column ?? item.id;
      wanted.add(name);
      textUse.add(name);
      if (!coders.has(name) && item.scale !== null && typeof item.scale === 'object') coders.set(name, { scale: item.scale, reverse: item.reverse === true });
    }
  }
  if (d.attributes !== null && typeof d.attributes === 'object') {
    for (const [name, spec] of Object.entries(d.attributes)) {
      const isObject = spec !== null && typeof spec === 'object';
      const column = isObject && typeof spec.column === 'string' ? spec.column : name;
      wanted.add(column);
      ((isObject ? (spec as { kind?: unknown }).kind : spec) === 'number' ? numericUse : textUse).add(column);
    }
  }
  if (typeof d.weight === 'string') {
    wanted.add(d.weight);
    numericUse.add(d.weight);
  }
  if (Array.isArray(d.multiSelect)) {
    for (const question of d.multiSelect as readonly unknown[]) {
      if (question === null || typeof question !== 'object') continue;
      const { columns, column } = question as { columns?: unknown; column?: unknown };
      if (Array.isArray(columns)) for (const c of columns) if (typeof c === 'string') (wanted.add(c), textUse.add(c));
      if (typeof column === 'string') (wanted.add(column), textUse.add(column));
    }
  }

  let encoding = 'utf-8';
  let delimiter: CsvDelimiter | undefined = opts.delimiter;
  const issues: CsvIssue[] = [];
  let header: string[] | undefined;
  let readers: { column: CellColumn; position: number }[] = [];
  const byName = new Map<string, CellColumn>();
  let lines = new Int32Array(1024);
  let rowCount = 0;

  const visit = (record: RawRecord): void => {
    if (skipsRecord(record, skip)) return;
    if (header === undefined) {
      header = readHeader(fn, source, record, delimiter as CsvDelimiter, opts.delimiter === undefined ? sampled : undefined);
      for (const problem of record.problems) issues.push({ kind: 'quote', row: record.line, message: problem });
      readers = [];
      header.forEach((name, position) => {
        if (!wanted.has(name)) return;
        const column = new CellColumn(numericUse.has(name) && !textUse.has(name), coders.get(name) ?? null);
        byName.set(name, column);
        readers.push({ column, position });
      });
      return;
    }
    const { fields, line } = record;
    noteRecordIssues(record, header.length, issues);
    for (let j = 0; j < readers.length; j++) {
      const reader = readers[j] as { column: CellColumn; position: number };
      reader.column.push(fields[reader.position]);
    }
    addRow(line);
  };
  const addRow = (line: number): void => {
    if (rowCount === lines.length) {
      const next = new Int32Array(lines.length * 2);
      next.set(lines);
      lines = next;
    }
    lines[rowCount++] = line;
  };
  /** The kept column at each header position (undefined for a column nobody reads). */
  let columnAt: (CellColumn | undefined)[] = [];
  const split = (text: string, from: number, final: boolean): { consumed: number; line: number } => {
    // The header and 'greedy' skipping go through the exact reader; data records the fast way.
    if (header === undefined || skip === 'greedy') return splitRecords(text, delimiter as CsvDelimiter, visit, from, final);
    if (columnAt.length !== header.length) columnAt = header.map((name) => byName.get(name));
    return fastRecords(text, delimiter as CsvDelimiter, header.length, columnAt, visit, addRow, from, final);
  };

  let sampled: Int32Array[] | undefined;
  const sampler = new RecordSampler();
  let pending = '';
  let line = 1;
  // A piece is split once it is at least this long (it doubles while one record outgrows it).
  let wantLength = 1;

  // The byte reader takes over from the text reader once the header is read, for UTF-8 and
  // windows-1252 bytes: the chunks still go through textPieces, which validates them exactly
  // as before (so every decoding error is unchanged), and are then read on their bytes.
  let byteMode = false;
  /** The bytes the text reader has been given so far (after the byte order mark), until the byte reader starts. */
  let headBytes: Uint8Array[] | null = [];
  let headConsumed = 0;
  let queue: Uint8Array[] = [];
  let queued = 0;
  let carry: Uint8Array = new Uint8Array(0);
  /** The byte offset in the file of `carry[0]`. */
  let carryOffset = 0;
  let wantBytes = 0;
  let readBytes: ((final: boolean) => void) | undefined;
  let headLimit = 1 << 16;
  /** The chunks as textPieces decoded them, from the one that holds `carry[0]`: for the exact decoding errors. */
  let spans: ChunkSpan[] = [];
  const byteEligible = (): boolean => skip !== 'greedy' && (encoding === 'utf-8' || encoding === 'windows-1252');
  const hooks: ByteHooks = {
    bytesWanted: () => byteMode,
    onBytes: (bytes, offset, atLine, last) => {
      if (byteMode) {
        queue.push(bytes);
        queued += bytes.length;
        spans.push({ offset, line: atLine, length: bytes.length, last });
      } else if (headBytes !== null) {
        if (byteEligible()) {
          headBytes.push(bytes);
          spans.push({ offset, line: atLine, length: bytes.length, last });
        } else {
          headBytes = null;
          spans = [];
        }
      }
    },
  };
  /**
   * Fails as the chunk-by-chunk decoding fails, for a problem the byte reader found in the
   * record at `buf[at]` (everything before it is valid): the chunks from there are decoded as
   * textPieces decodes them, and the first that does not decode, or holds a NUL, is reported.
   */
  const failAt = (buf: Uint8Array, at: number, atLine: number): never => {
    const fail = hooks.fail as (error: CsvInputError) => never;
    const absolute = carryOffset + at;
    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    let lastWasCr = false;
    let first = true;
    for (const span of spans) {
      if (span.offset + span.length <= absolute && !span.last) continue;
      const from = Math.max(span.offset, absolute) - carryOffset;
      const to = Math.min(span.offset + span.length - carryOffset, buf.length);
      let text: string;
      try {
        text = encoding === 'utf-8' ? decoder.decode(buf.subarray(from, Math.max(from, to)), { stream: !span.last }) : decodeWindows1252(buf.subarray(from, to));
      } catch {
        return fail(encodingFailure(fn, source, encoding, span.offset, span.line));
      }
      const nul = text.indexOf('\u0000');
      if (nul !== -1) {
        const base = first ? atLine : span.line - (lastWasCr && text.charCodeAt(0) === 10 ? 1 : 0);
        return fail(nulFailure(fn, source, base + countBreaks(text, 0, nul)));
      }
      if (text.length > 0) lastWasCr = text.charCodeAt(text.length - 1) === 13;
      first = false;
    }
    // Not reached for bytes the byte reader refused; the closest report all the same.
    const span = spans.find((s) => s.offset + s.length > absolute) ?? (spans[spans.length - 1] as ChunkSpan);
    return fail(encodingFailure(fn, source, encoding, span.offset, span.line));
  };
  const startBytes = (): void => {
    const width = (header as string[]).length;
    const utf8 = encoding === 'utf-8';
    const rangeDecoder = utf8 ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null;
    /** The text of `buf[from, to)`; for UTF-8, undefined when the bytes are not valid or hold a NUL. */
    const decodeRange = (buf: Uint8Array, from: number, to: number): string | undefined => {
      if (rangeDecoder === null) return decodeWindows1252(buf.subarray(from, to));
      if (to - from <= 16) {
        // A short ASCII cell (an id, a number) is its bytes as character codes.
        let k = from;
        while (k < to && (buf[k] as number) < 0x80 && buf[k] !== 0) k++;
        if (k === to) return String.fromCharCode.apply(null, buf.subarray(from, to) as unknown as number[]);
      }
      let text: string;
      try {
        text = rangeDecoder.decode(buf.subarray(from, to));
      } catch {
        return undefined;
      }
      return text.indexOf('\u0000') === -1 ? text : undefined;
    };
    if (columnAt.length !== width) columnAt = (header as string[]).map((name) => byName.get(name));
    const delimiterByte = (delimiter as CsvDelimiter).charCodeAt(0);
    const spellings = new ByteSpellings(columnAt.map((column) => column !== undefined));
    const wasm = byteReader.kernel === 'wasm' ? WasmRecords.create(columnAt.map((column) => column !== undefined), delimiterByte) : null;
    /** Spellings given to the kernel, by column (the kernel keeps MOST_SPELLINGS a column). */
    const given = new Int32Array(width);
    const retire = (f: number): void => {
      spellings.retire(f);
      wasm?.retire(f);
    };
    // A column of numbers in plain digits is never looked up among spellings: its cells are
    // read from their bytes (pushDigitBytes), and decoded only from the first that is not.
    columnAt.forEach((column, f) => {
      if (column?.numeric !== true) return;
      retire(f);
      wasm?.digits(f, true);
    });
    const kept = Uint8Array.from(columnAt, (column) => (column === undefined ? 0 : 1));
    const keptPositions: number[] = [];
    columnAt.forEach((column, f) => {
      if (column !== undefined) keptPositions.push(f);
    });
    const keptColumns = keptPositions.map((f) => columnAt[f] as CellColumn);
    const found = new Int32Array(width);
    const from = new Int32Array(width);
    const to = new Int32Array(width);
    const sink: ByteRecordSink = {
      line,
      record(buf, indexOf, starts, ends, recordLine, recordStart) {
        for (let k = 0; k < keptPositions.length; k++) {
          const f = keptPositions[k] as number;
          const column = keptColumns[k] as CellColumn;
          const index = indexOf[f] as number;
          if (index >= 0) {
            column.pushIndex(index);
          } else {
            const a = starts[f] as number;
            const b = ends[f] as number;
            if (column.pushDigitBytes(buf, a, b)) continue;
            const text = decodeRange(buf, a, b);
            if (text === undefined) failAt(buf, recordStart, recordLine);
            column.push(text);
            if (spellings.active[f] === 1) spellings.add(f, buf, a, b, column.lastIndex());
          }
        }
        addRow(recordLine);
      },
      check(buf, a, b, at, recordLine) {
        if (decodeRange(buf, a, b) === undefined) failAt(buf, at, recordLine);
      },
      slow(buf, at, end, final) {
        // A window of whole lines (so of whole characters) from `at`, read by the text reader.
        for (let size = 4096; ; size *= 2) {
          const stop = Math.min(end, at + size);
          let cut = stop;
          if (stop < end || !final) {
            const window = buf.subarray(at, stop);
            cut = at + Math.max(window.lastIndexOf(10), window.lastIndexOf(13)) + 1;
            if (cut === at) {
              if (stop === end) return at;
              continue;
            }
          }
          const text = decodeRange(buf, at, cut);
          if (text === undefined) return failAt(buf, at, sink.line);
          const last = final && cut === end;
          const done = split(text, sink.line, last);
          // A column that dropped its dictionary in the text reader's records is decoded from
          // now on (its known spellings would still name the right cells, see pushIndex).
          for (let k = 0; k < keptPositions.length; k++) {
            const column = keptColumns[k] as CellColumn;
            if (column.lastIndex() < 0) retire(keptPositions[k] as number);
            if (!column.numeric) wasm?.digits(keptPositions[k] as number, false);
          }
          if (done.consumed === 0 && !last) {
            if (stop === end) return at;
            continue;
          }
          sink.line = done.line;
          return at + (utf8 ? utf8Length(text, done.consumed) : done.consumed);
        }
      },
    };
    const notKept: number[] = [];
    columnAt.forEach((column, f) => {
      if (column === undefined) notKept.push(f);
    });
    /** Codes the `count` records of the kernel's last scan of `buf`, column after column. */
    const takeBatch = (reader: WasmRecords, buf: Uint8Array, count: number): void => {
      const firstLine = sink.line;
      const first = reader.fieldStart(0, 0);
      for (let k = 0; k < keptPositions.length; k++) {
        const f = keptPositions[k] as number;
        const column = keptColumns[k] as CellColumn;
        if (reader.unknown[f] === 0 && reader.kinds[f] !== 3) {
          // Every cell found: an item column's codes are copied from the kernel's, which counted
          // them (its counts matter only while the column is coding, and coding never resumes).
          column.pushCoded(reader.columnIndices(f, count), reader.columnCoded(f, count));
          continue;
        }
        // A column of plain digits takes the numbers the kernel read (the cells of code DIGITS).
        const numbers = reader.columnNumbers(f, count);
        if (reader.unknown[f] === 0 && column.pushNumbers(numbers)) continue;
        const codes = reader.columnCodes(f, count);
        for (let r = 0; r < count; r++) {
          const index = codes[r] as number;
          if (index >= 0) {
            column.pushIndex(index);
            continue;
          }
          if (index === DIGITS && column.pushDigitValue(numbers[r] as number)) continue;
          const a = reader.fieldStart(r, f);
          const b = reader.fieldEnd(r, f);
          if (column.pushDigitBytes(buf, a, b)) continue;
          const text = decodeRange(buf, a, b);
          // The first problem from the batch's first record on is the one reported.
          if (text === undefined) failAt(buf, first, firstLine);
          column.push(text);
          if (spellings.active[f] !== 1) continue;
          const dictionaryIndex = column.lastIndex();
          if (dictionaryIndex < 0 || (given[f] as number) >= MOST_SPELLINGS) {
            retire(f);
          } else if (b - a <= LONGEST_SPELLING && reader.add(f, a, b, dictionaryIndex, column.codeOf(dictionaryIndex)) === 1) {
            given[f] = (given[f] as number) + 1;
          }
        }
        if (!column.numeric) reader.digits(f, false);
      }
      // A field nobody reads is still validated, as decoding the whole file would.
      for (const f of notKept) {
        if (reader.unknown[f] === 0) continue;
        const codes = reader.columnCodes(f, count);
        for (let r = 0; r < count; r++) {
          if (codes[r] === -1 && decodeRange(buf, reader.fieldStart(r, f), reader.fieldEnd(r, f)) === undefined) failAt(buf, first, firstLine);
        }
      }
      for (let r = 0; r < count; r++) addRow(firstLine + r);
      sink.line = firstLine + count;
    };
    /** The records of `buf` read by the kernel; returns where the unread bytes start, as byteRecords does. */
    let batchLimit = 8;
    const kernelRecords = (reader: WasmRecords, buf: Uint8Array, final: boolean): number => {
      // The bytes go into the kernel's memory a piece at a time, each just before it is read.
      reader.load(buf, PIECE);
      let at = 0;
      for (;;) {
        // Small batches while cells are still new (each new one is decoded, and found by the
        // batches after it), the kernel's whole batch once the columns' spellings are known.
        const loaded = reader.loaded;
        const count = reader.scan(at, loaded, final && loaded === buf.length, batchLimit);
        if (count > 0) takeBatch(reader, buf, count);
        if (count === batchLimit) batchLimit *= 2;
        const stop = reader.stop;
        const why = reader.why;
        if (why === STOP_FULL) {
          at = stop;
        } else if (why === STOP_END) {
          if (loaded === buf.length) return stop;
          // The record at stop may go on in the bytes not yet copied (a record longer than a piece
          // doubles what is copied, so that it is scanned a bounded number of times).
          reader.extend(loaded + Math.max(PIECE, loaded - stop));
          at = stop;
        } else {
          const next = sink.slow(buf, stop, buf.length, final);
          if (next === stop) return stop;
          at = next;
        }
      }
    };
    const records = (buf: Uint8Array, final: boolean): number =>
      wasm === null
        ? byteRecords(buf, 0, buf.length, delimiterByte, width, spellings, kept, sink, final, found, from, to)
        : kernelRecords(wasm, buf, final);
    readBytes = (final) => {
      let buf: Uint8Array;
      const chunk = queue[0] as Uint8Array;
      const lf = queue.length === 1 && carry.length > 0 && carry.length < 1 << 16 ? chunk.indexOf(10) : -1;
      if (lf !== -1) {
        // The record cut by the chunk's start is read from a small copy (the carry and the
        // chunk's first line), the rest of the chunk in place.
        const bridge = new Uint8Array(carry.length + lf + 1);
        bridge.set(carry);
        bridge.set(chunk.subarray(0, lf + 1), carry.length);
        const stop = records(bridge, false);
        if (stop === bridge.length) {
          carryOffset += stop;
          carry = new Uint8Array(0);
          buf = chunk.subarray(lf + 1);
        } else {
          carryOffset += stop;
          buf = new Uint8Array(bridge.length - stop + chunk.length - lf - 1);
          buf.set(bridge.subarray(stop));
          buf.set(chunk.subarray(lf + 1), bridge.length - stop);
        }
      } else if (carry.length === 0 && queue.length === 1) {
        buf = chunk;
      } else {
        buf = new Uint8Array(carry.length + queued);
        buf.set(carry);
        let at = carry.length;
        for (const bytes of queue) {
          buf.set(bytes, at);
          at += bytes.length;
        }
      }
      queue = [];
      queued = 0;
      const stop = records(buf, final);
      if (final && wasm !== null) {
        // The codes the kernel counted join each item column's own counts.
        for (let k = 0; k < keptPositions.length; k++) (keptColumns[k] as CellColumn).addTallies(wasm.tallyOf(keptPositions[k] as number));
      }
      carry = buf.subarray(stop);
      carryOffset += stop;
      wantBytes = 2 * carry.length;
      let keep = 0;
      while (keep < spans.length - 1 && (spans[keep] as ChunkSpan).offset + (spans[keep] as ChunkSpan).length <= carryOffset) keep++;
      if (keep > 0) spans = spans.slice(keep);
    };
  };

  try {
    for await (const piece of textPieces(fn, input, opts.encoding, source, (name) => (encoding = name), hooks)) {
      if (byteMode) {
        if (carry.length + queued >= wantBytes && queued > 0) (readBytes as (final: boolean) => void)(false);
        continue;
      }
      pending = pending.length === 0 ? piece : pending + piece;
      if (delimiter === undefined) {
        // The sampler reads each piece once, resuming where the last one stopped.
        sampler.scan(piece);
        if (!sampler.full) continue;
        sampled = sampler.records;
        delimiter = detectDelimiter(sampled);
      }
      if (pending.length < wantLength) continue;
      // While the byte reader waits for the header, the text reader reads only the start of
      // the pending text (a first chunk may be a megabyte); it doubles while the header is longer.
      const part = headBytes !== null && pending.length > headLimit ? pending.slice(0, headLimit) : pending;
      const done = split(part, line, false);
      if (part !== pending && header === undefined) headLimit *= 2;
      if (headBytes !== null) headConsumed += encoding === 'utf-8' ? utf8Length(pending, done.consumed) : done.consumed;
      line = done.line;
      pending = pending.slice(done.consumed);
      wantLength = Math.max(1, 2 * pending.length);
      if (header !== undefined && headBytes !== null && byteEligible()) {
        // The unread text is the bytes after those the text reader consumed.
        let total = 0;
        for (const bytes of headBytes) total += bytes.length;
        const joined = new Uint8Array(total);
        total = 0;
        for (const bytes of headBytes) {
          joined.set(bytes, total);
          total += bytes.length;
        }
        carry = joined.subarray(headConsumed);
        carryOffset = (spans[0]?.offset ?? 0) + headConsumed;
        wantBytes = 2 * carry.length;
        headBytes = null;
        pending = '';
        byteMode = true;
        startBytes();
      }
    }
  } catch (error) {
    if (error instanceof DecodeInputError) throw decodeFailure(fn, source, error);
    throw error;
  }
  if (delimiter === undefined) {
    sampled = sampler.finish();
    delimiter = detectDelimiter(sampled);
  }
  if (byteMode) (readBytes as (final: boolean) => void)(true);
  else split(pending, line, true);
  pending = '';

  // The line numbers become an array when they are first asked for (most readers never do).
  const lineNumbers = lines.subarray(0, rowCount);
  let lineList: number[] | undefined;
  const csv: SurveyCsvInfo = {
    columns: header ?? [],
    delimiter,
    encoding,
    rowCount,
    get lines() {
      return (lineList ??= Array.from(lineNumbers));
    },
    issues,
  };
  if (opts.strict === true && issues.length > 0) {
    const listed = issues
      .slice(0, 20)
      .map((issue) => `  - line ${issue.row}: ${issue.message}`)
      .join('\n');
    const more = issues.length > 20 ? `\n  … and ${issues.length - 20} more (see error.issues)` : '';
    throw new CsvInputError(
      `${fn}: ${issues.length} ${issues.length === 1 ? 'record does' : 'records do'} not parse cleanly in ${source} with delimiter ${JSON.stringify(delimiter)}; ` +
        `fix the file, pass the right delimiter, or drop strict to get them as issues:\n${listed}${more}`,
      issues,
    );
  }
  const names = header ?? [];
  const surveySource: DictionarySource = {
    length: rowCount,
    names,
    column: (name) => {
      if (!names.includes(name)) return undefined;
      return byName.get(name)?.cells() ?? new Array<null>(rowCount).fill(null);
    },
    dictionary: (name) => byName.get(name)?.coded(),
  };
  const result = safeSurveyFromSource(fn, definition as SurveyDefinition<I>, surveySource);
  return result.ok ? { ok: true, survey: result.survey, csv } : { ok: false, issues: result.issues, csv };
}
