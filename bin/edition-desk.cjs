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
  const csc = off ? undefined : { path, read: mapped(path) ?? readWhole(path) };
  const { exports, saveCache } = requireCached(run.bundle, run.variant);
  exports.main(args, { csc }).then((code) => {
    saveCache();
    process.exit(code);
  });
  return true;
}

// The tables mapped by the CLI's addon (electron/cli/native/csc-map.c, built with the CLI
// when a C compiler is there): the page cache's pages shared, none copied. On this project's
// VM, where each fresh page costs a fault twice (the read's copy, then the first touch), the
// 12 MB read cost the run ~65 ms and the mapping ~7 (issue 15). Null when there is no addon
// or it cannot map the file, or EDITION_DESK_NO_MAP is set (a way round a file system that
// maps badly, and the tests' way to run both paths): the read below then.
function mapped(path) {
  if (process.env.EDITION_DESK_NO_MAP) return null;
  try {
    const addon = join(out, 'csc-map.node');
    if (!existsSync(addon)) return null;
    return Promise.resolve(Buffer.from(require(addon).map(path)));
  } catch {
    return null;
  }
}

// The whole file read on libuv's pool, issued before the bundle loads. fs.readFile reads in
// 512 KB pieces and each next piece waits for a turn of the main thread, which is busy
// loading the bundle: the table then arrived only after it, and `proof` sat idle for 3–6 ms
// (a --cpu-prof of the seed page). Two reads of half the file each, on two of the pool's
// threads: most of a read's time here is the kernel filling fresh pages, and the 12 MB
// arrived in ~5.8 ms instead of ~7.8 (least of six, this 2-core VM). Open and size are
// synchronous (microseconds).
function readWhole(path) {
  return new Promise((done, fail) => {
    let fd;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      fail(e);
      return;
    }
    let buf;
    try {
      // Zeroed memory from the allocator (untouched pages until the read fills them) wrapped
      // as a Buffer: Buffer.allocUnsafe of the 12 MB took ~0.9 ms of the main thread here.
      buf = Buffer.from(new Uint8Array(fstatSync(fd).size).buffer);
    } catch (e) {
      closeSync(fd);
      fail(e);
      return;
    }
    const half = buf.length > 1 << 22 ? (buf.length >>> 13) << 12 : buf.length; // page-aligned
    let pending = half < buf.length ? 2 : 1;
    let failed = null;
    let end = buf.length; // the file may have shrunk since fstat: the data ends at the first short part
    const partDone = (e, stop, upTo) => {
      if (e) failed ??= e;
      else if (upTo < stop) end = Math.min(end, upTo);
      if (--pending > 0) return;
      closeSync(fd);
      if (failed) fail(failed);
      else done(end === buf.length ? buf : buf.subarray(0, end));
    };
    // Bytes [at, stop) of the file into the same offsets of buf, short reads continued.
    const part = (at, stop) => read(fd, buf, at, stop - at, at, (e, n) => {
      if (e) partDone(e, stop, at);
      else if (n === 0 || at + n >= stop) partDone(null, stop, at + n);
      else part(at + n, stop);
    });
    if (buf.length === 0) return partDone(null, 0, 0);
    part(0, half);
    if (half < buf.length) part(half, buf.length);
  });
}

if (process.argv[2] !== 'proof' || !proof(process.argv.slice(3))) {
  // Node ≥ 22.1 keeps V8's compiled code of the CLI's chunks on disk between runs (issue 15);
  // Node 20 has no such switch for ES modules, and this line does nothing there.
  require('node:module').enableCompileCache?.();
  import(require('node:url').pathToFileURL(entry).href);
}
