import { readFrame } from '../data/frame';
import { toMarkdown } from '../report/markdown';
import { report } from '../report/report';
import { CliError, refuseInputAsOutput, writeOutput, type CliIo } from './io';
import type { CliConfig } from './config';
import { reportThroughDuckDB, type ReportEngine } from './engine';
import { reportDocument } from './htmlDocument';
import { writeReportPdf } from './pdf';
import { buildSurvey, formatProblem, readConfigFile, readCsvFile, readSurveyStreaming, type CsvFile } from './load';
import { isReportFileFormat, requireOutForFiles, writeReportFiles } from './reportOutput';

/** Output formats of `likertkit report`: text (`md`, `html`, `json`) or files (`pdf`, `xlsx`, a `csv` directory). */
export type ReportFormat = 'md' | 'html' | 'pdf' | 'json' | 'xlsx' | 'csv';

/** Options of {@link runReport}, from the command line. */
export interface ReportCommandOptions {
  readonly csv: string;
  readonly config: string;
  readonly frame?: string;
  /** `--frame-encoding`: the frame's encoding; the config's `encoding` is the survey file's. */
  readonly frameEncoding?: string;
  readonly format: ReportFormat;
  /** Overrides the config's `report.lang`; default Danish. */
  readonly lang?: 'da' | 'en';
  readonly out?: string;
  /** `--engine`: compute in this process (default) or inside DuckDB (Parquet and large CSV files). */
  readonly engine?: ReportEngine;
  /** `--chromium`: the Chromium binary that prints `--format pdf`. */
  readonly chromium?: string;
}

/**
 * The population frame's rows typed by the library's `readFrame`: numeric columns become
 * numbers by the same rules as the survey's (the config's `decimal` and `thousands`), the
 * rest stay text.
 *
 * @param input - the parsed frame CSV
 * @param config - the survey config, for `decimal` and `thousands`
 * @throws CliError 1 naming the frame file when `readFrame` refuses a column (an ambiguous decimal mark)
 */
export function frameRows(input: CsvFile, config: CliConfig): Record<string, unknown>[] {
  try {
    return readFrame(input.csv.rows, {
      ...(config.decimal !== undefined && { decimal: config.decimal }),
      ...(config.thousands !== undefined && { thousands: config.thousands }),
    }).rows;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(1, formatProblem({ file: input.file, message }));
  }
}

/**
 * `likertkit report`: reads the survey and its config (and a population frame), runs
 * `report()` and writes it as Markdown, an HTML document or JSON to `--out` or standard output, or
 * as a PDF of that document, an Excel workbook or a directory of CSV files to `--out` (see
 * `writeReportFiles`). Problems in
 * the data are listed on standard error as `check` lists them; report warnings follow as
 * `warning: …` lines.
 *
 * @returns 0 on success, 1 when the data has problems or the report cannot be made
 * @throws CliError 2 for unreadable files or a bad config
 */
export async function runReport(io: CliIo, options: ReportCommandOptions): Promise<number> {
  requireOutForFiles(options.format, options.out);
  if (options.out !== undefined) {
    await refuseInputAsOutput(io, options.out, [
      { role: 'survey CSV', path: options.csv },
      { role: 'config', path: options.config },
      ...(options.frame !== undefined ? [{ role: 'frame CSV', path: options.frame }] : []),
    ]);
  }
  const config = await readConfigFile(io, options.config);
  const readFrameFile = async (): Promise<Record<string, unknown>[] | undefined> => {
    if (options.frame === undefined) return undefined;
    // The frame is another file, often from another source (Statistics Denmark): it is decoded
    // by its own byte order mark or as UTF-8, or with --frame-encoding, and its delimiter is
    // detected, not taken from the survey's config.
    const frameReading = options.frameEncoding === undefined ? {} : { encoding: options.frameEncoding };
    const frameFile = await readCsvFile(io, options.frame, 'frame CSV', frameReading, '--frame-encoding to the encoding named above');
    for (const issue of frameFile.csv.issues) io.stderr(`warning: ${formatProblem({ file: options.frame, line: issue.row, message: issue.message })}\n`);
    return frameRows(frameFile, config);
  };
  // --lang wins over the config's report.lang; report() checks whichever is used.
  const reportOptions = (frame: Record<string, unknown>[] | undefined): Parameters<typeof report>[1] =>
    ({ ...config.report, ...(options.lang !== undefined && { lang: options.lang }), ...(frame !== undefined && { frame }) }) as Parameters<typeof report>[1];
  let result: ReturnType<typeof report>;
  if (options.engine === 'duckdb') {
    const frame = await readFrameFile();
    try {
      result = await reportThroughDuckDB(io, options.csv, config, reportOptions(frame) ?? {});
    } catch (error) {
      if (error instanceof CliError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new CliError(1, `report failed for ${options.csv} with ${options.config}: ${message}`);
    }
  } else {
    if (/\.parquet$/i.test(options.csv)) {
      throw new CliError(2, `${options.csv} is a Parquet file, which only DuckDB reads: add --engine duckdb`);
    }
    // A clean file streams straight into the survey; one with problems is read whole, so that
    // every problem is located by line.
    const streamed = await readSurveyStreaming(io, options.csv, config);
    const input = streamed === null ? await readCsvFile(io, options.csv, 'survey CSV', config) : null;
    const frame = await readFrameFile();
    const { survey, problems } = streamed ?? buildSurvey(input as CsvFile, config, options.config);
    if (survey === null) {
      for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
      io.stderr(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${options.csv}; no report written (run likertkit check for the same list)\n`);
      return 1;
    }
    try {
      result = report(survey, reportOptions(frame));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new CliError(1, `report failed for ${options.csv} with ${options.config}: ${message}`);
    }
  }
  for (const warning of result.warnings ?? []) {
    io.stderr(`warning: ${typeof warning === 'string' ? warning : JSON.stringify(warning)}\n`);
  }
  if (isReportFileFormat(options.format)) {
    await writeReportFiles(io, options.format, result, options.out);
    return 0;
  }
  const lang = result.lang;
  // An English report also translates the labels of the built-in scales ("I høj grad" → "To a
  // high degree"); other labels are printed as spelled.
  const translateLabels = lang === 'en';
  if (options.format === 'pdf') {
    await writeReportPdf(io, await reportDocument(result, lang, translateLabels), options.out, options.chromium);
    return 0;
  }
  let text: string;
  if (options.format === 'json') text = `${JSON.stringify(result, null, 2)}\n`;
  else if (options.format === 'html') text = await reportDocument(result, lang, translateLabels);
  else text = toMarkdown(result, { lang, translateLabels });
  if (!text.endsWith('\n')) text += '\n';
  await writeOutput(io, options.out, text);
  return 0;
}
