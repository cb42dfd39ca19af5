/**
 * Where each CSV record starts, as a 1-based line number of the file, so that the command line
 * can turn the 0-based row positions that `safeSurvey` reports into lines a person can open in
 * an editor. A quoted field may hold line breaks, so record i is not always on line i + 2.
 */

/**
 * Scans CSV text the way `parseCsv` reads it (byte order mark dropped; `\n`, `\r\n` and a lone
 * `\r` end a line; a field that starts with `"` is quoted up to a `"` not followed by another
 * `"`; empty lines are skipped) and returns the line on which every data record starts.
 *
 * @param text - the CSV text, as given to `parseCsv`
 * @param delimiter - the field delimiter `parseCsv` used
 * @returns `lines[i]` is the 1-based line of data row `i` (the header, on its own line, is not included)
 * @example
 * recordLines('a;b\n1;"x\ny"\n\n2;z\n', ';'); // [2, 5]
 */
export function recordLines(text: string, delimiter: string): number[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const starts: number[] = [];
  let line = 1;
  let i = 0;
  const n = body.length;
  while (i < n) {
    // At the start of a record.
    const recordLine = line;
    let empty = true;
    let atFieldStart = true;
    let ended = false;
    while (i < n && !ended) {
      const c = body[i] as string;
      if (atFieldStart && c === '"') {
        // A quoted field: read to the closing quote, counting line breaks inside it.
        empty = false;
        i++;
        while (i < n) {
          const q = body[i] as string;
          if (q === '"') {
            if (body[i + 1] === '"') {
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q === '\n') line++;
          else if (q === '\r' && body[i + 1] !== '\n') line++;
          i++;
        }
        atFieldStart = false;
        continue;
      }
      if (c === '\n' || c === '\r') {
        i += c === '\r' && body[i + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
        continue;
      }
      empty = false;
      atFieldStart = c === delimiter;
      i++;
    }
    if (!empty) starts.push(recordLine);
  }
  return starts.slice(1);
}
