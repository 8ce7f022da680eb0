import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setHouseStyle } from '../../electron/services/polish/polish-api';
import type { FrameFit } from '../../shared/layout/report';
import { cleanupTemp, tempDir } from './helpers';
import { PRINT_ROUTE_BUILT, PRINT_ROUTE_SKIP, startExportHost, type TestHost } from './export-support';

// Issue 17: the house style's autospace reaches the print route (the PDF and the page
// images are printed from it), not only the composer. The 2026 page is printed as a
// page image with the default (no gap in body copy), again with the default (the route is
// deterministic), and with autospace in body copy, whose gaps in 2026年, 220千伏, 18家 …
// move the copy: the two defaults are the same pixels, the spaced page is not.

let host: TestHost;
const ED = 'sample.edition';

async function print2026(): Promise<{ fit: FrameFit; png: Uint8Array }> {
  const job = await host.services.engine.open({ edition: ED, pages: ['page-2026'], lang: 'zh', bleedMm: 0, marks: false });
  try {
    const [img] = await job.images({ dpi: 40, format: 'png' });
    return { fit: job.report.pages[0]!.frames.find((f) => f.last)!, png: img!.bytes };
  } finally { await job.close(); }
}

/** Pixels whose grey value differs by more than 32 between two page images of one size. */
async function differing(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [ra, rb] = await Promise.all([a, b].map((x) => sharp(x).greyscale().raw().toBuffer()));
  let n = 0;
  for (let i = 0; i < ra!.length; i++) if (Math.abs(ra![i]! - rb![i]!) > 32) n++;
  return n;
}

describe.skipIf(!PRINT_ROUTE_BUILT)('autospace in the print route', () => {
  beforeAll(async () => { host = await startExportHost(await tempDir('polish-print')); }, 120_000);
  afterAll(async () => { await host?.stop(); await cleanupTemp(); });

  it('prints the page as the house style says', async () => {
    const tight = await print2026();
    const again = await print2026();
    const same = await differing(tight.png, again.png);
    await setHouseStyle(join(host.workspace.root, ED), { autospaceBody: true, autospaceLatin: true });
    const spaced = await print2026();
    console.log('2026 copyfit, autospace off / on:', JSON.stringify([tight.fit, spaced.fit].map((f) => [f.status, f.lines, f.overChars])));
    const moved = await differing(tight.png, spaced.png);
    console.log('pixels differing: default twice', same, '; default vs spaced', moved);
    expect(moved).toBeGreaterThan(Math.max(200, same * 10));
  }, 60_000);
});
if (!PRINT_ROUTE_BUILT) console.log(PRINT_ROUTE_SKIP);
