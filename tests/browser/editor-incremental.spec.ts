import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { startHost, type RunningHost } from '../support/host';
import { countCopy } from '../../shared/story/count';

// Issue 15: the editor keeps counts, 对照 marks, row alignment and proofreading per block
// as the copy changes, instead of recomputing the whole story after each keystroke. After a
// round of edits in both versions (typing, Enter, Backspace, translations) each must equal a
// full recompute: counts against countCopy of the whole text, marks against the two
// versions' ids, rows against measured tops, findings against a fresh editor after reload.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

const col = (page: Page, lang: 'zh' | 'en') => page.locator(`.story-editor[data-lang="${lang}"] .editor-content`);

/** The version's whole text as Lexical gives it (blocks joined by blank lines). */
const lexicalText = (page: Page, lang: 'zh' | 'en') => col(page, lang).evaluate((el) => {
  const editor = (el as unknown as { __lexicalEditor: { getEditorState(): { read<T>(f: () => T): T; _nodeMap: Map<string, { getTextContent(): string }> } } }).__lexicalEditor;
  const state = editor.getEditorState();
  return state.read(() => state._nodeMap.get('root')!.getTextContent());
});

const shownCount = (page: Page, lang: 'zh' | 'en') => page.locator(`.story-editor[data-lang="${lang}"] .char-count`).evaluate((el: HTMLElement) => ({
  han: Number(el.dataset['countHan']), punct: Number(el.dataset['countPunct']), words: Number(el.dataset['countWords']),
}));

/** Marks as a full pass computes them from both versions' blocks, beside the marks shown. */
const marks = (page: Page) => page.evaluate(() => {
  const [zh, en] = [...document.querySelectorAll<HTMLElement>('.story-columns .editor-content')].map((root) => [...root.children] as HTMLElement[]);
  const withText = (blocks: HTMLElement[]) => new Set(blocks.filter((b) => (b.textContent ?? '').trim() !== '').map((b) => b.dataset['pairId']));
  const zhIds = withText(zh!), enIds = withText(en!);
  const check = (blocks: HTMLElement[], other: Set<string | undefined>) => blocks.map((b) => {
    const has = (b.textContent ?? '').trim() !== '';
    return { shown: [b.dataset['unpaired'] === 'true', b.dataset['todo'] === 'true'], full: [has && !other.has(b.dataset['pairId']), !has && other.has(b.dataset['pairId'])] };
  });
  return [...check(zh!, enIds), ...check(en!, zhIds)];
});

const rowsOff = (page: Page) => page.evaluate(() => {
  const [a, b] = [...document.querySelectorAll<HTMLElement>('.story-columns .editor-content')];
  const tops = (root: HTMLElement) => new Map([...root.querySelectorAll<HTMLElement>(':scope > [data-pair-row]')].map((e) => [e.dataset['pairRow'], e.getBoundingClientRect().top]));
  const ta = tops(a!), tb = tops(b!);
  const off = [...ta].map(([k, v]) => Math.abs(v - (tb.get(k) ?? Infinity)));
  return off.length > 5 ? Math.max(...off) : Infinity;
});

const findings = (page: Page, lang: 'zh' | 'en') => page.locator(`.story-editor[data-lang="${lang}"] .proof-item`).evaluateAll((items) => items.map((li) => `${li.getAttribute('data-rule')} ${li.querySelector('.proof-jump')?.textContent ?? ''}`).sort());

test('after edits in both versions, counts, 对照 marks, rows and findings equal a full recompute', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: '稿件' }).click();
  await page.locator('[data-story-id="story-2026"]').click();
  await page.locator('button[name="start-english"]').click();
  await page.locator('button[name="view-pair"]').click();
  await expect(col(page, 'en')).toBeVisible();
  await expect.poll(() => rowsOff(page), { timeout: 15_000 }).toBeLessThan(1);

  // zh: type into the third paragraph (with a half-width comma to be flagged), split it, type on, join two back.
  const zh3 = col(page, 'zh').locator(':scope > *').nth(3);
  await zh3.click();
  await page.keyboard.press('End');
  await page.keyboard.insertText('新增的句子,有半角逗号');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('另起一段（新）：第二季度增长12345元。');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('再一段');
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  // en: translate two paragraphs, one long enough to take more lines than its Chinese.
  const slots = col(page, 'en').locator(':scope > [data-todo="true"]');
  await slots.first().click();
  await page.keyboard.insertText('Standing at a new historical starting point, the county will carry out the decisions of the central authorities, pursue progress while ensuring stability, and apply the new development philosophy in full and in every field of its work this year.');
  await slots.nth(3).click();
  await page.keyboard.insertText('Short, with a typo: teh.');

  for (const lang of ['zh', 'en'] as const) {
    await expect.poll(async () => JSON.stringify(await shownCount(page, lang)), { timeout: 10_000 })
      .toBe(JSON.stringify((({ han, punct, words }) => ({ han, punct, words }))(countCopy(await lexicalText(page, lang)))));
  }
  await expect.poll(async () => (await marks(page)).filter((m) => JSON.stringify(m.shown) !== JSON.stringify(m.full)).length, { timeout: 10_000 }).toBe(0);
  expect((await marks(page)).some((m) => m.shown[0])).toBe(true); // the new zh paragraphs are unpaired
  await expect.poll(() => rowsOff(page), { timeout: 10_000 }).toBeLessThan(1);

  // Findings kept per paragraph against a fresh editor's whole run, once the edits are saved.
  // Each editor's run after the last edit has finished (no run pending).
  await expect(page.locator('.story-editor[data-proof-pending]')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.story-editor[data-lang="zh"] .proof-item[data-rule="punct.half-width"]').first()).toBeVisible();
  await expect(page.locator('.story-editor[data-lang="en"] .proof-item[data-rule="en.spelling"]').first()).toBeVisible();
  const kept = { zh: await findings(page, 'zh'), en: await findings(page, 'en') };
  for (const lang of ['zh', 'en'] as const) await expect(page.locator(`.story-editor[data-lang="${lang}"] [data-save-status]`)).toHaveAttribute('data-save-status', 'saved', { timeout: 10_000 });
  await page.reload();
  // The reload reopens the desk and the story (issue 17); the view is chosen again.
  await expect(col(page, 'zh')).toBeVisible({ timeout: 15_000 });
  await page.locator('button[name="view-pair"]').click();
  await expect(col(page, 'en')).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => findings(page, 'zh'), { timeout: 15_000 }).toEqual(kept.zh);
  await expect.poll(() => findings(page, 'en'), { timeout: 15_000 }).toEqual(kept.en);
});
