import { z } from 'zod';
import { titleKey } from '../slug.ts';
import { parseIsoDate } from './date.ts';

/** Category written when `--category` is not given (with a warning). */
export const DEFAULT_CATEGORY = 'Umum';
/** Content directory when neither `--out` nor `WARTA_CONTENT_DIR` is set, relative to the working directory. */
export const DEFAULT_CONTENT_DIR = 'content';

const name = z.string().trim().min(1, 'must not be empty');

/** Options of `npm run import`, as `util.parseArgs` returns them (strings and booleans). */
export const importOptionsSchema = z.object({
  /** Category name for every imported story. Default: `Umum`, with a warning. */
  category: name.optional(),
  /** Comma-separated tag names; blanks and repeats (by title key) are dropped. Default: none. */
  tags: z
    .string()
    .optional()
    .transform((value) => splitTags(value ?? '')),
  /** Byline. Default: none. */
  author: name.optional(),
  /** Publication to credit as `source.name`. Default: read from "dilansir dari X", else none. */
  source: name.optional(),
  /** ISO 8601 date or date-time; no offset means Asia/Jakarta. Default: now. */
  date: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const instant = parseIsoDate(value);
      if (instant) return instant;
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not an ISO 8601 date such as 2024-12-27 or 2024-12-27T10:15 (no offset means WIB)`,
      });
      return z.NEVER;
    }),
  /** Take each story's date from the first full date in its text; --date is the fallback. Default: false. */
  'date-from-text': z.boolean().default(false),
  /** Content directory to write into. Default: `$WARTA_CONTENT_DIR`, else `content`. */
  out: name.optional(),
  /** Print the articles instead of writing them. Default: false. */
  'dry-run': z.boolean().default(false),
  /** Overwrite an earlier import of the same story. Default: false. */
  force: z.boolean().default(false),
  /** Print usage and exit. Default: false. */
  help: z.boolean().default(false),
});

/** Raw options before validation. */
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;

/** Everything the pure importer needs, the clock included. */
export interface ImportSettings {
  /** Category name for every story. */
  readonly category: string;
  /** Tag names, possibly empty. */
  readonly tags: readonly string[];
  /** Byline, if given. */
  readonly author: string | undefined;
  /** Credited publication from `--source`; overrides the one read from the text. */
  readonly source: string | undefined;
  /** Instant from `--date`, if given. */
  readonly date: Date | undefined;
  /** Read each story's date from its text. */
  readonly dateFromText: boolean;
  /** Overwrite an earlier import of the same story. */
  readonly force: boolean;
  /** The current time; used when no date is given. */
  readonly now: Date;
  /** Content directory as shown in messages (`content`, `/tmp/x`). */
  readonly outDirForMessages: string;
}

/** Validated options: settings for the importer plus what only the CLI needs. */
export interface ResolvedImportOptions {
  readonly settings: ImportSettings;
  /** Content directory to write into. */
  readonly outDir: string;
  readonly dryRun: boolean;
  readonly help: boolean;
  /** True when `--category` was missing and {@link DEFAULT_CATEGORY} is used. */
  readonly categoryDefaulted: boolean;
}

/**
 * Validates raw options. `environment.contentDir` is `$WARTA_CONTENT_DIR` (if set) and `now`
 * the clock. Returns the problems as `--option: message` lines when any option is invalid.
 */
export function resolveImportOptions(
  raw: ImportOptionsInput,
  environment: { readonly contentDir: string | undefined; readonly now: Date },
): { ok: true; options: ResolvedImportOptions } | { ok: false; problems: string[] } {
  const parsed = importOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`) };
  }
  const options = parsed.data;
  const contentDir = environment.contentDir?.trim() ? environment.contentDir : undefined;
  const outDir = options.out ?? contentDir ?? DEFAULT_CONTENT_DIR;
  return {
    ok: true,
    options: {
      settings: {
        category: options.category ?? DEFAULT_CATEGORY,
        tags: options.tags,
        author: options.author,
        source: options.source,
        date: options.date,
        dateFromText: options['date-from-text'],
        force: options.force,
        now: environment.now,
        outDirForMessages: outDir,
      },
      outDir,
      dryRun: options['dry-run'],
      help: options.help,
      categoryDefaulted: options.category === undefined,
    },
  };
}

/** Splits `"Rusia, Korea Utara,,rusia"` into `["Rusia", "Korea Utara"]`. */
export function splitTags(value: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of value.split(',').map((part) => part.trim().replace(/\s+/g, ' '))) {
    const key = titleKey(tag);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}
