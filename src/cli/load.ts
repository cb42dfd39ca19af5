import { CsvInputError } from '../csv/CsvInputError';
import { numericColumn } from '../csv/numericColumn';
import { parseCsv, type ParseCsvResult } from '../csv/parseCsv';
import { safeSurvey, type Survey, type SurveyIssue } from '../data/survey';
import { validateConfig, type CliConfig } from './config';
import { escapeLineBreaks, quoteName } from './quote';
import { CliError, Progress, readText, type CliIo } from './io';
import { jsonErrorPosition } from './jsonPosition';
import { recordLines } from './lines';

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
  /** `lines[i]`: the 1-based line of data row `i`. */
  readonly lines: readonly number[];
}

/**
 * Reads and parses a CSV file, with a progress line for slow reads.
 *
 * @param io - the command's surroundings
 * @param file - the path as the user gave it
 * @param role - what the file is, for messages ("survey CSV", "frame CSV")
 * @returns the parsed CSV with the line of every data row
 * @throws CliError 2 when the file cannot be read, 1 when its header is unusable
 */
export async function readCsvFile(io: CliIo, file: string, role: string): Promise<CsvFile> {
  const progress = new Progress(io, file);
  const text = await readText(io, file, role);
  let csv: ParseCsvResult;
  try {
    csv = parseCsv(text);
  } catch (error) {
    progress.done(0);
    if (error instanceof CsvInputError) {
      throw new CliError(1, error.issues.map((issue) => formatProblem({ file, line: issue.row, message: issue.message })).join('\n'));
    }
    throw error;
  }
  progress.done(csv.rowCount);
  return { file, csv, lines: recordLines(text, csv.delimiter) };
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
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * Builds the survey a config describes from a parsed CSV and collects every problem with its
 * file, lines and column: ragged records, missing columns, unknown labels (value, count and
 * every line), missing and duplicate ids, bad numbers and bad weights.
 *
 * Numeric attributes and the weight are read with `numericColumn`, so decimal commas and
 * thousands dots work (`config.decimal`, or detected per column).
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
  const raw = (name: string): (string | null)[] => csv.rows.map((row) => row[name] ?? null);

  const columns: Record<string, ArrayLike<unknown>> = {};
  for (const name of csv.columns) columns[name] = raw(name);

  // Numbers are parsed here, decimal-comma aware; survey() then gets numbers, NaN for missing.
  const numeric = Object.entries(config.attributes)
    .filter(([, kind]) => kind === 'number')
    .map(([name]) => name);
  if (config.weight !== undefined) numeric.push(config.weight);
  for (const name of numeric) {
    if (!csv.columns.includes(name)) continue;
    const parsed = numericColumn(csv.rows, name, { decimal: config.decimal ?? 'auto' });
    const isWeight = name === config.weight;
    for (const cell of parsed.bad) {
      problems.push({
        file,
        line: lineOf(cell.row),
        column: name,
        message: `${show(cell.value)} is not a number${parsed.decimal === ',' ? ' (read with decimal comma)' : ''}${isWeight ? '; every respondent needs a weight >= 0' : ''}`,
      });
    }
    const values = Array.from(parsed.values, (v) => (Number.isNaN(v) ? null : v));
    // A bad weight is reported above; 0 keeps survey() from reporting it a second time.
    if (isWeight) for (const cell of parsed.bad) values[cell.row] = 0;
    columns[name] = values;
  }

  const result = safeSurvey({
    columns,
    id: config.id,
    items: config.items,
    attributes: config.attributes,
    ...(config.weight !== undefined && { weight: config.weight }),
    ...(config.duplicates !== undefined && { duplicates: config.duplicates }),
  });
  if (!result.ok) {
    for (const issue of result.issues) problems.push(...locate(issue, file, configFile, columns, lineOf));
  }
  // In file order, so the list reads top to bottom; problems without a line come last.
  problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  if (problems.length > 0 || !result.ok) return { survey: null, problems };
  return { survey: result.survey, problems };
}

/** Turns one survey issue into located problems (one per unknown value). */
function locate(
  issue: SurveyIssue,
  file: string,
  configFile: string,
  columns: Record<string, ArrayLike<unknown>>,
  lineOf: (row: number) => number,
): Problem[] {
  const column = issue.column;
  const cells = column === undefined ? undefined : columns[column];
  const rowsWhere = (test: (value: unknown) => boolean): number[] => {
    const rows: number[] = [];
    if (cells !== undefined) for (let i = 0; i < cells.length; i++) if (test(cells[i])) rows.push(i);
    return rows;
  };
  switch (issue.kind) {
    case 'unknown-labels':
      return (issue.unknown ?? []).map((u) => {
        const rows = rowsWhere((value) => value === u.value);
        const found = rows.length > 0 ? rows : [...u.positions];
        const lines = found.map(lineOf);
        return {
          file,
          line: lines[0] as number,
          column: column as string,
          message:
            `unknown label ${show(u.value)} for item "${issue.item}": ${u.count} ${u.count === 1 ? 'time' : 'times'}, ${lineList(lines, Math.max(u.count, lines.length))}` +
            (u.suggestion ? `; did you mean "${u.suggestion}"?` : ''),
        };
      });
    case 'duplicate-id': {
      const key = String(issue.values?.[0] ?? '');
      const rows = rowsWhere((value) => value !== null && value !== undefined && String(value).trim() === key);
      const lines = (rows.length > 0 ? rows : [...(issue.rows ?? [])]).map(lineOf);
      return [{ file, line: lines[0] as number, column: column as string, message: `respondent id ${show(key)} occurs ${lines.length} times, ${lineList(lines)}; remove the repeats or set "duplicates": "first" or "last"` }];
    }
    case 'missing-id': {
      const rows = rowsWhere((value) => value === null || value === undefined || (typeof value === 'string' && value.trim() === ''));
      const lines = rows.map(lineOf);
      return [{ file, line: lines[0] as number, column: column as string, message: `${lines.length} ${lines.length === 1 ? 'row has' : 'rows have'} no respondent id, ${lineList(lines)}` }];
    }
    case 'missing-column':
      return [{ file, line: 1, message: issue.message }];
    case 'bad-number':
    case 'bad-weight': {
      const scanned =
        issue.kind === 'bad-weight'
          ? rowsWhere((value) => value === null || value === undefined || (typeof value === 'number' && !(value >= 0 && Number.isFinite(value))))
          : [];
      const rows = scanned.length > 0 ? scanned : [...(issue.rows ?? [])];
      const what = issue.kind === 'bad-weight' ? 'missing or negative weight' : 'not a number';
      if (rows.length === 0) return [{ file, ...(column !== undefined && { column }), message: issue.message }];
      return rows.map((row, j) => ({ file, line: lineOf(row), column: column as string, message: `${what}: ${cells?.[row] === null ? 'empty cell' : show(cells?.[row] ?? issue.values?.[j])}` }));
    }
    default:
      return [{ file: configFile, message: issue.message }];
  }
}
