import { INVISIBLE_CHARACTERS } from '../scale/normalizeLabel';

/**
 * A cell that holds only white space and invisible characters: JavaScript's `\s` (spaces, tabs,
 * line breaks, the no-break space, U+FEFF as a stray byte-order mark, …) and the invisible
 * characters that {@link normalizeLabel} removes (soft hyphen, zero-width space/joiners, word
 * joiner). Built from the same character class, so a text `likert` reads as empty is missing here.
 */
const BLANK = new RegExp(`^[\\s${INVISIBLE_CHARACTERS}]*$`);

/**
 * True for the values that likertkit treats as missing, and the only definition of missing in
 * the library: `null`, `undefined`, `NaN`, the empty string, and text that is only white space or
 * invisible characters (zero-width space U+200B, zero-width (non-)joiner U+200C/U+200D, word
 * joiner U+2060, soft hyphen U+00AD, byte-order mark U+FEFF, no-break space U+00A0, the
 * direction marks U+200E/U+200F and controls U+202A–U+202E, U+2066–U+2069, …).
 *
 * A string is missing exactly when {@link normalizeLabel} turns it into `""`, so `likert`, the
 * survey reader and the representativeness functions agree about every cell. Everything else is
 * a value: `0`, `false`, `"0"`, `"-"`, `Infinity`, a `Date` or an object (which may then be
 * refused as an answer, an id or a category by the function reading it).
 *
 * @param value - one cell
 * @returns whether the cell is missing
 * @example
 * ```ts
 * isMissingValue(null);        // true
 * isMissingValue(' \u200B ');  // true
 * isMissingValue(0);           // false
 * isMissingValue('Ved ikke');  // false
 * ```
 */
export function isMissingValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return value !== value;
  if (typeof value === 'string') return BLANK.test(value);
  return false;
}
