/**
 * `npm run import -- <file-or-folder>...`: turns plain-text wire stories into Warta articles.
 * A thin shell over `src/lib/wire/`: it reads files, scans the content folder, and writes what
 * the pure importer returns. See docs/import.md.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { ContentErrors, createError, formatError, type WartaError } from '../src/lib/errors/index.ts';
import { DEFAULT_CATEGORY, resolveImportOptions } from '../src/lib/wire/import-options.ts';
import { importWireStories, type ImportOutcome, type WireInput } from '../src/lib/wire/import-stories.ts';
import type { ExistingArticle } from '../src/lib/wire/place-stories.ts';
import { formatWireWarning } from '../src/lib/wire/warning.ts';

const USAGE = `Usage: npm run import -- [options] <file-or-folder>...
       node scripts/import.ts [options] <file-or-folder>...

Turns plain-text wire stories into Warta articles (one Markdown file per story).
A folder means every .txt file in it and its subfolders.

Options:
  --category NAME     category of the stories (default: "${DEFAULT_CATEGORY}", with a warning)
  --tags LIST         comma-separated tags, e.g. --tags "Rusia, Korea Utara"
  --author NAME       byline
  --source NAME       credited publication (default: read from "dilansir dari X")
  --date DATE         ISO 8601 date or date-time, e.g. 2024-12-27T10:15; no offset means
                      WIB (Asia/Jakarta) (default: now)
  --date-from-text    use the first full date in each story's text, e.g.
                      "Jumat, 27 Desember 2024" or "27/12/2024"; --date is the fallback
  --out DIR           content folder to write into (default: $WARTA_CONTENT_DIR, else content/)
  --dry-run           print the articles that would be written; write nothing
  --force             overwrite an earlier import of the same story
  -h, --help          show this help

Exit status: 0 all stories imported, 1 some story failed, 2 usage error.`;

/** Runs the command; returns the exit status. */
async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        category: { type: 'string' },
        tags: { type: 'string' },
        author: { type: 'string' },
        source: { type: 'string' },
        date: { type: 'string' },
        'date-from-text': { type: 'boolean' },
        out: { type: 'string' },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's own wording for unknown options is long; name the option plainly instead.
    const unknown = error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    const option = unknown ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
    return usageError([option ? `unknown option ${option}` : error instanceof Error ? error.message : String(error)]);
  }
  const resolved = resolveImportOptions(parsed.values, {
    contentDir: process.env['WARTA_CONTENT_DIR'],
    now: new Date(),
  });
  if (!resolved.ok) return usageError(resolved.problems);
  const { options } = resolved;
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) return usageError(['name at least one wire file or folder to import']);

  const { inputs, errors } = await readInputs(parsed.positionals);
  const existing = await scanContent(options.outDir);
  const outcomes = importWireStories(inputs, existing, options.settings);

  if (options.categoryDefaulted && outcomes.some((outcome) => outcome.ok)) {
    console.error(
      `warning: no --category given; the stories are filed under "${DEFAULT_CATEGORY}". Pass --category to choose the section.`,
    );
  }
  for (const error of errors) console.error(formatError(error));
  let written = 0;
  for (const outcome of outcomes) {
    for (const warning of outcome.warnings) console.error(formatWireWarning(warning));
    if (!outcome.ok) {
      console.error(formatError(outcome.error));
      errors.push(outcome.error);
    } else if (await emit(outcome, options.outDir, options.dryRun, errors)) written += 1;
  }

  const verb = options.dryRun ? 'would write' : 'wrote';
  const stories = `${inputs.length} ${inputs.length === 1 ? 'story' : 'stories'}`;
  console.log(`${verb} ${written} of ${stories}${errors.length > 0 ? `; ${errors.length} failed` : ''}`);
  return errors.length > 0 ? 1 : 0;
}

function usageError(problems: readonly string[]): number {
  for (const problem of problems) console.error(`import: ${problem}`);
  console.error(`\n${USAGE}`);
  return 2;
}

/** Writes (or, in a dry run, prints) one article; reports and records a write failure. */
async function emit(
  outcome: Extract<ImportOutcome, { ok: true }>,
  outDir: string,
  dryRun: boolean,
  errors: WartaError[],
): Promise<boolean> {
  const { placement, content, file } = outcome;
  const target = join(outDir, ...placement.path.split('/'));
  const action = placement.kind === 'overwrite' ? 'overwrite' : 'create';
  if (dryRun) {
    console.log(`--- would ${action} ${target} (from ${file})\n${content}`);
    return true;
  }
  try {
    await mkdir(dirname(target), { recursive: true });
    // "wx" fails if the file appeared since the scan, so a new article never clobbers another.
    await writeFile(target, content, { encoding: 'utf8', flag: placement.kind === 'overwrite' ? 'w' : 'wx' });
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error && error.code === 'EEXIST'
        ? 'it appeared while importing'
        : String(error);
    const failure = createError(ContentErrors.WriteFailed, { path: target, reason }, { file });
    console.error(formatError(failure));
    errors.push(failure);
    return false;
  }
  console.log(`${placement.kind === 'overwrite' ? 'overwrote' : 'created'} ${target} (from ${file})`);
  return true;
}

/** Reads every named file and every .txt file under every named folder, in a stable order. */
async function readInputs(paths: readonly string[]): Promise<{ inputs: WireInput[]; errors: WartaError[] }> {
  const inputs: WireInput[] = [];
  const errors: WartaError[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    try {
      const files = (await stat(path)).isDirectory()
        ? await listFiles(path, (name) => name.toLowerCase().endsWith('.txt'))
        : [path];
      if (files.length === 0) errors.push(createError(ContentErrors.NoTextFiles, {}, { file: path }));
      for (const file of files) {
        if (seen.has(file)) continue;
        seen.add(file);
        inputs.push({ file, bytes: await readFile(file) });
      }
    } catch (error) {
      const reason =
        error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file or folder' : String(error);
      errors.push(createError(ContentErrors.ReadFailed, { reason }, { file: path }));
    }
  }
  return { inputs, errors };
}

/** Files under `folder` whose name passes `keep`, sorted; hidden entries are skipped. */
async function listFiles(folder: string, keep: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !relative(folder, file)
          .split(sep)
          .some((part) => part.startsWith('.')),
    )
    .sort();
}

// The same YAML reading as the site build: dates stay text.
const MATTER_OPTIONS = { engines: { yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object } };

/** Articles already in the content folder: path, slug and title. A missing folder is empty. */
async function scanContent(outDir: string): Promise<ExistingArticle[]> {
  let files: string[];
  try {
    files = await listFiles(outDir, (name) => name.toLowerCase().endsWith('.md'));
  } catch {
    return [];
  }
  return Promise.all(
    files.map(async (file): Promise<ExistingArticle> => {
      const path = relative(outDir, file).split(sep).join('/');
      let data: Record<string, unknown> = {};
      try {
        data = matter(await readFile(file, 'utf8'), MATTER_OPTIONS).data;
      } catch {
        // Unreadable front matter: the file still occupies its name; the build reports it.
      }
      const { title, slug } = data;
      return {
        path,
        slug: typeof slug === 'string' && slug.trim() !== '' ? slug.trim() : basename(file).replace(/\.md$/i, ''),
        title: typeof title === 'string' ? title : undefined,
      };
    }),
  );
}

process.exitCode = await main(process.argv.slice(2));
