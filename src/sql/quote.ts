/**
 * SQL quoting: the only way a name or a text enters the SQL that likertkit writes. Internal.
 *
 * Identifiers are put in double quotes with every `"` doubled; text literals in single quotes
 * with every `'` doubled. No backslash is ever an escape (PostgreSQL's
 * `standard_conforming_strings`, on by default since 9.1, DuckDB and the SQL standard all read
 * `'a\'` as the two characters a and \), so these two rules are the whole of it. A NUL character
 * cannot be part of an identifier or text in PostgreSQL, so it is refused rather than passed on.
 */

/** `name` as a quoted SQL identifier: `a"b` → `"a""b"`. */
export function quoteIdentifier(fn: string, name: string, role: string): string {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(`${fn}: ${role} must be a non-empty string, got ${name === '' ? 'an empty string' : typeof name}`);
  }
  if (name.includes('\u0000')) {
    throw new RangeError(`${fn}: ${role} ${JSON.stringify(name)} contains a NUL character, which no SQL engine accepts in a name; rename the column`);
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/** `text` as an SQL text literal: `it's` → `'it''s'`. */
export function quoteString(fn: string, text: string, role: string): string {
  if (text.includes('\u0000')) {
    throw new RangeError(`${fn}: ${role} ${JSON.stringify(text)} contains a NUL character, which no SQL engine accepts in text; remove it`);
  }
  return `'${text.replaceAll("'", "''")}'`;
}
