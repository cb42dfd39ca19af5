import { formatCount, type CliIo } from './io';
import { buildSurvey, formatProblem, readConfigFile, readCsvFile, readSurveyStreaming } from './load';

/** Options of {@link runCheck}, from the command line. */
export interface CheckCommandOptions {
  readonly csv: string;
  readonly config: string;
}

/**
 * `likertkit check`: validates a survey CSV against its config and lists every problem on
 * standard output, one per line as `file:line: column "c": message`, then a count.
 *
 * @returns 0 when clean (after printing `ok: N respondents, M items`), 1 when problems were found
 * @throws CliError 2 for unreadable files or a bad config
 */
export async function runCheck(io: CliIo, options: CheckCommandOptions): Promise<number> {
  const config = await readConfigFile(io, options.config);
  // A clean file streams straight into the survey; one with problems is read whole, so that
  // every problem is located by line.
  const { survey, problems } =
    (await readSurveyStreaming(io, options.csv, config)) ?? buildSurvey(await readCsvFile(io, options.csv, 'survey CSV', config), config, options.config);
  if (survey === null || problems.length > 0) {
    for (const problem of problems) io.stdout(`${formatProblem(problem)}\n`);
    io.stdout(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${options.csv}\n`);
    return 1;
  }
  const n = survey.items.length;
  io.stdout(`ok: ${formatCount(survey.size)} respondents, ${n} ${n === 1 ? 'item' : 'items'}\n`);
  return 0;
}
