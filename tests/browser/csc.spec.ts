import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, tempDataDir } from '../support/host';

// 错别字 in the story editor (issue 14): the editor runs the statistical detector itself,
// on tables fetched once from main as bytes (media path table/csc), so a typo typed into the copy is
// flagged after the pause with its evidence and confidence and fixed in one click, a context
// case (再 for 在), a real-word error (建康 for 健康) and a doubled one (吗吗 for 妈妈) too; the edition's house style turns the check off (or strict) for every editor
// opened afterwards.

async function openStory(page: Page, tab: string) {
  await page.getByRole('tab', { name: tab }).click();
  await page.locator('[data-story-id="story-2025"]').click();
  await expect(page.locator('.editor-content')).toContainText('七县');
}

async function typeAtStart(page: Page, text: string) {
  await page.locator('.editor-content p', { hasText: '2024年，沁源人民' }).click({ position: { x: 2, y: 8 } });
  await page.keyboard.press('Home');
  await page.keyboard.insertText(text);
}

test('typo check: flagged live with its evidence in both languages, fixed in one click; off in the house style', async ({ page }) => {
  const host = await startHost(tempDataDir());
  const panel = page.locator('.proof-panel').first();
  const typo = panel.locator('[data-rule="char.typo"]');
  try {
    await page.goto(host.url);
    await openStory(page, '稿件');
    await expect(panel.locator('.proof-counts')).toBeVisible({ timeout: 20_000 });
    await expect(typo).toHaveCount(0);

    await typeAtStart(page, '他门都很高兴。');
    await expect(typo).toHaveCount(1, { timeout: 20_000 });
    await expect(typo).toContainText('把“门”换成“们”后通顺度明显提高');
    await expect(typo).toContainText(/置信度 \d+%）/);
    // The word language model's ratio is the evidence (open-gram's bigrams in the editor's copy of the tables).
    await expect(typo).toContainText(/语言模型概率高约 (\d+|\d?×?10[⁰¹²³⁴⁵⁶⁷⁸⁹]+) 倍/);
    await panel.screenshot({ path: join(import.meta.dirname, '..', '..', 'test-results', 'csc', 'typo-panel.png') });
    // A doubled character that is no word, read as the doubled word meant: both characters, one fix.
    await typeAtStart(page, '我的家有爸爸、吗吗、哥哥跟我。');
    const doubled = panel.locator('[data-rule="char.doubled-typo"]');
    await expect(doubled).toHaveCount(1, { timeout: 20_000 });
    await expect(doubled).toContainText('叠字“吗吗”不成词，是否应为“妈妈”？');
    await doubled.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'screenshots', 'csc-doubled.png') });
    await doubled.getByRole('button', { name: '改正' }).click();
    await expect(page.locator('.editor-content')).toContainText('我的家有爸爸、妈妈、哥哥跟我。');
    await expect(doubled).toHaveCount(0, { timeout: 20_000 });
    await page.getByRole('button', { name: '切换界面语言' }).click();
    await expect(typo).toContainText('Possible typo: "们" for "门"?');
    await expect(typo).toContainText(/confidence \d+ %\)/);
    await expect(typo).toContainText(/times as probable to the word model/);
    await typo.getByRole('button', { name: 'Fix' }).click();
    await expect(page.locator('.editor-content')).toContainText('他们都很高兴。');
    await expect(typo).toHaveCount(0, { timeout: 20_000 });
    // The context model (word classes around 在/再) in the editor's copy of the tables.
    await typeAtStart(page, '我再家里看书。');
    await expect(typo).toHaveCount(1, { timeout: 20_000 });
    await expect(typo).toContainText('Possible typo: "在" for "再"?');
    // A real-word error: 建康 is a word of its own, 健康 likelier and fits 最重要 better.
    await typeAtStart(page, '老人家的身体建康最重要。');
    await expect(typo).toHaveCount(2, { timeout: 20_000 });
    await expect(typo.filter({ hasText: 'Possible typo: "健" for "建"?' })).toHaveCount(1);

    // The edition's house style (composer, nothing selected): the typo check → off, kept in edition.json.
    await page.getByRole('tab', { name: 'Pages' }).click();
    await page.locator('.compose-stage').click({ position: { x: 5, y: 5 } });
    const level = page.getByRole('combobox', { name: 'Typo check (错别字)' });
    await expect(level).toHaveValue('normal');
    await level.selectOption('off');
    const stored = () => JSON.parse(readFileSync(join(host.dataDir, 'workspace', 'qinyuan-lianghui.edition', 'edition.json'), 'utf8')).houseStyle?.typoCheck;
    await expect.poll(stored).toBe('off');

    await openStory(page, 'Stories');
    await typeAtStart(page, '他门都很高兴。我们的的工作');
    // Other rules still run (the doubled 的 typed with it is reported); no typo finding.
    await expect(panel.locator('[data-rule="char.repeated"]')).toHaveCount(1, { timeout: 20_000 });
    await expect(panel.locator('[data-rule$="typo"]')).toHaveCount(0);
  } finally {
    await host.stop();
  }
});
