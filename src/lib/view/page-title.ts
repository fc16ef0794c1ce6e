/**
 * The `<title>` of a page: the whole headline, then ` - ` and the site's name, as Indonesian portals
 * write it ("Judul Berita - Kompas.com"). Nothing is cut: a search engine or a browser tab shortens
 * a long title itself, and a title cut here would lose words a reader searched for (issue #18). The
 * front page, which has no headline, says what the site is: `Warta - Berita terkini dari …`.
 */
export function pageTitle(
  title: string | undefined,
  site: { readonly name: string; readonly tagline: string },
): string {
  return `${title ?? site.tagline} - ${site.name}`;
}
