import { type Page, type CDPSession } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, startHost, tempDataDir, type RunningHost } from '../support/host';

// The story editor as a Chinese desk uses it: every node type from the toolbar and the
// keyboard, Markdown shortcuts, pinyin IME composition driven through CDP (commit, cancel,
// right after a format change and after a Markdown shortcut), counts, the 对照 view, and a
// host killed mid-edit.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

const OPENING: Record<string, string> = { 'story-2026': '站在崭新的历史节点', 'story-2025': '2024年，沁源人民' };

async function openStory(page: Page, url: string, id = 'story-2026') {
  await page.goto(url);
  await page.getByRole('tab', { name: '稿件' }).click();
  await page.locator(`[data-story-id="${id}"]`).click();
  const editor = page.locator('.story-editor[data-lang="zh"] .editor-content');
  await expect(editor).toContainText(OPENING[id]!);
  return editor;
}

/** A fresh empty paragraph at the end of the zh story, caret in it. */
async function newParagraphAtEnd(page: Page) {
  const last = page.locator('.story-editor[data-lang="zh"] .editor-content > *').last();
  // Click at the end of the last line (bottom right), then End: the caret is at the very end.
  const box = (await last.boundingBox())!;
  await last.click({ position: { x: box.width - 2, y: box.height - 4 } });
  await page.keyboard.press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
}

async function compose(cdp: CDPSession, steps: string[], commit: string | null) {
  for (const s of steps) await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
  if (commit === null) await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
  else await cdp.send('Input.insertText', { text: commit });
}

const lastBlock = (page: Page) => page.locator('.story-editor[data-lang="zh"] .editor-content > *').last();

test('IME composition: commit, cancel, after a format change, after a Markdown shortcut', async ({ page }) => {
  await openStory(page, host.url);
  const cdp = await page.context().newCDPSession(page);

  await newParagraphAtEnd(page);
  await page.keyboard.insertText('记者');
  await compose(cdp, ['b', 'bi', 'bian', 'bianj', '编辑'], '编辑');
  await expect(lastBlock(page)).toHaveText('记者编辑');

  // Cancel: the pinyin being composed must vanish and nothing before it may be lost.
  await compose(cdp, ['c', 'ce', 'ces', 'ceshi'], null);
  await expect(lastBlock(page)).toHaveText('记者编辑');

  // Right after turning on superscript with a collapsed caret.
  await page.keyboard.insertText('面积');
  await page.locator('.story-editor[data-lang="zh"] button[name="superscript"]').click();
  await compose(cdp, ['er', '二'], '二');
  await expect(lastBlock(page)).toHaveText('记者编辑面积二');
  await expect(lastBlock(page).locator('sup')).toHaveText('二');

  // Right after a Markdown shortcut: "## " makes a section head, the composed text goes in once.
  await page.keyboard.press('Enter');
  await page.keyboard.type('## ');
  await compose(cdp, ['xiao', 'xiaobiao', '小标题'], '小标题');
  await expect(lastBlock(page)).toHaveText('小标题');
  expect(await lastBlock(page).evaluate((el) => el.tagName)).toBe('H2');
  await expect(lastBlock(page)).toHaveClass(/ed-section/);
  await expect(page.locator('[data-save-status]').first()).toHaveAttribute('data-save-status', 'saved', { timeout: 5000 });
});

test('every node type from the toolbar and shortcuts, with live counts', async ({ page }) => {
  // About fifty UI steps: on a loaded 2-core CI machine this takes longer than the default minute.
  test.setTimeout(150_000);
  const ownHost = await startHost();
  try {
    await openStory(page, ownHost.url);
    const zh = page.locator('.story-editor[data-lang="zh"]');
    await newParagraphAtEnd(page);
    const kinds: [string, string, RegExp][] = [
      ['block-kicker', '聚焦', /ed-kicker/], ['block-headline', '主标题文字', /ed-headline/], ['block-deck', '副题文字', /ed-deck/],
      ['block-h1', '一级小标题', /ed-level-1/], ['block-h3', '三级小标题', /ed-level-3/], ['block-pull-quote', '引语文字', /ed-pull-quote/],
    ];
    for (const [button, text, cls] of kinds) {
      await page.keyboard.insertText(text);
      await zh.locator(`button[name="${button}"]`).click();
      await expect(lastBlock(page)).toHaveClass(cls);
      await expect(lastBlock(page)).toHaveText(text);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter'); // Enter after a head starts body text
      await expect(lastBlock(page)).toHaveClass(/ed-p/);
    }
    // Keyboard: Ctrl+Alt+2 section head, Ctrl+Alt+0 back to body.
    await page.keyboard.insertText('键盘小标题');
    await page.keyboard.press('Control+Alt+2');
    await expect(lastBlock(page)).toHaveClass(/ed-level-2/);
    await page.keyboard.press('Control+Alt+0');
    await expect(lastBlock(page)).toHaveClass(/ed-p/);
    // Lead-in: select the opening sentence and press Ctrl+B.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('导语短句。正文接着写。');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+Home');
    // Lexical reads a keyboard selection from the async selectionchange event; on a loaded
    // machine Ctrl+B can otherwise arrive first and see a collapsed caret.
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('导语短句。');
    await page.waitForTimeout(100);
    await page.keyboard.press('Control+b');
    await expect(lastBlock(page).locator('.ed-lead-in')).toHaveText('导语短句。');
    // PM2.5 with a subscript.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('PM');
    await page.keyboard.press('Control+,');
    await page.keyboard.insertText('2.5');
    await expect(lastBlock(page).locator('sub')).toHaveText('2.5');
    // Lists.
    await page.keyboard.press('Control+,');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- ');
    await page.keyboard.insertText('列表第一项');
    await expect(lastBlock(page)).toHaveClass(/ed-ul/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // Figure from the library and a credits block.
    await zh.locator('button[name="insert-figure"]').click();
    await zh.locator('.figure-picker [role="option"]', { hasText: '好乐草莓' }).click();
    await expect(zh.locator('.figure-view input[name="figure-caption-zh"]')).toHaveValue('好乐草莓');
    await zh.locator('button[name="insert-credits"]').click();
    await expect(zh.locator('.credits-view input[name="credit-role-0"]')).toHaveValue('策划');
    // Live counts: Han characters, punctuation apart, Latin words.
    const count = zh.locator('.char-count');
    // The count is shown once a frame, after the frame that draws the change
    // (renderer/src/editor/after-next-paint.ts): three frames on, every change above is in
    // it. Frames, not a fixed 400 ms, which a loaded machine could outlast.
    await page.evaluate(() => new Promise<void>((done) => { let n = 0; const tick = () => (++n === 3 ? setTimeout(done, 0) : requestAnimationFrame(tick)); requestAnimationFrame(tick); }));
    const han = Number(await count.getAttribute('data-count-han'));
    await zh.locator('.editor-content p').first().click({ position: { x: 40, y: 8 } });
    await page.keyboard.press('Home');
    await page.keyboard.insertText('新增五个字，');
    await expect(count).toHaveAttribute('data-count-han', String(han + 5));
    await expect(page.locator('[data-save-status]').first()).toHaveAttribute('data-save-status', 'saved', { timeout: 5000 });
    await page.screenshot({ path: join(REPO, 'test-results/browser/story-nodes.png'), fullPage: false });

    // What was saved has every node type, in the stored vocabulary.
    const stored = JSON.parse(readFileSync(join(ownHost.dataDir, 'workspace/qinyuan-lianghui.edition/stories/story-2026.json'), 'utf8'));
    const types = new Set<string>();
    const walk = (n: { type: string; children?: unknown[] }) => { types.add(n.type); (n.children as typeof n[] | undefined)?.forEach(walk); };
    stored.zh.root.children.forEach(walk);
    for (const t of ['kicker', 'headline', 'deck', 'section-heading', 'pull-quote', 'lead-in', 'figure', 'credits', 'list', 'listitem', 'paragraph', 'text']) {
      expect(types, t).toContain(t);
    }
  } finally {
    await ownHost.stop();
  }
});

test('对照 view: the English version starts from the Chinese structure and untranslated paragraphs are marked', async ({ page }) => {
  await openStory(page, host.url, 'story-2025');
  await page.locator('button[name="start-english"]').click();
  await page.locator('button[name="view-pair"]').click();
  const en = page.locator('.story-editor[data-lang="en"] .editor-content');
  await expect(en).toBeVisible();
  const unpaired = page.locator('.story-editor[data-lang="zh"] [data-unpaired="true"]');
  const before = await unpaired.count();
  expect(before).toBeGreaterThan(5);
  // The English slots show which paragraphs wait for their translation.
  await expect(page.locator('.story-editor[data-lang="en"] [data-todo="true"]')).toHaveCount(before);
  // Translate the first paragraph: its Chinese twin is no longer marked.
  await en.locator('> *').first().click();
  await page.keyboard.insertText('Reaching for dreams in Taiyue');
  await expect(unpaired).toHaveCount(before - 1);
  await expect(page.locator('.story-editor[data-lang="en"] [data-todo="true"]')).toHaveCount(before - 1);
  await page.screenshot({ path: join(REPO, 'test-results/browser/story-pair.png') });
});

test('a host killed mid-edit loses nothing that was autosaved', async ({ page }) => {
  const dataDir = tempDataDir();
  let h = await startHost(dataDir);
  await openStory(page, h.url);
  await newParagraphAtEnd(page);
  await page.keyboard.insertText('断电前的最后一段。');
  await expect(page.locator('[data-save-status]').first()).toHaveAttribute('data-save-status', 'saved', { timeout: 5000 });
  await h.stop('SIGKILL');
  h = await startHost(dataDir);
  try {
    await openStory(page, h.url);
    await expect(lastBlock(page)).toHaveText('断电前的最后一段。');
  } finally {
    await h.stop();
  }
});

test('a figure caption edited in the story is written into the photo; "this story only" keeps the photo as it was', async ({ page }) => {
  const own = await startHost();
  try {
    await openStory(page, own.url);
    const zh = page.locator('.story-editor[data-lang="zh"]');
    await newParagraphAtEnd(page);
    await zh.locator('button[name="insert-figure"]').click();
    await zh.locator('.figure-picker [role="option"]', { hasText: '香菇产业' }).click();
    const fig = zh.locator('.figure-view').last();
    await fig.locator('input[name="figure-caption-zh"]').fill('香菇产业大棚');
    await fig.locator('input[name="figure-caption-en"]').click(); // blur commits
    const library = async () => page.evaluate(async () => {
      const r = await fetch('/api/library:list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-edition-desk': '1', 'x-edition-desk-token': sessionStorage.getItem('edition-desk-token') ?? '' }, body: '{}' });
      return (await r.json()).value as { file: string; meta: { caption: { zh: string } } }[];
    });
    await expect.poll(async () => (await library()).map((p) => p.meta.caption.zh)).toContain('香菇产业大棚');
    // The file itself carries it (what Photo Mechanic would read).
    const photo = (await library()).find((p) => p.meta.caption.zh === '香菇产业大棚')!;
    const { execFileSync } = await import('node:child_process');
    const tags = JSON.parse(execFileSync('exiftool', ['-j', '-G1', join(own.dataDir, 'workspace', photo.file)], { encoding: 'utf8' }))[0];
    expect(tags['XMP-dc:Description-zh-CN']).toBe('香菇产业大棚');

    // Override for this story only: marked, and the photo keeps its caption.
    await fig.locator('input[name="figure-override"]').check();
    await expect(fig).toHaveClass(/override/);
    await fig.locator('input[name="figure-caption-zh"]').fill('本稿专用说明');
    await fig.locator('input[name="figure-caption-en"]').click();
    await expect(page.locator('[data-save-status]').first()).toHaveAttribute('data-save-status', 'saved', { timeout: 5000 });
    expect((await library()).map((p) => p.meta.caption.zh)).not.toContain('本稿专用说明');
    expect((await library()).map((p) => p.meta.caption.zh)).toContain('香菇产业大棚');
  } finally {
    await own.stop();
  }
});

test('links take an http(s) or mailto address typed in the toolbar; javascript: is refused', async ({ page }) => {
  const own = await startHost();
  try {
    await openStory(page, own.url);
    const zh = page.locator('.story-editor[data-lang="zh"]');
    await newParagraphAtEnd(page);
    await page.keyboard.insertText('沁源县人民政府网站');
    await page.keyboard.press('Shift+Home');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('沁源县人民政府网站');
    await zh.locator('button[name="link"]').click();
    await zh.locator('input[name="link-url"]').fill('javascript:alert(1)');
    await page.keyboard.press('Enter');
    await expect(lastBlock(page).locator('a')).toHaveCount(0);
    await page.keyboard.press('Shift+Home');
    await zh.locator('button[name="link"]').click();
    await zh.locator('input[name="link-url"]').fill('https://www.qinyuan.gov.cn/');
    await page.keyboard.press('Enter');
    await expect(lastBlock(page).locator('a.ed-link')).toHaveAttribute('href', 'https://www.qinyuan.gov.cn/');
    await expect(lastBlock(page).locator('a.ed-link')).toHaveText('沁源县人民政府网站');
  } finally {
    await own.stop();
  }
});
