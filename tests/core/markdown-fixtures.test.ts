import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillBacaJuga, type BacaJugaReference } from '../../src/lib/markdown/baca-juga.ts';
import { parseMarkdown, renderMarkdownTree, type RenderOptions } from '../../src/lib/markdown/processor.ts';

// One folder per case, as remark-toc's tests: `input.md`, the body; `output.html`, what the pipeline
// makes of it; optional `config.json`, the RenderOptions; and `messages.txt` when the plugins report
// something (absent means nothing), one a line as vfile-reporter prints them. UPDATE_FIXTURES=1
// rewrites the outputs and messages. Tailwind scans every file in the project for class names, so
// no fixture or comment here may hold a CSS property and value in square brackets, Tailwind's
// arbitrary-property syntax: one did, and became a rule in the site's CSS.
const root = path.resolve(import.meta.dirname, '../fixtures/markdown');
const cases = fs
  .readdirSync(root)
  .filter((name) => fs.statSync(path.join(root, name)).isDirectory())
  .sort();
const update = process.env['UPDATE_FIXTURES'] === '1';

/** What a "Baca juga" item names, shown as the link's slug so the output says how it was read. */
function named(reference: BacaJugaReference): string {
  switch (reference.kind) {
    case 'file':
      return `file:${reference.path}`;
    case 'slug':
      return `slug:${reference.slug}`;
    case 'title':
      return `title:${reference.title}`;
    case 'unsupported':
      return `unsupported:${reference.url}`;
  }
}

/** Renders a body as parse-article does, then fills each slot with its items as the build would. */
function run(input: string, options: RenderOptions): { html: string; messages: string } {
  const rendered = renderMarkdownTree(parseMarkdown(input), options);
  const links = rendered.bacaJuga.map((block) =>
    block.items.map((item) => ({ slug: named(item.reference), title: `${item.text} (${item.line}:${item.column})` })),
  );
  const messages = rendered.messages.map((m) =>
    [`${m.line ?? 0}:${m.column ?? 0}`, 'warning', m.reason, m.ruleId ?? '', `${m.source ?? ''}\n`].join('  '),
  );
  return { html: fillBacaJuga(rendered.html, rendered.bacaJugaSlots, links), messages: messages.join('') };
}

function readOptional(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

describe('markdown fixtures', () => {
  it('has a case per behaviour of the pipeline', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s', (name) => {
    const dir = path.join(root, name);
    const config = readOptional(path.join(dir, 'config.json'));
    const options = config === undefined ? {} : (JSON.parse(config) as RenderOptions);
    const actual = run(fs.readFileSync(path.join(dir, 'input.md'), 'utf8'), options);
    const outputFile = path.join(dir, 'output.html');
    const messagesFile = path.join(dir, 'messages.txt');
    if (update) {
      fs.writeFileSync(outputFile, actual.html);
      if (actual.messages === '') fs.rmSync(messagesFile, { force: true });
      else fs.writeFileSync(messagesFile, actual.messages);
    }
    expect(actual.html).toBe(fs.readFileSync(outputFile, 'utf8'));
    expect(actual.messages).toBe(readOptional(messagesFile) ?? '');
  });
});
