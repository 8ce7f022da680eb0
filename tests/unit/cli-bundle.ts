import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './helpers';

/**
 * Bundles the CLI from source into out/<folder>/index.mjs, split into chunks as
 * scripts/build.mjs does (so a verb runs from its chunk as it does in out/cli), in a folder of
 * the test's own so a parallel rebuild of out/cli cannot pull it away. Returns the entry path.
 */
export async function bundleCli(folder: string): Promise<string> {
  const outdir = join(REPO_ROOT, 'out', folder);
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
  await build({
    entryPoints: [join(REPO_ROOT, 'electron/cli/index.ts')], outdir, splitting: true, entryNames: 'index', chunkNames: 'chunks/[name]-[hash]', outExtension: { '.js': '.mjs' }, bundle: true, platform: 'node', target: 'node20', format: 'esm',
    external: [...Object.keys(pkg.dependencies), 'electron'], define: { __APP_VERSION__: JSON.stringify(pkg.version) }, logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return join(outdir, 'index.mjs');
}
