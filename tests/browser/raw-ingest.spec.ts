import { test, expect } from '../support/desk-test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, startHost, type RunningHost } from '../support/host';
import { expectImageLoaded } from '../support/photo-sheet';

// Issue 15, item 1 (raw), through the UI: a card folder of camera raws (CR2, NEF, ARW, DNG,
// CR3; tests/corpus/raw/SOURCES.md) is ingested from the folder picker; each raw is on the
// contact sheet with its embedded JPEG as thumbnail, the two shot upright standing up; the
// DNG's sidecar goes with it rather than counting as a photo; the two raws without a usable
// preview get their own message and the batch goes on.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

test('a folder of raws: thumbnails from their embedded JPEGs, upright; no-preview raws named', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'ed-raw-'));
  cpSync(join(REPO, 'tests', 'corpus', 'raw'), join(dir, 'DCIM'), { recursive: true });
  const raws = readdirSync(join(dir, 'DCIM')).filter((f) => /\.(cr2|cr3|nef|arw|dng)$/i.test(f));
  expect(raws).toHaveLength(7);

  await page.goto(host.url);
  await page.getByRole('tab', { name: '图片' }).click();
  await page.locator('input[name="import-folder"]').setInputFiles(join(dir, 'DCIM'));
  const bar = page.locator('.ingest-bar');
  await expect(bar).toHaveAttribute('data-ingest-state', 'done', { timeout: 60_000 });
  // The sidecar (canon-eos-6d.xmp) is not a photo of its own.
  await expect(bar.locator('.ingest-count')).toContainText('7 / 7');
  const failures = bar.locator('.ingest-failures li');
  await expect(failures).toHaveCount(2);
  for (const f of ['no-preview-canon-eos-350d.cr2', 'truncated-iphone-12-pro.dng']) {
    await expect(failures.filter({ hasText: f })).toContainText('此原始文件没有可用的内嵌预览');
  }

  const portrait = new Set(['nikon-d70.nef', 'sony-zv-e10.arw']);
  for (const f of ['canon-eos-350d.cr2', 'nikon-d70.nef', 'sony-zv-e10.arw', 'canon-eos-6d.dng', 'canon-eos-r6.cr3']) {
    const img = page.locator('.cell', { hasText: f }).locator('img');
    await expectImageLoaded(img);
    const { w, h } = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight }));
    expect(Math.max(w, h)).toBe(400);
    expect(h > w).toBe(portrait.has(f));
  }
  await page.getByRole('button', { name: '关闭' }).click();
  // The ARW selected: its caption panel, camera facts from the raw's EXIF.
  await page.locator('.cell', { hasText: 'sony-zv-e10.arw' }).click();
  await expect(page.locator('.caption-panel, aside').filter({ hasText: 'ZV-E10' }).first()).toBeVisible();
  // Its caption would go to the sidecar, and the panel says so.
  await expect(page.locator('.caption-panel')).toContainText('已写入附属文件 sony-zv-e10.xmp');
  await page.screenshot({ path: join(REPO, 'test-results/browser/raw-ingest.png') });
  // The loupe's 1600 px preview, made behind the batch from the raw's JPEG (1080×1616 upright).
  await page.keyboard.press('Space');
  const loupe = page.getByRole('dialog', { name: 'sony-zv-e10.arw' }).locator('img');
  await expect.poll(() => loupe.evaluate((el: HTMLImageElement) => el.complete ? [el.naturalWidth, el.naturalHeight] : null), { timeout: 30_000 }).toEqual([1069, 1600]);
  await page.screenshot({ path: join(REPO, 'test-results/browser/raw-loupe.png') });
  await page.keyboard.press('Escape');

  // The DNG came with Lightroom's sidecar: a caption typed on the desk lands in it, beside
  // the library copy, with Lightroom's develop settings kept (exiftool reads both back).
  const panel = page.locator('form.caption-panel');
  await page.locator('.cell', { hasText: 'canon-eos-6d.dng' }).click();
  await expect(panel.locator('.panel-title')).toHaveText('canon-eos-6d.dng');
  await panel.locator('textarea[name="caption-zh"]').fill('灵空山党参育苗基地');
  await page.keyboard.press('Control+Enter');
  await expect(panel).toHaveAttribute('data-save-state', 'saved', { timeout: 20_000 });
  await expect(panel).toContainText('已写入附属文件 canon-eos-6d.xmp');
  const lib = join(host.dataDir, 'workspace', 'library', 'files');
  const side = readdirSync(lib).find((f) => f.endsWith('.xmp'));
  expect(side).toBeDefined();
  const read = execFileSync('exiftool', ['-s3', '-charset', 'utf8', '-XMP-dc:Description', '-XMP-crs:CameraProfile', join(lib, side!)], { encoding: 'utf8' });
  expect(read.trim().split('\n')).toEqual(['灵空山党参育苗基地', 'Adobe Standard']);
  // The raw itself is the camera's, byte for byte.
  const raw = readdirSync(lib).find((f) => f === side!.replace(/\.xmp$/, '.dng'))!;
  expect(readFileSync(join(lib, raw)).equals(readFileSync(join(REPO, 'tests', 'corpus', 'raw', 'canon-eos-6d.dng')))).toBe(true);
});
