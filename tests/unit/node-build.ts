import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from './helpers';

// What `scripts/build.mjs node` writes, and what it is built from.
// (The 错别字 tables are rebuilt by any build when their sources are newer: not counted here.)
// The CLI's table-mapping addon is built where POSIX mmap is (scripts/csc-map-addon.mjs).
const OUTPUTS = ['out/main/index.mjs', 'out/host/index.mjs', 'out/cli/index.mjs', 'out/cli/proof.cjs', 'out/cli/proof-text.cjs', 'out/cli/proof-launch.cjs', 'out/workers/import-worker.mjs', ...(process.platform === 'win32' ? [] : ['out/cli/csc-map.node'])];
const SOURCES = ['electron', 'shared', 'scripts/build.mjs', 'package.json'];

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

/** True when every output of the Node build exists and is newer than every source file. */
export function nodeBuildFresh(): boolean {
  if (!OUTPUTS.every((o) => existsSync(join(REPO_ROOT, o)))) return false;
  const built = Math.min(...OUTPUTS.map((o) => statSync(join(REPO_ROOT, o)).mtimeMs));
  return SOURCES.every((s) => newest(join(REPO_ROOT, s)) <= built);
}

/**
 * Builds out/cli, out/host, out/workers … only when they are missing or older than their
 * sources. `build.mjs node` first deletes those folders, so rebuilding them unconditionally
 * from a test file's beforeAll pulled the CLI away from another file running it on the other
 * worker ("not built yet", a missing chunk): that is how a clean-clone CI run failed. Under
 * `npm test` the build step has just run, so no test file rebuilds.
 */
export function ensureNodeBuild(): void {
  if (nodeBuildFresh()) return;
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), 'node'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
}
