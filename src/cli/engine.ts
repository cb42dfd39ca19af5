/**
 * `likertkit report --engine duckdb`: the survey file (Parquet or CSV) is scanned by an embedded
 * DuckDB, which computes the survey's summary (`summarizeDuckDB`), and the report is made from
 * that summary. Neither the file's text nor a row per respondent is ever held by Node, so a file
 * larger than memory becomes a report.
 */
import type { SurveyDefinition } from '../data/survey';
import { survey } from '../data/survey';
import { resolveReportOptions } from '../report/reportOptions';
import type { ReportOptions } from '../report/reportOptions';
import { report, type ReportResult } from '../report/report';
import type { SizeGrouping } from '../data/sizeGroups';
import type { SurveySummary } from '../summary/types';
import type { CliConfig } from './config';
import { CliError, resolvePath, type CliIo } from './io';
import { configDefinition } from './load';

/** Where `likertkit report` computes: in this process (default) or inside DuckDB. */
export type ReportEngine = 'memory' | 'duckdb';

/** The config's survey definition without multi-select questions, which a summary does not hold. */
function definitionOf(config: CliConfig): Omit<SurveyDefinition, 'rows' | 'columns' | 'table' | 'survey'> {
  const { multiSelect: _multiSelect, ...definition } = configDefinition(config);
  return definition;
}

/**
 * The item pairs and the grouping the report will ask of the summary, resolved by the report's
 * own rules on a one-respondent survey of the config's shape (every answer blank): the pairs
 * follow the items' groups and scales, which the config alone decides.
 */
function reportNeeds(config: CliConfig, options: ReportOptions): { pairs: [string, string][]; by: string | SizeGrouping | undefined; dropped: string[] } {
  const row: Record<string, unknown> = {};
  // Defined, not assigned: a column named "__proto__" is an own key like any other.
  const cell = (column: string, value: unknown): void => {
    Object.defineProperty(row, column, { value, enumerable: true, writable: true, configurable: true });
  };
  for (const item of config.items) cell(item.column ?? item.id, null);
  for (const name of Object.keys(config.attributes)) cell(name, null);
  cell(config.id, 'shape');
  const { weight: _weight, ...unweighted } = definitionOf(config);
  const shape = survey({ ...unweighted, rows: [row] });
  const { frame: _frame, targets: _targets, ...rest } = options as ReportOptions & Record<string, unknown>;
  const resolved = resolveReportOptions(shape, rest);
  const pairs = resolved.pairs.map(([x, y]) => [x, y] as [string, string]);
  const groupings: (string | SizeGrouping)[] = [...(resolved.sizeGroups === undefined ? [] : [resolved.sizeGroups]), ...resolved.by];
  const by = groupings[0];
  const dropped = groupings.slice(1).map((g) => (typeof g === 'string' ? g : g.attribute));
  return { pairs, by, dropped };
}

/**
 * Builds the report of a survey file inside DuckDB: the file is summarised by the engine
 * (`summarizeDuckDB`), then `report()` runs on the summary. Sections a summary cannot give
 * (numeric attributes, multi-select tables, a second grouping) are left out with a warning.
 *
 * @param io - the command's surroundings (the file is resolved against its working directory)
 * @param file - the survey file: `.parquet`, or a CSV DuckDB reads (`.csv`, `.tsv`, `.txt`, `.gz`)
 * @param config - the validated config
 * @param options - the report options (the config's `report`, `--lang`, the frame)
 * @returns the report
 * @throws CliError 2 when the config asks for what the engine cannot read (renames, recodes,
 *   another encoding than UTF-8); CliError 1 when the engine or the report fails
 */
export async function reportThroughDuckDB(io: CliIo, file: string, config: CliConfig, options: ReportOptions): Promise<ReportResult> {
  if (Object.keys(config.rename).length > 0 || Object.keys(config.recode).length > 0) {
    throw new CliError(2, `--engine duckdb reads the columns as the file names them; this config has ${Object.keys(config.rename).length > 0 ? '"rename"' : '"recode"'}, which only the in-memory engine applies: drop --engine duckdb, or rename/recode in the file (or a DuckDB view) first`);
  }
  if (config.encoding !== undefined && !/^utf-?8$/i.test(config.encoding)) {
    throw new CliError(2, `--engine duckdb reads UTF-8 files; the config says encoding "${config.encoding}": convert the file to UTF-8 (iconv -f ${config.encoding} -t utf-8), or drop --engine duckdb`);
  }
  // A summary holds no numeric attributes: their correlation table is left out, said once per
  // attribute (the size grouping's attribute is in the summary as its groups).
  const sizeAttribute = options.sizeGroups?.attribute;
  const numeric = Object.keys(config.attributes).filter((name) => config.attributes[name] === 'number');
  const { numericAttributes: _numericAttributes, ...withoutNumeric } = options;
  options = withoutNumeric;
  const needs = reportNeeds(config, options);
  const warnings: string[] = [];
  const wantsAttributes = options.sections === undefined || options.sections.includes('attributes');
  for (const name of numeric) {
    if (wantsAttributes && name !== sizeAttribute) warnings.push(`--engine duckdb: a summary holds no numeric attributes; the correlations with "${name}" are left out`);
  }
  if (config.multiSelect.length > 0) warnings.push('--engine duckdb: multi-select questions are not summarised by the engine; their tables are left out');
  for (const name of needs.dropped) warnings.push(`--engine duckdb: a summary holds one grouping; means by "${name}" are left out (run the report once per grouping)`);
  let summary: SurveySummary;
  try {
    const { summarizeDuckDB } = await import('../duckdb/index');
    summary = await summarizeDuckDB({
      source: resolvePath(io, file),
      definition: definitionOf(config),
      ...(needs.by !== undefined && { by: needs.by }),
      ...(needs.pairs.length > 0 && { pairs: needs.pairs }),
      ...(config.delimiter !== undefined && !/\.parquet$/i.test(file) && { delimiter: config.delimiter }),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(1, `DuckDB could not summarise ${file}: ${message}`);
  }
  const reportOptions: ReportOptions = {
    ...options,
    ...(needs.by === undefined ? {} : typeof needs.by === 'string' ? { by: [needs.by], sizeGroups: undefined } : { by: [], sizeGroups: needs.by }),
  };
  const result = report(summary, reportOptions);
  return warnings.length === 0 ? result : { ...result, warnings: [...warnings, ...(result.warnings ?? [])] };
}
