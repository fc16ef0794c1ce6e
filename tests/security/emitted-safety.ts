/**
 * Checks on the files a build emits, for the fuzz suite (issue #16): that HTML, XML and JSON-LD
 * parse, and that no file carries a live script, event handler or dangerous URL.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { HTMLElement, parse } from 'node-html-parser';
import { DEFAULT_EMBED_HOSTS } from '../../src/lib/markdown/sanitize-schema.ts';
import { latestFragmentPath } from '../../src/lib/routes.ts';
import { findUnsafeMarkup } from '../helpers/unsafe-html.ts';

const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data):/i;
/** Attributes whose value a browser follows or loads as a URL. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'cite',
  'ping',
  'manifest',
  'icon',
]);
/** `<meta>` properties whose content crawlers and share previews fetch or link. */
const URL_META =
  /^(?:og:(?:url|image|image:url|image:secure_url|video|audio)|twitter:(?:image|url|player)|article:author|msapplication-\w+)$/i;
/** JSON-LD keys whose values are URLs. */
const URL_KEYS = new Set([
  'url',
  '@id',
  'image',
  'logo',
  'sameAs',
  'contentUrl',
  'thumbnailUrl',
  'embedUrl',
  'mainEntityOfPage',
  'item',
  'target',
]);

/** Browsers drop whitespace and control characters in a URL scheme, and decode character references in attributes. */
export function isDangerousUrl(value: string): boolean {
  const decoded = value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Math.min(parseInt(dec, 10), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');
  // eslint-disable-next-line no-control-regex
  return DANGEROUS_SCHEME.test(decoded.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));
}

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Raw control characters (other than tab, line feed, carriage return) in an emitted text file. */
export function findRawControls(file: string, text: string, pattern: RegExp = RAW_CONTROL): string[] {
  const m = pattern.exec(text);
  if (!m) return [];
  const at = m.index;
  return [
    `${file}: raw U+${m[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} at offset ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 20))}`,
  ];
}

/** Numeric character references to characters XML 1.0 forbids (e.g. `&#x1;`, `&#xFFFF;`). */
function illegalXmlCharRefs(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) {
    const ref = m[1] ?? '';
    const code = ref.startsWith('x') || ref.startsWith('X') ? parseInt(ref.slice(1), 16) : parseInt(ref, 10);
    const legal =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!legal) found.push(`${file}: character reference ${m[0]} is not an XML character`);
  }
  return found;
}

/** Every string value under a URL-valued key of a JSON-LD document that is a dangerous URL. */
function dangerousJsonUrls(value: unknown, where: string, key = ''): string[] {
  if (typeof value === 'string')
    return URL_KEYS.has(key) && isDangerousUrl(value) ? [`${where}: JSON-LD ${key}=${JSON.stringify(value)}`] : [];
  if (Array.isArray(value)) return value.flatMap((v) => dangerousJsonUrls(v, where, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => dangerousJsonUrls(v, where, k));
  return [];
}

/** JSON-LD blocks that do not parse, and URLs in them that are dangerous. */
export function checkJsonLd(file: string, root: HTMLElement): string[] {
  const problems: string[] = [];
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.rawText;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      problems.push(`${file}: JSON-LD does not parse (${String(error)}): ${JSON.stringify(text.slice(0, 120))}`);
      continue;
    }
    problems.push(...dangerousJsonUrls(data, file));
    // Inside <script>, "</script" or "<!--" would end or confuse the block in a browser even if JSON.parse accepts the text.
    if (/<\/script|<!--/i.test(text)) problems.push(`${file}: JSON-LD text holds "</script" or "<!--"`);
  }
  return problems;
}

/**
 * Live script, handlers and dangerous URLs anywhere in a whole page: only JSON-LD and same-origin
 * external scripts may appear, no element has an `on*` attribute, no URL attribute or URL-valued
 * `<meta>` has a dangerous scheme, no `<base>` or meta refresh, iframes only from embed hosts and the
 * site's own "Terkini" fragment; and
 * inside `<article>`, the body allowlist of {@link findUnsafeMarkup}.
 */
export function findUnsafeInPage(file: string, html: string): string[] {
  const root = parse(html, { comment: false });
  const found: string[] = [];
  const visit = (el: HTMLElement): void => {
    // The root node of node-html-parser has no tag name, whatever its type says.
    const tag = (el.tagName as string | null | undefined)?.toLowerCase();
    if (tag) {
      const attrs = el.attributes;
      if (tag === 'script') {
        const type = (attrs['type'] ?? '').toLowerCase();
        const src = attrs['src'];
        if (type === 'application/ld+json') {
          // checked by checkJsonLd
        } else if (src === undefined || !src.startsWith('/') || src.startsWith('//') || el.rawText.trim() !== '') {
          found.push(
            `${file}: <script${type ? ` type=${type}` : ''}${src === undefined ? '' : ` src=${src}`}> ${JSON.stringify(el.rawText.slice(0, 80))}`,
          );
        }
      }
      if (tag === 'base') found.push(`${file}: <base>`);
      if (tag === 'meta' && (attrs['http-equiv'] ?? '').toLowerCase() === 'refresh')
        found.push(`${file}: <meta http-equiv=refresh>`);
      if (
        tag === 'meta' &&
        URL_META.test(attrs['property'] ?? attrs['name'] ?? '') &&
        isDangerousUrl(attrs['content'] ?? '')
      ) {
        found.push(`${file}: <meta ${attrs['property'] ?? attrs['name'] ?? ''} content=${attrs['content'] ?? ''}>`);
      }
      for (const [name, value] of Object.entries(attrs)) {
        const attr = name.toLowerCase();
        if (attr.startsWith('on')) found.push(`${file}: ${tag}[${attr}]`);
        if (attr === 'srcdoc') found.push(`${file}: ${tag}[srcdoc]`);
        if (URL_ATTRIBUTES.has(attr) && isDangerousUrl(value))
          found.push(`${file}: ${tag}[${attr}=${JSON.stringify(value)}]`);
        if (attr === 'srcset' && value.split(',').some((part) => isDangerousUrl(part.trim())))
          found.push(`${file}: ${tag}[srcset=${JSON.stringify(value)}]`);
      }
      if (tag === 'iframe') {
        let host: string;
        try {
          host = new URL(attrs['src'] ?? '').hostname;
        } catch {
          host = '';
        }
        // The one same-site frame: the "Terkini" fragment every article page shows (issue #18).
        if (!DEFAULT_EMBED_HOSTS.includes(host) && attrs['src'] !== latestFragmentPath())
          found.push(`${file}: iframe from ${JSON.stringify(attrs['src'] ?? '')}`);
      }
    }
    for (const child of el.childNodes) if (child instanceof HTMLElement) visit(child);
  };
  visit(root);
  for (const article of root.querySelectorAll('article'))
    found.push(...findUnsafeMarkup(article.toString(), DEFAULT_EMBED_HOSTS).map((p) => `${file}: in <article>: ${p}`));
  found.push(...checkJsonLd(file, root));
  return found;
}

/** html-validate limited to what makes a document malformed or unsafe, not to style. */
const wellFormed = new HtmlValidate({
  rules: {
    'attr-delimiter': 'error',
    'attr-spacing': 'error',
    'close-attr': 'error',
    'close-order': 'error',
    'element-name': 'error',
    'element-permitted-content': 'error',
    'element-permitted-occurrences': 'error',
    'element-permitted-parent': 'error',
    'meta-refresh': 'error',
    'missing-doctype': 'error',
    'no-dup-attr': 'error',
    'no-dup-id': 'error',
    'no-raw-characters': 'error',
    'unrecognized-char-ref': 'error',
    'void-content': 'error',
  },
});

/** Parse and structure errors of an HTML document. */
export async function htmlParseProblems(file: string, html: string): Promise<string[]> {
  const report = await wellFormed.validateString(html, file);
  const problems = report.results.flatMap((r) =>
    r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
  );
  return [...problems, ...findRawControls(file, html)];
}

/** XML elements whose text is HTML (after one level of XML decoding). */
const HTML_ELEMENTS = new Set(['description', 'encoded', 'summary', 'content']);

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: true,
  htmlEntities: false,
});

/** Every string in a parsed XML tree, with the name of the element or attribute it belongs to. */
function xmlStrings(value: unknown, key: string, out: [string, string][]): void {
  if (typeof value === 'string') out.push([key, value]);
  else if (Array.isArray(value)) for (const v of value) xmlStrings(v, key, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) xmlStrings(v, k, out);
}

/**
 * An XML file (RSS, sitemap): strict well-formedness, only XML 1.0 characters, no dangerous URL in
 * a link, guid, loc or url, and no unsafe markup in the elements whose text is HTML (description,
 * content:encoded).
 */
export function xmlProblems(file: string, xml: string): string[] {
  const problems: string[] = [];
  // fast-xml-parser's own validator: fast-xml-validator, which the deprecation points to, is not a dependency.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) problems.push(`${file}:${valid.err.line}:${valid.err.col} ${valid.err.code} ${valid.err.msg}`);
  problems.push(...findRawControls(file, xml, XML_ILLEGAL), ...illegalXmlCharRefs(file, xml));
  if (valid !== true) return problems;
  const strings: [string, string][] = [];
  xmlStrings(xmlParser.parse(xml), '', strings);
  for (const [key, value] of strings) {
    const name = key.replace(/^@/, '').replace(/^.*:/, '');
    if (
      ['link', 'guid', 'loc', 'url', 'href', 'comments', 'docs', 'source'].includes(name) &&
      isDangerousUrl(value.trim())
    )
      problems.push(`${file}: <${key}> ${JSON.stringify(value)}`);
    // RSS 2.0 defines <description> (and content:encoded) as HTML: readers render what the XML text decodes to.
    // Titles, categories and creators are plain text, which readers may show with any characters.
    if (HTML_ELEMENTS.has(name) && /<[a-z!/]/i.test(value))
      problems.push(...findUnsafeMarkup(value, DEFAULT_EMBED_HOSTS).map((p) => `${file}: in <${key}> HTML: ${p}`));
  }
  return problems;
}
