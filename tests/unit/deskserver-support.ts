import { request } from 'node:https';
import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Role } from '../../shared/collab/roles';
import { Accounts } from '../../electron/services/deskserver/accounts';
import { openDeskDb } from '../../electron/services/deskserver/desk-db';
import { createDeskServer, type DeskServer } from '../../electron/services/deskserver/desk-server';

// A real desk server on loopback for the deskserver-*.test.ts files, with HTTPS calls and
// Hocuspocus providers that trust exactly the server's own certificate (as a desk that
// pinned it would), never NODE_TLS_REJECT_UNAUTHORIZED.

export const PASSWORD = 'correct horse 马';

export async function addUsers(dataDir: string, users: Record<string, Role>): Promise<void> {
  const db = openDeskDb(dataDir);
  try {
    const accounts = new Accounts(db);
    for (const [name, role] of Object.entries(users)) await accounts.add(name, role, PASSWORD);
  } finally {
    db.close();
  }
}

export function startServer(dataDir: string): Promise<DeskServer> {
  return createDeskServer({ dataDir, port: 0, host: '127.0.0.1', quiet: true });
}

export interface Reply { status: number; json?: unknown; bytes: Buffer; headers: Record<string, unknown> }

export function api(server: DeskServer, method: string, path: string, opts: { token?: string; body?: unknown; raw?: Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
  const url = new URL(path, server.url);
  const payload = opts.raw ?? (opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body)));
  return new Promise((done, fail) => {
    const req = request(url, {
      method,
      ca: server.certPem,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(payload ? { 'content-length': String(payload.length), 'content-type': opts.raw ? 'application/octet-stream' : 'application/json' } : {}),
        ...opts.headers,
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        let json: unknown;
        if (bytes.length && String(res.headers['content-type'] ?? '').startsWith('application/json')) json = JSON.parse(bytes.toString('utf8'));
        done({ status: res.statusCode ?? 0, json, bytes, headers: res.headers });
      });
    });
    req.on('error', fail);
    req.end(payload);
  });
}

export async function login(server: DeskServer, name: string, password = PASSWORD): Promise<string> {
  const r = await api(server, 'POST', '/api/login', { body: { name, password } });
  if (r.status !== 200) throw new Error(`login ${name}: ${r.status}`);
  return (r.json as { token: string }).token;
}

/** ws, trusting the server's certificate, in the shape HocuspocusProviderWebsocket constructs. */
export function trustingWebSocket(ca: string) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca });
    }
  };
}

export interface Client {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  refused: Promise<string>;
  stateless: string[];
  /** Descriptions of what the provider sent ("A document update", …). */
  sent: string[];
  /** The server's SyncStatus answers, in order: true = applied, false = refused. */
  acks: boolean[];
}

/** A SyncStatus message's verdict (Hocuspocus MessageType 8), or null for any other message. */
function syncStatus(data: Uint8Array): boolean | null {
  const d = decoding.createDecoder(data);
  decoding.readVarString(d);
  return decoding.readVarUint(d) === 8 ? decoding.readVarInt(d) === 1 : null;
}

/** A raw Hocuspocus provider on `name` with `token` (no UI): what a forging desk would run. */
export function connect(server: DeskServer, name: string, token: string | null): Client {
  const doc = new Y.Doc();
  const stateless: string[] = [];
  const sent: string[] = [];
  const acks: boolean[] = [];
  let refuse: (reason: string) => void = () => {};
  const refused = new Promise<string>((r) => (refuse = r));
  // The provider hands its configuration to the socket it makes and manages (setConfiguration →
  // new HocuspocusProviderWebsocket), which takes WebSocketPolyfill; the provider's type leaves it out.
  const socketOptions = { WebSocketPolyfill: trustingWebSocket(server.certPem) } as Partial<HocuspocusProviderConfiguration>;
  const provider = new HocuspocusProvider({
    url: server.url.replace(/^https/, 'wss'),
    ...socketOptions,
    name,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => refuse(reason),
    onStateless: ({ payload }) => stateless.push(payload),
    onOutgoingMessage: ({ message }) => sent.push((message as unknown as { description: string }).description),
  });
  // On the provider, not in its configuration: the configuration's onMessage is also handed
  // to the socket, which calls it with the bare event.
  provider.on('message', ({ event }: { event: { data: Buffer } }) => {
    const v = syncStatus(new Uint8Array(event.data));
    if (v !== null) acks.push(v);
  });
  return { provider, doc, refused, stateless, sent, acks };
}

export function synced(c: Client, timeout = 10_000): Promise<void> {
  if (c.provider.isSynced) return Promise.resolve();
  return within(timeout, 'synced', (done) => c.provider.on('synced', () => done()));
}

/** Resolves when `check` holds, re-checked on every change of `doc`. */
export function until(doc: Y.Doc, check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  if (check()) return Promise.resolve();
  return within(timeout, what, (done) => {
    const f = () => {
      if (check()) {
        doc.off('update', f);
        done();
      }
    };
    doc.on('update', f);
  });
}

/** Resolves when `check` holds, polled (for what changes no document: stateless notices, acks). */
export function poll(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  return within(timeout, what, (done) => {
    const t = setInterval(() => {
      if (check()) {
        clearInterval(t);
        done();
      }
    }, 10);
  });
}

export function acknowledged(c: Client, timeout = 10_000): Promise<void> {
  if (c.provider.unsyncedChanges === 0) return Promise.resolve();
  return within(timeout, 'acknowledged', (done) => c.provider.on('unsyncedChanges', ({ number }: { number: number }) => number === 0 && done()));
}

function within(ms: number, what: string, start: (done: () => void) => void): Promise<void> {
  return new Promise((done, fail) => {
    const t = setTimeout(() => fail(new Error(`timed out waiting for ${what}`)), ms);
    start(() => {
      clearTimeout(t);
      done();
    });
  });
}

/** The document as the store holds it (opened apart from any server). */
export async function storedDoc(dataDir: string, name: string): Promise<Y.Doc> {
  const { createSqliteDocStore } = await import('../../electron/services/deskserver/sqlite-doc-store');
  const store = createSqliteDocStore(`${dataDir}/docs.db`);
  const doc = new Y.Doc();
  const updates = await store.load(name);
  if (updates.length) Y.applyUpdate(doc, Y.mergeUpdates(updates));
  await store.close();
  return doc;
}
