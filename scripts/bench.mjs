// `npm run bench [NAME…]`: runs all or the named benchmarks in bench/*.bench.ts, prints a
// table and writes bench/results.json. Each benchmark measures the app and, where there
// is one, a reference run on the same machine in the same run; the ratio is what counts.
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const wanted = process.argv.slice(2);
const files = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts')).sort();
const outDir = join(root, 'out', 'bench');
mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: files.map((f) => join(root, 'bench', f)),
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning',
  // esbuild (a benchmark bundles its browser-side reference at run time) runs from its package.
  external: [...Object.keys(pkg.dependencies ?? {}), 'electron', 'esbuild'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

const results = [];
for (const f of files) {
  const mod = await import(pathToFileURL(join(outDir, f.replace(/\.ts$/, '.mjs'))).href);
  for (const b of mod.benchmarks ?? []) {
    if (wanted.length > 0 && !wanted.includes(b.name)) continue;
    process.stdout.write(`running ${b.name} … `);
    const r = await b.run({ root });
    const ratio = r.reference ? r.value / r.reference : null;
    const met = b.target.kind === 'ratio-max' ? ratio !== null && ratio <= b.target.value
      : b.target.kind === 'ratio-min' ? ratio !== null && ratio >= b.target.value
      : b.target.kind === 'max' ? r.value <= b.target.value : r.value >= b.target.value;
    // A target may also bound the ratio to its reference (ratioMax), e.g. p95 < 100 ms and ≤ 1.5×.
    const metRatio = b.target.ratioMax === undefined || (ratio !== null && ratio <= b.target.ratioMax);
    // Issue 15: every result says why its reference does the same work as ours (or why there
    // is none); a benchmark without that sentence is reported, not silently written.
    if (!b.why) console.warn(`\nbench: ${b.name} does not say why its reference does the same work (field "why")`);
    results.push({ name: b.name, value: r.value, unit: b.unit, reference: r.reference ?? null, referenceName: b.reference ?? null, referenceWhy: b.why ?? null, ratio, target: b.target, met: met && metRatio, note: r.note ?? '' });
    console.log('done');
  }
}
if (wanted.length > 0 && results.length === 0) { console.error(`bench: no benchmark named ${wanted.join(', ')}`); process.exit(2); }

const fmt = (n) => (n === null ? '—' : n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(3));
const rows = results.map((r) => [r.name, `${fmt(r.value)} ${r.unit}`, r.reference === null ? '—' : `${fmt(r.reference)} ${r.unit} (${r.referenceName})`, fmt(r.ratio), `${r.target.kind} ${r.target.value}${r.target.ratioMax === undefined ? '' : `, ratio ≤ ${r.target.ratioMax}`}`, r.met ? 'met' : 'MISSED']);
const head = ['benchmark', 'value', 'reference', 'ratio', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
// A run of some benchmarks replaces their entries and keeps the others' (each with its own date).
const file = join(root, 'bench', 'results.json');
let kept = [];
try {
  kept = JSON.parse(readFileSync(file, 'utf8')).results.filter((r) => !results.some((n) => n.name === r.name));
} catch {
  // no earlier results
}
const date = new Date().toISOString();
const merged = [...kept, ...results.map((r) => ({ ...r, date }))].sort((a, b) => a.name.localeCompare(b.name));
writeFileSync(file, JSON.stringify({ date, node: process.version, results: merged }, null, 2) + '\n');
console.log('wrote bench/results.json');
// A benchmark may leave a handle open (a worker, a browser's pipe) that would keep the run
// alive after its results are written; the run is over here.
process.exit(0);
