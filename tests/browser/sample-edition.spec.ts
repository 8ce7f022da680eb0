import { test, expect } from '../support/desk-test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, startHost, tempDataDir, type RunningHost } from '../support/host';

const seed = readFileSync(join(REPO, 'resources/sample/seeds/2026-qinyuan-lianghui.md'), 'utf8');
const SECTION_HEADS = [...seed.matchAll(/^### (.+重实干、开新局)$/gm)].map((m) => m[1]!);

let host: RunningHost;
// Its own fresh data dir: this spec tests the first start itself (see startHost).
test.beforeAll(async () => { host = await startHost(tempDataDir()); });
test.afterAll(async () => { await host.stop(); });

test('opens the sample edition on its 2026 page with the headline and all eight section heads', async ({ page }) => {
  expect(SECTION_HEADS).toHaveLength(8);
  const violations: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') violations.push(m.text()); });
  await page.goto(host.url);
  const sheet = page.locator('.sheet[data-page-id="page-2026"]');
  await expect(sheet.locator('.pb-headline')).toHaveText('谋好篇 布好局 履职尽责为人民');
  const heads = sheet.locator('.story-box .fp-h2');
  await expect(heads).toHaveCount(8);
  expect(await heads.allTextContents()).toEqual(SECTION_HEADS);
  await expect(page.getByRole('tab', { name: '版面' })).toHaveAttribute('aria-selected', 'true');
  // The renderer runs with no Node and under the strict CSP: nothing was blocked or failed.
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(violations).toEqual([]);
  await page.screenshot({ path: join(REPO, 'test-results/browser/pages-2026.png') });
});

test('the 2025 page shows its masthead and credits block', async ({ page }) => {
  await page.goto(host.url);
  await page.locator('[data-page-id="page-2025"]').first().click();
  const sheet = page.locator('.sheet[data-page-id="page-2025"]');
  await expect(sheet.locator('.mh-zh')).toHaveText('长治日报');
  await expect(sheet.locator('.pb-headline')).toHaveText('筑梦太岳 勇谱新篇');
  await expect(sheet.locator('.pb-credits dt')).toHaveText(['策划', '统筹', '文字', '图片', '版式']);
});

test('the photo library holds the eight stand-in photos with their captions written into the files', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: '图片' }).click();
  const cells = page.locator('.contact-sheet .cell');
  await expect(cells).toHaveCount(8);
  const captions = await cells.locator('.cell-caption').allTextContents();
  expect(captions.sort()).toEqual(['中国铝业双喜铝用能源生产基地新集团铸铝有限公司配套余热发电厂', '好乐草莓', '晋安物九园建设项目', '晋安物九园项目', '景风村光伏发电', '景风村灵空山地质站', '沁源源党参育苗', '香菇产业'].sort());
  // Every thumbnail really decoded (made by sharp, served by id through /media).
  await expect.poll(() => cells.locator('img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)).toBe(8);
  const widths = await cells.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
  expect(Math.max(...widths)).toBeLessThanOrEqual(400);
  // The CC BY credit is the photo's own credit line.
  await cells.filter({ hasText: '景风村光伏发电' }).click();
  await expect(page.locator('input[name="credit"]')).toHaveValue('Photo: Aitzol Berasategi, CC BY 4.0');
  await page.screenshot({ path: join(REPO, 'test-results/browser/photos.png') });
});

test('UI language switches to English and back, and the choice survives a reload', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('tab', { name: '稿件' })).toBeVisible();
  // The UI switches at once and saves in the background: reload only once the save is answered.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings:set') && r.ok());
  await page.getByRole('button', { name: '切换界面语言' }).click();
  await saved;
  await expect(page.getByRole('tab', { name: 'Stories' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Pages' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch UI language' }).click();
  await expect(page.getByRole('tab', { name: '版面' })).toBeVisible();
});
