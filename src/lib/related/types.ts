// Public shapes of the related-articles module, kept apart so every file can
// import them without pulling in the index.

/** What the related index needs to know about one published article. */
export interface RelatedDocument {
  /** Unique article slug; results refer to articles by it. */
  readonly slug: string;
  readonly title: string;
  /** Summary or lead paragraph, plain text. */
  readonly summary: string;
  /** Article body as plain text (markup stripped by the caller). */
  readonly body: string;
  /**
   * A digest that changes whenever `body` does, when the caller has one: the kept terms (term-cache.ts)
   * are then keyed by it, and `body` is read only when its terms must be counted. Optional.
   */
  readonly bodyDigest?: string | undefined;
  /** Tags as written; compared case- and diacritic-insensitively. */
  readonly tags: readonly string[];
  /** Category label as written; compared case- and diacritic-insensitively. */
  readonly category: string;
  /** Publication time. */
  readonly date: Date;
}

/** One related article, as found by a search. */
export interface RelatedMatch {
  readonly slug: string;
  /**
   * Weighted sum of all the signals (text, tags, category, recency); orders the list. Higher is more
   * related, comparable within one index only.
   */
  readonly score: number;
}

/** Per-search options. */
export interface RelatedSearchOptions {
  /** Slugs never to return, e.g. the article's own "Baca juga" targets and pinned links. */
  readonly exclude?: ReadonlySet<string> | undefined;
  /** Most matches to return (count; default: the config's `limit`). */
  readonly limit?: number | undefined;
}

/** One search of {@link RelatedIndex.searchMany}. */
export interface RelatedSearchRequest {
  readonly slug: string;
  /** Slugs never to return (see RelatedSearchOptions). */
  readonly exclude?: ReadonlySet<string> | undefined;
}

/** Size figures of a finalized index, for logs and tests. */
export interface RelatedIndexStats {
  /** Articles indexed. */
  readonly documents: number;
  /** Distinct terms seen, stopwords excluded. */
  readonly terms: number;
  /** Terms whose posting list was cut to `maxPostingsPerTerm`. */
  readonly cappedTerms: number;
  /** Distinct folded tags seen. */
  readonly tags: number;
  /** Tags on more than `maxPostingsPerTag` articles, which only score and no longer propose candidates. */
  readonly droppedTags: number;
  /** Total postings (term and tag) kept for candidate generation. */
  readonly postings: number;
  /** Articles whose terms came from the previous build's term cache instead of being counted. */
  readonly termsKept: number;
}

/** A related-articles index: add every article, finalize once, then search. */
export interface RelatedIndex {
  /** Adds one article; throws on a duplicate slug, an invalid date, or after finalize. */
  add(doc: RelatedDocument): void;
  /** Computes weights and posting lists; call once after the last add. */
  finalize(): void;
  /**
   * Best related articles for `slug`, best first by score, at most `limit`, among those whose topical
   * similarity (text and tags, before the category and recency boosts) reaches the config's
   * `minSimilarity` (so possibly fewer, even none); never `slug` itself nor any excluded slug.
   */
  search(slug: string, options?: RelatedSearchOptions): RelatedMatch[];
  /**
   * What `search` gives for each request, in their order, with the same `limit` for all (default:
   * the config's); on worker threads too when the index was made with `parallel` options.
   */
  searchMany(requests: readonly RelatedSearchRequest[], limit?: number): RelatedMatch[][];
  /** Whether `slug` was added. */
  has(slug: string): boolean;
  /** Size figures; only after finalize. */
  stats(): RelatedIndexStats;
}
