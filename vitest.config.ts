import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Removes the temporary folders each test file made (tests/helpers/temp-dir.ts) once it ends.
    setupFiles: ['tests/helpers/cleanup-setup.ts'],
    // Site and browser tests each run a full Astro build; on a 2-core machine running them
    // side by side only makes every one slower and they share the project's .astro/ folder.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // Coverage is on with --coverage only (`npm test` passes it), so running one test file stays quick.
    coverage: {
      provider: 'v8',
      // Everything that runs in Node. The .astro components render inside `astro build`; src/scripts/
      // runs in the browser (tests/browser drives it in Chromium): Node's V8 coverage sees neither.
      include: ['src/**/*.{ts,mjs}'],
      exclude: ['src/scripts/**', 'src/**/*.d.ts'],
      // The text table prints every folder's figure (src/loaders, src/integrations, src/data included);
      // json-summary leaves them in coverage/coverage-summary.json for scripts.
      reporter: ['text', 'json-summary'],
      thresholds: {
        // src/lib is the core, plain TypeScript with a test beside every module (README, "How it is
        // built"): at least 90% of its lines, counted over the whole folder.
        'src/lib/**': { lines: 90 },
        // No threshold for the rest: src/loaders, src/integrations, src/data and src/pages run inside
        // the `astro build` child processes that the site tests spawn, which this process's coverage
        // does not see, so their figure counts only what unit tests import directly.
      },
    },
  },
});
