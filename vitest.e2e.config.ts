import { defineConfig } from 'vitest/config';

/**
 * Browser journeys (e2e/*.e2e.ts): the real server on a random port, a fresh PGlite database
 * seeded with demo data, the production build of the web app, Debian's Chromium driven by
 * playwright-core. Skipped, saying so, when Chromium is absent.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
