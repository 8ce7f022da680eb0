import { request, type APIRequestContext } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { execFileSync } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, tempDataDir, type RunningHost } from '../support/host';

// Issue 11, item 9: kill -9 while captions are being written, restart, and the library
// records agree with their files (the file's XMP wins when it is newer, with a warning on
// the photo); atomic-write temp files left by the crash are swept at start-up.

interface Photo { id: string; file: string; meta: { caption: { zh: string; en: string } }; warnings: string[] }

async function api<T>(ctx: APIRequestContext, host: RunningHost, channel: string, input: unknown): Promise<T> {
  const token = new URL(host.url).searchParams.get('token')!;
  const r = await ctx.post(`${host.origin}/api/${channel}`, { headers: { 'x-edition-desk': '1', 'x-edition-desk-token': token }, data: input });
  const body = await r.json() as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.value;
}

function fileCaptions(files: string[]): Record<string, string> {
  const rows = JSON.parse(execFileSync('exiftool', ['-j', '-charset', 'utf8', '-XMP-dc:Description-zh-CN', '-XMP-dc:Description', ...files], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8')) as Record<string, string>[];
  return Object.fromEntries(rows.map((r) => [r['SourceFile']!, String(r['Description-zh-CN'] ?? r['Description'] ?? '')]));
}

test('kill -9 during caption writes, restart: every record agrees with its file', async () => {
  test.setTimeout(180_000);
  const dataDir = tempDataDir();
  const ws = join(dataDir, 'workspace');
  let host = await startHost(dataDir);
  const ctx = await request.newContext();
  const photos = await api<Photo[]>(ctx, host, 'library:list', {});
  expect(photos.length).toBeGreaterThanOrEqual(4);

  // Two writers, one photo each at a time, captions numbered; killed mid-stream.
  const acked = new Map<string, number>();
  let stop = false;
  const writer = async (mine: Photo[]) => {
    for (let n = 0; !stop; n++) {
      const p = mine[n % mine.length]!;
      try {
        await api(ctx, host, 'library:caption', { id: p.id, meta: { ...p.meta, caption: { zh: `中断测试 ${n} ${p.id}`, en: `kill test ${n}` } } });
        acked.set(p.id, n);
      } catch {
        return; // the host is gone
      }
    }
  };
  const writers = [writer(photos.slice(0, 4).filter((_, i) => i % 2 === 0)), writer(photos.slice(0, 4).filter((_, i) => i % 2 === 1))];
  await expect.poll(() => [...acked.values()].length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await new Promise((ok) => setTimeout(ok, 150 + Math.floor(Math.random() * 200)));
  await host.stop('SIGKILL');
  stop = true;
  await Promise.all(writers);

  // The deterministic half of the crash: a file that holds a newer caption than its record
  // (as a kill between the file's rename and the record's write leaves it), and a temp file
  // of an unfinished write.
  const victim = photos[5]!;
  const victimFile = join(ws, victim.file);
  execFileSync('exiftool', ['-q', '-overwrite_original', '-XMP-dc:Description=文件里更新的说明', '-XMP-dc:Description-zh-CN=文件里更新的说明', victimFile]);
  const future = new Date(Date.now() + 2000);
  utimesSync(victimFile, future, future);
  const leftover = join(ws, 'library', 'records', `.${victim.id}.json.0123456789ab.tmp`);
  writeFileSync(leftover, '{"half": ');
  const past = new Date(Date.now() - 60_000);
  utimesSync(leftover, past, past);

  host = await startHost(dataDir);
  try {
    const after = await api<Photo[]>(ctx, host, 'library:list', {});
    const inFile = fileCaptions(after.map((p) => join(ws, p.file)));
    for (const p of after) expect(p.meta.caption.zh, p.id).toBe(inFile[join(ws, p.file)]);
    // No acknowledged caption was lost: each record holds the last acknowledged one or a later one.
    for (const [id, n] of acked) {
      const m = /^中断测试 (\d+) /.exec(after.find((p) => p.id === id)!.meta.caption.zh);
      expect(Number(m?.[1] ?? -1), id).toBeGreaterThanOrEqual(n);
    }
    const fixed = after.find((p) => p.id === victim.id)!;
    expect(fixed.meta.caption.zh).toBe('文件里更新的说明');
    expect(fixed.warnings.join('\n')).toContain('图片说明以文件中的为准');
    expect(existsSync(leftover)).toBe(false);
  } finally {
    await host.stop();
    await ctx.dispose();
  }
});
