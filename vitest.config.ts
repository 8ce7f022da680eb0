import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/longest-first';

// Unit tier: shared logic and main-process services on real files in temp folders.
// Browser and Electron tiers run under Playwright (tests/browser, tests/electron).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['tests/support/run-tmp.ts'],
    // vitest's default on a 2-core machine is one worker (cores − 1), which left the second
    // core idle while most files wait on child processes (CLI, servers, exiftool, Chromium):
    // two forks take the unit tier from ~316 s to about two thirds of it.
    maxWorkers: 2,
    isolate: false,
    // Longest file first (tests/unit/durations.json), so the two forks end together; see
    // tests/support/longest-first.ts.
    sequence: { sequencer: LongestFirst },
    // Most files drive real processes (CLI, servers, exiftool, Chromium): on a loaded 2-core CI
    // machine a test that takes 6–8 s here took over 15 s there. A timeout is no assertion,
    // so a generous one costs nothing but the wait when something truly hangs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
