import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { keepResultsAcrossBuilds } from '../../src/lib/once-per-object.ts';
import { prepareSearchIndex, type IndexedArticle } from '../../src/lib/search/build-index.ts';
import { source } from '../helpers/article-source.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #20: in the publish server, a search shard whose stories are the last build's data objects,
// in order and with the same text digests, keeps its digest without joining and hashing its text
// again (shardDigest in build-index.ts). Whatever it keeps must be the digest a fresh build makes.
keepResultsAcrossBuilds();

const built = buildContent(
  ['2024-10-05', '2024-11-05', '2024-12-05'].flatMap((day, month) =>
    [0, 1].map((i) =>
      source(
        `arsip/${day}-${i}.md`,
        `---\ntitle: "Berita ${month}-${i}"\ndate: ${day}T1${i}:00:00+07:00\ncategory: Nasional\n---\n\nJAKARTA - Isi berita ${month} ${i}.\n`,
      ),
    ),
  ),
  { now: new Date('2025-01-01T00:00:00Z') },
);

/** Each shard's digest, as it names the shard's cache folder. */
function digests(articles: readonly IndexedArticle[]): string[] {
  const work = makeTempDir('warta-kept-shards-');
  const plan = prepareSearchIndex(articles, path.join(work, 'pagefind'), {
    cacheDirectory: path.join(work, 'cache'),
    shardSize: 2,
  });
  return plan.shards.map((shard) => path.basename(shard.cached ?? ''));
}

/** The articles as new objects: a fresh digest, nothing kept. */
const fresh = (articles: readonly IndexedArticle[]): IndexedArticle[] =>
  articles.map((a) => ({
    data: { ...a.data },
    text: a.text,
    ...(a.textDigest === undefined ? {} : { textDigest: a.textDigest }),
  }));

describe('search shard digests kept across builds', () => {
  const withDigests = built.articles.map((a, i) => ({ data: a.data, text: a.text, textDigest: `d${i}` }));

  it('are the digests a fresh build makes, for the same stories and after one story’s text changed', () => {
    expect(built.articles).toHaveLength(6);
    const first = digests(withDigests);
    expect(new Set(first).size).toBe(3);
    expect(digests(withDigests)).toEqual(first);
    expect(digests(fresh(withDigests))).toEqual(first);
    // The same data object with another text: its shard's digest moves, the others' stay. (Kept from
    // the build just before, which had the same objects.)
    expect(digests(withDigests)).toEqual(first);
    const edited = withDigests.map((a, i) => (i === 3 ? { ...a, textDigest: 'edited' } : a));
    const after = digests(edited);
    expect(after).toEqual(digests(fresh(edited)));
    expect(after.filter((d, i) => d !== first[i])).toHaveLength(1);
    // A story gone from a shard.
    digests(withDigests);
    const fewer = withDigests.filter((_, i) => i !== 1);
    expect(digests(fewer)).toEqual(digests(fresh(fewer)));
  });

  it('are never kept for a story without a text digest, whose text is read', () => {
    const withoutDigest = built.articles.map((a) => ({ data: a.data, text: a.text }));
    const before = digests(withoutDigest);
    expect(digests(withoutDigest)).toEqual(before);
    const changed = withoutDigest.map((a, i) => (i === 5 ? { data: a.data, text: `${a.text} Lagi.` } : a));
    expect(digests(changed)).not.toEqual(before);
    expect(digests(changed)).toEqual(digests(fresh(changed)));
  });
});
