// Refreshes tests/unit/durations.json (the unit tier's run order, tests/support/longest-first.ts)
// from the per-file wall times the last `npm test` wrote to test-results/unit-files.json
// (tests/support/file-timing-reporter.ts). Rounded to 100 ms: only the order matters, and a
// table that changes with every run's noise would only make diffs. Files that no longer
// exist drop out; files of the last run that the table did not know come in.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, process.argv[2] ?? 'test-results/unit-files.json');
const target = join(root, 'tests/unit/durations.json');
if (!existsSync(source)) {
  console.error(`unit-durations: ${source} not found; run npm test (or vitest run) first`);
  process.exit(1);
}
const run = JSON.parse(readFileSync(source, 'utf8'));
const files = {};
for (const f of [...run.files].sort((a, b) => b.wallMs - a.wallMs)) {
  if (existsSync(join(root, f.file))) files[f.file] = Math.round(f.wallMs / 100) * 100;
}
const note = 'Per-file wall time (ms, queue to end in a fork) of the unit tier, longest first; the order vitest hands files to its forks (tests/support/longest-first.ts). Refresh: node scripts/unit-durations.mjs after npm test.';
writeFileSync(target, `${JSON.stringify({ note, measured: new Date().toISOString().slice(0, 10), files }, null, 1)}\n`);
console.log(`unit-durations: ${Object.keys(files).length} files written to tests/unit/durations.json`);
