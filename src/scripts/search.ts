/**
 * The search page's script (/cari/ only): searches the Pagefind index in the browser as the reader
 * types, keeps the query in the URL (?q=, ?kategori=, ?urut=) and prints results as a list of
 * articles. Builds every node with the DOM API; nothing from the index is parsed as HTML.
 */
import {
  SEARCH_BUNDLE_DIR,
  SEARCH_SCRIPT,
  SEARCH_FILTERS,
  SHARD_MANIFEST,
  VOCABULARY_FILE,
  type ShardManifest,
} from '../lib/search/fields.ts';
import {
  openStagedShards,
  type CreateInstance,
  type PagefindApi,
  type StagedShards,
} from '../lib/search/sharded-search.ts';
import { parseVocabulary, suggestQuery, type Vocabulary } from '../lib/search/suggest.ts';
import { INDEX_PRELOAD_ATTRIBUTE, indexFileUrl } from '../lib/search/page-preloads.ts';
import {
  EMPTY_QUERY_TEXT,
  FEW_RESULTS,
  LOAD_ERROR_TEXT,
  RESULTS_PAGE_SIZE,
  SEARCHING_TEXT,
  SUGGESTION_LEAD,
  categoryOptionText,
  excerptCuts,
  excerptParts,
  moreButtonText,
  notFoundHint,
  notFoundText,
  pagefindOptions,
  readSearchState,
  resultCountText,
  scopeText,
  searchStateUrl,
  type SearchState,
} from '../lib/search/results-view.ts';

interface PagefindResultData {
  readonly url: string;
  readonly excerpt: string;
  readonly content: string;
  readonly meta: Record<string, string | undefined>;
}
type Pagefind = PagefindApi<PagefindResultData>;
type PagefindResponse = NonNullable<Awaited<ReturnType<Pagefind['search']>>>;
type PagefindResult = PagefindResponse['results'][number];

/** How long typing must pause before a search runs. */
const TYPING_PAUSE_MS = 150;
/**
 * How long typing must pause before a word the newest stories give less than a page of results for
 * is searched in the whole archive. While a word is typed its first letters often find little among
 * the newest stories; widening at each of them read every shard, about 6 MB and a minute and a half
 * on a throttled phone at 100,000 articles (`npm run bench:search -- <dist> pemerintah --typed`).
 */
const ARCHIVE_PAUSE_MS = 1000;
const BUNDLE_URL = `/${SEARCH_BUNDLE_DIR}/`;

/** The part of Pagefind's module the page uses. */
interface PagefindModule {
  createInstance: CreateInstance<PagefindResultData>;
}

/** The index as the page searches it: the newest shards first, the whole archive on demand. */
interface SearchIndex {
  readonly shards: StagedShards<PagefindResultData>;
  /** WIB date of the oldest story in the newest shards, when they are not the whole archive. */
  readonly since: string | undefined;
}

/** Fetches the shard manifest. */
async function requestManifest(): Promise<ShardManifest> {
  const response = await fetch(`${BUNDLE_URL}${SHARD_MANIFEST}`);
  if (!response.ok) throw new Error(`${SHARD_MANIFEST}: HTTP ${response.status}`);
  return (await response.json()) as ShardManifest;
}

/**
 * `request`, started now when `now` is true: the first call takes that answer, later calls (a retry
 * after a failure) ask again.
 */
function askedEarly<T>(request: () => Promise<T>, now: boolean): () => Promise<T> {
  let early = now ? request() : undefined;
  // Read by the first call, which reports a failure; this only keeps it from being reported as unhandled first.
  early?.catch(() => undefined);
  return () => {
    const answer = early ?? request();
    early = undefined;
    return answer;
  };
}

/**
 * The shard manifest, asked for as soon as the script runs: the page's head preloads it (it is the
 * first link of the chain to the index), and a preload the page does not use is a warning.
 */
const shardManifest = askedEarly(requestManifest, true);

/**
 * Asks for the files the newest shards read before their first search all at once: Pagefind
 * fetches them one after another (entry, then metadata and WebAssembly, then filters, then the next
 * shard), which on a slow network is a round trip each. The instances run on this page's thread
 * (sharded-search.ts), so their requests use what the page preloaded.
 */
function preload(files: readonly string[]): void {
  // The build lists them in the page's head (page-preloads.ts), where the browser asks for them
  // sooner; what it does not list (a page cached from an older build) is asked for here.
  const listed = new Set(
    [...document.head.querySelectorAll<HTMLLinkElement>(`link[rel="preload"][${INDEX_PRELOAD_ATTRIBUTE}]`)].map(
      (link) => link.getAttribute('href'),
    ),
  );
  for (const file of files) {
    if (listed.has(indexFileUrl(file))) continue;
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    // Pagefind's fetch() is a CORS-mode request; a preload matches it only in the same mode.
    link.crossOrigin = 'anonymous';
    link.href = indexFileUrl(file);
    document.head.append(link);
  }
}

const SCRIPT_URL = `${BUNDLE_URL}${SEARCH_SCRIPT}`;

/**
 * Pagefind's script, one copy for every shard. The page's head asks for it (modulepreload) when the
 * site has articles, so it comes beside this script instead of after the manifest; importing it
 * here from the start uses that answer. A site without articles has no index and no script.
 */
const pagefindScript = askedEarly(
  () => import(/* @vite-ignore */ SCRIPT_URL) as Promise<PagefindModule>,
  document.querySelector(`link[rel="modulepreload"][href="${SCRIPT_URL}"]`) !== null,
);

/** Opens the newest shards of the index (the manifest is written with it) as one Pagefind. */
async function loadShards(): Promise<SearchIndex> {
  const manifest = await shardManifest();
  // The shards' files the first search reads, all at once; Pagefind's script is already on its way.
  preload(manifest.preload);
  // (A site without articles has no shard, and nothing to create an instance of.)
  const createInstance: CreateInstance<PagefindResultData> =
    manifest.shards.length === 0
      ? () => {
          throw new Error('The search index has no shards.');
        }
      : (await pagefindScript()).createInstance;
  const shards = await openStagedShards(
    createInstance,
    manifest.shards.map((name, i) => ({ basePath: `${BUNDLE_URL}${name}/`, metaCacheTag: manifest.tags[i] })),
    manifest.recent,
  );
  return { shards, since: shards.complete ? undefined : manifest.since };
}

/** What the page does to an index before searching it: excerpt length, and the filter counts loaded. */
async function prepare(index: Pagefind): Promise<void> {
  await index.options({ excerptLength: 32 });
  await index.init();
  await index.filters();
}

/**
 * The archive's vocabulary, fetched the first time a search finds (almost) nothing; an empty one
 * when it cannot be read, so the page simply suggests nothing.
 */
async function loadVocabulary(): Promise<Vocabulary> {
  try {
    const response = await fetch(`${BUNDLE_URL}${VOCABULARY_FILE}`);
    return parseVocabulary(response.ok ? await response.text() : '');
  } catch {
    return parseVocabulary('');
  }
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) setUpSearch(root);

function setUpSearch(root: HTMLElement): void {
  const form = need(root, '[data-search-form]') as HTMLFormElement;
  const input = need(form, 'input[name="q"]') as HTMLInputElement;
  const controls = need(root, '[data-search-controls]') as HTMLElement;
  const categorySelect = need(root, '[data-search-category]') as HTMLSelectElement;
  const sortSelect = need(root, '[data-search-sort]') as HTMLSelectElement;
  const status = need(root, '[data-search-status]') as HTMLElement;
  const hint = need(root, '[data-search-hint]') as HTMLElement;
  const help = need(root, '[data-search-help]') as HTMLElement;
  const suggestion = need(root, '[data-search-suggestion]') as HTMLElement;
  const start = need(root, '[data-search-start]') as HTMLElement;
  const list = need(root, '[data-search-results]') as HTMLOListElement;
  const more = need(root, '[data-search-more]') as HTMLButtonElement;
  const scope = need(root, '[data-search-scope]') as HTMLElement;
  const scopeLabel = need(scope, '[data-search-scope-text]') as HTMLElement;
  const archive = need(scope, '[data-search-archive]') as HTMLButtonElement;
  const categoryHrefs = new Map(
    [...categorySelect.options].flatMap((o) => (o.dataset['href'] ? [[o.value, o.dataset['href']] as const] : [])),
  );

  let pagefind: Promise<SearchIndex> | undefined;
  /**
   * Whether searches read the whole archive: once the reader asked for it. The older shards, once
   * open, cost a search only its words' index chunks. A word the newest stories give less than a page
   * of results for is searched in the whole archive too, on its own (see {@link searchIndex}).
   */
  let wholeArchive = false;
  let vocabulary: Promise<Vocabulary> | undefined;
  /** Each search takes a ticket; a slower, older search never overwrites a newer one. */
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: { ticket: number; results: readonly PagefindResult[]; shown: number } | undefined;

  const loadPagefind = (): Promise<SearchIndex> => {
    pagefind ??= loadShards().then(async (index) => {
      await prepare(index.shards.recent);
      return index;
    });
    return pagefind;
  };

  /**
   * Searches the newest shards, or every shard: when the reader asked for the whole archive, or when
   * the newest give less than a page of results and `widen` allows it. Without `widen` (a word still
   * being typed) such a search answers from the newest shards with `widenLater`.
   *
   * A search superseded by a newer one (`ticket` is no longer the latest) stops before each step
   * that reads the index, answering null: every word searched costs the phone the index chunk it
   * falls in, in each shard (about 25 KB a shard), and every older shard's files besides when it
   * widens: a word from the address that the newest stories hardly knew went on into the whole
   * archive (about 6 MB at 100,000 articles) after a word typed over it had shown its results.
   */
  const searchIndex = async (
    state: SearchState,
    widen: boolean,
    ticket: number,
  ): Promise<{ response: PagefindResponse | null; since: string | undefined; widenLater?: true }> => {
    const { query } = state;
    // A replaced search's answer: every caller drops a null response, whatever else it says.
    const replaced = { response: null, since: undefined };
    const index = await loadPagefind();
    if (ticket !== latest) return replaced;
    if (!wholeArchive && index.since !== undefined) {
      const response = await index.shards.recent.search(query, pagefindOptions(state));
      if (response === null || response.results.length >= RESULTS_PAGE_SIZE) return { response, since: index.since };
      if (!widen) return { response, since: index.since, widenLater: true };
      if (ticket !== latest) return replaced;
    }
    const all = await index.shards.all(prepare);
    if (ticket !== latest) return replaced;
    return { response: await all.search(query, pagefindOptions(state)), since: undefined };
  };

  const readForm = (): SearchState => ({
    query: input.value.trim(),
    category: categorySelect.value,
    newest: sortSelect.value !== '',
  });

  const showState = (state: SearchState): void => {
    input.value = state.query;
    if ([...categorySelect.options].some((o) => o.value === state.category)) categorySelect.value = state.category;
    sortSelect.value = state.newest ? (sortSelect.options[1]?.value ?? '') : '';
  };

  const setCategoryCounts = (counts: Record<string, number> | undefined): void => {
    for (const option of categorySelect.options) {
      if (option.value === '') continue;
      option.text = categoryOptionText(option.value, counts ? (counts[option.value] ?? 0) : undefined);
    }
  };

  const clearResults = (): void => {
    list.replaceChildren();
    list.removeAttribute('aria-busy');
    help.hidden = true;
    suggestion.hidden = true;
    more.hidden = true;
    scope.hidden = true;
    current = undefined;
  };

  /**
   * "Mungkin maksud Anda": when search `ticket` found fewer than FEW_RESULTS (`found`), corrects
   * its words from the archive's vocabulary and offers the corrected query if that finds more.
   */
  const offerSuggestion = async (state: SearchState, ticket: number, found: number): Promise<void> => {
    vocabulary ??= loadVocabulary();
    const suggested = suggestQuery(state.query, await vocabulary);
    if (suggested === undefined || ticket !== latest) return;
    const corrected: SearchState = { ...state, query: suggested };
    // Searched as widely as the search it corrects was (a typed word's waits for the pause: see `search`).
    const { response } = await searchIndex(corrected, true, ticket);
    if (ticket !== latest || response === null || response.results.length <= found) return;
    const link = element('a', 'font-semibold text-brand italic underline dark:text-brand-dark', suggested);
    link.href = `${location.pathname}${searchStateUrl(corrected)}`;
    suggestion.replaceChildren(SUGGESTION_LEAD, link, '?');
    suggestion.hidden = false;
  };

  /** Loads the next page of results' data; `fresh` replaces the list (a new search), otherwise appends. */
  const showPage = async (ticket: number, fresh: boolean): Promise<HTMLLIElement[] | undefined> => {
    if (current?.ticket !== ticket) return undefined;
    const { results, shown } = current;
    const data = await Promise.all(results.slice(shown, shown + RESULTS_PAGE_SIZE).map((r) => r.data()));
    if (ticket !== latest) return undefined;
    const items = data.map((d) => resultItem(d, categoryHrefs));
    if (fresh) list.replaceChildren(...items);
    else list.append(...items);
    current.shown = shown + items.length;
    more.hidden = current.shown >= results.length;
    more.textContent = moreButtonText(current.shown, results.length);
    return items;
  };

  /** `typing`: run by the typing pause, so a word the newest stories hardly know waits for a longer one. */
  const search = async (typing = false): Promise<void> => {
    clearTimeout(timer);
    const state = readForm();
    const ticket = ++latest;
    // Busy from the moment the state changes until its results are on screen (tests wait on this too).
    list.setAttribute('aria-busy', 'true');
    history.replaceState(history.state, '', `${location.pathname}${searchStateUrl(state)}`);
    if (state.query === '') {
      clearResults();
      setCategoryCounts(undefined);
      status.textContent = EMPTY_QUERY_TEXT;
      start.hidden = false;
      return;
    }
    start.hidden = true;
    let response: PagefindResponse | null;
    let since: string | undefined;
    let widenLater: true | undefined;
    try {
      if (!pagefind) status.textContent = SEARCHING_TEXT;
      ({ response, since, widenLater } = await searchIndex(state, !typing, ticket));
    } catch (error) {
      if (ticket !== latest) return;
      console.error('Pagefind failed:', error);
      clearResults();
      status.textContent = LOAD_ERROR_TEXT;
      pagefind = undefined;
      return;
    }
    // Pagefind answers null when a newer search superseded this one.
    if (ticket !== latest || response === null) return;
    if (widenLater) {
      // The whole archive once typing pauses (the input's handler clears this timer).
      timer = setTimeout(() => void search(), ARCHIVE_PAUSE_MS);
      // Not "Tidak ditemukan" yet: the whole archive may have it. Nor the results of the words typed
      // before, which would stand under this word for as long as the whole archive takes.
      if (response.results.length === 0) {
        clearResults();
        list.setAttribute('aria-busy', 'true');
        status.textContent = SEARCHING_TEXT;
        return;
      }
    }
    setCategoryCounts(response.totalFilters[SEARCH_FILTERS.category]);
    if (response.results.length === 0) {
      clearResults();
      status.textContent = notFoundText(state);
      hint.textContent = notFoundHint(state);
      help.hidden = false;
      void offerSuggestion(state, ticket, 0).catch(() => undefined);
      return;
    }
    // The old results stay until the new ones are ready, so the list never flashes empty.
    current = { ticket, results: response.results, shown: 0 };
    if (!(await showPage(ticket, true))) return;
    help.hidden = true;
    suggestion.hidden = true;
    list.removeAttribute('aria-busy');
    status.textContent = resultCountText(response.results.length, state, since);
    scope.hidden = since === undefined;
    if (since !== undefined) scopeLabel.textContent = scopeText(since);
    // A word waiting for the whole archive is corrected, if need be, once that search is in.
    if (response.results.length < FEW_RESULTS && !widenLater)
      void offerSuggestion(state, ticket, response.results.length).catch(() => undefined);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(true), TYPING_PAUSE_MS);
  });
  categorySelect.addEventListener('change', () => void search());
  sortSelect.addEventListener('change', () => void search());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  // The corrected query searches in place; its link still opens in a new tab or can be copied.
  suggestion.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) return;
    event.preventDefault();
    showState(readSearchState(new URL(link.href).search));
    void search();
  });
  archive.addEventListener('click', () => {
    wholeArchive = true;
    status.textContent = SEARCHING_TEXT;
    // The button goes with the narrower results: keyboard and screen-reader users land on the first result.
    void search().then(() => list.querySelector<HTMLElement>('h2 a')?.focus());
  });
  more.addEventListener('click', () => {
    if (!current) return;
    // Keyboard and screen-reader users land on the first new result.
    void showPage(current.ticket, false).then((items) => items?.[0]?.querySelector<HTMLElement>('h2 a')?.focus());
  });

  controls.hidden = false;
  const fromAddress = readSearchState(location.search);
  // On a slow link the search box shows well before this script runs, and a reader may have typed
  // into it by then: what they typed is kept and searched, not replaced by the address's empty query.
  const typedEarly = fromAddress.query === '' && input.value.trim() !== '';
  const initial = typedEarly ? { ...fromAddress, query: input.value } : fromAddress;
  showState(initial);
  if (initial.query !== '') {
    // The headlines and sections are for an empty page: not under results still loading.
    start.hidden = true;
    // What was typed early is searched as typing is (the reader may be mid-word): the whole archive
    // only once typing pauses.
    void search(typedEarly);
  } else {
    status.textContent = EMPTY_QUERY_TEXT;
    // Fetch the index code while the reader types the first word.
    void loadPagefind().catch(() => undefined);
  }
}

/** One result: category and date, headline linking to the article, and the excerpt with matches marked. */
function resultItem(data: PagefindResultData, categoryHrefs: ReadonlyMap<string, string>): HTMLLIElement {
  const { meta } = data;
  const categoryHref = meta['category'] ? categoryHrefs.get(meta['category']) : undefined;
  const li = element('li', 'py-4');
  const article = element('article', 'flex gap-4');
  const body = element('div', 'min-w-0 flex-1');

  const kicker = element('p', 'text-xs font-semibold tracking-wider uppercase');
  if (meta['category']) {
    const category = element(categoryHref ? 'a' : 'span', 'category-kicker', meta['category']);
    if (category instanceof HTMLAnchorElement && categoryHref) category.href = categoryHref;
    kicker.append(category);
  }
  if (meta['date']) {
    kicker.append(
      element('span', 'text-zinc-500 dark:text-zinc-400', `${meta['category'] ? ' · ' : ''}${meta['date']}`),
    );
  }
  if (meta['updated']) {
    kicker.append(element('span', 'text-zinc-500 dark:text-zinc-400', ` · Diperbarui ${meta['updated']}`));
  }

  const heading = element('h2', 'mt-1 font-serif text-xl leading-snug font-bold');
  const link = element('a', 'hover:underline', meta['title'] ?? data.url);
  link.href = data.url;
  heading.append(link);

  const excerpt = element('p', 'mt-1 text-zinc-700 dark:text-zinc-300');
  const cuts = excerptCuts(data.excerpt, data.content);
  if (cuts.before) excerpt.append('… ');
  for (const part of excerptParts(data.excerpt)) {
    excerpt.append(
      part.mark
        ? element(
            'mark',
            'rounded-sm bg-amber-200 px-0.5 text-zinc-900 dark:bg-amber-400/30 dark:text-amber-50',
            part.text,
          )
        : part.text,
    );
  }
  if (cuts.after) excerpt.append(' …');

  body.append(kicker, heading, excerpt);
  article.append(body);
  if (meta['image']) {
    const img = element('img', 'mt-1 size-20 shrink-0 rounded-sm bg-zinc-100 object-cover sm:size-24 dark:bg-zinc-800');
    img.src = meta['image'];
    if (meta['image_srcset']) {
      img.srcset = meta['image_srcset'];
      img.sizes = '96px';
    }
    img.width = 96;
    img.height = 96;
    img.alt = '';
    img.loading = 'lazy';
    img.decoding = 'async';
    article.append(img);
  }
  li.append(article);
  return li;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The element `selector` finds in `scope`; the page's markup fixes its type, which the caller states with `as`. */
function need(scope: ParentNode, selector: string): Element {
  const found = scope.querySelector(selector);
  if (!found) throw new Error(`Search page: ${selector} is missing`);
  return found;
}
