import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv } from '../helpers/build-site.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const root = path.resolve(import.meta.dirname, '../..');
const PORT = 4399;
const base = `http://127.0.0.1:${PORT}`;

async function fetchText(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  return { status: res.status, text: await res.text() };
}

/** Polls until `check` passes; the dev server reloads content asynchronously after a file event. */
async function eventually(
  check: () => Promise<boolean>,
  what: string | (() => string),
  timeoutMs = 30_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < end) {
    if (
      await check().catch((e: unknown) => {
        lastError = `${String(e)} ${String((e as { cause?: unknown }).cause)}`;
        return false;
      })
    )
      return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for: ${typeof what === 'string' ? what : what()}\nlast error: ${lastError}`);
}

describe('npm run dev', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let log = '';

  beforeAll(async () => {
    dir = makeTempDir('warta-dev-');
    fs.cpSync(path.join(root, 'tests/fixtures/site-basic'), dir, { recursive: true });
    server = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/astro/bin/astro.mjs'),
        'dev',
        '--ignore-lock',
        '--port',
        String(PORT),
        '--host',
        '127.0.0.1',
      ],
      {
        cwd: root,
        env: childEnv({
          WARTA_CONTENT_DIR: dir,
          WARTA_CACHE_DIR: path.join(dir, '.cache'),
          WARTA_NOW: '2025-01-01T00:00:00+07:00',
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    await eventually(
      async () => (await fetchText(`${base}/`)).status === 200,
      () => `dev server to start\n${log}`,
      60_000,
    );
  });
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('shows drafts with a DRAFT badge', async () => {
    const page = await fetchText(`${base}/berita/konsep-rahasia/`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('>DRAFT</p>');
  });

  it('updates when an article is edited, added or deleted, without a restart', { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'gempa-guncang-cianjur.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Gempa berkekuatan 5,6', 'Gempa berkekuatan 6,1'));
    await eventually(
      async () => (await fetchText(`${base}/berita/gempa-guncang-cianjur/`)).text.includes('Gempa berkekuatan 6,1'),
      'edited text',
    );

    fs.writeFileSync(
      path.join(dir, 'baru.md'),
      '---\ntitle: "Berita Baru Sekali"\ndate: 2024-12-28T08:00:00+07:00\ncategory: Nasional\n---\n\nIsi baru.\n',
    );
    await eventually(async () => (await fetchText(`${base}/berita/baru/`)).status === 200, 'added article page');
    expect((await fetchText(`${base}/`)).text).toContain('Berita Baru Sekali');

    fs.rmSync(path.join(dir, 'baru.md'));
    await eventually(
      async () => !(await fetchText(`${base}/`)).text.includes('Berita Baru Sekali'),
      'deleted article gone from home',
    );
    expect((await fetchText(`${base}/berita/baru/`)).status).toBe(404);
  });

  it('keeps serving and logs the error when an edit breaks an article', { timeout: 60_000 }, async () => {
    const file = path.join(dir, 'harga-cabai.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: ', 'title: [rusak '));
    await eventually(
      () => Promise.resolve(/harga-cabai\.md:\d+:\d+ {2}Front matter is not valid YAML/.test(log)),
      () => `error logged with position\n${log}`,
    );
    expect((await fetchText(`${base}/berita/harga-cabai/`)).status).toBe(200);
  });
});
