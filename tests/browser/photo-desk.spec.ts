import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, startHost, type RunningHost } from '../support/host';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { writeBadFiles } from '../support/bad-files';

// The photographer's round trip through the UI: ingest a folder of real camera files (and
// broken ones), caption three photos with a template, and let exiftool read the files.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

async function libraryList(page: Page) {
  return page.evaluate(async () => {
    const r = await fetch('/api/library:list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-edition-desk': '1', 'x-edition-desk-token': sessionStorage.getItem('edition-desk-token') ?? '' }, body: '{}' });
    return (await r.json()).value as { id: string; fileName: string; file: string; rating: number; meta: { caption: { zh: string } } }[];
  });
}

function exif(file: string): Record<string, unknown> {
  return JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', '-charset', 'iptc=UTF8', file], { encoding: 'utf8' }))[0];
}

test('ingest a folder, caption three photos with a template, and exiftool reads the captions', async ({ page }) => {
  test.skip(!SHARED_FIXTURES, SHARED_FIXTURES_SKIP);
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ed-card-'));
  cpSync(join(SHARED_FIXTURES!, 'photos'), join(dir, 'DCIM'), { recursive: true });
  const bad = writeBadFiles(join(dir, 'DCIM'), join(SHARED_FIXTURES!, 'photos', 'Canon_40D.jpg'));
  const images = readdirSync(join(dir, 'DCIM')).filter((f) => /\.(jpe?g|png|tiff?)$/i.test(f));

  await page.goto(host.url);
  await page.getByRole('tab', { name: '图片' }).click();
  const before = (await libraryList(page)).length;
  await page.locator('input[name="import-folder"]').setInputFiles(join(dir, 'DCIM'));
  const bar = page.locator('.ingest-bar');
  await expect(bar).toHaveAttribute('data-ingest-state', 'done', { timeout: 90_000 });
  await expect(bar.locator('.ingest-count')).toContainText(`${images.length} / ${images.length}`);

  // Each bad file has its own message in Chinese; corrupted.jpg's image data cannot be decoded.
  const failures = bar.locator('.ingest-failures li');
  const expectFail = [...bad, 'corrupted.jpg'];
  await expect(failures).toHaveCount(expectFail.length);
  await expect(failures.filter({ hasText: 'zero-bytes.jpg' })).toContainText('文件是空的');
  await expect(failures.filter({ hasText: 'truncated.jpg' })).toContainText('文件不完整');
  await expect(failures.filter({ hasText: 'not-a-photo.jpg' })).toContainText('不是可识别的图片格式');
  await expect(failures.filter({ hasText: 'bomb-30000x30000.png' })).toContainText('像素过多');
  await expect(failures.filter({ hasText: 'corrupted.jpg' })).toContainText('损坏');
  const after = await libraryList(page);
  expect(after.length - before).toBe(images.length - expectFail.length);
  await page.screenshot({ path: join(REPO, 'test-results/browser/photo-desk-ingest.png') });

  // A second import of the same folder adds nothing: every photo is recognised by its hash.
  await page.getByRole('button', { name: '关闭' }).click();
  await page.locator('input[name="import-folder"]').setInputFiles(join(dir, 'DCIM'));
  await expect(bar).toHaveAttribute('data-ingest-state', 'done', { timeout: 90_000 });
  await expect(bar).toContainText(`新增 0 · 重复 ${images.length - expectFail.length}`);
  await page.getByRole('button', { name: '关闭' }).click();

  // Three photos: filter, sort by name, click the first and shift-click the third.
  await page.locator('input[name="filter-text"]').fill('Landscape');
  await page.locator('select[name="sort"]').selectOption('fileName:asc');
  const cells = page.locator('.contact-sheet .cell');
  await expect(cells).toHaveCount(9);
  await cells.nth(1).click();
  await cells.nth(3).click({ modifiers: ['Shift'] });
  await expect(page.locator('.batch-panel .panel-title')).toHaveText('批量编辑 3 张');
  await page.locator('input[name="tpl-creator"]').fill('张三');
  await page.locator('input[name="tpl-caption.zh"]').fill('{city}{date:yyyy年M月d日} 两会代表走访=qy=王陶镇 {creator} 摄');
  // These files carry no capture date: the template lists them instead of using today's date.
  await expect(page.locator('.tpl-missing-list')).toContainText('3 张缺少拍摄日期');
  await expect(page.locator('button[name="apply-template"]')).toBeDisabled();
  await page.locator('input[name="tpl-dateCreated"]').fill('2026-02-26');
  await expect(page.locator('.tpl-missing-list')).toHaveCount(0);
  await page.locator('button[name="apply-template"]').click();
  await expect(page.locator('.contact-sheet .cell.selected .cell-caption').first()).toContainText('两会代表走访沁源县王陶镇', { timeout: 20_000 });
  // Keyboard: 4 stars and a green label on the three.
  await page.locator('.contact-sheet').focus();
  await page.keyboard.press('4');
  // Each mark waits to be shown before the next key: on a loaded CI machine a key pressed
  // while the sheet was still taking focus went unseen (rating 0 on the three).
  await expect(page.locator('.contact-sheet .cell.selected .stars[aria-label="4 星"]')).toHaveCount(3, { timeout: 20_000 });
  await page.keyboard.press('8');
  await expect(page.locator('.contact-sheet .cell.selected.label-green')).toHaveCount(3);
  await page.screenshot({ path: join(REPO, 'test-results/browser/photo-desk.png') });

  // The sheet shows marks at once; main writes them into the files behind it, queued
  // (PhotoDesk.tsx): wait until the stored records have both before reading them.
  await expect.poll(async () => (await libraryList(page)).filter((p) => p.meta.caption.zh.includes('两会代表走访') && p.rating === 4).length, { timeout: 30_000 }).toBe(3);
  const captioned = (await libraryList(page)).filter((p) => p.meta.caption.zh.includes('两会代表走访'));
  expect(captioned.map((p) => p.fileName).sort()).toEqual(['Landscape_1.jpg', 'Landscape_2.jpg', 'Landscape_3.jpg']);
  expect(captioned.every((p) => p.rating === 4)).toBe(true);
  for (const p of captioned) {
    const tags = exif(join(host.dataDir, 'workspace', p.file));
    const zh = String(tags['XMP-dc:Description-zh-CN'] ?? tags['XMP-dc:Description']);
    expect(zh).toBe('沁源县2026年2月26日 两会代表走访沁源县王陶镇 张三 摄');
    expect(String(tags['XMP-dc:Description-en'])).toContain('Photo by 张三');
    expect(tags['XMP-dc:Creator']).toBe('张三');
    expect(tags['XMP-photoshop:Credit']).toBe('沁源县融媒体中心');
    expect(tags['XMP-photoshop:City']).toBe('沁源县');
  }
});
