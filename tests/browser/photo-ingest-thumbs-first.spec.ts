import { test, expect } from '../support/desk-test';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, startHost, type RunningHost } from '../support/host';
import { cameraJpeg } from '../support/camera-jpeg';
import { expectImageLoaded, holdCommits } from '../support/photo-sheet';

// Photo Mechanic's order through the UI (issue 15): main holds a batch's commits until its
// thumbnails are made (electron/services/library/thumbs-first.ts, tested in
// tests/unit/thumbs-first.test.ts and ingest-thumbs-first.test.ts); the desk has to keep
// sending the card while commits wait, or the sheet fills eight at a time. Then every photo
// is committed and stays after a reload.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

test('a card of camera JPEGs: every thumbnail on the sheet while no commit is answered, then all in the library', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ed-thumbs-first-'));
  const photos = join(REPO, 'resources', 'sample', 'photos');
  const src = readdirSync(photos).filter((f) => f.endsWith('.jpg')).sort();
  const count = 10; // more than the 8 the desk's old limit of 4 waiting commits let through first
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `IMG_${3000 + i}.JPG`);
    writeFileSync(file, await cameraJpeg(join(photos, src[i % src.length]!), { width: 1800, height: 1200, tint: i }));
    files.push(file);
  }
  // Commits held back in the browser: the desk must go on sending (and drawing) the whole
  // card while they wait, as main holds them until the thumbnails are made.
  let shown = 0;
  page.on('response', (r) => { if (r.url().endsWith('/api/library:ingest-shown')) shown++; });
  const release = await holdCommits(page);

  await page.goto(host.url);
  await page.getByRole('tab', { name: '图片' }).click();
  await page.locator('input[name="import-files"]').setInputFiles(files);
  await expect.poll(() => shown, { timeout: 90_000 }).toBe(count);
  const bar = page.locator('.ingest-bar');
  await expect(page.getByRole('img', { name: '正在存入图库' })).toHaveCount(count);
  await expect(bar.locator('.ingest-count')).toContainText(`0 / ${count}`);
  for (let i = 0; i < count; i++) {
    const img = page.locator('.cell', { hasText: `IMG_${3000 + i}.JPG` }).locator('.cell-img img');
    await expectImageLoaded(img);
  }

  release();
  await expect(bar).toHaveAttribute('data-ingest-state', 'done', { timeout: 90_000 });
  await expect(bar.locator('.ingest-count')).toContainText(`${count} / ${count}`);
  await expect(page.getByRole('img', { name: '正在存入图库' })).toHaveCount(0);
  await page.unroute('**/api/library:ingest-committed');

  await page.reload();
  await page.getByRole('tab', { name: '图片' }).click();
  for (let i = 0; i < count; i++) await expect(page.locator('.cell', { hasText: `IMG_${3000 + i}.JPG` })).toHaveCount(1, { timeout: 30_000 });
});
