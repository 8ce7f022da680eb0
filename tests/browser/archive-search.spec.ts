import { test, expect } from '../support/desk-test';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../support/host';

// The archive search box (issue 16) in the running browser host: Ctrl+K opens it, a query
// lists the sample edition's photos and stories grouped by kind with the words marked, the
// kind filter narrows it, and it works the same in English.
test.describe.configure({ mode: 'serial' });
let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

test('Ctrl+K searches stories and photos, grouped, with matches marked', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: '检索资料库' })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: '资料库检索' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('searchbox', { name: '检索词' }).fill('党参 育苗');
  const results = dialog.getByRole('region', { name: '检索结果' });
  // The catalogue is built in the background on the first start: wait for it, not a time.
  await expect(results.getByRole('region', { name: '图片' }).locator('.archive-hit').first()).toBeVisible({ timeout: 30_000 });
  await expect(results.getByRole('region', { name: '图片' }).locator('mark').first()).toHaveText(/党参|育苗/);
  await expect(results.getByRole('region', { name: '稿件' })).toBeVisible();
  // The sample's photo is the library's file: one result, placed on page 1, with its thumbnail.
  await expect(results.getByRole('region', { name: '图片' }).locator('.archive-hit')).toHaveCount(1);
  await expect(results.getByRole('region', { name: '图片' })).toContainText('第1版');
  const thumb = results.locator('.archive-hit img').first();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'test-results', 'archive', 'search-zh.png') });

  // Not placed: the sample's photo is on page 1, so no photo is left.
  await dialog.getByRole('combobox', { name: '是否上版' }).selectOption({ label: '未上版' });
  await expect(results).toContainText('没有找到', { timeout: 10_000 });
  await dialog.getByRole('combobox', { name: '是否上版' }).selectOption({ label: '已上版' });
  await expect(results.getByRole('region', { name: '图片' }).locator('.archive-hit')).toHaveCount(1, { timeout: 10_000 });
  await dialog.getByRole('combobox', { name: '是否上版' }).selectOption({ label: '上版与否不限' });
  await dialog.getByRole('combobox', { name: '类别' }).selectOption({ label: '稿件' });
  await expect(results.getByRole('region', { name: '图片' })).toHaveCount(0, { timeout: 10_000 });
  await expect(results.getByRole('region', { name: '稿件' })).toBeVisible();
  await dialog.getByRole('searchbox', { name: '检索词' }).fill('没有这种词语组合');
  await expect(results).toContainText('没有找到', { timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('in English: the button and the box have English names; seedlings finds the photo', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: '检索资料库' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '切换界面语言' }).click();
  await page.getByRole('button', { name: 'Search the archive' }).click();
  const dialog = page.getByRole('dialog', { name: 'Archive search' });
  await dialog.getByRole('searchbox', { name: 'Search terms' }).fill('seedling');
  await expect(dialog.getByRole('region', { name: 'Photos' }).locator('mark').first()).toHaveText(/seedling/i, { timeout: 30_000 });
});
