/**
 * Escapes one line of wire text so that CommonMark + GFM (the site's remark-gfm pipeline)
 * renders it as exactly that text. Only characters that could start Markdown syntax are
 * escaped; ordinary punctuation (quotes, commas, dashes, brackets that close, colons) is left
 * alone so the Markdown source stays readable.
 */
export function escapeMarkdownText(text: string): string {
  let escaped = '';
  let last = 0;
  for (const match of text.matchAll(URL_LITERAL)) {
    const end = match.index + match[0].length;
    // An escaped "<" right after the URL would put its backslash inside the link.
    const touchesTag = /^<(?=[\p{L}/!?])/u.test(text.slice(end));
    // "<" just before it would make "<http://...>" an autolink.
    escaped += escapeInline(text.slice(last, match.index)).replace(/<$/, '\\<') + escapeUrl(match[0], touchesTag);
    last = end;
  }
  return escapeBlockStart(escaped + escapeInline(text.slice(last)));
}

// What GFM turns into a link by itself ("www.bps.go.id", "https://bps.go.id/x"): it runs to
// whitespace or "<", and backslash escapes inside it are not read as escapes.
const URL_LITERAL = /(?:https?:\/\/|www\.)[^\s<]*/giu;

/**
 * A URL without Markdown specials is left as it is (GFM links it, text unchanged). One with
 * specials is escaped and kept from being linked (`http\://`, `www\.`), since escapes inside
 * a GFM link would show.
 */
function escapeUrl(url: string, forceUnlink: boolean): string {
  const inline = escapeInline(url);
  if (inline === url && !forceUnlink) return url;
  // Every place a link could start inside it is broken, "www.http://..." included.
  return inline.replace(/(https?):(?=\/\/)|(www)\./giu, (_, scheme: string | undefined, www: string | undefined) =>
    scheme !== undefined ? `${scheme}\\:` : `${www ?? ''}\\.`,
  );
}

function escapeInline(text: string): string {
  return (
    text
      // Backslash first, so the escapes added below are not doubled. It only escapes ASCII
      // punctuation (and makes a hard break at the end of a line); "C:\\data" stays as it is.
      .replace(/\\(?=[!-/:-@[-`{-~]|$)/g, '\\\\')
      // Emphasis, code spans, strikethrough (GFM also reads a single ~), links and images.
      .replace(/[*_`~[]/g, '\\$&')
      // Raw HTML and autolinks: "<" only matters before a tag-like character.
      .replace(/<(?=[\p{L}/!?])/gu, '\\<')
      // Character references such as "&amp;" or "&#169;" would be decoded.
      .replace(/&(?=#?[\p{L}\p{N}]+;)/gu, '\\&')
  );
}

/**
 * Escapes what only has meaning at the start of a block: headings, block quotes, list
 * markers, thematic breaks, fences and HTML blocks. Runs after inline escaping, so `*`, `_`,
 * `` ` ``, `~` and `<` are already safe here.
 */
function escapeBlockStart(line: string): string {
  return (
    line
      // ATX heading "# ..." (not "#tagar"), block quote "> ...", bullet list "- ", "+ ",
      // and dashes only ("---", "- -"), a thematic break here or after a "- " list marker.
      .replace(/^(#(?=#{0,5}(?:\s|$))|>|[-+](?=\s|$)|-(?=[ -]*$))/, '\\$1')
      // "=" or "-" alone would only be a setext underline after a paragraph line, never here.
      // Ordered list "2024. Tahun ..." or "1) ...".
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
  );
}

/** Escapes text used as a link label: as {@link escapeMarkdownText}, and "]" closes the label. */
export function escapeLinkLabel(text: string): string {
  return escapeMarkdownText(text).replace(/]/g, '\\]');
}
