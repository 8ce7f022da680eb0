// Builds everything into out/: the renderer with Vite, and the Node entries (Electron
// main, preload, browser host, CLI) with esbuild. Runtime `dependencies` stay external,
// as electron-vite would keep them, so sharp's native binary is loaded, never bundled.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildFonts } from './fonts.mjs';
import { buildCscModel } from './csc-model.mjs';
import { asciiOnly } from './ascii-only.mjs';
import { buildCscMapAddon } from './csc-map-addon.mjs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), 'electron'];
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

// Only the parts being built are cleared, so `build.mjs node` leaves out/renderer alone.
if (want('node')) for (const d of ['main', 'preload', 'host', 'cli', 'workers']) rmSync(join(root, 'out', d), { recursive: true, force: true });

const node = (entry, outfile, format = 'esm', split = false) =>
  esbuild({
    entryPoints: [join(root, entry)],
    // Split builds keep a dynamic import() a separate chunk with its own imports, so the
    // CLI loads playwright-core and sharp only for the verbs that use them.
    ...(split
      ? { outdir: dirname(join(root, outfile)), splitting: true, entryNames: '[dir]/index', chunkNames: 'chunks/[name]-[hash]', outExtension: { '.js': '.mjs' } }
      : { outfile: join(root, outfile) }),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format,
    external,
    define,
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled CommonJS dependencies may call require(); give ESM output one.
    banner: format === 'esm' ? { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } : {},
  });

/**
 * The proof command's bundle: everything but Node's own modules inside, so its one compile
 * is cached whole, written ASCII-only (scripts/ascii-only.mjs) so its loader reads it as
 * Latin-1 instead of decoding a megabyte of UTF-8 on every start (issue 15). Two of them:
 * proof.cjs for any input, and proof-text.cjs for a .md/.txt file (what bin runs for one),
 * whose .docx and edition readers are stubs (electron/cli/proof-text-only.ts): without them,
 * zod and xmldom it is a quarter of the size, and its load a third of the time.
 */
// Written inside CommonJS's module wrapper (electron/cli/compile-cache.ts's WRAPPER_HEAD and
// _TAIL, which tests/unit/proof-cli-start.test.ts checks), so its loader compiles the file as
// read: no concatenated copy of it on the heap. The wrapper shares the first line, so the
// source map stays right below it.
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];
const asciiFile = (file) => writeFileSync(file, WRAPPER[0] + asciiOnly(readFileSync(file, 'utf8')) + WRAPPER[1]);
/** An esbuild plugin: imports matching `filter` from the module whose path ends with `importer` resolve to `to` instead. */
const redirect = (name, filter, importer, to) => ({
  name,
  setup(b) {
    b.onResolve({ filter }, (a) => (a.importer.endsWith(importer) ? { path: join(root, to) } : undefined));
  },
});
const textOnly = redirect('proof-text-only', /^\.\.\/(copy\/docx-read|edition-store)$/, join('services', 'proof', 'proof-files.ts'), 'electron/cli/proof-text-only.ts');
// The traditional rule's opencc-js tables, evaluated when first used (electron/cli/opencc-lazy.ts).
const lazyOpencc = redirect('opencc-lazy', /^opencc-js\/t2cn$/, join('rules', 'traditional.ts'), 'electron/cli/opencc-lazy.ts');
const proofBundle = (name, plugins = []) =>
  esbuild({
    entryPoints: [join(root, 'electron/cli/proof-main.ts')],
    outfile: join(root, 'out/cli', name),
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', plugins: [lazyOpencc, ...plugins],
    // opencc-js's t→cn tables (200 KB of the text bundle's 370) stay in node_modules, required
    // on the first traditional character (electron/cli/opencc-lazy.ts): a start reads and
    // holds only what it may run (about 120 fewer page faults a run, issue 15).
    external: ['opencc-js/t2cn'],
    // A table a rule reads from disk beside its module (new URL(…, import.meta.url)) finds it
    // from the bundle too: CommonJS has no import.meta, so it is the bundle's own URL here.
    define: { ...define, 'import.meta.url': 'bundleFile.url' },
    inject: [join(root, 'electron/cli/bundle-url.ts')],
    // dictionary-en's module reads its files with top-level await, which CommonJS cannot hold.
    alias: { 'dictionary-en': join(root, 'electron/cli/dictionary-files.ts') },
  }).then(() => asciiFile(join(root, 'out/cli', name)));

buildFonts();
// The 错别字 detector's tables (issue 14), rebuilt when a source is newer.
buildCscModel();
const jobs = [];
if (want('node')) {
  jobs.push(
    node('electron/main/index.ts', 'out/main/index.mjs'),
    // The sandboxed preload must be a single CommonJS file.
    node('electron/preload/index.ts', 'out/preload/index.cjs', 'cjs'),
    node('electron/host/index.ts', 'out/host/index.mjs'),
    node('electron/cli/index.ts', 'out/cli/index.mjs', 'esm', true),
    // `edition-desk proof` on its own (issue 15): one CommonJS file with its dependencies
    // inside, which bin/edition-desk.cjs runs through V8's code cache (proof-launch.cjs).
    proofBundle('proof.cjs'),
    proofBundle('proof-text.cjs', [textOnly]),
    node('electron/cli/proof-launch.ts', 'out/cli/proof-launch.cjs', 'cjs'),
    // Imports run in a worker thread (electron/services/copy/import-off-thread.ts).
    node('electron/services/copy/import-worker.ts', 'out/workers/import-worker.mjs'),
    // The JPEG scan check of photo ingest (electron/services/library/jpeg-scan-off-thread.ts).
    node('electron/services/library/scan-worker.ts', 'out/workers/scan-worker.mjs'),
    // The archive catalogue's Electron utility process, on node:sqlite (electron/main/archive-process.ts).
    node('electron/utility/archive-utility.ts', 'out/workers/archive-utility.mjs'),
  );
}
if (want('renderer')) {
  jobs.push(viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' }));
}
await Promise.all(jobs);
if (want('node')) {
  // After the bundles: out/cli was cleared above. Optional (scripts/csc-map-addon.mjs).
  const why = buildCscMapAddon(root);
  if (why) console.log(`csc-map addon skipped: ${why}`);
}
// The bundled type travels with the renderer (fonts.css links its slices relatively).
if (want('renderer')) cpSync(join(root, 'resources', 'fonts'), join(root, 'out', 'renderer', 'fonts'), { recursive: true });
console.log('built out/');
