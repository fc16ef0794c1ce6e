// The Markdown pipeline: parse with one of two frozen parsers, then one frozen `.use()` chain from
// mdast to safe HTML. Each step is a plugin over a pure tree function in this folder; problems are
// reported on the VFile with the node's line:column.
import type { Root } from 'mdast';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { BacaJugaBlock } from './baca-juga.ts';
import type { RenderedBody } from './baca-juga-slots.ts';
import { rehypeEmbeds } from './rehype-embeds.ts';
import { rehypeImages, type ImageContext } from './rehype-images.ts';
import type { ImageAsset } from '../images/variants.ts';
import type { ImageDependency } from '../storage/image-probe.ts';
import type { WartaError } from '../errors/index.ts';
import { rehypeRawWhenNeeded } from './rehype-raw-when-needed.ts';
import { rehypeStringifySlots } from './rehype-stringify-slots.ts';
import { remarkBacaJuga } from './remark-baca-juga.ts';
import { remarkDateline } from './remark-dateline.ts';
import { DEFAULT_EMBED_HOSTS, newsSchema } from './sanitize-schema.ts';

export type { RenderedBody } from './baca-juga-slots.ts';

/** Options of {@link renderMarkdownTree}. */
export interface RenderOptions {
  /** Hosts allowed in `<iframe src>`. Default: {@link DEFAULT_EMBED_HOSTS}. */
  readonly embedHosts?: readonly string[];
  /** Where pictures are looked for; without it, pictures are not checked (unit tests of the text). */
  readonly images?: ImageOptions;
}

/** Where an article's pictures are looked for (see src/lib/images/image-source.ts). */
export interface ImageOptions {
  /** The content folder, absolute: pictures next to articles must be inside it. */
  readonly contentDirectory: string;
  /** `public/`, absolute: site paths such as `/images/x.jpg` name files in it. */
  readonly publicDirectory: string;
  /** Hosts whose https: pictures may be used. */
  readonly hosts: readonly string[];
  /** Where pictures on those hosts are downloaded to (see src/lib/storage/remote-images.ts), absolute. */
  readonly remoteDirectory: string;
  /** Why a remote picture could not be downloaded, by URL: each is an error where it is used. */
  readonly remoteFailures?: ReadonlyMap<string, string>;
}

// Frozen once: building a processor per article would dominate large builds.
const gfmParser = unified().use(remarkParse).use(remarkGfm).freeze();
const commonMarkParser = unified().use(remarkParse).freeze();

/**
 * Characters without which no GFM construct can start: tables need `|` or, for a one-column table
 * written without pipes, a delimiter row with a colon (`.` over `---:` is a right-aligned table,
 * which the property test in tests/core/properties.test.ts found; without a colon, `---` underlines
 * a heading), strikethrough `~`, footnotes `[^`, task items `[ ]`/`[x]`, autolink literals `www.`,
 * `http(s)://` or an e-mail's `@`. GFM's extensions more than double micromark's time per article,
 * and most news bodies contain none of these, so such bodies go through plain CommonMark, which
 * gives the same tree for them.
 */
const GFM_TRIGGER = /[|~@]|\[\^|\[[\s xX]\]|www\.|https?:\/\/|^[ \t]*(?::-+:?|-+:)[ \t]*$/im;

/** Parses a Markdown body (GFM) into an mdast tree; positions are relative to `markdown`. */
export function parseMarkdown(markdown: string): Root {
  return (GFM_TRIGGER.test(markdown) ? gfmParser : commonMarkParser).parse(markdown);
}

/** Always parses with every GFM extension; {@link parseMarkdown} must give the same tree. */
export function parseMarkdownWithGfm(markdown: string): Root {
  return gfmParser.parse(markdown);
}

/** The chain from mdast to sanitized HTML with "Baca juga" slots, for one list of embed hosts. */
function createRenderer(embedHosts: readonly string[]) {
  return unified()
    .use(remarkDateline)
    .use(remarkBacaJuga)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRawWhenNeeded)
    .use(rehypeSanitize, newsSchema)
    .use(rehypeEmbeds, { hosts: embedHosts })
    .use(rehypeImages)
    .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] })
    .use(rehypeStringifySlots)
    .freeze();
}

// One frozen chain per list of embed hosts; a build has one list, so this holds one chain.
const renderers = new Map<string, ReturnType<typeof createRenderer>>();

function rendererFor(embedHosts: readonly string[]): ReturnType<typeof createRenderer> {
  const key = embedHosts.join('\n');
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = createRenderer(embedHosts);
    renderers.set(key, renderer);
  }
  return renderer;
}

/** What {@link renderMarkdownTree} gives: the HTML, its "Baca juga" blocks and slots, and the messages. */
export interface RenderedMarkdown extends RenderedBody {
  /** The "Baca juga" blocks found, in order: block N goes at `bacaJugaSlots[N]`. */
  readonly bacaJuga: readonly BacaJugaBlock[];
  /** Warnings from the plugins, each with the body-relative line:column of its node. */
  readonly messages: VFile['messages'];
  /** The body's pictures, checked (see rehype-images.ts), the files they came from, and those that cannot be used. */
  readonly bodyImages: readonly ImageAsset[];
  readonly imageDependencies: readonly ImageDependency[];
  readonly imageErrors: readonly WartaError[];
  /** Remote pictures not downloaded yet (each also an error): the loader downloads them and renders again. */
  readonly imageDownloads: readonly string[];
}

/**
 * Turns an mdast tree into safe HTML: the dateline is marked, "Baca juga" blocks are taken out
 * (their offsets kept for `fillBacaJuga`), raw HTML is parsed and reduced to the news allowlist,
 * iframes are kept only from allowed hosts, and external links get rel="noopener noreferrer".
 * The tree is changed in place.
 */
export function renderMarkdownTree(tree: Root, options: RenderOptions = {}, images?: ImageContext): RenderedMarkdown {
  const renderer = rendererFor(options.embedHosts ?? DEFAULT_EMBED_HOSTS);
  const file = new VFile();
  if (images) file.data.imageContext = images;
  const html = renderer.stringify(renderer.runSync(tree, file), file);
  return {
    html,
    bacaJugaSlots: file.data.bacaJugaSlots ?? [],
    bacaJuga: file.data.bacaJuga ?? [],
    messages: file.messages,
    bodyImages: file.data.bodyImages ?? [],
    imageDependencies: file.data.imageDependencies ?? [],
    imageErrors: file.data.imageErrors ?? [],
    imageDownloads: file.data.imageDownloads ?? [],
  };
}
