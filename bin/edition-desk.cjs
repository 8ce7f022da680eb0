#!/usr/bin/env node
/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry (below: why) */
'use strict';
// `npx edition-desk …`: the services without the GUI. The CLI is built into out/ by
// `npm ci`/`npm install` (the prepare script) or `npm run build`.
// A CommonJS file (issue 15): Node starts a .cjs entry without its ES module loader, which
// cost `proof` ~5 ms of a ~0.15 s run (the loader's modules and fs/promises to read this
// file); every other verb is the full CLI's ES module, imported below as before.
const { existsSync, readFile } = require('node:fs');
const { join } = require('node:path');
const out = join(__dirname, '..', 'out', 'cli');
const entry = join(out, 'index.mjs');
if (!existsSync(entry)) {
  console.error('edition-desk: not built yet; run "npm run build" in the Edition Desk folder first.');
  process.exit(1);
}

// `proof` runs its own bundle through V8's code cache (electron/cli/compile-cache.ts):
// one CommonJS file instead of the CLI's dozen ES module chunks, compiled once, not on
// every start; a .md/.txt file takes the text-only bundle and a short run goes without
// V8's optimizing compiler (electron/cli/short-run.ts) (issue 15). Same output, errors and
// exit codes as the full CLI.
function proof(args) {
  const loader = join(out, 'proof-launch.cjs');
  if (!existsSync(loader)) return false;
  const { requireCached, proofBundle } = require(loader);
  const run = proofBundle(args, out);
  if (run === null) return false;
  // The 错别字 tables (~6 MB) are read on libuv's pool while the bundle loads; the bundle
  // takes the read if that is its table file (services/proof/csc-model.ts). Not for --typos off.
  const off = args.some((a, i) => a === '--typos=off' || (a === '--typos' && args[i + 1] === 'off'));
  const path = join(__dirname, '..', 'resources', 'csc', 'csc-model.bin');
  const csc = off ? undefined : { path, read: new Promise((done, fail) => readFile(path, (e, b) => (e ? fail(e) : done(b)))) };
  const { exports, saveCache } = requireCached(run.bundle, run.variant);
  exports.main(args, { csc }).then((code) => {
    saveCache();
    process.exit(code);
  });
  return true;
}

if (process.argv[2] !== 'proof' || !proof(process.argv.slice(3))) {
  // Node ≥ 22.1 keeps V8's compiled code of the CLI's chunks on disk between runs (issue 15);
  // Node 20 has no such switch for ES modules, and this line does nothing there.
  require('node:module').enableCompileCache?.();
  import(require('node:url').pathToFileURL(entry).href);
}
