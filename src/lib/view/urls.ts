/** Absolute URL of a site path (or an already absolute URL) on the site at `siteUrl`. */
export function absoluteUrl(pathOrUrl: string, siteUrl: string): string {
  return new URL(pathOrUrl, siteUrl).href;
}

/** Open Graph locale from a BCP 47 one: `id-ID` → `id_ID`. */
export function ogLocale(locale: string): string {
  return locale.replace('-', '_');
}

/** ISO 639 language of a BCP 47 locale, as RSS and Google News want it: `id-ID` → `id`. */
export function languageCode(locale: string): string {
  return locale.split('-')[0] ?? locale;
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}
