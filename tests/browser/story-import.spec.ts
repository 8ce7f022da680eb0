import { test, expect } from '../support/desk-test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../support/host';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';

// Writers hand in Word files: both LibreOffice-made fixtures import through the UI with
// every character of the seed text, in order; a story goes back out as .docx and Markdown.
// One host for the file; the imports change its story list, so the tests run in order.
test.describe.configure({ mode: 'serial' });
let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

const plain = (md: string) => md.replace(/<\/?su[bp]>/g, '').replace(/^#+\s*/gm, '').replace(/\*\*/g, '').replace(/\s+/g, '');

for (const name of ['2026-qinyuan-lianghui', '2025-qinyuan-lianghui']) {
  test(`imports ${name}.docx with every character of the seed`, async ({ page }) => {
    test.skip(!SHARED_FIXTURES, SHARED_FIXTURES_SKIP);
    await page.goto(host.url);
    await page.getByRole('tab', { name: '稿件' }).click();
    await expect(page.locator('[data-story-id="story-2026"]')).toBeVisible();
    const before = await page.locator('.story-list li').count();
    await page.locator('input[name="import-copy"]').setInputFiles(join(SHARED_FIXTURES!, 'docx', `${name}.docx`));
    await expect(page.locator('.story-list li')).toHaveCount(before + 1);
    const editor = page.locator('.story-editor[data-lang="zh"] .editor-content');
    await expect(editor).toBeVisible();
    // Blocks as the editor shows them (credits and figures included), whitespace aside.
    const shown = (await editor.evaluate((el) => [...el.children].map((c) => {
      const rows = [...c.querySelectorAll('.credit-row')];
      if (rows.length > 0) return rows.map((r) => [...r.querySelectorAll('input')].map((i) => (i as HTMLInputElement).value).join('')).join('');
      return c.textContent ?? '';
    }).join(''))).replace(/\s+/g, '').replace(/\//g, '');
    const seed = plain(readFileSync(join(SHARED_FIXTURES!, 'seeds', `${name}.md`), 'utf8')).replace(/\//g, '');
    expect(shown).toBe(seed);
    if (name.startsWith('2026')) await expect(editor.locator('sub')).toHaveText('2.5');
  });
}

test('a story goes out as .docx and Markdown', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: '稿件' }).click();
  await page.locator('[data-story-id="story-2026"]').click();
  await expect(page.locator('.story-editor .editor-content')).toContainText('站在崭新的历史节点');
  const [docx] = await Promise.all([page.waitForEvent('download'), page.locator('button[name="export-docx"]').click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const bytes = readFileSync((await docx.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const [md] = await Promise.all([page.waitForEvent('download'), page.locator('button[name="export-md"]').click()]);
  const text = readFileSync((await md.path())!, 'utf8');
  expect(text).toContain('推动转型升级 在锻造硬核竞争力上重实干、开新局');
  expect(text).toContain('**传统产业守正延伸。**');
});
