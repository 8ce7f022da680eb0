import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { REPO, startHost, type RunningHost } from '../support/host';
import { pageApi } from '../support/page-api';
import { createDeskServer, type DeskServer } from '../../electron/services/deskserver/desk-server';
import { addUsers, PASSWORD } from '../unit/deskserver-support';

// Issue 12, the mirror in the running app: two browser hosts (two desks) and the real desk
// server. Desk A (the chief) publishes the sample edition; desk B (an editor) opens it from
// the server: it is on B's start screen as an ordinary edition, opens on its pages, and a
// frame the chief moves on A reaches B's folder.

let server: DeskServer;
let hostA: RunningHost;
let hostB: RunningHost;
const SAMPLE = 'qinyuan-lianghui.edition';

test.beforeAll(async () => {
  const data = mkdtempSync(join(tmpdir(), 'edition-desk-server-e2e-'));
  await addUsers(data, { wang: 'chief', li: 'editor' });
  server = await createDeskServer({ dataDir: data, port: 0, host: '127.0.0.1', quiet: true });
  hostA = await startHost();
  hostB = await startHost(undefined, undefined, { noSample: true });
});
test.afterAll(async () => {
  await hostA?.stop();
  await hostB?.stop();
  await server?.close();
});

async function connect(page: Page, host: RunningHost, name: string): Promise<void> {
  await page.goto(host.url);
  await page.waitForFunction(() => !!sessionStorage.getItem('edition-desk-token'), undefined, { timeout: 30_000 });
  const first = await pageApi<{ state: string; fingerprint: string }>(page, 'collab:connect', { url: server.url, name, password: PASSWORD });
  expect(first).toMatchObject({ state: 'trust', fingerprint: server.fingerprint });
  const done = await pageApi<{ state: string }>(page, 'collab:connect', { url: server.url, name, password: PASSWORD, trust: first.fingerprint });
  expect(done.state).toBe('connected');
}

type Page1 = { id: string; name: string; blocks: { id: string; kind: string; yMm: number }[] };

test('publish on desk A, open on desk B: an ordinary edition there, and A\'s changes reach it', async ({ browser }) => {
  test.setTimeout(180_000);
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await connect(a, hostA, 'wang');
  await connect(b, hostB, 'li');

  const { remoteId } = await pageApi<{ remoteId: string }>(a, 'collab:publish', { edition: SAMPLE });
  expect(existsSync(join(hostA.dataDir, 'workspace', SAMPLE, 'shared.json'))).toBe(true);

  const remote = await pageApi<{ id: string; title: string; localRef: string | null }[]>(b, 'collab:remote-editions', {});
  expect(remote).toEqual([expect.objectContaining({ id: remoteId, title: '沁源两会特刊（示例）', localRef: null })]);
  const opened = await pageApi<{ ref: string; photosFailed: unknown[] }>(b, 'collab:open-remote', { remoteId });
  expect(opened.photosFailed).toEqual([]);

  // On B it is an edition like any other: the desk opens it on its pages, and the start
  // screen lists it with its date and page count.
  await b.reload();
  await expect(b.locator('.sheet').first()).toBeVisible({ timeout: 30_000 });
  await expect(b.getByRole('tab', { name: '版面' })).toHaveAttribute('aria-selected', 'true');
  await b.getByRole('button', { name: '特刊列表' }).click();
  const row = b.locator(`tr[data-edition-ref="${opened.ref}"]`);
  await expect(row).toContainText('沁源两会特刊（示例）', { timeout: 20_000 });
  await expect(row).toContainText('2 版');

  // The chief moves a frame on A: B's folder has it (the write-back), and so does what B reads.
  const [pageA] = await pageApi<Page1[]>(a, 'page:list', { edition: SAMPLE });
  const frame = pageA!.blocks.find((x) => x.kind === 'photo' || x.kind === 'story')!;
  await pageApi(a, 'page:put', { edition: SAMPLE, page: { ...pageA, blocks: pageA!.blocks.map((x) => (x.id === frame.id ? { ...x, yMm: x.yMm + 12 } : x)) } });
  const fileB = join(hostB.dataDir, 'workspace', opened.ref, 'pages', `${pageA!.id}.json`);
  await expect.poll(() => (JSON.parse(readFileSync(fileB, 'utf8')) as Page1).blocks.find((x) => x.id === frame.id)?.yMm, { timeout: 20_000 }).toBe(frame.yMm + 12);
  const pageB = await pageApi<Page1>(b, 'page:get', { edition: opened.ref, pageId: pageA!.id });
  expect(pageB.blocks.find((x) => x.id === frame.id)?.yMm).toBe(frame.yMm + 12);

  // The CLI exports B's copy unchanged: a print PDF of its two pages and the handoff zip.
  const out = mkdtempSync(join(tmpdir(), 'edition-desk-mirror-export-'));
  const folderB = join(hostB.dataDir, 'workspace', opened.ref);
  const cli = spawnSync(process.execPath, [join(REPO, 'out/cli/index.mjs'), 'export', folderB, '--pdf', join(out, 'b.pdf'), '--package', join(out, 'b.zip')], { encoding: 'utf8', env: { ...process.env, LANG: 'C' }, timeout: 150_000 });
  expect(cli.status, cli.stderr).toBe(0);
  expect(spawnSync('pdfinfo', [join(out, 'b.pdf')], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+2\b/);
  expect(existsSync(join(out, 'b.zip'))).toBe(true);

  // A duplicate of the shared edition on B is a solo copy.
  const dup = await pageApi<{ ref: string }>(b, 'edition:duplicate', { edition: opened.ref, title: '沁源两会特刊 本地副本' });
  expect(existsSync(join(hostB.dataDir, 'workspace', dup.ref, 'shared.json'))).toBe(false);
});
