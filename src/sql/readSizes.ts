/**
 * Size groups of raw attribute values, read in JavaScript with likertkit's one number parser.
 * Internal to `summaryFromRows`.
 *
 * The query groups by the attribute's raw value as text (never by an engine's own cast to a
 * number, which reads `'1.234'` as 1.234 where a Danish definition means 1234), and returns the
 * engine's type of the column. Here each distinct raw text is read as `survey()` reads the cells
 * of a numeric attribute, and put in its size group with the half-open rule of `sizeGroups`:
 *
 * - a column the engine holds as a number (INTEGER, DOUBLE, DECIMAL, …) reaches `survey()` as
 *   JavaScript numbers; its text is the engine's rendering of the number (`104305.0`, `1e+20`,
 *   `nan`), read here with a decimal point and no grouping, whatever the definition's marks;
 * - a text column (or one whose type the engine was not asked, in the `'ansi'` dialect) is read
 *   with the definition's `decimal` and `thousands`; under `'auto'` the mark is decided from all
 *   the column's cells as `survey()` decides it (each cell that reads with only one mark votes
 *   for it, so a distinct text votes as often as it occurs), and a column that reads two ways is
 *   refused with survey()'s `'ambiguous-number'` issue;
 * - missing is `isMissingValue` (null, blank, white space and invisible characters); a text
 *   that is not a finite number (`'abc'`, `'1.234,5'` under a decimal point) is survey()'s
 *   `'bad-number'` issue. Row positions are not known to the engine, so `rows` is empty and each
 *   value is listed with its count.
 */
import { isMissingValue } from '../data/missing';
import { parseNumber, readNumberColumn, type DecimalMark, type ThousandsMark } from '../data/number';
import { sizeGroups } from '../data/sizeGroups';
import type { SurveyIssue } from '../data/survey';
import { describeValue } from '../internal/validate';

/** A distinct raw value of the attribute and the number of rows holding it. */
export interface RawCount {
  readonly raw: string | null;
  readonly n: number;
}

/** The numeric column types of DuckDB and PostgreSQL, as `typeof` and `pg_typeof` name them. */
const NUMERIC_TYPE = /^(u?(tinyint|smallint|integer|bigint|hugeint)|int[248]?|float[48]?|real|double( precision)?|(decimal|numeric)(\s*\(.*\))?)$/i;

/** True when the engine named the attribute's type as a number type. */
export function isNumericType(type: string | null): boolean {
  return type !== null && NUMERIC_TYPE.test(type.trim());
}

/** Values listed in a message, as survey() lists its cells. */
const SHOW = 5;

/**
 * The size group label of each distinct raw value (null when missing, bad or ambiguous);
 * problems are pushed to `issues` in survey()'s kinds.
 */
export function sizeGroupsOfRaw(
  values: readonly RawCount[],
  by: { readonly name: string; readonly column: string; readonly breaks: readonly number[]; readonly labels: readonly string[] },
  type: string | null,
  marks: { readonly decimal?: DecimalMark | 'auto'; readonly thousands?: ThousandsMark },
  issues: SurveyIssue[],
): Map<string | null, string | null> {
  const fn = 'summaryFromRows';
  // Code-unit order, so that examples in messages do not depend on the engine's row order.
  const sorted = [...values].sort((a, b) => (a.raw === b.raw ? 0 : a.raw === null ? -1 : b.raw === null ? 1 : a.raw < b.raw ? -1 : 1));
  const raws = sorted.map((v) => v.raw);
  const numbers = new Float64Array(sorted.length);
  const bad: RawCount[] = [];
  let decimal: DecimalMark;
  if (isNumericType(type)) {
    decimal = '.';
    sorted.forEach(({ raw }, i) => {
      const x = engineNumber(raw);
      numbers[i] = x;
      if (Number.isNaN(x) && !isMissingValue(raw) && !isEngineNaN(raw)) bad.push(sorted[i]!);
    });
  } else {
    const decided = decideMark(sorted, marks);
    if ('ambiguous' in decided) {
      issues.push(ambiguityIssue(by.column, decided.ambiguous));
      return new Map(raws.map((raw) => [raw, null]));
    }
    decimal = decided.mark;
    const read = readNumberColumn(fn, raws, { decimal, ...(marks.thousands === undefined ? {} : { thousands: marks.thousands }), column: by.column });
    numbers.set(read.values);
    for (const cell of read.bad) bad.push(sorted[cell.row]!);
  }
  if (bad.length > 0) {
    const total = bad.reduce((sum, v) => sum + v.n, 0);
    const shown = bad.slice(0, SHOW);
    issues.push({
      kind: 'bad-number',
      column: by.column,
      rows: [],
      values: shown.map((v) => v.raw),
      message: `numeric attribute "${by.name}" has ${total} value${total === 1 ? '' : 's'} that are not finite numbers (decimal mark "${decimal}"): ${shown
        .map((v) => `${describeValue(v.raw)} ×${v.n}`)
        .join(', ')}${bad.length > SHOW ? ', …' : ''}; fix them, pass decimal / thousands, or declare "${by.name}" as 'category'`,
    });
  }
  const groups = sizeGroups(numbers, { breaks: by.breaks, labels: by.labels }).groups;
  return new Map(raws.map((raw, i) => [raw, groups[i] ?? null]));
}

/** The engine's text of a number column: a decimal point, no grouping; NaN for nan and blanks, ±Infinity for inf. */
function engineNumber(raw: string | null): number {
  if (raw === null || isMissingValue(raw) || isEngineNaN(raw)) return NaN;
  return parseNumber(raw, { decimal: '.', thousands: '' });
}

/** DuckDB writes a NaN double as `nan` (or `-nan`), PostgreSQL as `NaN`: a missing value, as NaN is in memory. */
function isEngineNaN(raw: string | null): boolean {
  return raw !== null && /^[+-]?nan$/i.test(raw.trim());
}

type Decision = { readonly mark: DecimalMark } | { readonly ambiguous: readonly RawCount[] };

/**
 * The decimal mark of a text column as `survey()` decides it over all its cells (see
 * `detectDecimal`), with each distinct text voting as many times as rows hold it.
 */
function decideMark(values: readonly RawCount[], marks: { readonly decimal?: DecimalMark | 'auto'; readonly thousands?: ThousandsMark }): Decision {
  const decimal = marks.decimal ?? 'auto';
  if (decimal !== 'auto') return { mark: decimal };
  const thousands = marks.thousands;
  if (thousands === '.') return { mark: ',' };
  if (thousands === ',') return { mark: '.' };
  const grouping = thousands === undefined ? {} : { thousands };
  let comma = 0;
  let dot = 0;
  const commaValues: RawCount[] = [];
  const dotValues: RawCount[] = [];
  const ambiguous: RawCount[] = [];
  for (const value of values) {
    if (value.raw === null) continue;
    const withComma = parseNumber(value.raw, { decimal: ',', ...grouping });
    const withDot = parseNumber(value.raw, { decimal: '.', ...grouping });
    const commaOk = !Number.isNaN(withComma);
    const dotOk = !Number.isNaN(withDot);
    if (commaOk && dotOk) {
      if (withComma !== withDot && ambiguous.length < 3) ambiguous.push(value);
    } else if (commaOk) {
      comma += value.n;
      if (commaValues.length < 3) commaValues.push(value);
    } else if (dotOk) {
      dot += value.n;
      if (dotValues.length < 3) dotValues.push(value);
    }
  }
  if (comma > dot) return { mark: ',' };
  if (dot > comma) return { mark: '.' };
  if (comma > 0) return { ambiguous: [...commaValues.slice(0, 2), ...dotValues.slice(0, 2)] };
  if (ambiguous.length > 0) return { ambiguous };
  return { mark: '.' };
}

/** survey()'s `'ambiguous-number'` issue, with counts in place of the row positions the engine does not know. */
function ambiguityIssue(column: string, values: readonly RawCount[]): SurveyIssue {
  const examples = values.map((v) => `${JSON.stringify(v.raw)} ×${v.n}`).join(', ');
  return {
    kind: 'ambiguous-number',
    column,
    rows: [],
    values: values.map((v) => v.raw),
    message:
      `cannot tell the decimal mark of column "${column}": ${examples} read as different numbers with a decimal comma ` +
      `(thousands dots) and with a decimal point; pass decimal: ',' (Danish, 60.828 = 60828) or decimal: '.' (English, 60.828 = 60.828)`,
  };
}
