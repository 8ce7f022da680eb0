import { test, expect } from '../support/desk-test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, startHost, type RunningHost } from '../support/host';

// The press PDF in the export dialog (付印 PDF, issue 13) as a designer uses it: tick it,
// see the profile in use, be refused an RGB profile, look at the separations of the page
// with its maximum ink, export the press PDF and get a PDF back.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host.stop(); });

test.use({ viewport: { width: 1280, height: 1400 } });

test('付印 PDF: profile, separations preview with the maximum ink, press PDF written', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(host.url);
  await page.getByRole('tab', { name: '版面' }).click();
  await expect(page.locator('.sheet[data-page-id="page-2026"] [data-fit]')).toHaveCount(1);
  // The text-only 2025 page: its press PDF takes seconds, not the photo page's half minute.
  await page.locator('[data-page-id="page-2025"]').first().click();
  await expect(page.locator('.compose-paper .sheet[data-page-id="page-2025"]')).toBeVisible();
  await page.getByRole('button', { name: '导出…' }).click();
  const dialog = page.getByRole('dialog', { name: '导出' });
  await dialog.getByRole('checkbox', { name: '付印 PDF' }).check();
  await expect(dialog.locator('[data-press-profile="default"]')).toContainText('TAC 240%（默认）');
  await expect(dialog.getByRole('combobox', { name: 'PDF/X 标准' })).toHaveValue('4');
  await expect(dialog.getByRole('spinbutton', { name: '油墨总量上限 %' })).toHaveValue('240');

  // An RGB monitor profile is refused, and the default stays.
  await dialog.getByLabel('选择印厂 ICC 文件…').setInputFiles({ name: 'sRGB.icc', mimeType: 'application/vnd.iccprofile', buffer: readFileSync('/usr/share/color/icc/sRGB.icc') });
  await expect(page.getByText(/不是 CMYK 输出（印刷）特性文件/).first()).toBeVisible({ timeout: 30_000 });
  await expect(dialog.locator('[data-press-profile="default"]')).toBeVisible();

  await dialog.getByRole('button', { name: '分色预览' }).click();
  const region = dialog.getByRole('region', { name: '本版分色' });
  await expect(region).toBeVisible({ timeout: 240_000 });
  for (const ink of ['青 C', '品红 M', '黄 Y', '黑 K']) await expect(region.getByRole('img', { name: ink })).toBeVisible();
  await expect(region).toContainText(/最大油墨总量 \d+%（上限 240%）/);
  const max = Number(await region.getAttribute('data-max-coverage'));
  expect(max).toBeGreaterThan(150);
  expect(max).toBeLessThanOrEqual(243);
  await dialog.locator('fieldset.press-section').screenshot({ path: join(REPO, 'test-results/browser/press-separations.png') });

  await dialog.getByRole('checkbox', { name: '印刷 PDF' }).uncheck();
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  const link = dialog.locator('[data-export-kind="press"] a');
  await expect(link).toBeVisible({ timeout: 240_000 });
  await expect(link).toHaveText(/-付印\.pdf$/);
  const href = await link.getAttribute('href');
  const head = await page.evaluate(async (u) => new Uint8Array(await (await fetch(u!)).arrayBuffer()).slice(0, 5), href);
  expect(String.fromCharCode(...Object.values(head))).toBe('%PDF-');
});
