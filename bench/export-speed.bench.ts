import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { startInProcessHost } from '../electron/host/in-process';
import { CHROMIUM_FLAGS, ChromiumPrintEngine, findChromium } from '../electron/services/export/chromium-engine';
import { runExport } from '../electron/services/export/export-job';
import { writeSampleEdition } from '../electron/services/sample';
import { writeStaticPages } from './static-print';

// Export speed against Chromium's own floor (issue 13 item 4). Both benchmarks print the
// 2-page sample to PDF and compare with Chromium printing the same two pages from a
// static HTML file (static-print.ts: the laid-out DOM, the same fonts and photos), in the
// same run, alternating ours and the reference so both see the same moments of a shared
// machine. Medians.
//
// export-cli-2pages: `edition-desk export … --pdf` as a user runs it (a new node process:
// host, edition, Chromium launch, print route, PDF, copy out), wall time, against
// `chromium --headless --print-to-pdf` of the static file (a new browser process too:
// launch, load, fonts, print). Both start cold, both end with a PDF on disk.
//
// export-warm-2pages: runExport in a host whose browser is already running (as in the
// app after its first export), against a bare page.pdf of the static file in the same
// warm browser (its own tab kept from run to run as ours is: load the file, fonts ready,
// page.pdf): the work a browser must do for those two pages whatever builds them.

const EDITION = 'sample.edition';
const ROUNDS = Number(process.env['EXPORT_BENCH_ROUNDS'] ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function run(cmd: string, args: string[]): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`${cmd} exited ${code}: ${err.slice(-500)}`))));
  });
}

async function setup(root: string) {
  const base = await mkdtemp(join(tmpdir(), 'ed-bench-speed-'));
  const ws = join(base, 'workspace');
  const editionDir = join(ws, EDITION);
  await writeSampleEdition(join(root, 'resources'), editionDir);
  const rendererDir = join(root, 'out', 'renderer');
  const host = await startInProcessHost({ workspaceRoot: ws, scratch: base, rendererDir, defaultEdition: EDITION });
  const engine = host.services.engine as ChromiumPrintEngine;
  const browser = await engine.browserInUse();
  const stat0 = await writeStaticPages({ browser, origin: host.origin, token: host.token, edition: EDITION, editionDir, rendererDir, outDir: join(base, 'static') });
  return { base, host, browser, editionDir, staticHtml: stat0.html };
}

/**
 * A bare page.pdf of the static file in `browser`: load, fonts, print, in one tab kept for
 * every run, as our engine keeps its print tab (so both have their fonts decoded from the
 * run before: the reference is as warm as we are).
 */
function referencePdf(browser: Browser, html: string): () => Promise<number> {
  let tab: Promise<Page> | null = null;
  return async () => {
    tab ??= browser.newContext().then((c) => c.newPage());
    const page = await tab;
    const t = performance.now();
    await page.goto(`file://${html}`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return performance.now() - t;
  };
}

export const benchmarks = [
  {
    name: 'export-cli-2pages',
    why: 'The same pages, fonts and photos printed by the same Chromium as a new process: the floor any tool pays to print them; ours adds node, the host and the print route.',
    unit: 'ms',
    reference: 'chromium --headless --print-to-pdf of the same 2 pages as static HTML (same fonts, photos)',
    target: { kind: 'ratio-max', value: 1.3 },
    async run({ root }: { root: string }) {
      const s = await setup(root);
      try {
        const chromium = findChromium();
        const cli = join(root, 'bin', 'edition-desk.mjs');
        const ours: number[] = [];
        const ref: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const out = join(s.base, `cli-${i}.pdf`);
          ours.push(await run(process.execPath, [cli, 'export', s.editionDir, '--pdf', out]));
          const refOut = join(s.base, `ref-${i}.pdf`);
          ref.push(await run(chromium, [...CHROMIUM_FLAGS.filter((f) => f !== '--headless'), '--headless', '--no-pdf-header-footer', `--print-to-pdf=${refOut}`, `file://${s.staticHtml}`]));
        }
        const size = async (f: string) => ((await stat(join(s.base, f))).size / 1e6).toFixed(1);
        return {
          value: median(ours), reference: median(ref),
          note: `${process.env['EXPORT_BENCH_KEEP'] ? `${s.base}; ` : ''}median of ${ROUNDS} alternating runs; ours ${ours.map((x) => x.toFixed(0)).join('/')} ms, chromium ${ref.map((x) => x.toFixed(0)).join('/')} ms; PDF ${await size('cli-0.pdf')} MB vs ${await size('ref-0.pdf')} MB`,
        };
      } finally {
        await s.host.stop();
        // EXPORT_BENCH_KEEP=1 keeps the static pages and PDFs to look at (the folder is in the note).
        if (!process.env['EXPORT_BENCH_KEEP']) await rm(s.base, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'export-warm-2pages',
    why: 'The same pages printed by the same warm browser from a tab kept between runs as ours is: the floor of a warm export.',
    unit: 'ms',
    reference: 'page.pdf of the same 2 pages as static HTML in the same warm browser',
    target: { kind: 'ratio-max', value: 1.5 },
    async run({ root }: { root: string }) {
      const s = await setup(root);
      try {
        const job = () => runExport(s.host.services, { edition: EDITION, lang: 'zh', formats: { pdf: { bleedMm: 0, marks: false } } });
        const reference = referencePdf(s.browser, s.staticHtml);
        await job(); // warm: the browser is up, the first export has loaded the route once
        await reference();
        const ours: number[] = [];
        const ref: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const t = performance.now();
          await job();
          ours.push(performance.now() - t);
          ref.push(await reference());
        }
        return {
          value: median(ours), reference: median(ref),
          note: `median of ${ROUNDS} alternating runs; ours ${ours.map((x) => x.toFixed(0)).join('/')} ms, page.pdf ${ref.map((x) => x.toFixed(0)).join('/')} ms`,
        };
      } finally {
        await s.host.stop();
        // EXPORT_BENCH_KEEP=1 keeps the static pages and PDFs to look at (the folder is in the note).
        if (!process.env['EXPORT_BENCH_KEEP']) await rm(s.base, { recursive: true, force: true });
      }
    },
  },
];
