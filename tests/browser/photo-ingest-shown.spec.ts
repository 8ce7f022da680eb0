import { test, expect } from '../support/desk-test';
import sharp from 'sharp';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, startHost, type RunningHost } from '../support/host';
import { expectImageLoaded, holdCommits } from '../support/photo-sheet';

// Issue 15, item 2: a photo is on the contact sheet as soon as its thumbnail is made, marked
// 正在存入图库 while its copy and record are committed; one whose commit fails leaves the
// sheet with its message in the ingest bar, and what stays is in the library after a reload.
// The commit answers are held back in the browser (the server's work is not touched) so
// the shown-but-not-committed state can be looked at.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

test('thumbnails on the sheet before their records; a failed commit leaves with its message', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ed-shown-'));
  const photos = join(REPO, 'resources', 'sample', 'photos');
  const src = readdirSync(photos).filter((f) => f.endsWith('.jpg')).sort();
  const names = ['SHOWN_0001.jpg', 'SHOWN_0002.jpg', 'FAIL_0003.jpg'];
  const files = [];
  for (let i = 0; i < names.length; i++) {
    // Re-encoded, so none is the sample edition's photo the library already holds.
    const bytes = await sharp(join(photos, src[i % src.length]!)).resize(1000 + i * 10).jpeg({ quality: 84 }).toBuffer();
    writeFileSync(join(dir, names[i]!), bytes);
    files.push(join(dir, names[i]!));
    if (names[i]!.startsWith('FAIL')) {
      // A folder where its record should go: the commit of this photo fails on the server.
      const id = `ph-${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}`;
      mkdirSync(join(host.dataDir, 'workspace', 'library', 'records', `${id}.json`), { recursive: true });
    }
  }

  const release = await holdCommits(page);

  await page.goto(host.url);
  await page.getByRole('tab', { name: '图片' }).click();
  await page.locator('input[name="import-files"]').setInputFiles(files);

  // All three drawn, each marked, before any commit is answered; the thumbnails load (the
  // failed one's may not: the server dropped it at once, the answer is what is held).
  for (const name of names) {
    const cell = page.locator('.cell', { hasText: name });
    await expect(cell.getByRole('img', { name: '正在存入图库' })).toBeVisible({ timeout: 60_000 });
    if (name.startsWith('FAIL')) continue;
    const img = cell.locator('.cell-img img');
    await expectImageLoaded(img);
  }
  const bar = page.locator('.ingest-bar');
  await expect(bar).toHaveAttribute('data-ingest-state', 'running');
  await expect(bar.locator('.ingest-count')).toContainText('0 / 3');
  await page.screenshot({ path: join(REPO, 'docs/screenshots/photo-ingest-shown.png') });

  release();
  await expect(bar).toHaveAttribute('data-ingest-state', 'done', { timeout: 60_000 });
  await expect(bar.locator('.ingest-count')).toContainText('3 / 3');
  await expect(page.getByRole('img', { name: '正在存入图库' })).toHaveCount(0);
  await expect(page.locator('.cell', { hasText: 'FAIL_0003.jpg' })).toHaveCount(0);
  await expect(bar.locator('.ingest-failures')).toContainText('FAIL_0003.jpg');
  for (const name of names.slice(0, 2)) await expect(page.locator('.cell', { hasText: name })).toHaveCount(1);

  // What the sheet kept is what the library holds.
  await page.unroute('**/api/library:ingest-committed');
  await page.reload();
  await page.getByRole('tab', { name: '图片' }).click();
  for (const name of names.slice(0, 2)) await expect(page.locator('.cell', { hasText: name })).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.cell', { hasText: 'FAIL_0003.jpg' })).toHaveCount(0);
});
