import yaml from 'js-yaml';
import { escapeLinkLabel, escapeMarkdownText } from './escape-markdown.ts';
import type { BacaJugaResolution } from './resolve-baca-juga.ts';

/** Front matter of an imported article, in the order it is written. Empty fields are left out. */
export interface ArticleFrontMatter {
  /** Headline, as written in the wire copy. */
  readonly title: string;
  /** Only when the file name does not give the slug (an overwritten file that had `slug:`). */
  readonly slug?: string | undefined;
  /** `YYYY-MM-DDTHH:MM:SS+07:00`. */
  readonly date: string;
  /** Category name. */
  readonly category: string;
  /** Tag names; left out when empty. */
  readonly tags?: readonly string[] | undefined;
  /** Byline. */
  readonly author?: string | undefined;
  /** Upper-cased dateline city. */
  readonly dateline?: string | undefined;
  /** Credited publication. */
  readonly source?: { readonly name: string; readonly url?: string | undefined } | undefined;
}

/** A body block of the article: a paragraph, or a resolved "Baca juga" list. */
export type ArticleBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'baca-juga'; readonly items: readonly BacaJugaResolution[] };

// A plain timestamp in front matter: written unquoted so it reads as the date it is.
const JAKARTA_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

/** Renders front matter and body as the Markdown file the site build reads. */
export function renderArticle(frontMatter: ArticleFrontMatter, blocks: readonly ArticleBlock[]): string {
  return `---\n${renderFrontMatter(frontMatter)}---\n\n${blocks.map(renderBlock).join('\n\n')}\n`;
}

/** YAML front matter (without the `---` fences), keys in a fixed order, undefined and empty fields dropped. */
export function renderFrontMatter(frontMatter: ArticleFrontMatter): string {
  const { title, slug, date, category, tags, author, dateline, source } = frontMatter;
  if (!JAKARTA_TIMESTAMP.test(date))
    throw new Error(`front matter date must look like 2024-12-27T10:15:00+07:00, got "${date}"`);
  const fields: Record<string, unknown> = { title, slug, date, category, tags, author, dateline, source };
  const data = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
  // js-yaml quotes timestamp-like strings; the checked date is the one field meant to be a
  // YAML timestamp, so it is dumped as a placeholder and put back plain (validated above).
  const placeholder = 'WARTA_DATE_PLACEHOLDER';
  const text = yaml.dump({ ...data, date: placeholder }, { lineWidth: -1, noRefs: true, noCompatMode: false });
  return text.replace(`date: ${placeholder}\n`, `date: ${date}\n`);
}

function renderBlock(block: ArticleBlock): string {
  if (block.kind === 'paragraph') return escapeMarkdownText(block.text);
  const items = block.items.map((item) =>
    item.kind === 'link'
      ? `- [${escapeLinkLabel(item.title)}](${formatHref(item.href)})`
      : `- ${escapeMarkdownText(item.text)}`,
  );
  return `Baca juga:\n\n${items.join('\n')}`;
}

/** A link destination; one with spaces or brackets is wrapped in `<...>` as CommonMark allows. */
function formatHref(href: string): string {
  return /[\s()<>]/u.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
}
