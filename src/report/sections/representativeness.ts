/** The `representativeness` section: sample vs population per category share and numeric mean. */
import { representativeness, type RepresentativenessRow } from '../../representativeness/representativeness';
import type { VariableSpec } from '../../representativeness/internal';
import { columnsOf } from '../columns';
import { asOptionError } from '../reportOptions';
import { nRangeNote, representativenessIntervalNote } from '../reportText';
import type { ReportTable } from '../table';
import { cell, table, type SectionContext } from './context';

/** A row of the representativeness tables. */
type RepresentativenessTableRow = {
  variable: string;
  category: string | null;
  population: number | null;
  sample: number | null;
  lower: number | null;
  upper: number | null;
  covered: boolean;
  n: number;
  count?: number;
};

/** Default representativeness variables: names both the survey's attributes and the population know. */
export function defaultVariables(ctx: SectionContext): string[] {
  const { options } = ctx;
  let known: string[];
  if (options.frame !== undefined) {
    const first = options.frame[0];
    known = first === undefined ? [] : Object.keys(first);
  } else {
    const targets = options.targets as Record<string, unknown>;
    const inner = targets['variables'];
    known = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.keys(inner) : Object.keys(targets);
  }
  if (options.representativeness.sample !== undefined) return known;
  // A summary holds categorical attributes only.
  if (ctx.summary !== null) return known.filter((name) => ctx.survey.attributes[name] === 'category');
  return known.filter((name) => ctx.survey.attributes[name] !== undefined);
}

/** The variables the representativeness section compares: as given, or the default. */
export function representativenessVariables(ctx: SectionContext): readonly VariableSpec[] {
  return ctx.options.representativeness.variables ?? defaultVariables(ctx);
}

/** The representativeness tables: category shares and numeric means, sample vs population. */
export function representativenessTables(ctx: SectionContext): ReportTable[] {
  const { words, options } = ctx;
  if (options.frame === undefined && options.targets === undefined) return [];
  const spec = options.representativeness;
  const variables = representativenessVariables(ctx);
  if (variables.length === 0) {
    ctx.warnings.push(
      'representativeness: no variable is named by both the survey attributes and the frame or targets; give representativeness.variables',
    );
    return [];
  }
  const result = asOptionError('representativeness', () =>
    representativeness({
      sample: spec.sample ?? ctx.summary ?? ctx.survey,
      ...(options.frame !== undefined ? { population: options.frame } : { targets: options.targets }),
      variables,
      level: options.level,
      ...(spec.method !== undefined ? { method: spec.method } : {}),
      ...(spec.distribution !== undefined ? { distribution: spec.distribution } : {}),
      ...(spec.populationSize !== undefined ? { populationSize: spec.populationSize } : {}),
    }),
  );
  // representativeness() already starts its warnings with its name.
  for (const warning of result.warnings) ctx.warnings.push(warning);
  const notes = [
    representativenessIntervalNote(
      options.lang,
      result.level,
      result.method,
      result.distribution,
      result.populationSize !== undefined,
    ),
    words.verdict(result.representative),
  ];
  const toRow = (row: RepresentativenessRow): RepresentativenessTableRow => ({
    variable: row.variable,
    category: row.category,
    population: cell(row.population),
    sample: cell(row.sample),
    lower: cell(row.lower),
    upper: cell(row.upper),
    covered: row.covered,
    n: row.n,
    ...(row.count !== undefined ? { count: row.count } : {}),
  });
  const tables: ReportTable[] = [];
  const shares = result.rows.filter((r) => r.kind === 'categorical');
  if (shares.length > 0) {
    tables.push(
      table(
        'representativeness',
        words.representativenessShares,
        columnsOf<Required<RepresentativenessTableRow>>([
          { key: 'variable', label: words.variable, format: 'text' },
          { key: 'category', label: words.category, format: 'text' },
          { key: 'population', label: words.population, format: 'percent' },
          { key: 'sample', label: words.sample, format: 'percent' },
          { key: 'lower', label: words.lower, format: 'percent' },
          { key: 'upper', label: words.upper, format: 'percent' },
          { key: 'covered', label: words.covered, format: 'text' },
        ]),
        shares.map(toRow) as Required<RepresentativenessTableRow>[],
        [nRangeNote(shares.map((r) => r.n)), ...notes],
      ),
    );
  }
  const means = result.rows.filter((r) => r.kind === 'numeric');
  if (means.length > 0) {
    // Large magnitudes (inhabitants) print without decimals, small ones (an index) with two.
    const digits = means.every((r) => Math.abs(r.population) >= 100) ? 0 : 2;
    tables.push(
      table(
        'representativeness:means',
        words.representativenessMeans,
        columnsOf<Required<RepresentativenessTableRow>>([
          { key: 'variable', label: words.variable, format: 'text' },
          { key: 'population', label: words.population, format: 'number', digits },
          { key: 'sample', label: words.sample, format: 'number', digits },
          { key: 'lower', label: words.lower, format: 'number', digits },
          { key: 'upper', label: words.upper, format: 'number', digits },
          { key: 'covered', label: words.covered, format: 'text' },
        ]),
        means.map(toRow) as Required<RepresentativenessTableRow>[],
        [nRangeNote(means.map((r) => r.n)), ...notes],
      ),
    );
  }
  return tables;
}
