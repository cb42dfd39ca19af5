/**
 * Bytes in, text out: the one place where likertkit turns a file's bytes into text. It uses the
 * platform's `TextDecoder` (Node and browsers alike), so it needs no dependency.
 */

import { checkOptionKeys, optionKeys } from '../internal/validate';

/** Options of {@link decodeText}. */
export interface DecodeTextOptions {
  /**
   * A WHATWG encoding label, e.g. `'utf-8'` (the default), `'windows-1252'` (Excel's Danish
   * exports; `'latin1'` and `'iso-8859-1'` mean the same), `'utf-16le'`, `'utf-16be'`. A byte
   * order mark at the start overrides it.
   */
  readonly encoding?: string;
  /** What to call the bytes in messages, e.g. the file name. Default `"input"`. */
  readonly source?: string;
}

/** Result of {@link decodeText}: plain data. */
export interface DecodeTextResult {
  /** The decoded text, without the byte order mark. */
  readonly text: string;
  /** The canonical name of the encoding used, e.g. `'utf-8'`, `'windows-1252'`, `'utf-16le'`. */
  readonly encoding: string;
  /** Whether the bytes started with a byte order mark (it decided the encoding and was removed). */
  readonly bom: boolean;
}

/** What kind of problem {@link decodeText} found: bytes that are not valid in the encoding, or a NUL character. */
export type DecodeIssueKind = 'encoding' | 'nul';

/** One problem found by {@link decodeText}. */
export interface DecodeIssue {
  /** `'encoding'` for bytes that are not valid in the encoding, `'nul'` for a NUL character. */
  readonly kind: DecodeIssueKind;
  /** The `source` option (e.g. the file name). */
  readonly source: string;
  /** 0-based byte offset of the first bad byte (or of the NUL character), `NaN` when not known. */
  readonly offset: number;
  /** 1-based line of the file on which that byte lies (CRLF, LF and a lone CR end a line). */
  readonly line: number;
  /** What is wrong and what to do, without the function's name or the source. */
  readonly message: string;
}

/**
 * Thrown by {@link decodeText} for bytes that are not valid text in the encoding used (e.g. a
 * Latin-1 file read as UTF-8) and for NUL characters (e.g. UTF-16 read as UTF-8). The message
 * names the source, the byte offset and line, and the option to pass; the same data is on
 * `issues`.
 *
 * @example
 * ```ts
 * try {
 *   decodeText(new Uint8Array([0x53, 0x6a, 0xe6, 0x6c]), { source: 'svar.csv' });
 * } catch (error) {
 *   if (error instanceof DecodeInputError) error.issues[0]; // { kind: 'encoding', offset: 2, line: 1, … }
 * }
 * ```
 */
export class DecodeInputError extends Error {
  override readonly name = 'DecodeInputError';
  /** The problem found (one: decoding stops at the first). */
  readonly issues: readonly DecodeIssue[];

  /**
   * @param message - the full message (starting with the function's name)
   * @param issues - the problems, with their offsets
   */
  constructor(message: string, issues: readonly DecodeIssue[]) {
    super(message);
    this.issues = issues;
  }
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Offset of the first byte at which `bytes` stop being well-formed UTF-8 (the lead byte of the
 * first ill-formed sequence, or of a sequence cut off by the end), or -1 when all is well. One
 * linear pass, following the table of well-formed byte sequences in the Unicode Standard
 * (chapter 3, table 3-7): no overlong forms, no surrogates, nothing above U+10FFFF. Internal.
 */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    if (k >= n) return false;
    const b = bytes[k] as number;
    return b >= lo && b <= hi;
  };
  let i = from;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
    } else if (b >= 0xc2 && b <= 0xdf) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2)) return i;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3)) return i;
      i += 4;
    } else {
      return i; // 0x80–0xC1 (a stray continuation byte or an overlong lead) and 0xF5–0xFF
    }
  }
  return -1;
}

/** Offset of the first UTF-16 code unit that is an unpaired surrogate (or a lone last byte), or -1. Internal. */
function firstInvalidUtf16(bytes: Uint8Array, from: number, littleEndian: boolean): number {
  const unit = (k: number): number =>
    littleEndian ? (bytes[k] as number) | ((bytes[k + 1] as number) << 8) : ((bytes[k] as number) << 8) | (bytes[k + 1] as number);
  let i = from;
  while (i + 1 < bytes.length) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length) return i;
      const next = unit(i + 2);
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 4;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      return i;
    } else {
      i += 2;
    }
  }
  return i < bytes.length ? i : -1;
}

/** 1-based line of byte `offset` in an ASCII-compatible encoding (CRLF, LF or a lone CR end a line). Internal. */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < bytes.length; k++) {
    const b = bytes[k];
    if (b === LF || (b === CR && bytes[k + 1] !== LF)) line++;
  }
  return line;
}

/** 1-based line of character `index` in `text`. Internal. */
function lineAtIndex(text: string, index: number): number {
  let line = 1;
  for (let k = 0; k < index; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) line++;
  }
  return line;
}

/**
 * What bytes 0x80–0x9F mean in windows-1252, from the WHATWG Encoding Standard's
 * index-windows-1252 (every other byte is the code point of the same value). Node's own
 * `TextDecoder('windows-1252')` decodes these as Latin-1 C1 controls in some versions
 * (nodejs/node#56542: "€" becomes U+0080, curly quotes become U+0091–U+0094), so likertkit
 * decodes windows-1252 itself. Internal.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Decodes windows-1252 bytes, in chunks so that `String.fromCharCode` never gets too many arguments. Internal. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let k = start; k < end; k++) {
      const b = bytes[k] as number;
      units[k - start] = b >= 0x80 && b <= 0x9f ? (WINDOWS_1252_HIGH[b - 0x80] as number) : b;
    }
    parts.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return parts.join('');
}

/** `e6 6c 6c` for the bytes from `offset`, at most `count` of them. Internal. */
function hexBytes(bytes: Uint8Array, offset: number, count: number): string {
  const shown: string[] = [];
  for (let k = offset; k < bytes.length && k < offset + count; k++) {
    shown.push((bytes[k] as number).toString(16).padStart(2, '0'));
  }
  return shown.join(' ');
}

/** A view of the bytes as a `Uint8Array`, or undefined when `input` is not bytes. Internal. */
export function asBytes(input: unknown): Uint8Array | undefined {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return undefined;
}

/**
 * Decodes a file's bytes into text, strictly, so that a file in another encoding is an error
 * instead of "Sj�lland" in the data.
 *
 * - A byte order mark decides the encoding and is removed: `EF BB BF` UTF-8, `FF FE` UTF-16 LE,
 *   `FE FF` UTF-16 BE (it wins over `options.encoding`).
 * - Otherwise `options.encoding` (a WHATWG label) is used, and without it UTF-8.
 * - Decoding is strict: bytes that are not valid in the encoding (for UTF-8: any byte sequence
 *   outside the Unicode Standard's table of well-formed sequences) are an error naming the
 *   source, the first bad byte's offset and line and the bytes there, and saying which
 *   `encoding` to pass (`'windows-1252'` for Excel's Danish exports). Windows-1252 and the
 *   other single-byte encodings accept every byte.
 * - A NUL character (U+0000) is never text: it is an error naming its byte offset. Many NULs are
 *   what UTF-16 without a byte order mark looks like when read as UTF-8, so the message
 *   suggests `'utf-16le'`.
 *
 * Linear in the length of the input.
 *
 * @param bytes - the file's bytes
 * @param options - `encoding`, `source` (the file name for messages)
 * @returns the text, the canonical name of the encoding used and whether there was a byte order mark
 * @throws DecodeInputError for invalid bytes or a NUL character
 * @throws RangeError for an unknown encoding label
 * @throws TypeError when `bytes` is not a `Uint8Array` or `ArrayBuffer`
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x53, 0x6a, 0xc3, 0xa6, 0x6c])); // { text: 'Sjæl', encoding: 'utf-8', bom: true }
 * decodeText(new Uint8Array([0x53, 0x6a, 0xe6, 0x6c]), { encoding: 'windows-1252' }); // { text: 'Sjæl', encoding: 'windows-1252', bom: false }
 * decodeText(new Uint8Array([0x53, 0x6a, 0xe6, 0x6c]));
 * // throws DecodeInputError: decodeText: input is not valid UTF-8: byte offset 2 (line 1) …; pass encoding: 'windows-1252' …
 * ```
 * @see https://encoding.spec.whatwg.org/ (the encoding labels and decoders)
 */
export function decodeText(bytes: Uint8Array | ArrayBuffer, options?: DecodeTextOptions): DecodeTextResult {
  if (options !== null && typeof options === 'object') {
    checkOptionKeys('decodeText', options, optionKeys<DecodeTextOptions>({ encoding: true, source: true }));
  }
  return decodeBytes('decodeText', bytes, options);
}

/** {@link decodeText} with the calling function's name for messages; `parseCsv` uses it. Internal. */
export function decodeBytes(fn: string, input: unknown, options?: DecodeTextOptions): DecodeTextResult {
  const bytes = asBytes(input);
  if (bytes === undefined) {
    throw new TypeError(`${fn}: bytes must be a Uint8Array or an ArrayBuffer (e.g. from readFileSync or await file.arrayBuffer()), got ${typeof input}`);
  }
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError(`${fn}: options must be an object, got ${options === null ? 'null' : typeof options}`);
  }
  const source = options?.source ?? 'input';
  if (typeof source !== 'string') {
    throw new TypeError(`${fn}: source must be a string (e.g. the file name), got ${typeof source}`);
  }
  const label = options?.encoding;
  if (label !== undefined && typeof label !== 'string') {
    throw new TypeError(`${fn}: encoding must be a string such as 'utf-8' or 'windows-1252', got ${typeof label}`);
  }

  let bomLength = 0;
  let chosen = label ?? 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bomLength = 3;
    chosen = 'utf-8';
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    bomLength = 2;
    chosen = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    bomLength = 2;
    chosen = 'utf-16be';
  }

  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(chosen, { fatal: true, ignoreBOM: true });
  } catch {
    throw new RangeError(
      `${fn}: unknown encoding ${JSON.stringify(chosen)}; pass a WHATWG encoding label such as 'utf-8', 'windows-1252', 'utf-16le' or 'utf-16be'`,
    );
  }
  const encoding = decoder.encoding;
  const fail = (issue: DecodeIssue): never => {
    throw new DecodeInputError(`${fn}: ${source} ${issue.message}`, [issue]);
  };
  const body = bomLength === 0 ? bytes : bytes.subarray(bomLength);
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  /** The NUL error for the byte at `offset`, on `line`. */
  const failNul = (offset: number, line: number): never =>
    fail({
      kind: 'nul',
      source,
      offset,
      line,
      message: utf16
        ? `holds a NUL character at byte offset ${offset} (line ${line}) after decoding as ${encoding}; NUL is never text: remove it, or pass the file's own encoding`
        : `holds a NUL byte at byte offset ${offset} (line ${line}) after decoding as ${encoding}; a file full of NULs is usually UTF-16 without a byte order mark: pass encoding: 'utf-16le' (or 'utf-16be'), or remove the NUL bytes`,
    });

  let text: string;
  try {
    text = encoding === 'windows-1252' ? decodeWindows1252(body) : decoder.decode(body);
  } catch {
    if (encoding === 'utf-8') {
      const offset = firstInvalidUtf8(bytes, bomLength);
      // UTF-16 without a BOM holds a NUL byte before its first non-ASCII character: say that first.
      const nul = bytes.indexOf(0, bomLength);
      if (nul !== -1 && nul < offset) return failNul(nul, lineAtByte(bytes, nul));
      const line = lineAtByte(bytes, offset);
      const asLatin = decodeWindows1252(bytes.subarray(offset, offset + 8));
      return fail({
        kind: 'encoding',
        source,
        offset,
        line,
        message:
          `is not valid UTF-8: byte offset ${offset} (line ${line}) starts no valid sequence (bytes there: ${hexBytes(bytes, offset, 8)}, ` +
          `which read as ${JSON.stringify(asLatin)} in windows-1252); pass encoding: 'windows-1252' (Excel's Danish exports) or the file's own encoding`,
      });
    }
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      const offset = firstInvalidUtf16(bytes, bomLength, encoding === 'utf-16le');
      const line = lineAtIndex(new TextDecoder(encoding).decode(bytes.subarray(bomLength, offset)), (offset - bomLength) >> 1);
      return fail({
        kind: 'encoding',
        source,
        offset,
        line,
        message:
          `is not valid ${encoding.toUpperCase()}: byte offset ${offset} (line ${line}) holds an unpaired surrogate or a lone last byte (bytes there: ${hexBytes(bytes, offset, 4)}); ` +
          `pass the file's own encoding`,
      });
    }
    return fail({
      kind: 'encoding',
      source,
      offset: Number.NaN,
      line: Number.NaN,
      message: `is not valid ${encoding}; pass the file's own encoding`,
    });
  }

  const nulAt = text.indexOf('\u0000');
  if (nulAt !== -1) {
    // Every encoding but UTF-16 is ASCII-compatible: U+0000 comes from a 0x00 byte and nothing else.
    return failNul(utf16 ? bomLength + 2 * nulAt : bytes.indexOf(0, bomLength), lineAtIndex(text, nulAt));
  }
  return { text, encoding, bom: bomLength > 0 };
}
