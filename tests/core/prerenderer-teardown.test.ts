import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { buildErrors } from '../../src/integrations/build-errors.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #20: the publish server runs a build for each change in one process, and Astro's route cache
// (every page's props, the whole site) belongs to a module Node keeps for the life of the process.
// Warta's prerenderer clears it when Astro tears the prerenderer down. It reaches the cache through
// Astro's default prerenderer and build app by name, so an Astro whose internals moved would quietly
// stop clearing it: these fail instead, so that an upgrade is looked at.

const astroRoot = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const astroModule = async <T>(file: string): Promise<T> =>
  (await import(pathToFileURL(path.join(astroRoot, 'dist', file)).href)) as T;

interface Logged {
  readonly warnings: string[];
  readonly logger: AstroIntegrationLogger;
}

function logged(): Logged {
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) } as unknown as AstroIntegrationLogger;
  return { warnings, logger };
}

/** Warta's prerenderer around `inner`, as Astro receives it at the start of a build. */
function wrap(inner: AstroPrerenderer, logger: AstroIntegrationLogger): AstroPrerenderer {
  const hooks = buildErrors().hooks;
  let wrapped: AstroPrerenderer | undefined;
  const start = hooks['astro:build:start'] as unknown as (options: {
    setPrerenderer(make: (inner: AstroPrerenderer) => AstroPrerenderer): void;
    logger: AstroIntegrationLogger;
  }) => void;
  start({ setPrerenderer: (make) => (wrapped = make(inner)), logger });
  if (!wrapped) throw new Error('buildErrors did not set a prerenderer');
  return wrapped;
}

describe("letting go of Astro's route cache when a build's pages are written", () => {
  it("uses the route cache's own clearAll in this project's Astro", async () => {
    const { RouteCache } = await astroModule<{
      RouteCache: new (logger: unknown) => { cache: Record<string, unknown>; clearAll(): void };
    }>('core/render/route-cache.js');
    const cache = new RouteCache({ warn: () => undefined });
    cache.cache['/berita/[slug]_src/pages/berita/[slug].astro'] = { staticPaths: [{ props: {} }] };
    cache.clearAll();
    expect(cache.cache).toEqual({});
    // The build app hands the prerenderer its manifest's route cache under this name.
    const { BuildApp } = await astroModule<{ BuildApp: { prototype: object } }>('core/build/app.js');
    expect(typeof Object.getOwnPropertyDescriptor(BuildApp.prototype, 'routeCache')?.get).toBe('function');
  });

  it("clears the route cache of Astro's default prerenderer at teardown", async () => {
    const { createDefaultPrerenderer } = await astroModule<{
      createDefaultPrerenderer: (options: {
        internals: { prerenderEntryFileName: string };
        options: unknown;
        prerenderOutputDir: URL;
      }) => AstroPrerenderer;
    }>('core/build/default-prerenderer.js');
    // A stand-in for the prerender bundle's entry: the default prerenderer takes its `app`.
    const folder = makeTempDir('warta-prerender-');
    // It records its clearing on globalThis: Astro imports it natively, the test through Vite.
    fs.writeFileSync(
      path.join(folder, 'entry.mjs'),
      `globalThis.wartaRouteCacheCleared = [];\n` +
        `export const app = { setInternals() {}, setOptions() {}, ` +
        `routeCache: { clearAll() { globalThis.wartaRouteCacheCleared.push(true); } } };\n`,
    );
    const inner = createDefaultPrerenderer({
      internals: { prerenderEntryFileName: 'entry.mjs' },
      options: {},
      prerenderOutputDir: pathToFileURL(`${folder}/`),
    });
    const { warnings, logger } = logged();
    const prerenderer = wrap(inner, logger);
    await prerenderer.setup?.();
    const cleared = (): unknown => Reflect.get(globalThis, 'wartaRouteCacheCleared');
    expect(cleared()).toEqual([]);
    await prerenderer.teardown?.();
    expect(cleared()).toEqual([true]);
    expect(warnings).toEqual([]);
  });

  it("says so when Astro's default prerenderer has no route cache to clear", async () => {
    const { warnings, logger } = logged();
    const prerenderer = wrap(
      {
        name: 'astro:default',
        getStaticPaths: () => Promise.resolve([]),
        render: () => Promise.resolve(new Response('')),
      },
      logger,
    );
    await prerenderer.teardown?.();
    expect(warnings.join('\n')).toMatch(/could not clear Astro's route cache/);
  });
});
