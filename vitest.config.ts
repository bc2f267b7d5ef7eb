import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    globalSetup: ['tests/support/global-setup.ts', 'tests/support/build-tab.setup.ts'],
    setupFiles: ['tests/support/dom-setup.ts'],
    // expect.poll waits for what a page or a job shows eventually; its 1 s default flakes on a
    // loaded 2-core machine (a value that never comes still fails, later).
    expect: { poll: { timeout: 10_000 } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two forks (vitest's default on 2 cores is one) and modules kept between the files of a fork:
    // most files wait on Azurite, Chromium or child processes, and importing the app graph afresh
    // for each of 135 files cost more than the tests. Measured on the 2-core machine: 610 s ->
    // 444 s for the whole suite (docs/benchmarks.md); every file still starts its own app.
    maxWorkers: 2,
    isolate: false,
    // CI (.ci/run) reads the totals from a JSON report next to the usual console output.
    reporters: process.env.VITEST_JSON_REPORT ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_REPORT ? { json: process.env.VITEST_JSON_REPORT } : undefined,
    coverage: {
      provider: 'v8',
      include: ['src/shared/domain/**/*.ts'],
      exclude: ['src/shared/domain/index.ts'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { lines: 95 },
    },
  },
});
