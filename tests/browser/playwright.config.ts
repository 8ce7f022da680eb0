import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';

// End-to-end specs against the browser host in Debian's Chromium (no downloaded browser).
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 2,
  globalSetup: '../support/run-tmp.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../test-results/browser',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    viewport: { width: 1400, height: 1000 },
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
  },
});
