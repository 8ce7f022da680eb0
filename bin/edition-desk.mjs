#!/usr/bin/env node
// `npx edition-desk …`: the services without the GUI. The CLI is built into out/ by
// `npm ci`/`npm install` (the prepare script) or `npm run build`.
import { existsSync, readFile } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
const entry = fileURLToPath(new URL('../out/cli/index.mjs', import.meta.url));
if (!existsSync(entry)) {
  console.error('edition-desk: not built yet; run "npm run build" in the Edition Desk folder first.');
  process.exit(1);
}
// `proof` runs its own bundle through V8's code cache (electron/cli/compile-cache.ts):
// one CommonJS file instead of the CLI's dozen ES module chunks, compiled once, not on
// every start, and a short run without V8's optimizing compiler (electron/cli/short-run.ts)
// (issue 15). Same output, errors and exit codes as the full CLI.
if (process.argv[2] === 'proof') {
  const proof = fileURLToPath(new URL('../out/cli/proof.cjs', import.meta.url));
  const loader = fileURLToPath(new URL('../out/cli/proof-launch.cjs', import.meta.url));
  if (existsSync(proof) && existsSync(loader)) {
    // The 错别字 tables (4.5 MB) are read on libuv's pool while the bundle loads; the bundle
    // takes the read if that is its table file (services/proof/csc-model.ts). Not for --typos off.
    const args = process.argv.slice(3);
    const off = args.some((a, i) => a === '--typos=off' || (a === '--typos' && args[i + 1] === 'off'));
    const path = fileURLToPath(new URL('../resources/csc/csc-model.bin', import.meta.url));
    const csc = off ? undefined : { path, read: new Promise((done, fail) => readFile(path, (e, b) => (e ? fail(e) : done(b)))) };
    const { requireCached, tierForProof } = module.createRequire(import.meta.url)(loader);
    const { exports, saveCache } = requireCached(proof, tierForProof(args));
    const code = await exports.main(args, { csc });
    saveCache();
    process.exit(code);
  }
}
// Node ≥ 22.1 keeps V8's compiled code of the CLI's chunks on disk between runs (issue 15);
// Node 20 has no such switch for ES modules, and this line does nothing there.
module.enableCompileCache?.();
await import(entry);
