import { test, expect } from '../support/desk-test';
import sharp from 'sharp';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, startHost, type RunningHost } from '../support/host';
import { cameraFiles } from '../support/camera-jpeg';
import { huffmanDamaged } from '../support/huffman-damage';
import { expectImageLoaded } from '../support/photo-sheet';

// Issue 15, item 1, through the UI: camera files with an embedded MPF preview land on the
// contact sheet with their thumbnails, a portrait frame (EXIF orientation 6) standing up,
// and the loupe shows the 1600 px preview the background made from the primary image.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

test('camera JPEGs with embedded previews: thumbnails at once, the right way up, then the loupe preview', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ed-camera-'));
  const files = await cameraFiles(dir, 3, { first: 2000, width: 3000, height: 2000, orientation: (i) => (i === 1 ? 6 : 1) });

  await page.goto(host.url);
  await page.getByRole('tab', { name: '图片' }).click();
  await page.locator('input[name="import-files"]').setInputFiles(files);
  const bar = page.locator('.ingest-bar');
  await expect(bar).toHaveAttribute('data-ingest-state', 'done', { timeout: 90_000 });
  await expect(bar.locator('.ingest-count')).toContainText('3 / 3');

  // Every thumbnail decodes; the orientation-6 frame is taller than wide, the others wider.
  for (let i = 0; i < 3; i++) {
    const img = page.locator('.cell', { hasText: `IMG_${2000 + i}.JPG` }).locator('img');
    await expectImageLoaded(img);
    const { w, h } = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight }));
    if (i === 1) expect(h).toBeGreaterThan(w);
    else expect(w).toBeGreaterThan(h);
  }
  await page.screenshot({ path: join(REPO, 'test-results/browser/photo-ingest-embedded.png') });

  // The loupe's preview: made from the primary image (waited for if still in the background).
  await page.locator('.cell', { hasText: 'IMG_2001.JPG' }).click();
  await page.keyboard.press('Space');
  const loupe = page.getByRole('dialog', { name: 'IMG_2001.JPG' }).locator('img');
  await expect.poll(() => loupe.evaluate((el: HTMLImageElement) => el.complete ? [el.naturalWidth, el.naturalHeight] : null), { timeout: 60_000 }).toEqual([1067, 1600]);
});

test('a photo whose damage only the background scan check finds is flagged on the desk after the batch', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ed-huffman-'));
  const photos = join(REPO, 'resources', 'sample', 'photos');
  const src = readdirSync(photos).filter((f) => f.endsWith('.jpg')).sort();
  const damaged = join(dir, 'DAMAGED_0001.jpg');
  writeFileSync(damaged, await huffmanDamaged(readFileSync(join(photos, src[0]!))));
  const sound = join(dir, 'SOUND_0002.jpg');
  // Re-encoded, so it is not the sample edition's photo the library already holds.
  writeFileSync(sound, await sharp(join(photos, src[1]!)).resize(1200).jpeg({ quality: 85 }).toBuffer());

  await page.goto(host.url);
  await page.getByRole('tab', { name: '图片' }).click();
  await page.locator('input[name="import-files"]').setInputFiles([damaged, sound]);
  await expect(page.locator('.ingest-bar')).toHaveAttribute('data-ingest-state', 'done', { timeout: 90_000 });
  await page.locator('.cell', { hasText: 'DAMAGED_0001.jpg' }).click();
  await expect(page.locator('.caption-panel .warnings')).toContainText('图像数据有损坏', { timeout: 60_000 });
  await expect(page.locator('.caption-panel .warnings')).toContainText('bad Huffman code');
  // The sheet marks it too, as Photo Mechanic marks a bad file, without opening it.
  await expect(page.locator('.cell', { hasText: 'DAMAGED_0001.jpg' }).getByRole('img', { name: '图像数据有损坏' })).toBeVisible();
  await expect(page.locator('.cell', { hasText: 'SOUND_0002.jpg' }).getByRole('img', { name: '图像数据有损坏' })).toHaveCount(0);
  await page.screenshot({ path: join(REPO, 'test-results/browser/photo-ingest-background-flag.png') });
  await page.locator('.cell', { hasText: 'SOUND_0002.jpg' }).click();
  await expect(page.locator('.caption-panel')).toBeVisible();
  await expect(page.locator('.caption-panel .warnings')).toHaveCount(0);
});
