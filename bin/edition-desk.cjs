#!/usr/bin/env node
/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry (below: why) */
'use strict';
// `npx edition-desk …`: the services without the GUI. The CLI is built into out/ by
// `npm ci`/`npm install` (the prepare script) or `npm run build`.
// A CommonJS file (issue 15): Node starts a .cjs entry without its ES module loader, which
// cost `proof` ~5 ms of a ~0.15 s run (the loader's modules and fs/promises to read this
// file); every other verb is the full CLI's ES module, imported below as before.
const { existsSync, openSync, fstatSync, read, closeSync } = require('node:fs');
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
  const csc = off ? undefined : { path, read: readWhole(path) };
  const { exports, saveCache } = requireCached(run.bundle, run.variant);
  exports.main(args, { csc }).then((code) => {
    saveCache();
    process.exit(code);
  });
  return true;
}

// The whole file in one read on libuv's pool, issued before the bundle loads. fs.readFile
// reads in 512 KB pieces and each next piece waits for a turn of the main thread, which is
// busy loading the bundle: the 7.8 MB table then arrived only after it, and `proof` sat idle
// for 3–6 ms (a --cpu-prof of the seed page). Open and size are synchronous (microseconds).
function readWhole(path) {
  return new Promise((done, fail) => {
    let fd;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      fail(e);
      return;
    }
    const finish = (e, b) => {
      closeSync(fd);
      if (e) fail(e);
      else done(b);
    };
    let buf;
    try {
      buf = Buffer.allocUnsafe(fstatSync(fd).size);
    } catch (e) {
      finish(e);
      return;
    }
    const more = (at) => read(fd, buf, at, buf.length - at, at, (e, n) => {
      if (e) finish(e);
      else if (n === 0 || at + n >= buf.length) finish(null, at + n >= buf.length ? buf : buf.subarray(0, at + n));
      else more(at + n); // a short read: go on from where it stopped
    });
    if (buf.length === 0) finish(null, buf);
    else more(0);
  });
}

if (process.argv[2] !== 'proof' || !proof(process.argv.slice(3))) {
  // Node ≥ 22.1 keeps V8's compiled code of the CLI's chunks on disk between runs (issue 15);
  // Node 20 has no such switch for ES modules, and this line does nothing there.
  require('node:module').enableCompileCache?.();
  import(require('node:url').pathToFileURL(entry).href);
}
