/**
 * Test support for the SQL engine tests: a seeded generator of survey columns with messy labels
 * (every spelling likertkit's coding accepts, blanks of every kind, unknown labels), a CSV
 * writer, and the reference summary: `summarize` on the in-memory survey of the same data.
 */
import { scales, summarize, survey, type SizeGrouping, type Survey, type SurveyDefinition } from '../../src/index';
import type { SurveySummary } from '../../src/summary/types';
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

/** Municipality sizes as text: on, below and above the cut points 50000 and 100000, padded, and blank. */
export const MESSY_POPULATIONS: readonly string[] = ['7', '49999', '50000', ' 50001', '99999', '100000 ', '632340', '-3', '', ' '];

/** Column names that test the quoting. */
export const ITEM_COLUMNS = ['q1', 'a"b', "'; DROP TABLE x; --", '__proto__', '😀 emoji', 'new\nline'] as const;

/** Generated survey columns (all text, as a CSV holds them) and the weight as numbers. */
export interface MessyColumns {
  readonly length: number;
  readonly columns: Record<string, string[]>;
  readonly weight: number[];
}

/** `length` respondents: id, region, population (text), a dyadic weight (sums exact in any order) and one messy answer per item column. */
export function messyColumns(length: number, seed: number, labels: readonly string[] = MESSY_DEGREE4, itemColumns: readonly string[] = ITEM_COLUMNS): MessyColumns {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const columns: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  columns['id'] = new Array<string>(length);
  columns['region'] = new Array<string>(length);
  columns['pop'] = new Array<string>(length);
  for (const name of itemColumns) columns[name] = new Array<string>(length);
  const weight = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    columns['id']![i] = `r${i}`;
    columns['region']![i] = pick(MESSY_REGIONS);
    columns['pop']![i] = pick(MESSY_POPULATIONS);
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
    attributes: { region: 'category', pop: 'number' },
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

/** The in-memory summary of the same data: what every engine's summary must equal. */
export function referenceSummary(s: Survey, by: string | SizeGrouping | undefined, pairs: readonly SummaryPair[] | 'all' = []): SurveySummary {
  return summarize(s, { ...(by === undefined ? {} : { by }), pairs });
}
