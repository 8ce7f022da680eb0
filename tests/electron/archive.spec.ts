import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIN, REPO, childEnv, electronOrSkip } from './electron-binary';

// Archive search in the Electron window (issue 16): the catalogue runs in a utility process
// on node:sqlite (electron/main/archive-process.ts). Where no Electron binary exists (this
// machine: offline install) it says so and skips; the same entry and messages are tested
// under a real Node 22 in tests/unit/archive-rpc.test.ts.

test('Ctrl+K finds the sample photo through the catalogue utility process', async () => {
  const executablePath = electronOrSkip();
  if (executablePath === null) return;
  const home = mkdtempSync(join(tmpdir(), 'edition-desk-electron-archive-'));
  const app = await electron.launch({ executablePath, args: [MAIN], cwd: REPO, env: childEnv(home) });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('button', { name: '检索资料库' })).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: '资料库检索' });
    await dialog.getByRole('searchbox', { name: '检索词' }).fill('党参 育苗');
    const photos = dialog.getByRole('region', { name: '检索结果' }).getByRole('region', { name: '图片' });
    // Built in the background on the first start: wait for the result, not a time.
    await expect(photos.locator('.archive-hit')).toHaveCount(1, { timeout: 60_000 });
    await expect(photos.locator('mark').first()).toHaveText(/党参|育苗/);
    // It was the utility process that answered: main has no catalogue of its own.
    const utility = await app.evaluate(({ app: a }) => a.getAppMetrics().filter((m) => m.type === 'Utility').map((m) => m.serviceName ?? m.name ?? ''));
    expect(utility).toContain('Edition Desk catalogue');
    await expect(dialog.getByText('不可用')).toHaveCount(0);
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
