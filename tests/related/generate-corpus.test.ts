// The corpus generator must stay byte-identical to shared/bench/gencorpus.mjs,
// and the index must stay deterministic on it when posting lists are capped.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { createRelatedIndex, parseRelatedConfig, rankRelated } from '../../src/lib/related/index.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedScript = path.resolve(repoRoot, '../shared/bench/gencorpus.mjs');

describe('generateCorpus', () => {
  it('is deterministic per seed and returns consistent fields', () => {
    const a = generateCorpus(20, { seed: 7 });
    expect(generateCorpus(20, { seed: 7 })).toEqual(a);
    expect(generateCorpus(20, { seed: 8 })[0]!.title).not.toBe(a[0]!.title);
    for (const article of a) {
      expect(article.fileName).toBe(`${article.slug}.md`);
      expect(
        article.source.startsWith(
          `---\ntitle: ${JSON.stringify(article.title)}\ndate: ${article.date.toISOString()}\n`,
        ),
      ).toBe(true);
      expect(article.source.endsWith(`---\n\n${article.body}`)).toBe(true);
      expect(article.body).toContain('Baca juga:');
      expect(article.source).toContain(`summary: ${JSON.stringify(article.summary)}`);
    }
  });

  it.skipIf(!fs.existsSync(sharedScript))('writes the same files as shared/bench/gencorpus.mjs', () => {
    const dir = makeTempDir('warta-corpus-');
    try {
      execFileSync(process.execPath, [sharedScript, '50', path.join(dir, 'shared'), '--seed', '11'], {
        stdio: 'ignore',
      });
      execFileSync(
        process.execPath,
        [path.join(repoRoot, 'scripts/generate-corpus.ts'), '50', path.join(dir, 'ours'), '--seed', '11'],
        { stdio: 'ignore' },
      );
      const names = fs.readdirSync(path.join(dir, 'shared')).sort();
      expect(fs.readdirSync(path.join(dir, 'ours')).sort()).toEqual(names);
      expect(names).toHaveLength(50);
      for (const name of names) {
        expect(fs.readFileSync(path.join(dir, 'ours', name), 'utf8')).toBe(
          fs.readFileSync(path.join(dir, 'shared', name), 'utf8'),
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('related index on a generated corpus with capped lists', () => {
  const docs = generateCorpus(400, { seed: 3 }).map((a) => ({
    ...a,
    body: a.body.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'),
  }));
  const config = parseRelatedConfig({ maxPostingsPerTerm: 8, maxPostingsPerTag: 10 });

  it('stays deterministic and bounded', () => {
    const first = rankRelated(docs, config);
    expect([...rankRelated(docs, config)]).toEqual([...first]);
    for (const [slug, list] of first) {
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list.map((m) => m.slug)).not.toContain(slug);
    }
    const index = createRelatedIndex(config);
    for (const doc of docs) index.add(doc);
    index.finalize();
    expect(index.stats().cappedTerms).toBeGreaterThan(0);
    // 25 terms x 8 postings + 3 tags x 10 postings bound the candidates of any article.
    for (const doc of docs.slice(0, 50))
      expect(index.search(doc.slug, { limit: 400 }).length).toBeLessThanOrEqual(25 * 8 + 3 * 10);
  });
});
