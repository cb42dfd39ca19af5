import { decodeBytes, DecodeInputError, asBytes } from '../data/decode';
import { isMissingValue } from '../data/source';
import { assertOneOf, checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { CsvInputError, type CsvIssue } from './CsvInputError';

/** The field delimiters `parseCsv` detects and accepts. */
export type CsvDelimiter = ',' | ';' | '\t' | '|';

/** In the order that breaks ties in the detection. */
const DELIMITERS: readonly CsvDelimiter[] = [';', '\t', ',', '|'];

/**
 * Characters that some exports use as a delimiter although likertkit does not read them; when a
 * file gives only one column but one of these occurs on every sampled line, `parseCsv` says so.
 */
const OTHER_DELIMITERS = ':^~#!/\\';

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** The field delimiter; detected from the first records when not given (see {@link parseCsv}). */
  readonly delimiter?: CsvDelimiter;
  /**
   * For bytes: a WHATWG encoding label such as `'utf-8'` (the default), `'windows-1252'`
   * (Excel's Danish exports) or `'utf-16le'`; a byte order mark overrides it. Only for bytes:
   * with text input it is a TypeError (the text was decoded already).
   */
  readonly encoding?: string;
  /** What to call the input in messages, e.g. the file name. Default `"input"`. */
  readonly source?: string;
  /** Throw a {@link CsvInputError} instead of reporting ragged records and broken quotes in `issues`. Default `false`. */
  readonly strict?: boolean;
  /**
   * Which lines to skip: `true` (default) skips empty lines; `'greedy'` also skips lines whose
   * fields are all blank (e.g. `;;;` left by a spreadsheet); `false` keeps empty lines as rows
   * of nulls (reported as ragged when there is more than one column).
   */
  readonly skipEmptyLines?: boolean | 'greedy';
}

/** Result of {@link parseCsv}: plain data, JSON-serialisable. */
export interface ParseCsvResult {
  /**
   * One object per data record, keyed by the trimmed header names; empty cells are `null`. The
   * objects have no prototype: every key is a column (a column called `__proto__` or
   * `constructor` is an own key like any other) and nothing inherited looks like one.
   */
  readonly rows: Record<string, string | null>[];
  /** The trimmed header names, in file order. */
  readonly columns: string[];
  /** The delimiter used (given or detected). */
  readonly delimiter: CsvDelimiter;
  /** `rows.length`. */
  readonly rowCount: number;
  /**
   * `lines[i]` is the 1-based line of the file on which `rows[i]` starts (the header is line 1
   * unless empty lines precede it; every CRLF, LF or lone CR counts, also inside quoted fields).
   */
  readonly lines: number[];
  /**
   * The encoding the bytes were decoded with (canonical WHATWG name, e.g. `'utf-8'`,
   * `'windows-1252'`, `'utf-16le'`), or `'text'` when `parseCsv` was given a string.
   */
  readonly encoding: string;
  /** Ragged records and quoting problems, with their 1-based line numbers. */
  readonly issues: CsvIssue[];
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** How many records {@link sampleRecords} looks at: the header and up to 10 data records. */
const SAMPLE_RECORDS = 11;

/**
 * Counts every ASCII character outside quotes in each of the first records (quoted line breaks
 * stay inside their record; every `"` toggles, so a doubled quote toggles twice), for
 * {@link detectDelimiter}. Fed a stream's text piece by piece, it resumes where it stopped (it
 * keeps whether it is inside quotes and the counts of the record so far), so a long first
 * record read in small chunks costs one pass, not one pass per chunk; it never reads the
 * pieces joined, which would flatten the joined string once per piece. Internal.
 */
export class RecordSampler {
  readonly records: Int32Array[] = [];
  private current = new Int32Array(128);
  private inQuotes = false;
  private seenContent = false;

  /** True once {@link SAMPLE_RECORDS} records are counted. */
  get full(): boolean {
    return this.records.length >= SAMPLE_RECORDS;
  }

  /** Scans the next piece of the text. */
  scan(text: string): void {
    for (let i = 0; i < text.length && this.records.length < SAMPLE_RECORDS; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.inQuotes = !this.inQuotes;
        this.seenContent = true;
      } else if (!this.inQuotes && (c === LF || c === CR)) {
        if (this.seenContent) {
          this.records.push(this.current);
          this.current = new Int32Array(128);
          this.seenContent = false;
        }
      } else {
        this.seenContent = true;
        if (!this.inQuotes && c < 128) this.current[c] = (this.current[c] as number) + 1;
      }
    }
  }

  /** The sampled records once the text has ended (the last record needs no line end). */
  finish(): Int32Array[] {
    if (this.seenContent && this.records.length < SAMPLE_RECORDS) {
      this.records.push(this.current);
      this.seenContent = false;
    }
    return this.records;
  }
}

/** The {@link RecordSampler} records of a whole text. Linear in the length of those records. Internal. */
export function sampleRecords(text: string): Int32Array[] {
  const sampler = new RecordSampler();
  sampler.scan(text);
  return sampler.finish();
}

/**
 * Picks the delimiter from the sampled records. A candidate (`;`, tab, `,`, `|`) that occurs the
 * same, non-zero number of times in every sampled record splits them all into the same number of
 * fields: among those the most frequent wins (ties: `;`, then tab, `,`, `|`). This keeps a Danish
 * `;` export whose question texts in the header contain commas from being read as
 * comma-separated. When no candidate is consistent, the header alone decides: the most frequent
 * candidate there, with the same ties; none at all gives `,`. Internal.
 */
export function detectDelimiter(records: readonly Int32Array[]): CsvDelimiter {
  const header = records[0];
  if (header === undefined) return ',';
  const count = (r: Int32Array, d: string): number => r[d.charCodeAt(0)] as number;
  const pick = (candidates: readonly CsvDelimiter[]): CsvDelimiter | undefined => {
    let best: CsvDelimiter | undefined;
    let bestCount = 0;
    for (const d of candidates) {
      if (count(header, d) > bestCount) {
        best = d;
        bestCount = count(header, d);
      }
    }
    return best;
  };
  if (records.length > 1) {
    const consistent = DELIMITERS.filter((d) => records.every((r) => count(r, d) === count(header, d)));
    const chosen = pick(consistent);
    if (chosen !== undefined) return chosen;
  }
  return pick(DELIMITERS) ?? ',';
}

/**
 * The character (from {@link OTHER_DELIMITERS}) that occurs outside quotes on every sampled
 * record, the most frequent in the header, or undefined. Needs at least two records. Internal.
 */
function otherDelimiter(records: readonly Int32Array[]): string | undefined {
  const header = records[0];
  if (header === undefined || records.length < 2) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const d of OTHER_DELIMITERS) {
    const code = d.charCodeAt(0);
    if (records.every((r) => (r[code] as number) > 0) && (header[code] as number) > bestCount) {
      best = d;
      bestCount = header[code] as number;
    }
  }
  return best;
}

/** One record as read from the text. Internal. */
export interface RawRecord {
  /** The fields, unquoted. */
  readonly fields: string[];
  /** 1-based line on which the record starts. */
  readonly line: number;
  /** True for an empty line (nothing between two line terminators). */
  readonly empty: boolean;
  /** Quoting problems in this record (usually the shared empty list). */
  readonly problems: readonly string[];
}

const NO_PROBLEMS: readonly string[] = Object.freeze([]);

/** The end of an unquoted stretch starting at `from`: the next delimiter, CR, LF or the end. Internal. */
function unquotedEnd(text: string, from: number, delimiter: number): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === delimiter || c === LF || c === CR) break;
    i++;
  }
  return i;
}

/** Line terminators (CRLF, LF, lone CR) that start in `text[from, to)`. Internal. */
export function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) breaks++;
  }
  return breaks;
}

/**
 * Splits CSV text into records, RFC 4180 style, in one linear pass that also counts lines: every
 * CRLF, LF or lone CR outside quotes ends a record (whatever the file's other line ends are, so
 * a bare LF in a CRLF file never merges two records), a field starting with `"` runs to the next
 * `"` not doubled and keeps its line breaks, and `""` inside it is one `"`. A `"` inside an
 * unquoted field is kept as text. Text after a closing quote is kept (appended to the field) and
 * reported; a quote that is never closed takes the rest of the text and is reported. Internal.
 *
 * Lines are counted from `startLine`. With `final` false the text is a piece of a longer one:
 * a record that reaches the end of the piece (it may go on) is not visited, and `consumed` says
 * where it starts, so that the caller can prepend it to the next piece.
 */
export function splitRecords(
  text: string,
  delimiterChar: string,
  visit: (record: RawRecord) => void,
  startLine = 1,
  final = true,
): { consumed: number; line: number } {
  const delimiter = delimiterChar.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = startLine;
  while (i < n) {
    const recordLine = line;
    const recordStart = i;
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      // Not final: a CR at the end may be the first half of a CRLF still to come.
      if (!final && first === CR && i + 1 >= n) return { consumed: recordStart, line: recordLine };
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      visit({ fields: [''], line: recordLine, empty: true, problems: NO_PROBLEMS });
      continue;
    }
    const fields: string[] = [];
    let problems: string[] | undefined;
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        // Pieces before each doubled quote, only allocated when there is one.
        let pieces: string[] | undefined;
        let from = i + 1;
        let closed = false;
        let value: string;
        for (;;) {
          const q = text.indexOf('"', from);
          const end = q === -1 ? n : q;
          line += countBreaks(text, from, end);
          if (q !== -1 && text.charCodeAt(q + 1) === QUOTE) {
            (pieces ??= []).push(text.slice(from, q + 1)); // up to and with one of the two quotes
            from = q + 2;
            continue;
          }
          const last = text.slice(from, end);
          value = pieces === undefined ? last : pieces.join('') + last;
          if (q === -1) {
            i = n;
          } else {
            i = q + 1;
            closed = true;
          }
          break;
        }
        if (!closed) {
          (problems ??= []).push(`quoted field ${fields.length + 1} is not closed: its opening quote takes the rest of the file; close it with "`);
        } else if (i < n) {
          const c = text.charCodeAt(i);
          if (c !== delimiter && c !== LF && c !== CR) {
            const end = unquotedEnd(text, i, delimiter);
            const after = text.slice(i, end);
            (problems ??= []).push(
              `text ${JSON.stringify(after.length > 20 ? `${after.slice(0, 20)}…` : after)} after the closing quote of field ${fields.length + 1} (kept in the field); ` +
                'double a quote inside a quoted field ("")',
            );
            value += after;
            i = end;
          }
        }
        fields.push(value);
      } else {
        const end = unquotedEnd(text, i, delimiter);
        fields.push(text.slice(i, end));
        i = end;
      }
      if (i >= n) {
        // Not final: the record (or its last field) may go on in the text still to come.
        if (!final) return { consumed: recordStart, line: recordLine };
        break;
      }
      const c = text.charCodeAt(i);
      if (c === delimiter) {
        i++;
        continue;
      }
      if (!final && c === CR && i + 1 >= n) return { consumed: recordStart, line: recordLine };
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    visit({ fields, line: recordLine, empty: false, problems: problems ?? NO_PROBLEMS });
  }
  return { consumed: n, line };
}

/** The options of `parseCsv` (and of `surveyFromCsv`, which takes the same) once checked, with their defaults. Internal. */
export interface CheckedCsvOptions extends ParseCsvOptions {
  readonly skip: boolean | 'greedy';
  readonly source: string;
}

/** Checks the options `parseCsv` and `surveyFromCsv` take, each error naming `fn`. Internal. */
export function readCsvOptions(fn: string, options: ParseCsvOptions | undefined): CheckedCsvOptions {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  checkOptionKeys(fn, options, optionKeys<ParseCsvOptions>({ delimiter: true, encoding: true, source: true, strict: true, skipEmptyLines: true }));
  const opts = options ?? {};
  if (opts.delimiter !== undefined) assertOneOf(fn, opts.delimiter, DELIMITERS, 'delimiter');
  if (opts.strict !== undefined && typeof opts.strict !== 'boolean') {
    throw new TypeError(`${fn}: strict must be true or false, got ${describeValue(opts.strict)}`);
  }
  const skip = opts.skipEmptyLines ?? true;
  if (skip !== true && skip !== false && skip !== 'greedy') {
    throw new TypeError(`${fn}: skipEmptyLines must be true, false or 'greedy', got ${describeValue(skip)}`);
  }
  const source = opts.source ?? 'input';
  if (typeof source !== 'string') {
    throw new TypeError(`${fn}: source must be a string (e.g. the file name), got ${describeValue(source)}`);
  }
  return { ...opts, skip, source };
}

/** True when `skipEmptyLines` drops the record: an empty line (unless false), or under 'greedy' one of blank fields only. Internal. */
export function skipsRecord(record: RawRecord, skip: boolean | 'greedy'): boolean {
  return record.empty ? skip !== false : skip === 'greedy' && record.fields.every((f) => isMissingValue(f));
}

/** Adds a data record's quoting problems, and a ragged-record issue when it has not `width` fields, to `issues`. Internal. */
export function noteRecordIssues(record: RawRecord, width: number, issues: CsvIssue[]): void {
  const { fields, line } = record;
  for (const problem of record.problems) issues.push({ kind: 'quote', row: line, message: problem });
  if (fields.length !== width) {
    const extra = fields.slice(width);
    issues.push({
      kind: 'ragged',
      row: line,
      message:
        `expected ${width} ${width === 1 ? 'field' : 'fields'}, found ${fields.length}` +
        (extra.length > 0 ? ` (extra fields dropped: ${quoteList(extra)})` : ' (missing fields set to null)'),
    });
  }
}

export function quoteList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/**
 * The column names from the header record: trimmed, each non-empty and unique, else a
 * `CsvInputError`. With `sample` (the delimiter was detected), a single column where another
 * character splits every sampled line is an error too. Internal.
 */
export function readHeader(fn: string, source: string, header: RawRecord, delimiter: CsvDelimiter, sample: readonly Int32Array[] | undefined): string[] {
  const columns = header.fields.map((name) => name.trim());
  const emptyAt = columns.flatMap((name, i) => (name === '' ? [i + 1] : []));
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const name of columns) {
    if (name === '') continue;
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  if (emptyAt.length > 0 || duplicates.size > 0) {
    const problems: string[] = [];
    if (emptyAt.length > 0) problems.push(`empty column ${emptyAt.length === 1 ? 'name at position' : 'names at positions'} ${emptyAt.join(', ')}`);
    if (duplicates.size > 0) problems.push(`duplicate column ${duplicates.size === 1 ? 'name' : 'names'} ${quoteList([...duplicates])}`);
    const message = `header has ${problems.join(' and ')}`;
    throw new CsvInputError(
      `${fn}: ${message} (delimiter ${JSON.stringify(delimiter)}); give every column a unique name in the first line`,
      [{ kind: 'header', row: header.line, message }],
    );
  }
  if (columns.length === 1 && sample !== undefined) {
    const other = otherDelimiter(sample);
    if (other !== undefined) {
      const message =
        `only one column found (${JSON.stringify(columns[0])}); is the delimiter ${JSON.stringify(other)}? ` +
        `likertkit reads ",", ";", tab and "|": pass delimiter or convert the file`;
      throw new CsvInputError(`${fn}: ${source}: ${message}`, [{ kind: 'delimiter', row: header.line, message }]);
    }
  }
  return columns;
}

/** The error for undecodable bytes or a NUL character, as a `CsvInputError`. Internal. */
export function decodeFailure(fn: string, source: string, error: DecodeInputError): CsvInputError {
  const issues: CsvIssue[] = error.issues.map((issue) => ({
    kind: issue.kind,
    row: issue.line,
    message: issue.message,
    offset: issue.offset,
  }));
  return new CsvInputError(`${fn}: ${source} ${issues[0]?.message ?? 'cannot be decoded'}`, issues);
}

/**
 * Parses a CSV file (e.g. a survey export), given as bytes or as text, into rows of text cells
 * keyed by the header names.
 *
 * - Bytes (`Uint8Array`, e.g. a Node `Buffer`, or `ArrayBuffer`) are decoded by the core's
 *   `decodeText`: a byte order mark (UTF-8, UTF-16 LE/BE) decides the encoding, otherwise
 *   `options.encoding` or strict UTF-8. Invalid UTF-8 is an error naming `source`, the first bad
 *   byte's offset and line, and the `encoding` to pass (`'windows-1252'` for Excel's Danish
 *   exports). Text is used as given, without a leading U+FEFF (a byte order mark).
 * - A NUL character is an error (UTF-16 read as UTF-8 is full of them).
 * - Records follow RFC 4180, whatever the mix of line ends: every CRLF, LF or lone CR outside
 *   quotes ends a record; quoted fields may hold the delimiter, doubled quotes (`""`) and line
 *   breaks, kept as they are.
 * - Without `options.delimiter`, the delimiter is detected from the header and up to 10 data
 *   records: a candidate (`;`, tab, `,`, `|`) occurring the same number of times outside quotes
 *   in each wins (the most frequent when several do); otherwise the most frequent in the header
 *   (ties: `;`, tab, `,`, `|`). Danish exports use `;` because `,` is their decimal mark.
 * - When the detected delimiter gives a single column but another punctuation character
 *   (`:` `^` `~` `#` `!` `/` `\`) occurs on every sampled line, that is an error asking for the
 *   delimiter, instead of one ragged record per line.
 * - Header names are trimmed; an empty or duplicate name is an error naming it.
 * - A missing cell (empty or only white space) becomes `null`, never `''`; other text is kept
 *   exactly. Nulls stay missing downstream.
 * - A record with too few fields is padded with `null`, one with too many loses the extra fields;
 *   both are reported in `issues` with the line on which the record starts (a quoted line break
 *   makes a record span several lines). `strict: true` throws instead.
 * - `lines` gives each row's starting line, counted in the same pass that splits the records.
 *
 * Linear in the length of the input.
 *
 * @param input - the CSV file: bytes (`Uint8Array`, `ArrayBuffer`) or text
 * @param options - `delimiter`, `encoding`, `source`, `strict`, `skipEmptyLines`
 * @returns rows, column names, the delimiter and encoding used, each row's line, and the issues found
 * @throws CsvInputError for undecodable bytes, a NUL character, an empty or duplicate header
 *   name, a single column where another character splits every line, and with `strict` for any issue
 * @throws RangeError for an unknown encoding label or delimiter
 * @throws TypeError when `input` is neither text nor bytes, or is text and `encoding` is given
 * @example
 * ```ts
 * const csv = parseCsv('\uFEFFkommune;indeks;svar\r\nAarhus;1,02;I høj grad\r\nOdder;;"Ved ikke"\r\n');
 * csv.delimiter; // ';'
 * csv.columns;   // ['kommune', 'indeks', 'svar']
 * csv.rows;      // [{ kommune: 'Aarhus', indeks: '1,02', svar: 'I høj grad' },
 *                //  { kommune: 'Odder', indeks: null, svar: 'Ved ikke' }]
 * csv.lines;     // [2, 3]
 * csv.issues;    // []
 *
 * parseCsv(readFileSync('svar.csv'), { encoding: 'windows-1252', source: 'svar.csv' }).encoding; // 'windows-1252'
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc4180 (the CSV format)
 */
export function parseCsv(input: string | Uint8Array | ArrayBuffer, options?: ParseCsvOptions): ParseCsvResult {
  const fn = 'parseCsv';
  const opts = readCsvOptions(fn, options);
  const { skip, source } = opts;

  let text: string;
  let encoding: string;
  if (typeof input === 'string') {
    if (opts.encoding !== undefined) {
      throw new TypeError(
        `${fn}: encoding applies to bytes, but the input is already text; pass the file's bytes (e.g. readFileSync(file) without 'utf8') to decode them as ${JSON.stringify(opts.encoding)}`,
      );
    }
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    encoding = 'text';
    const nulAt = text.indexOf('\u0000');
    if (nulAt !== -1) {
      const line = 1 + countBreaks(text, 0, nulAt);
      const message =
        `holds a NUL character at character offset ${nulAt} (line ${line}); text full of NULs is usually a UTF-16 file read as UTF-8: ` +
        `pass the file's bytes with encoding: 'utf-16le' (or 'utf-16be'), or remove the NUL characters`;
      throw new CsvInputError(`${fn}: ${source} ${message}`, [{ kind: 'nul', row: line, message, offset: nulAt }]);
    }
  } else {
    if (asBytes(input) === undefined) {
      throw new TypeError(
        `${fn}: input must be text or bytes (a string, Uint8Array or ArrayBuffer, e.g. readFileSync(file)), got ${describeValue(input)}`,
      );
    }
    try {
      const decoded = decodeBytes(fn, input, { encoding: opts.encoding, source });
      text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
      encoding = decoded.encoding;
    } catch (error) {
      if (error instanceof DecodeInputError) throw decodeFailure(fn, source, error);
      throw error;
    }
  }

  const sample = sampleRecords(text);
  const delimiter = opts.delimiter ?? detectDelimiter(sample);
  const issues: CsvIssue[] = [];
  const rows: Record<string, string | null>[] = [];
  const lines: number[] = [];
  let columns: string[] | undefined;
  splitRecords(text, delimiter, (record) => {
    if (skipsRecord(record, skip)) return;
    if (columns === undefined) {
      columns = readHeader(fn, source, record, delimiter, opts.delimiter === undefined ? sample : undefined);
      for (const problem of record.problems) issues.push({ kind: 'quote', row: record.line, message: problem });
      return;
    }
    const { fields, line } = record;
    const width = columns.length;
    noteRecordIssues(record, width, issues);
    // No prototype: a column named "__proto__" becomes an own key, and "constructor" or
    // "toString" read as a column only when the file has one.
    const row = Object.create(null) as Record<string, string | null>;
    for (let i = 0; i < width; i++) {
      const value = fields[i];
      row[columns[i] as string] = value === undefined || isMissingValue(value) ? null : value;
    }
    rows.push(row);
    lines.push(line);
  });
  if (columns === undefined) {
    return { rows: [], columns: [], delimiter, rowCount: 0, lines: [], encoding, issues };
  }

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
  return { rows, columns, delimiter, rowCount: rows.length, lines, encoding, issues };
}
