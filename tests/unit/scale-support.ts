import { HocuspocusProvider } from '@hocuspocus/provider';
import { Server, type Extension } from '@hocuspocus/server';
import WebSocket from 'ws';
import * as Y from 'yjs';

// Helpers of the scale-out tests: desk-server instances on loopback and headless Yjs clients.

export const TEST_PG = process.env['EDITION_DESK_TEST_PG'] ?? '';
export const TEST_REDIS = process.env['EDITION_DESK_TEST_REDIS'] ?? '';
export const SCALE_SKIP_REASON = TEST_PG && TEST_REDIS ? ''
  : 'EDITION_DESK_TEST_PG and EDITION_DESK_TEST_REDIS are not set (.ci/run starts PostgreSQL and Redis and sets them; see README "Several servers")';

export interface Instance {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** One Hocuspocus instance on 127.0.0.1 with the given extensions (a port of its own). */
export async function startInstance(extensions: Extension[]): Promise<Instance> {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false, extensions });
  await server.listen();
  return { server, url: `ws://127.0.0.1:${server.address.port}`, stop: () => server.destroy() };
}

export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  text: Y.XmlText;
}

/** A headless client of one document, typing into the root XmlText (Lexical's shape). */
export async function connectClient(url: string, name: string): Promise<Client> {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url, name, document: doc, WebSocketPolyfill: WebSocket, token: 'test' });
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`client of ${name} on ${url}: not synced in 10 s`)), 10_000);
    provider.on('synced', () => { clearTimeout(t); resolve(); });
  });
  return { doc, provider, text: doc.get('root', Y.XmlText) };
}

export function closeClient(c: Client): void {
  c.provider.destroy();
  c.doc.destroy();
}

/** Resolves when check() holds, polling every 10 ms; rejects with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolves once the server acknowledged every change this client sent. */
export function acknowledged(c: Client, ms = 10_000): Promise<void> {
  return until(() => !c.provider.hasUnsyncedChanges, 'server acknowledgement', ms);
}
