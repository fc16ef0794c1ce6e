import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArticles } from '../../scripts/generate-corpus.ts';
import { PublishProcess } from '../../scripts/publish-process.ts';
import { lockHolder } from '../../src/lib/storage/build-lock.ts';
import { buildSite, childEnv, digestFiles } from '../helpers/build-site.ts';
import { apply, env, step } from '../helpers/publish-steps.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #20: the publish server (`npm run publish`, scripts/publish.ts) runs every publish as a build
// in one process, so whatever a build leaves in memory outlives it: the clock, the published
// articles, the pages' cached site index, the build lock. After a random sequence of editors'
// changes, each published by the server as it sees it, the site must equal a clean build of the
// same content, byte for byte, as publish-sequence.test.ts checks for one process per build. A
// story with an error in between must fail its publish with the file named, leave the site as it
// was, and not stop the server.

const root = path.resolve(import.meta.dirname, '../..');
const lockFile = path.join(root, '.astro/warta-build.lock');

/** A publish server on its own folders (scripts/publish-process.ts), waited for as an editor would. */
class Server extends PublishProcess {
  constructor(variables: Record<string, string>) {
    super(childEnv({ ...variables, WARTA_PUBLISH_SETTLE_MS: '150' }), ['--max-semi-space-size=64']);
  }

  /** How many publishes have started. */
  started(): number {
    return this.starts().length;
  }

  /**
   * Waits until the publishes that started after the first `before` have ended and no other starts
   * within a second (what one editor's change sets off); returns how the last one ended and its log.
   */
  async settled(before: number): Promise<{ outcome: 'done' | 'failed'; log: string }> {
    for (let waited = 0; waited < 240_000; waited += 100) {
      this.checkRunning();
      const started = this.started();
      const end = this.ended(started);
      if (started > before && end) {
        await sleep(1000);
        if (this.started() === started) return { outcome: end.outcome, log: end.log };
      }
      await sleep(100);
    }
    throw new Error(`no publish ended within 4 minutes:\n${this.log.slice(-3000)}`);
  }
}

describe('the publish server (npm run publish, issue #20)', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop();
  });

  it('publishes each change in one process and ends with exactly the site a clean build makes', async () => {
    const base = makeTempDir('warta-server-');
    const content = path.join(base, 'content');
    fs.mkdirSync(content);
    for (const a of generateArticles(150, { seed: 11 })) fs.writeFileSync(path.join(content, a.fileName), a.source);

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 4 }), async (steps) => {
        const server = new Server({ WARTA_CONTENT_DIR: content, ...env(base, 'dist', 'cache') });
        servers.push(server);
        const first = await server.settled(0);
        expect(first.outcome, first.log).toBe('done');
        // Idle, the server holds no lock: a build of this checkout elsewhere need not wait for it.
        const worker = server.workerPid();
        expect(worker).toBeGreaterThan(0);
        expect(lockHolder(lockFile)).not.toBe(worker);

        const done: string[] = [];
        for (const [i, s] of steps.entries()) {
          const before = server.started();
          done.push(apply(content, s, i));
          const publish = await server.settled(before);
          expect(publish.outcome, `${done.join('; ')}\n${publish.log}`).toBe('done');
        }

        // An editor's mistake: the publish fails naming the file, the live site stays as it was, and
        // the server goes on to publish the fix.
        const outDir = path.join(base, 'dist');
        const live = digestFiles(outDir);
        const broken = path.join(content, 'berita-rusak.md');
        const before = server.started();
        fs.writeFileSync(broken, '---\ntitle: "Berita Rusak"\ndate: kemarin sore\ncategory: Nasional\n---\n\nIsi.\n');
        const failed = await server.settled(before);
        expect(failed.outcome).toBe('failed');
        expect(failed.log).toMatch(/berita-rusak\.md:3/);
        expect(failed.log).toContain('the site was left as it was');
        expect(digestFiles(outDir)).toEqual(live);
        expect(fs.readdirSync(base).filter((name) => name.startsWith('dist.staging-'))).toEqual([]);
        const afterFailure = server.started();
        fs.rmSync(broken);
        const fixed = await server.settled(afterFailure);
        expect(fixed.outcome, fixed.log).toBe('done');

        // A story in a new folder, then an edit of it: the server watches folders as they appear.
        const folder = path.join(content, 'daerah');
        const story = path.join(folder, 'berita-daerah.md');
        const beforeFolder = server.started();
        fs.mkdirSync(folder);
        fs.writeFileSync(
          story,
          '---\ntitle: "Berita dari Daerah"\ndate: 2025-05-20T10:00:00+07:00\ncategory: Nasional\n---\n\nIsi.\n',
        );
        // With a story its edit below makes related: the same tag and the same flood.
        const flood = 'Banjir bandang merendam permukiman warga di bantaran sungai, ribuan warga mengungsi ke posko.';
        fs.writeFileSync(
          path.join(folder, 'banjir-daerah.md'),
          `---\ntitle: "Banjir Bandang Rendam Permukiman Warga"\ndate: 2025-05-19T10:00:00+07:00\ncategory: Nasional\ntags: [Banjir Bandang]\n---\n\n${flood}\n`,
        );
        expect((await server.settled(beforeFolder)).outcome).toBe('done');
        const beforeEdit = server.started();
        fs.writeFileSync(
          story,
          `---\ntitle: "Banjir Bandang Kembali Rendam Permukiman"\ndate: 2025-05-20T10:00:00+07:00\ncategory: Nasional\ntags: [Banjir Bandang]\n---\n\n${flood}\n\nParagraf kedua dari daerah.\n`,
        );
        const edited = await server.settled(beforeEdit);
        expect(edited.outcome, edited.log).toBe('done');
        // The newest story edited, the archive's size the same: the kept related index is updated,
        // not ranked again in full (src/lib/related/incremental.ts). The older flood story's list,
        // which only this edit makes it appear in, is searched again: the clean build below fails
        // otherwise (checked by leaving out the lists that read a changed story's posting lists).
        expect(edited.log).toMatch(/related [\d.]+ s, \d+ lists searched again/);
        // The links too: the kept link table resolves again the edited story's links and those of
        // the few stories that look up one of its keys (its old or new headline's, its slug), not
        // the site's (src/lib/content/kept-links.ts).
        const resolvedAgain = Number(/resolve [\d.]+ s, (\d+) resolved again/.exec(edited.log)?.[1]);
        expect(resolvedAgain).toBeGreaterThanOrEqual(1);
        expect(resolvedAgain).toBeLessThan(10);
        expect(fs.readFileSync(path.join(outDir, 'berita/banjir-daerah/index.html'), 'utf8')).toContain(
          'Banjir Bandang Kembali Rendam Permukiman',
        );

        // A story saved through a hard link outside the folder, which its watch does not see: a publish
        // stats only what the watcher reported (src/lib/storage/reported-changes.ts), so the one set
        // off by another change keeps the story's old text, and the check after it finds the file's
        // stamp changed and publishes it, saying so.
        const outside = path.join(base, 'di-luar.md');
        const linked = (title: string) =>
          `---\ntitle: "${title}"\ndate: 2025-05-21T10:00:00+07:00\ncategory: Nasional\n---\n\nJAKARTA - Isi berita lewat tautan.\n`;
        const trigger = (n: number) =>
          fs.writeFileSync(
            path.join(content, `pemicu-${n}.md`),
            `---\ntitle: "Pemicu Nomor ${n}"\ndate: 2025-05-22T10:00:00+07:00\ncategory: Ekonomi\n---\n\nJAKARTA - Pemicu.\n`,
          );
        fs.writeFileSync(outside, linked('Berita Lewat Tautan'));
        const beforeLink = server.started();
        fs.linkSync(outside, path.join(content, 'lewat-tautan.md'));
        expect((await server.settled(beforeLink)).outcome).toBe('done');
        // Stamped only once its times are two seconds old (file-stamps.ts): a publish after that.
        await sleep(2500);
        const beforeStamp = server.started();
        trigger(1);
        expect((await server.settled(beforeStamp)).outcome).toBe('done');
        const beforeUnseen = server.started();
        fs.writeFileSync(outside, linked('Berita Lewat Tautan Diubah'));
        trigger(2);
        for (let waited = 0; !server.log.includes('without the watcher reporting it'); waited += 100) {
          expect(waited, server.log.slice(-3000)).toBeLessThan(120_000);
          await sleep(100);
        }
        const unseen = await server.settled(beforeUnseen);
        expect(unseen.outcome, unseen.log).toBe('done');
        expect(server.log).toMatch(/1 file\(s\) changed without the watcher reporting it \(lewat-tautan\.md\)/);
        expect(unseen.log).toContain('changes the watcher did not report');
        expect(fs.readFileSync(path.join(outDir, 'berita/lewat-tautan/index.html'), 'utf8')).toContain(
          'Berita Lewat Tautan Diubah',
        );

        // Last, whatever the random steps were, a headline change: the server keeps what a build made
        // of an unchanged story for the next publish (acrossBuilds), and the stories that link the
        // story by its file (every generated story links two) must show its new headline. Last, since
        // a publish after a full build or a failed one starts from parsed articles read anew, keeps
        // nothing, and would put right any page an earlier publish left stale.
        const beforeHeadline = server.started();
        done.push(apply(content, { kind: 'headline', pick: 75 }, steps.length));
        const headline = await server.settled(beforeHeadline);
        expect(headline.outcome, headline.log).toBe('done');

        const clean = buildSite(content, env(base, 'dist-clean', 'cache-clean'));
        expect(clean.status, clean.output.slice(-3000)).toBe(0);
        expect(digestFiles(outDir), done.join('; ')).toEqual(digestFiles(clean.outDir));

        // A stop while idle ends the process cleanly (the supervisor passes SIGTERM on).
        expect(await server.stop()).toBe(143);
        fs.rmSync(path.join(base, 'dist-clean'), { recursive: true, force: true });
      }),
      { numRuns: 1, endOnFailure: true },
    );
  }, 900_000);
});
