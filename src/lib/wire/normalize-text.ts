import { ContentErrors, createError } from '../errors/index.ts';

/**
 * Decodes the bytes of a wire file as strict UTF-8 (a leading BOM is dropped).
 * Throws `Utf16File`, `BinaryFile` or `NotUtf8` naming `file` and the first bad byte's position.
 */
export function decodeWireBytes(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw createError(ContentErrors.Utf16File, {}, { file, line: 1, column: 1 });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw createError(ContentErrors.BinaryFile, {}, { file, ...bytePosition(bytes, nul) });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    throw createError(ContentErrors.NotUtf8, { byte: bytes[offset] ?? 0 }, { file, ...bytePosition(bytes, offset) });
  }
}

/**
 * Offset of the first byte that makes `bytes` invalid UTF-8. Found by bisection, because
 * a streaming decode of a prefix fails exactly when the prefix holds an invalid sequence.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const validPrefix = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  // Invariant: the prefix of length `low` is valid, the one of length `high` is not.
  let low = 0;
  let high = bytes.length + 1;
  if (!validPrefix(bytes.length)) {
    high = bytes.length;
    while (high - low > 1) {
      const middle = (low + high) >>> 1;
      if (validPrefix(middle)) low = middle;
      else high = middle;
    }
  }
  // Byte `high - 1` made the decoder fail. If it broke off a character begun just before it,
  // point at that character's first byte, which is what an editor shows as the bad spot.
  const failed = high - 1;
  for (let start = failed - 1; start >= 0 && start >= failed - 3; start -= 1) {
    const byte = bytes[start] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return start + length > failed ? start : failed;
  }
  return failed;
}

/** 1-based line and column (in characters) of byte `offset`; the bytes before it must be valid UTF-8. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    if (bytes[index] === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- a column counts code points, not grapheme clusters
  return { line, column: [...before.replace(/^\uFEFF/, '')].length + 1 };
}

// Spaces that look like a space but are not U+0020 (NBSP, narrow NBSP, figure, ideographic...).
const ODD_SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Invisible characters that only break matching: zero-width space, word joiner, stray BOM, soft hyphen.
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;
// Remaining C0/C1 control characters (line feed is kept): noise from old wire systems.
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's job
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/**
 * Normalises decoded wire text without changing its words: line endings become `\n`,
 * odd spaces and tabs become plain spaces, invisible and control characters are dropped,
 * runs of spaces collapse, lines are trimmed, and the text is put in Unicode NFC.
 * Typographic quotes and dashes are kept as written. Line count is preserved.
 */
export function normalizeWireText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(ODD_SPACES, ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROLS, '')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}
