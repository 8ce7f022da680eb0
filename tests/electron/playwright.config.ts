import { defineConfig } from '@playwright/test';

// Electron smoke tests: one app at a time, each with its own EDITION_DESK_HOME. Specs
// skip themselves, with the reason, where no Electron binary or display exists.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  globalSetup: '../support/run-tmp.ts',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
