import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticles } from '../../scripts/generate-corpus.ts';
import { buildSite, digestFiles } from '../helpers/build-site.ts';
import { apply, env, step } from '../helpers/publish-steps.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #20: after any sequence of publishes, edits, headline changes and deletions, each followed
// by a warm build into the same output and cache folders (what a newsroom does all day), the site
// must equal a clean build of the same content, byte for byte. Every cache a warm build trusts (the
// parse cache, the rendered bodies, Astro's page cache, the search shards, the picture variants)
// is checked by this at once. Builds are slow, so few runs of a few steps each, and no shrinking:
// a failure prints fast-check's seed and the steps, which replay it.

const ARTICLES = 150;

describe('publishing, editing and unpublishing in any order (issue #20)', () => {
  let base: string;
  beforeAll(() => {
    base = makeTempDir('warta-sequence-');
    fs.mkdirSync(path.join(base, 'content'));
    for (const a of generateArticles(ARTICLES, { seed: 7 }))
      fs.writeFileSync(path.join(base, 'content', a.fileName), a.source);
  });

  it('leaves, after each sequence of warm builds, exactly the site a clean build makes', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 3, maxLength: 4 }), (steps) => {
        const work = path.join(base, `run-${run++}`);
        const content = path.join(work, 'content');
        fs.cpSync(path.join(base, 'content'), content, { recursive: true });
        const done: string[] = [];
        const check = (label: string, build: ReturnType<typeof buildSite>) => {
          if (build.status !== 0)
            throw new Error(`${label} build failed after ${done.join('; ')}:\n${build.output.slice(-3000)}`);
        };
        check('first', buildSite(content, env(work, 'dist', 'cache')));
        for (const [i, s] of steps.entries()) {
          done.push(apply(content, s, i));
          check('warm', buildSite(content, env(work, 'dist', 'cache')));
        }
        const clean = buildSite(content, env(work, 'dist-clean', 'cache-clean'));
        check('clean', clean);
        expect(digestFiles(path.join(work, 'dist')), done.join('; ')).toEqual(digestFiles(clean.outDir));
        fs.rmSync(work, { recursive: true, force: true });
      }),
      { numRuns: 2, endOnFailure: true },
    );
  }, 900_000);
});
