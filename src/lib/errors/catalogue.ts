import { slugify } from '../slug.ts';
import type { ErrorDefinition } from './warta-error.ts';

// Every error Warta reports (content, wire import, build) is declared once here, Astro-catalogue
// style: the message says what happened and why, the hint says how to fix it. One formatter,
// `formatError` in warta-error.ts, prints them all.

export const ContentDirectoryNotFound: ErrorDefinition<{ directory: string }> = {
  name: 'ContentDirectoryNotFound',
  title: 'Content directory not found',
  message: ({ directory }) => `The content directory ${directory} does not exist or is not a directory.`,
  hint: 'Create it, or point WARTA_CONTENT_DIR at the folder that holds your .md articles.',
};

export const ContentDirectoryEmpty: ErrorDefinition<{ directory: string }> = {
  name: 'ContentDirectoryEmpty',
  title: 'No articles found',
  message: ({ directory }) => `The content directory ${directory} holds no .md files, so there is nothing to publish.`,
  hint: 'Add an article (see README, "Writing an article"), or point WARTA_CONTENT_DIR at the right folder.',
};

export const FileNotUtf8: ErrorDefinition<{ offset: number }> = {
  name: 'FileNotUtf8',
  title: 'File is not UTF-8 text',
  message: ({ offset }) => `The file has bytes that are not valid UTF-8 (first at byte ${offset}).`,
  hint: 'Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8), or re-import it with `npm run import`.',
};

export const FrontMatterMissing: ErrorDefinition<Record<string, never>> = {
  name: 'FrontMatterMissing',
  title: 'Front matter missing',
  message: () => 'The file does not start with a YAML front matter block between two `---` lines.',
  hint: 'Start the file with:\n---\ntitle: "Judul berita"\ndate: 2024-12-27T10:15:00+07:00\ncategory: Internasional\n---',
};

export const FrontMatterEmpty: ErrorDefinition<Record<string, never>> = {
  name: 'FrontMatterEmpty',
  title: 'Front matter empty',
  message: () => 'The front matter block between the `---` lines is empty.',
  hint: 'Fill in at least title, date and category.',
};

export const FrontMatterNotClosed: ErrorDefinition<Record<string, never>> = {
  name: 'FrontMatterNotClosed',
  title: 'Front matter not closed',
  message: () => 'The front matter block opened with `---` on line 1 is never closed.',
  hint: 'Add a line with only `---` after the last front matter field.',
};

export const FrontMatterYamlSyntax: ErrorDefinition<{ reason: string }> = {
  name: 'FrontMatterYamlSyntax',
  title: 'Front matter is not valid YAML',
  message: ({ reason }) => `The YAML parser stopped: ${reason}.`,
  hint: 'Check indentation and quoting at that position; put values with a colon or quote in double quotes.',
};

export const FrontMatterNotMapping: ErrorDefinition<{ found: string }> = {
  name: 'FrontMatterNotMapping',
  title: 'Front matter is not a set of fields',
  message: ({ found }) => `The front matter must be a YAML mapping of fields, but it is ${found}.`,
  hint: 'Write one `field: value` per line, e.g. `title: "Judul berita"`.',
};

export const FrontMatterField: ErrorDefinition<{ field: string; problem: string }> = {
  name: 'FrontMatterField',
  title: 'Invalid front matter field',
  message: ({ field, problem }) => `${field}: ${problem}`,
  hint: ({ field }) => `Fix \`${field}\` as described; see the front matter table in README.md.`,
};

export const ImageAltMissing: ErrorDefinition<Record<string, never>> = {
  name: 'ImageAltMissing',
  title: 'Image without alt text',
  message: () => 'image.alt is missing or empty; screen-reader users would not know what the picture shows.',
  hint: 'Add `alt:` under `image:` describing what the picture shows, e.g. alt: "Warga mengungsi dari banjir rob".',
};

export const InvalidDate: ErrorDefinition<{ field: string; value: string; reason: string }> = {
  name: 'InvalidDate',
  title: 'Invalid date',
  message: ({ field, value, reason }) => `${field}: "${value}" ${reason}.`,
  hint: 'Use ISO 8601, e.g. 2024-12-27T10:15:00+07:00 or 2024-12-27 10:15 (no offset means WIB, Asia/Jakarta).',
};

export const InvalidSlug: ErrorDefinition<{ slug: string; from: 'front matter' | 'file name' }> = {
  name: 'InvalidSlug',
  title: 'Invalid slug',
  message: ({ slug, from }) =>
    `The slug "${slug}" (from the ${from}) is not lowercase ASCII words joined by single hyphens, so it cannot be a safe URL.`,
  hint: ({ slug }) => `Use only a-z, 0-9 and single hyphens, e.g. "${slugify(slug) || 'judul-berita'}".`,
};

export const DuplicateSlug: ErrorDefinition<{ slug: string; otherFile: string }> = {
  name: 'DuplicateSlug',
  title: 'Duplicate slug',
  message: ({ slug, otherFile }) =>
    `The slug "${slug}" is also used by ${otherFile}; two articles cannot share /berita/${slug}/.`,
  hint: 'Rename one file, or give one article a different `slug:` in its front matter.',
};

export const TermSlugCollision: ErrorDefinition<{
  kind: 'category' | 'tag';
  name: string;
  otherName: string;
  otherFile: string;
  slug: string;
}> = {
  name: 'TermSlugCollision',
  title: 'Two names share one URL',
  message: ({ kind, name, otherName, otherFile, slug }) =>
    `The ${kind} "${name}" and the ${kind} "${otherName}" (in ${otherFile}) both become /${kind === 'category' ? 'kategori' : 'tag'}/${slug}/, so their articles would be mixed on one page.`,
  hint: ({ otherName }) =>
    `Write the name exactly as "${otherName}" if they are the same, or rename one so their slugs differ.`,
};

export const EmptyBody: ErrorDefinition<Record<string, never>> = {
  name: 'EmptyBody',
  title: 'Article body is empty',
  message: () => 'The article has front matter but no text after it.',
  hint: 'Write the story below the closing `---`, or mark the file `draft: true` until it is ready.',
};

export const BacaJugaUnresolved: ErrorDefinition<{ item: string; suggestions: readonly string[] }> = {
  name: 'BacaJugaUnresolved',
  title: '"Baca juga" link resolves to no article',
  message: ({ item, suggestions }) =>
    `"${item}" names no article.` +
    (suggestions.length ? `\nClosest titles:\n${suggestions.map((s) => `  - ${s}`).join('\n')}` : ''),
  hint: "Link the target's .md file, its /berita/<slug>/ URL, or copy its exact headline; or remove the item.",
};

export const BacaJugaSelf: ErrorDefinition<{ item: string }> = {
  name: 'BacaJugaSelf',
  title: '"Baca juga" links to its own article',
  message: ({ item }) => `"${item}" is this article itself; a reader would go in a circle.`,
  hint: 'Remove the item or point it at another article.',
};

export const BacaJugaUnpublished: ErrorDefinition<{ item: string; target: string; state: 'draft' | 'scheduled' }> = {
  name: 'BacaJugaUnpublished',
  title: '"Baca juga" links to an unpublished article',
  message: ({ item, target, state }) =>
    `"${item}" resolves to ${target}, which is ${state === 'draft' ? 'a draft' : 'scheduled for later'}, so the link would be broken.`,
  hint: 'Publish the target first, or remove the item until it is out.',
};

export const BacaJugaAmbiguous: ErrorDefinition<{ item: string; files: readonly string[] }> = {
  name: 'BacaJugaAmbiguous',
  title: '"Baca juga" headline matches several articles',
  message: ({ item, files }) => `"${item}" matches the titles of ${files.join(', ')}.`,
  hint: 'Link the intended article by its .md file or /berita/<slug>/ URL instead of its headline.',
};

export const BacaJugaUnsupportedLink: ErrorDefinition<{ url: string }> = {
  name: 'BacaJugaUnsupportedLink',
  title: '"Baca juga" item is not an article link',
  message: ({ url }) => `The link "${url}" is neither a .md file, a /berita/<slug>/ URL nor a slug.`,
  hint: 'Link another Warta article; put links to other websites in the body text instead.',
};

export const RelatedUnresolved: ErrorDefinition<{ slug: string; reason: string }> = {
  name: 'RelatedUnresolved',
  title: '`related:` slug resolves to no published article',
  message: ({ slug, reason }) => `related: "${slug}" ${reason}.`,
  hint: 'Use the slug of a published article (its file name without .md, or its `slug:`), or remove it.',
};

export const PersonNotFound: ErrorDefinition<{ field: string; slug: string; suggestions: readonly string[] }> = {
  name: 'PersonNotFound',
  title: 'Credit names no person file',
  message: ({ field, slug, suggestions }) =>
    `${field}: "${slug}" is written as a slug, but there is no content/penulis/${slug}.md.` +
    (suggestions.length ? `\nClosest people:\n${suggestions.map((s) => `  - ${s}`).join('\n')}` : ''),
  hint: ({ slug }) =>
    `Use the slug of a person file (its file name without .md) or their exact name; write a name that has no file as a name ("Budi Santoso"); or add content/penulis/${slug}.md.`,
};

export const PersonFileBody: ErrorDefinition<Record<string, never>> = {
  name: 'PersonFileBody',
  title: "Text after a person file's front matter",
  message: () => 'A person file is front matter only; the text after it would not be published.',
  hint: 'Move the text into `bio:` (one or two sentences), or delete it.',
};

export const SitePageNumberSlug: ErrorDefinition<{ slug: string }> = {
  name: 'SitePageNumberSlug',
  title: 'Newsroom page named with a number',
  message: ({ slug }) =>
    `The file name "${slug}" is a number, but /halaman/${slug}/ is page ${slug} of the latest stories.`,
  hint: 'Name the file with words, e.g. content/halaman/tentang-kami.md.',
};

export const BacaJugaOnSitePage: ErrorDefinition<Record<string, never>> = {
  name: 'BacaJugaOnSitePage',
  title: '"Baca juga" on a newsroom page',
  message: () =>
    'A "Baca juga" block links news to news; a page in content/halaman/ is not news, so it would be left out.',
  hint: 'Write the links as an ordinary list under a heading (e.g. "## Tautan"), or remove the "Baca juga:" line.',
};

export const UnsafeUrl: ErrorDefinition<{ field: string; value: string; reason: string }> = {
  name: 'UnsafeUrl',
  title: 'URL that cannot be published',
  message: ({ field, value, reason }) =>
    `${field}: "${value}" ${reason}, so it cannot be put in a page, a feed or a share preview.`,
  hint: ({ field }) =>
    `Give \`${field}\` an address starting with https:// (or http://), e.g. https://foto.example.id/banjir.jpg, or a path on this site starting with /, e.g. /images/banjir.jpg.`,
};

export const TermSlugEmpty: ErrorDefinition<{ kind: 'category' | 'tag'; name: string }> = {
  name: 'TermSlugEmpty',
  title: 'Name without letters or digits',
  message: ({ kind, name }) =>
    `The ${kind} "${name}" has no letter or digit to make its URL (/${kind === 'category' ? 'kategori' : 'tag'}/<slug>/) from, so its page could not exist.`,
  hint: ({ kind }) =>
    `Write the ${kind} with at least one letter or digit, e.g. "Olahraga"; emoji and punctuation alone cannot be a URL.`,
};

export const SlugTooLong: ErrorDefinition<{ slug: string; max: number; from: 'front matter' | 'file name' }> = {
  name: 'SlugTooLong',
  title: 'Slug too long',
  message: ({ slug, max, from }) =>
    `The slug from the ${from} has ${slug.length} characters; at most ${max} are allowed, so that its URL and file name stay within the limits of browsers and file systems.`,
  hint: ({ slug, max }) =>
    `Use a shorter slug, e.g. "${slugify(slug, { maxLength: Math.min(60, max) })}", in \`slug:\` or as the file name.`,
};

export const UpdatedBeforeDate: ErrorDefinition<{ updated: string; date: string }> = {
  name: 'UpdatedBeforeDate',
  title: 'Update time before publication time',
  message: ({ updated, date }) =>
    `updated: ${updated} is earlier than date: ${date}; a story cannot be updated before it was published.`,
  hint: 'Check both times (a missing offset means WIB); set `updated` to the time of the change, or remove it.',
};

export const CorrectionBeforeDate: ErrorDefinition<{ field: string; correction: string; date: string }> = {
  name: 'CorrectionBeforeDate',
  title: 'Correction time before publication time',
  message: ({ field, correction, date }) =>
    `${field}: ${correction} is earlier than date: ${date}; a story cannot be corrected before it was published.`,
  hint: 'Check both times (a missing offset means WIB); give the correction the time it was made.',
};

export const BodyTooDeep: ErrorDefinition<{ depth: number; max: number }> = {
  name: 'BodyTooDeep',
  title: 'Body nested too deeply',
  message: ({ depth, max }) =>
    `The body nests quotes, lists or HTML elements ${depth} levels deep here; Warta renders at most ${max}, since deeper nesting is never news copy and would exhaust the renderer.`,
  hint: 'Remove the extra `>` quote markers, list indentation or unclosed HTML tags at this line.',
};

export const ParagraphTooComplex: ErrorDefinition<{ count: number; max: number }> = {
  name: 'ParagraphTooComplex',
  title: 'Paragraph has too many emphasis or link markers',
  message: ({ count, max }) =>
    `The paragraph starting here has ${count} emphasis and link markers (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`); Warta accepts at most ${max} in one paragraph, since the time to parse them grows with the square of their number.`,
  hint: 'Split the paragraph with blank lines, or escape characters meant literally with a backslash (`\\*`, `\\_`, `\\[`).',
};

export const ImageInvalid: ErrorDefinition<{ value: string; reason: string }> = {
  name: 'ImageInvalid',
  title: 'Picture source not usable',
  message: ({ value, reason }) => `The picture "${value}" ${reason}.`,
  hint: 'Put the picture next to the article and write `./name.jpg`, or name a file under public/ as `/images/name.jpg`, or use an https: URL on a host listed in `imageHosts` (src/site.config.ts).',
};

export const ImageNotFound: ErrorDefinition<{ value: string; file: string }> = {
  name: 'ImageNotFound',
  title: 'Picture file not found',
  message: ({ value, file }) => `The picture "${value}" was looked for at ${file}, and there is no such file.`,
  hint: 'Check the file name, its case and its folder: a path like `./name.jpg` is relative to the article file, a path starting with `/` is inside public/.',
};

export const ImageUnsupported: ErrorDefinition<{ value: string; reason: string }> = {
  name: 'ImageUnsupported',
  title: 'Picture cannot be used',
  message: ({ value, reason }) => `The picture "${value}" cannot be published: ${reason}.`,
  hint: 'Export photos as JPEG and graphics as PNG (WebP and AVIF work too), at most 40 MB and 100 megapixels.',
};

export const ImageDownloadFailed: ErrorDefinition<{ value: string; reason: string }> = {
  name: 'ImageDownloadFailed',
  title: 'Picture could not be downloaded',
  message: ({ value, reason }) => `The picture "${value}" could not be downloaded: ${reason}.`,
  hint: 'Open the URL in a browser to check it. If the host is down, build again later; or save the picture next to the article and write `./name.jpg`.',
};

export const ImageNotDownloaded: ErrorDefinition<{ value: string }> = {
  name: 'ImageNotDownloaded',
  title: 'Picture not downloaded',
  message: ({ value }) => `The picture "${value}" is on a remote host and has not been downloaded.`,
  hint: 'Remote pictures are downloaded by the site build (`npm run build`), which then checks them like files next to the article. Code that parses articles on its own must download them first (src/lib/storage/remote-images.ts).',
};

export const ContentLinkNotFollowed: ErrorDefinition<{ target: string; reason: string }> = {
  name: 'ContentLinkNotFollowed',
  title: 'Symbolic link not followed',
  message: ({ target, reason }) => `This file is a symbolic link to ${target}, which ${reason}, so it was not read.`,
  hint: 'Copy the article into the content folder instead of linking to it, or remove the link.',
};

export const FileNameNotUtf8: ErrorDefinition<{ shown: string }> = {
  name: 'FileNameNotUtf8',
  title: 'File name is not UTF-8',
  message: ({ shown }) =>
    `The name of the file shown as "${shown}" is not valid UTF-8, so it cannot be read reliably or turned into a URL.`,
  hint: 'Rename the file using lowercase letters, digits and hyphens, e.g. `harga-cabai.md`.',
};

export const FileUnreadable: ErrorDefinition<{ reason: string }> = {
  name: 'FileUnreadable',
  title: 'File cannot be read',
  message: ({ reason }) => `Reading the file failed: ${reason}.`,
  hint: 'Check that the file exists and that the build may read it (permissions), then build again.',
};

export const ArticleFailed: ErrorDefinition<{ reason: string }> = {
  name: 'ArticleFailed',
  title: 'Article could not be processed',
  message: ({ reason }) =>
    `Processing this article failed: ${reason}. That is a fault in Warta or a library it uses rather than in the text, but this file sets it off.`,
  hint: 'Run the build with WARTA_DEBUG=1 to see where it failed and report it; meanwhile `draft: true` in this file lets the rest of the site publish.',
};

export const ContentLoadFailed: ErrorDefinition<{ reason: string }> = {
  name: 'ContentLoadFailed',
  title: 'Content could not be loaded',
  message: ({ reason }) => `Loading the content folder failed outside any one article: ${reason}.`,
  hint: 'Check that the content and cache folders can be read and written and that the disk has space; WARTA_DEBUG=1 shows where it failed.',
};

// Build failures outside the content layer (src/integrations/build-errors.ts reports them).

export const PageRenderFailed: ErrorDefinition<{ page: string; reason: string; article: boolean }> = {
  name: 'PageRenderFailed',
  title: 'Page failed to render',
  message: ({ page, reason }) => `Rendering ${page} failed: ${reason}`,
  hint: ({ article }) =>
    `If the reason names a file or disk problem, fix it and build again${article ? "; otherwise check this article's text and front matter" : ''}. Run the build with WARTA_DEBUG=1 to see where it failed.`,
};

export const PageNameTooLong: ErrorDefinition<{
  page: string;
  name: string;
  bytes: number;
  limit: number;
  from: 'slug' | 'category' | 'tag';
}> = {
  name: 'PageNameTooLong',
  title: 'URL too long for a file name',
  message: ({ page, bytes, limit, from }) =>
    `The page ${page} is written to a folder named after the ${from === 'slug' ? "article's slug" : `${from}'s slug`}, ` +
    `${bytes} bytes long; file systems allow at most ${limit} bytes in a file or folder name.`,
  hint: ({ from }) =>
    from === 'slug'
      ? 'Give the article a shorter `slug:` in its front matter (or a shorter file name), e.g. the first few words of the headline.'
      : `Shorten the ${from} name in the front matter of the articles that use it.`,
};

export const PagePathTooLong: ErrorDefinition<{ page: string; bytes: number; limit: number }> = {
  name: 'PagePathTooLong',
  title: 'Output path too long',
  message: ({ page, bytes, limit }) =>
    `The page ${page} would be written to a path of ${bytes} bytes; the file system allows at most ${limit}.`,
  hint: 'Give the article a shorter `slug:`, or build into an output folder with a shorter path (WARTA_OUT_DIR).',
};

export const SearchIndexFailed: ErrorDefinition<{ reason: string }> = {
  name: 'SearchIndexFailed',
  title: 'Search index failed',
  message: ({ reason }) => `Pagefind's index of the articles could not be built: ${reason}`,
  hint: `Nothing was published. If the reason names a file or disk problem, fix it; otherwise check the article named here, if any. Run the build with WARTA_DEBUG=1 to see where it failed.`,
};

// Wire-copy import (`npm run import`, src/lib/wire/): problems of one input file, which is then
// left unwritten while the others are imported. See docs/import.md, "Errors".

const HEADLINE_HINT = 'Put the headline alone on the first line and start the story on the next line.';

export const EmptyFile: ErrorDefinition<Record<string, never>> = {
  name: 'EmptyFile',
  title: 'Empty file',
  message: () => 'The file is empty or holds only blank lines, so there is no story to import.',
  hint: 'Put the headline on the first line and the story paragraphs below it, or leave the file out of the import.',
};

export const Utf16File: ErrorDefinition<Record<string, never>> = {
  name: 'Utf16File',
  title: 'UTF-16 text',
  message: () => 'The file is encoded as UTF-16, but wire copy must be UTF-8.',
  hint: 'Re-save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8).',
};

export const BinaryFile: ErrorDefinition<Record<string, never>> = {
  name: 'BinaryFile',
  title: 'Binary file',
  message: () => 'The file contains a NUL byte, so it is binary data, not plain text.',
  hint: 'Import the plain-text (.txt) export of the story, not a word-processor, PDF or image file.',
};

export const NotUtf8: ErrorDefinition<{ byte: number }> = {
  name: 'NotUtf8',
  title: 'Not UTF-8',
  message: ({ byte }) =>
    `The file is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} here is not part of a valid UTF-8 character.`,
  hint: 'Re-save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8); files from older Windows tools are often Windows-1252.',
};

export const HeadlineTooLong: ErrorDefinition<{ length: number; max: number }> = {
  name: 'HeadlineTooLong',
  title: 'First line too long for a headline',
  message: ({ length, max }) =>
    `The first line is ${length} characters long, but a headline is at most ${max} characters; the headline seems to be missing or joined to the story.`,
  hint: HEADLINE_HINT,
};

export const HeadlineIsSentence: ErrorDefinition<{ length: number }> = {
  name: 'HeadlineIsSentence',
  title: 'First line reads like a paragraph',
  message: ({ length }) =>
    `The first line ends with a full stop and is ${length} characters long, so it reads like a paragraph, not a headline.`,
  hint: HEADLINE_HINT,
};

export const HeadlineIsLead: ErrorDefinition<{ dateline: string }> = {
  name: 'HeadlineIsLead',
  title: 'First line is the lead',
  message: ({ dateline }) =>
    `The first line starts with the dateline "${dateline}", so it is the lead paragraph and the headline is missing.`,
  hint: 'Add the headline as the first line, above the lead.',
};

export const HeadlineIsBacaJuga: ErrorDefinition<Record<string, never>> = {
  name: 'HeadlineIsBacaJuga',
  title: 'First line is "Baca juga"',
  message: () => 'The first line is a "Baca juga" line, so the headline is missing.',
  hint: 'Add the headline as the first line.',
};

export const HeadlineWithoutSlug: ErrorDefinition<{ title: string }> = {
  name: 'HeadlineWithoutSlug',
  title: 'Headline gives no file name',
  message: ({ title }) => `The headline "${title}" has no letters or digits to build the article's file name from.`,
  hint: 'Write the headline in words on the first line.',
};

export const NoBody: ErrorDefinition<Record<string, never>> = {
  name: 'NoBody',
  title: 'No story text',
  message: () => 'The file has a headline but no story paragraphs below it.',
  hint: 'Add the story text below the headline, one paragraph per line.',
};

export const NoDateInText: ErrorDefinition<Record<string, never>> = {
  name: 'NoDateInText',
  title: 'No date in the text',
  message: () => '--date-from-text was given, but the text holds no full date.',
  hint: 'Add a date line such as "Jumat, 27 Desember 2024" or "27/12/2024" to the story, or pass --date.',
};

export const FileExists: ErrorDefinition<{ path: string }> = {
  name: 'FileExists',
  title: 'Article already exists',
  message: ({ path }) => `${path} already exists (an earlier import of the same headline) and was left untouched.`,
  hint: 'Pass --force to overwrite it, or delete it first.',
};

export const ReadFailed: ErrorDefinition<{ reason: string }> = {
  name: 'ReadFailed',
  title: 'Cannot read input',
  message: ({ reason }) => `Cannot read the input: ${reason}.`,
  hint: 'Check the path; pass story files (.txt) or folders that hold them.',
};

export const NoTextFiles: ErrorDefinition<Record<string, never>> = {
  name: 'NoTextFiles',
  title: 'Folder without stories',
  message: () => 'The folder holds no .txt files.',
  hint: 'Pass a folder that holds wire stories saved as .txt files, or name the files directly.',
};

export const WriteFailed: ErrorDefinition<{ path: string; reason: string }> = {
  name: 'WriteFailed',
  title: 'Cannot write article',
  message: ({ path, reason }) => `Cannot write ${path}: ${reason}.`,
  hint: 'Check that the output folder exists and is writable (see --out).',
};

/**
 * A build failure reported as a catalogue entry: Astro prints its message (position, title, what
 * happened, hint) and, with no stack, nothing after it. With WARTA_DEBUG=1 it keeps its stack and
 * carries the original error as its cause, which Astro prints with that error's stack.
 */
