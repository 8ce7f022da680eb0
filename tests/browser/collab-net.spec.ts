import { request as pwRequest, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { readFileSync } from 'node:fs';
import { startHost, type RunningHost } from '../support/host';
import { addUser, serverDataDir, startServer, type ServerProc } from '../support/desk-server-proc';
import { paragraph, rootState, textNode } from '../../shared/document/lexical-state';
import { figure } from '../../shared/story/node-types';

// Issue 12 follow-ups through the UI of desk B, with desk A driven through its host's API:
// a figure desk A placed from its own library shows on desk B (whose library never had the
// photo) from the edition's copy, fetched by sha256 from the server; then the server is
// replaced by one with another certificate: B's badge and dialog say 证书指纹不符, and
// 忘记此服务器 drops the pin so the next connection shows the new fingerprint to compare.
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const PASSWORD = 'newsroom-pass-1';
let server: ServerProc;
let deskA: RunningHost;
let deskB: RunningHost;
let api: APIRequestContext;
let b: Page;

test.beforeAll(async ({ browser }) => {
  const data = serverDataDir();
  addUser(data, 'wangfang', 'chief', PASSWORD);
  addUser(data, 'liqiang', 'editor', PASSWORD);
  server = await startServer(data);
  deskA = await startHost(undefined, undefined, { noSample: true });
  deskB = await startHost(undefined, undefined, { noSample: true });
  api = await pwRequest.newContext();
  b = await openDesk(browser, deskB);
});
test.afterAll(async () => {
  await api?.dispose();
  await deskA?.stop();
  await deskB?.stop();
  await server?.stop();
});

async function openDesk(browser: Browser, host: RunningHost): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: /^协作状态：单机/ })).toBeVisible({ timeout: 30_000 });
  return page;
}

/** A contract call on desk A's host, as its renderer makes it (JSON, or the bytes raw). */
async function callA<T>(channel: string, input: Record<string, unknown>, bytes?: Buffer): Promise<T> {
  const token = new URL(deskA.url).searchParams.get('token')!;
  const headers: Record<string, string> = { 'x-edition-desk': '1', 'x-edition-desk-token': token };
  const r = bytes
    ? await api.post(`${deskA.origin}/api/${channel}`, { headers: { ...headers, 'content-type': 'application/octet-stream', 'x-edition-desk-input': encodeURIComponent(JSON.stringify(input)) }, data: bytes, timeout: 60_000 })
    : await api.post(`${deskA.origin}/api/${channel}`, { headers: { ...headers, 'content-type': 'application/json' }, data: JSON.stringify(input), timeout: 60_000 });
  const j = await r.json() as { ok: boolean; value?: T; error?: unknown };
  if (!j.ok) throw new Error(`${channel}: ${JSON.stringify(j.error)}`);
  return j.value as T;
}

async function connectB(expectFingerprint: string) {
  await b.getByRole('button', { name: '编辑部服务器', exact: true }).first().click();
  const dialog = b.getByRole('dialog', { name: '编辑部服务器' });
  await dialog.getByLabel('服务器地址').fill(server.url);
  await dialog.getByLabel('用户名').fill('liqiang');
  await dialog.getByLabel('密码').fill(PASSWORD);
  await dialog.getByRole('button', { name: '连接' }).click();
  const trust = b.getByRole('dialog', { name: '核对服务器证书' });
  await expect(trust.locator('[data-fingerprint]')).toHaveAttribute('data-fingerprint', expectFingerprint, { timeout: 20_000 });
  await trust.getByRole('button', { name: '信任并连接' }).click();
  await expect(b.getByRole('button', { name: '协作状态：在线 · liqiang（文字编辑）' })).toBeVisible({ timeout: 20_000 });
}

test('a figure placed on desk A from its own library shows on desk B from the edition’s copy', async () => {
  const a = await callA<{ state: string }>('collab:connect', { url: server.url, name: 'wangfang', password: PASSWORD, trust: server.fingerprint });
  expect(a.state).toBe('connected');
  const { ref } = await callA<{ ref: string }>('edition:create', { title: '图说两会', issueDate: '2027-03-05', size: 'a4', pages: ['feature'] });
  const ing = await callA<{ photo: { id: string } }>('library:ingest', { name: 'Canon_40D.jpg', sourcePath: 'Canon_40D.jpg' }, readFileSync('/work/shared/fixtures/photos/Canon_40D.jpg'));
  const libraryId = ing.photo.id;
  // What the editor's 插图 does: the photo into the edition, the figure into the story.
  await callA('edition:place-photo', { edition: ref, libraryId });
  const { storyId } = await callA<{ storyId: string }>('story:create', { edition: ref, title: '会场内外' });
  const state = rootState([paragraph([textNode('代表们步入会场。')]), figure(libraryId, { zh: '代表步入会场', en: 'Delegates enter the hall' }, '王芳 摄') as never]);
  await callA('story:save-version', { edition: ref, storyId, lang: 'zh', state });
  const { remoteId } = await callA<{ remoteId: string }>('collab:publish', { edition: ref });
  expect(remoteId).toBeTruthy();

  await connectB(server.fingerprint);
  await b.getByRole('button', { name: '特刊列表' }).click();
  const remote = b.getByRole('region', { name: '服务器上的特刊' });
  await remote.getByRole('button', { name: '打开服务器特刊《图说两会》' }).click();
  await expect(b.getByRole('region', { name: '特刊列表' })).toBeHidden({ timeout: 30_000 });
  await b.getByRole('tab', { name: '稿件' }).click();
  await b.locator(`[data-story-id="${storyId}"]`).click();
  const fig = b.locator(`.story-editor[data-editor-story="${storyId}"] figure.figure-view[data-photo-id="${libraryId}"]`);
  await expect(fig).toHaveAttribute('data-photo-source', 'edition', { timeout: 30_000 });
  const img = fig.locator('img');
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(fig.locator('.missing')).toHaveCount(0);
  await fig.screenshot({ path: test.info().outputPath('figure-from-desk-a.png') });
});

test('another certificate on the same address: the badge and dialog say 证书指纹不符; 忘记此服务器 asks for the new fingerprint', async () => {
  await server.stop();
  // The centre's server set up anew: another certificate, the same accounts.
  const renewedData = serverDataDir();
  addUser(renewedData, 'liqiang', 'editor', PASSWORD);
  const impostor = await startServer(renewedData, server.port);
  try {
    const badge = b.locator('[data-collab-state]');
    await expect(badge).toHaveAttribute('data-collab-problem', 'CERT_MISMATCH', { timeout: 30_000 });
    await expect(b.getByRole('button', { name: /^协作状态：证书指纹不符/ })).toBeVisible();
    await b.locator('.collab-status').screenshot({ path: test.info().outputPath('badge-cert-mismatch.png') });
    await b.getByRole('button', { name: '编辑部服务器', exact: true }).first().click();
    const dialog = b.getByRole('dialog', { name: '编辑部服务器' });
    await expect(dialog.locator('.server-status-problem')).toContainText('证书指纹不符');
    await dialog.screenshot({ path: test.info().outputPath('server-dialog-cert-mismatch.png') });
    await dialog.getByRole('button', { name: '忘记此服务器' }).click();
    const confirm = b.getByRole('dialog', { name: '忘记此服务器？' });
    await expect(confirm).toContainText(server.url);
    await confirm.getByRole('button', { name: '忘记', exact: true }).click();
    await expect(b.locator('[data-collab-state]')).toHaveAttribute('data-collab-state', 'solo', { timeout: 20_000 });
    await expect(dialog.getByRole('status')).toContainText('已忘记');
    await dialog.getByRole('button', { name: '关闭' }).click();
    // The next connection shows the certificate now presented, to compare again.
    server = { ...server, fingerprint: impostor.fingerprint };
    await connectB(impostor.fingerprint);
  } finally {
    await impostor.stop();
  }
});
