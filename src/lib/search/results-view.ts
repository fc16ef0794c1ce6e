/**
 * What the search page prints, as plain functions of Pagefind's answers: no DOM, and imports of
 * constants only, so the page script stays small and every wording is unit-tested. Runs in the browser.
 */
import { SEARCH_QUERY_PARAM } from '../routes.ts';
import { MONTH_NAMES } from '../dates/wib-day.ts';
import { SEARCH_FILTERS, SEARCH_SORT_DATE } from './fields.ts';

/** URL parameters of the search page: `/cari/?q=banjir&kategori=Nasional&urut=terbaru`. */
export const SEARCH_PARAMS = { query: SEARCH_QUERY_PARAM, category: 'kategori', sort: 'urut' } as const;

/** Value of the sort parameter for newest first; anything else means relevance. */
export const SORT_NEWEST = 'terbaru';

/** Results shown at first and added by each "Tampilkan lebih banyak". */
export const RESULTS_PAGE_SIZE = 10;

/** What the page searches for. */
export interface SearchState {
  /** The query as typed, trimmed. */
  readonly query: string;
  /** Category name to narrow to; empty for every category. */
  readonly category: string;
  readonly newest: boolean;
}

/** Reads the state from a page URL's search part. */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  return {
    query: (params.get(SEARCH_PARAMS.query) ?? '').trim(),
    category: (params.get(SEARCH_PARAMS.category) ?? '').trim(),
    newest: params.get(SEARCH_PARAMS.sort) === SORT_NEWEST,
  };
}

/** The search part of the page URL for a state, e.g. `?q=banjir&kategori=Nasional`; empty for an empty state. */
export function searchStateUrl(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query !== '') params.set(SEARCH_PARAMS.query, state.query);
  if (state.category !== '') params.set(SEARCH_PARAMS.category, state.category);
  if (state.newest) params.set(SEARCH_PARAMS.sort, SORT_NEWEST);
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

/** Pagefind's search options for a state: the category filter and the date sort. */
export function pagefindOptions(state: SearchState): {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
} {
  return {
    ...(state.category !== '' ? { filters: { [SEARCH_FILTERS.category]: state.category } } : {}),
    ...(state.newest ? { sort: { [SEARCH_SORT_DATE]: 'desc' as const } } : {}),
  };
}

const numberFormat = new Intl.NumberFormat('id-ID');

/**
 * `3 hasil untuk "kerja"`, `3 hasil untuk "kerja" di kategori Internasional`; with `since` (only the
 * newest stories were searched) `… sejak 1 November 2024`.
 */
export function resultCountText(count: number, state: SearchState, since?: string): string {
  return `${numberFormat.format(count)} hasil untuk "${state.query}"${inCategory(state)}${since ? ` sejak ${longDate(since)}` : ''}`;
}

/** Beside the "Cari di seluruh arsip" button when only the newest stories were searched. */
export function scopeText(since: string): string {
  return `Hanya berita sejak ${longDate(since)} yang dicari.`;
}

/** `2024-11-01` → `1 November 2024`. */
function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day ?? ''} ${MONTH_NAMES[(month ?? 1) - 1] ?? ''} ${year ?? ''}`;
}

/** `Tidak ditemukan hasil untuk "xyz"` (plus the category when one is chosen). */
export function notFoundText(state: SearchState): string {
  return `Tidak ditemukan hasil untuk "${state.query}"${inCategory(state)}.`;
}

/** Advice under the not-found message. */
export function notFoundHint(state: SearchState): string {
  return state.category !== ''
    ? 'Coba cari di semua kategori, gunakan lebih sedikit kata atau kata lain, dan periksa ejaan.'
    : 'Coba gunakan lebih sedikit kata atau kata lain, dan periksa ejaan.';
}

/**
 * A search with fewer results than this looks in the vocabulary for a likely misspelling, and
 * offers the corrected query when that finds more.
 */
export const FEW_RESULTS = 3;

/** What leads the corrected query's link: `Mungkin maksud Anda: pyongyang?`. */
export const SUGGESTION_LEAD = 'Mungkin maksud Anda: ';

/** Status line before anything was typed. */
export const EMPTY_QUERY_TEXT = 'Ketik kata kunci untuk mencari berita.';
/** Status line while the index loads or a search runs. */
export const SEARCHING_TEXT = 'Mencari…';
/** Status line when Pagefind could not load. */
export const LOAD_ERROR_TEXT = 'Pencarian tidak dapat dimuat. Muat ulang halaman atau coba lagi nanti.';

/** Label of the "show more" button: `Tampilkan 10 hasil lagi` (fewer when fewer remain). */
export function moreButtonText(shown: number, total: number): string {
  return `Tampilkan ${numberFormat.format(Math.min(RESULTS_PAGE_SIZE, total - shown))} hasil lagi`;
}

/** A category option's label with the number of matches: `Internasional (3)`. */
export function categoryOptionText(name: string, count: number | undefined): string {
  return count === undefined ? name : `${name} (${numberFormat.format(count)})`;
}

function inCategory(state: SearchState): string {
  return state.category !== '' ? ` di kategori ${state.category}` : '';
}

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptPart {
  readonly text: string;
  readonly mark: boolean;
}

/**
 * Splits a Pagefind excerpt into plain-text runs, marked where Pagefind wrapped a match in
 * `<mark>`. Pagefind escapes only `<` and `>` in the indexed text and adds nothing but `<mark>`,
 * so the page can print every run as text and never parse the excerpt as HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece !== '') {
      const text = piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      const last = parts.at(-1);
      if (last?.mark === mark) parts[parts.length - 1] = { text: last.text + text, mark };
      else parts.push({ text, mark });
    }
  }
  return parts;
}

/**
 * Whether an excerpt starts after the beginning or ends before the end of the record's content, so
 * the page can show "…" where text was cut. Pagefind gives both the excerpt and the full content.
 */
export function excerptCuts(excerpt: string, content: string): { readonly before: boolean; readonly after: boolean } {
  const plain = squash(
    excerptParts(excerpt)
      .map((p) => p.text)
      .join(''),
  );
  const whole = squash(content);
  if (plain === '') return { before: false, after: false };
  return { before: !whole.startsWith(plain), after: !whole.endsWith(plain) };
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
