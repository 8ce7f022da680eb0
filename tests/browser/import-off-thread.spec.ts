import { request } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { startHost, type RunningHost } from '../support/host';
import { docx, para } from '../support/hostile-docx';

// Issue 11, item 6: an import runs in a worker thread, so a slow file does not stall the
// host's other calls (autosaves, app:info) while it is read.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host.stop(); });

test('app:info answers while a long .docx is being imported', async () => {
  test.setTimeout(120_000);
  const token = new URL(host.url).searchParams.get('token')!;
  const ctx = await request.newContext();
  const headers = { 'x-edition-desk': '1', 'x-edition-desk-token': token };
  // 19,000 paragraphs, 2.3 million characters: a second or more of parsing.
  const bytes = docx(Array.from({ length: 19_000 }, (_, i) => para(`第${i}段沁源县两会隆重开幕代表们步入会场民生是今年的关键词`.repeat(3))).join(''));
  const input = encodeURIComponent(JSON.stringify({ edition: 'qinyuan-lianghui.edition', fileName: '长稿.docx' }));
  const started = Date.now();
  let finished = 0;
  const importing = ctx.post(`${host.origin}/api/story:import`, {
    headers: { ...headers, 'content-type': 'application/octet-stream', 'x-edition-desk-input': input },
    data: Buffer.from(bytes),
    timeout: 100_000,
  }).then(async (r) => { finished = Date.now(); return r.json() as Promise<{ ok: boolean; error?: { code: string } }>; });
  const latencies: number[] = [];
  while (!finished) {
    const t = Date.now();
    const r = await ctx.post(`${host.origin}/api/app:info`, { headers, data: {} });
    expect(r.ok()).toBe(true);
    latencies.push(Date.now() - t);
    await new Promise((ok) => setTimeout(ok, 25));
  }
  const result = await importing;
  // Either imported, or refused by the budget with a named error: never INTERNAL.
  expect(result.ok || result.error?.code === 'IMPORT_TOO_LARGE', JSON.stringify(result.error)).toBe(true);
  const took = finished - started;
  expect(latencies.length).toBeGreaterThan(3);
  // Whatever the machine's load: no call waited for the import.
  expect(Math.max(...latencies)).toBeLessThan(Math.max(400, took / 2));
  await ctx.dispose();
});
