import { test, expect } from '../support/desk-test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, tempDataDir } from '../support/host';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';

// A library of 10,000 photos: the contact sheet keeps only the rows in view in the DOM,
// the keyboard reaches the last photo, the loupe opens on it.
test('10,000 photos: virtualised sheet, keyboard to the end, loupe', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = tempDataDir();
  let host = await startHost(dataDir);
  await host.stop();
  const recDir = join(dataDir, 'workspace/library/records');
  const base = JSON.parse(readFileSync(join(recDir, readdirSync(recDir)[0]!), 'utf8'));
  for (let i = 0; i < 10_000; i++) {
    const id = `ph-scale-${String(i).padStart(5, '0')}`;
    writeFileSync(join(recDir, `${id}.json`), JSON.stringify({
      ...base, id, fileName: `DSC_${String(i).padStart(5, '0')}.jpg`, rating: i % 6,
      meta: { ...base.meta, caption: { zh: `第 ${i} 张`, en: `Photo ${i}` } },
      tech: { ...base.tech, captureDate: `2026-02-26T${String(8 + Math.floor(i / 3600) % 10).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}` },
    }));
  }
  host = await startHost(dataDir);
  try {
    await page.goto(host.url);
    await page.getByRole('tab', { name: '图片' }).click();
    await expect(page.locator('.photo-toolbar .count')).toContainText('共 10008');
    const inDom = await page.locator('.contact-sheet .cell').count();
    expect(inDom).toBeGreaterThan(10);
    expect(inDom).toBeLessThan(200);
    // The first screen comes from the first page; the whole list follows 1,000 at a time
    // (its time is in the contact-sheet bench): filter once all are on the desk.
    await expect(page.locator('.photo-desk')).toHaveAttribute('data-loaded', 'all', { timeout: 60_000 });
    // Only the generated ones (the sample's own photos have no capture time and sort last).
    await page.locator('input[name="filter-text"]').fill('DSC_');
    await expect(page.locator('.photo-toolbar .count')).toContainText('显示 10000');
    await page.locator('.contact-sheet .cell').first().click();
    await page.keyboard.press('End');
    await expect(page.locator('.contact-sheet .cell.focused .cell-caption')).toHaveText('第 9999 张');
    expect(await page.locator('.contact-sheet .cell').count()).toBeLessThan(200);
    await page.keyboard.press(' ');
    await expect(page.locator('.loupe')).toContainText('第 9999 张');
    await page.keyboard.press('Escape');
    // Filtering 10,000 records is immediate: three-star photos and up.
    await page.locator('select[name="filter-rating"]').selectOption('3');
    await expect(page.locator('.photo-toolbar .count')).toContainText('显示 4999');
  } finally {
    await host.stop();
  }
});

test('a caption written by exiftool shows in the caption panel after import', async ({ page }) => {
  test.skip(!SHARED_FIXTURES, SHARED_FIXTURES_SKIP);
  const dir = mkdtempSync(join(tmpdir(), 'ed-exiftool-'));
  const file = join(dir, 'exiftool-captioned.jpg');
  copyFileSync(join(SHARED_FIXTURES!, 'photos', 'Canon_40D.jpg'), file);
  execFileSync('exiftool', ['-q', '-overwrite_original', '-charset', 'iptc=UTF8', '-codedcharacterset=utf8',
    '-XMP-dc:Description-x-default=沁河湿地的白鹭', '-XMP-dc:Description-en=Egrets on the Qin River wetland',
    '-XMP-dc:Creator=李四', '-XMP-photoshop:City=沁源县', '-XMP-dc:Subject=生态', '-XMP-dc:Subject=湿地', file]);
  const host = await startHost();
  try {
    await page.goto(host.url);
    await page.getByRole('tab', { name: '图片' }).click();
    await page.locator('input[name="import-files"]').setInputFiles(file);
    await expect(page.locator('.ingest-bar')).toHaveAttribute('data-ingest-state', 'done');
    await page.locator('.contact-sheet .cell', { hasText: 'exiftool-captioned.jpg' }).click();
    await expect(page.locator('textarea[name="caption-zh"]')).toHaveValue('沁河湿地的白鹭');
    await expect(page.locator('textarea[name="caption-en"]')).toHaveValue('Egrets on the Qin River wetland');
    await expect(page.locator('input[name="creator"]')).toHaveValue('李四');
    await expect(page.locator('input[name="city"]')).toHaveValue('沁源县');
    await expect(page.locator('input[name="keywords"]')).toHaveValue('生态, 湿地');
    await expect(page.locator('.tech-facts')).toContainText('Canon EOS 40D');
  } finally {
    await host.stop();
  }
});
