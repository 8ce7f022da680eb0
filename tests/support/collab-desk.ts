import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { randomBytes } from 'node:crypto';
import { createCollabEngine, type DeskEngine } from '../../electron/services/collab/engine';
import { listenLoopback } from '../../electron/services/collab/loopback';

// A desk for the engine tests: main's real CollabEngine in a temp user-data folder, with
// its own loopback socket (as in Electron), and "renderers" that connect to that socket
// with a real HocuspocusProvider, as the renderer does.

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function startDesk(userData: string): Promise<DeskEngine> {
  const engine = await createCollabEngine({ userData });
  const listener = await listenLoopback(['app://desk'], (req, socket, head) => engine.upgrade(req, socket, head));
  engine.setSocket(listener.url, randomBytes(24).toString('base64url'));
  const close = engine.close.bind(engine);
  engine.close = async () => { await close(); await listener.close(); };
  return engine;
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface Renderer {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  destroy(): void;
}

/** A renderer's provider on main's loopback socket. */
export async function connectRenderer(engine: DeskEngine, name: string, token?: string): Promise<Renderer> {
  await until(async () => (await engine.status()).socket !== null, 5000, 'the loopback socket');
  const sock = (await engine.status()).socket!;
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: sock.url, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: token ?? sock.token });
  provider.attach();
  return { doc, provider, socket, destroy: () => { provider.destroy(); socket.destroy(); } };
}
