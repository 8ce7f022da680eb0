import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { REPO, startHost, type RunningHost } from '../support/host';

// The keyword vocabulary (issue 16) in the running browser host: a Photo Mechanic keyword
// file imported in 关键词表, a keyword added, deleted into the trash and restored, keywords.json
// on disk; typing 党 in a photo's keyword field offers 党参 under 产业, and picking it with
// 包括上级 writes 产业, 党参 and 产业|党参 into the file (exiftool reads them); a resized copy of
// a photo shows in 相似照片. Screenshots go to test-results/vocab (the README's are copies).
test.describe.configure({ mode: 'serial' });
let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

async function api<T>(page: Page, channel: string, input: unknown = {}): Promise<T> {
  return page.evaluate(async ([c, i]) => {
    const r = await fetch(`/api/${c}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-edition-desk': '1', 'x-edition-desk-token': sessionStorage.getItem('edition-desk-token') ?? '' }, body: JSON.stringify(i) });
    return (await r.json()).value;
  }, [channel, input] as const) as Promise<T>;
}

const PM_FILE = '[地点]\r\n\t沁源县\r\n\t\t{Qinyuan County}\r\n产业\r\n\t{Industry}\r\n\t党参\r\n\t\t{Codonopsis}\r\n\t育苗\r\n\t\t{Seedlings}\r\n';

test('关键词表: import a PM file, add, delete and restore; keywords.json is the truth', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(host.url);
  await page.getByRole('tab', { name: '图片' }).click();
  await page.getByRole('button', { name: '关键词表' }).click();
  const dialog = page.getByRole('dialog', { name: '关键词表' });
  await expect(dialog).toBeVisible();
  const file = join(mkdtempSync(join(tmpdir(), 'ed-kw-')), 'keywords.txt');
  writeFileSync(file, PM_FILE);
  await dialog.locator('input[name="import-keywords"]').setInputFiles(file);
  const tree = dialog.getByRole('tree', { name: '关键词树' });
  await expect(tree.getByRole('treeitem', { name: '党参 Codonopsis' })).toBeVisible({ timeout: 15_000 });
  await expect(tree.getByRole('treeitem', { name: '[地点]' })).toBeVisible();

  // Add 灵空山 under 沁源县.
  await tree.getByRole('button', { name: '沁源县' }).click();
  await dialog.getByRole('textbox', { name: '关键词' }).first().fill('灵空山');
  await dialog.getByRole('textbox', { name: '英文' }).first().fill('Lingkong Mountain');
  await dialog.getByRole('button', { name: '添加为下级' }).click();
  await expect(tree.getByRole('treeitem', { name: '灵空山 Lingkong Mountain' })).toBeVisible();

  // Delete 育苗: into the workspace trash, listed, restored.
  await tree.getByRole('button', { name: '育苗' }).click();
  await dialog.getByRole('button', { name: '删除关键词' }).click();
  await expect(tree.getByRole('treeitem', { name: /育苗/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: '恢复 育苗' }).click();
  await expect(tree.getByRole('treeitem', { name: '育苗 Seedlings' })).toBeVisible();
  await tree.getByRole('button', { name: '党参' }).click();
  await expect(dialog.getByRole('group', { name: '选中：党参' })).toBeVisible();
  await page.screenshot({ path: join(REPO, 'test-results/vocab/vocab-panel.png') });

  const { workspace } = await api<{ workspace: string }>(page, 'app:info');
  const onDisk = JSON.parse(readFileSync(join(workspace, 'keywords.json'), 'utf8')) as { roots: { label: string; children: { label: string }[] }[] };
  expect(onDisk.roots.map((r) => r.label)).toEqual(['地点', '产业']);
  expect(onDisk.roots[1]!.children.map((c) => c.label)).toEqual(['党参', '育苗']);
  const exported = await api<{ text: string }>(page, 'vocab:export');
  expect(exported.text).toBe(PM_FILE.replace('\t\t{Qinyuan County}\r\n', '\t\t{Qinyuan County}\r\n\t\t灵空山\r\n\t\t\t{Lingkong Mountain}\r\n'));
  await dialog.getByRole('button', { name: '关闭' }).last().click();
  await expect(dialog).toHaveCount(0);

  // The same panel in English: its controls have English names.
  await page.getByRole('button', { name: '切换界面语言' }).click();
  await page.getByRole('button', { name: 'Keywords' }).click();
  const en = page.getByRole('dialog', { name: 'Keyword vocabulary' });
  await expect(en.getByRole('tree', { name: 'Keyword tree' }).getByRole('treeitem', { name: '党参 Codonopsis' })).toBeVisible();
  await expect(en.getByRole('button', { name: 'Import keyword file' })).toBeVisible();
  await en.getByRole('button', { name: 'Close' }).last().click();
  await page.getByRole('button', { name: /language|语言/i }).click();
});

test('keyword field: 党 offers 党参 under 产业; 包括上级 writes the parent and the path into the file', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(host.url);
  await page.getByRole('tab', { name: '图片' }).click();
  const cell = page.getByRole('gridcell').first();
  await cell.dispatchEvent('mousedown');
  const id = await cell.getAttribute('data-photo-id');
  const panel = page.locator(`.caption-panel[data-photo-id="${id}"]`);
  const field = panel.getByRole('combobox', { name: '关键词' });
  await field.fill('');
  await field.pressSequentially('党');
  const list = panel.getByRole('listbox', { name: '关键词提示' });
  await expect(list.getByRole('option').first()).toContainText('党参');
  await expect(list.getByRole('option').first()).toContainText('产业');
  await expect(panel.getByRole('checkbox', { name: '包括上级' })).toBeChecked();
  await page.screenshot({ path: join(REPO, 'test-results/vocab/vocab-completion.png') });
  await field.press('Enter');
  await expect(field).toHaveValue('产业, 党参, ');
  await field.press('Control+Enter');
  await expect(panel).toHaveAttribute('data-save-state', 'saved', { timeout: 20_000 });

  const { workspace } = await api<{ workspace: string }>(page, 'app:info');
  const photo = (await api<{ id: string; file: string }[]>(page, 'library:list')).find((p) => p.id === id)!;
  const tags = JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-XMP-dc:Subject', '-XMP-lr:HierarchicalSubject', join(workspace, photo.file)], { encoding: 'utf8' }))[0];
  expect(tags['XMP-dc:Subject']).toEqual(['产业', '党参']);
  expect(tags['XMP-lr:HierarchicalSubject']).toBe('产业|党参');

  // In English the suggestion shows the English label.
  await page.getByRole('button', { name: '切换界面语言' }).click();
  const fieldEn = panel.getByRole('combobox', { name: 'Keywords' });
  await fieldEn.fill('');
  await fieldEn.pressSequentially('codon');
  await expect(panel.getByRole('listbox', { name: 'Keyword suggestions' }).getByRole('option').first()).toContainText('Codonopsis');
  await fieldEn.press('Escape');
  await expect(panel.getByRole('listbox')).toHaveCount(0);
  await page.getByRole('button', { name: /language|语言/i }).click();
});

test('相似照片 lists a resized copy of the frame, not the other photos', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(host.url);
  await page.getByRole('tab', { name: '图片' }).click();
  const cell = page.getByRole('gridcell').filter({ has: page.locator('.cell-name', { hasText: /^tea-gardens\.jpg$/ }) });
  await expect(cell).toBeVisible({ timeout: 30_000 });
  const copy = join(mkdtempSync(join(tmpdir(), 'ed-sim-')), 'tea-gardens-web.jpg');
  writeFileSync(copy, await sharp(join(REPO, 'resources/sample/photos/tea-gardens.jpg')).resize(500).jpeg({ quality: 60 }).toBuffer());
  await page.locator('input[name="import-files"]').setInputFiles(copy);
  await expect(page.locator('.ingest-bar')).toHaveAttribute('data-ingest-state', 'done', { timeout: 60_000 });
  await cell.dispatchEvent('mousedown');
  await page.getByRole('button', { name: '查找相似照片' }).click();
  const list = page.getByRole('list', { name: '相似照片' });
  await expect(list.getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
  await expect(list).toContainText('tea-gardens-web.jpg');
  await list.getByRole('button').click();
  await expect(page.locator('.caption-panel h3')).toHaveText('tea-gardens-web.jpg');
});
