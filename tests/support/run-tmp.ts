import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One temporary folder per test run, set as TMPDIR before any worker starts, so every
// data dir, desk, server, Chromium profile and exiftool scratch file a test makes (most
// through os.tmpdir()) lands inside it, and the run removes it whole at the end. Before
// this, each run left its hosts' data dirs behind: 49 GB in /tmp after a day of runs.
// Vitest's and Playwright's workers are started after the global setup, so they inherit it.
// EDITION_DESK_KEEP_TEST_TMP=1 keeps the folder (its path is printed) for a post-mortem.
export default function runTmp(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'edition-desk-run-'));
  process.env.TMPDIR = dir;
  return () => {
    if (process.env.EDITION_DESK_KEEP_TEST_TMP === '1') {
      console.log(`test files kept in ${dir}`);
      return;
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
