import { request } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../support/host';

// What the contract does with calls it must refuse, seen from a page of the app itself.
let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host.stop(); });

function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

async function callFromPage(page: import('@playwright/test').Page, channel: string, input: unknown) {
  return page.evaluate(async ([c, i]) => {
    const r = await fetch(`/api/${c}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-edition-desk': '1', 'x-edition-desk-token': sessionStorage.getItem('edition-desk-token') ?? '' }, body: JSON.stringify(i) });
    return r.json();
  }, [channel, input] as const);
}

test('wrong argument types and paths outside the workspace return typed errors and touch nothing', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('.pb-headline')).toBeVisible();
  const ws = join(host.dataDir, 'workspace');
  // The archive catalogue (<workspace>/.catalog) is built in its own process as the host
  // starts (archive-rpc/node-fork.ts): the refused calls below must touch nothing, so the
  // tree is taken once that build is done, not while it is still writing.
  await expect.poll(async () => (await callFromPage(page, 'archive:status', {})).value?.ready, { timeout: 30_000 }).toBe(true);
  const before = treeHash(ws);

  const wrongType = await callFromPage(page, 'story:get', { edition: 42, storyId: 'story-2026' });
  expect(wrongType.ok).toBe(false);
  expect(wrongType.error.code).toBe('INVALID_ARGUMENT');
  expect(wrongType.error.message['zh-CN']).toBeTruthy();
  expect(wrongType.error.message.en).toBeTruthy();

  const story = (await callFromPage(page, 'story:get', { edition: 'qinyuan-lianghui.edition', storyId: 'story-2026' })).value;
  for (const edition of ['../../etc', '/etc/passwd', '..\\x.edition', '../outside.edition']) {
    const r = await callFromPage(page, 'story:put', { edition, story });
    expect(r.ok, edition).toBe(false);
    expect(['INVALID_ARGUMENT', 'PATH_OUTSIDE_WORKSPACE'], edition).toContain(r.error.code);
  }
  const badId = await callFromPage(page, 'story:put', { edition: 'qinyuan-lianghui.edition', story: { ...story, id: '../../x' } });
  expect(badId.error.code).toBe('INVALID_ARGUMENT');
  const unknown = await callFromPage(page, 'fs:delete', {});
  expect(unknown.error.code).toBe('UNKNOWN_CHANNEL');
  expect(treeHash(ws)).toBe(before);
});

test('the host refuses calls without the launch token, a foreign Host header, or the API header', async () => {
  const ctx = await request.newContext();
  const noToken = await ctx.post(`${host.origin}/api/edition:list`, { headers: { 'x-edition-desk': '1' }, data: {} });
  expect(noToken.status()).toBe(403);
  const wrongToken = await ctx.get(`${host.origin}/?token=nope`);
  expect(wrongToken.status()).toBe(403);
  const rebinding = await ctx.get(`${host.origin}/`, { headers: { host: 'evil.example:80' } });
  expect(rebinding.status()).toBe(421);
  // With the launch token in its header, a call without the custom header is still refused.
  const token = new URL(host.url).searchParams.get('token')!;
  const noHeader = await ctx.post(`${host.origin}/api/edition:list`, { headers: { 'x-edition-desk-token': token }, data: {} });
  expect(noHeader.status()).toBe(405);
  const ok = await ctx.post(`${host.origin}/api/edition:list`, { headers: { 'x-edition-desk': '1', 'x-edition-desk-token': token }, data: {} });
  expect((await ok.json()).ok).toBe(true);
  const page = await ctx.get(`${host.origin}/`);
  expect(page.headers()['content-security-policy']).toContain("script-src 'self'");
  await ctx.dispose();
});

test('a malformed edition is listed with a clear error and never rewritten', async ({ page }) => {
  const dir = join(host.dataDir, 'workspace', 'broken.edition');
  mkdirSync(dir, { recursive: true });
  const bytes = '{"schemaVersion": 1, "title": "半截';
  writeFileSync(join(dir, 'edition.json'), bytes);
  await page.goto(host.url);
  const option = page.locator('.edition-picker option', { hasText: 'broken.edition' });
  await expect(option).toContainText('特刊文件已损坏或格式不正确');
  const open = await callFromPage(page, 'edition:open', { edition: 'broken.edition' });
  expect(open.error.code).toBe('EDITION_MALFORMED');
  expect(readFileSync(join(dir, 'edition.json'), 'utf8')).toBe(bytes);
});
