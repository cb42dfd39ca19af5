import { logGamma } from '../math';
import { assertLevel, assertOneOf, checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import { logHypergeometric } from './hypergeometric';

/** Options of {@link fisherExact}. */
export interface FisherExactOptions {
  /**
   * Alternative hypothesis of a 2 × 2 table, about its odds ratio ψ (first row, first column):
   * `'two-sided'` (default), `'less'` (ψ < 1) or `'greater'` (ψ > 1). Larger tables are tested
   * two-sided only.
   */
  alternative?: FisherAlternative;
  /** Confidence level of the odds-ratio interval of a 2 × 2 table, in (0, 1); default 0.95. */
  level?: number;
  /**
   * Largest number of tables with the observed margins that an r × c test may enumerate
   * before it gives up with a RangeError; default 1 000 000.
   */
  maxTables?: number;
}

/** The alternative hypotheses of {@link fisherExact}. */
export type FisherAlternative = 'two-sided' | 'less' | 'greater';

/** Result of {@link fisherExact}: plain, JSON-serialisable data. */
export interface FisherExactResult {
  /** The exact p-value (see {@link fisherExact} for the rule). */
  p: number;
  /** Total count. */
  n: number;
  /** Rows and columns of the table as given (empty rows and columns included). */
  rows: number;
  columns: number;
  alternative: FisherAlternative;
  /**
   * 2 × 2 only: the conditional maximum-likelihood estimate of the odds ratio (0 or Infinity
   * when the first cell is at the end of its range), as R's `fisher.test(…)$estimate`.
   */
  estimate?: number;
  /** 2 × 2 only: the exact conditional interval of the odds ratio, as R's `conf.int`. */
  ci?: { lower: number; upper: number; level: number; method: 'conditional-exact' };
  /** r × c only: the number of tables with the observed margins that were enumerated. */
  tables?: number;
  method: 'fisher-exact';
}

/** Relative tolerance of "as probable as the observed table", the value R uses. */
const RELATIVE_TIE = 1e-7;
/** exp(−760) underflows to 0: terms further below the largest do not count. */
const NEGLIGIBLE = 760;

/**
 * Fisher's exact test of independence of the rows and columns of a count table, as R's
 * `fisher.test`.
 *
 * Conditional on the margins, a table has probability
 * P = Π R_i! Π C_j! / (n! Π n_ij!). The two-sided p-value is the sum of P over every table with
 * the observed margins that is no more probable than the observed one, "no more" read with R's
 * relative tolerance: P ≤ P_obs·(1 + 10⁻⁷).
 *
 * A 2 × 2 table is the hypergeometric law of its first cell x; with odds ratio ψ the law is
 * P_ψ(x) ∝ P(x)·ψˣ (Fisher's noncentral hypergeometric). `'less'` is P(X ≤ x), `'greater'`
 * P(X ≥ x). The estimate is the conditional MLE, the ψ at which E_ψ[X] = x; the interval's ends
 * solve P_ψ(X ≥ x) = α and P_ψ(X ≤ x) = α (α = (1 − level)/2 two-sided, 1 − level one-sided).
 * Probabilities come from Loader's saddle-point form of the hypergeometric (accurate for counts
 * in the millions), and the three equations are solved in log ψ to full precision (R's `uniroot`
 * stops at about 1e-4, so R's printed estimate and interval agree with these to that much).
 *
 * An r × c table is enumerated: every table with the observed margins is visited (rows and
 * columns with a total of 0 dropped first), which is exact and fine for the small tables where
 * an exact test is wanted. Beyond `maxTables` tables it throws; use the chi-square test then
 * (`chiSquareIndependence`), whose approximation is good when the counts are not small.
 *
 * @param table - counts, one array per row, all of the same length: non-negative integers, at
 *   least 2 rows and 2 columns
 * @param options - `alternative` (2 × 2 only), `level`, `maxTables`
 * @returns the test; a table whose margins allow one table only has p = 1
 * @throws TypeError when `table` is not an array of arrays; RangeError for fewer than 2 rows or
 *   columns, ragged rows, a count that is not a non-negative integer, a bad option, an
 *   `alternative` other than two-sided for an r × c table, or more than `maxTables` tables
 * @example
 * ```ts
 * fisherExact([[3, 1], [1, 3]]);
 * // { p: 0.48571428571428604, n: 8, rows: 2, columns: 2, alternative: 'two-sided',
 * //   estimate: 6.408319658199675,
 * //   ci: { lower: 0.21173559544657855, upper: 626.2435305888127, level: 0.95, method: 'conditional-exact' },
 * //   method: 'fisher-exact' }
 * // R's fisher.test prints 6.408309 and 0.2117329–621.9337: uniroot's tolerance, see above.
 * ```
 * @see R `fisher.test(m)` (and `alternative =`, `conf.level =`); Fisher (1935), The logic of
 *   inductive inference, JRSS 98(1), 39–82; Loader (2000), Fast and accurate computation of
 *   binomial probabilities; Mehta & Patel (1983), JASA 78, 427–434 (R's network algorithm).
 */
export function fisherExact(
  table: readonly (readonly number[])[],
  options: FisherExactOptions = {},
): FisherExactResult {
  const fn = 'fisherExact';
  checkOptionKeys(fn, options, optionKeys<FisherExactOptions>({ alternative: true, level: true, maxTables: true }));
  const { alternative = 'two-sided', level = 0.95, maxTables = 1_000_000 } = options;
  assertOneOf(fn, alternative, ['two-sided', 'less', 'greater'], 'alternative');
  assertLevel(fn, level);
  if (typeof maxTables !== 'number' || !(maxTables >= 1)) {
    throw new RangeError(`${fn}: maxTables must be a number of at least 1, got ${describeValue(maxTables)}`);
  }
  const { rowTotals, columnTotals, n } = readTable(fn, table);
  const rows = rowTotals.length;
  const columns = columnTotals.length;
  if (rows === 2 && columns === 2) return fisherTwoByTwo(table, n, alternative, level);
  if (alternative !== 'two-sided') {
    throw new RangeError(
      `${fn}: alternative '${alternative}' is defined for a 2 × 2 table only (this one is ${rows} × ${columns}); leave it out for the two-sided test`,
    );
  }
  const { p, tables } = enumerateTables(fn, table, rowTotals, columnTotals, n, maxTables);
  return { p, n, rows, columns, alternative, tables, method: 'fisher-exact' };
}

function readTable(
  fn: string,
  table: readonly (readonly number[])[],
): { rowTotals: number[]; columnTotals: number[]; n: number } {
  if (!Array.isArray(table) || !table.every((row) => Array.isArray(row))) {
    throw new TypeError(`${fn}: table must be an array of rows, each an array of counts, got ${describeValue(table)}`);
  }
  const rows = table.length;
  const columns = rows > 0 ? (table[0] as readonly number[]).length : 0;
  if (rows < 2 || columns < 2) {
    throw new RangeError(`${fn}: the table needs at least 2 rows and 2 columns, got ${rows} × ${columns}`);
  }
  const rowTotals = new Array<number>(rows).fill(0);
  const columnTotals = new Array<number>(columns).fill(0);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    const row = table[i] as readonly number[];
    if (row.length !== columns) {
      throw new RangeError(`${fn}: every row must have ${columns} columns like row 0, but row ${i} has ${row.length}`);
    }
    for (let j = 0; j < columns; j++) {
      const count = row[j];
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
        throw new RangeError(
          `${fn}: table[${i}][${j}] (row ${i}, column ${j}) must be a non-negative integer count, got ${describeValue(count)}`,
        );
      }
      rowTotals[i] = (rowTotals[i] as number) + count;
      columnTotals[j] = (columnTotals[j] as number) + count;
      n += count;
    }
  }
  return { rowTotals, columnTotals, n };
}

// ---- 2 × 2: the (noncentral) hypergeometric law of the first cell ------------------------------

/**
 * The law of the first cell x of a 2 × 2 table given its margins, over the support lo … hi, with
 * log P(x) computed on demand (a huge table has millions of support points but only a few
 * thousand carry probability above e^−760).
 */
interface CellLaw {
  readonly lo: number;
  readonly hi: number;
  /** log P(X = x) under independence. */
  logP(x: number): number;
  /** log[P(x + 1)/P(x)], from the counts directly. */
  logStep(x: number): number;
}

function cellLaw(white: number, black: number, k: number): CellLaw {
  const lo = Math.max(0, k - black);
  const hi = Math.min(k, white);
  const cache = new Map<number, number>();
  return {
    lo,
    hi,
    logP(x) {
      let value = cache.get(x);
      if (value === undefined) {
        value = logHypergeometric(x, white, black, k);
        cache.set(x, value);
      }
      return value;
    },
    logStep(x) {
      return Math.log(((white - x) * (k - x)) / ((x + 1) * (black - k + x + 1)));
    },
  };
}

/**
 * The index of the largest log P(x) + θx. The steps log P(x + 1) − log P(x) decrease in x (the
 * law is log-concave), so the mode is the first x whose step plus θ is negative: bisection.
 */
function modeAt(law: CellLaw, theta: number): number {
  let low = law.lo;
  let high = law.hi;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (law.logStep(middle) + theta > 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Σ exp(f(x) − reference) and Σ x·exp(f(x) − reference), f(x) = log P(x) + θx, over x from
 * `start` stepping by `step` (±1) while x stays in the support, does not pass `end`, and
 * f(x) ≥ reference − 760 (the law is log-concave, so once below, it stays below).
 */
function tailSum(
  law: CellLaw,
  theta: number,
  start: number,
  step: 1 | -1,
  reference: number,
  end: number = step === 1 ? law.hi : law.lo,
): { sum: number; moment: number } {
  let sum = 0;
  let moment = 0;
  for (let x = start; step === 1 ? x <= end : x >= end; x += step) {
    const exponent = law.logP(x) + theta * x - reference;
    if (exponent < -NEGLIGIBLE) break;
    const term = Math.exp(exponent);
    sum += term;
    moment += x * term;
  }
  return { sum, moment };
}

/** Under odds ratio e^θ: the normalising sum relative to the mode's term, and the mean. */
function lawAt(law: CellLaw, theta: number): { mode: number; reference: number; total: number; mean: number } {
  const mode = modeAt(law, theta);
  const reference = law.logP(mode) + theta * mode;
  const right = tailSum(law, theta, mode, 1, reference);
  const left = tailSum(law, theta, mode - 1, -1, reference);
  const total = right.sum + left.sum;
  return { mode, reference, total, mean: (right.moment + left.moment) / total };
}

/**
 * P_θ(X ≤ x) (`lower`) or P_θ(X ≥ x) under odds ratio e^θ. A tail without the mode is summed
 * relative to its own largest term, its end x, so that a tail of 1e-300 keeps its digits.
 */
function tailProbability(law: CellLaw, theta: number, x: number, lower: boolean): number {
  const whole = lawAt(law, theta);
  const { mode, reference } = whole;
  if (lower ? mode <= x : mode >= x) {
    // The tail holds the mode: from the mode out to the support's end, and from the mode to x.
    const outward = lower
      ? tailSum(law, theta, mode - 1, -1, reference)
      : tailSum(law, theta, mode + 1, 1, reference);
    const toX = lower ? tailSum(law, theta, mode, 1, reference, x) : tailSum(law, theta, mode, -1, reference, x);
    return Math.min(1, (outward.sum + toX.sum) / whole.total);
  }
  const own = law.logP(x) + theta * x;
  const tail = tailSum(law, theta, x, lower ? -1 : 1, own);
  return Math.exp(Math.log(tail.sum) + own - reference) / whole.total;
}

/**
 * The root θ of a function g that increases in θ, g(θ) = 0, by a bracket that doubles outward
 * from [−1, 1] and then regula falsi with the Illinois modification, bisecting whenever the
 * bracket does not halve; stops when the bracket is a few ulps wide.
 */
function increasingRoot(g: (theta: number) => number): number {
  let a = -1;
  let b = 1;
  let ga = g(a);
  let gb = g(b);
  while (ga > 0 && a > -1e4) {
    b = a;
    gb = ga;
    a *= 2;
    ga = g(a);
  }
  while (gb < 0 && b < 1e4) {
    a = b;
    ga = gb;
    b *= 2;
    gb = g(b);
  }
  if (ga === 0) return a;
  if (gb === 0) return b;
  let side = 0;
  for (let iteration = 0; iteration < 400; iteration++) {
    const width = b - a;
    // θ = log ψ: an absolute width in θ is a relative one in ψ.
    if (width <= 4 * Number.EPSILON * Math.max(1, Math.abs(a), Math.abs(b))) break;
    let c = (a * gb - b * ga) / (gb - ga);
    if (!(c > a && c < b) || iteration % 4 === 3) c = a + width / 2;
    const gc = g(c);
    if (gc === 0) return c;
    if (gc < 0) {
      a = c;
      ga = gc;
      if (side === -1) gb /= 2;
      side = -1;
    } else {
      b = c;
      gb = gc;
      if (side === 1) ga /= 2;
      side = 1;
    }
  }
  return (a + b) / 2;
}

function fisherTwoByTwo(
  table: readonly (readonly number[])[],
  n: number,
  alternative: FisherAlternative,
  level: number,
): FisherExactResult {
  const first = table[0] as readonly number[];
  const second = table[1] as readonly number[];
  const x = first[0] as number;
  const white = x + (second[0] as number); // first column total
  const black = (first[1] as number) + (second[1] as number); // second column total
  const k = x + (first[1] as number); // first row total
  const law = cellLaw(white, black, k);
  const { lo, hi } = law;

  let p: number;
  if (lo === hi) p = 1;
  else if (alternative === 'less') p = tailProbability(law, 0, x, true);
  else if (alternative === 'greater') p = tailProbability(law, 0, x, false);
  else p = twoSidedP(law, x);

  // Conditional MLE: E_θ[X] = x, with the ends of the support at ψ = 0 and ∞.
  let estimate: number;
  if (x === lo) estimate = 0;
  else if (x === hi) estimate = Infinity;
  else estimate = Math.exp(increasingRoot((theta) => lawAt(law, theta).mean - x));

  // Interval: the lower end solves P_ψ(X ≥ x) = α, the upper P_ψ(X ≤ x) = α.
  const alpha = alternative === 'two-sided' ? (1 - level) / 2 : 1 - level;
  const lowerEnd = (): number =>
    x === lo ? 0 : Math.exp(increasingRoot((theta) => tailProbability(law, theta, x, false) - alpha));
  const upperEnd = (): number =>
    x === hi ? Infinity : Math.exp(increasingRoot((theta) => alpha - tailProbability(law, theta, x, true)));
  const lower = alternative === 'less' ? 0 : lowerEnd();
  const upper = alternative === 'greater' ? Infinity : upperEnd();
  return {
    p,
    n,
    rows: 2,
    columns: 2,
    alternative,
    estimate,
    ci: { lower, upper, level, method: 'conditional-exact' },
    method: 'fisher-exact',
  };
}

/**
 * Two-sided p of a 2 × 2 table: Σ P(i) over the support points with P(i) ≤ P(x)·(1 + 10⁻⁷).
 * The law is log-concave, so those points form two tails, {i ≤ a} and {i ≥ b}; each is summed
 * relative to P(x), so a p of 1e-300 keeps its digits.
 */
function twoSidedP(law: CellLaw, x: number): number {
  const whole = lawAt(law, 0);
  const bound = law.logP(x) + Math.log1p(RELATIVE_TIE);
  const within = (i: number): boolean => law.logP(i) <= bound;
  const mode = whole.mode;
  // Every point as improbable as x (the mode included, so a flat law): p = 1.
  if (within(mode)) return 1;
  // a: the last point left of the mode within the bound; b: the first right of it.
  let a = law.lo - 1;
  if (law.lo < mode && within(law.lo)) {
    let low = law.lo; // within
    let high = mode; // the mode itself need not be within; search the increasing side
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (within(middle)) low = middle;
      else high = middle;
    }
    a = within(high) ? high : low;
  }
  let b = law.hi + 1;
  if (mode < law.hi && within(law.hi)) {
    let low = mode;
    let high = law.hi; // within
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (within(middle)) high = middle;
      else low = middle;
    }
    b = within(low) ? low : high;
  }
  const reference = law.logP(x);
  let sum = 0;
  if (a >= law.lo) sum += tailSum(law, 0, a, -1, reference).sum;
  if (b <= law.hi) sum += tailSum(law, 0, b, 1, reference).sum;
  return Math.min(1, Math.exp(Math.log(sum) + reference - whole.reference) / whole.total);
}

// ---- r × c: full enumeration -------------------------------------------------------------------

function enumerateTables(
  fn: string,
  table: readonly (readonly number[])[],
  allRowTotals: readonly number[],
  allColumnTotals: readonly number[],
  n: number,
  maxTables: number,
): { p: number; tables: number } {
  // Empty rows and columns hold 0 in every table with these margins: drop them.
  const keptRows = allRowTotals.flatMap((total, i) => (total > 0 ? [i] : []));
  const keptColumns = allColumnTotals.flatMap((total, j) => (total > 0 ? [j] : []));
  if (keptRows.length < 2 || keptColumns.length < 2) return { p: 1, tables: 1 };
  const rowTotals = keptRows.map((i) => allRowTotals[i] as number);
  const columnTotals = keptColumns.map((j) => allColumnTotals[j] as number);
  const r = rowTotals.length;
  const c = columnTotals.length;
  const logFactorial = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) logFactorial[k] = logGamma(k + 1);

  // log P(table) = constant − Σ log n_ij!; the observed sum S_obs of log n_ij!.
  let constant = -(logFactorial[n] as number);
  for (const total of rowTotals) constant += logFactorial[total] as number;
  for (const total of columnTotals) constant += logFactorial[total] as number;
  let observed = 0;
  for (const i of keptRows) for (const j of keptColumns) observed += logFactorial[(table[i] as readonly number[])[j] as number] as number;
  // P ≤ P_obs(1 + 10⁻⁷)  ⇔  S ≥ S_obs − log(1 + 10⁻⁷).
  const threshold = observed - Math.log1p(RELATIVE_TIE);

  const remaining = rowTotals.slice();
  // Σ P(t)/P(obs) over the tables counted, compensated (Neumaier): millions of terms.
  let sum = 0;
  let compensation = 0;
  let tables = 0;

  // Fill column by column, top to bottom; the last row of a column and the last column follow
  // from the margins. `s` is Σ log n_ij! of the cells filled so far.
  const fillCell = (j: number, i: number, columnLeft: number, s: number): void => {
    if (j === c - 1) {
      let last = s;
      for (let row = 0; row < r; row++) last += logFactorial[remaining[row] as number] as number;
      tables++;
      if (tables > maxTables) {
        throw new RangeError(
          `${fn}: more than ${maxTables} tables share these margins (n = ${n}, ${r} × ${c}); an exact enumeration is too slow here — use chiSquareIndependence, merge sparse categories, or raise maxTables`,
        );
      }
      if (last >= threshold) {
        const term = Math.exp(observed - last);
        const next = sum + term;
        compensation += sum >= term ? sum - next + term : term - next + sum;
        sum = next;
      }
      return;
    }
    if (i === r - 1) {
      if (columnLeft > (remaining[i] as number)) return;
      remaining[i] = (remaining[i] as number) - columnLeft;
      fillCell(j + 1, 0, columnTotals[j + 1] as number, s + (logFactorial[columnLeft] as number));
      remaining[i] = (remaining[i] as number) + columnLeft;
      return;
    }
    let below = 0;
    for (let row = i + 1; row < r; row++) below += remaining[row] as number;
    const from = Math.max(0, columnLeft - below);
    const to = Math.min(remaining[i] as number, columnLeft);
    for (let t = from; t <= to; t++) {
      remaining[i] = (remaining[i] as number) - t;
      fillCell(j, i + 1, columnLeft - t, s + (logFactorial[t] as number));
      remaining[i] = (remaining[i] as number) + t;
    }
  };
  fillCell(0, 0, columnTotals[0] as number, 0);
  const p = Math.exp(constant - observed) * (sum + compensation);
  return { p: Math.min(1, p), tables };
}
