import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, startHost, type RunningHost } from '../support/host';

// Stacked ！！ / ？？！！ as the edition's house style (issue 14): flagged in the story editor
// by default; the checkbox under 版式规范 (page setup) turns it off for the edition, stored
// in edition.json, and the editor follows.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

async function openStory(page: Page) {
  await page.getByRole('tab', { name: '稿件' }).click();
  await page.locator('[data-story-id="story-2025"]').click();
  await expect(page.locator('.editor-content')).toContainText('七县');
}

test('punct.stacked follows the edition\'s house style', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(host.url);
  await openStory(page);
  const editor = page.locator('.editor-content');
  await editor.locator('p', { hasText: '2024年，沁源人民' }).click({ position: { x: 2, y: 8 } });
  await page.keyboard.press('Home');
  await page.keyboard.insertText('太好了！！');
  const panel = page.locator('.proof-panel').first();
  const stacked = panel.locator('[data-rule="punct.stacked"]');
  await expect(stacked).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator('[data-save-status]').first()).toHaveAttribute('data-save-status', 'saved', { timeout: 10_000 });

  // 版式规范 under the page setup: this edition allows stacked marks.
  await page.getByRole('tab', { name: '版面' }).click();
  await page.locator('.compose-stage').click({ position: { x: 5, y: 5 } });
  const box = page.getByRole('checkbox', { name: '校对：叠用的！！、？？标为问题' });
  await expect(box).toBeChecked();
  await page.locator('fieldset.house-style').screenshot({ path: join(REPO, 'docs/screenshots/house-style-stacked-marks.png') });
  await box.uncheck();
  const stored = () => JSON.parse(readFileSync(join(host.dataDir, 'workspace', 'qinyuan-lianghui.edition', 'edition.json'), 'utf8')).houseStyle?.flagStackedMarks;
  await expect.poll(stored).toBe(false);

  await openStory(page);
  await expect(page.locator('.editor-content')).toContainText('太好了！！');
  await expect(panel.locator('.proof-counts')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.proof-panel').first().locator('[data-rule="punct.stacked"]')).toHaveCount(0);
});
