// The publish server's related index (src/lib/related/incremental.ts) must give, after any change,
// exactly the lists and scores a full ranking of the same stories gives: a random archive, random
// publishes, edits, headline changes, re-tags, deletions and back-dated stories, each followed by an
// updated index and a fresh one, compared list by list. The settings are small (5 terms a story,
// posting lists of 4) so that capped lists, dropped tags and ties are common at 60 to 100 stories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRelatedIndex,
  lastRanking,
  parseRelatedConfig,
  type RelatedDocument,
  type RelatedState,
} from '../../src/lib/related/index.ts';
import { frozenCount } from '../../src/lib/related/frozen.ts';
import { makeDoc } from './helpers.ts';

const config = parseRelatedConfig({
  termsPerDocument: 5,
  maxPostingsPerTerm: 4,
  maxPostingsPerTag: 4,
  rescoreDepth: 6,
  minSimilarity: 0.05,
  minSharedTerms: 1,
});

const SYLLABLES = ['ba', 'ka', 'ra', 'ti', 'lu', 'no', 'se', 'mo', 'pe'];
// 81 made-up words, none a stopword: the first ones common, the last ones rare.
const WORDS = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => `${a}${b}n`));
const TAGS = ['Pemilu', 'Banjir', 'Harga', 'Timnas', 'Gempa', 'Pajak'];
// Tags on a story or two: the frozen stories hold them once at most, so their weight follows the
// whole archive's count and moves with a publish (frozen.ts).
const RARE_TAGS = Array.from({ length: 12 }, (_, i) => `Langka ${i}`);
const rareTag = fc.oneof(
  { weight: 8, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.constantFrom(...RARE_TAGS).map((t) => [t]) },
);
const tags = (most: number) => fc.tuple(fc.subarray(TAGS, { maxLength: most }), rareTag).map(([a, b]) => [...a, ...b]);
const CATEGORIES = ['Politik', 'Ekonomi', 'Olahraga', ''];

const word = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 9 }) },
    { weight: 2, arbitrary: fc.integer({ min: 10, max: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: 41, max: WORDS.length - 1 }) },
  )
  .map((i) => WORDS[i] ?? 'banan');
// Words in a story or two: their weight follows the whole archive's count (frozen.ts).
const RARE_WORDS = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => `zu${a}${b}`));
const rareWord = fc.constantFrom(...RARE_WORDS);
const words = (min: number, max: number) =>
  fc
    .tuple(fc.array(word, { minLength: min, maxLength: max }), fc.array(rareWord, { maxLength: 1 }))
    .map(([w, r]) => [...w, ...r].join(' '));

const story = fc.record({
  title: words(2, 4),
  summary: words(0, 5),
  body: words(3, 25),
  tags: tags(2),
  category: fc.constantFrom(...CATEGORIES),
});
type Story = typeof story extends fc.Arbitrary<infer T> ? T : never;

const operation = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('publish' as const),
      story,
      back: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('backdate' as const), story, day: fc.nat(60) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), story }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('headline' as const), pick: fc.nat(), title: words(2, 4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retag' as const), pick: fc.nat(), tags: tags(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('exclude' as const), pick: fc.nat(), other: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('same' as const), pick: fc.nat() }) },
);

interface Archive {
  readonly stories: Map<string, RelatedDocument>;
  readonly excludes: Map<string, Set<string>>;
  lastDay: number;
  next: number;
}

function apply(archive: Archive, op: OperationValue): void {
  const slugs = [...archive.stories.keys()].sort();
  // Editors change recent stories far more than old ones: most picks are among the newest six (an
  // old, frozen story's change ranks everything again, which the other test covers).
  const newest = [...archive.stories.values()]
    .sort((a, b) => b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : 1))
    .map((s) => s.slug);
  const pick = 'pick' in op ? op.pick : 0;
  const pool = pick % 5 === 0 ? newest : newest.slice(0, 6);
  const picked = pool.length === 0 ? undefined : pool[Math.floor(pick / 5) % pool.length];
  const replace = (slug: string, change: Partial<RelatedDocument>) => {
    const old = archive.stories.get(slug);
    if (old) archive.stories.set(slug, { ...old, ...change });
  };
  switch (op.kind) {
    case 'publish':
    case 'backdate': {
      const day = op.kind === 'publish' ? archive.lastDay + 1 - op.back : op.day;
      archive.lastDay = Math.max(archive.lastDay, day);
      const slug = `baru-${archive.next++}`;
      archive.stories.set(slug, makeDoc(slug, { ...op.story, day }));
      break;
    }
    case 'edit':
      if (picked) replace(picked, storyFields(op.story));
      break;
    case 'headline':
      if (picked) replace(picked, { title: op.title });
      break;
    case 'retag':
      if (picked) replace(picked, { tags: op.tags });
      break;
    case 'delete':
      if (picked) archive.stories.delete(picked);
      break;
    case 'exclude':
      if (picked) archive.excludes.set(picked, new Set([slugs[op.other % slugs.length] ?? '']));
      break;
    case 'same':
      // The same story as a new object: an unchanged file the parse cache read again.
      if (picked) replace(picked, {});
      break;
  }
}
type OperationValue = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function storyFields(s: Story): Partial<RelatedDocument> {
  return { title: s.title, summary: s.summary, body: s.body, tags: s.tags, category: s.category };
}

function rank(archive: Archive, keep?: { value: RelatedState | undefined }) {
  const index = createRelatedIndex(config, keep ? { keep } : {});
  // File order: by slug, as the content folder is read.
  const slugs = [...archive.stories.keys()].sort();
  for (const slug of slugs) index.add(archive.stories.get(slug)!);
  index.finalize();
  const lists = index.searchMany(
    slugs.map((slug) => ({ slug, exclude: new Set([slug, ...(archive.excludes.get(slug) ?? [])]) })),
  );
  return { lists: new Map(slugs.map((slug, i) => [slug, lists[i]])), kept: index.stats().termsKept };
}

describe('the frozen frequencies', () => {
  it('are taken from the oldest stories, in steps of 1/16 to 1/32 of the archive', () => {
    expect([0, 1, 15, 16, 31, 32, 33, 63, 64, 67, 68].map(frozenCount)).toEqual([
      0, 1, 15, 16, 31, 32, 32, 62, 64, 64, 68,
    ]);
    // At 100,000 stories: 98,304 of them, until the archive reaches 102,400.
    expect([100_000, 102_399, 102_400].map(frozenCount)).toEqual([98_304, 98_304, 102_400]);
  });
});

describe('the related index kept across builds', () => {
  it('gives the lists and scores of a full ranking after any sequence of changes', () => {
    let updated = 0;
    let steps = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(story, fc.nat(60)), { minLength: 60, maxLength: 100 }),
        fc.array(operation, { minLength: 4, maxLength: 14 }),
        (initial, operations) => {
          const archive: Archive = { stories: new Map(), excludes: new Map(), lastDay: 60, next: 0 };
          initial.forEach(([s, day], i) => archive.stories.set(`awal-${i}`, makeDoc(`awal-${i}`, { ...s, day })));
          const keep: { value: RelatedState | undefined } = { value: undefined };
          expect(rank(archive, keep).lists).toEqual(rank(archive).lists);
          for (const op of operations) {
            apply(archive, op);
            const incremental = rank(archive, keep);
            const full = rank(archive);
            expect(incremental.lists).toEqual(full.lists);
            steps++;
            // No term cache here, so only an update keeps stories' terms.
            if (incremental.kept > 0) updated++;
          }
        },
      ),
      { numRuns: 100 },
    );
    // The property is only worth something if most steps were updates, not full rankings (those
    // come when the archive's size crosses a step of 4 at this size, frozen.ts).
    expect(updated).toBeGreaterThan(steps / 2);
  });

  it('ranks everything again only when the archive crosses a step', () => {
    const archive: Archive = { stories: new Map(), excludes: new Map(), lastDay: 10, next: 0 };
    for (let i = 0; i < 64; i++) {
      const title = `${WORDS[i % 9] ?? ''} ${WORDS[(i * 7) % 40] ?? ''}`;
      archive.stories.set(`s-${i}`, makeDoc(`s-${i}`, { title, body: 'banan kakan', day: i % 10 }));
    }
    const keep: { value: RelatedState | undefined } = { value: undefined };
    const news = { title: 'banan', summary: '', body: 'kakan', tags: [], category: '' };
    rank(archive, keep);
    // 64 stories: a step of 4 (frozen.ts), so up to 67 the frequencies are over the oldest 64.
    apply(archive, { kind: 'publish', story: news, back: 0 });
    expect(rank(archive, keep).kept).toBe(64);
    // A story dated among the frozen ones pushes the newest of them out: still an update.
    apply(archive, { kind: 'backdate', story: news, day: 0 });
    expect(rank(archive, keep).kept).toBe(65);
    // So is an edit of a frozen story, which moves the frozen counts of the words it adds.
    archive.stories.set('s-0', { ...archive.stories.get('s-0')!, body: 'lain sekali' });
    expect(rank(archive, keep).kept).toBe(65);
    // The 68th story crosses the step: every IDF moves, and the whole archive is counted again
    // (no term cache here, so none kept).
    apply(archive, { kind: 'publish', story: news, back: 0 });
    apply(archive, { kind: 'publish', story: news, back: 0 });
    expect(rank(archive, keep).kept).toBe(0);
    const full = rank(archive);
    expect(rank(archive, keep).lists).toEqual(full.lists);
  });

  it('counts the weights a change moved, for the build log', () => {
    // A publish that moves weights searches many lists again; the log says how many moved.
    const archive: Archive = { stories: new Map(), excludes: new Map(), lastDay: 10, next: 0 };
    // 64 stories: the frequencies are over the oldest 64 up to 67 (frozen.ts), so each step is an update.
    for (let i = 0; i < 64; i++)
      archive.stories.set(`s-${i}`, makeDoc(`s-${i}`, { title: WORDS[i % 9] ?? '', body: 'banan', day: i % 10 }));
    const keep: { value: RelatedState | undefined } = { value: undefined };
    rank(archive, keep);
    const news = { title: 'banan', summary: '', body: 'zubaba', tags: ['Langka 1'], category: '' };
    // A new word and tag in one story weigh nothing yet (frozen.ts), and their weight does not move.
    apply(archive, { kind: 'publish', story: news, back: 0 });
    rank(archive, keep);
    expect(lastRanking).toMatchObject({ updated: true, moved: { terms: 0, tags: 0 } });
    // In a second story they start to weigh: one word and one tag moved.
    apply(archive, { kind: 'publish', story: news, back: 0 });
    rank(archive, keep);
    expect(lastRanking).toMatchObject({ updated: true, moved: { terms: 1, tags: 1 } });
    apply(archive, { kind: 'same', pick: 0 });
    rank(archive, keep);
    expect(lastRanking).toMatchObject({ updated: true, moved: { terms: 0, tags: 0 } });
  });
});
