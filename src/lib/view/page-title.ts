import { trimEndMatching } from '../text/trim.ts';

/** Longest `<title>` in characters: search results and browser tabs cut longer ones (html-validate's limit too). */
export const MAX_TITLE_LENGTH = 70;

/**
 * The `<title>` of a page: `Judul | Warta`, or the site's own title when there is none. A headline
 * too long for that is cut on a word boundary with an ellipsis and the site name dropped; the
 * page's h1 and og:title keep it whole.
 */
export function pageTitle(title: string | undefined, siteName: string, maxLength = MAX_TITLE_LENGTH): string {
  if (!title) return `${siteName}: Berita Terkini`;
  const withSite = `${title} | ${siteName}`;
  if (withSite.length <= maxLength) return withSite;
  if (title.length <= maxLength) return title;
  const cut = title.slice(0, maxLength - 1);
  const boundary = cut.lastIndexOf(' ');
  return `${trimEndMatching(boundary > maxLength / 2 ? cut.slice(0, boundary) : cut, /[\s,.:;–-]/)}…`;
}
