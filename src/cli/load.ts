import { CsvInputError } from '../csv/CsvInputError';
import { parseCsv, type ParseCsvResult } from '../csv/parseCsv';
import { readCategoryKey } from '../data/keys';
import { isMissingValue } from '../data/source';
import { safeSurvey, type Survey, type SurveyDefinition, type SurveyIssue } from '../data/survey';
import { closestName } from '../internal/validate';
import { validateConfig, type CliConfig } from './config';
import { escapeLineBreaks, quoteName } from './quote';
import { CliError, Progress, readBytes, readText, resolvePath, type CliIo } from './io';
import { safeSurveyFromCsv } from '../csv/surveyFromCsv';
import { jsonErrorPosition } from './jsonPosition';

/** One problem in the input, located by file, line and column. */
export interface Problem {
  /** The file as the user named it. */
  readonly file: string;
  /** 1-based line (the header is line 1); absent when the problem has no single place. */
  readonly line?: number;
  /** The CSV column concerned. */
  readonly column?: string;
  /** What is wrong, and what to do where it helps. */
  readonly message: string;
}

/**
 * Formats a problem as `file:line: column "c": message`, the shape editors and grep understand.
 * The column is quoted with {@link quoteName}, and line breaks and other control characters
 * in the message (which may quote names from the data) are escaped, so every problem stays on
 * one line.
 *
 * @param problem - the problem; a missing line or column is left out
 * @example
 * formatProblem({ file: 'a.csv', line: 3, column: 'q1', message: 'unknown label "Måske"' });
 * // 'a.csv:3: column "q1": unknown label "Måske"'
 */
export function formatProblem(problem: Problem): string {
  const place = problem.line === undefined ? escapeLineBreaks(problem.file) : `${escapeLineBreaks(problem.file)}:${problem.line}`;
  const column = problem.column === undefined ? '' : `column ${quoteName(problem.column)}: `;
  return `${place}: ${column}${escapeLineBreaks(problem.message)}`;
}

/** A parsed CSV file with the line on which every data row starts. */
export interface CsvFile {
  readonly file: string;
  readonly csv: ParseCsvResult;
  /** `lines[i]`: the 1-based line of data row `i` (from `parseCsv`). */
  readonly lines: readonly number[];
  /** The encoding the bytes were decoded with (from `parseCsv`). */
  readonly encoding: string;
}

/** How the CSV files are read: the config's `encoding` and `delimiter`. */
export type CsvReading = Pick<CliConfig, 'encoding' | 'delimiter'>;

/**
 * Reads a CSV file as bytes and parses it with the library's `parseCsv` (which decodes them:
 * a byte order mark decides, else UTF-8 strictly or the config's `encoding`), with a progress
 * line for slow reads.
 *
 * @param io - the command's surroundings
 * @param file - the path as the user gave it
 * @param role - what the file is, for messages ("survey CSV", "frame CSV")
 * @param reading - the config's `encoding` and `delimiter`, when there is a config
 * @param encodingHint - where the user sets the encoding, for the message when the bytes do not decode
 * @returns the parsed CSV with the line of every data row
 * @throws CliError 2 when the file cannot be read or decoded (naming the byte offset), 1 when
 *   its header is unusable (naming the line)
 */
export async function readCsvFile(
  io: CliIo,
  file: string,
  role: string,
  reading: CsvReading = {},
  encodingHint = '"encoding" in the config to the encoding named above',
): Promise<CsvFile> {
  const progress = new Progress(io, file);
  const bytes = await readBytes(io, file, role);
  let csv: ParseCsvResult;
  try {
    csv = parseCsv(bytes, {
      source: file,
      ...(reading.encoding !== undefined && { encoding: reading.encoding }),
      ...(reading.delimiter !== undefined && { delimiter: reading.delimiter }),
    });
  } catch (error) {
    progress.done(0);
    if (error instanceof CsvInputError) {
      // Bytes that do not decode are a reading problem (exit 2, naming the option to set);
      // records that do not parse are data problems with a line (exit 1).
      const decoding = error.issues.some((issue) => issue.kind === 'encoding' || issue.kind === 'nul');
      const located = decoding ? [] : error.issues.filter((issue) => Number.isInteger(issue.row) && issue.row > 0);
      if (located.length > 0) throw new CliError(1, located.map((issue) => formatProblem({ file, line: issue.row, message: issue.message })).join('\n'));
      // Bytes that do not decode (invalid UTF-8, NUL bytes): the message names the byte offset
      // and the option to set, which for the CLI is the config's "encoding".
      throw new CliError(2, `cannot read ${role} ${file}: ${escapeLineBreaks(error.message.replace(/^parseCsv:\s*/, ''))} (for likertkit: set ${encodingHint})`);
    }
    throw error;
  }
  progress.done(csv.rowCount);
  return { file, csv, lines: csv.lines, encoding: csv.encoding };
}

/**
 * Reads, parses and validates a config file.
 *
 * @param io - the command's surroundings
 * @param file - the path as the user gave it
 * @returns the validated config with its scales resolved
 * @throws CliError 2 naming the file and the JSON path of every problem
 */
export async function readConfigFile(io: CliIo, file: string): Promise<CliConfig> {
  const text = await readText(io, file, 'config');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = jsonErrorPosition(body);
    const where = at === null ? '' : `:${at.line}:${at.column}`;
    // Node's message may quote the whole text and a position; keep what it says is wrong.
    const reason = message.split(/,? (?:"|\.\.\.)| in JSON at position/)[0] as string;
    throw new CliError(2, `${file}${where}: not valid JSON: ${reason}`);
  }
  if (nestingDepth(json) > MAX_DEPTH) {
    throw new CliError(2, `${file}: nested too deeply (more than ${MAX_DEPTH} levels); a config is a few levels deep`);
  }
  const result = validateConfig(json);
  if (!result.ok) throw new CliError(2, result.errors.map((e) => `${file}: ${e}`).join('\n'));
  return result.config;
}

/** The deepest nesting a config may have; real ones are about six levels deep. */
const MAX_DEPTH = 64;

/** The nesting depth of a parsed JSON value (a scalar is 0), measured without recursion. */
function nestingDepth(json: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[json, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Result of {@link buildSurvey}. */
export interface BuiltSurvey {
  /** The survey, or null when there are problems. */
  readonly survey: Survey | null;
  /** Every problem found, CSV structure first, then in the order of the config. */
  readonly problems: readonly Problem[];
}

const MAX_LINES = 20;

function lineList(lines: readonly number[], total = lines.length): string {
  const shown = lines.slice(0, MAX_LINES).join(', ');
  const more = total - Math.min(lines.length, MAX_LINES);
  return `${total === 1 ? 'line' : 'lines'} ${shown}${more > 0 ? ` and ${more} more` : ''}`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? quoteName(value) : String(value);
}

/**
 * The columns of the file as text, renamed and recoded as the config says. Problems with the
 * config's column names (a renamed or recoded column that is not in the file) go to `problems`.
 */
function sourceColumns(input: CsvFile, config: CliConfig, problems: Problem[]): Map<string, (string | null)[]> {
  const { file, csv } = input;
  const inFile = new Set(csv.columns);
  const renamed = new Map(Object.entries(config.rename));
  for (const [from, to] of renamed) {
    if (!inFile.has(from)) {
      const suggestion = closestName(from, csv.columns);
      problems.push({ file, line: 1, message: `rename: column ${quoteName(from)} is not in the file${suggestion === undefined ? '' : `; did you mean ${quoteName(suggestion)}?`}` });
    } else if (inFile.has(to) && !renamed.has(to)) {
      problems.push({ file, line: 1, message: `rename: ${quoteName(from)} cannot be renamed to ${quoteName(to)}, the file has a column of that name; rename that one too or choose another name` });
    }
  }
  const columns = new Map<string, (string | null)[]>();
  for (const name of csv.columns) {
    columns.set(renamed.get(name) ?? name, csv.rows.map((row) => (Object.hasOwn(row, name) ? (row[name] ?? null) : null)));
  }
  for (const [name, mapping] of Object.entries(config.recode)) {
    const cells = columns.get(name);
    if (cells === undefined) {
      const suggestion = closestName(name, [...columns.keys()]);
      problems.push({ file, line: 1, message: `recode: column ${quoteName(name)} is not in the file${suggestion === undefined ? '' : `; did you mean ${quoteName(suggestion)}?`}` });
      continue;
    }
    // Values are compared as category keys (trimmed, invisible characters removed, NFC), the
    // rule the library reads categories by, so a recode matches every spelling the survey would
    // count as the same category.
    const to = new Map(Object.entries(mapping).map(([from, value]) => [readCategoryKey(from), value] as const));
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === null || cell === undefined) continue;
      const replacement = to.get(readCategoryKey(cell));
      if (replacement !== undefined) cells[i] = replacement;
    }
  }
  return columns;
}

/** The survey definition a config describes, without the data: what survey() and its readers take besides it. */
export function configDefinition(config: CliConfig): Omit<SurveyDefinition, 'rows' | 'columns' | 'table' | 'survey'> {
  return {
    id: config.id,
    items: config.items,
    attributes: config.attributes,
    ...(config.weight !== undefined && { weight: config.weight }),
    ...(config.duplicates !== undefined && { duplicates: config.duplicates }),
    ...(config.decimal !== undefined && { decimal: config.decimal }),
    ...(config.thousands !== undefined && { thousands: config.thousands }),
    ...(config.multiSelect.length > 0 && { multiSelect: config.multiSelect }),
  };
}

/**
 * Builds the survey a config describes from a parsed CSV and collects every problem with its
 * file, lines and column: ragged records, missing columns, unknown labels (value, count and
 * every line), missing and duplicate ids, bad numbers, bad weights and multi-select cells.
 *
 * The CLI reads nothing itself: the text columns (after `rename` and `recode`) go to the
 * library's `safeSurvey` with the config's `decimal`, `thousands` and `multiSelect`, which
 * parses the numbers and codes everything; its issues are located by line here.
 *
 * @param input - the parsed CSV with its line numbers
 * @param config - the validated config
 * @param configFile - the config's file name, for problems with the definition itself
 */
export function buildSurvey(input: CsvFile, config: CliConfig, configFile: string): BuiltSurvey {
  const { file, csv, lines } = input;
  const problems: Problem[] = csv.issues.map((issue) => ({ file, line: issue.row, message: issue.message }));
  if (csv.columns.length === 0 || csv.rows.length === 0) {
    const what = csv.columns.length === 0 ? 'the file is empty' : 'there are no data rows, only a header';
    return { survey: null, problems: [...problems, { file, line: 1, message: `${what}; expected a header line and one line per respondent` }] };
  }
  const lineOf = (row: number): number => lines[row] ?? row + 2;
  const columns = sourceColumns(input, config, problems);
  const definition: SurveyDefinition = {
    // fromEntries keeps a column named "__proto__" as an own property.
    columns: Object.fromEntries(columns),
    ...configDefinition(config),
  };
  let result: ReturnType<typeof safeSurvey>;
  try {
    result = safeSurvey(definition);
  } catch (error) {
    // A reading option the library refuses for this data (e.g. an ambiguous decimal mark under
    // "auto", named with the column and example cells) is a problem of the data, not a crash.
    if (!(error instanceof RangeError || error instanceof TypeError)) throw error;
    return { survey: null, problems: [...problems, { file, message: error.message }] };
  }
  if (!result.ok) {
    for (const issue of result.issues) problems.push(...locate(issue, file, configFile, columns, lineOf));
  }
  // In file order, so the list reads top to bottom; problems without a line come last.
  problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  if (problems.length > 0 || !result.ok) return { survey: null, problems };
  return { survey: result.survey, problems };
}

/**
 * Reads the survey CSV a config describes straight into a survey, streaming the file through
 * `safeSurveyFromCsv`, so that a file of any size is never held whole (neither its bytes, its
 * text nor a row object per respondent). Only the clean case is taken here: when the file reads
 * without a single problem, the survey is the one {@link buildSurvey} would build. Otherwise, or
 * when the config renames or recodes columns, or the surroundings cannot stream, it returns
 * `null`, and the caller reads the file whole with {@link readCsvFile} and {@link buildSurvey},
 * which locate every problem by line as before.
 *
 * @param io - the command's surroundings
 * @param file - the survey CSV as the user named it
 * @param config - the validated config
 * @returns the survey, or null to take the whole-file route
 */
export async function readSurveyStreaming(io: CliIo, file: string, config: CliConfig): Promise<BuiltSurvey | null> {
  if (io.readStream === undefined || Object.keys(config.rename).length > 0 || Object.keys(config.recode).length > 0) return null;
  const progress = new Progress(io, file);
  try {
    const result = await safeSurveyFromCsv(
      io.readStream(resolvePath(io, file)),
      configDefinition(config),
      {
        source: file,
        ...(config.encoding !== undefined && { encoding: config.encoding }),
        ...(config.delimiter !== undefined && { delimiter: config.delimiter }),
      },
    );
    if (!result.ok || result.csv.issues.length > 0 || result.csv.rowCount === 0) {
      progress.done(0);
      return null;
    }
    progress.done(result.csv.rowCount);
    return { survey: result.survey, problems: [] };
  } catch {
    // Unreadable, undecodable or unparsable: the whole-file route reports it as it always has.
    progress.done(0);
    return null;
  }
}

/** Turns one survey issue into located problems (one per unknown value, one per bad cell). */
function locate(
  issue: SurveyIssue,
  file: string,
  configFile: string,
  columns: ReadonlyMap<string, readonly (string | null)[]>,
  lineOf: (row: number) => number,
): Problem[] {
  const column = issue.column;
  const cells = column === undefined ? undefined : columns.get(column);
  const rowsWhere = (test: (value: string | null) => boolean): number[] => {
    const rows: number[] = [];
    if (cells !== undefined) for (let i = 0; i < cells.length; i++) if (test(cells[i] ?? null)) rows.push(i);
    return rows;
  };
  const where = column === undefined ? {} : { column };
  switch (issue.kind) {
    case 'unknown-labels':
      return (issue.unknown ?? []).map((u) => {
        const rows = rowsWhere((value) => value === u.value);
        const found = rows.length > 0 ? rows : [...u.positions];
        const lines = found.map(lineOf);
        return {
          file,
          line: lines[0] as number,
          ...where,
          message:
            `unknown label ${show(u.value)} for item ${quoteName(issue.item ?? '')}: ${u.count} ${u.count === 1 ? 'time' : 'times'}, ${lineList(lines, Math.max(u.count, lines.length))}` +
            (u.suggestion ? `; did you mean ${quoteName(u.suggestion)}?` : ''),
        };
      });
    case 'duplicate-id': {
      const key = String(issue.values?.[0] ?? '');
      const rows = rowsWhere((value) => value !== null && value.trim() === key);
      const lines = (rows.length > 0 ? rows : [...(issue.rows ?? [])]).map(lineOf);
      return [{ file, line: lines[0] as number, ...where, message: `respondent id ${show(key)} occurs ${lines.length} times, ${lineList(lines)}; remove the repeats or set "duplicates": "first" or "last"` }];
    }
    case 'missing-id': {
      const lines = rowsWhere(isMissingValue).map(lineOf);
      return [{ file, line: lines[0] as number, ...where, message: `${lines.length} ${lines.length === 1 ? 'row has' : 'rows have'} no respondent id, ${lineList(lines)}` }];
    }
    case 'missing-column':
      return [{ file, line: 1, message: issue.message }];
    case 'bad-number':
    case 'bad-weight': {
      // The library parsed the numbers; it names the first few bad cells.
      const rows = issue.rows ?? [];
      if (rows.length === 0) return [{ file, ...where, message: issue.message }];
      return rows.map((row, j) => {
        const value = cells?.[row] ?? issue.values?.[j] ?? null;
        const blank = isMissingValue(value);
        const message =
          issue.kind === 'bad-weight'
            ? blank
              ? 'missing weight: empty cell; every respondent needs a weight >= 0'
              : `weight ${show(value)} is not a number >= 0`
            : `${show(value)} is not a number${badNumberHint(issue)}`;
        return { file, line: lineOf(row), ...where, message };
      });
    }
    case 'definition':
      return [{ file: configFile, message: issue.message }];
    default: {
      // Kinds added later (multi-select cells, …): located by their rows when they have them.
      const rows = issue.rows ?? [];
      return [{ file, ...(rows.length > 0 && { line: lineOf(rows[0] as number) }), ...where, message: issue.message }];
    }
  }
}

/** A hint for a bad number: what to declare instead. */
function badNumberHint(issue: SurveyIssue): string {
  return issue.column === undefined ? '' : `; fix it, or declare ${quoteName(issue.column)} a "category"`;
}
