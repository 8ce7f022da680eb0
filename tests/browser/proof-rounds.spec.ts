import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { join } from 'node:path';
import { REPO, startHost, type RunningHost } from '../support/host';

// 签样 from the composer as a layout designer works a page through its rounds: 一校
// exported with the 样 watermark and who exported, a paragraph corrected, 二校 (the dialog
// offers the next round by itself), then the two rounds compared: the one change listed,
// the later proof shown with its region outlined, each round's PDF reopenable.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host.stop(); });

const ED = 'qinyuan-lianghui.edition';

async function api(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(async ([ch, body]) => {
    const r = await fetch(`/api/${ch}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-edition-desk': '1', 'x-edition-desk-token': sessionStorage.getItem('edition-desk-token') ?? '' }, body: JSON.stringify(body) });
    const j = await r.json();
    if (!j.ok) throw new Error(JSON.stringify(j.error));
    return j.value;
  }, [channel, input] as const);
}

test('proof rounds: 一校, a corrected paragraph, 二校, the comparison shows that change alone', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await page.getByRole('tab', { name: '版面' }).click();
  await expect(page.locator('.sheet[data-page-id="page-2026"] [data-fit]')).toHaveCount(1);

  await page.getByRole('button', { name: '签样…' }).click();
  const dialog = page.getByRole('dialog', { name: '签样' });
  await expect(dialog.getByText('还没有签样。')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: '校次' })).toHaveValue('1');
  await dialog.getByRole('textbox', { name: '导出人' }).fill('李强');
  await expect(dialog.getByRole('checkbox', { name: '加“样”字水印' })).toBeChecked();
  await dialog.getByRole('button', { name: '导出签样', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^已导出一校：r01-\d{8}-\d{6}$/, { timeout: 90_000 });
  await expect(dialog.locator('[data-proof-round]')).toHaveCount(1);
  await expect(dialog.locator('[data-proof-round="1"]')).toContainText('一校');
  await expect(dialog.locator('[data-proof-round="1"]')).toContainText('李强');

  // The editor corrects one phrase of the 2026 story (the same width, so the lines stay).
  await api(page, 'story:get', { edition: ED, storyId: 'story-2026' }).then(async (s) => {
    const story = s as { zh: { root: { children: Array<{ children?: Array<{ text?: string }> }> } } };
    const node = story.zh.root.children.flatMap((n) => n.children ?? []).find((t) => t.text?.includes('培育建设2个绿色工厂'))!;
    node.text = node.text!.replace('培育建设2个绿色工厂', '培育打造2个绿色工厂');
    await api(page, 'story:put', { edition: ED, story });
  });

  await expect(dialog.getByRole('combobox', { name: '校次' })).toHaveValue('2');
  await dialog.getByRole('button', { name: '导出签样', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^已导出二校：r02-/, { timeout: 90_000 });
  await expect(dialog.locator('[data-proof-round]')).toHaveCount(2);

  // Each round's PDF opens again from the list.
  const href = await dialog.getByRole('link', { name: '打开 一校 第1版' }).getAttribute('href');
  const head = await page.evaluate(async (u) => Array.from(new Uint8Array(await (await fetch(u!)).arrayBuffer()).slice(0, 5)), href);
  expect(String.fromCharCode(...head)).toBe('%PDF-');

  const compare = dialog.getByRole('region', { name: '比较两轮签样' });
  await expect(compare.getByRole('combobox', { name: '前一轮' })).toHaveValue(/^r01-/);
  await expect(compare.getByRole('combobox', { name: '后一轮' })).toHaveValue(/^r02-/);
  await compare.getByRole('button', { name: '比较本版' }).click();
  const diff = compare.locator('.proof-diff');
  await expect(diff).toHaveAttribute('data-changes', '1', { timeout: 60_000 });
  await expect(diff).toHaveAttribute('data-regions', '1');
  await expect(diff.locator('li[data-kind="replace"] del')).toHaveText('建设');
  await expect(diff.locator('li[data-kind="replace"] ins')).toHaveText('打造');
  const img = compare.getByRole('img', { name: '后一轮签样，改动处以红框标出' });
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(500);
  await diff.locator('li[data-kind="replace"]').scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: join(REPO, 'test-results/browser/proof-dialog.png') });
});
