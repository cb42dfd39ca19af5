/**
 * A survey's sampling design: reading `survey({ design: { strata, cluster, fpc, lonelyPsu } })`, the design
 * a survey keeps over its base rows, and the design behind each item column that the describe
 * functions read (module-private WeakMap, as the column arrays in `columnData.ts`).
 * Internal: never re-exported from `src/index.ts` (only the definition type is public).
 */
import type { DesignInfo, LonelyPsu } from '../inference/designVariance';
import type { LikertColumn } from './types';
import { describeCell, readCategoryKey } from './keys';

/**
 * The sampling design of a survey, by column: `survey({ …, weight, design: { strata, cluster, fpc } })`.
 * As R's `svydesign(ids = ~cluster, strata = ~strata, fpc = ~fpc, weights = ~weight)`.
 */
export interface SurveyDesignDefinition {
  /** A column of stratum labels (every respondent needs one). */
  readonly strata?: string;
  /** A column of cluster (PSU) labels for a one-stage cluster sample; each cluster lies within one stratum. */
  readonly cluster?: string;
  /**
   * A numeric column, constant within each stratum: the stratum's population size in PSUs
   * (N_h ≥ the PSUs sampled), or, when every value is ≤ 1, the sampling fraction n_h/N_h.
   */
  readonly fpc?: string;
  /**
   * What a stratum with a single PSU adds to a variance, as R's `options(survey.lonely.psu)`:
   * `'fail'` (default: an error), `'remove'` or `'certainty'` (nothing), `'adjust'` (its PSU
   * total centred on the grand mean of the PSU totals) or `'average'` (the mean contribution of
   * the other strata).
   */
  readonly lonelyPsu?: LonelyPsu;
  /**
   * As R's `options(survey.adjust.domain.lonely = TRUE)`: a stratum with one PSU within a subset
   * (of several in the survey) is treated by `lonelyPsu` `'adjust'` or `'average'` too.
   * Default false.
   */
  readonly adjustDomainLonely?: boolean;
}

/** A survey's design over its base rows. Internal. */
export interface DesignState {
  readonly strata: Int32Array | null;
  readonly cluster: Int32Array | null;
  /** Population size N_h in PSUs of each unit's stratum, or null. */
  readonly fpc: Float64Array | null;
  /** Calibration groups over the base rows (one partition per margin), or null for fixed weights. */
  readonly calibration: { readonly groups: readonly Int32Array[]; readonly raking: boolean; readonly marginWeights: readonly Float64Array[] | null } | null;
  /** The base rows that are the design's units, ascending, or null for all of them. */
  readonly units: Int32Array | null;
  /** The treatment of lonely PSUs (R's `survey.lonely.psu`); absent: `'fail'`. */
  readonly lonelyPsu?: LonelyPsu;
  /** R's `survey.adjust.domain.lonely`; absent: false. */
  readonly adjustDomainLonely?: boolean;
}

/** The design behind a column: the design's units, their weights, and each cell's unit. Internal. */
export interface ColumnDesign {
  readonly info: DesignInfo;
  /** Weights of the design's units (units outside the column's filter included). */
  readonly weights: Float64Array;
  /** Cell i of the column is unit `unit[i]`; null when cell i is unit i. */
  readonly unit: Int32Array | null;
}

/** Where problems go: a survey's issue list. */
interface Issues {
  readonly length: number;
  push(issue: DesignIssue): number;
}

/** A problem with the design columns, as a survey issue. */
interface DesignIssue {
  readonly kind: 'design';
  readonly column: string;
  readonly message: string;
  readonly rows?: readonly number[];
}

/** Labels → indices by first appearance; missing or unreadable labels reported with their rows. */
function labelIndices(role: string, column: string, values: ArrayLike<unknown>, rowOf: (respondent: number) => number, issues: Issues): Int32Array {
  const index = new Int32Array(values.length);
  const seen = new Map<string, number>();
  const bad: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const key = readCategoryKey(values[i]);
    if (typeof key !== 'string') {
      bad.push(rowOf(i));
      continue;
    }
    let k = seen.get(key);
    if (k === undefined) seen.set(key, (k = seen.size));
    index[i] = k;
  }
  if (bad.length > 0) {
    issues.push({
      kind: 'design',
      column,
      rows: bad.slice(0, 5),
      message: `design ${role} column "${column}" has ${bad.length} missing or unreadable value${bad.length === 1 ? '' : 's'} (rows ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}); every respondent needs a ${role}`,
    });
  }
  return index;
}

/**
 * Reads the design columns (already cut to the kept rows) into a design state, with the weights
 * R's `svydesign` implies when no weight column is given and an fpc is (N_h / n_h).
 */
export function readDesign(
  columns: { readonly strata?: ArrayLike<unknown>; readonly cluster?: ArrayLike<unknown>; readonly fpc?: Float64Array },
  names: SurveyDesignDefinition,
  rowOf: (respondent: number) => number,
  n: number,
  issues: Issues,
): { state: DesignState; implied: Float64Array | null } {
  const before = issues.length;
  const strata = columns.strata === undefined ? null : labelIndices('strata', names.strata as string, columns.strata, rowOf, issues);
  const cluster = columns.cluster === undefined ? null : labelIndices('cluster', names.cluster as string, columns.cluster, rowOf, issues);
  const stratumOf = (i: number): number => (strata === null ? 0 : (strata[i] as number));
  let H = 1;
  for (let i = 0; i < n; i++) H = Math.max(H, stratumOf(i) + 1);
  // PSUs per stratum, and no cluster in two strata.
  const psuCount = new Float64Array(H);
  const clusterStratum = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const h = stratumOf(i);
    if (cluster === null) {
      psuCount[h]! += 1;
      continue;
    }
    const c = cluster[i] as number;
    const held = clusterStratum.get(c);
    if (held === undefined) {
      clusterStratum.set(c, h);
      psuCount[h]! += 1;
    } else if (held !== h && issues.length === before) {
      issues.push({
        kind: 'design',
        column: names.cluster as string,
        rows: [rowOf(i)],
        message: `design cluster ${describeCell(columns.cluster?.[i])} (row ${rowOf(i)}) lies in two strata; a cluster must lie within one stratum (give clusters in different strata different labels)`,
      });
    }
  }
  let fpc: Float64Array | null = null;
  let implied: Float64Array | null = null;
  if (columns.fpc !== undefined) {
    const given = columns.fpc;
    const column = names.fpc as string;
    const value = new Float64Array(H).fill(NaN);
    let fractions = true;
    for (let i = 0; i < n; i++) if ((given[i] as number) > 1) fractions = false;
    for (let i = 0; i < n; i++) {
      const x = given[i] as number;
      const h = stratumOf(i);
      if (!(x > 0) || x === Infinity) {
        issues.push({ kind: 'design', column, rows: [rowOf(i)], message: `design fpc column "${column}" has ${describeCell(x)} at row ${rowOf(i)}; give the stratum's population size (or its sampling fraction, in (0, 1])` });
        break;
      }
      if (Number.isNaN(value[h] as number)) value[h] = x;
      else if (value[h] !== x) {
        issues.push({ kind: 'design', column, rows: [rowOf(i)], message: `design fpc column "${column}" is not constant within a stratum: ${value[h]} and ${x} (row ${rowOf(i)}); give one population size per stratum` });
        break;
      }
    }
    if (issues.length === before) {
      for (let h = 0; h < H; h++) {
        const size = fractions ? (psuCount[h] as number) / (value[h] as number) : (value[h] as number);
        if (size < (psuCount[h] as number)) {
          issues.push({ kind: 'design', column, message: `design fpc column "${column}" gives a population of ${size} for a stratum with ${psuCount[h]} sampled PSUs; the population cannot be smaller than the sample` });
        }
        value[h] = size;
      }
      fpc = Float64Array.from({ length: n }, (_, i) => value[stratumOf(i)] as number);
      implied = Float64Array.from({ length: n }, (_, i) => (value[stratumOf(i)] as number) / (psuCount[stratumOf(i)] as number));
    }
  }
  const lonely = { ...(names.lonelyPsu === undefined ? {} : { lonelyPsu: names.lonelyPsu }), ...(names.adjustDomainLonely === true ? { adjustDomainLonely: true } : {}) };
  return { state: { strata, cluster, fpc, calibration: null, units: null, ...lonely }, implied };
}

/**
 * The design of a view's columns: the design's units (its `units`, or every base row), their
 * weights, and the unit of each of the view's respondents (`positions`, null: every base row).
 */
export function viewDesign(state: DesignState, weights: Float64Array, positions: Int32Array | null, length: number): ColumnDesign {
  const { units } = state;
  function pick(a: Int32Array): Int32Array;
  function pick(a: Float64Array): Float64Array;
  function pick(a: Int32Array | Float64Array): Int32Array | Float64Array {
    if (units === null) return a;
    const out = a instanceof Int32Array ? new Int32Array(units.length) : new Float64Array(units.length);
    for (let u = 0; u < units.length; u++) out[u] = a[units[u] as number] as number;
    return out;
  }
  const info: DesignInfo = {
    n: units === null ? length : units.length,
    strata: state.strata === null ? null : pick(state.strata),
    cluster: state.cluster === null ? null : pick(state.cluster),
    fpc: state.fpc === null ? null : pick(state.fpc),
    postStrata: state.calibration === null ? [] : state.calibration.groups.map((g) => pick(g)),
    raking: state.calibration?.raking === true,
    ...(state.calibration?.marginWeights ? { marginWeights: state.calibration.marginWeights.map((w) => pick(w)) } : {}),
    ...(state.lonelyPsu === undefined ? {} : { lonelyPsu: state.lonelyPsu }),
    ...(state.adjustDomainLonely === true ? { adjustDomainLonely: true } : {}),
  };
  let unit: Int32Array | null = null;
  if (units !== null || positions !== null) {
    const place = new Int32Array(length).fill(-1);
    if (units === null) for (let b = 0; b < length; b++) place[b] = b;
    else for (let u = 0; u < units.length; u++) place[units[u] as number] = u;
    const cells = positions ?? Int32Array.from({ length }, (_, b) => b);
    unit = Int32Array.from(cells, (b) => place[b] as number);
  }
  return { info, weights: pick(weights), unit };
}

/** Columns → their designs, made on first use. Module-private. */
const designs = new WeakMap<object, () => ColumnDesign>();

/** Attaches a design to a column made by a survey. Internal. */
export function attachDesign(column: LikertColumn, design: () => ColumnDesign): void {
  designs.set(column, design);
}

/** The design behind a survey's column, or undefined for a column without one. Internal. */
export function columnDesign(column: unknown): ColumnDesign | undefined {
  return column !== null && typeof column === 'object' ? designs.get(column)?.() : undefined;
}

/** Gives `sub`, the cells `rows` of `parent`, the parent's design (R's `subset()` of a design). Internal. */
export function attachSubsetDesign(parent: LikertColumn, sub: LikertColumn, rows: ArrayLike<number>): LikertColumn {
  const get = designs.get(parent);
  if (get === undefined) return sub;
  let made: ColumnDesign | undefined;
  designs.set(sub, () => {
    if (made === undefined) {
      const d = get();
      made = { ...d, unit: Int32Array.from(rows, (r) => (d.unit === null ? r : (d.unit[r] as number))) };
    }
    return made;
  });
  return sub;
}
