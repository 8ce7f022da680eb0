// `npm test`: every tier, in order, then one closing line "N passed, N failed" (what CI
// reads). Build, typecheck and lint count as one test each; vitest and Playwright report
// their own counts through their JSON reporters.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, 'test-results');
mkdirSync(tmp, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
/** Each failing test by name, printed just above the closing line. */
const failedNames = [];
// eslint-disable-next-line no-control-regex -- the ESC of ANSI colour codes is the point
const firstLine = (msg) => String(msg ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 300) ?? '';

/** "file:line › title: message" for every spec Playwright's JSON report counts as unexpected. */
function unexpectedSpecs(report) {
  const out = [];
  const walk = (suite, titles) => {
    for (const s of suite.suites ?? []) walk(s, s.title && !s.title.endsWith('.ts') ? [...titles, s.title] : titles);
    for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) {
      if (t.status !== 'unexpected') continue;
      const err = t.results?.at(-1)?.error?.message ?? t.results?.at(-1)?.errors?.[0]?.message;
      out.push(`${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}: ${firstLine(err)}`);
    }
  };
  for (const s of report?.suites ?? []) walk(s, []);
  return out;
}

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

/** A step that counts as one test: passed, or failed under its label. */
function count(label, ok) {
  if (ok) passed++;
  else { failed++; failures.push(label); }
}

function step(label, cmd, args) {
  count(label, run(label, cmd, args));
}

/** Runs [label, cmd, args] steps `width` at a time; each counts as one test like `step`. */
async function parallelSteps(steps, width) {
  const queue = [...steps];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [label, cmd, args] = next;
      const started = Date.now();
      const r = await new Promise((done) => {
        const child = spawn(cmd, args, { cwd: root, env: process.env });
        let out = '';
        child.stdout.on('data', (c) => (out += c));
        child.stderr.on('data', (c) => (out += c));
        child.on('close', (code) => done({ code, out }));
        child.on('error', (e) => done({ code: 1, out: String(e) }));
      });
      console.log(`\n▶ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (r.out) process.stdout.write(r.out);
      count(label, r.code === 0);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

function readJson(file) {
  try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return null; }
}

// Node 22 for the Electron window's catalogue tests (node:sqlite): from the npm registry, once.
step('node 22 for node:sqlite tests', process.execPath, ['scripts/node22.mjs']);
step('build', process.execPath, ['scripts/build.mjs']);
// The five typechecks and the lint are single-threaded and independent: two at a time on
// the two cores (each one's output is printed whole when it ends, so logs stay readable).
await parallelSteps([
  ...['electron', 'renderer', 'shared', 'tests', 'bench'].map((p) => [`typecheck ${p}/`, bin('tsc'), ['--noEmit', '-p', `${p}/tsconfig.json`]]),
  ['lint (process boundaries)', bin('eslint'), ['.']],
], 2);

// Unit tier.
const vitestOut = join(tmp, 'vitest.json');
rmSync(vitestOut, { force: true });
// The third reporter writes each file's wall time in its fork (test-results/unit-files.json):
// `node scripts/unit-durations.mjs` turns it into the run order (tests/unit/durations.json).
const unitOk = run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestOut}`, '--reporter=./tests/support/file-timing-reporter.ts']);
const v = readJson(vitestOut);
if (v) {
  passed += v.numPassedTests; failed += v.numFailedTests; skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  if (v.numFailedTests > 0) failures.push(`unit: ${v.numFailedTests} failed`);
  // CI shows only the tail of the log: name each failing test, with its first message line, there.
  for (const file of v.testResults ?? []) for (const t of file.assertionResults ?? []) {
    if (t.status === 'failed') failedNames.push(`unit ${relative(root, file.name)} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
  }
  if (!unitOk && v.numFailedTests === 0) { failed++; failures.push('unit: run failed outside a test'); }
} else { failed++; failures.push('unit: no report'); }

// Browser and Electron tiers (Playwright). The browser tier runs in two invocations: the
// specs with wall-clock promises (project "quiet", tests/browser/playwright.config.ts) after
// the rest, alone on the machine, so no other spec's PDF export shares their second.
const tiers = [
  ['browser end-to-end (Chromium + browser host)', 'tests/browser/playwright.config.ts', ['--project=desk']],
  ['browser end-to-end, timed specs alone (Chromium + browser host)', 'tests/browser/playwright.config.ts', ['--project=quiet']],
  ['Electron end-to-end', 'tests/electron/playwright.config.ts', []],
];
for (const [label, config, extra] of tiers) {
  if (!existsSync(join(root, config))) { failed++; failures.push(`${label}: ${config} missing`); continue; }
  const out = join(tmp, `${label.replace(/[^a-z]+/gi, '-')}.json`);
  rmSync(out, { force: true });
  const ok = run(label, bin('playwright'), ['test', '-c', config, ...extra, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const s = readJson(out)?.stats;
  if (s) {
    passed += s.expected + s.flaky; failed += s.unexpected; skipped += s.skipped;
    if (s.unexpected > 0) failures.push(`${label}: ${s.unexpected} failed`);
    for (const f of unexpectedSpecs(readJson(out))) failedNames.push(`${label.split(' ')[0]} ${f}`);
    if (!ok && s.unexpected === 0) { failed++; failures.push(`${label}: run failed outside a test`); }
  } else { failed++; failures.push(`${label}: no report`); }
}

console.log('');
if (skipped > 0) console.log(`${skipped} skipped (see the skip reasons above)`);
for (const n of failedNames) console.log(`✗ ${n}`);
if (failures.length > 0) console.log(`failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
