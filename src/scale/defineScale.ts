import { describeValue, checkOptionKeys, optionKeys } from '../internal/validate';
import { normalizeLabel } from './normalizeLabel';
import type { Scale } from './types';

/** Largest number of categories (levels plus non-substantive answers) an `Int8Array` can index. */
export const MAX_CATEGORIES = 127;

/**
 * Options of {@link defineScale}.
 *
 * @typeParam L - the substantive level labels (inferred as literal types)
 * @typeParam N - the non-substantive labels (inferred as literal types)
 */
export interface DefineScaleOptions<L extends string, N extends string> {
  /** Identifier of the scale, e.g. `"daDegree4"`; must not be empty. */
  readonly id: string;
  /** Substantive levels, lowest first; at least 2. */
  readonly levels: readonly L[];
  /** Numeric code of each level, finite and strictly increasing. Default `1 … levels.length`. */
  readonly codes?: readonly number[];
  /**
   * Levels counted as agreement (top box). Default: the mirror of `disagree` when that is given,
   * otherwise the top half of the levels (`floor(k / 2)` levels: the top 2 of 4 or of 5).
   */
  readonly agree?: readonly NoInfer<L>[];
  /**
   * Levels counted as disagreement (bottom box). Default: the mirror of `agree` when that is
   * given, otherwise the bottom half of the levels.
   */
  readonly disagree?: readonly NoInfer<L>[];
  /** The neutral middle level, if any. Default `null`. */
  readonly neutral?: NoInfer<L> | null;
  /** Valid answers without a position on the scale ("Ved ikke", "Ikke relevant"). Default none. */
  readonly nonSubstantive?: readonly N[];
  /** Extra spellings → the label they stand for, e.g. `{ 'Dont know': "Don't know" }`. */
  readonly aliases?: Readonly<Record<string, NoInfer<L | N>>>;
}

/**
 * Defines a Likert scale: its ordered levels, their numeric codes, the agreement and
 * disagreement boxes, the neutral level and the non-substantive answers.
 *
 * Labels are inferred as literal types (no `as const` needed), so `agree`, `disagree`,
 * `neutral` and `aliases` are checked against the levels at compile time, and every
 * `LikertColumn` coded with the scale carries them.
 *
 * Every problem with the definition is collected and reported in one error: an empty `id`;
 * fewer than 2 levels; labels that are not strings, are blank or repeat (also after
 * {@link normalizeLabel}, and across levels, non-substantive answers and aliases); `codes`
 * of the wrong length, not finite or not strictly increasing; `agree`, `disagree` or `neutral`
 * naming something that is not a level; `agree` and `disagree` overlapping or containing the
 * neutral level; an alias pointing to an unknown label; more than 127 categories.
 *
 * The categories are the levels (indices `0 … k-1`, lowest first) followed by the
 * non-substantive answers (`k …`). `lookup` maps the normalised spelling of every label and alias
 * to its category index. The result is a deep-frozen, plain, JSON-serialisable object.
 *
 * @param options - see {@link DefineScaleOptions}
 * @returns the frozen scale, with `reversed: false`
 * @throws TypeError listing every problem with the definition, each saying what to fix
 * @example
 * ```ts
 * const degree = defineScale({
 *   id: 'degree',
 *   levels: ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'],
 *   nonSubstantive: ['Ved ikke'],
 * });
 * // degree: Scale<'Slet ikke' | 'I mindre grad' | 'I høj grad' | 'I meget høj grad', 'Ved ikke'>
 * degree.codes;             // [1, 2, 3, 4]
 * degree.agree;             // ['I høj grad', 'I meget høj grad']
 * degree.disagree;          // ['Slet ikke', 'I mindre grad']
 * degree.lookup['ved ikke']; // 4
 * ```
 * @see {@link scales} for ready-made Danish and English scales
 * @see {@link reverseScale} for negatively worded items
 */
export function defineScale<const L extends string, const N extends string = never>(
  options: DefineScaleOptions<L, N>,
): Scale<L, N> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `defineScale: expected an options object { id, levels, … }, got ${describeValue(options)}`,
    );
  }
  checkOptionKeys('defineScale', options, optionKeys<DefineScaleOptions<L, N>>({ id: true, levels: true, codes: true, agree: true, disagree: true, neutral: true, nonSubstantive: true, aliases: true }));
  const problems: string[] = [];
  const id: unknown = options.id;
  if (typeof id !== 'string' || id.trim() === '') {
    problems.push(`id must be a non-empty string (e.g. 'daDegree4'), got ${describeValue(id)}`);
  }

  const levels = readLabels(options.levels, 'levels', problems, true);
  const nonSubstantive = readLabels(options.nonSubstantive ?? [], 'nonSubstantive', problems, false);
  const k = levels.length;
  if (Array.isArray(options.levels) && options.levels.length < 2) {
    problems.push(`levels must list at least 2 labels, lowest first; got ${options.levels.length}`);
  }
  if (k + nonSubstantive.length > MAX_CATEGORIES) {
    problems.push(
      `a scale holds at most ${MAX_CATEGORIES} categories (levels plus nonSubstantive), got ${k + nonSubstantive.length}`,
    );
  }

  // Category lookup: normalised spelling → category index; checks for duplicate spellings.
  const categories = [...levels, ...nonSubstantive];
  const lookup = new Map<string, number>();
  const owner = new Map<string, string>();
  categories.forEach((label, index) => {
    const key = normalizeLabel(label);
    if (key === '') return; // reported as blank by readLabels
    const previous = owner.get(key);
    if (previous !== undefined) {
      problems.push(
        previous === label
          ? `label ${JSON.stringify(label)} appears twice; list each label once`
          : `labels ${JSON.stringify(previous)} and ${JSON.stringify(label)} are the same after normalisation (${JSON.stringify(key)}); make them differ in more than case, spacing or quotes`,
      );
      return;
    }
    owner.set(key, label);
    lookup.set(key, index);
  });

  const codes = readCodes(
    options.codes,
    Array.isArray(options.levels) ? options.levels.length : k,
    problems,
  );

  const levelSet = new Set<string>(levels);
  const neutral = readNeutral(options.neutral, levelSet, problems);
  const agreeGiven = options.agree !== undefined;
  const disagreeGiven = options.disagree !== undefined;
  let agree = readBox(options.agree, 'agree', levelSet, problems);
  let disagree = readBox(options.disagree, 'disagree', levelSet, problems);
  const half = Math.floor(k / 2);
  const mirror = (box: readonly string[]): string[] =>
    box.map((label) => levels[k - 1 - levels.indexOf(label)] as string);
  if (!agreeGiven) agree = disagreeGiven ? mirror(disagree) : levels.slice(k - half);
  if (!disagreeGiven) disagree = agreeGiven ? mirror(agree) : levels.slice(0, half);
  agree = inLevelOrder(agree, levels);
  disagree = inLevelOrder(disagree, levels);
  const overlap = agree.filter((label) => disagree.includes(label));
  if (overlap.length > 0) {
    problems.push(
      `agree and disagree overlap in ${overlap.map((l) => JSON.stringify(l)).join(', ')}; a level can be in at most one of them`,
    );
  }
  if (neutral !== null && (agree.includes(neutral) || disagree.includes(neutral))) {
    problems.push(
      `the neutral level ${JSON.stringify(neutral)} is in ${agree.includes(neutral) ? 'agree' : 'disagree'}; ` +
        (agreeGiven || disagreeGiven
          ? 'remove it from there'
          : 'pass agree and disagree explicitly (the default halves of an even number of levels include it)'),
    );
  }

  const aliases = readAliases(options.aliases, new Set(categories), lookup, owner, problems);

  if (problems.length > 0) {
    const name = typeof id === 'string' && id !== '' ? ` ${JSON.stringify(id)}` : '';
    throw new TypeError(
      `defineScale: the scale${name} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }

  return freezeScale<L, N>({
    id: id as string,
    levels: levels as L[],
    codes,
    agree: agree as L[],
    disagree: disagree as L[],
    neutral: neutral as L | null,
    nonSubstantive: nonSubstantive as N[],
    aliases: Object.fromEntries(aliases) as Record<string, L | N>,
    categories: categories as (L | N)[],
    lookup: ownLookup(lookup),
    reversed: false,
  });
}

/**
 * Deep-freezes a freshly built scale (its arrays and records, then the object itself).
 * Internal: shared with `reverseScale`.
 */
export function freezeScale<L extends string, N extends string>(scale: {
  id: string;
  levels: L[];
  codes: number[];
  agree: L[];
  disagree: L[];
  neutral: L | null;
  nonSubstantive: N[];
  aliases: Record<string, L | N>;
  categories: (L | N)[];
  lookup: Record<string, number>;
  reversed: boolean;
}): Scale<L, N> {
  Object.freeze(scale.levels);
  Object.freeze(scale.codes);
  Object.freeze(scale.agree);
  Object.freeze(scale.disagree);
  Object.freeze(scale.nonSubstantive);
  Object.freeze(scale.aliases);
  Object.freeze(scale.categories);
  Object.freeze(scale.lookup);
  return Object.freeze(scale);
}

/** Reads a list of labels, reporting non-arrays, non-strings and blank labels. */
function readLabels(
  value: unknown,
  name: string,
  problems: string[],
  required: boolean,
): string[] {
  if (!Array.isArray(value)) {
    problems.push(
      `${name} must be an array of labels${required ? ', lowest first' : ''}, got ${describeValue(value)}`,
    );
    return [];
  }
  const labels: string[] = [];
  value.forEach((label: unknown, i) => {
    if (typeof label !== 'string') {
      problems.push(`${name}[${i}] must be a string label, got ${describeValue(label)}`);
    } else if (normalizeLabel(label) === '') {
      problems.push(`${name}[${i}] is blank; give every label some text`);
    } else {
      labels.push(label);
    }
  });
  return labels;
}

/** Reads `codes` (default 1…k), reporting wrong length, non-finite values and non-increase. */
function readCodes(value: unknown, k: number, problems: string[]): number[] {
  if (value === undefined) return Array.from({ length: k }, (_, i) => i + 1);
  if (!Array.isArray(value)) {
    problems.push(`codes must be an array of numbers, one per level, got ${describeValue(value)}`);
    return [];
  }
  const codes = value as unknown[];
  if (codes.length !== k) {
    problems.push(`codes must have one number per level: ${k} levels but ${codes.length} codes`);
  }
  let finite = true;
  codes.forEach((code, i) => {
    if (typeof code !== 'number' || !Number.isFinite(code)) {
      finite = false;
      problems.push(`codes[${i}] must be a finite number, got ${describeValue(code)}`);
    }
  });
  if (finite) {
    for (let i = 1; i < codes.length; i++) {
      if (!((codes[i] as number) > (codes[i - 1] as number))) {
        problems.push(
          `codes must be strictly increasing (lowest level first), but codes[${i - 1}] = ${String(codes[i - 1])} and codes[${i}] = ${String(codes[i])}`,
        );
        break;
      }
    }
  }
  return [...(codes as number[])];
}

/** Reads `neutral`, reporting a label that is not a level. */
function readNeutral(value: unknown, levels: ReadonlySet<string>, problems: string[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !levels.has(value)) {
    problems.push(
      `neutral ${describeValue(value)} is not one of the levels; use one of the level labels exactly as written, or leave it out`,
    );
    return null;
  }
  return value;
}

/** Reads `agree` or `disagree`, reporting labels that are not levels and repeats. */
function readBox(
  value: unknown,
  name: string,
  levels: ReadonlySet<string>,
  problems: string[],
): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${name} must be an array of level labels, got ${describeValue(value)}`);
    return [];
  }
  const box: string[] = [];
  for (const label of value as unknown[]) {
    if (typeof label !== 'string' || !levels.has(label)) {
      problems.push(
        `${name} names ${describeValue(label)}, which is not one of the levels; use the level labels exactly as written`,
      );
    } else if (box.includes(label)) {
      problems.push(`${name} lists ${JSON.stringify(label)} twice; list it once`);
    } else {
      box.push(label);
    }
  }
  return box;
}

/** Sorts labels by their position among the levels. */
function inLevelOrder(box: readonly string[], levels: readonly string[]): string[] {
  return [...box].sort((a, b) => levels.indexOf(a) - levels.indexOf(b));
}

/**
 * Reads `aliases` into normalised spelling → label, adding them to `lookup`. Reports aliases
 * pointing to unknown labels, blank aliases and spellings that clash with another label or alias.
 */
function readAliases(
  value: unknown,
  labels: ReadonlySet<string>,
  lookup: Map<string, number>,
  owner: Map<string, string>,
  problems: string[],
): Map<string, string> {
  const aliases = new Map<string, string>();
  if (value === undefined) return aliases;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(
      `aliases must be an object mapping a spelling to a label, e.g. { 'Dont know': "Don't know" }, got ${describeValue(value)}`,
    );
    return aliases;
  }
  const labelIndex = new Map<string, number>();
  for (const [key, index] of lookup) labelIndex.set(owner.get(key) as string, index);
  for (const [spelling, target] of Object.entries(value as Record<string, unknown>)) {
    if (typeof target !== 'string' || !labels.has(target)) {
      problems.push(
        `alias ${JSON.stringify(spelling)} points to ${describeValue(target)}, which is not a label of the scale; point it to a level or nonSubstantive label`,
      );
      continue;
    }
    const key = normalizeLabel(spelling);
    if (key === '') {
      problems.push(`alias ${JSON.stringify(spelling)} is blank; blank answers are always missing`);
      continue;
    }
    const previous = owner.get(key);
    if (previous !== undefined) {
      const previousTarget = aliases.get(key) ?? previous;
      if (previousTarget !== target) {
        problems.push(
          `alias ${JSON.stringify(spelling)} → ${JSON.stringify(target)} clashes with ${JSON.stringify(previous)} → ${JSON.stringify(previousTarget)} (both read as ${JSON.stringify(key)}); remove one`,
        );
      }
      continue; // the same spelling for the same label: harmless
    }
    const index = labelIndex.get(target);
    if (index === undefined) continue; // the target itself was reported as a duplicate
    owner.set(key, spelling);
    aliases.set(key, target);
    lookup.set(key, index);
  }
  return aliases;
}

/**
 * The spelling → category record of a scale, without a prototype: a label spelt "constructor"
 * or "toString" is looked up like any other, and a spelling the scale does not have is
 * `undefined`, never an inherited member of `Object.prototype`. Internal (shared with
 * `reverseScale`).
 */
export function ownLookup(entries: Iterable<readonly [string, number]>): Record<string, number> {
  const record = Object.create(null) as Record<string, number>;
  for (const [spelling, index] of entries) record[spelling] = index;
  return record;
}
