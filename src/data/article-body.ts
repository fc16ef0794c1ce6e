import { readBody } from '../lib/storage/body-pack.ts';
import { buildSettings, publishedBody } from './build-context.ts';

/** The rendered, sanitized body of an article (stored by the loader, located by its entry's digest). */
export function articleBody(slug: string, digest: string): string {
  const { fault, bodyDirectory } = buildSettings();
  if (fault === `render:${slug}`) throw injectedReadError();
  return readBody(bodyDirectory, publishedBody(slug, digest), slug);
}

/**
 * Test-only fault injection: WARTA_FAULT=render:<slug> makes reading that article's body fail as a
 * failing disk would (a Node system error, with its stack), so that tests can check what a build that
 * fails while pages render reports and leaves behind (tests/site/failed-build.test.ts).
 */
function injectedReadError(): Error {
  return Object.assign(new Error('EIO: i/o error, read (fault injected by WARTA_FAULT, tests only)'), {
    code: 'EIO',
    errno: -5,
    syscall: 'read',
  });
}
