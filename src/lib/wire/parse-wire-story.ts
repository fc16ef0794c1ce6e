import { readDateline } from './dateline.ts';
import { findDateHint, readDateLine, type DateHint } from './date-hint.ts';
import { ContentErrors, createError } from '../errors/index.ts';
import type { WireWarning } from './warning.ts';
import { readSourceName } from './source-name.ts';

/** A headline listed under "Baca juga", with the input line it came from. */
export interface BacaJugaHeadline {
  /** The headline as written, list marker removed. */
  readonly text: string;
  /** 1-based line in the input file. */
  readonly line: number;
}

/** A "Baca juga" block: where it stands among the paragraphs, and what it lists. */
export interface BacaJugaBlock {
  /** Number of story paragraphs before the block (0 = before the lead). */
  readonly position: number;
  /** The listed headlines, in order; never empty. */
  readonly headlines: readonly BacaJugaHeadline[];
}

/** A wire story read from plain text, before any file or link decisions. */
export interface WireStory {
  /** The headline: the first non-blank line. */
  readonly title: string;
  /** Upper-cased city of the lead's dateline (`JAKARTA`), if the lead has one. */
  readonly dateline: string | undefined;
  /** Story paragraphs in order, one per non-blank line, as written; the lead keeps its dateline. */
  readonly paragraphs: readonly string[];
  /** "Baca juga" blocks in order; a story may have none or several. */
  readonly bacaJuga: readonly BacaJugaBlock[];
  /** Publication credited by a "dilansir dari X" phrase, if any. */
  readonly sourceName: string | undefined;
  /** The first full date in the text, if any (the date line, when there is one). */
  readonly dateHint: DateHint | undefined;
  /** A line right under the headline holding only a date; it is kept out of the paragraphs. */
  readonly dateLine: DateHint | undefined;
  /** Problems worth a look that did not stop the parse. */
  readonly warnings: readonly WireWarning[];
}

/** Longest headline in characters; longer first lines are rejected. */
export const MAX_HEADLINE_LENGTH = 200;
/** A first line ending in a full stop and longer than this many characters is a paragraph, not a headline. */
export const MAX_SENTENCE_HEADLINE_LENGTH = 120;

// The text after the colon is trimmed in code: `:\s*(.*)$` backtracked quadratically on a long run
// of white space (issue #16).
const BACA_JUGA = /^baca\s+juga\s*(?::(.*))?$/iu;
const LIST_ITEM = /^(?:[-*+•·–—]|\d{1,2}[.)])\s+(\S.*)$/u;

/**
 * Parses normalised wire text (see `normalizeWireText`) into a {@link WireStory}.
 * Throws a `WartaError` naming `file` when the text has no usable headline or body.
 */
export function parseWireStory(text: string, file: string): WireStory {
  const lines = text.split('\n').map((content, index) => ({ content, line: index + 1 }));
  const filled = lines.filter(({ content }) => content !== '');
  const [head, ...rest] = filled;
  if (!head) throw createError(ContentErrors.EmptyFile, {}, { file });
  checkHeadline(head.content, { file, line: head.line });

  const warnings: WireWarning[] = [];
  const paragraphs: string[] = [];
  const bacaJuga: BacaJugaBlock[] = [];
  // Wire services often put the date on its own line under the headline: metadata, not story.
  const dateLine = rest[0] ? readDateLine(rest[0].content, rest[0].line) : undefined;
  for (let index = dateLine ? 1 : 0; index < rest.length; index += 1) {
    const current = rest[index];
    if (!current) continue;
    const bacaMatch = BACA_JUGA.exec(current.content);
    if (!bacaMatch) {
      paragraphs.push(current.content);
      continue;
    }
    const headlines: BacaJugaHeadline[] = [];
    const inline = bacaMatch[1]?.trim();
    if (inline) headlines.push({ text: inline, line: current.line });
    for (let next = rest[index + 1]; next && LIST_ITEM.test(next.content); next = rest[index + 1]) {
      headlines.push({ text: LIST_ITEM.exec(next.content)?.[1] ?? '', line: next.line });
      index += 1;
    }
    if (headlines.length > 0) bacaJuga.push({ position: paragraphs.length, headlines });
    else
      warnings.push({
        position: { file, line: current.line },
        message:
          '"Baca juga:" has no "- headline" lines below it and was left out; list the headlines one per line, each starting with "- "',
      });
  }
  if (paragraphs.length === 0) throw createError(ContentErrors.NoBody, {}, { file, line: head.line });

  return {
    title: head.content,
    dateline: readDateline(paragraphs[0] ?? '')?.city,
    paragraphs,
    bacaJuga,
    sourceName: readSourceName(paragraphs),
    dateHint: dateLine ?? findDateHint(lines.map(({ content }) => content)),
    dateLine,
    warnings,
  };
}

/** Rejects a first line that cannot be a headline. */
function checkHeadline(headline: string, position: { file: string; line: number }): void {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- the limits count code points, not grapheme clusters
  const length = [...headline].length;
  if (length > MAX_HEADLINE_LENGTH)
    throw createError(ContentErrors.HeadlineTooLong, { length, max: MAX_HEADLINE_LENGTH }, position);
  if (length > MAX_SENTENCE_HEADLINE_LENGTH && /[^.]\.$/u.test(headline)) {
    throw createError(ContentErrors.HeadlineIsSentence, { length }, position);
  }
  // A headline may hold " - " ("Timnas Indonesia - Vietnam Imbang"); a lead also ends a sentence.
  const dateline = readDateline(headline);
  if (dateline && /[.!?"”]$/u.test(headline))
    throw createError(ContentErrors.HeadlineIsLead, { dateline: dateline.text.trimEnd() }, position);
  if (BACA_JUGA.test(headline)) throw createError(ContentErrors.HeadlineIsBacaJuga, {}, position);
}
