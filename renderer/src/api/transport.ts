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
  /** main's binary tables for the editor (the 错别字 model), fetched as bytes. */
  tableUrl(name: 'csc'): string;
  /** A written export as a download link (browser host only; Electron reveals the file). */
  exportFileUrl?(workspacePath: string): string;
  /** A picked file's path on disk for main to read itself; '' in the browser, which never tells. */
  pathForFile(file: File): string;
}


// The browser host's credentials (see electron/host/gate.ts): the launch token arrives once
// in the URL (?token=…) and the file key in a <meta> of that page; both are kept in
// sessionStorage, which is scoped to this origin (port included) and this tab, and the
// token is taken out of the address bar at once. Nothing is a cookie, so no other server
// on 127.0.0.1 ever receives them.
const TOKEN_KEY = 'edition-desk-token';
const FILE_KEY = 'edition-desk-files';

function browserCredentials(): { token: string; fileKey: string } {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  const fromMeta = document.querySelector<HTMLMetaElement>('meta[name="edition-desk-files"]')?.content;
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    if (fromMeta) sessionStorage.setItem(FILE_KEY, fromMeta);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  return { token: sessionStorage.getItem(TOKEN_KEY) ?? '', fileKey: sessionStorage.getItem(FILE_KEY) ?? '-' };
}

function mediaPath(edition: string, photoId: string, size: string): string {
  return `photo/${encodeURIComponent(edition)}/${encodeURIComponent(photoId)}/${size}`;
}

/** JSON, or for a call carrying file bytes, the bytes as the body and the rest in a header. */
function httpBody(input: unknown, token: string): { headers: Record<string, string>; body: BodyInit } {
  const obj = (input ?? {}) as Record<string, unknown>;
  const auth = { 'x-edition-desk': '1', 'x-edition-desk-token': token };
  if (obj['bytes'] instanceof Uint8Array) {
    const { bytes, ...rest } = obj;
    return {
      headers: { 'content-type': 'application/octet-stream', ...auth, 'x-edition-desk-input': encodeURIComponent(JSON.stringify(rest)) },
      body: bytes as Uint8Array<ArrayBuffer>,
    };
  }
  return { headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(obj) };
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
      tableUrl: (name) => `app://desk/table/${name}`, // same-origin (protocol-app.ts)
      pathForFile: (file) => bridge.pathForFile?.(file) ?? '',
    };
  }
  const { token, fileKey } = browserCredentials();
  return {
    host: 'browser',
    async invoke(channel, input, opts) {
      if (!token) {
        return { ok: false, error: { code: 'FORBIDDEN', message: { 'zh-CN': '请使用 npm run web 打印的地址（含 token）打开。', en: 'Open the URL printed by npm run web (with its token).' } } };
      }
      const req = httpBody(input, token);
      // fetch's keepalive survives the page's unload; its body is capped at 64 KB.
      const keepalive = !!opts?.keepalive && typeof req.body === 'string' && req.body.length < 60_000;
      const res = await fetch(`/api/${channel}`, { method: 'POST', ...req, keepalive });
      if (!res.ok && res.headers.get('content-type')?.includes('json') !== true) {
        return { ok: false, error: { code: 'FORBIDDEN', message: { 'zh-CN': `连接失败（${res.status}）`, en: `Connection failed (${res.status})` } } };
      }
      return JSON.parse(await res.text(), reviveBytes) as Result<unknown>;
    },
    mediaUrl: (e, p, s) => `/media/${fileKey}/${mediaPath(e, p, s)}`,
    libraryUrl: (id, s) => `/media/${fileKey}/library/${encodeURIComponent(id)}/${s}`,
    tableUrl: (name) => `/media/${fileKey}/table/${name}`,
    exportFileUrl: (path) => `/export-file/${fileKey}/${path.split('/').map(encodeURIComponent).join('/')}`,
    pathForFile: () => '',
  };
}
