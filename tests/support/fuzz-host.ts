import { expect, request, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '../../shared/contract/errors';
import { startHost, type RunningHost } from './host';

// What the two fuzz specs share (issue 11): one built host per spec file, its RSS sampled
// every 100 ms, calls through its real HTTP API, and the rule every refusal meets. The
// photos and the copy were one spec file, 77 s, the last to end on its worker; as two files
// the two workers take one each (tests/browser/fuzz-photos.spec.ts, fuzz-copy.spec.ts).
// One request context per host, made as its file's one test starts: the old file renewed
// it between its two tests, because a kept-alive socket left idle past the host's 5 s
// keep-alive while the photos' vips checks ran was reset under the next POST.

export const PER_FILE_MS = 10_000;
export const RSS_LIMIT = 1.5 * 1024 ** 3;

export interface Err { code: string; message: { 'zh-CN': string; en: string } }
export type Answer = { ok: true; value: unknown } | { ok: false; error: Err };

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface FuzzHost {
  callWithBytes(channel: string, fields: Record<string, unknown>, bytes: Uint8Array): Promise<{ answer: Answer; ms: number }>;
  callJson(channel: string, input: unknown): Promise<Answer>;
  /** The host's largest resident set seen so far. */
  maxRss(): number;
  stop(): Promise<void>;
}

export async function startFuzzHost(): Promise<FuzzHost> {
  const host: RunningHost = await startHost();
  const ctx: APIRequestContext = await request.newContext();
  let max = 0;
  const sampler = setInterval(() => { max = Math.max(max, rssOf(host.child.pid!)); }, 100);
  const token = new URL(host.url).searchParams.get('token')!;
  return {
    async callWithBytes(channel, fields, bytes) {
      const t = Date.now();
      const r = await ctx.post(`${host.origin}/api/${channel}`, {
        headers: { 'x-edition-desk': '1', 'x-edition-desk-token': token, 'content-type': 'application/octet-stream', 'x-edition-desk-input': encodeURIComponent(JSON.stringify(fields)) },
        data: Buffer.from(bytes),
        timeout: 60_000,
      });
      return { answer: await r.json() as Answer, ms: Date.now() - t };
    },
    async callJson(channel, input) {
      const r = await ctx.post(`${host.origin}/api/${channel}`, {
        headers: { 'x-edition-desk': '1', 'x-edition-desk-token': token, 'content-type': 'application/json' },
        data: JSON.stringify(input),
        timeout: 120_000,
      });
      return await r.json() as Answer;
    },
    maxRss: () => max,
    async stop() {
      clearInterval(sampler);
      await ctx.dispose();
      await host.stop();
    },
  };
}

/** A refusal is a named code with a sentence in each language; never INTERNAL. */
export function expectNamed(e: Err, what: string): void {
  expect(e.code, what).not.toBe('INTERNAL');
  expect(ERROR_CODES as readonly string[], what).toContain(e.code);
  expect(e.message['zh-CN'], what).toMatch(/[\u4e00-\u9fff]/);
  expect(e.message.en.length, what).toBeGreaterThan(5);
}
