import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type SiteBuild } from '../helpers/build-site.ts';

describe('html-validate (recommended preset) on every emitted page', () => {
  let site: SiteBuild;
  beforeAll(() => {
    site = buildSite('content', { WARTA_PAGE_SIZE: '5' });
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });

  it('reports no errors', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
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
});
