import { articlePath, outputFileOf } from '../routes.ts';
import type { ContentStats } from './build-content.ts';

/** What the content layer hands to the end-of-build report. */
export interface ContentSummary {
  readonly stats: ContentStats;
  /** Slugs of the articles that must each have one page, newest first (the site's order). */
  readonly slugs: readonly string[];
}

/** Page kind from its URL path, for the report: `berita/x/` → `berita`; `halaman/2/` → `beranda`. */
export function pageKind(pathname: string): string {
  const [first = '', second = ''] = pathname.replace(/^\/+/, '').split('/');
  if (first === '' || (first === 'halaman' && /^\d+$/.test(second))) return 'beranda';
  return first.replace(/\.html$/, '');
}

/** Counts written pages by kind, sorted by kind. */
export function countPages(pathnames: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const p of pathnames) counts.set(pageKind(p), (counts.get(pageKind(p)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Slugs whose article page file (`berita/<slug>/index.html`) is not among `existing` (the files written). */
export function missingArticlePages(slugs: readonly string[], exists: (file: string) => boolean): string[] {
  return slugs.filter((slug) => !exists(outputFileOf(articlePath(slug))));
}

/** The one-screen report printed at the end of a build. */
export function formatBuildReport(summary: ContentSummary, pages: readonly [string, number][]): string {
  const { stats } = summary;
  const total = pages.reduce((n, [, c]) => n + c, 0);
  return [
    `Articles: ${stats.found} found, ${stats.published} published, ${stats.drafts} draft, ${stats.scheduled} scheduled`,
    `Pages: ${total} written (${pages.map(([kind, n]) => `${kind} ${n}`).join(', ')})`,
    `"Baca juga" links resolved: ${stats.bacaJugaLinks}`,
    `"Berita Terkait" lists computed: ${stats.relatedLists}`,
    ...unlistedLine(stats.unlistedNames),
  ].join('\n');
}

/** How many names the report spells out before "and N more". */
const UNLISTED_SHOWN = 10;

/**
 * Names in bylines that have no person file: printed as text, not linked. The newsroom adds a file
 * per name in content/penulis/ to give them a page (issue #18); most-credited first.
 */
function unlistedLine(names: ContentStats['unlistedNames']): string[] {
  if (names.length === 0) return [];
  const shown = names.slice(0, UNLISTED_SHOWN).map((n) => `${n.name} (${n.stories})`);
  const more = names.length > UNLISTED_SHOWN ? `, and ${names.length - UNLISTED_SHOWN} more` : '';
  return [`Bylines without a person file in content/penulis/: ${shown.join(', ')}${more}`];
}
