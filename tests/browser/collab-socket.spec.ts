import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import * as Y from 'yjs';
import { startHost, type RunningHost } from '../support/host';
import { pageApi } from '../support/page-api';
import { makeCert, newState, startTestServer, type TestServer } from '../support/collab-test-server';

// Issue 12, the browser host's side of the network: solo until the user connects (the
// /collab socket refuses everything), the trust step, and then the renderer's socket on
// the host's own origin reaching a server document through main, authenticated by the
// host's token; another origin and a wrong token are refused.

let host: RunningHost;
let server: TestServer;
const cert = makeCert();
const NAME = 'story/ed-1/story-9/zh';

test.beforeAll(async () => {
  const state = newState();
  const seed = new Y.Doc();
  seed.getText('t').insert(0, '沁源县融媒体中心');
  state.docs.set(NAME, Y.encodeStateAsUpdate(seed));
  server = await startTestServer(cert, state);
  host = await startHost(undefined, undefined, { noSample: true });
});
test.afterAll(async () => {
  await host.stop();
  await server.stop();
});

/** In the page: a raw Hocuspocus client (auth, then SyncStep1), returning what came back. */
function rawClient(page: Page, url: string, token: string, name: string) {
  return page.evaluate(async ([u, t, n]) => {
    const enc = new TextEncoder();
    const str = (s: string) => { const b = enc.encode(s); return [b.length, ...b]; }; // lib0 varString, short strings
    return new Promise<{ opened: boolean; auth: number | null; text: string }>((resolve) => {
      const out = { opened: false, auth: null as number | null, text: '' };
      let ws: WebSocket;
      try { ws = new WebSocket(u); } catch { return resolve(out); }
      ws.binaryType = 'arraybuffer';
      const done = () => { try { ws.close(); } catch { /* closed */ } resolve(out); };
      const timer = setTimeout(done, 4000);
      ws.onerror = () => { clearTimeout(timer); done(); };
      ws.onclose = () => { clearTimeout(timer); resolve(out); };
      ws.onopen = () => {
        out.opened = true;
        ws.send(new Uint8Array([...str(n), 2, 0, ...str(t)])); // Auth, Token
        ws.send(new Uint8Array([...str(n), 0, 0, 1, 0])); // Sync, SyncStep1, empty state vector
      };
      ws.onmessage = (e) => {
        const b = new Uint8Array(e.data as ArrayBuffer);
        const type = b[1 + b[0]!];
        if (type === 2) out.auth = b[2 + b[0]!]!;
        out.text += new TextDecoder().decode(b);
        if (out.auth === 1 || out.text.includes('沁源县融媒体中心')) { clearTimeout(timer); done(); }
      };
    });
  }, [url, token, name] as const);
}

test('the renderer reaches shared documents only through main, after the user trusted the server', async ({ page }) => {
  await page.goto(host.url);
  await page.waitForFunction(() => !!sessionStorage.getItem('edition-desk-token'), undefined, { timeout: 30_000 });
  const hostToken = new URL(host.url).searchParams.get('token')!;
  const origin = new URL(host.url).origin;
  const socketUrl = `${origin.replace('http:', 'ws:')}/collab`;

  type Status = { server: unknown; socket: { url: string; token: string } | null; online: boolean; pending: number };
  const solo = await pageApi<Status>(page, 'collab:status', {});
  expect(solo).toMatchObject({ server: null, socket: null, online: false, pending: 0 });
  // Solo: the socket is there but refuses (nothing is set up, nothing is opened to anyone).
  expect((await rawClient(page, socketUrl, hostToken, NAME)).opened).toBe(false);

  const first = await pageApi<{ state: string; fingerprint: string }>(page, 'collab:connect', { url: server.url, name: 'zhang', password: 'pw-zhang' });
  expect(first).toMatchObject({ state: 'trust', fingerprint: cert.fingerprint });
  const ok = await pageApi<{ state: string; status: Status }>(page, 'collab:connect', { url: server.url, name: 'zhang', password: 'pw-zhang', trust: first.fingerprint });
  expect(ok.state).toBe('connected');
  expect(ok.status.socket).toEqual({ url: socketUrl, token: hostToken });
  await expect.poll(async () => (await pageApi<Status>(page, 'collab:status', {})).online, { timeout: 15_000 }).toBe(true);

  // The page's own socket (CSP connect-src 'self'), the host's token: the server's text arrives.
  const reply = await rawClient(page, socketUrl, hostToken, NAME);
  expect(reply).toMatchObject({ opened: true, auth: 2 });
  expect(reply.text).toContain('沁源县融媒体中心');

  // A wrong token is refused by main's Hocuspocus; no document content comes back.
  const wrong = await rawClient(page, socketUrl, 'x'.repeat(32), NAME);
  expect(wrong.auth).toBe(1);
  expect(wrong.text).not.toContain('沁源县融媒体中心');

  // Another origin (a page that is not ours) cannot even open the socket.
  await page.goto('data:text/html,<title>other</title>');
  const foreign = await page.evaluate((u) => new Promise<boolean>((resolve) => {
    const ws = new WebSocket(u);
    ws.onopen = () => resolve(true);
    ws.onerror = () => resolve(false);
  }), socketUrl);
  expect(foreign).toBe(false);
});
