import { test, expect } from '../support/desk-test';
import { startHost, type RunningHost } from '../support/host';

// Issue 12, solo desk: with no server set up the desk is exactly today's, and the newsroom
// controls are there with their names in both UI languages. A bad server address is
// answered in the user's language, not with an English stack.
test.describe.configure({ mode: 'serial' });
let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host?.stop(); });

test('a solo desk says 单机, its story editor is local, and the server dialog has its named fields', async ({ page }) => {
  await page.goto(host.url);
  const badge = page.getByRole('button', { name: /^协作状态：单机/ });
  await expect(badge).toBeVisible({ timeout: 20_000 });
  await expect(badge).toHaveAttribute('data-collab-state', 'solo');
  await badge.click();
  await expect(page.getByRole('dialog', { name: '谁在哪里' })).toContainText('这份特刊没有共享');

  await page.getByRole('tab', { name: '稿件' }).click();
  await page.locator('[data-story-id]').first().click();
  await expect(page.locator('.story-editor[data-lang="zh"]')).toHaveAttribute('data-collab', 'solo', { timeout: 20_000 });

  await page.getByRole('button', { name: '编辑部服务器', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: '编辑部服务器' });
  await expect(dialog.getByLabel('服务器地址')).toBeVisible();
  await expect(dialog.getByLabel('用户名')).toBeVisible();
  await expect(dialog.getByLabel('密码')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '连接' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: '退出服务器' })).toHaveCount(0);
  await dialog.getByRole('button', { name: '关闭' }).click();

  // The start screen lists the server's editions once connected.
  await page.getByRole('button', { name: '特刊列表' }).click();
  await expect(page.getByRole('region', { name: '服务器上的特刊' })).toContainText('连接编辑部服务器后');
  await expect(page.getByRole('button', { name: /发布到服务器/ })).toHaveCount(0);

  // English UI: the same controls by their English names.
  await page.getByRole('button', { name: '切换界面语言' }).click();
  await expect(page.getByRole('button', { name: /^Newsroom connection: Solo/ })).toBeVisible();
  await page.getByRole('button', { name: 'Newsroom server', exact: true }).first().click();
  const en = page.getByRole('dialog', { name: 'Newsroom server' });
  await expect(en.getByLabel('Server address')).toBeVisible();
  await expect(en.getByLabel('Password')).toBeVisible();
  await en.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Switch UI language' }).click();
});
