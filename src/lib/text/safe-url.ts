/** Result of {@link checkPublicUrl}: the URL as it will be emitted, or why it cannot be. */
export type UrlCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

// Any white space or control character: browsers strip some of them from URLs (`java\tscript:`),
// and `https://foto warta.example/x.jpg` cannot be parsed at all.
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's job
export const BLANK_OR_CONTROL = /[\s\u0000-\u001F\u007F-\u009F]/;
const BASE = 'https://warta.invalid/';

/**
 * The one check every URL-valued front matter field goes through (issue #16, class 2). Only two
 * kinds of URL are let through, so nothing else can reach `<img src>`, `og:image`, JSON-LD, feeds
 * or the search index: an absolute `http:`/`https:` URL with a host, and a site path that starts
 * with a single `/`. Everything else is refused with a reason: `javascript:`, `data:` and
 * `vbscript:` in any spelling, protocol-relative `//host` URLs, relative paths, backslashes and
 * text that the WHATWG URL parser cannot read.
 */
export function checkPublicUrl(value: string): UrlCheck {
  if (value === '') return { ok: false, reason: 'is empty' };
  if (BLANK_OR_CONTROL.test(value))
    return { ok: false, reason: 'contains a space or a control character (write spaces as %20)' };
  if (value.includes('\\')) return { ok: false, reason: 'contains a backslash' };
  if (value.startsWith('/')) {
    if (value.startsWith('//'))
      return { ok: false, reason: 'starts with // (a link to another host without http: or https:)' };
    return parses(value, BASE) ? { ok: true, url: value } : { ok: false, reason: 'is not a valid site path' };
  }
  const scheme = urlScheme(value);
  if (scheme === undefined) return { ok: false, reason: 'is neither an http(s) URL nor a site path starting with /' };
  if (scheme !== 'http' && scheme !== 'https')
    return { ok: false, reason: `uses the "${scheme}:" scheme; only http: and https: are allowed` };
  const parsed = parseHostUrl(value);
  return parsed.ok ? { ok: true, url: value } : parsed;
}

/** The scheme of `value` in lowercase (`https`), or undefined when it has none. */
export function urlScheme(value: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
}

/** `value` parsed as an absolute URL with a host, or why it is not one. */
export function parseHostUrl(value: string): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'is not a valid URL' };
  }
  return url.hostname === '' ? { ok: false, reason: 'has no host name' } : { ok: true, url };
}

function parses(value: string, base: string): boolean {
  try {
    new URL(value, base);
    return true;
  } catch {
    return false;
  }
}
