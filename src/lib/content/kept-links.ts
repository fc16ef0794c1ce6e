import type { KeptBox } from '../once-per-object.ts';
import type { BacaJugaLink } from '../markdown/baca-juga.ts';
import { createLinkIndex, LinkTable, targetTitleKey, type ArticleTarget, type PublicationState } from './link-index.ts';
import type { ParsedArticle } from './parse-article.ts';
import type { SiteArticle } from './resolve-links.ts';

// Issue #20: the publish server resolves links for what a change reaches, not for the archive.
//
// Resolving every "Baca juga" item and `related:` slug of a 100,000-article archive took 1.6 to
// 1.8 s of every publish (with the link table's three maps built again), though a publish changes a
// story or two. An item's target depends only on what the link table holds at the key it is looked
// up by (a file's path, a slug, a headline's key), and on that target's slug, headline and
// publication state. So the server keeps the table and each article's resolved links with the keys
// they looked up, and a build changes the table only for the files that changed (the parse cache
// hands it the same parsed-article object for every unchanged file) and resolves again only the
// articles that are new, changed, or looked up a key whose target changed. A key is changed when a
// target at it comes or goes: a new, edited, deleted or re-headlined story, or one whose publication
// state moved (a draft published, a scheduled story whose time came). `tests/core/kept-links.test.ts`
// compares every kept resolution with a fresh one over random sequences of such changes.
//
// Only a build that succeeds leaves its state for the next: one that fails takes it and leaves
// nothing, and the next resolves everything again.

/** An article that may be linked, as resolveLinks decided its publication state this build. */
export interface LinkCandidate {
  readonly parsed: ParsedArticle;
  readonly state: PublicationState;
}

/** One article's resolved links, with what they were resolved from. */
export interface ResolvedLinks {
  /** Targets of each "Baca juga" block, in order. */
  readonly bacaJuga: readonly BacaJugaLink[][];
  /** Its `related:` slugs, checked and without repeats. */
  readonly pinned: readonly string[];
  /** The link table keys its items and slugs were looked up by ({@link lookupKey}). */
  readonly lookups: readonly string[];
  /** The site article the last build made of it, for the next build to take while its fields are the same. */
  made?: SiteArticle;
}

/** What the publish server keeps of link resolution from one build to the next. */
export interface LinkState {
  /** The option the targets' visibility was decided with; another value starts again. */
  readonly includeUnpublished: boolean;
  readonly table: LinkTable;
  /**
   * By parsed article, each article's target in the table, the number of the last build that had it,
   * and its resolved links once a build resolved them (visible articles only). Empty when nothing is
   * kept.
   */
  readonly targets: Map<ParsedArticle, KeptTarget>;
  /** Builds that used this state. */
  builds: number;
  /**
   * The site's articles newest first as the last build that used this state ordered them: the next
   * build's sort starts from it (`newestFirstFrom` in resolve-links.ts).
   */
  order?: readonly SiteArticle[] | undefined;
}

/** What {@link LinkState} keeps of one article. */
interface KeptTarget {
  target: ArticleTarget;
  seen: number;
  links?: ResolvedLinks;
}

/** The link table for this build's candidates, and which of its keys changed since the kept state's build. */
export interface LinkTableUpdate {
  /** The state this build uses: the kept one updated, or a new one. */
  readonly state: LinkState;
  /**
   * The keys ({@link lookupKey}) whose targets changed since the last build; undefined when nothing was
   * kept, and every article must be resolved.
   */
  readonly changed: ReadonlySet<string> | undefined;
}

/**
 * Takes the state `keep` holds (leaving it empty: see {@link keepLinkState}) and brings its table in
 * line with `candidates`; makes a new state when nothing was kept or the kept one was made with
 * another `includeUnpublished`.
 */
export function linkTable(
  candidates: readonly LinkCandidate[],
  includeUnpublished: boolean,
  titleKeyOf: (article: ParsedArticle) => string,
  keep: KeptBox<LinkState> | undefined,
): LinkTableUpdate {
  const kept = keep?.value;
  if (keep) keep.value = undefined;
  const targetOf = (c: LinkCandidate): ArticleTarget => ({
    slug: c.parsed.slug,
    title: c.parsed.frontMatter.title,
    path: c.parsed.source.path,
    displayPath: c.parsed.source.displayPath,
    state: c.state,
    titleKey: titleKeyOf(c.parsed),
  });
  if (kept?.includeUnpublished !== includeUnpublished) {
    const targets = candidates.map(targetOf);
    const state: LinkState = {
      includeUnpublished,
      table: createLinkIndex(targets),
      // Only a state that is kept needs to know its targets by article.
      targets: new Map(
        keep
          ? candidates.map((c, i): [ParsedArticle, KeptTarget] => [
              c.parsed,
              { target: targets[i] as ArticleTarget, seen: 1 },
            ])
          : [],
      ),
      builds: 1,
    };
    return { state, changed: undefined };
  }

  const build = ++kept.builds;
  const changed = new Set<string>();
  const touch = (target: ArticleTarget): void => {
    changed.add(lookupKey('path', target.path));
    changed.add(lookupKey('slug', target.slug));
    changed.add(lookupKey('title', targetTitleKey(target)));
  };
  // Removals first, then additions: an edited file's new target takes its path and slug only once
  // the old one has let go of them.
  const added: LinkCandidate[] = [];
  let seen = 0;
  for (const candidate of candidates) {
    const entry = kept.targets.get(candidate.parsed);
    if (entry === undefined) {
      added.push(candidate);
      continue;
    }
    entry.seen = build;
    seen += 1;
    // A story whose publication state moved: its new target, added below, changes its keys.
    if (entry.target.state !== candidate.state) {
      kept.table.remove(entry.target);
      added.push(candidate);
    }
  }
  // Files deleted or changed (a changed file is a new parsed article): their targets were not seen.
  if (seen < kept.targets.size)
    for (const [parsed, entry] of kept.targets)
      if (entry.seen !== build) {
        kept.table.remove(entry.target);
        touch(entry.target);
        kept.targets.delete(parsed);
      }
  for (const candidate of added) {
    const target = targetOf(candidate);
    kept.table.add(target);
    touch(target);
    kept.targets.set(candidate.parsed, { target, seen: build });
  }
  return { state: kept, changed };
}

/**
 * The last resolution in this module's copy, for the build log: whether it started from a kept
 * state, and how many articles' links it resolved.
 */
export const lastResolution = { kept: false, resolved: 0 };

/** Leaves `state` for the next build: call it only once the build's links all resolved. */
export function keepLinkState(keep: KeptBox<LinkState> | undefined, state: LinkState): void {
  if (keep) keep.value = state;
}

/**
 * The kept resolution of `article`'s links, unless it must be resolved again: nothing kept, or one of
 * the keys it looked up changed.
 */
export function keptLinks(update: LinkTableUpdate, article: ParsedArticle): ResolvedLinks | undefined {
  const { changed } = update;
  if (changed === undefined) return undefined;
  const links = update.state.targets.get(article)?.links;
  if (links === undefined) return undefined;
  for (const key of links.lookups) if (changed.has(key)) return undefined;
  return links;
}

/** Keeps `links`, resolved this build, for the next (when the state is kept at all). */
export function keepLinks(update: LinkTableUpdate, article: ParsedArticle, links: ResolvedLinks): void {
  const entry = update.state.targets.get(article);
  if (entry) entry.links = links;
}

/** The key a lookup in the link table is remembered by: its kind and what was looked up. */
export function lookupKey(kind: 'path' | 'slug' | 'title', key: string): string {
  return `${kind[0] ?? ''}:${key}`;
}
