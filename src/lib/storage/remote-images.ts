import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { MAX_IMAGE_BYTES, SUPPORTED_IMAGE_TYPES } from './image-probe.ts';
import { writeFileReplacing } from './write-fully.ts';

/**
 * Pictures on an allowed remote host (`image.src: https://foto.example.id/x.jpg`, issue #17) are
 * downloaded once into the cache folder, and from there take the same way as a file next to the
 * article: probed, cropped and encoded by digest, published from the site itself. Linking them as
 * they were sent every reader to the agency's full-size original, with no size to reserve, no
 * WebP and no crop for sharing.
 *
 * A URL is downloaded once in the cache's life: news agencies and CDNs give every picture its own
 * URL, so asking again on each build would only slow publishing and fail it when the host is down.
 * A picture replaced at the same URL needs a new URL (or an emptied cache folder). A failed
 * download is not remembered: the next build tries again.
 */

/** The file a downloaded picture is kept in: named by a digest of its URL, without an extension (sharp and the probe read the format from the bytes). */
export function remoteImageFile(directory: string, url: string): string {
  return path.join(directory, createHash('sha256').update(url).digest('hex').slice(0, 32));
}

/** Options of {@link downloadRemoteImages}. */
export interface DownloadOptions {
  /** Hosts a redirect may lead to: the site's allowed image hosts. */
  readonly hosts: readonly string[];
  /** How long one request may take before it is given up, in milliseconds. Default: 30,000. */
  readonly timeoutMs?: number;
  /** Requests under way at once. Default: 6, a browser's limit per host. */
  readonly concurrency?: number;
}

const MAX_REDIRECTS = 5;
/** Answers worth one more try: the host is busy or briefly down. */
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

/**
 * Downloads the pictures at `urls` that `directory` does not hold yet. Resolves to the reason for
 * each URL that could not be downloaded; the content errors name them at the line that uses them.
 */
export async function downloadRemoteImages(
  urls: Iterable<string>,
  directory: string,
  options: DownloadOptions,
): Promise<ReadonlyMap<string, string>> {
  const failures = new Map<string, string>();
  const queue = [...new Set(urls)].filter((url) => !fs.existsSync(remoteImageFile(directory, url)));
  if (queue.length === 0) return failures;
  fs.mkdirSync(directory, { recursive: true });
  const next = async (): Promise<void> => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      let reason = await downloadOne(url, directory, options);
      if (reason?.retry) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        reason = await downloadOne(url, directory, options);
      }
      if (reason) failures.set(url, reason.text);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 6, queue.length) }, next));
  return failures;
}

interface Failure {
  readonly text: string;
  /** Whether one more try may succeed: a network error, a timeout, or a busy server. */
  readonly retry: boolean;
}

async function downloadOne(url: string, directory: string, options: DownloadOptions): Promise<Failure | undefined> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: Response;
    try {
      // Redirects are followed by hand, so that each hop is checked against the allowlist: an
      // allowed host must not be able to hand the build a file from anywhere.
      response = await fetch(current, {
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'image/avif,image/webp,image/jpeg,image/png;q=0.9,*/*;q=0.5' },
      });
    } catch (error) {
      return { text: requestFailure(error, timeoutMs), retry: true };
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      let target: URL;
      try {
        target = new URL(location, current);
      } catch {
        return { text: `the server redirects to "${location}", which is not a URL`, retry: false };
      }
      if (target.protocol !== 'https:' || !options.hosts.includes(target.host))
        return {
          text: `the server redirects to ${target.href}, which is not an https: URL on an allowed image host`,
          retry: false,
        };
      current = target.href;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return {
        text: `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        retry: RETRY_STATUS.has(response.status),
      };
    }
    return save(response, remoteImageFile(directory, url), timeoutMs);
  }
  return { text: `the server redirects more than ${MAX_REDIRECTS} times`, retry: false };
}

/** Reads the answer's body, refusing it past the picture size limit, and moves it into place whole. */
async function save(response: Response, file: string, timeoutMs: number): Promise<Failure | undefined> {
  const tooLarge: Failure = { text: `the file is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`, retry: false };
  if (Number(response.headers.get('content-length') ?? 0) > MAX_IMAGE_BYTES) {
    await response.body?.cancel();
    return tooLarge;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      size += read.value.byteLength;
      if (size > MAX_IMAGE_BYTES) {
        await reader?.cancel();
        return tooLarge;
      }
      chunks.push(read.value);
    }
  } catch (error) {
    return { text: requestFailure(error, timeoutMs), retry: true };
  }
  // A server that answers with an error page, or a login page, says 200 too: only a picture is kept,
  // or the cache would hold the page for good and every later build would refuse it.
  const bytes = Buffer.concat(chunks, size);
  let type: string | undefined;
  try {
    type = imageSize(bytes).type;
  } catch {
    type = undefined;
  }
  if (type === undefined || !SUPPORTED_IMAGE_TYPES.has(type)) {
    const sent = response.headers.get('content-type')?.split(';')[0]?.trim();
    return {
      text: `the server sent ${sent ? `a file of type ${sent}` : 'a file'} that is not a JPEG, PNG, WebP or AVIF picture`,
      retry: false,
    };
  }
  // A build stopped half-way must not leave a torn file that a later build would take for the picture.
  writeFileReplacing(file, bytes);
  return undefined;
}

/** Why a request failed, in words an editor can act on. */
function requestFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return `the server did not answer within ${timeoutMs / 1000} s`;
  // fetch says only "fetch failed"; the reason (DNS, refused, certificate) is its cause.
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const detail =
    typeof cause?.code === 'string'
      ? `${cause.code}${typeof cause.message === 'string' ? `: ${cause.message}` : ''}`
      : error instanceof Error
        ? error.message
        : String(error);
  return `the request failed (${detail})`;
}
