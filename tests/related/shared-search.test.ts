import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { createRelatedIndex, parseRelatedConfig } from '../../src/lib/related/index.ts';
import type { ParallelOptions, RelatedDocument } from '../../src/lib/related/index.ts';
import { lastShare } from '../../src/lib/related/shared-search.ts';
import { loadFixture } from './helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workerFile = path.join(root, 'src/lib/related/search-worker.ts');

function finalized(docs: readonly RelatedDocument[], parallel?: ParallelOptions) {
  // Capped lists, so that searches take the approximate path too.
  const index = createRelatedIndex(parseRelatedConfig({ maxPostingsPerTerm: 8, maxPostingsPerTag: 10 }), { parallel });
  for (const doc of docs) index.add(doc);
  index.finalize();
  return index;
}

describe('searchMany', () => {
  const docs = generateCorpus(1200, { seed: 5 }).map((a) => ({
    ...a,
    body: a.body.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'),
  }));
  // Each article leaves out the next two, as its "Baca juga" would.
  const requests = docs.map((doc, i) => ({
    slug: doc.slug,
    exclude: new Set([docs[(i + 1) % docs.length]?.slug ?? '', docs[(i + 2) % docs.length]?.slug ?? '']),
  }));
  const one = finalized(docs);
  const expected = requests.map(({ slug, exclude }) => one.search(slug, { exclude }));

  it('gives what search gives, request by request, on this thread', () => {
    expect(one.searchMany(requests)).toEqual(expected);
    expect(one.searchMany(requests, 2)).toEqual(
      requests.map(({ slug, exclude }) => one.search(slug, { exclude, limit: 2 })),
    );
    expect(one.searchMany(requests, 0)).toEqual(requests.map(() => []));
    expect(() => one.searchMany([{ slug: 'missing' }])).toThrow(/unknown article "missing"/);
  });

  it('gives the same lists and scores, to the bit, on worker threads', () => {
    // Not vacuous: most articles have a list, and the workers take part of the work (enough searches
    // that they start before this thread has taken them all).
    expect(expected.filter((list) => list.length > 0).length).toBeGreaterThan(docs.length / 2);
    const three = finalized(docs, { threads: 3, workerFile, minSearches: 1 });
    lastShare.onWorkers = 0;
    // More rounds until a worker has searched too: how soon one starts depends on the machine's load.
    for (let rounds = 10; lastShare.onWorkers === 0; rounds *= 2) {
      expect(rounds).toBeLessThan(1000);
      const many = three.searchMany(Array.from({ length: rounds }, () => requests).flat());
      for (let round = 0; round < rounds; round++)
        expect(many.slice(round * docs.length, (round + 1) * docs.length)).toEqual(expected);
    }
    expect(lastShare.onWorkers).toBeLessThan(lastShare.searches);
    // An index of fewer articles than minSearches keeps its tables in its own memory and copies
    // them into shared memory only for a call with enough searches.
    const late = finalized(docs, { threads: 2, workerFile, minSearches: 5000 });
    lastShare.onWorkers = 0;
    for (let rounds = 10; lastShare.onWorkers === 0; rounds *= 2) {
      expect(rounds).toBeLessThan(1000);
      const many = late.searchMany(Array.from({ length: rounds }, () => requests).flat());
      expect(many.slice(-docs.length)).toEqual(expected);
    }
    expect(three.searchMany(requests.slice(0, 7))).toEqual(expected.slice(0, 7));
  });

  it('searches on this thread alone below minSearches, or when a worker cannot start', () => {
    const fixture = loadFixture();
    const plain = finalized(fixture);
    const want = fixture.map((d) => plain.search(d.slug));
    const requests = fixture.map((d) => ({ slug: d.slug }));
    expect(
      finalized(fixture, { threads: 2, workerFile: '/nonexistent/worker.ts', minSearches: 1 }).searchMany(requests),
    ).toEqual(want);
    expect(finalized(fixture, { threads: 2, workerFile: '/nonexistent/worker.ts' }).searchMany(requests)).toEqual(want);
  });

  it('fails when a worker fails while searching (the worker prints why)', () => {
    const failing = path.join(root, 'tests/fixtures/related/failing-search-worker.ts');
    const index = finalized(docs, { threads: 2, workerFile: failing, minSearches: 1 });
    const many = Array.from({ length: 40 }, () => requests).flat();
    expect(() => index.searchMany(many)).toThrow(/a search worker failed/);
  });
});
