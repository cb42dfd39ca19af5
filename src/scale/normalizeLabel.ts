/**
 * Characters that Unicode NFKC would decompose into something that no longer reads as a quote:
 * the acute accent `´` (NFKC gives a space and a combining accent) and the double primes `″`, `‶`
 * (NFKC gives two single primes). They are mapped before NFKC.
 */
const BEFORE_NFKC = /[\u00B4\u2033\u2036]/g;

/** Single quotes and apostrophes that become `'`: ‘ ’ ‚ ‛ ′ ‵ ‹ › ` ʼ ˈ. */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u2039\u203A\u0060\u02BC\u02C8]/g;

/** Double quotes that become `"`: “ ” „ ‟ « » 〝 〞. */
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u301D\u301E]/g;

/** Hyphens, dashes and the minus sign that become `-`: ‐ ‑ ‒ – — ― −. */
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * Invisible characters that are removed, as the body of a regular-expression character class:
 * soft hyphen U+00AD, zero-width space, non-joiner and joiner U+200B–U+200D, the left-to-right
 * and right-to-left marks U+200E–U+200F, the bidirectional embeddings and overrides
 * U+202A–U+202E and isolates U+2066–U+2069, the word joiner U+2060 and the invisible operators
 * U+2061–U+2064.
 * Internal: `isMissingValue` builds its rule from the same class, so that a label which
 * normalises to `""` is exactly a missing cell.
 */
export const INVISIBLE_CHARACTERS = '\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069';

const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`, 'g');

/** Runs of white space (JavaScript `\s`, which includes the no-break space and U+FEFF). */
const WHITE_SPACE = /\s+/g;

/**
 * Normalises an answer label so that spellings that differ only in form compare equal.
 *
 * The steps, in order:
 *
 * 1. `´` (acute accent, often typed as an apostrophe) becomes `'`; `″` and `‶` become `"`.
 * 2. Unicode NFKC: composes decomposed letters (`a` + combining ring → `å`), folds compatibility
 *    forms (full-width `Ｊａ` → `Ja`, ligatures, the no-break space → space, `３` → `3`).
 * 3. Removes invisible characters: soft hyphen U+00AD, zero-width space/non-joiner/joiner
 *    U+200B–U+200D, word joiner U+2060, and the direction marks and controls an export from a
 *    right-to-left setting may carry (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), as well as
 *    the invisible operators U+2061–U+2064.
 * 4. Typographic single quotes and apostrophes (‘ ’ ‚ ‛ ′ ‵ ‹ › ` ʼ ˈ) become `'`; typographic
 *    double quotes (“ ” „ ‟ « » 〝 〞) become `"`.
 * 5. Hyphens and dashes (‐ ‑ ‒ – — ― and the minus sign −) become `-`.
 * 6. Every run of white space becomes one space, and the ends are trimmed.
 * 7. One pair of matching quotes around the whole label is removed, with the white space just
 *    inside it: `“Ved ikke”`, `„Ved ikke“`, `"Ved ikke"` and `'Ved ikke'` all read as
 *    `Ved ikke` (a quote inside the label, as in `Don't know`, stays). A pair around nothing
 *    (`""`) is kept.
 * 8. Lower case with `String.prototype.toLowerCase()` (locale independent).
 *
 * It is deliberately simple and does not do full Unicode case folding: `ß` stays `ß` (so
 * `"STRASSE"` and `"straße"` differ), and accents are kept (`"hoej"` does not match `"høj"`;
 * add such spellings as `aliases` of the scale). The result of a label that is empty or only
 * white space is `""`, which `likert` treats as missing.
 *
 * @param label - the raw label, e.g. a cell of a survey export
 * @returns the normalised spelling used as a key of `Scale.lookup`
 * @example
 * ```ts
 * normalizeLabel('  I  MEGET\u00A0høj grad ');   // 'i meget høj grad'
 * normalizeLabel('Don’t know');                  // "don't know"
 * normalizeLabel('Ｖｅｄ ｉｋｋｅ');                // 'ved ikke'
 * normalizeLabel('Ja – måske');                  // 'ja - måske'
 * normalizeLabel('„Ved ikke“');                  // 'ved ikke'
 * ```
 * @see https://unicode.org/reports/tr15/ (Unicode normalisation forms)
 */
export function normalizeLabel(label: string): string {
  const text = label
    .replace(BEFORE_NFKC, (c) => (c === '\u00B4' ? "'" : '"'))
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(WHITE_SPACE, ' ')
    .trim();
  return stripQuotePair(text).toLowerCase();
}

/**
 * Removes one pair of matching quotes (`"…"` or `'…'`, typographic ones already made plain)
 * around the whole text, and the white space just inside them. Text that would be left empty
 * (`""`, `" "`) is kept as it is: it is not a blank cell, and `isMissingValue` agrees.
 */
function stripQuotePair(text: string): string {
  if (text.length < 3) return text;
  const first = text[0];
  if ((first !== '"' && first !== "'") || text[text.length - 1] !== first) return text;
  const inner = text.slice(1, -1).trim();
  return inner === '' ? text : inner;
}
