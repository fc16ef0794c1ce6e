import { posix } from 'node:path';
import { slugify } from '../slug.ts';
import { formatJakartaDate } from './date.ts';
import { ContentErrors, createError, WartaError } from '../errors/index.ts';
import { normalizeWireText, decodeWireBytes } from './normalize-text.ts';
import { parseWireStory, type WireStory } from './parse-wire-story.ts';
import { MAX_SLUG_LENGTH, placeStories, type ExistingArticle, type Placement } from './place-stories.ts';
import { createTitleIndex, type TitleIndex } from './resolve-baca-juga.ts';
import { renderArticle, type ArticleBlock, type ArticleFrontMatter } from './to-markdown.ts';
import type { ImportSettings } from './import-options.ts';
import type { WireWarning } from './warning.ts';

/** One wire file to import. */
export interface WireInput {
  /** Path as the user named it; used in every message. */
  readonly file: string;
  /** Raw file contents. */
  readonly bytes: Uint8Array;
}

/** What happens to one input file. */
export type ImportOutcome =
  /** Write `content` to `placement.path` (relative to the content directory). */
  | {
      readonly ok: true;
      readonly file: string;
      readonly placement: Placement;
      readonly content: string;
      readonly warnings: readonly WireWarning[];
    }
  /** Nothing is written for this file. */
  | {
      readonly ok: false;
      readonly file: string;
      readonly error: WartaError;
      readonly warnings: readonly WireWarning[];
    };

interface Prepared {
  readonly file: string;
  readonly story: WireStory;
  readonly date: string;
  readonly warnings: WireWarning[];
}

/**
 * Turns wire files into article files, without touching the disk: parses each input, gives it
 * a slug and path next to `existing` articles, links its "Baca juga" headlines to existing
 * articles or to other stories of the same run, and renders the Markdown. A bad input fails
 * alone; the others go on. Outcomes are in input order.
 */
export function importWireStories(
  inputs: readonly WireInput[],
  existing: readonly ExistingArticle[],
  settings: ImportSettings,
): ImportOutcome[] {
  const prepared = inputs.map((input) => prepare(input, settings));
  const good = prepared.filter((entry): entry is Prepared => !(entry instanceof WartaError));
  const placements = placeStories(
    good.map((entry) => entry.story.title),
    existing,
    settings.force,
  );
  const placed = good.map((entry, index) => ({ entry, placement: placements[index] as Placement }));

  const index = createTitleIndex([
    ...placed.map(({ entry, placement }) => ({ path: placement.path, title: entry.story.title })),
    ...[...existing]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .flatMap((article) => (article.title === undefined ? [] : [{ path: article.path, title: article.title }])),
  ]);

  const byFile = new Map(placed.map((item) => [item.entry, item.placement]));
  return prepared.map((entry, position): ImportOutcome => {
    const file = inputs[position]?.file ?? '';
    if (entry instanceof WartaError) return { ok: false, file, error: entry, warnings: [] };
    const placement = byFile.get(entry) as Placement;
    const shownPath = posix.join(settings.outDirForMessages, placement.path);
    if (placement.kind === 'exists') {
      return {
        ok: false,
        file,
        error: createError(ContentErrors.FileExists, { path: shownPath }, { file }),
        warnings: byLine(entry.warnings),
      };
    }
    const warnings = [...entry.warnings];
    const blocks = buildBlocks(entry, placement.path, index, shownPath, warnings);
    const content = renderArticle(frontMatterFor(entry, placement, settings), blocks);
    return { ok: true, file, placement, content, warnings: byLine(warnings) };
  });
}

/** Warnings in file order; stable for equal lines. */
function byLine(warnings: readonly WireWarning[]): WireWarning[] {
  return [...warnings].sort((a, b) => (a.position.line ?? 0) - (b.position.line ?? 0));
}

function prepare(input: WireInput, settings: ImportSettings): Prepared | WartaError {
  const { file } = input;
  try {
    const story = parseWireStory(normalizeWireText(decodeWireBytes(input.bytes, file)), file);
    if (slugify(story.title, { maxLength: MAX_SLUG_LENGTH }) === '')
      throw createError(ContentErrors.HeadlineWithoutSlug, { title: story.title }, { file, line: 1 });
    const warnings = [...story.warnings];
    let date = formatJakartaDate(settings.date ?? settings.now);
    if (settings.dateFromText) {
      const hint = story.dateHint;
      if (hint) {
        date = hint.iso;
        if (hint.weekdayMismatch !== undefined) {
          warnings.push({
            position: { file, line: hint.line },
            message: `"${hint.text}": that date falls on a ${hint.weekdayMismatch}, not the weekday written; the date was used as written`,
          });
        }
      } else if (settings.date === undefined) throw createError(ContentErrors.NoDateInText, {}, { file });
    } else if (story.dateLine && settings.date === undefined) {
      warnings.push({
        position: { file, line: story.dateLine.line },
        message: `"${story.dateLine.text}" holds only a date, so it is left out of the body; the article is dated now, pass --date-from-text to use that date instead`,
      });
    }
    return { file, story, date, warnings };
  } catch (error) {
    if (error instanceof WartaError) return error;
    throw error;
  }
}

/** Paragraphs with the "Baca juga" blocks put back at their positions, headlines resolved. */
function buildBlocks(
  entry: Prepared,
  path: string,
  index: TitleIndex,
  shownPath: string,
  warnings: WireWarning[],
): ArticleBlock[] {
  const { story, file } = entry;
  const blocks: ArticleBlock[] = [];
  const bacaAt = (position: number): void => {
    for (const block of story.bacaJuga.filter((candidate) => candidate.position === position)) {
      const items = block.headlines.map((headline) => {
        const resolution = index.resolve(headline.text, path);
        const at = { file, line: headline.line };
        if (resolution.kind === 'plain') {
          warnings.push({
            position: at,
            message: `"Baca juga" headline "${headline.text}" matches no article title, so it stays plain text in ${shownPath} and the site build will reject it; import that story first, correct the headline, or remove the line`,
          });
        } else if (resolution.ambiguous.length > 0) {
          warnings.push({
            position: at,
            message: `"Baca juga" headline "${headline.text}" matches several articles; linked ${resolution.href}, also matching: ${resolution.ambiguous.join(', ')}`,
          });
        }
        return resolution;
      });
      blocks.push({ kind: 'baca-juga', items });
    }
  };
  story.paragraphs.forEach((text, position) => {
    bacaAt(position);
    blocks.push({ kind: 'paragraph', text });
  });
  bacaAt(story.paragraphs.length);
  return blocks;
}

function frontMatterFor(entry: Prepared, placement: Placement, settings: ImportSettings): ArticleFrontMatter {
  const sourceName = settings.source ?? entry.story.sourceName;
  // A file kept under another name (overwrite of a file that had `slug:`) keeps its slug.
  const fileSlug = posix.basename(placement.path, '.md');
  return {
    title: entry.story.title,
    slug: fileSlug === placement.slug ? undefined : placement.slug,
    date: entry.date,
    category: settings.category,
    tags: settings.tags,
    author: settings.author,
    dateline: entry.story.dateline,
    source: sourceName === undefined ? undefined : { name: sourceName },
  };
}
