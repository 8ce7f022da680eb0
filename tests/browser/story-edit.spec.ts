import { test, expect } from '../support/desk-test';
import { join } from 'node:path';
import { REPO, startHost, tempDataDir } from '../support/host';

test('an edit made in the story editor autosaves and is there after the host restarts', async ({ page }) => {
  const dataDir = tempDataDir();
  let host = await startHost(dataDir);
  try {
    await page.goto(host.url);
    await page.getByRole('tab', { name: '稿件' }).click();
    await page.locator('[data-story-id="story-2026"]').click();
    const editor = page.locator('.editor-content');
    await expect(editor).toContainText('站在崭新的历史节点');
    // Type at the very start of the first paragraph, as a user would.
    await editor.locator('p').first().click({ position: { x: 2, y: 8 } });
    await page.keyboard.press('Control+Home');
    await page.keyboard.insertText('【编辑测试】');
    await expect(page.locator('[data-save-status]')).toHaveAttribute('data-save-status', 'dirty');
    // Autosave, no button pressed.
    await expect(page.locator('[data-save-status]')).toHaveAttribute('data-save-status', 'saved', { timeout: 5000 });
    await page.screenshot({ path: join(REPO, 'test-results/browser/story-editor.png') });
  } finally {
    await host.stop();
  }

  host = await startHost(dataDir);
  try {
    await page.goto(host.url);
    await page.getByRole('tab', { name: '稿件' }).click();
    await page.locator('[data-story-id="story-2026"]').click();
    await expect(page.locator('.editor-content p').first()).toHaveText(/^【编辑测试】站在崭新的历史节点/);
    // …and on the page preview too.
    await page.getByRole('tab', { name: '版面' }).click();
    await expect(page.locator('.sheet .story-box .fp-p').first()).toHaveText(/^【编辑测试】/);
  } finally {
    await host.stop();
  }
});
