import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Site and browser tests each run a full Astro build; on a 2-core machine running them
    // side by side only makes every one slower and they share the project's .astro/ folder.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
