import { defineConfig } from 'vitest/config';

// Unit tier: shared logic and main-process services on real files in temp folders.
// Browser and Electron tiers run under Playwright (tests/browser, tests/electron).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});
