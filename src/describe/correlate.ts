import type { Survey } from '../data/survey';
import type { LikertColumn } from '../data/types';
import { adjustPValues } from '../inference/adjustPValues';
import type { AdjustPValuesMethod } from '../inference/adjustPValues';
import { correlationResult, pearson, type PearsonResult } from '../inference/pearson';
import { readNumeric, resolveStarScheme } from '../inference/internal';
import { columnDesign } from '../data/design';
import { isSurveyObject } from '../data/surveyObject';
import { centredPairSums, pairSums, type SurveyPairSums } from '../engine/pairs';
import { significanceStars } from '../inference/significanceStars';
import type { StarScheme } from '../inference/significanceStars';
import { spearman } from '../inference/spearman';
import { weightedPearson } from '../inference/weightedPearson';
import { assertLevel, assertOneOf, describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { pairCorrelation } from '../summary/pairPearson';
import type { PairSummary, SurveySummary } from '../summary/types';
import { assertSurveySummary, isSurveySummary } from '../summary/validateSummary';

/** Options of {@link correlate}. */
export interface CorrelateOptions {
  /** Items or numeric attributes on the row side. */
  readonly x: string | readonly string[];
  /**
   * Items or numeric attributes on the column side. Without `y` (and without `pairs`), every
   * unordered pair of `x` is tested once.
   */
  readonly y?: string | readonly string[];
  /**
   * Explicit pairs `[x, y]`, or `'group'` to pair each `x` item with the `y` item of the same
   * group (the 2021 report: each focus area's challenge with the need for support in that area).
   */
  readonly pairs?: readonly (readonly [string, string])[] | 'group';
  /** `'pearson'` (default) or `'spearman'`. */
  readonly method?: 'pearson' | 'spearman';
  /** p-value adjustment over the tests made (default `'none'`). Stars then use the adjusted p. */
  readonly adjust?: AdjustPValuesMethod;
  /** Star scheme (default `'default'`: *** p < 0.01, ** p < 0.05, * p < 0.1). */
  readonly stars?: StarScheme;
  /** Level of the Fisher-z intervals (default 0.95). */
  readonly level?: number;
}

/** One test in a {@link CorrelateResult}. */
export interface CorrelationRow {
  readonly x: string;
  readonly y: string;
  /** Labels of the items (the name itself for attributes). */
  readonly xLabel: string;
  readonly yLabel: string;
  /** Complete pairs (pairwise deletion). */
  readonly n: number;
  readonly r: number;
  readonly t: number;
  readonly df: number;
  /** Unadjusted two-sided p. */
  readonly p: number;
  /** p after `adjust` (equal to `p` when `adjust` is `'none'`). */
  readonly pAdjusted: number;
  readonly stars: string;
  /**
   * Fisher-z interval: on n (`'fisher-z'`), or on Kish's effective n for a weighted survey
   * (`'fisher-z-kish'`, see `weightedPearson`).
   */
  readonly ci: { readonly lower: number; readonly upper: number; readonly level: number; readonly method: 'fisher-z' | 'fisher-z-kish' };
  readonly reason?: string;
}

/** A matrix view of the tests: `null` where no test was made. */
export interface CorrelationMatrix {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly r: readonly (readonly (number | null)[])[];
  readonly n: readonly (readonly (number | null)[])[];
  /** Unadjusted two-sided p, as `p` in the rows. */
  readonly p: readonly (readonly (number | null)[])[];
  /** p after `adjust`, as `pAdjusted` in the rows (the stars follow it). */
  readonly pAdjusted: readonly (readonly (number | null)[])[];
  readonly stars: readonly (readonly string[])[];
}

/** Result of {@link correlate}: tidy rows plus a matrix view, plain data. */
export interface CorrelateResult {
  readonly rows: readonly CorrelationRow[];
  readonly matrix: CorrelationMatrix;
  /** Smallest and largest N over the tests, for notes such as "N = 85–92". */
  readonly nRange: { readonly min: number; readonly max: number };
  /** Tests made (each unordered pair once, never the diagonal). */
  readonly tests: number;
  readonly method: 'pearson' | 'spearman';
  readonly adjust: AdjustPValuesMethod;
  readonly level: number;
  /**
   * Present (true) when the Pearson correlations are weighted and design-based: `correlate` of a
   * weighted survey (see `weightedPearson`). Absent for unweighted ones.
   */
  readonly weighted?: true;
}

/** The names as a list, each once (a repeated name would test a pair twice or itself). */
const asList = (value: string | readonly string[] | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : [...new Set(value)];

/**
 * A correlation table over items and numeric attributes of a survey, with N per pair, t, df,
 * p, stars and Fisher-z intervals, as `psych::corr.test` gives it.
 *
 * Which pairs are tested: explicit `pairs`; `pairs: 'group'` pairs each `x` item with the `y`
 * item of the same group; `x` and `y` test every x × y pair (a name on both sides is skipped);
 * `x` alone tests every unordered pair once. Deletion is pairwise: a respondent enters a test
 * when both values are present ("ved ikke" is not a value). `adjust` corrects the p-values
 * over the tests actually made (Holm, Bonferroni, Benjamini–Hochberg), and the stars then
 * follow the adjusted p. On an unweighted survey the correlations are `cor.test`'s; two items
 * correlate exactly from their cross-table of levels. On a weighted survey Pearson's r is
 * weighted and its test design-based, as `weightedPearson` (R: `cov.wt`, and the slope's t of
 * `svyglm(y ~ x, design)` with the x variable as predictor), the interval Fisher's on Kish's
 * effective n, and the result carries `weighted: true`; Spearman stays unweighted. A summary
 * holds unweighted pair counts, so `correlate(summary)` is unweighted, also of a weighted survey.
 *
 * @param s - a survey from `survey()`, or a summary from `summarize(s, { pairs })` (items only;
 *   every pair tested must be among its pairs, and the figures equal the survey's)
 * @param options - the variables, pairing, method, adjustment, stars and level
 * @returns tidy rows, a matrix view (r, n, p, pAdjusted, stars; null where not tested) and the N range
 * @throws RangeError for an unknown name, an unpaired group, or a bad option
 * @example
 * const table = correlate(s, { x: ['udfordring_a', 'udfordring_b'], y: ['behov_a', 'behov_b'], pairs: 'group' });
 * table.rows.map((row) => `${row.x}: r = ${row.r.toFixed(2)}${row.stars} (N = ${row.n})`);
 * // ['udfordring_a: r = 0.43*** (N = 92)', 'udfordring_b: r = 0.18* (N = 90)']
 * @see R: `psych::corr.test(x, y, adjust = 'none')`, `cor.test(x, y)`; weighted:
 *   `summary(svyglm(y ~ x, svydesign(ids = ~1, weights = ~w)))`
 */
export function correlate(s: Survey | SurveySummary, options: CorrelateOptions): CorrelateResult {
  const plan = planCorrelate(s, options);
  return plan.finish(plan.survey === null ? null : pairSums(plan.survey, plan.pairs));
}

/**
 * A validated correlate call, split where the pair sums are computed. Internal (the parallel
 * entry computes the sums in workers). `survey` is the survey whose item pairs `pairs` go
 * through the bit-plane sums, or null when none do (a summary, Spearman, a survey not from
 * `survey()`); `finish` takes `pairSums(survey, pairs)` (or null when `survey` is null) and
 * returns what `correlate` returns.
 */
export interface CorrelatePlan {
  readonly survey: Survey | null;
  readonly pairs: readonly (readonly [string, string])[];
  finish(sums: SurveyPairSums | null): CorrelateResult;
}

/** The checks and pair resolution of {@link correlate}, up to the pair sums. Internal. */
export function planCorrelate(s: Survey | SurveySummary, options: CorrelateOptions): CorrelatePlan {
  checkOptionKeys('correlate', options, optionKeys<CorrelateOptions>({ x: true, y: true, pairs: true, method: true, adjust: true, stars: true, level: true }));
  const fn = 'correlate';
  const summary = isSurveySummary(s) ? s : null;
  if (summary !== null) assertSurveySummary(fn, summary);
  else if (s === null || typeof s !== 'object' || s.kind !== 'survey') {
    throw new TypeError(`${fn}: expected a survey from survey() or a summary from summarize(); got ${describeValue(s)}`);
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options { x, y?, pairs? } are required`);
  }
  const method = options.method ?? 'pearson';
  assertOneOf(fn, method, ['pearson', 'spearman'] as const, 'method');
  const adjust = options.adjust ?? 'none';
  assertOneOf(fn, adjust, ['none', 'holm', 'bonferroni', 'benjamini-hochberg'] as const, 'adjust');
  const level = options.level ?? 0.95;
  assertLevel(fn, level);
  const scheme = options.stars ?? 'default';

  const xs = asList(options.x);
  const ys = asList(options.y);
  if (xs.length === 0 && !Array.isArray(options.pairs)) {
    throw new RangeError(`${fn}: x must name at least one item or numeric attribute`);
  }

  const labelOf = new Map<string, string>();
  const groupOf = new Map<string, string | null>();
  for (const item of (summary ?? (s as Survey)).items) {
    labelOf.set(item.id, item.label);
    groupOf.set(item.id, item.group);
  }
  // A summary holds items only: numeric attributes are not summarised.
  const numericNames =
    summary === null
      ? Object.entries((s as Survey).attributes).filter(([, kind]) => kind === 'number').map(([name]) => name)
      : [];
  const known = new Set([...labelOf.keys(), ...numericNames]);
  const check = (name: string): void => {
    if (!known.has(name)) {
      throw new RangeError(
        summary === null
          ? `${fn}: "${name}" is neither an item nor a numeric attribute of the survey; known: ${[...known].map((k) => `"${k}"`).join(', ')}`
          : `${fn}: "${name}" is not an item of the summary (a summary holds items, not numeric attributes); items: ${[...known].map((k) => `"${k}"`).join(', ')}`,
      );
    }
  };
  [...xs, ...ys].forEach(check);

  // --- which pairs ---------------------------------------------------------------------------
  let pairs: [string, string][];
  let rowNames: string[];
  let columnNames: string[];
  if (options.pairs === 'group') {
    if (ys.length === 0) throw new RangeError(`${fn}: pairs: 'group' needs both x and y`);
    pairs = xs.map((x) => {
      const group = groupOf.get(x) ?? null;
      if (group === null) throw new RangeError(`${fn}: pairs: 'group' needs x "${x}" to be an item with a group`);
      const matches = ys.filter((y) => groupOf.get(y) === group);
      if (matches.length !== 1) {
        throw new RangeError(
          `${fn}: pairs: 'group' found ${matches.length} y items in group "${group}" for x "${x}"; exactly one is needed`,
        );
      }
      return [x, matches[0] as string];
    });
    rowNames = xs;
    columnNames = [...new Set(pairs.map(([, y]) => y))];
  } else if (options.pairs !== undefined) {
    if (!Array.isArray(options.pairs)) {
      throw new TypeError(`${fn}: pairs must be an array of [x, y] pairs or 'group', got ${describeValue(options.pairs)}`);
    }
    pairs = options.pairs.map((pair, index) => {
      if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError(`${fn}: pairs[${index}] must be [x, y]`);
      const [a, b] = pair as [string, string];
      check(a);
      check(b);
      if (a === b) throw new RangeError(`${fn}: pairs[${index}] correlates "${a}" with itself; drop it`);
      return [a, b] as [string, string];
    });
    const seen = new Set<string>();
    pairs = pairs.filter(([a, b]) => {
      const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    rowNames = [...new Set(pairs.map(([x]) => x))];
    columnNames = [...new Set(pairs.map(([, y]) => y))];
  } else if (ys.length > 0) {
    // Every x × y pair, each unordered pair once (x and y may share names) and never x with x.
    pairs = [];
    const seen = new Set<string>();
    for (const x of xs) {
      for (const y of ys) {
        const key = x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
        if (x === y || seen.has(key)) continue;
        seen.add(key);
        pairs.push([x, y]);
      }
    }
    rowNames = xs;
    columnNames = ys;
  } else {
    pairs = [];
    for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) pairs.push([xs[i] as string, xs[j] as string]);
    rowNames = xs;
    columnNames = xs;
  }

  if (summary !== null) {
    return { survey: null, pairs, finish: () => summaryTable(summary, pairs, rowNames, columnNames, { method, adjust, level, scheme, labelOf }) };
  }
  // A weighted survey's Pearson correlations are weighted (no bit-plane sums: those count respondents).
  const weighted = method === 'pearson' && (s as Survey).weights !== null;
  const planar = method === 'pearson' && isSurveyObject(s) && !weighted;
  return {
    survey: planar ? (s as Survey) : null,
    pairs,
    finish: (sums) =>
      weighted
        ? weightedTable(s as Survey, pairs, rowNames, columnNames, { method, adjust, level, scheme, labelOf })
        : surveyTable(s as Survey, pairs, rowNames, columnNames, planar ? (sums ?? pairSums(s as Survey, pairs)) : null, { method, adjust, level, scheme, labelOf }),
  };
}

/** The tests of `correlate(survey, …)`, with the bit-plane sums of the item pairs when given. */
function surveyTable(
  s: Survey,
  pairs: readonly (readonly [string, string])[],
  rowNames: readonly string[],
  columnNames: readonly string[],
  fast: SurveyPairSums | null,
  options: SummaryTableOptions,
): CorrelateResult {
  const fn = 'correlate';
  const { method, adjust, level, scheme, labelOf } = options;

  // --- the tests -------------------------------------------------------------------------------
  // Items go in as coded columns (two columns correlate exactly from their cross-table of
  // levels); numeric attributes as numbers.
  const itemIds = new Set((s as Survey).items.map((item) => item.id));
  const values = new Map<string, LikertColumn | Float64Array>();
  const numeric = (name: string): LikertColumn | Float64Array => {
    let v = values.get(name);
    if (v === undefined) {
      v = itemIds.has(name) ? (s as Survey).item(name) : (s as Survey).numeric(name);
      values.set(name, v);
    }
    return v;
  };
  const test = method === 'pearson' ? pearson : spearman;
  let raw: (PearsonResult | ReturnType<typeof spearman>)[];
  if (fast !== null) {
    // Item pairs whose scores are small integers: exact sums from the items' bit planes under
    // the survey's filter (src/engine/pairs.ts), then the same r, t, p and interval as
    // pearson() gives from the cross-table. Other pairs go through pearson() itself.
    const thresholds = fast.planar.includes(1) ? resolveStarScheme(fn, scheme) : [];
    raw = pairs.map(([x, y], index) => {
      if (fast.planar[index] !== 1) return pearson(numeric(x), numeric(y), { level, stars: scheme });
      const { n, sxx, syy, sxy } = centredPairSums(fast.sums, index * 6);
      return correlationResult(n, fast.size - n, sxx, syy, sxy, level, thresholds);
    });
  } else {
    raw = pairs.map(([x, y]) => test(numeric(x), numeric(y), { level, stars: scheme }));
  }
  return finishTable(raw, pairs, labelOf, { rowNames, columnNames, method, adjust, scheme, level });
}

/**
 * The tests of `correlate(weightedSurvey, …)`: each pair by `weightedPearson` with the survey's
 * design (x the predictor, y the response of the design-based slope test): its strata, clusters,
 * fpc and calibration, and for a filtered survey the whole design with this survey's respondents
 * as the domain, as R's `subset()`.
 */
function weightedTable(
  s: Survey,
  pairs: readonly (readonly [string, string])[],
  rowNames: readonly string[],
  columnNames: readonly string[],
  options: SummaryTableOptions,
): CorrelateResult {
  const { method, adjust, level, scheme, labelOf } = options;
  const weights = s.weights as Float64Array;
  const itemIds = new Set(s.items.map((item) => item.id));
  const values = new Map<string, LikertColumn | Float64Array>();
  const numeric = (name: string): LikertColumn | Float64Array => {
    let v = values.get(name);
    if (v === undefined) {
      v = itemIds.has(name) ? s.item(name) : s.numeric(name);
      values.set(name, v);
    }
    return v;
  };
  const first = s.items[0];
  const design = first === undefined ? undefined : columnDesign(s.item(first.id));
  if (design === undefined) {
    const raw = pairs.map(([x, y]) => weightedPearson(numeric(x), numeric(y), weights, { level, stars: scheme }));
    return { ...finishTable(raw, pairs, labelOf, { rowNames, columnNames, method, adjust, scheme, level }), weighted: true };
  }
  // Each variable laid out over the design's units (missing outside this survey's respondents).
  const { info, unit } = design;
  const domain = new Uint8Array(info.n);
  for (let i = 0; i < s.size; i++) domain[unit === null ? i : (unit[i] as number)] = 1;
  const spread = new Map<string, Float64Array>();
  const overUnits = (name: string): Float64Array => {
    let out = spread.get(name);
    if (out === undefined) {
      const cells = readNumeric('correlate', numeric(name), name);
      out = new Float64Array(info.n).fill(NaN);
      for (let i = 0; i < cells.length; i++) out[unit === null ? i : (unit[i] as number)] = cells[i] as number;
      spread.set(name, out);
    }
    return out;
  };
  const raw = pairs.map(([x, y]) => weightedPearson(overUnits(x), overUnits(y), design.weights, { design: info, domain, level, stars: scheme }));
  return { ...finishTable(raw, pairs, labelOf, { rowNames, columnNames, method, adjust, scheme, level }), weighted: true };
}

/** The tests' results as table rows (p adjusted over the tests made, stars from the adjusted p), with the matrix view. */
function finishTable(
  raw: readonly (Pick<PearsonResult, 'n' | 'r' | 't' | 'df' | 'p' | 'reason'> & { readonly ci: CorrelationRow['ci'] })[],
  pairs: readonly (readonly [string, string])[],
  labelOf: ReadonlyMap<string, string>,
  table: {
    readonly rowNames: readonly string[];
    readonly columnNames: readonly string[];
    readonly method: 'pearson' | 'spearman';
    readonly adjust: AdjustPValuesMethod;
    readonly scheme: StarScheme;
    readonly level: number;
  },
): CorrelateResult {
  const { adjust, scheme, level } = table;
  const adjusted = adjustPValues(
    raw.map((result) => result.p),
    adjust,
  );
  const rows: CorrelationRow[] = raw.map((result, index) => {
    const [x, y] = pairs[index] as readonly [string, string];
    const pAdjusted = adjusted[index] as number;
    const row: CorrelationRow = {
      x,
      y,
      xLabel: labelOf.get(x) ?? x,
      yLabel: labelOf.get(y) ?? y,
      n: result.n,
      r: result.r,
      t: result.t,
      df: result.df,
      p: result.p,
      pAdjusted,
      stars: Number.isNaN(pAdjusted) ? '' : significanceStars(pAdjusted, scheme),
      ci: { lower: result.ci.lower, upper: result.ci.upper, level, method: result.ci.method },
    };
    return result.reason === undefined ? row : { ...row, reason: result.reason };
  });
  return assembleTable(rows, table.rowNames, table.columnNames, table.method, adjust, level);
}

/** The matrix view and N range of the tested rows, and the result. */
function assembleTable(
  rows: readonly CorrelationRow[],
  rowNames: readonly string[],
  columnNames: readonly string[],
  method: 'pearson' | 'spearman',
  adjust: AdjustPValuesMethod,
  level: number,
): CorrelateResult {
  // --- matrix view -----------------------------------------------------------------------------
  const rIndex = new Map(rowNames.map((name, i) => [name, i]));
  const cIndex = new Map(columnNames.map((name, j) => [name, j]));
  const grid = <T>(fill: T): T[][] => rowNames.map(() => columnNames.map(() => fill));
  const matrix = { rows: rowNames, columns: columnNames, r: grid<number | null>(null), n: grid<number | null>(null), p: grid<number | null>(null), pAdjusted: grid<number | null>(null), stars: grid('') };
  const place = (a: string, b: string, row: CorrelationRow): void => {
    const i = rIndex.get(a);
    const j = cIndex.get(b);
    if (i === undefined || j === undefined) return;
    (matrix.r[i] as (number | null)[])[j] = row.r;
    (matrix.n[i] as (number | null)[])[j] = row.n;
    (matrix.p[i] as (number | null)[])[j] = row.p;
    (matrix.pAdjusted[i] as (number | null)[])[j] = row.pAdjusted;
    (matrix.stars[i] as string[])[j] = row.stars;
  };
  for (const row of rows) {
    place(row.x, row.y, row);
    // A symmetric test also fills the mirrored cell when the matrix has one.
    place(row.y, row.x, row);
  }

  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    min = Math.min(min, row.n);
    max = Math.max(max, row.n);
  }
  return {
    rows,
    matrix,
    nRange: rows.length === 0 ? { min: 0, max: 0 } : { min, max },
    tests: rows.length,
    method,
    adjust,
    level,
  };
}

interface SummaryTableOptions {
  readonly method: 'pearson' | 'spearman';
  readonly adjust: AdjustPValuesMethod;
  readonly level: number;
  readonly scheme: StarScheme;
  readonly labelOf: ReadonlyMap<string, string>;
}

/**
 * The tests of `correlate(summary, …)`: each pair's r from the summary's joint counts (the same
 * cross-table sums as the survey path, so the same figures), then adjustment, stars and the
 * matrix as for a survey.
 */
function summaryTable(
  summary: SurveySummary,
  pairs: readonly (readonly [string, string])[],
  rowNames: readonly string[],
  columnNames: readonly string[],
  options: SummaryTableOptions,
): CorrelateResult {
  const fn = 'correlate';
  const { method, adjust, level, scheme, labelOf } = options;
  if (method !== 'pearson') {
    throw new RangeError(`${fn}: method 'spearman' needs the respondents' ranks; correlate the survey itself, or use method 'pearson' with a summary`);
  }
  const thresholds = resolveStarScheme(fn, scheme);
  const stored = new Map<string, PairSummary>();
  for (const pair of summary.pairs) {
    stored.set(`${pair.x}\u0000${pair.y}`, pair);
    stored.set(`${pair.y}\u0000${pair.x}`, pair);
  }
  const raw = pairs.map(([x, y]) => {
    const pair = stored.get(`${x}\u0000${y}`);
    if (pair === undefined) {
      throw new RangeError(
        `${fn}: the summary has no pair ["${x}", "${y}"]; pass it in summarize(s, { pairs: [["${x}", "${y}"], …] }) or use pairs: 'all'`,
      );
    }
    // r, t, p and the interval are symmetric in x and y: the stored orientation gives the same figures.
    return pairCorrelation(pair, level, thresholds);
  });
  return finishTable(raw, pairs, labelOf, { rowNames, columnNames, method, adjust, scheme, level });
}
