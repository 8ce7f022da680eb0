import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../shared/document/schema';
import type { PrintReport } from '../../shared/layout/report';
import { cleanupTemp, tempDir } from './helpers';
import { PRINT_ROUTE_BUILT, PRINT_ROUTE_SKIP, startExportHost, type TestHost } from './export-support';

// The sample edition as a designer signs it off, measured in the real rendering: the print
// route laid out by Debian's Chromium with the bundled fonts reports each thread's copyfit
// (as the export preflight reads it). Both pages open at ✓ 正好 or within one line, every
// story frame carries its thread number, and the pages are filled to the foot of the type area.

let host: TestHost;
let report: PrintReport;
let pages: Page[];

const ED = 'sample.edition';

describe.skipIf(!PRINT_ROUTE_BUILT)('the sample edition as a designer would sign it off', () => {
  beforeAll(async () => {
    const base = await tempDir('sample-fit');
    host = await startExportHost(base);
    const job = await host.services.engine.open({ edition: ED, pages: [], lang: 'zh', bleedMm: 0, marks: false });
    try { report = job.report; } finally { await job.close(); }
    const dir = join(host.workspace.root, ED);
    const ids = (JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as { pages: string[] }).pages;
    pages = ids.map((id) => JSON.parse(readFileSync(join(dir, 'pages', `${id}.json`), 'utf8')) as Page);
  }, 120_000);
  afterAll(async () => {
    await host?.stop();
    await cleanupTemp();
  });

  it('opens both pages at ✓ 正好 or within one line', () => {
    const fits = report.pages.map((p) => p.frames.filter((f) => f.last).map((f) => ({ page: p.id, status: f.status, lines: f.lines })));
    // Printed so a failing run says by how much each frame is off.
    console.log('sample copyfit:', JSON.stringify(fits));
    expect(fits.map((f) => f.length)).toEqual([1, 1]);
    for (const [f] of fits) {
      expect(['fit', 'short', 'over'], JSON.stringify(f)).toContain(f!.status);
      if (f!.status !== 'fit') expect(f!.lines, JSON.stringify(f)).toBeLessThanOrEqual(1);
    }
  });

  it('gives every story frame an explicit thread number, in thread order', () => {
    for (const p of pages) {
      const frames = p.blocks.filter((b) => b.kind === 'story');
      expect(frames.length, p.id).toBeGreaterThan(0);
      // The thread's first frame is 0, as the engine counts (report.ts threadIndex).
      expect(frames.map((b) => b.thread), p.id).toEqual(frames.map((_, i) => i));
    }
  });

  it('fills each page to the foot of its type area, with no empty frame and no placeholder', () => {
    for (const p of pages) {
      const foot = 545 - p.grid.margins.top - p.grid.margins.bottom;
      const lowest = Math.max(...p.blocks.map((b) => b.yMm + b.hMm));
      expect(foot - lowest, p.id).toBeLessThan(1);
    }
    for (const p of report.pages) {
      expect(p.emptyBlocks, p.id).toEqual([]);
      expect(p.placeholders ?? [], p.id).toEqual([]);
    }
  });
});

if (!PRINT_ROUTE_BUILT) console.log(PRINT_ROUTE_SKIP);
