/**
 * Helpers shared by `populationTargets`, `representativeness` and `responseRates`.
 * Internal: never re-exported from `src/index.ts`.
 */
import { describeCell, readCategoryKey } from '../data/keys';
import { isMissingValue } from '../data/missing';
import { describeValue } from '../internal/validate';

/** How a variable is compared: per category share, or on the mean. */
export type VariableKind = 'categorical' | 'numeric';

/**
 * A variable to compare or to take targets for: a name (numeric when every non-missing value is
 * a number, categorical otherwise) or `{ name, kind }` to fix the kind.
 */
export type VariableSpec = string | { readonly name: string; readonly kind: VariableKind };

/** A variable spec after checking: the kind is undefined when it is to be inferred. */
export interface ParsedVariable {
  readonly name: string;
  readonly kind: VariableKind | undefined;
}

const KINDS: readonly VariableKind[] = ['categorical', 'numeric'];

/** Checks `variables` and returns them as `{ name, kind }`; duplicates and empty names throw. */
export function parseVariables(fn: string, variables: unknown): ParsedVariable[] {
  if (!Array.isArray(variables) || variables.length === 0) {
    throw new TypeError(
      `${fn}: variables must be a non-empty array of names or { name, kind } objects, e.g. ['region', 'population'], got ${describeValue(variables)}`,
    );
  }
  const parsed: ParsedVariable[] = [];
  const seen = new Set<string>();
  variables.forEach((spec: unknown, i) => {
    let name: unknown;
    let kind: unknown;
    if (typeof spec === 'string') {
      name = spec;
    } else if (spec !== null && typeof spec === 'object') {
      name = (spec as { name?: unknown }).name;
      kind = (spec as { kind?: unknown }).kind;
      if (!(KINDS as readonly unknown[]).includes(kind)) {
        throw new RangeError(
          `${fn}: variables[${i}] has unknown kind ${describeValue(kind)}; use 'categorical' or 'numeric'`,
        );
      }
    }
    if (typeof name !== 'string' || name.trim() === '') {
      throw new TypeError(
        `${fn}: variables[${i}] must be a column name or { name, kind }, got ${describeValue(spec)}`,
      );
    }
    if (seen.has(name)) {
      throw new RangeError(`${fn}: variable "${name}" is listed twice in variables; list it once`);
    }
    seen.add(name);
    parsed.push({ name, kind: kind as VariableKind | undefined });
  });
  return parsed;
}

/**
 * The category a cell stands for, read with the library's one rule (`categoryKey` in
 * `src/data/keys.ts`: text trimmed of white space and invisible characters and put in NFC, a
 * number as its exact digits), or `null` for a missing cell. A value that is not a category (an
 * object, a Date, `Infinity`) is a TypeError naming the function, the column and the row, where
 * `String(value)` would have made it the category "[object Object]".
 */
export function categoryOf(fn: string, value: unknown, column: string, row: number): string | null {
  const key = readCategoryKey(value);
  if (key === undefined) {
    throw new TypeError(
      `${fn}: "${column}" holds ${describeCell(value)} in row ${row}, which is not a category; convert it to text or a number`,
    );
  }
  return key;
}

/** True when every non-missing value is a number (and at least one is present). */
export function looksNumeric(values: ArrayLike<unknown>): boolean {
  let any = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isMissingValue(value)) continue;
    if (typeof value !== 'number') return false;
    any = true;
  }
  return any;
}

/** "rows 3, 7 and 12" / "rows 3, 7, 12, 15, 20 and 4 more" (zero-based positions). */
export function formatRows(rows: readonly number[], word = 'rows', show = 5): string {
  const head = rows.slice(0, show);
  const label = rows.length === 1 ? word.replace(/s$/, '') : word;
  if (rows.length <= show) {
    if (head.length <= 1) return `${label} ${head.join('')}`;
    return `${label} ${head.slice(0, -1).join(', ')} and ${head[head.length - 1]}`;
  }
  return `${label} ${head.join(', ')} and ${rows.length - show} more`;
}

/** Sum with Neumaier's compensation, so totals of large integers (populations) stay exact. */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    const t = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - t + value : value - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** A share as a percentage string for messages: 0.99 → "99 %", 0.0123 → "1.23 %". */
export function percentText(share: number): string {
  return `${Number((share * 100).toPrecision(6))} %`;
}
