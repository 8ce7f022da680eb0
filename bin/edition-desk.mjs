#!/usr/bin/env node
// `npx edition-desk …`: the services without the GUI. The CLI is built into out/ by
// `npm ci`/`npm install` (the prepare script) or `npm run build`.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
const entry = fileURLToPath(new URL('../out/cli/index.mjs', import.meta.url));
if (!existsSync(entry)) {
  console.error('edition-desk: not built yet; run "npm run build" in the Edition Desk folder first.');
  process.exit(1);
}
// Node ≥ 22.1 keeps V8's compiled code of the CLI's chunks on disk between runs (issue 15);
// Node 20 has no such switch for ES modules, and this line does nothing there.
module.enableCompileCache?.();
await import(entry);
