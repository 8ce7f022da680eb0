import type { Channel } from '../../../shared/contract/channels';
import type { Result } from '../../../shared/contract/errors';
import type { MediaSizeName } from './media';
import { BRIDGE_KEY, type EditionDeskBridge } from '../../../shared/contract/bridge';

// The renderer's only difference between hosts: how a call travels. In Electron the
// preload exposes one function per channel; in the browser host the same call is a POST
// to /api/<channel> on the loopback server that served this page.
export interface Transport {
  host: 'electron' | 'browser';
  /** keepalive: the call must reach main even if the page is going away (caption flush on close). */
  invoke(channel: Channel, input: unknown, opts?: { keepalive?: boolean }): Promise<Result<unknown>>;
  mediaUrl(edition: string, photoId: string, size: MediaSizeName): string;
  libraryUrl(id: string, size: MediaSizeName): string;
}


function mediaPath(edition: string, photoId: string, size: string): string {
  return `photo/${encodeURIComponent(edition)}/${encodeURIComponent(photoId)}/${size}`;
}

/** JSON, or for a call carrying file bytes, the bytes as the body and the rest in a header. */
function httpBody(input: unknown): { headers: Record<string, string>; body: BodyInit } {
  const obj = (input ?? {}) as Record<string, unknown>;
  if (obj['bytes'] instanceof Uint8Array) {
    const { bytes, ...rest } = obj;
    return {
      headers: { 'content-type': 'application/octet-stream', 'x-edition-desk': '1', 'x-edition-desk-input': encodeURIComponent(JSON.stringify(rest)) },
      body: bytes as Uint8Array<ArrayBuffer>,
    };
  }
  return { headers: { 'content-type': 'application/json', 'x-edition-desk': '1' }, body: JSON.stringify(obj) };
}

/** The host sends file bytes as {"$bytes": base64}; turn them back into a Uint8Array. */
function reviveBytes(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { $bytes?: unknown }).$bytes === 'string' && Object.keys(value).length === 1) {
    const bin = atob((value as { $bytes: string }).$bytes);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  return value;
}

export function pickTransport(): Transport {
  const bridge = (window as unknown as Record<string, EditionDeskBridge | undefined>)[BRIDGE_KEY];
  if (bridge) {
    return {
      host: 'electron',
      invoke: (channel, input) => bridge.api[channel](input),
      mediaUrl: (e, p, s) => `media://${mediaPath(e, p, s)}`,
      libraryUrl: (id, s) => `media://library/${encodeURIComponent(id)}/${s}`,
    };
  }
  return {
    host: 'browser',
    async invoke(channel, input, opts) {
      const req = httpBody(input);
      // fetch's keepalive survives the page's unload; its body is capped at 64 KB.
      const keepalive = !!opts?.keepalive && typeof req.body === 'string' && req.body.length < 60_000;
      const res = await fetch(`/api/${channel}`, { method: 'POST', ...req, keepalive });
      if (!res.ok && res.headers.get('content-type')?.includes('json') !== true) {
        return { ok: false, error: { code: 'FORBIDDEN', message: { 'zh-CN': `连接失败（${res.status}）`, en: `Connection failed (${res.status})` } } };
      }
      return JSON.parse(await res.text(), reviveBytes) as Result<unknown>;
    },
    mediaUrl: (e, p, s) => `/media/${mediaPath(e, p, s)}`,
    libraryUrl: (id, s) => `/media/library/${encodeURIComponent(id)}/${s}`,
  };
}
