import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, startHost, type RunningHost } from '../support/host';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { pageApi } from '../support/page-api';

// Issue 10 items 3-6 as a designer works: threads made with the out-port and shown as
// 1/2, 2/2 (the reversed-order case cannot happen), unthread from the port; pages
// reordered by dragging and with 上移, the jump lines renumbering with no character lost;
// duplicate and delete to the trash; a .docx story dragged onto a page fills the headline
// and deck blocks and sets the body only in the frame.

const EDITION = 'qinyuan-lianghui.edition';

const api = pageApi;

type Node = { type: string; text?: string; children?: Node[] };
const text = (n: Node): string => (typeof n.text === 'string' ? n.text : (n.children ?? []).map(text).join(''));

/** The story's Chinese copy as the frames set it: without the parts shown in blocks of their own. */
async function bodyText(page: Page, storyId: string, skip: string[]): Promise<{ body: string; parts: Record<string, string> }> {
  const s = await api<{ zh: { root: { children: Node[] } } }>(page, 'story:get', { edition: EDITION, storyId });
  const parts: Record<string, string> = {};
  for (const n of s.zh.root.children) if (['kicker', 'headline', 'deck'].includes(n.type)) parts[n.type] = (parts[n.type] ? `${parts[n.type]}\n` : '') + text(n);
  return { body: s.zh.root.children.filter((n) => !skip.includes(n.type)).map(text).join(''), parts };
}

async function open(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await page.getByRole('tab', { name: '版面' }).click();
  await expect(page.locator('.sheet[data-page-id="page-2026"] [data-fit]')).toHaveCount(1);
}

async function setField(page: Page, name: string, value: string) {
  await page.locator(`input[name="${name}"]`).fill(value);
  await page.locator(`input[name="${name}"]`).press('Enter');
}

const saved = (page: Page) => expect(page.locator('[data-page-save="saved"]')).toBeVisible();

test.describe('threads, pages and story parts', () => {
  let host: RunningHost;
  test.beforeEach(async () => { host = await startHost(); });
  test.afterEach(async () => { await host?.stop(); });

  test('feature page: thread top → bottom by the out-port; the story starts in the top frame (1/2, 2/2); unthread from the port', async ({ page }) => {
    // A story placed nowhere yet (a copy of the 2025 story).
    await page.goto(host.url);
    const src = await api<Record<string, unknown>>(page, 'story:get', { edition: EDITION, storyId: 'story-2025' });
    await api(page, 'story:put', { edition: EDITION, story: { ...src, id: 'story-feature', title: '专题测试稿' } });
    await open(page, host);
    await page.locator('select[name="new-page"]').selectOption('feature');
    const sheet = page.locator('.compose-paper .sheet[data-page-id="page-3"]');
    await expect(sheet).toBeVisible();
    const frames = sheet.locator('[data-block-kind="story"]');
    const top = frames.nth(0), low = frames.nth(1);
    const topId = (await top.getAttribute('data-block-id'))!;
    const lowId = (await low.getAttribute('data-block-id'))!;

    // The top frame takes the 2025 story, and is made short so the copy must go on.
    // Keys and menus instead of a drag: select the frame, then 放入所选文框 on the story.
    await top.click({ position: { x: 30, y: 30 } });
    await page.getByRole('button', { name: '放入所选文框：专题测试稿' }).click();
    await expect(page.locator('select[name="storyId"]')).toHaveValue('story-feature');
    await expect(top.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '1/1');
    await setField(page, 'hMm', '60');
    await expect(top.locator('[data-copyfit]')).toHaveAttribute('data-copyfit', 'over');

    // Out-port of the top frame, then the lower frame: threaded in that order.
    await page.getByRole('button', { name: '续排出口（1/1）' }).click();
    await expect(page.getByRole('status').filter({ hasText: '请点击下一个文框以续排' })).toBeVisible();
    await low.click({ position: { x: 40, y: 40 } });
    await expect(top.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '1/2');
    await expect(low.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '2/2');
    await expect(top.locator('[data-copyfit]')).toHaveAttribute('data-copyfit', 'cont');
    const [a = '', b = ''] = await frames.locator('.story-box').allTextContents();
    expect(b.length).toBeGreaterThan(50);
    // The story starts in the top frame and goes on in the lower one, not a character lost.
    const shownParts = await sheet.locator('[data-from-story]').evaluateAll((els) => els.map((e) => e.getAttribute('data-block-kind')));
    const { body: setBody } = await bodyText(page, 'story-feature', shownParts as string[]);
    expect(setBody.startsWith(a + b)).toBe(true);
    await saved(page);
    const stored = (await api<{ blocks: Array<{ id: string; kind: string; threadPos?: number; storyId?: string }> }>(page, 'page:get', { edition: EDITION, pageId: 'page-3' })).blocks;
    expect(stored.filter((x) => x.kind === 'story' && x.storyId === 'story-feature').map((x) => [x.id, x.threadPos])).toEqual([[topId, 0], [lowId, 1]]);

    // The lower frame's place in the inspector is its real one: 2.
    await expect(page.locator('input[name="threadPos"]')).toHaveValue('2');
    await page.screenshot({ path: join(REPO, 'test-results/browser/thread-ports.png') });

    // Unthread from the top frame's port: the story stops there (overset), the lower frame is empty.
    await page.getByRole('button', { name: '续排出口（1/2）' }).click();
    await page.getByRole('menuitem', { name: '断开续排' }).click();
    await expect(low.locator('[data-thread-place]')).toHaveCount(0);
    await expect(top.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '1/1');
    await expect(top.locator('[data-copyfit]')).toHaveAttribute('data-copyfit', 'over');

    // Without the mouse: the inspector's 续排到 threads the selected frame on to another one.
    await top.click({ position: { x: 30, y: 30 } });
    await page.locator('select[name="linkTo"]').selectOption({ label: '第 3 版 · 正文框 2（空）' });
    await expect(low.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '2/2');
    await expect(top.locator('[data-copyfit]')).toHaveAttribute('data-copyfit', 'cont');
  });

  test('pages reorder by dragging and with 上移: numbers, running heads and jump lines follow, no character lost', async ({ page }) => {
    await open(page, host);
    // Page 2 (2025): its frame made short.
    await page.locator('[data-page-id="page-2025"]').first().click();
    const p2 = page.locator('.compose-paper .sheet[data-page-id="page-2025"]');
    const frame2 = p2.locator('[data-block-kind="story"]');
    await frame2.click({ position: { x: 30, y: 30 } });
    await setField(page, 'hMm', '80');
    await expect(frame2.locator('[data-copyfit]')).toHaveAttribute('data-copyfit', 'over');
    await saved(page);
    // Load the cursor on page 2, switch to a new page 3, click its frame: threaded across pages.
    await page.locator('select[name="new-page"]').selectOption('feature');
    await expect(page.locator('.page-list li')).toHaveCount(3);
    await page.locator('[data-page-id="page-2025"]').first().click();
    await page.getByRole('button', { name: '续排出口（1/1）' }).click();
    await page.locator('[data-page-id="page-3"]').first().click();
    const p3 = page.locator('.compose-paper .sheet[data-page-id="page-3"]');
    const frame3 = p3.locator('[data-block-kind="story"]').first();
    await frame3.click({ position: { x: 30, y: 30 } });
    await expect(frame3.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '2/2');
    await expect(frame3.locator('[data-jump="from"]')).toHaveText('（上接第2版）');
    // The running head of the feature template says 第3版.
    await expect(p3.locator('[data-block-kind="footer"]')).toContainText('第3版');
    await saved(page);

    // Drag page 3 onto the top half of page 1: it becomes page 1.
    await page.locator('[data-page-row="page-3"]').dragTo(page.locator('[data-page-row="page-2026"]'), { targetPosition: { x: 20, y: 3 } });
    await expect(page.locator('.page-list li .page-name').first()).toHaveText('专题内页');
    await expect(page.locator('[data-page-row="page-3"] .page-no')).toHaveText('第 1 版');
    await expect(p3.locator('[data-block-kind="footer"]')).toContainText('第1版');
    await expect(frame3.locator('[data-jump="from"]')).toHaveText('（上接第3版）');
    // Keys: 下移 moves it back to page 2; the 2025 page stays 第3版.
    await page.getByRole('button', { name: '下移：第 1 版 专题内页' }).click();
    await expect(page.locator('[data-page-row="page-3"] .page-no')).toHaveText('第 2 版');
    await expect(frame3.locator('[data-jump="from"]')).toHaveText('（上接第3版）');
    await page.getByRole('button', { name: '上移：第 2 版 专题内页' }).click();
    await expect(page.locator('[data-page-row="page-3"] .page-no')).toHaveText('第 1 版');
    // Saved in the order pressed (the calls are queued, not raced).
    await expect.poll(async () => (await api<{ pages: string[] }>(page, 'edition:open', { edition: EDITION })).pages, { timeout: 15_000 }).toEqual(['page-3', 'page-2026', 'page-2025']);

    // Page 3 (now 第3版) says where the story goes on: 下转第1版, and the copy goes on whole.
    await page.locator('[data-page-id="page-2025"]').first().click();
    await expect(frame2.locator('[data-jump="to"]')).toHaveText('（下转第1版）');
    await expect(frame2.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '1/2');
    const { body } = await bodyText(page, 'story-2025', []);
    await page.goto(new URL(`/print.html?edition=${EDITION}&pages=page-3&lang=zh&bleed=0&marks=0`, host.url).href);
    await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'ok', { timeout: 30_000 });
    const text3 = (await page.locator('.print-page [data-block-kind="story"] .story-box').first().textContent())!;
    expect(text3.length).toBeGreaterThan(50);
    await expect(page.locator('.print-page [data-jump="from"]')).toHaveText('（上接第3版）');
    await expect(page.locator('.print-page [data-block-kind="footer"]')).toContainText('第1版');
    // The composer's page 3 (2025) frame ends where the printed page 1 goes on: nothing lost or doubled.
    await page.goto(host.url);
    await page.getByRole('tab', { name: '版面' }).click();
    await page.locator('[data-page-id="page-2025"]').first().click();
    await expect(frame2.locator('[data-jump="to"]')).toHaveText('（下转第1版）');
    await expect.poll(async () => body.startsWith((await frame2.locator('.story-box').textContent())! + text3), { timeout: 15_000 }).toBe(true);
  });

  test('duplicate a page, then delete the copy into the workspace trash', async ({ page }) => {
    await open(page, host);
    await page.getByRole('button', { name: /^复制版面：第 1 版/ }).click();
    await expect(page.locator('.page-list li')).toHaveCount(3);
    const copyRow = page.locator('.page-list li').nth(1);
    await expect(copyRow.locator('.page-name')).toHaveText(/副本$/);
    const copyId = (await copyRow.getAttribute('data-page-row'))!;
    // The copy keeps the layout and the photos; its story frames are empty.
    const copySheet = page.locator(`.compose-paper .sheet[data-page-id="${copyId}"]`);
    await expect(copySheet.locator('[data-block-kind="photo"] img').first()).toBeVisible();
    await expect(copySheet.locator('[data-block-kind="story"] .story-box').first()).toBeEmpty();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /^删除版面：第 2 版/ }).click();
    await expect(page.locator('.page-list li')).toHaveCount(2);
    const info = await api<{ workspace: string }>(page, 'app:info', {});
    const trash = join(info.workspace, '.trash');
    const entries = readdirSync(trash).map((id) => JSON.parse(readFileSync(join(trash, id, 'entry.json'), 'utf8')) as { kind: string; extra: { pageId: string; index: number } });
    expect(entries).toContainEqual(expect.objectContaining({ kind: 'page', extra: { pageId: copyId, index: 1 } }));
    expect(existsSync(join(info.workspace, EDITION, 'pages', `${copyId}.json`))).toBe(false);
  });

  test('a .docx story dragged onto a feature page fills the headline and deck blocks; the frame sets the body only', async ({ page }) => {
    test.skip(!SHARED_FIXTURES, SHARED_FIXTURES_SKIP);
    await open(page, host);
    await page.getByRole('tab', { name: '稿件' }).click();
    await page.locator('input[name="import-copy"]').setInputFiles(join(SHARED_FIXTURES!, 'docx', '2026-qinyuan-lianghui.docx'));
    await expect(page.locator('.story-editor[data-lang="zh"] .editor-content')).toBeVisible();
    const stories = await api<Array<{ id: string; title: string }>>(page, 'story:list', { edition: EDITION });
    const imported = stories.find((s) => !s.id.startsWith('story-20'))!;
    const { parts } = await bodyText(page, imported.id, []);
    expect(parts['headline']).toBeTruthy();

    await page.getByRole('tab', { name: '版面' }).click();
    await page.locator('select[name="new-page"]').selectOption('feature');
    const sheet = page.locator('.compose-paper .sheet[data-page-id="page-3"]');
    const frame = sheet.locator('[data-block-kind="story"]').first();
    await expect(frame).toBeVisible();
    await page.getByRole('searchbox', { name: '搜索稿件' }).fill(imported.title.slice(0, 4));
    await page.locator(`[data-panel-story="${imported.id}"]`).dragTo(frame, { targetPosition: { x: 40, y: 40 } });
    await expect(frame.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '1/1');
    const headline = sheet.locator('[data-block-kind="headline"]');
    await expect(headline).toHaveAttribute('data-from-story', imported.id);
    await expect(headline.locator('.hl-main')).toHaveText(parts['headline']!.replace(/\n/g, ''));
    // No kicker block on this template: the story's kicker (引题) heads the title group.
    if (parts['kicker']) await expect(headline.locator('.hl-kicker')).toHaveText(parts['kicker'].replace(/\n/g, ''));
    if (parts['deck']) await expect(sheet.locator('[data-block-kind="deck"] [lang="zh-CN"]')).toHaveText(parts['deck'].replace(/\n/g, ''));
    await expect(sheet.locator('[data-block-kind="deck"]')).not.toContainText('Deck in English');
    // The frame starts with the body: no headline, deck or kicker in body type.
    const set = (await frame.locator('.story-box').textContent())!;
    expect(set.length).toBeGreaterThan(50);
    expect(set).not.toContain(parts['headline']!.split('\n')[0]!);
    await expect(frame.locator('.fp-headline, .fp-deck, .fp-kicker')).toHaveCount(0);
    // Headline, deck and (in the title group) kicker are set above; the frame starts with the body.
    const { body } = await bodyText(page, imported.id, ['kicker', 'headline', 'deck']);
    expect(body.startsWith(set)).toBe(true);
    await page.screenshot({ path: join(REPO, 'test-results/browser/docx-on-page.png') });
    // The inspector shows the switch on, with the story chosen; switched off the block is the designer's again.
    await headline.click();
    await expect(page.getByRole('checkbox', { name: '来自稿件' })).toBeChecked();
    await expect(page.locator('select[name="partStoryId"]')).toHaveValue(imported.id);
    await page.getByRole('checkbox', { name: '来自稿件' }).uncheck();
    await expect(headline).not.toHaveAttribute('data-from-story', /.*/);
    await expect(page.locator('textarea[name="text"]')).toBeVisible();
    await page.getByRole('checkbox', { name: '来自稿件' }).check();
    await expect(headline).toHaveAttribute('data-from-story', imported.id);
    // The story list says where it is placed.
    await expect(page.locator(`[data-panel-story="${imported.id}"] [data-placed]`)).toHaveText('第 3 版');
    await saved(page);
    // Print agrees: the headline block carries the story's headline.
    await page.goto(new URL(`/print.html?edition=${EDITION}&pages=page-3&lang=zh&bleed=0&marks=0`, host.url).href);
    await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'ok', { timeout: 30_000 });
    await expect(page.locator('.print-page [data-block-kind="headline"] .hl-main')).toHaveText(parts['headline']!.replace(/\n/g, ''));
    await expect(page.locator('.print-page [data-block-kind="story"] .story-box').first()).toHaveText(set);
  });

  test('a story dropped on empty page makes a story frame there, on the grid', async ({ page }) => {
    await open(page, host);
    await page.locator('select[name="new-page"]').selectOption('feature');
    const sheet = page.locator('.compose-paper .sheet[data-page-id="page-3"]');
    const low = sheet.locator('[data-block-kind="story"]').nth(1);
    await low.click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Delete');
    await expect(sheet.locator('[data-block-kind="story"]')).toHaveCount(1);
    // Drop the 2026 story where the lower frame was: a new frame, three columns wide.
    const box = (await sheet.boundingBox())!;
    await page.locator('[data-panel-story="story-2026"]').dragTo(sheet, { targetPosition: { x: box.width * 0.3, y: box.height * 0.7 } });
    await expect(sheet.locator('[data-block-kind="story"]')).toHaveCount(2);
    const made = sheet.locator('[data-block-kind="story"]').nth(1);
    await expect(made.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '2/2');
    // A story already placed goes on from where it is: the new frame is the thread's last
    // and reports copyfit for it (the sample's page 1 sits within a line of full, so which
    // of 正好 / 差 / empty it shows depends on that line, not on the drop).
    await expect(made.locator('[data-copyfit]')).toHaveAttribute('data-copyfit', /^(empty|short|fit)$/);
    await saved(page);
    const stored = (await api<{ blocks: Array<{ id: string; kind: string; col: number; span: number; storyId?: string }> }>(page, 'page:get', { edition: EDITION, pageId: 'page-3' })).blocks;
    const frame = stored.filter((b) => b.kind === 'story').at(-1)!;
    expect(frame).toMatchObject({ storyId: 'story-2026', span: 3 });
    expect(Number.isInteger(frame.col)).toBe(true);
  });
});
