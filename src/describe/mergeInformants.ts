import { describeValue } from '../internal/validate';
import {
  assertInput,
  checkOptionsObject,
  codingOptionKeys,
  codeMultiSelect,
  MISSING,
  resolveOptionList,
  TICKED,
  type CodedMultiSelect,
  type MultiSelectCodingOptions,
  type MultiSelectInput,
} from './multiSelectInput';

/** A respondent id: text or number (`'101'` and `101` are different ids). */
export type InformantId = string | number;

/** One informant's answers: a multi-select input and the respondent id of each row. */
export interface InformantSource {
  /** One id per row of `input`, each at most once. */
  readonly ids: ArrayLike<InformantId>;
  readonly input: MultiSelectInput;
}

/** Options of {@link mergeInformants}: how both sources' cells are read. */
export type MergeInformantsOptions = MultiSelectCodingOptions;

/** Result of {@link mergeInformants}: plain data, JSON-serialisable. */
export interface MergeInformantsResult {
  /**
   * The merged question in column form, one column per option, one row per id:
   * `true` ticked, `false` seen but not ticked, `null` missing. Read it with `multiSelect`
   * using the default `ticked`/`notTicked` lists.
   */
  readonly input: Record<string, (boolean | null)[]>;
  /** The ids of the rows of `input`: `a`'s ids in their order, then ids only in `b`, in theirs. */
  readonly ids: InformantId[];
  /** Ids answered by both informants. */
  readonly merged: number;
  /** Ids only in `a`. */
  readonly onlyA: number;
  /** Ids only in `b`. */
  readonly onlyB: number;
  readonly method: 'any-informant';
}

function indexIds(fn: string, ids: unknown, rows: number, name: string): Map<InformantId, number> {
  if (ids === null || typeof ids !== 'object' || typeof (ids as { length?: unknown }).length !== 'number') {
    throw new TypeError(`${fn}: ${name}.ids must be an array of ids, got ${describeValue(ids)}`);
  }
  const list = ids as ArrayLike<unknown>;
  if (list.length !== rows) {
    throw new RangeError(`${fn}: ${name}.ids has ${list.length} ids but ${name}.input has ${rows} rows; pass one id per row`);
  }
  const index = new Map<InformantId, number>();
  const duplicates = new Map<InformantId, number[]>();
  for (let i = 0; i < list.length; i++) {
    const id = list[i];
    if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
      throw new TypeError(`${fn}: ${name}.ids[${i}] must be a text or a finite number, got ${describeValue(id)}`);
    }
    const first = index.get(id);
    if (first === undefined) index.set(id, i);
    else {
      const rowsOf = duplicates.get(id) ?? [first];
      rowsOf.push(i);
      duplicates.set(id, rowsOf);
    }
  }
  if (duplicates.size > 0) {
    const listed = [...duplicates]
      .slice(0, 20)
      .map(([id, at]) => `${describeValue(id)} (rows ${at.slice(0, 5).join(', ')})`)
      .join(', ');
    throw new RangeError(
      `${fn}: ${name}.ids must be unique, but ${duplicates.size} ${duplicates.size === 1 ? 'id occurs' : 'ids occur'} more than once: ${listed}; merge those rows first`,
    );
  }
  return index;
}

function checkSource(fn: string, source: unknown, name: string): InformantSource {
  if (source === null || typeof source !== 'object' || !('input' in source) || !('ids' in source)) {
    throw new TypeError(`${fn}: ${name} must be { ids, input }, got ${describeValue(source)}`);
  }
  const { input } = source as InformantSource;
  assertInput(fn, input, `${name}.input`);
  return source as InformantSource;
}

/**
 * Merges two informants' answers to one multi-select question per respondent (e.g. a
 * municipality's leader and caseworker) with the any-informant rule: an option is ticked when
 * either informant ticked it, seen-but-not-ticked when neither ticked it and at least one saw
 * it, and missing only when both are missing. An id found in one source only passes through
 * unchanged.
 *
 * Cell by cell this is the maximum over missing < not ticked < ticked, so the merge is
 * commutative, merging a source with itself changes nothing, and on the shared ids each
 * option's merged count lies between the larger of the two sources' counts and their sum.
 *
 * @param a - first informant: `{ ids, input }`
 * @param b - second informant, same options (columns in any order)
 * @param options - how cells are read: option list, `ticked`, `notTicked`
 * @returns the merged input (column form, `true`/`false`/`null`), its ids and the overlap counts
 * @throws MultiSelectInputError for unreadable cells, naming the source
 * @throws RangeError for duplicate ids, ids not matching the rows, or differing options
 * @example
 * ```ts
 * const m = mergeInformants(
 *   { ids: ['101', '147'], input: { Sparring: ['x', ''], Kurser: ['', ''] } },
 *   { ids: ['101', '151'], input: { Sparring: ['', 'x'], Kurser: ['x', null] } },
 * );
 * m.ids;    // ['101', '147', '151']
 * m.input;  // { Sparring: [true, null, true], Kurser: [true, null, null] }
 * m.merged; // 1   (onlyA: 1, onlyB: 1)
 * ```
 */
export function mergeInformants(
  a: InformantSource,
  b: InformantSource,
  options?: MergeInformantsOptions,
): MergeInformantsResult {
  const fn = 'mergeInformants';
  const opts = checkOptionsObject<MergeInformantsOptions>(fn, options, codingOptionKeys());
  const sourceA = checkSource(fn, a, 'a');
  const sourceB = checkSource(fn, b, 'b');
  const optionList = resolveOptionList(fn, [sourceA.input, sourceB.input], opts);
  const codedA = codeMultiSelect(`${fn} (a)`, sourceA.input, optionList, opts);
  const codedB = codeMultiSelect(`${fn} (b)`, sourceB.input, optionList, opts);
  const indexA = indexIds(fn, sourceA.ids, codedA.respondents, 'a');
  const indexB = indexIds(fn, sourceB.ids, codedB.respondents, 'b');

  const m = optionList.length;
  const ids: InformantId[] = [...indexA.keys()];
  for (const id of indexB.keys()) if (!indexA.has(id)) ids.push(id);
  const columns = optionList.map(() => new Array<boolean | null>(ids.length));

  const stateOf = (coded: CodedMultiSelect, row: number | undefined, j: number): number =>
    row === undefined ? MISSING : (coded.cells[row * m + j] as number);

  let merged = 0;
  ids.forEach((id, r) => {
    const rowA = indexA.get(id);
    const rowB = indexB.get(id);
    if (rowA !== undefined && rowB !== undefined) merged++;
    for (let j = 0; j < m; j++) {
      const state = Math.max(stateOf(codedA, rowA, j), stateOf(codedB, rowB, j));
      (columns[j] as (boolean | null)[])[r] = state === MISSING ? null : state === TICKED;
    }
  });

  // Object.fromEntries keeps an option named like an Object.prototype key as a plain own key.
  const input: Record<string, (boolean | null)[]> = Object.fromEntries(
    optionList.map((option, j) => [option, columns[j] as (boolean | null)[]]),
  );
  return {
    input,
    ids,
    merged,
    onlyA: indexA.size - merged,
    onlyB: indexB.size - merged,
    method: 'any-informant',
  };
}
