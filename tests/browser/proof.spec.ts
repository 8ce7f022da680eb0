import { test, expect, type Page } from '@playwright/test';
import { startHost, tempDataDir } from '../support/host';

// Proofreading in the story editor (issue 6): underlines through CSS highlights, the
// panel, a fix applied through Lexical, an ignore that survives a reload.

const highlightCount = (page: Page, name: string) =>
  page.evaluate((n) => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n)?.size ?? 0, name);

async function openStory(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('tab', { name: '稿件' }).click();
  await page.locator('[data-story-id="story-2025"]').click();
  await expect(page.locator('.editor-content')).toContainText('七县');
}

test('proofreading: underlines, panel, apply a fix, ignore one and the ignore persists', async ({ page }) => {
  const dataDir = tempDataDir();
  let host = await startHost(dataDir);
  const panel = page.locator('.proof-panel').first();
  try {
    await openStory(page, host.url);
    const parens = panel.locator('[data-rule="punct.half-width-parens"]');
    await expect(parens).toHaveCount(1, { timeout: 10_000 });
    await expect.poll(() => highlightCount(page, 'proof-error')).toBeGreaterThan(0);
    // The stored document is untouched by the underlines: no marks in the DOM.
    await expect(page.locator('.editor-content mark, .editor-content [data-proof]')).toHaveCount(0);

    // A slip typed into the copy shows up after the pause.
    const editor = page.locator('.editor-content');
    await editor.locator('p', { hasText: '2024年，沁源人民' }).click({ position: { x: 2, y: 8 } });
    await page.keyboard.press('Home');
    await page.keyboard.insertText('我们的的工作');
    const slip = panel.locator('[data-rule="char.repeated"]');
    await expect(slip).toHaveCount(1, { timeout: 10_000 });
    await expect.poll(() => highlightCount(page, 'proof-warning')).toBeGreaterThan(0);

    // Apply the bracket fix: the text changes through Lexical.
    await parens.getByRole('button', { name: '改正' }).click();
    await expect(editor).toContainText('七县（区）书画联展');
    await expect(parens).toHaveCount(0, { timeout: 10_000 });

    // Ignore the slip.
    await slip.getByRole('button', { name: '忽略' }).click();
    await expect(slip).toHaveCount(0);
    await expect(page.locator('[data-save-status]').first()).toHaveAttribute('data-save-status', 'saved', { timeout: 8000 });
  } finally {
    await host.stop();
  }

  host = await startHost(dataDir);
  try {
    await openStory(page, host.url);
    await expect(page.locator('.editor-content')).toContainText('我们的的工作');
    await expect(page.locator('.editor-content')).toContainText('七县（区）');
    // The panel has run (its counts are there) and the ignored slip stays hidden.
    await expect(panel.locator('.proof-counts')).toBeVisible();
    await page.waitForTimeout(1500);
    await expect(panel.locator('[data-rule="char.repeated"]')).toHaveCount(0);
    await expect(panel.locator('[data-rule="punct.half-width-parens"]')).toHaveCount(0);
  } finally {
    await host.stop();
  }
});
