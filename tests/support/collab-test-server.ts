import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomBytes, X509Certificate } from 'node:crypto';
import { WebSocketServer } from 'ws';
import { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import selfsigned from 'selfsigned';

// A small desk server for the engine's tests until the server stream's createDeskServer
// lands: HTTPS with a self-signed certificate, the login / signoff / audit calls of
// shared/collab/protocol.ts, and a real Hocuspocus 3.4.4 behind the same port that checks
// the session token. Documents live in a Map the caller keeps, so a stopped and restarted
// server has everything it had acknowledged.

export interface TestCert { cert: string; key: string; fingerprint: string }

export function makeCert(cn = 'desk-server.test'): TestCert {
  const pems = selfsigned.generate([{ name: 'commonName', value: cn }], { days: 30, keySize: 2048, algorithm: 'sha256' });
  return { cert: pems.cert, key: pems.private, fingerprint: new X509Certificate(pems.cert).fingerprint256 };
}

export interface TestServer {
  url: string;
  port: number;
  hocuspocus: Hocuspocus;
  /** Every request the HTTP side saw (method and path), to show what was (not) sent. */
  seen: string[];
  stop(): Promise<void>;
}

export interface TestServerState {
  docs: Map<string, Uint8Array>;
  users: Record<string, { password: string; role: string }>;
  sessions: Map<string, string>;
  signoffs: Map<string, { editionId: string; pageId: string; round: number; by: string; at: string }>;
  audit: Array<{ at: string; user: string; action: 'signoff' | 'reopen'; editionId: string; pageId: string; round: number }>;
}

export function newState(): TestServerState {
  return {
    docs: new Map(),
    users: { zhang: { password: 'pw-zhang', role: 'editor' }, li: { password: 'pw-li', role: 'editor' }, wang: { password: 'pw-wang', role: 'chief' } },
    sessions: new Map(), signoffs: new Map(), audit: [],
  };
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

export async function startTestServer(cert: TestCert, state: TestServerState, port = 0): Promise<TestServer> {
  const seen: string[] = [];
  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: 0,
    onAuthenticate: async ({ token }) => {
      const user = state.sessions.get(token);
      if (!user) throw new Error('no session');
      return { user };
    },
    onLoadDocument: async ({ document, documentName }) => {
      const saved = state.docs.get(documentName);
      if (saved) Y.applyUpdate(document, saved);
    },
    // Stored on every change before the next message is handled: "acknowledged" = kept.
    onChange: async ({ document, documentName }) => {
      state.docs.set(documentName, Y.encodeStateAsUpdate(document));
    },
  });
  const userOf = (req: IncomingMessage) => state.sessions.get(String(req.headers.authorization ?? '').replace(/^Bearer /, ''));
  const server: Server = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    void (async () => {
      const url = new URL(req.url ?? '/', 'https://x');
      if (url.pathname === '/api/login' && req.method === 'POST') {
        const b = (await body(req)) as { name: string; password: string };
        const u = state.users[b.name];
        if (!u || u.password !== b.password) return json(res, 401, { error: 'LOGIN_FAILED' });
        const token = randomBytes(24).toString('base64url');
        state.sessions.set(token, b.name);
        return json(res, 200, { token, user: { name: b.name, role: u.role } });
      }
      const user = userOf(req);
      if (!user) return json(res, 401, { error: 'SESSION_EXPIRED' });
      const role = state.users[user]!.role;
      if (url.pathname === '/api/logout') return json(res, 200, { ok: true });
      if (url.pathname === '/api/signoffs') {
        const ed = url.searchParams.get('edition');
        return json(res, 200, [...state.signoffs.values()].filter((s) => s.editionId === ed));
      }
      if (url.pathname === '/api/audit') return json(res, 200, state.audit.filter((a) => a.editionId === url.searchParams.get('edition')));
      if (url.pathname === '/api/signoff' || url.pathname === '/api/reopen') {
        if (role !== 'chief') return json(res, 403, { error: 'ROLE_REFUSED' });
        const b = (await body(req)) as { editionId: string; pageId: string; round?: number };
        const at = new Date().toISOString();
        const key = `${b.editionId}/${b.pageId}`;
        if (url.pathname === '/api/signoff') {
          const s = { editionId: b.editionId, pageId: b.pageId, round: b.round ?? 1, by: user, at };
          state.signoffs.set(key, s);
          state.audit.push({ at, user, action: 'signoff', editionId: b.editionId, pageId: b.pageId, round: s.round });
          return json(res, 200, s);
        }
        const round = state.signoffs.get(key)?.round ?? 1;
        state.signoffs.delete(key);
        state.audit.push({ at, user, action: 'reopen', editionId: b.editionId, pageId: b.pageId, round });
        return json(res, 200, { ok: true });
      }
      return json(res, 404, { error: 'NOT_FOUND' });
    })().catch(() => json(res, 500, {}));
  });
  // Every raw socket, so stop() can end them all: closeAllConnections() knows only HTTP
  // connections, not a WebSocket after its upgrade nor a desk's reconnect still in its TLS
  // handshake, and server.close() waits for each of those. Under load a reconnect landed in
  // that window, became a live Hocuspocus connection after stop() had closed the others,
  // and the stop never returned (collab-engine-signoff timed out at 60 s at load 12).
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => { sockets.add(s); s.once('close', () => sockets.delete(s)); });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    seen.push(`UPGRADE ${req.url}`);
    wss.handleUpgrade(req, socket, head, (ws) => hocuspocus.handleConnection(ws, req));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const actual = (server.address() as { port: number }).port;
  return {
    url: `https://127.0.0.1:${actual}`,
    port: actual,
    hocuspocus,
    seen,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
