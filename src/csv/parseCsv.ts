import Papa from 'papaparse';
import { assertOneOf, describeValue } from '../internal/validate';
import { CsvInputError, type CsvIssue } from './CsvInputError';

/** The field delimiters `parseCsv` detects and accepts. */
export type CsvDelimiter = ',' | ';' | '\t';

const DELIMITERS: readonly CsvDelimiter[] = [';', '\t', ','];

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** The field delimiter; detected from the header line when not given (see {@link parseCsv}). */
  readonly delimiter?: CsvDelimiter;
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
  /** One object per data record, keyed by the trimmed header names; empty cells are `null`. */
  readonly rows: Record<string, string | null>[];
  /** The trimmed header names, in file order. */
  readonly columns: string[];
  /** The delimiter used (given or detected). */
  readonly delimiter: CsvDelimiter;
  /** `rows.length`. */
  readonly rowCount: number;
  /** Ragged records and quoting problems, with their 1-based line numbers. */
  readonly issues: CsvIssue[];
}

/** How many records {@link detectDelimiter} looks at: the header and up to 10 data records. */
const SAMPLE_RECORDS = 11;

/**
 * Picks the delimiter. Each candidate (`;`, tab, `,`) is counted outside quotes in each of the
 * first records (the header and up to 10 data records; quoted line breaks stay inside their
 * record). A candidate that occurs the same, non-zero number of times in every sampled record
 * splits them all into the same number of fields: among those the most frequent wins (ties: `;`,
 * then tab, then `,`). This keeps a Danish `;` export whose question texts in the header contain
 * commas from being read as comma-separated. When no candidate is consistent, the header alone
 * decides: the most frequent candidate there, with the same ties; none at all gives `,`.
 * Internal.
 */
function detectDelimiter(text: string): CsvDelimiter {
  const records: Map<string, number>[] = [];
  let current = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const c = text[i] as string;
    if (c === '"') {
      inQuotes = !inQuotes; // a doubled quote "" toggles twice, as it should
      seenContent = true;
    } else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (seenContent) {
        records.push(current);
        current = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
        seenContent = false;
      }
    } else {
      seenContent = true;
      const count = current.get(c);
      if (count !== undefined && !inQuotes) current.set(c, count + 1);
    }
  }
  if (seenContent && records.length < SAMPLE_RECORDS) records.push(current);
  if (records.length === 0) return ',';

  const pick = (candidates: readonly CsvDelimiter[], countOf: (d: CsvDelimiter) => number): CsvDelimiter | undefined => {
    let best: CsvDelimiter | undefined;
    let bestCount = 0;
    for (const d of candidates) {
      if (countOf(d) > bestCount) {
        best = d;
        bestCount = countOf(d);
      }
    }
    return best;
  };
  const header = records[0] as Map<string, number>;
  if (records.length > 1) {
    const consistent = DELIMITERS.filter((d) => records.every((r) => r.get(d) === header.get(d)));
    const chosen = pick(consistent, (d) => header.get(d) as number);
    if (chosen !== undefined) return chosen;
  }
  return pick(DELIMITERS, (d) => header.get(d) as number) ?? ',';
}

/** Offsets at which lines start (after `\n`, `\r\n` or a lone `\r`). Internal. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** 1-based line number of `offset`, by binary search in `starts`. Internal. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/**
 * Parses CSV text (e.g. a survey export) into rows of text cells keyed by the header names,
 * with papaparse doing the quoting.
 *
 * - A UTF-8 byte order mark at the start is removed.
 * - Without `options.delimiter`, the delimiter is detected from the header line: whichever of
 *   `;`, tab and `,` occurs most often outside quotes (ties: `;`, then tab, then `,`). Danish
 *   exports use `;` because `,` is their decimal mark; a header rarely holds numbers, so the
 *   decimal commas in the data do not mislead the detection.
 * - Quoted fields may hold the delimiter, doubled quotes (`""`) and line breaks.
 * - Header names are trimmed; an empty or duplicate name is an error naming it.
 * - A cell that is empty or only white space becomes `null` (missing), never `''`; other text is
 *   kept exactly. Nulls stay missing downstream: `likert` and `numericColumn` count them as
 *   missing, never as an answer or a zero.
 * - A record with too few fields is padded with `null`, one with too many loses the extra fields;
 *   both are reported in `issues` with the record's 1-based line number (the header is line 1;
 *   a quoted line break makes a record span several lines). `strict: true` throws instead.
 *
 * @param text - the CSV text
 * @param options - `delimiter`, `strict`, `skipEmptyLines`
 * @returns rows, column names, the delimiter used and the issues found
 * @throws CsvInputError for an empty or duplicate header name, and with `strict` for any issue
 * @throws TypeError when `text` is not a string
 * @example
 * ```ts
 * const csv = parseCsv('\uFEFFkommune;indeks;svar\r\nAarhus;1,02;I høj grad\r\nOdder;;"Ved ikke"\r\n');
 * csv.delimiter; // ';'
 * csv.columns;   // ['kommune', 'indeks', 'svar']
 * csv.rows;      // [{ kommune: 'Aarhus', indeks: '1,02', svar: 'I høj grad' },
 *                //  { kommune: 'Odder', indeks: null, svar: 'Ved ikke' }]
 * csv.issues;    // []
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc4180 (the CSV format) and https://www.papaparse.com/docs
 */
export function parseCsv(text: string, options?: ParseCsvOptions): ParseCsvResult {
  const fn = 'parseCsv';
  if (typeof text !== 'string') {
    throw new TypeError(`${fn}: text must be a string (read the file as UTF-8 first), got ${describeValue(text)}`);
  }
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  const opts = options ?? {};
  if (opts.delimiter !== undefined) assertOneOf(fn, opts.delimiter, DELIMITERS, 'delimiter');
  if (opts.strict !== undefined && typeof opts.strict !== 'boolean') {
    throw new TypeError(`${fn}: strict must be true or false, got ${describeValue(opts.strict)}`);
  }
  const skip = opts.skipEmptyLines ?? true;
  if (skip !== true && skip !== false && skip !== 'greedy') {
    throw new TypeError(`${fn}: skipEmptyLines must be true, false or 'greedy', got ${describeValue(skip)}`);
  }

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = opts.delimiter ?? detectDelimiter(body);
  const starts = lineStarts(body);

  // Records with the line each starts on. Empty lines are skipped here rather than by papaparse,
  // so every record's start offset (the previous record's cursor) is known.
  const records: { fields: string[]; line: number; errors: string[] }[] = [];
  let previousCursor = 0;
  Papa.parse<string[]>(body, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    step: (result) => {
      // papaparse's cursor is just past the record's line break, i.e. where the next one starts.
      const start = previousCursor;
      previousCursor = result.meta.cursor;
      const fields = result.data;
      if (start >= body.length && fields.length === 1 && fields[0] === '') return; // after the last line break
      const empty = fields.length === 1 && fields[0] === '';
      if (empty && skip !== false) return;
      if (skip === 'greedy' && fields.every((f) => f.trim() === '')) return;
      records.push({
        fields,
        line: lineOf(starts, start),
        errors: result.errors.map((e) => e.message),
      });
    },
  });

  const issues: CsvIssue[] = [];
  const header = records.shift();
  if (header === undefined) {
    return { rows: [], columns: [], delimiter, rowCount: 0, issues };
  }
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
      [{ row: header.line, message }],
    );
  }
  for (const error of header.errors) issues.push({ row: header.line, message: error });

  const width = columns.length;
  const rows: Record<string, string | null>[] = [];
  for (const record of records) {
    const { fields, line } = record;
    for (const error of record.errors) issues.push({ row: line, message: error });
    if (fields.length !== width) {
      const extra = fields.slice(width);
      issues.push({
        row: line,
        message:
          `expected ${width} ${width === 1 ? 'field' : 'fields'}, found ${fields.length}` +
          (extra.length > 0 ? ` (extra fields dropped: ${quoteList(extra)})` : ' (missing fields set to null)'),
      });
    }
    const entries: [string, string | null][] = columns.map((name, i) => {
      const value = fields[i];
      return [name, value === undefined || value.trim() === '' ? null : value];
    });
    rows.push(Object.fromEntries(entries));
  }

  if (opts.strict === true && issues.length > 0) {
    const listed = issues
      .slice(0, 20)
      .map((issue) => `  - line ${issue.row}: ${issue.message}`)
      .join('\n');
    const more = issues.length > 20 ? `\n  … and ${issues.length - 20} more (see error.issues)` : '';
    throw new CsvInputError(
      `${fn}: ${issues.length} ${issues.length === 1 ? 'record does' : 'records do'} not parse cleanly with delimiter ${JSON.stringify(delimiter)}; ` +
        `fix the file, pass the right delimiter, or drop strict to get them as issues:\n${listed}${more}`,
      issues,
    );
  }
  return { rows, columns, delimiter, rowCount: rows.length, issues };
}
