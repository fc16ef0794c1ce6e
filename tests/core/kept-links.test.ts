import fc from 'fast-check';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LinkState } from '../../src/lib/content/kept-links.ts';
import { parseArticle, type ParsedArticle } from '../../src/lib/content/parse-article.ts';
import { parseSources } from '../../src/lib/content/parse-sources.ts';
import type { Resolution } from '../../src/lib/content/resolve-links.ts';
import { keepResultsAcrossBuilds, type KeptBox } from '../../src/lib/once-per-object.ts';
import { source } from '../helpers/article-source.ts';

// Issue #20: the publish server keeps its link table and each article's resolved links, and
// resolves again only what a change reaches (src/lib/content/kept-links.ts). Whatever the sequence of
// changes, a build that kept them must resolve exactly as a build that kept nothing: the same site,
// or the same errors at the same positions.

// The fields and site articles are kept too, as in the server (resolve-links.ts): by a copy of the
// module loaded once results are kept across builds (a query makes a new module).
const KEPT = Symbol.for('warta.results-across-builds');
keepResultsAcrossBuilds();
afterAll(() => {
  Reflect.deleteProperty(globalThis, KEPT);
});
const { resolveLinks } = (await import(
  /* @vite-ignore */ `${new URL('../../src/lib/content/resolve-links.ts', import.meta.url).href}?kept`
)) as typeof import('../../src/lib/content/resolve-links.ts');

const PATHS = ['a.md', 'b.md', 'c.md', 'x/d.md', 'x/e.md', 'y/f.md', 'y/g.md', 'h.md'];
const SLUGS = ['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'hilang'];
// One headline per file at first, then two more: one with the first's key ("Banjir Jakarta"), so
// that a headline item can become ambiguous, and one no item names.
const TITLES = [
  'Banjir Jakarta',
  'Harga Beras Naik',
  'Pemilu Damai',
  'Gempa Cianjur',
  'Kereta Cepat',
  'Timnas Menang',
  'Harga Emas',
  'Mudik Lebaran',
  'BANJIR, Jakarta',
  'Tak Ada',
];

type Reference =
  | { readonly kind: 'file'; readonly to: number }
  | { readonly kind: 'slug'; readonly slug: number }
  | { readonly kind: 'title'; readonly title: number };

interface Story {
  readonly title: number;
  readonly slug: number;
  readonly draft: boolean;
  /** Dated after the first clock, before the second. */
  readonly later: boolean;
  readonly items: readonly Reference[];
  readonly related: readonly number[];
}

const reference: fc.Arbitrary<Reference> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('file' as const), to: fc.nat(PATHS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('slug' as const), slug: fc.nat(SLUGS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('title' as const), title: fc.nat(TITLES.length - 1) }) },
);

const story = (slot: number): fc.Arbitrary<Story> =>
  fc.record({
    title: fc.nat(TITLES.length - 1),
    // Mostly the slot's own slug: a clash now and then, not at every step.
    slug: fc.oneof({ weight: 12, arbitrary: fc.constant(slot) }, { weight: 1, arbitrary: fc.nat(SLUGS.length - 1) }),
    draft: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    later: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    items: fc.array(reference, { maxLength: 3 }),
    related: fc.array(fc.nat(SLUGS.length - 1), { maxLength: 2 }),
  });

/** A story that links the others as they are at first: the folder's first build publishes. */
const healthy = (slot: number): fc.Arbitrary<Story> => {
  const other = fc.nat(PATHS.length - 2).map((n) => (n >= slot ? n + 1 : n));
  return fc.record({
    title: fc.constant(slot),
    slug: fc.constant(slot),
    draft: fc.constant(false),
    later: fc.constant(false),
    items: fc.array(
      fc.oneof(
        other.map((to) => ({ kind: 'file' as const, to })),
        other.map((n) => ({ kind: 'slug' as const, slug: n })),
        other.map((n) => ({ kind: 'title' as const, title: n })),
      ),
      { maxLength: 3 },
    ),
    related: fc.array(other, { maxLength: 2 }),
  });
};

type Operation =
  | { readonly kind: 'write'; readonly slot: number; readonly story: Story }
  | { readonly kind: 'delete'; readonly slot: number }
  | { readonly kind: 'headline'; readonly slot: number; readonly title: number }
  | { readonly kind: 'draft'; readonly slot: number }
  | { readonly kind: 'clock' }
  | { readonly kind: 'unpublished' };

const slot = fc.nat(PATHS.length - 1);
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: slot.chain((s) => story(s).map((st) => ({ kind: 'write' as const, slot: s, story: st }))) },
  { weight: 2, arbitrary: slot.map((s) => ({ kind: 'delete' as const, slot: s })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(slot, fc.nat(TITLES.length - 1))
      .map(([s, title]) => ({ kind: 'headline' as const, slot: s, title })),
  },
  { weight: 1, arbitrary: slot.map((s) => ({ kind: 'draft' as const, slot: s })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clock' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unpublished' as const }) },
);

interface Folder {
  readonly stories: (Story | undefined)[];
  /** Which of the two clocks builds run at. */
  late: boolean;
  includeUnpublished: boolean;
}

function apply(folder: Folder, op: Operation): void {
  const { stories } = folder;
  switch (op.kind) {
    case 'write':
      stories[op.slot] = op.story;
      break;
    case 'delete':
      stories[op.slot] = undefined;
      break;
    case 'headline': {
      const old = stories[op.slot];
      if (old) stories[op.slot] = { ...old, title: op.title };
      break;
    }
    case 'draft': {
      const old = stories[op.slot];
      if (old) stories[op.slot] = { ...old, draft: !old.draft };
      break;
    }
    case 'clock':
      folder.late = !folder.late;
      break;
    case 'unpublished':
      folder.includeUnpublished = !folder.includeUnpublished;
      break;
  }
}

function text(at: string, s: Story): string {
  const items = s.items.map((r) => {
    switch (r.kind) {
      case 'file': {
        // Not its own file: a link to itself would fail most builds (a slug link still can).
        const to = PATHS[r.to] === at ? PATHS[(r.to + 1) % PATHS.length] : PATHS[r.to];
        return `- [Tautan](${path.posix.relative(path.posix.dirname(at), to ?? '')})`;
      }
      case 'slug':
        return `- [Tautan](/berita/${SLUGS[r.slug] ?? ''}/)`;
      case 'title':
        return `- ${TITLES[r.title] ?? ''}`;
    }
  });
  return [
    '---',
    `title: "${TITLES[s.title] ?? ''}"`,
    `slug: ${SLUGS[s.slug] ?? ''}`,
    `date: ${s.later ? '2025-03-01T10:00:00+07:00' : '2024-12-20T10:00:00+07:00'}`,
    'category: Nasional',
    ...(s.draft ? ['draft: true'] : []),
    ...(s.related.length ? [`related: [${s.related.map((r) => SLUGS[r] ?? '').join(', ')}]`] : []),
    '---',
    '',
    'JAKARTA - Pembuka.',
    '',
    ...(items.length ? ['BACA JUGA', ...items, '', 'Penutup.'] : []),
    '',
  ].join('\n');
}

/** One build's resolution; `parsed` is the parse cache, which hands an unchanged file's parsed article on. */
function resolve(folder: Folder, parsed: Map<string, ParsedArticle>, keep?: KeptBox<LinkState>): Resolution {
  const files = folder.stories.flatMap((s, i) => {
    const at = PATHS[i] ?? '';
    return s ? [source(at, text(at, s))] : [];
  });
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  const sources = parseSources(files, (file) => {
    const key = `${file.path}\0${new TextDecoder().decode(file.bytes)}`;
    let result = parsed.get(key);
    if (result === undefined) {
      const outcome = parseArticle(file);
      if (!outcome.ok)
        throw new Error(`${file.path} does not parse: ${outcome.errors.map((e) => e.message).join('; ')}`);
      parsed.set(key, (result = outcome.article));
    }
    return { ok: true, article: result };
  });
  return resolveLinks(sources, {
    now: new Date(folder.late ? '2025-06-01T00:00:00Z' : '2025-01-01T00:00:00Z'),
    includeUnpublished: folder.includeUnpublished,
    keep,
  });
}

/** What a resolution decides, by value. */
function outcome(resolution: Resolution) {
  if (!resolution.ok)
    return {
      errors: resolution.errors.map((e) => ({ name: e.name, message: e.message, position: e.position })),
      stats: resolution.stats,
    };
  const { site } = resolution;
  const entry = (e: (typeof site.entries)[number]) => ({
    data: e.article.data,
    textDigest: e.article.textDigest,
    file: e.parsed.source.path,
    bacaJuga: e.bacaJuga,
    pinned: e.pinned,
  });
  return { entries: site.entries.map(entry), fileOrder: site.fileOrder.map(entry), stats: site.stats };
}

describe('links resolved with the kept link table (kept-links.ts, issue #20)', () => {
  it('resolve as a build that keeps nothing, after any sequence of changes', () => {
    let kept = 0;
    let reused = 0;
    let failed = 0;
    fc.assert(
      fc.property(
        fc.tuple(...PATHS.map((_, i) => healthy(i))),
        fc.array(operation, { minLength: 5, maxLength: 25 }),
        (initial, operations) => {
          const folder: Folder = { stories: [...initial], late: false, includeUnpublished: false };
          const parsed = new Map<string, ParsedArticle>();
          const keep: KeptBox<LinkState> = { value: undefined };
          let last: Resolution | undefined;
          for (const op of [undefined, ...operations]) {
            const before: Folder = { ...folder, stories: [...folder.stories] };
            const undo = (): void => {
              Object.assign(folder, before);
            };
            if (op) apply(folder, op);
            if (keep.value) kept += 1;
            const incremental = resolve(folder, parsed, keep);
            const fresh = resolve(folder, new Map(), undefined);
            expect(outcome(incremental)).toEqual(outcome(fresh));
            if (!incremental.ok) {
              failed += 1;
              // The editor puts it right: the folder goes back to the last build that published.
              if (op) undo();
            }
            // Only a build whose links all resolved leaves its state.
            expect(keep.value === undefined).toBe(!incremental.ok);
            if (incremental.ok && last?.ok) {
              const before = new Set(last.site.fileOrder);
              reused += incremental.site.fileOrder.filter((e) => before.has(e)).length;
            }
            last = incremental;
          }
        },
      ),
      { numRuns: 200 },
    );
    // The property is worth something only if many builds took a kept state and kept articles, and
    // some failed (a clash, an ambiguous or missing target) and so left nothing for the next.
    expect(kept).toBeGreaterThan(1000);
    expect(reused).toBeGreaterThan(1000);
    expect(failed).toBeGreaterThan(100);
  });

  it('resolves again only the articles whose lookups changed', () => {
    const folder: Folder = {
      stories: PATHS.map((_, i) => ({
        title: i,
        slug: i,
        draft: false,
        later: false,
        // Each links the next story by its file.
        items: [{ kind: 'file' as const, to: (i + 1) % PATHS.length }],
        related: [],
      })),
      late: false,
      includeUnpublished: false,
    };
    const parsed = new Map<string, ParsedArticle>();
    const keep: KeptBox<LinkState> = { value: undefined };
    const first = resolve(folder, parsed, keep);
    if (!first.ok) throw new Error(first.errors.map((e) => e.message).join('\n'));
    apply(folder, { kind: 'headline', slot: 2, title: 9 });
    const second = resolve(folder, parsed, keep);
    if (!second.ok) throw new Error(second.errors.map((e) => e.message).join('\n'));
    const bySlug = (r: typeof second, slug: string) => r.site.fileOrder.find((e) => e.article.data.slug === slug);
    // b.md links c.md, whose headline changed: resolved again, with the new headline.
    expect(bySlug(second, 'dua')?.bacaJuga).toEqual([[{ slug: 'tiga', title: 'Tak Ada' }]]);
    expect(bySlug(second, 'dua')).not.toBe(bySlug(first, 'dua'));
    // The others are the same objects as the first build's.
    for (const slug of ['satu', 'empat', 'lima', 'enam', 'tujuh', 'delapan'])
      expect(bySlug(second, slug), slug).toBe(bySlug(first, slug));
  });
});
