import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../support/host';
import { pageApi } from '../support/page-api';

// Search results into the desk (issue 16): a small workspace of two editions (the sample
// 沁源两会特刊 and a new 沁源秋收特刊). A story result opens at its paragraph; a story is
// copied and a photo placed into the other edition; the photo's provenance lists both
// editions' pages, its caption history reverts (exiftool reads the file); a caption saved on
// the photo desk is found within 1 s; a torn catalogue rebuilds on start with nothing lost.
test.describe.configure({ mode: 'serial' });
let host: RunningHost;
let workspace: string;
let autumn: string;
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'archive-find');

test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

async function openSearch(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: '资料库检索' });
  await dialog.getByRole('searchbox', { name: '检索词' }).fill(query);
  return dialog;
}

test('a story result opens at its paragraph; in another edition, 复制到本期 and 置入当前版面', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: '检索资料库' })).toBeVisible({ timeout: 30_000 });
  workspace = (await pageApi<{ workspace: string }>(page, 'app:info', {})).workspace;
  autumn = (await pageApi<{ ref: string }>(page, 'edition:create', { title: '沁源秋收特刊', issueDate: '2026-10-01', size: 'broadsheet', pages: ['front', 'feature'] })).ref;

  // Arrows walk the results (photos first, then stories); Enter opens the active one.
  let dialog = await openSearch(page, '党参 育苗');
  const stories = dialog.getByRole('region', { name: '稿件' });
  await expect(stories.locator('.archive-hit').first()).toBeVisible({ timeout: 30_000 });
  // A workspace's first catalogue is built, not "rebuilt": no note about it.
  await expect(dialog.getByText('已在启动时从文件重建')).toHaveCount(0);
  const photoCount = await dialog.getByRole('region', { name: '图片' }).locator('.archive-hit').count();
  for (let i = 0; i < photoCount; i++) await page.keyboard.press('ArrowDown');
  await expect(stories.locator('.archive-hit').first()).toHaveAttribute('aria-current', 'true');
  const title = (await stories.locator('.archive-hit strong').first().textContent())!;
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.story-heading')).toHaveText(title, { timeout: 15_000 });
  const hit = page.locator('.editor-content > [data-archive-hit="true"]');
  await expect(hit).toContainText(/党参|育苗/);
  await expect(hit).toBeInViewport();
  await page.screenshot({ path: join(SHOTS, 'story-jump.png') });

  // The edition result opens the second edition; there the story is copied in, both versions, with its source.
  dialog = await openSearch(page, '沁源秋收特刊');
  await dialog.getByRole('region', { name: '特刊' }).getByRole('button', { name: '沁源秋收特刊' }).click();
  await expect(page.getByRole('button', { name: '第 1 版' }).or(page.locator('.page-list')).first()).toBeVisible({ timeout: 15_000 });
  dialog = await openSearch(page, '党参 育苗');
  const copyButton = dialog.getByRole('region', { name: '稿件' }).locator('.archive-hit').first().getByRole('button', { name: '复制到本期' });
  await expect(copyButton).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: join(SHOTS, 'search-actions.png') });
  await copyButton.click();
  await expect(page.locator('.story-heading')).toHaveText(title, { timeout: 15_000 });
  await expect(page.getByRole('note', { name: '稿件来源' })).toContainText('来源：《沁源两会特刊（示例）》');
  const list = await pageApi<{ id: string; title: string }[]>(page, 'story:list', { edition: autumn });
  expect(list.map((s) => s.title)).toEqual([title]);
  const copy = JSON.parse(await readFile(join(workspace, autumn, 'stories', `${list[0]!.id}.json`), 'utf8'));
  expect(copy.origin).toMatchObject({ editionTitle: '沁源两会特刊（示例）', storyTitle: title });
  // Both language versions as the source has them (the sample's Chinese-only story: en stays null).
  const source = JSON.parse(await readFile(join(workspace, copy.origin.editionRef, 'stories', `${copy.origin.storyId}.json`), 'utf8'));
  expect(copy.zh).toEqual(source.zh);
  expect(copy.en).toEqual(source.en);
  expect(copy.zh.root.children.length).toBeGreaterThan(1);

  // The photo goes onto the current page (第 1 版 of 沁源秋收特刊) as a new frame, its caption with it.
  dialog = await openSearch(page, '党参 育苗');
  const photoHit = dialog.getByRole('region', { name: '图片' }).locator('.archive-hit').first();
  const libraryId = (await photoHit.getAttribute('data-item'))!.slice('photo:lib:'.length);
  // From the keyboard: the photo is the active result, Shift+Enter places it (as its 置入当前版面 button).
  await expect(photoHit.getByRole('button', { name: '置入当前版面' })).toBeVisible({ timeout: 10_000 });
  await expect(photoHit).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Shift+Enter');
  await expect.poll(async () => {
    const pages = await pageApi<{ blocks: { kind: string; photoId?: string }[] }[]>(page, 'page:list', { edition: autumn });
    return pages[0]!.blocks.filter((b) => b.kind === 'photo' && b.photoId).length;
  }, { timeout: 15_000 }).toBeGreaterThan(0);
  const ed = await pageApi<{ photos: { libraryId?: string; meta: { caption: { zh: string } } }[] }>(page, 'edition:open', { edition: autumn });
  expect(ed.photos.find((p) => p.libraryId === libraryId)?.meta.caption.zh).toMatch(/党参/);
});

test('the photo result: selected on the photo desk, its provenance and caption history, revert, found within 1 s', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: '检索资料库' })).toBeVisible({ timeout: 30_000 });
  const dialog = await openSearch(page, '党参 育苗');
  const photoHit = dialog.getByRole('region', { name: '图片' }).locator('.archive-hit').first();
  await expect(photoHit).toHaveAttribute('aria-current', 'true', { timeout: 30_000 });
  const libraryId = (await photoHit.getAttribute('data-item'))!.slice('photo:lib:'.length);
  await page.keyboard.press('Enter');
  const zh = page.locator('.caption-panel textarea[name="caption-zh"]');
  const before = await pageApi<{ id: string; file: string; meta: { caption: { zh: string } } }[]>(page, 'library:list', {})
    .then((l) => l.find((p) => p.id === libraryId)!);
  await expect(zh).toHaveValue(before.meta.caption.zh, { timeout: 15_000 });

  // Provenance: page 1 of both editions (the sample's, and the placement made above).
  const prov = page.getByRole('region', { name: '图片来源' });
  const pages = prov.getByRole('list', { name: '用于版面' });
  await expect(pages.getByRole('button', { name: /沁源两会特刊（示例） 第1版/ })).toBeVisible({ timeout: 15_000 });
  await expect(pages.getByRole('button', { name: /沁源秋收特刊 第1版/ })).toBeVisible({ timeout: 15_000 });
  await expect(prov).toContainText('图片说明尚未修改过');

  // A caption typed on the desk is in the catalogue within 1 s of being written.
  const fresh = '连翘花开满太岳山，游客在沁源县城北观赏。';
  await zh.fill(fresh);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('已写入文件（XMP/IPTC）')).toBeVisible({ timeout: 15_000 });
  const t0 = Date.now();
  await expect.poll(async () => (await pageApi<{ hits: { item: string }[] }>(page, 'archive:search', { query: '连翘 太岳山' })).hits.map((h) => h.item),
    { intervals: [20], timeout: 5_000 }).toContain(`photo:lib:${libraryId}`);
  const ms = Date.now() - t0;
  console.log(`caption findable after ${ms} ms`);
  expect(ms).toBeLessThan(1000);

  // History: the caption before the change, then the change; restoring the old one writes it into the file.
  const history = prov.getByRole('list', { name: '图片说明修改记录' });
  await expect(history.locator('li')).toHaveCount(2, { timeout: 10_000 });
  await expect(history.locator('li').first()).toContainText('连翘花开');
  await prov.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: join(SHOTS, 'provenance.png') });
  await history.locator('li').nth(1).getByRole('button', { name: /^恢复 .* 的图片说明$/ }).click();
  await expect(zh).toHaveValue(before.meta.caption.zh, { timeout: 15_000 });
  await expect(history.locator('li')).toHaveCount(3);
  await expect(history.locator('li').first()).toContainText('恢复旧版本');
  const file = join(workspace, before.file);
  const inFile = execFileSync('exiftool', ['-s3', '-XMP-dc:Description-x-default', '-XMP-dc:Description-zh-CN', file], { encoding: 'utf8' });
  expect(inFile).toContain(before.meta.caption.zh.slice(0, 12));
  expect(inFile).not.toContain('连翘');

  // In English the panel and its controls have English names.
  await page.getByRole('button', { name: '切换界面语言' }).click();
  const provEn = page.getByRole('region', { name: 'Photo provenance' });
  await expect(provEn.getByRole('list', { name: 'Caption history' }).getByRole('button', { name: /^Restore the caption of / }).first()).toBeVisible();
  await expect(provEn.getByRole('list', { name: 'Used on pages' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch UI language' }).click();

  // A provenance page opens in layout.
  await pages.getByRole('button', { name: /沁源秋收特刊 第1版/ }).click();
  await expect(page.locator('.pages')).toBeVisible({ timeout: 15_000 });
  // The edition switched to the one that places it (the top bar's edition menu).
  await expect(page.locator('select').filter({ has: page.locator(`option[value="${autumn}"]`) }).first()).toHaveValue(autumn);
  await expect(page.locator('.page-list button[aria-current="page"]')).toContainText('第 1 版');
});

test('a torn catalogue is rebuilt from the files on start, progress shown, nothing lost', async ({ page }) => {
  await host.stop();
  await writeFile(join(workspace, '.catalog', 'catalog.db'), Buffer.alloc(16384, 0x5a));
  host = await startHost(host.dataDir);
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: '检索资料库' })).toBeVisible({ timeout: 30_000 });
  const dialog = await openSearch(page, '党参 育苗');
  await expect(dialog.getByRole('status').filter({ hasText: /重建/ })).toBeVisible({ timeout: 30_000 });
  // The story copied into 沁源秋收特刊 and the photo placed there are in the rebuilt catalogue.
  await dialog.getByRole('combobox', { name: '特刊' }).selectOption({ label: '沁源秋收特刊 (2026-10-01)' });
  await expect(dialog.getByRole('region', { name: '稿件' }).locator('.archive-hit')).toHaveCount(1, { timeout: 15_000 });
  await expect(dialog.getByRole('region', { name: '图片' }).locator('.archive-hit')).toHaveCount(1);
  await page.screenshot({ path: join(SHOTS, 'search-filters.png') });

  // A page result opens that page in layout (page 2 of 沁源秋收特刊, not the page the desk was on).
  await dialog.getByRole('combobox', { name: '类别' }).selectOption({ label: '版面' });
  await dialog.getByRole('searchbox', { name: '检索词' }).fill('专题内页');
  await expect(dialog.getByRole('region', { name: '版面' }).locator('.archive-hit')).toHaveCount(1, { timeout: 15_000 });
  await page.keyboard.press('Enter');
  await expect(page.locator('.page-list button[aria-current="page"]')).toContainText('第 2 版', { timeout: 15_000 });
});
