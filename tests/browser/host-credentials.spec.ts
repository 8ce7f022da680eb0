import { request } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../support/host';

// Issue 11, items 1, 2 and 7: the desk's credentials reach no other server on 127.0.0.1,
// requests from another origin are refused on the API and on media, malformed escapes are
// a 400, and a symlinked photo in an edition is never served.

let host: RunningHost;
let other: Server;
let otherOrigin: string;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

test.beforeAll(async () => {
  host = await startHost();
  // "A second local user": another server on 127.0.0.1, another port, logging what it gets.
  other = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>other</title><img id="steal" src="${process.env['STEAL_SRC'] ?? ''}">`);
  });
  await new Promise<void>((ok) => other.listen(0, '127.0.0.1', () => ok()));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await host.stop();
  await new Promise<void>((ok) => other.close(() => ok()));
});

const token = () => new URL(host.url).searchParams.get('token')!;
const SAMPLE = 'qinyuan-lianghui.edition';

async function openDesk(page: import('@playwright/test').Page): Promise<{ fileKey: string; photoId: string }> {
  await page.goto(host.url);
  await expect(page.locator('.pb-headline')).toBeVisible({ timeout: 30_000 });
  const fileKey = await page.evaluate(() => sessionStorage.getItem('edition-desk-files') ?? '');
  expect(fileKey.length).toBeGreaterThan(20);
  const photoId = await page.evaluate(async (ed) => {
    const r = await fetch('/api/edition:open', { method: 'POST', headers: { 'content-type': 'application/json', 'x-edition-desk': '1', 'x-edition-desk-token': sessionStorage.getItem('edition-desk-token') ?? '' }, body: JSON.stringify({ edition: ed }) });
    return ((await r.json()) as { value: { photos: { id: string }[] } }).value.photos[0]!.id;
  }, SAMPLE);
  return { fileKey, photoId };
}

test('a second server on 127.0.0.1 receives no credential while the desk is open', async ({ page, context }) => {
  const { fileKey } = await openDesk(page);
  // The token left the address bar at once and no cookie was ever set.
  expect(page.url()).not.toContain('token=');
  expect(await context.cookies()).toEqual([]);
  // The same browser goes to the other port, as a link in a mail would take it.
  const tab = await context.newPage();
  await tab.goto(`${otherOrigin}/look`);
  await tab.evaluate((o) => fetch(`${o}/xhr`, { credentials: 'include' }).then((r) => r.text()), otherOrigin);
  expect(seen.length).toBeGreaterThanOrEqual(2);
  for (const r of seen) {
    expect(r.headers.cookie, r.url).toBeUndefined();
    const all = JSON.stringify(r);
    expect(all).not.toContain(token());
    expect(all).not.toContain(fileKey);
  }
  // A reload in the desk's own tab stays logged in (sessionStorage is per tab and origin).
  await page.reload();
  await expect(page.locator('.pb-headline')).toBeVisible({ timeout: 30_000 });
});

test('another origin is refused on the API and on media, even holding the secrets', async ({ page }) => {
  const { fileKey, photoId } = await openDesk(page);
  const ctx = await request.newContext();
  const api = (headers: Record<string, string>) => ctx.post(`${host.origin}/api/edition:list`, { headers: { 'x-edition-desk': '1', 'x-edition-desk-token': token(), ...headers }, data: {} });
  expect((await api({})).status()).toBe(200);
  expect((await api({ origin: host.origin })).status()).toBe(200);
  expect((await api({ 'sec-fetch-site': 'same-origin' })).status()).toBe(200);
  for (const bad of [{ origin: 'http://evil.example' }, { origin: otherOrigin }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }] as Record<string, string>[]) {
    expect((await api(bad)).status(), JSON.stringify(bad)).toBe(403);
  }
  const media = `${host.origin}/media/${fileKey}/photo/${SAMPLE}/${photoId}/thumb`;
  const get = (headers: Record<string, string>) => ctx.get(media, { headers });
  expect((await get({})).status()).toBe(200);
  for (const bad of [{ origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }] as Record<string, string>[]) {
    expect((await get(bad)).status(), JSON.stringify(bad)).toBe(403);
  }
  // Without the file key, or with the API token in its place.
  expect((await ctx.get(`${host.origin}/media/photo/${SAMPLE}/${photoId}/thumb`)).status()).toBe(403);
  expect((await ctx.get(`${host.origin}/media/${token()}/photo/${SAMPLE}/${photoId}/thumb`)).status()).toBe(403);
  await ctx.dispose();

  // The desk's own page shows it (and so has it in the browser's cache).
  const own = await page.evaluate((src) => new Promise<boolean>((ok) => {
    const img = new Image();
    img.onload = () => ok(img.naturalWidth > 0);
    img.onerror = () => ok(false);
    img.src = src;
  }), `/media/${fileKey}/photo/${SAMPLE}/${photoId}/thumb`);
  expect(own).toBe(true);
  // In a real browser: a page of the other port showing the photo by its full URL gets nothing
  // (Chromium marks it Sec-Fetch-Site: same-site, which is not same-origin), not even from the
  // cache the desk filled: another port of 127.0.0.1 is the same site and shares the cache
  // partition, and only Cross-Origin-Resource-Policy: same-origin keeps the cached copy from it.
  const tab = await page.context().newPage();
  await tab.goto(`${otherOrigin}/`);
  const loaded = await tab.evaluate((src) => new Promise<boolean>((ok) => {
    const img = new Image();
    img.onload = () => ok(true);
    img.onerror = () => ok(false);
    img.src = src;
  }), media);
  expect(loaded).toBe(false);
});

test('malformed escapes are a 400, not a 500', async ({ page }) => {
  const { fileKey, photoId } = await openDesk(page);
  const ctx = await request.newContext();
  for (const path of ['/%', '/%c0%af', `/media/${fileKey}/photo/${SAMPLE}/%/thumb`, `/media/${fileKey}/photo/%c0%af/${photoId}/thumb`, `/export-file/${fileKey}/%E0%A4%A`]) {
    expect((await ctx.get(`${host.origin}${path}`)).status(), path).toBe(400);
  }
  const api = await ctx.post(`${host.origin}/api/edition%`, { headers: { 'x-edition-desk': '1', 'x-edition-desk-token': token() }, data: {} });
  expect(api.status()).toBe(400);
  await ctx.dispose();
});

test('a symlinked photo in an edition is not served (ln -s /etc/passwd sym.edition/assets/…)', async ({ page }) => {
  const { fileKey } = await openDesk(page);
  const ws = join(host.dataDir, 'workspace');
  const sym = join(ws, 'sym.edition');
  cpSync(join(ws, SAMPLE), sym, { recursive: true });
  const linked = join(sym, 'assets', 'the-spices-of-life.jpg');
  rmSync(linked);
  symlinkSync('/etc/passwd', linked);
  const edition = JSON.parse(readFileSync(join(sym, 'edition.json'), 'utf8')) as { photos: { id: string; asset: { file: string } }[] };
  const id = edition.photos.find((p) => p.asset.file === 'assets/the-spices-of-life.jpg')!.id;
  const ctx = await request.newContext();
  for (const size of ['original', 'thumb', 'preview']) {
    const r = await ctx.get(`${host.origin}/media/${fileKey}/photo/sym.edition/${id}/${size}`);
    expect(r.status(), size).toBe(403);
    const body = await r.text();
    expect(body).toBe('SYMLINK_REFUSED');
    expect(body).not.toContain('root:');
  }
  await ctx.dispose();
});

test('the handoff package of that edition, linked to a JPEG outside the workspace, is refused by name and carries nothing', async ({ page }) => {
  test.setTimeout(120_000);
  await openDesk(page);
  const ws = join(host.dataDir, 'workspace');
  const sym = join(ws, 'sym.edition');
  const linked = join(sym, 'assets', 'the-spices-of-life.jpg');
  const outside = join(host.dataDir, 'outside-private.jpg');
  cpSync(join(ws, SAMPLE, 'assets', 'the-spices-of-life.jpg'), outside);
  rmSync(linked, { force: true });
  symlinkSync(outside, linked);
  const r = await page.evaluate(async () => {
    const res = await fetch('/api/export:run', { method: 'POST', headers: { 'content-type': 'application/json', 'x-edition-desk': '1', 'x-edition-desk-token': sessionStorage.getItem('edition-desk-token') ?? '' }, body: JSON.stringify({ edition: 'sym.edition', formats: { package: true } }) });
    return res.json() as Promise<{ ok: boolean; error?: { code: string; detail?: string; message: { 'zh-CN': string; en: string } } }>;
  });
  expect(r.ok).toBe(false);
  expect(r.error!.code).toBe('SYMLINK_REFUSED');
  expect(r.error!.detail).toContain('assets/the-spices-of-life.jpg');
  expect(r.error!.message['zh-CN']).toContain('符号链接');
  expect(r.error!.message.en).toContain('symbolic link');
  // No zip was left behind in the edition's exports.
  const zips = execFileSync('find', [sym, '-name', '*.zip']).toString().trim();
  expect(zips).toBe('');
});
