/**
 * The text-cleaning step at Warta's input boundary (issue #16, class 6): every article file's text,
 * and every string its front matter's YAML yields (YAML escapes such as "\v" or "\ud83d" can make
 * characters the file itself does not hold), pass through {@link cleanText} before anything reads
 * them, so no later step meets a character that XML forbids or a name in two Unicode spellings.
 */

// C0 controls but tab, line feed and carriage return; DEL and the C1 controls; the noncharacters
// U+FFFE and U+FFFF. XML 1.0 forbids the C0 controls and U+FFFE/U+FFFF outright (RSS and sitemaps
// then fail to parse), and discourages DEL and C1. U+000B comes from a word processor's Shift+Enter.
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's job
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` in Unicode normalization form C (so NFC and NFD spellings of "Café" are one name), with
 * each forbidden control character replaced by a space (a space keeps every line and column of the
 * file where it was) and each lone surrogate, which no encoder can write, by U+FFFD.
 */
export function cleanText(text: string): string {
  return text.replace(FORBIDDEN, ' ').replace(LONE_SURROGATE, '\uFFFD').normalize('NFC');
}

/** `value` with {@link cleanText} applied to every string in it, keys included, at any depth. */
export function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanValue);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [cleanText(key), cleanValue(item)]));
  }
  return value;
}
