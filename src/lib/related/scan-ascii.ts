// Byte-level twin of forEachToken's ASCII path, for the index's hot loop: it
// lowercases and hashes simple words in a reused byte buffer and resolves them
// through the Vocabulary, so no string is created per token. Compounds are
// rare and go through the shared string logic. tests/related check that both
// paths yield the same tokens.
import type { TokenVisitor } from './tokenize.ts';
import { visitCompound } from './tokenize.ts';
import type { Vocabulary } from './vocabulary.ts';
import { FNV_OFFSET, FNV_PRIME } from './vocabulary.ts';

/** Receives vocabulary codes (term id + 1, never 0). */
export type CodeVisitor = (code: number) => void;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// Shared across calls, so scanAsciiTokens is not re-entrant (visitors must not call it).
let buffer = new Uint8Array(1 << 16);

function isWordByte(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/**
 * Tokenises pure-ASCII `text` exactly as forEachToken would: simple words go to `visitCode` as
 * vocabulary codes (stopwords dropped), compounds to `visitToken` as strings. Returns false and
 * does nothing when `text` is not pure ASCII.
 */
export function scanAsciiTokens(
  text: string,
  minLength: number,
  vocabulary: Vocabulary,
  visitCode: CodeVisitor,
  visitToken: TokenVisitor,
): boolean {
  if (buffer.length < text.length) buffer = new Uint8Array(Math.max(text.length, buffer.length * 2));
  // With a buffer of text.length bytes, everything fits only if every char is one byte.
  const { read, written } = encoder.encodeInto(text, buffer.subarray(0, text.length));
  if (read !== text.length || written !== text.length) return false;
  const bytes = buffer;
  const end = written;
  let i = 0;
  while (i < end) {
    let code = bytes[i] ?? 0;
    if (!isWordByte(code)) {
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    let joined = false;
    let hasLetter = false;
    for (;;) {
      while (isWordByte(code)) {
        // | 0x20 lowercases A-Z and leaves digits as they are.
        code |= 0x20;
        bytes[i] = code;
        if (code >= 97) hasLetter = true;
        hash = Math.imul(hash ^ code, FNV_PRIME);
        code = ++i < end ? (bytes[i] ?? 0) : 0;
      }
      if ((code === 45 || code === 39) && i + 1 < end && isWordByte(bytes[i + 1] ?? 0)) {
        joined = true;
        code = bytes[++i] ?? 0;
        continue;
      }
      break;
    }
    if (joined) visitCompound(decoder.decode(bytes.subarray(start, i)), minLength, visitToken);
    else if (hasLetter && i - start >= minLength) {
      const termCode = vocabulary.codeOfBytes(bytes, start, i, hash);
      if (termCode !== 0) visitCode(termCode);
    }
  }
  return true;
}
