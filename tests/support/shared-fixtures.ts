import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// The shared fixtures (seed pages, photos, documents) live outside this repository, in
// ../shared/fixtures beside it. Tests that compare against them find the folder here:
//   1. EDITION_DESK_SHARED (either the shared folder or its fixtures folder),
//   2. a `shared/fixtures` folder beside the repository or beside any folder above it,
//   3. /work/shared/fixtures.
// SHARED_FIXTURES is null when none exists; tests that need it must skip with a line
// saying so (see SHARED_FIXTURES_SKIP), never pass silently.

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

function fromEnv(): string | null {
  const v = process.env['EDITION_DESK_SHARED'];
  if (!v) return null;
  const p = resolve(v);
  if (isDir(join(p, 'fixtures'))) return join(p, 'fixtures');
  return isDir(p) ? p : null;
}

function besideRepo(): string | null {
  // Start above the repository: its own shared/ holds code, not fixtures.
  let dir = dirname(REPO_ROOT);
  for (;;) {
    const candidate = join(dir, 'shared', 'fixtures');
    if (isDir(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function findSharedFixtures(): string | null {
  const fallback = '/work/shared/fixtures';
  return fromEnv() ?? besideRepo() ?? (isDir(fallback) ? fallback : null);
}

export const SHARED_FIXTURES: string | null = findSharedFixtures();

export const SHARED_FIXTURES_SKIP =
  'SKIPPED: shared fixtures not found (set EDITION_DESK_SHARED, or place shared/fixtures beside the repository)';
