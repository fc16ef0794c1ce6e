import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

// What an editor does to a content folder, one step at a time, for the tests that check a sequence of
// publishes against a clean build (publish-sequence.test.ts, publish-server.test.ts; issue #20).
export const env = (work: string, name: string, cache: string) => ({
  WARTA_NOW: '2025-06-01T00:00:00+07:00',
  // Small shards and pages, so the 150 stories fill several of each: quarters, months and the
  // newest month's small shards (shards.ts), and pages whose boundaries shift.
  WARTA_SEARCH_SHARD_SIZE: '12',
  WARTA_PAGE_SIZE: '5',
  WARTA_OUT_DIR: path.join(work, name),
  WARTA_CACHE_DIR: path.join(work, cache),
});

export type Step =
  | { readonly kind: 'publish'; readonly hours: number; readonly pick: number }
  | { readonly kind: 'edit' | 'headline' | 'delete' | 'draft'; readonly pick: number };

export const step: fc.Arbitrary<Step> = fc.oneof(
  // A new story, dated up to 40 days after the newest, so some publishes open a new month.
  fc.record({ kind: fc.constant('publish' as const), hours: fc.integer({ min: 1, max: 960 }), pick: fc.nat() }),
  fc.record({
    kind: fc.constantFrom('edit' as const, 'headline' as const, 'delete' as const, 'draft' as const),
    pick: fc.nat(),
  }),
);

/** The stories in `content`, by file name, with their text. */
const stories = (content: string) =>
  fs
    .readdirSync(content)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(content, f), 'utf8') }));
const field = (text: string, name: string) => new RegExp(`^${name}: *"?([^"\\n]+)"?$`, 'm').exec(text)?.[1] ?? '';

/** Applies one step to the content folder as an editor would; returns what it did, for the report. */
export function apply(content: string, s: Step, n: number): string {
  const all = stories(content).filter((a) => !/^draft: true$/m.test(a.text));
  const target = all[s.pick % all.length];
  if (!target) return 'nothing (no stories)';
  const write = (file: string, text: string) => fs.writeFileSync(path.join(content, file), text);
  switch (s.kind) {
    case 'publish': {
      const newest = Math.max(...all.map((a) => Date.parse(field(a.text, 'date'))));
      const date = new Date(newest + s.hours * 3600_000).toISOString();
      const file = `terbit-${n}.md`;
      write(
        file,
        `---\ntitle: "Berita Terbit Nomor ${n} tentang ${field(target.text, 'category')}"\ndate: ${date}\ncategory: ${field(target.text, 'category')}\ntags: [Uji Terbit]\nauthor: Redaksi Warta\n---\n\nJAKARTA - Berita baru nomor ${n} tentang pemerintah dan ${field(target.text, 'dateline')}.\n`,
      );
      return `publish ${file} at ${date}`;
    }
    case 'edit':
      write(target.file, `${target.text}\nParagraf tambahan nomor ${n} tentang pemerintah daerah.\n`);
      return `edit ${target.file}`;
    case 'headline': {
      // Other stories' "Baca juga" may name it by headline: the editor updates those lines too.
      const old = field(target.text, 'title');
      const title = `Judul Baru Nomor ${n}`;
      for (const a of stories(content))
        if (a.file !== target.file && a.text.includes(`- ${old}\n`))
          write(a.file, a.text.replace(`- ${old}\n`, `- ${title}\n`));
      write(target.file, target.text.replace(/^title: .*$/m, `title: "${title}"`));
      return `headline ${target.file}: ${title}`;
    }
    case 'delete':
    case 'draft': {
      // The editor removes the "Baca juga" lines that lead to it first (a link to an unpublished
      // story is an error), and an emptied "Baca juga" block with them.
      const old = field(target.text, 'title');
      const slug = target.file.replace(/\.md$/, '');
      for (const a of stories(content)) {
        if (a.file === target.file) continue;
        const text = a.text
          .split('\n')
          .filter((line) => line !== `- ${old}` && !line.includes(`](${slug}.md)`))
          .join('\n')
          .replace(/Baca juga:\n\n(?!- )/g, '');
        if (text !== a.text) write(a.file, text);
      }
      if (s.kind === 'delete') fs.rmSync(path.join(content, target.file));
      else write(target.file, target.text.replace(/^---\n/, '---\ndraft: true\n'));
      return `${s.kind} ${target.file}`;
    }
  }
}
