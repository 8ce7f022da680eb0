import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createCollabEngine, type DeskEngine } from '../../electron/services/collab/engine';

// A desk for the engine tests: main's real CollabEngine in a temp user-data folder, with
// its own loopback socket (as in Electron), and "renderers" that connect to that socket
// with a real HocuspocusProvider, as the renderer does.

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function startDesk(userData: string): Promise<DeskEngine> {
  return createCollabEngine({ userData, ownSocket: { origins: [], onUrl: () => {} } });
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
