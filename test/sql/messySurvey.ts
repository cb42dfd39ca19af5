/**
 * Test support for the SQL engine tests: a seeded generator of survey columns with messy labels
 * (every spelling likertkit's coding accepts, blanks of every kind, unknown labels), a CSV
 * writer, and the reference summary computed from `survey()` directly.
 */
import { frequencies, scales, survey, type Survey, type SurveyDefinition } from '../../src/index';
import { crossTabulateLevels } from '../../src/inference/crossTab';
import type { ItemSummary, SurveySummary } from '../../src/summary/types';
import type { SummaryDefinition, SummaryPair } from '../../src/sql/plan';

/** Mulberry32: a small seeded generator of floats in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Spellings of scales.daDegree4's answers that the in-memory coding accepts, blanks, and unknown labels. */
export const MESSY_DEGREE4: readonly string[] = [
  'Slet ikke', 'SLET IKKE', 'slet\tikke', 'Slet ikke\u00AD', '1', ' 1 ',
  'I mindre grad', 'i  mindre  grad', 'I\u00A0mindre grad', '２', '2.0',
  'I høj grad', 'i HØJ grad', ' I høj\u200Bgrad ', '“I høj grad”', '\u2018I høj grad\u2019', '3',
  'I meget høj grad', 'I MEGET HØJ GRAD', 'I meget høj grad\u2060', '４', ' 4',
  'Ved ikke', '„Ved ikke“', 'VED IKKE', 'Ved\nikke', 'Ikke relevant', 'ikke   relevant', 'Ｉｋｋｅ ｒｅｌｅｖａｎｔ',
  '', ' ', '\u00A0', '\u200B', '\u00A0\u200B ',
  'Maybe', '5', '0', 'I høj grad?', 'a"b', "'; DROP TABLE x; --", '__proto__', '😀',
];

/** Region spellings: equal after categoryKey (trim, NFC) within each group of spellings. */
export const MESSY_REGIONS: readonly string[] = [
  'Hovedstaden', ' Hovedstaden', 'Hovedstaden\u00A0', 'Sjælland', 'Region Århus', 'Region A\u030Arhus',
  'Syddanmark', 'Midtjylland', 'nordjylland', 'Nordjylland', '', ' ', '\u200B',
];

/** Column names that test the quoting. */
export const ITEM_COLUMNS = ['q1', 'a"b', "'; DROP TABLE x; --", '__proto__', '😀 emoji', 'new\nline'] as const;

/** Generated survey columns (all text, as a CSV holds them) and the weight as numbers. */
export interface MessyColumns {
  readonly length: number;
  readonly columns: Record<string, string[]>;
  readonly weight: number[];
}

/** `length` respondents: id, region, a dyadic weight (sums exact in any order) and one messy answer per item column. */
export function messyColumns(length: number, seed: number, labels: readonly string[] = MESSY_DEGREE4, itemColumns: readonly string[] = ITEM_COLUMNS): MessyColumns {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const columns: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  columns['id'] = new Array<string>(length);
  columns['region'] = new Array<string>(length);
  for (const name of itemColumns) columns[name] = new Array<string>(length);
  const weight = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    columns['id']![i] = `r${i}`;
    columns['region']![i] = pick(MESSY_REGIONS);
    // Multiples of 1/8 up to 4: every sum of up to 2^50 of them is exact, so the engine's order cannot change it.
    weight[i] = (1 + Math.floor(next() * 32)) / 8;
    for (const name of itemColumns) columns[name]![i] = pick(labels);
  }
  return { length, columns, weight };
}

/** The definition used with the messy columns. */
export function messyDefinition(itemColumns: readonly string[] = ITEM_COLUMNS, weighted = true): SummaryDefinition {
  return {
    id: 'id',
    items: itemColumns.map((column, i) => ({
      id: `item${i}`,
      column,
      scale: scales.daDegree4,
      ...(i === 1 ? { reverse: true } : {}),
      ...(i === 2 ? { label: 'Question "two"', group: 'A', topic: 'T' } : {}),
    })),
    attributes: { region: 'category' },
    ...(weighted ? { weight: 'w' } : {}),
    unknown: 'missing',
  };
}

/**
 * The data as CSV bytes in UTF-8 (every text field quoted, quotes doubled, a header line), built
 * in one buffer: the answers come from small sets, so each distinct field is encoded once.
 */
export function toCsv(data: MessyColumns, weighted = true): Uint8Array {
  const encoder = new TextEncoder();
  const names = Object.keys(data.columns);
  const encoded = new Map<string, Uint8Array>();
  const field = (text: string, memo: boolean): Uint8Array => {
    let bytes = memo ? encoded.get(text) : undefined;
    if (bytes === undefined) {
      bytes = encoder.encode(`"${text.replaceAll('"', '""')}"`);
      if (memo) encoded.set(text, bytes);
    }
    return bytes;
  };
  let out = new Uint8Array(1 << 20);
  let at = 0;
  const put = (bytes: Uint8Array): void => {
    if (at + bytes.length > out.length) {
      const bigger = new Uint8Array(Math.max(out.length * 2, at + bytes.length));
      bigger.set(out.subarray(0, at));
      out = bigger;
    }
    out.set(bytes, at);
    at += bytes.length;
  };
  const comma = encoder.encode(',');
  const newline = encoder.encode('\n');
  const header = [...names, ...(weighted ? ['w'] : [])];
  header.forEach((name, j) => {
    if (j > 0) put(comma);
    put(field(name, false));
  });
  put(newline);
  const columns = names.map((name) => data.columns[name]!);
  for (let i = 0; i < data.length; i++) {
    columns.forEach((column, j) => {
      if (j > 0) put(comma);
      // Ids are distinct: encoded directly rather than kept in the memo.
      put(field(column[i] as string, names[j] !== 'id'));
    });
    if (weighted) {
      put(comma);
      put(field(String(data.weight[i]), true));
    }
    put(newline);
  }
  return out.subarray(0, at);
}

/** The in-memory survey of the same data. */
export function messySurvey(data: MessyColumns, definition: SummaryDefinition): Survey {
  const columns: Record<string, ArrayLike<unknown>> = { ...data.columns };
  if (definition.weight !== undefined) columns[definition.weight] = data.weight;
  return survey({ ...(definition as Omit<SurveyDefinition, 'columns'>), columns });
}

/**
 * The summary computed from the in-memory survey directly: per item the counts of
 * `frequencies`, Σw and Σw² per category by a plain loop, per group the same on
 * `s.where(by, group)`, per pair the joint counts of `crossTabulateLevels`.
 * LEAD: once `summarize` is merged, replace the body with `return summarize(s, { by, pairs });`.
 */
export function referenceSummary(s: Survey, by: string | undefined, pairs: readonly SummaryPair[] = []): SurveySummary {
  const items = (part: Survey): ItemSummary[] =>
    part.items.map((item) => {
      const column = part.item(item.id);
      const f = frequencies(column, { weights: null });
      const codes = column.codes;
      const weights = part.weights;
      const categories = column.scale.categories.length;
      const sums = Array.from({ length: categories }, () => 0);
      const squares = Array.from({ length: categories }, () => 0);
      if (weights !== null) {
        for (let i = 0; i < codes.length; i++) {
          const c = codes[i] as number;
          if (c < 0) continue;
          const w = weights[i] as number;
          sums[c]! += w;
          squares[c]! += w * w;
        }
      }
      const scale = column.scale;
      return {
        kind: 'item-summary',
        id: item.id,
        label: item.label,
        group: item.group,
        topic: item.topic,
        reverse: item.reverse,
        scale: {
          id: scale.id,
          levels: [...scale.levels],
          codes: [...scale.codes],
          agree: [...scale.agree],
          disagree: [...scale.disagree],
          neutral: scale.neutral,
          nonSubstantive: [...scale.nonSubstantive],
          reversed: scale.reversed,
        },
        counts: f.rows.map((row) => row.count),
        missing: column.n.missing,
        invalid: column.n.invalid,
        weights: weights === null ? null : { sums: sums.map((v) => [v, 0] as const), squares: squares.map((v) => [v, 0] as const) },
      };
    });
  const sorted = (values: Iterable<string>): string[] => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const attributes = Object.entries(s.attributes)
    .filter(([, kind]) => kind === 'category')
    .map(([name]) => {
      const values = s.category(name);
      const weights = s.weights;
      const counts = new Map<string, { count: number; weight: number }>();
      let missing = 0;
      values.forEach((value, i) => {
        if (value === null) {
          missing++;
          return;
        }
        const entry = counts.get(value) ?? { count: 0, weight: 0 };
        entry.count++;
        entry.weight += weights === null ? 0 : (weights[i] as number);
        counts.set(value, entry);
      });
      return {
        name,
        categories: sorted(counts.keys()).map((value) => ({
          value,
          count: counts.get(value)!.count,
          weight: s.weights === null ? null : ([counts.get(value)!.weight, 0] as const),
        })),
        missing,
      };
    });
  let bySummary: SurveySummary['by'] = null;
  if (by !== undefined) {
    const values = s.category(by);
    const groups = sorted(new Set(values.filter((v): v is string => v !== null)));
    bySummary = {
      name: by,
      sizeGroups: null,
      groups: groups.map((value) => {
        const part = s.where(by, value);
        return { value, respondents: part.size, items: items(part) };
      }),
      ungrouped: values.filter((v) => v === null).length,
    };
  }
  const index = new Map(s.items.map((item) => [item.id, item] as const));
  return {
    kind: 'survey-summary',
    version: 1,
    respondents: s.size,
    weighted: s.weights !== null,
    items: items(s),
    attributes,
    by: bySummary,
    pairs: pairs.map(([x, y]) => {
      const table = crossTabulateLevels(s.item(index.get(x)!.id), s.item(index.get(y)!.id));
      return { x, y, rows: table.rows, columns: table.columns, counts: Array.from(table.counts) };
    }),
  };
}
