import { parseArgs, type ArgSpec } from './args';
import { runCheck } from './check';
import { CLI_GUIDE_URL } from './guide';
import { runInit } from './init';
import { CliError, type CliIo } from './io';
import { runReport, type ReportFormat } from './report';

export type { CliIo } from './io';

/** Exit codes of the `likertkit` command. */
export const EXIT = Object.freeze({
  /** Success. */
  ok: 0,
  /** `check` found problems in the data, or `report` could not be made. */
  problems: 1,
  /** Bad arguments, an unreadable file or a bad config. */
  usage: 2,
});

export { CLI_GUIDE_URL } from './guide';

const PROGRAM_HELP = `likertkit – analyse Likert-scale surveys from the command line

Usage:
  likertkit report <survey.csv> --config <survey.json> [--frame <frame.csv>]
                   [--format md|html|pdf|json|xlsx|csv] [--lang da|en] [--out <file>]
  likertkit check  <survey.csv> --config <survey.json>
  likertkit init   <survey.csv> [--out <survey.json>] [--force] [--encoding <label>]

Commands:
  report   build the report (tables of shares, means, correlations, …) and render it
  check    validate the data against the config: every unknown label, duplicate id, bad value
  init     write a starter config by detecting which columns hold which built-in scale

Options:
  -h, --help     show help (also: likertkit <command> --help, likertkit help <command>)
  --version      print the version

Exit codes: 0 ok, 1 data problems found or report failed, 2 usage error
(bad arguments, unreadable file, bad config).
Guide: ${CLI_GUIDE_URL}
`;

const REPORT_HELP = `likertkit report – build and render a survey report

Usage:
  likertkit report <survey.csv> --config <survey.json> [options]

Options:
  -c, --config <file>     survey config (JSON; see the guide below)       required
  --frame <file>          population frame CSV (one row per unit, e.g. the 98
                          municipalities) for the representativeness table
  --frame-encoding <enc>  the frame's encoding (default UTF-8, or its byte order
                          mark); the config's "encoding" is the survey's only
  -f, --format <format>   md (default), html (a styled document), json, pdf (the
                          document printed by headless Chromium; needs --out and the npm
                          package playwright-core), xlsx (an Excel workbook; needs --out)
                          or csv (one file per table into the directory --out)
  --chromium <path>       the Chromium for pdf (default: LIKERTKIT_CHROMIUM,
                          /usr/bin/chromium, or the @sparticuz/chromium package)
  --lang <lang>           da (default, or the config's report.lang) or en
  -o, --out <file>        write to a file instead of standard output
  --engine <engine>       memory (default) or duckdb: DuckDB scans the file (CSV or
                          Parquet, any size) and the report is made from its summary
  -h, --help              show this help

Problems in the data are listed on standard error as by "likertkit check".
Exit codes: 0 written, 1 data problems or report failed, 2 usage error.
The report is written to --out atomically (a temporary file, then renamed), and
--out may not name one of the input files. With --format csv, --out is a directory:
new, empty, or written by a previous run (it is replaced); any other is refused.
Guide: ${CLI_GUIDE_URL}
`;

const CHECK_HELP = `likertkit check – validate a survey CSV against its config

Usage:
  likertkit check <survey.csv> --config <survey.json>

Lists every problem on standard output as  file:line: column "name": message :
ragged records, missing columns, unknown labels (value, count, lines), missing and
duplicate respondent ids, values that are not numbers, bad weights.
Prints "ok: N respondents, M items" when there is none.

Options:
  -c, --config <file>   survey config (JSON; see the guide below)   required
  -h, --help            show this help

Exit codes: 0 clean, 1 problems found, 2 usage error (arguments, unreadable file, bad config).
Guide: ${CLI_GUIDE_URL}
`;

const INIT_HELP = `likertkit init – write a starter config for a survey CSV

Usage:
  likertkit init <survey.csv> [--out <survey.json>] [--force] [--encoding <label>]

Detects per column: the respondent id (first column with unique values), items (at
least 95 % of the answers are labels of one built-in scale), numeric attributes
(decimal comma or point), categories (few distinct texts), multi-select questions
(runs of tick-box columns: blank, 1, x, 0, ja/nej or the header text) and free
text (comments, left out with the reason). The config goes to --out or standard
output, with "$schema" pointing at the package's config.schema.json; what was
decided is printed (to standard error when the config goes to standard output).

Options:
  -o, --out <file>   write the config to a file
  --force            overwrite --out if it exists (even one that cannot be read)
  --encoding <label> the CSV's encoding when it is not UTF-8, e.g. windows-1252;
                     also written to the config
  -h, --help         show this help

Exit codes: 0 written, 1 no column holds a built-in scale, 2 usage error.
Guide: ${CLI_GUIDE_URL}
`;

// Maps, not objects: a command named "constructor" or "__proto__" must not find Object's members.
const HELP: ReadonlyMap<string, string> = new Map([
  ['report', REPORT_HELP],
  ['check', CHECK_HELP],
  ['init', INIT_HELP],
]);

const SPECS: ReadonlyMap<string, ArgSpec> = new Map<string, ArgSpec>([
  ['report', { values: ['config', 'frame', 'frame-encoding', 'format', 'lang', 'out', 'engine', 'chromium'], flags: [], short: { c: 'config', f: 'format', o: 'out' } }],
  ['check', { values: ['config'], flags: [], short: { c: 'config' } }],
  ['init', { values: ['out', 'encoding'], flags: ['force'], short: { o: 'out' } }],
]);

function usage(io: CliIo, command: string | undefined, message: string): number {
  const help = command === undefined ? 'likertkit --help' : `likertkit ${command} --help`;
  io.stderr(`likertkit${command === undefined ? '' : ` ${command}`}: ${message}\nRun "${help}" for usage.\n`);
  return EXIT.usage;
}

/**
 * Runs the `likertkit` command line with the given arguments and surroundings, and returns the
 * exit code instead of exiting, so that tests (and other programs) can call it in memory.
 *
 * @param argv - the arguments after the program name, e.g. `['check', 'a.csv', '--config', 'a.json']`
 * @param io - standard output and error, file access, working directory (see {@link CliIo})
 * @returns 0 ok, 1 data problems or a failed report, 2 usage error
 * @example
 * const code = await main(['--version'], { ...nodeIo('1.0.0').io, stdout: (t) => out.push(t) });
 * // out: ['1.0.0\n'], code: 0
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    (first === undefined ? io.stderr : io.stdout)(PROGRAM_HELP);
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${io.version ?? 'unknown'}\n`);
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(PROGRAM_HELP);
      return EXIT.ok;
    }
    const help = HELP.get(topic);
    if (help === undefined) return usage(io, undefined, `no command ${JSON.stringify(topic)}; the commands are report, check and init`);
    io.stdout(help);
    return EXIT.ok;
  }
  const spec = SPECS.get(first);
  if (spec === undefined) {
    if (first.startsWith('-')) return usage(io, undefined, `unknown option ${first}`);
    return usage(io, undefined, `no command ${JSON.stringify(first)}; the commands are report, check and init`);
  }
  const args = parseArgs(rest, spec);
  if (!args.ok) return usage(io, first, args.error);
  if (args.flags.has('help')) {
    io.stdout(HELP.get(first) as string);
    return EXIT.ok;
  }
  if (args.flags.has('version')) {
    io.stdout(`${io.version ?? 'unknown'}\n`);
    return EXIT.ok;
  }
  const [csv, ...extra] = args.positionals;
  if (csv === undefined) return usage(io, first, 'name the survey CSV file');
  if (extra.length > 0) return usage(io, first, `unexpected argument ${JSON.stringify(extra[0])} (one CSV file per run)`);

  try {
    if (first === 'init') {
      return await runInit(io, {
        csv,
        force: args.flags.has('force'),
        ...(args.values.out !== undefined && { out: args.values.out }),
        ...(args.values.encoding !== undefined && { encoding: args.values.encoding }),
      });
    }
    const config = args.values.config;
    if (config === undefined) return usage(io, first, '--config <survey.json> is required (write one with "likertkit init")');
    if (first === 'check') return await runCheck(io, { csv, config });

    const format = args.values.format ?? 'md';
    if (format !== 'md' && format !== 'html' && format !== 'pdf' && format !== 'json' && format !== 'xlsx' && format !== 'csv') {
      return usage(io, first, `--format must be md, html, pdf, json, xlsx or csv, got ${JSON.stringify(format)}`);
    }
    const lang = args.values.lang;
    if (lang !== undefined && lang !== 'da' && lang !== 'en') {
      return usage(io, first, `--lang must be da or en, got ${JSON.stringify(lang)}`);
    }
    const engine = args.values.engine;
    if (engine !== undefined && engine !== 'memory' && engine !== 'duckdb') {
      return usage(io, first, `--engine must be memory or duckdb, got ${JSON.stringify(engine)}`);
    }
    return await runReport(io, {
      csv,
      ...(engine !== undefined && { engine }),
      config,
      format: format as ReportFormat,
      ...(lang !== undefined && { lang }),
      ...(args.values.frame !== undefined && { frame: args.values.frame }),
      ...(args.values['frame-encoding'] !== undefined && { frameEncoding: args.values['frame-encoding'] }),
      ...(args.values.out !== undefined && { out: args.values.out }),
      ...(args.values.chromium !== undefined && { chromium: args.values.chromium }),
    });
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`likertkit ${first}: ${error.message.includes('\n') ? `\n${error.message}` : error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`likertkit ${first}: unexpected error (please report it): ${message}\n`);
    return EXIT.problems;
  }
}
