import { type Locator, type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, startHost, type RunningHost } from '../support/host';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';

// "A day on the desk" (issue 10, Done when): a newcomer's own edition from an empty
// workspace, through the UI only. An edition of two template pages; a card of real camera
// files (some broken) ingested; three photos captioned in Chinese (pinyin IME through CDP)
// and English; both .docx imported; the 2026 story dropped on page 1 and threaded on to
// page 2 by the out-ports; three library photos dragged onto the frames; the headline from
// the story; every preflight error fixed; PDF and handoff zip exported. The referees are
// the files: pdftotext, pdfimages, pdfinfo, exiftool. State is read from disk, not the API.

const TITLE = '沁源两会特刊 2027';
const REF = `${TITLE}.edition`;
const STORY_2026 = '谋好篇 布好局 履职尽责为人民';
const SHOTS = join(REPO, 'test-results/browser');
const CAPTIONS = [
  { file: 'Landscape_1.jpg', pinyin: ['ling', 'lingkong', 'lingkongshan'], zh: '灵空山林场的清晨，护林员巡山归来', en: 'Morning at the Lingkong Mountain forest farm' },
  { file: 'DSCN0010.jpg', pinyin: ['qin', 'qinyuan', 'qinyuanxian'], zh: '沁源县代表走访王陶镇农户', en: 'Deputies from Qinyuan County visit farmers in Wangtao' },
  { file: 'Canon_40D.jpg', pinyin: ['qin', 'qinhe', 'qinheshidi'], zh: '沁河湿地公园的早春', en: 'Early spring in the Qinhe wetland park' },
];

// Same normalisation as tests/unit/copy-support.ts seedText: the seed's Markdown marks out, no whitespace.
const seedText = (md: string) => md.replace(/^#{1,6}[ \t]+/gm, '').replace(/<\/?su[bp]>/g, '').replace(/\*\*/g, '').replace(/\s/g, '');
/** Null when every character of `want` occurs in `got` in order; else where the first one does not. */
function firstMissingInOrder(want: string, got: string): string | null {
  let at = 0;
  for (let k = 0; k < want.length; k++) {
    const j = got.indexOf(want[k]!, at);
    if (j < 0) return `character ${k + 1}/${want.length} "${want[k]}": …${want.slice(Math.max(0, k - 20), k)}[${want[k]}]${want.slice(k + 1, k + 20)}… PDF after last match: ${got.slice(Math.max(0, at - 20), at)}|${got.slice(at, at + 40)}`;
    at = j + 1;
  }
  return null;
}

// One long walk: a step that cannot be done fails in a minute, not at the 5-minute test timeout.
test.use({ actionTimeout: 60_000 });
let host: RunningHost;
test.beforeAll(async () => { host = await startHost(undefined, REPO, { noSample: true }); });
test.afterAll(async () => { await host?.stop(); });

const edDir = () => join(host.dataDir, 'workspace', REF);
const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;
interface Block { id: string; kind: string; storyId?: string; photoId?: string; threadPos?: number; fromStory?: unknown }
const storedBlocks = (pageId: string) => readJson<{ blocks: Block[] }>(join(edDir(), 'pages', `${pageId}.json`)).blocks;
const sheet = (page: Page, pageId: string) => page.locator(`.compose-paper .sheet[data-page-id="${pageId}"]`);
const saved = (page: Page) => expect(page.locator('[data-page-save="saved"]')).toBeVisible({ timeout: 20_000 });
const exif = (file: string, tag: string) => execFileSync('exiftool', ['-s3', '-charset', 'utf8', tag, file], { encoding: 'utf8' }).trim();

async function showPage(page: Page, pageId: string) {
  await page.locator(`.sidebar [data-page-id="${pageId}"]`).first().click();
  await expect(sheet(page, pageId)).toBeVisible({ timeout: 20_000 });
}

/** Types Chinese the way a pinyin IME does: compositions, then the committed text. */
async function imeType(page: Page, steps: string[], commit: string) {
  const cdp = await page.context().newCDPSession(page);
  for (const s of steps) await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
  await cdp.send('Input.insertText', { text: commit });
  await cdp.detach();
}

/** The bigger of a page's story frames (by its drawn area). */
async function biggest(frames: Locator): Promise<Locator> {
  const n = await frames.count();
  let best = 0, area = -1;
  for (let i = 0; i < n; i++) {
    const b = (await frames.nth(i).boundingBox())!;
    if (b.width * b.height > area) { area = b.width * b.height; best = i; }
  }
  return frames.nth(best);
}

async function openExport(page: Page) {
  await page.getByRole('button', { name: '导出…' }).click();
  const dialog = page.getByRole('dialog', { name: '导出' });
  await dialog.getByRole('radio', { name: '全部版面' }).check();
  await expect(dialog.locator('[data-preflight]')).not.toHaveAttribute('data-preflight', 'running', { timeout: 90_000 });
  return dialog;
}

test('a day on the desk: an edition of our own from an empty workspace to PDF and handoff zip', async ({ page }) => {
  test.skip(!SHARED_FIXTURES, SHARED_FIXTURES_SKIP);
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  // 1. The start screen of an empty workspace; a 对开 edition of two template pages.
  await page.goto(host.url);
  const start = page.getByRole('region', { name: '特刊列表' });
  await expect(start).toContainText('工作区中还没有特刊');
  await start.getByRole('button', { name: '新建特刊' }).click();
  const create = page.getByRole('dialog', { name: '新建特刊' });
  await create.getByLabel('标题').fill(TITLE);
  await create.getByLabel('出版日期').fill('2027-03-05');
  await create.getByLabel('版面尺寸').selectOption({ label: '对开 390×545' });
  await create.getByLabel('版数').fill('2');
  await create.getByLabel('第 1 版模板').selectOption('front');
  await create.getByLabel('第 2 版模板').selectOption('feature');
  await create.getByRole('button', { name: '创建' }).click();
  await expect(create).toBeHidden();
  await expect(page.locator('.compose-paper .sheet').first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '特刊列表' }).click();
  const row = page.locator(`tr[data-edition-ref="${REF}"]`);
  await expect(row).toContainText('2027-03-05');
  await expect(row).toContainText('2 版');
  await page.screenshot({ path: join(SHOTS, 'day-1-start.png') });
  // It is the open edition (关闭, not 打开): the desks' tabs lead back into it.
  await expect(row.getByRole('button', { name: `关闭《${TITLE}》` })).toBeVisible();

  // 2. A card of camera files, broken ones among them: the batch goes on.
  const card = mkdtempSync(join(tmpdir(), 'ed-day-'));
  cpSync(join(SHARED_FIXTURES!, 'photos'), join(card, 'DCIM'), { recursive: true });
  await page.getByRole('tab', { name: '图片' }).click();
  await page.locator('input[name="import-folder"]').setInputFiles(join(card, 'DCIM'));
  const bar = page.locator('.ingest-bar');
  await expect(bar).toHaveAttribute('data-ingest-state', 'done', { timeout: 180_000 });
  expect(await bar.locator('.ingest-failures li').count()).toBeGreaterThan(0);
  await bar.getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('.contact-sheet .cell').nth(10)).toBeVisible();

  // 3. Three captions, Chinese through the IME, English typed; each commits on leaving the photo.
  const panel = page.locator('form.caption-panel');
  for (const c of CAPTIONS) {
    await page.locator('input[name="filter-text"]').fill(c.file);
    const cell = page.locator('.contact-sheet .cell', { has: page.locator('.cell-name', { hasText: c.file }) });
    await cell.click();
    await expect(panel.locator('.panel-title')).toHaveText(c.file);
    const zh = panel.locator('textarea[name="caption-zh"]');
    await zh.click();
    await zh.press('Control+a');
    await zh.press('Delete');
    await imeType(page, c.pinyin, c.zh);
    await expect(zh).toHaveValue(c.zh);
    const en = panel.locator('textarea[name="caption-en"]');
    await en.click();
    await page.keyboard.type(c.en);
    await page.keyboard.press('Control+Enter');
    await expect(cell.locator('.cell-caption')).toHaveText(c.zh, { timeout: 20_000 });
  }
  await page.locator('input[name="filter-text"]').fill('');
  await expect(panel).toHaveAttribute('data-save-state', 'saved', { timeout: 20_000 });

  // 4. Both .docx on the stories desk.
  await page.getByRole('tab', { name: '稿件' }).click();
  const items = page.locator('.story-list li');
  await page.locator('input[name="import-copy"]').setInputFiles(join(SHARED_FIXTURES!, 'docx', '2025-qinyuan-lianghui.docx'));
  await expect(items).toHaveCount(1, { timeout: 30_000 });
  await page.locator('input[name="import-copy"]').setInputFiles(join(SHARED_FIXTURES!, 'docx', '2026-qinyuan-lianghui.docx'));
  await expect(items).toHaveCount(2, { timeout: 30_000 });
  await expect(page.locator('.story-list button.active')).toContainText(STORY_2026);
  const storyId = (await page.locator('.story-list button.active').getAttribute('data-story-id'))!;

  // 5. The 2026 story dropped on page 1's big frame; the headline comes from the story.
  await page.getByRole('tab', { name: '版面' }).click();
  await showPage(page, 'page-1');
  const p1 = sheet(page, 'page-1');
  const f1 = await biggest(p1.locator('[data-block-kind="story"]'));
  await page.getByRole('tab', { name: '文稿' }).click();
  await page.locator(`[data-panel-story="${storyId}"]`).dragTo(f1, { targetPosition: { x: 60, y: 60 } });
  await expect(f1.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '1/1', { timeout: 20_000 });
  await expect(p1.locator('[data-block-kind="headline"]')).toHaveAttribute('data-from-story', storyId);
  await expect(p1.locator('[data-block-kind="headline"]')).toContainText('谋好篇');
  await saved(page);

  // 6. Threaded on to page 2 by the out-ports: page 1 → page 2 top → page 2 bottom.
  await f1.click({ position: { x: 60, y: 60 } });
  await page.getByRole('button', { name: '续排出口（1/1）' }).click();
  await expect(page.getByRole('status').filter({ hasText: '请点击下一个文框以续排' })).toBeVisible();
  await showPage(page, 'page-2');
  const p2 = sheet(page, 'page-2');
  const [top, low] = [p2.locator('[data-block-kind="story"]').nth(0), p2.locator('[data-block-kind="story"]').nth(1)];
  await top.click({ position: { x: 60, y: 60 } });
  await expect(top.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '2/2', { timeout: 20_000 });
  await page.getByRole('button', { name: '续排出口（2/2）' }).click();
  await low.click({ position: { x: 60, y: 60 } });
  await expect(low.locator('[data-thread-place]')).toHaveAttribute('data-thread-place', '3/3', { timeout: 20_000 });
  await expect(low.locator('[data-copyfit]')).not.toHaveAttribute('data-copyfit', 'over', { timeout: 20_000 });
  await saved(page);
  // On disk each frame has its explicit place in the thread: page 1 first, then page 2 top, bottom.
  const place = (pageId: string) => storedBlocks(pageId).filter((b) => b.kind === 'story' && b.storyId === storyId).map((b) => b.threadPos);
  await expect.poll(() => [...place('page-1'), ...place('page-2')], { timeout: 20_000 }).toEqual([0, 1, 2]);

  // 7. Three library photos from the 照片 tab onto the three photo frames.
  await page.getByRole('tab', { name: '照片' }).click();
  const strip = page.getByRole('listbox', { name: '图库照片' });
  const targets: Array<[string, number]> = [['page-1', 0], ['page-2', 0], ['page-2', 1]];
  for (const [i, c] of CAPTIONS.entries()) {
    const [pageId, nth] = targets[i]!;
    await showPage(page, pageId);
    // The side panel stays on 照片 from page to page.
    await expect(page.getByRole('tab', { name: '照片' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('searchbox', { name: '搜索图库' }).first().fill(c.zh.slice(0, 6));
    await expect(strip.getByRole('option')).toHaveCount(1);
    const frame = sheet(page, pageId).locator('[data-block-kind="photo"]').nth(nth);
    await strip.getByRole('option').dragTo(frame);
    await expect(frame.locator('figcaption')).toHaveText(c.zh, { timeout: 20_000 });
    await saved(page);
  }
  await page.screenshot({ path: join(SHOTS, 'day-2-composer.png') });
  // 上接 is said once, by the jump line over the copy; no badge covers the frame (issue 17).
  await expect(top.locator('.copyfit-from')).toHaveCount(0);
  await expect(top.locator('[data-jump="from"]')).toHaveCount(1);

  // 8. Preflight: the errors are page 2's template headline and deck. The designer writes
  // a headline for the continuation and deletes the deck; then nothing is an error.
  let dialog = await openExport(page);
  const errorsListed = await dialog.locator('li[data-severity="error"]').allTextContents();
  expect(errorsListed).toEqual(['错误 第 2 版：标题仍是模板占位文字「主标题」。', '错误 第 2 版：副题仍是模板占位文字「副题」。']);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await showPage(page, 'page-2');
  await p2.locator('[data-block-kind="headline"]').click();
  const text = page.locator('textarea[name="text"]');
  await text.fill('“八个领域”向“实”聚焦');
  await text.blur();
  await expect(p2.locator('.pb-headline')).toHaveText('“八个领域”向“实”聚焦');
  await p2.locator('[data-block-kind="deck"]').click();
  await page.keyboard.press('Delete');
  await expect(p2.locator('[data-block-kind="deck"]')).toHaveCount(0);
  await saved(page);
  await page.getByRole('tab', { name: '文稿' }).click();
  // Page 2's first frame goes on from page 1 (the copy page 1 could not hold).
  await expect(top.locator('[data-jump="from"]')).toHaveText('（上接第1版）');
  await expect.poll(async () => ((await top.locator('.story-box').textContent()) ?? '').length, { timeout: 20_000 }).toBeGreaterThan(20);
  await page.screenshot({ path: join(SHOTS, 'day-2-composer.png') });
  dialog = await openExport(page);
  await expect(dialog.locator('.pf-summary')).toHaveAttribute('data-errors', '0');
  await expect(dialog.locator('li[data-severity="error"]')).toHaveCount(0);

  // 9. PDF and handoff zip from the dialog.
  await dialog.locator('input[name="package"]').check();
  await page.screenshot({ path: join(SHOTS, 'day-3-export.png') });
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  await expect(dialog.locator('[data-export-kind="zip"] a')).toBeVisible({ timeout: 180_000 });
  await expect(dialog.locator('[data-export-kind="pdf"] a')).toHaveText('20270305-第01-02版.pdf');
  const folder = join(host.dataDir, 'workspace', (await dialog.locator('.export-result').getAttribute('data-export-folder'))!);
  const files = readdirSync(folder);
  const pdf = join(folder, files.find((f) => f.endsWith('.pdf'))!);
  const zip = join(folder, files.find((f) => f.endsWith('.zip'))!);

  // Referees. pdfinfo: the edition's title.
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toMatch(/^Pages:\s+2$/m);
  expect(info).toMatch(new RegExp(`^Title:\\s+${TITLE} 第1–2版$`, 'm'));
  // pdftotext: every character of the 2026 seed in order (the thread carries all the copy), no template text.
  const pdfText = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  const flat = pdfText.replace(/\s/g, '');
  // The story's kicker, headline and deck are set in the page's own blocks above the
  // frames (来自稿件), so the body is the seed without those three lines; they are checked apart.
  const md = readFileSync(join(SHARED_FIXTURES!, 'seeds', '2026-qinyuan-lianghui.md'), 'utf8');
  const parts = ['# 聚焦', `## ${STORY_2026}`, md.split('\n').find((l) => l.startsWith('执笔'))!];
  const body = seedText(md.split('\n').filter((l) => !parts.includes(l.trim())).join('\n'));
  expect(body.length).toBeGreaterThan(3000);
  expect(firstMissingInOrder(body, flat)).toBeNull();
  for (const part of parts) expect(flat).toContain(seedText(part));
  expect(flat.indexOf(seedText(parts[1]!))).toBeLessThan(flat.indexOf(body.slice(0, 30)));
  for (const placeholder of ['主标题', '副题', 'Deck in English', '导语或副题', 'Headline']) expect(pdfText).not.toContain(placeholder);
  // pdfimages: the three placed photos, each at its full pixel size.
  const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/));
  const sizes = CAPTIONS.map((c) => execFileSync('exiftool', ['-s3', '-ImageSize', join(SHARED_FIXTURES!, 'photos', c.file)], { encoding: 'utf8' }).trim().replace('x', ' '));
  for (const size of sizes) expect(images.some((cols) => `${cols[3]} ${cols[4]}` === size), `${size} in\n${images.map((c) => c.join(' ')).join('\n')}`).toBe(true);
  // exiftool: the zip's photos carry the captions typed on the photo desk, both languages.
  const out = mkdtempSync(join(tmpdir(), 'ed-day-zip-'));
  execFileSync('unzip', ['-q', zip, '-d', out]);
  for (const c of CAPTIONS) {
    const photo = join(out, 'photos', c.file);
    expect(exif(photo, '-XMP-dc:Description')).toBe(c.zh);
    expect(exif(photo, '-XMP-dc:Description-en')).toBe(c.en);
  }
  // Page 1 as a picture, for the README.
  execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(SHOTS, 'day-4-page1')]);
  expect(errors).toEqual([]);
});
