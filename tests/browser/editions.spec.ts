import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startHost, type RunningHost } from '../support/host';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';

// A newcomer's first edition, through the UI only (issue 10 items 1-2): an empty
// workspace (no sample) opens on the start screen; an edition made from templates; a
// story made, renamed, deleted and restored; a .docx imported twice (the second asks);
// an edition duplicated, deleted and restored. The files on disk referee the restores.
test.describe.configure({ mode: 'serial' });
let host: RunningHost;
test.beforeAll(async () => { host = await startHost(undefined, undefined, { noSample: true }); });
test.afterAll(async () => { await host?.stop(); });

const TITLE = '沁源两会特刊 2027';
const REF = `${TITLE}.edition`;
const workspace = () => join(host.dataDir, 'workspace');

/** sha256 of every file under `dir`, by relative path. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

async function openStories(page: Page) {
  await page.goto(host.url);
  await page.getByRole('tab', { name: '稿件' }).click();
  await expect(page.getByRole('button', { name: '新建稿件' })).toBeVisible();
}

test('an empty workspace opens on the start screen, and a 对开 edition of two template pages is made from it', async ({ page }) => {
  await page.goto(host.url);
  const start = page.getByRole('region', { name: '特刊列表' });
  await expect(start).toBeVisible();
  await expect(start).toContainText('工作区中还没有特刊');
  await start.getByRole('button', { name: '新建特刊' }).click();
  const dialog = page.getByRole('dialog', { name: '新建特刊' });
  await dialog.getByLabel('标题').fill(TITLE);
  await dialog.getByLabel('出版日期').fill('2027-03-05');
  await expect(dialog.getByLabel('版面尺寸')).toHaveValue('broadsheet');
  await expect(dialog.getByLabel('版面尺寸').locator('option:checked')).toHaveText('对开 390×545');
  await dialog.getByLabel('版数').fill('2');
  await expect(dialog.getByLabel('第 1 版模板')).toHaveValue('front');
  await dialog.getByLabel('第 2 版模板').selectOption('feature');
  await dialog.getByRole('button', { name: '创建' }).click();
  // The new edition opens on its pages.
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: '版面' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.sheet').first()).toBeVisible({ timeout: 20_000 });
  const ed = JSON.parse(readFileSync(join(workspace(), REF, 'edition.json'), 'utf8')) as { title: string; pages: string[]; pageSize: { widthMm: number; heightMm: number } };
  expect(ed).toMatchObject({ title: TITLE, pages: ['page-1', 'page-2'], pageSize: { widthMm: 390, heightMm: 545 } });
  // Back on the start screen: title, date, page count and last change.
  await page.getByRole('button', { name: '特刊列表' }).click();
  const row = page.locator(`tr[data-edition-ref="${REF}"]`);
  await expect(row).toContainText(TITLE);
  await expect(row).toContainText('2027-03-05');
  await expect(row).toContainText('2 版');
  await expect(row.getByRole('button', { name: `关闭《${TITLE}》` })).toBeVisible();
});

test('a story is made, renamed, given a status, deleted and restored byte-identical', async ({ page }) => {
  await openStories(page);
  await page.getByRole('button', { name: '新建稿件' }).click();
  const ask = page.getByRole('dialog', { name: '新建稿件' });
  await ask.getByLabel('稿件标题').fill('县政协会议开幕');
  await ask.getByRole('button', { name: '创建' }).click();
  const item = page.locator('.story-list button', { hasText: '县政协会议开幕' });
  await expect(item).toContainText('草稿');
  await expect(item).toContainText('0 字');
  const storyId = await item.getAttribute('data-story-id');
  await expect(page.locator('.story-editor[data-lang="zh"] .editor-content')).toBeVisible();

  await page.getByRole('button', { name: '重命名稿件' }).click();
  const rename = page.getByRole('dialog', { name: '重命名稿件' });
  await rename.getByLabel('稿件标题').fill('县政协十届五次会议开幕');
  await rename.getByRole('button', { name: '确定' }).click();
  const renamed = page.locator(`[data-story-id="${storyId}"]`);
  await expect(renamed).toContainText('县政协十届五次会议开幕');
  await expect(page.locator('.story-heading')).toHaveText('县政协十届五次会议开幕');
  await page.getByLabel('稿件状态').selectOption('edited');
  await expect(renamed.locator('.story-status')).toHaveText('已编辑');

  const file = join(workspace(), REF, 'stories', `${storyId}.json`);
  const before = createHash('sha256').update(readFileSync(file)).digest('hex');
  await page.getByRole('button', { name: '删除稿件' }).click();
  await page.getByRole('dialog', { name: '删除稿件' }).getByRole('button', { name: '删除稿件' }).click();
  await expect(renamed).toHaveCount(0);

  await page.getByRole('button', { name: '回收站' }).click();
  const trash = page.getByRole('dialog', { name: '回收站' });
  await expect(trash).toContainText('稿件');
  await trash.getByRole('button', { name: '还原《县政协十届五次会议开幕》' }).click();
  await expect(trash).toContainText('回收站是空的');
  await trash.getByRole('button', { name: '关闭' }).click();
  await expect(renamed).toContainText('县政协十届五次会议开幕');
  await expect(renamed.locator('.story-status')).toHaveText('已编辑');
  expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
});

test('a .docx imported twice: the list counts 字 as the editor does, and the second import asks first', async ({ page }) => {
  test.skip(!SHARED_FIXTURES, SHARED_FIXTURES_SKIP);
  const docx = join(SHARED_FIXTURES!, 'docx', '2026-qinyuan-lianghui.docx');
  await openStories(page);
  const items = page.locator('.story-list li');
  // The story made in the test before is the edition's only one so far.
  const n = 1;
  await expect(items).toHaveCount(n);
  await page.locator('input[name="import-copy"]').setInputFiles(docx);
  await expect(items).toHaveCount(n + 1);
  const active = page.locator('.story-list button.active');
  await expect(active).toContainText('谋好篇 布好局 履职尽责为人民');
  const activeId = await active.getAttribute('data-story-id');
  const count = page.locator(`.story-editor[data-lang="zh"][data-editor-story="${activeId}"] .char-count`);
  await expect.poll(async () => Number(await count.getAttribute('data-count-han'))).toBeGreaterThan(3000);
  const han = await count.getAttribute('data-count-han');
  await expect(active.locator('.story-chars')).toHaveText(`${han} 字`);

  // The same file again: asked, and 取消 adds nothing.
  await page.locator('input[name="import-copy"]').setInputFiles(docx);
  const twin = page.getByRole('dialog', { name: '已有相同内容的稿件' });
  await expect(twin).toContainText('已有相同内容的稿件《谋好篇 布好局 履职尽责为人民》，仍要导入吗？');
  await twin.getByRole('button', { name: '取消' }).click();
  await expect(twin).toBeHidden();
  await expect(items).toHaveCount(n + 1);
  // And once more, told to go ahead: a second story whose title is told apart.
  await page.locator('input[name="import-copy"]').setInputFiles(docx);
  await page.getByRole('dialog', { name: '已有相同内容的稿件' }).getByRole('button', { name: '仍要导入' }).click();
  await expect(items).toHaveCount(n + 2);
  await expect(page.locator('.story-list button.active .story-title')).toHaveText('谋好篇 布好局 履职尽责为人民（2）');
  await page.screenshot({ path: 'test-results/browser/editions-stories.png' });
});

test('a story placed on page 2 is listed as 已上版 第2版; deleted, its frame goes empty without an error; restored, it is back', async ({ page }) => {
  test.skip(!SHARED_FIXTURES, SHARED_FIXTURES_SKIP);
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(host.url);
  await page.getByRole('tab', { name: '版面' }).click();
  await page.locator('.sidebar [data-page-id="page-2"]').click();
  const frame = page.locator('.compose-paper .sheet[data-page-id="page-2"] [data-block-kind="story"]').first();
  await frame.click({ position: { x: 20, y: 20 } });
  await page.locator('select[name="storyId"]').selectOption({ label: '谋好篇 布好局 履职尽责为人民' });
  await expect(frame.locator('.story-box')).toContainText('站在崭新的历史节点', { timeout: 20_000 });
  await expect(page.locator('[data-page-save="saved"]')).toBeVisible();

  await page.getByRole('tab', { name: '稿件' }).click();
  const item = page.locator('.story-list button', { has: page.locator('.story-title', { hasText: /^谋好篇 布好局 履职尽责为人民$/ }) });
  await expect(item.locator('.story-placed')).toHaveText('已上版 第2版');
  await item.click();
  await page.getByRole('button', { name: '删除稿件' }).click();
  const confirm = page.getByRole('dialog', { name: '删除稿件' });
  await expect(confirm).toContainText('已上版（第2版）');
  await confirm.getByRole('button', { name: '删除稿件' }).click();
  await expect(item).toHaveCount(0);

  await page.getByRole('tab', { name: '版面' }).click();
  await page.locator('.sidebar [data-page-id="page-2"]').click();
  await expect(page.locator('.compose-paper .sheet[data-page-id="page-2"]')).toBeVisible();
  await expect(frame.locator('.story-box')).not.toContainText('站在崭新的历史节点');
  await expect(page.locator('.error-banner')).toHaveCount(0);

  await page.getByRole('tab', { name: '稿件' }).click();
  await page.getByRole('button', { name: '回收站' }).click();
  await page.getByRole('dialog', { name: '回收站' }).getByRole('button', { name: '还原《谋好篇 布好局 履职尽责为人民》' }).click();
  await page.getByRole('dialog', { name: '回收站' }).getByRole('button', { name: '关闭' }).click();
  await expect(item.locator('.story-placed')).toHaveText('已上版 第2版');
  await page.getByRole('tab', { name: '版面' }).click();
  await page.locator('.sidebar [data-page-id="page-2"]').click();
  await expect(frame.locator('.story-box')).toContainText('站在崭新的历史节点', { timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('an edition is duplicated, deleted and restored from the trash with every file byte-identical', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: '特刊列表' }).click();
  await page.getByRole('button', { name: `复制《${TITLE}》` }).click();
  const dup = page.getByRole('dialog', { name: '复制特刊' });
  await expect(dup.getByLabel('标题')).toHaveValue(`${TITLE}（副本）`);
  await dup.getByRole('button', { name: '确定' }).click();
  const copyRef = `${TITLE}（副本）.edition`;
  const row = page.locator(`tr[data-edition-ref="${copyRef}"]`);
  await expect(row).toContainText(`${TITLE}（副本）`);
  await expect(row).toContainText('2 版');
  const before = tree(join(workspace(), copyRef));
  expect(Object.keys(before)).toContain('edition.json');
  expect(Object.keys(before).filter((k) => k.startsWith('stories'))).toHaveLength(3);

  await row.getByRole('button', { name: `删除《${TITLE}（副本）》` }).click();
  await page.getByRole('dialog', { name: '删除特刊' }).getByRole('button', { name: '删除特刊' }).click();
  await expect(row).toHaveCount(0);

  await page.getByRole('region', { name: '特刊列表' }).getByRole('button', { name: '回收站' }).click();
  const trash = page.getByRole('dialog', { name: '回收站' });
  await expect(trash.locator('tr', { hasText: `${TITLE}（副本）` })).toContainText('特刊');
  await trash.getByRole('button', { name: `还原《${TITLE}（副本）》` }).click();
  await expect(trash).toContainText('回收站是空的');
  await trash.getByRole('button', { name: '关闭' }).click();
  await expect(row).toContainText(`${TITLE}（副本）`);
  expect(tree(join(workspace(), copyRef))).toEqual(before);

  // Opened from the list, the copy is an edition like any other.
  await row.getByRole('button', { name: `打开《${TITLE}（副本）》` }).click();
  await expect(page.getByRole('combobox').first()).toBeVisible();
  await page.getByRole('tab', { name: '稿件' }).click();
  await expect(page.locator('.story-list li')).toHaveCount(3);
});

test('a new edition based on an existing one keeps its pages and empties its frames', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: '特刊列表' }).click();
  await page.getByRole('region', { name: '特刊列表' }).getByRole('button', { name: '新建特刊' }).click();
  const dialog = page.getByRole('dialog', { name: '新建特刊' });
  await dialog.getByLabel('标题').fill('沁源两会特刊 2028');
  await dialog.getByLabel('出版日期').fill('2028-03-05');
  await dialog.getByLabel('基于').selectOption({ label: `已有特刊《${TITLE}》的版面` });
  await expect(dialog.getByLabel('版面尺寸')).toHaveCount(0);
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.locator('.compose-paper .sheet').first()).toBeVisible({ timeout: 20_000 });
  const dir = join(workspace(), '沁源两会特刊 2028.edition');
  const ed = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as { title: string; issueDate: string; pages: string[]; photos: unknown[] };
  expect(ed).toMatchObject({ title: '沁源两会特刊 2028', issueDate: '2028-03-05', pages: ['page-1', 'page-2'], photos: [] });
  const source = JSON.parse(readFileSync(join(workspace(), REF, 'pages', 'page-2.json'), 'utf8')) as { blocks: { id: string; storyId?: string }[] };
  const made = JSON.parse(readFileSync(join(dir, 'pages', 'page-2.json'), 'utf8')) as { blocks: { id: string; storyId?: string }[] };
  expect(source.blocks.some((b) => b.storyId)).toBe(true);
  expect(made.blocks.map((b) => b.id)).toEqual(source.blocks.map((b) => b.id));
  expect(made.blocks.filter((b) => b.storyId)).toEqual([]);
  await page.getByRole('tab', { name: '稿件' }).click();
  await expect(page.getByRole('button', { name: '新建稿件' })).toBeVisible();
  await expect(page.locator('.story-list li')).toHaveCount(0);
});

test('the start screen, its dialogs and the story actions have names in English too', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: '特刊列表' }).click();
  await page.screenshot({ path: 'test-results/browser/editions-start.png' });
  await page.getByRole('button', { name: '切换界面语言' }).click();
  const start = page.getByRole('region', { name: 'Editions' });
  await expect(start.getByRole('button', { name: 'New edition' })).toBeVisible();
  await expect(start.getByRole('button', { name: `Duplicate “${TITLE}”` })).toBeVisible();
  await expect(start.getByRole('button', { name: `Delete “${TITLE}”` })).toBeVisible();
  await start.getByRole('button', { name: 'New edition' }).click();
  const dialog = page.getByRole('dialog', { name: 'New edition' });
  await expect(dialog.getByLabel('Page size').locator('option:checked')).toHaveText('Broadsheet 390×545');
  await expect(dialog.getByLabel('Page 2 template')).toHaveValue('feature');
  await page.screenshot({ path: 'test-results/browser/editions-new.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await start.getByRole('button', { name: 'Trash' }).click();
  await expect(page.getByRole('dialog', { name: 'Trash' })).toContainText('The trash is empty.');
  await page.getByRole('dialog', { name: 'Trash' }).getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('tab', { name: 'Stories' }).click();
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  await page.getByRole('button', { name: 'New story' }).click();
  const ask = page.getByRole('dialog', { name: 'New story' });
  await ask.getByLabel('Story title').fill('County news in brief');
  await ask.getByRole('button', { name: 'Create' }).click();
  await expect(page.locator('.story-list button.active')).toContainText('Draft');
  await expect(page.getByRole('button', { name: 'Rename story' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Duplicate story' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete story' })).toBeVisible();
  await expect(page.getByLabel('Status')).toBeVisible();
  await page.getByRole('button', { name: '切换界面语言' }).or(page.getByRole('button', { name: 'Switch UI language' })).click();
});

test('with the sample, it opens by default, and each sample story lists the 字 its editor shows', async ({ page }) => {
  const sample = await startHost();
  try {
    await page.goto(sample.url);
    // The sample still opens by default: its page, not the start screen.
    await expect(page.locator('.sheet[data-page-id="page-2026"]').first()).toBeVisible({ timeout: 20_000 });
    await page.getByRole('tab', { name: '稿件' }).click();
    for (const id of ['story-2026', 'story-2025']) {
      const item = page.locator(`[data-story-id="${id}"]`);
      await item.click();
      // Wait for the editor to show this story: right after the click it may still show the last one.
      const count = page.locator(`.story-editor[data-lang="zh"][data-editor-story="${id}"] .char-count`);
      await expect.poll(async () => Number(await count.getAttribute('data-count-han'))).toBeGreaterThan(1000);
      const han = await count.getAttribute('data-count-han');
      await expect(item.locator('.story-chars')).toHaveText(`${han} 字`);
      await expect(item.locator('.story-placed')).toHaveText(id === 'story-2026' ? '已上版 第1版' : '已上版 第2版');
    }
    await page.getByRole('button', { name: '特刊列表' }).click();
    await expect(page.locator('tr[data-edition-ref="qinyuan-lianghui.edition"]')).toContainText('沁源两会特刊（示例）');
  } finally {
    await sample.stop();
  }
});
