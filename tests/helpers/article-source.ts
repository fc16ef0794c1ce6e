import type { ArticleSource } from '../../src/lib/content/parse-article.ts';

/** An in-memory article file for core tests. */
export function source(path: string, text: string | Uint8Array): ArticleSource {
  return {
    path,
    displayPath: `content/${path}`,
    bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
  };
}

/** A minimal valid article with the given extra front matter lines and body. */
export function article(
  path: string,
  { title = 'Judul', front = '', body = 'JAKARTA - Isi berita.' } = {},
): ArticleSource {
  return source(
    path,
    `---\ntitle: "${title}"\ndate: 2024-12-20T10:00:00+07:00\ncategory: Nasional\n${front}---\n\n${body}\n`,
  );
}
