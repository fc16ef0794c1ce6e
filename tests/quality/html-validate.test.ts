import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type SiteBuild } from '../helpers/build-site.ts';

// Two validators over one build: html-validate's rules, and the W3C's Nu checker (vnu), which
// parses as browsers do and found what html-validate missed, e.g. a <script> after </html>.

describe('every emitted page validates', () => {
  let site: SiteBuild;
  beforeAll(() => {
    site = buildSite('content', { WARTA_PAGE_SIZE: '5' });
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });

  it('html-validate (recommended preset) reports no errors', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      // Titles keep the whole headline and the site name (issue #18): a search engine or a tab
      // shortens a long title itself, and cutting it here lost words readers search for.
      rules: { 'long-title': 'off' },
    });
    const files = listFiles(site.outDir).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(site.read(file), file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the W3C Nu checker (vnu) reports no errors or warnings', () => {
    const jar = path.join(
      path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
      'build/dist/vnu.jar',
    );
    const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--skip-non-html', site.outDir], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.error).toBeUndefined();
    const { messages } = JSON.parse(run.stderr) as {
      messages: { type: string; subType?: string; url?: string; lastLine?: number; message: string }[];
    };
    const problems = messages
      // vnu checks files without an origin, so it cannot match 'self' in the pages' CSP and
      // reports every same-site stylesheet, script and image (and JSON-LD data blocks, which CSP
      // does not govern) as blocked. Chromium, which does have the origin, is the CSP check: the
      // search page's browser test, the page that runs scripts, fails on any console error, which a
      // CSP violation is.
      .filter((m) => !m.message.includes('violates Content Security Policy'))
      .map(
        (m) =>
          `${path.relative(site.outDir, new URL(m.url ?? 'file:///').pathname)}:${m.lastLine ?? 0} ${m.type}${m.subType ? `/${m.subType}` : ''} ${m.message}`,
      );
    expect(problems).toEqual([]);
  }, 120_000);
});
