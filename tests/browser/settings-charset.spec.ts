import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, startHost, type RunningHost } from '../support/host';

// Settings → the encoding of old IPTC text (issue 14), as a desk meets it: Photo Mechanic's
// Mac Roman caption and a Chinese Windows GBK caption, both without 1:90, read in the desk's
// charset; changing it in 设置 re-reads them at once (the open caption panel too), is kept
// across a reload, and writes nothing back into the files. exiftool referees the files.

const CORPUS = join(REPO, 'tests', 'corpus', 'photos');

function exif(file: string, ...tags: string[]): Record<string, unknown> {
  return JSON.parse(execFileSync('exiftool', ['-j', '-G1', ...tags, file], { encoding: 'utf8' }))[0];
}

/** exiftool's IPTC.jpg with a GBK caption and no 1:90, as Chinese Windows software leaves it. */
function gbkFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'edition-desk-gbk-'));
  const file = join(dir, 'gbk-caption.jpg');
  copyFileSync(join(CORPUS, 'exiftool-IPTC.jpg'), file);
  writeFileSync(join(dir, 'caption.bin'), Buffer.from('c7dfd4b4cfd8cdf5ccd5d5f2b5b3b2ced3fdc3e7bbf9b5d8', 'hex'));
  execFileSync('exiftool', ['-q', '-overwrite_original', '-IPTC:CodedCharacterSet=', '-charset', 'iptc=UTF8', `-IPTC:Caption-Abstract<=${join(dir, 'caption.bin')}`, file]);
  return file;
}

const cell = (page: Page, name: string) => page.locator('.contact-sheet .cell', { has: page.locator('.cell-name', { hasText: name }) });
const captionEn = (page: Page) => page.locator('form.caption-panel textarea[name="caption-en"]');

test.describe('settings: legacy IPTC charset', () => {
  let host: RunningHost;
  test.beforeAll(async () => { host = await startHost(undefined, REPO, { noSample: true }); });
  test.afterAll(async () => { await host?.stop(); });

  test('Mac Roman and GBK captions follow the setting at once, in both UI languages, and the files are not touched', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(host.url);
    await page.getByRole('tab', { name: '图片' }).click();
    await page.locator('input[name="import-files"]').setInputFiles([join(CORPUS, 'metapm.jpg'), gbkFile()]);
    await expect(page.locator('.ingest-bar')).toHaveAttribute('data-ingest-state', 'done', { timeout: 60_000 });
    await page.locator('.ingest-bar').getByRole('button', { name: '关闭' }).click();

    // Chinese UI, charset auto = GB 18030: the GBK caption is Chinese; Mac Roman é reads Ž, as exiftool shows it.
    await expect(cell(page, 'gbk-caption.jpg').locator('.cell-caption')).toHaveText('沁源县王陶镇党参育苗基地');
    await cell(page, 'metapm.jpg').click();
    await expect(captionEn(page)).toHaveValue('JosŽ Mourinho');

    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByRole('dialog', { name: '设置' });
    const select = dialog.getByLabel('旧 IPTC 文字的编码');
    await expect(select).toHaveValue('auto');
    await select.selectOption('macintosh');
    await expect(dialog.getByRole('status')).toContainText('已保存', { timeout: 30_000 });
    await expect(dialog.getByRole('status')).toContainText('2 张照片');
    await page.screenshot({ path: join(REPO, 'docs/screenshots/settings-iptc-charset.png') });
    await dialog.getByRole('button', { name: '关闭' }).click();
    // The open panel and the sheet take the new reading without a reload.
    await expect(captionEn(page)).toHaveValue('José Mourinho');
    await expect(page.locator('form.caption-panel')).toHaveAttribute('data-save-state', 'saved');
    await expect(cell(page, 'gbk-caption.jpg').locator('.cell-caption')).not.toHaveText('沁源县王陶镇党参育苗基地');

    // Stored: after a reload, in English, the dialog shows the choice; back to GB 18030.
    await page.reload();
    await page.getByRole('button', { name: '切换界面语言' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    const en = page.getByRole('dialog', { name: 'Settings' });
    await expect(en.getByLabel('Encoding of old IPTC text')).toHaveValue('macintosh');
    await en.getByLabel('Encoding of old IPTC text').selectOption('gb18030');
    await expect(en.getByRole('status')).toContainText('Saved', { timeout: 30_000 });
    await en.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: 'Photos' }).click();
    await expect(cell(page, 'gbk-caption.jpg').locator('.cell-caption')).toHaveText('沁源县王陶镇党参育苗基地');

    // Reading is all it did: the library copies still have no 1:90 and their old bytes.
    const list = await page.evaluate(async () => {
      const r = await fetch('/api/library:list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-edition-desk': '1', 'x-edition-desk-token': sessionStorage.getItem('edition-desk-token') ?? '' }, body: '{}' });
      return (await r.json()).value as { fileName: string; file: string }[];
    });
    for (const p of list) expect(exif(join(host.dataDir, 'workspace', p.file), '-IPTC:CodedCharacterSet')['IPTC:CodedCharacterSet']).toBeUndefined();
  });
});
